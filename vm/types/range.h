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

// iter(range): the values left are next, next + step, ... (`remaining` of them). In the header
// for the eval loop's FOR_ITER, which steps an exact one inline.
struct RangeIterator : Object {
    int64_t next;
    int64_t step;
    int64_t remaining;
};
// next + step, wrapping: past the last value it may leave the machine word (never used then).
inline int64_t range_iterator_advance(int64_t next, int64_t step) {
    return static_cast<int64_t>(static_cast<uint64_t>(next) + static_cast<uint64_t>(step));
}

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
