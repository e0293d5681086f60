// The C signal handler and the VM's side of it. See vm/signals.h.
#include "vm/signals.h"

#include <cerrno>
#include <csignal>
#include <new>

#include "stdlib/sys.h"
#include "vm/gil.h"
#include "vm/runtime.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/vm.h"

namespace minipy::vm {

// The permitted process-wide mutable variables: signals are process-wide (vm/signals.h).
std::atomic<bool> any_signal_pending{false};
std::atomic<bool> pending_signal[signal_count];

namespace {

static_assert(std::atomic<bool>::is_always_lock_free, "the signal flags must be lock-free");

extern "C" void minipy_signal_handler(int signum) {
    if (signum > 0 && signum < signal_count)
        pending_signal[signum].store(true, std::memory_order_relaxed);
    any_signal_pending.store(true, std::memory_order_release);
}

// The dispositions the handling VM replaced, restored by ~VM (owned through VM::m_saved_sigint).
struct SavedDispositions {
    bool saved[signal_count] = {};
    struct sigaction actions[signal_count] = {};
};

// After a handler raised for `signum`: the signals still flagged after it wait for the next check.
void keep_later_signals_pending(int signum) {
    for (int later = signum + 1; later < signal_count; ++later) {
        if (pending_signal[later].load(std::memory_order_relaxed)) {
            any_signal_pending.store(true, std::memory_order_relaxed);
            return;
        }
    }
}

// A handler's frame argument: sys._getframe(), the snapshot of the frame the eval breaker
// interrupted, or None outside any frame (or when sys._getframe is gone or failed).
Ref<Object> interrupted_frame(VM& vm) {
    Runtime* rt = vm.runtime();
    if (rt && rt->current_frame()) {
        Ref<Object> getframe = stdlib::sys_get(*rt, "_getframe");
        if (getframe) {
            Ref<Object> frame = call_object(vm, getframe.get(), nullptr, 0);
            if (frame)
                return frame;
            vm.thread_state().clear_exception();
        }
    }
    return vm.new_none();
}

} // namespace

bool set_signal_disposition(VM& vm, int signum, int disposition) {
    void*& slot = vm.m_saved_sigint;
    if (!slot) {
        slot = new (std::nothrow) SavedDispositions();
        if (!slot) {
            errno = ENOMEM;
            return false;
        }
    }
    auto* saved = static_cast<SavedDispositions*>(slot);
    struct sigaction action {};
    action.sa_handler = disposition == 0   ? SIG_DFL
                        : disposition == 1 ? SIG_IGN
                                           : minipy_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocking call returns EINTR, as under CPython
    struct sigaction previous {};
    if (sigaction(signum, &action, &previous) != 0)
        return false;
    if (!saved->saved[signum]) {
        saved->saved[signum] = true;
        saved->actions[signum] = previous;
    }
    return true;
}

int query_signal_disposition(int signum) {
    struct sigaction current {};
    if (sigaction(signum, nullptr, &current) != 0)
        return -1;
    if (current.sa_handler == SIG_DFL)
        return 0;
    if (current.sa_handler == SIG_IGN)
        return 1;
    return 2;
}

bool VM::install_signal_handlers() {
    if (m_handles_signals)
        return true;
    if (!set_signal_disposition(*this, SIGINT, 2))
        return false;
    pending_signal[SIGINT].store(false, std::memory_order_relaxed);
    m_handles_signals = true;
    return true;
}

void VM::set_signal_handlers(Object* handlers) {
    Object* old = m_signal_handlers;
    m_signal_handlers = handlers;
    xdecref(old);
}

Status VM::handle_pending_signals() {
    // Only the main thread runs handlers, as CPython's; the others leave the flags set for it. (In
    // the child of a fork made by another thread, that thread is the main one:
    // Gil::is_main_thread.)
    if (!m_handles_signals || !m_current_thread || !m_gil ||
        !m_gil->is_main_thread(*m_current_thread) ||
        !any_signal_pending.exchange(false, std::memory_order_acquire))
        return Status::ok;
    for (int signum = 1; signum < signal_count; ++signum) {
        if (!pending_signal[signum].exchange(false, std::memory_order_relaxed))
            continue;
        Object* handler = nullptr;
        if (m_signal_handlers && list_size(m_signal_handlers) > signum)
            handler = list_items(m_signal_handlers)[signum];
        if (handler && handler != m_none && !is_int(handler) && handler->type->slots.call) {
            Ref<Object> held = Ref<Object>::borrow(handler);
            Ref<Object> number = int_from_i64(*this, signum);
            Ref<Object> frame = interrupted_frame(*this);
            Ref<Object> result;
            if (number) {
                Object* args[2] = {number.get(), frame.get()};
                result = call_object(*this, held.get(), args, 2);
            }
            if (!result) {
                keep_later_signals_pending(signum);
                return Status::error;
            }
        } else if (signum == SIGINT && (!handler || handler == m_none)) {
            keep_later_signals_pending(signum);
            (void)raise_no_args(*this, m_exceptions.KeyboardInterrupt);
            return Status::error;
        }
    }
    return Status::ok;
}

// Called by ~VM: every disposition the VM changed comes back.
void restore_signal_handlers(VM& vm, void*& saved) {
    vm.set_signal_handlers(nullptr);
    if (!saved)
        return;
    auto* dispositions = static_cast<SavedDispositions*>(saved);
    for (int signum = 1; signum < signal_count; ++signum)
        if (dispositions->saved[signum])
            sigaction(signum, &dispositions->actions[signum], nullptr);
    delete dispositions;
    saved = nullptr;
}

} // namespace minipy::vm
