// NotImplementedType: the type of the NotImplemented singleton. Exactly one instance exists per VM,
// created here and owned by the VM; it cannot be subclassed and its repr is 'NotImplemented'.
#include "vm/types/singletons.h"

#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

Ref<Object> not_implemented_repr(VM& vm, Object*) {
    return str_from_utf8(vm, "NotImplemented");
}

} // namespace

bool init_not_implemented_type(VM& vm) {
    TypeSpec spec{};
    spec.name = "NotImplementedType";
    spec.basic_size = sizeof(Object);
    spec.slots.dealloc = dealloc_plain;
    spec.slots.repr = not_implemented_repr;

    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    vm.types().not_implemented = type.release();
    Ref<Object> object = allocate_object<Object>(vm, vm.types().not_implemented);
    if (!object)
        return false;
    vm.set_singletons(nullptr, nullptr, nullptr, object.release(), nullptr);
    return true;
}

} // namespace minipy::vm
