// The Runtime beside each VM: creation order and teardown. Invariants are in vm/runtime.h.
#include "vm/runtime.h"

#include <cstdio>
#include <new>
#include <vector>

#include "vm/descriptors.h"
#include "vm/eval_helpers.h"
#include "vm/types/alias.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/str.h"

namespace minipy::vm {

std::unique_ptr<Runtime> Runtime::create(VM& vm) {
    std::unique_ptr<Runtime> runtime(new (std::nothrow) Runtime(vm));
    if (!runtime)
        return nullptr;
    vm.attach_runtime(runtime.get());
    if (!runtime->initialize())
        return nullptr;
    return runtime;
}

bool Runtime::initialize() {
#define MINIPY_X(name)                                                                             \
    {                                                                                              \
        Ref<Object> text = str_intern_text(m_vm, #name);                                           \
        if (!text)                                                                                 \
            return false;                                                                          \
        m_names.name = text.release();                                                             \
    }
    MINIPY_RUNTIME_NAMES(MINIPY_X)
#undef MINIPY_X
    Ref<Object> func_name = str_intern_text(m_vm, "__func__");
    if (!func_name)
        return false;
    m_names.dunder_func = func_name.release();
    Ref<Object> builtins = dict_new(m_vm);
    Ref<Object> modules = dict_new(m_vm);
    Ref<Object> path = list_new(m_vm, 0);
    if (!builtins || !modules || !path)
        return false;
    m_builtins = builtins.release();
    m_modules = modules.release();
    m_path = path.release();
    return init_function_types(*this) && init_module_type(*this) && init_range_types(*this) &&
           init_class_support(*this) && init_descriptor_types(*this) &&
           init_generator_type(*this) && init_traceback_type(*this) && init_iterator_types(*this) &&
           init_alias_types(*this) && stdlib::init_builtins(*this);
}

Runtime::~Runtime() {
    finalize();
    // D's VM teardown frees types in refchain order and expects every type's type to be `type`:
    // give classes made by a metaclass back `type` before it runs (no Python code runs after this).
    std::vector<Object*> metatypes;
    Type* type_type = m_vm.types().type;
    for (Object* o = m_vm.heap().first(); o != m_vm.heap().end(); o = o->chain_next) {
        if (has_flag(o->type, type_type_subclass) && o->type != type_type) {
            metatypes.push_back(o->type);
            o->type = type_type;
        }
    }
    for (Object* metatype : metatypes)
        decref(metatype);
    for (auto& entry : m_builtin_methods)
        xdecref(entry.second);
    m_builtin_methods.clear();
    xdecref(m_base_exc_info.value);
    if (m_builtins)
        dict_clear_all(m_builtins);
    xdecref(m_builtins);
    xdecref(m_modules);
    xdecref(m_path);
    m_builtins = nullptr;
    m_modules = nullptr;
    m_path = nullptr;
    m_base_exc_info.value = nullptr;
    // The types and names stay alive until the VM frees every object (types last).
    m_vm.attach_runtime(nullptr);
}

Object* Runtime::builtin_method(Type* type, Object* name) {
    MethodKey key{type, name};
    auto found = m_builtin_methods.find(key);
    if (found != m_builtin_methods.end())
        return found->second;
    const MethodDef* def = find_method(type, str_ascii_view(name));
    Object* method = nullptr;
    if (def) {
        Ref<Object> made = builtin_function_new(*this, def, nullptr);
        if (!made)
            return nullptr;
        static_cast<BuiltinFunction*>(made.get())->owner = type;
        method = made.release();
    } else {
        // A dunder of a slot (object.__init__, int.__add__): one slot wrapper per type and name,
        // as the one CPython keeps in the type's dict (`object.__init__ is object.__init__`).
        Ref<Object> wrapper = slot_wrapper_new(*this, type, name, nullptr);
        if (!wrapper && m_vm.thread_state().has_exception())
            return nullptr;
        method = wrapper.release();
    }
    try {
        m_builtin_methods.emplace(key, method);
    } catch (...) {
        xdecref(method);
        (void)raise_memory_error(m_vm);
        return nullptr;
    }
    return method;
}

int Runtime::traverse_roots(VisitFn visit, void* arg) const {
    auto visit_field = [&](Object* object) { return object ? visit(object, arg) : 0; };
#define MINIPY_X(name)                                                                             \
    if (int result = visit_field(m_names.name))                                                    \
        return result;
    MINIPY_RUNTIME_NAMES(MINIPY_X)
#undef MINIPY_X
    for (Object* object :
         {m_names.dunder_func, m_builtins, m_modules, m_base_exc_info.value, m_path}) {
        if (int result = visit_field(object))
            return result;
    }
    for (const auto& entry : m_builtin_methods) {
        if (int result = visit_field(entry.second))
            return result;
    }
    return 0;
}

// ====== Finalization (CPython 3.11's finalize_modules, Python/pylifecycle.c)

namespace {

// _PyModule_ClearDict: names with one leading underscore become None first, then every other
// name but __builtins__, so a __del__ that runs meanwhile still finds most globals.
void clear_module_dict(VM& vm, Object* dict) {
    Ref<Object> keep = Ref<Object>::borrow(dict);
    Object* none = vm.none();
    for (int pass = 0; pass < 2; ++pass) {
        intptr_t pos = 0;
        Object* key = nullptr;
        Object* value = nullptr;
        while (dict_next(dict, pos, &key, &value)) {
            if (value == none || !is_str(key))
                continue;
            std::string name = str_to_utf8(key);
            bool single_underscore =
                name.size() >= 1 && name[0] == '_' && (name.size() < 2 || name[1] != '_');
            if (pass == 0 ? !single_underscore : name == "__builtins__")
                continue;
            Ref<Object> hold_key = Ref<Object>::borrow(key);
            if (!is_ok(dict_setitem(vm, dict, key, none)))
                vm.thread_state().clear_exception();
        }
    }
    vm.thread_state().clear_exception();
}

// CPython's _PyAtExit_Call: the functions registered with the (frozen) atexit module run first,
// with every module intact; atexit reports their exceptions itself.
void run_atexit_callbacks(VM& vm, Object* modules) {
    Ref<Object> name = intern(vm, "atexit");
    Ref<Object> run = intern(vm, "_run_exitfuncs");
    Object* module = nullptr;
    if (name && run && modules && dict_lookup(vm, modules, name.get(), &module) > 0 && module) {
        Ref<Object> keep = Ref<Object>::borrow(module);
        Ref<Object> result = call_method_name(vm, module, run.get(), nullptr, 0);
    }
    vm.thread_state().clear_exception();
}

// finalize_modules_delete_special: sys.last_type/last_value/last_traceback become None, so the
// frames an uncaught exception's traceback holds (a suspended generator's among them) are garbage
// of the first collection, finalized while builtins still work.
void forget_last_exception(VM& vm, Object* sys_module) {
    if (sys_module->type != runtime_of(vm).types().module)
        return;
    Object* dict = static_cast<Module*>(sys_module)->dict;
    for (const char* name : {"last_type", "last_value", "last_traceback"}) {
        Ref<Object> key = intern(vm, name);
        Object* present = nullptr;
        if (!key || dict_lookup(vm, dict, key.get(), &present) <= 0 ||
            !is_ok(dict_setitem(vm, dict, key.get(), vm.none())))
            vm.thread_state().clear_exception();
    }
}

} // namespace

void Runtime::finalize() {
    if (m_finalized)
        return;
    m_finalized = true;
    VM& vm = m_vm;
    std::fflush(stdout);
    vm.thread_state().clear_exception();
    run_atexit_callbacks(vm, m_modules);
    std::fflush(stdout);
    set_ref(m_base_exc_info.value, nullptr);
    vm.set_signal_handlers(nullptr); // signal.signal's handlers (vm/signals.h)
    // finalize_remove_modules: sys.modules is emptied, each module held meanwhile. `sys` and
    // `builtins` stay roots (CPython's interpreter keeps sysdict and builtins), so print and
    // sys.stdout keep working in the finalizers.
    std::vector<Ref<Object>> modules;
    std::vector<Object*> roots;
    if (m_modules) {
        intptr_t pos = 0;
        Object* key = nullptr;
        Object* value = nullptr;
        while (dict_next(m_modules, pos, &key, &value)) {
            modules.push_back(Ref<Object>::borrow(value));
            if (is_str(key)) {
                std::string name = str_to_utf8(key);
                if (name == "sys" || name == "builtins")
                    roots.push_back(value);
                if (name == "sys")
                    forget_last_exception(vm, value);
            }
        }
        dict_clear_all(m_modules);
    }
    // The collection at finalization: garbage (the __main__ module and its functions, class
    // cycles, frames kept by tracebacks) is finalized with its globals intact, then freed.
    (void)vm.collect_unreachable(roots.data(), roots.size());
    // finalize_modules_clear_weaklist: modules still alive, newest first; sys and builtins last.
    Type* module_type = m_types.module;
    auto clear_module = [&](Object* module) {
        if (module->type == module_type && static_cast<Module*>(module)->dict)
            clear_module_dict(vm, static_cast<Module*>(module)->dict);
    };
    for (size_t i = modules.size(); i > 0; --i) {
        Object* module = modules[i - 1].get();
        bool special = false;
        for (Object* root : roots)
            special = special || root == module;
        if (!special && module->refcount > 1)
            clear_module(module);
    }
    for (Object* root : roots)
        clear_module(root);
    // finalize_clear_sys_builtins_dict.
    for (Object* root : roots) {
        if (root->type == module_type && static_cast<Module*>(root)->dict)
            dict_clear_all(static_cast<Module*>(root)->dict);
    }
    modules.clear();
    if (m_builtins)
        dict_clear_all(m_builtins);
    vm.thread_state().clear_exception();
    (void)vm.collect_unreachable();
    vm.thread_state().clear_exception();
    std::fflush(stdout);
}

} // namespace minipy::vm
