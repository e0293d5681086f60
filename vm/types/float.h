// float: a double; Python's floor division and modulo semantics, CPython's hash, free-listed.
#pragma once

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

struct Float : Object {
    double value;
};

bool is_float(const Object* object);
inline double float_value(const Object* object) {
    return static_cast<const Float*>(object)->value;
}
// New float, reusing free-list memory when there is some. Raises MemoryError.
[[nodiscard]] Ref<Object> float_new(VM& vm, double value);
// float(x) for an int or float. Raises OverflowError "int too large to convert to float",
// TypeError for other types.
[[nodiscard]] Status number_to_double(VM& vm, const Object* object, double& out);
// CPython's _Py_HashDouble (nan hashes by identity, as 3.10+).
int64_t float_hash_value(const Object* self, double value);

Ref<Object> float_add(VM& vm, Object* left, Object* right);
Ref<Object> float_sub(VM& vm, Object* left, Object* right);
Ref<Object> float_mul(VM& vm, Object* left, Object* right);
Ref<Object> float_truediv(VM& vm, Object* left, Object* right);
Ref<Object> float_floordiv(VM& vm, Object* left, Object* right);
Ref<Object> float_mod(VM& vm, Object* left, Object* right);
Ref<Object> float_divmod(VM& vm, Object* left, Object* right);
Ref<Object> float_pow(VM& vm, Object* left, Object* right, Object* modulus);

// float.fromhex (installed as a classmethod) and the real/imag getters (properties; args[0] is the
// instance), by the builtins' set-up.
extern const MethodDef float_fromhex_def;
extern const MethodDef float_getters[];

bool init_float_type(VM& vm);
} // namespace minipy::vm
