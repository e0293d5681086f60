// Sequence subscripts by an object with __index__ (CPython's PyNumber_Index as list, tuple, str,
// bytes and range subscripts use it).
#pragma once

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

// key.__index__() for a key that is not an int: the int it returns (a new reference). Null with
// no exception set when key's type has no __index__; null with TypeError "__index__ returned
// non-int (type str)" or whatever __index__ raised otherwise.
[[nodiscard]] Ref<Object> subscript_index(VM& vm, Object* key);

} // namespace minipy::vm
