// Shared helpers of the builtins module files (stdlib/builtins*.cpp): argument parsing and the
// constructors/iterators registered by builtins_types.cpp.
#pragma once

#include <string_view>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/runtime.h"

namespace minipy::stdlib {

using vm::Object;
using vm::Ref;
using vm::Status;

// The value of keyword `name` among a call's keywords (borrowed), or null.
Object* keyword_argument(Object* const* args, size_t npos, Object* kwnames, std::string_view name);
// Raises TypeError "f() got an unexpected keyword argument 'x'" unless every keyword is in
// `allowed`.
[[nodiscard]] Status check_keywords(vm::VM& vm, const char* function, Object* kwnames,
                                    std::initializer_list<std::string_view> allowed);
// Stable sort of a list in place with an optional key function; raises what comparisons raise.
[[nodiscard]] Status sort_list(vm::VM& vm, Object* list, Object* key, bool reverse);

// Registers constructors of int, float, str, bool, list, tuple, dict, set, frozenset, bytes and the
// iterator types (enumerate, zip, map, filter, reversed), and adds their names to `builtins`.
bool init_builtin_types(vm::Runtime& runtime, Object* builtins);
// The old-style iterator over holder[0][0], holder[0][1], ... (holder: a 1-tuple).
[[nodiscard]] Ref<Object> make_sequence_iterator(vm::VM& vm, vm::Type* type, Ref<Object> holder);
// Turns a sequence iterator made by make_sequence_iterator into iter(callable, sentinel).
void make_callable_iterator(Object* iterator, Object* sentinel);
// A type for the iterator adapters (enumerate, zip, ...), named `name`.
vm::Type* make_iterator_type(vm::VM& vm, const char* name);
// Fills the builtins dict of the runtime (functions, types, exceptions).
bool init_builtins(vm::Runtime& runtime);

} // namespace minipy::stdlib
