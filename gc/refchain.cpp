// The refchain, generations, object memory and the dealloc trashcan. Invariants are in
// gc/refchain.h.
#include "gc/refchain.h"

#include <cstring>

#include "gc/alloc.h"
#include "vm/type.h"
#include "vm/types/class.h"
#include "vm/vm.h"
#include "vm/weakref.h"

namespace minipy::gc {
namespace {

bool type_has_gc(const vm::Type* type) {
    return type && vm::has_flag(type, vm::type_has_gc);
}

void ring_insert(GcHead* sentinel, GcHead* head) {
    GcHead* last = sentinel->gc_prev;
    head->gc_prev = last;
    head->gc_next = sentinel;
    last->gc_next = head;
    sentinel->gc_prev = head;
}

// Calls the type's dealloc slot. Weak references die first (their callbacks run), except for heap
// instances: heap_dealloc clears them after __del__, as CPython's subtype_dealloc.
void run_dealloc(vm::Object* object) {
    if (vm::has_weakrefs(object) && !vm::is_heap_type(object->type))
        vm::clear_weakrefs(object);
    object->type->slots.dealloc(object);
}

} // namespace

Heap::Heap() {
    m_chain = {};
    m_chain.chain_prev = &m_chain;
    m_chain.chain_next = &m_chain;
    for (int g = 0; g < generation_count; ++g) {
        m_generations[g].gc_prev = &m_generations[g];
        m_generations[g].gc_next = &m_generations[g];
        m_generations[g].gc_refs = 0;
        m_thresholds[g] = default_thresholds[g];
    }
    m_permanent.gc_prev = &m_permanent;
    m_permanent.gc_next = &m_permanent;
    m_permanent.gc_refs = 0;
}

vm::Object* Heap::allocate(vm::Type* type, size_t bytes) {
    return allocate(type, bytes, type_has_gc(type));
}

vm::Object* Heap::allocate(vm::Type* type, size_t bytes, bool has_gc) {
    size_t prefix = has_gc ? sizeof(GcHead) : 0;
    if (bytes > SIZE_MAX - prefix)
        return nullptr;
    void* memory = mem_zalloc(bytes + prefix);
    if (!memory)
        return nullptr;
    auto* object = reinterpret_cast<vm::Object*>(static_cast<char*>(memory) + prefix);
    object->refcount = 1;
    object->type = type;
    link(object);
    if (has_gc)
        track_new(object, type);
    return object;
}

void Heap::adopt(vm::Object* memory, vm::Type* type) {
    memory->refcount = 1;
    memory->type = type;
    link(memory);
    if (type_has_gc(type)) {
        gc_head_of(memory)->gc_refs = 0; // a new object: not finalized
        track_new(memory, type);
    }
}

void Heap::forget(vm::Object* object) {
    if (type_has_gc(object->type) && is_tracked(object))
        untrack(object);
    forget_untracked(object);
}

void Heap::free_memory(vm::Object* object) {
    if (type_has_gc(object->type))
        mem_free(gc_head_of(object));
    else
        mem_free(object);
}

void Heap::track(vm::Object* object, int generation) {
    GcHead* head = gc_head_of(object);
    if (head->gc_next)
        return;
    ring_insert(&m_generations[generation], head);
    if (generation == 0)
        ++m_counters[0];
}

void Heap::untrack(vm::Object* object) {
    GcHead* head = gc_head_of(object);
    if (!head->gc_next)
        return;
    head->gc_prev->gc_next = head->gc_next;
    head->gc_next->gc_prev = head->gc_prev;
    head->gc_prev = nullptr;
    head->gc_next = nullptr;
    // CPython counts net allocations for generation 0: a freed young container lowers the count.
    if (m_counters[0] > 0)
        --m_counters[0];
}

size_t Heap::generation_size(int g) const {
    size_t count = 0;
    for (const GcHead* head = m_generations[g].gc_next; head != &m_generations[g];
         head = head->gc_next)
        ++count;
    return count;
}

intptr_t Heap::total_refcount() const {
    intptr_t total = 0;
    for (const vm::Object* object = m_chain.chain_next; object != &m_chain;
         object = object->chain_next)
        total += object->refcount;
    return total;
}

void Heap::defer_dealloc(vm::Object* container) {
    untrack(container);
    GcHead* head = gc_head_of(container);
    head->gc_prev = m_deferred;
    m_deferred = head;
}

vm::Object* Heap::pop_deferred() {
    if (!m_deferred)
        return nullptr;
    GcHead* head = m_deferred;
    m_deferred = head->gc_prev;
    head->gc_prev = nullptr;
    return object_of(head);
}

void dealloc_object(vm::Object* object) {
    Heap& heap = vm::vm_of(object).heap();
    int& depth = heap.dealloc_depth();
    // The trashcan: past trashcan_depth nested deallocs, containers wait on the deferred stack and
    // are freed by the outermost dealloc, so a million nested lists free in bounded native stack.
    if (depth >= trashcan_depth && type_has_gc(object->type)) {
        heap.defer_dealloc(object);
        return;
    }
    ++depth;
    run_dealloc(object);
    --depth;
    if (depth != 0)
        return;
    while (vm::Object* deferred = heap.pop_deferred()) {
        ++depth;
        run_dealloc(deferred);
        --depth;
    }
}

} // namespace minipy::gc
