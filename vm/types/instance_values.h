// Instance attributes stored inline, with their names shared per class (CPython 3.11's
// ht_cached_keys + _PyDictValues design).
//
// A heap class whose only built-in base is `object` (and whose instances have a __dict__) keeps
// SharedKeys right after its Type struct: the attribute names its instances assigned, in
// first-assignment order, at most shared_keys_max of them; a name, once there, keeps its index for
// the life of the class. Each instance of such a class is allocated with an InstanceValues block
// at SharedKeys::values_offset (after every field of the class's layout): `capacity` value words,
// word i holding the instance's value for names[i] (null: not set). The instance has no dict
// object until something needs one (obj.__dict__, vars(obj), dir(obj), a name that does not fit).
//
// Invariants:
//  - the dict word (heap_instance_dict) non-null means the dict is authoritative: every value
//    word is then null (materializing moves the values into the dict, in order);
//  - the set value words, read by index, are in the instance's insertion order: a new value is
//    stored at index i only when no word after i is set (`end` bounds the set words), otherwise
//    the dict is materialized first; deleting keeps the order;
//  - SharedKeys::count only grows (so a cached index stays valid, and a cached "absent while the
//    class had n names" is checked against count).
#pragma once

#include <cstddef>
#include <cstdint>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/inline_cache.h"
#include "vm/object.h"
#include "vm/type.h"
#include "vm/types/class.h"

namespace minipy::vm {

// CPython's SHARED_KEYS_MAX_SIZE.
inline constexpr uint32_t shared_keys_max = 30;

// After the Type struct of every heap type (allocated by new_type_object).
struct SharedKeys {
    uint32_t values_offset;         // of the instances' InstanceValues; 0: instances keep none
    uint16_t count;                 // names in use
    uint16_t slack;                 // value words beyond `count` the next instance gets
    bool all_interned;              // every name is an interned str (a pointer miss is then final)
    Object* names[shared_keys_max]; // owned str
};

// At values_offset inside an instance; `capacity` value words follow.
struct InstanceValues {
    uint8_t capacity;
    uint8_t end; // no value word at or after `end` is set
    uint8_t reserved[6];
};

inline SharedKeys* shared_keys_of(Type* type) {
    return reinterpret_cast<SharedKeys*>(reinterpret_cast<char*>(type) + sizeof(Type));
}
inline Object** values_words(InstanceValues* values) {
    return reinterpret_cast<Object**>(values + 1);
}
// The inline values of `object`, or null when its class keeps none.
inline InstanceValues* instance_values(Object* object) {
    Type* type = object->type;
    if (!is_heap_type(type))
        return nullptr;
    uint32_t offset = shared_keys_of(type)->values_offset;
    return offset ? reinterpret_cast<InstanceValues*>(reinterpret_cast<char*>(object) + offset)
                  : nullptr;
}
// The dict word of an instance of a class with inline values (right after the object header:
// the solid base is `object`).
inline Object*& values_dict_word(Object* object) {
    return *reinterpret_cast<Object**>(reinterpret_cast<char*>(object) + sizeof(Object));
}
// The instance values that hold `object`'s attributes now: null when its class keeps none or its
// dict was materialized.
inline InstanceValues* active_values(Object* object) {
    InstanceValues* values = instance_values(object);
    return values && !values_dict_word(object) ? values : nullptr;
}

// For the eval loop (CPython's LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE): the value
// word of owner's attribute when the site's first way is an instance_values entry for owner's
// class and owner keeps its values inline with a word for the name (null: not set), else null.
inline Object** values_way_word(const AttrCache& cache, Object* owner) {
    if (cache.kind != AttrCacheKind::instance_values || cache.type != owner->type ||
        cache.epoch != type_epoch() || cache.position < 0 || values_dict_word(owner))
        return nullptr;
    auto* values =
        reinterpret_cast<InstanceValues*>(reinterpret_cast<char*>(owner) + cache.dict_offset);
    return cache.position < values->capacity ? values_words(values) + cache.position : nullptr;
}
// LOAD_METHOD: the function (borrowed) when the site's first way is a method_values entry that
// applies to owner and owner's inline values do not shadow it, else null.
inline Object* values_method_way(const AttrCache& cache, Object* owner) {
    if (cache.kind != AttrCacheKind::method_values || cache.type != owner->type ||
        cache.epoch != type_epoch() || values_dict_word(owner))
        return nullptr;
    int32_t position = cache.position;
    if (position < 0)
        return shared_keys_of(owner->type)->count == -position - 1 ? cache.descriptor : nullptr;
    auto* values =
        reinterpret_cast<InstanceValues*>(reinterpret_cast<char*>(owner) + cache.dict_offset);
    return position < values->capacity && values_words(values)[position] ? nullptr
                                                                         : cache.descriptor;
}

// A heap type's Type allocation with its SharedKeys (zeroed). Raises MemoryError.
[[nodiscard]] Ref<Type> allocate_heap_type(VM& vm);
// Called once the layout of heap type `type` is final: its instances get inline values when its
// solid base is `object` and they have a __dict__.
void enable_inline_values(Type* type);
// type_clear of a heap type: drops the names.
void shared_keys_clear(Type* type);
// A new instance of `cls` (a class with inline values): zeroed, refcount 1, cls not increfed.
[[nodiscard]] Ref<Object> instance_values_allocate(VM& vm, Type* cls);

// The index of `name` in the keys, or -1.
int shared_keys_index(SharedKeys* keys, Object* name);
// What an inline cache remembers of `name` for `type`: its index, or -(count + 1) when absent
// (valid while the keys hold `count` names).
int32_t shared_keys_cache_position(Type* type, Object* name);

// The value of `name` in the active `values` of `object` (borrowed), or null.
Object* instance_values_get(Object* object, InstanceValues* values, Object* name);
// object.name = value (null deletes) on active `values`; materializes the dict when the values
// cannot express it. Raises AttributeError (deleting a missing name), MemoryError.
[[nodiscard]] Status instance_values_store(VM& vm, Object* object, InstanceValues* values,
                                           Object* name, Object* value);
// The instance's dict (borrowed), made from its values when it has none yet: the values move into
// it in order. Null with MemoryError.
Object* instance_values_materialize(VM& vm, Object* object);
// Visits / drops the set value words (traverse, clear, dealloc).
int instance_values_traverse(Object* object, VisitFn visit, void* arg);
void instance_values_clear(Object* object);

// The raw dict word of an object as instance_dict_slot finds it, without materializing a dict
// from inline values (for the collector, traverse/clear/dealloc and the fast attribute paths).
Object** instance_dict_word(Object* object);

} // namespace minipy::vm
