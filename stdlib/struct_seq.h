// Struct sequences (CPython's PyStructSequence): tuple subclasses whose items also have names, as
// sys.version_info, sys.flags, sys.float_info. The repr is `sys.flags(debug=0, ...)`.
//
// Invariants:
//  - a struct sequence type is a built-in subclass of tuple whose name is the dotted display name
//    ("sys.version_info"); its dict holds `__match_args__` (the field names, interned strs) and
//    n_fields / n_sequence_fields / n_unnamed_fields as CPython's;
//  - instances are ordinary tuples of that type (tuple's slots, free of the tuple free list).
#pragma once

#include <initializer_list>

#include "gc/ref.h"
#include "vm/object.h"
#include "vm/runtime.h"

namespace minipy::stdlib {

// Makes a struct sequence type called `name` (static text, dotted: "sys.flags") with the given
// field names (static text). Raises MemoryError.
[[nodiscard]] vm::Ref<vm::Type> struct_seq_type_new(vm::Runtime& runtime, const char* name,
                                                    std::initializer_list<const char*> fields);
// An instance of `type` holding `items` (borrowed, one per field). Raises MemoryError.
[[nodiscard]] vm::Ref<vm::Object> struct_seq_new(vm::VM& vm, vm::Type* type,
                                                 std::initializer_list<vm::Object*> items);

} // namespace minipy::stdlib
