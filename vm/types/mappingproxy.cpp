// mappingproxy: the read-only view of a mapping that `C.__dict__` answers (types.MappingProxyType).
// A class dict must only change through type setattr/delattr, which bump the type attribute epoch
// the attribute caches key on (vm/inline_cache.h); handing out the dict itself would let
// `C.__dict__["x"] = 1` change a class behind the caches' back.
//
// Invariant: `mapping` is never null after construction; every operation forwards to it.
#include "vm/types/mappingproxy.h"

#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

struct MappingProxy : Object {
    Object* mapping;
};

Object* mapping_of(Object* self) {
    return static_cast<MappingProxy*>(self)->mapping;
}

int proxy_traverse(Object* self, VisitFn visit, void* arg) {
    Object* mapping = mapping_of(self);
    return mapping ? visit(mapping, arg) : 0;
}

void proxy_clear(Object* self) {
    set_ref(static_cast<MappingProxy*>(self)->mapping, nullptr);
}

void proxy_dealloc(Object* self) {
    proxy_clear(self);
    vm_of(self).heap().release(self);
}

// CPython's mappingproxy_check_mapping: a mapping, not a list or tuple.
bool is_mapping(VM& vm, Object* object) {
    if (is_dict(object))
        return true;
    if (is_list(object) || is_tuple(object) || !object->type->slots.getitem)
        return false;
    Ref<Object> keys = intern(vm, "keys");
    return keys && type_lookup(object->type, keys.get()) != nullptr;
}

Ref<Object> proxy_construct(VM& vm, Type*, Object* const* args, size_t nargs, Object* kwnames) {
    size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    if (nargs - nkw != 1 || nkw > 0) {
        if (nkw > 0 && nargs - nkw == 0 && str_ascii_view(tuple_items(kwnames)[0]) == "mapping")
            return mappingproxy_new(runtime_of(vm), args[0]);
        return raise_type_error(vm, "mappingproxy() takes exactly one argument (", nargs - nkw,
                                " given)");
    }
    return mappingproxy_new(runtime_of(vm), args[0]);
}

Ref<Object> proxy_repr(VM& vm, Object* self) {
    Ref<Object> inner = object_repr(vm, mapping_of(self));
    if (!inner)
        return nullptr;
    return str_from_utf8(vm, "mappingproxy(" + str_to_utf8(inner.get()) + ")");
}

Ref<Object> proxy_str(VM& vm, Object* self) {
    return object_str(vm, mapping_of(self));
}

Ref<Object> proxy_getitem(VM& vm, Object* self, Object* key) {
    return object_getitem(vm, mapping_of(self), key);
}

intptr_t proxy_len(VM& vm, Object* self) {
    return object_len(vm, mapping_of(self));
}

int proxy_contains(VM& vm, Object* self, Object* item) {
    return object_contains(vm, mapping_of(self), item);
}

Ref<Object> proxy_iter(VM& vm, Object* self) {
    return object_iter(vm, mapping_of(self));
}

Ref<Object> proxy_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    return object_rich_compare(vm, mapping_of(self), other, op);
}

// proxy | other and other | proxy: the underlying mapping's union (a new dict for a dict).
Ref<Object> proxy_or(VM& vm, Object* left, Object* right) {
    Type* proxy = runtime_of(vm).types().mappingproxy;
    Object* a = left->type == proxy ? mapping_of(left) : left;
    Object* b = right->type == proxy ? mapping_of(right) : right;
    return binary_op(vm, a, b, BinarySlot::or_);
}

Ref<Object> forward(VM& vm, Object* self, const char* method, Object* const* args, size_t nargs) {
    Ref<Object> name = intern(vm, method);
    if (!name)
        return nullptr;
    return call_method_name(vm, mapping_of(self), name.get(), args, nargs);
}

Ref<Object> proxy_get(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs < 1 || nargs > 2)
        return raise_type_error(vm, "get expected at least 1 argument, got ", nargs);
    return forward(vm, self, "get", args, nargs);
}
Ref<Object> proxy_keys(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return forward(vm, self, "keys", nullptr, 0);
}
Ref<Object> proxy_values(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return forward(vm, self, "values", nullptr, 0);
}
Ref<Object> proxy_items(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return forward(vm, self, "items", nullptr, 0);
}
Ref<Object> proxy_copy(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return forward(vm, self, "copy", nullptr, 0);
}
Ref<Object> proxy_reversed(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Ref<Object> reversed_name = intern(vm, "reversed");
    if (!reversed_name)
        return nullptr;
    Object* reversed_function = nullptr;
    if (dict_lookup(vm, runtime_of(vm).builtins(), reversed_name.get(), &reversed_function) <= 0 ||
        !reversed_function)
        return raise_type_error(vm, "reversed() is not available");
    Object* mapping = mapping_of(self);
    return call_object(vm, reversed_function, &mapping, 1);
}

constexpr MethodDef proxy_methods[] = {
    {"get", proxy_get, MethodKind::fastcall, nullptr},
    {"keys", proxy_keys, MethodKind::noargs, nullptr},
    {"values", proxy_values, MethodKind::noargs, nullptr},
    {"items", proxy_items, MethodKind::noargs, nullptr},
    {"copy", proxy_copy, MethodKind::noargs, nullptr},
    {"__reversed__", proxy_reversed, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

Ref<Object> mappingproxy_new(Runtime& rt, Object* mapping) {
    VM& vm = rt.vm();
    if (!is_mapping(vm, mapping))
        return raise_type_error(vm, "mappingproxy() argument must be a mapping, not ",
                                mapping->type->name);
    Ref<MappingProxy> proxy = allocate_object<MappingProxy>(vm, rt.types().mappingproxy);
    if (!proxy)
        return nullptr;
    incref(mapping);
    proxy->mapping = mapping;
    return Ref<Object>(std::move(proxy).cast<Object>());
}

bool init_mappingproxy_type(Runtime& rt) {
    VM& vm = rt.vm();
    TypeSpec spec{};
    spec.name = "mappingproxy";
    spec.basic_size = sizeof(MappingProxy);
    spec.flags = type_has_gc;
    spec.slots.dealloc = proxy_dealloc;
    spec.slots.traverse = proxy_traverse;
    spec.slots.clear = proxy_clear;
    spec.slots.repr = proxy_repr;
    spec.slots.str = proxy_str;
    spec.slots.hash = hash_not_implemented;
    spec.slots.richcompare = proxy_richcompare;
    spec.slots.getitem = proxy_getitem;
    spec.slots.len = proxy_len;
    spec.slots.contains = proxy_contains;
    spec.slots.iter = proxy_iter;
    spec.slots.or_ = proxy_or;
    spec.methods = proxy_methods;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    rt.types().mappingproxy = type.release();
    rt.set_constructor(rt.types().mappingproxy, proxy_construct);
    return true;
}

} // namespace minipy::vm
