// range, its iterator, and slice objects (machine-word bounds; larger ones raise OverflowError).
#pragma once

#include <cstdint>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;

struct Range : Object {
    int64_t start;
    int64_t stop;
    int64_t step;
    int64_t length;
};

struct Slice : Object {
    Object* start; // owned (None when absent)
    Object* stop;
    Object* step;
};

[[nodiscard]] Ref<Object> slice_new(Runtime& runtime, Object* start, Object* stop, Object* step);
// CPython's PySlice_GetIndicesEx: clamps the slice to a sequence of `length` items.
// Raises ValueError "slice step cannot be zero", TypeError for non-integer bounds.
[[nodiscard]] Status slice_indices(VM& vm, Object* slice, intptr_t length, intptr_t& start,
                                   intptr_t& stop, intptr_t& step, intptr_t& count);
// An index argument as a machine integer (ints and objects with __index__). Raises TypeError.
[[nodiscard]] Status index_value(VM& vm, Object* value, int64_t& out);

} // namespace minipy::vm
