// Shared between the file-object files of the io layer (stdlib/io_file.cpp: FileIO and the
// Buffered classes; stdlib/io_text.cpp: TextIOWrapper). See io_file.cpp for the invariants.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "gc/ref.h"
#include "stdlib/io_internal.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/runtime.h"
#include "vm/type.h"

namespace minipy::stdlib::io_detail {

using vm::Object;
using vm::Ref;
using vm::Status;
using vm::VM;
using Args = Object* const*;

struct RawFile : Object {
    int fd;            // -1 once closed
    std::FILE* stream; // the C stream writes go through (std streams), or null
    Object* name;      // owned: str, bytes or int
    bool readable;
    bool writable;
    bool appending;
    bool created;
    bool closefd;
    int8_t seekable; // -1 not known yet
};

struct BufferedFile : Object {
    Object* raw; // owned RawFile, null once detached
    std::string* rbuf;
    size_t rpos;
    std::string* wbuf;
    int role; // 1 reader, 2 writer, 3 random
};

inline RawFile* as_raw(Object* o) {
    return static_cast<RawFile*>(o);
}
inline BufferedFile* as_buffered(Object* o) {
    return static_cast<BufferedFile*>(o);
}

// The descriptor level and the buffer (io_file.cpp); all raise OSError from the system calls.
bool raw_is_seekable(RawFile* r);
[[nodiscard]] Status buffered_flush(VM& vm, BufferedFile* b);
// read(size): size < 0 reads to the end of the file.
[[nodiscard]] Status buffered_read(VM& vm, BufferedFile* b, int64_t size, std::string& out);
// The bytes already buffered, or one read(2)'s worth (empty at end of file).
[[nodiscard]] Status buffered_read_chunk(VM& vm, BufferedFile* b, std::string& out);
[[nodiscard]] Status buffered_write(VM& vm, BufferedFile* b, std::string_view data);
[[nodiscard]] Status buffered_tell(VM& vm, BufferedFile* b, int64_t& out);
[[nodiscard]] Status buffered_seek(VM& vm, BufferedFile* b, int64_t offset, int whence,
                                   int64_t& out);
[[nodiscard]] Status buffered_close(VM& vm, BufferedFile* b);

// Argument helpers: seek(offset, whence=0); an optional size (None or missing: -1). Both raise
// TypeError; the second returns None or null.
[[nodiscard]] Status whence_argument(VM& vm, Args args, size_t nargs, int64_t& offset, int& whence);
[[nodiscard]] Ref<Object> optional_size(VM& vm, Args args, size_t nargs, int64_t& size,
                                        const char* name);
// " label=repr(value)" for reprs.
[[nodiscard]] Ref<Object> repr_part(VM& vm, const char* label, Object* value);
// self.name(*args).
[[nodiscard]] Ref<Object> call_named(VM& vm, Object* self, const char* name,
                                     Object* const* args = nullptr, size_t nargs = 0);

// The IOBase methods every file class shares, through the Python-level protocol.
Ref<Object> file_enter(VM& vm, Object* self, Args, size_t, Object*);
Ref<Object> file_exit(VM& vm, Object* self, Args, size_t, Object*);
Ref<Object> file_readlines(VM& vm, Object* self, Args args, size_t nargs, Object*);
Ref<Object> file_writelines(VM& vm, Object* self, Args args, size_t, Object*);
Ref<Object> file_iter(VM& vm, Object* self);
Ref<Object> file_next(VM& vm, Object* self);

// A file class with the collector slots and IOBase's iteration.
[[nodiscard]] Ref<vm::Type> make_file_type(vm::Runtime& rt, const char* name, vm::Type* base,
                                           size_t size, void (*dealloc)(Object*),
                                           int (*traverse)(Object*, vm::VisitFn, void*),
                                           void (*clear)(Object*), const vm::MethodDef* methods);

// TextIOWrapper (io_text.cpp): makes the class into types.text_wrapper; tells it apart.
bool make_text_type(vm::Runtime& rt, IoTypes& types);
bool is_text_type(const vm::Type* type);

} // namespace minipy::stdlib::io_detail
