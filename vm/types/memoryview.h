// memoryview over bytes and bytearray (vm/types/memoryview.cpp).
#pragma once

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

// Creates the memoryview type (the builtins' set-up registers it). Null on out-of-memory.
Type* make_memoryview_type(VM& vm);
// memoryview(object) for bytes, bytearray or another memoryview of `type`. Raises TypeError
// "memoryview: a bytes-like object is required, not 'int'", ValueError for a released view.
[[nodiscard]] Ref<Object> memoryview_new(VM& vm, Type* type, Object* object);

} // namespace minipy::vm
