// The abstract object protocol shared by the eval loop and the builtins. See vm/eval_helpers.h.
#include "vm/eval_helpers.h"

#include <atomic>
#include <cstring>
#include <vector>

#include "vm/descriptors.h"
#include "vm/format.h"
#include "vm/inline_cache.h"
#include "vm/runtime.h"
#include "vm/traceback.h"
#include "vm/types/alias.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/instance_values.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/range.h"
#include "vm/types/set.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

using BinarySlot = Ref<Object> (*TypeSlots::*)(VM&, Object*, Object*);

struct BinaryInfo {
    BinarySlot slot; // null for pow and matmul
    const char* inplace_dunder;
};

BinaryInfo binary_info(BinaryOpArg op) {
    switch (op) {
    case BinaryOpArg::Add:
        return {&TypeSlots::add, "__iadd__"};
    case BinaryOpArg::And:
        return {&TypeSlots::and_, "__iand__"};
    case BinaryOpArg::FloorDivide:
        return {&TypeSlots::floordiv, "__ifloordiv__"};
    case BinaryOpArg::Lshift:
        return {&TypeSlots::lshift, "__ilshift__"};
    case BinaryOpArg::MatrixMultiply:
        return {nullptr, "__imatmul__"};
    case BinaryOpArg::Multiply:
        return {&TypeSlots::mul, "__imul__"};
    case BinaryOpArg::Remainder:
        return {&TypeSlots::mod, "__imod__"};
    case BinaryOpArg::Or:
        return {&TypeSlots::or_, "__ior__"};
    case BinaryOpArg::Power:
        return {nullptr, "__ipow__"};
    case BinaryOpArg::Rshift:
        return {&TypeSlots::rshift, "__irshift__"};
    case BinaryOpArg::Subtract:
        return {&TypeSlots::sub, "__isub__"};
    case BinaryOpArg::TrueDivide:
        return {&TypeSlots::truediv, "__itruediv__"};
    case BinaryOpArg::Xor:
        return {&TypeSlots::xor_, "__ixor__"};
    default:
        return {nullptr, nullptr};
    }
}

Ref<Object> pow_slot_call(VM& vm, Object* left, Object* right) {
    auto left_slot = left->type->slots.pow;
    auto right_slot = right->type != left->type ? right->type->slots.pow : nullptr;
    if (left_slot) {
        Ref<Object> result = left_slot(vm, left, right, vm.none());
        if (!result || result.get() != vm.not_implemented())
            return result;
    }
    if (right_slot && right_slot != left_slot)
        return right_slot(vm, left, right, vm.none());
    return vm.new_not_implemented();
}

// CPython's binary_op1: the left slot, then the right one (first when the right operand's type is
// a subclass of the left's).
Ref<Object> binary_slots(VM& vm, Object* left, Object* right, BinarySlot slot) {
    auto left_slot = left->type->slots.*slot;
    auto right_slot = right->type != left->type ? right->type->slots.*slot : nullptr;
    if (right_slot == left_slot)
        right_slot = nullptr;
    if (left_slot && right_slot && is_subtype(right->type, left->type)) {
        Ref<Object> result = right_slot(vm, left, right);
        if (!result || result.get() != vm.not_implemented())
            return result;
        right_slot = nullptr;
    }
    if (left_slot) {
        Ref<Object> result = left_slot(vm, left, right);
        if (!result || result.get() != vm.not_implemented())
            return result;
    }
    if (right_slot)
        return right_slot(vm, left, right);
    return vm.new_not_implemented();
}

// list * n, tuple * n (and n * seq): D's types have no repeat slot yet.
Ref<Object> sequence_repeat(VM& vm, Object* sequence, Object* count) {
    int64_t n = 0;
    if (!int_to_i64(count, n))
        return raise_overflow_error(vm, "cannot fit 'int' into an index-sized integer");
    if (n < 0)
        n = 0;
    bool is_tuple_value = is_tuple(sequence);
    Object* const* items = is_tuple_value ? tuple_items(sequence) : list_items(sequence);
    intptr_t size = is_tuple_value ? tuple_size(sequence) : list_size(sequence);
    if (size > 0 && n > INTPTR_MAX / 8 / size)
        return raise_memory_error(vm);
    Ref<Object> list = list_new(vm, static_cast<size_t>(size * n));
    if (!list)
        return nullptr;
    for (int64_t i = 0; i < n; ++i) {
        for (intptr_t j = 0; j < size; ++j) {
            if (!is_ok(list_append(vm, list.get(), items[j])))
                return nullptr;
        }
    }
    if (is_tuple_value)
        return list_to_tuple(vm, list.get());
    return list;
}

Ref<Object> sequence_fallbacks(VM& vm, Object* left, Object* right, BinaryOpArg op) {
    if (op == BinaryOpArg::Multiply) {
        bool left_seq = is_list(left) || is_tuple(left);
        bool right_seq = is_list(right) || is_tuple(right);
        if (left_seq && is_int(right))
            return sequence_repeat(vm, left, right);
        if (right_seq && is_int(left))
            return sequence_repeat(vm, right, left);
    }
    return vm.new_not_implemented();
}

Raised unsupported(VM& vm, Object* left, Object* right, BinaryOpArg op) {
    auto index = static_cast<size_t>(op);
    std::string symbol(binary_op_symbols[index]);
    if (op == BinaryOpArg::Power)
        symbol = "** or pow()";
    return raise_type_error(vm, "unsupported operand type(s) for ", symbol, ": '", left->type->name,
                            "' and '", right->type->name, "'");
}

Ref<Object> inplace_dunder(VM& vm, Object* left, Object* right, const char* dunder) {
    if (!is_heap_type(left->type))
        return vm.new_not_implemented();
    Ref<Object> name = intern(vm, dunder);
    if (!name)
        return nullptr;
    Object* method = type_lookup(left->type, name.get());
    if (!method)
        return vm.new_not_implemented();
    Object* args[2] = {left, right};
    return call_object(vm, method, args, 2);
}

// a @ b: no built-in type implements it, so only classes' __matmul__ / __rmatmul__ answer (the
// reflected one first when the right operand's class is a subclass of the left's).
Ref<Object> matmul_dunders(VM& vm, Object* left, Object* right) {
    Ref<Object> forward = intern(vm, "__matmul__");
    Ref<Object> reflected = intern(vm, "__rmatmul__");
    if (!forward || !reflected)
        return nullptr;
    Object* left_method =
        is_heap_type(left->type) ? type_lookup(left->type, forward.get()) : nullptr;
    Object* right_method = right->type != left->type && is_heap_type(right->type)
                               ? type_lookup(right->type, reflected.get())
                               : nullptr;
    Object* reflected_args[2] = {right, left};
    if (right_method && is_subtype(right->type, left->type)) {
        Ref<Object> result = call_object(vm, right_method, reflected_args, 2);
        if (!result || result.get() != vm.not_implemented())
            return result;
        right_method = nullptr;
    }
    if (left_method) {
        Object* args[2] = {left, right};
        Ref<Object> result = call_object(vm, left_method, args, 2);
        if (!result || result.get() != vm.not_implemented())
            return result;
    }
    if (right_method)
        return call_object(vm, right_method, reflected_args, 2);
    return vm.new_not_implemented();
}

// The in-place forms list and set implement in C in CPython (list_inplace_concat, set_ior, ...),
// for their subclasses: left itself after the update, or NotImplemented.
Ref<Object> builtin_inplace(VM& vm, Object* left, Object* right, BinaryOpArg base) {
    if (base == BinaryOpArg::Add && is_list(left)) {
        if (!is_ok(list_extend_iterable(vm, left, right)))
            return nullptr;
        return Ref<Object>::borrow(left);
    }
    if (base == BinaryOpArg::Or && is_dict(left)) { // dict_ior: any argument of dict.update
        if (!call_method(vm, left, "update", &right, 1))
            return nullptr;
        return Ref<Object>::borrow(left);
    }
    if (!is_subtype(left->type, vm.types().set) || !is_set_or_frozenset(right))
        return vm.new_not_implemented();
    const char* method = base == BinaryOpArg::Or         ? "update"
                         : base == BinaryOpArg::And      ? "intersection_update"
                         : base == BinaryOpArg::Subtract ? "difference_update"
                         : base == BinaryOpArg::Xor      ? "symmetric_difference_update"
                                                         : nullptr;
    if (!method)
        return vm.new_not_implemented();
    if (!call_method(vm, left, method, &right, 1))
        return nullptr;
    return Ref<Object>::borrow(left);
}

} // namespace

Ref<Object> binary_op(VM& vm, Object* left, Object* right, BinaryOpArg op) {
    auto index = static_cast<uint8_t>(op);
    BinaryOpArg base = index >= 13 ? static_cast<BinaryOpArg>(index - 13) : op;
    if (index >= 13) {
        if (base == BinaryOpArg::Add && left->type == vm.types().list) {
            if (!is_ok(list_extend_iterable(vm, left, right)))
                return nullptr;
            return Ref<Object>::borrow(left);
        }
        Ref<Object> result = inplace_dunder(vm, left, right, binary_info(base).inplace_dunder);
        if (!result || result.get() != vm.not_implemented())
            return result;
        result = builtin_inplace(vm, left, right, base);
        if (!result || result.get() != vm.not_implemented())
            return result;
    }
    BinaryInfo info = binary_info(base);
    Ref<Object> result;
    if (base == BinaryOpArg::Power)
        result = pow_slot_call(vm, left, right);
    else if (base == BinaryOpArg::MatrixMultiply)
        result = matmul_dunders(vm, left, right);
    else if (info.slot)
        result = binary_slots(vm, left, right, info.slot);
    else
        result = vm.new_not_implemented();
    if (result && result.get() == vm.not_implemented())
        result = sequence_fallbacks(vm, left, right, base);
    if (result && result.get() == vm.not_implemented() && base == BinaryOpArg::Or)
        result = union_new(runtime_of(vm), left, right); // PEP 604: int | None
    if (result && result.get() == vm.not_implemented())
        return unsupported(vm, left, right, op);
    return result;
}

Ref<Object> unary_op(VM& vm, Object* value, char op) {
    auto slot = op == '-'   ? value->type->slots.neg
                : op == '+' ? value->type->slots.pos
                            : value->type->slots.invert;
    if (!slot)
        return raise_type_error(vm, "bad operand type for unary ", op, ": '", value->type->name,
                                "'");
    return slot(vm, value);
}

// ====== Attributes

namespace {

// The attribute cache of type_lookup, as CPython's method cache: a direct-mapped table per thread
// keyed on (type, name), for exact-str names. An entry stays valid while the type attribute epoch
// (vm/inline_cache.h) is unchanged: it is bumped whenever any type's attributes may change (type
// setattr/delattr, type deallocation, so a new type at a freed type's address must miss). Python
// code cannot write a class dict behind type_setattr's back (C.__dict__ is a read-only
// mappingproxy); C++ code filling a type's dict after creation would be caught for the type's own
// dict by `version` (its dict's version, which every mutation changes), and bumps the epoch for
// the subclasses' sake. The cached value is borrowed from the dict that holds it, which is
// unchanged while valid.
struct TypeCacheEntry {
    const Type* type = nullptr;
    Object* name = nullptr;
    uint64_t epoch = 0;
    uint64_t version = 0;
    Object* value = nullptr;
};
constexpr size_t type_cache_size = 1024; // 40 KiB of thread-local storage
thread_local TypeCacheEntry type_cache[type_cache_size];

uint64_t own_dict_version(const Type* type) {
    return type->dict ? static_cast<Dict*>(type->dict)->version : 0;
}

Object* type_lookup_uncached(const Type* type, Object* name, bool& cacheable) {
    Object* mro = type->mro;
    if (!mro) {
        cacheable = false;
        if (type->dict) {
            Object* value = nullptr;
            if (dict_lookup(*type->vm, type->dict, name, &value) > 0)
                return value;
        }
        return nullptr;
    }
    for (intptr_t i = 0; i < tuple_size(mro); ++i) {
        auto* base = static_cast<Type*>(tuple_items(mro)[i]);
        if (!base->dict)
            continue;
        Object* value = nullptr;
        int found = dict_lookup(*type->vm, base->dict, name, &value);
        if (found > 0)
            return value;
        if (found < 0) {
            cacheable = false;
            type->vm->thread_state().clear_exception();
        }
    }
    return nullptr;
}

} // namespace

void type_cache_invalidate_all() {
    type_attributes_changed(); // the inline caches too (vm/inline_cache.h)
}

Object* type_lookup(const Type* type, Object* name) {
    bool cacheable = type->mro && name->type == type->vm->types().str;
    if (!cacheable) {
        bool ignored = false;
        return type_lookup_uncached(type, name, ignored);
    }
    uintptr_t key = reinterpret_cast<uintptr_t>(type) ^ (reinterpret_cast<uintptr_t>(name) >> 3);
    TypeCacheEntry& entry = type_cache[(key ^ (key >> 12)) % type_cache_size];
    uint64_t epoch = type_epoch();
    uint64_t version = own_dict_version(type);
    if (entry.type == type && entry.name == name && entry.epoch == epoch &&
        entry.version == version)
        return entry.value;
    Object* value = type_lookup_uncached(type, name, cacheable);
    // A lookup that ran code (a key's __eq__) may have changed a dict: cache only what stays true.
    if (cacheable && type_epoch() == epoch && own_dict_version(type) == version)
        entry = TypeCacheEntry{type, name, epoch, version, value};
    return value;
}

Object** instance_dict_word(Object* object) {
    Type* type = object->type;
    if (has_flag(type, type_exception_subclass))
        return &static_cast<BaseExceptionObject*>(object)->dict;
    if (is_heap_type(type))
        return heap_instance_dict(object);
    Runtime& rt = runtime_of(*type->vm);
    if (type == rt.types().function)
        return &static_cast<Function*>(object)->dict;
    if (type == rt.types().module)
        return &static_cast<Module*>(object)->dict;
    return nullptr;
}

Object** instance_dict_slot(Object* object) {
    Object** slot = instance_dict_word(object);
    // Attributes kept inline move into a dict the caller may hand out (vm/types/instance_values.h).
    if (slot && !*slot) {
        if (InstanceValues* values = instance_values(object);
            values && values->end > 0 && !instance_values_materialize(vm_of(object), object))
            return nullptr;
    }
    return slot;
}

Raised raise_no_attribute(VM& vm, Object* object, Object* name) {
    Runtime& rt = runtime_of(vm);
    if (object->type == rt.types().module) {
        Object* module_name = static_cast<Module*>(object)->name;
        return raise_attribute_error(vm, "module '", module_name ? str_to_utf8(module_name) : "?",
                                     "' has no attribute '", str_to_utf8(name), "'");
    }
    return raise_attribute_error(vm, "'", object->type->name, "' object has no attribute '",
                                 str_to_utf8(name), "'");
}

Ref<Object> get_attr_generic(VM& vm, Object* object, Object* name) {
    Runtime& rt = runtime_of(vm);
    Type* type = object->type;
    if (name == rt.names().__class__)
        return Ref<Object>::borrow(type);
    Object* descriptor = type_lookup(type, name);
    Ref<Object> keep = Ref<Object>::borrow(descriptor);
    if (descriptor && is_data_descriptor(rt, descriptor) && has_descriptor_get(rt, descriptor))
        return descriptor_get(rt, descriptor, object, type);
    if (InstanceValues* values = active_values(object); values && name != rt.names().__dict__) {
        if (Object* value = instance_values_get(object, values, name))
            return Ref<Object>::borrow(value);
    } else if (Object** dict_slot = instance_dict_slot(object)) {
        if (name == rt.names().__dict__) {
            if (!*dict_slot) {
                Ref<Object> dict = dict_new(vm);
                if (!dict)
                    return nullptr;
                *dict_slot = dict.release();
            }
            return Ref<Object>::borrow(*dict_slot);
        }
        Object* value = nullptr;
        Object* dict = *dict_slot;
        if (dict && (dict->type == vm.types().dict || is_dict(dict)) &&
            dict_lookup(vm, dict, name, &value) < 0)
            return nullptr;
        if (value)
            return Ref<Object>::borrow(value);
    }
    if (descriptor)
        return descriptor_get(rt, descriptor, object, type);
    if (is_str(name)) {
        if (const MethodDef* def = find_method(type, str_ascii_view(name)))
            return builtin_function_new(rt, def, object);
        Type* owner = type;
        while (is_heap_type(owner))
            owner = owner->base;
        if (Ref<Object> wrapper = slot_wrapper_new(rt, owner, name, object))
            return wrapper;
        if (vm.thread_state().has_exception())
            return nullptr;
    }
    return raise_no_attribute(vm, object, name);
}

Ref<Object> get_attr(VM& vm, Object* object, Object* name) {
    if (name->type != vm.types().str && !is_str(name))
        return raise_type_error(vm, "attribute name must be string, not '", name->type->name, "'");
    auto slot = object->type->slots.getattr;
    Ref<Object> value = slot ? slot(vm, object, name) : get_attr_generic(vm, object, name);
    if (!value)
        attribute_error_add_context(vm, object, name); // CPython's set_attribute_error_context
    return value;
}

Ref<Object> get_attr_optional(VM& vm, Object* object, Object* name) {
    if (name->type != vm.types().str && !is_str(name))
        return raise_type_error(vm, "attribute name must be string, not '", name->type->name, "'");
    // The AttributeError is dropped: no name/obj context for it (get_attr adds them).
    auto slot = object->type->slots.getattr;
    Ref<Object> value = slot ? slot(vm, object, name) : get_attr_generic(vm, object, name);
    if (!value) {
        Object* exception = vm.thread_state().exception();
        if (exception && exception_matches(exception, vm.exceptions().AttributeError))
            vm.thread_state().clear_exception();
    }
    return value;
}

Status set_attr_generic(VM& vm, Object* object, Object* name, Object* value) {
    Runtime& rt = runtime_of(vm);
    Type* type = object->type;
    if (is_str(name) && str_equal(name, rt.names().__class__))
        return set_instance_class(rt, object, value); // object's __class__ data descriptor
    Object* descriptor = type_lookup(type, name);
    Ref<Object> keep = Ref<Object>::borrow(descriptor);
    if (descriptor && is_data_descriptor(rt, descriptor))
        return descriptor_set(rt, descriptor, object, value, name);
    if (InstanceValues* values = active_values(object))
        return instance_values_store(vm, object, values, name, value);
    Object** dict_slot = instance_dict_word(object);
    if (!dict_slot) {
        if (descriptor)
            return raise_attribute_error(vm, "'", type->name, "' object attribute '",
                                         str_to_utf8(name), "' is read-only");
        return raise_no_attribute(vm, object, name);
    }
    if (!*dict_slot) {
        Ref<Object> dict = dict_new(vm);
        if (!dict)
            return Status::error;
        *dict_slot = dict.release();
        // CPython 3.11 keeps an instance's attributes inline (no dict object): this dict does not
        // count toward the collector's generation-0 threshold, so collections come as often.
        if (vm.heap().generation_counter(0) > 0)
            --vm.heap().generation_counter(0);
    }
    if (value)
        return dict_setitem(vm, *dict_slot, name, value);
    if (!is_ok(dict_delitem(vm, *dict_slot, name))) {
        vm.thread_state().clear_exception();
        return raise_no_attribute(vm, object, name);
    }
    return Status::ok;
}

Status set_attr(VM& vm, Object* object, Object* name, Object* value) {
    if (name->type != vm.types().str && !is_str(name))
        return raise_type_error(vm, "attribute name must be string, not '", name->type->name, "'");
    if (auto slot = object->type->slots.setattr)
        return slot(vm, object, name, value);
    return set_attr_generic(vm, object, name, value);
}

Status load_method(VM& vm, Object* object, Object* name, Ref<Object>& method, bool& unbound) {
    Runtime& rt = runtime_of(vm);
    Type* type = object->type;
    unbound = false;
    auto slot = type->slots.getattr;
    // A Python __getattribute__ sees every lookup, methods included (CPython checks that
    // tp_getattro is the generic one).
    Object* custom = slot == instance_getattr ? type_lookup(type, rt.names().__getattribute__)
                                              : nullptr;
    if (slot == nullptr || (slot == instance_getattr &&
                            !(custom && custom->type == rt.types().function))) {
        Object* descriptor = type_lookup(type, name);
        if (descriptor && descriptor->type == rt.types().function) {
            Object** dict_slot = instance_dict_word(object);
            Object* shadow = nullptr;
            if (InstanceValues* values = active_values(object))
                shadow = instance_values_get(object, values, name);
            else if (dict_slot && *dict_slot && dict_lookup(vm, *dict_slot, name, &shadow) < 0)
                return Status::error;
            if (!shadow) {
                method = Ref<Object>::borrow(descriptor);
                unbound = true;
                return Status::ok;
            }
        }
    }
    if (slot == nullptr && !is_heap_type(type) && is_str(name) && !type_lookup(type, name) &&
        !instance_dict_slot(object)) {
        // A method of a built-in type (list.append): the cached unbound method and the receiver.
        Object* builtin = rt.builtin_method(type, name);
        if (builtin) {
            method = Ref<Object>::borrow(builtin);
            unbound = true;
            return Status::ok;
        }
        if (vm.thread_state().has_exception())
            return Status::error;
    }
    method = get_attr(vm, object, name);
    return method ? Status::ok : Status::error;
}

// ====== Iteration

Ref<Object> get_iter(VM& vm, Object* object) {
    if (auto slot = object->type->slots.iter) {
        Ref<Object> iterator = slot(vm, object);
        if (iterator && !iterator->type->slots.next)
            return raise_type_error(vm, "iter() returned non-iterator of type '",
                                    iterator->type->name, "'");
        return iterator;
    }
    if (object->type->slots.getitem && !has_flag(object->type, type_dict_subclass))
        return sequence_iterator_new(runtime_of(vm), object);
    return raise_type_error(vm, "'", object->type->name, "' object is not iterable");
}

Ref<Object> iter_next(VM& vm, Object* iterator) {
    auto slot = iterator->type->slots.next;
    if (!slot)
        return raise_type_error(vm, "'", iterator->type->name, "' object is not an iterator");
    Ref<Object> item = slot(vm, iterator);
    if (!item && vm.thread_state().has_exception() &&
        exception_matches(vm.thread_state().exception(), vm.exceptions().StopIteration))
        vm.thread_state().clear_exception();
    return item;
}

Status list_extend_iterable(VM& vm, Object* list, Object* iterable) {
    // CPython's exact-type fast path, widened to subclasses that keep the built-in __iter__.
    auto iter = iterable->type->slots.iter;
    if ((is_list(iterable) && iter == vm.types().list->slots.iter) ||
        (is_tuple(iterable) && iter == vm.types().tuple->slots.iter)) {
        Ref<Object> keep = Ref<Object>::borrow(iterable);
        intptr_t size = is_list(iterable) ? list_size(iterable) : tuple_size(iterable);
        for (intptr_t i = 0; i < size; ++i) {
            Object* item = is_list(iterable) ? list_items(iterable)[i] : tuple_items(iterable)[i];
            if (!is_ok(list_append(vm, list, item)))
                return Status::error;
        }
        return Status::ok;
    }
    Ref<Object> iterator = get_iter(vm, iterable);
    if (!iterator)
        return Status::error;
    for (;;) {
        Ref<Object> item = iter_next(vm, iterator.get());
        if (!item)
            return vm.thread_state().has_exception() ? Status::error : Status::ok;
        if (!is_ok(list_append(vm, list, item.get())))
            return Status::error;
    }
}

Ref<Object> sequence_to_list(VM& vm, Object* iterable) {
    // CPython's list() sizes the list from the range's length first, so list(range(10**12))
    // raises MemoryError at once instead of filling memory item by item.
    size_t capacity = 0;
    if (iterable->type == runtime_of(vm).types().range)
        capacity = static_cast<size_t>(static_cast<Range*>(iterable)->length);
    Ref<Object> list = list_new(vm, capacity);
    if (!list || !is_ok(list_extend_iterable(vm, list.get(), iterable)))
        return nullptr;
    return list;
}

int object_contains_iter(VM& vm, Object* container, Object* item) {
    if (container->type->slots.contains)
        return container->type->slots.contains(vm, container, item);
    Ref<Object> iterator = get_iter(vm, container);
    if (!iterator) {
        if (exception_matches(vm.thread_state().exception(), vm.exceptions().TypeError)) {
            vm.thread_state().clear_exception();
            (void)raise_type_error(vm, "argument of type '", container->type->name,
                                   "' is not iterable");
        }
        return -1;
    }
    for (;;) {
        Ref<Object> value = iter_next(vm, iterator.get());
        if (!value)
            return vm.thread_state().has_exception() ? -1 : 0;
        int equal = object_rich_compare_bool(vm, value.get(), item, CompareOp::eq);
        if (equal != 0)
            return equal;
    }
}

// ====== Misc

Ref<Object> format_object(VM& vm, Object* value, Object* spec) {
    return format_with_spec(vm, value, spec);
}

namespace {
// PEP 3119: the answer of the metaclass hook `name` (__instancecheck__ / __subclasscheck__) of
// class `cls` for `arg`: 1, 0, -1 when it raised, 2 when the metaclass (a built-in one, or a
// class statement's that defines none) has no hook.
int metaclass_check_hook(VM& vm, Object* cls, Object* name, Object* arg) {
    if (!is_heap_type(cls->type) || !type_lookup(cls->type, name))
        return 2;
    Ref<Object> result = call_dunder(vm, cls, name, &arg, 1);
    if (!result)
        return -1;
    return object_is_true(vm, result.get());
}
} // namespace

int object_issubclass(VM& vm, Object* derived, Object* classinfo) {
    if (Object* members = union_args(runtime_of(vm), classinfo))
        return object_issubclass(vm, derived, members);
    if (!is_tuple(classinfo)) {
        int hooked =
            metaclass_check_hook(vm, classinfo, runtime_of(vm).names().__subclasscheck__, derived);
        if (hooked != 2)
            return hooked;
    }
    if (is_tuple(classinfo)) {
        for (intptr_t i = 0; i < tuple_size(classinfo); ++i) {
            int result = object_issubclass(vm, derived, tuple_items(classinfo)[i]);
            if (result != 0)
                return result;
        }
        return 0;
    }
    if (!has_flag(classinfo->type, type_type_subclass)) {
        (void)raise_type_error(vm, "issubclass() arg 2 must be a class, a tuple of classes, or a "
                                   "union");
        return -1;
    }
    if (!has_flag(derived->type, type_type_subclass)) {
        (void)raise_type_error(vm, "issubclass() arg 1 must be a class");
        return -1;
    }
    return is_subtype(static_cast<Type*>(derived), static_cast<Type*>(classinfo)) ? 1 : 0;
}

int object_isinstance(VM& vm, Object* object, Object* classinfo) {
    if (object->type == classinfo)
        return 1;
    if (Object* members = union_args(runtime_of(vm), classinfo))
        return object_isinstance(vm, object, members);
    if (!is_tuple(classinfo)) {
        int hooked =
            metaclass_check_hook(vm, classinfo, runtime_of(vm).names().__instancecheck__, object);
        if (hooked != 2)
            return hooked;
    }
    if (is_tuple(classinfo)) {
        for (intptr_t i = 0; i < tuple_size(classinfo); ++i) {
            int result = object_isinstance(vm, object, tuple_items(classinfo)[i]);
            if (result != 0)
                return result;
        }
        return 0;
    }
    if (!has_flag(classinfo->type, type_type_subclass)) {
        (void)raise_type_error(vm, "isinstance() arg 2 must be a type, a tuple of types, or a "
                                   "union");
        return -1;
    }
    return is_subtype(object->type, static_cast<Type*>(classinfo)) ? 1 : 0;
}

Ref<Object> call_method_name(VM& vm, Object* object, Object* name, Object* const* args,
                             size_t nargs) {
    Ref<Object> method = get_attr(vm, object, name);
    if (!method)
        return nullptr;
    return call_object(vm, method.get(), args, nargs);
}

Ref<Object> intern(VM& vm, std::string_view text) {
    return str_intern_text(vm, text);
}

} // namespace minipy::vm
