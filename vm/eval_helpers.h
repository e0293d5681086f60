// The abstract object protocol the eval loop and builtins share (CPython's abstract.c and the
// generic attribute lookup of object.c): number operators with reflected operands, attribute get
// and set with descriptors, iteration, formatting, truth and identity helpers.
//
// Every fallible function returns a null Ref or Status::error with the exception set on the thread.
#pragma once

#include <string_view>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/opcodes.h"
#include "vm/type.h"

namespace minipy::vm {

class Runtime;

// a <op> b for BINARY_OP's operand (in-place forms fall back to the binary ones). Raises TypeError
// "unsupported operand type(s) for +: 'int' and 'str'", ZeroDivisionError, ...
[[nodiscard]] Ref<Object> binary_op(VM& vm, Object* left, Object* right, BinaryOpArg op);
// -v, +v, ~v. Raises TypeError "bad operand type for unary -: 'str'".
[[nodiscard]] Ref<Object> unary_op(VM& vm, Object* value, char op);

// The first definition of `name` (an interned str) along type's mro dicts (borrowed), or null.
Object* type_lookup(const Type* type, Object* name);
// Empties type_lookup's cache (every thread's): called when a type is deallocated, so a type
// allocated at its address never sees its entries.
void type_cache_invalidate_all();
// getattr(obj, name) with the full protocol: data descriptors, the instance dict, methods of
// built-in types, __getattr__. Raises AttributeError "'C' object has no attribute 'x'".
[[nodiscard]] Ref<Object> get_attr(VM& vm, Object* object, Object* name);
// The generic protocol alone (object.__getattribute__ / object.__setattr__), for types whose
// getattr/setattr slots handle a few names first.
[[nodiscard]] Ref<Object> get_attr_generic(VM& vm, Object* object, Object* name);
[[nodiscard]] Status set_attr_generic(VM& vm, Object* object, Object* name, Object* value);
// As get_attr, but returns null without an exception when the attribute is missing (AttributeError
// swallowed); other errors still raise (check has_exception()).
[[nodiscard]] Ref<Object> get_attr_optional(VM& vm, Object* object, Object* name);
// obj.name = value (value null deletes). Raises AttributeError, TypeError.
[[nodiscard]] Status set_attr(VM& vm, Object* object, Object* name, Object* value);
// For LOAD_METHOD: when the attribute is a plain function found on the type, *method is that
// function (new ref) and the result is true (unbound); else *method is the attribute itself.
[[nodiscard]] Status load_method(VM& vm, Object* object, Object* name, Ref<Object>& method,
                                 bool& unbound);
// The instance __dict__ slot of an object, or null when it has none.
Object** instance_dict_slot(Object* object);

// iter(o). Raises TypeError "'int' object is not iterable".
[[nodiscard]] Ref<Object> get_iter(VM& vm, Object* object);
// next(it): the item, or null; exhausted when no exception is set.
[[nodiscard]] Ref<Object> iter_next(VM& vm, Object* iterator);
// Collects any iterable into a new list. Raises what iteration raises.
[[nodiscard]] Ref<Object> sequence_to_list(VM& vm, Object* iterable);
// Appends every item of iterable to list.
[[nodiscard]] Status list_extend_iterable(VM& vm, Object* list, Object* iterable);

// format(value, spec) (spec a str or null). Raises TypeError, ValueError for bad specs.
[[nodiscard]] Ref<Object> format_object(VM& vm, Object* value, Object* spec);
// isinstance(obj, cls) with tuples of classes: 1, 0, -1 on error.
int object_isinstance(VM& vm, Object* object, Object* classinfo);
int object_issubclass(VM& vm, Object* derived, Object* classinfo);

// Calls obj.name(*args). Raises AttributeError, whatever the call raises.
[[nodiscard]] Ref<Object> call_method_name(VM& vm, Object* object, Object* name,
                                           Object* const* args, size_t nargs);
// An interned str for a name (for C++ callers). Raises MemoryError.
[[nodiscard]] Ref<Object> intern(VM& vm, std::string_view text);

} // namespace minipy::vm

namespace minipy::vm {
// `item in container`, iterating when the type has no contains slot: 1, 0, -1 on error.
int object_contains_iter(VM& vm, Object* container, Object* item);
// An iterator over obj[0], obj[1], ... until IndexError (the old sequence protocol).
[[nodiscard]] Ref<Object> sequence_iterator_new(Runtime& runtime, Object* sequence);
// dict.update(other): a dict, a mapping with keys(), or an iterable of pairs.
[[nodiscard]] Status dict_update_any(Runtime& runtime, Object* dict, Object* other);
// A copy of an int (or bool) as an exact int. Raises MemoryError.
[[nodiscard]] Ref<Object> int_from_mpz_of(VM& vm, Object* value);
// iter(callable, sentinel).
[[nodiscard]] Ref<Object> callable_iterator_new(Runtime& runtime, Object* callable,
                                                Object* sentinel);
// Copies every item of dict `source` into dict `target`.
[[nodiscard]] Status dict_update_from_dict(VM& vm, Object* target, Object* source);
// The instance getattr slot of heap types (generic lookup, __getattribute__, __getattr__).
[[nodiscard]] Ref<Object> instance_getattr(VM& vm, Object* self, Object* name);
// The instance setattr slot of heap types (__slots__ checks, __setattr__, generic protocol).
[[nodiscard]] Status instance_setattr(VM& vm, Object* self, Object* name, Object* value);
// Calls type(self).name(self, *args) (binding descriptors). Raises AttributeError.
[[nodiscard]] Ref<Object> call_dunder(VM& vm, Object* self, Object* name, Object* const* args,
                                      size_t nargs);
} // namespace minipy::vm
