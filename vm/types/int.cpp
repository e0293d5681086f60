// int and bool. Representation: a machine word (`small`) while the value fits in int64_t, an mpz
// (GMP) beyond; the invariant (vm/types/int.h) keeps every value in exactly one canonical form, so
// equal ints compare field by field and the fast path is a flag test. Values -5..256 come from the
// VM's small-int pool. bool is a subclass of int sharing this layout; True and False are its only
// instances.
//
// Python's rules followed here: floor division and modulo round towards negative infinity and the
// remainder takes the divisor's sign (Reference 6.7); hash is CPython's (value mod 2**61-1, sign
// kept, -1 becomes -2); decimal text conversions honour the int-max-str-digits limit (4300 by
// default, CPython 3.11.7), never applied to power-of-two bases. GMP aborts on allocation failure,
// so results whose size is absurd (pow, <<) are refused up front with MemoryError / OverflowError.
#include "vm/types/int.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "compiler/literals.h"
#include "vm/format.h"
#include "vm/types/bytes.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/method_args.h"
#include "vm/types/number_fast.h"
#include "vm/types/str.h"
#include "vm/types/str_kind.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

constexpr uint64_t hash_modulus = (uint64_t{1} << 61) - 1;
// Results larger than this many bits are refused (GMP would abort when memory runs out).
constexpr uint64_t max_result_bits = uint64_t{1} << 32;

const Int* as_int(const Object* object) {
    return static_cast<const Int*>(object);
}

// An mpz view of an int operand: points at the big value, or at a temporary for a small one.
class MpzOperand {
public:
    explicit MpzOperand(const Object* object) {
        const Int* value = as_int(object);
        if (value->is_big()) {
            m_pointer = value->big;
        } else {
            mpz_init_set_si(m_temp, value->small);
            m_owned = true;
            m_pointer = m_temp;
        }
    }
    ~MpzOperand() {
        if (m_owned)
            mpz_clear(m_temp);
    }
    MpzOperand(const MpzOperand&) = delete;
    MpzOperand& operator=(const MpzOperand&) = delete;
    mpz_srcptr get() const { return m_pointer; }

private:
    mpz_t m_temp;
    mpz_srcptr m_pointer;
    bool m_owned = false;
};

// An owned mpz result.
class Mpz {
public:
    Mpz() { mpz_init(m_value); }
    ~Mpz() { mpz_clear(m_value); }
    Mpz(const Mpz&) = delete;
    Mpz& operator=(const Mpz&) = delete;
    mpz_ptr get() { return m_value; }

private:
    mpz_t m_value;
};

void int_dealloc(Object* self) {
    auto* value = static_cast<Int*>(self);
    VM& vm = vm_of(self);
    // Machine-word ints of the exact type go to the free list (gc/free_lists.h) for the next
    // int_from_i64.
    if (!value->is_big() && self->type == vm.types().int_) {
        number_free(vm, self, vm.free_lists().ints());
        return;
    }
    if (value->is_big())
        mpz_clear(value->big);
    vm.heap().release(self);
}

uint64_t bit_length(const Object* object) {
    const Int* value = as_int(object);
    if (value->is_big())
        return mpz_sizeinbase(value->big, 2);
    uint64_t magnitude = value->small < 0 ? 0 - static_cast<uint64_t>(value->small)
                                          : static_cast<uint64_t>(value->small);
    return magnitude == 0 ? 0 : static_cast<uint64_t>(64 - __builtin_clzll(magnitude));
}

Ref<Object> int_repr(VM& vm, Object* self) {
    if (!as_int(self)->is_big()) // written straight into the str, no std::string between
        return str_from_i64(vm, as_int(self)->small);
    std::string text;
    if (!is_ok(int_to_text(vm, self, 10, text)))
        return nullptr;
    return str_from_utf8(vm, text);
}

int64_t int_hash_slot(VM&, Object* self) {
    return int_hash_value(self);
}

Ref<Object> int_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (!is_int(other))
        return vm.new_not_implemented();
    int c = int_compare(self, other);
    bool result = false;
    switch (op) {
    case CompareOp::lt:
        result = c < 0;
        break;
    case CompareOp::le:
        result = c <= 0;
        break;
    case CompareOp::eq:
        result = c == 0;
        break;
    case CompareOp::ne:
        result = c != 0;
        break;
    case CompareOp::gt:
        result = c > 0;
        break;
    case CompareOp::ge:
        result = c >= 0;
        break;
    }
    return vm.new_bool(result);
}

int int_bool(VM&, Object* self) {
    return int_sign(self) != 0;
}

Ref<Object> int_pos(VM& vm, Object* self) {
    if (is_exact_int(self))
        return Ref<Object>::borrow(self);
    if (as_int(self)->is_big())
        return int_from_mpz(vm, as_int(self)->big);
    return int_from_i64(vm, as_int(self)->small);
}

Ref<Object> int_float(VM& vm, Object* self) {
    double value = 0;
    if (!is_ok(number_to_double(vm, self, value)))
        return nullptr;
    return float_new(vm, value);
}

// Applies a GMP binary function to two int operands.
template <class Function> Ref<Object> big_binary(VM& vm, Object* left, Object* right, Function f) {
    MpzOperand a(left);
    MpzOperand b(right);
    Mpz result;
    f(result.get(), a.get(), b.get());
    return int_from_mpz(vm, result.get());
}

bool both_int(Object* left, Object* right) {
    return is_int(left) && is_int(right);
}
bool both_small(Object* left, Object* right) {
    return !as_int(left)->is_big() && !as_int(right)->is_big();
}

Ref<Object> divide_by_zero(VM& vm, const char* message) {
    return raise_zero_division_error(vm, message);
}

// Correctly rounded a / b for ints (CPython's long_true_divide gives the nearest double).
Ref<Object> true_divide_big(VM& vm, Object* left, Object* right) {
    MpzOperand a(left);
    MpzOperand b(right);
    if (mpz_sgn(a.get()) == 0)
        return float_new(vm, mpz_sgn(b.get()) < 0 ? -0.0 : 0.0);
    bool negative = (mpz_sgn(a.get()) < 0) != (mpz_sgn(b.get()) < 0);
    Mpz num;
    Mpz den;
    mpz_abs(num.get(), a.get());
    mpz_abs(den.get(), b.get());
    // Scale so the quotient has 55..56 bits, then fold the remainder into a sticky bit: converting
    // that to double rounds exactly as the infinitely precise quotient would.
    long shift = 55 + static_cast<long>(mpz_sizeinbase(den.get(), 2)) -
                 static_cast<long>(mpz_sizeinbase(num.get(), 2));
    if (shift > 0)
        mpz_mul_2exp(num.get(), num.get(), static_cast<mp_bitcnt_t>(shift));
    else if (shift < 0)
        mpz_mul_2exp(den.get(), den.get(), static_cast<mp_bitcnt_t>(-shift));
    Mpz quotient;
    Mpz remainder;
    mpz_tdiv_qr(quotient.get(), remainder.get(), num.get(), den.get());
    uint64_t bits = mpz_get_ui(quotient.get());
    if (mpz_sgn(remainder.get()) != 0)
        bits |= 1;
    if (-shift > 2000)
        return raise_overflow_error(vm, "integer division result too large for a float");
    double result =
        std::ldexp(static_cast<double>(bits), static_cast<int>(-std::max(shift, -3000L)));
    if (std::isinf(result))
        return raise_overflow_error(vm, "integer division result too large for a float");
    return float_new(vm, negative ? -result : result);
}

// Floor division and modulo of machine words; false when the result needs a big int.
bool small_divmod(int64_t a, int64_t b, int64_t& quotient, int64_t& remainder) {
    if (a == INT64_MIN && b == -1)
        return false;
    quotient = a / b;
    remainder = a % b;
    if (remainder != 0 && ((remainder < 0) != (b < 0))) {
        quotient -= 1;
        remainder += b;
    }
    return true;
}

Ref<Object> bool_repr(VM& vm, Object* self) {
    return str_from_utf8(vm, self == vm.true_() ? "True" : "False");
}

// bool & bool stays a bool; mixed with int it is int arithmetic.
template <Ref<Object> (*IntOp)(VM&, Object*, Object*), bool (*BoolOp)(bool, bool)>
Ref<Object> bool_bitwise(VM& vm, Object* left, Object* right) {
    if (left->type == vm.types().bool_ && right->type == vm.types().bool_)
        return vm.new_bool(BoolOp(left == vm.true_(), right == vm.true_()));
    return IntOp(vm, left, right);
}
bool bool_and_op(bool a, bool b) {
    return a && b;
}
bool bool_or_op(bool a, bool b) {
    return a || b;
}
bool bool_xor_op(bool a, bool b) {
    return a != b;
}

Ref<Object> int_index(VM& vm, Object* self) {
    return int_pos(vm, self);
}

Ref<Object> int_conjugate(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return int_pos(vm, self);
}
Ref<Object> int_bit_length(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return int_from_i64(vm, static_cast<int64_t>(bit_length(self)));
}
Ref<Object> int_bit_count(VM& vm, Object* self, Object* const*, size_t, Object*) {
    MpzOperand a(self);
    Mpz magnitude;
    mpz_abs(magnitude.get(), a.get());
    return int_from_i64(vm, static_cast<int64_t>(mpz_popcount(magnitude.get())));
}

// ====== Bytes conversion (Library Reference 4.4.2)

Status byteorder_argument(VM& vm, Object* value, bool& little) {
    little = false;
    if (!value)
        return Status::ok;
    if (!is_str(value))
        return raise_type_error(vm, "to_bytes() argument 'byteorder' must be str, not ",
                                value->type->name);
    std::string order = str_to_utf8(value);
    if (order != "little" && order != "big")
        return raise_value_error(vm, "byteorder must be either 'little' or 'big'");
    little = order == "little";
    return Status::ok;
}

Ref<Object> int_to_bytes(VM& vm, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Object* values[3];
    if (!is_ok(bind_arguments(vm, {"to_bytes", {"length", "byteorder", "signed"}, 0, 0, 2}, args,
                              nargs, kwnames, values)))
        return nullptr;
    intptr_t length = 1;
    if (values[0]) {
        if (!is_int(values[0]))
            return raise_type_error(vm, "'", values[0]->type->name,
                                    "' object cannot be interpreted as an integer");
        if (!is_ok(int_to_ssize(vm, values[0], length)))
            return nullptr;
        if (length < 0)
            return raise_value_error(vm, "length argument must be non-negative");
    }
    bool little = false;
    if (!is_ok(byteorder_argument(vm, values[1], little)))
        return nullptr;
    int is_signed = values[2] ? object_is_true(vm, values[2]) : 0;
    if (is_signed < 0)
        return nullptr;
    MpzOperand a(self);
    if (!is_signed && mpz_sgn(a.get()) < 0)
        return raise_overflow_error(vm, "can't convert negative int to unsigned");
    Mpz value;
    mpz_set(value.get(), a.get());
    Mpz limit;
    mpz_ui_pow_ui(limit.get(), 2, static_cast<unsigned long>(8 * length));
    if (is_signed) {
        Mpz half;
        mpz_fdiv_q_2exp(half.get(), limit.get(), 1);
        Mpz negative_half;
        mpz_neg(negative_half.get(), half.get());
        if (length == 0 ? mpz_sgn(value.get()) != 0
                        : (mpz_cmp(value.get(), half.get()) >= 0 ||
                           mpz_cmp(value.get(), negative_half.get()) < 0))
            return raise_overflow_error(vm, "int too big to convert");
        if (mpz_sgn(value.get()) < 0)
            mpz_add(value.get(), value.get(), limit.get());
    } else if (mpz_cmp(value.get(), limit.get()) >= 0) {
        return raise_overflow_error(vm, "int too big to convert");
    }
    std::string out(static_cast<size_t>(length), '\0');
    size_t count = 0;
    std::string raw((mpz_sizeinbase(value.get(), 2) + 7) / 8 + 1, '\0');
    mpz_export(raw.data(), &count, 1, 1, 1, 0, value.get());
    for (size_t i = 0; i < count; ++i)
        out[out.size() - count + i] = raw[i];
    if (little)
        std::reverse(out.begin(), out.end());
    return bytes_new(vm, out);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False), a classmethod: args[0] is the class.
Ref<Object> int_from_bytes(VM& vm, Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (nargs < 1)
        return raise_type_error(vm, "from_bytes() needs a class");
    Object* values[3];
    if (!is_ok(bind_arguments(vm, {"from_bytes", {"bytes", "byteorder", "signed"}, 1, 0, 2},
                              args + 1, nargs - 1, kwnames, values)))
        return nullptr;
    bool little = false;
    if (!is_ok(byteorder_argument(vm, values[1], little)))
        return nullptr;
    int is_signed = values[2] ? object_is_true(vm, values[2]) : 0;
    if (is_signed < 0)
        return nullptr;
    std::string data;
    std::string_view view;
    if (bytes_like(values[0], view)) {
        data.assign(view);
    } else {
        if (is_str(values[0]))
            return raise_type_error(vm, "cannot convert 'str' object to bytes");
        Object* source[1] = {values[0]};
        if (!is_ok(bytes_from_arguments(vm, "bytes", source, 1, nullptr, data)))
            return nullptr;
    }
    if (little)
        std::reverse(data.begin(), data.end());
    Mpz value;
    if (!data.empty())
        mpz_import(value.get(), data.size(), 1, 1, 1, 0, data.data());
    if (is_signed && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80)) {
        Mpz limit;
        mpz_ui_pow_ui(limit.get(), 2, static_cast<unsigned long>(8 * data.size()));
        mpz_sub(value.get(), value.get(), limit.get());
    }
    Ref<Object> result = int_from_mpz(vm, value.get());
    if (!result || args[0] == vm.types().int_)
        return result;
    Object* call_args[1] = {result.get()};
    return call_object(vm, args[0], call_args, 1);
}

Ref<Object> int_self_method(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return int_pos(vm, self);
}

// int.__round__(ndigits=None): itself, or rounded half to even at 10**-ndigits when negative.
Ref<Object> int_round(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "__round__ expected at most 1 argument, got ", nargs);
    if (nargs == 0 || args[0] == vm.none())
        return int_pos(vm, self);
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    if (int_sign(args[0]) >= 0)
        return int_pos(vm, self);
    int64_t digits = 0;
    if (!int_to_i64(args[0], digits) || digits < -100000)
        return int_from_i64(vm, 0);
    Mpz scale, quotient, remainder, twice;
    mpz_ui_pow_ui(scale.get(), 10, static_cast<unsigned long>(-digits));
    MpzOperand a(self);
    mpz_fdiv_qr(quotient.get(), remainder.get(), a.get(), scale.get());
    mpz_mul_2exp(twice.get(), remainder.get(), 1);
    int c = mpz_cmp(twice.get(), scale.get());
    if (c > 0 || (c == 0 && mpz_odd_p(quotient.get())))
        mpz_add_ui(quotient.get(), quotient.get(), 1);
    mpz_mul(quotient.get(), quotient.get(), scale.get());
    return int_from_mpz(vm, quotient.get());
}

Ref<Object> int_as_integer_ratio(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Ref<Object> value = int_pos(vm, self);
    Ref<Object> one = int_from_i64(vm, 1);
    if (!value || !one)
        return nullptr;
    return tuple_pack(vm, {value.get(), one.get()});
}

Ref<Object> int_dunder_format(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    if (!is_str(args[0]))
        return raise_type_error(vm, "__format__() argument must be str, not ", args[0]->type->name);
    // A subclass's own __format__ may call int.__format__(self, spec): format the value, so that
    // its __format__ does not run again (an empty spec gives str(self), as CPython's).
    if (self->type != vm.types().int_ && self->type != vm.types().bool_) {
        if (str_length(args[0]) == 0)
            return object_str(vm, self);
        Ref<Object> value = int_pos(vm, self);
        return value ? format_with_spec(vm, value.get(), args[0]) : nullptr;
    }
    return format_with_spec(vm, self, args[0]);
}

Ref<Object> int_getnewargs(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Ref<Object> value = int_pos(vm, self);
    return value ? tuple_pack(vm, {value.get()}) : nullptr;
}

// Getters (installed as properties): args[0] is the instance.
Ref<Object> int_get_self(VM& vm, Object*, Object* const* args, size_t, Object*) {
    return int_pos(vm, args[0]);
}
Ref<Object> int_get_zero(VM& vm, Object*, Object* const*, size_t, Object*) {
    return int_from_i64(vm, 0);
}
Ref<Object> int_get_one(VM& vm, Object*, Object* const*, size_t, Object*) {
    return int_from_i64(vm, 1);
}

constexpr MethodDef int_methods[] = {
    {"to_bytes", int_to_bytes, MethodKind::fastcall_keywords,
     "Return an array of bytes representing an integer."},
    {"__trunc__", int_self_method, MethodKind::noargs, "Truncating an Integral returns itself."},
    {"__floor__", int_self_method, MethodKind::noargs, "Flooring an Integral returns itself."},
    {"__ceil__", int_self_method, MethodKind::noargs, "Ceiling of an Integral returns itself."},
    {"__round__", int_round, MethodKind::fastcall, "Rounding an Integral returns itself."},
    {"as_integer_ratio", int_as_integer_ratio, MethodKind::noargs, "Return integer ratio."},
    {"__format__", int_dunder_format, MethodKind::o,
     "Convert to a string according to format_spec."},
    {"__getnewargs__", int_getnewargs, MethodKind::noargs, nullptr},
    {"conjugate", int_conjugate, MethodKind::noargs,
     "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length, MethodKind::noargs,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, MethodKind::noargs,
     "Number of ones in the binary representation of the absolute value of self."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// The digit value of c in bases up to 36, or 99.
int digit_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// Checks digits (with single underscores between them) and copies them without underscores.
// `allow_leading_underscore` is for the position right after a base prefix.
bool collect_digits(std::string_view body, int base, bool allow_leading_underscore,
                    std::string& digits) {
    bool previous_underscore = !allow_leading_underscore;
    if (body.empty())
        return false;
    for (char c : body) {
        if (c == '_') {
            if (previous_underscore)
                return false;
            previous_underscore = true;
            continue;
        }
        if (digit_value(c) >= base)
            return false;
        previous_underscore = false;
        digits.push_back(c);
    }
    return !previous_underscore && !digits.empty();
}

Ref<Object> invalid_literal(VM& vm, std::string_view text, int base) {
    // CPython's %.200R: the repr of the whole text, cut after 200 code points (so a long text's
    // closing quote is cut off too).
    std::string shown = compiler::repr_str(text);
    size_t points = 0;
    for (size_t i = 0; i < shown.size(); ++i) {
        if ((static_cast<unsigned char>(shown[i]) & 0xC0) != 0x80 && points++ == 200) {
            shown.resize(i);
            break;
        }
    }
    return raise_value_error(vm, "invalid literal for int() with base ", base, ": ", shown);
}

} // namespace

extern const MethodDef int_from_bytes_def = {
    "from_bytes", int_from_bytes, MethodKind::fastcall_keywords,
    "Return the integer represented by the given array of bytes."};
extern const MethodDef int_getters[] = {
    {"real", int_get_self, MethodKind::fastcall, "the real part of a complex number"},
    {"imag", int_get_zero, MethodKind::fastcall, "the imaginary part of a complex number"},
    {"numerator", int_get_self, MethodKind::fastcall,
     "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, MethodKind::fastcall,
     "the denominator of a rational number in lowest terms"},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// ====== Queries and conversions

bool is_int(const Object* object) {
    return has_flag(object->type, type_int_subclass);
}
bool is_exact_int(const Object* object) {
    return object->type == object->type->vm->types().int_;
}

bool int_to_i64(const Object* object, int64_t& out) {
    const Int* value = as_int(object);
    if (value->is_big()) [[unlikely]] {
        // INT64_MIN is the one word-sized value held as an mpz.
        if (!mpz_fits_slong_p(value->big))
            return false;
        out = static_cast<int64_t>(mpz_get_si(value->big));
        return true;
    }
    out = value->small;
    return true;
}

Status int_to_ssize(VM& vm, const Object* object, intptr_t& out) {
    int64_t value = 0;
    if (!int_to_i64(object, value))
        return raise_overflow_error(vm, "Python int too large to convert to C ssize_t");
    out = static_cast<intptr_t>(value);
    return Status::ok;
}

void int_to_mpz(const Object* object, mpz_t out) {
    if (as_int(object)->is_big())
        mpz_set(out, as_int(object)->big);
    else
        mpz_set_si(out, as_int(object)->small);
}

int int_sign(const Object* object) {
    const Int* value = as_int(object);
    if (value->is_big())
        return mpz_sgn(value->big);
    return (value->small > 0) - (value->small < 0);
}

Ref<Object> int_from_i64(VM& vm, int64_t value) {
    Object* object = int_make(vm, value);
    if (!object)
        return raise_memory_error(vm);
    return Ref<Object>::steal(object);
}

static_assert(int_small_size <= gc::NumberBlocks::block_size);

Object* int_allocate(VM& vm, int64_t value) {
    if (value == int_big_marker) [[unlikely]] {
        Object* object = vm.heap().allocate(vm.types().int_, sizeof(Int));
        if (object) {
            static_cast<Int*>(object)->small = int_big_marker;
            mpz_init_set_si(static_cast<Int*>(object)->big, value);
        }
        return object;
    }
    // The 40-byte blocks of gc/free_lists.h's NumberBlocks, as number_free gives them back.
    void* memory = vm.free_lists().numbers().allocate();
    if (!memory)
        return nullptr;
    auto* object = static_cast<Object*>(memory);
    vm.heap().adopt_untracked(object, vm.types().int_);
    static_cast<Int*>(object)->small = value;
    return object;
}

Ref<Object> int_from_mpz(VM& vm, const mpz_t value) {
    if (mpz_fits_slong_p(value)) {
        auto word = static_cast<int64_t>(mpz_get_si(value));
        if (word != int_big_marker)
            return int_from_i64(vm, word);
    }
    Ref<Int> object = allocate_object<Int>(vm, vm.types().int_);
    if (!object)
        return nullptr;
    mpz_init_set(object->big, value);
    object->small = int_big_marker;
    return object;
}

Ref<Object> int_from_text(VM& vm, std::string_view text, int base) {
    if (base != 0 && (base < 2 || base > 36))
        return raise_value_error(vm, "int() base must be >= 2 and <= 36, or 0");
    std::string_view body = text;
    while (!body.empty() && is_space(body.front()))
        body.remove_prefix(1);
    while (!body.empty() && is_space(body.back()))
        body.remove_suffix(1);
    // Plain decimal text of at most 18 digits (int(field)): no underscore or prefix to handle,
    // and the value fits in 64 bits.
    if (base == 10 && !body.empty() && body.size() <= 18) {
        bool minus = body[0] == '-';
        size_t i = minus ? 1 : 0;
        uint64_t value = 0;
        for (; i < body.size(); ++i) {
            auto digit = static_cast<unsigned>(static_cast<unsigned char>(body[i]) - '0');
            if (digit > 9)
                break;
            value = value * 10 + digit;
        }
        if (i == body.size() && body.size() > (minus ? 1u : 0u)) {
            auto signed_value = static_cast<int64_t>(value);
            return int_from_i64(vm, minus ? -signed_value : signed_value);
        }
    }
    bool negative = false;
    if (!body.empty() && (body.front() == '+' || body.front() == '-')) {
        negative = body.front() == '-';
        body.remove_prefix(1);
    }
    int real_base = base;
    bool after_prefix = false;
    if (body.size() >= 2 && body[0] == '0') {
        char p = static_cast<char>(body[1] | 0x20);
        int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (prefix_base && (base == 0 || base == prefix_base)) {
            real_base = prefix_base;
            body.remove_prefix(2);
            after_prefix = true;
        }
    }
    if (real_base == 0)
        real_base = 10;
    std::string digits;
    if (!collect_digits(body, real_base, after_prefix, digits))
        return invalid_literal(vm, text, base);
    // Reference 2.4.5: in base 0 a decimal literal may not start with 0 unless it is all zeros.
    if (base == 0 && !after_prefix && digits.size() > 1 && digits[0] == '0' &&
        digits.find_first_not_of('0') != std::string::npos)
        return invalid_literal(vm, text, base);
    bool power_of_two = (real_base & (real_base - 1)) == 0;
    int64_t limit = vm.int_max_str_digits();
    if (!power_of_two && limit > 0 && static_cast<int64_t>(digits.size()) > limit)
        return raise_value_error(vm, "Exceeds the limit (", limit,
                                 " digits) for integer string conversion: value has ",
                                 digits.size(),
                                 " digits; use sys.set_int_max_str_digits() to "
                                 "increase the limit");
    if (digits.size() <= 12) {
        int64_t value = 0;
        std::from_chars(digits.data(), digits.data() + digits.size(), value, real_base);
        return int_from_i64(vm, negative ? -value : value);
    }
    Mpz value;
    mpz_set_str(value.get(), digits.c_str(), real_base);
    if (negative)
        mpz_neg(value.get(), value.get());
    return int_from_mpz(vm, value.get());
}

Status int_to_text(VM& vm, const Object* object, int base, std::string& out) {
    const Int* value = as_int(object);
    if (!value->is_big()) {
        char buffer[72];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, value->small, base);
        out.assign(buffer, result.ptr);
        return Status::ok;
    }
    bool power_of_two = (base & (base - 1)) == 0;
    int64_t limit = vm.int_max_str_digits();
    size_t estimate = mpz_sizeinbase(value->big, base); // exact or one too many
    if (!power_of_two && limit > 0 && estimate > static_cast<size_t>(limit) + 1)
        return raise_value_error(vm, "Exceeds the limit (", limit,
                                 " digits) for integer string conversion; use "
                                 "sys.set_int_max_str_digits() to increase the limit");
    out.resize(estimate + 2);
    mpz_get_str(out.data(), base, value->big);
    out.resize(std::strlen(out.c_str()));
    size_t digit_count = out.size() - (out[0] == '-' ? 1 : 0);
    if (!power_of_two && limit > 0 && digit_count > static_cast<size_t>(limit))
        return raise_value_error(vm, "Exceeds the limit (", limit,
                                 " digits) for integer string conversion; use "
                                 "sys.set_int_max_str_digits() to increase the limit");
    return Status::ok;
}

int64_t int_hash_value(const Object* object) {
    const Int* value = as_int(object);
    uint64_t magnitude = 0;
    bool negative = false;
    if (value->is_big()) {
        negative = mpz_sgn(value->big) < 0;
        Mpz absolute;
        mpz_abs(absolute.get(), value->big);
        magnitude = mpz_fdiv_ui(absolute.get(), hash_modulus);
    } else {
        negative = value->small < 0;
        magnitude = negative ? 0 - static_cast<uint64_t>(value->small)
                             : static_cast<uint64_t>(value->small);
        magnitude %= hash_modulus;
    }
    auto hash = static_cast<int64_t>(magnitude);
    if (negative)
        hash = -hash;
    return hash == -1 ? -2 : hash;
}

int int_compare(const Object* left, const Object* right) {
    const Int* a = as_int(left);
    const Int* b = as_int(right);
    if (!a->is_big() && !b->is_big())
        return (a->small > b->small) - (a->small < b->small);
    MpzOperand x(left);
    MpzOperand y(right);
    int c = mpz_cmp(x.get(), y.get());
    return (c > 0) - (c < 0);
}

// ====== Arithmetic

Ref<Object> int_add(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    int64_t result = 0;
    if (both_small(left, right) &&
        !__builtin_add_overflow(as_int(left)->small, as_int(right)->small, &result))
        return int_from_i64(vm, result);
    return big_binary(vm, left, right, mpz_add);
}

Ref<Object> int_sub(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    int64_t result = 0;
    if (both_small(left, right) &&
        !__builtin_sub_overflow(as_int(left)->small, as_int(right)->small, &result))
        return int_from_i64(vm, result);
    return big_binary(vm, left, right, mpz_sub);
}

Ref<Object> int_mul(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    int64_t result = 0;
    if (both_small(left, right) &&
        !__builtin_mul_overflow(as_int(left)->small, as_int(right)->small, &result))
        return int_from_i64(vm, result);
    if (bit_length(left) + bit_length(right) > max_result_bits)
        return raise_memory_error(vm);
    return big_binary(vm, left, right, mpz_mul);
}

Ref<Object> int_floordiv(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    if (int_sign(right) == 0)
        return divide_by_zero(vm, "integer division or modulo by zero");
    int64_t quotient = 0;
    int64_t remainder = 0;
    if (both_small(left, right) &&
        small_divmod(as_int(left)->small, as_int(right)->small, quotient, remainder))
        return int_from_i64(vm, quotient);
    return big_binary(vm, left, right, mpz_fdiv_q);
}

Ref<Object> int_mod(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    if (int_sign(right) == 0)
        return divide_by_zero(vm, "integer modulo by zero");
    int64_t quotient = 0;
    int64_t remainder = 0;
    if (both_small(left, right) &&
        small_divmod(as_int(left)->small, as_int(right)->small, quotient, remainder))
        return int_from_i64(vm, remainder);
    return big_binary(vm, left, right, mpz_fdiv_r);
}

Ref<Object> int_divmod(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    if (int_sign(right) == 0)
        return divide_by_zero(vm, "integer division or modulo by zero");
    Ref<Object> quotient = int_floordiv(vm, left, right);
    if (!quotient)
        return nullptr;
    Ref<Object> remainder = int_mod(vm, left, right);
    if (!remainder)
        return nullptr;
    return tuple_pack(vm, {quotient.get(), remainder.get()});
}

Ref<Object> int_truediv(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    if (int_sign(right) == 0)
        return divide_by_zero(vm, "division by zero");
    constexpr int64_t exact = int64_t{1} << 53;
    if (both_small(left, right)) {
        int64_t a = as_int(left)->small;
        int64_t b = as_int(right)->small;
        if (a > -exact && a < exact && b > -exact && b < exact)
            return float_new(vm, static_cast<double>(a) / static_cast<double>(b));
    }
    return true_divide_big(vm, left, right);
}

namespace {

Ref<Object> int_pow_modular(VM& vm, Object* left, Object* right, Object* modulus) {
    if (!is_int(modulus))
        return raise_type_error(vm, "pow() 3rd argument not allowed unless all arguments are "
                                    "integers");
    if (int_sign(modulus) == 0)
        return raise_value_error(vm, "pow() 3rd argument cannot be 0");
    MpzOperand base(left);
    MpzOperand exponent(right);
    MpzOperand m(modulus);
    Mpz absolute_modulus;
    mpz_abs(absolute_modulus.get(), m.get());
    Mpz effective_base;
    mpz_set(effective_base.get(), base.get());
    Mpz effective_exponent;
    mpz_set(effective_exponent.get(), exponent.get());
    if (mpz_sgn(exponent.get()) < 0) {
        // Python 3.8+: a negative exponent uses the modular inverse of the base.
        if (mpz_invert(effective_base.get(), base.get(), absolute_modulus.get()) == 0)
            return raise_value_error(vm, "base is not invertible for the given modulus");
        mpz_neg(effective_exponent.get(), effective_exponent.get());
    }
    Mpz result;
    mpz_powm(result.get(), effective_base.get(), effective_exponent.get(), absolute_modulus.get());
    // The result takes the modulus's sign, as Python's %.
    if (mpz_sgn(m.get()) < 0 && mpz_sgn(result.get()) != 0)
        mpz_add(result.get(), result.get(), m.get());
    return int_from_mpz(vm, result.get());
}

} // namespace

Ref<Object> int_pow(VM& vm, Object* left, Object* right, Object* modulus) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    if (modulus && modulus != vm.none())
        return int_pow_modular(vm, left, right, modulus);
    if (int_sign(right) < 0) {
        double base = 0;
        double exponent = 0;
        if (!is_ok(number_to_double(vm, left, base)) ||
            !is_ok(number_to_double(vm, right, exponent)))
            return nullptr;
        if (base == 0)
            return divide_by_zero(vm, "0.0 cannot be raised to a negative power");
        return float_new(vm, std::pow(base, exponent));
    }
    MpzOperand base(left);
    uint64_t base_bits = bit_length(left);
    // 0, 1 and -1 to any power are small; other bases grow by base_bits per unit of exponent.
    bool trivial = mpz_cmpabs_ui(base.get(), 1) <= 0;
    int64_t exponent = 0;
    if (!int_to_i64(right, exponent) ||
        (!trivial && base_bits > 0 &&
         static_cast<uint64_t>(exponent) > max_result_bits / base_bits)) {
        if (!trivial)
            return raise_memory_error(vm);
        // |base| <= 1: the result is base**(exponent parity).
        MpzOperand e(right);
        Mpz result;
        mpz_pow_ui(result.get(), base.get(), mpz_odd_p(e.get()) ? 1 : (mpz_sgn(e.get()) ? 2 : 0));
        return int_from_mpz(vm, result.get());
    }
    Mpz result;
    mpz_pow_ui(result.get(), base.get(), static_cast<unsigned long>(exponent));
    return int_from_mpz(vm, result.get());
}

Ref<Object> int_lshift(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    if (int_sign(right) < 0)
        return raise_value_error(vm, "negative shift count");
    if (int_sign(left) == 0)
        return int_from_i64(vm, 0);
    int64_t count = 0;
    if (!int_to_i64(right, count) || static_cast<uint64_t>(count) > max_result_bits)
        return raise_overflow_error(vm, "too many digits in integer");
    if (!as_int(left)->is_big() && count < 62) {
        int64_t value = as_int(left)->small;
        int64_t limit = int64_t{1} << (62 - count);
        if (value < limit && value > -limit)
            return int_from_i64(vm, value * (int64_t{1} << count));
    }
    MpzOperand a(left);
    Mpz result;
    mpz_mul_2exp(result.get(), a.get(), static_cast<mp_bitcnt_t>(count));
    return int_from_mpz(vm, result.get());
}

Ref<Object> int_rshift(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    if (int_sign(right) < 0)
        return raise_value_error(vm, "negative shift count");
    int64_t count = 0;
    if (!int_to_i64(right, count) || static_cast<uint64_t>(count) >= bit_length(left) + 1)
        return int_from_i64(vm, int_sign(left) < 0 ? -1 : 0);
    if (!as_int(left)->is_big())
        return int_from_i64(vm, as_int(left)->small >> count); // arithmetic shift floors
    MpzOperand a(left);
    Mpz result;
    mpz_fdiv_q_2exp(result.get(), a.get(), static_cast<mp_bitcnt_t>(count));
    return int_from_mpz(vm, result.get());
}

Ref<Object> int_and(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    if (both_small(left, right))
        return int_from_i64(vm, as_int(left)->small & as_int(right)->small);
    return big_binary(vm, left, right, mpz_and); // GMP uses two's complement semantics, as Python
}

Ref<Object> int_or(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    if (both_small(left, right))
        return int_from_i64(vm, as_int(left)->small | as_int(right)->small);
    return big_binary(vm, left, right, mpz_ior);
}

Ref<Object> int_xor(VM& vm, Object* left, Object* right) {
    if (!both_int(left, right))
        return vm.new_not_implemented();
    if (both_small(left, right))
        return int_from_i64(vm, as_int(left)->small ^ as_int(right)->small);
    return big_binary(vm, left, right, mpz_xor);
}

Ref<Object> int_neg(VM& vm, Object* self) {
    if (!as_int(self)->is_big() && as_int(self)->small != INT64_MIN)
        return int_from_i64(vm, -as_int(self)->small);
    MpzOperand a(self);
    Mpz result;
    mpz_neg(result.get(), a.get());
    return int_from_mpz(vm, result.get());
}

Ref<Object> int_invert(VM& vm, Object* self) {
    if (!as_int(self)->is_big())
        return int_from_i64(vm, ~as_int(self)->small);
    MpzOperand a(self);
    Mpz result;
    mpz_com(result.get(), a.get());
    return int_from_mpz(vm, result.get());
}

Ref<Object> int_abs(VM& vm, Object* self) {
    return int_sign(self) < 0 ? int_neg(vm, self) : int_pos(vm, self);
}

// ====== Types

bool init_int_types(VM& vm) {
    TypeSpec spec{};
    spec.name = "int";
    spec.basic_size = sizeof(Int);
    spec.flags = type_base_type | type_int_subclass;
    TypeSlots& s = spec.slots;
    s.dealloc = int_dealloc;
    s.repr = int_repr;
    s.hash = int_hash_slot;
    s.richcompare = int_richcompare;
    s.bool_ = int_bool;
    s.add = int_add;
    s.sub = int_sub;
    s.mul = int_mul;
    s.truediv = int_truediv;
    s.floordiv = int_floordiv;
    s.mod = int_mod;
    s.divmod = int_divmod;
    s.pow = int_pow;
    s.lshift = int_lshift;
    s.rshift = int_rshift;
    s.and_ = int_and;
    s.or_ = int_or;
    s.xor_ = int_xor;
    s.neg = int_neg;
    s.pos = int_pos;
    s.abs = int_abs;
    s.invert = int_invert;
    s.int_ = int_pos;
    s.float_ = int_float;
    s.index = int_index;
    spec.methods = int_methods;
    Ref<Type> int_type = make_type(vm, spec);
    if (!int_type)
        return false;
    vm.types().int_ = int_type.release();

    TypeSpec bool_spec{};
    bool_spec.name = "bool";
    bool_spec.base = vm.types().int_;
    bool_spec.basic_size = sizeof(Int);
    bool_spec.flags = type_int_subclass; // bool cannot be subclassed
    bool_spec.slots.repr = bool_repr;
    bool_spec.slots.and_ = bool_bitwise<int_and, bool_and_op>;
    bool_spec.slots.or_ = bool_bitwise<int_or, bool_or_op>;
    bool_spec.slots.xor_ = bool_bitwise<int_xor, bool_xor_op>;
    Ref<Type> bool_type = make_type(vm, bool_spec);
    if (!bool_type)
        return false;
    vm.types().bool_ = bool_type.release();
    Ref<Int> true_value = allocate_object<Int>(vm, vm.types().bool_);
    Ref<Int> false_value = allocate_object<Int>(vm, vm.types().bool_);
    if (!true_value || !false_value)
        return false;
    true_value->small = 1;
    vm.set_singletons(nullptr, true_value.release(), false_value.release(), nullptr, nullptr);
    return true;
}

} // namespace minipy::vm
