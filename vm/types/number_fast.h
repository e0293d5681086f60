// Inline birth and death of exact floats and machine-word ints, for the eval loop's arithmetic
// fast paths and the two types' own constructors and deallocs: a free-list hit is a pop and a
// refchain link, a death an unlink and a push, with no call through dealloc_object and the type's
// dealloc slot. Included by vm/eval.cpp, vm/types/int.cpp and vm/types/float.cpp only (it needs
// vm/vm.h).
//
// Invariants kept: every object made here is on the refchain from birth to death, as any other
// (gc/refchain.h). Exact floats and ints have no
// finalizer and cannot be weakly referenced, so their death needs none of run_dealloc's checks,
// and they hold no references, so the trashcan has nothing to defer.
#pragma once

#include <cstdint>

#include "vm/types/float.h"
#include "vm/types/int.h"
#include "vm/vm.h"

namespace minipy::vm {

// Out-of-line slow paths (free list empty): fresh memory from the heap. Null on out-of-memory
// WITHOUT an exception set, so the eval loop's fast paths can fall back to the generic path, which
// raises MemoryError itself.
Object* float_allocate(VM& vm, double value);
Object* int_allocate(VM& vm, int64_t value);

// A new exact float (one reference), or null on out-of-memory (no exception set).
inline Object* float_make(VM& vm, double value) {
    if (Object* memory = vm.free_lists().floats().pop()) [[likely]] {
        vm.heap().adopt_untracked(memory, vm.types().float_);
        static_cast<Float*>(memory)->value = value;
        return memory;
    }
    return float_allocate(vm, value);
}

// A new exact int in the machine-word form (a pooled one for -5..256), or null on out-of-memory
// (no exception set).
inline Object* int_make(VM& vm, int64_t value) {
    if (Object* pooled = vm.pools().small_int(value)) {
        incref(pooled);
        return pooled;
    }
    if (value == int_big_marker) [[unlikely]]
        return int_allocate(vm, value); // INT64_MIN is held as an mpz
    if (Object* memory = vm.free_lists().ints().pop()) [[likely]] {
        vm.heap().adopt_untracked(memory, vm.types().int_);
        static_cast<Int*>(memory)->small = value;
        return memory;
    }
    return int_allocate(vm, value);
}

// Frees an exact float or an exact machine-word int whose count reached zero: off the refchain,
// onto its free list (or back to the heap when the list is full).
inline void number_free(VM& vm, Object* object, gc::FreeList& list) {
    vm.heap().forget_untracked(object);
    if (!list.push(object))
        vm.free_lists().numbers().release(object); // where float_allocate/int_allocate took it
}

// decref for an operand known to be an exact float, or an exact int in the machine-word form.
inline void float_release(VM& vm, Object* object) {
    if (--object->refcount == 0)
        number_free(vm, object, vm.free_lists().floats());
}
inline void small_int_release(VM& vm, Object* object) {
    if (--object->refcount == 0)
        number_free(vm, object, vm.free_lists().ints());
}

// ====== sum()

// The accumulator of sum() with CPython 3.11's fast paths (builtin_sum_impl): while the total
// and the items are exact ints or bools that fit in a machine word it adds machine words; while
// it is an exact float it adds doubles for exact floats and for any int that fits in a machine
// word (converted to double, bools and int subclasses included: their __radd__ is not asked, as
// in CPython). Anything else falls back to the number protocol for the rest of the iteration.
class NumberSum {
public:
    // `start` is borrowed; null means the int 0.
    NumberSum(VM& vm, Object* start);
    // Raises what the addition raises.
    [[nodiscard]] Status add(Object* item);
    // The total (a new reference); raises MemoryError.
    [[nodiscard]] Ref<Object> result();

private:
    enum class Mode { integer, real, generic };
    // Leaves the fast modes: the total becomes an object and `item` is added to it generically.
    [[nodiscard]] Status add_generic(Object* item);
    VM& m_vm;
    Mode m_mode = Mode::generic;
    int64_t m_integer = 0;
    double m_real = 0.0;
    Ref<Object> m_total;
};

} // namespace minipy::vm
