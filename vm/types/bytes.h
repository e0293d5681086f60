// bytes: an immutable byte string; the bytes follow the struct with a terminating zero byte.
#pragma once

#include <string_view>

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

struct Bytes : VarObject {
    int64_t hash; // -1 until computed
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

bool init_bytes_type(VM& vm);
} // namespace minipy::vm
