// int: machine-word fast path, GMP mpz beyond (see int.cpp for the representation invariants).
// bool shares this layout (its type is bool, a subclass of int).
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

// The marker in `small` of an int held by `big`. INT64_MIN itself is held by `big`, so every value
// has exactly one form.
inline constexpr int64_t int_big_marker = INT64_MIN;

// Invariant: is_big() (small == int_big_marker) is true exactly when the value is not in
// [INT64_MIN + 1, INT64_MAX]; then `big` is an initialised mpz holding it, else `small` holds it
// and `big` is untouched. `big` comes last: an exact int in the machine-word form is allocated
// without it (int_small_size bytes: 40, the header and one word), so nothing may read or write
// `big` of an Int whose is_big() is false. A zero-filled Int is the small 0.
struct Int : Object {
    int64_t small;
    mpz_t big;
    bool is_big() const { return small == int_big_marker; }
};
inline constexpr size_t int_small_size = sizeof(Int) - sizeof(mpz_t);
static_assert(int_small_size == sizeof(Object) + sizeof(int64_t));

bool is_int(const Object* object); // int, bool or a subclass
bool is_exact_int(const Object* object);
// The value when it fits in int64_t (true), else false. `object` must be an int.
bool int_to_i64(const Object* object, int64_t& out);
// Raises OverflowError "Python int too large to convert to C ssize_t" when it does not fit.
[[nodiscard]] Status int_to_ssize(VM& vm, const Object* object, intptr_t& out);
// Copies the value into an initialised mpz.
void int_to_mpz(const Object* object, mpz_t out);

// New int from a machine word; -5..256 come from the pool. Raises MemoryError.
[[nodiscard]] Ref<Object> int_from_i64(VM& vm, int64_t value);
// New int from an mpz (normalised to the small form when it fits). Raises MemoryError.
[[nodiscard]] Ref<Object> int_from_mpz(VM& vm, const mpz_t value);
// int(text, base): base 0 or 2..36, whitespace around, sign, underscores between digits, prefixes.
// Raises ValueError "invalid literal for int() with base 10: 'x'", or the int-max-str-digits error.
[[nodiscard]] Ref<Object> int_from_text(VM& vm, std::string_view text, int base);
// Text of an int in base 2..36 with a '-' sign and no prefix. Raises ValueError when a decimal
// conversion exceeds the VM's int-max-str-digits limit.
[[nodiscard]] Status int_to_text(VM& vm, const Object* object, int base, std::string& out);

// CPython's hash of an int (mod 2**61-1, -1 becomes -2).
int64_t int_hash_value(const Object* object);
// -1, 0, 1.
int int_compare(const Object* left, const Object* right);
int int_sign(const Object* object);

// Slots, exposed for the number protocol and tests. Operands of other types give NotImplemented.
Ref<Object> int_add(VM& vm, Object* left, Object* right);
Ref<Object> int_sub(VM& vm, Object* left, Object* right);
Ref<Object> int_mul(VM& vm, Object* left, Object* right);
Ref<Object> int_floordiv(VM& vm, Object* left, Object* right);
Ref<Object> int_mod(VM& vm, Object* left, Object* right);
Ref<Object> int_divmod(VM& vm, Object* left, Object* right);
Ref<Object> int_truediv(VM& vm, Object* left, Object* right);
Ref<Object> int_pow(VM& vm, Object* left, Object* right, Object* modulus);
Ref<Object> int_lshift(VM& vm, Object* left, Object* right);
Ref<Object> int_rshift(VM& vm, Object* left, Object* right);
Ref<Object> int_and(VM& vm, Object* left, Object* right);
Ref<Object> int_or(VM& vm, Object* left, Object* right);
Ref<Object> int_xor(VM& vm, Object* left, Object* right);
Ref<Object> int_neg(VM& vm, Object* self);
Ref<Object> int_invert(VM& vm, Object* self);
Ref<Object> int_abs(VM& vm, Object* self);

// int.from_bytes (installed as a classmethod) and the real/imag/numerator/denominator getters
// (installed as properties; each takes the instance as args[0]), by the builtins' set-up.
extern const MethodDef int_from_bytes_def;
extern const MethodDef int_getters[];

// Creates int and bool, and the True/False singletons. False on out-of-memory.
bool init_int_types(VM& vm);
} // namespace minipy::vm
