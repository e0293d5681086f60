// Type objects (the `type` and `object` types, make_type, C3 mro) and the generic protocol entry
// points. Invariants are in vm/type.h.
#include "vm/type.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <new>
#include <stdexcept>
#include <vector>

#include "vm/eval_helpers.h"
#include "vm/mro.h"
#include "vm/types/dict.h"
#include "vm/types/instance_values.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

// ====== The `type` type's slots

int type_traverse(Object* self, VisitFn visit, void* arg) {
    Type* type = static_cast<Type*>(self);
    for (Object* field : {static_cast<Object*>(type->base), type->name_object, type->bases,
                          type->mro, type->dict}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    return 0;
}

// Drops the Python-level references only: slots, name text and vm stay, so instances that outlive
// the clear (at VM teardown) can still be deallocated through their type.
void type_clear(Object* self) {
    Type* type = static_cast<Type*>(self);
    Object* base = type->base;
    type->base = nullptr;
    set_ref(type->name_object, nullptr);
    set_ref(type->bases, nullptr);
    set_ref(type->mro, nullptr);
    set_ref(type->dict, nullptr);
    if (is_heap_type(type))
        shared_keys_clear(type);
    xdecref(base);
}

void type_dealloc(Object* self) {
    VM& vm = vm_of(self);
    type_cache_invalidate_all(); // a type allocated at this address must not see its entries
    vm.heap().untrack(self);
    type_clear(self);
    vm.heap().release(self);
}

Ref<Object> type_repr(VM& vm, Object* self) {
    std::string text = "<class '";
    text += static_cast<Type*>(self)->name;
    text += "'>";
    return str_from_utf8(vm, text);
}

int64_t identity_hash(VM&, Object* self) {
    return hash_pointer(self);
}

Ref<Object> identity_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (op == CompareOp::eq)
        return self == other ? vm.new_bool(true) : vm.new_not_implemented();
    if (op == CompareOp::ne)
        return self == other ? vm.new_bool(false) : vm.new_not_implemented();
    return vm.new_not_implemented();
}

void inherit_slots(Type* type, const Type* base) {
#define MINIPY_SLOT(name, result, params)                                                          \
    if (!type->slots.name)                                                                         \
        type->slots.name = base->slots.name;
#include "vm/slots.def"
#undef MINIPY_SLOT
    // A subclass that adds a GcHead cannot use a base dealloc that frees memory without it; flags
    // are inherited wholesale, so the layout stays the base's.
    type->flags |= base->flags & ~static_cast<uint32_t>(type_base_type);
}

Type* new_type_object(VM& vm, const TypeSpec& spec, Type* base) {
    // A heap type carries its instances' shared attribute keys after the struct.
    Ref<Type> type = (spec.flags & type_heap_type) ? allocate_heap_type(vm)
                                                   : allocate_object<Type>(vm, vm.types().type);
    if (!type)
        return nullptr;
    type->name = spec.name;
    type->vm = &vm;
    type->base = base;
    incref(base);
    type->basic_size = spec.basic_size ? spec.basic_size : base->basic_size;
    // The weak reference list is inherited when the layout extends the base's whole (a built-in
    // subtype given only its struct's size would not hold the slot enable_weakrefs appended).
    type->weaklist_offset = type->basic_size >= base->basic_size ? base->weaklist_offset : 0;
    type->item_size = spec.item_size;
    type->flags = spec.flags;
    type->slots = spec.slots;
    type->methods = spec.methods;
    inherit_slots(type.get(), base);
    if (vm.pools().is_ready()) {
        Ref<Object> name = str_intern_text(vm, spec.name);
        if (!name)
            return nullptr;
        type->name_object = name.release();
    }
    return type.release();
}

// C3 linearisation (as CPython's mro_internal): merge the bases' mros and the bases list.
bool compute_mro(Type* type, Type* const* bases, size_t nbases, std::vector<Type*>& out) {
    std::vector<std::vector<Type*>> sequences;
    for (size_t i = 0; i < nbases; ++i) {
        std::vector<Type*> sequence;
        Object* mro = bases[i]->mro;
        for (intptr_t j = 0; j < tuple_size(mro); ++j)
            sequence.push_back(static_cast<Type*>(tuple_items(mro)[j]));
        sequences.push_back(std::move(sequence));
    }
    sequences.emplace_back(bases, bases + nbases);
    out.push_back(type);
    return c3_merge(std::move(sequences), out);
}

Status set_bases_and_mro(VM& vm, Type* type, Type* const* bases, size_t nbases) {
    Ref<Object> bases_tuple = tuple_from_array(vm, reinterpret_cast<Object* const*>(bases), nbases);
    if (!bases_tuple)
        return Status::error;
    std::vector<Type*> mro;
    try {
        if (!compute_mro(type, bases, nbases, mro))
            return raise_type_error(vm, "Cannot create a consistent method resolution order (MRO)");
    } catch (const std::bad_alloc&) {
        return raise_memory_error(vm);
    }
    Ref<Object> mro_tuple =
        tuple_from_array(vm, reinterpret_cast<Object* const*>(mro.data()), mro.size());
    if (!mro_tuple)
        return Status::error;
    type->bases = bases_tuple.release();
    type->mro = mro_tuple.release();
    return Status::ok;
}

Ref<Object> object_repr_slot(VM& vm, Object* self) {
    return object_default_repr(vm, self);
}

} // namespace

// ====== Creating types

Ref<Type> make_type(VM& vm, const TypeSpec& spec) {
    Type* base = spec.base ? spec.base : vm.types().object;
    return make_type_with_bases(vm, spec, &base, 1);
}

Ref<Type> make_type_with_bases(VM& vm, const TypeSpec& spec, Type* const* bases, size_t nbases) {
    Ref<Type> type = Ref<Type>::steal(new_type_object(vm, spec, bases[0]));
    if (!type)
        return nullptr;
    for (size_t i = 1; i < nbases; ++i)
        inherit_slots(type.get(), bases[i]);
    // The core types are made before str and tuple work; VM::initialize completes them.
    if (!vm.pools().is_ready())
        return type;
    if (!is_ok(set_bases_and_mro(vm, type.get(), bases, nbases)))
        return nullptr;
    return type;
}

bool init_type_and_object(VM& vm) {
    // `type` is its own type and `object` is the base of everything: both are made by hand, then
    // completed once str and tuple exist (see VM::initialize).
    gc::Heap& heap = vm.heap();
    auto* type_type = static_cast<Type*>(heap.allocate(nullptr, sizeof(Type), true));
    if (!type_type)
        return false;
    type_type->type = type_type;
    auto* object_type = static_cast<Type*>(heap.allocate(type_type, sizeof(Type), true));
    if (!object_type) {
        heap.release(type_type);
        return false;
    }
    vm.types().type = type_type;
    vm.types().object = object_type;
    object_type->name = "object";
    object_type->vm = &vm;
    object_type->basic_size = sizeof(Object);
    object_type->flags = type_base_type;
    // object has no GcHead-bearing instances; the type object itself is a container as every type.
    object_type->slots.dealloc = dealloc_plain;
    object_type->slots.repr = object_repr_slot;
    object_type->slots.hash = identity_hash;
    object_type->slots.richcompare = identity_richcompare;
    type_type->name = "type";
    type_type->vm = &vm;
    type_type->base = object_type;
    incref(object_type);
    type_type->basic_size = sizeof(Type);
    // Classes can be weakly referenced: their list head is Type::weaklist.
    type_type->weaklist_offset = static_cast<size_t>(reinterpret_cast<char*>(&type_type->weaklist) -
                                                     reinterpret_cast<char*>(type_type));
    type_type->flags = type_base_type | type_type_subclass | type_has_gc;
    type_type->slots.dealloc = type_dealloc;
    type_type->slots.traverse = type_traverse;
    type_type->slots.clear = type_clear;
    type_type->slots.repr = type_repr;
    inherit_slots(type_type, object_type);
    return true;
}

bool type_ensure_dict(VM& vm, Type* type) {
    if (type->dict)
        return true;
    Ref<Object> dict = dict_new(vm);
    if (!dict)
        return false;
    type->dict = dict.release();
    return true;
}

bool complete_type(VM& vm, Type* type) {
    if (!type->name_object) {
        Ref<Object> name = str_intern_text(vm, type->name);
        if (!name)
            return false;
        type->name_object = name.release();
    }
    if (type->mro)
        return true;
    if (!type->base) {
        Ref<Object> empty = tuple_new(vm, 0);
        Ref<Object> mro = tuple_pack(vm, {type});
        if (!empty || !mro)
            return false;
        type->bases = empty.release();
        type->mro = mro.release();
        return true;
    }
    Type* base = type->base;
    return is_ok(set_bases_and_mro(vm, type, &base, 1));
}

// ====== Queries

bool is_subtype(const Type* type, const Type* base) {
    if (type == base)
        return true;
    if (type->mro) {
        Object* const* items = tuple_items(type->mro);
        for (intptr_t i = 0; i < tuple_size(type->mro); ++i) {
            if (items[i] == base)
                return true;
        }
        return false;
    }
    for (const Type* t = type->base; t; t = t->base) {
        if (t == base)
            return true;
    }
    return false;
}

const MethodDef* find_method(const Type* type, std::string_view name) {
    for (const Type* t = type; t; t = t->base) {
        for (const MethodDef* def = t->methods; def && def->name; ++def) {
            if (name == def->name)
                return def;
        }
    }
    return nullptr;
}

Ref<Object> call_method(VM& vm, Object* self, std::string_view name, Object* const* args,
                        size_t nargs) {
    const MethodDef* def = find_method(self->type, name);
    if (!def)
        return raise_attribute_error(vm, "'", self->type->name, "' object has no attribute '", name,
                                     "'");
    if (def->kind == MethodKind::noargs && nargs != 0)
        return raise_type_error(vm, self->type->name, ".", name, "() takes no arguments (", nargs,
                                " given)");
    if (def->kind == MethodKind::o && nargs != 1)
        return raise_type_error(vm, self->type->name, ".", name, "() takes exactly one argument (",
                                nargs, " given)");
    return def->function(vm, self, args, nargs, nullptr);
}

// ====== Generic protocol

int64_t hash_pointer(const void* pointer) {
    // CPython's _Py_HashPointer: rotate by 4 so the alignment zeros do not cluster.
    auto bits = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(pointer));
    bits = (bits >> 4) | (bits << 60);
    auto hash = static_cast<int64_t>(bits);
    return hash == -1 ? -2 : hash;
}

Ref<Object> object_default_repr(VM& vm, Object* self) {
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "<%s object at %p>", self->type->name,
                  static_cast<void*>(self));
    return str_from_utf8(vm, buffer);
}

void dealloc_plain(Object* self) {
    vm_of(self).heap().release(self);
}

Ref<Object> object_repr(VM& vm, Object* object) {
    RecursionGuard guard(vm.thread_state(), " while getting the repr of an object");
    if (!guard.ok())
        return nullptr;
    if (!object->type->slots.repr)
        return object_default_repr(vm, object);
    Ref<Object> result = object->type->slots.repr(vm, object);
    if (result && !is_str(result.get()))
        return raise_type_error(vm, "__repr__ returned non-string (type ", result->type->name, ")");
    return result;
}

Ref<Object> iter_self(VM&, Object* self) {
    return Ref<Object>::borrow(self);
}

Ref<Object> object_str(VM& vm, Object* object) {
    if (object->type == vm.types().str)
        return Ref<Object>::borrow(object);
    if (!object->type->slots.str)
        return object_repr(vm, object);
    RecursionGuard guard(vm.thread_state(), " while getting the str of an object");
    if (!guard.ok())
        return nullptr;
    Ref<Object> result = object->type->slots.str(vm, object);
    if (result && !is_str(result.get()))
        return raise_type_error(vm, "__str__ returned non-string (type ", result->type->name, ")");
    return result;
}

int64_t hash_not_implemented(VM& vm, Object* self) {
    (void)raise_type_error(vm, "unhashable type: '", self->type->name, "'");
    return -1;
}

int64_t object_hash(VM& vm, Object* object) {
    if (!object->type->slots.hash) {
        (void)raise_type_error(vm, "unhashable type: '", object->type->name, "'");
        return -1;
    }
    // Hashing nested tuples recurses natively; CPython counts no depth there, so only the native
    // stack guard applies (RecursionError instead of a stack overflow).
    if (has_flag(object->type, type_has_gc) && !is_ok(vm.thread_state().check_native_stack("")))
        return -1;
    return object->type->slots.hash(vm, object);
}

namespace {
CompareOp swapped(CompareOp op) {
    switch (op) {
    case CompareOp::lt:
        return CompareOp::gt;
    case CompareOp::le:
        return CompareOp::ge;
    case CompareOp::gt:
        return CompareOp::lt;
    case CompareOp::ge:
        return CompareOp::le;
    default:
        return op;
    }
}
const char* op_text(CompareOp op) {
    static constexpr const char* texts[] = {"<", "<=", "==", "!=", ">", ">="};
    return texts[static_cast<int>(op)];
}
} // namespace

Ref<Object> object_rich_compare(VM& vm, Object* left, Object* right, CompareOp op) {
    RecursionGuard guard(vm.thread_state(), " in comparison");
    if (!guard.ok())
        return nullptr;
    auto left_slot = left->type->slots.richcompare;
    auto right_slot = right->type->slots.richcompare;
    bool reflected_checked = false;
    // Reference 6.10.1 / data model: a right operand of a subclass type gets the first try.
    if (left->type != right->type && is_subtype(right->type, left->type) && right_slot) {
        reflected_checked = true;
        Ref<Object> result = right_slot(vm, right, left, swapped(op));
        if (!result || result.get() != vm.not_implemented())
            return result;
    }
    if (left_slot) {
        Ref<Object> result = left_slot(vm, left, right, op);
        if (!result || result.get() != vm.not_implemented())
            return result;
    }
    if (!reflected_checked && right_slot) {
        Ref<Object> result = right_slot(vm, right, left, swapped(op));
        if (!result || result.get() != vm.not_implemented())
            return result;
    }
    // With no __eq__ on either side, == and != compare identity.
    if (op == CompareOp::eq)
        return vm.new_bool(left == right);
    if (op == CompareOp::ne)
        return vm.new_bool(left != right);
    return raise_type_error(vm, "'", op_text(op), "' not supported between instances of '",
                            left->type->name, "' and '", right->type->name, "'");
}

int object_rich_compare_bool(VM& vm, Object* left, Object* right, CompareOp op) {
    if (left == right) {
        if (op == CompareOp::eq)
            return 1;
        if (op == CompareOp::ne)
            return 0;
    }
    Ref<Object> result = object_rich_compare(vm, left, right, op);
    if (!result)
        return -1;
    return object_is_true(vm, result.get());
}

int object_is_true(VM& vm, Object* object) {
    if (object == vm.true_())
        return 1;
    if (object == vm.false_() || object == vm.none())
        return 0;
    if (object->type->slots.bool_)
        return object->type->slots.bool_(vm, object);
    if (object->type->slots.len) {
        intptr_t length = object->type->slots.len(vm, object);
        return length < 0 ? -1 : length > 0;
    }
    return 1;
}

intptr_t object_len(VM& vm, Object* object) {
    if (!object->type->slots.len) {
        (void)raise_type_error(vm, "object of type '", object->type->name, "' has no len()");
        return -1;
    }
    return object->type->slots.len(vm, object);
}

Ref<Object> object_getitem(VM& vm, Object* object, Object* key) {
    if (!object->type->slots.getitem)
        return raise_type_error(vm, "'", object->type->name, "' object is not subscriptable");
    return object->type->slots.getitem(vm, object, key);
}

Status object_setitem(VM& vm, Object* object, Object* key, Object* value) {
    if (!object->type->slots.setitem) {
        if (value)
            return raise_type_error(vm, "'", object->type->name,
                                    "' object does not support item assignment");
        return raise_type_error(vm, "'", object->type->name,
                                "' object does not support item deletion");
    }
    return object->type->slots.setitem(vm, object, key, value);
}

int object_contains(VM& vm, Object* object, Object* item) {
    if (object->type->slots.contains)
        return object->type->slots.contains(vm, object, item);
    (void)raise_type_error(vm, "argument of type '", object->type->name, "' is not iterable");
    return -1;
}

Ref<Object> object_iter(VM& vm, Object* object) {
    if (!object->type->slots.iter)
        return raise_type_error(vm, "'", object->type->name, "' object is not iterable");
    return object->type->slots.iter(vm, object);
}

Ref<Object> object_next(VM& vm, Object* iterator) {
    if (!iterator->type->slots.next)
        return raise_type_error(vm, "'", iterator->type->name, "' object is not an iterator");
    return iterator->type->slots.next(vm, iterator);
}

namespace {

using BinaryFunction = Ref<Object> (*)(VM&, Object*, Object*);

BinaryFunction binary_slot(const Type* type, BinarySlot slot) {
    const TypeSlots& s = type->slots;
    switch (slot) {
    case BinarySlot::add:
        return s.add;
    case BinarySlot::sub:
        return s.sub;
    case BinarySlot::mul:
        return s.mul;
    case BinarySlot::truediv:
        return s.truediv;
    case BinarySlot::floordiv:
        return s.floordiv;
    case BinarySlot::mod:
        return s.mod;
    case BinarySlot::divmod:
        return s.divmod;
    case BinarySlot::lshift:
        return s.lshift;
    case BinarySlot::rshift:
        return s.rshift;
    case BinarySlot::and_:
        return s.and_;
    case BinarySlot::or_:
        return s.or_;
    case BinarySlot::xor_:
        return s.xor_;
    case BinarySlot::pow:
        break;
    }
    return nullptr;
}

const char* binary_symbol(BinarySlot slot) {
    static constexpr const char* symbols[] = {"+",           "-",  "*",  "/", "//", "%", "divmod()",
                                              "** or pow()", "<<", ">>", "&", "|",  "^"};
    return symbols[static_cast<int>(slot)];
}

// Calls one side's slot (pow takes a null modulus).
Ref<Object> call_binary(VM& vm, const Type* owner, BinarySlot slot, Object* left, Object* right) {
    if (slot == BinarySlot::pow)
        return owner->slots.pow ? owner->slots.pow(vm, left, right, nullptr)
                                : vm.new_not_implemented();
    BinaryFunction function = binary_slot(owner, slot);
    if (!function)
        return vm.new_not_implemented();
    // As call_object: a std::bad_alloc of a C++ container inside the slot (b'x' * 10**13)
    // becomes MemoryError.
    try {
        return function(vm, left, right);
    } catch (const std::bad_alloc&) {
        return raise_memory_error(vm);
    } catch (const std::length_error&) {
        return raise_memory_error(vm);
    }
}

} // namespace

Ref<Object> binary_op(VM& vm, Object* left, Object* right, BinarySlot slot) {
    Type* left_type = left->type;
    Type* right_type = right->type;
    bool right_first = right_type != left_type && is_subtype(right_type, left_type);
    Type* order[2] = {right_first ? right_type : left_type, right_first ? left_type : right_type};
    int tries = left_type == right_type ? 1 : 2;
    for (int i = 0; i < tries; ++i) {
        Ref<Object> result = call_binary(vm, order[i], slot, left, right);
        if (!result || result.get() != vm.not_implemented())
            return result;
    }
    return raise_type_error(vm, "unsupported operand type(s) for ", binary_symbol(slot), ": '",
                            left_type->name, "' and '", right_type->name, "'");
}

} // namespace minipy::vm
