// tuple: an immutable array of references, the items following the struct. Small tuples are free
// listed per length; the empty tuple is pooled.
#pragma once

#include <initializer_list>

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

struct Tuple : VarObject {};

bool is_tuple(const Object* object);
inline Object** tuple_items(Object* t) {
    return reinterpret_cast<Object**>(static_cast<Tuple*>(t) + 1);
}
inline Object* const* tuple_items(const Object* t) {
    return reinterpret_cast<Object* const*>(static_cast<const Tuple*>(t) + 1);
}
inline intptr_t tuple_size(const Object* t) {
    return static_cast<const Tuple*>(t)->size;
}
// A tuple of `size` null items for the caller to fill with owned references before anyone else sees
// it (null items are allowed by every slot). Raises MemoryError.
[[nodiscard]] Ref<Object> tuple_new(VM& vm, size_t size);
// A tuple of the given borrowed items. Raises MemoryError.
[[nodiscard]] Ref<Object> tuple_pack(VM& vm, std::initializer_list<Object*> items);
[[nodiscard]] Ref<Object> tuple_from_array(VM& vm, Object* const* items, size_t count);

bool init_tuple_type(VM& vm);
} // namespace minipy::vm
