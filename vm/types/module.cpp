// Module objects. Attribute access goes through the generic protocol (the module dict is the
// instance dict); see vm/types/module.h.
#include "vm/types/module.h"

#include "stdlib/modules.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/weakref.h"

namespace minipy::vm {
namespace {

int module_traverse(Object* self, VisitFn visit, void* arg) {
    auto* m = static_cast<Module*>(self);
    if (m->dict) {
        if (int result = visit(m->dict, arg))
            return result;
    }
    return m->name ? visit(m->name, arg) : 0;
}

void module_clear(Object* self) {
    auto* m = static_cast<Module*>(self);
    set_ref(m->dict, nullptr);
    set_ref(m->name, nullptr);
}

void module_dealloc(Object* self) {
    module_clear(self);
    vm_of(self).heap().release(self);
}

// CPython's module repr: where the module came from (a file, frozen, built-in).
Ref<Object> module_repr(VM& vm, Object* self) {
    auto* m = static_cast<Module*>(self);
    std::string name = m->name ? str_to_utf8(m->name) : "?";
    Ref<Object> file_key = intern(vm, "__file__");
    Object* file = nullptr;
    if (!file_key || (m->dict && dict_lookup(vm, m->dict, file_key.get(), &file) < 0))
        return nullptr;
    if (file && is_str(file))
        return str_from_utf8(vm, "<module '" + name + "' from '" + str_to_utf8(file) + "'>");
    if (stdlib::find_frozen_module(name))
        return str_from_utf8(vm, "<module '" + name + "' (frozen)>");
    if (name == "builtins" || stdlib::find_builtin_module(name))
        return str_from_utf8(vm, "<module '" + name + "' (built-in)>");
    return str_from_utf8(vm, "<module '" + name + "'>");
}

// PEP 562: a module-level __getattr__(name) answers for the names the module dict lacks.
Ref<Object> module_getattr(VM& vm, Object* self, Object* name) {
    Ref<Object> value = get_attr_generic(vm, self, name);
    if (value || !exception_matches(vm.thread_state().exception(), vm.exceptions().AttributeError))
        return value;
    Runtime& rt = runtime_of(vm);
    auto* m = static_cast<Module*>(self);
    Object* hook = nullptr;
    if (!m->dict || dict_lookup(vm, m->dict, rt.names().__getattr__, &hook) <= 0 || !hook)
        return value; // the AttributeError stays (or the lookup's own error)
    vm.thread_state().clear_exception();
    Ref<Object> keep = Ref<Object>::borrow(hook);
    return call_object(vm, hook, &name, 1);
}

// module(name, doc=None): types.ModuleType("name").
Ref<Object> module_construct(VM& vm, Type* cls, Object* const* args, size_t nargs,
                             Object* kwnames) {
    Runtime& rt = runtime_of(vm);
    Object* name = nargs > 0 ? args[0] : nullptr;
    Object* doc = nargs > 1 ? args[1] : nullptr;
    if (nargs > 2)
        return raise_type_error(vm, "module() takes at most 2 arguments (", nargs, " given)");
    for (intptr_t i = 0; kwnames && i < tuple_size(kwnames); ++i) {
        std::string_view key = str_ascii_view(tuple_items(kwnames)[i]);
        Object* value = args[nargs + static_cast<size_t>(i)];
        if (key == "name" && !name)
            name = value;
        else if (key == "doc" && !doc)
            doc = value;
        else
            return raise_type_error(vm, "module() got an unexpected keyword argument '",
                                    std::string(key), "'");
    }
    if (!name)
        return raise_type_error(vm, "module() missing required argument 'name' (pos 1)");
    if (!is_str(name))
        return raise_type_error(vm, "module.__init__() argument 'name' must be str, not ",
                                name->type->name);
    if (cls != rt.types().module)
        return raise_type_error(vm, "module subclasses cannot be instantiated");
    Ref<Object> module = module_new(rt, str_to_utf8(name));
    if (!module)
        return nullptr;
    if (doc &&
        !is_ok(dict_setitem(vm, static_cast<Module*>(module.get())->dict, rt.names().__doc__, doc)))
        return nullptr;
    return module;
}

} // namespace

Ref<Object> module_new(Runtime& rt, std::string_view name) {
    VM& vm = rt.vm();
    Ref<Module> m = allocate_object<Module>(vm, rt.types().module);
    if (!m)
        return nullptr;
    Ref<Object> dict = dict_new(vm);
    Ref<Object> name_object = str_from_utf8(vm, name);
    if (!dict || !name_object)
        return nullptr;
    if (!is_ok(dict_setitem(vm, dict.get(), rt.names().__name__, name_object.get())) ||
        !is_ok(dict_setitem(vm, dict.get(), rt.names().__doc__, vm.none())) ||
        !is_ok(dict_setitem(vm, dict.get(), rt.names().__builtins__, rt.builtins())))
        return nullptr;
    m->dict = dict.release();
    m->name = name_object.release();
    return Ref<Object>(std::move(m).cast<Object>());
}

bool init_module_type(Runtime& rt) {
    TypeSpec spec{};
    spec.name = "module";
    spec.basic_size = sizeof(Module);
    spec.flags = type_has_gc | type_base_type;
    spec.slots.dealloc = module_dealloc;
    spec.slots.traverse = module_traverse;
    spec.slots.clear = module_clear;
    spec.slots.repr = module_repr;
    spec.slots.getattr = module_getattr;
    Ref<Type> type = make_type(rt.vm(), spec);
    if (!type)
        return false;
    enable_weakrefs(type.get());
    rt.types().module = type.release();
    rt.set_constructor(rt.types().module, module_construct);
    return true;
}

} // namespace minipy::vm
