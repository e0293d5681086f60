// Raising helpers, BaseException instances and the built-in exception classes of a VM.
// Invariants are in vm/errors.h.
#include "vm/errors.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <iterator>
#include <vector>

#include "vm/eval_helpers.h"
#include "vm/inline_cache.h"
#include "vm/traceback.h"
#include "vm/types/bytes.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

BaseExceptionObject* as_exception(Object* object) {
    return static_cast<BaseExceptionObject*>(object);
}

int exception_traverse(Object* self, VisitFn visit, void* arg) {
    BaseExceptionObject* e = as_exception(self);
    for (Object* field : {e->args, e->notes, e->traceback, e->context, e->cause, e->dict}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    return 0;
}

void exception_clear(Object* self) {
    BaseExceptionObject* e = as_exception(self);
    set_ref(e->args, nullptr);
    set_ref(e->notes, nullptr);
    set_ref(e->traceback, nullptr);
    set_ref(e->context, nullptr);
    set_ref(e->cause, nullptr);
    set_ref(e->dict, nullptr);
}

void exception_dealloc(Object* self) {
    VM& vm = vm_of(self);
    vm.heap().untrack(self);
    exception_clear(self);
    vm.heap().release(self);
}

// CPython's BaseException_repr: Name(arg) for one argument, Name(args...) otherwise.
Ref<Object> exception_repr(VM& vm, Object* self) {
    Object* args = as_exception(self)->args;
    Ref<Object> inner;
    if (args && tuple_size(args) == 1)
        inner = object_repr(vm, tuple_items(args)[0]);
    else if (args)
        inner = object_repr(vm, args);
    else
        inner = str_from_utf8(vm, "()");
    if (!inner)
        return nullptr;
    std::string text = self->type->name;
    if (args && tuple_size(args) == 1)
        text += "(" + str_to_utf8(inner.get()) + ")";
    else
        text += str_to_utf8(inner.get());
    return str_from_utf8(vm, text);
}

// ====== Attributes kept in the instance dict (OSError.errno, SystemExit.code, ...)

// The attribute `name` of an exception's dict (borrowed), or null.
Object* stored_attribute(VM& vm, Object* self, const char* name) {
    Object* dict = as_exception(self)->dict;
    if (!dict)
        return nullptr;
    Ref<Object> key = str_from_utf8(vm, name);
    Object* value = nullptr;
    if (!key || dict_lookup(vm, dict, key.get(), &value) <= 0) {
        vm.thread_state().clear_exception();
        return nullptr;
    }
    return value;
}

Status store_attribute(VM& vm, Object* self, const char* name, Object* value) {
    BaseExceptionObject* e = as_exception(self);
    if (!e->dict) {
        Ref<Object> dict = dict_new(vm);
        if (!dict)
            return Status::error;
        e->dict = dict.release();
    }
    Ref<Object> key = str_from_utf8(vm, name);
    if (!key)
        return Status::error;
    return dict_setitem(vm, e->dict, key.get(), value ? value : vm.none());
}

// CPython's errno -> OSError subclass table (PEP 3151).
Type* oserror_subclass(VM& vm, int64_t code) {
    ExceptionTypes& t = vm.exceptions();
    switch (code) {
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS:
        return t.BlockingIOError;
    case ECHILD:
        return t.ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
        return t.BrokenPipeError;
    case ECONNABORTED:
        return t.ConnectionAbortedError;
    case ECONNREFUSED:
        return t.ConnectionRefusedError;
    case ECONNRESET:
        return t.ConnectionResetError;
    case EEXIST:
        return t.FileExistsError;
    case ENOENT:
        return t.FileNotFoundError;
    case EISDIR:
        return t.IsADirectoryError;
    case ENOTDIR:
        return t.NotADirectoryError;
    case EINTR:
        return t.InterruptedError;
    case EACCES:
    case EPERM:
        return t.PermissionError;
    case ESRCH:
        return t.ProcessLookupError;
    case ETIMEDOUT:
        return t.TimeoutError;
    default:
        return nullptr;
    }
}

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])), as CPython's
// SyntaxError_init: every attribute exists (None when not given); args stay as passed.
Status init_syntax_error(VM& vm, Object* self, intptr_t n, Object* const* items) {
    static constexpr const char* fields[] = {"filename", "lineno",     "offset",
                                             "text",     "end_lineno", "end_offset"};
    Ref<Object> info;
    if (n == 2) {
        Ref<Object> list = sequence_to_list(vm, items[1]);
        if (!list)
            return Status::error;
        intptr_t count = list_size(list.get());
        if (count < 4)
            return raise_type_error(vm, "function takes at least 4 arguments (", count, " given)");
        if (count > 6)
            return raise_type_error(vm, "function takes at most 6 arguments (", count, " given)");
        if (count == 5)
            return raise_type_error(vm, "end_offset must be provided when end_lineno is provided");
        info = std::move(list);
    }
    if (!is_ok(store_attribute(vm, self, "msg", n >= 1 ? items[0] : nullptr)) ||
        !is_ok(store_attribute(vm, self, "print_file_and_line", nullptr)))
        return Status::error;
    for (size_t i = 0; i < std::size(fields); ++i) {
        Object* value = nullptr;
        if (info && static_cast<intptr_t>(i) < list_size(info.get()))
            value = list_items(info.get())[i];
        if (!is_ok(store_attribute(vm, self, fields[i], value)))
            return Status::error;
    }
    return Status::ok;
}

// The last path component of a str (CPython's my_basename for SyntaxError_str).
std::string base_name(Object* path) {
    std::string text = str_to_utf8(path);
    size_t slash = text.rfind('/');
    return slash == std::string::npos ? text : text.substr(slash + 1);
}

// CPython's SyntaxError_str: "msg (file.py, line 3)" from the current attributes; the parts that
// are missing (filename not a str, lineno not an int) are left out.
Ref<Object> syntax_error_str(VM& vm, Object* self) {
    Object* message = stored_attribute(vm, self, "msg");
    Object* filename = stored_attribute(vm, self, "filename");
    Object* lineno = stored_attribute(vm, self, "lineno");
    Ref<Object> text = object_str(vm, message ? message : vm.none());
    if (!text)
        return nullptr;
    bool have_file = filename && is_str(filename);
    bool have_line = lineno && lineno->type == vm.types().int_;
    if (!have_file && !have_line)
        return text;
    std::string out = str_to_utf8(text.get()) + " (";
    if (have_file)
        out += base_name(filename);
    if (have_file && have_line)
        out += ", ";
    if (have_line) {
        int64_t line = -1;
        if (!int_to_i64(lineno, line))
            line = -1;
        out += "line " + std::to_string(line);
    }
    return str_from_utf8(vm, out + ")");
}

// Sets the subclass-specific attributes from the constructor arguments, as CPython's
// OSError_init / SystemExit_init / UnicodeError inits. May shorten args (OSError with a filename).
//
// The classes are found in one walk over the type's mro (is_subtype once per class walked it nine
// times for every exception made); the tests keep CPython's order. A type found to derive from
// none of them (most exceptions) is remembered in a small direct-mapped table per thread while the
// type attribute epoch holds (a change of a type's bases and a type at a freed type's address
// both change it, as for the type_lookup cache), so its next instances skip the walk.
struct SpecialBasesMemo {
    const Type* type = nullptr;
    uint64_t epoch = 0;
};
constexpr int special_bases_memo_bits = 4;
thread_local SpecialBasesMemo special_bases_memo[1 << special_bases_memo_bits];

Status init_special_attributes(VM& vm, Object* self) {
    SpecialBasesMemo& memo =
        special_bases_memo[(reinterpret_cast<uintptr_t>(self->type) * 0x9E3779B97F4A7C15u) >>
                           (64 - special_bases_memo_bits)];
    uint64_t epoch = type_epoch();
    if (memo.type == self->type && memo.epoch == epoch)
        return Status::ok;
    BaseExceptionObject* e = as_exception(self);
    Object* args = e->args;
    intptr_t n = args ? tuple_size(args) : 0;
    Object* const* items = args ? tuple_items(args) : nullptr;
    ExceptionTypes& t = vm.exceptions();
    const Type* const special[] = {t.OSError,     t.SystemExit,         t.BaseExceptionGroup,
                                   t.SyntaxError, t.NameError,          t.AttributeError,
                                   t.ImportError, t.UnicodeDecodeError, t.UnicodeEncodeError};
    unsigned found = 0;
    auto note = [&](const Type* base) {
        // Classes and the common roots are none of them: most bases skip the nine tests.
        if (is_heap_type(base) || base == t.Exception || base == t.BaseException ||
            base == vm.types().object)
            return;
        for (unsigned i = 0; i < std::size(special); ++i)
            found |= base == special[i] ? 1u << i : 0u;
    };
    if (self->type->mro) {
        for (intptr_t i = 0; i < tuple_size(self->type->mro); ++i)
            note(static_cast<const Type*>(tuple_items(self->type->mro)[i]));
    } else {
        for (const Type* base = self->type; base; base = base->base)
            note(base);
    }
    if (found == 0) {
        memo = SpecialBasesMemo{self->type, epoch};
        return Status::ok;
    }
    auto derives = [&](const Type* base) {
        for (unsigned i = 0; i < std::size(special); ++i) {
            if (special[i] == base)
                return (found >> i & 1u) != 0;
        }
        return false;
    };
    if (derives(t.OSError)) {
        bool full = n >= 2 && n <= 5;
        Status status = store_attribute(vm, self, "errno", full ? items[0] : nullptr);
        if (is_ok(status))
            status = store_attribute(vm, self, "strerror", full ? items[1] : nullptr);
        if (is_ok(status))
            status = store_attribute(vm, self, "filename", full && n >= 3 ? items[2] : nullptr);
        if (is_ok(status))
            status = store_attribute(vm, self, "filename2", full && n >= 5 ? items[4] : nullptr);
        if (!is_ok(status))
            return status;
        if (full && n >= 3) {
            Ref<Object> shorter = tuple_from_array(vm, items, 2);
            if (!shorter)
                return Status::error;
            set_ref(e->args, shorter.release());
        }
        return Status::ok;
    }
    if (derives(t.SystemExit)) {
        Ref<Object> code = n == 0   ? Ref<Object>::borrow(vm.none())
                           : n == 1 ? Ref<Object>::borrow(items[0])
                                    : Ref<Object>::borrow(args);
        return store_attribute(vm, self, "code", code.get());
    }
    if (derives(t.BaseExceptionGroup) && n == 2) {
        // exception_new validated the arguments; `exceptions` is kept as a tuple.
        Ref<Object> list = sequence_to_list(vm, items[1]);
        Ref<Object> tuple = list ? list_to_tuple(vm, list.get()) : nullptr;
        if (!tuple || !is_ok(store_attribute(vm, self, "message", items[0])))
            return Status::error;
        return store_attribute(vm, self, "exceptions", tuple.get());
    }
    if (derives(t.SyntaxError))
        return init_syntax_error(vm, self, n, items);
    // CPython 3.10+: NameError.name, AttributeError.name and .obj (None until set; the eval loop
    // and getattr set them, see vm/traceback.h).
    if (derives(t.NameError))
        return store_attribute(vm, self, "name", nullptr);
    if (derives(t.AttributeError)) {
        Status status = store_attribute(vm, self, "name", nullptr);
        return is_ok(status) ? store_attribute(vm, self, "obj", nullptr) : status;
    }
    if (derives(t.ImportError)) {
        // CPython's ImportError_init: msg is the one argument; name and path come as keywords.
        Status status = store_attribute(vm, self, "msg", n == 1 ? items[0] : nullptr);
        if (is_ok(status))
            status = store_attribute(vm, self, "name", nullptr);
        if (is_ok(status))
            status = store_attribute(vm, self, "path", nullptr);
        return status;
    }
    bool decode = derives(t.UnicodeDecodeError);
    bool encode = derives(t.UnicodeEncodeError);
    if ((decode || encode) && n == 5) {
        const char* names[] = {"encoding", "object", "start", "end", "reason"};
        for (int i = 0; i < 5; ++i) {
            if (!is_ok(store_attribute(vm, self, names[i], items[i])))
                return Status::error;
        }
    }
    return Status::ok;
}

// str() of UnicodeEncodeError/UnicodeDecodeError with their five arguments (CPython's
// UnicodeEncodeError_str / UnicodeDecodeError_str), or null when they do not apply.
Ref<Object> unicode_error_str(VM& vm, Object* self, bool& applies) {
    applies = false;
    Object* args = as_exception(self)->args;
    ExceptionTypes& t = vm.exceptions();
    bool decode = is_subtype(self->type, t.UnicodeDecodeError);
    bool encode = is_subtype(self->type, t.UnicodeEncodeError);
    if ((!decode && !encode) || !args || tuple_size(args) != 5)
        return nullptr;
    Object* const* items = tuple_items(args);
    int64_t start = 0, end = 0;
    if (!is_str(items[0]) || !is_int(items[2]) || !is_int(items[3]) || !is_str(items[4]) ||
        !int_to_i64(items[2], start) || !int_to_i64(items[3], end))
        return nullptr;
    applies = true;
    std::string encoding = str_to_utf8(items[0]);
    std::string reason = str_to_utf8(items[4]);
    char buffer[64];
    std::string text;
    if (decode) {
        std::string_view data;
        if (!bytes_like(items[1], data))
            data = {};
        if (end == start + 1 && start >= 0 && static_cast<size_t>(start) < data.size()) {
            std::snprintf(buffer, sizeof buffer, "0x%02x",
                          static_cast<unsigned char>(data[static_cast<size_t>(start)]));
            text = "'" + encoding + "' codec can't decode byte " + buffer + " in position " +
                   std::to_string(start) + ": " + reason;
        } else {
            text = "'" + encoding + "' codec can't decode bytes in position " +
                   std::to_string(start) + "-" + std::to_string(end - 1) + ": " + reason;
        }
    } else {
        Object* object = items[1];
        if (end == start + 1 && is_str(object) && start >= 0 && start < str_length(object)) {
            uint32_t cp = str_char_at(static_cast<Str*>(object), static_cast<intptr_t>(start));
            if (cp < 0x100)
                std::snprintf(buffer, sizeof buffer, "'\\x%02x'", cp);
            else if (cp < 0x10000)
                std::snprintf(buffer, sizeof buffer, "'\\u%04x'", cp);
            else
                std::snprintf(buffer, sizeof buffer, "'\\U%08x'", cp);
            text = "'" + encoding + "' codec can't encode character " + buffer + " in position " +
                   std::to_string(start) + ": " + reason;
        } else {
            text = "'" + encoding + "' codec can't encode characters in position " +
                   std::to_string(start) + "-" + std::to_string(end - 1) + ": " + reason;
        }
    }
    return str_from_utf8(vm, text);
}

// str() of an OSError with errno and strerror: "[Errno 2] No such file: 'name'".
Ref<Object> oserror_str(VM& vm, Object* self, bool& applies) {
    applies = false;
    if (!is_subtype(self->type, vm.exceptions().OSError))
        return nullptr;
    Object* code = stored_attribute(vm, self, "errno");
    Object* message = stored_attribute(vm, self, "strerror");
    Object* filename = stored_attribute(vm, self, "filename");
    Object* filename2 = stored_attribute(vm, self, "filename2");
    if (!code || !message || (code == vm.none() && message == vm.none()))
        return nullptr;
    applies = true;
    Ref<Object> code_text = object_str(vm, code);
    Ref<Object> message_text = code_text ? object_str(vm, message) : nullptr;
    if (!message_text)
        return nullptr;
    std::string text =
        "[Errno " + str_to_utf8(code_text.get()) + "] " + str_to_utf8(message_text.get());
    if (filename && filename != vm.none()) {
        Ref<Object> name = object_repr(vm, filename);
        if (!name)
            return nullptr;
        text += ": " + str_to_utf8(name.get());
        if (filename2 && filename2 != vm.none()) {
            Ref<Object> name2 = object_repr(vm, filename2);
            if (!name2)
                return nullptr;
            text += " -> " + str_to_utf8(name2.get());
        }
    }
    return str_from_utf8(vm, text);
}

// ====== Methods of BaseException

Ref<Object> exception_add_note(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    if (!is_str(args[0]))
        return raise_type_error(vm, "note must be a str, not '", args[0]->type->name, "'");
    BaseExceptionObject* e = as_exception(self);
    if (!e->notes) {
        Ref<Object> notes = list_new(vm);
        if (!notes)
            return nullptr;
        e->notes = notes.release();
    } else if (!is_list(e->notes)) {
        return raise_type_error(vm, "Cannot add note: __notes__ is not a list");
    }
    if (!is_ok(list_append(vm, e->notes, args[0])))
        return nullptr;
    return vm.new_none();
}

Ref<Object> exception_with_traceback(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    Object* tb = args[0] == vm.none() ? nullptr : args[0];
    xincref(tb);
    set_ref(as_exception(self)->traceback, tb);
    return Ref<Object>::borrow(self);
}

// ====== Exception groups (PEP 654)

bool is_group(VM& vm, Object* e) {
    return is_subtype(e->type, vm.exceptions().BaseExceptionGroup);
}

// Whether leaf exception `e` matches split()'s condition: a class, a tuple of classes or a
// predicate. -1 when the predicate raised.
int group_condition(VM& vm, Object* condition, Object* e) {
    if (has_flag(condition->type, type_type_subclass))
        return is_subtype(e->type, static_cast<Type*>(condition)) ? 1 : 0;
    if (is_tuple(condition)) {
        for (intptr_t i = 0; i < tuple_size(condition); ++i) {
            Object* item = tuple_items(condition)[i];
            if (has_flag(item->type, type_type_subclass) &&
                is_subtype(e->type, static_cast<Type*>(item)))
                return 1;
        }
        return 0;
    }
    Ref<Object> result = call_object(vm, condition, &e, 1);
    return result ? object_is_true(vm, result.get()) : -1;
}

// A group like `self` holding `exceptions` (a list): self.derive(exceptions) (a subclass may
// override derive) with the traceback, cause, context and notes copied, as CPython's
// exceptiongroup_subset.
Ref<Object> derive_group(VM& vm, Object* self, Object* exceptions) {
    Ref<Object> name = intern(vm, "derive");
    if (!name)
        return nullptr;
    Ref<Object> derived = call_method_name(vm, self, name.get(), &exceptions, 1);
    if (!derived)
        return nullptr;
    if (!is_group(vm, derived.get()))
        return raise_type_error(vm, "derive must return an instance of BaseExceptionGroup");
    BaseExceptionObject* from = as_exception(self);
    BaseExceptionObject* to = as_exception(derived.get());
    for (auto field : {&BaseExceptionObject::traceback, &BaseExceptionObject::cause,
                       &BaseExceptionObject::context, &BaseExceptionObject::notes}) {
        xincref(from->*field);
        set_ref(to->*field, from->*field);
    }
    return derived;
}

// Splits `self` by condition into match and rest (each a group or null). False when raised.
bool split_group(VM& vm, Object* self, Object* condition, Ref<Object>& match, Ref<Object>& rest) {
    int whole = group_condition(vm, condition, self);
    if (whole < 0)
        return false;
    if (whole && !is_tuple(condition) && !has_flag(condition->type, type_type_subclass)) {
        match = Ref<Object>::borrow(self);
        return true;
    }
    if (whole) {
        match = Ref<Object>::borrow(self);
        return true;
    }
    Object* exceptions = stored_attribute(vm, self, "exceptions");
    Ref<Object> matched = list_new(vm);
    Ref<Object> others = list_new(vm);
    if (!exceptions || !matched || !others)
        return false;
    Ref<Object> keep = Ref<Object>::borrow(exceptions);
    for (intptr_t i = 0; i < tuple_size(exceptions); ++i) {
        Object* item = tuple_items(exceptions)[i];
        if (is_group(vm, item)) {
            Ref<Object> m, r;
            if (!split_group(vm, item, condition, m, r))
                return false;
            if ((m && !is_ok(list_append(vm, matched.get(), m.get()))) ||
                (r && !is_ok(list_append(vm, others.get(), r.get()))))
                return false;
            continue;
        }
        int hit = group_condition(vm, condition, item);
        if (hit < 0)
            return false;
        if (!is_ok(list_append(vm, hit ? matched.get() : others.get(), item)))
            return false;
    }
    if (list_size(matched.get()) > 0) {
        match = derive_group(vm, self, matched.get());
        if (!match)
            return false;
    }
    if (list_size(others.get()) > 0) {
        rest = derive_group(vm, self, others.get());
        if (!rest)
            return false;
    }
    return true;
}

Ref<Object> group_split(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    Ref<Object> match, rest;
    if (!split_group(vm, self, args[0], match, rest))
        return nullptr;
    return tuple_pack(vm, {match ? match.get() : vm.none(), rest ? rest.get() : vm.none()});
}
Ref<Object> group_subgroup(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    Ref<Object> match, rest;
    if (!split_group(vm, self, args[0], match, rest))
        return nullptr;
    return match ? match : vm.new_none();
}
Ref<Object> group_derive(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    Object* message = stored_attribute(vm, self, "message");
    Ref<Object> group_args = tuple_pack(vm, {message ? message : vm.pools().empty_str(), args[0]});
    if (!group_args)
        return nullptr;
    return exception_new(vm, vm.exceptions().BaseExceptionGroup, group_args.get());
}

constexpr MethodDef group_methods[] = {
    {"split", group_split, MethodKind::o, nullptr},
    {"subgroup", group_subgroup, MethodKind::o, nullptr},
    {"derive", group_derive, MethodKind::o, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

constexpr MethodDef exception_methods[] = {
    {"add_note", exception_add_note, MethodKind::o, "Add a note to the exception"},
    {"with_traceback", exception_with_traceback, MethodKind::o,
     "Set self.__traceback__ to tb and return self."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// CPython's BaseException_str: '' for no arguments, str(arg) for one, str(args) otherwise.
// KeyError shows the repr of its one argument (KeyError_str); OSError and the Unicode errors have
// their own forms.
Ref<Object> exception_str(VM& vm, Object* self) {
    bool applies = false;
    Ref<Object> special = oserror_str(vm, self, applies);
    if (applies || special)
        return special;
    special = unicode_error_str(vm, self, applies);
    if (applies || special)
        return special;
    if (is_subtype(self->type, vm.exceptions().SyntaxError))
        return syntax_error_str(vm, self);
    if (is_subtype(self->type, vm.exceptions().ImportError)) {
        // ImportError_str: the msg attribute when it is a str.
        Object* message = stored_attribute(vm, self, "msg");
        if (message && is_str(message))
            return Ref<Object>::borrow(message);
    }
    if (is_subtype(self->type, vm.exceptions().BaseExceptionGroup)) {
        Object* message = stored_attribute(vm, self, "message");
        Object* exceptions = stored_attribute(vm, self, "exceptions");
        if (message && exceptions && is_str(message) && is_tuple(exceptions)) {
            intptr_t count = tuple_size(exceptions);
            return str_from_utf8(vm, str_to_utf8(message) + " (" + std::to_string(count) +
                                         " sub-exception" + (count == 1 ? "" : "s") + ")");
        }
    }
    Object* args = as_exception(self)->args;
    if (!args || tuple_size(args) == 0)
        return Ref<Object>::borrow(vm.pools().empty_str());
    if (tuple_size(args) == 1) {
        if (is_subtype(self->type, vm.exceptions().KeyError))
            return object_repr(vm, tuple_items(args)[0]);
        return object_str(vm, tuple_items(args)[0]);
    }
    return object_str(vm, args);
}

Type* make_exception_type(VM& vm, const char* name, Type* base) {
    TypeSpec spec{};
    spec.name = name;
    spec.base = base;
    spec.basic_size = sizeof(BaseExceptionObject);
    spec.flags = type_has_gc | type_base_type | type_exception_subclass;
    if (!base) {
        spec.slots.dealloc = exception_dealloc;
        spec.slots.traverse = exception_traverse;
        spec.slots.clear = exception_clear;
        spec.slots.repr = exception_repr;
        spec.slots.str = exception_str;
        spec.methods = exception_methods;
    }
    if (std::string_view(name) == "BaseExceptionGroup")
        spec.methods = group_methods;
    Ref<Type> type;
    if (std::string_view(name) == "ExceptionGroup") {
        Type* bases[] = {vm.exceptions().BaseExceptionGroup, vm.exceptions().Exception};
        spec.base = bases[0];
        type = make_type_with_bases(vm, spec, bases, 2);
    } else {
        type = make_type(vm, spec);
    }
    return type.release();
}

} // namespace

// The class of BaseExceptionGroup(message, exceptions) after validating its arguments: an
// ExceptionGroup when `type` is BaseExceptionGroup and every member is an Exception (PEP 654).
// Null with TypeError/ValueError as CPython's BaseExceptionGroup.__new__.
Type* exception_group_type(VM& vm, Type* type, Object* args) {
    ExceptionTypes& t = vm.exceptions();
    intptr_t n = args ? tuple_size(args) : 0;
    if (n != 2) {
        (void)raise_type_error(vm, "BaseExceptionGroup.__new__() takes exactly 2 arguments (", n,
                               " given)");
        return nullptr;
    }
    Object* message = tuple_items(args)[0];
    Object* exceptions = tuple_items(args)[1];
    if (!is_str(message)) {
        (void)raise_type_error(vm, "BaseExceptionGroup.__new__() argument 1 must be str, not ",
                               message->type->name);
        return nullptr;
    }
    if (is_dict(exceptions) || !exceptions->type->slots.getitem || !exceptions->type->slots.len) {
        (void)raise_type_error(vm, "second argument (exceptions) must be a sequence");
        return nullptr;
    }
    Ref<Object> items = sequence_to_list(vm, exceptions);
    if (!items)
        return nullptr;
    if (list_size(items.get()) == 0) {
        (void)raise_value_error(vm, "second argument (exceptions) must be a non-empty sequence");
        return nullptr;
    }
    bool all_exceptions = true;
    for (intptr_t i = 0; i < list_size(items.get()); ++i) {
        Object* item = list_items(items.get())[i];
        if (!is_exception_instance(item)) {
            (void)raise_value_error(vm, "Item ", i,
                                    " of second argument (exceptions) is not an exception");
            return nullptr;
        }
        all_exceptions = all_exceptions && is_subtype(item->type, t.Exception);
    }
    if (type == t.BaseExceptionGroup && all_exceptions)
        return t.ExceptionGroup;
    if (!all_exceptions && is_subtype(type, t.Exception)) {
        (void)raise_type_error(vm, "Cannot nest BaseExceptions in ",
                               type == t.ExceptionGroup ? "an ExceptionGroup"
                                                        : std::string("'") + type->name + "'");
        return nullptr;
    }
    return type;
}

bool init_exception_types(VM& vm) {
    struct Entry {
        const char* name;
        Type* ExceptionTypes::*member;
        std::string_view base;
    };
#define MINIPY_X(name, base) {#name, &ExceptionTypes::name, #base},
    static constexpr Entry entries[] = {MINIPY_EXCEPTION_TYPES(MINIPY_X)};
#undef MINIPY_X
    ExceptionTypes& types = vm.exceptions();
    // Each base is listed before its subclasses, so it exists when they are made.
    for (const Entry& entry : entries) {
        Type* base = nullptr;
        for (const Entry& candidate : entries) {
            if (candidate.name == entry.base)
                base = types.*candidate.member;
        }
        Type* type = make_exception_type(vm, entry.name, base);
        if (!type)
            return false;
        types.*entry.member = type;
    }
    Ref<Object> args = tuple_new(vm, 0);
    if (!args)
        return false;
    Ref<Object> memory_error = exception_new(vm, types.MemoryError, args.get());
    if (!memory_error)
        return false;
    vm.set_memory_error_instance(memory_error.release());
    return true;
}

Ref<Object> exception_new(VM& vm, Type* type, Object* args) {
    // OSError(errno, strerror) makes the subclass for errno (PEP 3151), only for OSError itself.
    if (type == vm.exceptions().OSError && args && tuple_size(args) >= 2 && tuple_size(args) <= 5 &&
        is_int(tuple_items(args)[0])) {
        int64_t code = 0;
        if (int_to_i64(tuple_items(args)[0], code)) {
            if (Type* subclass = oserror_subclass(vm, code))
                type = subclass;
        }
    }
    if (vm.exceptions().ExceptionGroup && is_subtype(type, vm.exceptions().BaseExceptionGroup)) {
        type = exception_group_type(vm, type, args);
        if (!type)
            return nullptr;
    }
    Ref<BaseExceptionObject> e = allocate_object<BaseExceptionObject>(vm, type);
    if (!e)
        return nullptr;
    incref(args);
    e->args = args;
    if (!has_flag(type, type_exception_subclass) || !vm.exceptions().UnicodeDecodeError)
        return e;
    if (!is_ok(init_special_attributes(vm, e.get())))
        return nullptr;
    return e;
}

namespace {

// The keyword arguments the built-in __init__ of exception class `cls` takes (CPython 3.10+:
// ImportError name/path, AttributeError name/obj, NameError name). Raises TypeError for others.
Status check_exception_keywords(VM& vm, Type* cls, Object* kwnames) {
    intptr_t nkw = kwnames ? tuple_size(kwnames) : 0;
    if (nkw == 0)
        return Status::ok;
    ExceptionTypes& t = vm.exceptions();
    const char* owner = nullptr;
    std::vector<std::string_view> accepted;
    if (is_subtype(cls, t.ImportError)) {
        owner = "ImportError";
        accepted = {"name", "path"};
    } else if (is_subtype(cls, t.AttributeError)) {
        owner = "AttributeError";
        accepted = {"name", "obj"};
    } else if (is_subtype(cls, t.NameError)) {
        owner = "NameError";
        accepted = {"name"};
    }
    if (!owner)
        return raise_type_error(vm, cls->name, "() takes no keyword arguments");
    if (nkw > static_cast<intptr_t>(accepted.size()))
        return raise_type_error(vm, owner, "() takes at most ", accepted.size(),
                                " keyword argument", accepted.size() == 1 ? "" : "s", " (", nkw,
                                " given)");
    for (intptr_t i = 0; i < nkw; ++i) {
        std::string key = str_to_utf8(tuple_items(kwnames)[i]);
        if (std::find(accepted.begin(), accepted.end(), key) == accepted.end())
            return raise_type_error(vm, "'", key, "' is an invalid keyword argument for ", owner,
                                    "()");
    }
    return Status::ok;
}

Status store_exception_keywords(VM& vm, Object* e, Object* const* values, Object* kwnames) {
    intptr_t nkw = kwnames ? tuple_size(kwnames) : 0;
    for (intptr_t i = 0; i < nkw; ++i) {
        std::string key = str_to_utf8(tuple_items(kwnames)[i]);
        if (!is_ok(store_attribute(vm, e, key.c_str(), values[i])))
            return Status::error;
    }
    return Status::ok;
}

} // namespace

Ref<Object> exception_new_from_call(VM& vm, Type* cls, Object* const* args, size_t npos,
                                    Object* kwnames, bool python_init) {
    Ref<Object> tuple = tuple_from_array(vm, args, npos);
    if (!tuple)
        return nullptr;
    Object* keywords = python_init ? nullptr : kwnames;
    if (!is_ok(check_exception_keywords(vm, cls, keywords)))
        return nullptr;
    Ref<Object> e = exception_new(vm, cls, tuple.get());
    if (!e || !is_ok(store_exception_keywords(vm, e.get(), args + npos, keywords)))
        return nullptr;
    return e;
}

Status exception_init_from_call(VM& vm, Object* self, Object* const* args, size_t npos,
                                Object* kwnames) {
    if (!is_ok(check_exception_keywords(vm, self->type, kwnames)))
        return Status::error;
    Ref<Object> tuple = tuple_from_array(vm, args, npos);
    if (!tuple)
        return Status::error;
    set_ref(as_exception(self)->args, tuple.release());
    if (!is_ok(init_special_attributes(vm, self)))
        return Status::error;
    return store_exception_keywords(vm, self, args + npos, kwnames);
}

void attribute_error_add_context(VM& vm, Object* object, Object* name) {
    Object* error = vm.thread_state().exception();
    if (!error || !exception_matches(error, vm.exceptions().AttributeError))
        return;
    Object* obj = stored_attribute(vm, error, "obj");
    if (obj && obj != vm.none())
        return; // already augmented (an inner getattr, or obj= given)
    Ref<Object> keep = Ref<Object>::borrow(error);
    if (!is_ok(store_attribute(vm, error, "name", name)) ||
        !is_ok(store_attribute(vm, error, "obj", object)))
        vm.thread_state().set_exception(std::move(keep)); // the AttributeError stays the error
}

void name_error_set_name(VM& vm, Object* name) {
    Object* error = vm.thread_state().exception();
    if (!error || error->type != vm.exceptions().NameError)
        return;
    Ref<Object> keep = Ref<Object>::borrow(error);
    if (!is_ok(store_attribute(vm, error, "name", name)))
        vm.thread_state().set_exception(std::move(keep));
}

bool is_exception_instance(const Object* object) {
    return has_flag(object->type, type_exception_subclass);
}

bool exception_matches(const Object* exception, const Type* type) {
    return is_subtype(exception->type, type);
}

Raised raise_object(VM& vm, Object* exception) {
    vm.thread_state().set_exception(Ref<Object>::borrow(exception));
    return {};
}

Raised raise_memory_error(VM& vm) {
    if (Object* instance = vm.memory_error_instance())
        vm.thread_state().set_exception(Ref<Object>::borrow(instance));
    return {};
}

Raised raise_message(VM& vm, Type* type, std::string_view message) {
    Ref<Object> text = str_from_utf8(vm, message);
    if (!text)
        return {};
    Ref<Object> args = tuple_pack(vm, {text.get()});
    if (!args)
        return {};
    Ref<Object> exception = exception_new(vm, type, args.get());
    if (!exception)
        return {};
    vm.thread_state().set_exception(std::move(exception));
    return {};
}

Raised raise_no_args(VM& vm, Type* type) {
    Ref<Object> exception = exception_new(vm, type, vm.pools().empty_tuple());
    if (!exception)
        return {};
    vm.thread_state().set_exception(std::move(exception));
    return {};
}

Raised raise_with_value(VM& vm, Type* type, Object* value) {
    Ref<Object> args = tuple_pack(vm, {value});
    if (!args)
        return {};
    Ref<Object> exception = exception_new(vm, type, args.get());
    if (!exception)
        return {};
    vm.thread_state().set_exception(std::move(exception));
    return {};
}

Raised raise_key_error(VM& vm, Object* key) {
    return raise_with_value(vm, vm.exceptions().KeyError, key);
}

namespace detail {
Type* exception_type(VM& vm, Type* ExceptionTypes::*member) {
    return vm.exceptions().*member;
}
} // namespace detail

} // namespace minipy::vm
