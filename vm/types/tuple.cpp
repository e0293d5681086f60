// tuple: an immutable array of owned references stored right after the header. Tuples of 1..19
// items are kept on per-length free lists; the empty tuple is the VM's pooled one.
//
// Invariants:
//  - items are non-null once the tuple is visible to Python code (a tuple under construction may
//    hold nulls; every slot here tolerates them);
//  - a tuple's size never changes after creation;
//  - hashing is CPython 3.11's xxHash-based tuplehash, so hash((1, 2)) equals CPython's.
#include "vm/types/tuple.h"

#include <string>

#include "vm/types/int.h"
#include "vm/types/method_args.h"
#include "vm/types/seq_index.h"
#include "vm/types/seq_iterator.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

void tuple_dealloc(Object* self) {
    VM& vm = vm_of(self);
    intptr_t size = tuple_size(self);
    vm.heap().forget(self);
    Object** items = tuple_items(self);
    for (intptr_t i = 0; i < size; ++i) {
        Object* item = items[i];
        items[i] = nullptr;
        xdecref(item);
    }
    bool exact = self->type == vm.types().tuple;
    if (!exact || size <= 0 || static_cast<size_t>(size) >= gc::FreeLists::tuple_max_length ||
        !vm.free_lists().tuples(static_cast<size_t>(size)).push(self))
        gc::Heap::free_memory(self);
}

int tuple_traverse(Object* self, VisitFn visit, void* arg) {
    Object** items = tuple_items(self);
    for (intptr_t i = 0; i < tuple_size(self); ++i) {
        if (items[i]) {
            if (int result = visit(items[i], arg))
                return result;
        }
    }
    return 0;
}

void tuple_clear(Object* self) {
    Object** items = tuple_items(self);
    for (intptr_t i = 0; i < tuple_size(self); ++i)
        set_ref(items[i], nullptr);
}

Ref<Object> tuple_repr(VM& vm, Object* self) {
    intptr_t size = tuple_size(self);
    if (size == 0)
        return str_from_utf8(vm, "()");
    int entered = vm.thread_state().repr_enter(self);
    if (entered != 0)
        return entered < 0 ? nullptr : str_from_utf8(vm, "(...)");
    std::string text = "(";
    bool ok = true;
    for (intptr_t i = 0; i < size && ok; ++i) {
        if (i > 0)
            text += ", ";
        Ref<Object> item = object_repr(vm, tuple_items(self)[i]);
        ok = static_cast<bool>(item);
        if (ok)
            text += str_to_utf8(item.get());
    }
    vm.thread_state().repr_leave(self);
    if (!ok)
        return nullptr;
    text += size == 1 ? ",)" : ")";
    return str_from_utf8(vm, text);
}

// CPython 3.11 tuplehash (xxHash's round function over the item hashes).
int64_t tuple_hash(VM& vm, Object* self) {
    constexpr uint64_t prime1 = 11400714785074694791ull;
    constexpr uint64_t prime2 = 14029467366897019727ull;
    constexpr uint64_t prime5 = 2870177450012600261ull;
    uint64_t acc = prime5;
    intptr_t size = tuple_size(self);
    for (intptr_t i = 0; i < size; ++i) {
        int64_t lane = object_hash(vm, tuple_items(self)[i]);
        if (lane == -1)
            return -1;
        acc += static_cast<uint64_t>(lane) * prime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= prime1;
    }
    acc += static_cast<uint64_t>(size) ^ (prime5 ^ 3527539ull);
    if (acc == static_cast<uint64_t>(-1))
        return 1546275796;
    return static_cast<int64_t>(acc);
}

} // namespace

// Lexicographic comparison of two item arrays (shared with list): the first unequal pair decides,
// else the lengths do. The arrays are re-read after each comparison, since __eq__ may mutate them.
Ref<Object> sequence_compare(VM& vm, Object* left, Object* right, CompareOp op,
                             Object* const* (*items)(Object*), intptr_t (*size)(Object*));
Ref<Object> sequence_compare(VM& vm, Object* left, Object* right, CompareOp op,
                             Object* const* (*items)(Object*), intptr_t (*size)(Object*)) {
    intptr_t i = 0;
    for (; i < size(left) && i < size(right); ++i) {
        Ref<Object> a = Ref<Object>::borrow(items(left)[i]);
        Ref<Object> b = Ref<Object>::borrow(items(right)[i]);
        int equal = object_rich_compare_bool(vm, a.get(), b.get(), CompareOp::eq);
        if (equal < 0)
            return nullptr;
        if (!equal) {
            if (op == CompareOp::eq)
                return vm.new_bool(false);
            if (op == CompareOp::ne)
                return vm.new_bool(true);
            return object_rich_compare(vm, a.get(), b.get(), op);
        }
    }
    intptr_t a = size(left);
    intptr_t b = size(right);
    bool result = false;
    switch (op) {
    case CompareOp::lt:
        result = a < b;
        break;
    case CompareOp::le:
        result = a <= b;
        break;
    case CompareOp::eq:
        result = a == b;
        break;
    case CompareOp::ne:
        result = a != b;
        break;
    case CompareOp::gt:
        result = a > b;
        break;
    case CompareOp::ge:
        result = a >= b;
        break;
    }
    return vm.new_bool(result);
}

namespace {

Object* const* tuple_items_of(Object* t) {
    return tuple_items(t);
}
intptr_t tuple_size_of(Object* t) {
    return tuple_size(t);
}

Ref<Object> tuple_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (!is_tuple(other))
        return vm.new_not_implemented();
    return sequence_compare(vm, self, other, op, tuple_items_of, tuple_size_of);
}

intptr_t tuple_len(VM&, Object* self) {
    return tuple_size(self);
}

Ref<Object> tuple_getitem(VM& vm, Object* self, Object* key) {
    Ref<Object> converted; // key.__index__()
    key = subscript_int(vm, key, converted, "tuple indices must be integers or slices, not ");
    if (!key)
        return nullptr;
    intptr_t index = 0;
    if (!is_ok(int_to_ssize(vm, key, index)))
        return raise_index_error(vm, "cannot fit 'int' into an index-sized integer");
    if (index < 0)
        index += tuple_size(self);
    if (index < 0 || index >= tuple_size(self))
        return raise_index_error(vm, "tuple index out of range");
    return Ref<Object>::borrow(tuple_items(self)[index]);
}

int tuple_contains(VM& vm, Object* self, Object* item) {
    for (intptr_t i = 0; i < tuple_size(self); ++i) {
        int equal = object_rich_compare_bool(vm, tuple_items(self)[i], item, CompareOp::eq);
        if (equal != 0)
            return equal;
    }
    return 0;
}

Ref<Object> tuple_add(VM& vm, Object* left, Object* right) {
    if (!is_tuple(left) || !is_tuple(right)) {
        if (is_tuple(left))
            return raise_type_error(vm, "can only concatenate tuple (not \"", right->type->name,
                                    "\") to tuple");
        return vm.new_not_implemented();
    }
    intptr_t a = tuple_size(left);
    intptr_t b = tuple_size(right);
    Ref<Object> result = tuple_new(vm, static_cast<size_t>(a + b));
    if (!result)
        return nullptr;
    for (intptr_t i = 0; i < a; ++i) {
        incref(tuple_items(left)[i]);
        tuple_items(result.get())[i] = tuple_items(left)[i];
    }
    for (intptr_t i = 0; i < b; ++i) {
        incref(tuple_items(right)[i]);
        tuple_items(result.get())[a + i] = tuple_items(right)[i];
    }
    return result;
}

// ====== Iterator (CPython's tuple_iterator)

struct TupleIterator : Object {
    Object* tuple; // owned, null when exhausted
    intptr_t index;
};

int tuple_iterator_traverse(Object* self, VisitFn visit, void* arg) {
    Object* t = static_cast<TupleIterator*>(self)->tuple;
    return t ? visit(t, arg) : 0;
}
void tuple_iterator_clear(Object* self) {
    set_ref(static_cast<TupleIterator*>(self)->tuple, nullptr);
}
void tuple_iterator_dealloc(Object* self) {
    VM& vm = vm_of(self);
    vm.heap().forget(self);
    tuple_iterator_clear(self);
    gc::Heap::free_memory(self);
}
Ref<Object> tuple_iterator_next(VM&, Object* self) {
    auto* it = static_cast<TupleIterator*>(self);
    if (!it->tuple)
        return nullptr;
    if (it->index >= tuple_size(it->tuple)) {
        set_ref(it->tuple, nullptr);
        return nullptr;
    }
    return Ref<Object>::borrow(tuple_items(it->tuple)[it->index++]);
}
Ref<Object> tuple_iter(VM& vm, Object* self) {
    Ref<TupleIterator> it = allocate_object<TupleIterator>(vm, vm.types().tuple_iterator);
    if (!it)
        return nullptr;
    incref(self);
    it->tuple = self;
    return it;
}

Ref<Object> tuple_count(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    int64_t count = 0;
    for (intptr_t i = 0; i < tuple_size(self); ++i) {
        int equal = object_rich_compare_bool(vm, tuple_items(self)[i], args[0], CompareOp::eq);
        if (equal < 0)
            return nullptr;
        count += equal;
    }
    return int_from_i64(vm, count);
}

// tuple.index(value, start=0, stop=sys.maxsize).
Ref<Object> tuple_index(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs < 1 || nargs > 3)
        return raise_type_error(vm, "index expected ",
                                nargs < 1 ? "at least 1 argument" : "at most 3 arguments", ", got ",
                                nargs);
    intptr_t start = 0, stop = INTPTR_MAX;
    if (!is_ok(optional_index(vm, nargs > 1 ? args[1] : nullptr, 0, start)) ||
        !is_ok(optional_index(vm, nargs > 2 ? args[2] : nullptr, INTPTR_MAX, stop)))
        return nullptr;
    adjust_indices(start, stop, tuple_size(self));
    for (intptr_t i = start; i < stop; ++i) {
        int equal = object_rich_compare_bool(vm, tuple_items(self)[i], args[0], CompareOp::eq);
        if (equal < 0)
            return nullptr;
        if (equal)
            return int_from_i64(vm, i);
    }
    return raise_value_error(vm, "tuple.index(x): x not in tuple");
}

// tuple.__getnewargs__: (a plain tuple of the items,), for copy and pickle of subclasses.
Ref<Object> tuple_getnewargs(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Ref<Object> items =
        tuple_from_array(vm, tuple_items(self), static_cast<size_t>(tuple_size(self)));
    return items ? tuple_pack(vm, {items.get()}) : nullptr;
}

constexpr MethodDef tuple_methods[] = {
    {"count", tuple_count, MethodKind::o, "Return number of occurrences of value."},
    {"__getnewargs__", tuple_getnewargs, MethodKind::noargs, nullptr},
    {"index", tuple_index, MethodKind::fastcall, "Return first index of value."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

bool is_tuple(const Object* object) {
    return has_flag(object->type, type_tuple_subclass);
}

Ref<Object> tuple_new(VM& vm, size_t size) {
    if (size == 0 && vm.pools().empty_tuple())
        return Ref<Object>::borrow(vm.pools().empty_tuple());
    Type* type = vm.types().tuple;
    if (size > 0 && size < gc::FreeLists::tuple_max_length) {
        if (Object* memory = vm.free_lists().tuples(size).pop()) {
            vm.heap().adopt(memory, type);
            static_cast<Tuple*>(memory)->size = static_cast<intptr_t>(size);
            return Ref<Object>::steal(memory); // items were nulled by dealloc
        }
    }
    Ref<Tuple> t = allocate_object<Tuple>(vm, type, size);
    if (!t)
        return nullptr;
    t->size = static_cast<intptr_t>(size);
    return t;
}

Ref<Object> tuple_from_array(VM& vm, Object* const* items, size_t count) {
    Ref<Object> t = tuple_new(vm, count);
    if (!t)
        return nullptr;
    for (size_t i = 0; i < count; ++i) {
        incref(items[i]);
        tuple_items(t.get())[i] = items[i];
    }
    return t;
}

Ref<Object> tuple_pack(VM& vm, std::initializer_list<Object*> items) {
    return tuple_from_array(vm, items.begin(), items.size());
}

namespace {
Ref<Object> empty_tuple(VM& vm) {
    return tuple_new(vm, 0);
}
using TupleIteratorMethods =
    SeqIteratorMethods<TupleIterator, &TupleIterator::tuple, tuple_size, empty_tuple>;
} // namespace

bool init_tuple_type(VM& vm) {
    TypeSpec spec{};
    spec.name = "tuple";
    spec.basic_size = sizeof(Tuple);
    spec.item_size = sizeof(Object*);
    spec.flags = type_base_type | type_has_gc | type_tuple_subclass;
    TypeSlots& s = spec.slots;
    s.dealloc = tuple_dealloc;
    s.traverse = tuple_traverse;
    s.clear = tuple_clear;
    s.repr = tuple_repr;
    s.hash = tuple_hash;
    s.richcompare = tuple_richcompare;
    s.len = tuple_len;
    s.getitem = tuple_getitem;
    s.contains = tuple_contains;
    s.add = tuple_add;
    s.iter = tuple_iter;
    spec.methods = tuple_methods;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    vm.types().tuple = type.release();

    TypeSpec iterator{};
    iterator.name = "tuple_iterator";
    iterator.basic_size = sizeof(TupleIterator);
    iterator.flags = type_has_gc;
    iterator.slots.dealloc = tuple_iterator_dealloc;
    iterator.slots.traverse = tuple_iterator_traverse;
    iterator.slots.clear = tuple_iterator_clear;
    iterator.slots.iter = iter_self;
    iterator.slots.next = tuple_iterator_next;
    iterator.methods = TupleIteratorMethods::methods;
    Ref<Type> iterator_type = make_type(vm, iterator);
    if (!iterator_type)
        return false;
    vm.types().tuple_iterator = iterator_type.release();
    return true;
}

} // namespace minipy::vm
