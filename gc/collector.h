// The generational cycle collector (CPython's Modules/gcmodule.c algorithm): reference counting
// frees everything but cycles; this finds the cycles among tracked containers and frees them.
//
// Invariants:
//  - a collection runs only on the thread holding the VM's GIL, and never nests: one started from
//    a finalizer, a weakref callback or a gc.callbacks function returns 0 at once;
//  - automatic collections run at the eval breaker (as CPython 3.12's): allocation only marks one
//    as wanted (gc::schedule_collection), so no collection ever sees a half-built object or a
//    frame whose stack pointer is not saved;
//  - an object's finalizer (__del__, a suspended generator's close) runs at most once in its life,
//    by the collector or by its dealloc: the gc_flag_finalized bit of its GcHead (PEP 442);
//  - the collector knows types only through their traverse and clear slots (and type objects,
//    which keep their layout base and name until their dealloc, as at VM teardown).
#pragma once

#include <cstdint>

#include "gc/refchain.h"
#include "vm/object.h"

namespace minipy::vm {
class VM;
}

namespace minipy::gc {

// gc.set_debug flags (CPython's values).
inline constexpr int debug_stats = 1;
inline constexpr int debug_collectable = 2;
inline constexpr int debug_uncollectable = 4;
inline constexpr int debug_saveall = 32;
inline constexpr int debug_leak = debug_collectable | debug_uncollectable | debug_saveall;

// Collects `generation` (0..2) and every younger one, runs gc.callbacks around it, and returns
// how many unreachable objects it found (as CPython's gc.collect). Returns 0 when a collection is
// already running. Runs Python code (finalizers, callbacks); a pending exception of the caller is
// kept. Never raises.
intptr_t collect(vm::VM& vm, int generation);
// The eval breaker's step: runs the automatic collection that schedule_collection asked for
// (the oldest generation past its threshold, with the long-lived heuristic). Never raises.
void run_scheduled_collection(vm::VM& vm);
// True when run_scheduled_collection has work (checked by the eval breaker).
bool collection_scheduled(vm::VM& vm);

// gc.freeze: every tracked object moves to the permanent generation (never collected);
// gc.unfreeze moves them back into the oldest generation.
void freeze(vm::VM& vm);
void unfreeze(vm::VM& vm);
intptr_t freeze_count(vm::VM& vm);

// CPython's _PyObject_GC_MAY_BE_TRACKED: whether `object` could be part of a cycle (a container
// other than an untracked tuple).
bool may_be_tracked(vm::Object* object);
// CPython's MAINTAIN_TRACKING for exact dicts, which start untracked (dict_new): call after
// storing key/value into `dict`; tracks it when either may be tracked.
void track_dict_slow(vm::Object* dict, vm::Object* key, vm::Object* value);
inline void maintain_dict_tracking(vm::Object* dict, vm::Object* key, vm::Object* value) {
    if (!Heap::is_tracked(dict))
        track_dict_slow(dict, key, value);
}

// PEP 442's mark on containers (false for objects without a GcHead).
bool is_finalized(vm::Object* object);
void set_finalized(vm::Object* object);

// -X gcstats: the per-generation figures at exit, printed to stderr.
void print_gc_stats(vm::VM& vm);

} // namespace minipy::gc
