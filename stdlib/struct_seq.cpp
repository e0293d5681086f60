// Struct sequences: named tuples made in C++. See stdlib/struct_seq.h.
#include "stdlib/struct_seq.h"

#include <string>

#include "vm/eval_helpers.h"
#include "vm/types/dict.h"
#include "vm/types/int.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

// The field names of a struct sequence type (a tuple of str, borrowed), or null.
Object* field_names(VM& vm, Type* type) {
    for (Type* t = type; t; t = t->base) {
        if (!t->dict)
            continue;
        Ref<Object> key = intern(vm, "__match_args__");
        Object* names = nullptr;
        if (key && dict_lookup(vm, t->dict, key.get(), &names) > 0 && names && is_tuple(names))
            return names;
        vm.thread_state().clear_exception();
    }
    return nullptr;
}

Ref<Object> struct_seq_repr(VM& vm, Object* self) {
    Object* names = field_names(vm, self->type);
    std::string text = std::string(self->type->name) + "(";
    intptr_t count = tuple_size(self);
    for (intptr_t i = 0; i < count; ++i) {
        if (i > 0)
            text += ", ";
        if (names && i < tuple_size(names))
            text += str_to_utf8(tuple_items(names)[i]) + "=";
        Ref<Object> item = object_repr(vm, tuple_items(self)[i]);
        if (!item)
            return nullptr;
        text += str_to_utf8(item.get());
    }
    return str_from_utf8(vm, text + ")");
}

Ref<Object> struct_seq_getattr(VM& vm, Object* self, Object* name) {
    if (Object* names = field_names(vm, self->type)) {
        for (intptr_t i = 0; i < tuple_size(names) && i < tuple_size(self); ++i) {
            if (tuple_items(names)[i] == name || str_equal(tuple_items(names)[i], name))
                return Ref<Object>::borrow(tuple_items(self)[i]);
        }
    }
    return get_attr_generic(vm, self, name);
}

Status struct_seq_setattr(VM& vm, Object* self, Object* name, Object*) {
    if (Object* names = field_names(vm, self->type)) {
        for (intptr_t i = 0; i < tuple_size(names); ++i) {
            if (str_equal(tuple_items(names)[i], name))
                return raise_attribute_error(vm, "readonly attribute");
        }
    }
    return raise_attribute_error(vm, "'", self->type->name, "' object has no attribute '",
                                 str_to_utf8(name), "'");
}

bool set_in_dict(VM& vm, Object* dict, const char* name, Object* value) {
    Ref<Object> key = intern(vm, name);
    return key && is_ok(dict_setitem(vm, dict, key.get(), value));
}

} // namespace

Ref<Type> struct_seq_type_new(Runtime& rt, const char* name,
                              std::initializer_list<const char*> fields) {
    VM& vm = rt.vm();
    Type* tuple_type = vm.types().tuple;
    TypeSpec spec{};
    spec.name = name;
    spec.base = tuple_type;
    spec.basic_size = tuple_type->basic_size;
    spec.item_size = tuple_type->item_size;
    spec.flags = tuple_type->flags & ~static_cast<uint32_t>(type_base_type);
    spec.slots.repr = struct_seq_repr;
    spec.slots.getattr = struct_seq_getattr;
    spec.slots.setattr = struct_seq_setattr;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return nullptr;
    Ref<Object> names = tuple_new(vm, fields.size());
    Ref<Object> dict = dict_new(vm);
    Ref<Object> count = int_from_i64(vm, static_cast<int64_t>(fields.size()));
    Ref<Object> zero = int_from_i64(vm, 0);
    if (!names || !dict || !count || !zero)
        return nullptr;
    size_t index = 0;
    for (const char* field : fields) {
        Ref<Object> text = intern(vm, field);
        if (!text)
            return nullptr;
        tuple_items(names.get())[index++] = text.release();
    }
    if (!set_in_dict(vm, dict.get(), "__match_args__", names.get()) ||
        !set_in_dict(vm, dict.get(), "n_fields", count.get()) ||
        !set_in_dict(vm, dict.get(), "n_sequence_fields", count.get()) ||
        !set_in_dict(vm, dict.get(), "n_unnamed_fields", zero.get()))
        return nullptr;
    set_ref(type->dict, dict.release());
    return type;
}

Ref<Object> struct_seq_new(VM& vm, Type* type, std::initializer_list<Object*> items) {
    Ref<Object> result = allocate_object<Object>(vm, type, items.size());
    if (!result)
        return nullptr;
    static_cast<VarObject*>(result.get())->size = static_cast<intptr_t>(items.size());
    size_t index = 0;
    for (Object* item : items) {
        incref(item);
        tuple_items(result.get())[index++] = item;
    }
    return result;
}

} // namespace minipy::stdlib
