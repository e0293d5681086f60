// Inline caches of the eval loop (CPython 3.11's specialising interpreter, in a side table): each
// LOAD_ATTR, STORE_ATTR, LOAD_METHOD and LOAD_GLOBAL of a Code owns one InlineCache entry, whose
// index sits in the instruction's first cache word (vm/opcodes.def reserves the words; code.cpp
// numbers them; attribute sites own attr_cache_ways entries from there). An entry remembers what
// the last execution resolved and is checked, not trusted:
//
//  - attribute entries are keyed on the receiver's exact type and the type attribute epoch. The
//    epoch is bumped whenever any type's attributes may change (type setattr/delattr, which also
//    re-installs dunder slots, and type deallocation, so a new type at a freed type's address never
//    matches). While it is unchanged, every class dict along every mro is unchanged, so the cached
//    class attribute (borrowed from the dict that holds it) is alive and still the one found;
//  - global entries are keyed on the globals and builtins dicts and their versions. Every dict
//    mutation gives the dict a fresh version that no dict of the process ever had (dict.cpp), so an
//    equal (dict, version) pair means the same, unchanged contents.
//
// A miss (or an entry that does not apply) runs the generic protocol, which refills the entry.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "gc/ref.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

class Runtime;
struct Code;
struct Frame;
struct Function;

// The type attribute epoch (see above). Process-wide, as the type_lookup cache's epoch: a bump by
// one VM only costs the others a refill.
extern std::atomic<uint64_t> type_attribute_epoch;
inline uint64_t type_epoch() {
    return type_attribute_epoch.load(std::memory_order_relaxed);
}
// Called whenever an attribute of any type may have changed (type_setattr, type dealloc).
inline void type_attributes_changed() {
    type_attribute_epoch.fetch_add(1, std::memory_order_relaxed);
}

enum class AttrCacheKind : uint32_t {
    empty,
    instance_dict,   // the instance dict at dict_offset, then `descriptor` (may be null)
    data_descriptor, // `descriptor` is a data descriptor (property, __set__): it wins
    slot,            // `descriptor` is a member_descriptor (__slots__): the word at dict_offset
    property,        // LOAD_ATTR: `descriptor` is a property whose fget is a Python function
    method,          // LOAD_METHOD: `descriptor` is a function unless the instance dict shadows it
    builtin_method,  // LOAD_METHOD on a built-in type: `descriptor` is the cached unbound method
    class_value,     // LOAD_ATTR on the class `type` itself (not an instance): `descriptor` is a
                     // plain value (int, float, str, ...) found along its mro
    instance_values, // a class with inline values (vm/types/instance_values.h): dict_offset is
                     // their offset, position the name's index or -(names + 1) when absent; a
                     // materialized dict is probed; then `descriptor` (may be null)
    method_values,   // LOAD_METHOD as `method`, for a class with inline values (position as in
                     // instance_values, for the shadowing check)
};

struct AttrCache {
    Type* type; // borrowed; valid while epoch matches
    uint64_t epoch;
    Object* descriptor; // borrowed from a class dict (or the Runtime's method table)
    size_t dict_offset; // of the instance dict pointer (0: no dict)
    AttrCacheKind kind;
    int32_t position; // where the instance dict last held the name (dict_value_at), or -1
};

// An attribute site (LOAD_ATTR, STORE_ATTR, LOAD_METHOD) owns this many consecutive AttrCache
// entries, one per receiver type seen (most recent first): code shared by subclasses (a base
// class method reading self.x for four task classes) stays on the cached path. LOAD_GLOBAL owns
// one entry.
inline constexpr int attr_cache_ways = 4;

struct GlobalCache {
    Object* globals; // borrowed, compared by address with the frame's
    uint64_t globals_version;
    Object* builtins;
    uint64_t builtins_version;
    Object* value; // borrowed from one of the two dicts
};

union InlineCache {
    AttrCache attr;
    GlobalCache global;
};

// Whether `op` owns an InlineCache entry.
bool has_inline_cache(uint32_t opcode);
// Numbers the cached instructions of `code` (writing each index into its first cache word) and
// allocates the zeroed side table. False on out-of-memory.
bool inline_caches_init(Code* code);
void inline_caches_free(Code* code);

// ====== The cached operations (null: raised, as their generic forms)

// LOAD_ATTR: getattr(owner, name).
[[nodiscard]] Ref<Object> cached_load_attr(Runtime& rt, Object* owner, Object* name,
                                           AttrCache& cache);
// LOAD_ATTR: true when the site's first way is a `property` entry that applies to owner; then
// property_way_getter gives the getter (a Python function, borrowed from the property), whose
// frame the eval loop may push itself in place of the owner (CPython 3.12's LOAD_ATTR_PROPERTY).
inline bool property_way_applies(const AttrCache& cache, const Object* owner) {
    return cache.kind == AttrCacheKind::property && cache.type == owner->type &&
           cache.epoch == type_epoch();
}
Function* property_way_getter(const AttrCache& cache);
// The word of owner's __slots__ member when the site's first way is a `slot` entry that applies
// to owner (the eval loop reads or writes it in place; a null word read is an unset member, which
// the generic protocol reports), else null.
inline Object** slot_way_word(const AttrCache& cache, Object* owner) {
    if (cache.kind != AttrCacheKind::slot || cache.type != owner->type ||
        cache.epoch != type_epoch())
        return nullptr;
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + cache.dict_offset);
}
// LOAD_METHOD: the function (borrowed) when the site's first way is a `method` entry that applies
// to owner and owner has no instance dict that could shadow it (dict_offset 0: __slots__ without
// __dict__), else null.
inline Object* dictless_method_way(const AttrCache& cache, const Object* owner) {
    if (cache.kind != AttrCacheKind::method || cache.dict_offset != 0 ||
        cache.type != owner->type || cache.epoch != type_epoch())
        return nullptr;
    return cache.descriptor;
}
// LOAD_METHOD: the cached unbound method of a built-in type (borrowed) when the site's first way
// is a `builtin_method` entry for owner's type, else null (CPython 3.11's LOAD_METHOD_NO_DICT on
// built-in types: no bound method is made).
inline Object* builtin_method_way(const AttrCache& cache, const Object* owner) {
    if (cache.kind != AttrCacheKind::builtin_method || cache.type != owner->type ||
        cache.epoch != type_epoch())
        return nullptr;
    return cache.descriptor;
}
// STORE_ATTR: owner.name = value.
[[nodiscard]] Status cached_store_attr(Runtime& rt, Object* owner, Object* name, Object* value,
                                       AttrCache& cache);
// LOAD_METHOD: as load_method (vm/eval_helpers.h).
[[nodiscard]] Status cached_load_method(Runtime& rt, Object* owner, Object* name,
                                        Ref<Object>& method, bool& unbound, AttrCache& cache);
// LOAD_GLOBAL: globals, then builtins. Returns a borrowed value (null: NameError raised).
Object* cached_load_global(Runtime& rt, Frame* frame, Object* name, GlobalCache& cache);

} // namespace minipy::vm
