// dict: insertion ordered, in CPython 3.6+'s compact layout. A DictKeys block holds an index table
// (open addressing, probing i = 5*i + 1 + perturb with perturb shifted down by 5, as dictobject.c)
// whose slots point into a dense entries array kept in insertion order. Iteration walks the entries
// array, so order is insertion order and deletions leave holes that a resize compacts.
//
// Invariants:
//  - index slots hold empty (-1), dummy (-2, a deleted entry) or an entries position;
//  - entries[0..nentries) hold live entries or holes (key == null); used counts the live ones;
//  - usable counts the entries still appendable before a resize (2/3 of the index table);
//  - a live entry owns its key and value and caches the key's hash;
//  - every mutation bumps `version`; a lookup whose __eq__ replaced the table or the compared
//    entry starts again, and an iterator raises RuntimeError if the size changed under it.
// Dead dicts keep their struct on the VM's dict free list (cap 80); their DictKeys is freed.
#include "vm/types/dict.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>

#include "gc/alloc.h"
#include "gc/collector.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/dict_reversed.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {

struct DictEntry {
    int64_t hash;
    Object* key; // null: a hole left by a deletion
    Object* value;
};

// The index slots are as narrow as the table allows (CPython's dk_indices): 1 byte each up to 128
// slots, 2 up to 2**15, 4 up to 2**31, else 8; entry positions and the two markers fit in them.
struct DictKeys {
    intptr_t size; // index slots, a power of two
    intptr_t usable;
    intptr_t nentries;
    intptr_t index_bytes; // 1, 2, 4 or 8
    int64_t index_at(uint64_t slot) const {
        const void* base = this + 1;
        switch (index_bytes) {
        case 1:
            return static_cast<const int8_t*>(base)[slot];
        case 2:
            return static_cast<const int16_t*>(base)[slot];
        case 4:
            return static_cast<const int32_t*>(base)[slot];
        default:
            return static_cast<const int64_t*>(base)[slot];
        }
    }
    void set_index(uint64_t slot, int64_t index) {
        void* base = this + 1;
        switch (index_bytes) {
        case 1:
            static_cast<int8_t*>(base)[slot] = static_cast<int8_t>(index);
            break;
        case 2:
            static_cast<int16_t*>(base)[slot] = static_cast<int16_t>(index);
            break;
        case 4:
            static_cast<int32_t*>(base)[slot] = static_cast<int32_t>(index);
            break;
        default:
            static_cast<int64_t*>(base)[slot] = index;
            break;
        }
    }
    DictEntry* entries() {
        return reinterpret_cast<DictEntry*>(reinterpret_cast<char*>(this + 1) + size * index_bytes);
    }
};

namespace {

constexpr int64_t index_empty = -1;
constexpr int64_t index_dummy = -2;
constexpr intptr_t minimum_size = 8;

Dict* as_dict(Object* object) {
    return static_cast<Dict*>(object);
}

// A version no dict of the process had before: inline caches key on (dict address, version)
// (vm/inline_cache.h), so a dict freed and another made at its address must not reach a version
// the first had. Threads take blocks of 2**20 versions; 0 stays the version of a fresh (empty)
// dict.
std::atomic<uint64_t> dict_version_blocks{1};
uint64_t next_dict_version() {
    constexpr uint64_t block = uint64_t{1} << 20;
    thread_local uint64_t next = 0;
    thread_local uint64_t limit = 0;
    if (next == limit) {
        next = dict_version_blocks.fetch_add(1, std::memory_order_relaxed) * block;
        limit = next + block;
    }
    return next++;
}

intptr_t usable_for(intptr_t size) {
    return (size << 1) / 3;
}

DictKeys* new_keys(intptr_t size) {
    intptr_t usable = usable_for(size);
    intptr_t index_bytes = size <= 128                   ? 1
                           : size <= (intptr_t{1} << 15) ? 2
                           : size <= (intptr_t{1} << 31) ? 4
                                                         : 8;
    size_t bytes = sizeof(DictKeys) + static_cast<size_t>(size * index_bytes) +
                   static_cast<size_t>(usable) * sizeof(DictEntry);
    auto* keys = static_cast<DictKeys*>(gc::mem_alloc(bytes));
    if (!keys)
        return nullptr;
    keys->size = size;
    keys->usable = usable;
    keys->nentries = 0;
    keys->index_bytes = index_bytes;
    // index_empty is -1: every byte 0xff, whatever the width.
    std::memset(keys + 1, 0xff, static_cast<size_t>(size * index_bytes));
    return keys;
}

// The index slot where `hash` would go: the first empty or dummy slot on its probe sequence.
intptr_t find_empty_slot(DictKeys* keys, int64_t hash) {
    auto mask = static_cast<uint64_t>(keys->size - 1);
    auto perturb = static_cast<uint64_t>(hash);
    uint64_t i = perturb & mask;
    while (keys->index_at(i) >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return static_cast<intptr_t>(i);
}

// Rebuilds the table with at least `wanted_size` index slots (the smallest power of two, as
// CPython's calculate_log2_keysize), compacting holes. `wanted_size` is at least 1.5 times the
// live entries, so they fit.
Status resize(VM& vm, Dict* dict, intptr_t wanted_size) {
    intptr_t size = minimum_size;
    while (size < wanted_size) {
        if (size > (INTPTR_MAX >> 4))
            return raise_memory_error(vm);
        size <<= 1;
    }
    DictKeys* fresh = new_keys(size);
    if (!fresh)
        return raise_memory_error(vm);
    DictKeys* old = dict->keys;
    if (old) {
        for (intptr_t i = 0; i < old->nentries; ++i) {
            DictEntry& entry = old->entries()[i];
            if (!entry.key)
                continue;
            intptr_t position = fresh->nentries++;
            fresh->entries()[position] = entry;
            fresh->set_index(static_cast<uint64_t>(find_empty_slot(fresh, entry.hash)), position);
        }
        fresh->usable -= fresh->nentries;
        gc::mem_free(old);
    }
    dict->keys = fresh;
    return Status::ok;
}

// Two distinct exact strs of equal hash: equal text? Short texts (most keys) are compared inline
// instead of through memcmp's call.
[[gnu::always_inline]] inline bool same_str_text(const Object* left, const Object* right) {
    const Str* a = static_cast<const Str*>(left);
    const Str* b = static_cast<const Str*>(right);
    if (a->size != b->size || a->kind != b->kind || (a->interned && b->interned))
        return false;
    auto bytes = static_cast<size_t>(a->size) * a->kind;
    const auto* x = static_cast<const unsigned char*>(str_data(a));
    const auto* y = static_cast<const unsigned char*>(str_data(b));
    if (bytes > 32)
        return std::memcmp(x, y, bytes) == 0;
    // Word-wise: 8 bytes at a time, then the last 4..7 as two overlapping 4-byte words.
    for (; bytes >= 8; bytes -= 8, x += 8, y += 8) {
        uint64_t p = 0;
        uint64_t q = 0;
        std::memcpy(&p, x, 8);
        std::memcpy(&q, y, 8);
        if (p != q)
            return false;
    }
    if (bytes >= 4) {
        uint32_t p[2] = {};
        uint32_t q[2] = {};
        std::memcpy(&p[0], x, 4);
        std::memcpy(&q[0], y, 4);
        std::memcpy(&p[1], x + bytes - 4, 4);
        std::memcpy(&q[1], y + bytes - 4, 4);
        return p[0] == q[0] && p[1] == q[1];
    }
    for (size_t i = 0; i < bytes; ++i) {
        if (x[i] != y[i])
            return false;
    }
    return true;
}

// object_hash, with an exact str's cached hash and an exact int's in [0, 2**61 - 1) (the int
// itself, as int_hash_value computes it) read inline.
[[gnu::always_inline]] inline int64_t key_hash(VM& vm, Object* key) {
    if (key->type == vm.types().str) {
        int64_t hash = static_cast<const Str*>(key)->hash;
        if (hash != -1)
            return hash;
    } else if (key->type == vm.types().int_) {
        // The big marker is negative, so a non-negative `small` is the value itself.
        constexpr int64_t hash_modulus = (int64_t{1} << 61) - 1;
        int64_t value = static_cast<const Int*>(key)->small;
        if (value >= 0 && value < hash_modulus)
            return value;
    }
    return object_hash(vm, key);
}

constexpr intptr_t probe_restart = -3;

// lookup's probe loop over an index table of `Index` slots (the width chosen once, not per
// probe). probe_restart when an __eq__ replaced the table or the entry under comparison.
template <class Index>
intptr_t probe(VM& vm, Dict* dict, DictKeys* keys, Object* key, int64_t hash, intptr_t* slot) {
    const Index* indices = reinterpret_cast<const Index*>(keys + 1);
    DictEntry* entries = keys->entries();
    auto mask = static_cast<uint64_t>(keys->size - 1);
    auto perturb = static_cast<uint64_t>(hash);
    uint64_t i = perturb & mask;
    for (;;) {
        int64_t ix = indices[i];
        if (ix == index_empty)
            return -1;
        if (ix >= 0) {
            DictEntry& entry = entries[ix];
            if (entry.key == key) {
                *slot = static_cast<intptr_t>(i);
                return static_cast<intptr_t>(ix);
            }
            if (entry.hash == hash) {
                Object* start_key = entry.key;
                // Exact strs only: a str subclass's __eq__ decides for its instances.
                bool fast = start_key->type == vm.types().str && key->type == vm.types().str;
                int equal = fast ? same_str_text(start_key, key) : 0;
                if (!fast) {
                    Ref<Object> held = Ref<Object>::borrow(start_key);
                    equal = object_rich_compare_bool(vm, held.get(), key, CompareOp::eq);
                    if (equal < 0)
                        return -2;
                    // __eq__ replaced the table or this entry: the probe sequence may be stale.
                    // Other changes (values set, keys added in place) leave it valid, as in
                    // CPython: restarting on them never ends when __eq__ always stores.
                    if (dict->keys != keys || keys->size - 1 != static_cast<intptr_t>(mask) ||
                        keys->entries()[ix].key != start_key)
                        return probe_restart;
                }
                if (equal) {
                    *slot = static_cast<intptr_t>(i);
                    return static_cast<intptr_t>(ix);
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Finds key: returns the entries position (>= 0), -1 when absent, -2 when a comparison raised.
// *slot receives the index slot holding it.
intptr_t lookup(VM& vm, Dict* dict, Object* key, int64_t hash, intptr_t* slot) {
    for (;;) {
        DictKeys* keys = dict->keys;
        if (!keys)
            return -1;
        intptr_t found = 0;
        switch (keys->index_bytes) {
        case 1:
            found = probe<int8_t>(vm, dict, keys, key, hash, slot);
            break;
        case 2:
            found = probe<int16_t>(vm, dict, keys, key, hash, slot);
            break;
        case 4:
            found = probe<int32_t>(vm, dict, keys, key, hash, slot);
            break;
        default:
            found = probe<int64_t>(vm, dict, keys, key, hash, slot);
            break;
        }
        if (found != probe_restart)
            return found;
    }
}

void dict_clear_slot(Object* self) {
    Dict* dict = as_dict(self);
    DictKeys* keys = dict->keys;
    dict->keys = nullptr;
    dict->used = 0;
    dict->version = next_dict_version();
    if (!keys)
        return;
    for (intptr_t i = 0; i < keys->nentries; ++i) {
        DictEntry& entry = keys->entries()[i];
        if (entry.key) {
            decref(entry.key);
            decref(entry.value);
        }
    }
    gc::mem_free(keys);
}

void dict_dealloc(Object* self) {
    VM& vm = vm_of(self);
    vm.heap().forget(self);
    dict_clear_slot(self);
    if (self->type != vm.types().dict || !vm.free_lists().dicts().push(self))
        gc::Heap::free_memory(self);
}

int dict_traverse(Object* self, VisitFn visit, void* arg) {
    DictKeys* keys = as_dict(self)->keys;
    if (!keys)
        return 0;
    for (intptr_t i = 0; i < keys->nentries; ++i) {
        DictEntry& entry = keys->entries()[i];
        if (!entry.key)
            continue;
        if (int result = visit(entry.key, arg))
            return result;
        if (int result = visit(entry.value, arg))
            return result;
    }
    return 0;
}

Ref<Object> dict_repr(VM& vm, Object* self) {
    if (dict_size(self) == 0)
        return str_from_utf8(vm, "{}");
    int entered = vm.thread_state().repr_enter(self);
    if (entered != 0)
        return entered < 0 ? nullptr : str_from_utf8(vm, "{...}");
    std::string text = "{";
    bool ok = true;
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    bool first = true;
    while (ok && dict_next(self, pos, &key, &value)) {
        Ref<Object> held_key = Ref<Object>::borrow(key);
        Ref<Object> held_value = Ref<Object>::borrow(value);
        Ref<Object> key_text = object_repr(vm, key);
        Ref<Object> value_text = key_text ? object_repr(vm, value) : nullptr;
        ok = static_cast<bool>(value_text);
        if (!ok)
            break;
        if (!first)
            text += ", ";
        first = false;
        text += str_to_utf8(key_text.get()) + ": " + str_to_utf8(value_text.get());
    }
    vm.thread_state().repr_leave(self);
    if (!ok)
        return nullptr;
    text += "}";
    return str_from_utf8(vm, text);
}

// == compares sizes, then each key's value (Reference 6.10.1: mappings equal iff same pairs).
Ref<Object> dict_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (!is_dict(other) || (op != CompareOp::eq && op != CompareOp::ne))
        return vm.new_not_implemented();
    bool equal = dict_size(self) == dict_size(other);
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (equal && dict_next(self, pos, &key, &value)) {
        Ref<Object> held_key = Ref<Object>::borrow(key);
        Ref<Object> held_value = Ref<Object>::borrow(value);
        Object* other_value = nullptr;
        int found = dict_lookup(vm, other, key, &other_value);
        if (found < 0)
            return nullptr;
        if (!found) {
            equal = false;
            break;
        }
        Ref<Object> held_other = Ref<Object>::borrow(other_value);
        int same = object_rich_compare_bool(vm, value, other_value, CompareOp::eq);
        if (same < 0)
            return nullptr;
        equal = same != 0;
    }
    return vm.new_bool(op == CompareOp::eq ? equal : !equal);
}

intptr_t dict_len(VM&, Object* self) {
    return dict_size(self);
}

Ref<Object> dict_getitem(VM& vm, Object* self, Object* key) {
    return dict_subscript(vm, self, key);
}

Status dict_setitem_slot(VM& vm, Object* self, Object* key, Object* value) {
    if (!value)
        return dict_delitem(vm, self, key);
    return dict_setitem(vm, self, key, value);
}

int dict_contains(VM& vm, Object* self, Object* key) {
    Object* value = nullptr;
    return dict_lookup(vm, self, key, &value);
}

// ====== Key iterator (CPython's dict_keyiterator)

struct DictIterator : Object {
    Object* dict; // owned, null when exhausted
    intptr_t position;
    intptr_t expected_size;
};

int dict_iterator_traverse(Object* self, VisitFn visit, void* arg) {
    Object* d = static_cast<DictIterator*>(self)->dict;
    return d ? visit(d, arg) : 0;
}
void dict_iterator_clear(Object* self) {
    set_ref(static_cast<DictIterator*>(self)->dict, nullptr);
}
void dict_iterator_dealloc(Object* self) {
    vm_of(self).heap().forget(self);
    dict_iterator_clear(self);
    gc::Heap::free_memory(self);
}
Ref<Object> dict_iterator_next(VM& vm, Object* self) {
    auto* it = static_cast<DictIterator*>(self);
    if (!it->dict)
        return nullptr;
    if (dict_size(it->dict) != it->expected_size) {
        it->expected_size = -1; // stays broken, as CPython's
        return raise_runtime_error(vm, "dictionary changed size during iteration");
    }
    Object* key = nullptr;
    Object* value = nullptr;
    if (!dict_next(it->dict, it->position, &key, &value)) {
        set_ref(it->dict, nullptr);
        return nullptr;
    }
    return Ref<Object>::borrow(key);
}
Ref<Object> dict_iter(VM& vm, Object* self) {
    Ref<DictIterator> it = allocate_object<DictIterator>(vm, vm.types().dict_keyiterator);
    if (!it)
        return nullptr;
    incref(self);
    it->dict = self;
    it->expected_size = dict_size(self);
    return it;
}

// ====== Methods

Ref<Object> dict_get(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs < 1)
        return raise_type_error(vm, "get expected at least 1 argument, got 0");
    if (nargs > 2)
        return raise_type_error(vm, "get expected at most 2 arguments, got ", nargs);
    Object* value = nullptr;
    int found = dict_lookup(vm, self, args[0], &value);
    if (found < 0)
        return nullptr;
    if (found)
        return Ref<Object>::borrow(value);
    return Ref<Object>::borrow(nargs == 2 ? args[1] : vm.none());
}

Ref<Object> dict_setdefault(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs < 1)
        return raise_type_error(vm, "setdefault expected at least 1 argument, got 0");
    if (nargs > 2)
        return raise_type_error(vm, "setdefault expected at most 2 arguments, got ", nargs);
    Object* value = nullptr;
    int found = dict_lookup(vm, self, args[0], &value);
    if (found < 0)
        return nullptr;
    if (found)
        return Ref<Object>::borrow(value);
    Object* fallback = nargs == 2 ? args[1] : vm.none();
    if (!is_ok(dict_setitem(vm, self, args[0], fallback)))
        return nullptr;
    return Ref<Object>::borrow(fallback);
}

Ref<Object> dict_pop(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs < 1)
        return raise_type_error(vm, "pop expected at least 1 argument, got 0");
    if (nargs > 2)
        return raise_type_error(vm, "pop expected at most 2 arguments, got ", nargs);
    Object* value = nullptr;
    int found = dict_lookup(vm, self, args[0], &value);
    if (found < 0)
        return nullptr;
    if (!found) {
        if (nargs == 2)
            return Ref<Object>::borrow(args[1]);
        return raise_key_error(vm, args[0]);
    }
    Ref<Object> result = Ref<Object>::borrow(value);
    if (!is_ok(dict_delitem(vm, self, args[0])))
        return nullptr;
    return result;
}

Ref<Object> dict_clear_method(VM& vm, Object* self, Object* const*, size_t, Object*) {
    dict_clear_slot(self);
    return vm.new_none();
}

// dict.update([other], **kwargs): other is a dict, a mapping with keys(), or an iterable of pairs.
Ref<Object> dict_update(VM& vm, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (nargs > 1)
        return raise_type_error(vm, "update expected at most 1 argument, got ", nargs);
    if (nargs == 1 && !is_ok(dict_update_any(runtime_of(vm), self, args[0])))
        return nullptr;
    for (intptr_t k = 0; kwnames && k < tuple_size(kwnames); ++k) {
        if (!is_ok(dict_setitem(vm, self, tuple_items(kwnames)[k],
                                args[nargs + static_cast<size_t>(k)])))
            return nullptr;
    }
    return vm.new_none();
}

Ref<Object> dict_popitem(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Dict* dict = as_dict(self);
    DictKeys* keys = dict->keys;
    if (dict->used == 0 || !keys)
        return raise_message(vm, vm.exceptions().KeyError, "popitem(): dictionary is empty");
    // LIFO order (Library Reference 4.11): the last live entry.
    for (intptr_t i = keys->nentries; i > 0; --i) {
        DictEntry& entry = keys->entries()[i - 1];
        if (!entry.key)
            continue;
        Ref<Object> key = Ref<Object>::borrow(entry.key);
        Ref<Object> value = Ref<Object>::borrow(entry.value);
        Ref<Object> pair = tuple_pack(vm, {key.get(), value.get()});
        if (!pair || !is_ok(dict_delitem(vm, self, key.get())))
            return nullptr;
        return pair;
    }
    return raise_message(vm, vm.exceptions().KeyError, "popitem(): dictionary is empty");
}

Ref<Object> dict_keys_method(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return dict_view_new(vm, self, DictViewKind::keys);
}
Ref<Object> dict_values_method(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return dict_view_new(vm, self, DictViewKind::values);
}
Ref<Object> dict_items_method(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return dict_view_new(vm, self, DictViewKind::items);
}

// reversed(d): the keys, last inserted first (a dict_reversekeyiterator).
Ref<Object> dict_reversed(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return dict_reversed_iterator(vm, self, DictViewKind::keys);
}

// dict.fromkeys(iterable, value=None), a classmethod: args[0] is the class.
Ref<Object> dict_fromkeys(VM& vm, Object*, Object* const* args, size_t nargs, Object*) {
    if (nargs < 2 || nargs > 3)
        return raise_type_error(vm, "fromkeys expected at least 1 argument, got ", nargs - 1);
    Object* cls = args[0];
    Object* value = nargs == 3 ? args[2] : vm.none();
    Ref<Object> result = cls == vm.types().dict ? dict_new(vm) : call_object(vm, cls, nullptr, 0);
    if (!result)
        return nullptr;
    Ref<Object> keys = sequence_to_list(vm, args[1]);
    if (!keys)
        return nullptr;
    for (intptr_t i = 0; i < list_size(keys.get()); ++i) {
        Object* key = list_items(keys.get())[i];
        Status status = is_dict(result.get()) && cls == vm.types().dict
                            ? dict_setitem(vm, result.get(), key, value)
                            : object_setitem(vm, result.get(), key, value);
        if (!is_ok(status))
            return nullptr;
    }
    return result;
}

// d | other and d |= other (PEP 584): a new dict / an in-place update, for dict operands only.
Ref<Object> dict_or(VM& vm, Object* left, Object* right) {
    if (!is_dict(left) || !is_dict(right))
        return vm.new_not_implemented();
    Ref<Object> result = dict_new(vm);
    if (!result || !is_ok(dict_update_from_dict(vm, result.get(), left)) ||
        !is_ok(dict_update_from_dict(vm, result.get(), right)))
        return nullptr;
    return result;
}
Ref<Object> dict_ior(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    if (!is_ok(dict_update_any(runtime_of(vm), self, args[0])))
        return nullptr;
    return Ref<Object>::borrow(self);
}

Ref<Object> dict_copy(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Ref<Object> result = dict_new(vm);
    if (!result)
        return nullptr;
    if (!is_ok(dict_update_from_dict(vm, result.get(), self)))
        return nullptr;
    return result;
}

constexpr MethodDef dict_methods[] = {
    {"get", dict_get, MethodKind::fastcall,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault, MethodKind::fastcall,
     "Insert key with a value of default if key is not in the dictionary."},
    {"pop", dict_pop, MethodKind::fastcall,
     "Remove specified key and return the corresponding value."},
    {"clear", dict_clear_method, MethodKind::noargs, "Remove all items from the dict."},
    {"update", dict_update, MethodKind::fastcall_keywords, "Update D from dict/iterable E and F."},
    {"popitem", dict_popitem, MethodKind::noargs,
     "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", dict_keys_method, MethodKind::noargs,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", dict_values_method, MethodKind::noargs,
     "D.values() -> an object providing a view on D's values"},
    {"items", dict_items_method, MethodKind::noargs,
     "D.items() -> a set-like object providing a view on D's items"},
    {"__reversed__", dict_reversed, MethodKind::noargs,
     "Return a reverse iterator over the dict keys."},
    {"__ior__", dict_ior, MethodKind::o, "Return self|=value."},
    {"copy", dict_copy, MethodKind::noargs, "Return a shallow copy of the dict."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

extern const MethodDef dict_fromkeys_def = {
    "fromkeys", dict_fromkeys, MethodKind::fastcall,
    "Create a new dictionary with keys from iterable and values set to value."};

bool is_dict(const Object* object) {
    return has_flag(object->type, type_dict_subclass);
}

// An exact dict starts untracked by the collector: it holds nothing that could form a cycle until
// gc::maintain_dict_tracking sees a container stored (CPython's MAINTAIN_TRACKING).
Ref<Object> dict_new(VM& vm) {
    Type* type = vm.types().dict;
    if (Object* memory = vm.free_lists().dicts().pop()) {
        vm.heap().adopt(memory, type);
        vm.heap().untrack(memory);
        Dict* dict = as_dict(memory);
        dict->used = 0;
        dict->keys = nullptr;
        dict->version = 0;
        return Ref<Object>::steal(memory);
    }
    Ref<Object> dict = allocate_object<Dict>(vm, type);
    if (dict)
        vm.heap().untrack(dict.get());
    return dict;
}

Ref<Object> dict_subscript(VM& vm, Object* self, Object* key) {
    Object* value = nullptr;
    int found = dict_lookup(vm, self, key, &value);
    if (found < 0)
        return nullptr;
    if (!found)
        return raise_key_error(vm, key);
    return Ref<Object>::borrow(value);
}

int dict_lookup(VM& vm, Object* self, Object* key, Object** value) {
    int64_t hash = key_hash(vm, key);
    if (hash == -1)
        return -1;
    intptr_t slot = 0;
    intptr_t position = lookup(vm, as_dict(self), key, hash, &slot);
    if (position == -2)
        return -1;
    if (position < 0)
        return 0;
    *value = as_dict(self)->keys->entries()[position].value;
    return 1;
}

Status dict_setitem(VM& vm, Object* self, Object* key, Object* value) {
    int64_t hash = key_hash(vm, key);
    if (hash == -1)
        return Status::error;
    Dict* dict = as_dict(self);
    intptr_t slot = 0;
    intptr_t position = lookup(vm, dict, key, hash, &slot);
    if (position == -2)
        return Status::error;
    dict->version = next_dict_version();
    if (position >= 0) {
        gc::maintain_dict_tracking(dict, key, value);
        incref(value);
        set_ref(dict->keys->entries()[position].value, value);
        return Status::ok;
    }
    // CPython's GROWTH_RATE: a full table is rebuilt with used * 3 index slots (twice the size
    // when it holds no holes).
    if (!dict->keys || dict->keys->usable <= 0) {
        if (!is_ok(resize(vm, dict, dict->used * 3)))
            return Status::error;
    }
    DictKeys* keys = dict->keys;
    intptr_t free_slot = find_empty_slot(keys, hash);
    intptr_t index = keys->nentries++;
    incref(key);
    incref(value);
    keys->entries()[index] = DictEntry{hash, key, value};
    keys->set_index(static_cast<uint64_t>(free_slot), index);
    --keys->usable;
    ++dict->used;
    gc::maintain_dict_tracking(dict, key, value);
    return Status::ok;
}

Status dict_delitem(VM& vm, Object* self, Object* key) {
    int64_t hash = key_hash(vm, key);
    if (hash == -1)
        return Status::error;
    Dict* dict = as_dict(self);
    intptr_t slot = 0;
    intptr_t position = lookup(vm, dict, key, hash, &slot);
    if (position == -2)
        return Status::error;
    if (position < 0)
        return raise_key_error(vm, key);
    DictEntry& entry = dict->keys->entries()[position];
    Object* old_key = entry.key;
    Object* old_value = entry.value;
    entry.key = nullptr;
    entry.value = nullptr;
    dict->keys->set_index(static_cast<uint64_t>(slot), index_dummy);
    --dict->used;
    dict->version = next_dict_version();
    decref(old_key);
    decref(old_value);
    return Status::ok;
}

Object* dict_value_at(Object* self, Object* key, intptr_t position) {
    DictKeys* keys = as_dict(self)->keys;
    if (!keys || position < 0 || position >= keys->nentries)
        return nullptr;
    DictEntry& entry = keys->entries()[position];
    return entry.key == key ? entry.value : nullptr;
}

bool dict_replace_at(Object* self, Object* key, intptr_t position, Object* value) {
    Dict* dict = as_dict(self);
    DictKeys* keys = dict->keys;
    if (!keys || position < 0 || position >= keys->nentries || keys->entries()[position].key != key)
        return false;
    dict->version = next_dict_version();
    gc::maintain_dict_tracking(dict, key, value);
    incref(value);
    set_ref(keys->entries()[position].value, value);
    return true;
}

intptr_t dict_position_of(Object* self, Object* key) {
    DictKeys* keys = as_dict(self)->keys;
    if (!keys || keys->nentries > 64) // a scan, kept short: instance dicts are small
        return -1;
    for (intptr_t i = 0; i < keys->nentries; ++i) {
        if (keys->entries()[i].key == key)
            return i;
    }
    return -1;
}

bool dict_next(Object* self, intptr_t& pos, Object** key, Object** value) {
    DictKeys* keys = as_dict(self)->keys;
    if (!keys)
        return false;
    while (pos < keys->nentries) {
        DictEntry& entry = keys->entries()[pos++];
        if (entry.key) {
            *key = entry.key;
            *value = entry.value;
            return true;
        }
    }
    return false;
}

intptr_t dict_last_position(Object* self) {
    DictKeys* keys = as_dict(self)->keys;
    return keys ? keys->nentries - 1 : -1;
}

bool dict_prev(Object* self, intptr_t& pos, Object** key, Object** value) {
    DictKeys* keys = as_dict(self)->keys;
    if (!keys || pos >= keys->nentries)
        return false;
    while (pos >= 0) {
        DictEntry& entry = keys->entries()[pos--];
        if (entry.key) {
            *key = entry.key;
            *value = entry.value;
            return true;
        }
    }
    return false;
}

void dict_clear_all(Object* self) {
    dict_clear_slot(self);
}

bool init_dict_type(VM& vm) {
    TypeSpec spec{};
    spec.name = "dict";
    spec.basic_size = sizeof(Dict);
    spec.flags = type_base_type | type_has_gc | type_dict_subclass;
    TypeSlots& s = spec.slots;
    s.dealloc = dict_dealloc;
    s.traverse = dict_traverse;
    s.clear = dict_clear_slot;
    s.repr = dict_repr;
    s.hash = hash_not_implemented;
    s.richcompare = dict_richcompare;
    s.len = dict_len;
    s.getitem = dict_getitem;
    s.setitem = dict_setitem_slot;
    s.contains = dict_contains;
    s.iter = dict_iter;
    s.or_ = dict_or;
    spec.methods = dict_methods;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    vm.types().dict = type.release();

    TypeSpec iterator{};
    iterator.name = "dict_keyiterator";
    iterator.basic_size = sizeof(DictIterator);
    iterator.flags = type_has_gc;
    iterator.slots.dealloc = dict_iterator_dealloc;
    iterator.slots.traverse = dict_iterator_traverse;
    iterator.slots.clear = dict_iterator_clear;
    iterator.slots.iter = iter_self;
    iterator.slots.next = dict_iterator_next;
    Ref<Type> iterator_type = make_type(vm, iterator);
    if (!iterator_type)
        return false;
    vm.types().dict_keyiterator = iterator_type.release();
    return true;
}

} // namespace minipy::vm
