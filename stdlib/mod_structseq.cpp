// The `_structseq` module: make_type(name, fields, n_sequence_fields) builds a struct sequence
// type (stdlib/struct_seq.h) that Python code can call, for the Python halves of time and os
// (time.struct_time, os.stat_result, ...). No state of its own.
#include <string>
#include <vector>

#include "stdlib/modules.h"
#include "stdlib/struct_seq.h"
#include "vm/types/int.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

// make_type(name, fields, n_sequence_fields). Raises TypeError for bad argument types, ValueError
// when n_sequence_fields is not in 1..len(fields).
Ref<Object> structseq_make_type(VM& vm, Object*, Object* const* args, size_t nargs, Object*) {
    if (nargs != 3 || !is_str(args[0]) || !is_tuple(args[1]) || !is_int(args[2]))
        return raise_type_error(vm, "make_type(name: str, fields: tuple, n_sequence_fields: int)");
    std::vector<std::string> texts;
    for (intptr_t i = 0; i < tuple_size(args[1]); ++i) {
        if (!is_str(tuple_items(args[1])[i]))
            return raise_type_error(vm, "field names must be str");
        texts.push_back(str_to_utf8(tuple_items(args[1])[i]));
    }
    int64_t n_sequence = 0;
    if (!int_to_i64(args[2], n_sequence) || n_sequence < 1 ||
        n_sequence > static_cast<int64_t>(texts.size()))
        return raise_value_error(vm, "n_sequence_fields out of range");
    std::vector<std::string_view> fields(texts.begin(), texts.end());
    Runtime& rt = runtime_of(vm);
    Ref<Type> type =
        struct_seq_type_new(rt, str_to_utf8(args[0]), fields, static_cast<size_t>(n_sequence));
    if (!type)
        return nullptr;
    struct_seq_allow_construction(rt, type.get());
    return Ref<Object>(std::move(type).cast<Object>());
}

constexpr MethodDef structseq_functions[] = {
    {"make_type", structseq_make_type, MethodKind::fastcall, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

bool init__structseq_module(Runtime& rt, Object* module) {
    return add_functions(rt, module, structseq_functions);
}

} // namespace minipy::stdlib
