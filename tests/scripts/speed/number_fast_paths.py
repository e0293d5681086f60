# The int/float fast paths of BINARY_OP and COMPARE_OP (with the jump fused into the comparison)
# answer as the generic number protocol: overflow to big ints, floor semantics, -0.0, nan,
# ZeroDivisionError messages, pooled small ints, bool and subclasses, and in-place reuse of
# operands that nothing else can see.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


big = 2**62
show(lambda: big + big)
show(lambda: -big - big - 1)
show(lambda: -big - big - 2)
show(lambda: 3037000500 * 3037000500)
show(lambda: (-big - big) // -1)
show(lambda: (-big - big) % -1)
show(lambda: -7 // 2)
show(lambda: -7 % 2)
show(lambda: 7 % -2)
show(lambda: 7 // 0)
show(lambda: 7 % 0)
show(lambda: 7.0 / 0)
show(lambda: 7 / 0)
show(lambda: 7.5 // 0.0)
show(lambda: 7.5 % 0.0)
show(lambda: 7 / 2)
show(lambda: -7 / 2)
show(lambda: 0 / -5)
show(lambda: 2**60 / 3)
show(lambda: (2**53 + 1) / 1)
show(lambda: 1 << 62)
show(lambda: 1 << 63)
show(lambda: -3 << 61)
show(lambda: 3 << 62)
show(lambda: 1 << -1)
show(lambda: -1 >> 100)
show(lambda: 5 >> 70)
show(lambda: -9 >> 1)
show(lambda: 5 >> -1)
show(lambda: 6 & -3)
show(lambda: 6 | -3)
show(lambda: 6 ^ -3)
# expect: 9223372036854775808
# expect: -9223372036854775809
# expect: -9223372036854775810
# expect: 9223372037000250000
# expect: 9223372036854775808
# expect: 0
# expect: -4
# expect: 1
# expect: -1
# expect: ZeroDivisionError integer division or modulo by zero
# expect: ZeroDivisionError integer modulo by zero
# expect: ZeroDivisionError float division by zero
# expect: ZeroDivisionError division by zero
# expect: ZeroDivisionError float floor division by zero
# expect: ZeroDivisionError float modulo
# expect: 3.5
# expect: -3.5
# expect: -0.0
# expect: 3.843071682022823e+17
# expect: 9007199254740992.0
# expect: 4611686018427387904
# expect: 9223372036854775808
# expect: -6917529027641081856
# expect: 13835058055282163712
# expect: ValueError negative shift count
# expect: -1
# expect: 0
# expect: -5
# expect: ValueError negative shift count
# expect: 4
# expect: -1
# expect: -5

# Floats, mixed with ints (exact up to 2**53, beyond that the generic path rounds once).
show(lambda: 0.0 * -1)
show(lambda: -0.0 + 0.0)
show(lambda: -0.0 - 0.0)
show(lambda: 1.5 + 2)
show(lambda: 2 * 1.25)
show(lambda: (2**53 + 1) + 0.0)
show(lambda: (2**53 + 1) * 1.0)
show(lambda: 2.0**0.5)
show(lambda: 4**0.5)
show(lambda: 2.0**-1)
show(lambda: (-8.0) ** 2.0)
show(lambda: (-8.0) ** 3)
show(lambda: 0.0**-1)
show(lambda: 10.0**400)
show(lambda: 2.5**2)
show(lambda: float("inf") ** 0.5)
show(lambda: 1e308 * 10)
show(lambda: float("nan") + 1)
# expect: -0.0
# expect: 0.0
# expect: -0.0
# expect: 3.5
# expect: 2.5
# expect: 9007199254740992.0
# expect: 9007199254740992.0
# expect: 1.4142135623730951
# expect: 2.0
# expect: 0.5
# expect: 64.0
# expect: -512.0
# expect: ZeroDivisionError 0.0 cannot be raised to a negative power
# expect: OverflowError (34, 'Numerical result out of range')
# expect: 6.25
# expect: inf
# expect: inf
# expect: nan

# Comparisons, stored and fused with a jump; nan; ints beyond 2**53 against floats (exact).
nan = float("nan")
one = 1
print(nan < one, nan > one, nan == nan, nan != nan, nan <= 1.0, nan >= 1.0)
# expect: False False False True False False
if nan < 1.0 or nan >= 1.0 or nan == nan:
    print("wrong")
if not nan != nan:
    print("wrong")
x = 2**53 + 1
print(x == float(2**53), x > 2.0**53, x < 2.0**53 + 2, 2**53 == 2.0**53)
# expect: False True True True
print(-0.0 == 0, 0.0 < -0.0, 3 < 3.5, 3 >= 3.0, True < 2, True == 1.0)
# expect: True False True True True True
n = 0
i = 0
while i < 10:
    if i % 3 == 0:
        n += 1
    if i > 7:
        n += 100
    i += 1
print(n)
# expect: 204
f = 0.0
while f < 1.0:
    f += 0.25
print(f, f >= 1, f != 1)
# expect: 1.0 True False

# bool operands and subclasses of int and float keep the generic protocol.
print(True + True, True * 1.5, False - 1, True / 2, True << 3)
# expect: 2 1.5 -1 0.5 8


class I(int):
    def __add__(self, other):
        return "I.__add__"

    def __lt__(self, other):
        return "I.__lt__"


class F(float):
    def __mul__(self, other):
        return "F.__mul__"

    def __rsub__(self, other):
        return "F.__rsub__"


print(I(1) + 2, I(1) < 2, 2 + I(1), type(I(3) - 1).__name__)
# expect: I.__add__ I.__lt__ 3 int
print(F(1.0) * 2, 1.0 - F(2.0), type(F(1.5) + 1.0).__name__)
# expect: F.__mul__ F.__rsub__ float

# Operands written in place only when nothing else sees them.
a = 1000
b = a
a += 1
print(a, b)
# expect: 1001 1000
p = 1.5
q = p
p += 1.0
print(p, q)
# expect: 2.5 1.5
p = 1.5
p *= 2.0
p = p * 3 + p
print(p)
# expect: 12.0
items = [10.0, 20.0]
items[0] -= 1.0 * 2
first = items[1]
items[1] += 5.0
print(items, first)
# expect: [8.0, 25.0] 20.0


def local_reuse():
    t = 10**6
    keep = []
    for j in range(3):
        t += j
        keep.append(t)
        t = t * 2 - t
    return keep


print(local_reuse())
# expect: [1000000, 1000001, 1000003]

# Pooled small ints keep their identity; results outside the pool are fresh objects.
a = 200
b = 56
c = a + b
d = 256
print(c is d, a * 0 is 0 * a)
# expect: True True
e = 300
g = e + 1 - 1
print(g == e)
# expect: True


# The old value of the local a STORE_FAST overwrites is reused only when nothing else holds it.
def overwritten_locals():
    kept = []
    d = 0.5
    n = 10**6
    for k in range(3):
        d = k * 1.5 - 0.25
        n = k * 1000003 + 7
        kept.append(d)
        kept.append(n)
        d = d * 2.0 + 1.0
        n = n * 3 - 1
    kept.append(d)
    kept.append(n)
    return kept


print(overwritten_locals())
# expect: [-0.25, 7, 1.25, 1000010, 2.75, 2000013, 6.5, 6000038]
