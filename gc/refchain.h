// The heap of one VM: the refchain (a circular doubly linked ring of every live object, as in a
// CPython debug build) and the three collector generations of containers: the "four lists" of
// SEEDS.md. Also allocation and release of object memory, and the allocation counts the collector's
// thresholds (700/10/10) read.
//
// Invariants:
//  - every live object is on exactly one refchain (its VM's) from allocate()/adopt() until
//  forget();
//  - a container (type_has_gc) has a GcHead right before its Object; while tracked it is in exactly
//    one generation list; gc_next == null means untracked;
//  - object_count() is the number of objects on the refchain; objects kept on free lists are not
//    counted (they are raw memory);
//  - only this file's functions and gc/collector.cpp touch chain_prev/chain_next and the GcHead
//    links.
#pragma once

#include <cstddef>
#include <cstdint>

#include "vm/object.h"

namespace minipy::gc {

// The collector header placed before a container's Object (CPython's PyGC_Head).
struct GcHead {
    GcHead* gc_prev;
    GcHead* gc_next; // null: not tracked
    intptr_t
        gc_refs; // gc_flag_* bits below, and the collector's reference count scratch above them
};

// The low bits of GcHead::gc_refs. `finalized` lives as long as the object (PEP 442: __del__ runs
// once); the other two are meaningful only during a collection (gc/collector.cpp).
inline constexpr intptr_t gc_flag_finalized = 1;   // its finalizer (__del__, close) already ran
inline constexpr intptr_t gc_flag_collecting = 2;  // in the generations being collected
inline constexpr intptr_t gc_flag_unreachable = 4; // on the collector's unreachable list
inline constexpr int gc_refs_shift = 3;            // the count is gc_refs >> gc_refs_shift

inline GcHead* gc_head_of(vm::Object* object) {
    return reinterpret_cast<GcHead*>(object) - 1;
}
inline vm::Object* object_of(GcHead* head) {
    return reinterpret_cast<vm::Object*>(head + 1);
}

inline constexpr int generation_count = 3;
// CPython's default thresholds: gen 0 after 700 net allocations, each older one after 10 of the
// younger generation's collections.
inline constexpr intptr_t default_thresholds[generation_count] = {700, 10, 10};

// One generation's statistics (gc.get_stats and -X gcstats).
struct GenerationStats {
    intptr_t collections = 0;
    intptr_t collected = 0;
    intptr_t uncollectable = 0;
    uint64_t total_pause_ns = 0;
    uint64_t longest_pause_ns = 0;
};

// The collector's state (gc/collector.cpp; CPython's GCState).
struct CollectorState {
    bool enabled = true;     // gc.enable / gc.disable: automatic collections only
    bool collecting = false; // a collection is running (re-entry from finalizers does nothing)
    bool scheduled = false;  // gen 0 passed its threshold: the eval breaker collects
    int debug = 0;           // gc.set_debug flags
    // CPython's long-lived heuristic: a full collection only when the objects that reached the
    // oldest generation since the last one exceed a quarter of those it kept then.
    intptr_t long_lived_total = 0;
    intptr_t long_lived_pending = 0;
    GenerationStats stats[generation_count];
    // gc.garbage and gc.callbacks (lists, owned; VM roots, freed with the VM).
    vm::Object* garbage = nullptr;
    vm::Object* callbacks = nullptr;
};

// Called by Heap when generation 0 passes its threshold (gc/collector.cpp): asks the eval breaker
// of the running thread to collect.
void schedule_collection(vm::Type* type);

class Heap {
public:
    Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;
    // Does not free objects: VM teardown does that first (see VM::~VM).
    ~Heap() = default;

    // Allocates `bytes` bytes (the size of the object struct, items included) for a new object of
    // `type`, plus a GcHead for containers. The header is set (refcount 1, type), the body zeroed,
    // the object linked into the refchain, a container tracked in generation 0. Null on
    // out-of-memory: the caller raises MemoryError.
    vm::Object* allocate(vm::Type* type, size_t bytes);
    // The same with the container decision explicit (bootstrapping `type` and `object`).
    vm::Object* allocate(vm::Type* type, size_t bytes, bool has_gc);
    // Turns free-list memory back into a live object of `type` (as allocate, body not zeroed).
    void adopt(vm::Object* memory, vm::Type* type);
    // Unlinks a dying object from the refchain and untracks it; its memory stays valid.
    void forget(vm::Object* object);
    // adopt() and forget() for a type without a GcHead (float, int), inline for the eval loop's
    // arithmetic fast paths.
    void adopt_untracked(vm::Object* memory, vm::Type* type) {
        memory->refcount = 1;
        memory->type = type;
        link(memory);
    }
    void forget_untracked(vm::Object* object) {
        object->chain_prev->chain_next = object->chain_next;
        object->chain_next->chain_prev = object->chain_prev;
        object->chain_prev = nullptr;
        object->chain_next = nullptr;
        --m_object_count;
    }
    // Frees the memory of a forgotten object (GcHead included for containers).
    static void free_memory(vm::Object* object);
    // forget() then free_memory(): what a plain dealloc slot ends with.
    void release(vm::Object* object) {
        forget(object);
        free_memory(object);
    }

    // ====== Generations
    void track(vm::Object* object, int generation = 0);
    // Tracks a fresh container in generation 0 and schedules a collection past the threshold.
    void track_new(vm::Object* object, vm::Type* type) {
        track(object);
        if (m_counters[0] > m_thresholds[0] && m_collector.enabled && !m_collector.scheduled)
            [[unlikely]]
            schedule_collection(type);
    }
    void untrack(vm::Object* object);
    static bool is_tracked(vm::Object* object) { return gc_head_of(object)->gc_next != nullptr; }
    // The sentinel of generation g's ring.
    GcHead* generation(int g) { return &m_generations[g]; }
    // Net container allocations since generation 0 was last collected (g = 0), or collections of
    // generation g-1 since generation g was (g > 0).
    intptr_t& generation_counter(int g) { return m_counters[g]; }
    intptr_t threshold(int g) const { return m_thresholds[g]; }
    void set_threshold(int g, intptr_t value) { m_thresholds[g] = value; }
    size_t generation_size(int g) const;
    // The permanent generation of gc.freeze (never collected).
    GcHead* permanent() { return &m_permanent; }
    CollectorState& collector() { return m_collector; }

    // ====== Observability (sys.gettotalrefcount, sys.getobjects, -X showrefcount)
    size_t object_count() const { return m_object_count; }
    // The sum of the reference counts of every object on the refchain (walks the ring).
    intptr_t total_refcount() const;
    // The ring's sentinel: iterate from first() while != end().
    vm::Object* first() const { return m_chain.chain_next; }
    const vm::Object* end() const { return &m_chain; }
    size_t total_allocations() const { return m_total_allocations; }

    // ====== Freeing (gc::dealloc_object): the trashcan bounds native recursion in dealloc chains.
    int& dealloc_depth() { return m_dealloc_depth; }
    void defer_dealloc(vm::Object* container);
    vm::Object* pop_deferred();

private:
    void link(vm::Object* object) {
        vm::Object* last = m_chain.chain_prev;
        object->chain_prev = last;
        object->chain_next = &m_chain;
        last->chain_next = object;
        m_chain.chain_prev = object;
        ++m_object_count;
        ++m_total_allocations;
    }
    vm::Object m_chain;                     // sentinel; its type is null
    GcHead m_generations[generation_count]; // sentinels
    GcHead m_permanent;                     // sentinel of gc.freeze's generation
    CollectorState m_collector;
    intptr_t m_counters[generation_count] = {0, 0, 0};
    intptr_t m_thresholds[generation_count];
    size_t m_object_count = 0;
    size_t m_total_allocations = 0;
    int m_dealloc_depth = 0;
    GcHead* m_deferred = nullptr; // singly linked through gc_prev
};

// How deep dealloc may nest before further containers are deferred (CPython's trashcan uses 50).
inline constexpr int trashcan_depth = 50;

} // namespace minipy::gc
