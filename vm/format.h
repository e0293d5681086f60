// format(value, spec): the format-spec mini-language (Library Reference 6.1.3.1) for int, float and
// str, and __format__ for user classes.
#pragma once

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

class VM;

// format(value, spec); spec is a str or null (empty). Raises ValueError "Invalid format specifier"
// / "Unknown format code 'x' for object of type 'str'", TypeError.
[[nodiscard]] Ref<Object> format_with_spec(VM& vm, Object* value, Object* spec);

} // namespace minipy::vm
