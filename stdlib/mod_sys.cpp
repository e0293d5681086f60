// The `sys` module: the interpreter's own state seen from Python (argv, path, modules, the standard
// streams, recursion limit, reference counts and the refchain, the handled exception, frames) and
// the constants CPython 3.11 documents (version_info, flags, float_info, ...).
//
// Invariants:
//  - sys.path and sys.modules are the runtime's own list and dict (import reads those very
//  objects);
//  - every function of the module is bound to the module (`sys.exit.__self__ is sys`, as CPython),
//    so the hooks find sys.stdout/stderr without a lookup in sys.modules;
//  - sys._getframe() returns frame snapshots: minipy frames are not heap objects, so a frame object
//    copies the code, globals, locals and line of the running frame and of every caller (f_back).
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "gc/alloc.h"
#include "gc/collector.h"
#include "stdlib/io.h"
#include "stdlib/modules.h"
#include "stdlib/struct_seq.h"
#include "stdlib/sys.h"
#include "vm/code.h"
#include "vm/eval_helpers.h"
#include "vm/eval_ops.h"
#include "vm/frame.h"
#include "vm/traceback.h"
#include "vm/types/bytes.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/set.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/version.h"
#include "vm/vm.h"

namespace minipy::stdlib {

using namespace minipy::vm;

// sys.setswitchinterval, getswitchinterval, setcheckinterval, getcheckinterval and _gilstats
// (stdlib/mod_thread.cpp).
extern const MethodDef sys_gil_functions[];

namespace {

using Args = Object* const*;

Object* module_dict(Object* module) {
    return static_cast<Module*>(module)->dict;
}

bool set_attr_text(VM& vm, Object* module, const char* name, std::string_view text) {
    Ref<Object> value = str_from_utf8(vm, text);
    return value && add_object(runtime_of(vm), module, name, value.get());
}

bool set_attr_int(VM& vm, Object* module, const char* name, int64_t number) {
    Ref<Object> value = int_from_i64(vm, number);
    return value && add_object(runtime_of(vm), module, name, value.get());
}

// ====== Frame snapshots (sys._getframe)

struct FrameObject : Object {
    Object* code;     // owned Code
    Object* globals;  // owned dict
    Object* builtins; // owned dict
    Object* locals;   // owned mapping
    Object* back;     // owned FrameObject, or null
    Frame* live;      // the frame it copies: read while it is still running (see live_frame)
    int32_t line;
    int32_t lasti;
};

int frame_traverse(Object* self, VisitFn visit, void* arg) {
    auto* f = static_cast<FrameObject*>(self);
    for (Object* field : {f->code, f->globals, f->builtins, f->locals, f->back}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    return 0;
}

void frame_clear_fields(Object* self) {
    auto* f = static_cast<FrameObject*>(self);
    set_ref(f->code, nullptr);
    set_ref(f->globals, nullptr);
    set_ref(f->builtins, nullptr);
    set_ref(f->locals, nullptr);
    set_ref(f->back, nullptr);
}

// A frame object owns a reference to its type: the type lives in sys.__dict__ only, and a frame
// kept in a cycle (a traceback's tb_frame) may outlive the sys module's clearing at exit.
void frame_dealloc(Object* self) {
    Type* type = self->type;
    frame_clear_fields(self);
    vm_of(self).heap().release(self);
    decref(type);
}

// The running frame a snapshot copies, while it still runs on this thread (found on the current
// frame chain with the same code), else null: then the snapshot's copies answer.
Frame* live_frame(Runtime& rt, FrameObject* f) {
    for (Frame* frame = rt.current_frame(); frame; frame = frame->previous) {
        if (frame == f->live)
            return frame->code == static_cast<Code*>(f->code) ? frame : nullptr;
    }
    return nullptr;
}

Ref<Object> frame_repr(VM& vm, Object* self) {
    auto* f = static_cast<FrameObject*>(self);
    Code* code = static_cast<Code*>(f->code);
    char address[32];
    std::snprintf(address, sizeof address, "%p", static_cast<void*>(self));
    Ref<Object> file = object_repr(vm, code->filename);
    if (!file)
        return nullptr;
    Frame* live = live_frame(runtime_of(vm), f);
    int line = live ? live->line() : f->line;
    return str_from_utf8(vm, std::string("<frame at ") + address + ", file " +
                                 str_to_utf8(file.get()) + ", line " + std::to_string(line) +
                                 ", code " + str_to_utf8(code->name) + ">");
}

Ref<Object> frame_getattr(VM& vm, Object* self, Object* name) {
    auto* f = static_cast<FrameObject*>(self);
    std::string_view text = str_ascii_view(name);
    if (text == "f_lineno" || text == "f_locals" || text == "f_lasti") {
        Runtime& rt = runtime_of(vm);
        if (Frame* frame = live_frame(rt, f)) {
            if (text == "f_lineno")
                return int_from_i64(vm, frame->line());
            if (text == "f_lasti")
                return int_from_i64(vm, frame->instruction() * 2);
            Ref<Object> locals = frame_locals(rt, frame);
            if (!locals)
                return nullptr;
            set_ref(f->locals, Ref<Object>(locals).release());
            return locals;
        }
    }
    auto or_none = [&](Object* value) { return Ref<Object>::borrow(value ? value : vm.none()); };
    if (text == "f_code")
        return or_none(f->code);
    if (text == "f_globals")
        return or_none(f->globals);
    if (text == "f_builtins")
        return or_none(f->builtins);
    if (text == "f_locals")
        return or_none(f->locals);
    if (text == "f_back")
        return or_none(f->back);
    if (text == "f_lineno")
        return int_from_i64(vm, f->line);
    if (text == "f_lasti")
        return int_from_i64(vm, f->lasti);
    if (text == "f_trace")
        return vm.new_none();
    return get_attr_generic(vm, self, name);
}

// frame.clear(): drops the variables of a finished frame (traceback.clear_frames); a frame that
// still runs raises RuntimeError, as CPython.
Ref<Object> frame_clear_method(VM& vm, Object* self, Args, size_t, Object*) {
    auto* f = static_cast<FrameObject*>(self);
    if (live_frame(runtime_of(vm), f))
        return raise_runtime_error(vm, "cannot clear an executing frame");
    Ref<Object> empty = dict_new(vm);
    if (!empty)
        return nullptr;
    set_ref(f->locals, empty.release());
    return vm.new_none();
}

constexpr MethodDef frame_methods[] = {
    {"clear", frame_clear_method, MethodKind::noargs, "Clear all references held by the frame."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

Type* frame_type(Runtime& rt) {
    Object* found = nullptr;
    Ref<Object> key = intern(rt.vm(), "__frame_type__");
    Object* sys = sys_module(rt);
    if (key && sys && dict_lookup(rt.vm(), module_dict(sys), key.get(), &found) > 0 && found &&
        has_flag(found->type, type_type_subclass) &&
        static_cast<Type*>(found)->slots.getattr == frame_getattr)
        return static_cast<Type*>(found);
    return nullptr;
}

// Snapshots `frame` and its callers.
Ref<Object> frame_snapshot(Runtime& rt, Type* type, Frame* frame) {
    VM& vm = rt.vm();
    std::vector<Frame*> chain;
    for (Frame* f = frame; f; f = f->previous)
        chain.push_back(f);
    Ref<Object> back;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        Frame* f = *it;
        Ref<FrameObject> object = allocate_object<FrameObject>(vm, type);
        if (!object)
            return nullptr;
        incref(type); // released by frame_dealloc
        Ref<Object> locals = frame_locals(rt, f);
        if (!locals)
            return nullptr;
        incref(f->code);
        object->code = f->code;
        object->globals = Ref<Object>::borrow(f->globals).release();
        object->builtins = Ref<Object>::borrow(f->builtins).release();
        object->locals = locals.release();
        object->back = back.release();
        object->live = f;
        object->line = f->line();
        object->lasti = f->instruction() * 2;
        back = Ref<Object>(std::move(object).cast<Object>());
    }
    return back;
}

} // namespace

// A traceback entry's tb_frame: the running frame's snapshot while it still runs on this thread,
// else a frame object made from what the entry kept (f_back `back`, f_locals `locals`).
Ref<Object> sys_traceback_frame(Runtime& rt, Code* code, Object* globals, Object* builtins,
                                Object* locals, Object* back, Frame* live, int line, int lasti) {
    VM& vm = rt.vm();
    Type* type = frame_type(rt);
    if (!type)
        return raise_runtime_error(vm, "lost sys.__frame_type__");
    for (Frame* frame = rt.current_frame(); frame && live; frame = frame->previous) {
        if (frame == live && frame->code == code)
            return frame_snapshot(rt, type, frame);
    }
    Ref<FrameObject> object = allocate_object<FrameObject>(vm, type);
    if (!object)
        return nullptr;
    incref(type); // released by frame_dealloc
    Ref<Object> mapping = locals ? Ref<Object>::borrow(locals) : dict_new(vm);
    if (!mapping)
        return nullptr;
    incref(code);
    object->code = code;
    object->globals = Ref<Object>::borrow(globals).release();
    object->builtins = Ref<Object>::borrow(builtins).release();
    object->locals = mapping.release();
    object->back = back ? Ref<Object>::borrow(back).release() : nullptr;
    object->live = nullptr;
    object->line = line;
    object->lasti = lasti;
    return Ref<Object>(std::move(object).cast<Object>());
}

namespace {

// ====== Functions

Ref<Object> sys_exit(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "exit expected at most 1 argument, got ", nargs);
    // sys.exit(None) raises SystemExit() with no arguments, as CPython.
    Ref<Object> tuple = tuple_from_array(vm, args, nargs == 1 && args[0] == vm.none() ? 0 : nargs);
    if (!tuple)
        return nullptr;
    Ref<Object> exception = exception_new(vm, vm.exceptions().SystemExit, tuple.get());
    if (!exception)
        return nullptr;
    return raise_object(vm, exception.get());
}

Ref<Object> sys_getrecursionlimit(VM& vm, Object*, Args, size_t, Object*) {
    return int_from_i64(vm, vm.recursion_limit());
}

// The eval loop's limit is the VM's (VM::set_recursion_limit checks it as CPython does).
Ref<Object> sys_setrecursionlimit(VM& vm, Object*, Args args, size_t, Object*) {
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    int64_t limit = 0;
    if (!int_to_i64(args[0], limit))
        return raise_overflow_error(vm, "Python int too large to convert to C int");
    if (!is_ok(vm.set_recursion_limit(limit)))
        return nullptr;
    return vm.new_none();
}

// CPython's semantics: the count includes the reference the call's argument holds.
Ref<Object> sys_getrefcount(VM& vm, Object*, Args args, size_t, Object*) {
    return int_from_i64(vm, static_cast<int64_t>(args[0]->refcount));
}

Ref<Object> sys_gettotalrefcount(VM& vm, Object*, Args, size_t, Object*) {
    return int_from_i64(vm, static_cast<int64_t>(vm.heap().total_refcount()));
}

// sys.getobjects(limit[, type]) of a CPython debug build: the objects on the refchain, the most
// recently made first; limit 0 means all; `type` keeps only objects of exactly that type.
Ref<Object> sys_getobjects(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs < 1 || nargs > 2)
        return raise_type_error(vm, "getobjects expected 1 or 2 arguments, got ", nargs);
    int64_t limit = 0;
    if (!is_int(args[0]) || !int_to_i64(args[0], limit))
        return raise_type_error(vm, "getobjects() limit must be an int");
    Object* filter = nargs == 2 && args[1] != vm.none() ? args[1] : nullptr;
    if (filter && !has_flag(filter->type, type_type_subclass))
        return raise_type_error(vm, "getobjects() type must be a type");
    Ref<Object> result = list_new(vm);
    if (!result)
        return nullptr;
    int64_t count = 0;
    const Object* end = vm.heap().end();
    for (Object* o = end->chain_prev; o != end && (limit <= 0 || count < limit);
         o = o->chain_prev) {
        if (o == result.get() || (filter && o->type != filter))
            continue;
        if (!is_ok(list_append(vm, result.get(), o)))
            return nullptr;
        ++count;
    }
    return result;
}

Ref<Object> sys_intern(VM& vm, Object*, Args args, size_t, Object*) {
    if (!is_str(args[0]))
        return raise_type_error(vm, "intern() argument must be str, not ", args[0]->type->name);
    if (args[0]->type != vm.types().str)
        return raise_type_error(vm, "can't intern ", args[0]->type->name);
    return vm.pools().intern(vm, Ref<Object>::borrow(args[0]));
}

Ref<Object> sys_exc_info(VM& vm, Object*, Args, size_t, Object*) {
    Object* exception = runtime_of(vm).handled_exception();
    if (!exception || exception == vm.none())
        return tuple_pack(vm, {vm.none(), vm.none(), vm.none()});
    Object* traceback = static_cast<BaseExceptionObject*>(exception)->traceback;
    return tuple_pack(vm, {exception->type, exception, traceback ? traceback : vm.none()});
}

Ref<Object> sys_exception(VM& vm, Object*, Args, size_t, Object*) {
    Object* exception = runtime_of(vm).handled_exception();
    return Ref<Object>::borrow(exception ? exception : vm.none());
}

// The size CPython 3.11 (64-bit) reports for the built-in types, else the type's layout size;
// heap classes may define __sizeof__. Containers add the 16-byte collector header.
Ref<Object> sys_getsizeof(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    size_t npos = nargs;
    Object* fallback = nullptr;
    if (kwnames) {
        for (intptr_t i = 0; i < tuple_size(kwnames); ++i) {
            if (str_ascii_view(tuple_items(kwnames)[i]) != "default")
                return raise_type_error(vm, "getsizeof() got an unexpected keyword argument '",
                                        str_to_utf8(tuple_items(kwnames)[i]), "'");
            fallback = args[npos + static_cast<size_t>(i)];
        }
    }
    if (npos < 1 || npos > 2)
        return raise_type_error(vm, "getsizeof() takes at most 2 arguments (", npos, " given)");
    if (npos == 2)
        fallback = args[1];
    Object* o = args[0];
    Runtime& rt = runtime_of(vm);
    BuiltinTypes& t = vm.types();
    // CPython 3.11 counts the collector header, and for instances with a __dict__ the two
    // pre-header words of the managed dict as well.
    size_t gc_head = has_flag(o->type, type_has_gc) ? 16 : 0;
    if (is_heap_type(o->type) && heap_dict_offset(o->type) != 0)
        gc_head = 32;
    if (is_heap_type(o->type)) {
        Ref<Object> name = intern(vm, "__sizeof__");
        if (!name)
            return nullptr;
        if (type_lookup(o->type, name.get())) {
            Ref<Object> size = call_dunder(vm, o, name.get(), nullptr, 0);
            if (!size) {
                if (fallback &&
                    exception_matches(vm.thread_state().exception(), vm.exceptions().TypeError)) {
                    vm.thread_state().clear_exception();
                    return Ref<Object>::borrow(fallback);
                }
                return nullptr;
            }
            if (!is_int(size.get()))
                return raise_type_error(vm, "an integer is required");
            if (int_sign(size.get()) < 0)
                return raise_value_error(vm, "__sizeof__() should return >= 0");
            Ref<Object> extra = int_from_i64(vm, static_cast<int64_t>(gc_head));
            return extra ? int_add(vm, size.get(), extra.get()) : nullptr;
        }
    }
    int64_t size = 0;
    if (o->type == t.int_ || o->type == t.bool_) {
        int64_t value = 0;
        if (int_to_i64(o, value)) {
            uint64_t magnitude =
                value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
            int digits = 0;
            while (magnitude) {
                ++digits;
                magnitude >>= 30;
            }
            size = 24 + 4 * std::max(digits, 1);
        } else {
            mpz_t big;
            mpz_init(big);
            int_to_mpz(o, big);
            size = 24 + 4 * static_cast<int64_t>((mpz_sizeinbase(big, 2) + 29) / 30);
            mpz_clear(big);
        }
    } else if (o->type == t.float_) {
        size = 24;
    } else if (is_str(o)) {
        auto* s = static_cast<Str*>(o);
        size = s->ascii ? 48 + s->size + 1 : 72 + (s->size + 1) * s->kind;
        gc_head = 0;
    } else if (is_bytes(o)) {
        size = 33 + static_cast<VarObject*>(o)->size;
    } else if (is_tuple(o)) {
        size = 24 + 8 * tuple_size(o);
    } else if (is_list(o)) {
        size = 40 + 8 * static_cast<List*>(o)->allocated;
    } else if (is_dict(o)) {
        // CPython 3.11: the dict (48) plus a keys table of n slots: header, n index bytes and
        // 2n/3 entries of 24 bytes; no table while empty.
        intptr_t used = dict_size(o);
        int64_t slots = 8;
        while (slots * 2 / 3 < used)
            slots *= 2;
        size = used == 0 ? 48 : 48 + 32 + slots + slots * 2 / 3 * 24;
    } else if (o->type == t.set || o->type == t.frozenset) {
        // set_add's growth: a table of 8 slots, resized to 4 * used past 60% fill.
        intptr_t used = object_len(vm, o);
        if (used < 0)
            return nullptr;
        int64_t table = 8;
        for (int64_t k = 1; k <= used; ++k) {
            if (k * 5 >= (table - 1) * 3) {
                int64_t wanted = k * 4;
                table = 8;
                while (table <= wanted)
                    table <<= 1;
            }
        }
        size = 200 + (table > 8 ? table * 16 : 0);
    } else if (o == vm.none() || o->type == t.object) {
        size = 16;
    } else if (o->type == rt.types().range) {
        size = 48;
    } else if (is_heap_type(o->type) && solid_base(o->type) == t.object) {
        size = 24;
    } else {
        size = static_cast<int64_t>(o->type->basic_size);
        if (o->type->item_size)
            size += static_cast<int64_t>(o->type->item_size) * static_cast<VarObject*>(o)->size;
    }
    return int_from_i64(vm, size + static_cast<int64_t>(gc_head));
}

Ref<Object> sys_getframe(VM& vm, Object*, Args args, size_t nargs, Object*) {
    Runtime& rt = runtime_of(vm);
    int64_t depth = 0;
    if (nargs > 1)
        return raise_type_error(vm, "_getframe expected at most 1 argument, got ", nargs);
    if (nargs == 1) {
        if (!is_int(args[0]))
            return raise_type_error(vm, "'", args[0]->type->name,
                                    "' object cannot be interpreted as an integer");
        if (!int_to_i64(args[0], depth))
            return raise_overflow_error(vm, "Python int too large to convert to C int");
    }
    Frame* frame = rt.current_frame();
    for (; frame && depth > 0; --depth)
        frame = frame->previous;
    if (!frame)
        return raise_value_error(vm, "call stack is not deep enough");
    Type* type = frame_type(rt);
    if (!type)
        return raise_runtime_error(vm, "lost sys.__frame_type__");
    return frame_snapshot(rt, type, frame);
}

Ref<Object> write_to(VM& vm, const char* stream_name, std::string_view text) {
    Runtime& rt = runtime_of(vm);
    Ref<Object> stream = sys_get(rt, stream_name);
    if (!stream || stream.get() == vm.none())
        return raise_runtime_error(vm, "lost sys.", stream_name);
    if (!is_ok(io_write_utf8(vm, stream.get(), text)))
        return nullptr;
    return vm.new_none();
}

// sys.displayhook(value): what the REPL does with an expression statement's value.
Ref<Object> sys_displayhook(VM& vm, Object*, Args args, size_t, Object*) {
    Runtime& rt = runtime_of(vm);
    Object* value = args[0];
    if (value == vm.none())
        return vm.new_none();
    Ref<Object> underscore = intern(vm, "_");
    if (!underscore || !is_ok(dict_setitem(vm, rt.builtins(), underscore.get(), vm.none())))
        return nullptr;
    Ref<Object> text = object_repr(vm, value);
    if (!text)
        return nullptr;
    if (!write_to(vm, "stdout", str_to_utf8(text.get()) + "\n"))
        return nullptr;
    if (!is_ok(dict_setitem(vm, rt.builtins(), underscore.get(), value)))
        return nullptr;
    return vm.new_none();
}

// The traceback text print_exception writes, captured from a memory stream.
std::string exception_text(Runtime& rt, Object* exception) {
    char* buffer = nullptr;
    size_t size = 0;
    std::FILE* memory = open_memstream(&buffer, &size);
    if (!memory)
        return "";
    print_exception(rt, exception, memory);
    std::fclose(memory);
    std::string text(buffer, size);
    std::free(buffer);
    return text;
}

// sys.excepthook(type, value, traceback): prints the traceback to sys.stderr.
Ref<Object> sys_excepthook(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 3)
        return raise_type_error(vm, "excepthook expected 3 arguments, got ", nargs);
    Runtime& rt = runtime_of(vm);
    Object* value = args[1];
    if (!is_exception_instance(value)) {
        Ref<Object> text = object_repr(vm, value);
        if (!text)
            return nullptr;
        return write_to(vm, "stderr",
                        "TypeError: print_exception(): Exception expected for value, " +
                            std::string(value->type->name) + " found\n");
    }
    Ref<Object> stream = sys_get(rt, "stderr");
    if (!stream || stream.get() == vm.none())
        return raise_runtime_error(vm, "lost sys.stderr");
    std::string text = exception_text(rt, value);
    if (!is_ok(io_write_utf8(vm, stream.get(), text)))
        return nullptr;
    return vm.new_none();
}

// sys.unraisablehook(unraisable) (the default one, also sys.__unraisablehook__): writes
// "Exception ignored in: ..." and the traceback to sys.stderr (vm/traceback.h).
Ref<Object> sys_unraisablehook(VM& vm, Object*, Args args, size_t, Object*) {
    Runtime& rt = runtime_of(vm);
    const char* names[] = {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"};
    Ref<Object> values[5];
    for (size_t i = 0; i < 5; ++i) {
        Ref<Object> key = intern(vm, names[i]);
        values[i] = key ? get_attr(vm, args[0], key.get()) : nullptr;
        if (!values[i])
            return nullptr;
    }
    return write_to(vm, "stderr",
                    unraisable_text(rt, values[0].get(), values[1].get(), values[2].get(),
                                    values[3].get(), values[4].get()));
}

Ref<Object> sys_getdefaultencoding(VM& vm, Object*, Args, size_t, Object*) {
    return str_from_utf8(vm, "utf-8");
}
Ref<Object> sys_getfilesystemencodeerrors(VM& vm, Object*, Args, size_t, Object*) {
    return str_from_utf8(vm, "surrogateescape");
}
Ref<Object> sys_is_finalizing(VM& vm, Object*, Args, size_t, Object*) {
    return vm.new_bool(vm.is_finalizing());
}
Ref<Object> sys_get_int_max_str_digits(VM& vm, Object*, Args, size_t, Object*) {
    return int_from_i64(vm, vm.int_max_str_digits());
}
Ref<Object> sys_set_int_max_str_digits(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    Object* value = nargs == 1 && !kwnames ? args[0] : nullptr;
    if (kwnames && tuple_size(kwnames) == 1 && nargs == 0 &&
        str_ascii_view(tuple_items(kwnames)[0]) == "maxdigits")
        value = args[0];
    if (!value)
        return raise_type_error(vm, "set_int_max_str_digits() takes exactly one argument");
    int64_t digits = 0;
    if (!is_int(value) || !int_to_i64(value, digits))
        return raise_type_error(vm, "'", value->type->name,
                                "' object cannot be interpreted as an integer");
    if (digits != 0 && digits < 640)
        return raise_value_error(vm, "maxdigits must be 0 or larger than 640");
    vm.set_int_max_str_digits(digits);
    return vm.new_none();
}
Ref<Object> sys_getallocatedblocks(VM& vm, Object*, Args, size_t, Object*) {
    return int_from_i64(vm, static_cast<int64_t>(vm.heap().object_count()));
}
Ref<Object> sys_gettrace(VM& vm, Object*, Args, size_t, Object*) {
    return vm.new_none();
}

// sys._debugmallocstats(): the state of minipy's memory machinery, to stderr (CPython prints its
// allocator's arenas and free lists the same way): the pools, each free list (length of cap), the
// refchain and the collector's generations.
Ref<Object> sys__debugmallocstats(VM& vm, Object*, Args, size_t, Object*) {
    std::fflush(stdout);
    gc::Pools& pools = vm.pools();
    gc::FreeLists& lists = vm.free_lists();
    gc::Heap& heap = vm.heap();
    std::fprintf(stderr, "Object allocator: %s\n", gc::allocator_name);
    std::fprintf(stderr, "Small-int pool: %lld objects (%lld..%lld)\n",
                 static_cast<long long>(gc::Pools::small_int_max - gc::Pools::small_int_min + 1),
                 static_cast<long long>(gc::Pools::small_int_min),
                 static_cast<long long>(gc::Pools::small_int_max));
    std::fprintf(stderr, "Interned strings: %zu\n", pools.interned_count());
    auto print_list = [](const char* name, gc::FreeList& list) {
        std::fprintf(stderr, "Free list %-10s %5zu of %5zu\n", name, list.size(), list.cap());
    };
    print_list("float:", lists.floats());
    print_list("int:", lists.ints());
    print_list("list:", lists.lists());
    print_list("dict:", lists.dicts());
    for (size_t length = 1; length < gc::FreeLists::tuple_max_length; ++length) {
        std::string name = "tuple[" + std::to_string(length) + "]:";
        print_list(name.c_str(), lists.tuples(length));
    }
    std::fprintf(stderr, "Objects on the refchain: %zu\n", heap.object_count());
    std::fprintf(stderr, "Tracked containers: generation 0: %zu, 1: %zu, 2: %zu, permanent: %zd\n",
                 heap.generation_size(0), heap.generation_size(1), heap.generation_size(2),
                 gc::freeze_count(vm));
    std::fprintf(stderr, "Collector counts: %zd %zd %zd, thresholds: %zd %zd %zd\n",
                 heap.generation_counter(0), heap.generation_counter(1), heap.generation_counter(2),
                 heap.threshold(0), heap.threshold(1), heap.threshold(2));
    std::fflush(stderr);
    return vm.new_none();
}

constexpr MethodDef sys_functions[] = {
    {"exit", sys_exit, MethodKind::fastcall, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", sys_getrecursionlimit, MethodKind::noargs, nullptr},
    {"setrecursionlimit", sys_setrecursionlimit, MethodKind::o, nullptr},
    {"getrefcount", sys_getrefcount, MethodKind::o, nullptr},
    {"gettotalrefcount", sys_gettotalrefcount, MethodKind::noargs, nullptr},
    {"getobjects", sys_getobjects, MethodKind::fastcall, nullptr},
    {"getallocatedblocks", sys_getallocatedblocks, MethodKind::noargs, nullptr},
    {"_debugmallocstats", sys__debugmallocstats, MethodKind::noargs, nullptr},
    {"intern", sys_intern, MethodKind::o, nullptr},
    {"exc_info", sys_exc_info, MethodKind::noargs, nullptr},
    {"exception", sys_exception, MethodKind::noargs, nullptr},
    {"getsizeof", sys_getsizeof, MethodKind::fastcall_keywords, nullptr},
    {"_getframe", sys_getframe, MethodKind::fastcall, nullptr},
    {"displayhook", sys_displayhook, MethodKind::o, nullptr},
    {"excepthook", sys_excepthook, MethodKind::fastcall, nullptr},
    {"unraisablehook", sys_unraisablehook, MethodKind::o, nullptr},
    {"getdefaultencoding", sys_getdefaultencoding, MethodKind::noargs, nullptr},
    {"getfilesystemencoding", sys_getdefaultencoding, MethodKind::noargs, nullptr},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, MethodKind::noargs, nullptr},
    {"is_finalizing", sys_is_finalizing, MethodKind::noargs, nullptr},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, MethodKind::noargs, nullptr},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, MethodKind::fastcall_keywords, nullptr},
    {"gettrace", sys_gettrace, MethodKind::noargs, nullptr},
    {"getprofile", sys_gettrace, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// ====== Constants

// "3.11.7" -> {3, 11, 7}.
void parse_version(const char* text, int64_t parts[3]) {
    parts[0] = parts[1] = parts[2] = 0;
    int index = 0;
    for (const char* p = text; *p && index < 3; ++p) {
        if (*p == '.')
            ++index;
        else if (*p >= '0' && *p <= '9')
            parts[index] = parts[index] * 10 + (*p - '0');
    }
}

Ref<Object> version_tuple(Runtime& rt, Type* type, const char* text) {
    VM& vm = rt.vm();
    int64_t parts[3];
    parse_version(text, parts);
    Ref<Object> major = int_from_i64(vm, parts[0]);
    Ref<Object> minor = int_from_i64(vm, parts[1]);
    Ref<Object> micro = int_from_i64(vm, parts[2]);
    Ref<Object> level = str_from_utf8(vm, "final");
    Ref<Object> serial = int_from_i64(vm, 0);
    if (!major || !minor || !micro || !level || !serial)
        return nullptr;
    return struct_seq_new(vm, type,
                          {major.get(), minor.get(), micro.get(), level.get(), serial.get()});
}

int64_t hex_version(const char* text) {
    int64_t parts[3];
    parse_version(text, parts);
    return (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | 0xF0;
}

// A struct sequence from a list of ints/objects made by the caller.
Ref<Object> make_seq(Runtime& rt, const char* name, std::initializer_list<const char*> fields,
                     const std::vector<Ref<Object>>& values) {
    Ref<Type> type = struct_seq_type_new(rt, name, fields);
    if (!type)
        return nullptr;
    for (const Ref<Object>& value : values)
        if (!value)
            return nullptr;
    std::vector<Object*> items;
    for (const Ref<Object>& value : values)
        items.push_back(value.get());
    return struct_seq_from_array(rt.vm(), type.get(), items.data(), items.size());
}

// PYTHONDONTWRITEBYTECODE, as CPython reads it (minipy writes no bytecode files either way).
bool dont_write_bytecode() {
    const char* value = std::getenv("PYTHONDONTWRITEBYTECODE");
    return value && *value;
}

bool add_struct_seqs(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    auto i = [&](int64_t v) { return int_from_i64(vm, v); };
    auto f = [&](double v) { return float_new(vm, v); };
    auto s = [&](const char* v) { return str_from_utf8(vm, v); };

    Ref<Type> version_type = struct_seq_type_new(
        rt, "sys.version_info", {"major", "minor", "micro", "releaselevel", "serial"});
    if (!version_type)
        return false;
    Ref<Object> version_info = version_tuple(rt, version_type.get(), MINIPY_PYTHON_VERSION_TEXT);
    Ref<Object> own_version = version_tuple(rt, version_type.get(), MINIPY_VERSION_TEXT);
    if (!version_info || !own_version ||
        !add_object(rt, module, "version_info", version_info.get()))
        return false;

    // sys.implementation: a namespace, as CPython's types.SimpleNamespace.
    Ref<Object> impl_values = dict_new(vm);
    if (!impl_values)
        return false;
    struct Item {
        const char* name;
        Ref<Object> value;
    };
    Item impl_items[] = {
        {"name", s("minipy")},
        {"cache_tag", vm.new_none()},
        {"version", Ref<Object>::borrow(own_version.get())},
        {"hexversion", i(hex_version(MINIPY_VERSION_TEXT))},
        {"_multiarch", s("x86_64-linux-gnu")},
    };
    for (Item& item : impl_items) {
        Ref<Object> key = intern(vm, item.name);
        if (!key || !item.value ||
            !is_ok(dict_setitem(vm, impl_values.get(), key.get(), item.value.get())))
            return false;
    }
    Ref<Type> impl_type = struct_seq_type_new(
        rt, "namespace", {"name", "cache_tag", "version", "hexversion", "_multiarch"});
    if (!impl_type)
        return false;
    Ref<Object> implementation = struct_seq_new(
        vm, impl_type.get(),
        {impl_items[0].value.get(), impl_items[1].value.get(), impl_items[2].value.get(),
         impl_items[3].value.get(), impl_items[4].value.get()});
    if (!implementation || !add_object(rt, module, "implementation", implementation.get()))
        return false;

    bool hash_random = vm.hash_seed() != 0;
    Ref<Object> flags =
        make_seq(rt, "sys.flags",
                 {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                  "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
                  "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
                  "warn_default_encoding", "safe_path", "int_max_str_digits"},
                 {i(0), i(0), i(0), i(0), i(dont_write_bytecode() ? 1 : 0), i(0), i(0), i(0), i(0),
                  i(0), i(0), i(hash_random ? 1 : 0), i(0), vm.new_bool(false), i(0), i(0),
                  vm.new_bool(false), i(-1)});
    Ref<Object> float_info = make_seq(
        rt, "sys.float_info",
        {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig",
         "epsilon", "radix", "rounds"},
        {f(DBL_MAX), i(DBL_MAX_EXP), i(DBL_MAX_10_EXP), f(DBL_MIN), i(DBL_MIN_EXP),
         i(DBL_MIN_10_EXP), i(DBL_DIG), i(DBL_MANT_DIG), f(DBL_EPSILON), i(FLT_RADIX), i(1)});
    Ref<Object> int_info = make_seq(
        rt, "sys.int_info",
        {"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"},
        {i(30), i(4), i(4300), i(640)});
    // minipy's str and bytes hashes are keyed XXH3 (vm/types/str.cpp), not SipHash.
    Ref<Object> modulus = int_from_i64(vm, (int64_t{1} << 61) - 1);
    Ref<Object> hash_info = make_seq(
        rt, "sys.hash_info",
        {"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"},
        {i(64), std::move(modulus), i(314159), i(0), i(1000003), s("xxh3"), i(64), i(64), i(0)});
    Ref<Object> thread_info = make_seq(rt, "sys.thread_info", {"name", "lock", "version"},
                                       {s("pthread"), s("mutex+cond"), vm.new_none()});
    return flags && float_info && int_info && hash_info && thread_info &&
           add_object(rt, module, "flags", flags.get()) &&
           add_object(rt, module, "float_info", float_info.get()) &&
           add_object(rt, module, "int_info", int_info.get()) &&
           add_object(rt, module, "hash_info", hash_info.get()) &&
           add_object(rt, module, "thread_info", thread_info.get());
}

std::string compiler_text() {
#if defined(__clang__)
    return std::string("Clang ") + __clang_version__;
#elif defined(__GNUC__)
    return std::string("GCC ") + __VERSION__;
#else
    return "unknown compiler";
#endif
}

std::string executable_path() {
    char buffer[4096];
    ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    if (length <= 0)
        return "";
    return std::string(buffer, static_cast<size_t>(length));
}

bool add_names_tuple(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    std::vector<std::string> names = {"builtins", "sys"};
    for (const BuiltinModuleDef& def : builtin_modules())
        names.emplace_back(def.name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    Ref<Object> tuple = tuple_new(vm, names.size());
    if (!tuple)
        return false;
    for (size_t i = 0; i < names.size(); ++i) {
        Ref<Object> text = str_from_utf8(vm, names[i]);
        if (!text)
            return false;
        tuple_items(tuple.get())[i] = text.release();
    }
    return add_object(rt, module, "builtin_module_names", tuple.get());
}

bool add_streams(Runtime& rt, Object* module) {
    const char* names[3][2] = {
        {"stdin", "__stdin__"}, {"stdout", "__stdout__"}, {"stderr", "__stderr__"}};
    for (int fd = 0; fd < 3; ++fd) {
        Ref<Object> stream = io_std_stream(rt, fd);
        if (!stream || !add_object(rt, module, names[fd][0], stream.get()) ||
            !add_object(rt, module, names[fd][1], stream.get()))
            return false;
    }
    return true;
}

bool add_frame_type(Runtime& rt, Object* module) {
    TypeSpec spec{};
    spec.name = "frame";
    spec.basic_size = sizeof(FrameObject);
    spec.flags = type_has_gc;
    spec.slots.dealloc = frame_dealloc;
    spec.slots.traverse = frame_traverse;
    spec.slots.clear = frame_clear_fields;
    spec.slots.repr = frame_repr;
    spec.slots.getattr = frame_getattr;
    spec.methods = frame_methods;
    Ref<Type> type = make_type(rt.vm(), spec);
    return type && add_object(rt, module, "__frame_type__", type.get());
}

} // namespace

// ====== Exported

bool init_sys_module(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    for (const MethodDef* table : {sys_functions, sys_gil_functions})
        if (!add_functions(rt, module, table, module))
            return false;
    Ref<Object> argv = list_new(vm);
    Ref<Object> orig_argv = list_new(vm);
    Ref<Object> warnoptions = list_new(vm);
    Ref<Object> meta_path = list_new(vm);
    Ref<Object> path_hooks = list_new(vm);
    Ref<Object> importer_cache = dict_new(vm);
    Ref<Object> xoptions = dict_new(vm);
    Ref<Object> empty_text = str_from_utf8(vm, "");
    if (!argv || !orig_argv || !warnoptions || !meta_path || !path_hooks || !importer_cache ||
        !xoptions || !empty_text || !is_ok(list_append(vm, argv.get(), empty_text.get())))
        return false;
    std::string version = std::string(MINIPY_PYTHON_VERSION_TEXT) + " (minipy " +
                          MINIPY_VERSION_TEXT + ") [" + compiler_text() + "]";
    std::string executable = executable_path();
    bool ok = add_object(rt, module, "path", rt.path_list()) &&
              add_object(rt, module, "modules", rt.modules()) &&
              add_object(rt, module, "argv", argv.get()) &&
              add_object(rt, module, "orig_argv", orig_argv.get()) &&
              add_object(rt, module, "warnoptions", warnoptions.get()) &&
              add_object(rt, module, "meta_path", meta_path.get()) &&
              add_object(rt, module, "path_hooks", path_hooks.get()) &&
              add_object(rt, module, "path_importer_cache", importer_cache.get()) &&
              add_object(rt, module, "_xoptions", xoptions.get()) &&
              add_object(rt, module, "dont_write_bytecode",
                         dont_write_bytecode() ? vm.true_() : vm.false_()) &&
              add_object(rt, module, "pycache_prefix", vm.none()) &&
              set_attr_text(vm, module, "version", version) &&
              set_attr_int(vm, module, "hexversion", hex_version(MINIPY_PYTHON_VERSION_TEXT)) &&
              set_attr_int(vm, module, "api_version", 1013) &&
              set_attr_text(vm, module, "platform", "linux") &&
              set_attr_text(vm, module, "byteorder", "little") &&
              set_attr_int(vm, module, "maxsize", INT64_MAX) &&
              set_attr_int(vm, module, "maxunicode", 0x10FFFF) &&
              set_attr_text(vm, module, "executable", executable) &&
              set_attr_text(vm, module, "_base_executable", executable) &&
              set_attr_text(vm, module, "prefix", "/usr/local") &&
              set_attr_text(vm, module, "base_prefix", "/usr/local") &&
              set_attr_text(vm, module, "exec_prefix", "/usr/local") &&
              set_attr_text(vm, module, "base_exec_prefix", "/usr/local") &&
              set_attr_text(vm, module, "platlibdir", "lib") &&
              set_attr_text(vm, module, "abiflags", "") &&
              set_attr_text(vm, module, "float_repr_style", "short") &&
              set_attr_text(vm, module, "copyright",
                            "Copyright (c) minipy authors.\nThe language is Python 3.11's.") &&
              add_struct_seqs(rt, module) && add_names_tuple(rt, module) &&
              add_frame_type(rt, module) && add_streams(rt, module);
    if (!ok)
        return false;
    Object* dict = module_dict(module);
    for (auto [hook, original] :
         {std::pair<const char*, const char*>{"displayhook", "__displayhook__"},
          {"excepthook", "__excepthook__"},
          {"unraisablehook", "__unraisablehook__"}}) {
        Ref<Object> key = intern(vm, hook);
        Object* value = nullptr;
        if (!key || dict_lookup(vm, dict, key.get(), &value) <= 0 ||
            !add_object(rt, module, original, value))
            return false;
    }
    return true;
}

Object* sys_module(Runtime& rt) {
    VM& vm = rt.vm();
    Ref<Object> key = intern(vm, "sys");
    Object* module = nullptr;
    if (!key || dict_lookup(vm, rt.modules(), key.get(), &module) <= 0 || !module ||
        module->type != rt.types().module) {
        vm.thread_state().clear_exception();
        return nullptr;
    }
    return module;
}

Ref<Object> sys_get(Runtime& rt, std::string_view name) {
    Object* module = sys_module(rt);
    if (!module)
        return nullptr;
    VM& vm = rt.vm();
    Ref<Object> key = intern(vm, name);
    Object* value = nullptr;
    if (!key || dict_lookup(vm, module_dict(module), key.get(), &value) <= 0 || !value) {
        vm.thread_state().clear_exception();
        return nullptr;
    }
    return Ref<Object>::borrow(value);
}

bool sys_set_argv(Runtime& rt, const std::vector<std::string>& arguments) {
    VM& vm = rt.vm();
    Object* module = sys_module(rt);
    if (!module)
        return true;
    Ref<Object> argv = list_new(vm);
    Ref<Object> orig = list_new(vm);
    if (!argv || !orig)
        return false;
    std::vector<std::string> all = arguments;
    if (all.empty())
        all.emplace_back("");
    Ref<Object> program = str_from_utf8(vm, "minipy");
    if (!program || !is_ok(list_append(vm, orig.get(), program.get())))
        return false;
    for (const std::string& argument : all) {
        Ref<Object> text = str_from_utf8(vm, argument);
        if (!text || !is_ok(list_append(vm, argv.get(), text.get())) ||
            (!argument.empty() && !is_ok(list_append(vm, orig.get(), text.get()))))
            return false;
    }
    return add_object(rt, module, "argv", argv.get()) &&
           add_object(rt, module, "orig_argv", orig.get());
}

void sys_write_stderr(Runtime& rt, std::string_view text) {
    VM& vm = rt.vm();
    Ref<Object> saved = vm.thread_state().fetch_exception();
    Ref<Object> stream = sys_get(rt, "stderr");
    if (!stream || stream.get() == vm.none() || !is_ok(io_write_utf8(vm, stream.get(), text))) {
        vm.thread_state().clear_exception();
        std::fflush(stdout);
        std::fwrite(text.data(), 1, text.size(), stderr);
    }
    if (saved)
        vm.thread_state().set_exception(std::move(saved));
}

void sys_report_exception(Runtime& rt, Object* exception) {
    VM& vm = rt.vm();
    Ref<Object> keep = Ref<Object>::borrow(exception);
    Ref<Object> stdout_stream = sys_get(rt, "stdout");
    if (stdout_stream && stdout_stream.get() != vm.none() &&
        !is_ok(io_flush(vm, stdout_stream.get())))
        vm.thread_state().clear_exception();
    Ref<Object> hook = sys_get(rt, "excepthook");
    if (hook) {
        Object* traceback = static_cast<BaseExceptionObject*>(exception)->traceback;
        Object* args[3] = {exception->type, exception, traceback ? traceback : vm.none()};
        Ref<Object> result = call_object(vm, hook.get(), args, 3);
        if (result)
            return;
        Ref<Object> hook_error = vm.thread_state().fetch_exception();
        if (hook_error && exception_matches(hook_error.get(), vm.exceptions().SystemExit)) {
            vm.thread_state().set_exception(std::move(hook_error));
            return;
        }
        std::fflush(stdout);
        std::fputs("Error in sys.excepthook:\n", stderr);
        if (hook_error)
            std::fputs(exception_text(rt, hook_error.get()).c_str(), stderr);
        std::fputs("\nOriginal exception was:\n", stderr);
    } else {
        std::fflush(stdout);
        std::fputs("sys.excepthook is missing\n", stderr);
    }
    std::string text = exception_text(rt, exception);
    std::fwrite(text.data(), 1, text.size(), stderr);
}

bool sys_flush_std_streams(Runtime& rt) {
    VM& vm = rt.vm();
    bool stdout_flushed = true;
    Ref<Object> saved = vm.thread_state().fetch_exception();
    for (const char* name : {"stdout", "stderr"}) {
        Ref<Object> stream = sys_get(rt, name);
        if (stream && stream.get() != vm.none() && !is_ok(io_flush(vm, stream.get()))) {
            Ref<Object> error = vm.thread_state().fetch_exception();
            std::fflush(stdout);
            std::fprintf(stderr,
                         "Exception ignored in: <_io.TextIOWrapper name='<%s>' mode='w' "
                         "encoding='utf-8'>\n",
                         name);
            if (error)
                std::fputs(exception_text(rt, error.get()).c_str(), stderr);
            if (std::string_view(name) == "stdout")
                stdout_flushed = false;
        }
    }
    std::fflush(stdout);
    std::fflush(stderr);
    if (saved)
        vm.thread_state().set_exception(std::move(saved));
    return stdout_flushed;
}

} // namespace minipy::stdlib
