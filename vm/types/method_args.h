// Argument parsing for the methods of the built-in types (CPython's Argument Clinic, by hand): a
// MethodKind::fastcall_keywords method receives its positional arguments, then the keyword values
// named by kwnames; bind_arguments sorts them into one slot per parameter name.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"

namespace minipy::vm {

struct ArgumentSpec {
    const char* function;                     // for messages: "split"
    std::initializer_list<const char*> names; // every parameter, in order
    size_t required = 0;                      // how many leading parameters are required
    size_t positional_only = 0;               // how many leading ones cannot be given by keyword
    size_t keyword_only_from = SIZE_MAX;      // index of the first keyword-only parameter
};

// Fills out[i] (borrowed, null when absent) for each parameter. Raises TypeError as CPython does:
// "split() takes at most 2 arguments (3 given)", "'x' is an invalid keyword argument for split()",
// "split() argument 'sep' given by name ('sep') and position (1)", missing required ones.
[[nodiscard]] Status bind_arguments(VM& vm, const ArgumentSpec& spec, Object* const* args,
                                    size_t nargs, Object* kwnames, Object** out);

// An optional index argument (None or absent gives `fallback`); objects with __index__ allowed.
// Raises TypeError "slice indices must be integers or None or have an __index__ method".
[[nodiscard]] Status optional_index(VM& vm, Object* value, intptr_t fallback, intptr_t& out);

// CPython's ADJUST_INDICES: clamps [start, end) to a sequence of `length` items.
void adjust_indices(intptr_t& start, intptr_t& end, intptr_t length);

} // namespace minipy::vm
