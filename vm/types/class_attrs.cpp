// The attribute protocol of class objects (`C.x`, `C.x = v`, repr(C)), slot wrappers of built-in
// types (object.__init__, Exception.__str__, list.__init__, ...), exception attributes, and
// init_class_support, which installs them on the VM's `type`, `object` and exception classes.
#include <cstring>
#include <string>
#include <string_view>

#include "vm/descriptors.h"
#include "vm/eval_helpers.h"
#include "vm/inline_cache.h"
#include "vm/runtime.h"
#include "vm/traceback.h"
#include "vm/types/class.h"
#include "vm/types/class_bases.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/mappingproxy.h"
#include "vm/types/object_reduce.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

// A built-in type named with dots ("_io.StringIO", as CPython's tp_name) lives in the module
// before the last dot and is called by the part after it.
std::string_view builtin_module_part(const Type* type) {
    std::string_view full = type->name;
    size_t dot = full.rfind('.');
    return dot == std::string_view::npos ? std::string_view("builtins") : full.substr(0, dot);
}
std::string_view builtin_name_part(const Type* type) {
    std::string_view full = type->name;
    size_t dot = full.rfind('.');
    return dot == std::string_view::npos ? full : full.substr(dot + 1);
}

std::string module_of(Runtime& rt, Type* type) {
    if (!is_heap_type(type))
        return std::string(builtin_module_part(type));
    if (!type->dict)
        return "builtins";
    Object* module = nullptr;
    if (dict_lookup(rt.vm(), type->dict, rt.names().__module__, &module) <= 0 || !module ||
        !is_str(module))
        return "builtins";
    return str_to_utf8(module);
}

std::string qualname_of(Runtime& rt, Type* type) {
    if (is_heap_type(type) && type->dict) {
        Object* name = nullptr;
        if (dict_lookup(rt.vm(), type->dict, rt.names().__qualname__, &name) > 0 && name &&
            is_str(name))
            return str_to_utf8(name);
    }
    return std::string(is_heap_type(type) ? std::string_view(type->name) : builtin_name_part(type));
}

Ref<Object> heap_type_repr(VM& vm, Object* self) {
    Runtime& rt = runtime_of(vm);
    return str_from_utf8(vm, "<class '" + type_full_name(rt, static_cast<Type*>(self)) + "'>");
}

Ref<Object> type_mro(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Ref<Object> list = list_new(vm);
    if (!list)
        return nullptr;
    Object* mro = static_cast<Type*>(self)->mro;
    for (intptr_t i = 0; mro && i < tuple_size(mro); ++i) {
        if (!is_ok(list_append(vm, list.get(), tuple_items(mro)[i])))
            return nullptr;
    }
    return list;
}

// type.__subclasses__(): the live types whose bases include self (a walk of the refchain; FIXME:
// CPython keeps weak references in tp_subclasses instead).
Ref<Object> type_subclasses(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Ref<Object> list = list_new(vm);
    if (!list)
        return nullptr;
    for (Object* o = vm.heap().first(); o != vm.heap().end(); o = o->chain_next) {
        if (!has_flag(o->type, type_type_subclass))
            continue;
        Object* bases = static_cast<Type*>(o)->bases;
        for (intptr_t i = 0; bases && i < tuple_size(bases); ++i) {
            if (tuple_items(bases)[i] == self && !is_ok(list_append(vm, list.get(), o)))
                return nullptr;
        }
    }
    return list;
}

Ref<Object> type_special(Runtime& rt, Type* type, Object* name) {
    VM& vm = rt.vm();
    const RuntimeNames& n = rt.names();
    if (name == n.__name__) {
        if (is_heap_type(type) && type->name_object && is_str(type->name_object))
            return Ref<Object>::borrow(type->name_object); // the str itself, as CPython's ht_name
        return str_from_utf8(vm, is_heap_type(type) ? std::string_view(type->name)
                                                    : builtin_name_part(type));
    }
    if (name == n.__qualname__)
        return str_from_utf8(vm, qualname_of(rt, type));
    if (name == n.__module__ && !is_heap_type(type))
        return str_from_utf8(vm, builtin_module_part(type));
    if (name == n.__mro__)
        return Ref<Object>::borrow(type->mro);
    if (name == n.__bases__)
        return Ref<Object>::borrow(type->bases);
    if (name == n.__base__)
        return Ref<Object>::borrow(type->base ? static_cast<Object*>(type->base) : vm.none());
    if (name == n.__class__)
        return Ref<Object>::borrow(type->type);
    if (name == n.__dict__) {
        if (!type_ensure_dict(vm, type))
            return nullptr;
        // Read-only: class attributes change only through type_setattr (vm/inline_cache.h).
        return mappingproxy_new(rt, type->dict);
    }
    if (name == n.__doc__ && !is_heap_type(type))
        return vm.new_none();
    std::string_view text = str_ascii_view(name);
    if (text == "mro" || text == "__subclasses__") {
        static constexpr MethodDef mro_def = {"mro", type_mro, MethodKind::noargs, nullptr};
        static constexpr MethodDef subclasses_def = {"__subclasses__", type_subclasses,
                                                     MethodKind::noargs, nullptr};
        return builtin_function_new(rt, text == "mro" ? &mro_def : &subclasses_def, type);
    }
    return nullptr;
}

Ref<Object> type_getattr(VM& vm, Object* self, Object* name) {
    Runtime& rt = runtime_of(vm);
    auto* type = static_cast<Type*>(self);
    if (Ref<Object> special = type_special(rt, type, name))
        return special;
    if (vm.thread_state().has_exception())
        return nullptr;
    // Data descriptors of the metatype first (Reference 3.3.2.1), then the class's own mro.
    Object* meta_attr = is_heap_type(self->type) ? type_lookup(self->type, name) : nullptr;
    Ref<Object> keep_meta = Ref<Object>::borrow(meta_attr);
    if (meta_attr && is_data_descriptor(rt, meta_attr) && has_descriptor_get(rt, meta_attr))
        return descriptor_get(rt, meta_attr, self, self->type);
    Ref<Object> found;
    if (mro_lookup(rt, type, nullptr, name, found))
        return descriptor_get(rt, found.get(), nullptr, type);
    if (vm.thread_state().has_exception())
        return nullptr;
    if (meta_attr)
        return descriptor_get(rt, meta_attr, self, self->type);
    return raise_attribute_error(vm, "type object '", type->name, "' has no attribute '",
                                 str_to_utf8(name), "'");
}

Status type_setattr(VM& vm, Object* self, Object* name, Object* value) {
    auto* type = static_cast<Type*>(self);
    if (!is_heap_type(type))
        return raise_type_error(vm, "cannot set '", str_to_utf8(name),
                                "' attribute of immutable type '", type->name, "'");
    // A class's __name__ lives in the type (its name_object), as CPython's type_set_name.
    if (name == runtime_of(vm).names().__name__) {
        if (!value)
            return raise_type_error(vm, "cannot delete '__name__' attribute of immutable type '",
                                    type->name, "'");
        if (!is_str(value))
            return raise_type_error(vm, "can only assign string to ", type->name,
                                    ".__name__, not '", value->type->name, "'");
        std::string_view text = str_ascii_view(value);
        if (text.find('\0') != std::string_view::npos)
            return raise_value_error(vm, "type name must not contain null characters");
        type->name = text.empty() ? "?" : text.data(); // points into the new name object
        set_ref(type->name_object, Ref<Object>::borrow(value).release());
        type_attributes_changed();
        return Status::ok;
    }
    if (name == runtime_of(vm).names().__bases__)
        return set_type_bases(runtime_of(vm), type, value);
    if (name == runtime_of(vm).names().__class__)
        return set_instance_class(runtime_of(vm), self, value); // C.__class__ = Metaclass
    // Every inline cache of an attribute lookup may depend on this class (vm/inline_cache.h).
    type_attributes_changed();
    if (!type_ensure_dict(vm, type))
        return Status::error;
    if (value) {
        if (!is_ok(dict_setitem(vm, type->dict, name, value)))
            return Status::error;
        // A dunder assigned after the class statement (dataclasses, total_ordering) takes effect.
        if (is_str(name) && str_ascii_view(name).starts_with("__"))
            update_dunder_slots(runtime_of(vm), type);
        type_attributes_changed(); // again: the old value's __del__ may have refilled a cache
        return Status::ok;
    }
    if (!is_ok(dict_delitem(vm, type->dict, name))) {
        vm.thread_state().clear_exception();
        return raise_attribute_error(vm, "type object '", type->name, "' has no attribute '",
                                     str_to_utf8(name), "'");
    }
    type_attributes_changed(); // again: the old value's __del__ may have refilled a cache
    return Status::ok;
}

// ====== Exceptions' attributes

Ref<Object> exception_getattr(VM& vm, Object* self, Object* name) {
    Runtime& rt = runtime_of(vm);
    auto* e = static_cast<BaseExceptionObject*>(self);
    const RuntimeNames& n = rt.names();
    auto or_none = [&](Object* value) { return Ref<Object>::borrow(value ? value : vm.none()); };
    if (name == n.args)
        return or_none(e->args);
    if (name == n.__traceback__)
        return or_none(e->traceback);
    if (name == n.__context__)
        return or_none(e->context);
    if (name == n.__cause__)
        return or_none(e->cause);
    if (name == n.__suppress_context__)
        return vm.new_bool(e->suppress_context);
    if (name == n.value && exception_matches(self, vm.exceptions().StopIteration))
        return or_none(e->args && tuple_size(e->args) > 0 ? tuple_items(e->args)[0] : nullptr);
    if (name == n.__notes__ && e->notes)
        return Ref<Object>::borrow(e->notes);
    if (is_heap_type(self->type))
        return instance_getattr(vm, self, name);
    return get_attr_generic(vm, self, name);
}

Status exception_setattr(VM& vm, Object* self, Object* name, Object* value) {
    Runtime& rt = runtime_of(vm);
    auto* e = static_cast<BaseExceptionObject*>(self);
    const RuntimeNames& n = rt.names();
    Object* stored = value == vm.none() ? nullptr : value;
    bool field =
        name == n.__traceback__ || name == n.__context__ || name == n.__cause__ || name == n.args;
    if (field && !value) // del e.args: CPython's getset descriptors refuse
        return raise_type_error(vm, str_to_utf8(name), " may not be deleted");
    if (name == n.__traceback__ && stored && stored->type != rt.types().traceback)
        return raise_type_error(vm, "__traceback__ must be a traceback or None");
    if ((name == n.__context__ || name == n.__cause__) && stored && !is_exception_instance(stored))
        return raise_type_error(vm, "exception ", name == n.__cause__ ? "cause" : "context",
                                " must be None or derive from BaseException");
    if (name == n.__traceback__ || name == n.__context__ || name == n.__cause__) {
        Object*& slot = name == n.__traceback__ ? e->traceback
                        : name == n.__context__ ? e->context
                                                : e->cause;
        xincref(stored);
        set_ref(slot, stored);
        if (name == n.__cause__)
            e->suppress_context = true;
        return Status::ok;
    }
    if (name == n.args) {
        Ref<Object> tuple = sequence_to_list(vm, value);
        if (!tuple)
            return Status::error;
        Ref<Object> args = list_to_tuple(vm, tuple.get());
        if (!args)
            return Status::error;
        set_ref(e->args, args.release());
        return Status::ok;
    }
    if (name == n.__suppress_context__) { // a T_BOOL member
        if (!value)
            return raise_type_error(vm, "can't delete numeric/char attribute");
        if (value != vm.true_() && value != vm.false_())
            return raise_type_error(vm, "attribute value type must be bool");
        e->suppress_context = value == vm.true_();
        return Status::ok;
    }
    Object* custom = type_lookup(self->type, value ? n.__setattr__ : n.__delattr__);
    if (custom && custom->type == rt.types().function) {
        Object* args[2] = {name, value};
        Ref<Object> result =
            call_dunder(vm, self, value ? n.__setattr__ : n.__delattr__, args, value ? 2 : 1);
        return result ? Status::ok : Status::error;
    }
    return set_attr_generic(vm, self, name, value);
}

// ====== Slot wrappers: the dunders of built-in types

enum class Dunder {
    none,
    init,
    new_,
    repr,
    str,
    hash,
    lt,
    le,
    eq,
    ne,
    gt,
    ge,
    getattribute,
    setattr,
    delattr,
    len,
    getitem,
    setitem,
    delitem,
    contains,
    iter,
    next,
    call,
    bool_,
    init_subclass,
    format,
    add,
    sub,
    mul,
    truediv,
    floordiv,
    mod,
    and_,
    or_,
    xor_,
    lshift,
    rshift,
    radd,
    rsub,
    rmul,
    rand,
    ror,
    rxor,
    neg,
    pos,
    abs,
    invert
};

Dunder dunder_of(Object* name) {
    static constexpr std::pair<std::string_view, Dunder> table[] = {
        {"__init__", Dunder::init},
        {"__new__", Dunder::new_},
        {"__repr__", Dunder::repr},
        {"__str__", Dunder::str},
        {"__hash__", Dunder::hash},
        {"__lt__", Dunder::lt},
        {"__le__", Dunder::le},
        {"__eq__", Dunder::eq},
        {"__ne__", Dunder::ne},
        {"__gt__", Dunder::gt},
        {"__ge__", Dunder::ge},
        {"__getattribute__", Dunder::getattribute},
        {"__setattr__", Dunder::setattr},
        {"__delattr__", Dunder::delattr},
        {"__len__", Dunder::len},
        {"__getitem__", Dunder::getitem},
        {"__setitem__", Dunder::setitem},
        {"__delitem__", Dunder::delitem},
        {"__contains__", Dunder::contains},
        {"__iter__", Dunder::iter},
        {"__next__", Dunder::next},
        {"__call__", Dunder::call},
        {"__bool__", Dunder::bool_},
        {"__init_subclass__", Dunder::init_subclass},
        {"__format__", Dunder::format},
        {"__add__", Dunder::add},
        {"__sub__", Dunder::sub},
        {"__mul__", Dunder::mul},
        {"__truediv__", Dunder::truediv},
        {"__floordiv__", Dunder::floordiv},
        {"__mod__", Dunder::mod},
        {"__and__", Dunder::and_},
        {"__or__", Dunder::or_},
        {"__xor__", Dunder::xor_},
        {"__lshift__", Dunder::lshift},
        {"__rshift__", Dunder::rshift},
        {"__radd__", Dunder::radd},
        {"__rsub__", Dunder::rsub},
        {"__rmul__", Dunder::rmul},
        {"__rand__", Dunder::rand},
        {"__ror__", Dunder::ror},
        {"__rxor__", Dunder::rxor},
        {"__neg__", Dunder::neg},
        {"__pos__", Dunder::pos},
        {"__abs__", Dunder::abs},
        {"__invert__", Dunder::invert},
    };
    std::string_view text = str_ascii_view(name);
    if (text.size() < 5 || text[0] != '_' || text[1] != '_')
        return Dunder::none;
    for (const auto& [key, value] : table) {
        if (key == text)
            return value;
    }
    return Dunder::none;
}

CompareOp compare_op_of(Dunder d) {
    switch (d) {
    case Dunder::lt:
        return CompareOp::lt;
    case Dunder::le:
        return CompareOp::le;
    case Dunder::eq:
        return CompareOp::eq;
    case Dunder::ne:
        return CompareOp::ne;
    case Dunder::gt:
        return CompareOp::gt;
    default:
        return CompareOp::ge;
    }
}

Ref<Object> builtin_init(Runtime& rt, Type* owner, Object* self, Object* const* args, size_t nargs,
                         Object* kwnames) {
    VM& vm = rt.vm();
    if (has_flag(owner, type_exception_subclass)) {
        // nargs counts the keyword values too; they follow the positional arguments.
        size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
        if (!is_ok(exception_init_from_call(vm, self, args, nargs - nkw, kwnames)))
            return nullptr;
        return vm.new_none();
    }
    if (owner == vm.types().set && is_subtype(self->type, owner)) {
        if (!call_method(vm, self, "clear", nullptr, 0))
            return nullptr;
        if (nargs >= 1 && !call_method(vm, self, "update", args, 1))
            return nullptr;
        return vm.new_none();
    }
    if (owner == vm.types().list && is_list(self)) {
        while (list_size(self) > 0)
            (void)call_method(vm, self, "pop", nullptr, 0);
        if (nargs >= 1 && !is_ok(list_extend_iterable(vm, self, args[0])))
            return nullptr;
        return vm.new_none();
    }
    if (owner == vm.types().dict) {
        // nargs counts the keyword values too; they follow the positional arguments.
        size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
        size_t npos = nargs - nkw;
        if (npos > 1)
            return raise_type_error(vm, "dict expected at most 1 argument, got ", npos);
        if (npos >= 1 && !is_ok(dict_update_any(rt, self, args[0])))
            return nullptr;
        for (size_t i = 0; i < nkw; ++i) {
            if (!is_ok(dict_setitem(vm, self, tuple_items(kwnames)[i], args[npos + i])))
                return nullptr;
        }
    }
    return vm.new_none();
}

// True when `type`'s own dict holds `name`.
bool python_defined_here(Runtime& rt, Type* type, Object* name) {
    Object* value = nullptr;
    return dict_lookup(rt.vm(), type->dict, name, &value) > 0 && value;
}

Ref<Object> builtin_new(Runtime& rt, Type* owner, Object* cls_object, Object* const* args,
                        size_t nargs, Object* kwnames) {
    VM& vm = rt.vm();
    if (!has_flag(cls_object->type, type_type_subclass))
        return raise_type_error(vm, owner->name, ".__new__(X): X is not a type object (",
                                cls_object->type->name, ")");
    auto* cls = static_cast<Type*>(cls_object);
    if (!is_subtype(cls, owner))
        return raise_type_error(vm, owner->name, ".__new__(", cls->name, "): ", cls->name,
                                " is not a subtype of ", owner->name);
    if (owner == vm.types().object) {
        if (solid_base(cls) != vm.types().object) {
            // CPython's tp_new_wrapper: the nearest class whose __new__ is not Python code.
            Type* static_base = cls;
            while (is_heap_type(static_base) && static_base->base && static_base->dict &&
                   python_defined_here(rt, static_base, rt.names().__new__))
                static_base = static_base->base;
            return raise_type_error(vm, "object.__new__(", cls->name, ") is not safe, use ",
                                    static_base->name, ".__new__()");
        }
        return instance_new(vm, cls);
    }
    // list.__new__, dict.__new__, set.__new__ make an empty container; __init__ fills it.
    if (owner == vm.types().list || owner == vm.types().dict || owner == vm.types().set) {
        if (is_heap_type(cls))
            return instance_new(vm, cls);
        nargs = 0;
        kwnames = nullptr;
    }
    if (has_flag(owner, type_type_subclass) && nargs == 3)
        return make_heap_type(rt, cls, args[0], args[1], args[2]);
    if (has_flag(owner, type_exception_subclass)) {
        Ref<Object> tuple = tuple_from_array(vm, args, nargs);
        if (!tuple)
            return nullptr;
        Ref<Object> e = exception_new(vm, cls, tuple.get());
        if (e && is_heap_type(cls))
            incref(cls);
        return e;
    }
    ConstructorFn constructor = rt.constructor(owner);
    if (!constructor)
        return raise_type_error(vm, "cannot create '", cls->name, "' instances");
    // int.__new__(IntSubclass, 5) (IntEnum members), str.__new__(Name, "x"): the constructor made
    // an exact value, which construct_instance rehomes.
    return construct_instance(vm, constructor, cls, args, nargs, kwnames);
}

Ref<Object> binary_wrapper(VM& vm, Ref<Object> (*slot)(VM&, Object*, Object*), Object* self,
                           Object* const* args, size_t nargs) {
    if (!slot || nargs != 1)
        return raise_type_error(vm, "expected 1 argument, got ", nargs);
    return slot(vm, self, args[0]);
}

Ref<Object> reflected_wrapper(VM& vm, Ref<Object> (*slot)(VM&, Object*, Object*), Object* self,
                              Object* const* args, size_t nargs) {
    if (!slot || nargs != 1)
        return raise_type_error(vm, "expected 1 argument, got ", nargs);
    return slot(vm, args[0], self);
}

} // namespace

bool has_slot_for(Runtime&, const Type* owner, Object* name) {
    const TypeSlots& s = owner->slots;
    switch (dunder_of(name)) {
    case Dunder::none:
        return false;
    case Dunder::init:
    case Dunder::new_:
    case Dunder::repr:
    case Dunder::str:
    case Dunder::getattribute:
    case Dunder::setattr:
    case Dunder::delattr:
    case Dunder::init_subclass:
    case Dunder::format:
        return true;
    case Dunder::hash:
        return s.hash != nullptr && s.hash != hash_not_implemented;
    case Dunder::lt:
    case Dunder::le:
    case Dunder::eq:
    case Dunder::ne:
    case Dunder::gt:
    case Dunder::ge:
        return s.richcompare != nullptr;
    case Dunder::len:
        return s.len != nullptr;
    case Dunder::getitem:
        return s.getitem != nullptr;
    case Dunder::setitem:
    case Dunder::delitem:
        return s.setitem != nullptr;
    case Dunder::contains:
        return s.contains != nullptr;
    case Dunder::iter:
        return s.iter != nullptr;
    case Dunder::next:
        return s.next != nullptr;
    case Dunder::call:
        return s.call != nullptr;
    case Dunder::bool_:
        return s.bool_ != nullptr;
    case Dunder::add:
        return s.add != nullptr;
    case Dunder::sub:
        return s.sub != nullptr;
    case Dunder::mul:
        return s.mul != nullptr;
    case Dunder::truediv:
        return s.truediv != nullptr;
    case Dunder::floordiv:
        return s.floordiv != nullptr;
    case Dunder::mod:
        return s.mod != nullptr;
    case Dunder::and_:
    case Dunder::rand:
        return s.and_ != nullptr;
    case Dunder::or_:
    case Dunder::ror:
        return s.or_ != nullptr;
    case Dunder::xor_:
    case Dunder::rxor:
        return s.xor_ != nullptr;
    case Dunder::lshift:
        return s.lshift != nullptr;
    case Dunder::rshift:
        return s.rshift != nullptr;
    case Dunder::radd:
        return s.add != nullptr;
    case Dunder::rsub:
        return s.sub != nullptr;
    case Dunder::rmul:
        return s.mul != nullptr;
    case Dunder::neg:
        return s.neg != nullptr;
    case Dunder::pos:
        return s.pos != nullptr;
    case Dunder::abs:
        return s.abs != nullptr;
    case Dunder::invert:
        return s.invert != nullptr;
    }
    return false;
}

Ref<Object> call_slot_of(VM& vm, Type* owner, Object* name, Object* self, Object* const* args,
                         size_t nargs, Object* kwnames) {
    Runtime& rt = runtime_of(vm);
    const TypeSlots& s = owner->slots;
    Dunder which = dunder_of(name);
    switch (which) {
    case Dunder::init:
        return builtin_init(rt, owner, self, args, nargs, kwnames);
    case Dunder::new_:
        return builtin_new(rt, owner, self, args, nargs, kwnames);
    case Dunder::repr:
        return s.repr ? s.repr(vm, self) : object_default_repr(vm, self);
    case Dunder::str: // object.__str__ is repr(self): the instance's own __repr__ decides
        return s.str ? s.str(vm, self) : object_repr(vm, self);
    case Dunder::hash: {
        int64_t hash = s.hash ? s.hash(vm, self) : hash_not_implemented(vm, self);
        return hash == -1 && vm.thread_state().has_exception() ? nullptr : int_from_i64(vm, hash);
    }
    case Dunder::lt:
    case Dunder::le:
    case Dunder::eq:
    case Dunder::ne:
    case Dunder::gt:
    case Dunder::ge:
        if (nargs != 1)
            return raise_type_error(vm, "expected 1 argument, got ", nargs);
        return s.richcompare(vm, self, args[0], compare_op_of(which));
    case Dunder::getattribute:
        if (nargs != 1)
            return raise_type_error(vm, "expected 1 argument, got ", nargs);
        if (has_flag(owner, type_type_subclass))
            return get_attr(vm, self, args[0]);
        return get_attr_generic(vm, self, args[0]);
    case Dunder::setattr:
    case Dunder::delattr: {
        size_t wanted = which == Dunder::setattr ? 2 : 1;
        if (nargs != wanted)
            return raise_type_error(vm, "expected ", wanted, " arguments, got ", nargs);
        Object* value = wanted == 2 ? args[1] : nullptr;
        // type.__setattr__(cls, name, value) (a metaclass's super().__setattr__) sets a class
        // attribute: the type's own slot, not the instance protocol.
        Status status = has_flag(owner, type_type_subclass) && s.setattr
                            ? s.setattr(vm, self, args[0], value)
                            : set_attr_generic(vm, self, args[0], value);
        return is_ok(status) ? vm.new_none() : nullptr;
    }
    case Dunder::len: {
        intptr_t length = s.len(vm, self);
        return length < 0 ? nullptr : int_from_i64(vm, length);
    }
    case Dunder::getitem:
        return binary_wrapper(vm, s.getitem, self, args, nargs);
    case Dunder::setitem:
    case Dunder::delitem: {
        size_t wanted = which == Dunder::setitem ? 2 : 1;
        if (nargs != wanted)
            return raise_type_error(vm, "expected ", wanted, " arguments, got ", nargs);
        Status status = s.setitem(vm, self, args[0], wanted == 2 ? args[1] : nullptr);
        return is_ok(status) ? vm.new_none() : nullptr;
    }
    case Dunder::contains: {
        if (nargs != 1)
            return raise_type_error(vm, "expected 1 argument, got ", nargs);
        int found = s.contains(vm, self, args[0]);
        return found < 0 ? nullptr : vm.new_bool(found != 0);
    }
    case Dunder::iter:
        return s.iter(vm, self);
    case Dunder::next: {
        Ref<Object> item = s.next(vm, self);
        if (!item && !vm.thread_state().has_exception())
            return raise_no_args(vm, vm.exceptions().StopIteration);
        return item;
    }
    case Dunder::call:
        return s.call(vm, self, args, nargs, kwnames);
    case Dunder::bool_: {
        int truth = s.bool_(vm, self);
        return truth < 0 ? nullptr : vm.new_bool(truth != 0);
    }
    case Dunder::init_subclass:
        return vm.new_none();
    case Dunder::format:
        if (nargs > 0 && !is_str(args[0]))
            return raise_type_error(vm, "__format__() argument must be str, not ",
                                    args[0] == vm.none() ? "None" : args[0]->type->name);
        return format_object(vm, self, nargs > 0 ? args[0] : nullptr);
    case Dunder::add:
        return binary_wrapper(vm, s.add, self, args, nargs);
    case Dunder::sub:
        return binary_wrapper(vm, s.sub, self, args, nargs);
    case Dunder::mul:
        return binary_wrapper(vm, s.mul, self, args, nargs);
    case Dunder::truediv:
        return binary_wrapper(vm, s.truediv, self, args, nargs);
    case Dunder::floordiv:
        return binary_wrapper(vm, s.floordiv, self, args, nargs);
    case Dunder::mod:
        return binary_wrapper(vm, s.mod, self, args, nargs);
    case Dunder::and_:
        return binary_wrapper(vm, s.and_, self, args, nargs);
    case Dunder::or_:
        return binary_wrapper(vm, s.or_, self, args, nargs);
    case Dunder::xor_:
        return binary_wrapper(vm, s.xor_, self, args, nargs);
    case Dunder::lshift:
        return binary_wrapper(vm, s.lshift, self, args, nargs);
    case Dunder::rshift:
        return binary_wrapper(vm, s.rshift, self, args, nargs);
    // The reflected forms call the slot with the operands swapped (CPython's wrap_binaryfunc_r).
    case Dunder::radd:
        return reflected_wrapper(vm, s.add, self, args, nargs);
    case Dunder::rsub:
        return reflected_wrapper(vm, s.sub, self, args, nargs);
    case Dunder::rmul:
        return reflected_wrapper(vm, s.mul, self, args, nargs);
    case Dunder::rand:
        return reflected_wrapper(vm, s.and_, self, args, nargs);
    case Dunder::ror:
        return reflected_wrapper(vm, s.or_, self, args, nargs);
    case Dunder::rxor:
        return reflected_wrapper(vm, s.xor_, self, args, nargs);
    case Dunder::neg:
    case Dunder::pos:
    case Dunder::abs:
    case Dunder::invert: {
        auto slot = which == Dunder::neg   ? s.neg
                    : which == Dunder::pos ? s.pos
                    : which == Dunder::abs ? s.abs
                                           : s.invert;
        if (nargs != 0)
            return raise_type_error(vm, "expected 0 arguments, got ", nargs);
        return slot(vm, self);
    }
    case Dunder::none:
        break;
    }
    return raise_attribute_error(vm, str_to_utf8(name));
}

namespace {

Ref<Object> object_construct(VM& vm, Type* cls, Object* const*, size_t nargs, Object*) {
    if (nargs > 0)
        return raise_type_error(vm, "object() takes no arguments");
    return allocate_object<Object>(vm, cls);
}

} // namespace

bool init_class_support(Runtime& rt) {
    VM& vm = rt.vm();
    Type* type_type = vm.types().type;
    type_type->slots.call = type_call;
    type_type->slots.getattr = type_getattr;
    type_type->slots.setattr = type_setattr;
    type_type->slots.repr = heap_type_repr;
    rt.set_constructor(vm.types().object, object_construct);
    vm.types().object->methods = object_methods; // __reduce_ex__, __reduce__, __getstate__
#define MINIPY_X(name, base)                                                                       \
    vm.exceptions().name->slots.getattr = exception_getattr;                                       \
    vm.exceptions().name->slots.setattr = exception_setattr;
    MINIPY_EXCEPTION_TYPES(MINIPY_X)
#undef MINIPY_X
    return true;
}

std::string type_full_name(Runtime& runtime, Type* type) {
    std::string module = module_of(runtime, type);
    std::string qualname = qualname_of(runtime, type);
    return module == "builtins" ? qualname : module + "." + qualname;
}

} // namespace minipy::vm
