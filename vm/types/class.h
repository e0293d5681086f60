// User-defined classes and their instances: __build_class__, calling a class, the instance layout
// (a __dict__ pointer after the solid base's fields) and the slots that dispatch to Python dunders.
//
// Invariants:
//  - a heap type (made by a `class` statement or type(name, bases, dict)) carries type_heap_type in
//    its flags, owns its dict, and has every slot whose dunder its namespace defines set to a
//    dispatcher; other slots are inherited;
//  - instances of a heap type have a dict slot (heap_instance_dict): at heap_dict_offset(type)
//    after a fixed-size solid base, after the items of a variable-size one (str, bytes, tuple).
#pragma once

#include <string>
#include <vector>

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
// "module.qualname" of a type, or only "qualname" when its module is builtins (how CPython names
// a type in messages such as "__main__.C() argument after * must be an iterable").
std::string type_full_name(Runtime& runtime, Type* type);
// A heap subclass of int or float: copies the exact built-in `value` into a new instance of `cls`
// (class Money(int), int.__new__(Money, 5)). Raises TypeError for the other immutable bases.
[[nodiscard]] Ref<Object> rehome_value(VM& vm, Type* cls, Object* value);
// cls(*args) through a built-in constructor (of cls or of its built-in base): a value the
// constructor made exact for a heap subclass is rehomed into cls, and an object allocated with a
// heap cls takes its reference to cls. A built-in cls may answer an object that already exists
// (int(x) of an __int__ returning an int subclass instance): it holds its type already.
[[nodiscard]] Ref<Object>
construct_instance(VM& vm, Ref<Object> (*constructor)(VM&, Type*, Object* const*, size_t, Object*),
                   Type* cls, Object* const* args, size_t nargs, Object* kwnames);
// Re-installs the dunder slots of heap type `type` from its dict, after a dunder was assigned on
// the class (CPython's update_slot; subclasses made earlier keep their slots).
void update_dunder_slots(Runtime& runtime, Type* type);
// Offset of the instance dict pointer, 0 when instances have none or when the solid base is
// variable-sized (str, bytes, tuple: the pointer follows the items, see heap_instance_dict).
size_t heap_dict_offset(const Type* type);
// The bytes the solid base `solid` (str, bytes, tuple or a built-in tuple subclass) takes in the
// variable-size `object`, rounded up to pointer alignment.
size_t variable_part_size(const Object* object, const Type* solid);
// The dict pointer slot of an instance of a heap type, or null when it has none.
Object** heap_instance_dict(Object* object);
// Memory for an instance of heap type `cls` whose variable-size solid base takes `solid_bytes`,
// the dict slot after it (zeroed, refcount 1, on the refchain; cls not increfed). MemoryError.
[[nodiscard]] Ref<Object> allocate_variable_instance(VM& vm, Type* cls, size_t solid_bytes);

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
// CPython's compatible_for_assignment: TypeError "<attribute> assignment: 'B' object layout
// differs from 'A'" unless instances of `newto` can take the place of instances of `oldto`.
[[nodiscard]] Status check_layout_assignment(Runtime& runtime, Type* oldto, Type* newto,
                                             const char* attribute);
// The base whose layout a class with these bases extends (CPython's best_base). Raises TypeError
// "multiple bases have instance lay-out conflict" (null).
Type* best_layout_base(VM& vm, const std::vector<Type*>& bases);
// After heap class `type` got new bases (with the same layout): its dunder slots again from its
// own dict, the others from its new bases (CPython's update_all_slots).
void reinherit_dunder_slots(Runtime& runtime, Type* type);
// obj.__class__ = value (value null deletes), CPython's object_set_class: TypeError unless both
// classes are heap classes whose instances have the same layout.
[[nodiscard]] Status set_instance_class(Runtime& runtime, Object* self, Object* value);
// object.__new__(cls) for a heap type: a zeroed instance. Raises MemoryError.
[[nodiscard]] Ref<Object> instance_new(VM& vm, Type* cls);

} // namespace minipy::vm
