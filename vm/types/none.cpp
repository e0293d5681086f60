// NoneType: the type of the None singleton. Exactly one instance exists per VM, created here and
// owned by the VM; it cannot be subclassed and its repr is 'None'.
#include "vm/types/singletons.h"

#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

Ref<Object> none_repr(VM& vm, Object*) {
    return str_from_utf8(vm, "None");
}
int none_bool(VM&, Object*) {
    return 0;
}

} // namespace

bool init_none_type(VM& vm) {
    TypeSpec spec{};
    spec.name = "NoneType";
    spec.basic_size = sizeof(Object);
    spec.slots.dealloc = dealloc_plain;
    spec.slots.repr = none_repr;
    spec.slots.bool_ = none_bool;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    vm.types().none = type.release();
    Ref<Object> object = allocate_object<Object>(vm, vm.types().none);
    if (!object)
        return false;
    vm.set_singletons(object.release(), nullptr, nullptr, nullptr, nullptr);
    return true;
}

} // namespace minipy::vm
