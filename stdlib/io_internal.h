// Shared between the io files (stdlib/mod_io.cpp, io_memory.cpp, io_file.cpp): the per-runtime io
// types and small helpers. Not for other folders: they use stdlib/io.h.
#pragma once

#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/runtime.h"
#include "vm/type.h"

namespace minipy::stdlib {

// The io classes of one runtime (borrowed from the _io module, which owns them).
struct IoTypes {
    vm::Type* iobase;          // _io._IOBase
    vm::Type* raw_iobase;      // _io._RawIOBase
    vm::Type* buffered_iobase; // _io._BufferedIOBase
    vm::Type* text_iobase;     // _io._TextIOBase
    vm::Type* file_io;         // _io.FileIO
    vm::Type* buffered_reader; // _io.BufferedReader
    vm::Type* buffered_writer; // _io.BufferedWriter
    vm::Type* buffered_random; // _io.BufferedRandom
    vm::Type* text_wrapper;    // _io.TextIOWrapper
    vm::Type* string_io;       // _io.StringIO
    vm::Type* bytes_io;        // _io.BytesIO
    vm::Type* unsupported;     // io.UnsupportedOperation (OSError, ValueError)
};
inline constexpr size_t io_type_count = sizeof(IoTypes) / sizeof(vm::Type*);

// The io types of the runtime (imports _io again if it was removed from sys.modules). Raises
// ImportError / MemoryError.
[[nodiscard]] vm::Status io_types(vm::Runtime& runtime, IoTypes& out);

// Fills string_io and bytes_io (io_memory.cpp); the base classes are already set.
bool make_memory_types(vm::Runtime& runtime, IoTypes& types);
// Fills file_io, buffered_* and text_wrapper (io_file.cpp).
bool make_file_types(vm::Runtime& runtime, IoTypes& types);
// True when `type` is exactly the class make_*_types made for that role (checks the slots).
bool is_memory_type(const vm::Type* type, bool bytes);
bool is_file_type(const vm::Type* type, int role); // 0 raw, 1 reader, 2 writer, 3 random, 4 text

// A getter (and optional setter) exposed as a property on a built-in io class. `get` and `set`
// are static MethodDefs of kinds noargs and o.
struct IoProperty {
    const char* name;
    const vm::MethodDef* get;
    const vm::MethodDef* set;
};
// Adds properties to type's dict. False with the exception set.
[[nodiscard]] bool add_io_properties(vm::Runtime& runtime, vm::Type* type,
                                     std::initializer_list<IoProperty> properties);
// Makes a built-in io class; base null means _IOBase's base, object.
[[nodiscard]] vm::Ref<vm::Type> make_io_type(vm::Runtime& runtime, const vm::TypeSpec& spec);

// ValueError "I/O operation on closed file."
vm::Raised raise_closed_file(vm::VM& vm);
// io.UnsupportedOperation(message).
vm::Raised raise_unsupported(vm::VM& vm, std::string_view message);
// An int argument that may be None (-1 then), as read(size=-1). Raises TypeError.
[[nodiscard]] vm::Status size_argument(vm::VM& vm, vm::Object* value, int64_t& out);
// The bytes of a bytes-like argument (bytes, or anything bytes(x) accepts that is not an int or a
// str). Raises TypeError "a bytes-like object is required, not 'str'".
[[nodiscard]] vm::Status bytes_argument(vm::VM& vm, vm::Object* value, std::string& out);
// The size of a read chunk and of a write buffer.
inline constexpr size_t io_chunk_size = 8192;

// Text file construction used by open() and the std streams (io_file.cpp). `buffer` is borrowed.
// `encoding`/`errors`/`newline` null mean the defaults. Raises LookupError, ValueError.
[[nodiscard]] vm::Ref<vm::Object> text_wrapper_new(vm::Runtime& runtime, const IoTypes& types,
                                                   vm::Object* buffer, vm::Object* encoding,
                                                   vm::Object* errors, vm::Object* newline,
                                                   bool line_buffering, bool write_through);
// A FileIO for an open descriptor (or a path opened with the given mode). Raises OSError.
[[nodiscard]] vm::Ref<vm::Object> file_io_open(vm::Runtime& runtime, const IoTypes& types,
                                               vm::Object* file, std::string_view mode,
                                               bool closefd, vm::Object* opener);
// A BufferedReader/Writer/Random over a FileIO (borrowed), by role 1, 2 or 3.
[[nodiscard]] vm::Ref<vm::Object> buffered_new(vm::Runtime& runtime, const IoTypes& types,
                                               vm::Object* raw, int role);
// Makes `file` (a FileIO) write through the C stream `stream` (stdout/stderr, or null) and
// renames it (borrowed `name`, as '<stdout>').
void file_io_use_stream(vm::Object* file, std::FILE* stream, vm::Object* name);
// Sets the `mode` attribute open() gives a text file (borrowed str).
void text_wrapper_set_mode(vm::Object* text, vm::Object* mode);
// Fast write of UTF-8 text to a TextIOWrapper (checked by the caller with is_file_type(.., 4)).
[[nodiscard]] vm::Status text_wrapper_write_utf8(vm::VM& vm, vm::Object* text,
                                                 std::string_view utf8);
// Reads one line (without translation of the result beyond newline mode) from a TextIOWrapper
// for input(): the str including its '\n', or an empty str at end of file.
[[nodiscard]] vm::Ref<vm::Object> text_wrapper_readline(vm::VM& vm, vm::Object* text);

} // namespace minipy::stdlib
