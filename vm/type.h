// Type objects and the generic protocol entry points (repr, hash, compare, len, item access) that
// every other part of the runtime calls instead of reaching into slots directly.
//
// Invariants:
//  - a Type is itself an Object (its type is the VM's `type` type) on the refchain, and a
//  container;
//  - built-in types are created per VM in VM::create (one init_<name>_type(VM&) per type file),
//  never
//    shared between VMs: they hold references to per-VM objects (their name, bases, mro, dict), so
//    they are not truly immutable;
//  - `slots` are plain function pointers, null meaning "not supported"; a type made with a base
//    inherits every slot it leaves null (as CPython's inherit_slots);
//  - `basic_size`/`item_size` give the allocation size: basic_size + size * item_size bytes;
//  - a type outlives all its instances: at VM teardown types are freed last.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"

namespace minipy::vm {

// Visitor for the traverse slot; returns non-zero to stop the walk (that value is returned).
using VisitFn = int (*)(Object* object, void* arg);

enum class CompareOp : uint8_t { lt, le, eq, ne, gt, ge };

// Flags of a Type.
enum TypeFlags : uint32_t {
    type_has_gc = 1u << 0,       // instances carry a GcHead and are tracked by the collector
    type_base_type = 1u << 1,    // may be subclassed
    type_int_subclass = 1u << 2, // fast subclass checks, as CPython's Py_TPFLAGS_*_SUBCLASS
    type_str_subclass = 1u << 3,
    type_tuple_subclass = 1u << 4,
    type_list_subclass = 1u << 5,
    type_dict_subclass = 1u << 6,
    type_exception_subclass = 1u << 7,
    type_type_subclass = 1u << 8,
    type_bytes_subclass = 1u << 9,
};

struct TypeSlots {
#define MINIPY_SLOT(name, result, params) result(*name) params;
#include "vm/slots.def"
#undef MINIPY_SLOT
};

// How a built-in method takes its arguments (CPython's METH_* flags); the binder checks the count
// before the call so the function can index args directly.
enum class MethodKind : uint8_t {
    noargs,            // nargs == 0
    o,                 // nargs == 1
    fastcall,          // any positional count; the function checks it
    fastcall_keywords, // positional args followed by keyword values, names in kwnames (a tuple)
};

// One Python-level method of a built-in type. `self` is the receiver; args are borrowed.
using MethodFunction = Ref<Object> (*)(VM& vm, Object* self, Object* const* args, size_t nargs,
                                       Object* kwnames);
struct MethodDef {
    const char* name; // null ends a table
    MethodFunction function;
    MethodKind kind;
    const char* doc;
};

struct Type : Object {
    const char* name; // for built-in types: static text ("int"); heap types point into name_object
    VM* vm;           // the VM the type (and so each instance) belongs to
    Type* base;       // the layout base (owned), null only for `object`
    Object* name_object; // str (owned)
    Object* bases;       // tuple of types (owned)
    Object* mro;         // tuple of types, this type first (owned)
    Object* dict;        // attribute dict (owned), null until the stdlib fills it
    size_t basic_size;
    size_t item_size;
    uint32_t flags;
    TypeSlots slots;
    const MethodDef* methods; // null-terminated table, or null
    // Offset of the instances' weak reference list head (an Object*, see vm/weakref.h); 0 when
    // instances cannot be weakly referenced. Inherited by subclasses (their layout extends ours).
    size_t weaklist_offset;
    Object* weaklist; // head of the weak references to this type object itself (borrowed links)
};

// ====== Creating types

// Description of a built-in type for make_type.
struct TypeSpec {
    const char* name;
    Type* base; // null means `object`
    size_t basic_size;
    size_t item_size;
    uint32_t flags;
    TypeSlots slots;
    const MethodDef* methods;
};

// Creates a type with one base (inheriting its slots and flags). Returns null with MemoryError.
[[nodiscard]] Ref<Type> make_type(VM& vm, const TypeSpec& spec);
// Creates a type with several bases (as ExceptionGroup(BaseExceptionGroup, Exception)); the first
// is the layout base. The mro is computed by C3 linearisation. Raises TypeError when no consistent
// mro exists, MemoryError.
[[nodiscard]] Ref<Type> make_type_with_bases(VM& vm, const TypeSpec& spec, Type* const* bases,
                                             size_t nbases);
// Creates the `object` and `type` types of a fresh VM (used once by VM::create). False on OOM.
bool init_type_and_object(VM& vm);
// Gives a type made before the pools were ready its name object, bases and mro (VM::create).
bool complete_type(VM& vm, Type* type);
// Gives `type` an empty dict if it has none yet (built-in types start without one), so that
// entries can be put into it. False with MemoryError.
[[nodiscard]] bool type_ensure_dict(VM& vm, Type* type);

// ====== Queries

// True when `type` is `base` or inherits from it (walks the mro).
bool is_subtype(const Type* type, const Type* base);
inline bool has_flag(const Type* type, uint32_t flag) {
    return (type->flags & flag) != 0;
}
inline std::string_view type_name(const Type* type) {
    return type->name;
}
// Finds a built-in method by name along the mro (no instance or dict lookup); null if none.
const MethodDef* find_method(const Type* type, std::string_view name);
// Calls a built-in method found by find_method, checking its argument count (positional only).
// Raises AttributeError if there is none, TypeError for a wrong count, and whatever it raises.
[[nodiscard]] Ref<Object> call_method(VM& vm, Object* self, std::string_view name,
                                      Object* const* args, size_t nargs);

// ====== Generic protocol (CPython's abstract.c / object.c entry points)

// repr(o): a str. Raises RecursionError past the recursion limit, TypeError if __repr__ returns a
// non-str, and whatever the slot raises.
[[nodiscard]] Ref<Object> object_repr(VM& vm, Object* object);
// str(o): a str; falls back to repr.
[[nodiscard]] Ref<Object> object_str(VM& vm, Object* object);
// The __iter__ slot of every iterator type: the iterator itself (a new reference).
[[nodiscard]] Ref<Object> iter_self(VM& vm, Object* self);
// hash(o); -1 with TypeError "unhashable type: 'list'" for unhashable objects.
int64_t object_hash(VM& vm, Object* object);
// Rich comparison with reflected operands and the identity fallback for == and != (Language
// Reference 6.10.1). Raises TypeError "'<' not supported between instances of 'A' and 'B'",
// RecursionError.
[[nodiscard]] Ref<Object> object_rich_compare(VM& vm, Object* left, Object* right, CompareOp op);
// The same as a truth value: 1, 0, or -1 when raised. Identity implies equality (as CPython's
// PyObject_RichCompareBool) for eq and ne.
int object_rich_compare_bool(VM& vm, Object* left, Object* right, CompareOp op);
// Truth value: 1, 0, -1 when raised.
int object_is_true(VM& vm, Object* object);
// len(o); -1 with TypeError "object of type 'int' has no len()".
intptr_t object_len(VM& vm, Object* object);
// o[key]; raises TypeError "'int' object is not subscriptable" and whatever the slot raises.
[[nodiscard]] Ref<Object> object_getitem(VM& vm, Object* object, Object* key);
// o[key] = value (value null deletes). Raises TypeError when unsupported.
[[nodiscard]] Status object_setitem(VM& vm, Object* object, Object* key, Object* value);
// item in o: 1, 0, -1 when raised.
int object_contains(VM& vm, Object* object, Object* item);

// iter(o). Raises TypeError "'int' object is not iterable".
[[nodiscard]] Ref<Object> object_iter(VM& vm, Object* object);
// next(it): the next item; null with no exception set when exhausted, null with one on error.
[[nodiscard]] Ref<Object> object_next(VM& vm, Object* iterator);

// The binary number slots, for binary_op.
enum class BinarySlot : uint8_t {
    add,
    sub,
    mul,
    truediv,
    floordiv,
    mod,
    divmod,
    pow,
    lshift,
    rshift,
    and_,
    or_,
    xor_
};
// left <op> right as CPython's binary_op1: the right operand's slot first when its type is a proper
// subclass of the left's, NotImplemented falls through to the other side. Raises TypeError
// "unsupported operand type(s) for +: 'int' and 'str'" when neither side knows the pair (the eval
// loop adds sequence repetition and __r*__ methods of classes on top).
[[nodiscard]] Ref<Object> binary_op(VM& vm, Object* left, Object* right, BinarySlot slot);

// Default slots other types reuse.
int64_t hash_pointer(const void* pointer);
// The hash slot of unhashable types (list, dict, set): raises TypeError "unhashable type: 'list'".
// A type sets it explicitly so it does not inherit object's identity hash.
int64_t hash_not_implemented(VM& vm, Object* self);
Ref<Object> object_default_repr(VM& vm, Object* self);

// Default dealloc for objects with no owned references and no free list.
void dealloc_plain(Object* self);

} // namespace minipy::vm
