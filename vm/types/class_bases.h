// C.__bases__ = (...) for a heap class (CPython's type_set_bases).
#pragma once

#include "vm/errors.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;
struct Type;

// Replaces the bases of heap class `type` with the tuple `value` (null: deletion, refused) and
// recomputes its mro and the mros of its subclasses, its inherited slots, and drops the attribute
// caches. Raises TypeError with CPython's messages ("can only assign tuple to D.__bases__, not
// list", "a __bases__ item causes an inheritance cycle", "__bases__ assignment: 'B' object layout
// differs from 'A'", MRO conflicts, ...); nothing changes then.
[[nodiscard]] Status set_type_bases(Runtime& runtime, Type* type, Object* value);

} // namespace minipy::vm
