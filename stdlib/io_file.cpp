// File objects: _io.FileIO (a file descriptor) and _io.BufferedReader/Writer/Random (a read-ahead
// and a write buffer over a FileIO), as CPython 3.11's io stack; TextIOWrapper is in io_text.cpp.
//
// Invariants:
//  - a FileIO owns its descriptor when closefd is true (closed by close() or when freed); the std
//    streams' FileIOs have closefd false and `stream` set: their writes go through the C library's
//    FILE (stdout/stderr), which buffers them and keeps them ordered with other C++ output;
//  - a Buffered object holds unread bytes in rbuf[rpos:] (read ahead of the descriptor position)
//    or pending bytes in wbuf, never both: a write first rewinds the descriptor over the unread
//    bytes, a read first flushes the pending ones; freeing it (or clearing it at VM teardown)
//    flushes the pending bytes without raising;
//  - a TextIOWrapper keeps the bytes it fetched but did not decode yet in rbytes[rpos:]; since
//    every supported encoding is ASCII-compatible, lines are split on the bytes, and tell() is the
//    buffer's position minus those bytes (CPython's cookie when no decoder state is pending).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "stdlib/builtins_support.h"
#include "stdlib/io.h"
#include "stdlib/io_file.h"
#include "stdlib/io_internal.h"
#include "vm/eval_helpers.h"
#include "vm/gil.h"
#include "vm/signals.h"
#include "vm/types/bytes.h"
#include "vm/types/class.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"
#include "vm/weakref.h"

namespace minipy::stdlib {

using namespace minipy::vm;
using namespace minipy::stdlib::io_detail;

namespace io_detail {

Raised raise_errno(VM& vm, int error, Object* filename = nullptr) {
    return raise_os_error(vm, error, filename);
}

// ====== FileIO: the descriptor level

void raw_close_fd(RawFile* r) {
    if (r->stream)
        std::fflush(r->stream);
    if (r->fd >= 0 && r->closefd)
        ::close(r->fd);
    r->fd = -1;
}

int raw_traverse(Object* self, VisitFn visit, void* arg) {
    return as_raw(self)->name ? visit(as_raw(self)->name, arg) : 0;
}
void raw_clear(Object* self) {
    set_ref(as_raw(self)->name, nullptr);
}
void raw_dealloc(Object* self) {
    raw_close_fd(as_raw(self));
    raw_clear(self);
    vm_of(self).heap().release(self);
}

Status raw_check_open(VM& vm, RawFile* r, const char* message = "I/O operation on closed file") {
    return r->fd < 0 ? Status(raise_value_error(vm, message)) : Status::ok;
}

// Reads up to `size` bytes (one read(2), retried on EINTR). Raises OSError. The GIL is released
// around the read (vm/gil.h), into a buffer no other thread can see.
Status raw_read_some(VM& vm, RawFile* r, size_t size, std::string& out) {
    std::string chunk(size, '\0');
    int fd = r->fd;
    ssize_t got;
    for (;;) {
        int error = 0;
        {
            ReleaseGil unlocked(vm);
            got = ::read(fd, chunk.data(), size);
            error = got < 0 ? errno : 0;
        }
        if (got >= 0)
            break;
        if (error != EINTR)
            return raise_errno(vm, error);
        // PEP 475: run the signal handlers (which may raise), then retry.
        if (signals_pending() && !is_ok(vm.handle_pending_signals()))
            return Status::error;
    }
    out.append(chunk.data(), static_cast<size_t>(got));
    return Status::ok;
}

// Reads to the end of the file. Raises OSError.
Status raw_read_all(VM& vm, RawFile* r, std::string& out) {
    while (true) {
        size_t before = out.size();
        if (!is_ok(raw_read_some(vm, r, io_chunk_size * 8, out)))
            return Status::error;
        if (out.size() == before)
            return Status::ok;
    }
}

// Writes all of `data`. Raises OSError.
Status raw_write_all(VM& vm, RawFile* r, std::string_view data) {
    if (r->stream) {
        if (std::fwrite(data.data(), 1, data.size(), r->stream) != data.size())
            return raise_errno(vm, errno ? errno : EIO);
        return Status::ok;
    }
    // The GIL is released around the writes (vm/gil.h), from a copy no other thread can change.
    std::string copy(data);
    std::string_view rest = copy;
    int fd = r->fd;
    while (!rest.empty()) {
        int error = 0;
        {
            ReleaseGil unlocked(vm);
            ssize_t done = ::write(fd, rest.data(), rest.size());
            if (done < 0)
                error = errno;
            else
                rest.remove_prefix(static_cast<size_t>(done));
        }
        if (error == EINTR) {
            // PEP 475: run the signal handlers (which may raise), then retry.
            if (signals_pending() && !is_ok(vm.handle_pending_signals()))
                return Status::error;
        } else if (error != 0) {
            return raise_errno(vm, error);
        }
    }
    return Status::ok;
}

Status raw_seek(VM& vm, RawFile* r, int64_t offset, int whence, int64_t& result) {
    if (r->stream)
        std::fflush(r->stream);
    off_t position = ::lseek(r->fd, static_cast<off_t>(offset), whence);
    if (position < 0)
        return raise_errno(vm, errno);
    result = static_cast<int64_t>(position);
    return Status::ok;
}

bool raw_is_seekable(RawFile* r) {
    if (r->seekable < 0)
        r->seekable = ::lseek(r->fd, 0, SEEK_CUR) < 0 ? 0 : 1;
    return r->seekable > 0;
}

std::string raw_mode_text(RawFile* r) {
    if (r->created)
        return r->readable ? "xb+" : "xb";
    if (r->appending)
        return r->readable ? "ab+" : "ab";
    if (r->readable)
        return r->writable ? "rb+" : "rb";
    return "wb";
}

// Parses FileIO's mode ("r", "w", "x", "a", optional "+", "b"). Raises ValueError.
Status parse_raw_mode(VM& vm, std::string_view mode, RawFile* r, int& flags) {
    int kinds = 0;
    bool plus = false;
    for (char c : mode) {
        switch (c) {
        case 'r':
            r->readable = true;
            ++kinds;
            break;
        case 'w':
            r->writable = true;
            flags |= O_CREAT | O_TRUNC;
            ++kinds;
            break;
        case 'x':
            r->writable = r->created = true;
            flags |= O_CREAT | O_EXCL;
            ++kinds;
            break;
        case 'a':
            r->writable = r->appending = true;
            flags |= O_CREAT | O_APPEND;
            ++kinds;
            break;
        case '+':
            if (plus)
                return raise_value_error(vm, "invalid mode: ", std::string(mode));
            plus = true;
            r->readable = r->writable = true;
            break;
        case 'b':
            break;
        default:
            return raise_value_error(vm, "invalid mode: ", std::string(mode));
        }
    }
    if (kinds != 1)
        return raise_value_error(vm, "Must have exactly one of create/read/write/append mode "
                                     "and at most one plus");
    flags |= r->readable && r->writable ? O_RDWR : r->readable ? O_RDONLY : O_WRONLY;
    flags |= O_CLOEXEC;
    return Status::ok;
}

// The path text of a str/bytes/os.PathLike `file`. Raises TypeError.
Status path_of(VM& vm, Object* file, std::string& out, Ref<Object>& name) {
    if (is_str(file)) {
        out = str_to_utf8(file);
        name = Ref<Object>::borrow(file);
    } else if (is_bytes(file)) {
        out = std::string(bytes_view(file));
        name = Ref<Object>::borrow(file);
    } else {
        Ref<Object> fspath = intern(vm, "__fspath__");
        if (!fspath)
            return Status::error;
        if (!type_lookup(file->type, fspath.get()))
            return raise_type_error(vm, "expected str, bytes or os.PathLike object, not ",
                                    file->type->name);
        Ref<Object> result = call_method_name(vm, file, fspath.get(), nullptr, 0);
        if (!result)
            return Status::error;
        if (!is_str(result.get()) && !is_bytes(result.get()))
            return raise_type_error(vm, "expected ", file->type->name,
                                    ".__fspath__() to return str or bytes, not ",
                                    result->type->name);
        return path_of(vm, result.get(), out, name);
    }
    if (out.find('\0') != std::string::npos)
        return raise_value_error(vm, "embedded null byte");
    return Status::ok;
}

// ====== Buffered: read-ahead and write buffer

int buffered_traverse(Object* self, VisitFn visit, void* arg) {
    return as_buffered(self)->raw ? visit(as_buffered(self)->raw, arg) : 0;
}

// Writes the pending bytes without raising (freeing and teardown).
void buffered_flush_quietly(BufferedFile* b) {
    if (b->raw && b->wbuf && !b->wbuf->empty()) {
        RawFile* r = as_raw(b->raw);
        if (r->fd >= 0) {
            VM& vm = vm_of(b);
            Ref<Object> saved = vm.thread_state().fetch_exception();
            if (!is_ok(raw_write_all(vm, r, *b->wbuf)))
                vm.thread_state().clear_exception();
            if (saved)
                vm.thread_state().set_exception(std::move(saved));
        }
        b->wbuf->clear();
    }
}

void buffered_clear(Object* self) {
    buffered_flush_quietly(as_buffered(self));
    set_ref(as_buffered(self)->raw, nullptr);
}

void buffered_dealloc(Object* self) {
    BufferedFile* b = as_buffered(self);
    buffered_flush_quietly(b);
    set_ref(b->raw, nullptr);
    delete b->rbuf;
    delete b->wbuf;
    b->rbuf = b->wbuf = nullptr;
    vm_of(self).heap().release(self);
}

Status buffered_check(VM& vm, BufferedFile* b, const char* message) {
    if (!b->raw)
        return raise_value_error(vm, "raw stream has been detached");
    if (as_raw(b->raw)->fd < 0)
        return raise_value_error(vm, message);
    return Status::ok;
}

size_t unread(const BufferedFile* b) {
    return b->rbuf->size() - b->rpos;
}

Status buffered_flush(VM& vm, BufferedFile* b) {
    RawFile* r = as_raw(b->raw);
    if (!b->wbuf->empty()) {
        std::string pending;
        pending.swap(*b->wbuf);
        if (!is_ok(raw_write_all(vm, r, pending)))
            return Status::error;
    }
    if (r->stream && std::fflush(r->stream) != 0)
        return raise_errno(vm, errno);
    return Status::ok;
}

// Gives back the unread bytes to the descriptor (before a write or a seek).
Status buffered_drop_read(VM& vm, BufferedFile* b) {
    size_t pending = unread(b);
    b->rbuf->clear();
    b->rpos = 0;
    RawFile* r = as_raw(b->raw);
    if (pending > 0 && raw_is_seekable(r)) {
        int64_t position = 0;
        return raw_seek(vm, r, -static_cast<int64_t>(pending), SEEK_CUR, position);
    }
    return Status::ok;
}

// Makes at least one more byte available unless at end of file: `got` tells how many came.
Status buffered_fill(VM& vm, BufferedFile* b, size_t& got) {
    if (!b->wbuf->empty() && !is_ok(buffered_flush(vm, b)))
        return Status::error;
    if (b->rpos > 0 && b->rpos >= b->rbuf->size() / 2) {
        b->rbuf->erase(0, b->rpos);
        b->rpos = 0;
    }
    size_t before = b->rbuf->size();
    if (!is_ok(raw_read_some(vm, as_raw(b->raw), io_chunk_size, *b->rbuf)))
        return Status::error;
    got = b->rbuf->size() - before;
    return Status::ok;
}

std::string take(BufferedFile* b, size_t count) {
    std::string out = b->rbuf->substr(b->rpos, count);
    b->rpos += count;
    if (b->rpos == b->rbuf->size()) {
        b->rbuf->clear();
        b->rpos = 0;
    }
    return out;
}

// read(size): size < 0 reads to the end.
Status buffered_read(VM& vm, BufferedFile* b, int64_t size, std::string& out) {
    if (!b->wbuf->empty() && !is_ok(buffered_flush(vm, b)))
        return Status::error;
    if (size < 0) {
        out = take(b, unread(b));
        return raw_read_all(vm, as_raw(b->raw), out);
    }
    while (unread(b) < static_cast<size_t>(size)) {
        size_t got = 0;
        if (!is_ok(buffered_fill(vm, b, got)))
            return Status::error;
        if (got == 0)
            break;
    }
    out = take(b, std::min(unread(b), static_cast<size_t>(size)));
    return Status::ok;
}

// The bytes already buffered, or one read(2)'s worth: what the text layer decodes next.
Status buffered_read_chunk(VM& vm, BufferedFile* b, std::string& out) {
    if (unread(b) == 0) {
        size_t got = 0;
        if (!is_ok(buffered_fill(vm, b, got)))
            return Status::error;
    }
    out = take(b, unread(b));
    return Status::ok;
}

Status buffered_readline(VM& vm, BufferedFile* b, int64_t limit, std::string& out) {
    size_t scanned = 0;
    while (true) {
        std::string_view view(*b->rbuf);
        view.remove_prefix(b->rpos);
        size_t newline = view.find('\n', scanned);
        size_t end = newline == std::string_view::npos ? std::string_view::npos : newline + 1;
        if (limit >= 0 && (end == std::string_view::npos || end > static_cast<size_t>(limit)) &&
            view.size() >= static_cast<size_t>(limit))
            end = static_cast<size_t>(limit);
        if (end != std::string_view::npos) {
            out = take(b, end);
            return Status::ok;
        }
        scanned = view.size();
        size_t got = 0;
        if (!is_ok(buffered_fill(vm, b, got)))
            return Status::error;
        if (got == 0) {
            out = take(b, unread(b));
            return Status::ok;
        }
    }
}

Status buffered_write(VM& vm, BufferedFile* b, std::string_view data) {
    if (unread(b) > 0 && !is_ok(buffered_drop_read(vm, b)))
        return Status::error;
    RawFile* r = as_raw(b->raw);
    if (r->stream)
        return raw_write_all(vm, r, data);
    if (b->wbuf->size() + data.size() > io_chunk_size) {
        if (!is_ok(buffered_flush(vm, b)))
            return Status::error;
        if (data.size() >= io_chunk_size)
            return raw_write_all(vm, r, data);
    }
    b->wbuf->append(data);
    return Status::ok;
}

Status buffered_tell(VM& vm, BufferedFile* b, int64_t& out) {
    int64_t position = 0;
    if (!is_ok(raw_seek(vm, as_raw(b->raw), 0, SEEK_CUR, position)))
        return Status::error;
    out = position - static_cast<int64_t>(unread(b)) + static_cast<int64_t>(b->wbuf->size());
    return Status::ok;
}

Status buffered_seek(VM& vm, BufferedFile* b, int64_t offset, int whence, int64_t& out) {
    if (!is_ok(buffered_flush(vm, b)))
        return Status::error;
    if (whence == SEEK_CUR)
        offset -= static_cast<int64_t>(unread(b));
    b->rbuf->clear();
    b->rpos = 0;
    return raw_seek(vm, as_raw(b->raw), offset, whence, out);
}

Status buffered_close(VM& vm, BufferedFile* b) {
    if (!b->raw || as_raw(b->raw)->fd < 0)
        return Status::ok;
    Status flushed = buffered_flush(vm, b);
    Ref<Object> error = flushed == Status::ok ? nullptr : vm.thread_state().fetch_exception();
    raw_close_fd(as_raw(b->raw));
    if (error) {
        vm.thread_state().set_exception(std::move(error));
        return Status::error;
    }
    return Status::ok;
}

// ====== Common argument helpers

Status whence_argument(VM& vm, Args args, size_t nargs, int64_t& offset, int& whence) {
    if (nargs < 1 || nargs > 2)
        return raise_type_error(vm, "seek expected at least 1 argument, got ", nargs);
    int64_t values[2] = {0, 0};
    for (size_t i = 0; i < nargs; ++i) {
        if (!is_int(args[i]))
            return raise_type_error(vm, "'", args[i]->type->name,
                                    "' object cannot be interpreted as an integer");
        if (!int_to_i64(args[i], values[i]))
            return raise_overflow_error(vm, "Python int too large to convert to C long");
    }
    offset = values[0];
    if (values[1] < 0 || values[1] > 2)
        return raise_value_error(vm, "invalid whence (", values[1], ", should be 0, 1 or 2)");
    whence = static_cast<int>(values[1]);
    return Status::ok;
}

Ref<Object> optional_size(VM& vm, Args args, size_t nargs, int64_t& size, const char* name) {
    size = -1;
    if (nargs > 1)
        return raise_type_error(vm, name, " expected at most 1 argument, got ", nargs);
    if (nargs == 1 && !is_ok(size_argument(vm, args[0], size)))
        return nullptr;
    return vm.new_none();
}

Ref<Object> repr_part(VM& vm, const char* label, Object* value) {
    Ref<Object> text = object_repr(vm, value);
    if (!text)
        return nullptr;
    return str_from_utf8(vm, std::string(" ") + label + "=" + str_to_utf8(text.get()));
}

// ====== FileIO methods

Ref<Object> raw_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    // Constructors receive the keyword values after the positional arguments, all counted.
    nargs -= kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    if (!is_ok(check_keywords(vm, "FileIO", kwnames, {"file", "mode", "closefd", "opener"})))
        return nullptr;
    Object* file = nargs > 0 ? args[0] : keyword_argument(args, nargs, kwnames, "file");
    Object* mode = nargs > 1 ? args[1] : keyword_argument(args, nargs, kwnames, "mode");
    Object* closefd = nargs > 2 ? args[2] : keyword_argument(args, nargs, kwnames, "closefd");
    Object* opener = nargs > 3 ? args[3] : keyword_argument(args, nargs, kwnames, "opener");
    if (!file)
        return raise_type_error(vm, "FileIO() missing required argument 'file' (pos 1)");
    if (mode && !is_str(mode))
        return raise_type_error(vm, "FileIO() argument 'mode' must be str, not ", mode->type->name);
    int closing = closefd ? object_is_true(vm, closefd) : 1;
    if (closing < 0)
        return nullptr;
    IoTypes types{};
    if (!is_ok(io_types(runtime_of(vm), types)))
        return nullptr;
    if (is_subtype(cls, types.file_io))
        types.file_io = cls; // a Python subclass: its instance layout and type
    return file_io_open(runtime_of(vm), types, file, mode ? str_to_utf8(mode) : std::string("r"),
                        closing != 0, opener && opener != vm.none() ? opener : nullptr);
}

Ref<Object> raw_read(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t size = -1;
    RawFile* r = as_raw(self);
    if (!optional_size(vm, args, nargs, size, "read") || !is_ok(raw_check_open(vm, r)))
        return nullptr;
    if (!r->readable)
        return raise_unsupported(vm, "File not open for reading");
    std::string data;
    if (!is_ok(size < 0 ? raw_read_all(vm, r, data)
                        : raw_read_some(vm, r, static_cast<size_t>(size), data)))
        return nullptr;
    return bytes_new(vm, data);
}

Ref<Object> raw_readall(VM& vm, Object* self, Args, size_t, Object*) {
    return raw_read(vm, self, nullptr, 0, nullptr);
}

Ref<Object> raw_write(VM& vm, Object* self, Args args, size_t, Object*) {
    RawFile* r = as_raw(self);
    if (!is_ok(raw_check_open(vm, r)))
        return nullptr;
    if (!r->writable)
        return raise_unsupported(vm, "File not open for writing");
    std::string data;
    if (!is_ok(bytes_argument(vm, args[0], data)) || !is_ok(raw_write_all(vm, r, data)))
        return nullptr;
    return int_from_i64(vm, static_cast<int64_t>(data.size()));
}

Ref<Object> raw_seek_method(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t offset = 0, position = 0;
    int whence = 0;
    RawFile* r = as_raw(self);
    if (!is_ok(whence_argument(vm, args, nargs, offset, whence)) || !is_ok(raw_check_open(vm, r)) ||
        !is_ok(raw_seek(vm, r, offset, whence, position)))
        return nullptr;
    return int_from_i64(vm, position);
}

Ref<Object> raw_tell(VM& vm, Object* self, Args, size_t, Object*) {
    int64_t position = 0;
    RawFile* r = as_raw(self);
    if (!is_ok(raw_check_open(vm, r)) || !is_ok(raw_seek(vm, r, 0, SEEK_CUR, position)))
        return nullptr;
    return int_from_i64(vm, position);
}

Status truncate_fd(VM& vm, RawFile* r, Object* size_arg, int64_t current, int64_t& size) {
    size = current;
    if (size_arg && size_arg != vm.none()) {
        if (!is_int(size_arg))
            return raise_type_error(vm, "'", size_arg->type->name,
                                    "' object cannot be interpreted as an integer");
        if (!int_to_i64(size_arg, size))
            return raise_overflow_error(vm, "Python int too large to convert to C long");
    }
    if (!r->writable)
        return raise_unsupported(vm, "File not open for writing");
    if (::ftruncate(r->fd, static_cast<off_t>(size)) != 0)
        return raise_errno(vm, errno);
    return Status::ok;
}

Ref<Object> raw_truncate(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    RawFile* r = as_raw(self);
    int64_t position = 0, size = 0;
    if (nargs > 1)
        return raise_type_error(vm, "truncate expected at most 1 argument, got ", nargs);
    if (!is_ok(raw_check_open(vm, r)) || !is_ok(raw_seek(vm, r, 0, SEEK_CUR, position)) ||
        !is_ok(truncate_fd(vm, r, nargs ? args[0] : nullptr, position, size)))
        return nullptr;
    return int_from_i64(vm, size);
}

Ref<Object> raw_close(VM& vm, Object* self, Args, size_t, Object*) {
    RawFile* r = as_raw(self);
    if (r->fd >= 0 && r->closefd && !r->stream && ::close(r->fd) != 0) {
        r->fd = -1;
        return raise_errno(vm, errno);
    }
    raw_close_fd(r);
    return vm.new_none();
}

Ref<Object> raw_fileno(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(raw_check_open(vm, as_raw(self))))
        return nullptr;
    return int_from_i64(vm, as_raw(self)->fd);
}

Ref<Object> raw_isatty(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(raw_check_open(vm, as_raw(self))))
        return nullptr;
    return vm.new_bool(::isatty(as_raw(self)->fd) == 1);
}

Ref<Object> raw_readable(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(raw_check_open(vm, as_raw(self))))
        return nullptr;
    return vm.new_bool(as_raw(self)->readable);
}
Ref<Object> raw_writable(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(raw_check_open(vm, as_raw(self))))
        return nullptr;
    return vm.new_bool(as_raw(self)->writable);
}
Ref<Object> raw_seekable(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(raw_check_open(vm, as_raw(self))))
        return nullptr;
    return vm.new_bool(raw_is_seekable(as_raw(self)));
}
Ref<Object> raw_flush(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(raw_check_open(vm, as_raw(self), "I/O operation on closed file.")))
        return nullptr;
    if (as_raw(self)->stream)
        std::fflush(as_raw(self)->stream);
    return vm.new_none();
}

Ref<Object> raw_repr(VM& vm, Object* self) {
    RawFile* r = as_raw(self);
    if (r->fd < 0)
        return str_from_utf8(vm, std::string("<") + self->type->name + " [closed]>");
    std::string text = std::string("<") + self->type->name;
    if (r->name) {
        Ref<Object> name = repr_part(vm, "name", r->name);
        if (!name)
            return nullptr;
        text += str_to_utf8(name.get());
    }
    text += " mode='" + raw_mode_text(r) + "' closefd=" + (r->closefd ? "True" : "False") + ">";
    return str_from_utf8(vm, text);
}

Ref<Object> raw_closed(VM& vm, Object* self, Args, size_t, Object*) {
    return vm.new_bool(as_raw(self)->fd < 0);
}
Ref<Object> raw_name(VM& vm, Object* self, Args, size_t, Object*) {
    if (!as_raw(self)->name)
        return raise_attribute_error(vm, "'", self->type->name, "' object has no attribute 'name'");
    return Ref<Object>::borrow(as_raw(self)->name);
}
Ref<Object> raw_mode(VM& vm, Object* self, Args, size_t, Object*) {
    return str_from_utf8(vm, raw_mode_text(as_raw(self)));
}
Ref<Object> raw_closefd(VM& vm, Object* self, Args, size_t, Object*) {
    return vm.new_bool(as_raw(self)->closefd);
}

// ====== Methods every file class shares (through the Python-level protocol)

Ref<Object> call_named(VM& vm, Object* self, const char* name, Object* const* args, size_t nargs) {
    Ref<Object> key = intern(vm, name);
    if (!key)
        return nullptr;
    return call_method_name(vm, self, key.get(), args, nargs);
}

Ref<Object> file_enter(VM& vm, Object* self, Args, size_t, Object*) {
    Ref<Object> closed = get_attr(vm, self, intern(vm, "closed").get());
    if (!closed)
        return nullptr;
    int truth = object_is_true(vm, closed.get());
    if (truth < 0)
        return nullptr;
    if (truth)
        return raise_closed_file(vm);
    return Ref<Object>::borrow(self);
}

Ref<Object> file_exit(VM& vm, Object* self, Args, size_t, Object*) {
    Ref<Object> result = call_named(vm, self, "close");
    return result ? vm.new_none() : nullptr;
}

Ref<Object> file_iter(VM& vm, Object* self) {
    return file_enter(vm, self, nullptr, 0, nullptr);
}

// IOBase.__next__: readline(), StopIteration on an empty line.
Ref<Object> file_next(VM& vm, Object* self) {
    Ref<Object> line = call_named(vm, self, "readline");
    if (!line)
        return nullptr;
    intptr_t length = object_len(vm, line.get());
    if (length < 0)
        return nullptr;
    return length == 0 ? nullptr : line;
}

Ref<Object> file_readlines(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t hint = -1;
    if (!optional_size(vm, args, nargs, hint, "readlines"))
        return nullptr;
    Ref<Object> lines = list_new(vm);
    if (!lines)
        return nullptr;
    int64_t total = 0;
    while (true) {
        Ref<Object> line = file_next(vm, self);
        if (!line) {
            if (vm.thread_state().has_exception())
                return nullptr;
            return lines;
        }
        if (!is_ok(list_append(vm, lines.get(), line.get())))
            return nullptr;
        total += object_len(vm, line.get());
        if (hint > 0 && total >= hint)
            return lines;
    }
}

Ref<Object> file_writelines(VM& vm, Object* self, Args args, size_t, Object*) {
    Ref<Object> iterator = object_iter(vm, args[0]);
    if (!iterator)
        return nullptr;
    while (true) {
        Ref<Object> item = object_next(vm, iterator.get());
        if (!item)
            return vm.thread_state().has_exception() ? nullptr : vm.new_none();
        Object* arg = item.get();
        if (!call_named(vm, self, "write", &arg, 1))
            return nullptr;
    }
}

// IOBase.readline for FileIO: byte by byte up to and including '\n'.
Ref<Object> raw_readline(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t limit = -1;
    RawFile* r = as_raw(self);
    if (!optional_size(vm, args, nargs, limit, "readline") || !is_ok(raw_check_open(vm, r)))
        return nullptr;
    std::string line;
    while (limit < 0 || line.size() < static_cast<size_t>(limit)) {
        size_t before = line.size();
        if (!is_ok(raw_read_some(vm, r, 1, line)))
            return nullptr;
        if (line.size() == before || line.back() == '\n')
            break;
    }
    return bytes_new(vm, line);
}

constexpr MethodDef raw_methods[] = {
    {"read", raw_read, MethodKind::fastcall, nullptr},
    {"readall", raw_readall, MethodKind::noargs, nullptr},
    {"readline", raw_readline, MethodKind::fastcall, nullptr},
    {"readlines", file_readlines, MethodKind::fastcall, nullptr},
    {"write", raw_write, MethodKind::o, nullptr},
    {"writelines", file_writelines, MethodKind::o, nullptr},
    {"seek", raw_seek_method, MethodKind::fastcall, nullptr},
    {"tell", raw_tell, MethodKind::noargs, nullptr},
    {"truncate", raw_truncate, MethodKind::fastcall, nullptr},
    {"close", raw_close, MethodKind::noargs, nullptr},
    {"flush", raw_flush, MethodKind::noargs, nullptr},
    {"fileno", raw_fileno, MethodKind::noargs, nullptr},
    {"isatty", raw_isatty, MethodKind::noargs, nullptr},
    {"readable", raw_readable, MethodKind::noargs, nullptr},
    {"writable", raw_writable, MethodKind::noargs, nullptr},
    {"seekable", raw_seekable, MethodKind::noargs, nullptr},
    {"__enter__", file_enter, MethodKind::noargs, nullptr},
    {"__exit__", file_exit, MethodKind::fastcall, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};
constexpr MethodDef raw_closed_def = {"closed", raw_closed, MethodKind::noargs, nullptr};
constexpr MethodDef raw_name_def = {"name", raw_name, MethodKind::noargs, nullptr};
constexpr MethodDef raw_mode_def = {"mode", raw_mode, MethodKind::noargs, nullptr};
constexpr MethodDef raw_closefd_def = {"closefd", raw_closefd, MethodKind::noargs, nullptr};

// ====== Buffered methods

Status buffered_ready(VM& vm, Object* self, const char* message, bool reading) {
    BufferedFile* b = as_buffered(self);
    if (!is_ok(buffered_check(vm, b, message)))
        return Status::error;
    if (reading && b->role == 2)
        return raise_unsupported(vm, "read");
    if (!reading && b->role == 1)
        return raise_unsupported(vm, "write");
    return Status::ok;
}

Ref<Object> buffered_read_method(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t size = -1;
    if (!optional_size(vm, args, nargs, size, "read") ||
        !is_ok(buffered_ready(vm, self, "read of closed file", true)))
        return nullptr;
    std::string data;
    if (!is_ok(buffered_read(vm, as_buffered(self), size, data)))
        return nullptr;
    return bytes_new(vm, data);
}

Ref<Object> buffered_read1(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t size = -1;
    if (!optional_size(vm, args, nargs, size, "read1") ||
        !is_ok(buffered_ready(vm, self, "read of closed file", true)))
        return nullptr;
    BufferedFile* b = as_buffered(self);
    if (unread(b) == 0) {
        size_t got = 0;
        if (!is_ok(buffered_fill(vm, b, got)))
            return nullptr;
    }
    size_t count = size < 0 ? unread(b) : std::min(unread(b), static_cast<size_t>(size));
    return bytes_new(vm, take(b, count));
}

Ref<Object> buffered_peek(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(buffered_ready(vm, self, "peek of closed file", true)))
        return nullptr;
    BufferedFile* b = as_buffered(self);
    if (unread(b) == 0) {
        size_t got = 0;
        if (!is_ok(buffered_fill(vm, b, got)))
            return nullptr;
    }
    return bytes_new(vm, std::string_view(*b->rbuf).substr(b->rpos));
}

Ref<Object> buffered_readline_method(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t limit = -1;
    if (!optional_size(vm, args, nargs, limit, "readline") ||
        !is_ok(buffered_ready(vm, self, "readline of closed file", true)))
        return nullptr;
    std::string line;
    if (!is_ok(buffered_readline(vm, as_buffered(self), limit, line)))
        return nullptr;
    return bytes_new(vm, line);
}

Ref<Object> buffered_next(VM& vm, Object* self) {
    if (!is_ok(buffered_ready(vm, self, "readline of closed file", true)))
        return nullptr;
    std::string line;
    if (!is_ok(buffered_readline(vm, as_buffered(self), -1, line)))
        return nullptr;
    return line.empty() ? nullptr : bytes_new(vm, line);
}

Ref<Object> buffered_write_method(VM& vm, Object* self, Args args, size_t, Object*) {
    if (!is_ok(buffered_ready(vm, self, "write to closed file", false)))
        return nullptr;
    std::string data;
    if (!is_ok(bytes_argument(vm, args[0], data)) ||
        !is_ok(buffered_write(vm, as_buffered(self), data)))
        return nullptr;
    return int_from_i64(vm, static_cast<int64_t>(data.size()));
}

Ref<Object> buffered_flush_method(VM& vm, Object* self, Args, size_t, Object*) {
    BufferedFile* b = as_buffered(self);
    if (!is_ok(buffered_check(
            vm, b, b->role == 1 ? "I/O operation on closed file." : "flush of closed file")) ||
        !is_ok(buffered_flush(vm, b)))
        return nullptr;
    return vm.new_none();
}

Ref<Object> buffered_seek_method(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t offset = 0, position = 0;
    int whence = 0;
    BufferedFile* b = as_buffered(self);
    if (!is_ok(whence_argument(vm, args, nargs, offset, whence)) ||
        !is_ok(buffered_check(vm, b, "seek of closed file")) ||
        !is_ok(buffered_seek(vm, b, offset, whence, position)))
        return nullptr;
    return int_from_i64(vm, position);
}

Ref<Object> buffered_tell_method(VM& vm, Object* self, Args, size_t, Object*) {
    int64_t position = 0;
    BufferedFile* b = as_buffered(self);
    if (!is_ok(buffered_check(vm, b, "I/O operation on closed file")) ||
        !is_ok(buffered_tell(vm, b, position)))
        return nullptr;
    return int_from_i64(vm, position);
}

Ref<Object> buffered_truncate(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "truncate expected at most 1 argument, got ", nargs);
    BufferedFile* b = as_buffered(self);
    int64_t position = 0, size = 0;
    if (!is_ok(buffered_check(vm, b, "truncate of closed file")) ||
        !is_ok(buffered_tell(vm, b, position)) || !is_ok(buffered_flush(vm, b)) ||
        !is_ok(truncate_fd(vm, as_raw(b->raw), nargs ? args[0] : nullptr, position, size)))
        return nullptr;
    return int_from_i64(vm, size);
}

Ref<Object> buffered_close_method(VM& vm, Object* self, Args, size_t, Object*) {
    BufferedFile* b = as_buffered(self);
    if (!b->raw)
        return raise_value_error(vm, "raw stream has been detached");
    if (!is_ok(buffered_close(vm, b)))
        return nullptr;
    return vm.new_none();
}

const char* builtin_name(const Type* type) {
    std::string_view full = type->name;
    size_t dot = full.rfind('.');
    return dot == std::string_view::npos ? type->name : type->name + dot + 1;
}

// BufferedReader/Writer/Random(raw, buffer_size=DEFAULT_BUFFER_SIZE) over a FileIO. FIXME: other
// raw streams (CPython accepts any RawIOBase) are refused with TypeError.
Ref<Object> buffered_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    nargs -= kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    const char* name = builtin_name(cls);
    if (!is_ok(check_keywords(vm, name, kwnames, {"raw", "buffer_size"})))
        return nullptr;
    if (nargs > 2)
        return raise_type_error(vm, name, "() takes at most 2 arguments (", nargs, " given)");
    Object* raw = nargs > 0 ? args[0] : keyword_argument(args, nargs, kwnames, "raw");
    Object* size = nargs > 1 ? args[1] : keyword_argument(args, nargs, kwnames, "buffer_size");
    if (!raw)
        return raise_type_error(vm, name, "() missing required argument 'raw' (pos 1)");
    if (size) {
        int64_t value = 0;
        if (!is_int(size) || !int_to_i64(size, value))
            return raise_type_error(vm, "'", size->type->name,
                                    "' object cannot be interpreted as an integer");
        if (value <= 0)
            return raise_value_error(vm, "buffer size must be strictly positive");
    }
    if (!is_file_type(raw->type, 0))
        return raise_type_error(vm, name, "() needs an _io.FileIO raw stream in minipy, not ",
                                raw->type->name);
    IoTypes types{};
    if (!is_ok(io_types(runtime_of(vm), types)))
        return nullptr;
    Type* base = cls;
    while (base && base != types.buffered_reader && base != types.buffered_writer &&
           base != types.buffered_random)
        base = base->base;
    int role = base == types.buffered_reader ? 1 : base == types.buffered_writer ? 2 : 3;
    RawFile* r = as_raw(raw);
    if (r->fd < 0)
        return raise_value_error(vm, "I/O operation on closed file");
    if (role != 2 && !r->readable)
        return raise_unsupported(vm, "File or stream is not readable.");
    if (role != 1 && !r->writable)
        return raise_unsupported(vm, "File or stream is not writable.");
    (role == 1   ? types.buffered_reader
     : role == 2 ? types.buffered_writer
                 : types.buffered_random) = cls; // the class called, maybe a Python subclass
    return buffered_new(runtime_of(vm), types, raw, role);
}

Ref<Object> buffered_detach(VM& vm, Object* self, Args, size_t, Object*) {
    BufferedFile* b = as_buffered(self);
    if (!b->raw)
        return raise_value_error(vm, "raw stream has been detached");
    if (!is_ok(buffered_flush(vm, b)))
        return nullptr;
    Ref<Object> raw = Ref<Object>::steal(b->raw);
    b->raw = nullptr;
    return raw;
}

Ref<Object> forward_to_raw(VM& vm, Object* self, const char* name) {
    BufferedFile* b = as_buffered(self);
    if (!b->raw)
        return raise_value_error(vm, "raw stream has been detached");
    return call_named(vm, b->raw, name);
}
Ref<Object> buffered_fileno(VM& vm, Object* self, Args, size_t, Object*) {
    return forward_to_raw(vm, self, "fileno");
}
Ref<Object> buffered_isatty(VM& vm, Object* self, Args, size_t, Object*) {
    return forward_to_raw(vm, self, "isatty");
}
Ref<Object> buffered_readable(VM& vm, Object* self, Args, size_t, Object*) {
    return forward_to_raw(vm, self, "readable");
}
Ref<Object> buffered_writable(VM& vm, Object* self, Args, size_t, Object*) {
    return forward_to_raw(vm, self, "writable");
}
Ref<Object> buffered_seekable(VM& vm, Object* self, Args, size_t, Object*) {
    return forward_to_raw(vm, self, "seekable");
}

Ref<Object> buffered_repr(VM& vm, Object* self) {
    BufferedFile* b = as_buffered(self);
    std::string text = std::string("<") + self->type->name;
    if (b->raw && as_raw(b->raw)->name) {
        Ref<Object> name = repr_part(vm, "name", as_raw(b->raw)->name);
        if (!name)
            return nullptr;
        text += str_to_utf8(name.get());
    }
    return str_from_utf8(vm, text + ">");
}

Ref<Object> buffered_closed(VM& vm, Object* self, Args, size_t, Object*) {
    BufferedFile* b = as_buffered(self);
    if (!b->raw)
        return raise_value_error(vm, "raw stream has been detached");
    return vm.new_bool(as_raw(b->raw)->fd < 0);
}
Ref<Object> buffered_raw(VM& vm, Object* self, Args, size_t, Object*) {
    BufferedFile* b = as_buffered(self);
    return Ref<Object>::borrow(b->raw ? b->raw : vm.none());
}
Ref<Object> buffered_name(VM& vm, Object* self, Args, size_t, Object*) {
    BufferedFile* b = as_buffered(self);
    if (!b->raw)
        return raise_value_error(vm, "raw stream has been detached");
    return raw_name(vm, b->raw, nullptr, 0, nullptr);
}
Ref<Object> buffered_mode(VM& vm, Object* self, Args, size_t, Object*) {
    BufferedFile* b = as_buffered(self);
    if (!b->raw)
        return raise_value_error(vm, "raw stream has been detached");
    return raw_mode(vm, b->raw, nullptr, 0, nullptr);
}

constexpr MethodDef buffered_methods[] = {
    {"read", buffered_read_method, MethodKind::fastcall, nullptr},
    {"read1", buffered_read1, MethodKind::fastcall, nullptr},
    {"peek", buffered_peek, MethodKind::fastcall, nullptr},
    {"readline", buffered_readline_method, MethodKind::fastcall, nullptr},
    {"readlines", file_readlines, MethodKind::fastcall, nullptr},
    {"write", buffered_write_method, MethodKind::o, nullptr},
    {"writelines", file_writelines, MethodKind::o, nullptr},
    {"flush", buffered_flush_method, MethodKind::noargs, nullptr},
    {"seek", buffered_seek_method, MethodKind::fastcall, nullptr},
    {"tell", buffered_tell_method, MethodKind::noargs, nullptr},
    {"truncate", buffered_truncate, MethodKind::fastcall, nullptr},
    {"close", buffered_close_method, MethodKind::noargs, nullptr},
    {"detach", buffered_detach, MethodKind::noargs, nullptr},
    {"fileno", buffered_fileno, MethodKind::noargs, nullptr},
    {"isatty", buffered_isatty, MethodKind::noargs, nullptr},
    {"readable", buffered_readable, MethodKind::noargs, nullptr},
    {"writable", buffered_writable, MethodKind::noargs, nullptr},
    {"seekable", buffered_seekable, MethodKind::noargs, nullptr},
    {"__enter__", file_enter, MethodKind::noargs, nullptr},
    {"__exit__", file_exit, MethodKind::fastcall, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};
constexpr MethodDef buffered_closed_def = {"closed", buffered_closed, MethodKind::noargs, nullptr};
constexpr MethodDef buffered_raw_def = {"raw", buffered_raw, MethodKind::noargs, nullptr};
constexpr MethodDef buffered_name_def = {"name", buffered_name, MethodKind::noargs, nullptr};
constexpr MethodDef buffered_mode_def = {"mode", buffered_mode, MethodKind::noargs, nullptr};

Ref<Type> make_file_type(Runtime& rt, const char* name, Type* base, size_t size,
                         void (*dealloc)(Object*), int (*traverse)(Object*, VisitFn, void*),
                         void (*clear)(Object*), const MethodDef* methods) {
    TypeSpec spec{};
    spec.name = name;
    spec.base = base;
    spec.basic_size = size;
    spec.flags = type_has_gc | type_base_type;
    spec.slots.dealloc = dealloc;
    spec.slots.traverse = traverse;
    spec.slots.clear = clear;
    spec.slots.iter = file_iter;
    spec.methods = methods;
    Ref<Type> type = make_io_type(rt, spec);
    if (type)
        enable_weakrefs(type.get()); // io objects can be weakly referenced, as in CPython
    return type;
}

} // namespace io_detail

// ====== Exported

bool is_file_type(const Type* type, int role) {
    switch (role) {
    case 0:
        return type->slots.dealloc == raw_dealloc;
    case 4:
        return is_text_type(type);
    default:
        return type->slots.dealloc == buffered_dealloc;
    }
}

Ref<Object> file_io_open(Runtime& rt, const IoTypes& types, Object* file, std::string_view mode,
                         bool closefd, Object* opener) {
    VM& vm = rt.vm();
    Ref<RawFile> r = allocate_object<RawFile>(vm, types.file_io);
    if (!r)
        return nullptr;
    r->fd = -1;
    r->seekable = -1;
    r->closefd = closefd;
    int flags = 0;
    if (!is_ok(parse_raw_mode(vm, mode, r.get(), flags)))
        return nullptr;
    if (is_int(file) && !is_bytes(file)) {
        int64_t fd = 0;
        if (!int_to_i64(file, fd) || fd > INT32_MAX)
            return raise_overflow_error(vm, "Python int too large to convert to C int");
        if (fd < 0)
            return raise_value_error(vm, "negative file descriptor");
        struct stat info;
        if (::fstat(static_cast<int>(fd), &info) != 0)
            return raise_errno(vm, errno);
        r->fd = static_cast<int>(fd);
        r->name = Ref<Object>::borrow(file).release();
    } else {
        if (!closefd)
            return raise_value_error(vm, "Cannot use closefd=False with file name");
        std::string path;
        Ref<Object> name;
        if (!is_ok(path_of(vm, file, path, name)))
            return nullptr;
        r->name = name.release();
        int fd = -1;
        if (opener) {
            Ref<Object> flag_value = int_from_i64(vm, flags);
            if (!flag_value)
                return nullptr;
            Object* call_args[2] = {file, flag_value.get()};
            Ref<Object> result = call_object(vm, opener, call_args, 2);
            if (!result)
                return nullptr;
            int64_t value = -1;
            if (!is_int(result.get()) || !int_to_i64(result.get(), value))
                return raise_type_error(vm, "expected integer from opener");
            if (value < 0)
                return raise_value_error(vm, "opener returned ", value);
            fd = static_cast<int>(value);
        } else {
            do {
                fd = ::open(path.c_str(), flags, 0666);
            } while (fd < 0 && errno == EINTR);
            if (fd < 0)
                return raise_errno(vm, errno, r->name);
        }
        r->fd = fd;
        struct stat info;
        if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
            ::close(fd);
            r->fd = -1;
            return raise_errno(vm, EISDIR, r->name);
        }
    }
    if (r->appending)
        (void)::lseek(r->fd, 0, SEEK_END);
    return Ref<Object>(std::move(r).cast<Object>());
}

Ref<Object> buffered_new(Runtime& rt, const IoTypes& types, Object* raw, int role) {
    VM& vm = rt.vm();
    Type* type = role == 1   ? types.buffered_reader
                 : role == 2 ? types.buffered_writer
                             : types.buffered_random;
    Ref<BufferedFile> b = allocate_object<BufferedFile>(vm, type);
    if (!b)
        return nullptr;
    b->role = role;
    b->rbuf = new (std::nothrow) std::string();
    b->wbuf = new (std::nothrow) std::string();
    if (!b->rbuf || !b->wbuf)
        return raise_memory_error(vm);
    b->raw = Ref<Object>::borrow(raw).release();
    return Ref<Object>(std::move(b).cast<Object>());
}

void file_io_use_stream(Object* file, std::FILE* stream, Object* name) {
    as_raw(file)->stream = stream;
    set_ref(as_raw(file)->name, Ref<Object>::borrow(name).release());
}

bool make_file_types(Runtime& rt, IoTypes& types) {
    Ref<Type> raw = make_file_type(rt, "_io.FileIO", types.raw_iobase, sizeof(RawFile), raw_dealloc,
                                   raw_traverse, raw_clear, raw_methods);
    if (!raw)
        return false;
    raw->slots.next = file_next;
    raw->slots.repr = raw_repr;
    Ref<Type> reader =
        make_file_type(rt, "_io.BufferedReader", types.buffered_iobase, sizeof(BufferedFile),
                       buffered_dealloc, buffered_traverse, buffered_clear, buffered_methods);
    Ref<Type> writer =
        make_file_type(rt, "_io.BufferedWriter", types.buffered_iobase, sizeof(BufferedFile),
                       buffered_dealloc, buffered_traverse, buffered_clear, buffered_methods);
    Ref<Type> random =
        make_file_type(rt, "_io.BufferedRandom", types.buffered_iobase, sizeof(BufferedFile),
                       buffered_dealloc, buffered_traverse, buffered_clear, buffered_methods);
    if (!reader || !writer || !random)
        return false;
    for (Type* type : {reader.get(), writer.get(), random.get()}) {
        type->slots.next = buffered_next;
        type->slots.repr = buffered_repr;
        if (!add_io_properties(rt, type,
                               {{"closed", &buffered_closed_def, nullptr},
                                {"raw", &buffered_raw_def, nullptr},
                                {"name", &buffered_name_def, nullptr},
                                {"mode", &buffered_mode_def, nullptr}}))
            return false;
    }
    if (!add_io_properties(rt, raw.get(),
                           {{"closed", &raw_closed_def, nullptr},
                            {"name", &raw_name_def, nullptr},
                            {"mode", &raw_mode_def, nullptr},
                            {"closefd", &raw_closefd_def, nullptr}}) ||
        !make_text_type(rt, types))
        return false;
    rt.set_constructor(raw.get(), raw_construct);
    for (Type* type : {reader.get(), writer.get(), random.get()})
        rt.set_constructor(type, buffered_construct);
    types.file_io = raw.release();
    types.buffered_reader = reader.release();
    types.buffered_writer = writer.release();
    types.buffered_random = random.release();
    return true;
}

} // namespace minipy::stdlib
