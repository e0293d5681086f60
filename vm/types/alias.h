// `list[int]` (types.GenericAlias) and `int | None` (types.UnionType): see vm/types/alias.cpp.
#pragma once

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;

// origin[key] for a class without __class_getitem__ of its own. Raises MemoryError.
[[nodiscard]] Ref<Object> generic_alias_new(Runtime& runtime, Object* origin, Object* key);
// left | right for classes, None and unions; NotImplemented for anything else.
[[nodiscard]] Ref<Object> union_new(Runtime& runtime, Object* left, Object* right);
// The member tuple of a union (borrowed), or null when object is not one.
Object* union_args(Runtime& runtime, Object* object);
bool init_alias_types(Runtime& runtime);

} // namespace minipy::vm
