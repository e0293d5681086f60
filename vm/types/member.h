// Descriptors of instance layout fields (CPython's Objects/descrobject.c member and getset
// descriptors, as heap classes use them):
//  - member_descriptor: one `__slots__` name; the value lives in an Object* word of the instance
//    (null while unset), at `offset` bytes from the object's start, or for subclasses of a
//    variable-size built-in (str) at `offset` bytes after its variable part;
//  - getset_descriptor: the `__dict__` and `__weakref__` attributes a class adds to its instances
//    (`C.__dict__['__dict__']`).
//
// Invariants: a descriptor owns its objclass, name and doc; it applies only to instances of
// objclass (descr_check's TypeError otherwise); the word it names exists in every such instance,
// because subclasses extend their base's layout.
#pragma once

#include <cstddef>
#include <cstdint>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

class Runtime;

// Flag bits of heap types (vm/types/class.h uses bit 31 for type_heap_type):
// instances have no __dict__ (every class of the layout chain has __slots__ without "__dict__");
inline constexpr uint32_t type_no_instance_dict = 1u << 30;
// some class of the layout chain added __slots__ words (traverse, clear and dealloc visit them).
inline constexpr uint32_t type_slot_members = 1u << 29;

struct MemberDescriptor : Object {
    Type* objclass; // the class whose __slots__ named it (owned)
    Object* name;   // str (owned), mangled as the class dict key
    Object* doc;    // owned, null for None (the value of a __slots__ dict entry)
    size_t offset;
    bool after_items; // offset counts from the end of a variable-size solid base's items
};

enum class GetSetKind : uint8_t { dict, weakref };

struct GetSetDescriptor : Object {
    Type* objclass; // owned
    Object* name;   // "__dict__" or "__weakref__" (owned)
    GetSetKind kind;
};

inline bool is_member_descriptor(const Object* object, const Type* member_type) {
    return object->type == member_type;
}
// The word a member names inside `object` (an instance of its objclass).
inline Object** member_word(Object* object, const MemberDescriptor* member) {
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(object) + member->offset);
}
// The same for any member, after_items ones included.
Object** member_word_any(Object* object, const MemberDescriptor* member);

// A new member descriptor for slot `name` of `owner` (doc may be null). MemoryError.
[[nodiscard]] Ref<Object> member_new(Runtime& rt, Type* owner, Object* name, size_t offset,
                                     bool after_items, Object* doc);
// A new `__dict__` or `__weakref__` getset descriptor of `owner`. MemoryError.
[[nodiscard]] Ref<Object> getset_new(Runtime& rt, Type* owner, GetSetKind kind);

// descriptor.__get__(object, type) of a member or getset descriptor (object null: class access,
// the descriptor itself). Raises TypeError when object is not an instance of objclass,
// AttributeError "'C' object has no attribute 'x'" for an unset slot.
[[nodiscard]] Ref<Object> member_get(Runtime& rt, Object* descriptor, Object* object);
// descriptor.__set__(object, value), or __delete__ when value is null. Raises TypeError (wrong
// instance, __dict__ set to a non-dict), AttributeError (deleting an unset slot: the name as the
// message; __weakref__ is not writable).
[[nodiscard]] Status member_set(Runtime& rt, Object* descriptor, Object* object, Object* value);

// Creates member_descriptor and getset_descriptor (Runtime::types()). False on out-of-memory.
bool init_member_types(Runtime& rt);

} // namespace minipy::vm
