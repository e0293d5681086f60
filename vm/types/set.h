// set and frozenset: open-addressing hash tables of keys (see set.cpp for the invariants).
#pragma once

#include <cstdint>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"

namespace minipy::vm {

struct SetEntry {
    Object* key; // null: never used; the set's dummy marker: deleted
    int64_t hash;
};

struct Set : Object {
    intptr_t used; // live keys
    intptr_t fill; // live + deleted slots
    intptr_t mask; // table size - 1 (a power of two minus one)
    SetEntry* table;
    int64_t hash; // frozenset's cached hash, -1 until computed
    uint64_t version;
};

bool is_set_or_frozenset(const Object* object);
inline intptr_t set_size(const Object* s) {
    return static_cast<const Set*>(s)->used;
}
// A new empty set (frozen = frozenset). Raises MemoryError.
[[nodiscard]] Ref<Object> set_new(VM& vm, bool frozen);
// Adds a borrowed key. Raises TypeError for unhashable keys, MemoryError.
[[nodiscard]] Status set_add(VM& vm, Object* set, Object* key);
// 1, 0, -1 when raised.
int set_contains_key(VM& vm, Object* set, Object* key);
// 1 when removed, 0 when absent, -1 when raised.
int set_discard(VM& vm, Object* set, Object* key);
// Iteration in table order: start with pos = 0.
bool set_next(Object* set, intptr_t& pos, Object** key);

bool init_set_types(VM& vm);
} // namespace minipy::vm
