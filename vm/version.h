// The version minipy reports (`minipy -V`, sys.version). minipy implements the language of CPython 3.11.
#pragma once

#define MINIPY_VERSION_TEXT "0.1.0"
#define MINIPY_PYTHON_VERSION_TEXT "3.11.7"

namespace minipy::vm {
// The minipy version as text; a static string, never freed.
const char* version_string();
} // namespace minipy::vm
