// The io layer (stdlib/io_*.cpp, stdlib/mod_io.cpp): file objects for open(), io.StringIO,
// io.BytesIO, and the text streams behind sys.stdin/stdout/stderr, plus the builtins that use them
// (print, input, open).
//
// Invariants:
//  - the io types live in the `_io` module of each runtime (imported at start-up); `io` re-exports
//    them; C++ code finds them through sys.modules['_io'] and checks them by their slots, so a
//    user replacing module attributes never makes C++ misuse an object;
//  - the standard streams write through the C library's stdout/stderr FILE objects, so their output
//    stays ordered with any C++ code writing there (and C stdio does the buffering: line-buffered
//    on a terminal, fully buffered otherwise); stdin reads file descriptor 0 directly.
#pragma once

#include <string_view>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/runtime.h"

namespace minipy::stdlib {

bool init__io_module(vm::Runtime& runtime, vm::Object* module);
bool init_io_module(vm::Runtime& runtime, vm::Object* module);

// Imports _io and sys into the runtime and adds open, print and input to `builtins`.
bool init_io_builtins(vm::Runtime& runtime, vm::Object* builtins);

// A text stream over standard descriptor `fd` (0, 1 or 2) named '<stdin>', '<stdout>' or
// '<stderr>', as CPython's sys.std* (UTF-8; stderr with errors='backslashreplace'). Raises
// MemoryError.
[[nodiscard]] vm::Ref<vm::Object> io_std_stream(vm::Runtime& runtime, int fd);

// file.write(text) for UTF-8 text: straight into the buffer when `file` is a minipy text file (no
// str object made), else through its write method. Raises what writing raises.
[[nodiscard]] vm::Status io_write_utf8(vm::VM& vm, vm::Object* file, std::string_view utf8);
// file.flush(). Raises what flushing raises.
[[nodiscard]] vm::Status io_flush(vm::VM& vm, vm::Object* file);

// OSError for the C errno `error` (the subclass CPython picks, errno/strerror/filename set):
// "[Errno 2] No such file or directory: 'x'". `filename` may be null.
vm::Raised raise_os_error(vm::VM& vm, int error, vm::Object* filename);

} // namespace minipy::stdlib
