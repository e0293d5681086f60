// The object header: what every heap object of a VM begins with, and the reference-count
// primitives. This is the contract between vm/, gc/ and stdlib/ (with vm/type.h and vm/slots.def).
//
// Every heap object begins with Object. Invariants:
//  - it is on its VM's refchain from allocation until it is freed (objects sitting on a free list
//  are
//    off the refchain: they are memory, not objects);
//  - refcount reaching 0 frees it at once (or returns it to a free list), through
//  gc::dealloc_object,
//    which calls the type's `dealloc` slot;
//  - type never changes after construction, and the type outlives every instance (types are freed
//    last at VM teardown);
//  - objects never cross from one VM to another; a thread touches a VM's objects only while it
//  holds
//    that VM's GIL, so reference counts need no atomics.
// Containers (types with TypeFlags::has_gc) carry a gc::GcHead just *before* the Object in memory,
// as CPython's PyGC_Head: the collector's generation links and its gc_refs scratch word. Object
// structs are trivial (no constructors or destructors); allocation zero-fills the body.
#pragma once

#include <cstddef>
#include <cstdint>

namespace minipy::vm {

struct Type;
class VM;

struct Object {
    Object* chain_prev; // refchain ring, touched only by gc/refchain.cpp
    Object* chain_next;
    intptr_t refcount;
    Type* type;
};

// Variable-size objects (tuple, str, bytes, list) add the number of items they hold.
struct VarObject : Object {
    intptr_t size;
};

} // namespace minipy::vm

namespace minipy::gc {
// Frees an object whose count reached zero: calls its type's dealloc slot. Deeply nested containers
// are freed iteratively (a "trashcan", as CPython's), so freeing never overflows the native stack.
void dealloc_object(vm::Object* object);
} // namespace minipy::gc

namespace minipy::vm {

inline void incref(Object* object) {
    ++object->refcount;
}
inline void xincref(Object* object) {
    if (object)
        ++object->refcount;
}
inline void decref(Object* object) {
    if (--object->refcount == 0)
        gc::dealloc_object(object);
}
inline void xdecref(Object* object) {
    if (object && --object->refcount == 0)
        gc::dealloc_object(object);
}
// Replaces *slot (owned) by value (a new reference, may be null) and drops the old one last, so a
// dealloc that runs arbitrary code never sees a half-updated slot.
inline void set_ref(Object*& slot, Object* value) {
    Object* old = slot;
    slot = value;
    xdecref(old);
}

} // namespace minipy::vm
