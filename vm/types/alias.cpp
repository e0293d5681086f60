// typing helpers of the language core: `list[int]` (types.GenericAlias) and `int | None`
// (types.UnionType), so annotations evaluate as in CPython 3.11. Minimal: repr, ==, isinstance
// through a union, `__args__`, `__origin__`.
#include <string>
#include <vector>

#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/alias.h"
#include "vm/types/class.h"
#include "vm/types/function.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

struct Alias : Object {
    Object* origin; // the subscripted class (GenericAlias) or null (UnionType)
    Object* args;   // tuple
};

Alias* as_alias(Object* object) {
    return static_cast<Alias*>(object);
}

int alias_traverse(Object* self, VisitFn visit, void* arg) {
    Alias* a = as_alias(self);
    if (a->origin) {
        if (int result = visit(a->origin, arg))
            return result;
    }
    return a->args ? visit(a->args, arg) : 0;
}

void alias_clear(Object* self) {
    set_ref(as_alias(self)->origin, nullptr);
    set_ref(as_alias(self)->args, nullptr);
}

void alias_dealloc(Object* self) {
    alias_clear(self);
    vm_of(self).heap().release(self);
}

// typing's repr of one argument: classes by (qualified) name, None as None, ... as ...
Status repr_item(VM& vm, Object* item, std::string& out) {
    if (item == vm.none() || item == vm.types().none) {
        out += "None";
        return Status::ok;
    }
    if (item == vm.ellipsis()) {
        out += "...";
        return Status::ok;
    }
    if (has_flag(item->type, type_type_subclass)) {
        Ref<Object> repr = object_repr(vm, item);
        if (!repr)
            return Status::error;
        std::string text = str_to_utf8(repr.get());
        // "<class 'mod.C'>" -> "mod.C"; builtins lose the module.
        if (text.rfind("<class '", 0) == 0 && text.size() > 10)
            text = text.substr(8, text.size() - 10);
        out += text;
        return Status::ok;
    }
    Ref<Object> repr = object_repr(vm, item);
    if (!repr)
        return Status::error;
    out += str_to_utf8(repr.get());
    return Status::ok;
}

Ref<Object> alias_repr(VM& vm, Object* self) {
    Alias* a = as_alias(self);
    std::string out;
    if (a->origin) {
        if (!is_ok(repr_item(vm, a->origin, out)))
            return nullptr;
        out += "[";
    }
    for (intptr_t i = 0; i < tuple_size(a->args); ++i) {
        if (i > 0)
            out += a->origin ? ", " : " | ";
        if (!is_ok(repr_item(vm, tuple_items(a->args)[i], out)))
            return nullptr;
    }
    if (a->origin)
        out += "]";
    return str_from_utf8(vm, out);
}

Ref<Object> alias_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (other->type != self->type || (op != CompareOp::eq && op != CompareOp::ne))
        return vm.new_not_implemented();
    Alias* a = as_alias(self);
    Alias* b = as_alias(other);
    if (a->origin != b->origin)
        return vm.new_bool(op == CompareOp::ne);
    int equal = object_rich_compare_bool(vm, a->args, b->args, CompareOp::eq);
    if (equal < 0)
        return nullptr;
    return vm.new_bool((equal != 0) == (op == CompareOp::eq));
}

Ref<Object> alias_getattr(VM& vm, Object* self, Object* name) {
    Alias* a = as_alias(self);
    std::string_view text = str_ascii_view(name);
    if (text == "__args__")
        return Ref<Object>::borrow(a->args);
    if (text == "__origin__" && a->origin)
        return Ref<Object>::borrow(a->origin);
    if (a->origin)
        return get_attr(vm, a->origin, name);
    return get_attr_generic(vm, self, name);
}

Ref<Object> alias_call(VM& vm, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Alias* a = as_alias(self);
    if (!a->origin)
        return raise_type_error(vm, "'types.UnionType' object is not callable");
    return call_object(vm, a->origin, args, nargs, kwnames);
}

Ref<Object> make_alias(Runtime& rt, Type* type, Object* origin, Object* args) {
    Ref<Alias> alias = allocate_object<Alias>(rt.vm(), type);
    if (!alias)
        return nullptr;
    xincref(origin);
    alias->origin = origin;
    incref(args);
    alias->args = args;
    return Ref<Object>(std::move(alias).cast<Object>());
}

bool is_union_member(Runtime& rt, Object* value) {
    VM& vm = rt.vm();
    return value == vm.none() || has_flag(value->type, type_type_subclass) ||
           value->type == rt.types().generic_alias || value->type == rt.types().union_type;
}

} // namespace

Ref<Object> generic_alias_new(Runtime& rt, Object* origin, Object* key) {
    Ref<Object> args = is_tuple(key) ? Ref<Object>::borrow(key) : tuple_pack(rt.vm(), {key});
    if (!args)
        return nullptr;
    return make_alias(rt, rt.types().generic_alias, origin, args.get());
}

Ref<Object> union_new(Runtime& rt, Object* left, Object* right) {
    VM& vm = rt.vm();
    if (!is_union_member(rt, left) || !is_union_member(rt, right))
        return vm.new_not_implemented();
    std::vector<Object*> members;
    for (Object* side : {left, right}) {
        if (side->type == rt.types().union_type) {
            Object* args = as_alias(side)->args;
            for (intptr_t i = 0; i < tuple_size(args); ++i)
                members.push_back(tuple_items(args)[i]);
        } else {
            members.push_back(side == vm.none() ? static_cast<Object*>(vm.types().none) : side);
        }
    }
    std::vector<Object*> unique;
    for (Object* member : members) {
        bool seen = false;
        for (Object* other : unique)
            seen = seen || other == member;
        if (!seen)
            unique.push_back(member);
    }
    Ref<Object> args = tuple_from_array(vm, unique.data(), unique.size());
    if (!args)
        return nullptr;
    return make_alias(rt, rt.types().union_type, nullptr, args.get());
}

Object* union_args(Runtime& rt, Object* object) {
    return object->type == rt.types().union_type ? as_alias(object)->args : nullptr;
}

namespace {

// types.GenericAlias(origin, args), which classmethod(types.GenericAlias) makes of cls[key].
Ref<Object> generic_alias_construct(VM& vm, Type*, Object* const* args, size_t nargs,
                                    Object* kwnames) {
    if (kwnames && tuple_size(kwnames) > 0)
        return raise_type_error(vm, "GenericAlias() takes no keyword arguments");
    if (nargs != 2)
        return raise_type_error(vm, "GenericAlias expected 2 arguments, got ", nargs);
    return generic_alias_new(runtime_of(vm), args[0], args[1]);
}

} // namespace

bool init_alias_types(Runtime& rt) {
    TypeSpec spec{};
    spec.basic_size = sizeof(Alias);
    spec.flags = type_has_gc;
    spec.slots.dealloc = alias_dealloc;
    spec.slots.traverse = alias_traverse;
    spec.slots.clear = alias_clear;
    spec.slots.repr = alias_repr;
    spec.slots.richcompare = alias_richcompare;
    spec.slots.getattr = alias_getattr;
    spec.slots.call = alias_call;
    spec.slots.hash = hash_not_implemented;
    spec.name = "types.GenericAlias";
    Ref<Type> generic = make_type(rt.vm(), spec);
    spec.name = "types.UnionType";
    Ref<Type> union_type = make_type(rt.vm(), spec);
    if (!generic || !union_type)
        return false;
    rt.types().generic_alias = generic.release();
    rt.types().union_type = union_type.release();
    rt.set_constructor(rt.types().generic_alias, generic_alias_construct);
    return true;
}

} // namespace minipy::vm
