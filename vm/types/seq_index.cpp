#include "vm/types/seq_index.h"

#include "vm/errors.h"
#include "vm/thread_state.h"
#include "vm/type.h"
#include "vm/types/int.h"
#include "vm/vm.h"

namespace minipy::vm {

Object* subscript_int(VM& vm, Object* key, Ref<Object>& holder, std::string_view before,
                      std::string_view after) {
    if (is_int(key))
        return key;
    auto index = key->type->slots.index;
    if (!index) {
        (void)raise_type_error(vm, before, key->type->name, after);
        return nullptr;
    }
    holder = index(vm, key);
    if (!holder)
        return nullptr;
    if (!is_int(holder.get())) {
        (void)raise_type_error(vm, "__index__ returned non-int (type ", holder->type->name, ")");
        return nullptr;
    }
    return holder.get();
}

} // namespace minipy::vm
