// The VM: one interpreter instance. It owns everything its objects need: the heap (refchain and
// generations), pools, free lists, the built-in type objects, the exception classes, the singletons
// (None, True, False, NotImplemented, Ellipsis), the hash seed and the thread states.
//
// Invariants:
//  - no process-wide mutable state: several VMs live in one process and run in parallel on
//  different
//    OS threads; objects never cross from one VM to another;
//  - destroying a VM frees every object still on its refchain, cycles and leaked references
//  included
//    (containers are cleared first, then every object is deallocated, types last), so a host that
//    creates and destroys VMs leaks nothing;
//  - a VM is used by one OS thread at a time: the one holding its GIL (vm/gil.h); each OS thread
//    running Python code in it has its own ThreadState, the main one made with the VM;
//  - the only process-wide state a VM touches is the pending-signal flag of vm/signals.h (signals
//    are process-wide); only the VM that installed the handlers (install_signal_handlers, the one
//    the `minipy` command makes) reacts to it.
#pragma once

#include <cstdint>
#include <memory>

#include "gc/free_lists.h"
#include "gc/pools.h"
#include "gc/ref.h"
#include "gc/refchain.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/thread_state.h"
#include "vm/type.h"

namespace minipy::vm {

class Runtime;
class Gil;

// The VM's built-in types (owned by the VM).
struct BuiltinTypes {
    Type* object;
    Type* type;
    Type* int_;
    Type* bool_;
    Type* float_;
    Type* str;
    Type* bytes;
    Type* tuple;
    Type* list;
    Type* dict;
    Type* set;
    Type* frozenset;
    Type* none;
    Type* not_implemented;
    Type* ellipsis;
    Type* tuple_iterator;
    Type* list_iterator;
    Type* str_iterator;
    Type* dict_keyiterator;
    Type* set_iterator;
    // Made after the pools, by init_bytes_type / init_dict_type's late halves (called from the
    // builtins' set-up): bytearray and the dict views with their iterators.
    Type* bytearray;
    Type* dict_keys;
    Type* dict_values;
    Type* dict_items;
    Type* dict_valueiterator;
    Type* dict_itemiterator;
};

struct VMOptions {
    // The hash seed source: as CPython's PYTHONHASHSEED. Unset reads the environment variable; a
    // value of 0 disables randomisation; "random" or absent draws a seed from /dev/urandom.
    bool use_environment = true;
    bool fixed_hash_seed = false;
    uint64_t hash_seed = 0;
};

class VM {
public:
    // Creates a VM with its built-in types and pools. Null on out-of-memory.
    static std::unique_ptr<VM> create(const VMOptions& options = {});
    ~VM();
    VM(const VM&) = delete;
    VM& operator=(const VM&) = delete;

    gc::Heap& heap() { return m_heap; }
    gc::Pools& pools() { return m_pools; }
    gc::FreeLists& free_lists() { return m_free_lists; }
    // The ThreadState of the thread running in this VM (the GIL's holder).
    ThreadState& thread_state() { return *m_current_thread; }
    // The ThreadState of the VM's main thread (the one that made it).
    ThreadState& main_thread_state() { return *m_thread_state; }
    // Called by the GIL only (vm/gil.cpp) when it changes hands.
    void set_current_thread_state(ThreadState* state) { m_current_thread = state; }
    // The VM's GIL (vm/gil.h).
    Gil& gil() { return *m_gil; }
    BuiltinTypes& types() { return m_types; }
    ExceptionTypes& exceptions() { return m_exceptions; }

    // Singletons (borrowed).
    Object* none() const { return m_none; }
    Object* true_() const { return m_true; }
    Object* false_() const { return m_false; }
    Object* not_implemented() const { return m_not_implemented; }
    Object* ellipsis() const { return m_ellipsis; }
    Ref<Object> new_none() const { return Ref<Object>::borrow(m_none); }
    Ref<Object> new_bool(bool value) const { return Ref<Object>::borrow(value ? m_true : m_false); }
    Ref<Object> new_not_implemented() const { return Ref<Object>::borrow(m_not_implemented); }

    // The seed of str/bytes hashing (XXH3); 0 when PYTHONHASHSEED=0.
    uint64_t hash_seed() const { return m_hash_seed; }
    // sys.set_int_max_str_digits: 0 means no limit; CPython's default is 4300.
    int64_t int_max_str_digits() const { return m_int_max_str_digits; }
    void set_int_max_str_digits(int64_t digits) { m_int_max_str_digits = digits; }

    // The preallocated MemoryError instance (borrowed).
    Object* memory_error_instance() const { return m_memory_error; }
    // Takes over the preallocated MemoryError (init_exception_types).
    void set_memory_error_instance(Object* instance) { m_memory_error = instance; }
    // True while ~VM runs: deallocs must not resurrect objects or run Python code.
    bool is_finalizing() const { return m_finalizing; }

    // The Runtime beside this VM (vm/runtime.h), or null before Runtime::create / after ~Runtime.
    Runtime* runtime() const { return m_runtime; }
    // Called by Runtime::create and ~Runtime only.
    void attach_runtime(Runtime* runtime) { m_runtime = runtime; }

    // sys.getrecursionlimit(): how deep Python calls and guarded C++ recursion (repr, str,
    // comparison) may nest before RecursionError. 1000 by default, as CPython.
    int recursion_limit() const { return m_recursion_limit; }
    // sys.setrecursionlimit(limit). Raises ValueError "recursion limit must be greater or equal
    // than 1", OverflowError "Python int too large to convert to C int" past INT_MAX, and
    // RecursionError "cannot set the recursion limit to N at the recursion depth D: the limit is
    // too low" as CPython 3.11.
    [[nodiscard]] Status set_recursion_limit(int64_t limit);

    // ====== Signals (vm/signals.cpp)
    // Installs a SIGINT handler that only sets the process-wide pending flag, and makes this VM
    // the one that turns it into KeyboardInterrupt; the previous handler comes back when the VM is
    // destroyed. Call it from the thread that runs the VM's main code. False if sigaction failed.
    bool install_signal_handlers();
    bool handles_signals() const { return m_handles_signals; }
    // The eval breaker's signal step (CPython's PyErr_CheckSignals): when a signal arrived and this
    // VM handles signals, clears its flag and runs its Python-level handler (signal module), or
    // raises KeyboardInterrupt for SIGINT without one; Status::error when a handler raised.
    [[nodiscard]] Status handle_pending_signals();
    // The Python-level handlers set by signal.signal: a list indexed by signal number (owned), or
    // null before the signal module set one. set_signal_handlers steals `handlers` (null drops
    // them: ~Runtime does so before the modules go).
    Object* signal_handlers() const { return m_signal_handlers; }
    void set_signal_handlers(Object* handlers);
    friend bool set_signal_disposition(VM& vm, int signum, int disposition); // vm/signals.h

    // ====== Teardown and leak accounting (vm/vm_finalize.cpp)
    // Frees the garbage no root reaches, as CPython's collection at finalization does: every
    // object on the refchain that the VM's roots (built-in types, pools, singletons, the
    // runtime's roots) and the `count` objects of `extra_roots` (borrowed) do not reach. First the __del__ methods of such
    // instances run and suspended generators are closed, with everything still intact; then the
    // containers are cleared, which breaks the cycles. Python code may run. Returns how many
    // objects were freed. Exceptions raised by finalizers are reported to stderr, as CPython's
    // "Exception ignored in".
    size_t collect_unreachable(Object* const* extra_roots = nullptr, size_t count = 0);
    // What -X showrefcount prints at exit: the total reference count of every object on the
    // refchain, and how many of them the VM itself does not own (not reachable from the built-in
    // types, pools, interned strings and singletons). After the runtime is gone this is the
    // number of leaked objects: 0 when nothing leaked.
    struct RefCounts {
        intptr_t refs = 0;
        size_t objects = 0;
    };
    RefCounts count_unowned_objects();
    // True while collect_unreachable clears garbage whose finalizers already ran: deallocs then
    // must not run __del__ again (CPython's "finalized" mark, PEP 442).
    bool finalizers_done() const { return m_finalizers_done; }

    // Used by the init_*_type functions while the VM is built.
    void set_singletons(Object* none, Object* true_value, Object* false_value,
                        Object* not_implemented, Object* ellipsis);

private:
    VM() = default;
    bool initialize(const VMOptions& options);
    void destroy_all_objects();

    gc::Heap m_heap;
    gc::FreeLists m_free_lists;
    gc::Pools m_pools;
    std::unique_ptr<ThreadState> m_thread_state;
    ThreadState* m_current_thread = nullptr;
    Gil* m_gil = nullptr; // owned; see vm/gil.h for when it outlives the VM
    BuiltinTypes m_types{};
    ExceptionTypes m_exceptions{};
    Object* m_none = nullptr;
    Object* m_true = nullptr;
    Object* m_false = nullptr;
    Object* m_not_implemented = nullptr;
    Object* m_ellipsis = nullptr;
    Object* m_memory_error = nullptr;
    uint64_t m_hash_seed = 0;
    int64_t m_int_max_str_digits = 4300;
    bool m_finalizing = false;
    Runtime* m_runtime = nullptr;
    int m_recursion_limit = 1000;
    bool m_handles_signals = false;
    bool m_finalizers_done = false;
    void* m_saved_sigint = nullptr; // the saved dispositions (vm/signals.cpp), owned
    Object* m_signal_handlers = nullptr;
};

// Allocates an object of `type` whose struct is T (plus `items` * type->item_size bytes).
// Raises MemoryError (returns null).
template <class T> Ref<T> allocate_object(VM& vm, Type* type, size_t items = 0) {
    size_t bytes = type->basic_size + items * type->item_size;
    if (type->item_size != 0 && items > (SIZE_MAX - type->basic_size) / type->item_size)
        return raise_memory_error(vm);
    Object* object = vm.heap().allocate(type, bytes);
    if (!object)
        return raise_memory_error(vm);
    return Ref<T>::steal(static_cast<T*>(object));
}

// The VM an object belongs to.
inline VM& vm_of(const Object* object);

} // namespace minipy::vm

namespace minipy::vm {
inline VM& vm_of(const Object* object) {
    return *object->type->vm;
}
} // namespace minipy::vm
