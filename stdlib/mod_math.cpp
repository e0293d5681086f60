// The `math` module: CPython 3.11's functions and constants, with its error conventions (libm
// results that are nan from non-nan input raise ValueError "math domain error", infinities from
// finite input raise OverflowError "math range error" where the function can overflow).
//
// Invariants: no state; integer functions (factorial, gcd, lcm, comb, perm, isqrt) work on GMP
// integers so they are exact for any size; log/log2/log10 accept ints too large for a double.
#include <gmp.h>

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "stdlib/builtins_support.h"
#include "stdlib/modules.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

using Args = Object* const*;

// RAII holder of an mpz.
struct Mpz {
    mpz_t value;
    Mpz() { mpz_init(value); }
    ~Mpz() { mpz_clear(value); }
    Mpz(const Mpz&) = delete;
    Mpz& operator=(const Mpz&) = delete;
};

// ====== Argument conversion

// The method named `name` on type(object) (borrowed), or null.
Object* special_method(VM& vm, Object* object, const char* name) {
    Ref<Object> key = intern(vm, name);
    if (!key)
        return nullptr;
    return type_lookup(object->type, key.get());
}

// Calls type(object).name(object). Null with the exception set.
Ref<Object> call_special(VM& vm, Object* object, const char* name) {
    Ref<Object> key = intern(vm, name);
    if (!key)
        return nullptr;
    Ref<Object> result = call_dunder(vm, object, key.get(), nullptr, 0);
    if (!result && !vm.thread_state().has_exception())
        return raise_attribute_error(vm, name);
    return result;
}

// PyFloat_AsDouble: float, int, __float__, __index__. Raises TypeError "must be real number, not
// str", OverflowError for huge ints.
Status to_double(VM& vm, Object* object, double& out) {
    if (is_float(object) || is_int(object))
        return number_to_double(vm, object, out);
    if (special_method(vm, object, "__float__")) {
        Ref<Object> value = call_special(vm, object, "__float__");
        if (!value)
            return Status::error;
        if (!is_float(value.get()))
            return raise_type_error(vm, object->type->name, ".__float__ returned non-float (type ",
                                    value->type->name, ")");
        out = float_value(value.get());
        return Status::ok;
    }
    if (special_method(vm, object, "__index__")) {
        Ref<Object> value = call_special(vm, object, "__index__");
        if (!value)
            return Status::error;
        return number_to_double(vm, value.get(), out);
    }
    return raise_type_error(vm, "must be real number, not ", object->type->name);
}

// operator.index(object) as a new int. Raises TypeError "'float' object cannot be interpreted as
// an integer".
Ref<Object> to_index(VM& vm, Object* object) {
    if (is_int(object))
        return Ref<Object>::borrow(object);
    if (special_method(vm, object, "__index__")) {
        Ref<Object> value = call_special(vm, object, "__index__");
        if (!value)
            return nullptr;
        if (!is_int(value.get()))
            return raise_type_error(vm, "__index__ returned non-int (type ", value->type->name,
                                    ")");
        return value;
    }
    return raise_type_error(vm, "'", object->type->name,
                            "' object cannot be interpreted as an integer");
}

Status to_mpz(VM& vm, Object* object, mpz_t out) {
    Ref<Object> value = to_index(vm, object);
    if (!value)
        return Status::error;
    int_to_mpz(value.get(), out);
    return Status::ok;
}

Ref<Object> new_int(VM& vm, const mpz_t value) {
    return int_from_mpz(vm, value);
}

Ref<Object> domain_error(VM& vm) {
    return raise_value_error(vm, "math domain error");
}
Ref<Object> range_error(VM& vm) {
    return raise_overflow_error(vm, "math range error");
}

Status check_count(VM& vm, const char* name, size_t nargs, size_t expected) {
    if (nargs != expected)
        return raise_type_error(vm, name, " expected ", expected, " arguments, got ", nargs);
    return Status::ok;
}

// ====== Functions of one float (CPython's math_1)

enum class Overflow : uint8_t { domain, range };

Ref<Object> math_1(VM& vm, Object* arg, double (*func)(double), Overflow overflow) {
    double x = 0;
    if (!is_ok(to_double(vm, arg, x)))
        return nullptr;
    errno = 0;
    double r = func(x);
    if (std::isnan(r) && !std::isnan(x))
        return domain_error(vm);
    if (std::isinf(r) && std::isfinite(x))
        return overflow == Overflow::range ? range_error(vm) : domain_error(vm);
    if (std::isfinite(r) && errno == ERANGE && std::fabs(r) >= 1.0)
        return range_error(vm);
    return float_new(vm, r);
}

#define MINIPY_MATH_1(name, libm, overflow)                                                        \
    Ref<Object> math_##name(VM& vm, Object*, Args args, size_t, Object*) {                         \
        return math_1(                                                                             \
            vm, args[0], [](double v) { return libm(v); }, Overflow::overflow);                    \
    }
MINIPY_MATH_1(acos, std::acos, domain)
MINIPY_MATH_1(acosh, std::acosh, domain)
MINIPY_MATH_1(asin, std::asin, domain)
MINIPY_MATH_1(asinh, std::asinh, domain)
MINIPY_MATH_1(atan, std::atan, domain)
MINIPY_MATH_1(atanh, std::atanh, domain)
MINIPY_MATH_1(cbrt, std::cbrt, domain)
MINIPY_MATH_1(cos, std::cos, domain)
MINIPY_MATH_1(cosh, std::cosh, range)
MINIPY_MATH_1(erf, std::erf, domain)
MINIPY_MATH_1(erfc, std::erfc, domain)
MINIPY_MATH_1(exp, std::exp, range)
MINIPY_MATH_1(exp2, std::exp2, range)
MINIPY_MATH_1(expm1, std::expm1, range)
MINIPY_MATH_1(fabs, std::fabs, domain)
MINIPY_MATH_1(sin, std::sin, domain)
MINIPY_MATH_1(sinh, std::sinh, range)
MINIPY_MATH_1(sqrt, std::sqrt, domain)
MINIPY_MATH_1(tan, std::tan, domain)
MINIPY_MATH_1(tanh, std::tanh, domain)
#undef MINIPY_MATH_1

// gamma and lgamma: a Lanczos approximation (N = 13, g = 6.024680040776729583740234375, the
// coefficients of Boost's lanczos13m53), evaluated as CPython's math module does so the results
// agree to the last bit; exact factorials for small integer arguments.
constexpr double lanczos_g = 6.024680040776729583740234375;
constexpr double lanczos_g_minus_half = 5.524680040776729583740234375;
constexpr double lanczos_numerator[13] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
// x(x+1)...(x+11) by ascending powers.
constexpr double lanczos_denominator[13] = {
    0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0,   32670.0,     1925.0,      66.0,        1.0,
};

// The rational function num(x)/den(x); for large x both are evaluated in 1/x to avoid overflow.
double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = 12; i >= 0; --i) {
            num = num * x + lanczos_numerator[i];
            den = den * x + lanczos_denominator[i];
        }
    } else {
        for (int i = 0; i < 13; ++i) {
            num = num / x + lanczos_numerator[i];
            den = den / x + lanczos_denominator[i];
        }
    }
    return num / den;
}

// sin(pi * x), exact at integers and half-integers.
double sin_pi(double x) {
    double y = std::fmod(std::fabs(x), 2.0);
    int n = static_cast<int>(std::round(2.0 * y));
    double r = 0;
    switch (n) {
    case 0:
        r = std::sin(M_PI * y);
        break;
    case 1:
        r = std::cos(M_PI * (y - 0.5));
        break;
    case 2:
        r = std::sin(M_PI * (1.0 - y));
        break;
    case 3:
        r = -std::cos(M_PI * (y - 1.5));
        break;
    default:
        r = std::sin(M_PI * (y - 2.0));
        break;
    }
    return std::copysign(1.0, x) * r;
}

enum class MathError : uint8_t { none, domain, range };

double gamma_value(double x, MathError& error) {
    error = MathError::none;
    if (std::isnan(x))
        return x;
    if (std::isinf(x)) {
        if (x > 0)
            return x;
        error = MathError::domain;
        return 0;
    }
    if (x == 0) {
        error = MathError::domain;
        return 0;
    }
    if (x == std::floor(x)) {
        if (x < 0) {
            error = MathError::domain;
            return 0;
        }
        if (x <= 23) {
            double factorial = 1;
            for (int i = 2; i < static_cast<int>(x); ++i)
                factorial *= i;
            return factorial;
        }
    }
    double absx = std::fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (std::isinf(r))
            error = MathError::range;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0)
            return 0.0 / sin_pi(x);
        error = MathError::range;
        return 0;
    }
    double y = absx + lanczos_g_minus_half;
    double z = 0;
    // z corrects the rounding error made computing y.
    if (absx > lanczos_g_minus_half) {
        double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    double r = 0;
    if (x < 0) {
        r = -M_PI / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140) {
            r /= std::pow(y, absx - 0.5);
        } else {
            double half_power = std::pow(y, absx / 2.0 - 0.25);
            r /= half_power;
            r /= half_power;
        }
    } else {
        r = lanczos_sum(absx) / std::exp(y);
        r += z * r;
        if (absx < 140) {
            r *= std::pow(y, absx - 0.5);
        } else {
            double half_power = std::pow(y, absx / 2.0 - 0.25);
            r *= half_power;
            r *= half_power;
        }
    }
    if (std::isinf(r))
        error = MathError::range;
    return r;
}

double lgamma_value(double x, MathError& error) {
    error = MathError::none;
    if (std::isnan(x))
        return x;
    if (std::isinf(x))
        return HUGE_VAL;
    if (x == std::floor(x) && x <= 2) {
        if (x <= 0) {
            error = MathError::domain;
            return 0;
        }
        return 0.0;
    }
    double absx = std::fabs(x);
    if (absx < 1e-20)
        return -std::log(absx);
    double r = std::log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (std::log(absx + lanczos_g - 0.5) - 1);
    if (x < 0) {
        constexpr double log_pi = 1.144729885849400174143427351353058711647;
        r = log_pi - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;
    }
    if (std::isinf(r))
        error = MathError::range;
    return r;
}

Ref<Object> gamma_result(VM& vm, double r, MathError error) {
    if (error == MathError::domain)
        return domain_error(vm);
    if (error == MathError::range)
        return range_error(vm);
    return float_new(vm, r);
}

Ref<Object> math_gamma(VM& vm, Object*, Args args, size_t, Object*) {
    double x = 0;
    if (!is_ok(to_double(vm, args[0], x)))
        return nullptr;
    MathError error = MathError::none;
    double r = gamma_value(x, error);
    return gamma_result(vm, r, error);
}

Ref<Object> math_lgamma(VM& vm, Object*, Args args, size_t, Object*) {
    double x = 0;
    if (!is_ok(to_double(vm, args[0], x)))
        return nullptr;
    MathError error = MathError::none;
    double r = lgamma_value(x, error);
    return gamma_result(vm, r, error);
}

// ====== Logarithms (ints of any size)

// log(x) through func, for floats and ints (huge ints via their binary exponent).
Status log_helper(VM& vm, Object* arg, double (*func)(double), double& out) {
    if (is_int(arg)) {
        if (int_sign(arg) <= 0) {
            (void)domain_error(vm);
            return Status::error;
        }
        // As CPython's loghelper: through a double when the int converts, else from the
        // mantissa and binary exponent (log of ints too large for a double).
        Mpz big;
        int_to_mpz(arg, big.value);
        size_t bits = mpz_sizeinbase(big.value, 2);
        if (bits <= 1024) {
            double x = 0;
            if (is_ok(number_to_double(vm, arg, x))) {
                out = func(x);
                return Status::ok;
            }
            vm.thread_state().clear_exception(); // OverflowError: use the exponent below
        }
        // value = mantissa * 2**exponent with mantissa in [0.5, 1), rounded half-even from the
        // top 55 bits and a sticky bit (as CPython's _PyLong_Frexp).
        size_t shift = bits - 55;
        bool sticky = mpz_scan1(big.value, 0) < shift;
        mpz_fdiv_q_2exp(big.value, big.value, shift);
        uint64_t top = mpz_get_ui(big.value) | (sticky ? 1u : 0u);
        double mantissa = std::ldexp(static_cast<double>(top), -55);
        double exponent = static_cast<double>(shift + 55);
        out = func(mantissa) + func(2.0) * exponent;
        return Status::ok;
    }
    double x = 0;
    if (!is_ok(to_double(vm, arg, x)))
        return Status::error;
    if (std::isnan(x)) {
        out = x;
        return Status::ok;
    }
    if (x <= 0) {
        (void)domain_error(vm);
        return Status::error;
    }
    out = func(x);
    return Status::ok;
}

Ref<Object> math_log(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs < 1 || nargs > 2)
        return raise_type_error(vm, "math.log requires 1 to 2 arguments");
    double num = 0;
    if (!is_ok(log_helper(
            vm, args[0], [](double v) { return std::log(v); }, num)))
        return nullptr;
    if (nargs == 2) {
        double den = 0;
        if (!is_ok(log_helper(
                vm, args[1], [](double v) { return std::log(v); }, den)))
            return nullptr;
        if (den == 0)
            return raise_zero_division_error(vm, "float division by zero");
        num /= den;
    }
    return float_new(vm, num);
}

Ref<Object> math_log2(VM& vm, Object*, Args args, size_t, Object*) {
    double r = 0;
    if (!is_ok(log_helper(
            vm, args[0], [](double v) { return std::log2(v); }, r)))
        return nullptr;
    return float_new(vm, r);
}
Ref<Object> math_log10(VM& vm, Object*, Args args, size_t, Object*) {
    double r = 0;
    if (!is_ok(log_helper(
            vm, args[0], [](double v) { return std::log10(v); }, r)))
        return nullptr;
    return float_new(vm, r);
}
Ref<Object> math_log1p(VM& vm, Object*, Args args, size_t, Object*) {
    double x = 0;
    if (!is_ok(to_double(vm, args[0], x)))
        return nullptr;
    if (x <= -1.0)
        return domain_error(vm);
    return float_new(vm, std::log1p(x));
}

// ====== Functions of two floats

Status two_doubles(VM& vm, const char* name, Args args, size_t nargs, double& x, double& y) {
    if (!is_ok(check_count(vm, name, nargs, 2)) || !is_ok(to_double(vm, args[0], x)) ||
        !is_ok(to_double(vm, args[1], y)))
        return Status::error;
    return Status::ok;
}

Ref<Object> math_atan2(VM& vm, Object*, Args args, size_t nargs, Object*) {
    double y = 0, x = 0;
    if (!is_ok(two_doubles(vm, "atan2", args, nargs, y, x)))
        return nullptr;
    return float_new(vm, std::atan2(y, x));
}

Ref<Object> math_copysign(VM& vm, Object*, Args args, size_t nargs, Object*) {
    double x = 0, y = 0;
    if (!is_ok(two_doubles(vm, "copysign", args, nargs, x, y)))
        return nullptr;
    return float_new(vm, std::copysign(x, y));
}

Ref<Object> math_fmod(VM& vm, Object*, Args args, size_t nargs, Object*) {
    double x = 0, y = 0;
    if (!is_ok(two_doubles(vm, "fmod", args, nargs, x, y)))
        return nullptr;
    if (std::isinf(y) && std::isfinite(x))
        return float_new(vm, x);
    double r = std::fmod(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y))
        return domain_error(vm);
    return float_new(vm, r);
}

Ref<Object> math_remainder(VM& vm, Object*, Args args, size_t nargs, Object*) {
    double x = 0, y = 0;
    if (!is_ok(two_doubles(vm, "remainder", args, nargs, x, y)))
        return nullptr;
    if (std::isnan(x) || std::isnan(y))
        return float_new(vm, std::isnan(x) ? x : y);
    if (std::isinf(x) || y == 0)
        return domain_error(vm);
    if (std::isinf(y))
        return float_new(vm, x);
    return float_new(vm, std::remainder(x, y));
}

Ref<Object> math_pow(VM& vm, Object*, Args args, size_t nargs, Object*) {
    double x = 0, y = 0;
    if (!is_ok(two_doubles(vm, "pow", args, nargs, x, y)))
        return nullptr;
    double r = std::pow(x, y);
    if (std::isfinite(x) && std::isfinite(y)) {
        if (std::isnan(r))
            return domain_error(vm);
        if (std::isinf(r))
            return x == 0.0 ? domain_error(vm) : range_error(vm);
    }
    return float_new(vm, r);
}

Ref<Object> math_nextafter(VM& vm, Object*, Args args, size_t nargs, Object*) {
    double x = 0, y = 0;
    if (!is_ok(two_doubles(vm, "nextafter", args, nargs, x, y)))
        return nullptr;
    return float_new(vm, std::nextafter(x, y));
}

Ref<Object> math_ulp(VM& vm, Object*, Args args, size_t, Object*) {
    double x = 0;
    if (!is_ok(to_double(vm, args[0], x)))
        return nullptr;
    if (std::isnan(x))
        return float_new(vm, x);
    x = std::fabs(x);
    if (std::isinf(x))
        return float_new(vm, x);
    double next = std::nextafter(x, std::numeric_limits<double>::infinity());
    if (std::isinf(next))
        return float_new(vm, x - std::nextafter(x, 0.0));
    return float_new(vm, next - x);
}

Ref<Object> math_degrees(VM& vm, Object*, Args args, size_t, Object*) {
    double x = 0;
    if (!is_ok(to_double(vm, args[0], x)))
        return nullptr;
    return float_new(vm, x * (180.0 / M_PI));
}
Ref<Object> math_radians(VM& vm, Object*, Args args, size_t, Object*) {
    double x = 0;
    if (!is_ok(to_double(vm, args[0], x)))
        return nullptr;
    return float_new(vm, x * (M_PI / 180.0));
}

Ref<Object> bool_result(VM& vm, Object* arg, bool (*test)(double)) {
    double x = 0;
    if (!is_ok(to_double(vm, arg, x)))
        return nullptr;
    return vm.new_bool(test(x));
}
Ref<Object> math_isfinite(VM& vm, Object*, Args args, size_t, Object*) {
    return bool_result(vm, args[0], [](double v) { return std::isfinite(v); });
}
Ref<Object> math_isinf(VM& vm, Object*, Args args, size_t, Object*) {
    return bool_result(vm, args[0], [](double v) { return std::isinf(v); });
}
Ref<Object> math_isnan(VM& vm, Object*, Args args, size_t, Object*) {
    return bool_result(vm, args[0], [](double v) { return std::isnan(v); });
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0), as PEP 485.
Ref<Object> math_isclose(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    for (intptr_t i = 0; kwnames && i < tuple_size(kwnames); ++i) {
        std::string_view name = str_ascii_view(tuple_items(kwnames)[i]);
        if (name != "a" && name != "b" && name != "rel_tol" && name != "abs_tol")
            return raise_type_error(vm, "'", str_to_utf8(tuple_items(kwnames)[i]),
                                    "' is an invalid keyword argument for isclose()");
    }
    size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    Object* a_arg = nargs > 0 ? args[0] : keyword_argument(args, nargs, kwnames, "a");
    Object* b_arg = nargs > 1 ? args[1] : keyword_argument(args, nargs, kwnames, "b");
    if (nargs > 2)
        return raise_type_error(vm, "isclose() takes exactly 2 positional arguments (", nargs,
                                " given)");
    if (!a_arg || !b_arg)
        return raise_type_error(vm, "isclose() missing required argument '", a_arg ? "b" : "a",
                                "' (pos ", a_arg ? 2 : 1, ")");
    (void)nkw;
    double a = 0, b = 0, rel_tol = 1e-09, abs_tol = 0.0;
    Object* rel = keyword_argument(args, nargs, kwnames, "rel_tol");
    Object* abs_arg = keyword_argument(args, nargs, kwnames, "abs_tol");
    if (!is_ok(to_double(vm, a_arg, a)) || !is_ok(to_double(vm, b_arg, b)) ||
        (rel && !is_ok(to_double(vm, rel, rel_tol))) ||
        (abs_arg && !is_ok(to_double(vm, abs_arg, abs_tol))))
        return nullptr;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return raise_value_error(vm, "tolerances must be non-negative");
    if (a == b)
        return vm.new_bool(true);
    if (std::isinf(a) || std::isinf(b))
        return vm.new_bool(false);
    double diff = std::fabs(b - a);
    bool close =
        (diff <= std::fabs(rel_tol * b)) || (diff <= std::fabs(rel_tol * a)) || diff <= abs_tol;
    return vm.new_bool(close);
}

// ====== Rounding to int

Ref<Object> double_to_int(VM& vm, double value) {
    if (std::isinf(value))
        return raise_overflow_error(vm, "cannot convert float infinity to integer");
    if (std::isnan(value))
        return raise_value_error(vm, "cannot convert float NaN to integer");
    if (std::fabs(value) < 9.0e18)
        return int_from_i64(vm, static_cast<int64_t>(value));
    Mpz big;
    mpz_set_d(big.value, value);
    return new_int(vm, big.value);
}

Ref<Object> round_to_int(VM& vm, Object* arg, const char* dunder, double (*func)(double)) {
    if (is_int(arg))
        return int_from_mpz_of(vm, arg);
    if (arg->type == vm.types().float_)
        return double_to_int(vm, func(float_value(arg)));
    if (special_method(vm, arg, dunder))
        return call_special(vm, arg, dunder);
    double x = 0;
    if (!is_ok(to_double(vm, arg, x)))
        return nullptr;
    return double_to_int(vm, func(x));
}

Ref<Object> math_floor(VM& vm, Object*, Args args, size_t, Object*) {
    return round_to_int(vm, args[0], "__floor__", [](double v) { return std::floor(v); });
}
Ref<Object> math_ceil(VM& vm, Object*, Args args, size_t, Object*) {
    return round_to_int(vm, args[0], "__ceil__", [](double v) { return std::ceil(v); });
}
Ref<Object> math_trunc(VM& vm, Object*, Args args, size_t, Object*) {
    Object* arg = args[0];
    if (is_int(arg))
        return int_from_mpz_of(vm, arg);
    if (arg->type == vm.types().float_)
        return double_to_int(vm, std::trunc(float_value(arg)));
    if (special_method(vm, arg, "__trunc__"))
        return call_special(vm, arg, "__trunc__");
    // A float subclass without its own __trunc__ has float's (built-in methods are not in the
    // type dicts special_method reads).
    if (is_float(arg))
        return double_to_int(vm, std::trunc(float_value(arg)));
    return raise_type_error(vm, "type ", arg->type->name, " doesn't define __trunc__ method");
}

// ====== Float decomposition

Ref<Object> pair(VM& vm, Ref<Object> first, Ref<Object> second) {
    if (!first || !second)
        return nullptr;
    return tuple_pack(vm, {first.get(), second.get()});
}

Ref<Object> math_frexp(VM& vm, Object*, Args args, size_t, Object*) {
    double x = 0;
    if (!is_ok(to_double(vm, args[0], x)))
        return nullptr;
    int exponent = 0;
    double mantissa = x;
    if (std::isfinite(x) && x != 0)
        mantissa = std::frexp(x, &exponent);
    return pair(vm, float_new(vm, mantissa), int_from_i64(vm, exponent));
}

Ref<Object> math_ldexp(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(check_count(vm, "ldexp", nargs, 2)))
        return nullptr;
    double x = 0;
    if (!is_ok(to_double(vm, args[0], x)))
        return nullptr;
    if (!is_int(args[1]))
        return raise_type_error(vm, "Expected an int as second argument to ldexp.");
    int64_t exponent = 0;
    if (!int_to_i64(args[1], exponent))
        exponent = int_sign(args[1]) > 0 ? INT64_MAX : INT64_MIN;
    if (x == 0 || !std::isfinite(x))
        return float_new(vm, x);
    long clamped = static_cast<long>(std::clamp<int64_t>(exponent, -100000, 100000));
    double r = std::ldexp(x, static_cast<int>(clamped));
    if (std::isinf(r))
        return range_error(vm);
    return float_new(vm, r);
}

Ref<Object> math_modf(VM& vm, Object*, Args args, size_t, Object*) {
    double x = 0;
    if (!is_ok(to_double(vm, args[0], x)))
        return nullptr;
    if (std::isinf(x))
        return pair(vm, float_new(vm, std::copysign(0.0, x)), float_new(vm, x));
    double integral = 0;
    double fraction = std::modf(x, &integral);
    return pair(vm, float_new(vm, fraction), float_new(vm, integral));
}

// ====== Sums, products and norms

// fsum: Shewchuk's exact summation with a list of non-overlapping partials, then a correctly
// rounded result (half-even fix-up of the last two partials).
Ref<Object> math_fsum(VM& vm, Object*, Args args, size_t, Object*) {
    Ref<Object> iterator = get_iter(vm, args[0]);
    if (!iterator)
        return nullptr;
    std::vector<double> partials;
    double special_sum = 0.0, inf_sum = 0.0;
    bool saw_special = false;
    for (;;) {
        Ref<Object> item = iter_next(vm, iterator.get());
        if (!item) {
            if (vm.thread_state().has_exception())
                return nullptr;
            break;
        }
        double x = 0;
        if (!is_ok(to_double(vm, item.get(), x)))
            return nullptr;
        double original = x;
        size_t kept = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y))
                std::swap(x, y);
            double high = x + y;
            double low = y - (high - x);
            if (low != 0.0)
                partials[kept++] = low;
            x = high;
        }
        partials.resize(kept);
        if (x != 0.0) {
            if (!std::isfinite(x)) {
                // An infinity or nan from the input is kept aside; one made by the sum overflowed.
                if (std::isfinite(original))
                    return raise_overflow_error(vm, "intermediate overflow in fsum");
                if (std::isinf(original))
                    inf_sum += original;
                special_sum += original;
                saw_special = true;
                partials.clear();
            } else {
                partials.push_back(x);
            }
        }
    }
    if (saw_special) {
        if (std::isnan(inf_sum))
            return raise_value_error(vm, "-inf + inf in fsum");
        return float_new(vm, special_sum);
    }
    double high = 0.0;
    if (!partials.empty()) {
        size_t n = partials.size();
        high = partials[--n];
        double low = 0.0;
        while (n > 0) {
            double x = high;
            double y = partials[--n];
            high = x + y;
            double yr = high - x;
            low = y - yr;
            if (low != 0.0)
                break;
        }
        // Round half-even: when the rest of the partials push the tie one way, correct.
        if (n > 0 &&
            ((low < 0.0 && partials[n - 1] < 0.0) || (low > 0.0 && partials[n - 1] > 0.0))) {
            double y = low * 2.0;
            double x = high + y;
            double yr = x - high;
            if (y == yr)
                high = x;
        }
    }
    return float_new(vm, high);
}

// The Euclidean norm of `values` (already absolute), scaled to avoid overflow and summed in
// extended precision so the result is (nearly always) correctly rounded.
double vector_norm(const std::vector<double>& values, double max, bool found_nan) {
    if (std::isinf(max))
        return max;
    if (found_nan)
        return std::numeric_limits<double>::quiet_NaN();
    if (max == 0 || values.size() <= 1)
        return max;
    int exponent = 0;
    std::frexp(max, &exponent);
    long double sum = 0;
    for (double v : values) {
        long double scaled = std::ldexp(static_cast<long double>(v), -exponent);
        sum += scaled * scaled;
    }
    long double root = std::sqrt(sum);
    return static_cast<double>(std::ldexp(root, exponent));
}

Ref<Object> math_hypot(VM& vm, Object*, Args args, size_t nargs, Object*) {
    std::vector<double> values(nargs);
    double max = 0;
    bool found_nan = false;
    for (size_t i = 0; i < nargs; ++i) {
        double x = 0;
        if (!is_ok(to_double(vm, args[i], x)))
            return nullptr;
        x = std::fabs(x);
        values[i] = x;
        found_nan |= std::isnan(x);
        if (x > max)
            max = x;
    }
    if (nargs == 2 && !found_nan)
        return float_new(vm, std::hypot(values[0], values[1]));
    return float_new(vm, vector_norm(values, max, found_nan));
}

Ref<Object> math_dist(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(check_count(vm, "dist", nargs, 2)))
        return nullptr;
    Ref<Object> p = sequence_to_list(vm, args[0]);
    if (!p)
        return nullptr;
    Ref<Object> q = sequence_to_list(vm, args[1]);
    if (!q)
        return nullptr;
    intptr_t n = list_size(p.get());
    if (n != list_size(q.get()))
        return raise_value_error(vm, "both points must have the same number of dimensions");
    std::vector<double> values(static_cast<size_t>(n));
    double max = 0;
    bool found_nan = false;
    for (intptr_t i = 0; i < n; ++i) {
        double a = 0, b = 0;
        if (!is_ok(to_double(vm, list_items(p.get())[i], a)) ||
            !is_ok(to_double(vm, list_items(q.get())[i], b)))
            return nullptr;
        double x = std::fabs(a - b);
        values[static_cast<size_t>(i)] = x;
        found_nan |= std::isnan(x);
        if (x > max)
            max = x;
    }
    if (n == 2 && !found_nan)
        return float_new(vm, std::hypot(values[0], values[1]));
    return float_new(vm, vector_norm(values, max, found_nan));
}

// prod(iterable, /, *, start=1)
Ref<Object> math_prod(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_keywords(vm, "prod", kwnames, {"start"})))
        return nullptr;
    if (nargs != 1)
        return raise_type_error(vm, "prod() takes exactly 1 positional argument (", nargs,
                                " given)");
    Object* start = keyword_argument(args, nargs, kwnames, "start");
    Ref<Object> result = start ? Ref<Object>::borrow(start) : int_from_i64(vm, 1);
    Ref<Object> iterator = get_iter(vm, args[0]);
    if (!iterator || !result)
        return nullptr;
    for (;;) {
        Ref<Object> item = iter_next(vm, iterator.get());
        if (!item) {
            if (vm.thread_state().has_exception())
                return nullptr;
            return result;
        }
        result = binary_op(vm, result.get(), item.get(), BinaryOpArg::Multiply);
        if (!result)
            return nullptr;
    }
}

// ====== Integer functions

Ref<Object> math_factorial(VM& vm, Object*, Args args, size_t, Object*) {
    Object* arg = args[0];
    if (is_float(arg))
        return raise_type_error(vm, "'float' object cannot be interpreted as an integer");
    Mpz n;
    if (!is_ok(to_mpz(vm, arg, n.value)))
        return nullptr;
    if (mpz_sgn(n.value) < 0)
        return raise_value_error(vm, "factorial() not defined for negative values");
    if (!mpz_fits_slong_p(n.value))
        return raise_overflow_error(vm, "factorial() argument should not exceed ", LONG_MAX);
    Mpz result;
    mpz_fac_ui(result.value, mpz_get_ui(n.value));
    return new_int(vm, result.value);
}

Ref<Object> math_gcd(VM& vm, Object*, Args args, size_t nargs, Object*) {
    Mpz result, value;
    for (size_t i = 0; i < nargs; ++i) {
        if (!is_ok(to_mpz(vm, args[i], value.value)))
            return nullptr;
        mpz_gcd(result.value, result.value, value.value);
    }
    return new_int(vm, result.value);
}

Ref<Object> math_lcm(VM& vm, Object*, Args args, size_t nargs, Object*) {
    Mpz result, value;
    mpz_set_ui(result.value, 1);
    for (size_t i = 0; i < nargs; ++i) {
        if (!is_ok(to_mpz(vm, args[i], value.value)))
            return nullptr;
        mpz_lcm(result.value, result.value, value.value);
    }
    return new_int(vm, result.value);
}

Ref<Object> math_isqrt(VM& vm, Object*, Args args, size_t, Object*) {
    Mpz n;
    if (!is_ok(to_mpz(vm, args[0], n.value)))
        return nullptr;
    if (mpz_sgn(n.value) < 0)
        return raise_value_error(vm, "isqrt() argument must be nonnegative");
    mpz_sqrt(n.value, n.value);
    return new_int(vm, n.value);
}

// n and k of comb/perm; false with the exception set.
Status comb_arguments(VM& vm, Object* n_arg, Object* k_arg, mpz_t n, mpz_t k) {
    if (!is_ok(to_mpz(vm, n_arg, n)) || !is_ok(to_mpz(vm, k_arg, k)))
        return Status::error;
    if (mpz_sgn(n) < 0)
        return raise_value_error(vm, "n must be a non-negative integer");
    if (mpz_sgn(k) < 0)
        return raise_value_error(vm, "k must be a non-negative integer");
    return Status::ok;
}

Ref<Object> math_comb(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(check_count(vm, "comb", nargs, 2)))
        return nullptr;
    Mpz n, k, result;
    if (!is_ok(comb_arguments(vm, args[0], args[1], n.value, k.value)))
        return nullptr;
    if (mpz_cmp(k.value, n.value) > 0)
        return int_from_i64(vm, 0);
    // comb(n, k) == comb(n, n - k): use the smaller k.
    Mpz other;
    mpz_sub(other.value, n.value, k.value);
    if (mpz_cmp(other.value, k.value) < 0)
        mpz_swap(other.value, k.value);
    if (!mpz_fits_ulong_p(k.value))
        return raise_overflow_error(vm, "min(n - k, k) must not exceed ", LONG_MAX);
    mpz_bin_ui(result.value, n.value, mpz_get_ui(k.value));
    return new_int(vm, result.value);
}

Ref<Object> math_perm(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs < 1)
        return raise_type_error(vm, "perm expected at least 1 argument, got 0");
    if (nargs > 2)
        return raise_type_error(vm, "perm expected at most 2 arguments, got ", nargs);
    Mpz n, k, result;
    if (nargs == 1 || args[1] == vm.none()) {
        if (!is_ok(to_mpz(vm, args[0], n.value)))
            return nullptr;
        if (mpz_sgn(n.value) < 0)
            return raise_value_error(vm, "n must be a non-negative integer");
        if (!mpz_fits_ulong_p(n.value))
            return raise_overflow_error(vm, "n must not exceed ", LONG_MAX);
        mpz_fac_ui(result.value, mpz_get_ui(n.value));
        return new_int(vm, result.value);
    }
    if (!is_ok(comb_arguments(vm, args[0], args[1], n.value, k.value)))
        return nullptr;
    if (mpz_cmp(k.value, n.value) > 0)
        return int_from_i64(vm, 0);
    if (!mpz_fits_ulong_p(k.value))
        return raise_overflow_error(vm, "k must not exceed ", LONG_MAX);
    // perm(n, k) = comb(n, k) * k!
    unsigned long kk = mpz_get_ui(k.value);
    Mpz fact;
    mpz_bin_ui(result.value, n.value, kk);
    mpz_fac_ui(fact.value, kk);
    mpz_mul(result.value, result.value, fact.value);
    return new_int(vm, result.value);
}

constexpr MethodDef functions[] = {
    {"acos", math_acos, MethodKind::o, nullptr},
    {"acosh", math_acosh, MethodKind::o, nullptr},
    {"asin", math_asin, MethodKind::o, nullptr},
    {"asinh", math_asinh, MethodKind::o, nullptr},
    {"atan", math_atan, MethodKind::o, nullptr},
    {"atan2", math_atan2, MethodKind::fastcall, nullptr},
    {"atanh", math_atanh, MethodKind::o, nullptr},
    {"cbrt", math_cbrt, MethodKind::o, nullptr},
    {"ceil", math_ceil, MethodKind::o, nullptr},
    {"comb", math_comb, MethodKind::fastcall, nullptr},
    {"copysign", math_copysign, MethodKind::fastcall, nullptr},
    {"cos", math_cos, MethodKind::o, nullptr},
    {"cosh", math_cosh, MethodKind::o, nullptr},
    {"degrees", math_degrees, MethodKind::o, nullptr},
    {"dist", math_dist, MethodKind::fastcall, nullptr},
    {"erf", math_erf, MethodKind::o, nullptr},
    {"erfc", math_erfc, MethodKind::o, nullptr},
    {"exp", math_exp, MethodKind::o, nullptr},
    {"exp2", math_exp2, MethodKind::o, nullptr},
    {"expm1", math_expm1, MethodKind::o, nullptr},
    {"fabs", math_fabs, MethodKind::o, nullptr},
    {"factorial", math_factorial, MethodKind::o, nullptr},
    {"floor", math_floor, MethodKind::o, nullptr},
    {"fmod", math_fmod, MethodKind::fastcall, nullptr},
    {"frexp", math_frexp, MethodKind::o, nullptr},
    {"fsum", math_fsum, MethodKind::o, nullptr},
    {"gamma", math_gamma, MethodKind::o, nullptr},
    {"gcd", math_gcd, MethodKind::fastcall, nullptr},
    {"hypot", math_hypot, MethodKind::fastcall, nullptr},
    {"isclose", math_isclose, MethodKind::fastcall_keywords, nullptr},
    {"isfinite", math_isfinite, MethodKind::o, nullptr},
    {"isinf", math_isinf, MethodKind::o, nullptr},
    {"isnan", math_isnan, MethodKind::o, nullptr},
    {"isqrt", math_isqrt, MethodKind::o, nullptr},
    {"lcm", math_lcm, MethodKind::fastcall, nullptr},
    {"ldexp", math_ldexp, MethodKind::fastcall, nullptr},
    {"lgamma", math_lgamma, MethodKind::o, nullptr},
    {"log", math_log, MethodKind::fastcall, nullptr},
    {"log10", math_log10, MethodKind::o, nullptr},
    {"log1p", math_log1p, MethodKind::o, nullptr},
    {"log2", math_log2, MethodKind::o, nullptr},
    {"modf", math_modf, MethodKind::o, nullptr},
    {"nextafter", math_nextafter, MethodKind::fastcall, nullptr},
    {"perm", math_perm, MethodKind::fastcall, nullptr},
    {"pow", math_pow, MethodKind::fastcall, nullptr},
    {"prod", math_prod, MethodKind::fastcall_keywords, nullptr},
    {"radians", math_radians, MethodKind::o, nullptr},
    {"remainder", math_remainder, MethodKind::fastcall, nullptr},
    {"sin", math_sin, MethodKind::o, nullptr},
    {"sinh", math_sinh, MethodKind::o, nullptr},
    {"sqrt", math_sqrt, MethodKind::o, nullptr},
    {"tan", math_tan, MethodKind::o, nullptr},
    {"tanh", math_tanh, MethodKind::o, nullptr},
    {"trunc", math_trunc, MethodKind::o, nullptr},
    {"ulp", math_ulp, MethodKind::o, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

bool init_math_module(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    if (!add_functions(rt, module, functions))
        return false;
    const struct {
        const char* name;
        double value;
    } constants[] = {
        {"pi", M_PI},
        {"e", M_E},
        {"tau", 2 * M_PI},
        {"inf", std::numeric_limits<double>::infinity()},
        {"nan", std::numeric_limits<double>::quiet_NaN()},
    };
    for (const auto& constant : constants) {
        Ref<Object> value = float_new(vm, constant.value);
        if (!value || !add_object(rt, module, constant.name, value.get()))
            return false;
    }
    return true;
}

} // namespace minipy::stdlib
