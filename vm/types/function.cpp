// Python function objects: creation (MAKE_FUNCTION), attributes, the call slot and argument binding
// with CPython's exact TypeError messages. Invariants are in vm/types/function.h.
#include "vm/types/function.h"

#include <new>
#include <stdexcept>
#include <string>

#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/weakref.h"

namespace minipy::vm {

bool init_code_type(Runtime& runtime);
bool init_cell_type(Runtime& runtime);
bool init_method_type(Runtime& runtime);
bool init_builtin_function_type(Runtime& runtime);

namespace {

Function* as_function(Object* object) {
    return static_cast<Function*>(object);
}

#define MINIPY_FUNCTION_FIELDS(f)                                                                  \
    {                                                                                              \
        static_cast<Object*>(f->code), f->globals, f->builtins, f->name, f->qualname, f->module,   \
            f->defaults, f->kwdefaults, f->closure, f->annotations, f->doc, f->dict                \
    }

int function_traverse(Object* self, VisitFn visit, void* arg) {
    Function* f = as_function(self);
    for (Object* field : MINIPY_FUNCTION_FIELDS(f)) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    return 0;
}

void function_clear(Object* self) {
    Function* f = as_function(self);
    Object* code = f->code;
    f->code = nullptr;
    for (Object** slot :
         {&f->globals, &f->builtins, &f->name, &f->qualname, &f->module, &f->defaults,
          &f->kwdefaults, &f->closure, &f->annotations, &f->doc, &f->dict})
        set_ref(*slot, nullptr);
    xdecref(code);
}

void function_dealloc(Object* self) {
    function_clear(self);
    vm_of(self).heap().release(self);
}

Ref<Object> function_repr(VM& vm, Object* self) {
    char address[32];
    std::snprintf(address, sizeof address, "%p", static_cast<void*>(self));
    return str_from_utf8(vm, "<function " + str_to_utf8(as_function(self)->qualname) + " at " +
                                 address + ">");
}

Ref<Object> function_call(VM& vm, Object* self, Object* const* args, size_t nargs,
                          Object* kwnames) {
    return eval_function(runtime_of(vm), as_function(self), args, nargs, kwnames);
}

Ref<Object> or_none(VM& vm, Object* value) {
    return value ? Ref<Object>::borrow(value) : vm.new_none();
}

Ref<Object> function_getattr(VM& vm, Object* self, Object* name) {
    Runtime& runtime = runtime_of(vm);
    const RuntimeNames& n = runtime.names();
    Function* f = as_function(self);
    if (name == n.__name__)
        return Ref<Object>::borrow(f->name);
    if (name == n.__qualname__)
        return Ref<Object>::borrow(f->qualname);
    if (name == n.__module__)
        return or_none(vm, f->module);
    if (name == n.__doc__)
        return or_none(vm, f->doc);
    if (name == n.__defaults__)
        return or_none(vm, f->defaults);
    if (name == n.__kwdefaults__)
        return or_none(vm, f->kwdefaults);
    if (name == n.__code__)
        return Ref<Object>::borrow(f->code);
    if (name == n.__globals__)
        return Ref<Object>::borrow(f->globals);
    if (name == n.__closure__)
        return or_none(vm, f->closure);
    if (name == n.__builtins__)
        return Ref<Object>::borrow(f->builtins);
    if (name == n.__annotations__) {
        if (!f->annotations) {
            Ref<Object> d = dict_new(vm);
            if (!d)
                return nullptr;
            f->annotations = d.release();
        }
        return Ref<Object>::borrow(f->annotations);
    }
    if (name == n.__dict__) {
        if (!f->dict) {
            Ref<Object> d = dict_new(vm);
            if (!d)
                return nullptr;
            f->dict = d.release();
        }
        return Ref<Object>::borrow(f->dict);
    }
    return get_attr_generic(vm, self, name);
}

Status function_setattr(VM& vm, Object* self, Object* name, Object* value) {
    Runtime& runtime = runtime_of(vm);
    const RuntimeNames& n = runtime.names();
    Function* f = as_function(self);
    Object** slot = nullptr;
    if (name == n.__name__ || name == n.__qualname__) {
        if (!value || !is_str(value))
            return raise_type_error(vm, str_to_utf8(name), " must be set to a string object");
        slot = name == n.__name__ ? &f->name : &f->qualname;
    } else if (name == n.__doc__) {
        slot = &f->doc;
    } else if (name == n.__module__) {
        slot = &f->module;
    } else if (name == n.__defaults__) {
        slot = &f->defaults;
        if (value == vm.none())
            value = nullptr;
    } else if (name == n.__kwdefaults__) {
        slot = &f->kwdefaults;
        if (value == vm.none())
            value = nullptr;
    } else if (name == n.__annotations__) {
        slot = &f->annotations;
    } else if (name == n.__dict__) {
        slot = &f->dict;
    }
    if (slot) {
        xincref(value);
        set_ref(*slot, value);
        return Status::ok;
    }
    return set_attr_generic(vm, self, name, value);
}

// ====== Argument binding

std::string quoted_list(const std::vector<std::string>& names) {
    std::string text;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            text += names.size() > 2 ? ", " : " ";
        if (i > 0 && i + 1 == names.size())
            text += "and ";
        text += "'" + names[i] + "'";
    }
    return text;
}

Raised raise_missing(Runtime& runtime, Function* func, Object** localsplus, int32_t begin,
                     int32_t end, const char* kind) {
    std::vector<std::string> missing;
    for (int32_t i = begin; i < end; ++i) {
        if (!localsplus[i])
            missing.push_back(str_to_utf8(tuple_items(func->code->localsplus_names)[i]));
    }
    return raise_type_error(runtime.vm(), str_to_utf8(func->qualname), "() missing ",
                            missing.size(), " required ", kind, " argument",
                            missing.size() == 1 ? "" : "s", ": ", quoted_list(missing));
}

Raised raise_too_many(Runtime& runtime, Function* func, size_t given) {
    Code* code = func->code;
    intptr_t defaults = func->defaults ? tuple_size(func->defaults) : 0;
    std::string takes;
    if (defaults > 0)
        takes = "from " + std::to_string(code->argcount - defaults) + " to " +
                std::to_string(code->argcount);
    else
        takes = std::to_string(code->argcount);
    bool plural = defaults > 0 || code->argcount != 1;
    return raise_type_error(runtime.vm(), str_to_utf8(func->qualname), "() takes ", takes,
                            " positional argument", plural ? "s" : "", " but ", given,
                            given == 1 ? " was" : " were", " given");
}

bool is_positional_only(Code* code, Object* key) {
    Object* const* names = tuple_items(code->localsplus_names);
    for (int32_t i = 0; i < code->posonlyargcount; ++i) {
        if (names[i] == key || str_equal(names[i], key))
            return true;
    }
    return false;
}

Status bind_keyword(Runtime& runtime, Function* func, Object** localsplus, Object* key,
                    Object* value, Object* kwargs) {
    Code* code = func->code;
    int32_t total = code->argcount + code->kwonlyargcount;
    Object* const* names = tuple_items(code->localsplus_names);
    int32_t index = -1;
    for (int32_t i = 0; i < total && index < 0; ++i) {
        if (names[i] == key)
            index = i;
    }
    for (int32_t i = 0; i < total && index < 0; ++i) {
        if (str_equal(names[i], key))
            index = i;
    }
    if (index >= 0 && index < code->posonlyargcount && !kwargs)
        return Status::error; // reported by bind_arguments with every such name
    if (index < 0 || index < code->posonlyargcount) {
        if (!kwargs)
            return raise_type_error(runtime.vm(), str_to_utf8(func->qualname),
                                    "() got an unexpected keyword argument '", str_to_utf8(key),
                                    "'");
        return dict_setitem(runtime.vm(), kwargs, key, value);
    }
    if (localsplus[index])
        return raise_type_error(runtime.vm(), str_to_utf8(func->qualname),
                                "() got multiple values for argument '", str_to_utf8(key), "'");
    incref(value);
    localsplus[index] = value;
    return Status::ok;
}

Status fill_defaults(Runtime& runtime, Function* func, Object** localsplus) {
    Code* code = func->code;
    intptr_t ndefaults = func->defaults ? tuple_size(func->defaults) : 0;
    int32_t first_default = code->argcount - static_cast<int32_t>(ndefaults);
    for (int32_t i = 0; i < code->argcount; ++i) {
        if (localsplus[i])
            continue;
        if (i < first_default)
            return raise_missing(runtime, func, localsplus, 0, first_default, "positional");
        Object* value = tuple_items(func->defaults)[i - first_default];
        incref(value);
        localsplus[i] = value;
    }
    int32_t end = code->argcount + code->kwonlyargcount;
    bool missing = false;
    for (int32_t i = code->argcount; i < end; ++i) {
        if (localsplus[i])
            continue;
        Object* value = nullptr;
        if (func->kwdefaults && dict_lookup(runtime.vm(), func->kwdefaults,
                                            tuple_items(code->localsplus_names)[i], &value) < 0)
            return Status::error;
        if (!value) {
            missing = true;
            continue;
        }
        incref(value);
        localsplus[i] = value;
    }
    if (missing)
        return raise_missing(runtime, func, localsplus, code->argcount, end, "keyword-only");
    return Status::ok;
}

} // namespace

namespace {

// bind_arguments for every shape: keywords (with CPython's messages), *args, **kwargs,
// keyword-only parameters, missing and extra arguments. Out of line: the frame it needs
// (std::string, Ref) stays off bind_arguments' own path.
[[gnu::noinline]] Status bind_general(Runtime& runtime, Function* func, Object** localsplus,
                                      Object* const* args, size_t nargs, Object* kwnames) {
    VM& vm = runtime.vm();
    Code* code = func->code;
    size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    size_t npos = nargs - nkw;
    auto argcount = static_cast<size_t>(code->argcount);
    int32_t extra = code->argcount + code->kwonlyargcount;
    Ref<Object> kwargs;
    if (code->flags & compiler::code_varkeywords) {
        kwargs = dict_new(vm);
        if (!kwargs)
            return Status::error;
        int32_t slot = extra + ((code->flags & compiler::code_varargs) ? 1 : 0);
        localsplus[slot] = Ref<Object>(kwargs).release();
    }
    size_t direct = npos < argcount ? npos : argcount;
    for (size_t i = 0; i < direct; ++i) {
        incref(args[i]);
        localsplus[i] = args[i];
    }
    if (code->flags & compiler::code_varargs) {
        Ref<Object> rest = tuple_from_array(vm, args + direct, npos - direct);
        if (!rest)
            return Status::error;
        localsplus[extra] = rest.release();
    } else if (npos > argcount) {
        return raise_too_many(runtime, func, npos);
    }
    std::string posonly_names;
    for (size_t i = 0; i < nkw; ++i) {
        Object* key = tuple_items(kwnames)[i];
        if (!kwargs && is_positional_only(code, key)) {
            posonly_names += (posonly_names.empty() ? "" : ", ") + str_to_utf8(key);
            continue;
        }
        if (!is_ok(bind_keyword(runtime, func, localsplus, key, args[npos + i], kwargs.get())))
            return Status::error;
    }
    if (!posonly_names.empty())
        return raise_type_error(vm, str_to_utf8(func->qualname),
                                "() got some positional-only arguments passed as keyword "
                                "arguments: '",
                                posonly_names, "'");
    if (npos < argcount || code->kwonlyargcount > 0 || nkw > 0)
        return fill_defaults(runtime, func, localsplus);
    return Status::ok;
}

} // namespace

Status bind_arguments(Runtime& runtime, Function* func, Object** localsplus, Object* const* args,
                      size_t nargs, Object* kwnames) {
    Code* code = func->code;
    if (!kwnames && code->kwonlyargcount == 0 &&
        !(code->flags & (compiler::code_varargs | compiler::code_varkeywords)) &&
        nargs <= static_cast<size_t>(code->argcount) && func->defaults) {
        // f(a) of def f(a, b=1): the arguments, then the last defaults, straight into the locals
        // (CPython 3.11's CALL_PY_WITH_DEFAULTS). Too few for the defaults: bind_general reports
        // the missing ones.
        auto argcount = static_cast<size_t>(code->argcount);
        auto ndefaults = static_cast<size_t>(tuple_size(func->defaults));
        if (nargs + ndefaults >= argcount) {
            for (size_t i = 0; i < nargs; ++i) {
                incref(args[i]);
                localsplus[i] = args[i];
            }
            // Parameter i takes default i - (argcount - ndefaults), as fill_defaults (a
            // __defaults__ longer than the parameters gives its last ones, as CPython's).
            Object* const* defaults = tuple_items(func->defaults);
            for (size_t i = nargs; i < argcount; ++i) {
                Object* value = defaults[i + ndefaults - argcount];
                incref(value);
                localsplus[i] = value;
            }
            return Status::ok;
        }
    }
    return bind_general(runtime, func, localsplus, args, nargs, kwnames);
}

bool is_function(const Runtime& runtime, const Object* object) {
    return object->type == const_cast<Runtime&>(runtime).types().function;
}

Ref<Object> function_new(Runtime& runtime, Code* code, Object* globals, Object* qualname) {
    VM& vm = runtime.vm();
    Ref<Function> f = allocate_object<Function>(vm, runtime.types().function);
    if (!f)
        return nullptr;
    incref(code);
    f->code = code;
    incref(globals);
    f->globals = globals;
    Object* builtins = nullptr;
    if (dict_lookup(vm, globals, runtime.names().__builtins__, &builtins) < 0)
        return nullptr;
    if (!builtins || !is_dict(builtins))
        builtins = runtime.builtins();
    incref(builtins);
    f->builtins = builtins;
    incref(code->name);
    f->name = code->name;
    Object* q = qualname ? qualname : code->qualname;
    incref(q);
    f->qualname = q;
    Object* module = nullptr;
    if (dict_lookup(vm, globals, runtime.names().__name__, &module) < 0)
        return nullptr;
    xincref(module);
    f->module = module;
    // CPython 3.11 takes the docstring from co_consts[0] (None there when there is none).
    Object* consts = code->consts;
    if ((code->flags & compiler::code_optimized) && tuple_size(consts) > 0 &&
        is_str(tuple_items(consts)[0])) {
        incref(tuple_items(consts)[0]);
        f->doc = tuple_items(consts)[0];
    }
    return Ref<Object>(std::move(f).cast<Object>());
}

namespace {

// A built-in function or method called without keywords whose receiver and argument count are
// right: the C++ function and its receiver (LOAD_METHOD's [method, self] passes an unbound method
// of a built-in type with the receiver first), else false (the call slot then checks and raises
// with CPython's messages). CPython 3.11's CALL_BUILTIN_O/FAST and
// CALL_NO_KW_METHOD_DESCRIPTOR_O/NOARGS/FAST: no dispatch through the call slot.
[[gnu::always_inline]] inline bool builtin_direct(Object* callable, Object* const*& args,
                                                  size_t& nargs, Object*& receiver,
                                                  MethodFunction& function) {
    auto* b = static_cast<BuiltinFunction*>(callable);
    const MethodDef* def = b->def;
    receiver = b->self;
    if (!receiver && b->owner) {
        if (nargs == 0 || (args[0]->type != b->owner && !is_subtype(args[0]->type, b->owner)))
            return false;
        receiver = *args++;
        --nargs;
    }
    if ((def->kind == MethodKind::noargs && nargs != 0) ||
        (def->kind == MethodKind::o && nargs != 1))
        return false;
    function = def->function;
    return true;
}

// int(x), str(x), tuple(x), list(x), ... of a built-in type other than type itself and the
// exceptions: its constructor at once (CPython 3.11's CALL_NO_KW_STR_1 / TUPLE_1 and
// CALL_BUILTIN_CLASS), without type_call's checks for a Python __new__ / __init__, which such a
// type cannot have. True with the constructor's answer in `made` (null: raised); false when the
// type has no constructor of its own (type_call then answers).
bool constructs_directly(VM& vm, Object* callable, Object* const* args, size_t nargs,
                         Object* kwnames, Ref<Object>& made) {
    auto* cls = static_cast<Type*>(callable);
    if ((cls->flags & (type_heap_type | type_exception_subclass)) || cls == vm.types().object)
        return false; // create_instance's own paths
    ConstructorFn constructor = runtime_of(vm).constructor(cls);
    if (!constructor)
        return false;
    made = constructor(vm, cls, args, nargs, kwnames); // cls is built-in: no type reference
    return true;
}

} // namespace

Ref<Object> call_object(VM& vm, Object* callable, Object* const* args, size_t nargs,
                        Object* kwnames) {
    auto call = callable->type->slots.call;
    if (!call)
        return raise_type_error(vm, "'", callable->type->name, "' object is not callable");
    // The last line of defence for allocation failure in C++ containers (std::string and
    // std::vector inside built-ins): MemoryError, never std::bad_alloc escaping the call. The
    // callee's Refs were released by the unwinding.
    try {
        if (callable->type == vm.types().type) {
            // type(x): CPython 3.11's CALL_NO_KW_TYPE_1, before type_call's dispatch.
            if (callable == vm.types().type) {
                if (nargs == 1 && !kwnames)
                    return Ref<Object>::borrow(args[0]->type);
            } else if (Ref<Object> made;
                       constructs_directly(vm, callable, args, nargs, kwnames, made)) {
                return made;
            }
        }
        if (!kwnames && callable->type == runtime_of(vm).types().builtin_function) {
            Object* const* passed = args;
            size_t count = nargs;
            Object* receiver = nullptr;
            MethodFunction function = nullptr;
            if (builtin_direct(callable, passed, count, receiver, function))
                return function(vm, receiver, passed, count, nullptr);
        }
        return call(vm, callable, args, nargs, kwnames);
    } catch (const std::bad_alloc&) {
        return raise_memory_error(vm);
    } catch (const std::length_error&) {
        return raise_memory_error(vm);
    }
}

bool init_function_types(Runtime& runtime) {
    TypeSpec spec{};
    spec.name = "function";
    spec.basic_size = sizeof(Function);
    spec.flags = type_has_gc;
    spec.slots.dealloc = function_dealloc;
    spec.slots.traverse = function_traverse;
    spec.slots.clear = function_clear;
    spec.slots.repr = function_repr;
    spec.slots.call = function_call;
    spec.slots.getattr = function_getattr;
    spec.slots.setattr = function_setattr;
    Ref<Type> type = make_type(runtime.vm(), spec);
    if (!type)
        return false;
    enable_weakrefs(type.get());
    runtime.types().function = type.release();
    return init_code_type(runtime) && init_cell_type(runtime) && init_method_type(runtime) &&
           init_builtin_function_type(runtime);
}

} // namespace minipy::vm
