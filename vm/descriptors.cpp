// property, staticmethod, classmethod, super and slot wrappers. See vm/descriptors.h.
#include "vm/descriptors.h"

#include <string>

#include "vm/code.h"
#include "vm/eval_helpers.h"
#include "vm/frame.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/mappingproxy.h"
#include "vm/types/member.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

// ====== property

Property* as_property(Object* object) {
    return static_cast<Property*>(object);
}

int property_traverse(Object* self, VisitFn visit, void* arg) {
    Property* p = as_property(self);
    for (Object* field : {p->fget, p->fset, p->fdel, p->doc, p->name}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    return 0;
}

void property_clear(Object* self) {
    Property* p = as_property(self);
    for (Object** slot : {&p->fget, &p->fset, &p->fdel, &p->doc, &p->name})
        set_ref(*slot, nullptr);
}

void property_dealloc(Object* self) {
    property_clear(self);
    vm_of(self).heap().release(self);
}

Object* none_to_null(VM& vm, Object* value) {
    return value == vm.none() ? nullptr : value;
}

Ref<Object> property_make(VM& vm, Type* cls, Object* fget, Object* fset, Object* fdel,
                          Object* doc) {
    Ref<Property> p = allocate_object<Property>(vm, cls);
    if (!p)
        return nullptr;
    for (auto [slot, value] : {std::pair{&p->fget, fget}, std::pair{&p->fset, fset},
                               std::pair{&p->fdel, fdel}, std::pair{&p->doc, doc}}) {
        value = value ? none_to_null(vm, value) : nullptr;
        xincref(value);
        *slot = value;
    }
    if (!p->doc && p->fget) {
        Runtime& rt = runtime_of(vm);
        Ref<Object> doc_value = get_attr_optional(vm, p->fget, rt.names().__doc__);
        if (!doc_value && vm.thread_state().has_exception())
            return nullptr;
        if (doc_value && doc_value.get() != vm.none())
            p->doc = doc_value.release();
    }
    return Ref<Object>(std::move(p).cast<Object>());
}

// property(fget=None, fset=None, fdel=None, doc=None)
Ref<Object> property_construct(VM& vm, Type* cls, Object* const* args, size_t nargs,
                               Object* kwnames) {
    Object* values[4] = {nullptr, nullptr, nullptr, nullptr};
    static constexpr const char* names[4] = {"fget", "fset", "fdel", "doc"};
    size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    size_t npos = nargs - nkw;
    if (npos > 4)
        return raise_type_error(vm, "property() takes at most 4 arguments (", nargs, " given)");
    for (size_t i = 0; i < npos; ++i)
        values[i] = args[i];
    for (size_t i = 0; i < nkw; ++i) {
        std::string key = str_to_utf8(tuple_items(kwnames)[i]);
        bool found = false;
        for (size_t j = 0; j < 4; ++j) {
            if (key == names[j]) {
                values[j] = args[npos + i];
                found = true;
            }
        }
        if (!found)
            return raise_type_error(vm, "property() got an unexpected keyword argument '", key,
                                    "'");
    }
    return property_make(vm, cls, values[0], values[1], values[2], values[3]);
}

Ref<Object> property_copy_with(VM& vm, Object* self, int which, Object* function) {
    Property* p = as_property(self);
    Object* parts[3] = {p->fget, p->fset, p->fdel};
    parts[which] = function;
    Ref<Object> copy = property_make(vm, self->type, parts[0], parts[1], parts[2], p->doc);
    if (copy && p->name) {
        incref(p->name);
        as_property(copy.get())->name = p->name;
    }
    return copy;
}

Ref<Object> property_getter(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    return property_copy_with(vm, self, 0, args[0]);
}
Ref<Object> property_setter(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    return property_copy_with(vm, self, 1, args[0]);
}
Ref<Object> property_deleter(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    return property_copy_with(vm, self, 2, args[0]);
}
Ref<Object> property_set_name(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs == 2) {
        incref(args[1]);
        set_ref(as_property(self)->name, args[1]);
    }
    return vm.new_none();
}

constexpr MethodDef property_methods[] = {
    {"getter", property_getter, MethodKind::o, nullptr},
    {"setter", property_setter, MethodKind::o, nullptr},
    {"deleter", property_deleter, MethodKind::o, nullptr},
    {"__set_name__", property_set_name, MethodKind::fastcall, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

Ref<Object> property_getattr(VM& vm, Object* self, Object* name) {
    Property* p = as_property(self);
    std::string text = str_to_utf8(name);
    Object* field = text == "fget"      ? p->fget
                    : text == "fset"    ? p->fset
                    : text == "fdel"    ? p->fdel
                    : text == "__doc__" ? p->doc
                                        : vm.not_implemented();
    if (field != vm.not_implemented())
        return Ref<Object>::borrow(field ? field : vm.none());
    // CPython's property_get___isabstractmethod__: whether fget, fset or fdel is abstract.
    if (text == "__isabstractmethod__") {
        for (Object* accessor : {p->fget, p->fset, p->fdel}) {
            if (!accessor)
                continue;
            int abstract = object_is_abstract(vm, accessor);
            if (abstract != 0)
                return abstract < 0 ? nullptr : vm.new_bool(true);
        }
        return vm.new_bool(false);
    }
    return get_attr_generic(vm, self, name);
}

std::string property_name(Property* p) {
    return p->name ? str_to_utf8(p->name) : std::string("?");
}

// ====== staticmethod / classmethod

StaticOrClassMethod* as_wrapper(Object* object) {
    return static_cast<StaticOrClassMethod*>(object);
}

int wrapper_traverse(Object* self, VisitFn visit, void* arg) {
    StaticOrClassMethod* w = as_wrapper(self);
    if (w->function) {
        if (int result = visit(w->function, arg))
            return result;
    }
    return w->dict ? visit(w->dict, arg) : 0;
}

void wrapper_clear(Object* self) {
    set_ref(as_wrapper(self)->function, nullptr);
    set_ref(as_wrapper(self)->dict, nullptr);
}

void wrapper_dealloc(Object* self) {
    wrapper_clear(self);
    vm_of(self).heap().release(self);
}

Ref<Object> wrapper_construct(VM& vm, Type* cls, Object* const* args, size_t nargs,
                              Object* kwnames) {
    if (kwnames && tuple_size(kwnames) > 0)
        return raise_type_error(vm, cls->name, "() takes no keyword arguments");
    if (nargs != 1)
        return raise_type_error(vm, cls->name, " expected 1 argument, got ", nargs);
    Ref<StaticOrClassMethod> w = allocate_object<StaticOrClassMethod>(vm, cls);
    if (!w)
        return nullptr;
    incref(args[0]);
    w->function = args[0];
    return Ref<Object>(std::move(w).cast<Object>());
}

Ref<Object> wrapper_getattr(VM& vm, Object* self, Object* name) {
    Runtime& rt = runtime_of(vm);
    if (name == rt.names().dunder_func || name == rt.names().__wrapped__)
        return Ref<Object>::borrow(as_wrapper(self)->function);
    if (name == rt.names().__name__ || name == rt.names().__qualname__ ||
        name == rt.names().__doc__)
        return get_attr(vm, as_wrapper(self)->function, name);
    return get_attr_generic(vm, self, name);
}

Ref<Object> staticmethod_call(VM& vm, Object* self, Object* const* args, size_t nargs,
                              Object* kwnames) {
    return call_object(vm, as_wrapper(self)->function, args, nargs, kwnames);
}

// ====== super

Ref<Object> super_repr(VM& vm, Object* self) {
    Super* s = static_cast<Super*>(self);
    return str_from_utf8(vm, std::string("<super: <class '") + s->type->name + "'>, <" +
                                 (s->self_type ? s->self_type->name : "NULL") + " object>>");
}

int super_traverse(Object* self, VisitFn visit, void* arg) {
    Super* s = static_cast<Super*>(self);
    for (Object* field :
         {static_cast<Object*>(s->type), s->self, static_cast<Object*>(s->self_type)}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    return 0;
}

void super_clear(Object* self) {
    Super* s = static_cast<Super*>(self);
    Object* type = s->type;
    Object* self_type = s->self_type;
    s->type = nullptr;
    s->self_type = nullptr;
    set_ref(s->self, nullptr);
    xdecref(type);
    xdecref(self_type);
}

void super_dealloc(Object* self) {
    super_clear(self);
    vm_of(self).heap().release(self);
}

// super() with no arguments: the __class__ cell and the first argument of the calling frame.
Status super_from_frame(Runtime& rt, Type*& type, Object*& self) {
    VM& vm = rt.vm();
    Frame* frame = rt.current_frame();
    if (!frame || frame->code->argcount == 0)
        return raise_runtime_error(vm, "super(): no arguments");
    Object* first = frame->localsplus()[0];
    if (first && first->type == rt.types().cell)
        first = static_cast<Cell*>(first)->contents;
    if (!first)
        return raise_runtime_error(vm, "super(): arg[0] deleted");
    Object* const* names = tuple_items(frame->code->localsplus_names);
    for (int32_t i = 0; i < frame->code->nlocalsplus; ++i) {
        if (names[i] != rt.names().__class__)
            continue;
        Object* cell = frame->localsplus()[i];
        Object* value =
            cell && cell->type == rt.types().cell ? static_cast<Cell*>(cell)->contents : nullptr;
        if (!value)
            return raise_runtime_error(vm, "super(): empty __class__ cell");
        if (!has_flag(value->type, type_type_subclass))
            return raise_runtime_error(vm, "super(): __class__ is not a type (", value->type->name,
                                       ")");
        type = static_cast<Type*>(value);
        self = first;
        return Status::ok;
    }
    return raise_runtime_error(vm, "super(): __class__ cell not found");
}

Ref<Object> super_construct(VM& vm, Type* cls, Object* const* args, size_t nargs, Object* kwnames) {
    if (kwnames && tuple_size(kwnames) > 0)
        return raise_type_error(vm, "super() takes no keyword arguments");
    if (nargs > 2)
        return raise_type_error(vm, "super() expected at most 2 arguments, got ", nargs);
    Runtime& rt = runtime_of(vm);
    Type* type = nullptr;
    Object* self = nullptr;
    if (nargs == 0) {
        if (!is_ok(super_from_frame(rt, type, self)))
            return nullptr;
    } else {
        if (!has_flag(args[0]->type, type_type_subclass))
            return raise_type_error(vm, "super() argument 1 must be a type, not ",
                                    args[0]->type->name);
        type = static_cast<Type*>(args[0]);
        self = nargs > 1 ? args[1] : nullptr;
    }
    Type* self_type = nullptr;
    if (self) {
        if (has_flag(self->type, type_type_subclass) && is_subtype(static_cast<Type*>(self), type))
            self_type = static_cast<Type*>(self);
        else if (is_subtype(self->type, type))
            self_type = self->type;
        else
            return raise_type_error(vm, "super(type, obj): obj must be an instance or subtype of "
                                        "type");
    }
    Ref<Super> s = allocate_object<Super>(vm, cls);
    if (!s)
        return nullptr;
    incref(type);
    s->type = type;
    xincref(self);
    s->self = self;
    if (self_type)
        incref(self_type);
    s->self_type = self_type;
    return Ref<Object>(std::move(s).cast<Object>());
}

// super(type, obj).name: the mro of obj's type after `type`, as mro_lookup then descriptor_get
// would, without their temporaries: a built-in base's method or slot wrapper is made bound to the
// instance directly (no unbound object first) and the method name is read in place.
Ref<Object> super_getattr(VM& vm, Object* self, Object* name) {
    Runtime& rt = runtime_of(vm);
    Super* s = static_cast<Super*>(self);
    if (s->self_type && name != rt.names().__class__ && s->self_type->mro) {
        Type* self_type = s->self_type;
        Object* instance = s->self == self_type ? nullptr : s->self;
        Object* mro = self_type->mro;
        intptr_t size = tuple_size(mro);
        Object* const* bases = tuple_items(mro);
        intptr_t start = 0;
        while (start < size && bases[start] != s->type)
            ++start;
        ++start;
        for (intptr_t i = start; i < size; ++i) {
            auto* base = static_cast<Type*>(bases[i]);
            if (base->dict) {
                Object* value = nullptr;
                int found = dict_lookup(vm, base->dict, name, &value);
                if (found > 0) {
                    // The mro (and the dict's value) may go away while __get__ runs.
                    Ref<Object> held = Ref<Object>::borrow(value);
                    return descriptor_get(rt, held.get(), instance, self_type);
                }
                if (found < 0)
                    return nullptr;
            }
            if (is_heap_type(base))
                continue;
            if (const MethodDef* def = find_method(base, str_ascii_view(name))) {
                if (instance && is_subtype(instance->type, base))
                    return builtin_function_new(rt, def, instance);
                Ref<Object> function = builtin_function_new(rt, def, nullptr);
                if (function)
                    static_cast<BuiltinFunction*>(function.get())->owner = base;
                return function;
            }
            if (Ref<Object> wrapper = slot_wrapper_new(rt, base, name, instance))
                return wrapper;
            if (vm.thread_state().has_exception())
                return nullptr;
        }
    }
    return get_attr_generic(vm, self, name);
}

// ====== Slot wrappers

struct SlotWrapper : Object {
    Type* owner;
    Object* name; // interned dunder
    Object* self; // or null
};

int slot_wrapper_traverse(Object* self, VisitFn visit, void* arg) {
    auto* w = static_cast<SlotWrapper*>(self);
    for (Object* field : {static_cast<Object*>(w->owner), w->name, w->self}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    return 0;
}

void slot_wrapper_clear(Object* self) {
    auto* w = static_cast<SlotWrapper*>(self);
    Object* owner = w->owner;
    w->owner = nullptr;
    set_ref(w->name, nullptr);
    set_ref(w->self, nullptr);
    xdecref(owner);
}

void slot_wrapper_dealloc(Object* self) {
    slot_wrapper_clear(self);
    vm_of(self).heap().release(self);
}

Ref<Object> slot_wrapper_repr(VM& vm, Object* self) {
    auto* w = static_cast<SlotWrapper*>(self);
    if (w->self)
        return str_from_utf8(vm, "<method-wrapper '" + str_to_utf8(w->name) + "' of " +
                                     w->self->type->name + " object>");
    return str_from_utf8(vm, "<slot wrapper '" + str_to_utf8(w->name) + "' of '" + w->owner->name +
                                 "' objects>");
}

Ref<Object> slot_wrapper_call(VM& vm, Object* self, Object* const* args, size_t nargs,
                              Object* kwnames) {
    auto* w = static_cast<SlotWrapper*>(self);
    if (w->self)
        return call_slot_of(vm, w->owner, w->name, w->self, args, nargs, kwnames);
    if (str_ascii_view(w->name) == "__init_subclass__")
        return vm.new_none(); // object.__init_subclass__ is a classmethod that does nothing
    if (nargs == 0)
        return raise_type_error(vm, "descriptor '", str_to_utf8(w->name), "' of '", w->owner->name,
                                "' object needs an argument");
    bool is_new = str_ascii_view(w->name) == "__new__";
    if (!is_new && !is_subtype(args[0]->type, w->owner))
        return raise_type_error(vm, "descriptor '", str_to_utf8(w->name), "' requires a '",
                                w->owner->name, "' object but received a '", args[0]->type->name,
                                "'");
    return call_slot_of(vm, w->owner, w->name, args[0], args + 1, nargs - 1, kwnames);
}

// CPython's wrapper_richcompare / wrapper_hash for bound method-wrappers ((1).__add__ ==
// (1).__add__): the same slot of the same owner bound to the same object. Unbound slot wrappers
// are one per type and name (Runtime::builtin_method): identity.
Ref<Object> slot_wrapper_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (other->type != self->type || (op != CompareOp::eq && op != CompareOp::ne))
        return vm.new_not_implemented();
    auto* a = static_cast<SlotWrapper*>(self);
    auto* b = static_cast<SlotWrapper*>(other);
    bool equal = self == other || (a->self && a->self == b->self && a->owner == b->owner &&
                                   str_equal(a->name, b->name));
    return vm.new_bool(equal == (op == CompareOp::eq));
}

int64_t slot_wrapper_hash(VM& vm, Object* self) {
    auto* w = static_cast<SlotWrapper*>(self);
    if (!w->self)
        return hash_pointer(self);
    int64_t name_hash = object_hash(vm, w->name);
    if (name_hash == -1)
        return -1;
    int64_t hash = hash_pointer(w->self) ^ hash_pointer(w->owner) ^ name_hash;
    return hash == -1 ? -2 : hash;
}

Ref<Object> slot_wrapper_getattr(VM& vm, Object* self, Object* name) {
    auto* w = static_cast<SlotWrapper*>(self);
    Runtime& rt = runtime_of(vm);
    if (name == rt.names().__name__ || name == rt.names().__qualname__)
        return Ref<Object>::borrow(w->name);
    if (name == rt.names().__self__ && w->self)
        return Ref<Object>::borrow(w->self);
    return get_attr_generic(vm, self, name);
}

bool make_simple_type(Runtime& rt, Type*& out, const char* name, size_t size, TypeSlots slots,
                      const MethodDef* methods = nullptr) {
    TypeSpec spec{};
    spec.name = name;
    spec.basic_size = size;
    spec.flags = type_has_gc | type_base_type;
    spec.slots = slots;
    spec.methods = methods;
    Ref<Type> type = make_type(rt.vm(), spec);
    if (!type)
        return false;
    out = type.release();
    return true;
}

} // namespace

int object_is_abstract(VM& vm, Object* object) {
    Ref<Object> name = intern(vm, "__isabstractmethod__");
    if (!name)
        return -1;
    Ref<Object> flag = get_attr_optional(vm, object, name.get());
    if (!flag)
        return vm.thread_state().has_exception() ? -1 : 0;
    return object_is_true(vm, flag.get());
}

bool has_descriptor_get(Runtime& rt, Object* descriptor) {
    return !is_heap_type(descriptor->type) || type_lookup(descriptor->type, rt.names().__get__);
}

bool is_data_descriptor(Runtime& rt, Object* descriptor) {
    Type* type = descriptor->type;
    if (type == rt.types().property || type == rt.types().member_descriptor ||
        type == rt.types().getset_descriptor)
        return true;
    if (!is_heap_type(type))
        return false;
    return type_lookup(type, rt.names().__set__) || type_lookup(type, rt.names().__delete__);
}

Ref<Object> descriptor_get(Runtime& rt, Object* descriptor, Object* object, Type* type) {
    VM& vm = rt.vm();
    Type* kind = descriptor->type;
    if (kind == rt.types().function) {
        if (!object)
            return Ref<Object>::borrow(descriptor);
        return method_new(rt, descriptor, object);
    }
    if (kind == rt.types().classmethod)
        return method_new(rt, as_wrapper(descriptor)->function, type);
    if (kind == rt.types().staticmethod)
        return Ref<Object>::borrow(as_wrapper(descriptor)->function);
    if (kind == rt.types().property) {
        Property* p = as_property(descriptor);
        if (!object)
            return Ref<Object>::borrow(descriptor);
        if (!p->fget)
            return raise_attribute_error(vm, "property '", property_name(p), "' of '",
                                         object->type->name, "' object has no getter");
        return call_object(vm, p->fget, &object, 1);
    }
    if (kind == rt.types().member_descriptor || kind == rt.types().getset_descriptor)
        return member_get(rt, descriptor, object);
    if (is_heap_type(kind)) {
        Object* get = type_lookup(kind, rt.names().__get__);
        if (get) {
            Object* args[3] = {descriptor, object ? object : vm.none(), type};
            return call_object(vm, get, args, 3);
        }
    }
    if (kind == rt.types().slot_wrapper && object) {
        auto* w = static_cast<SlotWrapper*>(descriptor);
        if (!w->self)
            return slot_wrapper_new(rt, w->owner, w->name, object);
    }
    if (kind == rt.types().builtin_function && object) {
        // Unbound methods of built-in types stored in dicts bind like functions.
        auto* b = static_cast<BuiltinFunction*>(descriptor);
        if (!b->self && b->owner && is_subtype(object->type, b->owner))
            return builtin_function_new(rt, b->def, object);
    }
    return Ref<Object>::borrow(descriptor);
}

Status descriptor_set(Runtime& rt, Object* descriptor, Object* object, Object* value,
                      Object* name) {
    VM& vm = rt.vm();
    if (descriptor->type == rt.types().property) {
        Property* p = as_property(descriptor);
        Object* function = value ? p->fset : p->fdel;
        if (!function) {
            std::string pname = p->name ? str_to_utf8(p->name) : str_to_utf8(name);
            return raise_attribute_error(vm, "property '", pname, "' of '", object->type->name,
                                         "' object has no ", value ? "setter" : "deleter");
        }
        Object* args[2] = {object, value};
        Ref<Object> result = call_object(vm, function, args, value ? 2 : 1);
        return result ? Status::ok : Status::error;
    }
    if (descriptor->type == rt.types().member_descriptor ||
        descriptor->type == rt.types().getset_descriptor)
        return member_set(rt, descriptor, object, value);
    Object* method =
        type_lookup(descriptor->type, value ? rt.names().__set__ : rt.names().__delete__);
    if (!method)
        return raise_attribute_error(vm, value ? "__set__" : "__delete__");
    Object* args[3] = {descriptor, object, value};
    Ref<Object> result = call_object(vm, method, args, value ? 3 : 2);
    return result ? Status::ok : Status::error;
}

bool mro_lookup(Runtime& rt, Type* type, Type* after, Object* name, Ref<Object>& out) {
    Object* mro = type->mro;
    if (!mro)
        return false;
    intptr_t start = 0;
    if (after) {
        while (start < tuple_size(mro) && tuple_items(mro)[start] != after)
            ++start;
        ++start;
    }
    std::string text;
    Ref<Object> interned; // name, interned once for the cache
    for (intptr_t i = start; i < tuple_size(mro); ++i) {
        auto* base = static_cast<Type*>(tuple_items(mro)[i]);
        if (base->dict) {
            Object* value = nullptr;
            if (dict_lookup(rt.vm(), base->dict, name, &value) > 0) {
                out = Ref<Object>::borrow(value);
                return true;
            }
        }
        if (is_heap_type(base))
            continue;
        // Unbound methods and slot wrappers of built-in types come from the runtime's cache: one
        // object per type and name (`list.append is list.append`, as CPython's type dicts).
        if (name->type == rt.vm().types().str) {
            if (!interned) {
                interned = rt.vm().pools().intern(rt.vm(), Ref<Object>::borrow(name));
                if (!interned)
                    return false;
            }
            if (Object* cached = rt.builtin_method(base, interned.get())) {
                out = Ref<Object>::borrow(cached);
                return true;
            }
            if (rt.vm().thread_state().has_exception())
                return false;
            continue;
        }
        if (text.empty())
            text = str_to_utf8(name);
        if (const MethodDef* def = find_method(base, text)) {
            out = builtin_function_new(rt, def, nullptr);
            if (out)
                static_cast<BuiltinFunction*>(out.get())->owner = base;
            return static_cast<bool>(out);
        }
        Ref<Object> wrapper = slot_wrapper_new(rt, base, name, nullptr);
        if (wrapper) {
            out = std::move(wrapper);
            return true;
        }
        if (rt.vm().thread_state().has_exception())
            return false;
    }
    return false;
}

Ref<Object> slot_wrapper_new(Runtime& rt, Type* owner, Object* name, Object* self) {
    if (!has_slot_for(rt, owner, name))
        return nullptr;
    Ref<SlotWrapper> w = allocate_object<SlotWrapper>(rt.vm(), rt.types().slot_wrapper);
    if (!w)
        return nullptr;
    incref(owner);
    w->owner = owner;
    incref(name);
    w->name = name;
    xincref(self);
    w->self = self;
    return Ref<Object>(std::move(w).cast<Object>());
}

bool init_descriptor_types(Runtime& rt) {
    TypeSlots property_slots{};
    property_slots.dealloc = property_dealloc;
    property_slots.traverse = property_traverse;
    property_slots.clear = property_clear;
    property_slots.getattr = property_getattr;
    TypeSlots wrapper_slots{};
    wrapper_slots.dealloc = wrapper_dealloc;
    wrapper_slots.traverse = wrapper_traverse;
    wrapper_slots.clear = wrapper_clear;
    wrapper_slots.getattr = wrapper_getattr;
    TypeSlots static_slots = wrapper_slots;
    static_slots.call = staticmethod_call;
    TypeSlots super_slots{};
    super_slots.dealloc = super_dealloc;
    super_slots.traverse = super_traverse;
    super_slots.clear = super_clear;
    super_slots.repr = super_repr;
    super_slots.getattr = super_getattr;
    TypeSlots slot_wrapper_slots{};
    slot_wrapper_slots.dealloc = slot_wrapper_dealloc;
    slot_wrapper_slots.traverse = slot_wrapper_traverse;
    slot_wrapper_slots.clear = slot_wrapper_clear;
    slot_wrapper_slots.repr = slot_wrapper_repr;
    slot_wrapper_slots.call = slot_wrapper_call;
    slot_wrapper_slots.getattr = slot_wrapper_getattr;
    slot_wrapper_slots.richcompare = slot_wrapper_richcompare;
    slot_wrapper_slots.hash = slot_wrapper_hash;
    RuntimeTypes& t = rt.types();
    if (!make_simple_type(rt, t.property, "property", sizeof(Property), property_slots,
                          property_methods) ||
        !make_simple_type(rt, t.staticmethod, "staticmethod", sizeof(StaticOrClassMethod),
                          static_slots) ||
        !make_simple_type(rt, t.classmethod, "classmethod", sizeof(StaticOrClassMethod),
                          wrapper_slots) ||
        !make_simple_type(rt, t.super, "super", sizeof(Super), super_slots) ||
        !make_simple_type(rt, t.slot_wrapper, "wrapper_descriptor", sizeof(SlotWrapper),
                          slot_wrapper_slots))
        return false;
    rt.set_constructor(t.property, property_construct);
    rt.set_constructor(t.staticmethod, wrapper_construct);
    rt.set_constructor(t.classmethod, wrapper_construct);
    rt.set_constructor(t.super, super_construct);
    return init_mappingproxy_type(rt) && init_member_types(rt);
}

} // namespace minipy::vm
