// Descriptors (Language Reference 3.3.2.2): property, staticmethod, classmethod, super, and slot
// wrappers (the `__init__`, `__repr__`, ... of built-in types, as CPython's wrapper_descriptor).
#pragma once

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

class Runtime;

struct Property : Object {
    Object* fget;
    Object* fset;
    Object* fdel;
    Object* doc;
    Object* name;
};

struct StaticOrClassMethod : Object {
    Object* function;
    Object* dict;
};

struct Super : Object {
    Type* type;   // the class super() was called in
    Object* self; // the instance or class
    Type* self_type;
};

// True when descriptor defines __set__ or __delete__ (a data descriptor wins over the instance
// dict).
bool is_data_descriptor(Runtime& rt, Object* descriptor);
// False for an instance of a class without __get__: a data descriptor with only __set__ loses to
// the instance dict on lookup and is returned itself (CPython's _PyObject_GenericGetAttr).
bool has_descriptor_get(Runtime& rt, Object* descriptor);
// _PyObject_IsAbstract: truth of object.__isabstractmethod__ (0 when absent), -1 when raised.
int object_is_abstract(VM& vm, Object* object);
// descriptor.__get__(object, type); `object` null means lookup on the class itself.
[[nodiscard]] Ref<Object> descriptor_get(Runtime& rt, Object* descriptor, Object* object,
                                         Type* type);
// descriptor.__set__(object, value) or __delete__(object) when value is null.
[[nodiscard]] Status descriptor_set(Runtime& rt, Object* descriptor, Object* object, Object* value,
                                    Object* name);
// The attribute `name` along type's mro, starting after `after` (null: from the start): dicts of
// heap types, methods and slot wrappers of built-in types. Borrowed-or-new in `out`; false when
// absent.
bool mro_lookup(Runtime& rt, Type* type, Type* after, Object* name, Ref<Object>& out);
// A slot wrapper of built-in `owner` for dunder `name` bound to self (null: unbound), or null
// without an exception when owner has no such slot.
[[nodiscard]] Ref<Object> slot_wrapper_new(Runtime& rt, Type* owner, Object* name, Object* self);

// True when built-in `owner` has the slot behind dunder `name`.
bool has_slot_for(Runtime& rt, const Type* owner, Object* name);
// Calls the slot of `owner` behind dunder `name` on self (class.cpp). Raises TypeError for bad
// argument counts, whatever the slot raises.
[[nodiscard]] Ref<Object> call_slot_of(VM& vm, Type* owner, Object* name, Object* self,
                                       Object* const* args, size_t nargs, Object* kwnames);

} // namespace minipy::vm
