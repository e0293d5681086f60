// ellipsis: the type of the Ellipsis singleton. Exactly one instance exists per VM, created here
// and owned by the VM; it cannot be subclassed and its repr is 'Ellipsis'.
#include "vm/types/singletons.h"

#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

Ref<Object> ellipsis_repr(VM& vm, Object*) {
    return str_from_utf8(vm, "Ellipsis");
}

} // namespace

bool init_ellipsis_type(VM& vm) {
    TypeSpec spec{};
    spec.name = "ellipsis";
    spec.basic_size = sizeof(Object);
    spec.slots.dealloc = dealloc_plain;
    spec.slots.repr = ellipsis_repr;

    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    vm.types().ellipsis = type.release();
    Ref<Object> object = allocate_object<Object>(vm, vm.types().ellipsis);
    if (!object)
        return false;
    vm.set_singletons(nullptr, nullptr, nullptr, nullptr, object.release());
    return true;
}

} // namespace minipy::vm
