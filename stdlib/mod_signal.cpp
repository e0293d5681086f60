// The `_signal` module: Python-level signal handlers (CPython 3.11's _signal, Linux); the frozen
// stdlib/py/signal.py wraps it and shows the numbers as IntEnum members.
//
// Invariants: the handlers live in the VM (VM::signal_handlers, a list indexed by signal number:
// SIG_DFL 0, SIG_IGN 1, a callable, or None for a disposition Python did not set); only the VM
// that handles signals (the `minipy` command's) may change them, and it runs them at its eval
// breaker (vm/signals.h). The constants here are plain ints.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "stdlib/io.h"
#include "stdlib/modules.h"
#include "vm/errors.h"
#include "vm/eval_helpers.h"
#include "vm/gil.h"
#include "vm/runtime.h"
#include "vm/signals.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/set.h"
#include "vm/types/str.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

using Args = Object* const*;

// The signal number argument as a C int: TypeError for a non-int, OverflowError past int.
Status signal_number(VM& vm, Object* arg, int& out) {
    if (!is_int(arg))
        return raise_type_error(vm, "'", arg->type->name,
                                "' object cannot be interpreted as an integer");
    int64_t value = 0;
    if (!int_to_i64(arg, value) || value > INT32_MAX)
        return raise_overflow_error(vm, "signal number is greater than maximum");
    if (value < INT32_MIN)
        return raise_overflow_error(vm, "signal number is less than minimum");
    out = static_cast<int>(value);
    return Status::ok;
}

// signal_number plus CPython's range check.
Status signal_number_in_range(VM& vm, Object* arg, int& out) {
    if (!is_ok(signal_number(vm, arg, out)))
        return Status::error;
    if (out < 1 || out >= signal_count)
        return raise_value_error(vm, "signal number out of range");
    return Status::ok;
}

// Runs the pending handlers (CPython's PyErr_CheckSignals).
Status check_signals(VM& vm) {
    if (!signals_pending())
        return Status::ok;
    return vm.handle_pending_signals();
}

Ref<Object> signal_signal(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "signal expected 2 arguments, got ", nargs);
    int signum = 0;
    if (!is_ok(signal_number(vm, args[0], signum)))
        return nullptr;
    Object* handler = args[1];
    if (!vm.handles_signals() || !vm.gil().is_main_thread(vm.thread_state()))
        return raise_value_error(vm, "signal only works in main thread of the main interpreter");
    if (signum < 1 || signum >= signal_count)
        return raise_value_error(vm, "signal number out of range");
    int disposition = 2;
    int64_t value = -1;
    if (handler->type->slots.call)
        disposition = 2;
    else if (is_int(handler) && int_to_i64(handler, value) && (value == 0 || value == 1))
        disposition = static_cast<int>(value);
    else
        return raise_type_error(
            vm, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    if (!is_ok(check_signals(vm)))
        return nullptr;
    Object* handlers = vm.signal_handlers();
    if (!handlers)
        return raise_runtime_error(vm, "signal handlers are not initialized");
    if (!set_signal_disposition(vm, signum, disposition))
        return raise_os_error(vm, errno, nullptr);
    Ref<Object> old = Ref<Object>::borrow(list_items(handlers)[signum]);
    if (!is_ok(list_set(vm, handlers, signum, handler)))
        return nullptr;
    return old;
}

Ref<Object> signal_getsignal(VM& vm, Object*, Args args, size_t, Object*) {
    int signum = 0;
    if (!is_ok(signal_number_in_range(vm, args[0], signum)))
        return nullptr;
    Object* handlers = vm.signal_handlers();
    if (!handlers)
        return vm.new_none();
    return Ref<Object>::borrow(list_items(handlers)[signum]);
}

Ref<Object> signal_default_int_handler(VM& vm, Object*, Args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "default_int_handler expected 2 arguments, got ", nargs);
    return raise_no_args(vm, vm.exceptions().KeyboardInterrupt);
}

Ref<Object> signal_raise_signal(VM& vm, Object*, Args args, size_t, Object*) {
    int signum = 0;
    if (!is_ok(signal_number_in_range(vm, args[0], signum)))
        return nullptr;
    if (raise(signum) != 0)
        return raise_os_error(vm, errno, nullptr);
    if (!is_ok(check_signals(vm)))
        return nullptr;
    return vm.new_none();
}

Ref<Object> signal_strsignal(VM& vm, Object*, Args args, size_t, Object*) {
    int signum = 0;
    if (!is_ok(signal_number_in_range(vm, args[0], signum)))
        return nullptr;
    errno = 0;
    const char* text = strsignal(signum);
    if (errno != 0 || !text || std::strstr(text, "Unknown signal"))
        return vm.new_none();
    return str_from_utf8(vm, text);
}

Ref<Object> signal_valid_signals(VM& vm, Object*, Args, size_t, Object*) {
    sigset_t all;
    if (sigemptyset(&all) != 0 || sigfillset(&all) != 0)
        return raise_os_error(vm, errno, nullptr);
    Ref<Object> result = set_new(vm, false);
    if (!result)
        return nullptr;
    for (int signum = 1; signum < signal_count; ++signum) {
        if (sigismember(&all, signum) != 1)
            continue;
        Ref<Object> number = int_from_i64(vm, signum);
        if (!number || !is_ok(set_add(vm, result.get(), number.get())))
            return nullptr;
    }
    return result;
}

Ref<Object> signal_alarm(VM& vm, Object*, Args args, size_t, Object*) {
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    int64_t seconds = 0;
    if (!int_to_i64(args[0], seconds) || seconds > INT32_MAX || seconds < INT32_MIN)
        return raise_overflow_error(vm, "Python int too large to convert to C int");
    return int_from_i64(vm, alarm(static_cast<unsigned>(seconds)));
}

Ref<Object> signal_pause(VM& vm, Object*, Args, size_t, Object*) {
    (void)pause();
    if (!is_ok(check_signals(vm)))
        return nullptr;
    return vm.new_none();
}

const MethodDef functions[] = {
    {"signal", signal_signal, MethodKind::fastcall, nullptr},
    {"getsignal", signal_getsignal, MethodKind::o, nullptr},
    {"default_int_handler", signal_default_int_handler, MethodKind::fastcall, nullptr},
    {"raise_signal", signal_raise_signal, MethodKind::o, nullptr},
    {"strsignal", signal_strsignal, MethodKind::o, nullptr},
    {"valid_signals", signal_valid_signals, MethodKind::noargs, nullptr},
    {"alarm", signal_alarm, MethodKind::o, nullptr},
    {"pause", signal_pause, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

struct Constant {
    const char* name;
    int value;
};

const Constant constants[] = {
    {"SIG_DFL", 0},
    {"SIG_IGN", 1},
    {"NSIG", signal_count},
    {"SIGHUP", SIGHUP},
    {"SIGINT", SIGINT},
    {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP},
    {"SIGABRT", SIGABRT},
    {"SIGIOT", SIGIOT},
    {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL},
    {"SIGUSR1", SIGUSR1},
    {"SIGSEGV", SIGSEGV},
    {"SIGSTKFLT", SIGSTKFLT},
    {"SIGUSR2", SIGUSR2},
    {"SIGPIPE", SIGPIPE},
    {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM},
    {"SIGCHLD", SIGCHLD},
    {"SIGCLD", SIGCHLD},
    {"SIGCONT", SIGCONT},
    {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN},
    {"SIGTTOU", SIGTTOU},
    {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU},
    {"SIGXFSZ", SIGXFSZ},
    {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF},
    {"SIGWINCH", SIGWINCH},
    {"SIGIO", SIGIO},
    {"SIGPOLL", SIGPOLL},
    {"SIGPWR", SIGPWR},
    {"SIGSYS", SIGSYS},
    {"SIG_BLOCK", SIG_BLOCK},
    {"SIG_UNBLOCK", SIG_UNBLOCK},
    {"SIG_SETMASK", SIG_SETMASK},
};

} // namespace

bool init_signal_module(vm::Runtime& rt, vm::Object* module) {
    VM& vm = rt.vm();
    if (!add_functions(rt, module, functions))
        return false;
    for (const Constant& constant : constants) {
        Ref<Object> value = int_from_i64(vm, constant.value);
        if (!value || !add_object(rt, module, constant.name, value.get()))
            return false;
    }
    Ref<Object> rtmin = int_from_i64(vm, SIGRTMIN);
    Ref<Object> rtmax = int_from_i64(vm, SIGRTMAX);
    if (!rtmin || !rtmax || !add_object(rt, module, "SIGRTMIN", rtmin.get()) ||
        !add_object(rt, module, "SIGRTMAX", rtmax.get()))
        return false;
    if (vm.signal_handlers())
        return true; // a re-import: the VM keeps the handlers
    Ref<Object> handlers = list_new(vm, signal_count);
    if (!handlers)
        return false;
    for (int signum = 0; signum < signal_count; ++signum) {
        int disposition = signum == 0 ? -1 : query_signal_disposition(signum);
        Ref<Object> entry;
        if (disposition == 0 || disposition == 1)
            entry = int_from_i64(vm, disposition);
        else
            entry = vm.new_none();
        if (!entry || !is_ok(list_append(vm, handlers.get(), entry.get())))
            return false;
    }
    if (vm.handles_signals()) {
        // The handler install_signal_handlers put on SIGINT is default_int_handler's.
        Ref<Object> key = intern(vm, "default_int_handler");
        if (!key)
            return false;
        Object* dict = static_cast<Module*>(module)->dict;
        Object* function = nullptr;
        if (dict_lookup(vm, dict, key.get(), &function) < 0)
            return false;
        if (function && !is_ok(list_set(vm, handlers.get(), SIGINT, function)))
            return false;
    }
    vm.set_signal_handlers(handlers.release());
    return true;
}

} // namespace minipy::stdlib
