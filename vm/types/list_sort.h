// The stable sort behind list.sort and sorted() (see list_sort.cpp for the algorithm).
#pragma once

#include <cstddef>

#include "vm/errors.h"
#include "vm/object.h"

namespace minipy::vm {

// Sorts keys[0..count) ascending by `<`, stably; when values is not null, values[i] moves with
// keys[i] (the list items when a key function made the keys). False when a comparison raised
// (the exception is set); both arrays then still hold each of their elements exactly once, in
// an unspecified order. Raises MemoryError.
[[nodiscard]] bool sort_objects(VM& vm, Object** keys, Object** values, size_t count);

// The key-function part of list.sort: calls key(item) on each of items[0..count) in order, then
// sorts the items by their keys, stably (with reverse, as CPython: equal keys keep their order).
// Keys that are all exact machine-word ints, or all exact pairs of them, are kept as their values
// only and each key object is dropped as soon as it is made (no finalizer or weak reference can
// see that: those types have neither), so such a sort holds no key objects at all; a later key of
// another form turns the values back into equal objects. False when key or a comparison raised
// (items then still holds each element exactly once). Raises MemoryError.
[[nodiscard]] bool sort_with_key(VM& vm, Object** items, size_t count, Object* key, bool reverse);

// list.sort(key=key, reverse=reverse) on a list (key may be null or None): what sorted() and
// list.sort run. Raises what the key function or a comparison raises, ValueError "list modified
// during sort", MemoryError.
[[nodiscard]] Status list_sort_in_place(VM& vm, Object* list, Object* key, bool reverse);

} // namespace minipy::vm
