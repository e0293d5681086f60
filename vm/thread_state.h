// ThreadState: what one OS thread running Python code in a VM owns: the current exception and the
// recursion depth counter that turns deep recursion (nested reprs, comparisons, calls) into
// RecursionError instead of a native stack overflow.
//
// Invariants:
//  - at most one exception is current; raising replaces it (the old one is dropped);
//  - recursion_depth counts nested guarded calls; it never exceeds the limit by more than the
//  margin
//    the guard grants while the RecursionError itself is being built;
//  - a ThreadState belongs to one VM and one OS thread, and is used only while that thread holds
//    the VM's GIL (vm/gil.h); VM::thread_state() is the holder's;
//  - while its thread does not hold the GIL, the per-thread part of the runtime (frame stack,
//    current frame, handled exception) is parked in saved_frames / saved_frame / saved_handled;
//    while it holds it, those are empty and the runtime has them.
#pragma once

#include <cstdint>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/exc_info.h"
#include "vm/frame.h"
#include "vm/object.h"

namespace minipy::vm {

class ThreadState {
public:
    explicit ThreadState(VM& vm) : m_vm(vm) {}
    ~ThreadState();
    ThreadState(const ThreadState&) = delete;
    ThreadState& operator=(const ThreadState&) = delete;

    VM& vm() const { return m_vm; }

    // The current exception instance (borrowed), or null.
    Object* exception() const { return m_exception; }
    bool has_exception() const { return m_exception != nullptr; }
    // Makes `exception` (a new reference, taken over) the current exception.
    void set_exception(Ref<Object> exception);
    // Takes the current exception away (the caller owns it); null if none.
    Ref<Object> fetch_exception();
    void clear_exception();

    int recursion_depth() const { return m_recursion_depth; }
    // The VM's limit (sys.getrecursionlimit); VM::set_recursion_limit changes it with CPython's
    // checks, this setter without them (the caller has validated `limit`).
    int recursion_limit() const;
    void set_recursion_limit(int limit);
    // Enters one guarded level. Raises RecursionError("maximum recursion depth exceeded<where>")
    // past the limit or when the native stack of the calling OS thread is nearly used up (and then
    // does not enter), so deep recursion never overflows the native stack.
    [[nodiscard]] Status enter_recursive_call(const char* where);
    void leave_recursive_call() { --m_recursion_depth; }
    // enter_recursive_call's fast half, for the eval loop's calls: enters and returns true when the
    // depth is below `limit` (the VM's) and the native stack is in the known safe range of this
    // thread's; false (nothing done) when enter_recursive_call must decide.
    // The native stack pointer (an address in the caller's frame). Read from the register where
    // the compiler allows it: __builtin_frame_address would make every function that inlines the
    // guard (the eval loop) keep a frame pointer, one register fewer for its own state.
    static uintptr_t native_stack_pointer() {
        uintptr_t here;
#if defined(__GNUC__) && defined(__x86_64__)
        asm("mov %%rsp, %0" : "=r"(here));
#elif defined(__GNUC__) && defined(__aarch64__)
        asm("mov %0, sp" : "=r"(here));
#else
        here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
#endif
        return here;
    }
    // try_enter_recursive_call without the native stack check, for a frame that runs where the
    // native stack already was checked (the eval loop's inline calls).
    bool try_enter_recursive_depth(int limit) {
        if (m_recursion_depth < limit) [[likely]] {
            ++m_recursion_depth;
            return true;
        }
        return false;
    }
    bool try_enter_recursive_call(int limit) {
        uintptr_t here = native_stack_pointer();
        if (m_recursion_depth < limit && here - m_stack_limit < m_stack_span) [[likely]] {
            ++m_recursion_depth;
            return true;
        }
        return false;
    }
    // The native-stack half of the guard alone, for C++ recursion CPython does not count (hashing
    // nested tuples): RecursionError "maximum recursion depth exceeded<where>" only when the
    // native stack is nearly used up.
    [[nodiscard]] Status check_native_stack(const char* where);

    // Objects whose repr is in progress on this thread (for "[...]" on self-containing containers).
    // Returns 1 if `object` is already being printed, 0 after pushing it, -1 on MemoryError.
    int repr_enter(Object* object);
    void repr_leave(Object* object);

    // ====== Threads (vm/gil.h)
    // The eval breaker's countdown: takes `instructions` off; true when it ran out (the loop then
    // calls eval_breaker, which refills it with the check interval).
    bool count_instructions(int32_t instructions) {
        m_eval_ticks -= instructions;
        return m_eval_ticks < 0;
    }
    void set_eval_ticks(int32_t ticks) { m_eval_ticks = ticks; }

    // The runtime's per-thread fields while this thread does not hold the GIL (vm/gil.cpp swaps
    // them in and out).
    FrameStack saved_frames;
    Frame* saved_frame = nullptr;
    Object* saved_handled = nullptr;   // the base record's exception (owned)
    ExcInfo* saved_exc_info = nullptr; // the top of its handled-exception chain (vm/exc_info.h)
    // _thread.get_ident() / get_native_id() of the thread (0 until it ran).
    uint64_t ident = 0;
    uint64_t native_id = 0;
    // Where the GIL keeps this thread's wait counters (GilStats::threads).
    size_t stats_index = 0;
    // The lock _thread._set_sentinel() returned (owned, or null): released when the thread ends.
    Object* sentinel = nullptr;

private:
    int32_t m_eval_ticks = 100;
    VM& m_vm;
    Object* m_exception = nullptr;
    int m_recursion_depth = 0;
    // The lowest safe native stack address of the OS thread m_stack_thread (stacks grow down);
    // recomputed when another thread runs this ThreadState. [m_stack_limit, m_stack_limit +
    // m_stack_span) is safe stack of that thread: a frame address in it needs no pthread_self
    // (thread stacks do not overlap, so it can only be that thread's).
    uintptr_t m_stack_limit = 0;
    uintptr_t m_stack_span = 0;
    unsigned long m_stack_thread = 0;
    bool m_raising_overflow = false; // building a RecursionError: the guard lets it through
    uintptr_t native_stack_limit();
    Object** m_repr_stack = nullptr; // borrowed pointers, malloc'd
    size_t m_repr_size = 0;
    size_t m_repr_capacity = 0;
};

// RAII guard around enter/leave_recursive_call; check ok() right after construction.
class RecursionGuard {
public:
    RecursionGuard(ThreadState& state, const char* where)
        : m_state(state), m_ok(is_ok(state.enter_recursive_call(where))) {}
    ~RecursionGuard() {
        if (m_ok)
            m_state.leave_recursive_call();
    }
    RecursionGuard(const RecursionGuard&) = delete;
    RecursionGuard& operator=(const RecursionGuard&) = delete;
    bool ok() const { return m_ok; }

private:
    ThreadState& m_state;
    bool m_ok;
};

} // namespace minipy::vm
