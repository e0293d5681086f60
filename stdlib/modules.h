// The registry of built-in modules: modules written in C++ (each fills a fresh module object the
// first time it is imported) and frozen modules (Python source compiled into the binary).
//
// Invariants:
//  - the tables are constant data: no process-wide mutable state; every VM imports its own copy;
//  - a C++ module's `init` receives a fresh, already registered module (in sys.modules) and fills
//    its dict; it returns false with the exception set on failure (the import then fails and the
//    module is removed from sys.modules again).
#pragma once

#include <span>
#include <string_view>

#include "gc/ref.h"
#include "vm/object.h"
#include "vm/runtime.h"

namespace minipy::stdlib {

struct BuiltinModuleDef {
    const char* name; // e.g. "math", "os.path" is not one: os sets it
    bool (*init)(vm::Runtime& runtime, vm::Object* module); // fills the module's dict
};

struct FrozenModuleDef {
    const char* name;        // dotted module name
    std::string_view source; // its Python source
    bool is_package;         // true for a package's __init__
};

// Every C++ module, by name (stdlib/module_table.cpp).
std::span<const BuiltinModuleDef> builtin_modules();
// The C++ module called `name`, or null.
const BuiltinModuleDef* find_builtin_module(std::string_view name);

// Every frozen module: Python source under stdlib/py/ embedded at build time (the generated
// frozen_modules.cpp; see stdlib/frozen.cmake). A package's __init__.py is listed under the
// package's name with is_package set.
std::span<const FrozenModuleDef> frozen_modules();
// The frozen module called `name` (dotted), or null.
const FrozenModuleDef* find_frozen_module(std::string_view name);

// Adds each function of `functions` (terminated by a null name) to `module` as a built-in function
// whose __module__ is the module's name, bound to `self` (pass the module itself for functions that
// find the module's types through it, as CPython's module functions). False with MemoryError set.
[[nodiscard]] bool add_functions(vm::Runtime& runtime, vm::Object* module,
                                 const vm::MethodDef* functions, vm::Object* self = nullptr);
// module.name = value (borrowed value). False with the exception set.
[[nodiscard]] bool add_object(vm::Runtime& runtime, vm::Object* module, const char* name,
                              vm::Object* value);

// Imports the C++ module `name` into the runtime: makes the module, registers it in sys.modules,
// runs init. New reference; null with the exception set on failure, null without one when there
// is no such C++ module.
[[nodiscard]] vm::Ref<vm::Object> import_builtin_module(vm::Runtime& runtime,
                                                        std::string_view name);

} // namespace minipy::stdlib
