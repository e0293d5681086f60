// mappingproxy: a read-only view of a mapping (`C.__dict__`, types.MappingProxyType).
#pragma once

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;

// mappingproxy(mapping). Raises TypeError "mappingproxy() argument must be a mapping, not int",
// MemoryError.
[[nodiscard]] Ref<Object> mappingproxy_new(Runtime& rt, Object* mapping);
// Creates the mappingproxy type (Runtime::types().mappingproxy). False on out-of-memory.
bool init_mappingproxy_type(Runtime& rt);

} // namespace minipy::vm
