// Module objects: a namespace dict and a name.
#pragma once

#include <string_view>

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;

struct Module : Object {
    Object* dict; // owned
    Object* name; // owned str
};

// A module named `name` with a fresh dict holding __name__, __doc__ = None and __builtins__.
[[nodiscard]] Ref<Object> module_new(Runtime& runtime, std::string_view name);

} // namespace minipy::vm
