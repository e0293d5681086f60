// In-memory streams: io.StringIO (text as code points) and io.BytesIO (a byte string), with
// CPython 3.11's methods, messages and newline handling.
//
// Invariants:
//  - `text`/`data` is owned (new/delete) and never null while the object lives; `pos` may lie
//    past the end (a later write pads with NULs / zero bytes, as CPython);
//  - after close() every operation but close() raises ValueError "I/O operation on closed file.".
#include <algorithm>
#include <string>

#include "stdlib/builtins_support.h"
#include "stdlib/io_codec.h"
#include "stdlib/io_internal.h"
#include "vm/eval_helpers.h"
#include "vm/types/bytes.h"
#include "vm/types/class.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"
#include "vm/weakref.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

using Args = Object* const*;

// Newline modes of StringIO (CPython's newline argument).
enum class Newline : uint8_t { lf, universal, untranslated, cr, crlf };

struct StringIOObject : Object {
    std::u32string* text;
    size_t pos;
    bool closed;
    Newline newline;
};

struct BytesIOObject : Object {
    std::string* data;
    size_t pos;
    bool closed;
};

StringIOObject* as_sio(Object* o) {
    return static_cast<StringIOObject*>(o);
}
BytesIOObject* as_bio(Object* o) {
    return static_cast<BytesIOObject*>(o);
}

// ====== StringIO

void sio_dealloc(Object* self) {
    delete as_sio(self)->text;
    as_sio(self)->text = nullptr;
    vm_of(self).heap().release(self);
}

// StringIO's message has no final period, BytesIO's has one (CPython 3.11).
Status sio_check(VM& vm, Object* self) {
    return as_sio(self)->closed ? Status(raise_value_error(vm, "I/O operation on closed file"))
                                : Status::ok;
}

Ref<Object> sio_substr(VM& vm, StringIOObject* s, size_t begin, size_t end) {
    return str_from_code_points(vm, reinterpret_cast<const uint32_t*>(s->text->data()) + begin,
                                end - begin);
}

// Where the line starting at `begin` ends (just past its terminator), at most `limit` characters.
size_t sio_line_end(StringIOObject* s, size_t begin, int64_t limit) {
    const std::u32string& text = *s->text;
    size_t end = text.size();
    if (limit >= 0 && begin + static_cast<size_t>(limit) < end)
        end = begin + static_cast<size_t>(limit);
    for (size_t i = begin; i < end; ++i) {
        char32_t c = text[i];
        switch (s->newline) {
        case Newline::untranslated:
            if (c == '\n')
                return i + 1;
            if (c == '\r')
                return i + 1 < end && text[i + 1] == '\n' ? i + 2 : i + 1;
            break;
        case Newline::cr:
            if (c == '\r')
                return i + 1;
            break;
        case Newline::crlf:
            if (c == '\r' && i + 1 < end && text[i + 1] == '\n')
                return i + 2;
            break;
        default:
            if (c == '\n')
                return i + 1;
            break;
        }
    }
    return end;
}

// Appends the code points of a str (any kind) to `out`.
void append_code_points(const Str* object, std::u32string& out) {
    intptr_t length = object->size;
    const void* data = str_data(object);
    size_t at = out.size();
    out.resize(at + static_cast<size_t>(length));
    for (intptr_t i = 0; i < length; ++i) {
        uint32_t cp = object->kind == 1   ? static_cast<const uint8_t*>(data)[i]
                      : object->kind == 2 ? static_cast<const uint16_t*>(data)[i]
                                          : static_cast<const uint32_t*>(data)[i];
        out[at + static_cast<size_t>(i)] = static_cast<char32_t>(cp);
    }
}

Status sio_write_text(VM& vm, StringIOObject* s, Object* str, size_t& written) {
    const auto* source = static_cast<const Str*>(str);
    if ((s->newline == Newline::lf || s->newline == Newline::untranslated) &&
        s->pos == s->text->size()) {
        // The common case: appending at the end, nothing to translate.
        append_code_points(source, *s->text);
        written = static_cast<size_t>(source->size);
        s->pos = s->text->size();
        return Status::ok;
    }
    std::u32string piece;
    intptr_t length = str_length(str);
    piece.reserve(static_cast<size_t>(length));
    const auto* object = static_cast<const Str*>(str);
    for (intptr_t i = 0; i < length; ++i)
        piece.push_back(str_char_at(object, i));
    written = piece.size();
    if (s->newline == Newline::universal) {
        std::u32string translated;
        for (size_t i = 0; i < piece.size(); ++i) {
            if (piece[i] == '\r') {
                translated.push_back('\n');
                if (i + 1 < piece.size() && piece[i + 1] == '\n')
                    ++i;
            } else {
                translated.push_back(piece[i]);
            }
        }
        piece.swap(translated);
    } else if (s->newline == Newline::cr || s->newline == Newline::crlf) {
        std::u32string translated;
        for (char32_t c : piece) {
            if (c == '\n') {
                if (s->newline == Newline::crlf)
                    translated.push_back('\r');
                translated.push_back(s->newline == Newline::cr ? '\r' : '\n');
            } else {
                translated.push_back(c);
            }
        }
        piece.swap(translated);
    }
    std::u32string& text = *s->text;
    if (s->pos > text.size())
        text.resize(s->pos, U'\0');
    size_t overlap = std::min(piece.size(), text.size() - s->pos);
    text.replace(s->pos, overlap, piece);
    s->pos += piece.size();
    (void)vm;
    return Status::ok;
}

Status parse_newline(VM& vm, Object* value, Newline& out, bool string_io) {
    if (!value || value == vm.none()) {
        out = Newline::universal;
        return Status::ok;
    }
    if (!is_str(value))
        return raise_type_error(vm, "newline must be str or None, not ", value->type->name);
    std::string text = str_to_utf8(value);
    if (text.empty())
        out = Newline::untranslated;
    else if (text == "\n")
        out = Newline::lf;
    else if (text == "\r")
        out = Newline::cr;
    else if (text == "\r\n")
        out = Newline::crlf;
    else {
        Ref<Object> shown = object_repr(vm, value);
        return raise_value_error(
            vm, "illegal newline value: ", shown ? str_to_utf8(shown.get()) : std::string());
    }
    (void)string_io;
    return Status::ok;
}

Ref<Object> sio_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    // Constructors receive the keyword values after the positional arguments, all counted.
    nargs -= kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    if (!is_ok(check_keywords(vm, "StringIO", kwnames, {"initial_value", "newline"})))
        return nullptr;
    if (nargs > 2)
        return raise_type_error(vm, "StringIO() takes at most 2 arguments (", nargs, " given)");
    Object* initial = nargs > 0 ? args[0] : keyword_argument(args, nargs, kwnames, "initial_value");
    Object* newline = nargs > 1 ? args[1] : keyword_argument(args, nargs, kwnames, "newline");
    Newline mode = Newline::lf;
    if (newline && !is_ok(parse_newline(vm, newline, mode, true)))
        return nullptr;
    if (initial && initial != vm.none() && !is_str(initial))
        return raise_type_error(vm, "initial_value must be str or None, not ", initial->type->name);
    Ref<StringIOObject> s = allocate_object<StringIOObject>(vm, cls);
    if (!s)
        return nullptr;
    s->text = new (std::nothrow) std::u32string();
    if (!s->text)
        return raise_memory_error(vm);
    s->newline = mode;
    if (initial && initial != vm.none()) {
        size_t written = 0;
        if (!is_ok(sio_write_text(vm, s.get(), initial, written)))
            return nullptr;
        s->pos = 0;
    }
    return Ref<Object>(std::move(s).cast<Object>());
}

Ref<Object> sio_getvalue(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(sio_check(vm, self)))
        return nullptr;
    return sio_substr(vm, as_sio(self), 0, as_sio(self)->text->size());
}

Ref<Object> sio_read(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "read expected at most 1 argument, got ", nargs);
    int64_t size = -1;
    if ((nargs == 1 && !is_ok(size_argument(vm, args[0], size))) || !is_ok(sio_check(vm, self)))
        return nullptr;
    StringIOObject* s = as_sio(self);
    size_t length = s->text->size();
    size_t begin = std::min(s->pos, length);
    size_t end = size < 0 ? length : std::min(length, begin + static_cast<size_t>(size));
    s->pos = std::max(s->pos, end);
    if (begin < end)
        s->pos = end;
    return sio_substr(vm, s, begin, end);
}

Ref<Object> sio_readline(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "readline expected at most 1 argument, got ", nargs);
    int64_t size = -1;
    if ((nargs == 1 && !is_ok(size_argument(vm, args[0], size))) || !is_ok(sio_check(vm, self)))
        return nullptr;
    StringIOObject* s = as_sio(self);
    if (s->pos >= s->text->size())
        return str_from_utf8(vm, "");
    size_t begin = s->pos;
    size_t end = sio_line_end(s, begin, size);
    s->pos = end;
    return sio_substr(vm, s, begin, end);
}

Ref<Object> sio_next(VM& vm, Object* self) {
    if (!is_ok(sio_check(vm, self)))
        return nullptr;
    StringIOObject* s = as_sio(self);
    if (s->pos >= s->text->size())
        return nullptr;
    size_t begin = s->pos;
    s->pos = sio_line_end(s, begin, -1);
    return sio_substr(vm, s, begin, s->pos);
}

Ref<Object> sio_write(VM& vm, Object* self, Args args, size_t, Object*) {
    if (!is_str(args[0]))
        return raise_type_error(vm, "string argument expected, got '", args[0]->type->name, "'");
    if (!is_ok(sio_check(vm, self)))
        return nullptr;
    size_t written = 0;
    if (!is_ok(sio_write_text(vm, as_sio(self), args[0], written)))
        return nullptr;
    return int_from_i64(vm, static_cast<int64_t>(written));
}

Ref<Object> sio_tell(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(sio_check(vm, self)))
        return nullptr;
    return int_from_i64(vm, static_cast<int64_t>(as_sio(self)->pos));
}

Status seek_arguments(VM& vm, Args args, size_t nargs, int64_t& offset, int64_t& whence) {
    if (nargs < 1 || nargs > 2)
        return raise_type_error(vm, "seek expected at least 1 argument, got ", nargs);
    whence = 0;
    for (size_t i = 0; i < nargs; ++i) {
        if (!is_int(args[i]))
            return raise_type_error(vm, "'", args[i]->type->name,
                                    "' object cannot be interpreted as an integer");
        int64_t& target = i == 0 ? offset : whence;
        if (!int_to_i64(args[i], target))
            return raise_overflow_error(vm, "Python int too large to convert to C ssize_t");
    }
    return Status::ok;
}

Ref<Object> sio_seek(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t offset = 0, whence = 0;
    if (!is_ok(seek_arguments(vm, args, nargs, offset, whence)) || !is_ok(sio_check(vm, self)))
        return nullptr;
    StringIOObject* s = as_sio(self);
    if (whence < 0 || whence > 2)
        return raise_value_error(vm, "Invalid whence (", whence, ", should be 0, 1 or 2)");
    if (whence == 0 && offset < 0)
        return raise_value_error(vm, "Negative seek position ", offset);
    if (whence != 0 && offset != 0)
        return raise_message(vm, vm.exceptions().OSError,
                             whence == 1 ? "Can't do nonzero cur-relative seeks"
                                         : "Can't do nonzero end-relative seeks");
    if (whence == 2)
        s->pos = s->text->size();
    else if (whence == 0)
        s->pos = static_cast<size_t>(offset);
    return int_from_i64(vm, static_cast<int64_t>(s->pos));
}

Ref<Object> sio_truncate(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "truncate expected at most 1 argument, got ", nargs);
    if (!is_ok(sio_check(vm, self)))
        return nullptr;
    StringIOObject* s = as_sio(self);
    int64_t size = static_cast<int64_t>(s->pos);
    if (nargs == 1 && args[0] != vm.none()) {
        if (!is_ok(size_argument(vm, args[0], size)))
            return nullptr;
        if (size < 0)
            return raise_value_error(vm, "Negative size value ", size);
    }
    if (static_cast<size_t>(size) < s->text->size())
        s->text->resize(static_cast<size_t>(size));
    return int_from_i64(vm, size);
}

Ref<Object> sio_close(VM& vm, Object* self, Args, size_t, Object*) {
    as_sio(self)->closed = true;
    as_sio(self)->text->clear();
    as_sio(self)->text->shrink_to_fit();
    return vm.new_none();
}

Status bio_check(VM& vm, Object* self);

// ====== Methods both memory streams share

// Whether a StringIO or BytesIO (or an instance of a subclass) is closed.
bool is_string_io(Object* self) {
    return solid_base(self->type)->slots.dealloc == sio_dealloc;
}

Ref<Object> mem_true_if_open(VM& vm, Object* self, Args, size_t, Object*) {
    Status open = is_string_io(self) ? sio_check(vm, self) : bio_check(vm, self);
    return is_ok(open) ? vm.new_bool(true) : nullptr;
}

Ref<Object> mem_false_if_open(VM& vm, Object* self, Args args, size_t nargs, Object* kw) {
    Ref<Object> open = mem_true_if_open(vm, self, args, nargs, kw);
    return open ? vm.new_bool(false) : nullptr;
}

Ref<Object> mem_flush(VM& vm, Object* self, Args args, size_t nargs, Object* kw) {
    Ref<Object> open = mem_true_if_open(vm, self, args, nargs, kw);
    return open ? vm.new_none() : nullptr;
}

Ref<Object> mem_fileno(VM& vm, Object*, Args, size_t, Object*) {
    return raise_unsupported(vm, "fileno");
}

Ref<Object> mem_enter(VM& vm, Object* self, Args args, size_t nargs, Object* kw) {
    Ref<Object> open = mem_true_if_open(vm, self, args, nargs, kw);
    return open ? Ref<Object>::borrow(self) : nullptr;
}

Ref<Object> mem_exit(VM& vm, Object* self, Args, size_t, Object*) {
    Ref<Object> name = intern(vm, "close");
    if (!name)
        return nullptr;
    Ref<Object> result = call_method_name(vm, self, name.get(), nullptr, 0);
    return result ? vm.new_none() : nullptr;
}

Ref<Object> mem_iter(VM& vm, Object* self) {
    Ref<Object> open = mem_true_if_open(vm, self, nullptr, 0, nullptr);
    return open ? Ref<Object>::borrow(self) : nullptr;
}

// readlines(hint=-1): lines until the total size reaches hint.
Ref<Object> mem_readlines(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "readlines expected at most 1 argument, got ", nargs);
    int64_t hint = -1;
    if (nargs == 1 && !is_ok(size_argument(vm, args[0], hint)))
        return nullptr;
    Ref<Object> lines = list_new(vm);
    if (!lines)
        return nullptr;
    int64_t total = 0;
    while (true) {
        Ref<Object> line = self->type->slots.next(vm, self);
        if (!line) {
            if (vm.thread_state().has_exception())
                return nullptr;
            break;
        }
        total +=
            is_str(line.get()) ? str_length(line.get()) : static_cast<VarObject*>(line.get())->size;
        if (!is_ok(list_append(vm, lines.get(), line.get())))
            return nullptr;
        if (hint > 0 && total >= hint)
            break;
    }
    return lines;
}

Ref<Object> mem_writelines(VM& vm, Object* self, Args args, size_t, Object*) {
    Ref<Object> iterator = object_iter(vm, args[0]);
    if (!iterator)
        return nullptr;
    Ref<Object> write = intern(vm, "write");
    if (!write)
        return nullptr;
    while (true) {
        Ref<Object> item = object_next(vm, iterator.get());
        if (!item) {
            if (vm.thread_state().has_exception())
                return nullptr;
            break;
        }
        Object* arg = item.get();
        if (!call_method_name(vm, self, write.get(), &arg, 1))
            return nullptr;
    }
    return vm.new_none();
}

Ref<Object> sio_closed(VM& vm, Object* self, Args, size_t, Object*) {
    return vm.new_bool(as_sio(self)->closed);
}
Ref<Object> sio_line_buffering(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(sio_check(vm, self)))
        return nullptr;
    return vm.new_bool(false);
}
Ref<Object> sio_newlines(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(sio_check(vm, self)))
        return nullptr;
    return vm.new_none();
}
Ref<Object> none_getter(VM& vm, Object*, Args, size_t, Object*) {
    return vm.new_none();
}

constexpr MethodDef sio_methods[] = {
    {"getvalue", sio_getvalue, MethodKind::noargs, nullptr},
    {"read", sio_read, MethodKind::fastcall, nullptr},
    {"readline", sio_readline, MethodKind::fastcall, nullptr},
    {"readlines", mem_readlines, MethodKind::fastcall, nullptr},
    {"write", sio_write, MethodKind::o, nullptr},
    {"writelines", mem_writelines, MethodKind::o, nullptr},
    {"seek", sio_seek, MethodKind::fastcall, nullptr},
    {"tell", sio_tell, MethodKind::noargs, nullptr},
    {"truncate", sio_truncate, MethodKind::fastcall, nullptr},
    {"close", sio_close, MethodKind::noargs, nullptr},
    {"flush", mem_flush, MethodKind::noargs, nullptr},
    {"readable", mem_true_if_open, MethodKind::noargs, nullptr},
    {"writable", mem_true_if_open, MethodKind::noargs, nullptr},
    {"seekable", mem_true_if_open, MethodKind::noargs, nullptr},
    {"isatty", mem_false_if_open, MethodKind::noargs, nullptr},
    {"fileno", mem_fileno, MethodKind::noargs, nullptr},
    {"__enter__", mem_enter, MethodKind::noargs, nullptr},
    {"__exit__", mem_exit, MethodKind::fastcall, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

constexpr MethodDef sio_closed_def = {"closed", sio_closed, MethodKind::noargs, nullptr};
constexpr MethodDef sio_line_buffering_def = {"line_buffering", sio_line_buffering,
                                              MethodKind::noargs, nullptr};
constexpr MethodDef sio_newlines_def = {"newlines", sio_newlines, MethodKind::noargs, nullptr};
constexpr MethodDef none_def = {"encoding", none_getter, MethodKind::noargs, nullptr};

// ====== BytesIO

void bio_dealloc(Object* self) {
    delete as_bio(self)->data;
    as_bio(self)->data = nullptr;
    vm_of(self).heap().release(self);
}

Status bio_check(VM& vm, Object* self) {
    return static_cast<BytesIOObject*>(self)->closed ? Status(raise_closed_file(vm)) : Status::ok;
}

Ref<Object> bio_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    // Constructors receive the keyword values after the positional arguments, all counted.
    nargs -= kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    if (!is_ok(check_keywords(vm, "BytesIO", kwnames, {"initial_bytes"})))
        return nullptr;
    if (nargs > 1)
        return raise_type_error(vm, "BytesIO() takes at most 1 argument (", nargs, " given)");
    Object* initial = nargs > 0 ? args[0] : keyword_argument(args, nargs, kwnames, "initial_bytes");
    std::string data;
    if (initial && initial != vm.none() && !is_ok(bytes_argument(vm, initial, data)))
        return nullptr;
    Ref<BytesIOObject> b = allocate_object<BytesIOObject>(vm, cls);
    if (!b)
        return nullptr;
    b->data = new (std::nothrow) std::string(std::move(data));
    if (!b->data)
        return raise_memory_error(vm);
    return Ref<Object>(std::move(b).cast<Object>());
}

Ref<Object> bio_getvalue(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(bio_check(vm, self)))
        return nullptr;
    return bytes_new(vm, *as_bio(self)->data);
}

Ref<Object> bio_read(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "read expected at most 1 argument, got ", nargs);
    int64_t size = -1;
    if ((nargs == 1 && !is_ok(size_argument(vm, args[0], size))) || !is_ok(bio_check(vm, self)))
        return nullptr;
    BytesIOObject* b = as_bio(self);
    size_t length = b->data->size();
    size_t begin = std::min(b->pos, length);
    size_t end = size < 0 ? length : std::min(length, begin + static_cast<size_t>(size));
    if (begin < end)
        b->pos = end;
    return bytes_new(vm, std::string_view(*b->data).substr(begin, end - begin));
}

size_t bio_line_end(BytesIOObject* b, int64_t limit) {
    size_t length = b->data->size();
    size_t end = limit >= 0 ? std::min(length, b->pos + static_cast<size_t>(limit)) : length;
    size_t newline = b->data->find('\n', b->pos);
    return newline != std::string::npos && newline < end ? newline + 1 : end;
}

Ref<Object> bio_readline(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "readline expected at most 1 argument, got ", nargs);
    int64_t size = -1;
    if ((nargs == 1 && !is_ok(size_argument(vm, args[0], size))) || !is_ok(bio_check(vm, self)))
        return nullptr;
    BytesIOObject* b = as_bio(self);
    if (b->pos >= b->data->size())
        return bytes_new(vm, "");
    size_t begin = b->pos;
    b->pos = bio_line_end(b, size);
    return bytes_new(vm, std::string_view(*b->data).substr(begin, b->pos - begin));
}

Ref<Object> bio_next(VM& vm, Object* self) {
    if (!is_ok(bio_check(vm, self)))
        return nullptr;
    BytesIOObject* b = as_bio(self);
    if (b->pos >= b->data->size())
        return nullptr;
    size_t begin = b->pos;
    b->pos = bio_line_end(b, -1);
    return bytes_new(vm, std::string_view(*b->data).substr(begin, b->pos - begin));
}

Ref<Object> bio_write(VM& vm, Object* self, Args args, size_t, Object*) {
    if (!is_ok(bio_check(vm, self)))
        return nullptr;
    std::string piece;
    if (!is_ok(bytes_argument(vm, args[0], piece)))
        return nullptr;
    BytesIOObject* b = as_bio(self);
    std::string& data = *b->data;
    if (b->pos > data.size())
        data.resize(b->pos, '\0');
    size_t overlap = std::min(piece.size(), data.size() - b->pos);
    data.replace(b->pos, overlap, piece);
    b->pos += piece.size();
    return int_from_i64(vm, static_cast<int64_t>(piece.size()));
}

Ref<Object> bio_tell(VM& vm, Object* self, Args, size_t, Object*) {
    if (!is_ok(bio_check(vm, self)))
        return nullptr;
    return int_from_i64(vm, static_cast<int64_t>(as_bio(self)->pos));
}

Ref<Object> bio_seek(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    int64_t offset = 0, whence = 0;
    if (!is_ok(seek_arguments(vm, args, nargs, offset, whence)) || !is_ok(bio_check(vm, self)))
        return nullptr;
    BytesIOObject* b = as_bio(self);
    if (whence < 0 || whence > 2)
        return raise_value_error(vm, "invalid whence (", whence, ", should be 0, 1 or 2)");
    if (whence == 0 && offset < 0)
        return raise_value_error(vm, "negative seek value ", offset);
    int64_t base = whence == 0   ? 0
                   : whence == 1 ? static_cast<int64_t>(b->pos)
                                 : static_cast<int64_t>(b->data->size());
    int64_t target = std::max<int64_t>(0, base + offset);
    b->pos = static_cast<size_t>(target);
    return int_from_i64(vm, target);
}

Ref<Object> bio_truncate(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "truncate expected at most 1 argument, got ", nargs);
    if (!is_ok(bio_check(vm, self)))
        return nullptr;
    BytesIOObject* b = as_bio(self);
    int64_t size = static_cast<int64_t>(b->pos);
    if (nargs == 1 && args[0] != vm.none()) {
        if (!is_ok(size_argument(vm, args[0], size)))
            return nullptr;
        if (size < 0)
            return raise_value_error(vm, "negative size value ", size);
    }
    if (static_cast<size_t>(size) < b->data->size())
        b->data->resize(static_cast<size_t>(size));
    return int_from_i64(vm, size);
}

Ref<Object> bio_close(VM& vm, Object* self, Args, size_t, Object*) {
    as_bio(self)->closed = true;
    as_bio(self)->data->clear();
    as_bio(self)->data->shrink_to_fit();
    return vm.new_none();
}

Ref<Object> bio_closed(VM& vm, Object* self, Args, size_t, Object*) {
    return vm.new_bool(as_bio(self)->closed);
}

constexpr MethodDef bio_methods[] = {
    {"getvalue", bio_getvalue, MethodKind::noargs, nullptr},
    {"read", bio_read, MethodKind::fastcall, nullptr},
    {"read1", bio_read, MethodKind::fastcall, nullptr},
    {"readline", bio_readline, MethodKind::fastcall, nullptr},
    {"readlines", mem_readlines, MethodKind::fastcall, nullptr},
    {"write", bio_write, MethodKind::o, nullptr},
    {"writelines", mem_writelines, MethodKind::o, nullptr},
    {"seek", bio_seek, MethodKind::fastcall, nullptr},
    {"tell", bio_tell, MethodKind::noargs, nullptr},
    {"truncate", bio_truncate, MethodKind::fastcall, nullptr},
    {"close", bio_close, MethodKind::noargs, nullptr},
    {"flush", mem_flush, MethodKind::noargs, nullptr},
    {"readable", mem_true_if_open, MethodKind::noargs, nullptr},
    {"writable", mem_true_if_open, MethodKind::noargs, nullptr},
    {"seekable", mem_true_if_open, MethodKind::noargs, nullptr},
    {"isatty", mem_false_if_open, MethodKind::noargs, nullptr},
    {"fileno", mem_fileno, MethodKind::noargs, nullptr},
    {"__enter__", mem_enter, MethodKind::noargs, nullptr},
    {"__exit__", mem_exit, MethodKind::fastcall, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

constexpr MethodDef bio_closed_def = {"closed", bio_closed, MethodKind::noargs, nullptr};

} // namespace

bool is_memory_type(const Type* type, bool bytes) {
    return type->slots.dealloc == (bytes ? bio_dealloc : sio_dealloc);
}

bool make_memory_types(Runtime& rt, IoTypes& types) {
    TypeSpec sio{};
    sio.name = "_io.StringIO";
    sio.base = types.text_iobase;
    sio.basic_size = sizeof(StringIOObject);
    sio.flags = type_base_type;
    sio.slots.dealloc = sio_dealloc;
    sio.slots.iter = mem_iter;
    sio.slots.next = sio_next;
    sio.methods = sio_methods;
    TypeSpec bio = sio;
    bio.name = "_io.BytesIO";
    bio.base = types.buffered_iobase;
    bio.basic_size = sizeof(BytesIOObject);
    bio.slots.dealloc = bio_dealloc;
    bio.slots.next = bio_next;
    bio.methods = bio_methods;
    Ref<Type> sio_type = make_io_type(rt, sio);
    Ref<Type> bio_type = make_io_type(rt, bio);
    for (Type* type : {sio_type.get(), bio_type.get()}) {
        if (type)
            enable_weakrefs(type); // as CPython's, StringIO and BytesIO can be weakly referenced
    }
    if (!sio_type || !bio_type ||
        !add_io_properties(rt, sio_type.get(),
                           {{"closed", &sio_closed_def, nullptr},
                            {"line_buffering", &sio_line_buffering_def, nullptr},
                            {"newlines", &sio_newlines_def, nullptr},
                            {"encoding", &none_def, nullptr},
                            {"errors", &none_def, nullptr}}) ||
        !add_io_properties(rt, bio_type.get(), {{"closed", &bio_closed_def, nullptr}}))
        return false;
    rt.set_constructor(sio_type.get(), sio_construct);
    rt.set_constructor(bio_type.get(), bio_construct);
    types.string_io = sio_type.release();
    types.bytes_io = bio_type.release();
    return true;
}

} // namespace minipy::stdlib
