// Weak references in the object model (CPython's Objects/weakrefobject.c core): the per-object list
// of weak references, and clearing it when the referent dies. The Python-visible types (`ref`,
// `proxy`, `CallableProxyType`) are made by stdlib/mod_weakref.cpp on top of this.
//
// Invariants:
//  - an object can be weakly referenced iff its type has a non-zero `weaklist_offset`: at that
//    offset the object holds the head (an Object*, a WeakRef) of a doubly linked list of every
//    live weak reference to it; the links are borrowed: neither the referent nor a weakref keeps
//    the other alive;
//  - a WeakRef's `referent` is borrowed, non-null exactly while the weakref is on its referent's
//    list; clearing (referent death, or the collector) unlinks it and sets `referent` to null;
//  - at most one plain `ref` without a callback is on a list, and it is first; proxies without a
//    callback come next (CPython's get_basic_refs), so `ref(o) is ref(o)`;
//  - clearing happens once per object death: gc::dealloc_object clears every object whose type is
//    not a heap type before its dealloc slot runs; a heap instance clears in its own dealloc after
//    __del__ ran (and did not resurrect it) and before its fields are cleared, as CPython's
//    subtype_dealloc.
#pragma once

#include <cstdint>
#include <vector>

#include "gc/ref.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

enum class WeakRefKind : uint8_t {
    ref,          // exactly weakref.ref
    ref_subclass, // a subclass of ref (WeakMethod, KeyedRef): never reused by ref()
    proxy,        // proxy or callable proxy
};

// The layout shared by every weak reference object (ref, its subclasses, both proxy types).
struct WeakRef : Object {
    Object* referent; // borrowed; null once the referent died or the reference was cleared
    Object* callback; // owned, null when none (or after it was called)
    int64_t hash;     // -1 until hash(ref) computed it (then cached, as CPython's wr_hash)
    WeakRef* prev;    // neighbours on the referent's list
    WeakRef* next;
    WeakRefKind kind;
};

// Type::weaklist_offset of subclasses of str (variable-sized here, fixed-size in CPython, whose
// rule lets them be weakly referenced): the list head follows the instance dict pointer, which
// follows the characters (allocate_variable_instance makes room for both).
inline constexpr size_t weaklist_after_items = SIZE_MAX;
Object** weaklist_after_dict(Object* object);

// The head of `object`'s list of weak references, or null when its type does not support weak
// references (int, str, tuple, list, dict, None, ...).
inline Object** weaklist_of(Object* object) {
    size_t offset = object->type->weaklist_offset;
    if (offset == 0)
        return nullptr;
    if (offset == weaklist_after_items) [[unlikely]]
        return weaklist_after_dict(object);
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(object) + offset);
}

// True when `object` has at least one weak reference (cheap; for the dealloc paths).
inline bool has_weakrefs(Object* object) {
    Object** list = weaklist_of(object);
    return list && *list;
}

// Gives instances of a built-in `type` a weak reference list: appends one pointer to the layout
// (weaklist_offset = old basic_size). Call in the type's init function before any instance
// exists; only for fixed-size types (item_size == 0).
void enable_weakrefs(Type* type);

// The refcount path: `object` is dying (its count reached zero; __del__ already ran). Unlinks and
// clears every weak reference to it, then calls the callbacks in list order (most recently made
// weakref first, as CPython), each with its weakref as argument. A callback that raises is
// reported on stderr as "Exception ignored in: <callback repr>" and a traceback, then dropped; a
// pending exception of the caller is saved and restored around the calls. A container is untracked
// first, so a collection started by a callback never sees the dying object. Never raises.
void clear_weakrefs(Object* object);

// The collector's path (CPython's handle_weakrefs): unlinks and clears every weak reference to
// `object` without calling any callback, and appends to `pending` (as new references) the
// weakrefs that have a callback. After clearing all the garbage's weakrefs, the collector calls
// call_weakref_callback for each pending weakref that is not itself garbage (a garbage weakref's
// callback is never called, as CPython), then drops `pending`.
void clear_weakrefs_no_callbacks(Object* object, std::vector<Ref<Object>>& pending);

// VM teardown (VM::destroy_all_objects, before anything is freed): unlinks every weak reference to
// `object` and marks it dead, without calling or dropping callbacks (the weakrefs' clear slots drop
// those), so no weakref freed later reaches a freed referent.
void forget_weakrefs(Object* object);

// Calls the callback of a cleared weakref once (and drops it from the weakref), reporting an
// exception like clear_weakrefs. No effect when the weakref has no callback. Never raises.
void call_weakref_callback(VM& vm, Object* weakref);

// The weakref to reuse instead of making a new one, as CPython: for a callback-less exact ref, the
// basic ref on the list (ref(o) is ref(o)); for a callback-less proxy, the basic proxy. Null when
// there is none (or a callback is given); borrowed.
WeakRef* weakref_find_basic(Object* referent, WeakRefKind kind, bool has_callback);
// Links a new weakref `ref` (kind and callback already set) onto referent's list, keeping the
// basic-refs-first order above, and sets ref->referent. `referent` must support weak references.
void weakref_link(WeakRef* ref, Object* referent);
// Unlinks a live weakref from its referent's list (the weakref is dying, or is garbage found by
// the collector: CPython's handle_weakrefs clears it, so its callback never runs even when the
// referent lives on); no effect when cleared.
void weakref_unlink(WeakRef* ref);

// The dealloc slot of every weakref type (ref, proxy, CallableProxyType; subclasses reach it as
// their solid base's): unlinks the weakref from its referent, drops its callback, frees it.
void weakref_dealloc(Object* self);
// True when `object` is a weak reference (ref or proxy, subclasses included).
bool is_weakref(Object* object);

// The number of live weak references to `object` (0 when its type does not support them).
intptr_t weakref_count(Object* object);

} // namespace minipy::vm
