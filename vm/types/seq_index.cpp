#include "vm/types/seq_index.h"

#include "vm/errors.h"
#include "vm/thread_state.h"
#include "vm/type.h"
#include "vm/types/int.h"
#include "vm/vm.h"

namespace minipy::vm {

Ref<Object> subscript_index(VM& vm, Object* key) {
    auto index = key->type->slots.index;
    if (!index)
        return nullptr;
    Ref<Object> value = index(vm, key);
    if (!value)
        return nullptr;
    if (!is_int(value.get()))
        return raise_type_error(vm, "__index__ returned non-int (type ", value->type->name, ")");
    return value;
}

} // namespace minipy::vm
