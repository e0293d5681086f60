// list: a growable array of references (over-allocated as CPython's list_resize). Free listed.
#pragma once

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"

namespace minipy::vm {

// Invariant: 0 <= size <= allocated; items[0..size) are owned non-null references; items is null
// when allocated is 0.
struct List : VarObject {
    Object** items;
    intptr_t allocated;
};

// list's iterator (CPython's listiterator). `list` is owned, null once exhausted; FOR_ITER steps
// an exact one inline while index < len(list).
struct ListIterator : Object {
    Object* list;
    intptr_t index;
};

bool is_list(const Object* object);
inline intptr_t list_size(const Object* l) {
    return static_cast<const List*>(l)->size;
}
inline Object** list_items(Object* l) {
    return static_cast<List*>(l)->items;
}
// An empty list with room for `capacity` items. Raises MemoryError.
[[nodiscard]] Ref<Object> list_new(VM& vm, size_t capacity = 0);
// Appends a borrowed item. Raises MemoryError.
[[nodiscard]] Status list_append(VM& vm, Object* list, Object* item);
// Python-style index (negative counts from the end). Raises IndexError "list index out of range".
[[nodiscard]] Ref<Object> list_get(VM& vm, Object* list, intptr_t index);
[[nodiscard]] Status list_set(VM& vm, Object* list, intptr_t index, Object* item);
// The items as a new tuple. Raises MemoryError.
[[nodiscard]] Ref<Object> list_to_tuple(VM& vm, Object* list);

bool init_list_type(VM& vm);
} // namespace minipy::vm
