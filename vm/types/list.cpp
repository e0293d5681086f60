// list: a growable array of owned references, over-allocated as CPython's list_resize so appends
// are amortised O(1). Dead lists keep their struct on the VM's list free list (cap 80); the item
// array is freed at dealloc.
//
// Invariants (vm/types/list.h): 0 <= size <= allocated; items[0..size) are owned non-null
// references. Every operation that calls back into Python code (comparison, repr) re-reads size and
// items afterwards, since that code may mutate the list.
#include "vm/types/list.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "gc/alloc.h"
#include "vm/eval_helpers.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list_sort.h"
#include "vm/types/method_args.h"
#include "vm/types/seq_index.h"
#include "vm/types/seq_iterator.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {

Ref<Object> sequence_compare(VM& vm, Object* left, Object* right, CompareOp op,
                             Object* const* (*items)(Object*), intptr_t (*size)(Object*));

namespace {

List* as_list(Object* object) {
    return static_cast<List*>(object);
}

// Makes room for new_size items (CPython's growth pattern). Raises MemoryError.
Status list_resize(VM& vm, List* list, intptr_t new_size) {
    if (new_size <= list->allocated && new_size >= list->allocated / 2) {
        list->size = new_size;
        return Status::ok;
    }
    auto wanted = static_cast<size_t>(new_size);
    size_t allocated = (wanted + (wanted >> 3) + 6) & ~size_t{3};
    if (new_size == 0)
        allocated = 0;
    if (allocated > SIZE_MAX / sizeof(Object*))
        return raise_memory_error(vm);
    Object** items = nullptr;
    if (allocated) {
        items = static_cast<Object**>(gc::mem_realloc(list->items, allocated * sizeof(Object*)));
        if (!items)
            return raise_memory_error(vm);
    } else {
        gc::mem_free(list->items);
    }
    list->items = items;
    list->allocated = static_cast<intptr_t>(allocated);
    list->size = new_size;
    return Status::ok;
}

void list_clear_slot(Object* self) {
    List* list = as_list(self);
    Object** items = list->items;
    intptr_t size = list->size;
    list->items = nullptr;
    list->size = 0;
    list->allocated = 0;
    for (intptr_t i = 0; i < size; ++i)
        decref(items[i]);
    gc::mem_free(items);
}

void list_dealloc(Object* self) {
    VM& vm = vm_of(self);
    vm.heap().forget(self);
    list_clear_slot(self);
    if (self->type != vm.types().list || !vm.free_lists().lists().push(self))
        gc::Heap::free_memory(self);
}

int list_traverse(Object* self, VisitFn visit, void* arg) {
    List* list = as_list(self);
    for (intptr_t i = 0; i < list->size; ++i) {
        if (int result = visit(list->items[i], arg))
            return result;
    }
    return 0;
}

Ref<Object> list_repr(VM& vm, Object* self) {
    if (list_size(self) == 0)
        return str_from_utf8(vm, "[]");
    int entered = vm.thread_state().repr_enter(self);
    if (entered != 0)
        return entered < 0 ? nullptr : str_from_utf8(vm, "[...]");
    std::string text = "[";
    bool ok = true;
    for (intptr_t i = 0; i < list_size(self) && ok; ++i) {
        if (i > 0)
            text += ", ";
        Ref<Object> item_ref = Ref<Object>::borrow(list_items(self)[i]);
        Ref<Object> item = object_repr(vm, item_ref.get());
        ok = static_cast<bool>(item);
        if (ok)
            text += str_to_utf8(item.get());
    }
    vm.thread_state().repr_leave(self);
    if (!ok)
        return nullptr;
    text += "]";
    return str_from_utf8(vm, text);
}

Object* const* list_items_of(Object* l) {
    return list_items(l);
}
intptr_t list_size_of(Object* l) {
    return list_size(l);
}

Ref<Object> list_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (!is_list(other))
        return vm.new_not_implemented();
    return sequence_compare(vm, self, other, op, list_items_of, list_size_of);
}

intptr_t list_len(VM&, Object* self) {
    return list_size(self);
}

Status index_of(VM& vm, Object* list, Object* key, intptr_t& index) {
    Ref<Object> converted; // key.__index__()
    key = subscript_int(vm, key, converted, "list indices must be integers or slices, not ");
    if (!key)
        return Status::error;
    if (!is_ok(int_to_ssize(vm, key, index)))
        return raise_index_error(vm, "cannot fit 'int' into an index-sized integer");
    if (index < 0)
        index += list_size(list);
    if (index < 0 || index >= list_size(list))
        return raise_index_error(vm, "list index out of range");
    return Status::ok;
}

Ref<Object> list_getitem(VM& vm, Object* self, Object* key) {
    intptr_t index = 0;
    if (!is_ok(index_of(vm, self, key, index)))
        return nullptr;
    return Ref<Object>::borrow(list_items(self)[index]);
}

Status list_delete(VM& vm, Object* self, intptr_t index) {
    List* list = as_list(self);
    Object* removed = list->items[index];
    std::memmove(list->items + index, list->items + index + 1,
                 static_cast<size_t>(list->size - index - 1) * sizeof(Object*));
    Status status = list_resize(vm, list, list->size - 1);
    decref(removed);
    return status;
}

Status list_setitem(VM& vm, Object* self, Object* key, Object* value) {
    intptr_t index = 0;
    if (!is_ok(index_of(vm, self, key, index))) {
        // Only an index past the end is "out of range"; a too-large int keeps its message.
        Object* error = vm.thread_state().exception();
        int64_t fits = 0;
        if (error && exception_matches(error, vm.exceptions().IndexError) &&
            (!is_int(key) || int_to_i64(key, fits)))
            return raise_index_error(vm, "list assignment index out of range");
        return Status::error;
    }
    if (!value)
        return list_delete(vm, self, index);
    incref(value);
    set_ref(list_items(self)[index], value);
    return Status::ok;
}

int list_contains(VM& vm, Object* self, Object* item) {
    for (intptr_t i = 0; i < list_size(self); ++i) {
        Ref<Object> element = Ref<Object>::borrow(list_items(self)[i]);
        int equal = object_rich_compare_bool(vm, element.get(), item, CompareOp::eq);
        if (equal != 0)
            return equal;
    }
    return 0;
}

Status list_extend_array(VM& vm, Object* self, Object* const* items, intptr_t count) {
    List* list = as_list(self);
    intptr_t old_size = list->size;
    if (!is_ok(list_resize(vm, list, old_size + count)))
        return Status::error;
    for (intptr_t i = 0; i < count; ++i) {
        incref(items[i]);
        list->items[old_size + i] = items[i];
    }
    return Status::ok;
}

Ref<Object> list_add(VM& vm, Object* left, Object* right) {
    if (!is_list(left) || !is_list(right)) {
        if (is_list(left))
            return raise_type_error(vm, "can only concatenate list (not \"", right->type->name,
                                    "\") to list");
        return vm.new_not_implemented();
    }
    Ref<Object> result = list_new(vm, static_cast<size_t>(list_size(left) + list_size(right)));
    if (!result || !is_ok(list_extend_array(vm, result.get(), list_items(left), list_size(left))) ||
        !is_ok(list_extend_array(vm, result.get(), list_items(right), list_size(right))))
        return nullptr;
    return result;
}

// ====== Iterator (CPython's list_iterator)

int list_iterator_traverse(Object* self, VisitFn visit, void* arg) {
    Object* l = static_cast<ListIterator*>(self)->list;
    return l ? visit(l, arg) : 0;
}
void list_iterator_clear(Object* self) {
    set_ref(static_cast<ListIterator*>(self)->list, nullptr);
}
void list_iterator_dealloc(Object* self) {
    vm_of(self).heap().forget(self);
    list_iterator_clear(self);
    gc::Heap::free_memory(self);
}
Ref<Object> list_iterator_next(VM&, Object* self) {
    auto* it = static_cast<ListIterator*>(self);
    if (!it->list)
        return nullptr;
    if (it->index >= list_size(it->list)) {
        set_ref(it->list, nullptr);
        return nullptr;
    }
    return Ref<Object>::borrow(list_items(it->list)[it->index++]);
}
Ref<Object> list_iter(VM& vm, Object* self) {
    Ref<ListIterator> it = allocate_object<ListIterator>(vm, vm.types().list_iterator);
    if (!it)
        return nullptr;
    incref(self);
    it->list = self;
    return it;
}

// ====== Methods

Ref<Object> list_append_method(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    if (!is_ok(list_append(vm, self, args[0])))
        return nullptr;
    return vm.new_none();
}

Ref<Object> list_extend_method(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    Object* other = args[0];
    Status status = Status::ok;
    if (is_list(other)) {
        // Copy first: l.extend(l) reads the list it grows.
        Ref<Object> copy = list_to_tuple(vm, other);
        if (!copy)
            return nullptr;
        status = list_extend_array(vm, self, tuple_items(copy.get()), tuple_size(copy.get()));
    } else if (is_tuple(other)) {
        status = list_extend_array(vm, self, tuple_items(other), tuple_size(other));
    } else {
        status = list_extend_iterable(vm, self, other); // any iterable (generators, sets, ...)
    }
    if (!is_ok(status))
        return nullptr;
    return vm.new_none();
}

Ref<Object> list_pop(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "pop expected at most 1 argument, got ", nargs);
    intptr_t index = -1;
    // The argument is converted first (CPython's argument clinic): [].pop("x") is a TypeError.
    if (nargs == 1) {
        Ref<Object> converted; // args[0].__index__()
        Object* key = subscript_int(vm, args[0], converted, "'",
                                    "' object cannot be interpreted as an integer");
        if (!key)
            return nullptr;
        if (!is_ok(int_to_ssize(vm, key, index)))
            return nullptr;
    }
    if (list_size(self) == 0)
        return raise_index_error(vm, "pop from empty list");
    if (nargs == 0) {
        index = list_size(self) - 1;
    } else {
        if (index < 0)
            index += list_size(self);
        if (index < 0 || index >= list_size(self))
            return raise_index_error(vm, "pop index out of range");
    }
    Ref<Object> item = Ref<Object>::borrow(list_items(self)[index]);
    if (!is_ok(list_delete(vm, self, index)))
        return nullptr;
    return item;
}

Ref<Object> list_insert(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "insert expected 2 arguments, got ", nargs);
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    intptr_t index = 0;
    if (!is_ok(int_to_ssize(vm, args[0], index)))
        return nullptr;
    intptr_t size = list_size(self);
    if (index < 0)
        index = std::max<intptr_t>(index + size, 0);
    index = std::min(index, size);
    List* list = as_list(self);
    if (!is_ok(list_resize(vm, list, size + 1)))
        return nullptr;
    std::memmove(list->items + index + 1, list->items + index,
                 static_cast<size_t>(size - index) * sizeof(Object*));
    incref(args[1]);
    list->items[index] = args[1];
    return vm.new_none();
}

Ref<Object> list_clear_method(VM& vm, Object* self, Object* const*, size_t, Object*) {
    list_clear_slot(self);
    return vm.new_none();
}

Ref<Object> list_reverse(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Object** items = list_items(self);
    for (intptr_t i = 0, j = list_size(self) - 1; i < j; ++i, --j)
        std::swap(items[i], items[j]);
    return vm.new_none();
}

Ref<Object> list_copy(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Ref<Object> result = list_new(vm, static_cast<size_t>(list_size(self)));
    if (!result || !is_ok(list_extend_array(vm, result.get(), list_items(self), list_size(self))))
        return nullptr;
    return result;
}

// list.index(value, start=0, stop=sys.maxsize).
Ref<Object> list_index(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs < 1 || nargs > 3)
        return raise_type_error(vm, "index expected ",
                                nargs < 1 ? "at least 1 argument" : "at most 3 arguments", ", got ",
                                nargs);
    intptr_t start = 0, stop = INTPTR_MAX;
    if (!is_ok(optional_index(vm, nargs > 1 ? args[1] : nullptr, 0, start)) ||
        !is_ok(optional_index(vm, nargs > 2 ? args[2] : nullptr, INTPTR_MAX, stop)))
        return nullptr;
    adjust_indices(start, stop, list_size(self));
    for (intptr_t i = start; i < stop && i < list_size(self); ++i) {
        Ref<Object> element = Ref<Object>::borrow(list_items(self)[i]);
        int equal = object_rich_compare_bool(vm, element.get(), args[0], CompareOp::eq);
        if (equal < 0)
            return nullptr;
        if (equal)
            return int_from_i64(vm, i);
    }
    Ref<Object> shown = object_repr(vm, args[0]);
    if (!shown)
        return nullptr;
    return raise_value_error(vm, str_to_utf8(shown.get()), " is not in list");
}

Ref<Object> list_count(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    int64_t count = 0;
    for (intptr_t i = 0; i < list_size(self); ++i) {
        Ref<Object> element = Ref<Object>::borrow(list_items(self)[i]);
        int equal = object_rich_compare_bool(vm, element.get(), args[0], CompareOp::eq);
        if (equal < 0)
            return nullptr;
        count += equal;
    }
    return int_from_i64(vm, count);
}

// list.sort(*, key=None, reverse=False).
Ref<Object> list_sort(VM& vm, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (nargs != 0)
        return raise_type_error(vm, "sort() takes no positional arguments");
    bool reverse = false;
    Object* key = nullptr;
    for (intptr_t i = 0; kwnames && i < tuple_size(kwnames); ++i) {
        std::string name = str_to_utf8(tuple_items(kwnames)[i]);
        if (name == "key") {
            key = args[i] == vm.none() ? nullptr : args[i];
            continue;
        }
        if (name != "reverse")
            return raise_type_error(vm, "'", name, "' is an invalid keyword argument for sort()");
        int truth = object_is_true(vm, args[i]);
        if (truth < 0)
            return nullptr;
        reverse = truth != 0;
    }
    if (!is_ok(list_sort_in_place(vm, self, key, reverse)))
        return nullptr;
    return vm.new_none();
}

// list.remove(value): the first equal item. Raises ValueError "list.remove(x): x not in list".
Ref<Object> list_remove(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    for (intptr_t i = 0; i < list_size(self); ++i) {
        Ref<Object> element = Ref<Object>::borrow(list_items(self)[i]);
        int equal = object_rich_compare_bool(vm, element.get(), args[0], CompareOp::eq);
        if (equal < 0)
            return nullptr;
        if (equal) {
            if (i >= list_size(self) || list_items(self)[i] != element.get())
                return raise_value_error(vm, "list.remove(x): x not in list");
            List* list = as_list(self);
            std::memmove(list->items + i, list->items + i + 1,
                         static_cast<size_t>(list->size - i - 1) * sizeof(Object*));
            --list->size;
            decref(element.get()); // the list's reference
            return vm.new_none();
        }
    }
    return raise_value_error(vm, "list.remove(x): x not in list");
}

constexpr MethodDef list_methods[] = {
    {"sort", list_sort, MethodKind::fastcall_keywords,
     "Sort the list in ascending order and return None."},
    {"append", list_append_method, MethodKind::o, "Append object to the end of the list."},
    {"extend", list_extend_method, MethodKind::o,
     "Extend list by appending elements from the iterable."},
    {"pop", list_pop, MethodKind::fastcall, "Remove and return item at index (default last)."},
    {"insert", list_insert, MethodKind::fastcall, "Insert object before index."},
    {"clear", list_clear_method, MethodKind::noargs, "Remove all items from list."},
    {"reverse", list_reverse, MethodKind::noargs, "Reverse *IN PLACE*."},
    {"copy", list_copy, MethodKind::noargs, "Return a shallow copy of the list."},
    {"index", list_index, MethodKind::fastcall, "Return first index of value."},
    {"remove", list_remove, MethodKind::o, "Remove first occurrence of value."},
    {"count", list_count, MethodKind::o, "Return number of occurrences of value."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

// As CPython, the list is empty while it is sorted, so comparisons and key calls that mutate it
// are detected: ValueError "list modified during sort".
Status list_sort_in_place(VM& vm, Object* self, Object* key, bool reverse) {
    if (key == vm.none())
        key = nullptr;
    List* list = as_list(self);
    Object** items = list->items;
    intptr_t size = list->size;
    intptr_t allocated = list->allocated;
    list->items = nullptr;
    list->size = 0;
    list->allocated = 0;
    auto count = static_cast<size_t>(size);
    // As CPython: reverse=True reverses, sorts ascending and reverses again, so that equal keys
    // keep their order (after the keys are made, in the list's order).
    bool ok = true;
    if (!key) {
        if (reverse)
            std::reverse(items, items + count);
        ok = sort_objects(vm, items, nullptr, count);
        if (reverse)
            std::reverse(items, items + count);
    } else {
        ok = sort_with_key(vm, items, count, key, reverse);
    }
    bool modified = list->items != nullptr || list->size != 0;
    list_clear_slot(self); // drops whatever was added during the sort
    list->items = items;
    list->size = size;
    list->allocated = allocated;
    if (!ok)
        return Status::error;
    if (modified)
        return raise_value_error(vm, "list modified during sort");
    return Status::ok;
}

bool is_list(const Object* object) {
    return has_flag(object->type, type_list_subclass);
}

Ref<Object> list_new(VM& vm, size_t capacity) {
    Type* type = vm.types().list;
    Ref<List> list;
    if (Object* memory = vm.free_lists().lists().pop()) {
        vm.heap().adopt(memory, type);
        list = Ref<List>::steal(static_cast<List*>(memory));
    } else {
        list = allocate_object<List>(vm, type);
        if (!list)
            return nullptr;
    }
    if (capacity > 0) {
        if (capacity > SIZE_MAX / sizeof(Object*))
            return raise_memory_error(vm);
        list->items = static_cast<Object**>(gc::mem_alloc(capacity * sizeof(Object*)));
        if (!list->items)
            return raise_memory_error(vm);
        list->allocated = static_cast<intptr_t>(capacity);
    }
    return list;
}

Status list_append(VM& vm, Object* self, Object* item) {
    List* list = as_list(self);
    intptr_t size = list->size;
    if (size < list->allocated) {
        incref(item);
        list->items[size] = item;
        list->size = size + 1;
        return Status::ok;
    }
    if (!is_ok(list_resize(vm, list, size + 1)))
        return Status::error;
    incref(item);
    list->items[size] = item;
    return Status::ok;
}

Ref<Object> list_get(VM& vm, Object* self, intptr_t index) {
    if (index < 0)
        index += list_size(self);
    if (index < 0 || index >= list_size(self))
        return raise_index_error(vm, "list index out of range");
    return Ref<Object>::borrow(list_items(self)[index]);
}

Status list_set(VM& vm, Object* self, intptr_t index, Object* item) {
    if (index < 0)
        index += list_size(self);
    if (index < 0 || index >= list_size(self))
        return raise_index_error(vm, "list assignment index out of range");
    incref(item);
    set_ref(list_items(self)[index], item);
    return Status::ok;
}

Ref<Object> list_to_tuple(VM& vm, Object* self) {
    return tuple_from_array(vm, list_items(self), static_cast<size_t>(list_size(self)));
}

namespace {
Ref<Object> empty_list(VM& vm) {
    return list_new(vm);
}
using ListIteratorMethods =
    SeqIteratorMethods<ListIterator, &ListIterator::list, list_size, empty_list>;
} // namespace

bool init_list_type(VM& vm) {
    TypeSpec spec{};
    spec.name = "list";
    spec.basic_size = sizeof(List);
    spec.flags = type_base_type | type_has_gc | type_list_subclass;
    TypeSlots& s = spec.slots;
    s.dealloc = list_dealloc;
    s.traverse = list_traverse;
    s.clear = list_clear_slot;
    s.repr = list_repr;
    s.richcompare = list_richcompare;
    s.hash = hash_not_implemented;
    s.len = list_len;
    s.getitem = list_getitem;
    s.setitem = list_setitem;
    s.contains = list_contains;
    s.add = list_add;
    s.iter = list_iter;
    spec.methods = list_methods;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    vm.types().list = type.release();

    TypeSpec iterator{};
    iterator.name = "list_iterator";
    iterator.basic_size = sizeof(ListIterator);
    iterator.flags = type_has_gc;
    iterator.slots.dealloc = list_iterator_dealloc;
    iterator.slots.traverse = list_iterator_traverse;
    iterator.slots.clear = list_iterator_clear;
    iterator.slots.iter = iter_self;
    iterator.slots.next = list_iterator_next;
    iterator.methods = ListIteratorMethods::methods;
    Ref<Type> iterator_type = make_type(vm, iterator);
    if (!iterator_type)
        return false;
    vm.types().list_iterator = iterator_type.release();
    return true;
}

} // namespace minipy::vm
