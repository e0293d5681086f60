// object.__reduce_ex__ / __reduce__ / __getstate__: the C++ half decides whether a class
// overrides __reduce__ and which protocol form applies; copyreg (stdlib/py/copyreg.py) builds the
// tuples: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems) for protocol 2 and
// later, copyreg._reduce_ex's (copyreg._reconstructor, (cls, base, state), dict) below it.
#include "vm/types/object_reduce.h"

#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/import.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/range.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

// copyreg.<function>(*args).
Ref<Object> call_copyreg(VM& vm, const char* function, Object* const* args, size_t nargs) {
    Ref<Object> module = import_absolute(runtime_of(vm), "copyreg");
    if (!module)
        return nullptr;
    Ref<Object> name = intern(vm, function);
    if (!name)
        return nullptr;
    Ref<Object> callable = get_attr(vm, module.get(), name.get());
    if (!callable)
        return nullptr;
    return call_object(vm, callable.get(), args, nargs);
}

// Whether instances keep built-in fields beyond object's (CPython: a basic size larger than
// object's plus the dict, weak list and __slots__ words): they cannot be rebuilt from their
// state alone.
bool has_native_fields(VM& vm, Object* self) {
    return solid_base(self->type) != vm.types().object;
}

Ref<Object> common_reduce(VM& vm, Object* self, int64_t protocol) {
    if (protocol >= 2) {
        Ref<Object> native = vm.new_bool(has_native_fields(vm, self));
        Object* args[2] = {self, native.get()};
        return call_copyreg(vm, "_reduce_newobj", args, 2);
    }
    Ref<Object> proto = int_from_i64(vm, protocol);
    if (!proto)
        return nullptr;
    Object* args[2] = {self, proto.get()};
    return call_copyreg(vm, "_reduce_ex", args, 2);
}

Ref<Object> object_reduce(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return common_reduce(vm, self, 0);
}

// object.__reduce_ex__(protocol): a __reduce__ the class overrides wins.
Ref<Object> object_reduce_ex(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    int64_t protocol = 0;
    if (!is_ok(index_value(vm, args[0], protocol)))
        return nullptr;
    Ref<Object> name = intern(vm, "__reduce__");
    if (!name)
        return nullptr;
    Ref<Object> reduce = get_attr_optional(vm, self, name.get());
    if (!reduce && vm.thread_state().has_exception())
        return nullptr;
    if (reduce) {
        bool overridden = type_lookup(self->type, name.get()) != nullptr;
        if (!overridden) {
            const MethodDef* def = find_method(self->type, "__reduce__");
            overridden = def && def->function != object_reduce;
        }
        if (overridden)
            return call_object(vm, reduce.get(), nullptr, 0);
    }
    return common_reduce(vm, self, protocol);
}

// object.__getstate__(): the instance dict (None when empty) and the __slots__ values.
Ref<Object> object_getstate(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Object* args[3] = {self, vm.false_(), vm.false_()};
    return call_copyreg(vm, "_getstate_default", args, 3);
}

} // namespace

const MethodDef object_methods[] = {
    {"__reduce_ex__", object_reduce_ex, MethodKind::o, "Helper for pickle."},
    {"__reduce__", object_reduce, MethodKind::noargs, "Helper for pickle."},
    {"__getstate__", object_getstate, MethodKind::noargs, "Helper for pickle."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace minipy::vm
