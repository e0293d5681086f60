// member_descriptor and getset_descriptor: the `__slots__` fields and the `__dict__` /
// `__weakref__` attributes of heap classes. See vm/types/member.h.
#include "vm/types/member.h"

#include <string>

#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/weakref.h"

namespace minipy::vm {
namespace {

// Both descriptor kinds begin with the same two fields.
struct FieldDescriptor : Object {
    Type* objclass;
    Object* name;
};

FieldDescriptor* as_field(Object* object) {
    return static_cast<FieldDescriptor*>(object);
}

bool is_member(Runtime& rt, const Object* object) {
    return object->type == rt.types().member_descriptor;
}

// ====== Lifetime

int field_traverse(Object* self, VisitFn visit, void* arg) {
    FieldDescriptor* d = as_field(self);
    if (d->objclass) {
        if (int result = visit(d->objclass, arg))
            return result;
    }
    if (d->name) {
        if (int result = visit(d->name, arg))
            return result;
    }
    if (self->type == runtime_of(vm_of(self)).types().member_descriptor) {
        if (Object* doc = static_cast<MemberDescriptor*>(self)->doc)
            return visit(doc, arg);
    }
    return 0;
}

void field_clear(Object* self) {
    FieldDescriptor* d = as_field(self);
    Object* objclass = d->objclass;
    d->objclass = nullptr;
    set_ref(d->name, nullptr);
    if (self->type == runtime_of(vm_of(self)).types().member_descriptor)
        set_ref(static_cast<MemberDescriptor*>(self)->doc, nullptr);
    xdecref(objclass);
}

void field_dealloc(Object* self) {
    field_clear(self);
    vm_of(self).heap().release(self);
}

// ====== Python-visible attributes

std::string owner_name(FieldDescriptor* d) {
    return d->objclass ? d->objclass->name : "?";
}

Ref<Object> field_repr(VM& vm, Object* self) {
    FieldDescriptor* d = as_field(self);
    const char* kind = is_member(runtime_of(vm), self) ? "<member '" : "<attribute '";
    return str_from_utf8(vm, kind + (d->name ? str_to_utf8(d->name) : std::string("?")) + "' of '" +
                                 owner_name(d) + "' objects>");
}

// CPython's descr_get_qualname: the owner's __qualname__, a dot, the name.
Ref<Object> field_qualname(Runtime& rt, FieldDescriptor* d) {
    VM& vm = rt.vm();
    if (!d->objclass || !d->name)
        return Ref<Object>::borrow(vm.none());
    Ref<Object> owner = get_attr(vm, d->objclass, rt.names().__qualname__);
    if (!owner)
        return nullptr;
    if (!is_str(owner.get()))
        return raise_type_error(vm,
                                "<descriptor>.__objclass__.__qualname__ is not a unicode object");
    return str_from_utf8(vm, str_to_utf8(owner.get()) + "." + str_to_utf8(d->name));
}

Ref<Object> field_getattr(VM& vm, Object* self, Object* name) {
    Runtime& rt = runtime_of(vm);
    FieldDescriptor* d = as_field(self);
    if (name == rt.names().__name__)
        return Ref<Object>::borrow(d->name ? d->name : vm.none());
    if (name == rt.names().__qualname__)
        return field_qualname(rt, d);
    if (name == rt.names().__doc__) {
        if (is_member(rt, self)) {
            Object* doc = static_cast<MemberDescriptor*>(self)->doc;
            return Ref<Object>::borrow(doc ? doc : vm.none());
        }
        bool dict = static_cast<GetSetDescriptor*>(self)->kind == GetSetKind::dict;
        return str_from_utf8(vm, dict ? "dictionary for instance variables (if defined)"
                                      : "list of weak references to the object (if defined)");
    }
    if (str_ascii_view(name) == "__objclass__")
        return Ref<Object>::borrow(d->objclass ? static_cast<Object*>(d->objclass) : vm.none());
    return get_attr_generic(vm, self, name);
}

// CPython's descr_check: the descriptor applies to instances of its class only.
Status check_instance(VM& vm, FieldDescriptor* d, Object* object) {
    if (d->objclass && is_subtype(object->type, d->objclass))
        return Status::ok;
    return raise_type_error(vm, "descriptor '", d->name ? str_to_utf8(d->name) : std::string("?"),
                            "' for '", owner_name(d), "' objects doesn't apply to a '",
                            object->type->name, "' object");
}

// descriptor.__get__(instance, owner=None)
Ref<Object> field_get_method(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs < 1 || nargs > 2)
        return raise_type_error(vm, "expected 1 or 2 arguments, got ", nargs);
    Object* instance = args[0] == vm.none() ? nullptr : args[0];
    Object* owner = nargs == 2 && args[1] != vm.none() ? args[1] : nullptr;
    if (!instance && !owner)
        return raise_type_error(vm, "__get__(None, None) is invalid");
    return member_get(runtime_of(vm), self, instance);
}

// descriptor.__set__(instance, value)
Ref<Object> field_set_method(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "expected 2 arguments, got ", nargs);
    if (!is_ok(member_set(runtime_of(vm), self, args[0], args[1])))
        return nullptr;
    return vm.new_none();
}

// descriptor.__delete__(instance)
Ref<Object> field_delete_method(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    if (!is_ok(member_set(runtime_of(vm), self, args[0], nullptr)))
        return nullptr;
    return vm.new_none();
}

constexpr MethodDef field_methods[] = {
    {"__get__", field_get_method, MethodKind::fastcall, nullptr},
    {"__set__", field_set_method, MethodKind::fastcall, nullptr},
    {"__delete__", field_delete_method, MethodKind::o, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// ====== __dict__ and __weakref__

Ref<Object> dict_get(VM& vm, Object* object) {
    Object** slot = instance_dict_slot(object);
    if (!slot)
        return raise_attribute_error(vm, "This object has no __dict__");
    if (!*slot) {
        Ref<Object> dict = dict_new(vm);
        if (!dict)
            return nullptr;
        *slot = dict.release();
    }
    return Ref<Object>::borrow(*slot);
}

Status dict_set(VM& vm, Object* object, Object* value) {
    Object** slot = instance_dict_slot(object);
    if (!slot)
        return raise_attribute_error(vm, "This object has no __dict__");
    if (value && !is_dict(value))
        return raise_type_error(vm, "__dict__ must be set to a dictionary, not a '",
                                value->type->name, "'");
    xincref(value);
    set_ref(*slot, value);
    return Status::ok;
}

bool make_descriptor_type(Runtime& rt, Type*& out, const char* name, size_t size) {
    TypeSpec spec{};
    spec.name = name;
    spec.basic_size = size;
    spec.flags = type_has_gc; // not subclassable, as CPython's
    spec.slots.dealloc = field_dealloc;
    spec.slots.traverse = field_traverse;
    spec.slots.clear = field_clear;
    spec.slots.repr = field_repr;
    spec.slots.getattr = field_getattr;
    spec.methods = field_methods;
    Ref<Type> type = make_type(rt.vm(), spec);
    if (!type)
        return false;
    out = type.release();
    return true;
}

} // namespace

Object** member_word_any(Object* object, const MemberDescriptor* member) {
    if (!member->after_items) [[likely]]
        return member_word(object, member);
    size_t start = variable_part_size(object, solid_base(object->type));
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(object) + start + member->offset);
}

Ref<Object> member_new(Runtime& rt, Type* owner, Object* name, size_t offset, bool after_items,
                       Object* doc) {
    Ref<MemberDescriptor> d =
        allocate_object<MemberDescriptor>(rt.vm(), rt.types().member_descriptor);
    if (!d)
        return nullptr;
    incref(owner);
    d->objclass = owner;
    incref(name);
    d->name = name;
    if (doc && doc != rt.vm().none()) {
        incref(doc);
        d->doc = doc;
    }
    d->offset = offset;
    d->after_items = after_items;
    return Ref<Object>(std::move(d).cast<Object>());
}

Ref<Object> getset_new(Runtime& rt, Type* owner, GetSetKind kind) {
    Ref<GetSetDescriptor> d =
        allocate_object<GetSetDescriptor>(rt.vm(), rt.types().getset_descriptor);
    if (!d)
        return nullptr;
    incref(owner);
    d->objclass = owner;
    Object* name = kind == GetSetKind::dict ? rt.names().__dict__ : rt.names().__weakref__;
    incref(name);
    d->name = name;
    d->kind = kind;
    return Ref<Object>(std::move(d).cast<Object>());
}

Ref<Object> member_get(Runtime& rt, Object* descriptor, Object* object) {
    VM& vm = rt.vm();
    if (!object)
        return Ref<Object>::borrow(descriptor);
    FieldDescriptor* d = as_field(descriptor);
    if (!is_ok(check_instance(vm, d, object)))
        return nullptr;
    if (is_member(rt, descriptor)) {
        Object* value = *member_word_any(object, static_cast<MemberDescriptor*>(descriptor));
        if (!value)
            return raise_attribute_error(vm, "'", object->type->name, "' object has no attribute '",
                                         str_to_utf8(d->name), "'");
        return Ref<Object>::borrow(value);
    }
    if (static_cast<GetSetDescriptor*>(descriptor)->kind == GetSetKind::dict)
        return dict_get(vm, object);
    Object** list = weaklist_of(object);
    return Ref<Object>::borrow(list && *list ? *list : vm.none());
}

Status member_set(Runtime& rt, Object* descriptor, Object* object, Object* value) {
    VM& vm = rt.vm();
    FieldDescriptor* d = as_field(descriptor);
    if (!is_ok(check_instance(vm, d, object)))
        return Status::error;
    if (is_member(rt, descriptor)) {
        Object** word = member_word_any(object, static_cast<MemberDescriptor*>(descriptor));
        if (!value && !*word)
            return raise_attribute_error(vm, str_to_utf8(d->name));
        xincref(value);
        set_ref(*word, value);
        return Status::ok;
    }
    if (static_cast<GetSetDescriptor*>(descriptor)->kind == GetSetKind::dict)
        return dict_set(vm, object, value);
    return raise_attribute_error(vm, "attribute '__weakref__' of '", owner_name(d),
                                 "' objects is not writable");
}

bool init_member_types(Runtime& rt) {
    RuntimeTypes& t = rt.types();
    return make_descriptor_type(rt, t.member_descriptor, "member_descriptor",
                                sizeof(MemberDescriptor)) &&
           make_descriptor_type(rt, t.getset_descriptor, "getset_descriptor",
                                sizeof(GetSetDescriptor));
}

} // namespace minipy::vm
