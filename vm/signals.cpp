// The SIGINT handler and the VM's side of it. See vm/signals.h.
#include "vm/signals.h"

#include <csignal>
#include <new>

#include "vm/vm.h"

namespace minipy::vm {

// The one permitted process-wide mutable variable: signals are process-wide (vm/signals.h).
std::atomic<bool> pending_sigint{false};

namespace {

static_assert(std::atomic<bool>::is_always_lock_free, "the signal flag must be lock-free");

extern "C" void minipy_sigint_handler(int) {
    pending_sigint.store(true, std::memory_order_relaxed);
}

} // namespace

bool VM::install_signal_handlers() {
    if (m_handles_signals)
        return true;
    auto* saved = new (std::nothrow) struct sigaction();
    if (!saved)
        return false;
    struct sigaction action {};
    action.sa_handler = minipy_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocking read returns EINTR, as under CPython
    if (sigaction(SIGINT, &action, saved) != 0) {
        delete saved;
        return false;
    }
    pending_sigint.store(false, std::memory_order_relaxed);
    m_saved_sigint = saved;
    m_handles_signals = true;
    return true;
}

Status VM::handle_pending_signals() {
    if (!m_handles_signals || !pending_sigint.exchange(false, std::memory_order_relaxed))
        return Status::ok;
    (void)raise_no_args(*this, m_exceptions.KeyboardInterrupt);
    return Status::error;
}

// Called by ~VM: the previous SIGINT disposition comes back.
void restore_signal_handlers(VM& vm, void*& saved) {
    (void)vm;
    if (!saved)
        return;
    auto* action = static_cast<struct sigaction*>(saved);
    sigaction(SIGINT, action, nullptr);
    delete action;
    saved = nullptr;
}

} // namespace minipy::vm
