// __reduce__ / __setstate__ of the list, tuple and str iterators (vm/types/seq_iterator.h).
#include "vm/types/seq_iterator.h"

#include "vm/errors.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {

Ref<Object> seq_iterator_reduce(VM& vm, Object* seq, intptr_t index, Object* empty) {
    Ref<Object> name = intern(vm, "iter");
    if (!name)
        return nullptr;
    Object* iter_function = nullptr;
    if (dict_lookup(vm, runtime_of(vm).builtins(), name.get(), &iter_function) < 0)
        return nullptr;
    if (!iter_function)
        return raise_runtime_error(vm, "lost builtins.iter");
    Ref<Object> args = tuple_pack(vm, {seq ? seq : empty});
    if (!args)
        return nullptr;
    if (!seq)
        return tuple_pack(vm, {iter_function, args.get()});
    Ref<Object> position = int_from_i64(vm, index);
    return position ? tuple_pack(vm, {iter_function, args.get(), position.get()}) : nullptr;
}

Status seq_iterator_index(VM& vm, Object* state, intptr_t size, intptr_t& index) {
    if (!is_int(state))
        return raise_type_error(vm, "an integer is required");
    int64_t wanted = 0;
    if (!int_to_i64(state, wanted))
        return raise_overflow_error(vm, "Python int too large to convert to C ssize_t");
    index = wanted < 0 ? 0 : wanted > size ? size : static_cast<intptr_t>(wanted);
    return Status::ok;
}

} // namespace minipy::vm
