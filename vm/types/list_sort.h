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

// list.sort(key=key, reverse=reverse) on a list (key may be null or None): what sorted() and
// list.sort run. Raises what the key function or a comparison raises, ValueError "list modified
// during sort", MemoryError.
[[nodiscard]] Status list_sort_in_place(VM& vm, Object* list, Object* key, bool reverse);

} // namespace minipy::vm
