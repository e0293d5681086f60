// Struct sequences (CPython's PyStructSequence): tuple subclasses whose items also have names, as
// sys.version_info, sys.flags, time.struct_time, os.stat_result. The repr is
// `sys.flags(debug=0, ...)`.
//
// Invariants:
//  - a struct sequence type is a built-in subclass of tuple (not subclassable, as CPython's) whose
//    name is the dotted display name ("time.struct_time": __name__ 'struct_time', __module__
//    'time'); its dict holds `__match_args__` (the names of the sequence fields),
//    n_fields / n_sequence_fields / n_unnamed_fields as CPython's;
//  - instances are tuples of that type holding the n_sequence_fields visible items (tuple's slots,
//    free of the tuple free list). A type with fields beyond the sequence (tm_zone, st_mtime as a
//    float) gives each instance one more item slot after the visible ones: a tuple of those extra
//    values (None where unset), owned, reachable only through attribute access.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include "gc/ref.h"
#include "vm/object.h"
#include "vm/runtime.h"

namespace minipy::stdlib {

// Makes a struct sequence type called `name` (dotted: "sys.flags") with the given field names; the
// first `n_sequence` of them are the tuple's items (0: all of them), the rest are attributes
// only. Raises MemoryError.
[[nodiscard]] vm::Ref<vm::Type> struct_seq_type_new(vm::Runtime& runtime, std::string_view name,
                                                    const std::vector<std::string_view>& fields,
                                                    size_t n_sequence = 0);
[[nodiscard]] vm::Ref<vm::Type> struct_seq_type_new(vm::Runtime& runtime, const char* name,
                                                    std::initializer_list<const char*> fields);
// Lets Python code call the type as CPython's structseq_new: `T(sequence, dict=None)`, the
// sequence holding n_sequence_fields..n_fields values, the dict the extra fields by name.
void struct_seq_allow_construction(vm::Runtime& runtime, vm::Type* type);
// An instance of `type` holding `items` (borrowed): one per field, extra fields included (or only
// the sequence fields, the extra ones then None). Raises MemoryError.
[[nodiscard]] vm::Ref<vm::Object> struct_seq_new(vm::VM& vm, vm::Type* type,
                                                 std::initializer_list<vm::Object*> items);
[[nodiscard]] vm::Ref<vm::Object> struct_seq_from_array(vm::VM& vm, vm::Type* type,
                                                        vm::Object* const* items, size_t count);

} // namespace minipy::stdlib
