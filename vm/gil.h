// The GIL: one lock per VM that a thread must hold to run bytecode or touch the VM's objects
// (reference counts stay plain integers). Several VMs in one process each have their own and run
// in parallel.
//
// Design (issue #5):
//  - direct hand-off: the thread letting go picks the next holder itself (the head of a FIFO
//    queue of waiters, each sleeping on a futex word of its own, woken by the granter after it
//    let the mutex go) and the GIL never becomes free in between, so the thread that dropped it
//    on request cannot take it back before that waiter ran, and no waiter starves;
//  - the running thread offers the GIL at the eval breaker (eval_breaker below), which the eval
//    loop reaches when its instruction countdown (ThreadState::count_instructions, refilled with
//    sys.getcheckinterval() = 100) runs out. It hands over only if a waiter has waited at least
//    the switch interval (sys.getswitchinterval() = 0.005 s; 0 means at every check);
//  - the convoy effect (CPython's I/O thread waiting a whole interval behind a CPU-bound thread
//    after each blocking call) is avoided: a thread coming back from a blocking call (ReleaseGil,
//    lock waits) queues ahead of the CPU-bound waiters and asks the holder to drop at its next
//    check, without waiting for the switch interval; it spins before it sleeps (the holder
//    answers at its next check) if a core is free and the holder is running;
//  - but such urgent threads only borrow the GIL within a budget: the time CPU-bound waiters
//    lose to them is a debt, and past a small allowance the next CPU-bound holder runs as long
//    as that debt before urgent waiters may make it drop, so back-to-back I/O cannot starve
//    CPU-bound threads (they keep at least half of the GIL's time; vm/gil.cpp);
//  - lazy hand-over: when a thread lets the GIL go for a blocking call, a normal waiter is only
//    offered it; if the call returns before that waiter started running (a short write, a
//    read with data ready) and the CPU-bound threads are not owed their share, the thread takes
//    the offer back and goes on without waiting for a context switch; the waiter keeps its
//    place at the head;
//  - locks of _thread wait inside the GIL (wait_for_lock): releasing a lock hands it to its
//    first waiter and queues that waiter for the GIL while it sleeps, so a hand-over between two
//    threads costs one wake-up, not two (lock, then GIL); and a lock waiter spins a little
//    before it sleeps while a core is free, so a ping-pong between two threads (Lock, Event,
//    Condition) costs no wake-up at all. Spinning adapts: while spins do not pay (a loaded
//    machine, where the thread waited for is not on a CPU) waiters sleep at once (vm/gil.cpp);
//  - the switch interval counts from when the head waiter began to wait or the holder began to
//    run, whichever is later, so a thread's turn is not eaten by the time it took to wake up;
//  - when the GIL changes hands, the per-thread part of the runtime (frame stack, current frame,
//    handled exception: vm/runtime.h) is swapped with the ThreadState's saved copy, and
//    VM::thread_state() points to the new holder's state. No thread_local is involved.
//
// Invariants:
//  - holder() is the only thread that reads or writes the VM's objects and its current
//    ThreadState; the GIL's own fields are guarded by its mutex, except the atomics read by the
//    holder's cheap check;
//  - a ThreadState registered here belongs to exactly one OS thread and is freed by that thread
//    (delete_thread_state) or by the VM's destruction.
//
// Finalization and VM destruction (for embedders): begin_finalization (called before the runtime
// is finalized) stops every other thread: a thread that asks for the GIL afterwards (a daemon
// thread coming back from a blocking call or waiting at a check) blocks forever without touching
// the VM again. Destroying a VM while such threads exist leaks the GIL and their ThreadStates on
// purpose (they are still blocked on it); the process's exit ends them. A host must not destroy a
// VM while a thread it started itself is inside the VM's calls.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/errors.h"

namespace minipy::vm {

class VM;
class ThreadState;
struct LockWaiter;

// The threads waiting for one lock (stdlib/mod_thread.cpp), FIFO; guarded by the GIL's mutex.
// Zero-initialised is empty.
struct LockWaitQueue {
    LockWaiter* head = nullptr;
    LockWaiter* tail = nullptr;
    uint64_t generation = 0; // the GIL's fork generation its waiters belong to
};

// The counters of sys._gilstats().
struct GilThreadStats {
    uint64_t ident = 0;        // get_ident() of the thread
    uint64_t waits = 0;        // how many times it waited for the GIL
    int64_t total_wait_ns = 0; // time spent waiting for the GIL
    int64_t longest_wait_ns = 0;
    bool alive = true;
};
struct GilStats {
    uint64_t switches = 0;          // hand-overs from one thread to another
    uint64_t forced_switches = 0;   // of them, hand-overs at the eval breaker (a drop on request)
    uint64_t requests = 0;          // times a thread found the GIL held and had to wait
    uint64_t priority_requests = 0; // of them, threads back from a blocking call (convoy fix)
    uint64_t revoked_offers = 0;    // lazy hand-overs: a thread back from a short blocking call
                                    // took the GIL back before the waiter handed it ran
    uint64_t spins = 0;             // waits that spun before sleeping (a core was free)
    uint64_t spin_wins = 0;         // of them, waits that ended while spinning
    std::vector<GilThreadStats> threads;
};

// What `minipy -X gilstats` prints at exit (several lines).
std::string gil_stats_text(const GilStats& stats);

class Gil {
public:
    // The GIL of `vm`, held by `main` (the VM's main ThreadState). Null on out-of-memory.
    static Gil* create(VM& vm, ThreadState& main);
    // Frees `gil` unless threads other than the main one are still registered (blocked daemon
    // threads): then it is leaked with their ThreadStates (see the top of this file).
    static void destroy(Gil* gil);
    Gil(const Gil&) = delete;
    Gil& operator=(const Gil&) = delete;

    // ====== Thread states
    // A ThreadState for a thread about to start, registered (so _count and the teardown see it).
    // Called with the GIL held. Null on out-of-memory.
    ThreadState* new_thread_state();
    // Called by an exiting thread holding the GIL: lets the GIL go and frees `state` (whose
    // exception and objects the caller already released).
    void delete_thread_state(ThreadState* state);
    // Frees a ThreadState whose thread could not be started (GIL held, not its own).
    void delete_thread_state_unstarted(ThreadState* state);
    // How many ThreadStates besides the main one are registered (_thread._count).
    size_t thread_count() const;
    // Whether `state` is the thread that runs signal handlers: the VM's main thread, or in the
    // child of a fork the thread that forked (it becomes the main thread there, as in CPython).
    bool is_main_thread(const ThreadState& state) const;
    // _thread.stack_size(): the stack size of threads started later (0: the system's default).
    size_t thread_stack_size() const { return m_stack_size; }
    void set_thread_stack_size(size_t bytes) { m_stack_size = bytes; }

    // ====== Taking and letting go
    enum class Priority : uint8_t {
        normal, // a thread starting, or one that offered the GIL at a check
        urgent, // back from a blocking call: goes ahead of normal waiters, asks for a drop at once
    };
    // Blocks until `state`'s thread holds the GIL, then makes it current. After
    // begin_finalization, any thread but the finalizer blocks forever here.
    void take(ThreadState& state, Priority priority);
    // Lets the GIL go (handing it to the first waiter, if any).
    void drop(ThreadState& state);
    // The holder's cheap test at a check: should it offer the GIL now?
    bool drop_wanted() const;
    // Hands the GIL to the first waiter and queues behind the others (a forced switch).
    // `may_defer` (the eval breaker's checks): a CPU-bound holder asked to drop for an urgent
    // waiter that sleeps may first wake it and return at once, running on while it wakes up; a
    // later check hands over.
    void yield(ThreadState& state, bool may_defer = false);

    // ====== Lock waits (the locks of _thread: one sleep and one wake-up per hand-over)
    enum class LockWait : uint8_t { acquired, timed_out, interrupted };
    // Called by the holder when the lock of `queue` is taken: queues for the lock and lets the
    // GIL go until the lock is handed to this thread (hand_lock_to_waiter), `timeout_ns` passed
    // (negative: no limit) or a signal handler ran (interrupted); comes back holding the GIL.
    // acquired: the lock is this thread's.
    LockWait wait_for_lock(LockWaitQueue& queue, int64_t timeout_ns);
    // Called by the holder releasing a lock: hands it to its first waiter, which then queues for
    // the GIL as urgent without having woken up (true: the lock stays taken), or returns false
    // (no waiter: the caller marks the lock free).
    bool hand_lock_to_waiter(LockWaitQueue& queue);

    // ====== Settings (sys.setcheckinterval / sys.setswitchinterval)
    int32_t check_interval() const { return m_check_interval; }
    void set_check_interval(int32_t instructions) {
        m_check_interval = instructions < 1 ? 1 : instructions;
    }
    double switch_interval() const;
    void set_switch_interval(double seconds);
    // How many waiters may spin at once instead of sleeping (default: the cores available to the
    // process but one); tests set 0 to check what holds without spinning (a single core).
    void set_spin_slots(int slots);

    GilStats stats() const;

    // ====== Finalization and fork
    // From now on only `finalizer` (the thread finalizing the runtime) may hold the GIL.
    void begin_finalization(ThreadState& finalizer);
    bool is_finalizing() const;
    // In the child of fork(): `survivor` (the forking thread, holding the GIL) is the only thread,
    // and the main one from now on; the other ThreadStates are dropped (their objects are
    // released; the VM's own main state stays, unused) and the lock is made anew.
    void reinit_after_fork(ThreadState& survivor);

    struct Core; // the synchronisation state (vm/gil.cpp)

private:
    Gil() = default;
    ~Gil();
    VM* m_vm = nullptr;
    Core* m_core = nullptr;
    int32_t m_check_interval = 100;
    double m_switch_interval = 0.005;
    size_t m_stack_size = 0;
};

// Releases the GIL for the lifetime of the object, around a blocking call that touches no Python
// object: `{ ReleaseGil unlocked(vm); n = ::read(fd, buffer, size); }`. Taking it back gives the
// thread priority (the convoy fix above). Must be made by the thread holding the GIL. While the VM
// runs no other thread the GIL is kept (nobody could want it: only a holder starts threads).
class ReleaseGil {
public:
    explicit ReleaseGil(VM& vm);
    ~ReleaseGil();
    ReleaseGil(const ReleaseGil&) = delete;
    ReleaseGil& operator=(const ReleaseGil&) = delete;

private:
    Gil& m_gil;
    ThreadState& m_state;
    bool m_dropped;
};

// The eval breaker (CPython's eval_breaker): refills the instruction countdown, offers the GIL when
// drop_wanted(), and, in the VM's main thread, runs pending signal handlers. Status::error when a
// handler raised (KeyboardInterrupt).
[[nodiscard]] Status eval_breaker(VM& vm);

class Runtime;

// CPython's wait_for_thread_shutdown, the first step of finalization: when `threading` was
// imported, calls threading._shutdown() (which waits for the non-daemon threads); what it raises
// is reported on stderr ("Exception ignored in: <module 'threading' ...>") and dropped. Then
// stops every other thread (Gil::begin_finalization). Called by the `minipy` command and the
// embedding API before the runtime is finalized.
void finish_threads(Runtime& runtime);

// The thread identifiers of _thread.get_ident() and get_native_id() for the calling thread.
uint64_t current_thread_ident();
uint64_t current_native_thread_id();

} // namespace minipy::vm
