// The import system. See vm/import.h; the order of the steps follows CPython 3.11's
// importlib/_bootstrap.py (_find_and_load, _handle_fromlist, _calc___package__, _resolve_name).
#include "vm/import.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "stdlib/modules.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/eval_ops.h"
#include "vm/frame.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

// ====== Helpers

// exception.name = module_name or None (ImportError's attribute; failures to set it are
// ignored).
void set_import_error_name(Runtime& rt, std::string_view module_name) {
    VM& vm = rt.vm();
    Ref<Object> exception = vm.thread_state().fetch_exception();
    if (!exception)
        return;
    Ref<Object> key = intern(vm, "name");
    // CPython leaves name None when no module is involved (a relative import with no package).
    Ref<Object> value =
        module_name.empty() ? Ref<Object>::borrow(vm.none()) : str_from_utf8(vm, module_name);
    if (key && value && !is_ok(set_attr(vm, exception.get(), key.get(), value.get())))
        vm.thread_state().clear_exception();
    vm.thread_state().set_exception(std::move(exception));
}

Raised raise_import_error(Runtime& rt, Type* type, const std::string& message,
                          std::string_view module_name) {
    (void)raise_message(rt.vm(), type, message);
    set_import_error_name(rt, module_name);
    return Raised{};
}

Raised raise_not_found(Runtime& rt, std::string_view name, const std::string& message) {
    return raise_import_error(rt, rt.vm().exceptions().ModuleNotFoundError, message, name);
}

// dict[name] for a C++ string key: borrowed value or null (no exception for a missing key).
Object* dict_get_text(Runtime& rt, Object* dict, std::string_view name, bool& failed) {
    failed = false;
    Ref<Object> key = str_from_utf8(rt.vm(), name);
    if (!key) {
        failed = true;
        return nullptr;
    }
    Object* value = nullptr;
    if (dict_lookup(rt.vm(), dict, key.get(), &value) < 0)
        failed = true;
    return value;
}

Status dict_set_text(Runtime& rt, Object* dict, std::string_view name, Object* value) {
    Ref<Object> key = intern(rt.vm(), name);
    if (!key)
        return Status::error;
    return dict_setitem(rt.vm(), dict, key.get(), value);
}

// Removes sys.modules[name] keeping the current exception.
void forget_module(Runtime& rt, std::string_view name) {
    VM& vm = rt.vm();
    Ref<Object> error = vm.thread_state().fetch_exception();
    Ref<Object> key = str_from_utf8(vm, name);
    Object* value = nullptr;
    if (key && dict_lookup(vm, rt.modules(), key.get(), &value) > 0)
        (void)dict_delitem(vm, rt.modules(), key.get());
    vm.thread_state().clear_exception();
    if (error)
        vm.thread_state().set_exception(std::move(error));
}

// The list import searches for top-level modules: sys.path when it is a list, else the runtime's.
Ref<Object> search_path(Runtime& rt) {
    bool failed = false;
    Object* sys = dict_get_text(rt, rt.modules(), "sys", failed);
    if (failed)
        return nullptr;
    if (sys && sys->type == rt.types().module) {
        Object* path = dict_get_text(rt, static_cast<Module*>(sys)->dict, "path", failed);
        if (failed)
            return nullptr;
        if (path && is_list(path))
            return Ref<Object>::borrow(path);
    }
    return Ref<Object>::borrow(rt.path_list());
}

std::string rpartition_head(std::string_view name) {
    size_t dot = name.rfind('.');
    return dot == std::string_view::npos ? std::string() : std::string(name.substr(0, dot));
}

std::string rpartition_tail(std::string_view name) {
    size_t dot = name.rfind('.');
    return std::string(dot == std::string_view::npos ? name : name.substr(dot + 1));
}

bool read_file(const std::filesystem::path& path, std::string& text) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        return false;
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        return false;
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    text = buffer.str();
    return true;
}

// ====== Finding

// What the finder found for one module name.
struct Located {
    enum class Kind : uint8_t { none, frozen, file, namespace_package } kind = Kind::none;
    std::string source;
    std::string filename;                  // the .py file (file) or "<frozen NAME>"
    std::vector<std::string> package_path; // __path__ of a package
    bool is_package = false;
};

// Searches the directories of `path` (a list) for `tail`: DIR/tail/__init__.py (a package),
// DIR/tail.py, and last a namespace package made of every DIR/tail directory.
Located find_in_path(Object* path, std::string_view tail) {
    Located found;
    std::vector<std::string> namespace_dirs;
    Ref<Object> entries = Ref<Object>::borrow(path);
    for (intptr_t i = 0; i < list_size(entries.get()); ++i) {
        Object* entry = list_items(entries.get())[i];
        if (!is_str(entry))
            continue;
        std::string directory = str_to_utf8(entry);
        std::error_code error;
        // CPython 3.11 turns a "" entry into the current directory, so paths come out absolute.
        std::filesystem::path base = directory.empty() ? std::filesystem::current_path(error)
                                                       : std::filesystem::path(directory);
        std::filesystem::path package = base / std::string(tail);
        if (std::filesystem::is_directory(package, error)) {
            std::filesystem::path init = package / "__init__.py";
            if (read_file(init, found.source)) {
                found.kind = Located::Kind::file;
                found.is_package = true;
                found.filename = init.lexically_normal().string();
                found.package_path.push_back(package.lexically_normal().string());
                return found;
            }
        }
        std::filesystem::path module = base / (std::string(tail) + ".py");
        if (read_file(module, found.source)) {
            found.kind = Located::Kind::file;
            found.filename = module.lexically_normal().string();
            return found;
        }
        if (std::filesystem::is_directory(package, error))
            namespace_dirs.push_back(package.lexically_normal().string());
    }
    if (!namespace_dirs.empty()) {
        found.kind = Located::Kind::namespace_package;
        found.is_package = true;
        found.package_path = std::move(namespace_dirs);
    }
    return found;
}

Located find_frozen(std::string_view name) {
    Located found;
    const stdlib::FrozenModuleDef* def = stdlib::find_frozen_module(name);
    if (!def)
        return found;
    found.kind = Located::Kind::frozen;
    found.source = std::string(def->source);
    found.filename = "<frozen " + std::string(name) + ">";
    found.is_package = def->is_package;
    return found;
}

// ====== Loading

// Fills the dunders of a fresh module: __file__, __package__, __path__, __loader__, __spec__.
Status init_module_attrs(Runtime& rt, Object* module, std::string_view name, const Located& found) {
    VM& vm = rt.vm();
    Object* dict = static_cast<Module*>(module)->dict;
    if (found.kind == Located::Kind::file) {
        Ref<Object> file = str_from_utf8(vm, found.filename);
        if (!file || !is_ok(dict_set_text(rt, dict, "__file__", file.get())))
            return Status::error;
    } else if (found.kind == Located::Kind::namespace_package) {
        // CPython 3.11 gives a namespace package __file__ = None.
        if (!is_ok(dict_set_text(rt, dict, "__file__", vm.none())))
            return Status::error;
    }
    Ref<Object> package =
        str_from_utf8(vm, found.is_package ? std::string(name) : rpartition_head(name));
    if (!package || !is_ok(dict_set_text(rt, dict, "__package__", package.get())))
        return Status::error;
    if (found.is_package) {
        Ref<Object> path = list_new(vm);
        if (!path)
            return Status::error;
        for (const std::string& entry : found.package_path) {
            Ref<Object> text = str_from_utf8(vm, entry);
            if (!text || !is_ok(list_append(vm, path.get(), text.get())))
                return Status::error;
        }
        if (!is_ok(dict_set_text(rt, dict, "__path__", path.get())))
            return Status::error;
    }
    if (!is_ok(dict_set_text(rt, dict, "__loader__", vm.none())) ||
        !is_ok(dict_set_text(rt, dict, "__spec__", vm.none())))
        return Status::error;
    return Status::ok;
}

// Compiles and runs `found` as module `name` in a fresh module registered in sys.modules first.
Ref<Object> load_located(Runtime& rt, std::string_view name, const Located& found) {
    VM& vm = rt.vm();
    Ref<Object> module = module_new(rt, name);
    if (!module || !is_ok(init_module_attrs(rt, module.get(), name, found)))
        return nullptr;
    Object* key = static_cast<Module*>(module.get())->name;
    if (!is_ok(dict_setitem(vm, rt.modules(), key, module.get())))
        return nullptr;
    if (found.kind != Located::Kind::namespace_package) {
        Ref<Code> code = Ref<Code>::steal(static_cast<Code*>(
            compile_string(rt, found.source, found.filename, CompileMode::exec)));
        Object* globals = static_cast<Module*>(module.get())->dict;
        if (!code || !eval_code(rt, code.get(), globals, globals)) {
            forget_module(rt, name);
            return nullptr;
        }
    }
    // The body may have replaced its own entry in sys.modules (CPython returns that object).
    Object* registered = nullptr;
    if (dict_lookup(vm, rt.modules(), key, &registered) < 0)
        return nullptr;
    if (!registered)
        return raise_import_error(rt, vm.exceptions().ImportError,
                                  "module " + std::string(name) + " not in sys.modules", name);
    return Ref<Object>::borrow(registered);
}

// The module's __path__ when it is a package (borrowed through `holder`), else null.
Ref<Object> package_path_of(Runtime& rt, Object* module) {
    Ref<Object> key = intern(rt.vm(), "__path__");
    if (!key)
        return nullptr;
    return get_attr_optional(rt.vm(), module, key.get());
}

// The entry of sys.modules for `name`: 1 found (*out borrowed), 0 absent, -1 error.
int modules_lookup(Runtime& rt, std::string_view name, Object** out) {
    bool failed = false;
    *out = dict_get_text(rt, rt.modules(), name, failed);
    if (failed)
        return -1;
    return *out ? 1 : 0;
}

// ====== Name resolution

// __package__ of the importing module, computed as CPython's _calc___package__.
Status calc_package(Runtime& rt, Object* globals, std::string& package, bool& known) {
    VM& vm = rt.vm();
    known = false;
    if (!globals || !is_dict(globals))
        return Status::ok;
    bool failed = false;
    Object* value = dict_get_text(rt, globals, "__package__", failed);
    if (failed)
        return Status::error;
    if (value && value != vm.none()) {
        if (!is_str(value))
            return raise_type_error(vm, "package must be a string");
        package = str_to_utf8(value);
        known = true;
        return Status::ok;
    }
    Object* name = dict_get_text(rt, globals, "__name__", failed);
    if (failed)
        return Status::error;
    if (!name)
        return raise_message(vm, vm.exceptions().KeyError, "'__name__' not in globals");
    if (!is_str(name))
        return raise_type_error(vm, "__name__ must be a string");
    Object* path = dict_get_text(rt, globals, "__path__", failed);
    if (failed)
        return Status::error;
    package = path ? str_to_utf8(name) : rpartition_head(str_to_utf8(name));
    known = true;
    return Status::ok;
}

// _resolve_name: `level` leading dots against `package`.
Status resolve_name(Runtime& rt, std::string_view name, const std::string& package, bool known,
                    intptr_t level, std::string& out) {
    VM& vm = rt.vm();
    if (!known || package.empty())
        return raise_import_error(rt, vm.exceptions().ImportError,
                                  "attempted relative import with no known parent package", "");
    std::string base = package;
    for (intptr_t i = 1; i < level; ++i) {
        size_t dot = base.rfind('.');
        if (dot == std::string::npos)
            return raise_import_error(rt, vm.exceptions().ImportError,
                                      "attempted relative import beyond top-level package", "");
        base.resize(dot);
    }
    out = name.empty() ? base : base + "." + std::string(name);
    return Status::ok;
}

// _handle_fromlist: imports the submodules a `from package import a, b` names.
Status handle_fromlist(Runtime& rt, Object* module, Object* fromlist, bool recursive) {
    VM& vm = rt.vm();
    Ref<Object> path = package_path_of(rt, module);
    if (!path)
        return vm.thread_state().has_exception() ? Status::error : Status::ok;
    Ref<Object> items = sequence_to_list(vm, fromlist);
    if (!items)
        return Status::error;
    Ref<Object> name_object = get_attr(vm, module, rt.names().__name__);
    if (!name_object)
        return Status::error;
    std::string module_name = is_str(name_object.get()) ? str_to_utf8(name_object.get()) : "";
    for (intptr_t i = 0; i < list_size(items.get()); ++i) {
        Object* item = list_items(items.get())[i];
        if (!is_str(item)) {
            std::string where = recursive ? module_name + ".__all__" : "``from list''";
            return raise_type_error(vm, "Item in ", where, " must be str, not ", item->type->name);
        }
        std::string text = str_to_utf8(item);
        if (text == "*") {
            if (recursive)
                continue;
            Ref<Object> all_key = intern(vm, "__all__");
            if (!all_key)
                return Status::error;
            Ref<Object> all = get_attr_optional(vm, module, all_key.get());
            if (!all) {
                if (vm.thread_state().has_exception())
                    return Status::error;
                continue;
            }
            if (!is_ok(handle_fromlist(rt, module, all.get(), true)))
                return Status::error;
            continue;
        }
        Ref<Object> existing = get_attr_optional(vm, module, item);
        if (existing)
            continue;
        if (vm.thread_state().has_exception())
            return Status::error;
        std::string full = module_name + "." + text;
        if (import_absolute(rt, full))
            continue;
        // A missing submodule is not an error here: IMPORT_FROM reports the missing name.
        Object* error = vm.thread_state().exception();
        if (!exception_matches(error, vm.exceptions().ModuleNotFoundError))
            return Status::error;
        Ref<Object> name_key = intern(vm, "name");
        Ref<Object> failed_name = name_key ? get_attr_optional(vm, error, name_key.get()) : nullptr;
        if (!failed_name || !is_str(failed_name.get()) || str_to_utf8(failed_name.get()) != full)
            return Status::error;
        vm.thread_state().clear_exception();
    }
    return Status::ok;
}

} // namespace

// ====== Public entry points

Ref<Object> import_absolute(Runtime& rt, std::string_view name) {
    VM& vm = rt.vm();
    if (name.empty())
        return raise_value_error(vm, "Empty module name");
    Object* existing = nullptr;
    int found = modules_lookup(rt, name, &existing);
    if (found < 0)
        return nullptr;
    if (found > 0) {
        if (existing == vm.none())
            return raise_not_found(
                rt, name, "import of " + std::string(name) + " halted; None in sys.modules");
        return Ref<Object>::borrow(existing);
    }
    std::string parent_name = rpartition_head(name);
    Ref<Object> parent;
    Ref<Object> path;
    if (!parent_name.empty()) {
        parent = import_absolute(rt, parent_name);
        if (!parent)
            return nullptr;
        // Importing the parent may have imported this module too.
        found = modules_lookup(rt, name, &existing);
        if (found < 0)
            return nullptr;
        if (found > 0)
            return Ref<Object>::borrow(existing);
        path = package_path_of(rt, parent.get());
        if (!path) {
            if (vm.thread_state().has_exception())
                return nullptr;
            return raise_not_found(rt, name,
                                   "No module named '" + std::string(name) + "'; '" + parent_name +
                                       "' is not a package");
        }
    } else {
        Ref<Object> builtin = stdlib::import_builtin_module(rt, name);
        if (builtin || vm.thread_state().has_exception())
            return builtin;
        path = search_path(rt);
        if (!path)
            return nullptr;
    }
    Located located = find_frozen(name);
    if (located.kind == Located::Kind::none && is_list(path.get()))
        located = find_in_path(path.get(), rpartition_tail(name));
    if (located.kind == Located::Kind::none)
        return raise_not_found(rt, name, "No module named '" + std::string(name) + "'");
    Ref<Object> module = load_located(rt, name, located);
    if (!module)
        return nullptr;
    if (parent) {
        Ref<Object> child = str_from_utf8(vm, rpartition_tail(name));
        if (!child || !is_ok(set_attr(vm, parent.get(), child.get(), module.get())))
            return nullptr;
    }
    return module;
}

Ref<Object> import_module_level(Runtime& rt, Object* name_object, Object* globals, Object* fromlist,
                                intptr_t level) {
    VM& vm = rt.vm();
    if (!is_str(name_object))
        return raise_type_error(vm, "module name must be a string");
    if (level < 0)
        return raise_value_error(vm, "level must be >= 0");
    std::string name = str_to_utf8(name_object);
    std::string resolved = name;
    if (level > 0) {
        std::string package;
        bool known = false;
        if (!is_ok(calc_package(rt, globals, package, known)) ||
            !is_ok(resolve_name(rt, name, package, known, level, resolved)))
            return nullptr;
    } else if (name.empty()) {
        return raise_value_error(vm, "Empty module name");
    }
    Ref<Object> module = import_absolute(rt, resolved);
    if (!module)
        return nullptr;
    bool has_fromlist = false;
    if (fromlist && fromlist != vm.none()) {
        int truth = object_is_true(vm, fromlist);
        if (truth < 0)
            return nullptr;
        has_fromlist = truth > 0;
    }
    if (has_fromlist) {
        if (!is_ok(handle_fromlist(rt, module.get(), fromlist, false)))
            return nullptr;
        return module;
    }
    size_t first_dot = name.find('.');
    if (level == 0)
        return import_absolute(rt, name.substr(0, first_dot));
    if (name.empty())
        return module;
    // `from .a.b import` never gets here; `import` forbids relative names, but __import__ allows
    // them: return the package the first component of `name` names.
    size_t cut = first_dot == std::string::npos ? 0 : name.size() - first_dot;
    std::string top = resolved.substr(0, resolved.size() - cut);
    Object* entry = nullptr;
    int found = modules_lookup(rt, top, &entry);
    if (found < 0)
        return nullptr;
    if (found == 0)
        return raise_message(vm, vm.exceptions().KeyError, "'" + top + "'");
    return Ref<Object>::borrow(entry);
}

Ref<Object> import_module_by_name(Runtime& rt, std::string_view name, Object* package) {
    VM& vm = rt.vm();
    size_t level = 0;
    while (level < name.size() && name[level] == '.')
        ++level;
    if (level == 0)
        return import_absolute(rt, name);
    if (!package || package == vm.none() || !is_str(package))
        return raise_type_error(vm,
                                "the 'package' argument is required to perform a relative "
                                "import for '",
                                std::string(name), "'");
    std::string resolved;
    if (!is_ok(resolve_name(rt, name.substr(level), str_to_utf8(package), true,
                            static_cast<intptr_t>(level), resolved)))
        return nullptr;
    return import_absolute(rt, resolved);
}

Ref<Object> reload_module(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    if (module->type != rt.types().module)
        return raise_type_error(vm, "reload() argument must be a module");
    std::string name = str_to_utf8(static_cast<Module*>(module)->name);
    Object* registered = nullptr;
    int found = modules_lookup(rt, name, &registered);
    if (found < 0)
        return nullptr;
    if (found == 0 || registered != module)
        return raise_import_error(rt, vm.exceptions().ImportError,
                                  "module " + name + " not in sys.modules", name);
    if (stdlib::find_builtin_module(name))
        return Ref<Object>::borrow(module); // a C++ module keeps its state, as CPython's
    std::string parent_name = rpartition_head(name);
    Ref<Object> path;
    if (!parent_name.empty()) {
        Object* parent = nullptr;
        found = modules_lookup(rt, parent_name, &parent);
        if (found < 0)
            return nullptr;
        if (found == 0)
            return raise_import_error(rt, vm.exceptions().ImportError,
                                      "parent '" + parent_name + "' not in sys.modules",
                                      parent_name);
        path = package_path_of(rt, parent);
    } else {
        path = search_path(rt);
    }
    if (!path && vm.thread_state().has_exception())
        return nullptr;
    Located located = find_frozen(name);
    if (located.kind == Located::Kind::none && path && is_list(path.get()))
        located = find_in_path(path.get(), rpartition_tail(name));
    if (located.kind == Located::Kind::none)
        return raise_not_found(rt, name, "spec not found for the module '" + name + "'");
    if (!is_ok(init_module_attrs(rt, module, name, located)))
        return nullptr;
    if (located.kind != Located::Kind::namespace_package) {
        Ref<Code> code = Ref<Code>::steal(static_cast<Code*>(
            compile_string(rt, located.source, located.filename, CompileMode::exec)));
        Object* globals = static_cast<Module*>(module)->dict;
        if (!code || !eval_code(rt, code.get(), globals, globals))
            return nullptr;
    }
    found = modules_lookup(rt, name, &registered);
    if (found < 0)
        return nullptr;
    return Ref<Object>::borrow(found > 0 ? registered : module);
}

bool find_module_source(Runtime& rt, std::string_view name, std::string& source,
                        std::string& filename) {
    VM& vm = rt.vm();
    if (name.empty() || name.front() == '.') {
        (void)raise_import_error(rt, vm.exceptions().ImportError,
                                 "Relative module names not supported", name);
        return false;
    }
    std::string parent_name = rpartition_head(name);
    Ref<Object> path;
    if (!parent_name.empty()) {
        Ref<Object> parent = import_absolute(rt, parent_name);
        if (!parent)
            return false;
        path = package_path_of(rt, parent.get());
        if (!path) {
            if (vm.thread_state().has_exception())
                return false;
            (void)raise_not_found(rt, name,
                                  "No module named " + std::string(name) + "; '" + parent_name +
                                      "' is not a package");
            return false;
        }
    } else {
        if (stdlib::find_builtin_module(name)) {
            (void)raise_import_error(rt, vm.exceptions().ImportError,
                                     "No code object available for " + std::string(name), name);
            return false;
        }
        path = search_path(rt);
        if (!path)
            return false;
    }
    Located located = find_frozen(name);
    if (located.kind == Located::Kind::none && is_list(path.get()))
        located = find_in_path(path.get(), rpartition_tail(name));
    if (located.kind == Located::Kind::none) {
        (void)raise_not_found(rt, name, "No module named " + std::string(name));
        return false;
    }
    if (located.is_package) {
        // A package runs its __main__ submodule, after its __init__ (as runpy does).
        std::string main_name = std::string(name) + ".__main__";
        Ref<Object> package = import_absolute(rt, name);
        if (!package)
            return false;
        Ref<Object> package_path = package_path_of(rt, package.get());
        Located main = find_frozen(main_name);
        if (main.kind == Located::Kind::none && package_path && is_list(package_path.get()))
            main = find_in_path(package_path.get(), "__main__");
        if (main.kind == Located::Kind::none || main.is_package) {
            (void)raise_import_error(rt, vm.exceptions().ImportError,
                                     "No module named " + main_name + "; '" + std::string(name) +
                                         "' is a package and cannot be directly executed",
                                     main_name);
            return false;
        }
        located = std::move(main);
    }
    source = std::move(located.source);
    filename = std::move(located.filename);
    return true;
}

// ====== Opcode bodies (IMPORT_NAME, IMPORT_FROM, IMPORT_STAR; declared in vm/eval_ops.h)

Ref<Object> import_name(Runtime& rt, Frame* frame, Object* name, Object* fromlist, Object* level) {
    int64_t depth = 0;
    if (level && is_int(level) && !int_to_i64(level, depth))
        depth = 0;
    return import_module_level(rt, name, frame ? frame->globals : nullptr, fromlist,
                               static_cast<intptr_t>(depth));
}

Ref<Object> import_from(Runtime& rt, Object* module, Object* name) {
    VM& vm = rt.vm();
    Ref<Object> value = get_attr(vm, module, name);
    if (value || !exception_matches(vm.thread_state().exception(), vm.exceptions().AttributeError))
        return value;
    vm.thread_state().clear_exception();
    // A circular import may have registered the submodule without binding it on its parent yet.
    Ref<Object> module_name = get_attr_optional(vm, module, rt.names().__name__);
    if (!module_name && vm.thread_state().has_exception())
        return nullptr;
    std::string package = module_name && is_str(module_name.get())
                              ? str_to_utf8(module_name.get())
                              : std::string("<unknown module name>");
    if (module_name && is_str(module_name.get())) {
        Object* submodule = nullptr;
        int found = modules_lookup(rt, package + "." + str_to_utf8(name), &submodule);
        if (found < 0)
            return nullptr;
        if (found > 0)
            return Ref<Object>::borrow(submodule);
    }
    // A module whose body is still running somewhere up the stack is partially initialized:
    // the import is most likely circular (CPython checks __spec__._initializing).
    bool initializing = false;
    if (module->type == rt.types().module) {
        Object* dict = static_cast<Module*>(module)->dict;
        for (Frame* f = rt.current_frame(); f && !initializing; f = f->previous)
            initializing = f->globals == dict && f->locals == dict && !f->function;
    }
    std::string location = "unknown location";
    Ref<Object> file_key = intern(vm, "__file__");
    if (!file_key)
        return nullptr;
    Ref<Object> file = get_attr_optional(vm, module, file_key.get());
    if (file && is_str(file.get()))
        location = str_to_utf8(file.get());
    vm.thread_state().clear_exception();
    std::string what = initializing ? "partially initialized module '" + package +
                                          "' (most likely due to a circular import)"
                                    : "'" + package + "'";
    return raise_import_error(rt, vm.exceptions().ImportError,
                              "cannot import name '" + str_to_utf8(name) + "' from " + what + " (" +
                                  location + ")",
                              package);
}

Status import_star(Runtime& rt, Frame* frame, Object* module) {
    VM& vm = rt.vm();
    Ref<Object> all_key = intern(vm, "__all__");
    Ref<Object> dict_key = intern(vm, "__dict__");
    if (!all_key || !dict_key)
        return Status::error;
    Ref<Object> all = get_attr_optional(vm, module, all_key.get());
    if (all) {
        Ref<Object> names = sequence_to_list(vm, all.get());
        if (!names)
            return Status::error;
        for (intptr_t i = 0; i < list_size(names.get()); ++i) {
            Object* key = list_items(names.get())[i];
            if (!is_str(key)) {
                Ref<Object> name = get_attr_optional(vm, module, rt.names().__name__);
                std::string text = name && is_str(name.get()) ? str_to_utf8(name.get()) : "?";
                return raise_type_error(vm, "Item in ", text, ".__all__ must be str, not ",
                                        key->type->name);
            }
            Ref<Object> value = get_attr(vm, module, key);
            if (!value || !is_ok(store_name(rt, frame, key, value.get())))
                return Status::error;
        }
        return Status::ok;
    }
    if (vm.thread_state().has_exception())
        return Status::error;
    Ref<Object> dict = get_attr_optional(vm, module, dict_key.get());
    if (!dict || !is_dict(dict.get())) {
        if (vm.thread_state().has_exception())
            return Status::error;
        return raise_import_error(rt, vm.exceptions().ImportError,
                                  "from-import-* object has no __dict__ and no __all__", "");
    }
    // Snapshot the names first: storing into the importer's namespace must not disturb iteration
    // when module is the importer itself.
    std::vector<std::pair<Ref<Object>, Ref<Object>>> items;
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(dict.get(), pos, &key, &value)) {
        if (!is_str(key) || (str_length(key) > 0 && str_char_at(static_cast<Str*>(key), 0) == '_'))
            continue;
        items.emplace_back(Ref<Object>::borrow(key), Ref<Object>::borrow(value));
    }
    for (auto& [name, item] : items)
        if (!is_ok(store_name(rt, frame, name.get(), item.get())))
            return Status::error;
    return Status::ok;
}

// ====== __import__

Ref<Object> builtin_import(VM& vm, Object*, Object* const* args, size_t nargs, Object* kwnames) {
    Runtime& rt = runtime_of(vm);
    static constexpr std::string_view names[] = {"name", "globals", "locals", "fromlist", "level"};
    Object* values[5] = {nullptr, nullptr, nullptr, nullptr, nullptr};
    if (nargs > 5)
        return raise_type_error(vm, "__import__() takes at most 5 arguments (", nargs, " given)");
    for (size_t i = 0; i < nargs; ++i)
        values[i] = args[i];
    intptr_t keyword_count = kwnames ? tuple_size(kwnames) : 0;
    for (intptr_t i = 0; i < keyword_count; ++i) {
        std::string keyword = str_to_utf8(tuple_items(kwnames)[i]);
        size_t slot = 0;
        while (slot < 5 && names[slot] != keyword)
            ++slot;
        if (slot == 5)
            return raise_type_error(vm, "__import__() got an unexpected keyword argument '",
                                    keyword, "'");
        if (values[slot])
            return raise_type_error(vm, "argument for __import__() given by name ('", keyword,
                                    "') and position (", slot + 1, ")");
        values[slot] = args[nargs + static_cast<size_t>(i)];
    }
    if (!values[0])
        return raise_type_error(vm, "__import__() missing required argument 'name' (pos 1)");
    int64_t level = 0;
    if (values[4]) {
        if (!is_int(values[4]))
            return raise_type_error(vm, "'", values[4]->type->name,
                                    "' object cannot be interpreted as an integer");
        if (!int_to_i64(values[4], level))
            return raise_overflow_error(vm, "Python int too large to convert to C int");
    }
    Object* globals = values[1] && values[1] != vm.none() ? values[1] : nullptr;
    if (globals && !is_dict(globals))
        globals = nullptr;
    return import_module_level(rt, values[0], globals, values[3], static_cast<intptr_t>(level));
}

} // namespace minipy::vm
