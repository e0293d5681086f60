// float: an IEEE double. Dead floats go to the VM's float free list (cap 100) and the next float
// reuses the memory, as CPython's. Python semantics followed: modulo takes the divisor's sign and
// floor division is consistent with it (CPython's float_rem / float_divmod); comparisons with ints
// are exact, never through a lossy conversion; the hash is CPython's _Py_HashDouble, so hash(1.0)
// == hash(1) and equal numbers of different types hash alike; repr is the shortest round-tripping
// text (compiler::repr_float). There are no complex numbers: a negative base to a fractional power
// raises ValueError where CPython would return a complex.
#include "vm/types/float.h"

#include <gmp.h>

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "compiler/literals.h"
#include "vm/eval_helpers.h"
#include "vm/format.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/number_fast.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

constexpr uint64_t hash_modulus = (uint64_t{1} << 61) - 1;
constexpr int hash_bits = 61;

void float_dealloc(Object* self) {
    VM& vm = vm_of(self);
    if (self->type == vm.types().float_) {
        number_free(vm, self, vm.free_lists().floats());
        return;
    }
    vm.heap().release(self);
}

Ref<Object> float_repr(VM& vm, Object* self) {
    return str_from_utf8(vm, compiler::repr_float(float_value(self)));
}

int64_t float_hash_slot(VM&, Object* self) {
    return float_hash_value(self, float_value(self));
}

// Converts an operand to double; false (no exception) when it is not a number float knows.
// Returns Status::error only for ints too large for a double.
bool operand(VM& vm, Object* object, double& out, bool& failed) {
    failed = false;
    if (is_float(object)) {
        out = float_value(object);
        return true;
    }
    if (is_int(object)) {
        failed = !is_ok(number_to_double(vm, object, out));
        return true;
    }
    return false;
}

// Declares `a` and `b` from left/right or returns NotImplemented / the conversion error.
#define MINIPY_FLOAT_OPERANDS(vm, left, right)                                                     \
    double a = 0;                                                                                  \
    double b = 0;                                                                                  \
    bool failed = false;                                                                           \
    if (!operand(vm, left, a, failed) || (!failed && !operand(vm, right, b, failed)))              \
        return vm.new_not_implemented();                                                           \
    if (failed)                                                                                    \
        return nullptr;

// Compares a double with an int exactly: -1, 0, 1, or 2 for nan (unordered).
int compare_with_int(double value, const Object* integer) {
    if (std::isnan(value))
        return 2;
    int64_t small = 0;
    constexpr int64_t exact = int64_t{1} << 53;
    if (int_to_i64(integer, small) && small > -exact && small < exact) {
        auto other = static_cast<double>(small);
        return (value > other) - (value < other);
    }
    mpz_t big;
    mpz_init(big);
    int_to_mpz(integer, big);
    int c = -mpz_cmp_d(big, value); // exact, and defined for infinities
    mpz_clear(big);
    return (c > 0) - (c < 0);
}

Ref<Object> float_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    double value = float_value(self);
    int c = 0;
    if (is_float(other)) {
        double o = float_value(other);
        c = std::isnan(value) || std::isnan(o) ? 2 : (value > o) - (value < o);
    } else if (is_int(other)) {
        c = compare_with_int(value, other);
    } else {
        return vm.new_not_implemented();
    }
    bool result = false;
    switch (op) {
    case CompareOp::lt:
        result = c == -1;
        break;
    case CompareOp::le:
        result = c == -1 || c == 0;
        break;
    case CompareOp::eq:
        result = c == 0;
        break;
    case CompareOp::ne:
        result = c != 0;
        break;
    case CompareOp::gt:
        result = c == 1;
        break;
    case CompareOp::ge:
        result = c == 1 || c == 0;
        break;
    }
    return vm.new_bool(result);
}

int float_bool(VM&, Object* self) {
    return float_value(self) != 0.0;
}

Ref<Object> float_neg(VM& vm, Object* self) {
    return float_new(vm, -float_value(self));
}
Ref<Object> float_pos(VM& vm, Object* self) {
    return float_new(vm, float_value(self));
}
Ref<Object> float_abs(VM& vm, Object* self) {
    return float_new(vm, std::fabs(float_value(self)));
}
Ref<Object> float_float(VM& vm, Object* self) {
    if (self->type == vm.types().float_)
        return Ref<Object>::borrow(self);
    return float_new(vm, float_value(self));
}

// int(x): truncates towards zero. Raises OverflowError for infinities, ValueError for nan.
Ref<Object> float_int(VM& vm, Object* self) {
    double value = float_value(self);
    if (std::isinf(value))
        return raise_overflow_error(vm, "cannot convert float infinity to integer");
    if (std::isnan(value))
        return raise_value_error(vm, "cannot convert float NaN to integer");
    double truncated = std::trunc(value);
    if (std::fabs(truncated) < 9.0e18)
        return int_from_i64(vm, static_cast<int64_t>(truncated));
    mpz_t big;
    mpz_init_set_d(big, truncated);
    Ref<Object> result = int_from_mpz(vm, big);
    mpz_clear(big);
    return result;
}

// CPython's float_divmod, shared by //, % and divmod().
void python_divmod(double a, double b, double& floor_quotient, double& modulo) {
    double mod = std::fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0.0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, b);
    }
    if (div != 0.0) {
        floor_quotient = std::floor(div);
        if (div - floor_quotient > 0.5)
            floor_quotient += 1.0;
    } else {
        floor_quotient = std::copysign(0.0, a / b);
    }
    modulo = mod;
}

Ref<Object> float_is_integer(VM& vm, Object* self, Object* const*, size_t, Object*) {
    double value = float_value(self);
    return vm.new_bool(std::isfinite(value) && std::floor(value) == value);
}

// float.as_integer_ratio(): the exact fraction, lowest terms, positive denominator.
Ref<Object> float_as_integer_ratio(VM& vm, Object* self, Object* const*, size_t, Object*) {
    double value = float_value(self);
    if (std::isinf(value))
        return raise_overflow_error(vm, "cannot convert Infinity to integer ratio");
    if (std::isnan(value))
        return raise_value_error(vm, "cannot convert NaN to integer ratio");
    int exponent = 0;
    double mantissa = std::frexp(value, &exponent);
    for (int i = 0; i < 300 && mantissa != std::floor(mantissa); ++i) {
        mantissa *= 2.0;
        --exponent;
    }
    mpz_t numerator, denominator;
    mpz_init_set_d(numerator, mantissa);
    mpz_init_set_ui(denominator, 1);
    if (exponent > 0)
        mpz_mul_2exp(numerator, numerator, static_cast<mp_bitcnt_t>(exponent));
    else
        mpz_mul_2exp(denominator, denominator, static_cast<mp_bitcnt_t>(-exponent));
    Ref<Object> n = int_from_mpz(vm, numerator);
    Ref<Object> d = int_from_mpz(vm, denominator);
    mpz_clear(numerator);
    mpz_clear(denominator);
    if (!n || !d)
        return nullptr;
    return tuple_pack(vm, {n.get(), d.get()});
}

// float.hex(): CPython's float_hex layout, 0x1.<13 hex digits>p<exponent>.
Ref<Object> float_hex(VM& vm, Object* self, Object* const*, size_t, Object*) {
    double value = float_value(self);
    if (std::isnan(value) || std::isinf(value))
        return str_from_utf8(vm, compiler::repr_float(value));
    if (value == 0.0)
        return str_from_utf8(vm, std::signbit(value) ? "-0x0.0p+0" : "0x0.0p+0");
    int exponent = 0;
    double mantissa = std::frexp(std::fabs(value), &exponent);
    int shift = 1 - std::max(DBL_MIN_EXP - exponent, 0);
    mantissa = std::ldexp(mantissa, shift);
    exponent -= shift;
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = value < 0 ? "-0x" : "0x";
    auto whole = static_cast<int>(mantissa);
    out.push_back(digits[whole]);
    mantissa -= whole;
    out.push_back('.');
    for (int i = 0; i < 13; ++i) {
        mantissa *= 16.0;
        auto digit = static_cast<int>(mantissa);
        out.push_back(digits[digit]);
        mantissa -= digit;
    }
    out += "p";
    out += exponent >= 0 ? "+" : "-";
    out += std::to_string(exponent >= 0 ? exponent : -exponent);
    return str_from_utf8(vm, out);
}

// float.fromhex(string), a classmethod: args[0] is the class.
Ref<Object> float_fromhex(VM& vm, Object*, Object* const* args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "fromhex() takes exactly one argument (", nargs - 1, " given)");
    if (!is_str(args[1]))
        return raise_type_error(vm, "bad argument type for built-in operation");
    std::string text = str_to_utf8(args[1]);
    size_t begin = text.find_first_not_of(" \t\n\r\f\v");
    size_t end = text.find_last_not_of(" \t\n\r\f\v");
    text = begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
    std::string body = text;
    std::string sign;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        sign = body.substr(0, 1);
        body.erase(0, 1);
    }
    std::string lower;
    for (char c : body)
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    double result = 0;
    if (lower == "inf" || lower == "infinity") {
        result = HUGE_VAL;
    } else if (lower == "nan") {
        result = std::nan("");
    } else {
        if (lower.rfind("0x", 0) == 0)
            lower.erase(0, 2);
        size_t i = 0;
        size_t digits = 0;
        while (i < lower.size() && std::isxdigit(static_cast<unsigned char>(lower[i]))) {
            ++i;
            ++digits;
        }
        if (i < lower.size() && lower[i] == '.') {
            ++i;
            while (i < lower.size() && std::isxdigit(static_cast<unsigned char>(lower[i]))) {
                ++i;
                ++digits;
            }
        }
        bool valid = digits > 0;
        if (valid && i < lower.size() && lower[i] == 'p') {
            ++i;
            if (i < lower.size() && (lower[i] == '+' || lower[i] == '-'))
                ++i;
            size_t exponent_digits = 0;
            while (i < lower.size() && std::isdigit(static_cast<unsigned char>(lower[i]))) {
                ++i;
                ++exponent_digits;
            }
            valid = exponent_digits > 0;
        }
        if (!valid || i != lower.size())
            return raise_value_error(vm, "invalid hexadecimal floating-point string");
        errno = 0;
        std::string literal = "0x" + lower;
        if (literal.find('p') == std::string::npos)
            literal += "p0";
        result = std::strtod(literal.c_str(), nullptr);
        if (std::isinf(result))
            return raise_overflow_error(vm, "hexadecimal value too large to represent as a float");
    }
    if (sign == "-")
        result = -result;
    Ref<Object> value = float_new(vm, result);
    if (!value || args[0] == vm.types().float_)
        return value;
    Object* call_args[1] = {value.get()};
    return call_object(vm, args[0], call_args, 1);
}

Ref<Object> integral_of(VM& vm, double value) {
    if (std::isinf(value))
        return raise_overflow_error(vm, "cannot convert float infinity to integer");
    if (std::isnan(value))
        return raise_value_error(vm, "cannot convert float NaN to integer");
    if (std::fabs(value) < 9.0e18) // below 2**63: exact in a machine word (value is integral)
        return int_from_i64(vm, static_cast<int64_t>(value));
    mpz_t big;
    mpz_init_set_d(big, value);
    Ref<Object> result = int_from_mpz(vm, big);
    mpz_clear(big);
    return result;
}
Ref<Object> float_trunc(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return integral_of(vm, std::trunc(float_value(self)));
}
Ref<Object> float_floor(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return integral_of(vm, std::floor(float_value(self)));
}
Ref<Object> float_ceil(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return integral_of(vm, std::ceil(float_value(self)));
}
// float.__round__(ndigits=None): half to even; with ndigits, correctly rounded through the
// decimal text (as CPython's double_round with dtoa).
Ref<Object> float_round(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "__round__ expected at most 1 argument, got ", nargs);
    double x = float_value(self);
    if (nargs == 0 || args[0] == vm.none())
        return integral_of(vm, std::nearbyint(x));
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    int64_t n = 0;
    if (!int_to_i64(args[0], n))
        n = int_sign(args[0]) < 0 ? -400 : 400;
    if (!std::isfinite(x) || n > 323)
        return float_new(vm, x);
    if (n < -308)
        return float_new(vm, std::copysign(0.0, x));
    double result = 0;
    if (n >= 0) {
        char buffer[512];
        std::snprintf(buffer, sizeof buffer, "%.*f", static_cast<int>(n), x);
        result = std::strtod(buffer, nullptr);
    } else {
        double scale = std::pow(10.0, static_cast<double>(-n));
        result = std::nearbyint(x / scale) * scale;
    }
    if (std::isinf(result))
        return raise_overflow_error(vm, "rounded value too large to represent");
    return float_new(vm, result == 0 ? std::copysign(0.0, x) : result);
}

Ref<Object> float_conjugate(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return float_new(vm, float_value(self));
}
Ref<Object> float_dunder_format(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    if (!is_str(args[0]))
        return raise_type_error(vm, "__format__() argument must be str, not ", args[0]->type->name);
    // A subclass's own __format__ may call float.__format__(self, spec): format the value, so
    // that its __format__ does not run again (an empty spec gives str(self), as CPython's).
    if (self->type != vm.types().float_) {
        if (str_length(args[0]) == 0)
            return object_str(vm, self);
        Ref<Object> value = float_new(vm, float_value(self));
        return value ? format_with_spec(vm, value.get(), args[0]) : nullptr;
    }
    return format_with_spec(vm, self, args[0]);
}
Ref<Object> float_getnewargs(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Ref<Object> value = float_new(vm, float_value(self));
    return value ? tuple_pack(vm, {value.get()}) : nullptr;
}
Ref<Object> float_get_real(VM& vm, Object*, Object* const* args, size_t, Object*) {
    return float_new(vm, float_value(args[0]));
}
Ref<Object> float_get_imag(VM& vm, Object*, Object* const*, size_t, Object*) {
    return float_new(vm, 0.0);
}

constexpr MethodDef float_methods[] = {
    {"is_integer", float_is_integer, MethodKind::noargs, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio, MethodKind::noargs, "Return integer ratio."},
    {"hex", float_hex, MethodKind::noargs,
     "Return a hexadecimal representation of a floating-point number."},
    {"__trunc__", float_trunc, MethodKind::noargs,
     "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, MethodKind::noargs, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, MethodKind::noargs, "Return the ceiling as an Integral."},
    {"__round__", float_round, MethodKind::fastcall,
     "Return the Integral closest to x, rounding half toward even."},
    {"conjugate", float_conjugate, MethodKind::noargs,
     "Return self, the complex conjugate of any float."},
    {"__format__", float_dunder_format, MethodKind::o,
     "Formats the float according to format_spec."},
    {"__getnewargs__", float_getnewargs, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

extern const MethodDef float_fromhex_def = {
    "fromhex", float_fromhex, MethodKind::fastcall,
    "Create a floating-point number from a hexadecimal string."};
extern const MethodDef float_getters[] = {
    {"real", float_get_real, MethodKind::fastcall, "the real part of a complex number"},
    {"imag", float_get_imag, MethodKind::fastcall, "the imaginary part of a complex number"},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

bool is_float(const Object* object) {
    return is_subtype(object->type, object->type->vm->types().float_);
}

Ref<Object> float_new(VM& vm, double value) {
    Object* object = float_make(vm, value);
    if (!object)
        return raise_memory_error(vm);
    return Ref<Object>::steal(object);
}

Object* float_allocate(VM& vm, double value) {
    // The 40-byte blocks of gc/free_lists.h's NumberBlocks, as number_free gives them back.
    static_assert(sizeof(Float) <= gc::NumberBlocks::block_size);
    void* memory = vm.free_lists().numbers().allocate();
    if (!memory)
        return nullptr;
    auto* object = static_cast<Object*>(memory);
    vm.heap().adopt_untracked(object, vm.types().float_);
    static_cast<Float*>(object)->value = value;
    return object;
}

NumberSum::NumberSum(VM& vm, Object* start) : m_vm(vm) {
    int64_t small = 0;
    if (!start) {
        m_mode = Mode::integer;
    } else if (start->type == vm.types().int_ && int_to_i64(start, small)) {
        m_mode = Mode::integer;
        m_integer = small;
    } else if (start->type == vm.types().float_) {
        m_mode = Mode::real;
        m_real = float_value(start);
    } else {
        m_total = Ref<Object>::borrow(start);
    }
}

Status NumberSum::add(Object* item) {
    BuiltinTypes& types = m_vm.types();
    int64_t small = 0;
    if (m_mode == Mode::integer) {
        int64_t sum = 0;
        if ((item->type == types.int_ || item->type == types.bool_) && int_to_i64(item, small) &&
            !__builtin_add_overflow(m_integer, small, &sum)) {
            m_integer = sum;
            return Status::ok;
        }
        m_total = int_from_i64(m_vm, m_integer);
    } else if (m_mode == Mode::real) {
        if (item->type == types.float_) {
            m_real += float_value(item);
            return Status::ok;
        }
        if (is_int(item) && int_to_i64(item, small)) {
            m_real += static_cast<double>(small);
            return Status::ok;
        }
        m_total = float_new(m_vm, m_real);
    }
    return add_generic(item);
}

Status NumberSum::add_generic(Object* item) {
    if (!m_total)
        return Status::error;
    Mode from = m_mode;
    m_mode = Mode::generic;
    Ref<Object> next = binary_op(m_vm, m_total.get(), item, BinaryOpArg::Add);
    if (!next)
        return Status::error;
    m_total = std::move(next);
    // CPython enters its float loop once more when the integer loop ends in a float total.
    if (from == Mode::integer && m_total->type == m_vm.types().float_) {
        m_mode = Mode::real;
        m_real = float_value(m_total.get());
        m_total = nullptr;
    }
    return Status::ok;
}

Ref<Object> NumberSum::result() {
    if (m_mode == Mode::integer)
        return int_from_i64(m_vm, m_integer);
    if (m_mode == Mode::real)
        return float_new(m_vm, m_real);
    return m_total;
}

Status number_to_double(VM& vm, const Object* object, double& out) {
    if (is_float(object)) {
        out = float_value(object);
        return Status::ok;
    }
    if (!is_int(object))
        return raise_type_error(vm, "must be real number, not ", object->type->name);
    int64_t small = 0;
    if (int_to_i64(object, small)) {
        out = static_cast<double>(small); // the conversion rounds to nearest, ties to even
        return Status::ok;
    }
    // Round half to even from the top 55 bits plus a sticky bit (mpz_get_d would truncate).
    mpz_t big;
    mpz_init(big);
    int_to_mpz(object, big);
    bool negative = mpz_sgn(big) < 0;
    mpz_abs(big, big);
    size_t bits = mpz_sizeinbase(big, 2);
    bool too_large = bits > 1024;
    double result = 0;
    if (!too_large) {
        size_t shift = bits - 55;
        bool sticky = mpz_scan1(big, 0) < shift;
        mpz_fdiv_q_2exp(big, big, shift);
        uint64_t top = mpz_get_ui(big) | (sticky ? 1u : 0u);
        result = std::ldexp(static_cast<double>(top), static_cast<int>(shift));
        too_large = std::isinf(result);
    }
    mpz_clear(big);
    if (too_large)
        return raise_overflow_error(vm, "int too large to convert to float");
    out = negative ? -result : result;
    return Status::ok;
}

int64_t float_hash_value(const Object* self, double value) {
    if (!std::isfinite(value)) {
        if (std::isinf(value))
            return value > 0 ? 314159 : -314159;
        return hash_pointer(self); // nan: by identity (CPython 3.10+)
    }
    int exponent = 0;
    double mantissa = std::frexp(value, &exponent);
    int64_t sign = 1;
    if (mantissa < 0) {
        sign = -1;
        mantissa = -mantissa;
    }
    // Process 28 bits at a time, reducing mod 2**61-1 (multiplying by 2**28 is a rotation there).
    uint64_t x = 0;
    while (mantissa != 0.0) {
        x = ((x << 28) & hash_modulus) | x >> (hash_bits - 28);
        mantissa *= 268435456.0;
        exponent -= 28;
        auto y = static_cast<uint64_t>(mantissa);
        mantissa -= static_cast<double>(y);
        x += y;
        if (x >= hash_modulus)
            x -= hash_modulus;
    }
    int e = exponent >= 0 ? exponent % hash_bits : hash_bits - 1 - ((-1 - exponent) % hash_bits);
    x = ((x << e) & hash_modulus) | x >> (hash_bits - e);
    auto hash = static_cast<int64_t>(x) * sign;
    return hash == -1 ? -2 : hash;
}

Ref<Object> float_add(VM& vm, Object* left, Object* right) {
    MINIPY_FLOAT_OPERANDS(vm, left, right)
    return float_new(vm, a + b);
}

Ref<Object> float_sub(VM& vm, Object* left, Object* right) {
    MINIPY_FLOAT_OPERANDS(vm, left, right)
    return float_new(vm, a - b);
}

Ref<Object> float_mul(VM& vm, Object* left, Object* right) {
    MINIPY_FLOAT_OPERANDS(vm, left, right)
    return float_new(vm, a * b);
}

Ref<Object> float_truediv(VM& vm, Object* left, Object* right) {
    MINIPY_FLOAT_OPERANDS(vm, left, right)
    if (b == 0.0)
        return raise_zero_division_error(vm, "float division by zero");
    return float_new(vm, a / b);
}

Ref<Object> float_floordiv(VM& vm, Object* left, Object* right) {
    MINIPY_FLOAT_OPERANDS(vm, left, right)
    if (b == 0.0)
        return raise_zero_division_error(vm, "float floor division by zero");
    double quotient = 0;
    double modulo = 0;
    python_divmod(a, b, quotient, modulo);
    return float_new(vm, quotient);
}

Ref<Object> float_mod(VM& vm, Object* left, Object* right) {
    MINIPY_FLOAT_OPERANDS(vm, left, right)
    if (b == 0.0)
        return raise_zero_division_error(vm, "float modulo");
    double mod = std::fmod(a, b);
    if (mod != 0.0) {
        if ((b < 0) != (mod < 0))
            mod += b;
    } else {
        mod = std::copysign(0.0, b);
    }
    return float_new(vm, mod);
}

Ref<Object> float_divmod(VM& vm, Object* left, Object* right) {
    MINIPY_FLOAT_OPERANDS(vm, left, right)
    if (b == 0.0)
        return raise_zero_division_error(vm, "float divmod()");
    double quotient = 0;
    double modulo = 0;
    python_divmod(a, b, quotient, modulo);
    Ref<Object> q = float_new(vm, quotient);
    Ref<Object> m = float_new(vm, modulo);
    if (!q || !m)
        return nullptr;
    return tuple_pack(vm, {q.get(), m.get()});
}

Ref<Object> float_pow(VM& vm, Object* left, Object* right, Object* modulus) {
    if (modulus && modulus != vm.none())
        return raise_type_error(vm, "pow() 3rd argument not allowed unless all arguments are "
                                    "integers");
    MINIPY_FLOAT_OPERANDS(vm, left, right)
    if (a == 0.0 && b < 0.0 && !std::isinf(b)) // 0.0 ** -inf is inf, as in C's pow
        return raise_zero_division_error(vm, "0.0 cannot be raised to a negative power");
    if (a < 0.0 && std::isfinite(a) && std::isfinite(b) && std::floor(b) != b)
        return raise_value_error(vm, "math domain error (complex result not supported)");
    double result = std::pow(a, b);
    if (std::isinf(result) && std::isfinite(a) && std::isfinite(b))
        return raise_overflow_error(vm, "(34, 'Numerical result out of range')");
    return float_new(vm, result);
}

#undef MINIPY_FLOAT_OPERANDS

bool init_float_type(VM& vm) {
    TypeSpec spec{};
    spec.name = "float";
    spec.basic_size = sizeof(Float);
    spec.flags = type_base_type;
    TypeSlots& s = spec.slots;
    s.dealloc = float_dealloc;
    s.repr = float_repr;
    s.hash = float_hash_slot;
    s.richcompare = float_richcompare;
    s.bool_ = float_bool;
    s.add = float_add;
    s.sub = float_sub;
    s.mul = float_mul;
    s.truediv = float_truediv;
    s.floordiv = float_floordiv;
    s.mod = float_mod;
    s.divmod = float_divmod;
    s.pow = float_pow;
    s.neg = float_neg;
    s.pos = float_pos;
    s.abs = float_abs;
    s.int_ = float_int;
    s.float_ = float_float;
    spec.methods = float_methods;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    vm.types().float_ = type.release();
    return true;
}

} // namespace minipy::vm
