// dict: insertion ordered, in CPython's compact layout (index table + entries array, open
// addressing with perturbation). See dict.cpp for the invariants.
#pragma once

#include <cstdint>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

struct DictKeys;

struct Dict : Object {
    intptr_t used;    // live entries
    DictKeys* keys;   // null for an empty dict that never held anything
    uint64_t version; // bumped by every mutation: lookups and iterators detect changes
};

bool is_dict(const Object* object);
inline intptr_t dict_size(const Object* d) {
    return static_cast<const Dict*>(d)->used;
}
// A new empty dict. Raises MemoryError.
[[nodiscard]] Ref<Object> dict_new(VM& vm);
// Looks key up: 1 and *value (borrowed) when present, 0 when absent, -1 when hashing or comparing
// raised (TypeError "unhashable type", whatever __eq__ raises).
int dict_lookup(VM& vm, Object* dict, Object* key, Object** value);
// d[key] for a dict (no __missing__ hook): a new reference. Raises KeyError(key), TypeError for
// unhashable keys, whatever __eq__ raises.
[[nodiscard]] Ref<Object> dict_subscript(VM& vm, Object* dict, Object* key);
// d[key] = value (both borrowed). Raises TypeError for unhashable keys, MemoryError.
[[nodiscard]] Status dict_setitem(VM& vm, Object* dict, Object* key, Object* value);
// del d[key]. Raises KeyError(key).
[[nodiscard]] Status dict_delitem(VM& vm, Object* dict, Object* key);
// Iteration in insertion order: start with pos = 0; true with borrowed key/value, false at the end.
bool dict_next(Object* dict, intptr_t& pos, Object** key, Object** value);
void dict_clear_all(Object* dict);
// Inline-cache helpers (vm/inline_cache.h): entry positions are stable while no resize or
// deletion happens, and instances of one class usually insert their attributes in one order.
// The value at entry `position` when that entry's key is exactly `key` (identity), else null.
Object* dict_value_at(Object* dict, Object* key, intptr_t position);
// Replaces the value at entry `position` when its key is exactly `key`: false when it is not.
bool dict_replace_at(Object* dict, Object* key, intptr_t position, Object* value);
// The entry position of `key` (identity only, no comparison runs), or -1 (also for dicts past
// 64 entries).
intptr_t dict_position_of(Object* dict, Object* key);

bool init_dict_type(VM& vm);

// ====== Views (vm/types/dict_views.cpp)

enum class DictViewKind : uint8_t { keys, values, items };
// d.keys() / d.values() / d.items(): a live view of `dict`. Raises MemoryError.
[[nodiscard]] Ref<Object> dict_view_new(VM& vm, Object* dict, DictViewKind kind);
// Creates the view and view-iterator types (after the pools exist). False on out-of-memory.
bool init_dict_view_types(VM& vm);
// dict.fromkeys, installed as a classmethod by the builtins' set-up.
extern const MethodDef dict_fromkeys_def;
} // namespace minipy::vm
