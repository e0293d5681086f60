// The pickle protocol methods every object has: object.__reduce_ex__(protocol),
// object.__reduce__() and object.__getstate__() (CPython's typeobject.c reduce_newobj and
// copyreg._reduce_ex, with the Python half in stdlib/py/copyreg.py).
#pragma once

#include "vm/type.h"

namespace minipy::vm {

// The methods of `object` (installed by init_class_support).
extern const MethodDef object_methods[];

} // namespace minipy::vm
