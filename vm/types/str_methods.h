// The Python-level methods of str (vm/types/str_methods.cpp) and the Unicode character predicates
// they share with format and int parsing.
#pragma once

#include <cstdint>
#include <string>

#include "gc/ref.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

// The method table of str (null-terminated).
extern const MethodDef str_method_table[];
// str.maketrans, installed as a staticmethod by the builtins' set-up.
extern const MethodDef str_maketrans_def;

// Unicode predicates as CPython's _PyUnicode_Is* (character database through utf8proc).
bool unicode_is_space(uint32_t cp);
bool unicode_is_alpha(uint32_t cp);
bool unicode_is_decimal(uint32_t cp);
bool unicode_is_digit(uint32_t cp);
bool unicode_is_numeric(uint32_t cp);
bool unicode_is_printable(uint32_t cp);
// The value 0..9 of a decimal digit (category Nd), or -1.
int unicode_decimal_value(uint32_t cp);

// The code points of a str.
std::u32string str_to_u32(const Object* s);
// A str from code points. Raises ValueError for ones past 0x10FFFF, MemoryError.
[[nodiscard]] Ref<Object> str_from_u32(VM& vm, const std::u32string& text);

} // namespace minipy::vm
