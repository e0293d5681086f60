// The import system (CPython 3.11's importlib._bootstrap semantics, in C++): name resolution for
// relative imports, the search order (sys.modules, C++ built-in modules, frozen modules, then
// sys.path or the parent package's __path__), packages with __init__.py and namespace packages,
// submodules bound on their parent, fromlist handling and CPython's ImportError messages.
//
// Invariants:
//  - sys.modules (Runtime::modules()) is the only cache: a module is registered there before its
//    body runs (so circular imports see the partial module) and removed again if the body raises;
//  - the search path is read at every import: sys.path when the sys module has a list there, else
//    Runtime::path_list();
//  - frozen modules (stdlib/py/*.py, stdlib/modules.h) have no __file__; their code objects are
//    named "<frozen NAME>".
#pragma once

#include <string>
#include <string_view>

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;

// Imports the absolute dotted `name` (parents first) and returns that module itself (not the top
// package): importlib.import_module's core. Raises ModuleNotFoundError "No module named 'a.b'",
// "No module named 'a.b'; 'a' is not a package", whatever the module body raises.
[[nodiscard]] Ref<Object> import_absolute(Runtime& runtime, std::string_view name);

// __import__(name, globals, locals, fromlist, level): `globals` (a dict or null) gives the
// package for relative imports; `fromlist` may be null or None. Returns the top-level package when
// fromlist is empty, else the named module. Raises ImportError "attempted relative import with no
// known parent package", ModuleNotFoundError, ValueError for a negative level.
[[nodiscard]] Ref<Object> import_module_level(Runtime& runtime, Object* name, Object* globals,
                                              Object* fromlist, intptr_t level);

// importlib.import_module(name, package): resolves a leading-dot name against `package` (a str or
// null). Raises TypeError "the 'package' argument is required to perform a relative import for
// '.x'" and what import_absolute raises.
[[nodiscard]] Ref<Object> import_module_by_name(Runtime& runtime, std::string_view name,
                                                Object* package);

// importlib.reload(module): runs the module's source again in its own dict. Returns the module
// (from sys.modules). Raises TypeError "reload() argument must be a module", ImportError
// "module x not in sys.modules".
[[nodiscard]] Ref<Object> reload_module(Runtime& runtime, Object* module);

// The builtin `__import__` (a MethodFunction with keywords).
[[nodiscard]] Ref<Object> builtin_import(VM& vm, Object* self, Object* const* args, size_t nargs,
                                         Object* kwnames);

} // namespace minipy::vm
