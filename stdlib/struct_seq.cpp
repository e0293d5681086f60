// Struct sequences: named tuples made in C++. See stdlib/struct_seq.h.
#include "stdlib/struct_seq.h"

#include <string>
#include <vector>

#include "vm/eval_helpers.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/method_args.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

// A dict entry of a struct sequence type (borrowed), or null.
Object* type_entry(VM& vm, Type* type, const char* name) {
    Ref<Object> key = intern(vm, name);
    Object* value = nullptr;
    if (!key || !type->dict || dict_lookup(vm, type->dict, key.get(), &value) <= 0)
        vm.thread_state().clear_exception();
    return value;
}

// The names of every field (a tuple of str, borrowed), or null.
Object* all_field_names(VM& vm, Type* type) {
    Object* names = type_entry(vm, type, "_fields_all");
    return names && is_tuple(names) ? names : nullptr;
}

// The tuple of extra (non-sequence) values of an instance whose type has extra fields, or null.
Object* extra_values(Object* self) {
    Object* extra = tuple_items(self)[tuple_size(self)];
    return extra && is_tuple(extra) ? extra : nullptr;
}

// CPython's structseq_repr labels the i-th item with the i-th *named* field, so os.stat_result's
// three unnamed int times show as st_atime=, st_mtime=, st_ctime=.
Ref<Object> struct_seq_repr(VM& vm, Object* self) {
    Object* all = all_field_names(vm, self->type);
    std::vector<Object*> names;
    for (intptr_t i = 0; all && i < tuple_size(all); ++i) {
        if (str_length(tuple_items(all)[i]) > 0)
            names.push_back(tuple_items(all)[i]);
    }
    std::string text = std::string(self->type->name) + "(";
    intptr_t count = tuple_size(self);
    for (intptr_t i = 0; i < count; ++i) {
        if (i > 0)
            text += ", ";
        if (static_cast<size_t>(i) < names.size())
            text += str_to_utf8(names[static_cast<size_t>(i)]) + "=";
        Ref<Object> item = object_repr(vm, tuple_items(self)[i]);
        if (!item)
            return nullptr;
        text += str_to_utf8(item.get());
    }
    return str_from_utf8(vm, text + ")");
}

// The index of field `name` among all fields (unnamed ones have the empty name), or -1.
intptr_t field_index(Object* names, Object* name) {
    if (str_length(name) == 0)
        return -1;
    for (intptr_t i = 0; names && i < tuple_size(names); ++i) {
        if (tuple_items(names)[i] == name || str_equal(tuple_items(names)[i], name))
            return i;
    }
    return -1;
}

Ref<Object> struct_seq_getattr(VM& vm, Object* self, Object* name) {
    if (is_str(name)) {
        intptr_t index = field_index(all_field_names(vm, self->type), name);
        if (index >= 0 && index < tuple_size(self))
            return Ref<Object>::borrow(tuple_items(self)[index]);
        if (index >= 0) {
            Object* extra = extra_values(self);
            intptr_t at = index - tuple_size(self);
            if (extra && at < tuple_size(extra))
                return Ref<Object>::borrow(tuple_items(extra)[at]);
            return vm.new_none();
        }
    }
    return get_attr_generic(vm, self, name);
}

Status struct_seq_setattr(VM& vm, Object* self, Object* name, Object*) {
    if (is_str(name) && field_index(all_field_names(vm, self->type), name) >= 0)
        return raise_attribute_error(vm, "readonly attribute");
    return raise_attribute_error(vm, "'", self->type->name, "' object has no attribute '",
                                 str_to_utf8(name), "'");
}

// Instances own a reference to their type (as instances of classes do): a struct sequence type
// made at run time (sys.flags) is referenced by nothing else. Types with extra fields keep the
// extra tuple in the item slot after the visible items, outside the tuple's size.
void release_type(Type* type, VM& vm) {
    if (!vm.is_finalizing())
        decref(type); // at VM teardown types are freed last, by the VM
}

void struct_seq_dealloc(Object* self) {
    Type* type = self->type;
    VM& vm = vm_of(self);
    vm.types().tuple->slots.dealloc(self);
    release_type(type, vm);
}

int struct_seq_traverse(Object* self, VisitFn visit, void* arg) {
    if (int result = vm_of(self).types().tuple->slots.traverse(self, visit, arg))
        return result;
    return visit(self->type, arg);
}

void struct_seq_extra_dealloc(Object* self) {
    Object*& extra = tuple_items(self)[tuple_size(self)];
    set_ref(extra, nullptr);
    struct_seq_dealloc(self);
}

int struct_seq_extra_traverse(Object* self, VisitFn visit, void* arg) {
    if (Object* extra = tuple_items(self)[tuple_size(self)]) {
        if (int result = visit(extra, arg))
            return result;
    }
    return struct_seq_traverse(self, visit, arg);
}

void struct_seq_extra_clear(Object* self) {
    set_ref(tuple_items(self)[tuple_size(self)], nullptr);
    vm_of(self).types().tuple->slots.clear(self);
}

// CPython's structseq_reduce: (type, (sequence part, {extra field: value})).
Ref<Object> struct_seq_reduce(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Ref<Object> items =
        tuple_from_array(vm, tuple_items(self), static_cast<size_t>(tuple_size(self)));
    Ref<Object> extras = dict_new(vm);
    if (!items || !extras)
        return nullptr;
    Object* names = all_field_names(vm, self->type);
    for (intptr_t i = tuple_size(self); names && i < tuple_size(names); ++i) {
        if (str_length(tuple_items(names)[i]) == 0)
            continue;
        Object* extra = extra_values(self);
        intptr_t at = i - tuple_size(self);
        Object* value = extra && at < tuple_size(extra) ? tuple_items(extra)[at] : vm.none();
        if (!is_ok(dict_setitem(vm, extras.get(), tuple_items(names)[i], value)))
            return nullptr;
    }
    Ref<Object> args = tuple_pack(vm, {items.get(), extras.get()});
    if (!args)
        return nullptr;
    return tuple_pack(vm, {self->type, args.get()});
}

constexpr MethodDef struct_seq_methods[] = {
    {"__reduce__", struct_seq_reduce, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

bool set_in_dict(VM& vm, Object* dict, const char* name, Object* value) {
    Ref<Object> key = intern(vm, name);
    return key && is_ok(dict_setitem(vm, dict, key.get(), value));
}

int64_t int_entry(VM& vm, Type* type, const char* name) {
    Object* value = type_entry(vm, type, name);
    int64_t result = 0;
    if (!value || !is_int(value) || !int_to_i64(value, result))
        return 0;
    return result;
}

// The constructor of struct sequence types Python code cannot make (sys.flags), so that calling
// one does not reach tuple's.
Ref<Object> struct_seq_no_construct(VM& vm, Type* cls, Object* const*, size_t, Object*) {
    return raise_type_error(vm, "cannot create '", cls->name, "' instances");
}

// CPython's structseq_new: T(sequence, dict=None).
Ref<Object> struct_seq_construct(VM& vm, Type* cls, Object* const* args, size_t nargs,
                                 Object* kwnames) {
    size_t npos = nargs - (kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0);
    Object* values[2] = {nullptr, nullptr};
    if (!is_ok(
            bind_arguments(vm, {cls->name, {"sequence", "dict"}, 1}, args, npos, kwnames, values)))
        return nullptr;
    Ref<Object> items = sequence_to_list(vm, values[0]);
    if (!items)
        return nullptr;
    if (values[1] == vm.none())
        values[1] = nullptr;
    if (values[1] && !is_dict(values[1]))
        return raise_type_error(vm, cls->name, "() takes a dict as second arg, if any");
    int64_t n_fields = int_entry(vm, cls, "n_fields");
    int64_t n_visible = int_entry(vm, cls, "n_sequence_fields");
    int64_t length = list_size(items.get());
    if (length < n_visible) {
        if (n_visible == n_fields)
            return raise_type_error(vm, cls->name, "() takes a ", n_visible, "-sequence (", length,
                                    "-sequence given)");
        return raise_type_error(vm, cls->name, "() takes an at least ", n_visible, "-sequence (",
                                length, "-sequence given)");
    }
    if (length > n_fields) {
        if (n_visible == n_fields)
            return raise_type_error(vm, cls->name, "() takes a ", n_visible, "-sequence (", length,
                                    "-sequence given)");
        return raise_type_error(vm, cls->name, "() takes an at most ", n_fields, "-sequence (",
                                length, "-sequence given)");
    }
    std::vector<Object*> all(static_cast<size_t>(n_fields), vm.none());
    for (int64_t i = 0; i < length; ++i)
        all[static_cast<size_t>(i)] = list_items(items.get())[i];
    Object* names = all_field_names(vm, cls);
    for (int64_t i = length; values[1] && names && i < n_fields; ++i) {
        if (str_length(tuple_items(names)[i]) == 0)
            continue;
        Object* found = nullptr;
        if (dict_lookup(vm, values[1], tuple_items(names)[i], &found) < 0)
            return nullptr;
        if (found)
            all[static_cast<size_t>(i)] = found;
    }
    return struct_seq_from_array(vm, cls, all.data(), all.size());
}

} // namespace

Ref<Type> struct_seq_type_new(Runtime& rt, std::string_view name,
                              const std::vector<std::string_view>& fields, size_t n_sequence) {
    VM& vm = rt.vm();
    if (n_sequence == 0 || n_sequence > fields.size())
        n_sequence = fields.size();
    bool has_extra = n_sequence < fields.size();
    Type* tuple_type = vm.types().tuple;
    std::string name_text(name);
    TypeSpec spec{};
    spec.name = name_text.c_str();
    spec.base = tuple_type;
    spec.basic_size = tuple_type->basic_size;
    spec.item_size = tuple_type->item_size;
    spec.flags = tuple_type->flags & ~static_cast<uint32_t>(type_base_type);
    spec.slots.repr = struct_seq_repr;
    spec.slots.getattr = struct_seq_getattr;
    spec.slots.setattr = struct_seq_setattr;
    spec.slots.dealloc = has_extra ? struct_seq_extra_dealloc : struct_seq_dealloc;
    spec.slots.traverse = has_extra ? struct_seq_extra_traverse : struct_seq_traverse;
    if (has_extra)
        spec.slots.clear = struct_seq_extra_clear;
    spec.methods = struct_seq_methods;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return nullptr;
    // The name text must live as long as the type: point into the type's (ASCII) name object.
    type->name =
        str_ascii_view(type->name_object).empty() ? "?" : str_ascii_view(type->name_object).data();
    size_t unnamed = 0;
    size_t named_visible = 0;
    for (size_t index = 0; index < fields.size(); ++index) {
        if (fields[index].empty())
            ++unnamed;
        else if (index < n_sequence)
            ++named_visible;
    }
    Ref<Object> all_names = tuple_new(vm, fields.size());
    Ref<Object> names = tuple_new(vm, named_visible);
    Ref<Object> dict = dict_new(vm);
    Ref<Object> count = int_from_i64(vm, static_cast<int64_t>(fields.size()));
    Ref<Object> visible = int_from_i64(vm, static_cast<int64_t>(n_sequence));
    Ref<Object> zero = int_from_i64(vm, static_cast<int64_t>(unnamed));
    if (!all_names || !names || !dict || !count || !visible || !zero)
        return nullptr;
    for (size_t index = 0, at = 0; index < fields.size(); ++index) {
        Ref<Object> text = str_intern_text(vm, fields[index]);
        if (!text)
            return nullptr;
        if (index < n_sequence && !fields[index].empty()) {
            incref(text.get());
            tuple_items(names.get())[at++] = text.get();
        }
        tuple_items(all_names.get())[index] = text.release();
    }
    if (!set_in_dict(vm, dict.get(), "__match_args__", names.get()) ||
        !set_in_dict(vm, dict.get(), "_fields_all", all_names.get()) ||
        !set_in_dict(vm, dict.get(), "n_fields", count.get()) ||
        !set_in_dict(vm, dict.get(), "n_sequence_fields", visible.get()) ||
        !set_in_dict(vm, dict.get(), "n_unnamed_fields", zero.get()))
        return nullptr;
    set_ref(type->dict, dict.release());
    rt.set_constructor(type.get(), struct_seq_no_construct);
    return type;
}

Ref<Type> struct_seq_type_new(Runtime& rt, const char* name,
                              std::initializer_list<const char*> fields) {
    std::vector<std::string_view> views(fields.begin(), fields.end());
    return struct_seq_type_new(rt, name, views, 0);
}

void struct_seq_allow_construction(Runtime& rt, Type* type) {
    rt.set_constructor(type, struct_seq_construct);
}

Ref<Object> struct_seq_from_array(VM& vm, Type* type, Object* const* items, size_t count) {
    bool has_extra = type->slots.dealloc == struct_seq_extra_dealloc;
    auto n_visible = static_cast<size_t>(int_entry(vm, type, "n_sequence_fields"));
    if (n_visible == 0 || n_visible > count)
        n_visible = count;
    Ref<Object> result = allocate_object<Object>(vm, type, n_visible + (has_extra ? 1 : 0));
    if (!result)
        return nullptr;
    incref(type);
    static_cast<VarObject*>(result.get())->size = static_cast<intptr_t>(n_visible);
    for (size_t index = 0; index < n_visible; ++index) {
        incref(items[index]);
        tuple_items(result.get())[index] = items[index];
    }
    if (has_extra) {
        Ref<Object> extra = tuple_from_array(vm, items + n_visible, count - n_visible);
        if (!extra)
            return nullptr;
        tuple_items(result.get())[n_visible] = extra.release();
    }
    return result;
}

Ref<Object> struct_seq_new(VM& vm, Type* type, std::initializer_list<Object*> items) {
    return struct_seq_from_array(vm, type, items.begin(), items.size());
}

} // namespace minipy::stdlib
