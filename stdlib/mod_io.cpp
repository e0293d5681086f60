// The `_io` and `io` modules (the classes, open(), the constants), the builtins that write and
// read through sys.stdout/sys.stdin (print, input) and the helpers the io files share.
//
// Invariants:
//  - `_io` owns the io classes (one set per runtime) and lists them in `_io.__io_types__` in
//    IoTypes order; `io` re-exports `_io`'s names;
//  - print and input are bound to the sys module (their receiver), so they find sys.stdout and
//    sys.stdin without a lookup in sys.modules, as CPython's builtins read the interpreter's sys
//    dict.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "stdlib/builtins_support.h"
#include "stdlib/io.h"
#include "stdlib/io_internal.h"
#include "stdlib/modules.h"
#include "stdlib/sys.h"
#include "vm/eval_helpers.h"
#include "vm/types/bytes.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

using Args = Object* const*;

Object* dict_of(Object* module) {
    return static_cast<Module*>(module)->dict;
}

// The value of `name` in a module's dict (borrowed), or null.
Object* module_value(VM& vm, Object* module, std::string_view name) {
    Ref<Object> key = intern(vm, name);
    Object* value = nullptr;
    if (!key || dict_lookup(vm, dict_of(module), key.get(), &value) <= 0) {
        vm.thread_state().clear_exception();
        return nullptr;
    }
    return value;
}

bool types_from_module(VM& vm, Object* module, IoTypes& out) {
    Object* list = module_value(vm, module, "__io_types__");
    if (!list || !is_tuple(list) || tuple_size(list) != static_cast<intptr_t>(io_type_count))
        return false;
    Type** fields = reinterpret_cast<Type**>(&out);
    for (size_t i = 0; i < io_type_count; ++i) {
        Object* item = tuple_items(list)[i];
        if (!has_flag(item->type, type_type_subclass))
            return false;
        fields[i] = static_cast<Type*>(item);
    }
    return is_memory_type(out.string_io, false) && is_memory_type(out.bytes_io, true) &&
           is_file_type(out.file_io, 0) && is_file_type(out.buffered_reader, 1) &&
           is_file_type(out.buffered_writer, 2) && is_file_type(out.buffered_random, 3) &&
           is_file_type(out.text_wrapper, 4) && has_flag(out.unsupported, type_exception_subclass);
}

// ====== open()

struct OpenMode {
    bool reading = false, writing = false, appending = false, creating = false, updating = false;
    bool text = false, binary = false;
};

Status parse_open_mode(VM& vm, const std::string& mode, OpenMode& out) {
    std::string seen;
    for (char c : mode) {
        if (std::string("rwxabt+").find(c) == std::string::npos ||
            seen.find(c) != std::string::npos)
            return raise_value_error(vm, "invalid mode: '", mode, "'");
        seen.push_back(c);
        switch (c) {
        case 'r':
            out.reading = true;
            break;
        case 'w':
            out.writing = true;
            break;
        case 'a':
            out.appending = true;
            break;
        case 'x':
            out.creating = true;
            break;
        case '+':
            out.updating = true;
            break;
        case 't':
            out.text = true;
            break;
        default:
            out.binary = true;
            break;
        }
    }
    if (out.text && out.binary)
        return raise_value_error(vm, "can't have text and binary mode at once");
    int kinds = out.reading + out.writing + out.appending + out.creating;
    if (kinds > 1)
        return raise_value_error(vm, "must have exactly one of create/read/write/append mode");
    if (kinds == 0)
        return raise_value_error(vm, "Must have exactly one of create/read/write/append mode and "
                                     "at most one plus");
    return Status::ok;
}

Ref<Object> io_open(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    static const char* const names[] = {"file",   "mode",    "buffering", "encoding",
                                        "errors", "newline", "closefd",   "opener"};
    if (!is_ok(check_keywords(
            vm, "open", kwnames,
            {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"})))
        return nullptr;
    if (nargs > 8)
        return raise_type_error(vm, "open() takes at most 8 arguments (", nargs, " given)");
    Object* values[8] = {};
    for (size_t i = 0; i < 8; ++i) {
        Object* keyword = keyword_argument(args, nargs, kwnames, names[i]);
        if (i < nargs && keyword)
            return raise_type_error(vm, "argument for open() given by name ('", names[i],
                                    "') and position (", i + 1, ")");
        values[i] = i < nargs ? args[i] : keyword;
    }
    Object* file = values[0];
    if (!file)
        return raise_type_error(vm, "open() missing required argument 'file' (pos 1)");
    std::string mode = "r";
    if (values[1]) {
        if (!is_str(values[1]))
            return raise_type_error(vm, "open() argument 'mode' must be str, not ",
                                    values[1]->type->name);
        mode = str_to_utf8(values[1]);
    }
    int64_t buffering = -1;
    if (values[2] && (!is_int(values[2]) || !int_to_i64(values[2], buffering)))
        return raise_type_error(vm, "'", values[2]->type->name,
                                "' object cannot be interpreted as an integer");
    for (size_t i = 3; i <= 5; ++i) {
        if (values[i] && values[i] != vm.none() && !is_str(values[i]))
            return raise_type_error(vm, "open() argument '", names[i],
                                    "' must be str or None, not ", values[i]->type->name);
    }
    Object* encoding = values[3] == vm.none() ? nullptr : values[3];
    Object* errors = values[4] == vm.none() ? nullptr : values[4];
    Object* newline = values[5] == vm.none() ? nullptr : values[5];
    int closefd = values[6] ? object_is_true(vm, values[6]) : 1;
    if (closefd < 0)
        return nullptr;
    if (!is_str(file) && !is_bytes(file) && !is_int(file)) {
        Ref<Object> fspath = intern(vm, "__fspath__");
        if (!fspath)
            return nullptr;
        if (!type_lookup(file->type, fspath.get()))
            return raise_type_error(vm, "expected str, bytes or os.PathLike object, not ",
                                    file->type->name);
    }
    OpenMode parsed;
    if (!is_ok(parse_open_mode(vm, mode, parsed)))
        return nullptr;
    if (parsed.binary) {
        if (encoding)
            return raise_value_error(vm, "binary mode doesn't take an encoding argument");
        if (errors)
            return raise_value_error(vm, "binary mode doesn't take an errors argument");
        if (newline)
            return raise_value_error(vm, "binary mode doesn't take a newline argument");
    }
    if (buffering == 0 && !parsed.binary)
        return raise_value_error(vm, "can't have unbuffered text I/O");
    Runtime& rt = runtime_of(vm);
    IoTypes types{};
    if (!is_ok(io_types(rt, types)))
        return nullptr;
    std::string raw_mode = parsed.reading     ? "r"
                           : parsed.writing   ? "w"
                           : parsed.appending ? "a"
                                              : "x";
    if (parsed.updating)
        raw_mode += "+";
    Ref<Object> raw = file_io_open(rt, types, file, raw_mode, closefd != 0,
                                   values[7] && values[7] != vm.none() ? values[7] : nullptr);
    if (!raw)
        return nullptr;
    if (buffering == 0)
        return raw;
    int role = parsed.updating ? 3 : parsed.reading ? 1 : 2;
    Ref<Object> buffer = buffered_new(rt, types, raw.get(), role);
    if (!buffer || parsed.binary)
        return buffer;
    bool line_buffering = buffering == 1;
    if (!line_buffering) {
        Ref<Object> tty = intern(vm, "isatty");
        Ref<Object> answer = tty ? call_method_name(vm, raw.get(), tty.get(), nullptr, 0) : nullptr;
        if (!answer)
            return nullptr;
        line_buffering = answer.get() == vm.true_();
    }
    Ref<Object> text =
        text_wrapper_new(rt, types, buffer.get(), encoding, errors, newline, line_buffering, false);
    if (!text)
        return nullptr;
    Ref<Object> mode_text = str_from_utf8(vm, mode);
    if (!mode_text)
        return nullptr;
    text_wrapper_set_mode(text.get(), mode_text.get());
    return text;
}

// ====== print() and input()

// A minipy TextIOWrapper itself (not a Python subclass, whose write/readline may be overridden):
// print and input may then skip the method call.
bool is_native_text(Object* file) {
    return is_file_type(file->type, 4) && !is_heap_type(file->type);
}

// The sys module a builtin is bound to (its receiver), else the one in sys.modules.
Object* sys_of(Runtime& rt, Object* self) {
    if (self && self->type == rt.types().module)
        return self;
    return sys_module(rt);
}

Object* sys_stream(Runtime& rt, Object* self, const char* name) {
    Object* sys = sys_of(rt, self);
    return sys ? module_value(rt.vm(), sys, name) : nullptr;
}

Status write_str(VM& vm, Object* file, Object* str) {
    Ref<Object> name = intern(vm, "write");
    return name && call_method_name(vm, file, name.get(), &str, 1) ? Status::ok : Status::error;
}

Ref<Object> builtin_print(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    for (intptr_t i = 0; kwnames && i < tuple_size(kwnames); ++i) {
        std::string_view name = str_ascii_view(tuple_items(kwnames)[i]);
        if (name != "sep" && name != "end" && name != "file" && name != "flush")
            return raise_type_error(vm, "'", str_to_utf8(tuple_items(kwnames)[i]),
                                    "' is an invalid keyword argument for print()");
    }
    Object* sep = keyword_argument(args, nargs, kwnames, "sep");
    Object* end = keyword_argument(args, nargs, kwnames, "end");
    Object* file = keyword_argument(args, nargs, kwnames, "file");
    Object* flush = keyword_argument(args, nargs, kwnames, "flush");
    if (sep == vm.none())
        sep = nullptr;
    if (end == vm.none())
        end = nullptr;
    if (sep && !is_str(sep))
        return raise_type_error(vm, "sep must be None or a string, not ", sep->type->name);
    if (end && !is_str(end))
        return raise_type_error(vm, "end must be None or a string, not ", end->type->name);
    Runtime& rt = runtime_of(vm);
    if (!file || file == vm.none()) {
        file = sys_stream(rt, self, "stdout");
        if (!file)
            return raise_runtime_error(vm, "lost sys.stdout");
        if (file == vm.none())
            return vm.new_none();
    }
    Ref<Object> keep = Ref<Object>::borrow(file);
    if (is_native_text(file)) {
        // One write of the whole line: nothing can observe the pieces.
        std::string separator = sep ? str_to_utf8(sep) : " ";
        std::string text;
        for (size_t i = 0; i < nargs; ++i) {
            if (i > 0)
                text += separator;
            if (args[i]->type == vm.types().str) { // a subclass's __str__ must run
                text += str_to_utf8(args[i]);
                continue;
            }
            Ref<Object> piece = object_str(vm, args[i]);
            if (!piece)
                return nullptr;
            text += str_to_utf8(piece.get());
        }
        text += end ? str_to_utf8(end) : "\n";
        if (!is_ok(text_wrapper_write_utf8(vm, file, text)))
            return nullptr;
    } else {
        // CPython's order of calls: str(arg) and write for each, sep between, then end.
        Ref<Object> space, newline;
        for (size_t i = 0; i < nargs; ++i) {
            if (i > 0) {
                if (!sep && !space && !(space = str_from_utf8(vm, " ")))
                    return nullptr;
                if (!is_ok(write_str(vm, file, sep ? sep : space.get())))
                    return nullptr;
            }
            Ref<Object> piece = object_str(vm, args[i]);
            if (!piece || !is_ok(write_str(vm, file, piece.get())))
                return nullptr;
        }
        if (!end && !(newline = str_from_utf8(vm, "\n")))
            return nullptr;
        if (!is_ok(write_str(vm, file, end ? end : newline.get())))
            return nullptr;
    }
    if (flush) {
        int truth = object_is_true(vm, flush);
        if (truth < 0 || (truth && !is_ok(io_flush(vm, file))))
            return nullptr;
    }
    return vm.new_none();
}

Ref<Object> builtin_input(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "input expected at most 1 argument, got ", nargs);
    Runtime& rt = runtime_of(vm);
    Object* in = sys_stream(rt, self, "stdin");
    Object* out = sys_stream(rt, self, "stdout");
    Object* err = sys_stream(rt, self, "stderr");
    if (!in || in == vm.none())
        return raise_runtime_error(vm, "input(): lost sys.stdin");
    if (!out || out == vm.none())
        return raise_runtime_error(vm, "input(): lost sys.stdout");
    Ref<Object> keep_in = Ref<Object>::borrow(in);
    Ref<Object> keep_out = Ref<Object>::borrow(out);
    if (err && err != vm.none() && !is_ok(io_flush(vm, err)))
        vm.thread_state().clear_exception();
    if (nargs == 1) {
        Ref<Object> prompt = object_str(vm, args[0]);
        if (!prompt || !is_ok(io_write_utf8(vm, out, str_to_utf8(prompt.get()))))
            return nullptr;
    }
    if (!is_ok(io_flush(vm, out)))
        return nullptr;
    Ref<Object> line;
    if (is_native_text(in)) {
        line = text_wrapper_readline(vm, in);
    } else {
        Ref<Object> name = intern(vm, "readline");
        line = name ? call_method_name(vm, in, name.get(), nullptr, 0) : nullptr;
    }
    if (!line)
        return nullptr;
    if (!is_str(line.get()))
        return raise_type_error(vm, "object.readline() returned non-string");
    intptr_t length = str_length(line.get());
    if (length == 0)
        return raise_message(vm, vm.exceptions().EOFError, "EOF when reading a line");
    std::string text = str_to_utf8(line.get());
    if (!text.empty() && text.back() == '\n')
        text.pop_back();
    return str_from_utf8(vm, text);
}

constexpr MethodDef open_def = {"open", io_open, MethodKind::fastcall_keywords,
                                "Open file and return a stream."};
constexpr MethodDef print_def = {"print", builtin_print, MethodKind::fastcall_keywords,
                                 "Prints the values to a stream, or to sys.stdout by default."};
constexpr MethodDef input_def = {"input", builtin_input, MethodKind::fastcall,
                                 "Read a string from standard input."};

// ====== Module contents

Ref<Type> make_base(Runtime& rt, const char* name, Type* base) {
    TypeSpec spec{};
    spec.name = name;
    spec.base = base;
    spec.basic_size = sizeof(Object);
    spec.flags = type_base_type;
    return make_io_type(rt, spec);
}

Ref<Object> make_unsupported(Runtime& rt) {
    VM& vm = rt.vm();
    Ref<Object> name = str_from_utf8(vm, "UnsupportedOperation");
    Ref<Object> bases = tuple_pack(vm, {vm.exceptions().OSError, vm.exceptions().ValueError});
    Ref<Object> ns = dict_new(vm);
    Ref<Object> module_name = str_from_utf8(vm, "io");
    if (!name || !bases || !ns || !module_name ||
        !is_ok(dict_setitem(vm, ns.get(), rt.names().__module__, module_name.get())))
        return nullptr;
    return make_heap_type(rt, vm.types().type, name.get(), bases.get(), ns.get());
}

bool add_constants(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    struct Constant {
        const char* name;
        int64_t value;
    };
    for (Constant c : {Constant{"DEFAULT_BUFFER_SIZE", static_cast<int64_t>(io_chunk_size)},
                       Constant{"SEEK_SET", 0}, Constant{"SEEK_CUR", 1}, Constant{"SEEK_END", 2}}) {
        Ref<Object> value = int_from_i64(vm, c.value);
        if (!value || !add_object(rt, module, c.name, value.get()))
            return false;
    }
    return true;
}

} // namespace

// ====== Helpers shared by the io files

Status io_types(Runtime& rt, IoTypes& out) {
    VM& vm = rt.vm();
    Ref<Object> key = intern(vm, "_io");
    if (!key)
        return Status::error;
    Object* module = nullptr;
    if (dict_lookup(vm, rt.modules(), key.get(), &module) < 0)
        return Status::error;
    if (module && module->type == rt.types().module && types_from_module(vm, module, out))
        return Status::ok;
    Ref<Object> fresh = import_builtin_module(rt, "_io");
    if (!fresh)
        return vm.thread_state().has_exception()
                   ? Status::error
                   : Status(raise_message(vm, vm.exceptions().ImportError, "no module _io"));
    if (!types_from_module(vm, fresh.get(), out))
        return raise_system_error(vm, "_io module lost its types");
    return Status::ok;
}

bool add_io_properties(Runtime& rt, Type* type, std::initializer_list<IoProperty> properties) {
    VM& vm = rt.vm();
    if (!type_ensure_dict(vm, type))
        return false;
    for (const IoProperty& property : properties) {
        Ref<Object> getter = builtin_function_new(rt, property.get, nullptr);
        Ref<Object> setter =
            property.set ? builtin_function_new(rt, property.set, nullptr) : nullptr;
        if (!getter || (property.set && !setter))
            return false;
        static_cast<BuiltinFunction*>(getter.get())->owner = type;
        if (setter)
            static_cast<BuiltinFunction*>(setter.get())->owner = type;
        Object* call_args[2] = {getter.get(), setter.get()};
        Ref<Object> made = call_object(vm, rt.types().property, call_args, setter ? 2 : 1);
        Ref<Object> name = intern(vm, property.name);
        if (!made || !name || !is_ok(dict_setitem(vm, type->dict, name.get(), made.get())))
            return false;
    }
    return true;
}

Ref<Type> make_io_type(Runtime& rt, const TypeSpec& spec) {
    VM& vm = rt.vm();
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return nullptr;
    // Only the dunders go into the dict (type_lookup finds __enter__/__exit__ there); the other
    // methods stay in the MethodDef table, where LOAD_METHOD's cached unbound-method path finds
    // them without making a bound method per call.
    for (const MethodDef* def = spec.methods; def && def->name; ++def) {
        if (std::string_view(def->name).substr(0, 2) != "__")
            continue;
        if (!type_ensure_dict(vm, type.get()))
            return nullptr;
        Ref<Object> function = builtin_function_new(rt, def, nullptr);
        Ref<Object> name = intern(vm, def->name);
        if (!function || !name)
            return nullptr;
        static_cast<BuiltinFunction*>(function.get())->owner = type.get();
        if (!is_ok(dict_setitem(vm, type->dict, name.get(), function.get())))
            return nullptr;
    }
    return type;
}

Raised raise_closed_file(VM& vm) {
    return raise_value_error(vm, "I/O operation on closed file.");
}

Raised raise_unsupported(VM& vm, std::string_view message) {
    IoTypes types{};
    if (!is_ok(io_types(runtime_of(vm), types)))
        return Raised{};
    // Through a call of the class: instances of a heap type hold a reference to it.
    Ref<Object> text = str_from_utf8(vm, message);
    Object* arg = text.get();
    Ref<Object> exception = text ? call_object(vm, types.unsupported, &arg, 1) : nullptr;
    if (!exception)
        return Raised{};
    return raise_object(vm, exception.get());
}

Status size_argument(VM& vm, Object* value, int64_t& out) {
    if (value == vm.none()) {
        out = -1;
        return Status::ok;
    }
    if (!is_int(value))
        return raise_type_error(vm, "argument should be integer or None, not '", value->type->name,
                                "'");
    if (!int_to_i64(value, out))
        return raise_overflow_error(vm, "Python int too large to convert to C ssize_t");
    return Status::ok;
}

Status bytes_argument(VM& vm, Object* value, std::string& out) {
    if (is_bytes(value)) {
        out.assign(bytes_view(value));
        return Status::ok;
    }
    if (is_str(value) || is_int(value) || value == vm.none())
        return raise_type_error(vm, "a bytes-like object is required, not '", value->type->name,
                                "'");
    Ref<Object> converted = call_object(vm, vm.types().bytes, &value, 1);
    if (!converted || !is_bytes(converted.get())) {
        vm.thread_state().clear_exception();
        return raise_type_error(vm, "a bytes-like object is required, not '", value->type->name,
                                "'");
    }
    out.assign(bytes_view(converted.get()));
    return Status::ok;
}

// ====== Exported (stdlib/io.h)

Raised raise_os_error(VM& vm, int error, Object* filename) {
    Ref<Object> code = int_from_i64(vm, error);
    Ref<Object> message = str_from_utf8(vm, std::strerror(error));
    if (!code || !message)
        return Raised{};
    Object* call_args[3] = {code.get(), message.get(), filename};
    Ref<Object> exception = call_object(vm, vm.exceptions().OSError, call_args, filename ? 3 : 2);
    if (!exception)
        return Raised{};
    return raise_object(vm, exception.get());
}

Ref<Object> io_std_stream(Runtime& rt, int fd) {
    VM& vm = rt.vm();
    IoTypes types{};
    if (!is_ok(io_types(rt, types)))
        return nullptr;
    static const char* const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    Ref<Object> number = int_from_i64(vm, fd);
    Ref<Object> name = str_from_utf8(vm, names[fd]);
    if (!number || !name)
        return nullptr;
    Ref<Object> raw = file_io_open(rt, types, number.get(), fd == 0 ? "rb" : "wb", false, nullptr);
    if (!raw) {
        // A closed standard descriptor: CPython sets sys.std* to None.
        if (!exception_matches(vm.thread_state().exception(), vm.exceptions().OSError))
            return nullptr;
        vm.thread_state().clear_exception();
        return vm.new_none();
    }
    // The FileIO's name is the '<stdout>' text, not the descriptor number.
    file_io_use_stream(raw.get(), fd == 0 ? nullptr : fd == 1 ? stdout : stderr, name.get());
    Ref<Object> buffer = buffered_new(rt, types, raw.get(), fd == 0 ? 1 : 2);
    Ref<Object> encoding = str_from_utf8(vm, "utf-8");
    Ref<Object> errors = str_from_utf8(vm, fd == 2 ? "backslashreplace" : "strict");
    Ref<Object> newline = str_from_utf8(vm, "\n");
    Ref<Object> mode = str_from_utf8(vm, fd == 0 ? "r" : "w");
    if (!buffer || !encoding || !errors || !newline || !mode)
        return nullptr;
    bool tty = ::isatty(fd) == 1;
    Ref<Object> text = text_wrapper_new(rt, types, buffer.get(), encoding.get(), errors.get(),
                                        fd == 0 ? nullptr : newline.get(), fd == 2 || tty, false);
    if (!text)
        return nullptr;
    text_wrapper_set_mode(text.get(), mode.get());
    return text;
}

Status io_write_utf8(VM& vm, Object* file, std::string_view utf8) {
    if (is_native_text(file))
        return text_wrapper_write_utf8(vm, file, utf8);
    Ref<Object> text = str_from_utf8(vm, utf8);
    if (!text)
        return Status::error;
    return write_str(vm, file, text.get());
}

Status io_flush(VM& vm, Object* file) {
    Ref<Object> name = intern(vm, "flush");
    return name && call_method_name(vm, file, name.get(), nullptr, 0) ? Status::ok : Status::error;
}

bool init__io_module(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    IoTypes types{};
    Ref<Type> iobase = make_base(rt, "_io._IOBase", nullptr);
    if (!iobase)
        return false;
    Ref<Type> raw_base = make_base(rt, "_io._RawIOBase", iobase.get());
    Ref<Type> buffered_base = make_base(rt, "_io._BufferedIOBase", iobase.get());
    Ref<Type> text_base = make_base(rt, "_io._TextIOBase", iobase.get());
    Ref<Object> unsupported = make_unsupported(rt);
    if (!raw_base || !buffered_base || !text_base || !unsupported)
        return false;
    types.iobase = iobase.get();
    types.raw_iobase = raw_base.get();
    types.buffered_iobase = buffered_base.get();
    types.text_iobase = text_base.get();
    types.unsupported = static_cast<Type*>(unsupported.get());
    if (!make_memory_types(rt, types) || !make_file_types(rt, types))
        return false;
    // make_*_types handed over one reference each; the module's dict keeps them from here.
    Ref<Type> owned[] = {
        Ref<Type>::steal(types.string_io),       Ref<Type>::steal(types.bytes_io),
        Ref<Type>::steal(types.file_io),         Ref<Type>::steal(types.buffered_reader),
        Ref<Type>::steal(types.buffered_writer), Ref<Type>::steal(types.buffered_random),
        Ref<Type>::steal(types.text_wrapper)};
    (void)owned;
    Ref<Object> list = tuple_new(vm, io_type_count);
    if (!list)
        return false;
    Type** fields = reinterpret_cast<Type**>(&types);
    for (size_t i = 0; i < io_type_count; ++i) {
        incref(fields[i]);
        tuple_items(list.get())[i] = fields[i];
    }
    Ref<Object> open = builtin_function_new(rt, &open_def, nullptr);
    if (!open)
        return false;
    set_ref(static_cast<BuiltinFunction*>(open.get())->module,
            Ref<Object>::borrow(static_cast<Module*>(module)->name).release());
    struct Named {
        const char* name;
        Object* value;
    };
    const Named named[] = {
        {"__io_types__", list.get()},
        {"_IOBase", types.iobase},
        {"_RawIOBase", types.raw_iobase},
        {"_BufferedIOBase", types.buffered_iobase},
        {"_TextIOBase", types.text_iobase},
        {"FileIO", types.file_io},
        {"BufferedReader", types.buffered_reader},
        {"BufferedWriter", types.buffered_writer},
        {"BufferedRandom", types.buffered_random},
        {"TextIOWrapper", types.text_wrapper},
        {"StringIO", types.string_io},
        {"BytesIO", types.bytes_io},
        {"UnsupportedOperation", types.unsupported},
        {"open", open.get()},
    };
    for (const Named& entry : named) {
        if (!add_object(rt, module, entry.name, entry.value))
            return false;
    }
    return add_constants(rt, module);
}

bool init_io_module(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    IoTypes types{};
    if (!is_ok(io_types(rt, types)))
        return false;
    Ref<Object> key = intern(vm, "_io");
    Object* io = nullptr;
    if (!key || dict_lookup(vm, rt.modules(), key.get(), &io) <= 0 || !io)
        return false;
    for (const char* name : {"FileIO", "BufferedReader", "BufferedWriter", "BufferedRandom",
                             "TextIOWrapper", "StringIO", "BytesIO", "UnsupportedOperation", "open",
                             "DEFAULT_BUFFER_SIZE", "SEEK_SET", "SEEK_CUR", "SEEK_END"}) {
        Object* value = module_value(vm, io, name);
        if (!value) {
            (void)raise_system_error(vm, "_io has no ", name);
            return false;
        }
        if (!add_object(rt, module, name, value))
            return false;
    }
    return add_object(rt, module, "IOBase", types.iobase) &&
           add_object(rt, module, "RawIOBase", types.raw_iobase) &&
           add_object(rt, module, "BufferedIOBase", types.buffered_iobase) &&
           add_object(rt, module, "TextIOBase", types.text_iobase);
}

bool init_io_builtins(Runtime& rt, Object* builtins) {
    VM& vm = rt.vm();
    Ref<Object> io = import_builtin_module(rt, "_io");
    if (!io)
        return false;
    Ref<Object> sys = import_builtin_module(rt, "sys");
    if (!sys)
        return false;
    Ref<Object> builtins_name = intern(vm, "builtins");
    if (!builtins_name)
        return false;
    for (const MethodDef* def : {&print_def, &input_def}) {
        Ref<Object> function = builtin_function_new(rt, def, sys.get());
        Ref<Object> name = intern(vm, def->name);
        if (!function || !name)
            return false;
        set_ref(static_cast<BuiltinFunction*>(function.get())->module,
                Ref<Object>::borrow(builtins_name.get()).release());
        if (!is_ok(dict_setitem(vm, builtins, name.get(), function.get())))
            return false;
    }
    Object* open = module_value(vm, io.get(), "open");
    Ref<Object> open_name = intern(vm, "open");
    return open && open_name && is_ok(dict_setitem(vm, builtins, open_name.get(), open));
}

} // namespace minipy::stdlib
