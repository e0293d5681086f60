// The VM's end-of-life accounting: the collection of unreachable garbage that finalization runs
// (CPython's gc collection inside Py_FinalizeEx), and the count of objects the VM does not own
// (what -X showrefcount reports). See vm/vm.h.
//
// Invariants:
//  - "owned by the VM" means reachable through traverse slots from the roots: the built-in
//    (non-heap) types, the pools, the singletons, the current exception and, while there is one,
//    the runtime's roots; everything else on the refchain is garbage (at finalization) or a leak
//    (after the runtime is gone);
//  - marking uses an explicit stack, never native recursion, so a million nested lists are fine;
//  - a mark is the low bit of the object's chain_prev (objects are 8-byte aligned, so it is
//    otherwise 0): no side table, so accounting a million live objects costs no memory; every
//    mark is cleared by the refchain walk that reads them, before anything can unlink an object;
//  - collect_unreachable is for finalization only: objects held only by running frames or C++
//    locals look unreachable to it, so it refuses to run while a Python frame is active (it is
//    no substitute for the cycle collector of issue #4, which subtracts internal references);
//  - collect_unreachable holds (+1) every garbage object from the first finalizer to the end, so
//    no pointer it keeps is ever freed under it; types are cleared only after every other piece
//    of garbage was let go, since instances need their type's slots to be deallocated.
#include <cstdint>
#include <cstdio>
#include <vector>

#include "gc/collector.h"
#include "gc/refchain.h"
#include "vm/code.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

struct Marker {
    std::vector<Object*> pending;
};

constexpr uintptr_t mark_bit = 1;

// Reads and clears the mark of an object (see the invariants above).
bool take_mark(Object* object) {
    auto prev = reinterpret_cast<uintptr_t>(object->chain_prev);
    object->chain_prev = reinterpret_cast<Object*>(prev & ~mark_bit);
    return (prev & mark_bit) != 0;
}

int mark_visit(Object* object, void* arg) {
    if (!object)
        return 0;
    auto prev = reinterpret_cast<uintptr_t>(object->chain_prev);
    if (prev & mark_bit)
        return 0;
    object->chain_prev = reinterpret_cast<Object*>(prev | mark_bit);
    static_cast<Marker*>(arg)->pending.push_back(object);
    return 0;
}

bool is_type_object(const Object* object) {
    return has_flag(object->type, type_type_subclass);
}

// A code object has no traverse slot (it is no container: gc.get_referents(code) is [], as in
// CPython), yet its constants and names are owned through it: a live generator's code keeps its
// consts tuple, which must not be cleared as garbage.
void mark_code_fields(Code* code, Marker& marker) {
    for (Object* field : {code->consts, code->names, code->localsplus_names, code->name,
                          code->qualname, code->filename})
        mark_visit(field, &marker);
}

// Marks everything the VM's roots (and the runtime's, and `extra`) reach. The caller walks the
// refchain next and takes every mark (take_mark) before anything else runs.
void mark_owned(VM& vm, Marker& marker, Object* const* extra, size_t count) {
    const Object* end = vm.heap().end();
    for (Object* object = vm.heap().first(); object != end; object = object->chain_next) {
        if (is_type_object(object) && !is_heap_type(static_cast<Type*>(object)))
            mark_visit(object, &marker);
    }
    (void)vm.pools().traverse(mark_visit, &marker);
    for (Object* object : {vm.none(), vm.true_(), vm.false_(), vm.not_implemented(), vm.ellipsis(),
                           vm.memory_error_instance(), vm.thread_state().exception()})
        mark_visit(object, &marker);
    if (Runtime* runtime = vm.runtime())
        (void)runtime->traverse_roots(mark_visit, &marker);
    // gc.garbage and gc.callbacks belong to the collector (freed with the VM, as CPython's
    // gcstate).
    mark_visit(vm.heap().collector().garbage, &marker);
    mark_visit(vm.heap().collector().callbacks, &marker);
    for (size_t i = 0; i < count; ++i)
        mark_visit(extra[i], &marker);
    Runtime* runtime = vm.runtime();
    while (!marker.pending.empty()) {
        Object* object = marker.pending.back();
        marker.pending.pop_back();
        mark_visit(object->type, &marker);
        if (auto traverse = object->type->slots.traverse)
            (void)traverse(object, mark_visit, &marker);
        else if (runtime && is_code(*runtime, object))
            mark_code_fields(static_cast<Code*>(object), marker);
    }
}

// PEP 442's first step: __del__ of garbage instances, close() of garbage generators, while
// every object is still intact.
void run_finalizers(VM& vm, const std::vector<Object*>& garbage) {
    Runtime* runtime = vm.runtime();
    Ref<Object> del_name = intern(vm, "__del__");
    if (!del_name) {
        vm.thread_state().clear_exception();
        return;
    }
    for (Object* object : garbage) {
        if (is_type_object(object) || gc::is_finalized(object))
            continue;
        gc::set_finalized(object);
        Ref<Object> saved = vm.thread_state().fetch_exception();
        if (is_heap_type(object->type) && type_lookup(object->type, del_name.get())) {
            Ref<Object> result = call_dunder(vm, object, del_name.get(), nullptr, 0);
            if (!result) {
                vm.thread_state().clear_exception();
                std::fprintf(stderr, "Exception ignored in: %s.__del__\n", object->type->name);
            }
        } else if (runtime && object->type == runtime->types().generator) {
            Ref<Object> result = call_method(vm, object, "close", nullptr, 0);
            if (!result) {
                vm.thread_state().clear_exception();
                std::fprintf(stderr, "Exception ignored in: <generator object>\n");
            }
        }
        if (saved)
            vm.thread_state().set_exception(std::move(saved));
    }
}

} // namespace

size_t VM::collect_unreachable(Object* const* extra_roots, size_t count) {
    if (m_finalizers_done)
        return 0; // re-entered from a finalizer
    if (m_runtime && m_runtime->current_frame())
        return 0; // Python code is running: its frames' objects are not roots we can see
    // Garbage that needs holding: containers, instances of classes and types. Atomic built-in
    // objects (ints, strs, ...) are left out: they run no finalizer and hold nothing, and they go
    // when the containers holding them are cleared (a script that ends with a million ints in a
    // cycle does not need a million-entry list here).
    std::vector<Object*> garbage;
    {
        Marker marker;
        mark_owned(*this, marker, extra_roots, count);
        const Object* end = m_heap.end();
        for (Object* object = m_heap.first(); object != end; object = object->chain_next) {
            if (take_mark(object))
                continue;
            if (has_flag(object->type, type_has_gc) || is_heap_type(object->type) ||
                is_type_object(object))
                garbage.push_back(object);
        }
    }
    if (garbage.empty())
        return 0;
    for (Object* object : garbage)
        incref(object);
    size_t before = m_heap.object_count();
    run_finalizers(*this, garbage);
    m_finalizers_done = true;
    // Split first: once a hold is dropped the object may be gone.
    std::vector<Type*> types;
    std::vector<Object*> others;
    for (Object* object : garbage) {
        if (is_type_object(object))
            types.push_back(static_cast<Type*>(object));
        else
            others.push_back(object);
    }
    // Clearing every garbage container drops the references that make up the cycles.
    for (Object* object : others) {
        if (has_flag(object->type, type_has_gc) && object->type->slots.clear)
            object->type->slots.clear(object);
    }
    for (Object* object : others)
        decref(object);
    // A garbage class loses its dict, mro and bases (the mro names the class itself: the cycle),
    // but keeps its layout base and name until its dealloc, since its instances (classes of a
    // metaclass included) are freed through them.
    for (Type* type : types) {
        set_ref(type->dict, nullptr);
        set_ref(type->mro, nullptr);
        set_ref(type->bases, nullptr);
    }
    for (Type* type : types)
        decref(type);
    m_finalizers_done = false;
    m_current_thread->clear_exception();
    size_t after = m_heap.object_count();
    return before > after ? before - after : 0;
}

VM::RefCounts VM::count_unowned_objects() {
    RefCounts counts;
    Marker marker;
    mark_owned(*this, marker, nullptr, 0);
    const Object* end = m_heap.end();
    for (Object* object = m_heap.first(); object != end; object = object->chain_next) {
        counts.refs += object->refcount;
        if (!take_mark(object))
            ++counts.objects;
    }
    return counts;
}

} // namespace minipy::vm
