// Signals: the one piece of process-wide mutable state minipy has, because signals themselves are
// process-wide. The C signal handler only sets an atomic flag; the eval loop of the VM that
// installed the handler (VM::install_signal_handlers) sees it at its next check (backward jumps
// and function entries, CPython's eval breaker) and raises KeyboardInterrupt there.
//
// Invariants:
//  - nothing but the handler writes `pending_sigint` to true; only VM::handle_pending_signals of
//    the handling VM clears it;
//  - a VM that did not install the handlers never reacts to the flag.
#pragma once

#include <atomic>

namespace minipy::vm {

// Set by the SIGINT handler, async-signal-safe (lock-free atomic).
extern std::atomic<bool> pending_sigint;

// True when a signal waits for the eval breaker (a relaxed load: cheap enough for every check).
inline bool signals_pending() {
    return pending_sigint.load(std::memory_order_relaxed);
}

} // namespace minipy::vm
