// The Runtime beside each VM: creation order and teardown. Invariants are in vm/runtime.h.
#include "vm/runtime.h"

#include <map>
#include <mutex>
#include <new>
#include <vector>

#include "vm/types/alias.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/list.h"
#include "vm/types/str.h"

namespace minipy::vm {
namespace {

// FIXME: VM has no extension slot for the runtime yet; this registry maps a VM to its Runtime until
// one exists. It is written only by Runtime::create and ~Runtime, under the mutex.
struct Registry {
    std::mutex mutex;
    std::map<const VM*, Runtime*> runtimes;
};
Registry& registry() {
    static Registry instance;
    return instance;
}

} // namespace

std::unique_ptr<Runtime> Runtime::create(VM& vm) {
    std::unique_ptr<Runtime> runtime(new (std::nothrow) Runtime(vm));
    if (!runtime)
        return nullptr;
    {
        std::lock_guard lock(registry().mutex);
        registry().runtimes[&vm] = runtime.get();
    }
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
    xdecref(m_handled);
    if (m_builtins)
        dict_clear_all(m_builtins);
    xdecref(m_builtins);
    xdecref(m_modules);
    xdecref(m_path);
    // The types and names stay alive until the VM frees every object (types last).
    {
        std::lock_guard lock(registry().mutex);
        registry().runtimes.erase(&m_vm);
    }
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

Runtime& runtime_of(VM& vm) {
    std::lock_guard lock(registry().mutex);
    return *registry().runtimes.at(&vm);
}

} // namespace minipy::vm
