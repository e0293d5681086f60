// The `_weakref` module (CPython's Modules/_weakref.c and the types of Objects/weakrefobject.c):
// `ref` (weakref.ReferenceType, subclassable), `proxy` with weakref.ProxyType and
// weakref.CallableProxyType, getweakrefcount and getweakrefs. The lists themselves and their
// clearing live in vm/weakref.h; the frozen `weakref` module builds on this one.
//
// Invariants:
//  - every object of the three types (and of ref's subclasses) has the vm::WeakRef layout and is a
//    container (its callback may close a cycle through it);
//  - a proxy never keeps its referent alive and forwards every operation to it while it lives;
//    afterwards each operation raises ReferenceError("weakly-referenced object no longer exists").
#include <cstdio>
#include <string>

#include "stdlib/modules.h"
#include "vm/descriptors.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"
#include "vm/weakref.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

using Args = Object* const*;

WeakRef* as_weakref(Object* object) {
    return static_cast<WeakRef*>(object);
}

std::string address_of(const void* pointer) {
    char text[32];
    std::snprintf(text, sizeof text, "%p", pointer);
    return text;
}

Raised raise_cannot_reference(VM& vm, Object* object) {
    return raise_type_error(vm, "cannot create weak reference to '", object->type->name,
                            "' object");
}

// Whether `object` may be weakly referenced: its type has a list, and (CPython's rule for classes
// with __slots__) no class of its mro declares __slots__ without '__weakref__'.
bool can_reference(VM& vm, Object* object) {
    if (!weaklist_of(object))
        return false;
    if (!is_heap_type(object->type) || !object->type->mro)
        return true;
    Runtime& rt = runtime_of(vm);
    if (!type_lookup(object->type, rt.names().__slots__))
        return true;
    if (solid_base(object->type)->weaklist_offset != 0)
        return true; // a built-in base with a list of its own (set, function, ...)
    Object* mro = object->type->mro;
    for (intptr_t i = 0; i < tuple_size(mro); ++i) {
        auto* base = static_cast<Type*>(tuple_items(mro)[i]);
        if (!is_heap_type(base))
            continue;
        Object* slots = nullptr;
        if (!base->dict || dict_lookup(vm, base->dict, rt.names().__slots__, &slots) <= 0 || !slots)
            return true; // a class without __slots__ gives instances a dict and a weakref slot
        auto names_weakref = [&](Object* item) {
            return is_str(item) && str_equal(item, rt.names().__weakref__);
        };
        if (names_weakref(slots))
            return true;
        if (is_tuple(slots) || is_list(slots)) {
            intptr_t n = is_tuple(slots) ? tuple_size(slots) : list_size(slots);
            for (intptr_t j = 0; j < n; ++j) {
                if (names_weakref(is_tuple(slots) ? tuple_items(slots)[j] : list_items(slots)[j]))
                    return true;
            }
        }
    }
    return false;
}

// ====== Shared by every weakref type

int weakref_traverse(Object* self, VisitFn visit, void* arg) {
    if (Object* callback = as_weakref(self)->callback)
        return visit(callback, arg);
    return 0;
}

// CPython's gc_clear: the weakref dies to its referent and drops its callback.
void weakref_clear(Object* self) {
    WeakRef* ref = as_weakref(self);
    weakref_unlink(ref);
    set_ref(ref->callback, nullptr);
}

// Makes a weakref of `cls` (the layout of every weakref type) to `referent`, or returns the
// basic one to reuse. Raises TypeError for objects that cannot be weakly referenced.
Ref<Object> make_weakref(VM& vm, Type* cls, WeakRefKind kind, Object* referent, Object* callback) {
    if (!can_reference(vm, referent))
        return raise_cannot_reference(vm, referent);
    if (callback == vm.none())
        callback = nullptr;
    if (WeakRef* basic = weakref_find_basic(referent, kind, callback != nullptr);
        basic && basic->type == cls)
        return Ref<Object>::borrow(basic);
    Ref<WeakRef> ref = allocate_object<WeakRef>(vm, cls);
    if (!ref)
        return nullptr;
    ref->hash = -1;
    ref->kind = kind;
    ref->callback = callback;
    xincref(callback);
    weakref_link(ref.get(), referent);
    return ref;
}

// ====== ref

// ref(object[, callback]); a subclass's extra arguments go to its own __new__/__init__.
Ref<Object> ref_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    size_t npos = nargs - (kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0);
    if (!is_heap_type(cls) && npos != nargs)
        return raise_type_error(vm, "ref() takes no keyword arguments");
    if (npos < 1)
        return raise_type_error(vm, "__new__ expected at least 1 argument, got ", npos);
    if (npos > 2)
        return raise_type_error(vm, "__new__ expected at most 2 arguments, got ", npos);
    WeakRefKind kind = is_heap_type(cls) ? WeakRefKind::ref_subclass : WeakRefKind::ref;
    return make_weakref(vm, cls, kind, args[0], npos == 2 ? args[1] : nullptr);
}

Ref<Object> ref_call(VM& vm, Object* self, Args, size_t nargs, Object* kwnames) {
    if (kwnames && tuple_size(kwnames) > 0)
        return raise_type_error(vm, "weakref() takes no keyword arguments");
    if (nargs != 0)
        return raise_type_error(vm, "weakref expected 0 arguments, got ", nargs);
    Object* referent = as_weakref(self)->referent;
    return Ref<Object>::borrow(referent ? referent : vm.none());
}

// The `__name__` a weakref's repr shows: looked up on the type (CPython's _PyObject_LookupSpecial),
// so functions, classes and builtins show it and plain instances do not.
std::string special_name(VM& vm, Object* object) {
    Runtime& rt = runtime_of(vm);
    Ref<Object> name;
    if (has_flag(object->type, type_type_subclass) || object->type == rt.types().function ||
        object->type == rt.types().builtin_function || object->type == rt.types().method) {
        name = get_attr_optional(vm, object, rt.names().__name__);
    } else if (Object* found = type_lookup(object->type, rt.names().__name__)) {
        Ref<Object> keep = Ref<Object>::borrow(found);
        name = descriptor_get(rt, found, object, object->type);
    }
    if (!name) {
        vm.thread_state().clear_exception();
        return {};
    }
    return is_str(name.get()) ? str_to_utf8(name.get()) : std::string();
}

Ref<Object> ref_repr(VM& vm, Object* self) {
    Object* referent = as_weakref(self)->referent;
    if (!referent)
        return str_from_utf8(vm, "<weakref at " + address_of(self) + "; dead>");
    Ref<Object> keep = Ref<Object>::borrow(referent);
    std::string text = "<weakref at " + address_of(self) + "; to '" + referent->type->name +
                       "' at " + address_of(referent);
    std::string name = special_name(vm, referent);
    if (!name.empty())
        text += " (" + name + ")";
    return str_from_utf8(vm, text + ">");
}

// hash(ref): the referent's, computed once (it must stay valid after the referent died).
int64_t ref_hash(VM& vm, Object* self) {
    WeakRef* ref = as_weakref(self);
    if (ref->hash != -1)
        return ref->hash;
    if (!ref->referent) {
        (void)raise_type_error(vm, "weak object has gone away");
        return -1;
    }
    Ref<Object> keep = Ref<Object>::borrow(ref->referent);
    int64_t hash = object_hash(vm, ref->referent);
    if (hash != -1)
        ref->hash = hash;
    return hash;
}

bool is_ref_object(Object* object) {
    return is_weakref(object);
}

// ==/!= compare the referents while both live, identity otherwise (CPython's weakref_richcompare).
Ref<Object> ref_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if ((op != CompareOp::eq && op != CompareOp::ne) || !is_ref_object(other) ||
        as_weakref(other)->kind == WeakRefKind::proxy)
        return vm.new_not_implemented();
    Object* left = as_weakref(self)->referent;
    Object* right = as_weakref(other)->referent;
    if (!left || !right) {
        bool same = self == other;
        return vm.new_bool(op == CompareOp::eq ? same : !same);
    }
    Ref<Object> keep_left = Ref<Object>::borrow(left);
    Ref<Object> keep_right = Ref<Object>::borrow(right);
    return object_rich_compare(vm, left, right, op);
}

// ref.__init__(object[, callback]): the work is done by __new__; a subclass's super().__init__
// lands here.
Ref<Object> ref_init(VM& vm, Object*, Args, size_t nargs, Object* kwnames) {
    size_t npos = nargs - (kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0);
    if (npos < 1)
        return raise_type_error(vm, "__init__ expected at least 1 argument, got ", npos);
    if (npos > 2)
        return raise_type_error(vm, "__init__ expected at most 2 arguments, got ", npos);
    return vm.new_none();
}

Ref<Object> ref_callback_get(VM& vm, Object* self, Args, size_t, Object*) {
    Object* callback = as_weakref(self)->callback;
    return Ref<Object>::borrow(callback ? callback : vm.none());
}

const MethodDef ref_methods[] = {
    {"__init__", ref_init, MethodKind::fastcall_keywords, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

const MethodDef callback_getter = {"__callback__", ref_callback_get, MethodKind::noargs,
                                   "the callback called when the referent dies, or None"};

// ====== proxy

// The referent of a proxy (borrowed), or null with ReferenceError.
Object* live_referent(VM& vm, Object* proxy) {
    Object* referent = as_weakref(proxy)->referent;
    if (!referent)
        (void)raise_message(vm, vm.exceptions().ReferenceError,
                            "weakly-referenced object no longer exists");
    return referent;
}

bool is_proxy(Object* object);

// An operand as the operation sees it: a proxy stands for its referent. False with
// ReferenceError for a dead proxy.
bool unwrap(VM& vm, Object*& operand, Ref<Object>& keep) {
    if (!is_proxy(operand))
        return true;
    Object* referent = live_referent(vm, operand);
    if (!referent)
        return false;
    keep = Ref<Object>::borrow(referent);
    operand = referent;
    return true;
}

Ref<Object> proxy_repr(VM& vm, Object* self) {
    Object* referent = as_weakref(self)->referent;
    Object* shown = referent ? referent : vm.none();
    return str_from_utf8(vm, "<weakproxy at " + address_of(self) + " to " + shown->type->name +
                                 " at " + address_of(shown) + ">");
}

#define MINIPY_PROXY_UNARY(name, body)                                                             \
    Ref<Object> name(VM& vm, Object* self) {                                                       \
        Ref<Object> keep;                                                                          \
        Object* o = self;                                                                          \
        if (!unwrap(vm, o, keep))                                                                  \
            return nullptr;                                                                        \
        body                                                                                       \
    }

MINIPY_PROXY_UNARY(proxy_str, return object_str(vm, o);)
MINIPY_PROXY_UNARY(proxy_iter, return object_iter(vm, o);)
MINIPY_PROXY_UNARY(proxy_neg, return unary_op(vm, o, '-');)
MINIPY_PROXY_UNARY(proxy_pos, return unary_op(vm, o, '+');)
MINIPY_PROXY_UNARY(proxy_invert, return unary_op(vm, o, '~');)
MINIPY_PROXY_UNARY(proxy_abs, {
    if (!o->type->slots.abs)
        return raise_type_error(vm, "bad operand type for abs(): '", o->type->name, "'");
    return o->type->slots.abs(vm, o);
})
MINIPY_PROXY_UNARY(proxy_int, {
    if (!o->type->slots.int_)
        return raise_type_error(vm,
                                "int() argument must be a string, a bytes-like object or a "
                                "real number, not '",
                                o->type->name, "'");
    return o->type->slots.int_(vm, o);
})
MINIPY_PROXY_UNARY(proxy_float, {
    if (!o->type->slots.float_)
        return raise_type_error(vm, "float() argument must be a string or a real number, not '",
                                o->type->name, "'");
    return o->type->slots.float_(vm, o);
})
MINIPY_PROXY_UNARY(proxy_index, {
    if (!o->type->slots.index)
        return raise_type_error(vm, "'", o->type->name,
                                "' object cannot be interpreted as an integer");
    return o->type->slots.index(vm, o);
})

// next(proxy): the referent must be an iterator (CPython's proxy_iternext).
Ref<Object> proxy_next(VM& vm, Object* self) {
    Ref<Object> keep;
    Object* o = self;
    if (!unwrap(vm, o, keep))
        return nullptr;
    if (!o->type->slots.next)
        return raise_type_error(vm, "Weakref proxy referenced a non-iterator '", o->type->name,
                                "' object");
    return o->type->slots.next(vm, o);
}

#define MINIPY_PROXY_BINARY(name, op)                                                              \
    Ref<Object> name(VM& vm, Object* left, Object* right) {                                        \
        Ref<Object> keep_left;                                                                     \
        Ref<Object> keep_right;                                                                    \
        if (!unwrap(vm, left, keep_left) || !unwrap(vm, right, keep_right))                        \
            return nullptr;                                                                        \
        return binary_op(vm, left, right, BinaryOpArg::op);                                        \
    }

MINIPY_PROXY_BINARY(proxy_add, Add)
MINIPY_PROXY_BINARY(proxy_sub, Subtract)
MINIPY_PROXY_BINARY(proxy_mul, Multiply)
MINIPY_PROXY_BINARY(proxy_truediv, TrueDivide)
MINIPY_PROXY_BINARY(proxy_floordiv, FloorDivide)
MINIPY_PROXY_BINARY(proxy_mod, Remainder)
MINIPY_PROXY_BINARY(proxy_lshift, Lshift)
MINIPY_PROXY_BINARY(proxy_rshift, Rshift)
MINIPY_PROXY_BINARY(proxy_and, And)
MINIPY_PROXY_BINARY(proxy_or, Or)
MINIPY_PROXY_BINARY(proxy_xor, Xor)

Ref<Object> proxy_divmod(VM& vm, Object* left, Object* right) {
    Ref<Object> keep_left;
    Ref<Object> keep_right;
    if (!unwrap(vm, left, keep_left) || !unwrap(vm, right, keep_right))
        return nullptr;
    Ref<Object> name = intern(vm, "divmod");
    Object* function = nullptr;
    if (!name || dict_lookup(vm, runtime_of(vm).builtins(), name.get(), &function) <= 0 ||
        !function)
        return raise_type_error(vm, "divmod is not available");
    Object* call_args[2] = {left, right};
    return call_object(vm, function, call_args, 2);
}

Ref<Object> proxy_pow(VM& vm, Object* left, Object* right, Object* modulus) {
    Ref<Object> keep_left;
    Ref<Object> keep_right;
    Ref<Object> keep_modulus;
    if (!unwrap(vm, left, keep_left) || !unwrap(vm, right, keep_right))
        return nullptr;
    if (!modulus || modulus == vm.none())
        return binary_op(vm, left, right, BinaryOpArg::Power);
    if (!unwrap(vm, modulus, keep_modulus))
        return nullptr;
    Ref<Object> name = intern(vm, "pow");
    Object* function = nullptr;
    if (!name || dict_lookup(vm, runtime_of(vm).builtins(), name.get(), &function) <= 0 ||
        !function)
        return raise_type_error(vm, "pow is not available");
    Object* call_args[3] = {left, right, modulus};
    return call_object(vm, function, call_args, 3);
}

Ref<Object> proxy_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    Ref<Object> keep_left;
    Ref<Object> keep_right;
    if (!unwrap(vm, self, keep_left) || !unwrap(vm, other, keep_right))
        return nullptr;
    return object_rich_compare(vm, self, other, op);
}

Ref<Object> proxy_getattr(VM& vm, Object* self, Object* name) {
    Ref<Object> keep;
    if (!unwrap(vm, self, keep))
        return nullptr;
    return get_attr(vm, self, name);
}

Status proxy_setattr(VM& vm, Object* self, Object* name, Object* value) {
    Ref<Object> keep;
    if (!unwrap(vm, self, keep))
        return Status::error;
    return set_attr(vm, self, name, value);
}

Ref<Object> proxy_call(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    Ref<Object> keep;
    if (!unwrap(vm, self, keep))
        return nullptr;
    return call_object(vm, self, args, nargs, kwnames);
}

intptr_t proxy_len(VM& vm, Object* self) {
    Ref<Object> keep;
    if (!unwrap(vm, self, keep))
        return -1;
    return object_len(vm, self);
}

Ref<Object> proxy_getitem(VM& vm, Object* self, Object* key) {
    Ref<Object> keep;
    if (!unwrap(vm, self, keep))
        return nullptr;
    return object_getitem(vm, self, key);
}

Status proxy_setitem(VM& vm, Object* self, Object* key, Object* value) {
    Ref<Object> keep;
    if (!unwrap(vm, self, keep))
        return Status::error;
    return object_setitem(vm, self, key, value);
}

int proxy_contains(VM& vm, Object* self, Object* item) {
    Ref<Object> keep;
    if (!unwrap(vm, self, keep))
        return -1;
    return object_contains(vm, self, item);
}

int proxy_bool(VM& vm, Object* self) {
    Ref<Object> keep;
    if (!unwrap(vm, self, keep))
        return -1;
    return object_is_true(vm, self);
}

int64_t proxy_hash(VM& vm, Object* self) {
    (void)raise_type_error(vm, "unhashable type: '", self->type->name, "'");
    return -1;
}

// proxy.__bytes__() and proxy.__reversed__() forward too (CPython's proxy_methods).
Ref<Object> proxy_bytes(VM& vm, Object* self, Args, size_t, Object*) {
    Ref<Object> keep;
    if (!unwrap(vm, self, keep))
        return nullptr;
    Ref<Object> name = intern(vm, "__bytes__");
    return name ? call_method_name(vm, self, name.get(), nullptr, 0) : nullptr;
}

Ref<Object> proxy_reversed(VM& vm, Object* self, Args, size_t, Object*) {
    Ref<Object> keep;
    if (!unwrap(vm, self, keep))
        return nullptr;
    Ref<Object> name = intern(vm, "reversed");
    Object* function = nullptr;
    if (!name || dict_lookup(vm, runtime_of(vm).builtins(), name.get(), &function) <= 0 ||
        !function)
        return raise_type_error(vm, "reversed is not available");
    return call_object(vm, function, &self, 1);
}

const MethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes, MethodKind::noargs, nullptr},
    {"__reversed__", proxy_reversed, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

bool is_proxy(Object* object) {
    return object->type->slots.getattr == proxy_getattr;
}

// ====== Module functions (bound to the module, which holds the types)

Type* module_type_named(VM& vm, Object* module, const char* name) {
    Ref<Object> key = intern(vm, name);
    Object* value = nullptr;
    if (!key || dict_lookup(vm, static_cast<Module*>(module)->dict, key.get(), &value) <= 0 ||
        !value || !has_flag(value->type, type_type_subclass) ||
        static_cast<Type*>(value)->slots.dealloc != weakref_dealloc) {
        vm.thread_state().clear_exception();
        (void)raise_message(vm, vm.exceptions().SystemError,
                            std::string("_weakref.") + name + " is missing");
        return nullptr;
    }
    return static_cast<Type*>(value);
}

// proxy(object[, callback]): a CallableProxyType when object is callable.
Ref<Object> weakref_proxy(VM& vm, Object* module, Args args, size_t nargs, Object*) {
    if (nargs < 1 || nargs > 2)
        return raise_type_error(vm, "proxy expected ", nargs < 1 ? "at least 1" : "at most 2",
                                " arguments, got ", nargs);
    Object* referent = args[0];
    bool callable = referent->type->slots.call != nullptr;
    Type* type = module_type_named(vm, module, callable ? "CallableProxyType" : "ProxyType");
    if (!type)
        return nullptr;
    return make_weakref(vm, type, WeakRefKind::proxy, referent, nargs == 2 ? args[1] : nullptr);
}

Ref<Object> weakref_getweakrefcount(VM& vm, Object*, Args args, size_t, Object*) {
    return int_from_i64(vm, weakref_count(args[0]));
}

Ref<Object> weakref_getweakrefs(VM& vm, Object*, Args args, size_t, Object*) {
    Ref<Object> list = list_new(vm);
    if (!list)
        return nullptr;
    Object** head = weaklist_of(args[0]);
    for (WeakRef* ref = head ? static_cast<WeakRef*>(*head) : nullptr; ref; ref = ref->next) {
        if (!is_ok(list_append(vm, list.get(), ref)))
            return nullptr;
    }
    return list;
}

// _remove_dead_weakref(dict, key): del dict[key] if its value is a dead weakref (CPython's helper
// for WeakValueDictionary).
Ref<Object> weakref_remove_dead(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "_remove_dead_weakref expected 2 arguments, got ", nargs);
    if (!is_dict(args[0]))
        return raise_type_error(vm, "_remove_dead_weakref() argument 1 must be dict, not ",
                                args[0]->type->name);
    Object* value = nullptr;
    int found = dict_lookup(vm, args[0], args[1], &value);
    if (found < 0)
        return nullptr;
    if (found > 0 && value && is_ref_object(value) && !as_weakref(value)->referent) {
        if (!is_ok(dict_delitem(vm, args[0], args[1])))
            return nullptr;
    }
    return vm.new_none();
}

const MethodDef module_functions[] = {
    {"proxy", weakref_proxy, MethodKind::fastcall,
     "Create a proxy object that weakly references 'object'."},
    {"getweakrefcount", weakref_getweakrefcount, MethodKind::o,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", weakref_getweakrefs, MethodKind::o,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"_remove_dead_weakref", weakref_remove_dead, MethodKind::fastcall,
     "Atomically remove key from dict if it points to a dead weakref."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// ====== Types

TypeSpec weakref_spec(const char* name) {
    TypeSpec spec{};
    spec.name = name;
    spec.basic_size = sizeof(WeakRef);
    spec.flags = type_has_gc;
    spec.slots.dealloc = weakref_dealloc;
    spec.slots.traverse = weakref_traverse;
    spec.slots.clear = weakref_clear;
    return spec;
}

Ref<Type> make_ref_type(Runtime& rt) {
    VM& vm = rt.vm();
    TypeSpec spec = weakref_spec("weakref.ReferenceType");
    spec.flags |= type_base_type;
    spec.slots.repr = ref_repr;
    spec.slots.hash = ref_hash;
    spec.slots.richcompare = ref_richcompare;
    spec.slots.call = ref_call;
    spec.methods = ref_methods;
    Ref<Type> type = make_type(vm, spec);
    if (!type || !type_ensure_dict(vm, type.get()))
        return nullptr;
    rt.set_constructor(type.get(), ref_construct);
    // __callback__ is a property in the dict, so instances of subclasses see it too.
    Ref<Object> getter = builtin_function_new(rt, &callback_getter, nullptr);
    if (!getter)
        return nullptr;
    static_cast<BuiltinFunction*>(getter.get())->owner = type.get();
    Object* getter_arg = getter.get();
    Ref<Object> property = call_object(vm, rt.types().property, &getter_arg, 1);
    Ref<Object> name = intern(vm, "__callback__");
    if (!property || !name || !is_ok(dict_setitem(vm, type->dict, name.get(), property.get())))
        return nullptr;
    // ref[T] is a types.GenericAlias, as CPython's __class_getitem__ = Py_GenericAlias.
    Object* alias_type = rt.types().generic_alias;
    Ref<Object> class_getitem = call_object(vm, rt.types().classmethod, &alias_type, 1);
    Ref<Object> getitem_name = intern(vm, "__class_getitem__");
    if (!class_getitem || !getitem_name ||
        !is_ok(dict_setitem(vm, type->dict, getitem_name.get(), class_getitem.get())))
        return nullptr;
    return type;
}

Ref<Type> make_proxy_type(VM& vm, const char* name, bool callable) {
    TypeSpec spec = weakref_spec(name);
    TypeSlots& s = spec.slots;
    s.repr = proxy_repr;
    s.str = proxy_str;
    s.hash = proxy_hash;
    s.richcompare = proxy_richcompare;
    s.getattr = proxy_getattr;
    s.setattr = proxy_setattr;
    s.call = callable ? proxy_call : nullptr;
    s.iter = proxy_iter;
    s.next = proxy_next;
    s.len = proxy_len;
    s.getitem = proxy_getitem;
    s.setitem = proxy_setitem;
    s.contains = proxy_contains;
    s.bool_ = proxy_bool;
    s.add = proxy_add;
    s.sub = proxy_sub;
    s.mul = proxy_mul;
    s.truediv = proxy_truediv;
    s.floordiv = proxy_floordiv;
    s.mod = proxy_mod;
    s.divmod = proxy_divmod;
    s.pow = proxy_pow;
    s.lshift = proxy_lshift;
    s.rshift = proxy_rshift;
    s.and_ = proxy_and;
    s.or_ = proxy_or;
    s.xor_ = proxy_xor;
    s.neg = proxy_neg;
    s.pos = proxy_pos;
    s.abs = proxy_abs;
    s.invert = proxy_invert;
    s.int_ = proxy_int;
    s.float_ = proxy_float;
    s.index = proxy_index;
    spec.methods = proxy_methods;
    return make_type(vm, spec);
}

} // namespace

bool init_weakref_module(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    Ref<Type> ref = make_ref_type(rt);
    if (!ref)
        return false;
    Ref<Type> proxy = make_proxy_type(vm, "weakref.ProxyType", false);
    Ref<Type> callable_proxy = make_proxy_type(vm, "weakref.CallableProxyType", true);
    if (!proxy || !callable_proxy)
        return false;
    if (!add_object(rt, module, "ref", ref.get()) ||
        !add_object(rt, module, "ReferenceType", ref.get()) ||
        !add_object(rt, module, "ProxyType", proxy.get()) ||
        !add_object(rt, module, "CallableProxyType", callable_proxy.get()))
        return false;
    return add_functions(rt, module, module_functions, module);
}

} // namespace minipy::stdlib
