// set and frozenset: an open-addressing table of (hash, key) entries, probed as dict's index table.
//
// Invariants:
//  - an entry is empty (key null, hash 0), deleted (key null, hash -1) or live (owns key);
//  - used counts live entries, fill live + deleted; fill stays below 3/5 of the table (a resize
//    drops the deleted ones);
//  - a frozenset never changes after construction, so its hash (CPython's frozenset_hash) is
//    cached;
//  - every mutation bumps version; a lookup whose __eq__ replaced the table or the compared
//    entry starts again.
#include "vm/types/set.h"

#include <cstdlib>
#include <string>

#include "gc/alloc.h"
#include "vm/eval_helpers.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"
#include "vm/weakref.h"

namespace minipy::vm {
namespace {

constexpr intptr_t minimum_table = 8;

Set* as_set(Object* object) {
    return static_cast<Set*>(object);
}

// Finds key: its table position (>= 0), -1 absent, -2 when a comparison raised. *free receives the
// first reusable position on the probe sequence.
intptr_t lookup(VM& vm, Set* set, Object* key, int64_t hash, intptr_t* free_position) {
restart:
    SetEntry* table = set->table;
    *free_position = -1;
    if (!table) // an __eq__ cleared the set: nothing left to find
        return -1;
    auto mask = static_cast<uint64_t>(set->mask);
    auto perturb = static_cast<uint64_t>(hash);
    uint64_t i = perturb & mask;
    for (;;) {
        SetEntry& entry = table[i];
        if (!entry.key) {
            if (*free_position < 0)
                *free_position = static_cast<intptr_t>(i);
            if (entry.hash == 0)
                return -1;
        } else if (entry.key == key) {
            return static_cast<intptr_t>(i);
        } else if (entry.hash == hash) {
            Object* start_key = entry.key;
            int equal = 0;
            if (is_str(start_key) && is_str(key)) {
                equal = str_equal(start_key, key);
            } else {
                Ref<Object> held = Ref<Object>::borrow(start_key);
                equal = object_rich_compare_bool(vm, held.get(), key, CompareOp::eq);
                if (equal < 0)
                    return -2;
                // As CPython: restart only when __eq__ replaced the table or this entry (other
                // mutations leave the probe sequence valid; restarting on them may never end).
                if (set->table != table || static_cast<uint64_t>(set->mask) != mask ||
                    table[i].key != start_key)
                    goto restart;
            }
            if (equal)
                return static_cast<intptr_t>(i);
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Rebuilds the table with more slots than `minimum_used` (a power of two, as CPython's
// set_table_resize), dropping dummies.
Status resize(VM& vm, Set* set, intptr_t minimum_used) {
    intptr_t size = minimum_table;
    while (size <= minimum_used) {
        if (size > (INTPTR_MAX >> 5))
            return raise_memory_error(vm);
        size <<= 1;
    }
    auto* fresh =
        static_cast<SetEntry*>(gc::mem_calloc(static_cast<size_t>(size), sizeof(SetEntry)));
    if (!fresh)
        return raise_memory_error(vm);
    SetEntry* old = set->table;
    intptr_t old_size = old ? set->mask + 1 : 0;
    auto mask = static_cast<uint64_t>(size - 1);
    for (intptr_t k = 0; k < old_size; ++k) {
        if (!old[k].key)
            continue;
        auto perturb = static_cast<uint64_t>(old[k].hash);
        uint64_t i = perturb & mask;
        while (fresh[i].key) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        fresh[i] = old[k];
    }
    gc::mem_free(old);
    set->table = fresh;
    set->mask = size - 1;
    set->fill = set->used;
    return Status::ok;
}

void set_clear_slot(Object* self) {
    Set* set = as_set(self);
    SetEntry* table = set->table;
    intptr_t size = table ? set->mask + 1 : 0;
    set->table = nullptr;
    set->mask = 0;
    set->used = 0;
    set->fill = 0;
    ++set->version;
    for (intptr_t i = 0; i < size; ++i)
        xdecref(table[i].key);
    gc::mem_free(table);
}

void set_dealloc(Object* self) {
    vm_of(self).heap().forget(self);
    set_clear_slot(self);
    gc::Heap::free_memory(self);
}

int set_traverse(Object* self, VisitFn visit, void* arg) {
    Set* set = as_set(self);
    if (!set->table)
        return 0;
    for (intptr_t i = 0; i <= set->mask; ++i) {
        if (set->table[i].key) {
            if (int result = visit(set->table[i].key, arg))
                return result;
        }
    }
    return 0;
}

// CPython's set_repr: {1, 2}, set(), frozenset({1}), frozenset().
Ref<Object> set_repr(VM& vm, Object* self) {
    std::string name = self->type->name;
    bool plain_set = self->type == vm.types().set;
    if (set_size(self) == 0)
        return str_from_utf8(vm, name + "()");
    int entered = vm.thread_state().repr_enter(self);
    if (entered != 0)
        return entered < 0 ? nullptr : str_from_utf8(vm, name + "(...)");
    std::string text = plain_set ? "{" : name + "({";
    // CPython lists the keys with PySequence_List: a subclass's __iter__ decides.
    Ref<Object> keys;
    if (self->type->slots.iter != vm.types().set->slots.iter) {
        keys = sequence_to_list(vm, self);
        if (!keys) {
            vm.thread_state().repr_leave(self);
            return nullptr;
        }
    }
    intptr_t pos = 0;
    Object* key = nullptr;
    bool ok = true;
    bool first = true;
    auto next_key = [&]() {
        if (!keys)
            return set_next(self, pos, &key);
        if (pos >= list_size(keys.get()))
            return false;
        key = list_items(keys.get())[pos++];
        return true;
    };
    while (ok && next_key()) {
        Ref<Object> held = Ref<Object>::borrow(key);
        Ref<Object> item = object_repr(vm, key);
        ok = static_cast<bool>(item);
        if (!ok)
            break;
        if (!first)
            text += ", ";
        first = false;
        text += str_to_utf8(item.get());
    }
    vm.thread_state().repr_leave(self);
    if (!ok)
        return nullptr;
    text += plain_set ? "}" : "})";
    return str_from_utf8(vm, text);
}

intptr_t set_len(VM&, Object* self) {
    return set_size(self);
}

int set_contains_slot(VM& vm, Object* self, Object* key) {
    return set_contains_key(vm, self, key);
}

// CPython's set.__contains__, discard and remove retry an unhashable set key as a frozenset of its
// keys (an equal frozenset may be a member). After `op` raised: that frozen copy with the TypeError
// cleared, or null with the exception left as it is (no set key, another exception).
Ref<Object> frozen_retry_key(VM& vm, Object* key) {
    if (!is_subtype(key->type, vm.types().set) ||
        !exception_matches(vm.thread_state().exception(), vm.exceptions().TypeError))
        return nullptr;
    vm.thread_state().clear_exception();
    Ref<Object> frozen = set_new(vm, true);
    if (!frozen)
        return nullptr;
    intptr_t pos = 0;
    Object* item = nullptr;
    while (set_next(key, pos, &item)) {
        if (!is_ok(set_add(vm, frozen.get(), item)))
            return nullptr;
    }
    return frozen;
}

int discard_with_retry(VM& vm, Object* self, Object* key) {
    int removed = set_discard(vm, self, key);
    if (removed >= 0)
        return removed;
    Ref<Object> frozen = frozen_retry_key(vm, key);
    return frozen ? set_discard(vm, self, frozen.get()) : -1;
}

// 1 when every key of `a` is in `b`.
int is_subset(VM& vm, Object* a, Object* b) {
    if (set_size(a) > set_size(b))
        return 0;
    intptr_t pos = 0;
    Object* key = nullptr;
    while (set_next(a, pos, &key)) {
        int found = set_contains_key(vm, b, key);
        if (found <= 0)
            return found;
    }
    return 1;
}

Ref<Object> set_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (!is_set_or_frozenset(other))
        return vm.new_not_implemented();
    intptr_t a = set_size(self);
    intptr_t b = set_size(other);
    int result = 0;
    switch (op) {
    case CompareOp::eq:
    case CompareOp::ne:
        result = a == b ? is_subset(vm, self, other) : 0;
        if (result >= 0 && op == CompareOp::ne)
            result = !result;
        break;
    case CompareOp::le:
        result = is_subset(vm, self, other);
        break;
    case CompareOp::lt:
        result = a < b ? is_subset(vm, self, other) : 0;
        break;
    case CompareOp::ge:
        result = is_subset(vm, other, self);
        break;
    case CompareOp::gt:
        result = a > b ? is_subset(vm, other, self) : 0;
        break;
    }
    if (result < 0)
        return nullptr;
    return vm.new_bool(result != 0);
}

// CPython's frozenset_hash: order-independent mixing of the entry hashes.
int64_t frozenset_hash(VM&, Object* self) {
    Set* set = as_set(self);
    if (set->hash != -1)
        return set->hash;
    auto shuffle = [](uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; };
    uint64_t hash = 0;
    intptr_t pos = 0;
    Object* key = nullptr;
    while (set_next(self, pos, &key))
        hash ^= shuffle(static_cast<uint64_t>(set->table[pos - 1].hash));
    hash ^= (static_cast<uint64_t>(set->used) + 1) * 1927868237ull;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069u + 907133923ull;
    if (hash == static_cast<uint64_t>(-1))
        hash = 590923713ull;
    set->hash = static_cast<int64_t>(hash);
    return set->hash;
}

// ====== Set algebra: | & - ^ (Reference 6.8 and the set type's operators). The result has the left
// operand's kind (set or frozenset), as CPython's.

enum class Algebra : uint8_t { union_, intersection, difference, symmetric_difference };

Status add_all(VM& vm, Object* target, Object* source) {
    intptr_t pos = 0;
    Object* key = nullptr;
    while (set_next(source, pos, &key)) {
        Ref<Object> held = Ref<Object>::borrow(key);
        if (!is_ok(set_add(vm, target, key)))
            return Status::error;
    }
    return Status::ok;
}

// Adds to target the keys of `source` whose presence in `other` is `wanted`.
Status add_filtered(VM& vm, Object* target, Object* source, Object* other, bool wanted) {
    intptr_t pos = 0;
    Object* key = nullptr;
    while (set_next(source, pos, &key)) {
        Ref<Object> held = Ref<Object>::borrow(key);
        int found = set_contains_key(vm, other, key);
        if (found < 0)
            return Status::error;
        if ((found == 1) == wanted && !is_ok(set_add(vm, target, key)))
            return Status::error;
    }
    return Status::ok;
}

Ref<Object> set_algebra(VM& vm, Object* left, Object* right, Algebra op) {
    if (!is_set_or_frozenset(left) || !is_set_or_frozenset(right))
        return vm.new_not_implemented();
    bool frozen = is_subtype(left->type, vm.types().frozenset);
    Ref<Object> result = set_new(vm, frozen);
    if (!result)
        return nullptr;
    Status status = Status::ok;
    switch (op) {
    case Algebra::union_:
        status = add_all(vm, result.get(), left);
        if (is_ok(status))
            status = add_all(vm, result.get(), right);
        break;
    case Algebra::intersection:
        status = add_filtered(vm, result.get(), left, right, true);
        break;
    case Algebra::difference:
        status = add_filtered(vm, result.get(), left, right, false);
        break;
    case Algebra::symmetric_difference:
        status = add_filtered(vm, result.get(), left, right, false);
        if (is_ok(status))
            status = add_filtered(vm, result.get(), right, left, false);
        break;
    }
    if (!is_ok(status))
        return nullptr;
    return result;
}

Ref<Object> set_or(VM& vm, Object* left, Object* right) {
    return set_algebra(vm, left, right, Algebra::union_);
}
Ref<Object> set_and(VM& vm, Object* left, Object* right) {
    return set_algebra(vm, left, right, Algebra::intersection);
}
Ref<Object> set_sub(VM& vm, Object* left, Object* right) {
    return set_algebra(vm, left, right, Algebra::difference);
}
Ref<Object> set_xor(VM& vm, Object* left, Object* right) {
    return set_algebra(vm, left, right, Algebra::symmetric_difference);
}

// ====== Iterator

struct SetIterator : Object {
    Object* set; // owned, null when exhausted
    intptr_t position;
    intptr_t expected_size;
};

int set_iterator_traverse(Object* self, VisitFn visit, void* arg) {
    Object* s = static_cast<SetIterator*>(self)->set;
    return s ? visit(s, arg) : 0;
}
void set_iterator_clear(Object* self) {
    set_ref(static_cast<SetIterator*>(self)->set, nullptr);
}
void set_iterator_dealloc(Object* self) {
    vm_of(self).heap().forget(self);
    set_iterator_clear(self);
    gc::Heap::free_memory(self);
}
Ref<Object> set_iterator_next(VM& vm, Object* self) {
    auto* it = static_cast<SetIterator*>(self);
    if (!it->set)
        return nullptr;
    if (set_size(it->set) != it->expected_size) {
        it->expected_size = -1;
        return raise_runtime_error(vm, "Set changed size during iteration");
    }
    Object* key = nullptr;
    if (!set_next(it->set, it->position, &key)) {
        set_ref(it->set, nullptr);
        return nullptr;
    }
    return Ref<Object>::borrow(key);
}
Ref<Object> set_iter(VM& vm, Object* self) {
    Ref<SetIterator> it = allocate_object<SetIterator>(vm, vm.types().set_iterator);
    if (!it)
        return nullptr;
    incref(self);
    it->set = self;
    it->expected_size = set_size(self);
    return it;
}

// ====== Methods

Ref<Object> set_add_method(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    if (!is_ok(set_add(vm, self, args[0])))
        return nullptr;
    return vm.new_none();
}
Ref<Object> set_discard_method(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    if (discard_with_retry(vm, self, args[0]) < 0)
        return nullptr;
    return vm.new_none();
}
Ref<Object> set_remove_method(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    int removed = discard_with_retry(vm, self, args[0]);
    if (removed < 0)
        return nullptr;
    if (removed == 0)
        return raise_key_error(vm, args[0]);
    return vm.new_none();
}
Ref<Object> set_clear_method(VM& vm, Object* self, Object* const*, size_t, Object*) {
    set_clear_slot(self);
    return vm.new_none();
}

// ====== Methods taking any iterables (Library Reference 4.10)

// `other` as a set: itself when it is one, else a new set of its items.
Ref<Object> as_set_operand(VM& vm, Object* other) {
    if (is_set_or_frozenset(other))
        return Ref<Object>::borrow(other);
    Ref<Object> items = sequence_to_list(vm, other);
    if (!items)
        return nullptr;
    Ref<Object> result = set_new(vm, false);
    if (!result)
        return nullptr;
    for (intptr_t i = 0; i < list_size(items.get()); ++i) {
        if (!is_ok(set_add(vm, result.get(), list_items(items.get())[i])))
            return nullptr;
    }
    return result;
}

Ref<Object> copy_as(VM& vm, Object* self, bool frozen) {
    Ref<Object> result = set_new(vm, frozen);
    if (!result || !is_ok(add_all(vm, result.get(), self)))
        return nullptr;
    return result;
}

bool is_frozen(VM& vm, Object* self) {
    return is_subtype(self->type, vm.types().frozenset);
}

// Folds op over self and every argument; the result has self's kind.
Ref<Object> fold_algebra(VM& vm, Object* self, Object* const* args, size_t nargs, Algebra op) {
    Ref<Object> result = copy_as(vm, self, false);
    if (!result)
        return nullptr;
    for (size_t i = 0; i < nargs; ++i) {
        Ref<Object> other = as_set_operand(vm, args[i]);
        if (!other)
            return nullptr;
        Ref<Object> next = set_algebra(vm, result.get(), other.get(), op);
        if (!next)
            return nullptr;
        result = std::move(next);
    }
    if (is_frozen(vm, self))
        return copy_as(vm, result.get(), true);
    return result;
}

// Replaces self's contents by `source`'s.
Status replace_contents(VM& vm, Object* self, Object* source) {
    Ref<Object> keep = Ref<Object>::borrow(source);
    set_clear_slot(self);
    return add_all(vm, self, source);
}

Ref<Object> set_union_method(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    return fold_algebra(vm, self, args, nargs, Algebra::union_);
}
Ref<Object> set_intersection_method(VM& vm, Object* self, Object* const* args, size_t nargs,
                                    Object*) {
    return fold_algebra(vm, self, args, nargs, Algebra::intersection);
}
Ref<Object> set_difference_method(VM& vm, Object* self, Object* const* args, size_t nargs,
                                  Object*) {
    return fold_algebra(vm, self, args, nargs, Algebra::difference);
}
Ref<Object> set_symmetric_difference_method(VM& vm, Object* self, Object* const* args, size_t,
                                            Object*) {
    return fold_algebra(vm, self, args, 1, Algebra::symmetric_difference);
}
Ref<Object> update_with(VM& vm, Object* self, Object* const* args, size_t nargs, Algebra op) {
    Ref<Object> result = fold_algebra(vm, self, args, nargs, op);
    if (!result || !is_ok(replace_contents(vm, self, result.get())))
        return nullptr;
    return vm.new_none();
}
Ref<Object> set_update_method(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    for (size_t i = 0; i < nargs; ++i) {
        Ref<Object> other = as_set_operand(vm, args[i]);
        if (!other || !is_ok(add_all(vm, self, other.get())))
            return nullptr;
    }
    return vm.new_none();
}
Ref<Object> set_intersection_update(VM& vm, Object* self, Object* const* args, size_t nargs,
                                    Object*) {
    return update_with(vm, self, args, nargs, Algebra::intersection);
}
Ref<Object> set_difference_update(VM& vm, Object* self, Object* const* args, size_t nargs,
                                  Object*) {
    return update_with(vm, self, args, nargs, Algebra::difference);
}
Ref<Object> set_symmetric_difference_update(VM& vm, Object* self, Object* const* args, size_t,
                                            Object*) {
    return update_with(vm, self, args, 1, Algebra::symmetric_difference);
}
Ref<Object> set_issubset(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    Ref<Object> other = as_set_operand(vm, args[0]);
    if (!other)
        return nullptr;
    int result = is_subset(vm, self, other.get());
    return result < 0 ? nullptr : vm.new_bool(result != 0);
}
Ref<Object> set_issuperset(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    Ref<Object> other = as_set_operand(vm, args[0]);
    if (!other)
        return nullptr;
    int result = is_subset(vm, other.get(), self);
    return result < 0 ? nullptr : vm.new_bool(result != 0);
}
Ref<Object> set_isdisjoint(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    Ref<Object> other = as_set_operand(vm, args[0]);
    if (!other)
        return nullptr;
    intptr_t pos = 0;
    Object* key = nullptr;
    while (set_next(other.get(), pos, &key)) {
        Ref<Object> held = Ref<Object>::borrow(key);
        int found = set_contains_key(vm, self, key);
        if (found < 0)
            return nullptr;
        if (found)
            return vm.new_bool(false);
    }
    return vm.new_bool(true);
}
Ref<Object> set_copy_method(VM& vm, Object* self, Object* const*, size_t, Object*) {
    if (self->type == vm.types().frozenset)
        return Ref<Object>::borrow(self);
    return copy_as(vm, self, is_frozen(vm, self));
}
Ref<Object> set_pop_method(VM& vm, Object* self, Object* const*, size_t, Object*) {
    intptr_t pos = 0;
    Object* key = nullptr;
    if (!set_next(self, pos, &key))
        return raise_message(vm, vm.exceptions().KeyError, "pop from an empty set");
    Ref<Object> result = Ref<Object>::borrow(key);
    if (set_discard(vm, self, key) < 0)
        return nullptr;
    return result;
}

// CPython's set_reduce: (type(self), (list of the keys,), the instance dict or None).
Ref<Object> set_reduce(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Ref<Object> keys = list_new(vm);
    if (!keys)
        return nullptr;
    intptr_t pos = 0;
    Object* key = nullptr;
    while (set_next(self, pos, &key)) {
        if (!is_ok(list_append(vm, keys.get(), key)))
            return nullptr;
    }
    Ref<Object> args = tuple_pack(vm, {keys.get()});
    Object** dict = instance_dict_slot(self);
    Object* state = dict && *dict ? *dict : vm.none();
    return args ? tuple_pack(vm, {self->type, args.get(), state}) : nullptr;
}

constexpr MethodDef frozenset_methods[] = {
    {"copy", set_copy_method, MethodKind::noargs, "Return a shallow copy of a set."},
    {"__reduce__", set_reduce, MethodKind::noargs, "Return state information for pickling."},
    {"difference", set_difference_method, MethodKind::fastcall,
     "Return the difference of two or more sets as a new set."},
    {"intersection", set_intersection_method, MethodKind::fastcall,
     "Return the intersection of two sets as a new set."},
    {"isdisjoint", set_isdisjoint, MethodKind::o,
     "Return True if two sets have a null intersection."},
    {"issubset", set_issubset, MethodKind::o, "Report whether another set contains this set."},
    {"issuperset", set_issuperset, MethodKind::o, "Report whether this set contains another set."},
    {"symmetric_difference", set_symmetric_difference_method, MethodKind::o,
     "Return the symmetric difference of two sets as a new set."},
    {"union", set_union_method, MethodKind::fastcall, "Return the union of sets as a new set."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

constexpr MethodDef set_methods[] = {
    {"copy", set_copy_method, MethodKind::noargs, "Return a shallow copy of a set."},
    {"__reduce__", set_reduce, MethodKind::noargs, "Return state information for pickling."},
    {"difference", set_difference_method, MethodKind::fastcall,
     "Return the difference of two or more sets as a new set."},
    {"difference_update", set_difference_update, MethodKind::fastcall,
     "Remove all elements of another set from this set."},
    {"intersection", set_intersection_method, MethodKind::fastcall,
     "Return the intersection of two sets as a new set."},
    {"intersection_update", set_intersection_update, MethodKind::fastcall,
     "Update a set with the intersection of itself and another."},
    {"isdisjoint", set_isdisjoint, MethodKind::o,
     "Return True if two sets have a null intersection."},
    {"issubset", set_issubset, MethodKind::o, "Report whether another set contains this set."},
    {"issuperset", set_issuperset, MethodKind::o, "Report whether this set contains another set."},
    {"pop", set_pop_method, MethodKind::noargs, "Remove and return an arbitrary set element."},
    {"symmetric_difference", set_symmetric_difference_method, MethodKind::o,
     "Return the symmetric difference of two sets as a new set."},
    {"symmetric_difference_update", set_symmetric_difference_update, MethodKind::o,
     "Update a set with the symmetric difference of itself and another."},
    {"union", set_union_method, MethodKind::fastcall, "Return the union of sets as a new set."},
    {"update", set_update_method, MethodKind::fastcall,
     "Update a set with the union of itself and others."},
    {"add", set_add_method, MethodKind::o, "Add an element to a set."},
    {"discard", set_discard_method, MethodKind::o,
     "Remove an element from a set if it is a member."},
    {"remove", set_remove_method, MethodKind::o,
     "Remove an element from a set; it must be a member."},
    {"clear", set_clear_method, MethodKind::noargs, "Remove all elements from this set."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

Type* make_set_type(VM& vm, const char* name, bool frozen) {
    TypeSpec spec{};
    spec.name = name;
    spec.basic_size = sizeof(Set);
    spec.flags = type_base_type | type_has_gc;
    TypeSlots& s = spec.slots;
    s.dealloc = set_dealloc;
    s.traverse = set_traverse;
    s.clear = set_clear_slot;
    s.repr = set_repr;
    s.hash = frozen ? frozenset_hash : hash_not_implemented;
    s.richcompare = set_richcompare;
    s.len = set_len;
    s.contains = set_contains_slot;
    s.iter = set_iter;
    s.or_ = set_or;
    s.and_ = set_and;
    s.sub = set_sub;
    s.xor_ = set_xor;
    spec.methods = frozen ? frozenset_methods : set_methods;
    Ref<Type> type = make_type(vm, spec);
    if (type)
        enable_weakrefs(type.get());
    return type.release();
}

} // namespace

bool is_set_or_frozenset(const Object* object) {
    const BuiltinTypes& types = object->type->vm->types();
    return is_subtype(object->type, types.set) || is_subtype(object->type, types.frozenset);
}

Ref<Object> set_new(VM& vm, bool frozen) {
    Ref<Set> set = allocate_object<Set>(vm, frozen ? vm.types().frozenset : vm.types().set);
    if (!set)
        return nullptr;
    set->hash = -1;
    return set;
}

Status set_add(VM& vm, Object* self, Object* key) {
    int64_t hash = object_hash(vm, key);
    if (hash == -1)
        return Status::error;
    Set* set = as_set(self);
    if (!set->table || (set->fill + 1) * 5 >= (set->mask + 1) * 3) {
        if (!is_ok(resize(vm, set, set->used > 50000 ? set->used * 2 : set->used * 4)))
            return Status::error;
    }
    intptr_t free_position = -1;
    intptr_t found = lookup(vm, set, key, hash, &free_position);
    if (found == -2)
        return Status::error;
    if (found >= 0)
        return Status::ok;
    if (!set->table || (set->fill + 1) * 5 >= (set->mask + 1) * 3) // __eq__ may have grown it
        return set_add(vm, self, key);
    SetEntry& entry = set->table[free_position];
    if (entry.hash == 0)
        ++set->fill;
    incref(key);
    entry.key = key;
    entry.hash = hash;
    ++set->used;
    ++set->version;
    return Status::ok;
}

int set_contains_key(VM& vm, Object* self, Object* key) {
    int64_t hash = object_hash(vm, key);
    if (hash == -1) {
        Ref<Object> frozen = frozen_retry_key(vm, key);
        return frozen ? set_contains_key(vm, self, frozen.get()) : -1;
    }
    Set* set = as_set(self);
    if (!set->table)
        return 0;
    intptr_t free_position = -1;
    intptr_t found = lookup(vm, set, key, hash, &free_position);
    return found == -2 ? -1 : found >= 0;
}

int set_discard(VM& vm, Object* self, Object* key) {
    int64_t hash = object_hash(vm, key);
    if (hash == -1)
        return -1;
    Set* set = as_set(self);
    if (!set->table)
        return 0;
    intptr_t free_position = -1;
    intptr_t found = lookup(vm, set, key, hash, &free_position);
    if (found < 0)
        return found == -2 ? -1 : 0;
    Object* old = set->table[found].key;
    set->table[found].key = nullptr;
    set->table[found].hash = -1; // deleted
    --set->used;
    ++set->version;
    decref(old);
    return 1;
}

bool set_next(Object* self, intptr_t& pos, Object** key) {
    Set* set = as_set(self);
    if (!set->table)
        return false;
    while (pos <= set->mask) {
        SetEntry& entry = set->table[pos++];
        if (entry.key) {
            *key = entry.key;
            return true;
        }
    }
    return false;
}

bool init_set_types(VM& vm) {
    vm.types().set = make_set_type(vm, "set", false);
    vm.types().frozenset = make_set_type(vm, "frozenset", true);
    if (!vm.types().set || !vm.types().frozenset)
        return false;
    TypeSpec iterator{};
    iterator.name = "set_iterator";
    iterator.basic_size = sizeof(SetIterator);
    iterator.flags = type_has_gc;
    iterator.slots.dealloc = set_iterator_dealloc;
    iterator.slots.traverse = set_iterator_traverse;
    iterator.slots.clear = set_iterator_clear;
    iterator.slots.iter = iter_self;
    iterator.slots.next = set_iterator_next;
    vm.types().set_iterator = make_type(vm, iterator).release();
    return vm.types().set_iterator != nullptr;
}

} // namespace minipy::vm
