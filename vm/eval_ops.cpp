// The opcode helpers of the eval loop (see vm/eval_ops.h): name lookup, subscripts with slices,
// container building, unpacking, f-string formatting, MAKE_FUNCTION, starred calls, raise, with,
// imports.
#include "vm/eval_ops.h"

#include <string>
#include <vector>

#include "stdlib/modules.h"
#include "vm/code.h"
#include "vm/descriptors.h"
#include "vm/eval_helpers.h"
#include "vm/format.h"
#include "vm/opcodes.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/traceback.h"
#include "vm/types/alias.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/range.h"
#include "vm/types/set.h"
#include "vm/types/str.h"
#include "vm/types/str_kind.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

Raised raise_name_error(Runtime& rt, Object* name) {
    (void)raise_message(rt.vm(), rt.vm().exceptions().NameError,
                        "name '" + str_to_utf8(name) + "' is not defined");
    name_error_set_name(rt.vm(), name); // for "Did you mean" (vm/traceback.h)
    return {};
}

// Looks name up in a mapping (a dict fast, anything else through __getitem__): 1, 0, -1.
int mapping_lookup(VM& vm, Object* mapping, Object* name, Ref<Object>& out) {
    if (is_dict(mapping)) {
        Object* value = nullptr;
        int found = dict_lookup(vm, mapping, name, &value);
        if (found > 0)
            out = Ref<Object>::borrow(value);
        return found;
    }
    out = object_getitem(vm, mapping, name);
    if (out)
        return 1;
    if (exception_matches(vm.thread_state().exception(), vm.exceptions().KeyError)) {
        vm.thread_state().clear_exception();
        return 0;
    }
    return -1;
}

void drop_items(Object** items, uint32_t count) {
    for (uint32_t i = 0; i < count; ++i)
        xdecref(items[i]);
}

} // namespace

Ref<Object> load_name(Runtime& rt, Frame* frame, Object* name) {
    VM& vm = rt.vm();
    Ref<Object> value;
    if (frame->locals) {
        int found = mapping_lookup(vm, frame->locals, name, value);
        if (found != 0)
            return found > 0 ? value : nullptr;
    }
    return load_global(rt, frame, name);
}

Ref<Object> load_global(Runtime& rt, Frame* frame, Object* name) {
    VM& vm = rt.vm();
    Object* value = nullptr;
    if (dict_lookup(vm, frame->globals, name, &value) < 0)
        return nullptr;
    if (!value && dict_lookup(vm, frame->builtins, name, &value) < 0)
        return nullptr;
    if (!value)
        return raise_name_error(rt, name);
    return Ref<Object>::borrow(value);
}

Status store_name(Runtime& rt, Frame* frame, Object* name, Object* value) {
    VM& vm = rt.vm();
    if (!frame->locals)
        return raise_system_error(vm, "no locals found when storing ", str_to_utf8(name));
    if (is_dict(frame->locals))
        return dict_setitem(vm, frame->locals, name, value);
    return object_setitem(vm, frame->locals, name, value);
}

Status delete_name(Runtime& rt, Frame* frame, Object* name) {
    VM& vm = rt.vm();
    if (!frame->locals)
        return raise_system_error(vm, "no locals when deleting ", str_to_utf8(name));
    if (!is_ok(object_setitem(vm, frame->locals, name, nullptr))) {
        vm.thread_state().clear_exception();
        return raise_name_error(rt, name);
    }
    return Status::ok;
}

Raised raise_unbound_local(Runtime& rt, Code* code, uint32_t index) {
    std::string name = str_to_utf8(tuple_items(code->localsplus_names)[index]);
    return raise_message(rt.vm(), rt.vm().exceptions().UnboundLocalError,
                         "cannot access local variable '" + name +
                             "' where it is not associated with a value");
}

Raised raise_unbound_free(Runtime& rt, Code* code, uint32_t index) {
    std::string name = str_to_utf8(tuple_items(code->localsplus_names)[index]);
    if (static_cast<int32_t>(index) < code->nlocalsplus - code->nfree)
        return raise_unbound_local(rt, code, index);
    (void)raise_message(rt.vm(), rt.vm().exceptions().NameError,
                        "cannot access free variable '" + name +
                            "' where it is not associated with a value in enclosing scope");
    name_error_set_name(rt.vm(), tuple_items(code->localsplus_names)[index]);
    return {};
}

// ====== Subscripts

namespace {

Ref<Object> slice_of_sequence(Runtime& rt, Object* container, Object* slice) {
    VM& vm = rt.vm();
    intptr_t length = is_list(container)    ? list_size(container)
                      : is_tuple(container) ? tuple_size(container)
                                            : str_length(container);
    intptr_t start = 0, stop = 0, step = 0, count = 0;
    if (!is_ok(slice_indices(vm, slice, length, start, stop, step, count)))
        return nullptr;
    if (is_str(container)) {
        std::vector<uint32_t> points;
        points.reserve(static_cast<size_t>(count));
        for (intptr_t i = 0, at = start; i < count; ++i, at += step)
            points.push_back(str_char_at(static_cast<Str*>(container), at));
        return str_from_code_points(vm, points.data(), points.size());
    }
    Ref<Object> list = list_new(vm, static_cast<size_t>(count));
    if (!list)
        return nullptr;
    Object* const* items = is_list(container) ? list_items(container) : tuple_items(container);
    for (intptr_t i = 0, at = start; i < count; ++i, at += step) {
        if (!is_ok(list_append(vm, list.get(), items[at])))
            return nullptr;
    }
    if (is_tuple(container))
        return list_to_tuple(vm, list.get());
    return list;
}

Status assign_list_slice(Runtime& rt, Object* list, Object* slice, Object* value) {
    VM& vm = rt.vm();
    intptr_t start = 0, stop = 0, step = 0, count = 0;
    if (!is_ok(slice_indices(vm, slice, list_size(list), start, stop, step, count)))
        return Status::error;
    Ref<Object> items = value ? sequence_to_list(vm, value) : list_new(vm);
    if (!items)
        return Status::error;
    Ref<Object> old = sequence_to_list(vm, list);
    if (!old)
        return Status::error;
    std::vector<Object*> result;
    Object** old_items = list_items(old.get());
    intptr_t old_size = list_size(old.get());
    if (step == 1) {
        if (stop < start)
            stop = start;
        for (intptr_t i = 0; i < start; ++i)
            result.push_back(old_items[i]);
        for (intptr_t i = 0; i < list_size(items.get()); ++i)
            result.push_back(list_items(items.get())[i]);
        for (intptr_t i = stop; i < old_size; ++i)
            result.push_back(old_items[i]);
    } else {
        if (value && list_size(items.get()) != count)
            return raise_value_error(vm, "attempt to assign sequence of size ",
                                     list_size(items.get()), " to extended slice of size ", count);
        std::vector<bool> selected(static_cast<size_t>(old_size), false);
        std::vector<Object*> replaced(static_cast<size_t>(old_size), nullptr);
        for (intptr_t i = 0, at = start; i < count; ++i, at += step) {
            selected[static_cast<size_t>(at)] = true;
            if (value)
                replaced[static_cast<size_t>(at)] = list_items(items.get())[i];
        }
        for (intptr_t i = 0; i < old_size; ++i) {
            if (!selected[static_cast<size_t>(i)])
                result.push_back(old_items[i]);
            else if (value)
                result.push_back(replaced[static_cast<size_t>(i)]);
        }
    }
    // Rebuild in place: pop everything, append the result (keeps D's list invariants).
    while (list_size(list) > 0) {
        Ref<Object> ignored = call_method(vm, list, "pop", nullptr, 0);
        if (!ignored)
            return Status::error;
    }
    for (Object* item : result) {
        if (!is_ok(list_append(vm, list, item)))
            return Status::error;
    }
    return Status::ok;
}

} // namespace

Ref<Object> subscript(Runtime& rt, Object* container, Object* key) {
    VM& vm = rt.vm();
    if (key->type == rt.types().slice &&
        (is_list(container) || is_tuple(container) || is_str(container)) &&
        (!is_heap_type(container->type) ||
         container->type->slots.getitem == solid_base(container->type)->slots.getitem))
        return slice_of_sequence(rt, container, key);
    if (has_flag(container->type, type_type_subclass) && !container->type->slots.getitem) {
        // Reference 3.3.5: C[key] calls C.__class_getitem__(key); built-in classes make a
        // types.GenericAlias.
        Ref<Object> hook = intern(vm, "__class_getitem__");
        Object* custom = hook ? type_lookup(static_cast<Type*>(container), hook.get()) : nullptr;
        if (custom) {
            Ref<Object> bound = get_attr(vm, container, hook.get());
            return bound ? call_object(vm, bound.get(), &key, 1) : nullptr;
        }
        if (is_heap_type(static_cast<Type*>(container)))
            return raise_type_error(vm, "type '", static_cast<Type*>(container)->name,
                                    "' is not subscriptable");
        return generic_alias_new(rt, container, key);
    }
    if (container->type->slots.getitem == nullptr && is_heap_type(container->type))
        return raise_type_error(vm, "'", container->type->name, "' object is not subscriptable");
    Ref<Object> result = object_getitem(vm, container, key);
    if (!result && is_dict(container) && container->type != vm.types().dict &&
        exception_matches(vm.thread_state().exception(), vm.exceptions().KeyError)) {
        Ref<Object> missing = intern(vm, "__missing__");
        if (missing && type_lookup(container->type, missing.get())) {
            vm.thread_state().clear_exception();
            return call_dunder(vm, container, missing.get(), &key, 1);
        }
    }
    return result;
}

Status store_subscript(Runtime& rt, Object* container, Object* key, Object* value) {
    VM& vm = rt.vm();
    if (key->type == rt.types().slice && is_list(container) &&
        (!is_heap_type(container->type) ||
         container->type->slots.setitem == solid_base(container->type)->slots.setitem))
        return assign_list_slice(rt, container, key, value);
    return object_setitem(vm, container, key, value);
}

Ref<Object> compare(Runtime& rt, Object* left, Object* right, uint32_t op) {
    return object_rich_compare(rt.vm(), left, right, static_cast<CompareOp>(op));
}

// ====== Building containers

Ref<Object> build_tuple(Runtime& rt, Object** items, uint32_t count) {
    Ref<Object> tuple = tuple_new(rt.vm(), count);
    if (!tuple) {
        drop_items(items, count);
        return nullptr;
    }
    for (uint32_t i = 0; i < count; ++i)
        tuple_items(tuple.get())[i] = items[i];
    return tuple;
}

Ref<Object> build_list(Runtime& rt, Object** items, uint32_t count) {
    Ref<Object> list = list_new(rt.vm(), count);
    Status status = list ? Status::ok : Status::error;
    for (uint32_t i = 0; i < count && is_ok(status); ++i)
        status = list_append(rt.vm(), list.get(), items[i]);
    drop_items(items, count);
    return is_ok(status) ? list : nullptr;
}

Ref<Object> build_set(Runtime& rt, Object** items, uint32_t count) {
    Ref<Object> set = set_new(rt.vm(), false);
    Status status = set ? Status::ok : Status::error;
    for (uint32_t i = 0; i < count && is_ok(status); ++i)
        status = set_add(rt.vm(), set.get(), items[i]);
    drop_items(items, count);
    return is_ok(status) ? set : nullptr;
}

Ref<Object> build_map(Runtime& rt, Object** items, uint32_t count) {
    Ref<Object> dict = dict_new(rt.vm());
    Status status = dict ? Status::ok : Status::error;
    for (uint32_t i = 0; i < count && is_ok(status); ++i)
        status = dict_setitem(rt.vm(), dict.get(), items[2 * i], items[2 * i + 1]);
    drop_items(items, 2 * count);
    return is_ok(status) ? dict : nullptr;
}

Ref<Object> build_const_key_map(Runtime& rt, Object** items, uint32_t count) {
    Ref<Object> dict = dict_new(rt.vm());
    Object* keys = items[count];
    Status status = dict ? Status::ok : Status::error;
    for (uint32_t i = 0; i < count && is_ok(status); ++i)
        status = dict_setitem(rt.vm(), dict.get(), tuple_items(keys)[i], items[i]);
    drop_items(items, count + 1);
    return is_ok(status) ? dict : nullptr;
}

// The pieces are strs (FORMAT_VALUE results and constants), joined at their final kind.
Ref<Object> build_string(Runtime& rt, Object** items, uint32_t count) {
    Ref<Object> text = str_join_items(rt.vm(), nullptr, items, count);
    drop_items(items, count);
    return text;
}

Ref<Object> build_slice(Runtime& rt, Object** items, uint32_t count) {
    Ref<Object> slice = slice_new(rt, items[0], items[1], count == 3 ? items[2] : rt.vm().none());
    drop_items(items, count);
    return slice;
}

Status dict_update_from_dict(VM& vm, Object* target, Object* source) {
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(source, pos, &key, &value)) {
        Ref<Object> k = Ref<Object>::borrow(key);
        Ref<Object> v = Ref<Object>::borrow(value);
        if (!is_ok(dict_setitem(vm, target, k.get(), v.get())))
            return Status::error;
    }
    return Status::ok;
}

Status dict_update_any(Runtime& rt, Object* dict, Object* other) {
    VM& vm = rt.vm();
    if (is_dict(other))
        return dict_update_from_dict(vm, dict, other);
    Ref<Object> keys_method = get_attr_optional(vm, other, rt.names().keys);
    if (keys_method) {
        Ref<Object> keys = call_object(vm, keys_method.get(), nullptr, 0);
        Ref<Object> list = keys ? sequence_to_list(vm, keys.get()) : nullptr;
        if (!list)
            return Status::error;
        for (intptr_t i = 0; i < list_size(list.get()); ++i) {
            Object* key = list_items(list.get())[i];
            Ref<Object> value = object_getitem(vm, other, key);
            if (!value || !is_ok(dict_setitem(vm, dict, key, value.get())))
                return Status::error;
        }
        return Status::ok;
    }
    if (vm.thread_state().has_exception())
        return Status::error;
    Ref<Object> pairs = sequence_to_list(vm, other);
    if (!pairs)
        return Status::error;
    for (intptr_t i = 0; i < list_size(pairs.get()); ++i) {
        Object* element = list_items(pairs.get())[i];
        if (!element->type->slots.iter && !element->type->slots.getitem)
            return raise_type_error(vm, "cannot convert dictionary update sequence element #", i,
                                    " to a sequence");
        Ref<Object> pair = sequence_to_list(vm, element);
        if (!pair)
            return Status::error;
        if (list_size(pair.get()) != 2)
            return raise_value_error(vm, "dictionary update sequence element #", i, " has length ",
                                     list_size(pair.get()), "; 2 is required");
        if (!is_ok(dict_setitem(vm, dict, list_items(pair.get())[0], list_items(pair.get())[1])))
            return Status::error;
    }
    return Status::ok;
}

Status dict_update_from(Runtime& rt, Object* dict, Object* mapping, bool merge, Object* callable) {
    VM& vm = rt.vm();
    if (!merge) {
        if (!is_dict(mapping) && !type_lookup(mapping->type, rt.names().keys) &&
            !find_method(mapping->type, "keys"))
            return raise_type_error(vm, "'", mapping->type->name, "' object is not a mapping");
        return dict_update_any(rt, dict, mapping);
    }
    Ref<Object> source = dict_new(vm);
    if (!source || !is_ok(dict_update_any(rt, source.get(), mapping))) {
        if (source && exception_matches(vm.thread_state().exception(), vm.exceptions().TypeError)) {
            vm.thread_state().clear_exception();
            return raise_type_error(vm, callable_display_name(callable),
                                    " argument after ** must be a mapping, not ",
                                    mapping->type->name);
        }
        return Status::error;
    }
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(source.get(), pos, &key, &value)) {
        Object* existing = nullptr;
        if (dict_lookup(vm, dict, key, &existing) < 0)
            return Status::error;
        if (existing)
            return raise_type_error(vm, callable_display_name(callable),
                                    " got multiple values for keyword argument '", str_to_utf8(key),
                                    "'");
        if (!is_ok(dict_setitem(vm, dict, key, value)))
            return Status::error;
    }
    return Status::ok;
}

Status set_update_from(Runtime& rt, Object* set, Object* iterable) {
    Ref<Object> items = sequence_to_list(rt.vm(), iterable);
    if (!items)
        return Status::error;
    for (intptr_t i = 0; i < list_size(items.get()); ++i) {
        if (!is_ok(set_add(rt.vm(), set, list_items(items.get())[i])))
            return Status::error;
    }
    return Status::ok;
}

// ====== Unpacking

Status unpack_sequence(Runtime& rt, Object* sequence, uint32_t count, Object** out) {
    VM& vm = rt.vm();
    // Exact lists and tuples are read in place; everything else (subclasses may define __iter__)
    // goes through its iterator, which is not read past count + 1 items (an endless iterator
    // gets "too many values" as in CPython).
    if (sequence->type == vm.types().list || sequence->type == vm.types().tuple) {
        bool tuple = sequence->type == vm.types().tuple;
        intptr_t size = tuple ? tuple_size(sequence) : list_size(sequence);
        Object* const* values = tuple ? tuple_items(sequence) : list_items(sequence);
        if (size < static_cast<intptr_t>(count))
            return raise_value_error(vm, "not enough values to unpack (expected ", count, ", got ",
                                     size, ")");
        if (size > static_cast<intptr_t>(count))
            return raise_value_error(vm, "too many values to unpack (expected ", count, ")");
        for (uint32_t i = 0; i < count; ++i) {
            incref(values[i]);
            out[count - 1 - i] = values[i];
        }
        return Status::ok;
    }
    Ref<Object> iterator = get_iter(vm, sequence);
    if (!iterator) {
        if (exception_matches(vm.thread_state().exception(), vm.exceptions().TypeError) &&
            !sequence->type->slots.iter && !sequence->type->slots.getitem) {
            vm.thread_state().clear_exception();
            return raise_type_error(vm, "cannot unpack non-iterable ", sequence->type->name,
                                    " object");
        }
        return Status::error;
    }
    // out[count - 1 - i] holds item i; on failure the items taken so far are dropped.
    auto drop_taken = [&](uint32_t taken) {
        for (uint32_t i = 0; i < taken; ++i)
            decref(out[count - 1 - i]);
    };
    for (uint32_t i = 0; i < count; ++i) {
        Ref<Object> item = iter_next(vm, iterator.get());
        if (!item) {
            drop_taken(i);
            if (vm.thread_state().has_exception())
                return Status::error;
            return raise_value_error(vm, "not enough values to unpack (expected ", count, ", got ",
                                     i, ")");
        }
        out[count - 1 - i] = item.release();
    }
    Ref<Object> extra = iter_next(vm, iterator.get());
    if (extra || vm.thread_state().has_exception()) {
        drop_taken(count);
        if (extra)
            return raise_value_error(vm, "too many values to unpack (expected ", count, ")");
        return Status::error;
    }
    return Status::ok;
}

Status unpack_ex(Runtime& rt, Object* sequence, uint32_t before, uint32_t after, Object** out) {
    VM& vm = rt.vm();
    Ref<Object> items = sequence_to_list(vm, sequence);
    if (!items) {
        if (exception_matches(vm.thread_state().exception(), vm.exceptions().TypeError) &&
            !sequence->type->slots.iter) {
            vm.thread_state().clear_exception();
            return raise_type_error(vm, "cannot unpack non-iterable ", sequence->type->name,
                                    " object");
        }
        return Status::error;
    }
    intptr_t size = list_size(items.get());
    if (size < static_cast<intptr_t>(before + after))
        return raise_value_error(vm, "not enough values to unpack (expected at least ",
                                 before + after, ", got ", size, ")");
    Object** values = list_items(items.get());
    uint32_t total = before + after + 1;
    // Top of stack gets the first item: out[total - 1] = values[0].
    for (uint32_t i = 0; i < before; ++i) {
        incref(values[i]);
        out[total - 1 - i] = values[i];
    }
    Ref<Object> middle = list_new(vm);
    if (!middle)
        return Status::error;
    for (intptr_t i = before; i < size - static_cast<intptr_t>(after); ++i) {
        if (!is_ok(list_append(vm, middle.get(), values[i])))
            return Status::error;
    }
    for (uint32_t i = 0; i < after; ++i) {
        Object* value = values[size - after + i];
        incref(value);
        out[after - 1 - i] = value;
    }
    out[after] = middle.release();
    return Status::ok;
}

Ref<Object> format_value(Runtime& rt, Object* value, Object* spec, uint32_t flags) {
    VM& vm = rt.vm();
    Ref<Object> converted;
    switch (flags & format_conversion_mask) {
    case 1:
        converted = object_str(vm, value);
        break;
    case 2:
        converted = object_repr(vm, value);
        break;
    case 3:
        converted = object_ascii(vm, value);
        break;
    default:
        converted = Ref<Object>::borrow(value);
        break;
    }
    if (!converted)
        return nullptr;
    if (!spec && converted->type == vm.types().str)
        return converted;
    return format_with_spec(vm, converted.get(), spec);
}

// ====== Functions and calls

Ref<Object> make_function(Runtime& rt, Frame* frame, Object** items, uint32_t flags) {
    uint32_t count = 1 + static_cast<uint32_t>(std::popcount(flags & 0xFu));
    Object* code = items[count - 1];
    Ref<Object> function = function_new(rt, static_cast<Code*>(code), frame->globals, nullptr);
    if (function) {
        auto* f = static_cast<Function*>(function.get());
        uint32_t at = 0;
        if (flags & make_function_defaults)
            f->defaults = Ref<Object>::borrow(items[at++]).release();
        if (flags & make_function_kwdefaults)
            f->kwdefaults = Ref<Object>::borrow(items[at++]).release();
        if (flags & make_function_annotations) {
            Object* pairs = items[at++];
            Ref<Object> dict = dict_new(rt.vm());
            for (intptr_t i = 0; dict && is_tuple(pairs) && i + 1 < tuple_size(pairs); i += 2) {
                if (!is_ok(dict_setitem(rt.vm(), dict.get(), tuple_items(pairs)[i],
                                        tuple_items(pairs)[i + 1])))
                    dict = nullptr;
            }
            if (!dict)
                function = nullptr;
            else
                f->annotations = dict.release();
        }
        if (function && (flags & make_function_closure))
            f->closure = Ref<Object>::borrow(items[at++]).release();
    }
    drop_items(items, count);
    return function;
}

Ref<Object> call_function_ex(Runtime& rt, Object* callable, Object* args, Object* kwargs) {
    VM& vm = rt.vm();
    Ref<Object> tuple;
    // Only an exact tuple is passed as it is: a subclass may override __iter__ (as CPython's
    // PySequence_Tuple, which iterates anything but an exact tuple).
    if (args->type == vm.types().tuple) {
        tuple = Ref<Object>::borrow(args);
    } else {
        Ref<Object> list = sequence_to_list(vm, args);
        if (!list) {
            if (exception_matches(vm.thread_state().exception(), vm.exceptions().TypeError) &&
                !args->type->slots.iter) {
                vm.thread_state().clear_exception();
                return raise_type_error(vm, callable_display_name(callable),
                                        " argument after * must be an iterable, not ",
                                        args->type->name);
            }
            return nullptr;
        }
        tuple = list_to_tuple(vm, list.get());
        if (!tuple)
            return nullptr;
    }
    return call_with_tuple(vm, callable, tuple.get(), kwargs);
}

Ref<Object> call_with_tuple(VM& vm, Object* callable, Object* args, Object* kwargs) {
    intptr_t npos = tuple_size(args);
    intptr_t nkw = kwargs ? dict_size(kwargs) : 0;
    if (nkw == 0)
        return call_object(vm, callable, tuple_items(args), static_cast<size_t>(npos));
    std::vector<Object*> stack(static_cast<size_t>(npos + nkw));
    for (intptr_t i = 0; i < npos; ++i)
        stack[static_cast<size_t>(i)] = tuple_items(args)[i];
    Ref<Object> names = tuple_new(vm, static_cast<size_t>(nkw));
    if (!names)
        return nullptr;
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    intptr_t at = 0;
    while (dict_next(kwargs, pos, &key, &value) && at < nkw) {
        if (!is_str(key))
            return raise_type_error(vm, "keywords must be strings");
        incref(key);
        tuple_items(names.get())[at] = key;
        stack[static_cast<size_t>(npos + at)] = value;
        ++at;
    }
    Ref<Object> keep = Ref<Object>::borrow(kwargs);
    return call_object(vm, callable, stack.data(), stack.size(), names.get());
}

namespace {
// "module.name()", or "name()" for the builtins module or none (CPython's _PyObject_FunctionStr).
std::string with_module(Object* module, std::string name) {
    if (module && is_str(module)) {
        std::string text = str_to_utf8(module);
        if (text != "builtins")
            return text + "." + name + "()";
    }
    return name + "()";
}
} // namespace

std::string callable_display_name(Object* callable) {
    VM& vm = vm_of(callable);
    Runtime& rt = runtime_of(vm);
    if (callable->type == rt.types().function) {
        auto* function = static_cast<Function*>(callable);
        return with_module(function->module, str_to_utf8(function->qualname));
    }
    if (callable->type == rt.types().method)
        return callable_display_name(static_cast<BoundMethod*>(callable)->function);
    if (callable->type == rt.types().builtin_function) {
        auto* function = static_cast<BuiltinFunction*>(callable);
        // A built-in type's method is named after its type: "list.append()".
        const Type* owner = function->owner;
        if (!owner && function->self && !function->module)
            owner = function->self->type;
        if (owner)
            return std::string(owner->name) + "." + function->def->name + "()";
        return with_module(function->module, function->def->name);
    }
    if (has_flag(callable->type, type_type_subclass))
        return type_full_name(rt, static_cast<Type*>(callable)) + "()";
    return std::string(callable->type->name) + " object";
}

// ====== Exceptions

Raised do_raise(Runtime& rt, Object* exception, Object* cause) {
    VM& vm = rt.vm();
    Ref<Object> instance;
    if (has_flag(exception->type, type_type_subclass) &&
        is_subtype(static_cast<Type*>(exception), vm.exceptions().BaseException)) {
        instance = call_object(vm, exception, nullptr, 0);
        if (!instance)
            return Raised{};
        if (!is_exception_instance(instance.get()))
            return raise_type_error(vm, "calling ", static_cast<Type*>(exception)->name,
                                    " should have returned an instance of BaseException, not ",
                                    instance->type->name);
    } else if (is_exception_instance(exception)) {
        instance = Ref<Object>::borrow(exception);
    } else {
        return raise_type_error(vm, "exceptions must derive from BaseException");
    }
    if (cause) {
        Ref<Object> cause_instance;
        if (cause == vm.none()) {
        } else if (has_flag(cause->type, type_type_subclass) &&
                   is_subtype(static_cast<Type*>(cause), vm.exceptions().BaseException)) {
            cause_instance = call_object(vm, cause, nullptr, 0);
            if (!cause_instance)
                return Raised{};
        } else if (is_exception_instance(cause)) {
            cause_instance = Ref<Object>::borrow(cause);
        } else {
            return raise_type_error(vm, "exception causes must derive from BaseException");
        }
        auto* e = static_cast<BaseExceptionObject*>(instance.get());
        set_ref(e->cause, cause_instance.release());
        e->suppress_context = true;
    }
    return raise_object(vm, instance.get());
}

int exception_match(Runtime& rt, Object* exception, Object* type) {
    VM& vm = rt.vm();
    auto check_one = [&](Object* candidate) -> int {
        if (candidate == exception->type)
            return 1; // the exception's own class (the common `except E`): an exception class
        if (!has_flag(candidate->type, type_type_subclass) ||
            !is_subtype(static_cast<Type*>(candidate), vm.exceptions().BaseException)) {
            (void)raise_type_error(vm, "catching classes that do not inherit from BaseException "
                                       "is not allowed");
            return -1;
        }
        return is_subtype(exception->type, static_cast<Type*>(candidate)) ? 1 : 0;
    };
    if (is_tuple(type)) {
        for (intptr_t i = 0; i < tuple_size(type); ++i) {
            int result = check_one(tuple_items(type)[i]);
            if (result != 0)
                return result;
        }
        return 0;
    }
    return check_one(type);
}

void record_exception(Runtime& rt, Frame* frame) {
    VM& vm = rt.vm();
    Object* exception = vm.thread_state().exception();
    if (!exception)
        return;
    auto* e = static_cast<BaseExceptionObject*>(exception);
    Object* handled = rt.handled_exception();
    if (handled && !e->context && !e->traceback)
        set_exception_context(exception, handled);
    traceback_add(rt, exception, frame);
}

void set_exception_context(Object* exception, Object* handled) {
    if (handled == exception)
        return;
    // Break cycles: cut the chain where it already contains `exception`.
    for (Object* o = handled; o; o = static_cast<BaseExceptionObject*>(o)->context) {
        auto* link = static_cast<BaseExceptionObject*>(o);
        if (link->context == exception) {
            set_ref(link->context, nullptr);
            break;
        }
    }
    incref(handled);
    set_ref(static_cast<BaseExceptionObject*>(exception)->context, handled);
}

Ref<Object> before_with(Runtime& rt, Object* manager, Ref<Object>& exit) {
    VM& vm = rt.vm();
    Object* enter = type_lookup(manager->type, rt.names().__enter__);
    Object* exit_method = type_lookup(manager->type, rt.names().__exit__);
    if (!enter)
        return raise_type_error(vm, "'", manager->type->name,
                                "' object does not support the context manager protocol");
    if (!exit_method)
        return raise_type_error(vm, "'", manager->type->name,
                                "' object does not support the context manager protocol "
                                "(missed __exit__ method)");
    exit = descriptor_get(rt, exit_method, manager, manager->type);
    if (!exit)
        return nullptr;
    return call_dunder(vm, manager, rt.names().__enter__, nullptr, 0);
}

// The import opcodes (import_name, import_from, import_star) live in vm/import.cpp.

Ref<Object> frame_locals(Runtime& rt, Frame* frame) {
    VM& vm = rt.vm();
    if (frame->locals)
        return Ref<Object>::borrow(frame->locals);
    Ref<Object> dict = dict_new(vm);
    if (!dict)
        return nullptr;
    Object* const* names = tuple_items(frame->code->localsplus_names);
    for (int32_t i = 0; i < frame->code->nlocalsplus; ++i) {
        Object* value = frame->localsplus()[i];
        if (value && value->type == rt.types().cell &&
            (frame->code->localsplus_kinds[i] &
             (compiler::local_kind_cell | compiler::local_kind_free)))
            value = static_cast<Cell*>(value)->contents;
        if (value && !is_ok(dict_setitem(vm, dict.get(), names[i], value)))
            return nullptr;
    }
    return dict;
}

} // namespace minipy::vm
