// The GIL: direct hand-off to a FIFO of waiters, urgent waiters (back from blocking calls) first.
// The design and its invariants are in vm/gil.h. Refinements found by measuring (issue #5):
//  - urgent waiters only borrow the GIL: a holder that drops for them before its turn is over
//    goes back ahead of the normal waiters and finishes its turn (Gil::yield), so I/O does not
//    make CPU-bound threads rotate (each rotation is an OS wake-up that competes with the I/O
//    threads for the cores);
//  - and only for a bounded share: the time the CPU-bound threads lose to urgent holders is a
//    debt they get back before urgent waiters may interrupt them again (urgent_allowance_ns), so
//    back-to-back I/O cannot starve them, while a thread making several short blocking calls in
//    a row keeps the GIL through them within its allowance;
//  - waiters spin before they sleep only when the wait is short (an urgent waiter, a lender
//    waiting for the borrower, a lock waiter in a ping-pong) and only while a core is free for it
//    (spin_slots): on 2 cores a spinner would otherwise take the CPU of the thread it waits for;
//    and only while spinning pays (spin_credit_max): on a loaded machine the thread waited for is
//    often not on a CPU, and a spinner only takes one more from it;
//  - a CPU-bound holder asked to drop for an urgent waiter that sleeps wakes it first and runs
//    on while it wakes up (Gil::yield's may_defer), instead of leaving the GIL idle for a wake-up;
//  - threads back from blocking calls ask the OS for short time slices (set_time_slice), so that
//    on waking they preempt a CPU-bound thread instead of queueing behind it for milliseconds,
//    and CPU-bound threads get their lost time back (owed_ns) so that each gets an equal share
//    of CPU time, not only of wall-clock turns.
#include "vm/gil.h"

#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <ctime>
#include <deque>
#include <mutex>
#include <new>
#include <string>

#include "gc/collector.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/signals.h"
#include "vm/thread_state.h"
#include "vm/traceback.h"
#include "vm/types/dict.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::vm {

namespace {

int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A waiting thread's parking word (Core::parkers, one per registered thread) goes through these
// states; the waiter reads it without the mutex, the others change it under the mutex.
constexpr uint32_t park_waiting = 0;  // queued, awake (an urgent waiter spins a little)
constexpr uint32_t park_offered = 1;  // handed the GIL but not running yet: an urgent taker may
                                      // revoke the offer (the lazy hand-over, see take)
constexpr uint32_t park_granted = 2;  // the GIL is its own (an urgent grant, or a confirmed offer)
constexpr uint32_t park_sleeping = 3; // queued, asleep on the futex
constexpr uint32_t park_spinning = 4; // queued, awake, spinning in one of the spin slots
                                      // (Core::spinners): whoever moves the word away from this
                                      // state (the granter, or the spinner giving up) frees it
constexpr uint32_t park_nudged = 5;   // an urgent waiter woken by the holder ahead of its grant
                                      // (asleep still, or waking): see Gil::yield

static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t) &&
              std::atomic<uint32_t>::is_always_lock_free);

void futex_wait(std::atomic<uint32_t>& word, uint32_t expected) {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAIT_PRIVATE, expected, nullptr,
            nullptr, 0);
}

// As futex_wait, at most `timeout_ns` (negative: no limit); 0 when woken (or the word changed),
// else ETIMEDOUT or EINTR (a signal handler ran).
int futex_wait_for(std::atomic<uint32_t>& word, uint32_t expected, int64_t timeout_ns) {
    timespec relative{};
    if (timeout_ns >= 0) {
        relative.tv_sec = static_cast<time_t>(timeout_ns / 1'000'000'000);
        relative.tv_nsec = static_cast<long>(timeout_ns % 1'000'000'000);
    }
    long result = syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAIT_PRIVATE,
                          expected, timeout_ns >= 0 ? &relative : nullptr, nullptr, 0);
    if (result == 0)
        return 0;
    int error = errno;
    return error == ETIMEDOUT || error == EINTR ? error : 0;
}

void futex_wake(std::atomic<uint32_t>& word) {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr,
            0);
}

void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

// How long a waiter allowed to spin (Gil::Core::take_spin_slot) stays awake before it sleeps on
// its futex word; waking a sleeper costs 10-50 us on a VM, longer than these waits usually are:
//  - a thread back from a blocking call (urgent): the holder drops for it at its next check, a
//    few microseconds away, or once the CPU-bound threads' guaranteed share is run (debt below);
//  - a holder that lent the GIL to urgent waiters: they usually hold it for a few microseconds.
//  - a thread waiting for a lock (or an Event, a Condition: they wait on locks): in a ping-pong
//    between two threads the partner answers within a few microseconds, and a sleeper would pay
//    the wake-up twice per round trip.
constexpr int64_t urgent_spin_ns = 100'000;
constexpr int64_t lender_spin_ns = 100'000;
constexpr int64_t lock_spin_ns = 60'000;
// A lock waiter stops spinning when the GIL's new holder has not started running for this long.
constexpr int64_t lock_stall_ns = 10'000;

// A CPU-bound holder asked to drop for an urgent waiter that sleeps wakes it first and runs on
// while it wakes up (tens of microseconds on a VM, during which the GIL would otherwise be idle,
// and count as the CPU-bound threads' debt), then hands over at its first check after the waiter
// is up and spinning; it waits at most nudge_wait_ns for that. The woken waiter spins at most
// nudge_spin_ns for the grant before it sleeps again. Only while spinning pays (spin_credit):
// on a loaded machine the woken waiter often lands on the holder's CPU and delays it.
constexpr int64_t nudge_wait_ns = 200'000;
constexpr int64_t nudge_spin_ns = 200'000;

// Spinning adapts to how often it pays (Core::spin_credit, one for all the GIL's threads): a
// spin that ends with the grant earns a credit, one that gives up (timed out, or the thread it
// waits for is not running: the machine's cores are busy) costs spin_loss_cost. Without credit
// waiters sleep at once, except for a burst of spin_probe_burst waits in a row every
// spin_probe_every waits, which learns when spinning pays again: a burst, since a waiter's spin
// usually pays only if the thread it waits for spun too (a ping-pong). On an idle machine a spin
// saves a sleeper's wake-up (tens of microseconds on a VM); on a loaded one the thread waited for
// is often not on a CPU, and spinning would only take a CPU from it.
constexpr int32_t spin_credit_max = 12;
constexpr int32_t spin_loss_cost = 3;
constexpr uint32_t spin_probe_every = 64;
constexpr uint32_t spin_probe_burst = 4;

// While no urgent waiter waits, the holder's check reads the clock only once in this many checks.
constexpr uint32_t check_clock_every = 16;

// How long a thread handed a lock waits for the releaser to block or drop by itself before it
// asks for a forced switch.
constexpr int64_t lock_grace_ns = 50'000;

// The CPU-bound threads' guaranteed share (Gil::Core::debt_ns): urgent waiters (threads back
// from blocking calls) only borrow the GIL. The time the GIL spends away from the CPU-bound
// threads while one of them waits (held by urgent threads, or in transit between threads) is
// their debt; once it exceeds urgent_allowance_ns, the next CPU-bound holder runs
// debt * cpu_per_urgent_pct / 100 before urgent waiters may make it drop (and a thread back from
// a short blocking call can no longer take back an offer). The allowance lets a thread making
// several blocking calls in a row (a reader taking a request byte by byte) keep the GIL through
// them; the cap bounds the wait of an I/O thread behind a CPU-bound one after a long urgent hold.
constexpr int64_t urgent_allowance_ns = 20'000;
constexpr int64_t cpu_per_urgent_pct = 100;
constexpr int64_t debt_cap_ns = 200'000;

// An urgent holder (a thread back from a blocking call) is not made to drop for other urgent
// waiters before it ran this long: it usually blocks again sooner, and two I/O threads handing
// the GIL to each other at every check would only slow both.
constexpr int64_t urgent_hold_ns = 100'000;

// How many waiters may spin at once: one core is the holder's, the others may spin (none on a
// single core, where a spinner would only delay the holder).
int spin_slots() {
    cpu_set_t set;
    CPU_ZERO(&set);
    int cores = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
    return std::max(0, cores - 1);
}

// How a waiter waits: asleep at once (a CPU-bound thread waiting for its turn: the wait is long),
// or spinning first while a core is free.
enum class Spin : uint8_t { never, urgent, lender };

// A registered thread's parking word.
struct Parker {
    explicit Parker(uint32_t state) : word(state) {}
    std::atomic<uint32_t> word;
    // Whether its thread runs on short OS time slices (its own field): 0 no, 1 yes, -1 not known
    // yet (a new thread inherits its creator's).
    int8_t short_slice = -1;
    // Its CPU-bound turns (see begin_turn): the thread's CPU clock when the current one began
    // (-1: none counted), the extension it was given, and the time it is owed.
    int64_t turn_cpu_start = -1;
    int64_t turn_extension = 0;
    int64_t owed_ns = 0;
};

int64_t thread_cpu_ns() {
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) != 0)
        return -1;
    return static_cast<int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Turns are measured in wall-clock time (the switch interval), but a thread whose CPU is shared
// with another process meanwhile gets less of its turn than the others: the part of a turn its
// thread did not run (wall-clock time minus the thread's CPU time) is owed to it and added to
// its next turn (at most one switch interval), so CPU-bound threads get equal CPU time, not
// only equal turns.
void begin_turn(Parker& parker) {
    parker.turn_cpu_start = thread_cpu_ns();
    parker.turn_extension = 0;
}

// At the end of a turn that ran `ran_ns` (not counting its extension): books what the OS did not
// give it.
void end_turn(Parker& parker, int64_t ran_ns, int64_t interval_ns) {
    if (parker.turn_cpu_start < 0)
        return;
    int64_t cpu = thread_cpu_ns() - parker.turn_cpu_start;
    int64_t lost = ran_ns + parker.turn_extension - cpu;
    parker.owed_ns = std::clamp<int64_t>(lost, 0, interval_ns);
    parker.turn_cpu_start = -1;
}

// The calling thread's OS time slice (Linux's EEVDF scheduler, 6.6 and later: sched_setattr's
// sched_runtime for a SCHED_OTHER thread; 0 is the default, a few milliseconds). A thread waking
// up on a CPU where another runs gets it at once only if its slice is shorter; with the default
// it may wait for the rest of the other's slice. So a thread back from a blocking call (an I/O
// thread) asks for the shortest slice, and a thread that ran a whole turn of the GIL (CPU-bound)
// goes back to the default, so that the I/O threads preempt it, not it them. Threads given
// another policy or a slice by the program are left alone; kernels without the feature ignore
// it.
constexpr uint64_t short_slice_ns = 100'000; // the kernel's least
constexpr uint64_t reset_on_fork = 1;        // SCHED_FLAG_RESET_ON_FORK

void set_time_slice(Parker& parker, bool short_slice) {
    if (parker.short_slice == (short_slice ? 1 : 0))
        return;
    parker.short_slice = short_slice ? 1 : 0;
    struct Attributes { // struct sched_attr, its first version (48 bytes)
        uint32_t size, policy;
        uint64_t flags;
        int32_t nice;
        uint32_t priority;
        uint64_t runtime, deadline, period;
    } attributes{};
    // sched_getattr gives the nice value (kept) and the slice in force (the default or the
    // program's own: only one of ours is put back to the default).
    if (syscall(SYS_sched_getattr, 0, &attributes, sizeof attributes, 0) != 0 ||
        attributes.policy != SCHED_OTHER ||
        (short_slice ? attributes.runtime <= short_slice_ns : attributes.runtime != short_slice_ns))
        return;
    attributes.size = sizeof attributes;
    attributes.flags &= reset_on_fork;
    attributes.runtime = short_slice ? short_slice_ns : 0;
    syscall(SYS_sched_setattr, 0, &attributes, 0);
}

// One thread waiting for the GIL; lives on that thread's stack until it is granted.
struct Waiter {
    Waiter(ThreadState* waiting, std::atomic<uint32_t>* parker, bool is_urgent, int64_t start)
        : state(waiting), word(parker), urgent(is_urgent), since(start) {}
    ThreadState* state;
    std::atomic<uint32_t>* word;
    bool urgent;
    int64_t since;          // when it began to wait
    int64_t due = since;    // urgent: when the holder should drop for it
    int64_t recorded = 0;   // the wait counted in its stats at the last grant
    bool nudgeable = false; // it waits in await_grant, which answers a wake-up ahead of the grant
    int64_t nudged_at = -1; // when the holder woke it ahead of its grant (Gil::yield)
};

} // namespace

// A thread waiting for a lock (Gil::wait_for_lock); lives on its stack.
struct LockWaiter {
    Waiter* waiter;
    LockWaiter* next = nullptr;
    bool queued = true; // still waiting for the lock (false: the lock was handed to it)
};

struct Gil::Core {
    std::mutex mutex;
    ThreadState* holder = nullptr;
    ThreadState* main = nullptr;
    // Urgent waiters first (FIFO among them), then the normal ones (FIFO).
    std::deque<Waiter*> queue;
    size_t urgent_count = 0;
    bool finalizing = false;
    ThreadState* finalizer = nullptr;
    std::vector<ThreadState*> threads; // every registered ThreadState but the main one
    GilStats stats;
    // The parking word of each thread, by ThreadState::stats_index (a deque: never moves).
    std::deque<Parker> parkers;
    // When the holder was handed the GIL by an offer (a normal waiter, not running yet): that
    // waiter; an urgent taker may take the GIL back from it until it confirms (see take).
    Waiter* offered = nullptr;
    std::atomic<uint32_t>* offered_word = nullptr;
    // Read by the holder's check without the mutex.
    std::atomic<int32_t> waiting{0};
    // The earliest time an urgent waiter wants the holder to drop at its next check (INT64_MAX:
    // none): at once for a thread back from a blocking call, after lock_grace_ns for one handed a
    // lock (the releaser usually blocks itself soon, and then no forced switch is needed).
    std::atomic<int64_t> urgent_due{INT64_MAX};
    // When the first waiter began to wait, or the holder began to run, whichever is later (steady
    // ns): the switch interval counts from there.
    std::atomic<int64_t> head_since{0};
    std::atomic<int64_t> interval_ns{5'000'000};
    std::atomic<size_t> thread_count{0};
    // Counts the forks this GIL went through (lock queues of an older one hold dead threads).
    uint64_t generation = 0;

    // The CPU-bound threads' guaranteed share (see urgent_allowance_ns), mutex held unless said:
    // the time owed to them, the holder's kind (true: it came as an urgent waiter or took an
    // offer back) and when it was handed the GIL.
    int64_t debt_ns = 0;
    bool holder_urgent = false;
    int64_t granted_at = 0;
    bool last_grant_urgent = false; // the kind of the waiter grant_next chose last
    // Written by the holder itself when it starts to run (no mutex): when, and until when urgent
    // waiters may not make it drop (handed to it at the grant in protect_ns: a CPU-bound
    // holder's share, or urgent_hold_ns for an urgent one).
    std::atomic<int64_t> running_since{0};
    std::atomic<bool> holder_running{true}; // false from a grant until the new holder runs
    std::atomic<int64_t> protect_ns{0};
    std::atomic<int64_t> protect_until{0};
    // The holder's checks, counted while only the switch interval can end its turn (drop_wanted).
    std::atomic<uint32_t> checks{0};
    // Waiters spinning now, and how many may (spin_slots: the cores but the holder's).
    std::atomic<int> spinners{0};
    std::atomic<int> max_spinners{spin_slots()};
    // Spins begun, and those that ended with the grant (sys._gilstats()).
    std::atomic<uint64_t> spins{0};
    std::atomic<uint64_t> spin_wins{0};
    // Whether spinning pays lately (see spin_credit_max), and the waits seen without credit.
    std::atomic<int32_t> spin_credit{spin_credit_max};
    std::atomic<uint32_t> waits_without_credit{0};

    std::atomic<uint32_t>& parker(const ThreadState& state) {
        return parkers[state.stats_index].word;
    }
    Parker& record(const ThreadState& state) { return parkers[state.stats_index]; }

    bool take_spin_slot() {
        int count = spinners.load(std::memory_order_relaxed);
        while (count < max_spinners.load(std::memory_order_relaxed))
            if (spinners.compare_exchange_weak(count, count + 1, std::memory_order_relaxed))
                return true;
        return false;
    }

    // Turns the word of `parker` (its own thread's) from `from` (an awake waiter's state) to
    // park_spinning if spinning pays lately (see spin_credit_max) and a spin slot is free (false:
    // no, or the word changed meanwhile; the caller then sleeps as usual).
    bool start_spinning(Parker& parker, uint32_t from) {
        if (spin_credit.load(std::memory_order_relaxed) <= 0 &&
            waits_without_credit.fetch_add(1, std::memory_order_relaxed) % spin_probe_every >=
                spin_probe_burst)
            return false;
        if (!take_spin_slot())
            return false;
        if (parker.word.compare_exchange_strong(from, park_spinning, std::memory_order_acq_rel)) {
            spins.fetch_add(1, std::memory_order_relaxed);
            return true;
        }
        spinners.fetch_sub(1, std::memory_order_relaxed);
        return false;
    }

    void add_spin_credit(int32_t change) {
        int32_t credit = spin_credit.load(std::memory_order_relaxed);
        while (!spin_credit.compare_exchange_weak(
            credit, std::clamp(credit + change, 0, spin_credit_max), std::memory_order_relaxed)) {
        }
    }

    // A spinner stops: its word goes to `to` and its slot is freed, unless a granter changed the
    // word first (and freed the slot): a win. `gave_up`: it stopped because the wait looked long
    // (not because spinning could not help: the holder not running, or protected).
    void stop_spinning(Parker& parker, uint32_t to, bool gave_up) {
        uint32_t expected = park_spinning;
        if (parker.word.compare_exchange_strong(expected, to, std::memory_order_acq_rel)) {
            spinners.fetch_sub(1, std::memory_order_relaxed);
            if (gave_up)
                add_spin_credit(-spin_loss_cost);
        } else {
            spin_wins.fetch_add(1, std::memory_order_relaxed);
            add_spin_credit(1);
        }
    }

    // Waits (without the mutex) until `word` says the GIL is this thread's; confirms an offer.
    // Spins first while a core is free (see Spin), then sleeps; a waiter woken for an offer that
    // was taken back meanwhile sleeps again (the debt stops that from starving it).
    void await_grant(Parker& parker, Spin spin, Waiter* waiter = nullptr) {
        std::atomic<uint32_t>& word = parker.word;
        if (spin != Spin::never && start_spinning(parker, park_waiting)) {
            // Only while the holder runs: one being woken needs a core, maybe this one.
            int64_t until = now_ns() + (spin == Spin::urgent ? urgent_spin_ns : lender_spin_ns);
            bool gave_up = false;
            // An urgent waiter's holder runs bytecode and so reaches checks every microsecond
            // or two: if it does not, it is not on a CPU (maybe waiting for this one).
            uint32_t seen_checks = checks.load(std::memory_order_relaxed);
            int64_t progress_at = now_ns();
            for (int round = 1; word.load(std::memory_order_relaxed) == park_spinning; ++round) {
                cpu_relax();
                if (round % 16 != 0)
                    continue;
                if (!holder_running.load(std::memory_order_relaxed) ||
                    protect_until.load(std::memory_order_relaxed) > until)
                    break;
                int64_t now = now_ns();
                uint32_t count = checks.load(std::memory_order_relaxed);
                if (count != seen_checks) {
                    seen_checks = count;
                    progress_at = now;
                }
                if (now > until || (spin == Spin::urgent && now - progress_at > lock_stall_ns)) {
                    gave_up = true;
                    break;
                }
            }
            stop_spinning(parker, park_waiting, gave_up);
        }
        for (;;) {
            uint32_t seen = word.load(std::memory_order_acquire);
            if (seen == park_granted)
                return;
            if (seen == park_offered) {
                if (word.compare_exchange_strong(seen, park_granted, std::memory_order_acq_rel))
                    return;
                continue; // taken back meanwhile
            }
            if (seen == park_nudged) {
                spin_until_granted(word, *waiter);
                continue;
            }
            if (seen == park_waiting &&
                !word.compare_exchange_strong(seen, park_sleeping, std::memory_order_acq_rel))
                continue;
            futex_wait(word, park_sleeping);
        }
    }

    // An urgent waiter woken ahead of its grant (park_nudged): it is up now; it asks the holder
    // to drop at its next check and spins for the grant (a spin slot of its own: the holder
    // keeps its core), at most nudge_spin_ns, then sleeps again.
    void spin_until_granted(std::atomic<uint32_t>& word, Waiter& waiter) {
        spinners.fetch_add(1, std::memory_order_relaxed);
        uint32_t expected = park_nudged;
        if (!word.compare_exchange_strong(expected, park_spinning, std::memory_order_acq_rel)) {
            spinners.fetch_sub(1, std::memory_order_relaxed);
            return;
        }
        int64_t until = now_ns() + nudge_spin_ns;
        {
            std::lock_guard<std::mutex> lock(mutex);
            waiter.due = now_ns();
            update_urgent_due();
        }
        // Only while the holder reaches its checks: if it does not run (it waits for a CPU,
        // maybe this one), spinning only delays it.
        uint32_t seen_checks = checks.load(std::memory_order_relaxed);
        int64_t progress_at = now_ns();
        for (int round = 1; word.load(std::memory_order_relaxed) == park_spinning; ++round) {
            cpu_relax();
            if (round % 16 != 0)
                continue;
            int64_t now = now_ns();
            uint32_t count = checks.load(std::memory_order_relaxed);
            if (count != seen_checks) {
                seen_checks = count;
                progress_at = now;
            }
            if (now > until || now - progress_at > lock_stall_ns)
                break;
        }
        expected = park_spinning;
        if (word.compare_exchange_strong(expected, park_sleeping, std::memory_order_acq_rel)) {
            spinners.fetch_sub(1, std::memory_order_relaxed);
            add_spin_credit(-spin_loss_cost);
        } else {
            add_spin_credit(1);
        }
    }

    // Called by a thread once the GIL is its own and it starts to run (no mutex needed: only the
    // holder writes these).
    void started() {
        int64_t now = now_ns();
        running_since.store(now, std::memory_order_relaxed);
        protect_until.store(now + protect_ns.load(std::memory_order_relaxed),
                            std::memory_order_relaxed);
        head_since.store(now, std::memory_order_relaxed);
        holder_running.store(true, std::memory_order_relaxed);
    }

    bool normal_waiting() const { return queue.size() > urgent_count; }

    // Books the current holder's time into the debt, before the GIL changes hands (mutex held):
    // its transit (granted, not running yet) and, for an urgent holder keeping CPU-bound waiters
    // out, its run add to it; a CPU-bound holder's run pays it off.
    void settle(int64_t now) {
        if (!holder)
            return;
        int64_t start = running_since.load(std::memory_order_relaxed);
        bool ran = start >= granted_at;
        int64_t run = ran ? now - start : 0;
        int64_t transit = (ran ? start : now) - granted_at;
        if (!holder_urgent)
            debt_ns += transit - run * 100 / cpu_per_urgent_pct;
        else if (normal_waiting())
            debt_ns += transit + run;
        debt_ns = std::clamp<int64_t>(debt_ns, 0, debt_cap_ns);
    }

    // Makes `state` the holder (mutex held); a CPU-bound one gets its share to run (protect_ns).
    void begin_hold(ThreadState* state, bool urgent, int64_t now) {
        holder = state;
        holder_urgent = urgent;
        granted_at = now;
        holder_running.store(false, std::memory_order_relaxed);
        int64_t share = urgent ? urgent_hold_ns : 0;
        if (!urgent && debt_ns > urgent_allowance_ns)
            share = debt_ns * cpu_per_urgent_pct / 100;
        protect_ns.store(share, std::memory_order_relaxed);
    }

    // Picks the next holder (mutex held) and tells it. Returns the word to wake with futex_wake
    // once the mutex is let go (null: none asleep). Urgent waiters go first, unless an urgent
    // holder lets go while the CPU-bound waiters are owed more than the allowance. After
    // begin_finalization only the finalizer may have it.
    std::atomic<uint32_t>* grant_next() {
        int64_t now = now_ns();
        settle(now);
        offered = nullptr;
        offered_word = nullptr;
        auto chosen = queue.end();
        if (!finalizing) {
            chosen = queue.begin();
            if (holder_urgent && urgent_count > 0 && normal_waiting() &&
                debt_ns > urgent_allowance_ns)
                chosen += static_cast<std::ptrdiff_t>(urgent_count);
        } else {
            chosen = std::find_if(queue.begin(), queue.end(),
                                  [&](const Waiter* waiter) { return waiter->state == finalizer; });
        }
        if (chosen == queue.end()) {
            holder = nullptr;
            return nullptr;
        }
        Waiter* next = *chosen;
        queue.erase(chosen);
        waiting.fetch_sub(1, std::memory_order_relaxed);
        if (next->urgent) {
            --urgent_count;
            update_urgent_due();
        }
        last_grant_urgent = next->urgent;
        begin_hold(next->state, next->urgent, now);
        ++stats.switches;
        head_since.store(now, std::memory_order_relaxed);
        next->recorded = now - next->since;
        GilThreadStats& record = stats.threads[next->state->stats_index];
        ++record.waits;
        record.total_wait_ns += next->recorded;
        record.longest_wait_ns = std::max(record.longest_wait_ns, next->recorded);
        uint32_t grant = park_granted;
        if (!next->urgent && !finalizing) {
            grant = park_offered;
            offered = next;
            offered_word = next->word;
        }
        // After this exchange the waiter may run and leave: `next` is not read again.
        std::atomic<uint32_t>* word = next->word;
        uint32_t before = word->exchange(grant, std::memory_order_acq_rel);
        if (before == park_spinning) // its spin slot is free again from now on
            spinners.fetch_sub(1, std::memory_order_relaxed);
        return before == park_sleeping ? word : nullptr;
    }

    // An urgent taker (`taker`) finds the GIL offered to a normal waiter that has not started
    // running: takes the offer back (mutex held), puts that waiter back at the head of the normal
    // waiters and makes the taker the holder. False when the waiter confirmed it first (it
    // runs; the taker must queue), or when the CPU-bound threads are owed more than the
    // allowance (the waiter is theirs).
    bool revoke_offer(ThreadState* taker) {
        if (!offered)
            return false;
        int64_t now = now_ns();
        if (debt_ns + (now - granted_at) > urgent_allowance_ns)
            return false;
        uint32_t expected = park_offered;
        Waiter* waiter = offered;
        bool revoked = offered_word->compare_exchange_strong(expected, park_waiting,
                                                             std::memory_order_acq_rel);
        offered = nullptr;
        offered_word = nullptr;
        if (!revoked)
            return false;
        settle(now);
        // It keeps its place (and its time of arrival) as if never served.
        GilThreadStats& record = stats.threads[waiter->state->stats_index];
        --record.waits;
        record.total_wait_ns -= waiter->recorded;
        --stats.switches;
        ++stats.revoked_offers;
        auto position = std::find_if(queue.begin(), queue.end(),
                                     [](const Waiter* other) { return !other->urgent; });
        queue.insert(position, waiter);
        waiting.fetch_add(1, std::memory_order_relaxed);
        begin_hold(taker, true, now);
        return true;
    }

    void update_urgent_due() {
        int64_t due = INT64_MAX;
        for (size_t index = 0; index < urgent_count && index < queue.size(); ++index)
            due = std::min(due, queue[index]->due);
        urgent_due.store(due, std::memory_order_relaxed);
    }

    // Queues `waiter` (mutex held). `asleep`: it sleeps on its word already (a lock waiter).
    // `front`: ahead of the other normal waiters (a holder that let urgent waiters go first).
    void enqueue(Waiter& waiter, bool asleep = false, bool front = false) {
        ++stats.requests;
        if (!asleep)
            waiter.word->store(park_waiting, std::memory_order_relaxed);
        bool was_empty = queue.empty();
        if (waiter.urgent) {
            ++stats.priority_requests;
            auto position = std::find_if(queue.begin(), queue.end(),
                                         [](const Waiter* other) { return !other->urgent; });
            queue.insert(position, &waiter);
            ++urgent_count;
            if (waiter.due < urgent_due.load(std::memory_order_relaxed))
                urgent_due.store(waiter.due, std::memory_order_relaxed);
        } else if (front) {
            queue.insert(queue.begin() + static_cast<std::ptrdiff_t>(urgent_count), &waiter);
        } else {
            queue.push_back(&waiter);
        }
        waiting.fetch_add(1, std::memory_order_relaxed);
        if (was_empty)
            head_since.store(waiter.since, std::memory_order_relaxed);
    }

    // The waiters of `queue` (mutex held), emptied first if it belongs to a GIL before a fork.
    LockWaitQueue& lock_queue(LockWaitQueue& lock) const {
        if (lock.generation != generation) {
            lock.head = nullptr;
            lock.tail = nullptr;
            lock.generation = generation;
        }
        return lock;
    }

    // Takes the GIL for `waiter`'s thread (mutex held, through `lock`, which is let go): at once
    // if it is free or only offered, else as an urgent waiter.
    void take_urgent(std::unique_lock<std::mutex>& lock, Waiter& waiter) {
        if (finalizing && waiter.state != finalizer)
            block_forever(lock);
        if (!holder) {
            begin_hold(waiter.state, true, now_ns());
            lock.unlock();
            return;
        }
        if (revoke_offer(waiter.state)) {
            lock.unlock();
            return;
        }
        waiter.nudgeable = true;
        enqueue(waiter);
        lock.unlock();
        await_grant(record(*waiter.state), Spin::urgent, &waiter);
    }

    // A thread that may no longer run (finalization started): never returns.
    [[noreturn]] static void block_forever(std::unique_lock<std::mutex>& lock) {
        std::condition_variable never;
        for (;;)
            never.wait(lock);
    }
};

namespace {

// The runtime's per-thread fields go into `state` (it lets the GIL go).
void park(VM& vm, ThreadState& state) {
    if (Runtime* rt = vm.runtime()) {
        rt->frames().swap(state.saved_frames);
        state.saved_frame = rt->current_frame();
        rt->set_current_frame(nullptr);
        rt->park_exc_info(state.saved_handled, state.saved_exc_info);
    }
}

// ... and come back from it (it holds the GIL again).
void unpark(VM& vm, ThreadState& state) {
    vm.set_current_thread_state(&state);
    if (Runtime* rt = vm.runtime()) {
        rt->frames().swap(state.saved_frames);
        rt->set_current_frame(state.saved_frame);
        state.saved_frame = nullptr;
        rt->unpark_exc_info(state.saved_handled, state.saved_exc_info);
    }
}

} // namespace

uint64_t current_thread_ident() {
    return static_cast<uint64_t>(pthread_self());
}

uint64_t current_native_thread_id() {
    return static_cast<uint64_t>(syscall(SYS_gettid));
}

// ====== Life cycle

Gil* Gil::create(VM& vm, ThreadState& main) {
    Gil* gil = new (std::nothrow) Gil();
    if (!gil)
        return nullptr;
    gil->m_vm = &vm;
    gil->m_core = new (std::nothrow) Core();
    if (!gil->m_core) {
        delete gil;
        return nullptr;
    }
    Core& core = *gil->m_core;
    core.holder = &main;
    core.main = &main;
    main.ident = current_thread_ident();
    main.native_id = current_native_thread_id();
    main.stats_index = 0;
    try {
        core.stats.threads.push_back(GilThreadStats{main.ident, 0, 0, 0, true});
        core.parkers.emplace_back(park_granted);
    } catch (...) {
        delete gil;
        return nullptr;
    }
    main.set_eval_ticks(gil->m_check_interval);
    return gil;
}

Gil::~Gil() {
    delete m_core;
}

void Gil::destroy(Gil* gil) {
    if (!gil)
        return;
    bool others = false;
    {
        std::lock_guard<std::mutex> lock(gil->m_core->mutex);
        others = !gil->m_core->threads.empty();
    }
    if (others)
        return; // blocked daemon threads still use it (vm/gil.h): leaked on purpose
    delete gil;
}

// ====== Thread states

ThreadState* Gil::new_thread_state() {
    auto* state = new (std::nothrow) ThreadState(*m_vm);
    if (!state)
        return nullptr;
    state->set_eval_ticks(m_check_interval);
    std::lock_guard<std::mutex> lock(m_core->mutex);
    Core& core = *m_core;
    size_t threads = core.threads.size();
    size_t records = core.stats.threads.size();
    try {
        core.threads.push_back(state);
        core.stats.threads.push_back(GilThreadStats{});
        core.parkers.emplace_back(park_waiting);
    } catch (...) {
        core.threads.resize(threads);
        core.stats.threads.resize(records);
        if (core.parkers.size() > records)
            core.parkers.pop_back();
        delete state;
        return nullptr;
    }
    state->stats_index = m_core->stats.threads.size() - 1;
    m_core->thread_count.fetch_add(1, std::memory_order_relaxed);
    return state;
}

void Gil::delete_thread_state(ThreadState* state) {
    park(*m_vm, *state);
    std::atomic<uint32_t>* wake = nullptr;
    {
        std::lock_guard<std::mutex> lock(m_core->mutex);
        auto& threads = m_core->threads;
        threads.erase(std::remove(threads.begin(), threads.end(), state), threads.end());
        m_core->stats.threads[state->stats_index].alive = false;
        m_core->thread_count.fetch_sub(1, std::memory_order_relaxed);
        if (m_core->main == state) // the thread that forked, ending in the child
            m_core->main = nullptr;
        wake = m_core->grant_next();
    }
    if (wake)
        futex_wake(*wake);
    delete state;
}

void Gil::delete_thread_state_unstarted(ThreadState* state) {
    {
        std::lock_guard<std::mutex> lock(m_core->mutex);
        auto& threads = m_core->threads;
        threads.erase(std::remove(threads.begin(), threads.end(), state), threads.end());
        m_core->stats.threads[state->stats_index].alive = false;
        m_core->thread_count.fetch_sub(1, std::memory_order_relaxed);
    }
    delete state;
}

bool Gil::is_main_thread(const ThreadState& state) const {
    return &state == m_core->main; // changed only by a fork, in the child, before it runs threads
}

size_t Gil::thread_count() const {
    return m_core->thread_count.load(std::memory_order_relaxed);
}

// ====== Taking and letting go

void Gil::take(ThreadState& state, Priority priority) {
    int64_t since = now_ns();
    bool urgent = priority == Priority::urgent;
    std::unique_lock<std::mutex> lock(m_core->mutex);
    Core& core = *m_core;
    if (core.finalizing && &state != core.finalizer)
        Core::block_forever(lock);
    core.stats.threads[state.stats_index].ident = state.ident;
    if (!core.holder) {
        core.begin_hold(&state, urgent, since);
        core.offered = nullptr;
        core.offered_word = nullptr;
        lock.unlock();
    } else if (urgent && core.revoke_offer(&state)) {
        // The lazy hand-over: a thread back from a short blocking call takes the GIL back from
        // the waiter it was handed to, if that one has not started running yet.
        lock.unlock();
    } else {
        Waiter waiter{&state, &core.parker(state), urgent, since};
        waiter.nudgeable = urgent;
        core.enqueue(waiter);
        lock.unlock();
        core.await_grant(core.record(state), urgent ? Spin::urgent : Spin::never, &waiter);
    }
    core.started();
    // For its next wake-ups (after the GIL is taken: a lazy hand-over must be quick). A normal
    // take: a thread starting.
    set_time_slice(core.record(state), urgent);
    unpark(*m_vm, state);
}

void Gil::drop(ThreadState& state) {
    park(*m_vm, state);
    std::atomic<uint32_t>* wake = nullptr;
    {
        std::lock_guard<std::mutex> lock(m_core->mutex);
        wake = m_core->grant_next();
    }
    if (wake)
        futex_wake(*wake);
}

bool Gil::drop_wanted() const {
    Core& core = *m_core;
    if (core.waiting.load(std::memory_order_relaxed) == 0)
        return false;
    int64_t interval = core.interval_ns.load(std::memory_order_relaxed);
    if (interval == 0)
        return true;
    // Counted at every check while someone waits: a woken waiter spinning for the GIL sees by
    // it that the holder runs (Core::spin_until_granted).
    uint32_t checks = core.checks.load(std::memory_order_relaxed) + 1;
    core.checks.store(checks, std::memory_order_relaxed);
    if (core.urgent_due.load(std::memory_order_relaxed) == INT64_MAX) {
        // Only the switch interval can end the turn: the clock (75 ns a read on this VM, against
        // about a microsecond of bytecode between two checks) is read at every 16th check.
        if (checks % check_clock_every != 0)
            return false;
    }
    int64_t now = now_ns();
    if (now - core.head_since.load(std::memory_order_relaxed) >= interval)
        return true;
    return now >= core.urgent_due.load(std::memory_order_relaxed) &&
           now >= core.protect_until.load(std::memory_order_relaxed);
}

void Gil::yield(ThreadState& state, bool may_defer) {
    int64_t since = now_ns();
    std::unique_lock<std::mutex> lock(m_core->mutex);
    Core& core = *m_core;
    if (core.queue.empty() || core.finalizing)
        return;
    // A CPU-bound holder runs on while the urgent waiter it drops for wakes up (nudge_wait_ns).
    if (Waiter* head = core.queue.front(); may_defer && head->urgent && head->nudgeable &&
                                           !core.holder_urgent &&
                                           core.spin_credit.load(std::memory_order_relaxed) > 0) {
        if (head->nudged_at < 0) {
            uint32_t asleep = park_sleeping;
            if (head->word->compare_exchange_strong(asleep, park_nudged,
                                                    std::memory_order_acq_rel)) {
                head->nudged_at = since;
                head->due = since + nudge_wait_ns;
                core.update_urgent_due();
                std::atomic<uint32_t>* word = head->word;
                lock.unlock();
                futex_wake(*word);
                return;
            }
        } else if (head->word->load(std::memory_order_acquire) == park_nudged &&
                   since < head->nudged_at + nudge_wait_ns) {
            return; // still waking up
        }
    }
    int64_t interval = core.interval_ns.load(std::memory_order_relaxed);
    int64_t ran = std::max<int64_t>(0, since - core.head_since.load(std::memory_order_relaxed));
    park(*m_vm, state);
    std::atomic<uint32_t>* wake = core.grant_next();
    // Urgent waiters only borrow the GIL: a holder whose turn is not over lets them run, then
    // goes on with the rest of its turn ahead of the normal waiters (their order is kept), and
    // stays awake meanwhile if a core is free (they usually hold it for a few microseconds).
    bool turn_left = interval > 0 && ran < interval && core.last_grant_urgent;
    ++core.stats.forced_switches;
    Waiter waiter{&state, &core.parker(state), false, since};
    core.enqueue(waiter, false, turn_left);
    --core.stats.requests; // the hand-over was the holder's own doing, not a request
    lock.unlock();
    if (wake)
        futex_wake(*wake);
    if (!turn_left) { // a CPU-bound thread
        set_time_slice(core.record(state), false);
        end_turn(core.record(state), ran, interval);
    }
    core.await_grant(core.record(state), turn_left ? Spin::lender : Spin::never);
    core.started();
    if (!turn_left) {
        Parker& parker = core.record(state);
        begin_turn(parker);
        if (parker.owed_ns > 0) {
            parker.turn_extension = parker.owed_ns;
            parker.owed_ns = 0;
            core.head_since.fetch_add(parker.turn_extension, std::memory_order_relaxed);
        }
    }
    if (turn_left)
        core.head_since.store(now_ns() - ran, std::memory_order_relaxed);
    unpark(*m_vm, state);
}

// ====== Lock waits

Gil::LockWait Gil::wait_for_lock(LockWaitQueue& queue, int64_t timeout_ns) {
    ThreadState& state = m_vm->thread_state();
    Core& core = *m_core;
    int64_t start = now_ns();
    int64_t deadline = timeout_ns < 0 ? -1 : start + timeout_ns;
    std::atomic<uint32_t>& word = core.parker(state);
    Waiter waiter{&state, &word, true, start};
    LockWaiter entry{&waiter};
    set_time_slice(core.record(state), true);
    park(*m_vm, state);
    std::atomic<uint32_t>* wake = nullptr;
    {
        std::lock_guard<std::mutex> lock(core.mutex);
        LockWaitQueue& waiters = core.lock_queue(queue);
        if (waiters.tail)
            waiters.tail->next = &entry;
        else
            waiters.head = &entry;
        waiters.tail = &entry;
        word.store(park_waiting, std::memory_order_relaxed);
        wake = core.grant_next();
    }
    if (wake)
        futex_wake(*wake);
    // Spins a little first if a core is free: a lock in a ping-pong comes back within a few
    // microseconds, less than a sleeper's wake-up.
    if (core.start_spinning(core.record(state), park_waiting)) {
        int64_t until = start + lock_spin_ns;
        if (deadline >= 0)
            until = std::min(until, deadline);
        int64_t stalled_since = -1; // since when the GIL's holder is not running
        for (int round = 1; word.load(std::memory_order_relaxed) == park_spinning; ++round) {
            cpu_relax();
            if (round % 16 != 0)
                continue;
            int64_t now = now_ns();
            if (now > until)
                break;
            // A holder that does not start running is waiting for a CPU (maybe this one) or
            // waking up: the lock will not come soon.
            if (core.holder_running.load(std::memory_order_relaxed))
                stalled_since = -1;
            else if (stalled_since < 0)
                stalled_since = now;
            else if (now - stalled_since > lock_stall_ns)
                break;
        }
        core.stop_spinning(core.record(state), park_sleeping, true);
    } else {
        uint32_t awake = park_waiting;
        word.compare_exchange_strong(awake, park_sleeping, std::memory_order_acq_rel);
    }
    LockWait outcome = LockWait::acquired;
    bool handed = false; // the lock is ours: only the GIL is awaited, whatever the time
    while (word.load(std::memory_order_acquire) == park_sleeping) {
        int error = 0;
        if (handed || deadline < 0) {
            error = futex_wait_for(word, park_sleeping, -1);
        } else {
            int64_t left = deadline - now_ns();
            error = left <= 0 ? ETIMEDOUT : futex_wait_for(word, park_sleeping, left);
        }
        if (error == 0 || handed)
            continue;
        // Time is up or a signal came: give up unless the lock was handed over meanwhile.
        std::unique_lock<std::mutex> lock(core.mutex);
        if (!entry.queued) {
            handed = true;
            continue;
        }
        LockWaitQueue& waiters = core.lock_queue(queue);
        LockWaiter* previous = nullptr;
        for (LockWaiter* at = waiters.head; at && at != &entry; at = at->next)
            previous = at;
        (previous ? previous->next : waiters.head) = entry.next;
        if (waiters.tail == &entry)
            waiters.tail = previous;
        outcome = error == EINTR ? LockWait::interrupted : LockWait::timed_out;
        waiter.since = now_ns();
        waiter.due = waiter.since;
        core.take_urgent(lock, waiter);
        break;
    }
    core.started();
    unpark(*m_vm, state);
    return outcome;
}

bool Gil::hand_lock_to_waiter(LockWaitQueue& queue) {
    std::lock_guard<std::mutex> lock(m_core->mutex);
    LockWaitQueue& waiters = m_core->lock_queue(queue);
    LockWaiter* first = waiters.head;
    if (!first)
        return false;
    waiters.head = first->next;
    if (!waiters.head)
        waiters.tail = nullptr;
    first->queued = false;
    // From now on it waits for the GIL, asleep still: the granter wakes it.
    first->waiter->since = now_ns();
    first->waiter->due = first->waiter->since + lock_grace_ns;
    m_core->enqueue(*first->waiter, true);
    return true;
}

// ====== Settings and counters

double Gil::switch_interval() const {
    return m_switch_interval;
}

void Gil::set_switch_interval(double seconds) {
    m_switch_interval = seconds;
    double nanoseconds = seconds * 1e9;
    m_core->interval_ns.store(nanoseconds >= 9e18 ? INT64_MAX : static_cast<int64_t>(nanoseconds),
                              std::memory_order_relaxed);
}

void Gil::set_spin_slots(int slots) {
    std::lock_guard<std::mutex> lock(m_core->mutex);
    m_core->max_spinners.store(std::max(0, slots), std::memory_order_relaxed);
}

std::string gil_stats_text(const GilStats& stats) {
    std::string text = "GIL statistics:\n";
    char line[200];
    std::snprintf(line, sizeof line, "  switches: %llu (forced at a check: %llu)\n",
                  static_cast<unsigned long long>(stats.switches),
                  static_cast<unsigned long long>(stats.forced_switches));
    text += line;
    std::snprintf(line, sizeof line, "  requests: %llu (back from a blocking call: %llu)\n",
                  static_cast<unsigned long long>(stats.requests),
                  static_cast<unsigned long long>(stats.priority_requests));
    text += line;
    std::snprintf(line, sizeof line, "  lazy hand-overs (offers taken back): %llu\n",
                  static_cast<unsigned long long>(stats.revoked_offers));
    text += line;
    std::snprintf(line, sizeof line, "  spinning waits: %llu (ended while spinning: %llu)\n",
                  static_cast<unsigned long long>(stats.spins),
                  static_cast<unsigned long long>(stats.spin_wins));
    text += line;
    for (const GilThreadStats& thread : stats.threads) {
        std::snprintf(
            line, sizeof line, "  thread %llu: %llu waits, total %.6f s, longest %.6f s%s\n",
            static_cast<unsigned long long>(thread.ident),
            static_cast<unsigned long long>(thread.waits),
            static_cast<double>(thread.total_wait_ns) / 1e9,
            static_cast<double>(thread.longest_wait_ns) / 1e9, thread.alive ? "" : " (ended)");
        text += line;
    }
    return text;
}

GilStats Gil::stats() const {
    std::lock_guard<std::mutex> lock(m_core->mutex);
    GilStats stats = m_core->stats;
    stats.spins = m_core->spins.load(std::memory_order_relaxed);
    stats.spin_wins = m_core->spin_wins.load(std::memory_order_relaxed);
    return stats;
}

// ====== Finalization and fork

void Gil::begin_finalization(ThreadState& finalizer) {
    std::lock_guard<std::mutex> lock(m_core->mutex);
    m_core->finalizing = true;
    m_core->finalizer = &finalizer;
}

bool Gil::is_finalizing() const {
    std::lock_guard<std::mutex> lock(m_core->mutex);
    return m_core->finalizing;
}

void Gil::reinit_after_fork(ThreadState& survivor) {
    // The old core's mutex may have been held by a thread that does not exist in the child: a fresh
    // core takes over, and the old one is freed once its mutex is made anew, unlocked, in place.
    Core* old = m_core;
    Core* core = new (std::nothrow) Core();
    if (!core)
        return; // out of memory right after fork: keep the old one (no other thread uses it)
    core->holder = &survivor;
    ThreadState* vm_main = &m_vm->main_thread_state();
    core->main = &survivor;
    core->interval_ns.store(old->interval_ns.load());
    core->generation = old->generation + 1;
    core->stats.switches = old->stats.switches;
    core->stats.forced_switches = old->stats.forced_switches;
    core->stats.requests = old->stats.requests;
    core->stats.priority_requests = old->stats.priority_requests;
    core->stats.revoked_offers = old->stats.revoked_offers;
    core->spins.store(old->spins.load());
    core->spin_wins.store(old->spin_wins.load());
    try {
        core->stats.threads.push_back(GilThreadStats{survivor.ident, 0, 0, 0, true});
        core->parkers.emplace_back(park_granted);
    } catch (...) {
        delete core;
        return; // as above
    }
    survivor.native_id = current_native_thread_id();
    survivor.stats_index = 0;
    std::vector<ThreadState*> gone = old->threads;
    if (&survivor != vm_main)
        gone.push_back(vm_main);
    m_core = core;
    for (ThreadState* state : gone) {
        if (state == &survivor)
            continue;
        // Their frames and objects are released; their sentinel locks stay locked until
        // threading's after-fork hook marks those threads stopped, as CPython's.
        for (Frame* frame = state->saved_frame; frame; frame = frame->previous)
            if (!frame->in_generator)
                frame_clear(frame);
        state->saved_frame = nullptr;
        set_ref(state->saved_handled, nullptr);
        state->saved_exc_info = nullptr;
        set_ref(state->sentinel, nullptr);
        state->clear_exception();
        if (state != vm_main)
            delete state;
    }
    if (&survivor != vm_main) {
        core->threads.push_back(&survivor);
        core->thread_count.store(1);
    }
    // Only this thread exists in the child, so nothing can use the old core's mutex any more.
    new (&old->mutex) std::mutex();
    delete old;
}

// ====== The end of the program

void finish_threads(Runtime& rt) {
    VM& vm = rt.vm();
    Object* threading = nullptr;
    Ref<Object> key = intern(vm, "threading");
    if (key && rt.modules() && dict_lookup(vm, rt.modules(), key.get(), &threading) > 0) {
        Ref<Object> module = Ref<Object>::borrow(threading);
        Ref<Object> name = intern(vm, "_shutdown");
        Ref<Object> result =
            name ? call_method_name(vm, module.get(), name.get(), nullptr, 0) : nullptr;
        if (!result) {
            Ref<Object> exception = vm.thread_state().fetch_exception();
            Ref<Object> repr = object_repr(vm, module.get());
            vm.thread_state().clear_exception();
            std::string text = "Exception ignored in: ";
            text += repr ? str_to_utf8(repr.get()) : std::string("<module 'threading'>");
            text += "\n";
            std::fflush(stdout);
            std::fputs(text.c_str(), stderr);
            if (exception)
                print_exception(rt, exception.get(), stderr);
            std::fflush(stderr);
        }
    }
    vm.thread_state().clear_exception();
    // The main thread's _set_sentinel() lock (threading's _tstate_lock) goes with its state.
    set_ref(vm.thread_state().sentinel, nullptr);
    vm.gil().begin_finalization(vm.thread_state());
}

// ====== ReleaseGil and the eval breaker

ReleaseGil::ReleaseGil(VM& vm)
    : m_gil(vm.gil()), m_state(vm.thread_state()), m_dropped(m_gil.thread_count() > 0) {
    if (m_dropped)
        m_gil.drop(m_state);
}

ReleaseGil::~ReleaseGil() {
    if (m_dropped)
        m_gil.take(m_state, Gil::Priority::urgent);
}

Status eval_breaker(VM& vm) {
    Gil& gil = vm.gil();
    ThreadState& state = vm.thread_state();
    state.set_eval_ticks(gil.check_interval());
    if (gil.drop_wanted())
        gil.yield(state, true);
    // The automatic cycle collection that an allocation asked for (gc/collector.h).
    if (gc::collection_scheduled(vm))
        gc::run_scheduled_collection(vm);
    // Signal handlers run in the main thread only, as CPython's.
    if (signals_pending() && gil.is_main_thread(state))
        return vm.handle_pending_signals();
    return Status::ok;
}

} // namespace minipy::vm
