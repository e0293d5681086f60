// Signals: the one piece of process-wide mutable state minipy has, because signals themselves are
// process-wide. The C signal handler only sets atomic flags (one per signal, plus "any"); the eval
// loop of the VM that installed the handlers (VM::install_signal_handlers) sees them at its next
// check (backward jumps and function entries, CPython's eval breaker) and runs the Python-level
// handler the signal module stored in that VM (VM::signal_handlers), or raises KeyboardInterrupt
// for SIGINT when there is none.
//
// Invariants:
//  - nothing but the C handler sets a flag to true; only VM::handle_pending_signals of the
//    handling VM clears them;
//  - a VM that did not install the handlers never reacts to the flags, never changes a signal's
//    disposition, and never runs Python-level handlers;
//  - every disposition the handling VM changed comes back when it is destroyed.
#pragma once

#include <atomic>

namespace minipy::vm {

class VM;

// Signal numbers are 1 .. signal_count - 1 (CPython's Py_NSIG on Linux).
constexpr int signal_count = 65;

// Set by the C handler, async-signal-safe (lock-free atomics).
extern std::atomic<bool> any_signal_pending;
extern std::atomic<bool> pending_signal[signal_count];

// True when a signal waits for the eval breaker (a relaxed load: cheap enough for every check).
inline bool signals_pending() {
    return any_signal_pending.load(std::memory_order_relaxed);
}

// Sets the disposition of `signum` for the handling VM `vm`: SIG_DFL (0), SIG_IGN (1) or the C
// handler that flags the signal (2). The first change of a signal saves its previous disposition
// for ~VM. False with errno set when sigaction failed (or memory ran out: ENOMEM).
bool set_signal_disposition(VM& vm, int signum, int disposition);
// The current OS-level disposition of `signum`: 0 SIG_DFL, 1 SIG_IGN, 2 anything else; -1 when
// sigaction failed.
int query_signal_disposition(int signum);

} // namespace minipy::vm
