// The weak reference lists of objects and their clearing (see vm/weakref.h for the invariants).
#include "vm/weakref.h"

#include <cstdio>
#include <string>
#include <utility>

#include "gc/refchain.h"
#include "vm/runtime.h"
#include "vm/thread_state.h"
#include "vm/traceback.h"
#include "vm/types/class.h"
#include "vm/types/function.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

WeakRef*& head_of(Object* referent) {
    return *reinterpret_cast<WeakRef**>(weaklist_of(referent));
}

void insert_head(WeakRef* ref, WeakRef*& head) {
    ref->prev = nullptr;
    ref->next = head;
    if (head)
        head->prev = ref;
    head = ref;
}

void insert_after(WeakRef* ref, WeakRef* prev) {
    ref->prev = prev;
    ref->next = prev->next;
    if (prev->next)
        prev->next->prev = ref;
    prev->next = ref;
}

// The callback-less exact ref and proxy at the front of a list (CPython's get_basic_refs).
void basic_refs(WeakRef* head, WeakRef** ref, WeakRef** proxy) {
    *ref = nullptr;
    *proxy = nullptr;
    if (head && !head->callback && head->kind == WeakRefKind::ref) {
        *ref = head;
        head = head->next;
    }
    if (head && !head->callback && head->kind == WeakRefKind::proxy)
        *proxy = head;
}

// Unlinks a weakref from its referent's list and forgets the referent.
void unlink(WeakRef* ref) {
    Object* referent = ref->referent;
    if (!referent)
        return;
    WeakRef*& head = head_of(referent);
    if (head == ref)
        head = ref->next;
    if (ref->prev)
        ref->prev->next = ref->next;
    if (ref->next)
        ref->next->prev = ref->prev;
    ref->prev = nullptr;
    ref->next = nullptr;
    ref->referent = nullptr;
}

// Calls callback(ref); an exception is reported as CPython's PyErr_WriteUnraisable does.
void run_callback(VM& vm, Object* callback, Object* ref) {
    Ref<Object> saved = vm.thread_state().fetch_exception();
    Object* arg = ref;
    Ref<Object> result = call_object(vm, callback, &arg, 1);
    if (!result) {
        Ref<Object> error = vm.thread_state().fetch_exception();
        std::fflush(stdout);
        if (Runtime* runtime = vm.runtime(); runtime && error) {
            // CPython's handle_callback: PyErr_WriteUnraisable(callback), so sys.unraisablehook
            // sees it and the default hook prints "Exception ignored in: <callback repr>".
            write_unraisable(*runtime, error.get(), callback, nullptr);
        } else {
            std::fprintf(stderr, "Exception ignored in a weakref callback\n");
        }
        std::fflush(stderr);
    }
    if (saved)
        vm.thread_state().set_exception(std::move(saved));
}

} // namespace

Object** weaklist_after_dict(Object* object) {
    // The word after the dict word, which follows the items (the dict word is there even when
    // __slots__ leave out __dict__, so heap_instance_dict is null).
    Type* solid = solid_base(object->type);
    if (is_heap_type(solid))
        return nullptr; // VM teardown cut the base link: the layout is unknown
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(object) +
                                      variable_part_size(object, solid)) +
           1;
}

void enable_weakrefs(Type* type) {
    if (type->weaklist_offset != 0)
        return;
    type->weaklist_offset = type->basic_size;
    type->basic_size += sizeof(Object*);
}

WeakRef* weakref_find_basic(Object* referent, WeakRefKind kind, bool has_callback) {
    if (has_callback || kind == WeakRefKind::ref_subclass)
        return nullptr;
    Object** list = weaklist_of(referent);
    if (!list)
        return nullptr;
    WeakRef* ref = nullptr;
    WeakRef* proxy = nullptr;
    basic_refs(reinterpret_cast<WeakRef*>(*list), &ref, &proxy);
    return kind == WeakRefKind::ref ? ref : proxy;
}

void weakref_link(WeakRef* ref, Object* referent) {
    WeakRef*& head = head_of(referent);
    WeakRef* basic_ref = nullptr;
    WeakRef* basic_proxy = nullptr;
    basic_refs(head, &basic_ref, &basic_proxy);
    ref->referent = referent;
    if (ref->kind == WeakRefKind::ref && !ref->callback) {
        insert_head(ref, head);
    } else if (ref->kind == WeakRefKind::proxy && ref->callback && basic_proxy) {
        insert_after(ref, basic_proxy);
    } else if (basic_ref) {
        insert_after(ref, basic_ref);
    } else {
        insert_head(ref, head);
    }
}

void weakref_unlink(WeakRef* ref) {
    unlink(ref);
}

void weakref_dealloc(Object* self) {
    auto* ref = static_cast<WeakRef*>(self);
    unlink(ref);
    set_ref(ref->callback, nullptr);
    vm_of(self).heap().release(self);
}

bool is_weakref(Object* object) {
    Type* type = object->type;
    if (type->slots.dealloc == weakref_dealloc)
        return true;
    return is_heap_type(type) && solid_base(type)->slots.dealloc == weakref_dealloc;
}

intptr_t weakref_count(Object* object) {
    Object** list = weaklist_of(object);
    intptr_t count = 0;
    for (WeakRef* ref = list ? reinterpret_cast<WeakRef*>(*list) : nullptr; ref; ref = ref->next)
        ++count;
    return count;
}

void clear_weakrefs(Object* object) {
    Object** list = weaklist_of(object);
    if (!list || !*list)
        return;
    VM& vm = vm_of(object);
    // A collection started by a callback must not see the dying object (its count is 0) in a
    // generation, as CPython's subtype_dealloc untracks before clearing weak references.
    if (has_flag(object->type, type_has_gc))
        vm.heap().untrack(object);
    // Clear them all first, holding each weakref with a callback, so a callback sees every weakref
    // to the object dead (CPython's PyObject_ClearWeakRefs).
    std::vector<std::pair<Ref<Object>, Ref<Object>>> calls;
    while (*list) {
        auto* ref = reinterpret_cast<WeakRef*>(*list);
        Object* callback = ref->callback;
        ref->callback = nullptr;
        unlink(ref);
        // A weakref whose own count is 0 is being freed right now: its callback is dropped.
        if (callback && ref->refcount > 0 && !vm.is_finalizing())
            calls.emplace_back(Ref<Object>::borrow(ref), Ref<Object>::steal(callback));
        else
            xdecref(callback);
    }
    for (auto& [ref, callback] : calls)
        run_callback(vm, callback.get(), ref.get());
}

void clear_weakrefs_no_callbacks(Object* object, std::vector<Ref<Object>>& pending) {
    Object** list = weaklist_of(object);
    if (!list)
        return;
    while (*list) {
        auto* ref = reinterpret_cast<WeakRef*>(*list);
        unlink(ref);
        if (ref->callback && ref->refcount > 0)
            pending.push_back(Ref<Object>::borrow(ref));
    }
}

void forget_weakrefs(Object* object) {
    Object** list = weaklist_of(object);
    if (!list)
        return;
    while (*list)
        unlink(reinterpret_cast<WeakRef*>(*list));
}

void call_weakref_callback(VM& vm, Object* weakref) {
    auto* ref = static_cast<WeakRef*>(weakref);
    if (!ref->callback)
        return;
    Ref<Object> callback = Ref<Object>::steal(ref->callback);
    ref->callback = nullptr;
    run_callback(vm, callback.get(), weakref);
}

} // namespace minipy::vm
