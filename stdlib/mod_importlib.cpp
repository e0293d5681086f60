// The `importlib` module: import_module, reload and invalidate_caches over the import system of
// vm/import.cpp.
#include "stdlib/builtins_support.h"
#include "stdlib/modules.h"
#include "vm/import.h"
#include "vm/runtime.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

// import_module(name, package=None)
Ref<Object> importlib_import_module(VM& vm, Object*, Object* const* args, size_t nargs,
                                    Object* kwnames) {
    if (!is_ok(check_keywords(vm, "import_module", kwnames, {"name", "package"})))
        return nullptr;
    size_t total = nargs + static_cast<size_t>(kwnames ? tuple_size(kwnames) : 0);
    Object* name = nargs > 0 ? args[0] : keyword_argument(args, nargs, kwnames, "name");
    Object* package = nargs > 1 ? args[1] : keyword_argument(args, nargs, kwnames, "package");
    if (nargs > 2 || total > 2)
        return raise_type_error(vm, "import_module() takes from 1 to 2 positional arguments but ",
                                total, " were given");
    if (!name)
        return raise_type_error(vm,
                                "import_module() missing 1 required positional argument: 'name'");
    if (!is_str(name))
        return raise_type_error(vm, "module name must be str, not ", name->type->name);
    return import_module_by_name(runtime_of(vm), str_to_utf8(name), package);
}

Ref<Object> importlib_reload(VM& vm, Object*, Object* const* args, size_t, Object*) {
    return reload_module(runtime_of(vm), args[0]);
}

// The finder keeps no directory caches: every import reads the file system afresh.
Ref<Object> importlib_invalidate_caches(VM& vm, Object*, Object* const*, size_t, Object*) {
    return Ref<Object>::borrow(vm.none());
}

constexpr MethodDef functions[] = {
    {"import_module", importlib_import_module, MethodKind::fastcall_keywords, nullptr},
    {"reload", importlib_reload, MethodKind::o, nullptr},
    {"invalidate_caches", importlib_invalidate_caches, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

bool init_importlib_module(Runtime& runtime, Object* module) {
    return add_functions(runtime, module, functions);
}

} // namespace minipy::stdlib
