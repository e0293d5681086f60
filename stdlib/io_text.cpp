// _io.TextIOWrapper: encoding, decoding and newline translation over a buffered binary stream
// (a minipy BufferedReader/Writer/Random, served directly, or any object with read/write).
//
// Invariants:
//  - a TextIOWrapper keeps the bytes it fetched but did not decode yet in rbytes[rpos:]; since
//    every supported encoding is ASCII-compatible, lines are split on the bytes, and tell() is the
//    buffer's position minus those bytes (CPython's cookie when no decoder state is pending);
//  - before a write, the buffer is rewound over those bytes, so reads and writes interleave as on
//    CPython's io stack.
#include <unistd.h>

#include <string>

#include "stdlib/builtins_support.h"
#include "stdlib/io.h"
#include "stdlib/io_codec.h"
#include "stdlib/io_file.h"
#include "stdlib/io_internal.h"
#include "vm/eval_helpers.h"
#include "vm/types/bytes.h"
#include "vm/types/class.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::stdlib {

using namespace minipy::vm;
using namespace minipy::stdlib::io_detail;

namespace {

enum class Newline : uint8_t { lf, universal, untranslated, cr, crlf };

struct TextFile : Object {
    Object* buffer;   // owned
    Object* encoding; // owned str
    Object* errors;   // owned str
    Object* mode;     // owned str or null
    std::string* rbytes;
    size_t rpos;
    Encoding codec;
    ErrorMode error_mode;
    Newline newline;
    bool line_buffering;
    bool write_through;
    bool native; // buffer is a BufferedFile (fast path)
};

TextFile* as_text(Object* o) {
    return static_cast<TextFile*>(o);
}

// ====== TextIOWrapper: the byte source and sink

int text_traverse(Object* self, VisitFn visit, void* arg) {
    TextFile* t = as_text(self);
    for (Object* field : {t->buffer, t->encoding, t->errors, t->mode}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    return 0;
}
void text_clear(Object* self) {
    TextFile* t = as_text(self);
    set_ref(t->buffer, nullptr);
    set_ref(t->encoding, nullptr);
    set_ref(t->errors, nullptr);
    set_ref(t->mode, nullptr);
}
void text_dealloc(Object* self) {
    text_clear(self);
    delete as_text(self)->rbytes;
    as_text(self)->rbytes = nullptr;
    vm_of(self).heap().release(self);
}

size_t text_unread(const TextFile* t) {
    return t->rbytes->size() - t->rpos;
}

Status text_check(VM& vm, TextFile* t) {
    if (!t->buffer)
        return raise_value_error(vm, "underlying buffer has been detached");
    if (t->native) {
        BufferedFile* b = as_buffered(t->buffer);
        if (!b->raw || as_raw(b->raw)->fd < 0)
            return raise_closed_file(vm);
        return Status::ok;
    }
    Ref<Object> closed = get_attr(vm, t->buffer, intern(vm, "closed").get());
    if (!closed)
        return Status::error;
    int truth = object_is_true(vm, closed.get());
    if (truth < 0)
        return Status::error;
    return truth ? Status(raise_closed_file(vm)) : Status::ok;
}

// Asks the buffer whether it is readable/writable/seekable.
int text_buffer_can(VM& vm, TextFile* t, const char* what) {
    if (t->native) {
        BufferedFile* b = as_buffered(t->buffer);
        RawFile* r = as_raw(b->raw);
        if (what[0] == 'r')
            return r->readable;
        if (what[0] == 'w')
            return r->writable;
        return raw_is_seekable(r);
    }
    Ref<Object> result = call_named(vm, t->buffer, what);
    return result ? object_is_true(vm, result.get()) : -1;
}

Status text_ready(VM& vm, TextFile* t, bool reading) {
    if (!is_ok(text_check(vm, t)))
        return Status::error;
    int can = text_buffer_can(vm, t, reading ? "readable" : "writable");
    if (can < 0)
        return Status::error;
    if (!can)
        return raise_unsupported(vm, reading ? "not readable" : "not writable");
    return Status::ok;
}

// Appends the next chunk of bytes to rbytes; `got` is 0 at end of file.
Status text_fill(VM& vm, TextFile* t, size_t& got) {
    if (t->rpos > 0 && t->rpos >= t->rbytes->size() / 2) {
        t->rbytes->erase(0, t->rpos);
        t->rpos = 0;
    }
    std::string chunk;
    if (t->native) {
        if (!is_ok(buffered_read_chunk(vm, as_buffered(t->buffer), chunk)))
            return Status::error;
    } else {
        Ref<Object> size = int_from_i64(vm, static_cast<int64_t>(io_chunk_size));
        if (!size)
            return Status::error;
        Object* arg = size.get();
        Ref<Object> read1 = intern(vm, "read1");
        Ref<Object> data = read1 && type_lookup(t->buffer->type, read1.get())
                               ? call_named(vm, t->buffer, "read1", &arg, 1)
                               : call_named(vm, t->buffer, "read", &arg, 1);
        if (!data)
            return Status::error;
        if (data.get() != vm.none()) {
            if (!is_bytes(data.get()))
                return raise_type_error(vm,
                                        "underlying read1() should have returned a bytes "
                                        "object, not '",
                                        data->type->name, "'");
            chunk = std::string(bytes_view(data.get()));
        }
    }
    got = chunk.size();
    t->rbytes->append(chunk);
    return Status::ok;
}

// Rewinds the buffer over the bytes fetched but not consumed (before writing or seeking).
Status text_rewind(VM& vm, TextFile* t) {
    size_t pending = text_unread(t);
    t->rbytes->clear();
    t->rpos = 0;
    if (pending == 0)
        return Status::ok;
    if (t->native) {
        int64_t position = 0;
        return buffered_seek(vm, as_buffered(t->buffer), -static_cast<int64_t>(pending), SEEK_CUR,
                             position);
    }
    Ref<Object> offset = int_from_i64(vm, -static_cast<int64_t>(pending));
    Ref<Object> whence = int_from_i64(vm, 1);
    if (!offset || !whence)
        return Status::error;
    Object* args[2] = {offset.get(), whence.get()};
    return call_named(vm, t->buffer, "seek", args, 2) ? Status::ok : Status::error;
}

Status text_flush_buffer(VM& vm, TextFile* t) {
    if (t->native)
        return buffered_flush(vm, as_buffered(t->buffer));
    return call_named(vm, t->buffer, "flush") ? Status::ok : Status::error;
}

Status text_write_bytes(VM& vm, TextFile* t, std::string& data, bool has_newline) {
    if (text_unread(t) > 0 && !is_ok(text_rewind(vm, t)))
        return Status::error;
    if (t->newline == Newline::cr || t->newline == Newline::crlf) {
        std::string translated;
        for (char c : data) {
            if (c == '\n') {
                translated.push_back('\r');
                if (t->newline == Newline::crlf)
                    translated.push_back('\n');
            } else {
                translated.push_back(c);
            }
        }
        data.swap(translated);
    }
    if (t->native) {
        if (!is_ok(buffered_write(vm, as_buffered(t->buffer), data)))
            return Status::error;
    } else {
        Ref<Object> bytes = bytes_new(vm, data);
        if (!bytes)
            return Status::error;
        Object* arg = bytes.get();
        if (!call_named(vm, t->buffer, "write", &arg, 1))
            return Status::error;
    }
    if ((t->line_buffering && has_newline) || (t->write_through && !t->native))
        return text_flush_buffer(vm, t);
    return Status::ok;
}

// ====== TextIOWrapper: decoding

// Decodes rbytes[rpos, end) and consumes it, translating newlines when reading universally.
Ref<Object> text_take(VM& vm, TextFile* t, size_t end) {
    std::string_view bytes(*t->rbytes);
    bytes = bytes.substr(t->rpos, end - t->rpos);
    t->rpos = end;
    bool translate = t->newline == Newline::universal && bytes.find('\r') != std::string::npos;
    if (!translate) {
        bool ascii = true;
        for (char c : bytes) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii)
            return str_from_utf8(vm, bytes);
    }
    std::u32string text;
    if (!is_ok(decode_bytes(vm, t->codec, t->error_mode, bytes, text)))
        return nullptr;
    if (translate) {
        std::u32string out;
        out.reserve(text.size());
        for (size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\r') {
                out.push_back('\n');
                if (i + 1 < text.size() && text[i + 1] == '\n')
                    ++i;
            } else {
                out.push_back(text[i]);
            }
        }
        text.swap(out);
    }
    return str_from_code_points(vm, reinterpret_cast<const uint32_t*>(text.data()), text.size());
}

// Finds the end of the next line (just past its terminator) within `limit` characters, filling
// as needed; at end of file, the end of the data.
Status text_line_end(VM& vm, TextFile* t, int64_t limit, size_t& end) {
    size_t i = t->rpos;
    int64_t chars = 0;
    bool eof = false;
    while (true) {
        const std::string& data = *t->rbytes;
        while (i < data.size()) {
            if (limit >= 0 && chars >= limit) {
                end = i;
                return Status::ok;
            }
            char c = data[i];
            bool cr_terminates = t->newline == Newline::universal ||
                                 t->newline == Newline::untranslated || t->newline == Newline::cr;
            if (c == '\n' && t->newline != Newline::cr && t->newline != Newline::crlf) {
                end = i + 1;
                return Status::ok;
            }
            if (c == '\r' && (cr_terminates || t->newline == Newline::crlf)) {
                if (i + 1 >= data.size() && !eof)
                    break; // need the next byte to tell "\r" from "\r\n"
                bool lf_follows = i + 1 < data.size() && data[i + 1] == '\n';
                if (t->newline == Newline::crlf) {
                    if (lf_follows) {
                        end = i + 2;
                        return Status::ok;
                    }
                } else {
                    end = i + (lf_follows && t->newline != Newline::cr ? 2 : 1);
                    return Status::ok;
                }
            }
            size_t length = char_length(t->codec, std::string_view(data).substr(i));
            if (length == 0) {
                if (!eof)
                    break;
                length = data.size() - i;
            }
            i += length;
            ++chars;
        }
        if (eof) {
            end = t->rbytes->size();
            return Status::ok;
        }
        size_t offset = i - t->rpos;
        size_t got = 0;
        if (!is_ok(text_fill(vm, t, got)))
            return Status::error;
        i = t->rpos + offset;
        eof = got == 0;
    }
}

// Reads `size` characters (all when negative).
Ref<Object> text_read_chars(VM& vm, TextFile* t, int64_t size) {
    if (size < 0) {
        if (t->native) {
            // The rest of the file in one go (raw reads of 64 KiB, not 8 KiB chunks).
            std::string rest;
            if (!is_ok(buffered_read(vm, as_buffered(t->buffer), -1, rest)))
                return nullptr;
            t->rbytes->append(rest);
        }
        while (true) {
            size_t got = 0;
            if (!is_ok(text_fill(vm, t, got)))
                return nullptr;
            if (got == 0)
                break;
        }
        return text_take(vm, t, t->rbytes->size());
    }
    size_t i = t->rpos;
    int64_t chars = 0;
    bool eof = false;
    while (chars < size) {
        const std::string& data = *t->rbytes;
        if (i >= data.size() || (data[i] == '\r' && i + 1 >= data.size() && !eof) ||
            (char_length(t->codec, std::string_view(data).substr(i)) == 0 && !eof)) {
            if (eof)
                break;
            size_t offset = i - t->rpos;
            size_t got = 0;
            if (!is_ok(text_fill(vm, t, got)))
                return nullptr;
            i = t->rpos + offset;
            eof = got == 0;
            continue;
        }
        size_t length = char_length(t->codec, std::string_view(data).substr(i));
        if (length == 0)
            length = data.size() - i;
        if (data[i] == '\r' && t->newline == Newline::universal && i + 1 < data.size() &&
            data[i + 1] == '\n')
            length = 2;
        i += length;
        ++chars;
    }
    return text_take(vm, t, i);
}

Ref<Object> text_readline_impl(VM& vm, TextFile* t, int64_t limit) {
    size_t end = 0;
    if (!is_ok(text_line_end(vm, t, limit, end)))
        return nullptr;
    return text_take(vm, t, end);
}

// ====== TextIOWrapper methods

Ref<Object> text_read(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t size = -1;
    TextFile* t = as_text(self);
    if (!optional_size(vm, args, nargs, size, "read") || !is_ok(text_ready(vm, t, true)))
        return nullptr;
    if (t->native && !as_buffered(t->buffer)->wbuf->empty() &&
        !is_ok(buffered_flush(vm, as_buffered(t->buffer))))
        return nullptr;
    return text_read_chars(vm, t, size);
}

Ref<Object> text_readline(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t limit = -1;
    TextFile* t = as_text(self);
    if (!optional_size(vm, args, nargs, limit, "readline") || !is_ok(text_ready(vm, t, true)))
        return nullptr;
    return text_readline_impl(vm, t, limit);
}

Ref<Object> text_next(VM& vm, Object* self) {
    TextFile* t = as_text(self);
    if (!is_ok(text_ready(vm, t, true)))
        return nullptr;
    Ref<Object> line = text_readline_impl(vm, t, -1);
    if (!line || str_length(line.get()) == 0)
        return nullptr;
    return line;
}

Ref<Object> text_write(VM& vm, Object* self, Args args, size_t, Object*) {
    TextFile* t = as_text(self);
    if (!is_str(args[0]))
        return raise_type_error(vm, "write() argument must be str, not ", args[0]->type->name);
    if (!is_ok(text_ready(vm, t, false)))
        return nullptr;
    std::string data;
    if (!is_ok(encode_str(vm, t->codec, t->error_mode, args[0], data)))
        return nullptr;
    bool newline = data.find('\n') != std::string::npos || data.find('\r') != std::string::npos;
    if (!is_ok(text_write_bytes(vm, t, data, newline)))
        return nullptr;
    return int_from_i64(vm, str_length(args[0]));
}

Ref<Object> text_flush(VM& vm, Object* self, Args, size_t, Object*) {
    TextFile* t = as_text(self);
    if (!is_ok(text_check(vm, t)) || !is_ok(text_flush_buffer(vm, t)))
        return nullptr;
    return vm.new_none();
}

Ref<Object> text_close(VM& vm, Object* self, Args, size_t, Object*) {
    TextFile* t = as_text(self);
    if (!t->buffer)
        return raise_value_error(vm, "underlying buffer has been detached");
    if (t->native) {
        BufferedFile* b = as_buffered(t->buffer);
        if (!b->raw || as_raw(b->raw)->fd < 0)
            return vm.new_none();
        if (!is_ok(buffered_close(vm, b)))
            return nullptr;
        return vm.new_none();
    }
    Ref<Object> closed = get_attr(vm, t->buffer, intern(vm, "closed").get());
    if (!closed)
        return nullptr;
    int truth = object_is_true(vm, closed.get());
    if (truth < 0)
        return nullptr;
    if (truth)
        return vm.new_none();
    Ref<Object> flushed = call_named(vm, t->buffer, "flush");
    Ref<Object> error = flushed ? nullptr : vm.thread_state().fetch_exception();
    Ref<Object> result = call_named(vm, t->buffer, "close");
    if (error) {
        vm.thread_state().set_exception(std::move(error));
        return nullptr;
    }
    return result ? vm.new_none() : nullptr;
}

Status text_tell_value(VM& vm, TextFile* t, int64_t& out) {
    if (!is_ok(text_check(vm, t)))
        return Status::error;
    int seekable = text_buffer_can(vm, t, "seekable");
    if (seekable <= 0)
        return seekable < 0 ? Status::error
                            : Status(raise_unsupported(vm, "underlying stream is not seekable"));
    if (t->native) {
        if (!is_ok(buffered_tell(vm, as_buffered(t->buffer), out)))
            return Status::error;
    } else {
        if (!is_ok(text_flush_buffer(vm, t)))
            return Status::error;
        Ref<Object> position = call_named(vm, t->buffer, "tell");
        if (!position)
            return Status::error;
        if (!is_int(position.get()) || !int_to_i64(position.get(), out))
            return raise_type_error(vm, "tell() should return an int");
    }
    out -= static_cast<int64_t>(text_unread(t));
    return Status::ok;
}

Ref<Object> text_tell(VM& vm, Object* self, Args, size_t, Object*) {
    int64_t position = 0;
    if (!is_ok(text_tell_value(vm, as_text(self), position)))
        return nullptr;
    return int_from_i64(vm, position);
}

Ref<Object> text_seek(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    TextFile* t = as_text(self);
    int64_t offset = 0;
    int whence = 0;
    if (!is_ok(whence_argument(vm, args, nargs, offset, whence)) || !is_ok(text_check(vm, t)))
        return nullptr;
    int seekable = text_buffer_can(vm, t, "seekable");
    if (seekable <= 0)
        return seekable < 0 ? nullptr
                            : Ref<Object>(raise_unsupported(vm, "underlying stream is not "
                                                                "seekable"));
    if (whence == SEEK_CUR) {
        if (offset != 0)
            return raise_unsupported(vm, "can't do nonzero cur-relative seeks");
        if (!is_ok(text_tell_value(vm, t, offset)))
            return nullptr;
        whence = SEEK_SET;
    }
    if (whence == SEEK_END && offset != 0)
        return raise_unsupported(vm, "can't do nonzero end-relative seeks");
    if (whence == SEEK_SET && offset < 0)
        return raise_value_error(vm, "negative seek position ", offset);
    if (!is_ok(text_flush_buffer(vm, t)))
        return nullptr;
    t->rbytes->clear();
    t->rpos = 0;
    int64_t position = 0;
    if (t->native) {
        if (!is_ok(buffered_seek(vm, as_buffered(t->buffer), offset, whence, position)))
            return nullptr;
        return int_from_i64(vm, position);
    }
    Ref<Object> a = int_from_i64(vm, offset);
    Ref<Object> b = int_from_i64(vm, whence);
    if (!a || !b)
        return nullptr;
    Object* call_args[2] = {a.get(), b.get()};
    return call_named(vm, t->buffer, "seek", call_args, 2);
}

Ref<Object> text_truncate(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    TextFile* t = as_text(self);
    if (nargs > 1)
        return raise_type_error(vm, "truncate expected at most 1 argument, got ", nargs);
    if (!is_ok(text_check(vm, t)) || !is_ok(text_flush_buffer(vm, t)))
        return nullptr;
    Ref<Object> position;
    if (nargs == 1 && args[0] != vm.none()) {
        position = Ref<Object>::borrow(args[0]);
    } else {
        int64_t value = 0;
        if (!is_ok(text_tell_value(vm, t, value)))
            return nullptr;
        position = int_from_i64(vm, value);
        if (!position)
            return nullptr;
    }
    Object* arg = position.get();
    return call_named(vm, t->buffer, "truncate", &arg, 1);
}

Ref<Object> text_forward(VM& vm, Object* self, const char* name) {
    TextFile* t = as_text(self);
    if (!t->buffer)
        return raise_value_error(vm, "underlying buffer has been detached");
    return call_named(vm, t->buffer, name);
}
Ref<Object> text_fileno(VM& vm, Object* self, Args, size_t, Object*) {
    return text_forward(vm, self, "fileno");
}
Ref<Object> text_isatty(VM& vm, Object* self, Args, size_t, Object*) {
    return text_forward(vm, self, "isatty");
}
Ref<Object> text_readable(VM& vm, Object* self, Args, size_t, Object*) {
    return text_forward(vm, self, "readable");
}
Ref<Object> text_writable(VM& vm, Object* self, Args, size_t, Object*) {
    return text_forward(vm, self, "writable");
}
Ref<Object> text_seekable(VM& vm, Object* self, Args, size_t, Object*) {
    return text_forward(vm, self, "seekable");
}

Ref<Object> text_detach(VM& vm, Object* self, Args, size_t, Object*) {
    TextFile* t = as_text(self);
    if (!t->buffer)
        return raise_value_error(vm, "underlying buffer has been detached");
    if (!is_ok(text_flush_buffer(vm, t)))
        return nullptr;
    Ref<Object> buffer = Ref<Object>::steal(t->buffer);
    t->buffer = nullptr;
    return buffer;
}

Status apply_text_options(VM& vm, TextFile* t, Object* encoding, Object* errors, Object* newline,
                          bool reconfigure);

// reconfigure(*, encoding=None, errors=None, newline=None, line_buffering=None,
// write_through=None).
Ref<Object> text_reconfigure(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    if (nargs > 0)
        return raise_type_error(vm, "reconfigure() takes no positional arguments");
    if (!is_ok(
            check_keywords(vm, "reconfigure", kwnames,
                           {"encoding", "errors", "newline", "line_buffering", "write_through"})))
        return nullptr;
    TextFile* t = as_text(self);
    Object* encoding = keyword_argument(args, 0, kwnames, "encoding");
    Object* errors = keyword_argument(args, 0, kwnames, "errors");
    Object* newline = keyword_argument(args, 0, kwnames, "newline");
    if (!is_ok(text_flush_buffer(vm, t)) ||
        !is_ok(apply_text_options(vm, t, encoding, errors, newline, true)))
        return nullptr;
    for (const char* name : {"line_buffering", "write_through"}) {
        Object* value = keyword_argument(args, 0, kwnames, name);
        if (!value || value == vm.none())
            continue;
        int truth = object_is_true(vm, value);
        if (truth < 0)
            return nullptr;
        (name[0] == 'l' ? t->line_buffering : t->write_through) = truth != 0;
    }
    return vm.new_none();
}

Ref<Object> text_repr(VM& vm, Object* self) {
    TextFile* t = as_text(self);
    std::string text = std::string("<") + self->type->name;
    if (t->buffer) {
        Ref<Object> name = get_attr_optional(vm, t->buffer, intern(vm, "name").get());
        if (!name && vm.thread_state().has_exception()) {
            if (!exception_matches(vm.thread_state().exception(), vm.exceptions().ValueError))
                return nullptr;
            vm.thread_state().clear_exception();
        }
        if (name) {
            Ref<Object> part = repr_part(vm, "name", name.get());
            if (!part)
                return nullptr;
            text += str_to_utf8(part.get());
        }
    }
    if (t->mode) {
        Ref<Object> part = repr_part(vm, "mode", t->mode);
        if (!part)
            return nullptr;
        text += str_to_utf8(part.get());
    }
    Ref<Object> part = repr_part(vm, "encoding", t->encoding);
    if (!part)
        return nullptr;
    return str_from_utf8(vm, text + str_to_utf8(part.get()) + ">");
}

Ref<Object> text_closed(VM& vm, Object* self, Args, size_t, Object*) {
    TextFile* t = as_text(self);
    if (!t->buffer)
        return raise_value_error(vm, "underlying buffer has been detached");
    if (t->native) {
        BufferedFile* b = as_buffered(t->buffer);
        return vm.new_bool(!b->raw || as_raw(b->raw)->fd < 0);
    }
    return get_attr(vm, t->buffer, intern(vm, "closed").get());
}
Ref<Object> text_name(VM& vm, Object* self, Args, size_t, Object*) {
    TextFile* t = as_text(self);
    if (!t->buffer)
        return raise_value_error(vm, "underlying buffer has been detached");
    return get_attr(vm, t->buffer, intern(vm, "name").get());
}
Ref<Object> text_mode(VM& vm, Object* self, Args, size_t, Object*) {
    TextFile* t = as_text(self);
    if (!t->mode)
        return raise_attribute_error(vm, "'", self->type->name, "' object has no attribute 'mode'");
    return Ref<Object>::borrow(t->mode);
}
Ref<Object> text_set_mode(VM& vm, Object* self, Args args, size_t, Object*) {
    Object* value = args[0];
    set_ref(as_text(self)->mode,
            Ref<Object>::borrow(value == vm.none() ? nullptr : value).release());
    return vm.new_none();
}
Ref<Object> text_encoding(VM&, Object* self, Args, size_t, Object*) {
    return Ref<Object>::borrow(as_text(self)->encoding);
}
Ref<Object> text_errors(VM&, Object* self, Args, size_t, Object*) {
    return Ref<Object>::borrow(as_text(self)->errors);
}
Ref<Object> text_buffer(VM& vm, Object* self, Args, size_t, Object*) {
    TextFile* t = as_text(self);
    if (!t->buffer)
        return raise_value_error(vm, "underlying buffer has been detached");
    return Ref<Object>::borrow(t->buffer);
}
Ref<Object> text_line_buffering(VM& vm, Object* self, Args, size_t, Object*) {
    return vm.new_bool(as_text(self)->line_buffering);
}
Ref<Object> text_write_through(VM& vm, Object* self, Args, size_t, Object*) {
    return vm.new_bool(as_text(self)->write_through);
}
Ref<Object> text_newlines(VM& vm, Object*, Args, size_t, Object*) {
    return vm.new_none();
}

constexpr MethodDef text_methods[] = {
    {"read", text_read, MethodKind::fastcall, nullptr},
    {"readline", text_readline, MethodKind::fastcall, nullptr},
    {"readlines", file_readlines, MethodKind::fastcall, nullptr},
    {"write", text_write, MethodKind::o, nullptr},
    {"writelines", file_writelines, MethodKind::o, nullptr},
    {"flush", text_flush, MethodKind::noargs, nullptr},
    {"close", text_close, MethodKind::noargs, nullptr},
    {"seek", text_seek, MethodKind::fastcall, nullptr},
    {"tell", text_tell, MethodKind::noargs, nullptr},
    {"truncate", text_truncate, MethodKind::fastcall, nullptr},
    {"detach", text_detach, MethodKind::noargs, nullptr},
    {"reconfigure", text_reconfigure, MethodKind::fastcall_keywords, nullptr},
    {"fileno", text_fileno, MethodKind::noargs, nullptr},
    {"isatty", text_isatty, MethodKind::noargs, nullptr},
    {"readable", text_readable, MethodKind::noargs, nullptr},
    {"writable", text_writable, MethodKind::noargs, nullptr},
    {"seekable", text_seekable, MethodKind::noargs, nullptr},
    {"__enter__", file_enter, MethodKind::noargs, nullptr},
    {"__exit__", file_exit, MethodKind::fastcall, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};
constexpr MethodDef text_closed_def = {"closed", text_closed, MethodKind::noargs, nullptr};
constexpr MethodDef text_name_def = {"name", text_name, MethodKind::noargs, nullptr};
constexpr MethodDef text_mode_def = {"mode", text_mode, MethodKind::noargs, nullptr};
constexpr MethodDef text_set_mode_def = {"mode", text_set_mode, MethodKind::o, nullptr};
constexpr MethodDef text_encoding_def = {"encoding", text_encoding, MethodKind::noargs, nullptr};
constexpr MethodDef text_errors_def = {"errors", text_errors, MethodKind::noargs, nullptr};
constexpr MethodDef text_buffer_def = {"buffer", text_buffer, MethodKind::noargs, nullptr};
constexpr MethodDef text_line_buffering_def = {"line_buffering", text_line_buffering,
                                               MethodKind::noargs, nullptr};
constexpr MethodDef text_write_through_def = {"write_through", text_write_through,
                                              MethodKind::noargs, nullptr};
constexpr MethodDef text_newlines_def = {"newlines", text_newlines, MethodKind::noargs, nullptr};

Status apply_text_options(VM& vm, TextFile* t, Object* encoding, Object* errors, Object* newline,
                          bool reconfigure) {
    if (encoding && encoding != vm.none()) {
        if (!is_str(encoding))
            return raise_type_error(vm,
                                    "TextIOWrapper() argument 'encoding' must be str or "
                                    "None, not ",
                                    encoding->type->name);
        if (!is_ok(lookup_encoding(vm, str_to_utf8(encoding), t->codec)))
            return Status::error;
        set_ref(t->encoding, Ref<Object>::borrow(encoding).release());
        if (!errors || errors == vm.none()) {
            Ref<Object> strict = str_from_utf8(vm, "strict");
            if (!strict)
                return Status::error;
            set_ref(t->errors, strict.release());
            t->error_mode = ErrorMode::strict;
        }
    } else if (!reconfigure) {
        Ref<Object> text = str_from_utf8(vm, "UTF-8");
        if (!text)
            return Status::error;
        set_ref(t->encoding, text.release());
        t->codec = Encoding::utf8;
    }
    if (errors && errors != vm.none()) {
        if (!is_str(errors))
            return raise_type_error(vm,
                                    "TextIOWrapper() argument 'errors' must be str or None, "
                                    "not ",
                                    errors->type->name);
        if (!is_ok(lookup_errors(vm, str_to_utf8(errors), t->error_mode)))
            return Status::error;
        set_ref(t->errors, Ref<Object>::borrow(errors).release());
    } else if (!t->errors) {
        Ref<Object> strict = str_from_utf8(vm, "strict");
        if (!strict)
            return Status::error;
        set_ref(t->errors, strict.release());
    }
    if (newline || !reconfigure) {
        if (!newline || newline == vm.none()) {
            t->newline = Newline::universal;
        } else if (!is_str(newline)) {
            return raise_type_error(vm,
                                    "TextIOWrapper() argument 'newline' must be str or None, "
                                    "not ",
                                    newline->type->name);
        } else {
            std::string text = str_to_utf8(newline);
            if (text.empty())
                t->newline = Newline::untranslated;
            else if (text == "\n")
                t->newline = Newline::lf;
            else if (text == "\r")
                t->newline = Newline::cr;
            else if (text == "\r\n")
                t->newline = Newline::crlf;
            else // TextIOWrapper shows the value itself, StringIO its repr (CPython 3.11).
                return raise_value_error(vm, "illegal newline value: ", text);
        }
    }
    return Status::ok;
}

Ref<Object> text_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    // Constructors receive the keyword values after the positional arguments, all counted.
    nargs -= kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    if (!is_ok(check_keywords(
            vm, "TextIOWrapper", kwnames,
            {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"})))
        return nullptr;
    static const char* const names[] = {"buffer",  "encoding",       "errors",
                                        "newline", "line_buffering", "write_through"};
    Object* values[6] = {};
    if (nargs > 6)
        return raise_type_error(vm, "TextIOWrapper() takes at most 6 arguments (", nargs,
                                " given)");
    for (size_t i = 0; i < 6; ++i)
        values[i] = i < nargs ? args[i] : keyword_argument(args, nargs, kwnames, names[i]);
    if (!values[0])
        return raise_type_error(vm, "TextIOWrapper() missing required argument 'buffer' (pos 1)");
    int flags[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        if (values[4 + i] && (flags[i] = object_is_true(vm, values[4 + i])) < 0)
            return nullptr;
    }
    IoTypes types{};
    if (!is_ok(io_types(runtime_of(vm), types)))
        return nullptr;
    if (is_subtype(cls, types.text_wrapper))
        types.text_wrapper = cls; // a Python subclass: its instance layout and type
    return text_wrapper_new(runtime_of(vm), types, values[0], values[1], values[2], values[3],
                            flags[0] != 0, flags[1] != 0);
}

} // namespace

namespace io_detail {

bool is_text_type(const Type* type) {
    return type->slots.dealloc == text_dealloc;
}

bool make_text_type(Runtime& rt, IoTypes& types) {
    Ref<Type> text = make_file_type(rt, "_io.TextIOWrapper", types.text_iobase, sizeof(TextFile),
                                    text_dealloc, text_traverse, text_clear, text_methods);
    if (!text)
        return false;
    text->slots.next = text_next;
    text->slots.repr = text_repr;
    if (!add_io_properties(rt, text.get(),
                           {{"closed", &text_closed_def, nullptr},
                            {"name", &text_name_def, nullptr},
                            {"mode", &text_mode_def, &text_set_mode_def},
                            {"encoding", &text_encoding_def, nullptr},
                            {"errors", &text_errors_def, nullptr},
                            {"buffer", &text_buffer_def, nullptr},
                            {"line_buffering", &text_line_buffering_def, nullptr},
                            {"write_through", &text_write_through_def, nullptr},
                            {"newlines", &text_newlines_def, nullptr}}))
        return false;
    rt.set_constructor(text.get(), text_construct);
    types.text_wrapper = text.release();
    return true;
}

} // namespace io_detail

Ref<Object> text_wrapper_new(Runtime& rt, const IoTypes& types, Object* buffer, Object* encoding,
                             Object* errors, Object* newline, bool line_buffering,
                             bool write_through) {
    VM& vm = rt.vm();
    Ref<TextFile> t = allocate_object<TextFile>(vm, types.text_wrapper);
    if (!t)
        return nullptr;
    t->rbytes = new (std::nothrow) std::string();
    if (!t->rbytes)
        return raise_memory_error(vm);
    t->buffer = Ref<Object>::borrow(buffer).release();
    t->native = is_file_type(buffer->type, 1) && as_buffered(buffer)->raw &&
                is_file_type(as_buffered(buffer)->raw->type, 0);
    t->line_buffering = line_buffering;
    t->write_through = write_through;
    if (!is_ok(apply_text_options(vm, t.get(), encoding, errors, newline, false)))
        return nullptr;
    return Ref<Object>(std::move(t).cast<Object>());
}

void text_wrapper_set_mode(Object* text, Object* mode) {
    set_ref(as_text(text)->mode, Ref<Object>::borrow(mode).release());
}

Status text_wrapper_write_utf8(VM& vm, Object* text, std::string_view utf8) {
    TextFile* t = as_text(text);
    if (!is_ok(text_ready(vm, t, false)))
        return Status::error;
    std::string data;
    if (t->codec == Encoding::utf8 && !utf8_has_surrogate(utf8)) {
        data.assign(utf8);
    } else {
        Ref<Object> str = str_from_utf8(vm, utf8);
        if (!str || !is_ok(encode_str(vm, t->codec, t->error_mode, str.get(), data)))
            return Status::error;
    }
    bool newline = data.find('\n') != std::string::npos;
    return text_write_bytes(vm, t, data, newline);
}

Ref<Object> text_wrapper_readline(VM& vm, Object* text) {
    TextFile* t = as_text(text);
    if (!is_ok(text_ready(vm, t, true)))
        return nullptr;
    return text_readline_impl(vm, t, -1);
}

} // namespace minipy::stdlib
