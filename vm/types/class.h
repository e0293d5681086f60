// User-defined classes and their instances: __build_class__, calling a class, the instance layout
// (a __dict__ pointer after the solid base's fields) and the slots that dispatch to Python dunders.
//
// Invariants:
//  - a heap type (made by a `class` statement or type(name, bases, dict)) carries type_heap_type in
//    its flags, owns its dict, and has every slot whose dunder its namespace defines set to a
//    dispatcher; other slots are inherited;
//  - instances of a heap type whose solid base is not variable-sized have a dict slot at
//    heap_dict_offset(type).
#pragma once

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

class Runtime;

// Flag bit added by this file (D's TypeFlags use the low bits).
inline constexpr uint32_t type_heap_type = 1u << 31;

inline bool is_heap_type(const Type* type) {
    return (type->flags & type_heap_type) != 0;
}
// The first non-heap type along the layout-base chain.
Type* solid_base(Type* type);
// A heap subclass of int or float: copies the exact built-in `value` into a new instance of `cls`
// (class Money(int), int.__new__(Money, 5)). Raises TypeError for the other immutable bases.
[[nodiscard]] Ref<Object> rehome_value(VM& vm, Type* cls, Object* value);
// Re-installs the dunder slots of heap type `type` from its dict, after a dunder was assigned on
// the class (CPython's update_slot; subclasses made earlier keep their slots).
void update_dunder_slots(Runtime& runtime, Type* type);
// Offset of the instance dict pointer, 0 when instances have none.
size_t heap_dict_offset(const Type* type);

// type(name, bases, namespace): makes a heap type. Raises TypeError (bad bases, mro conflicts).
// `kwargs` (a dict or null) goes to the parent's __init_subclass__.
[[nodiscard]] Ref<Object> make_heap_type(Runtime& runtime, Type* metatype, Object* name,
                                         Object* bases, Object* namespace_dict,
                                         Object* kwargs = nullptr);
// builtins.__build_class__(func, name, *bases, metaclass=..., **kwds).
[[nodiscard]] Ref<Object> build_class(VM& vm, Object* self, Object* const* args, size_t nargs,
                                      Object* kwnames);
// Calling a type object: constructors of built-in types, instance creation + __init__ for heap
// types. Installed as `type`'s call slot.
[[nodiscard]] Ref<Object> type_call(VM& vm, Object* self, Object* const* args, size_t nargs,
                                    Object* kwnames);
// object.__new__(cls) for a heap type: a zeroed instance. Raises MemoryError.
[[nodiscard]] Ref<Object> instance_new(VM& vm, Type* cls);

} // namespace minipy::vm
