// The `_thread` module (CPython 3.11's, which the frozen threading.py builds on): real OS threads
// running Python code in this VM, each with its own ThreadState, arbitrated by the VM's GIL
// (vm/gil.h); locks (`lock`, `RLock`) waited for inside the GIL (Gil::wait_for_lock): releasing
// a lock hands it straight to its first waiter, which then waits for the GIL only.
//
// Invariants:
//  - a lock's state (taken or not, and its queue of waiters) lives in a LockCore shared by the
//    lock object and every thread waiting on it, so a daemon thread still waiting when the VM is
//    torn down (and its lock freed) never touches freed memory: it is handed the lock, then
//    blocks forever on the GIL (vm/gil.h);
//  - `taken` (and a lock's `locked`, an RLock's owner and count) change only while the GIL is
//    held; a lock with waiters is taken (a release hands it to the first one);
//  - a lock wait in the main thread of the signal-handling VM is interruptible: the C handler's
//    signal makes the wait return (the handler is installed without SA_RESTART), and slices of
//    at most 50 ms cover a signal delivered to another thread; pending handlers then run and may
//    raise KeyboardInterrupt, which ends the wait.
#include <pthread.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <new>
#include <string>

#include "stdlib/builtins_support.h"
#include "stdlib/io.h"
#include "stdlib/io_internal.h"
#include "stdlib/modules.h"
#include "stdlib/struct_seq.h"
#include "stdlib/sys.h"
#include "vm/eval_helpers.h"
#include "vm/eval_ops.h"
#include "vm/gil.h"
#include "vm/runtime.h"
#include "vm/signals.h"
#include "vm/traceback.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/weakref.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

using Args = Object* const*;

// threading.TIMEOUT_MAX as CPython computes it on 64-bit Linux (PY_TIMEOUT_MAX in seconds).
constexpr double timeout_max = 9223372036.0;
// A lock wait in the signal-handling main thread looks at pending signals at least this often.
constexpr int64_t signal_slice_ns = 50'000'000;

// ====== Lock cores

struct LockCore {
    bool taken = false;
    LockWaitQueue waiters;
    std::atomic<int> references{1};
};

LockCore* lock_core_new() {
    return new (std::nothrow) LockCore();
}

void lock_core_release(LockCore* core) {
    if (core && core->references.fetch_sub(1, std::memory_order_acq_rel) == 1)
        delete core;
}

// Lets the lock of `core` go (GIL held): to its first waiter if any, else it becomes free.
void lock_core_unlock(VM& vm, LockCore* core) {
    if (!vm.gil().hand_lock_to_waiter(core->waiters))
        core->taken = false;
}

int64_t monotonic_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

enum class Acquired : uint8_t { yes, timed_out, error };

// Takes the lock of `core`, waiting at most `timeout_ns` (negative: forever, 0: no wait) with
// the GIL released (CPython's acquire_timed). Error when a signal handler raised.
Acquired acquire_timed(VM& vm, LockCore* core, int64_t timeout_ns) {
    if (!core->taken) {
        core->taken = true;
        return Acquired::yes;
    }
    if (timeout_ns == 0)
        return Acquired::timed_out;
    bool sliced = vm.handles_signals() && vm.gil().is_main_thread(vm.thread_state());
    int64_t deadline = timeout_ns > 0 ? monotonic_ns() + timeout_ns : 0;
    core->references.fetch_add(1, std::memory_order_relaxed);
    Acquired outcome = Acquired::timed_out;
    for (;;) {
        int64_t wait_ns = timeout_ns > 0 ? deadline - monotonic_ns() : -1;
        if (timeout_ns > 0 && wait_ns <= 0)
            break;
        if (sliced && (wait_ns < 0 || wait_ns > signal_slice_ns))
            wait_ns = signal_slice_ns;
        if (vm.gil().wait_for_lock(core->waiters, wait_ns) == Gil::LockWait::acquired) {
            outcome = Acquired::yes;
            break;
        }
        if (signals_pending() && !is_ok(vm.handle_pending_signals())) {
            outcome = Acquired::error;
            break;
        }
        if (!core->taken) { // let go while this thread was not queued
            core->taken = true;
            outcome = Acquired::yes;
            break;
        }
    }
    lock_core_release(core);
    return outcome;
}

// acquire(blocking=True, timeout=-1) arguments as CPython's lock_acquire_parse_args: the wait in
// nanoseconds (-1: forever).
Status acquire_arguments(VM& vm, const char* function, Args args, size_t nargs, Object* kwnames,
                         int64_t& timeout_ns) {
    size_t positional = nargs; // the keyword values follow the positional ones
    if (positional > 2)
        return raise_type_error(vm, function, "() takes at most 2 arguments (", positional,
                                " given)");
    if (!is_ok(check_keywords(vm, function, kwnames, {"blocking", "timeout"})))
        return Status::error;
    Object* blocking_arg = positional > 0 ? args[0] : nullptr;
    Object* timeout_arg = positional > 1 ? args[1] : nullptr;
    if (Object* value = keyword_argument(args, positional, kwnames, "blocking"))
        blocking_arg = value;
    if (Object* value = keyword_argument(args, positional, kwnames, "timeout"))
        timeout_arg = value;
    bool blocking = true;
    if (blocking_arg) {
        int64_t value = 0;
        if (!is_int(blocking_arg))
            return raise_type_error(vm, "'", blocking_arg->type->name,
                                    "' object cannot be interpreted as an integer");
        if (!int_to_i64(blocking_arg, value))
            value = 1; // a huge int is true
        blocking = value != 0;
    }
    constexpr int64_t unset = -1'000'000'000;
    int64_t timeout = unset;
    if (timeout_arg) {
        double seconds = 0;
        if (is_float(timeout_arg)) {
            seconds = float_value(timeout_arg);
        } else if (is_int(timeout_arg)) {
            int64_t whole = 0;
            if (!int_to_i64(timeout_arg, whole))
                return raise_overflow_error(vm, "timestamp too large to convert to C _PyTime_t");
            seconds = static_cast<double>(whole);
        } else {
            return raise_type_error(vm, "'", timeout_arg->type->name,
                                    "' object cannot be interpreted as an integer");
        }
        if (seconds != seconds)
            return raise_value_error(vm, "Invalid value NaN (not a number)");
        if (seconds * 1e9 >= 9.223372036854775807e18 || seconds * 1e9 < -9.2e18)
            return raise_overflow_error(vm, "timestamp out of range for platform time_t");
        timeout = static_cast<int64_t>(seconds * 1e9);
        // _PyTime_ROUND_TIMEOUT rounds a positive fraction of a nanosecond up.
        if (seconds > 0 && static_cast<double>(timeout) < seconds * 1e9)
            ++timeout;
    }
    if (!blocking && timeout != unset)
        return raise_value_error(vm, "can't specify a timeout for a non-blocking call");
    if (timeout < 0 && timeout != unset)
        return raise_value_error(vm, "timeout value must be positive");
    if (!blocking)
        timeout_ns = 0;
    else if (timeout == unset)
        timeout_ns = -1;
    else if (static_cast<double>(timeout) / 1e9 > timeout_max)
        return raise_overflow_error(vm, "timeout value is too large");
    else
        timeout_ns = timeout;
    return Status::ok;
}

std::string address_text(const void* pointer) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%p", pointer);
    return buffer;
}

// ====== lock

struct LockObject : Object {
    LockCore* core;
    bool locked;
};

LockObject* as_lock(Object* self) {
    return static_cast<LockObject*>(self);
}

void lock_dealloc(Object* self) {
    LockObject* lock = as_lock(self);
    // A lock freed while held (by a thread that ended, say) is let go for its waiters' sake.
    if (lock->locked && lock->core)
        lock_core_unlock(vm_of(self), lock->core);
    lock_core_release(lock->core);
    lock->core = nullptr;
    dealloc_plain(self);
}

Ref<Object> lock_new(VM& vm, Type* type) {
    Ref<LockObject> lock = allocate_object<LockObject>(vm, type);
    if (!lock)
        return nullptr;
    lock->core = nullptr;
    lock->locked = false;
    lock->core = lock_core_new();
    if (!lock->core)
        return raise_memory_error(vm);
    return Ref<Object>(std::move(lock));
}

Ref<Object> lock_acquire(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    int64_t timeout_ns = -1;
    if (!is_ok(acquire_arguments(vm, "acquire", args, nargs, kwnames, timeout_ns)))
        return nullptr;
    Ref<Object> held = Ref<Object>::borrow(self);
    LockObject* lock = as_lock(self);
    Acquired outcome = acquire_timed(vm, lock->core, timeout_ns);
    if (outcome == Acquired::error)
        return nullptr;
    if (outcome == Acquired::yes)
        lock->locked = true;
    return vm.new_bool(outcome == Acquired::yes);
}

Ref<Object> lock_enter(VM& vm, Object* self, Args, size_t, Object*) {
    return lock_acquire(vm, self, nullptr, 0, nullptr);
}

Ref<Object> lock_release(VM& vm, Object* self, Args, size_t, Object*) {
    LockObject* lock = as_lock(self);
    if (!lock->locked)
        return raise_runtime_error(vm, "release unlocked lock");
    lock->locked = false;
    lock_core_unlock(vm, lock->core);
    return vm.new_none();
}

Ref<Object> lock_exit(VM& vm, Object* self, Args, size_t, Object*) {
    return lock_release(vm, self, nullptr, 0, nullptr);
}

Ref<Object> lock_locked(VM& vm, Object* self, Args, size_t, Object*) {
    return vm.new_bool(as_lock(self)->locked);
}

// After fork, in the child: a fresh, unlocked lock (the old semaphore may be held by a thread
// that does not exist there).
Ref<Object> lock_at_fork_reinit(VM& vm, Object* self, Args, size_t, Object*) {
    LockObject* lock = as_lock(self);
    LockCore* fresh = lock_core_new();
    if (!fresh)
        return raise_memory_error(vm);
    lock_core_release(lock->core);
    lock->core = fresh;
    lock->locked = false;
    return vm.new_none();
}

Ref<Object> lock_repr(VM& vm, Object* self) {
    std::string text = as_lock(self)->locked ? "<locked " : "<unlocked ";
    text += std::string(self->type->name) + " object at " + address_text(self) + ">";
    return str_from_utf8(vm, text);
}

constexpr MethodDef lock_methods[] = {
    {"acquire", lock_acquire, MethodKind::fastcall_keywords, nullptr},
    {"acquire_lock", lock_acquire, MethodKind::fastcall_keywords, nullptr},
    {"release", lock_release, MethodKind::noargs, nullptr},
    {"release_lock", lock_release, MethodKind::noargs, nullptr},
    {"locked", lock_locked, MethodKind::noargs, nullptr},
    {"locked_lock", lock_locked, MethodKind::noargs, nullptr},
    {"__enter__", lock_enter, MethodKind::noargs, nullptr},
    {"__exit__", lock_exit, MethodKind::fastcall, nullptr},
    {"_at_fork_reinit", lock_at_fork_reinit, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// ====== RLock

struct RLockObject : Object {
    LockCore* core;
    uint64_t owner; // get_ident() of the owner, 0 when unlocked
    uint64_t count;
};

RLockObject* as_rlock(Object* self) {
    return static_cast<RLockObject*>(self);
}

void rlock_dealloc(Object* self) {
    RLockObject* lock = as_rlock(self);
    if (lock->count > 0 && lock->core)
        lock_core_unlock(vm_of(self), lock->core);
    lock_core_release(lock->core);
    lock->core = nullptr;
    dealloc_plain(self);
}

Ref<Object> rlock_construct(VM& vm, Type* cls, Args, size_t, Object*) {
    Ref<RLockObject> lock = allocate_object<RLockObject>(vm, cls);
    if (!lock)
        return nullptr;
    lock->owner = 0;
    lock->count = 0;
    lock->core = lock_core_new();
    if (!lock->core)
        return raise_memory_error(vm);
    return Ref<Object>(std::move(lock));
}

uint64_t my_ident(VM& vm) {
    return vm.thread_state().ident;
}

Ref<Object> rlock_acquire(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    int64_t timeout_ns = -1;
    if (!is_ok(acquire_arguments(vm, "acquire", args, nargs, kwnames, timeout_ns)))
        return nullptr;
    RLockObject* lock = as_rlock(self);
    uint64_t me = my_ident(vm);
    if (lock->count > 0 && lock->owner == me) {
        ++lock->count;
        return vm.new_bool(true);
    }
    Ref<Object> held = Ref<Object>::borrow(self);
    Acquired outcome = acquire_timed(vm, lock->core, timeout_ns);
    if (outcome == Acquired::error)
        return nullptr;
    if (outcome == Acquired::yes) {
        lock->owner = me;
        lock->count = 1;
    }
    return vm.new_bool(outcome == Acquired::yes);
}

Ref<Object> rlock_enter(VM& vm, Object* self, Args, size_t, Object*) {
    return rlock_acquire(vm, self, nullptr, 0, nullptr);
}

Ref<Object> rlock_release(VM& vm, Object* self, Args, size_t, Object*) {
    RLockObject* lock = as_rlock(self);
    if (lock->count == 0 || lock->owner != my_ident(vm))
        return raise_runtime_error(vm, "cannot release un-acquired lock");
    if (--lock->count == 0) {
        lock->owner = 0;
        lock_core_unlock(vm, lock->core);
    }
    return vm.new_none();
}

Ref<Object> rlock_exit(VM& vm, Object* self, Args, size_t, Object*) {
    return rlock_release(vm, self, nullptr, 0, nullptr);
}

Ref<Object> rlock_is_owned(VM& vm, Object* self, Args, size_t, Object*) {
    RLockObject* lock = as_rlock(self);
    return vm.new_bool(lock->count > 0 && lock->owner == my_ident(vm));
}

// _release_save(): releases completely, returning (count, owner) for _acquire_restore.
Ref<Object> rlock_release_save(VM& vm, Object* self, Args, size_t, Object*) {
    RLockObject* lock = as_rlock(self);
    if (lock->count == 0)
        return raise_runtime_error(vm, "cannot release un-acquired lock");
    Ref<Object> count = int_from_i64(vm, static_cast<int64_t>(lock->count));
    Ref<Object> owner = int_from_i64(vm, static_cast<int64_t>(lock->owner));
    if (!count || !owner)
        return nullptr;
    Object* items[2] = {count.get(), owner.get()};
    Ref<Object> state = tuple_from_array(vm, items, 2);
    if (!state)
        return nullptr;
    lock->count = 0;
    lock->owner = 0;
    lock_core_unlock(vm, lock->core);
    return state;
}

// _acquire_restore((count, owner)): takes the lock back (blocking) with the saved state.
Ref<Object> rlock_acquire_restore(VM& vm, Object* self, Args args, size_t, Object*) {
    Object* state = args[0];
    int64_t count = 0;
    int64_t owner = 0;
    if (!is_tuple(state) || tuple_size(state) != 2 || !is_int(tuple_items(state)[0]) ||
        !is_int(tuple_items(state)[1]) || !int_to_i64(tuple_items(state)[0], count) ||
        !int_to_i64(tuple_items(state)[1], owner))
        return raise_type_error(vm, "_acquire_restore() argument must be a (count, owner) tuple");
    RLockObject* lock = as_rlock(self);
    Ref<Object> held = Ref<Object>::borrow(self);
    Acquired outcome = acquire_timed(vm, lock->core, -1);
    if (outcome == Acquired::error)
        return nullptr;
    if (outcome != Acquired::yes)
        return raise_runtime_error(vm, "couldn't acquire lock");
    lock->owner = static_cast<uint64_t>(owner);
    lock->count = static_cast<uint64_t>(count);
    return vm.new_none();
}

Ref<Object> rlock_recursion_count(VM& vm, Object* self, Args, size_t, Object*) {
    RLockObject* lock = as_rlock(self);
    return int_from_i64(vm, lock->owner == my_ident(vm) ? static_cast<int64_t>(lock->count) : 0);
}

Ref<Object> rlock_at_fork_reinit(VM& vm, Object* self, Args, size_t, Object*) {
    RLockObject* lock = as_rlock(self);
    LockCore* fresh = lock_core_new();
    if (!fresh)
        return raise_memory_error(vm);
    lock_core_release(lock->core);
    lock->core = fresh;
    lock->owner = 0;
    lock->count = 0;
    return vm.new_none();
}

Ref<Object> rlock_repr(VM& vm, Object* self) {
    RLockObject* lock = as_rlock(self);
    std::string text = lock->count > 0 ? "<locked " : "<unlocked ";
    text += std::string(self->type->name) + " object owner=" + std::to_string(lock->owner) +
            " count=" + std::to_string(lock->count) + " at " + address_text(self) + ">";
    return str_from_utf8(vm, text);
}

constexpr MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, MethodKind::fastcall_keywords, nullptr},
    {"release", rlock_release, MethodKind::noargs, nullptr},
    {"__enter__", rlock_enter, MethodKind::noargs, nullptr},
    {"__exit__", rlock_exit, MethodKind::fastcall, nullptr},
    {"_is_owned", rlock_is_owned, MethodKind::noargs, nullptr},
    {"_release_save", rlock_release_save, MethodKind::noargs, nullptr},
    {"_acquire_restore", rlock_acquire_restore, MethodKind::o, nullptr},
    {"_recursion_count", rlock_recursion_count, MethodKind::noargs, nullptr},
    {"_at_fork_reinit", rlock_at_fork_reinit, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// ====== Starting threads

bool is_type_object(const Object* object) {
    return has_flag(object->type, type_type_subclass);
}

// The lock type of the module (borrowed): module functions are bound to the module (`self`).
Type* lock_type_of(VM& vm, Object* module) {
    Object* type = nullptr;
    Ref<Object> key = intern(vm, "LockType");
    if (!key)
        return nullptr;
    if (!module || module->type != runtime_of(vm).types().module ||
        dict_lookup(vm, static_cast<Module*>(module)->dict, key.get(), &type) <= 0 ||
        !is_type_object(type)) {
        if (!vm.thread_state().has_exception())
            (void)raise_runtime_error(vm, "_thread.LockType is missing");
        return nullptr;
    }
    return static_cast<Type*>(type);
}

// What a new thread needs (owned references).
struct Bootstrap {
    VM* vm;
    ThreadState* state;
    Object* function;
    Object* args;
    Object* kwargs; // or null
};

// CPython's _PyErr_WriteUnraisableMsg("in thread started by", function) with the default hook.
void report_thread_exception(Runtime& rt, Object* function, Object* exception) {
    VM& vm = rt.vm();
    std::string text = "Exception ignored in thread started by: ";
    Ref<Object> repr = object_repr(vm, function);
    if (repr)
        text += str_to_utf8(repr.get());
    else
        vm.thread_state().clear_exception();
    text += "\n";
    char* buffer = nullptr;
    size_t size = 0;
    if (std::FILE* memory = open_memstream(&buffer, &size)) {
        print_exception(rt, exception, memory);
        std::fclose(memory);
        text.append(buffer, size);
        std::free(buffer);
    }
    sys_write_stderr(rt, text);
}

void* thread_main(void* argument) {
    auto* boot = static_cast<Bootstrap*>(argument);
    VM& vm = *boot->vm;
    ThreadState& state = *boot->state;
    state.ident = current_thread_ident();
    state.native_id = current_native_thread_id();
    vm.gil().take(state, Gil::Priority::normal);
    Runtime& rt = runtime_of(vm);
    {
        Ref<Object> function = Ref<Object>::steal(boot->function);
        Ref<Object> args = Ref<Object>::steal(boot->args);
        Ref<Object> kwargs = Ref<Object>::steal(boot->kwargs);
        delete boot;
        Ref<Object> result = call_function_ex(rt, function.get(), args.get(), kwargs.get());
        if (!result) {
            Ref<Object> exception = state.fetch_exception();
            if (exception && !is_subtype(exception->type, vm.exceptions().SystemExit))
                report_thread_exception(rt, function.get(), exception.get());
        }
    }
    state.clear_exception();
    if (Object* sentinel = state.sentinel) {
        state.sentinel = nullptr;
        LockObject* lock = as_lock(sentinel);
        if (lock->locked) {
            lock->locked = false;
            lock_core_unlock(vm, lock->core);
        }
        decref(sentinel);
    }
    vm.gil().delete_thread_state(&state);
    return nullptr;
}

// start_new_thread(function, args, kwargs=None): the new thread's get_ident().
Ref<Object> thread_start_new_thread(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs < 2 || nargs > 3)
        return raise_type_error(vm, "start_new_thread expected ",
                                nargs < 2 ? "at least 2" : "at most 3", " arguments, got ", nargs);
    Object* function = args[0];
    if (!function->type->slots.call)
        return raise_type_error(vm, "first arg must be callable");
    if (!is_tuple(args[1]))
        return raise_type_error(vm, "2nd arg must be a tuple");
    Object* kwargs = nargs == 3 ? args[2] : nullptr;
    if (kwargs && !is_dict(kwargs))
        return raise_type_error(vm, "optional 3rd arg must be a dictionary");
    Gil& gil = vm.gil();
    if (gil.is_finalizing())
        return raise_runtime_error(vm, "can't create new thread at interpreter shutdown");
    ThreadState* state = gil.new_thread_state();
    if (!state)
        return raise_memory_error(vm);
    auto* boot = new (std::nothrow) Bootstrap{&vm, state, function, args[1], kwargs};
    if (!boot) {
        gil.delete_thread_state_unstarted(state);
        return raise_memory_error(vm);
    }
    incref(function);
    incref(args[1]);
    xincref(kwargs);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    if (size_t stack = gil.thread_stack_size(); stack != 0)
        pthread_attr_setstacksize(&attributes, stack);
    pthread_t thread{};
    int error = pthread_create(&thread, &attributes, thread_main, boot);
    pthread_attr_destroy(&attributes);
    if (error != 0) {
        decref(function);
        decref(args[1]);
        xdecref(kwargs);
        delete boot;
        gil.delete_thread_state_unstarted(state);
        return raise_runtime_error(vm, "can't start new thread");
    }
    return int_from_i64(vm, static_cast<int64_t>(static_cast<uint64_t>(thread)));
}

// ====== Module functions

Ref<Object> thread_allocate_lock(VM& vm, Object* module, Args, size_t, Object*) {
    Type* type = lock_type_of(vm, module);
    if (!type)
        return nullptr;
    return lock_new(vm, type);
}

Ref<Object> thread_get_ident(VM& vm, Object*, Args, size_t, Object*) {
    return int_from_i64(vm, static_cast<int64_t>(current_thread_ident()));
}

Ref<Object> thread_get_native_id(VM& vm, Object*, Args, size_t, Object*) {
    return int_from_i64(vm, static_cast<int64_t>(current_native_thread_id()));
}

Ref<Object> thread_count(VM& vm, Object*, Args, size_t, Object*) {
    return int_from_i64(vm, static_cast<int64_t>(vm.gil().thread_count()));
}

// _set_sentinel(): a locked lock that is released when this thread's state goes (at its end).
Ref<Object> thread_set_sentinel(VM& vm, Object* module, Args, size_t, Object*) {
    Type* type = lock_type_of(vm, module);
    if (!type)
        return nullptr;
    Ref<Object> lock = lock_new(vm, type);
    if (!lock)
        return nullptr;
    LockObject* object = as_lock(lock.get());
    if (object->core->taken)
        return raise_runtime_error(vm, "can't acquire a new lock");
    object->core->taken = true;
    object->locked = true;
    ThreadState& state = vm.thread_state();
    Object* old = state.sentinel;
    state.sentinel = lock.get();
    incref(lock.get());
    if (old) {
        LockObject* previous = as_lock(old);
        if (previous->locked) {
            previous->locked = false;
            lock_core_unlock(vm, previous->core);
        }
        decref(old);
    }
    return lock;
}

Ref<Object> thread_exit(VM& vm, Object*, Args, size_t, Object*) {
    return raise_no_args(vm, vm.exceptions().SystemExit);
}

// interrupt_main(signum=SIGINT): the signal as if it arrived, for the main thread to handle; does
// nothing for a signal Python does not handle (SIG_DFL, SIG_IGN), as CPython 3.10+.
Ref<Object> thread_interrupt_main(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    size_t positional = nargs; // the keyword values follow the positional ones
    if (positional > 1)
        return raise_type_error(vm, "interrupt_main() takes at most 1 argument (", positional,
                                " given)");
    if (!is_ok(check_keywords(vm, "interrupt_main", kwnames, {"signum"})))
        return nullptr;
    Object* signum_arg = positional ? args[0] : keyword_argument(args, 0, kwnames, "signum");
    int64_t signum = SIGINT;
    if (signum_arg && (!is_int(signum_arg) || !int_to_i64(signum_arg, signum)))
        return raise_type_error(vm, "'", signum_arg->type->name,
                                "' object cannot be interpreted as an integer");
    if (signum < 1 || signum >= signal_count)
        return raise_value_error(vm, "signal number out of range");
    int disposition = query_signal_disposition(static_cast<int>(signum));
    if (disposition == 0 || disposition == 1 || !vm.handles_signals())
        return vm.new_none();
    pending_signal[signum].store(true, std::memory_order_relaxed);
    any_signal_pending.store(true, std::memory_order_release);
    return vm.new_none();
}

// stack_size([size]): the stack size of threads started later (0: the system's default).
Ref<Object> thread_stack_size(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "stack_size expected at most 1 argument, got ", nargs);
    Gil& gil = vm.gil();
    size_t old = gil.thread_stack_size();
    if (nargs == 1) {
        int64_t size = 0;
        if (!is_int(args[0]) || !int_to_i64(args[0], size))
            return raise_type_error(vm, "'", args[0]->type->name,
                                    "' object cannot be interpreted as an integer");
        if (size < 0)
            return raise_value_error(vm, "size must be 0 or a positive value");
        if (size != 0 && size < 32768)
            return raise_value_error(vm, "size not valid: ", size, " bytes");
        gil.set_thread_stack_size(static_cast<size_t>(size));
    }
    return int_from_i64(vm, static_cast<int64_t>(old));
}

// _excepthook(args): threading.excepthook's C implementation ("Exception in thread NAME:" and the
// traceback on sys.stderr; SystemExit is silent).
Ref<Object> thread_excepthook(VM& vm, Object* module, Args args, size_t, Object*) {
    Runtime& rt = runtime_of(vm);
    Object* hook_args = args[0];
    Object* expected = nullptr;
    Ref<Object> key = intern(vm, "_ExceptHookArgs");
    if (!key)
        return nullptr;
    if (module && module->type == rt.types().module)
        (void)dict_lookup(vm, static_cast<Module*>(module)->dict, key.get(), &expected);
    if (!expected || !is_type_object(expected) ||
        !is_subtype(hook_args->type, static_cast<Type*>(expected)) || tuple_size(hook_args) != 4)
        return raise_type_error(vm, "_thread.excepthook argument type must be ExceptHookArgs");
    Object* exc_type = tuple_items(hook_args)[0];
    Object* exc_value = tuple_items(hook_args)[1];
    Object* thread = tuple_items(hook_args)[3];
    if (exc_type == vm.exceptions().SystemExit)
        return vm.new_none();
    Ref<Object> stream = sys_get(rt, "stderr");
    if (!stream || stream.get() == vm.none()) {
        stream = nullptr;
        if (thread != vm.none()) {
            Ref<Object> name = intern(vm, "_stderr");
            if (!name)
                return nullptr;
            stream = get_attr_optional(vm, thread, name.get());
            if (!stream && vm.thread_state().has_exception())
                return nullptr;
        }
        if (!stream || stream.get() == vm.none())
            return vm.new_none();
    }
    std::string name_text;
    if (thread != vm.none()) {
        Ref<Object> attribute = intern(vm, "name");
        Ref<Object> name = attribute ? get_attr_optional(vm, thread, attribute.get()) : nullptr;
        if (vm.thread_state().has_exception())
            return nullptr;
        if (name) {
            Ref<Object> text = object_str(vm, name.get());
            if (!text)
                return nullptr;
            name_text = str_to_utf8(text.get());
        }
    }
    if (name_text.empty() && thread == vm.none())
        name_text = std::to_string(current_thread_ident());
    if (!is_ok(io_write_utf8(vm, stream.get(), "Exception in thread " + name_text + ":\n")))
        return nullptr;
    Ref<Object> flush_name = intern(vm, "flush");
    if (!flush_name || !call_method_name(vm, stream.get(), flush_name.get(), nullptr, 0))
        return nullptr;
    std::string text;
    if (is_exception_instance(exc_value)) {
        char* buffer = nullptr;
        size_t size = 0;
        if (std::FILE* memory = open_memstream(&buffer, &size)) {
            print_exception(rt, exc_value, memory);
            std::fclose(memory);
            text.assign(buffer, size);
            std::free(buffer);
        }
    } else if (is_type_object(exc_type)) {
        text = std::string(static_cast<Type*>(exc_type)->name) + "\n";
    }
    if (!is_ok(io_write_utf8(vm, stream.get(), text)))
        return nullptr;
    if (!call_method_name(vm, stream.get(), flush_name.get(), nullptr, 0))
        return nullptr;
    return vm.new_none();
}

// _ExceptHookArgs(sequence): the 4 fields from a sequence, as a struct sequence's constructor.
Ref<Object> except_hook_args_construct(VM& vm, Type* cls, Args args, size_t nargs,
                                       Object* kwnames) {
    if (kwnames && tuple_size(kwnames) > 0)
        return raise_type_error(vm, "_ExceptHookArgs() takes no keyword arguments");
    if (nargs != 1)
        return raise_type_error(vm, "_ExceptHookArgs() takes at least 1 positional argument (",
                                nargs, " given)");
    Ref<Object> items = sequence_to_list(vm, args[0]);
    if (!items)
        return nullptr;
    Ref<Object> tuple =
        tuple_from_array(vm, list_items(items.get()), static_cast<size_t>(list_size(items.get())));
    if (!tuple)
        return nullptr;
    if (tuple_size(tuple.get()) != 4)
        return raise_type_error(vm, "_thread._ExceptHookArgs() takes a 4-sequence (",
                                tuple_size(tuple.get()), "-sequence given)");
    Object** fields = tuple_items(tuple.get());
    return struct_seq_new(vm, cls, {fields[0], fields[1], fields[2], fields[3]});
}

constexpr MethodDef thread_functions[] = {
    {"start_new_thread", thread_start_new_thread, MethodKind::fastcall, nullptr},
    {"start_new", thread_start_new_thread, MethodKind::fastcall, nullptr},
    {"allocate_lock", thread_allocate_lock, MethodKind::noargs, nullptr},
    {"allocate", thread_allocate_lock, MethodKind::noargs, nullptr},
    {"get_ident", thread_get_ident, MethodKind::noargs, nullptr},
    {"get_native_id", thread_get_native_id, MethodKind::noargs, nullptr},
    {"_count", thread_count, MethodKind::noargs, nullptr},
    {"_set_sentinel", thread_set_sentinel, MethodKind::noargs, nullptr},
    {"exit", thread_exit, MethodKind::noargs, nullptr},
    {"exit_thread", thread_exit, MethodKind::noargs, nullptr},
    {"interrupt_main", thread_interrupt_main, MethodKind::fastcall_keywords, nullptr},
    {"stack_size", thread_stack_size, MethodKind::fastcall, nullptr},
    {"_excepthook", thread_excepthook, MethodKind::o, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// ====== The sys functions of the GIL

// sys.setswitchinterval(interval): seconds a waiter waits before the holder hands over at a check.
// 0 means at every check (minipy; CPython refuses 0).
Ref<Object> sys_setswitchinterval(VM& vm, Object*, Args args, size_t, Object*) {
    double seconds = 0;
    if (is_float(args[0]))
        seconds = float_value(args[0]);
    else if (!is_int(args[0]) || !is_ok(number_to_double(vm, args[0], seconds)))
        return raise_type_error(vm, "must be real number, not ", args[0]->type->name);
    if (!(seconds >= 0))
        return raise_value_error(vm, "switch interval must be strictly positive");
    vm.gil().set_switch_interval(seconds);
    return vm.new_none();
}

Ref<Object> sys_getswitchinterval(VM& vm, Object*, Args, size_t, Object*) {
    return float_new(vm, vm.gil().switch_interval());
}

// sys.setcheckinterval(n): instructions between two offers of the GIL (at least 1).
Ref<Object> sys_setcheckinterval(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t instructions = 0;
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    if (!int_to_i64(args[0], instructions) || instructions > INT32_MAX || instructions < INT32_MIN)
        return raise_overflow_error(vm, "Python int too large to convert to C int");
    vm.gil().set_check_interval(static_cast<int32_t>(instructions));
    vm.thread_state().set_eval_ticks(vm.gil().check_interval());
    return vm.new_none();
}

Ref<Object> sys_getcheckinterval(VM& vm, Object*, Args, size_t, Object*) {
    return int_from_i64(vm, vm.gil().check_interval());
}

// dict[key] = value (a new reference, taken over); false on error.
bool put(VM& vm, Object* dict, const char* key, Ref<Object> value) {
    if (!value)
        return false;
    Ref<Object> name = str_from_utf8(vm, key);
    return name && is_ok(dict_setitem(vm, dict, name.get(), value.get()));
}

// sys._gilstats(): the GIL's counters, with the per-thread waits in seconds.
Ref<Object> sys_gilstats(VM& vm, Object*, Args, size_t, Object*) {
    GilStats stats = vm.gil().stats();
    Ref<Object> result = dict_new(vm);
    Ref<Object> threads = dict_new(vm);
    if (!result || !threads)
        return nullptr;
    auto count = [&](uint64_t value) { return int_from_i64(vm, static_cast<int64_t>(value)); };
    if (!put(vm, result.get(), "switches", count(stats.switches)) ||
        !put(vm, result.get(), "forced_switches", count(stats.forced_switches)) ||
        !put(vm, result.get(), "requests", count(stats.requests)) ||
        !put(vm, result.get(), "priority_requests", count(stats.priority_requests)) ||
        !put(vm, result.get(), "revoked_offers", count(stats.revoked_offers)) ||
        !put(vm, result.get(), "spins", count(stats.spins)) ||
        !put(vm, result.get(), "spin_wins", count(stats.spin_wins)) ||
        !put(vm, result.get(), "check_interval",
             count(static_cast<uint64_t>(vm.gil().check_interval()))) ||
        !put(vm, result.get(), "switch_interval", float_new(vm, vm.gil().switch_interval())))
        return nullptr;
    for (const GilThreadStats& thread : stats.threads) {
        Ref<Object> entry = dict_new(vm);
        Ref<Object> ident = count(thread.ident);
        if (!entry || !ident || !put(vm, entry.get(), "waits", count(thread.waits)) ||
            !put(vm, entry.get(), "total_wait",
                 float_new(vm, static_cast<double>(thread.total_wait_ns) / 1e9)) ||
            !put(vm, entry.get(), "longest_wait",
                 float_new(vm, static_cast<double>(thread.longest_wait_ns) / 1e9)) ||
            !put(vm, entry.get(), "alive", vm.new_bool(thread.alive)) ||
            !is_ok(dict_setitem(vm, threads.get(), ident.get(), entry.get())))
            return nullptr;
    }
    if (!put(vm, result.get(), "threads", std::move(threads)))
        return nullptr;
    return result;
}

} // namespace

extern const MethodDef sys_gil_functions[] = {
    {"setswitchinterval", sys_setswitchinterval, MethodKind::o, nullptr},
    {"getswitchinterval", sys_getswitchinterval, MethodKind::noargs, nullptr},
    {"setcheckinterval", sys_setcheckinterval, MethodKind::o, nullptr},
    {"getcheckinterval", sys_getcheckinterval, MethodKind::noargs, nullptr},
    {"_gilstats", sys_gilstats, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

bool init_thread_module(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    TypeSpec lock_spec{};
    lock_spec.name = "_thread.lock";
    lock_spec.basic_size = sizeof(LockObject);
    lock_spec.slots.dealloc = lock_dealloc;
    lock_spec.slots.repr = lock_repr;
    lock_spec.methods = lock_methods;
    // make_io_type puts the dunders (__enter__, __exit__) in the type dict for `with`.
    Ref<Type> lock_type = make_io_type(rt, lock_spec);
    TypeSpec rlock_spec{};
    rlock_spec.name = "_thread.RLock";
    rlock_spec.basic_size = sizeof(RLockObject);
    rlock_spec.flags = type_base_type;
    rlock_spec.slots.dealloc = rlock_dealloc;
    rlock_spec.slots.repr = rlock_repr;
    rlock_spec.methods = rlock_methods;
    Ref<Type> rlock_type = make_io_type(rt, rlock_spec);
    if (!lock_type || !rlock_type)
        return false;
    enable_weakrefs(lock_type.get()); // locks can be weakly referenced, as in CPython
    enable_weakrefs(rlock_type.get());
    rt.set_constructor(rlock_type.get(), rlock_construct);
    Ref<Type> hook_args = struct_seq_type_new(rt, "_thread._ExceptHookArgs",
                                              {"exc_type", "exc_value", "exc_traceback", "thread"});
    if (!hook_args)
        return false;
    rt.set_constructor(hook_args.get(), except_hook_args_construct);
    Ref<Object> timeout = float_new(vm, timeout_max);
    if (!timeout)
        return false;
    if (!add_object(rt, module, "LockType", lock_type.get()) ||
        !add_object(rt, module, "lock", lock_type.get()) ||
        !add_object(rt, module, "RLock", rlock_type.get()) ||
        !add_object(rt, module, "_ExceptHookArgs", hook_args.get()) ||
        !add_object(rt, module, "error", vm.exceptions().RuntimeError) ||
        !add_object(rt, module, "TIMEOUT_MAX", timeout.get()))
        return false;
    // The functions are bound to the module (their `self`) to find its types.
    return add_functions(rt, module, thread_functions, module);
}

} // namespace minipy::stdlib
