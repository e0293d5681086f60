// Keeps minipy_runtime a valid library while vm/, gc/ and stdlib/ are being filled in; it defines the
// version string the command line and the public API report.
#include "vm/version.h"

namespace minipy::vm {
const char* version_string() { return MINIPY_VERSION_TEXT; }
} // namespace minipy::vm
