// Argument binding for built-in methods. See vm/types/method_args.h.
#include "vm/types/method_args.h"

#include <string>

#include "vm/types/int.h"
#include "vm/types/range.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {

Status bind_arguments(VM& vm, const ArgumentSpec& spec, Object* const* args, size_t nargs,
                      Object* kwnames, Object** out) {
    size_t count = spec.names.size();
    for (size_t i = 0; i < count; ++i)
        out[i] = nullptr;
    size_t positional_limit = std::min(count, spec.keyword_only_from);
    if (nargs > positional_limit) {
        if (spec.required == positional_limit)
            return raise_type_error(vm, spec.function, "() takes exactly ", positional_limit,
                                    " argument", positional_limit == 1 ? "" : "s", " (", nargs,
                                    " given)");
        return raise_type_error(vm, spec.function, "() takes at most ", positional_limit,
                                " argument", positional_limit == 1 ? "" : "s", " (", nargs,
                                " given)");
    }
    for (size_t i = 0; i < nargs; ++i)
        out[i] = args[i];
    size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    for (size_t k = 0; k < nkw; ++k) {
        std::string name = str_to_utf8(tuple_items(kwnames)[k]);
        size_t index = 0;
        bool found = false;
        for (const char* candidate : spec.names) {
            if (index >= spec.positional_only && name == candidate) {
                found = true;
                break;
            }
            ++index;
        }
        if (!found)
            return raise_type_error(vm, "'", name, "' is an invalid keyword argument for ",
                                    spec.function, "()");
        if (out[index])
            return raise_type_error(vm, "argument for ", spec.function, "() given by name ('", name,
                                    "') and position (", index + 1, ")");
        out[index] = args[nargs + k];
    }
    for (size_t i = 0; i < spec.required; ++i) {
        if (!out[i]) {
            const char* name = spec.names.begin()[i];
            if (i < spec.positional_only)
                return raise_type_error(vm, spec.function, "() takes at least ", spec.required,
                                        " argument", spec.required == 1 ? "" : "s", " (", nargs,
                                        " given)");
            return raise_type_error(vm, spec.function, "() missing required argument '", name,
                                    "' (pos ", i + 1, ")");
        }
    }
    return Status::ok;
}

Status optional_index(VM& vm, Object* value, intptr_t fallback, intptr_t& out) {
    if (!value || value == vm.none()) {
        out = fallback;
        return Status::ok;
    }
    if (!is_int(value) && !value->type->slots.index)
        return raise_type_error(
            vm, "slice indices must be integers or None or have an __index__ method");
    int64_t v = 0;
    if (is_int(value)) {
        if (!int_to_i64(value, v))
            v = int_sign(value) < 0 ? INT64_MIN : INT64_MAX;
    } else if (!is_ok(index_value(vm, value, v))) {
        return Status::error;
    }
    out = static_cast<intptr_t>(v);
    return Status::ok;
}

void adjust_indices(intptr_t& start, intptr_t& end, intptr_t length) {
    if (end > length)
        end = length;
    else if (end < 0) {
        end += length;
        if (end < 0)
            end = 0;
    }
    if (start < 0) {
        start += length;
        if (start < 0)
            start = 0;
    }
}

} // namespace minipy::vm
