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

// format % values for str (bytes_mode false) and bytes/bytearray (true: the result is bytes; the
// caller converts it for bytearray). Raises TypeError "not enough arguments for format string",
// "not all arguments converted during string formatting", "%d format: a real number is required,
// not str", ValueError "unsupported format character 'y' (0x79) at index 3", KeyError.
[[nodiscard]] Ref<Object> percent_format(VM& vm, Object* format, Object* values, bool bytes_mode);

// str.format(*args, **kwargs) (mapping null) and str.format_map(mapping) (Library Reference
// 6.1.3): literal text with {{ }}, fields {name.attr[key]!r:spec} with nested fields in the spec.
// kwnames names the keyword values that follow the nargs positional ones. Raises ValueError,
// IndexError "Replacement index 1 out of range for positional args tuple", KeyError,
// AttributeError and whatever __format__ raises.
[[nodiscard]] Ref<Object> str_format(VM& vm, Object* format, Object* const* args, size_t nargs,
                                     Object* kwnames, Object* mapping);

// ascii(value): repr with non-ASCII characters escaped. Raises what repr raises.
[[nodiscard]] Ref<Object> object_ascii(VM& vm, Object* value);

} // namespace minipy::vm
