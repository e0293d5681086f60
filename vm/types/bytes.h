// bytes: an immutable byte string; the bytes follow the struct with a terminating zero byte.
// bytearray: the mutable byte string (vm/types/bytearray.cpp), sharing bytes' methods.
#pragma once

#include <string>
#include <string_view>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

struct Bytes : VarObject {
    int64_t hash; // -1 until computed
};

// Invariant: data holds `allocated` bytes (null when 0), the first `length` of them in use.
struct ByteArray : Object {
    char* data;
    intptr_t length;
    intptr_t allocated;
};

bool is_bytes(const Object* object);
inline const char* bytes_data(const Object* b) {
    return reinterpret_cast<const char*>(static_cast<const Bytes*>(b) + 1);
}
inline std::string_view bytes_view(const Object* b) {
    return {bytes_data(b), static_cast<size_t>(static_cast<const VarObject*>(b)->size)};
}
// New bytes (the empty one is pooled). Raises MemoryError.
[[nodiscard]] Ref<Object> bytes_new(VM& vm, std::string_view data);

bool is_bytearray(const Object* object);
inline std::string_view bytearray_view(const Object* b) {
    const auto* a = static_cast<const ByteArray*>(b);
    return {a->data ? a->data : "", static_cast<size_t>(a->length)};
}
// New bytearray holding a copy of data. Raises MemoryError.
[[nodiscard]] Ref<Object> bytearray_new(VM& vm, std::string_view data);
// Replaces a bytearray's contents. Raises MemoryError.
[[nodiscard]] Status bytearray_assign(VM& vm, Object* bytearray, std::string_view data);

// True for bytes and bytearray (the bytes-like objects minipy has); `out` views their data, valid
// until the object changes.
bool bytes_like(const Object* object, std::string_view& out);

// The data of bytes(source[, encoding[, errors]]) / bytearray(...): an int count, a str with an
// encoding, a bytes-like object, an object with __bytes__ (when allow_dunder), or an iterable of
// ints 0..255. Raises TypeError / ValueError with CPython's messages.
[[nodiscard]] Status bytes_from_arguments(VM& vm, const char* type_name, Object* const* args,
                                          size_t nargs, Object* kwnames, std::string& out);

// Methods shared by bytes and bytearray, and bytes/bytearray.fromhex and maketrans (installed as
// classmethod/staticmethod by the builtins' set-up).
extern const MethodDef bytes_fromhex_def;
extern const MethodDef bytes_maketrans_def;

bool init_bytes_type(VM& vm);
// Creates bytearray (after the pools exist). False on out-of-memory.
bool init_bytearray_type(VM& vm);

// Internal: the methods tables (bytes.cpp) and the helpers bytearray.cpp shares.
extern const MethodDef bytes_method_table[];
extern const MethodDef bytearray_common_methods[];
// A result of the receiver's kind: bytes for bytes, bytearray for bytearray.
[[nodiscard]] Ref<Object> bytes_result_like(VM& vm, Object* self, std::string_view data);
Ref<Object> bytes_like_richcompare(VM& vm, Object* self, Object* other, CompareOp op);
int bytes_like_contains(VM& vm, Object* self, Object* item);
} // namespace minipy::vm
