# math: values, integer functions, error messages.
import math

print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log2(1024), math.log10(0.001))
print(math.log(2 ** 2000), math.log10(10 ** 400), math.log2(2 ** 3000 + 1))
print(math.log1p(1e-10), math.expm1(1e-10), math.pow(2, 0.5), math.pow(-8, 3))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.atan2(1, -1), math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.dist((0, 0), (3, 4)))
print(math.degrees(math.pi), math.radians(180), math.fabs(-3), math.fmod(7, -3), math.remainder(7, 3))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), type(math.floor(2.0)).__name__)
print(math.floor(10 ** 30), math.ceil(1e20), math.trunc(True))
print(math.modf(3.25), math.modf(-math.inf), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4))
print(math.copysign(3, -0.0), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2))
print(math.isclose(1e-12, 0, abs_tol=1e-9), math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan))
print(math.factorial(20), math.factorial(30), len(str(math.factorial(500))))
print(math.gcd(12, 18), math.gcd(), math.gcd(0, -4), math.gcd(12, 18, 8), math.lcm(4, 6), math.lcm(), math.lcm(2, 3, 4))
print(math.comb(10, 3), math.comb(3, 10), math.comb(100, 50), math.perm(5), math.perm(5, 2), math.perm(2, 5))
print(math.isqrt(99), math.isqrt(10 ** 40), math.isqrt(2 ** 201), math.isqrt(0))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 0.5], start=3), math.prod(range(1, 21)))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]))
print(math.fsum([1, 2, 3]), math.fsum([math.inf, 1]), sum([0.1] * 10))
print(math.nextafter(1, 2), math.nextafter(0, -1), math.ulp(1), math.ulp(0), math.ulp(1e300))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5), math.gamma(0.5), math.lgamma(10), math.lgamma(0.5))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.cbrt(27), math.exp2(10))


class Floorable:
    def __floor__(self):
        return "floored"

    def __ceil__(self):
        return "ceiled"

    def __trunc__(self):
        return "truncated"


class AsFloat:
    def __float__(self):
        return 2.25


print(math.floor(Floorable()), math.ceil(Floorable()), math.trunc(Floorable()), math.sqrt(AsFloat()))

for call in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-5), lambda: math.exp(1000),
             lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.sqrt("x"),
             lambda: math.acos(2), lambda: math.pow(0, -1), lambda: math.pow(10, 400),
             lambda: math.isqrt(-1), lambda: math.comb(-1, 2), lambda: math.perm(3, -1),
             lambda: math.floor(math.inf), lambda: math.floor(math.nan), lambda: math.trunc("s"),
             lambda: math.fsum([math.inf, -math.inf]), lambda: math.fsum([1e308, 1e308]),
             lambda: math.log(10, 1), lambda: math.gamma(0), lambda: math.lgamma(-2),
             lambda: math.fmod(math.inf, 1), lambda: math.dist((1, 2), (1,)), lambda: math.ldexp(1.0, 5000),
             lambda: math.log(-(10 ** 400)), lambda: math.isclose(1, 2, rel_tol=-1),
             lambda: math.gcd(1.5), lambda: math.pow(1), lambda: math.remainder(math.inf, 1)]:
    try:
        print(call())
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)

# expect: 1.4142135623730951 2.718281828459045 2.0 10.0 -3.0
# expect: 1386.2943611198907 400.0 3000.0
# expect: 9.999999999500001e-11 1.00000000005e-10 1.4142135623730951 -512.0
# expect: 0.8414709848078965 0.5403023058681398 1.5574077246549023 0.5235987755982989 1.0471975511965979 0.7853981633974483
# expect: 1.1752011936438014 1.5430806348152437 0.7615941559557649 0.881373587019543 1.3169578969248166 0.5493061443340548
# expect: 2.356194490192345 5.0 3.7416573867739413 0.0 5.0
# expect: 180.0 3.141592653589793 3.0 1.0 1.0
# expect: -3 -2 -2 int
# expect: 1000000000000000000000000000000 100000000000000000000 1
# expect: (0.25, 3.0) (-0.0, -inf) (0.5, 4) (0.0, 0) 8.0
# expect: -3.0 True True
# expect: True True True True
# expect: 2432902008176640000 265252859812191058636308480000000 1135
# expect: 6 0 4 2 12 1 12
# expect: 120 0 100891344545564193334812497256 120 20 0
# expect: 9 100000000000000000000 1792728671193156477399422023278 0
# expect: 24 1 3.0 2432902008176640000
# expect: 1.0 1e-100 0.0
# expect: 6.0 inf 0.9999999999999999
# expect: 1.0000000000000002 -5e-324 2.220446049250313e-16 5e-324 1.487016908477783e+284
# expect: 0.5204998778130465 0.4795001221869535 24.0 1.7724538509055159 12.801827480081467 0.5723649429247004
# expect: 3.141592653589793 2.718281828459045 6.283185307179586 inf -inf nan
# expect: 3.0000000000000004 1024.0
# expect: floored ceiled truncated 1.5
# expect: ValueError: math domain error
# expect: ValueError: math domain error
# expect: ValueError: math domain error
# expect: OverflowError: math range error
# expect: ValueError: factorial() not defined for negative values
# expect: TypeError: 'float' object cannot be interpreted as an integer
# expect: TypeError: must be real number, not str
# expect: ValueError: math domain error
# expect: ValueError: math domain error
# expect: OverflowError: math range error
# expect: ValueError: isqrt() argument must be nonnegative
# expect: ValueError: n must be a non-negative integer
# expect: ValueError: k must be a non-negative integer
# expect: OverflowError: cannot convert float infinity to integer
# expect: ValueError: cannot convert float NaN to integer
# expect: TypeError: type str doesn't define __trunc__ method
# expect: ValueError: -inf + inf in fsum
# expect: OverflowError: intermediate overflow in fsum
# expect: ZeroDivisionError: float division by zero
# expect: ValueError: math domain error
# expect: ValueError: math domain error
# expect: ValueError: math domain error
# expect: ValueError: both points must have the same number of dimensions
# expect: OverflowError: math range error
# expect: ValueError: math domain error
# expect: ValueError: tolerances must be non-negative
# expect: TypeError: 'float' object cannot be interpreted as an integer
# expect: TypeError: pow expected 2 arguments, got 1
# expect: ValueError: math domain error
