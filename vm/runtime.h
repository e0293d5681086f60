// The interpreter state that sits beside D's VM (issue #3): the types the eval loop adds (function,
// code, cell, method, builtin function, module, range, slice, generator, traceback, property,
// staticmethod, classmethod, super), the builtins and sys.modules dicts, interned dunder names, the
// per-thread frame stack and the handled-exception chain (vm/exc_info.h).
//
// Invariants:
//  - one Runtime per VM, created by Runtime::create after the VM and destroyed before it; it owns
//    one reference to every object field below;
//  - runtime_of(vm) finds it through VM::runtime() (no process-wide registry);
//  - ~Runtime finalizes as CPython's Py_FinalizeEx does: sys.modules is emptied, the garbage no
//    root reaches is collected (finalizers first, with globals intact), the dicts of modules that
//    survive are cleared (_PyModule_ClearDict's order), then builtins; after it only objects the
//    VM itself owns remain, unless something leaked (VM::count_unowned_objects tells).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "vm/exc_info.h"
#include "vm/frame.h"
#include "vm/vm.h"

namespace minipy::vm {

// Interned attribute names the runtime compares by pointer.
#define MINIPY_RUNTIME_NAMES(X)                                                                    \
    X(__init__)                                                                                    \
    X(__new__)                                                                                     \
    X(__name__)                                                                                    \
    X(__qualname__)                                                                                \
    X(__module__) X(__dict__) X(__class__) X(__doc__) X(__builtins__) X(__main__)                  \
        X(__build_class__) X(__annotations__) X(__call__) X(__repr__) X(__str__) X(__hash__)       \
            X(__eq__) X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__iter__) X(__next__) X( \
                __len__) X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__) X(__bool__)  \
                X(__getattr__) X(__getattribute__) X(__setattr__) X(__delattr__) X(__enter__)      \
                    X(__exit__) X(__set_name__) X(__init_subclass__) X(__mro__) X(__bases__)       \
                        X(__base__) X(__defaults__) X(__kwdefaults__) X(__code__) X(__globals__)   \
                            X(__closure__) X(__wrapped__) X(__self__) X(__get__) X(__set__) X(     \
                                __delete__) X(__index__) X(__int__) X(__float__) X(__neg__)        \
                                X(__pos__) X(__abs__) X(__invert__) X(__classcell__) X(__slots__)  \
                                    X(__format__) X(__missing__) X(__reversed__) X(__prepare__)    \
                                        X(__instancecheck__) X(__subclasscheck__) X(__traceback__) \
                                            X(__context__) X(__cause__) X(__suppress_context__)    \
                                                X(args) X(send) X(close) X(stdout) X(write)        \
                                                    X(flush) X(metaclass) X(keys) X(value)         \
                                                        X(__notes__) X(__abstractmethods__)        \
                                                            X(__weakref__) X(__del__)

struct RuntimeNames {
#define MINIPY_X(name) Object* name;
    MINIPY_RUNTIME_NAMES(MINIPY_X)
#undef MINIPY_X
    Object* dunder_func; // "__func__" (a predefined identifier in C++)
};

struct RuntimeTypes {
    Type* function;
    Type* code;
    Type* cell;
    Type* method;
    Type* builtin_function;
    Type* module;
    Type* range;
    Type* range_iterator;
    Type* slice;
    Type* generator;
    Type* traceback;
    Type* property;
    Type* staticmethod;
    Type* classmethod;
    Type* super;
    Type* iterator_adapter; // enumerate/zip/map/filter/reversed/callable-iterator share one layout
    Type* seq_iterator;
    Type* mappingproxy;
    Type* slot_wrapper;
    Type* generic_alias;
    Type* union_type;
    Type* member_descriptor; // __slots__ fields (vm/types/member.h)
    Type* getset_descriptor; // __dict__ / __weakref__ of heap classes (vm/types/member.h)
    // reversed(d) and reversed(view), made at first use (vm/types/dict_reversed.h).
    Type* dict_reversekeyiterator;
    Type* dict_reversevalueiterator;
    Type* dict_reverseitemiterator;
};

// Makes an instance of built-in `cls` (or of a heap subclass whose solid base is it) from call
// arguments: the `__new__` + `__init__` of a built-in type.
using ConstructorFn = Ref<Object> (*)(VM& vm, Type* cls, Object* const* args, size_t nargs,
                                      Object* kwnames);

class Runtime {
public:
    // Makes the runtime of `vm`: its types, builtins and module table. Null on MemoryError.
    static std::unique_ptr<Runtime> create(VM& vm);
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    VM& vm() { return m_vm; }
    RuntimeTypes& types() { return m_types; }
    const RuntimeNames& names() const { return m_names; }
    Object* builtins() const { return m_builtins; } // dict (borrowed)
    Object* modules() const { return m_modules; }   // dict name -> module (borrowed), sys.modules
    FrameStack& frames() { return m_frames; }

    // The exception being handled (sys.exc_info()[1]) or null: the first one in the chain of
    // handled-exception records (vm/exc_info.h), from the top down. Borrowed.
    Object* handled_exception() const {
        for (const ExcInfo* record = m_exc_info; record; record = record->previous)
            if (record->value)
                return record->value;
        return nullptr;
    }
    // Replaces the top record's exception (PUSH_EXC_INFO / POP_EXCEPT; takes a new reference or
    // null) and returns the old one.
    Object* exchange_handled(Object* exception) {
        Object* old = m_exc_info->value;
        m_exc_info->value = exception;
        return old;
    }
    // Links a generator's record on top of the chain while its frame runs, and unlinks it.
    void link_exc_info(ExcInfo* record) {
        record->previous = m_exc_info;
        m_exc_info = record;
    }
    void unlink_exc_info(ExcInfo* record) { m_exc_info = record->previous; }
    // The GIL's swap of the running thread's chain (vm/gil.cpp): park moves the base record's
    // exception (owned) and the top record out, leaving an empty chain; unpark puts them back
    // (null top: the base record) and drops what the chain held meanwhile.
    void park_exc_info(Object*& base_value, ExcInfo*& top) {
        base_value = m_base_exc_info.value;
        m_base_exc_info.value = nullptr;
        top = m_exc_info;
        m_exc_info = &m_base_exc_info;
    }
    void unpark_exc_info(Object*& base_value, ExcInfo*& top) {
        Object* dropped = m_base_exc_info.value;
        m_base_exc_info.value = base_value;
        base_value = nullptr;
        m_exc_info = top ? top : &m_base_exc_info;
        top = nullptr;
        xdecref(dropped);
    }
    // Constructors of built-in types, keyed by the type.
    void set_constructor(const Type* type, ConstructorFn fn) { m_constructors[type] = fn; }
    ConstructorFn constructor(const Type* type) const {
        auto found = m_constructors.find(type);
        return found == m_constructors.end() ? nullptr : found->second;
    }

    // The unbound built-in method `name` (an interned str) of built-in `type`, cached: LOAD_METHOD
    // pushes it with the receiver instead of allocating a bound method per call. Borrowed; null
    // when the type has no such method. Raises MemoryError (null with the exception set).
    Object* builtin_method(Type* type, Object* name);

    // sys.path: the list of directories `import` searches for NAME.py and packages, the script's
    // directory first, then MINIPYPATH's entries (borrowed; the sys module exposes this very list).
    Object* path_list() const { return m_path; }

    // Calls visit(object, arg) for every object the runtime holds a reference to (its roots, for
    // VM::collect_unreachable); stops at and returns the first non-zero result.
    int traverse_roots(VisitFn visit, void* arg) const;
    // Runs the finalization described at the top of this file once (~Runtime calls it too).
    // Python code (__del__, generator finally blocks) may run; exceptions are reported to stderr.
    void finalize();

    // The innermost running frame on this thread (for tracebacks, globals(), super()).
    Frame* current_frame() const { return m_current; }
    void set_current_frame(Frame* frame) { m_current = frame; }

private:
    explicit Runtime(VM& vm) : m_vm(vm) {}
    bool initialize();
    bool m_finalized = false;

    VM& m_vm;
    RuntimeTypes m_types{};
    RuntimeNames m_names{};
    Object* m_builtins = nullptr;
    Object* m_modules = nullptr;
    ExcInfo m_base_exc_info;                // the running thread's base record
    ExcInfo* m_exc_info = &m_base_exc_info; // the chain's top record
    Frame* m_current = nullptr;
    FrameStack m_frames;
    std::unordered_map<const Type*, ConstructorFn> m_constructors;
    Object* m_path = nullptr;
    struct MethodKey {
        const Type* type;
        const Object* name;
        bool operator==(const MethodKey&) const = default;
    };
    struct MethodKeyHash {
        size_t operator()(const MethodKey& key) const {
            return std::hash<const void*>()(key.type) * 31 + std::hash<const void*>()(key.name);
        }
    };
    std::unordered_map<MethodKey, Object*, MethodKeyHash> m_builtin_methods; // owned values
};

// The runtime of a VM (which must have one).
inline Runtime& runtime_of(VM& vm) {
    return *vm.runtime();
}

// Per-type init functions, called by Runtime::initialize in this order.
bool init_function_types(Runtime& runtime); // function, code, cell, method, builtin function
bool init_module_type(Runtime& runtime);
bool init_range_types(Runtime& runtime);      // range, range_iterator, slice
bool init_class_support(Runtime& runtime);    // type(...) calls, object attribute protocol
bool init_descriptor_types(Runtime& runtime); // property, staticmethod, classmethod, super
bool init_generator_type(Runtime& runtime);
bool init_traceback_type(Runtime& runtime);
bool init_iterator_types(Runtime& runtime);
} // namespace minipy::vm

namespace minipy::stdlib {
// Fills the builtins dict (stdlib/builtins.cpp).
bool init_builtins(vm::Runtime& runtime);
} // namespace minipy::stdlib
