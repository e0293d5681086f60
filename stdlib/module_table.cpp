// The table of C++ modules and the code that imports one. Each module lives in its own file
// (stdlib/mod_NAME.cpp) and exports one init function, declared and listed here.
#include <cstring>

#include "stdlib/modules.h"
#include "vm/errors.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/module.h"
#include "vm/types/str.h"

namespace minipy::stdlib {

using vm::Object;
using vm::Ref;

// One line per module: declare its init here and list it in `modules` below (keep both sorted).
bool init__io_module(vm::Runtime& runtime, vm::Object* module);
bool init__structseq_module(vm::Runtime& runtime, vm::Object* module);
bool init_gc_module(vm::Runtime& runtime, vm::Object* module);
bool init_importlib_module(vm::Runtime& runtime, vm::Object* module);
bool init_io_module(vm::Runtime& runtime, vm::Object* module);
bool init_json_module(vm::Runtime& runtime, vm::Object* module);
bool init_math_module(vm::Runtime& runtime, vm::Object* module);
bool init_os_module(vm::Runtime& runtime, vm::Object* module);
bool init_posixpath_module(vm::Runtime& runtime, vm::Object* module);
bool init_random_module(vm::Runtime& runtime, vm::Object* module);
bool init_signal_module(vm::Runtime& runtime, vm::Object* module);
bool init_sys_module(vm::Runtime& runtime, vm::Object* module);
bool init_thread_module(vm::Runtime& runtime, vm::Object* module);
bool init_time_module(vm::Runtime& runtime, vm::Object* module);
bool init_weakref_module(vm::Runtime& runtime, vm::Object* module);

namespace {
constexpr BuiltinModuleDef modules[] = {
    {"_io", init__io_module},
    {"_signal", init_signal_module},
    {"_structseq", init__structseq_module},
    {"_thread", init_thread_module},
    {"_weakref", init_weakref_module},
    {"gc", init_gc_module},
    {"importlib", init_importlib_module},
    {"io", init_io_module},
    {"json", init_json_module},
    {"math", init_math_module},
    {"os", init_os_module},
    {"posixpath", init_posixpath_module},
    {"random", init_random_module},
    {"sys", init_sys_module},
    {"time", init_time_module},
    {nullptr, nullptr}, // end
};
} // namespace

std::span<const BuiltinModuleDef> builtin_modules() {
    return {modules, std::size(modules) - 1};
}

const BuiltinModuleDef* find_builtin_module(std::string_view name) {
    for (const BuiltinModuleDef& def : builtin_modules())
        if (name == def.name)
            return &def;
    return nullptr;
}

const FrozenModuleDef* find_frozen_module(std::string_view name) {
    for (const FrozenModuleDef& def : frozen_modules())
        if (name == def.name)
            return &def;
    return nullptr;
}

bool add_functions(vm::Runtime& rt, Object* module, const vm::MethodDef* functions, Object* self) {
    Object* module_name = static_cast<vm::Module*>(module)->name;
    for (const vm::MethodDef* def = functions; def->name; ++def) {
        Ref<Object> function = vm::builtin_function_new(rt, def, self);
        if (!function)
            return false;
        vm::BuiltinFunction* builtin = static_cast<vm::BuiltinFunction*>(function.get());
        vm::set_ref(builtin->module, Ref<Object>::borrow(module_name).release());
        if (!add_object(rt, module, def->name, function.get()))
            return false;
    }
    return true;
}

bool add_object(vm::Runtime& rt, Object* module, const char* name, Object* value) {
    vm::VM& vm = rt.vm();
    Ref<Object> key = vm::intern(vm, name);
    return key && vm::is_ok(vm::dict_setitem(vm, static_cast<vm::Module*>(module)->dict, key.get(),
                                             value));
}

Ref<Object> import_builtin_module(vm::Runtime& rt, std::string_view name) {
    const BuiltinModuleDef* def = find_builtin_module(name);
    if (!def)
        return nullptr;
    vm::VM& vm = rt.vm();
    Ref<Object> module = vm::module_new(rt, name);
    if (!module)
        return nullptr;
    Object* key = static_cast<vm::Module*>(module.get())->name;
    if (!vm::is_ok(vm::dict_setitem(vm, rt.modules(), key, module.get())))
        return nullptr;
    if (!def->init(rt, module.get())) {
        Ref<Object> error = vm.thread_state().fetch_exception();
        (void)vm::dict_delitem(vm, rt.modules(), key);
        vm.thread_state().clear_exception();
        vm.thread_state().set_exception(std::move(error));
        return nullptr;
    }
    return module;
}

} // namespace minipy::stdlib
