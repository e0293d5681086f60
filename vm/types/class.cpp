// User-defined classes: creating heap types (`class` statements, type(name, bases, dict)), calling
// classes, the instance layout and attribute protocol, and the slots that dispatch to dunders.
// Invariants are in vm/types/class.h.
#include "vm/types/class.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "gc/collector.h"
#include "vm/descriptors.h"
#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/mro.h"
#include "vm/runtime.h"
#include "vm/traceback.h"
#include "vm/types/bytes.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/instance_values.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/member.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/weakref.h"

namespace minipy::vm {

Ref<Object> call_dunder(VM& vm, Object* self, Object* name, Object* const* args, size_t nargs);

namespace {

// ====== Calling a dunder found on the type

// type(self).name(self, *args), or NotImplemented (new ref) when the type has no such attribute.
Ref<Object> call_dunder_or_ni(VM& vm, Object* self, const char* name, Object* const* args,
                              size_t nargs) {
    Ref<Object> key = intern(vm, name);
    if (!key)
        return nullptr;
    if (!type_lookup(self->type, key.get()))
        return vm.new_not_implemented();
    return call_dunder(vm, self, key.get(), args, nargs);
}

Ref<Object> slot_repr(VM& vm, Object* self) {
    return call_dunder(vm, self, runtime_of(vm).names().__repr__, nullptr, 0);
}
Ref<Object> slot_str(VM& vm, Object* self) {
    return call_dunder(vm, self, runtime_of(vm).names().__str__, nullptr, 0);
}
int64_t slot_hash(VM& vm, Object* self) {
    Ref<Object> result = call_dunder(vm, self, runtime_of(vm).names().__hash__, nullptr, 0);
    if (!result)
        return -1;
    if (!is_int(result.get())) {
        (void)raise_type_error(vm, "__hash__ method should return an integer");
        return -1;
    }
    // CPython's slot_tp_hash: the returned int itself when it fits, else that int's hash.
    int64_t value = 0;
    if (!int_to_i64(result.get(), value))
        value = int_hash_value(result.get());
    return value == -1 ? -2 : value;
}
Ref<Object> slot_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    static constexpr const char* names[] = {"__lt__", "__le__", "__eq__",
                                            "__ne__", "__gt__", "__ge__"};
    Ref<Object> key = intern(vm, names[static_cast<int>(op)]);
    if (!key)
        return nullptr;
    Ref<Object> result;
    if (type_lookup(self->type, key.get())) {
        result = call_dunder(vm, self, key.get(), &other, 1);
    } else {
        // No class defines this one: a built-in base compares with its own slot (str.__ne__ of a
        // str subclass that only defines __eq__), object's inverts __eq__ below.
        Type* solid = solid_base(self->type);
        if (solid != vm.types().object && solid->slots.richcompare &&
            solid->slots.richcompare != slot_richcompare)
            return solid->slots.richcompare(vm, self, other, op);
        result = vm.new_not_implemented();
    }
    if (result && result.get() == vm.not_implemented() && op == CompareOp::ne) {
        // object.__ne__ inverts __eq__ unless it is NotImplemented.
        Ref<Object> equal = call_dunder_or_ni(vm, self, "__eq__", &other, 1);
        if (!equal || equal.get() == vm.not_implemented())
            return equal;
        int truth = object_is_true(vm, equal.get());
        if (truth < 0)
            return nullptr;
        return vm.new_bool(!truth);
    }
    return result;
}
Ref<Object> slot_call(VM& vm, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Object* method = type_lookup(self->type, runtime_of(vm).names().__call__);
    if (!method)
        return raise_type_error(vm, "'", self->type->name, "' object is not callable");
    Ref<Object> bound = descriptor_get(runtime_of(vm), method, self, self->type);
    if (!bound)
        return nullptr;
    return call_object(vm, bound.get(), args, nargs, kwnames);
}
Ref<Object> slot_iter(VM& vm, Object* self) {
    return call_dunder(vm, self, runtime_of(vm).names().__iter__, nullptr, 0);
}
Ref<Object> slot_next(VM& vm, Object* self) {
    Ref<Object> result = call_dunder(vm, self, runtime_of(vm).names().__next__, nullptr, 0);
    if (!result && vm.thread_state().has_exception() &&
        exception_matches(vm.thread_state().exception(), vm.exceptions().StopIteration))
        vm.thread_state().clear_exception();
    return result;
}
intptr_t slot_len(VM& vm, Object* self) {
    Ref<Object> result = call_dunder(vm, self, runtime_of(vm).names().__len__, nullptr, 0);
    if (!result)
        return -1;
    int64_t value = 0;
    if (!is_int(result.get())) {
        (void)raise_type_error(vm, "'", result->type->name,
                               "' object cannot be interpreted as an integer");
        return -1;
    }
    if (!int_to_i64(result.get(), value)) {
        (void)raise_overflow_error(vm, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (value < 0) {
        (void)raise_value_error(vm, "__len__() should return >= 0");
        return -1;
    }
    return static_cast<intptr_t>(value);
}
Ref<Object> slot_getitem(VM& vm, Object* self, Object* key) {
    return call_dunder(vm, self, runtime_of(vm).names().__getitem__, &key, 1);
}
Status slot_setitem(VM& vm, Object* self, Object* key, Object* value) {
    Object* args[2] = {key, value};
    Runtime& rt = runtime_of(vm);
    Ref<Object> result = value ? call_dunder(vm, self, rt.names().__setitem__, args, 2)
                               : call_dunder(vm, self, rt.names().__delitem__, args, 1);
    return result ? Status::ok : Status::error;
}
int slot_contains(VM& vm, Object* self, Object* item) {
    Runtime& rt = runtime_of(vm);
    if (!type_lookup(self->type, rt.names().__contains__)) {
        Ref<Object> iterator = get_iter(vm, self);
        if (!iterator)
            return -1;
        for (;;) {
            Ref<Object> value = iter_next(vm, iterator.get());
            if (!value)
                return vm.thread_state().has_exception() ? -1 : 0;
            int equal = object_rich_compare_bool(vm, value.get(), item, CompareOp::eq);
            if (equal != 0)
                return equal;
        }
    }
    Ref<Object> result = call_dunder(vm, self, rt.names().__contains__, &item, 1);
    return result ? object_is_true(vm, result.get()) : -1;
}
int slot_bool(VM& vm, Object* self) {
    Runtime& rt = runtime_of(vm);
    if (type_lookup(self->type, rt.names().__bool__)) {
        Ref<Object> result = call_dunder(vm, self, rt.names().__bool__, nullptr, 0);
        if (!result)
            return -1;
        if (result->type != vm.types().bool_) {
            (void)raise_type_error(vm, "__bool__ should return bool, returned ",
                                   result->type->name);
            return -1;
        }
        return result.get() == vm.true_();
    }
    if (type_lookup(self->type, rt.names().__len__)) {
        intptr_t length = slot_len(vm, self);
        return length < 0 ? -1 : length > 0;
    }
    return 1;
}

#define MINIPY_UNARY_SLOT(slot, dunder)                                                            \
    Ref<Object> slot_##slot(VM& vm, Object* self) {                                                \
        Ref<Object> name = intern(vm, dunder);                                                     \
        if (!name)                                                                                 \
            return nullptr;                                                                        \
        return call_dunder(vm, self, name.get(), nullptr, 0);                                      \
    }
MINIPY_UNARY_SLOT(neg, "__neg__")
MINIPY_UNARY_SLOT(pos, "__pos__")
MINIPY_UNARY_SLOT(abs, "__abs__")
MINIPY_UNARY_SLOT(invert, "__invert__")
MINIPY_UNARY_SLOT(int_, "__int__")
MINIPY_UNARY_SLOT(float_, "__float__")
MINIPY_UNARY_SLOT(index, "__index__")
#undef MINIPY_UNARY_SLOT

// CPython's SLOT1BINFULL: left.__op__(right), then right.__rop__(left).
#define MINIPY_BINARY_SLOT(slot, dunder, rdunder)                                                  \
    Ref<Object> slot_##slot(VM& vm, Object* left, Object* right) {                                 \
        if (left->type->slots.slot == slot_##slot) {                                               \
            Ref<Object> result = call_dunder_or_ni(vm, left, dunder, &right, 1);                   \
            if (!result || result.get() != vm.not_implemented())                                   \
                return result;                                                                     \
        }                                                                                          \
        if (right->type != left->type && right->type->slots.slot == slot_##slot)                   \
            return call_dunder_or_ni(vm, right, rdunder, &left, 1);                                \
        return vm.new_not_implemented();                                                           \
    }
MINIPY_BINARY_SLOT(add, "__add__", "__radd__")
MINIPY_BINARY_SLOT(sub, "__sub__", "__rsub__")
MINIPY_BINARY_SLOT(mul, "__mul__", "__rmul__")
MINIPY_BINARY_SLOT(truediv, "__truediv__", "__rtruediv__")
MINIPY_BINARY_SLOT(floordiv, "__floordiv__", "__rfloordiv__")
MINIPY_BINARY_SLOT(mod, "__mod__", "__rmod__")
MINIPY_BINARY_SLOT(divmod, "__divmod__", "__rdivmod__")
MINIPY_BINARY_SLOT(lshift, "__lshift__", "__rlshift__")
MINIPY_BINARY_SLOT(rshift, "__rshift__", "__rrshift__")
MINIPY_BINARY_SLOT(and_, "__and__", "__rand__")
MINIPY_BINARY_SLOT(or_, "__or__", "__ror__")
MINIPY_BINARY_SLOT(xor_, "__xor__", "__rxor__")
#undef MINIPY_BINARY_SLOT

Ref<Object> slot_pow(VM& vm, Object* left, Object* right, Object*) {
    if (left->type->slots.pow == slot_pow) {
        Ref<Object> result = call_dunder_or_ni(vm, left, "__pow__", &right, 1);
        if (!result || result.get() != vm.not_implemented())
            return result;
    }
    if (right->type != left->type && right->type->slots.pow == slot_pow)
        return call_dunder_or_ni(vm, right, "__rpow__", &left, 1);
    return vm.new_not_implemented();
}

// object.__repr__ for instances of heap types: "<__main__.C object at 0x...>".
Ref<Object> heap_default_repr(VM& vm, Object* self) {
    Runtime& rt = runtime_of(vm);
    Type* type = self->type;
    std::string module = "builtins";
    std::string qualname = type->name;
    Object* value = nullptr;
    if (type->dict && dict_lookup(vm, type->dict, rt.names().__module__, &value) > 0 && value &&
        is_str(value))
        module = str_to_utf8(value);
    value = nullptr;
    if (type->dict && dict_lookup(vm, type->dict, rt.names().__qualname__, &value) > 0 && value &&
        is_str(value))
        qualname = str_to_utf8(value);
    char address[32];
    std::snprintf(address, sizeof address, "%p", static_cast<void*>(self));
    std::string prefix = module == "builtins" ? "" : module + ".";
    return str_from_utf8(vm, "<" + prefix + qualname + " object at " + address + ">");
}

// Runs __del__ (PEP 442) on an instance whose count reached zero; true when it was resurrected.
bool run_finalizer(VM& vm, Object* self) {
    if (vm.finalizers_done() || gc::is_finalized(self))
        return false; // already ran (PEP 442: once per object), by the collector or before
    // The runtime's interned name: interning the text anew cost more than the rest of a dealloc.
    Runtime* runtime = vm.runtime();
    Ref<Object> name = runtime && runtime->names().__del__
                           ? Ref<Object>::borrow(runtime->names().__del__)
                           : intern(vm, "__del__");
    if (!name || !type_lookup(self->type, name.get()))
        return false;
    gc::set_finalized(self);
    self->refcount = 1; // resurrect for the call
    Ref<Object> saved = vm.thread_state().fetch_exception();
    Ref<Object> result = call_dunder(vm, self, name.get(), nullptr, 0);
    if (!result) {
        Ref<Object> error = vm.thread_state().fetch_exception();
        // As CPython: sys.unraisablehook with the __del__ function as the object.
        Object* finalizer = type_lookup(self->type, name.get());
        if (runtime && error)
            write_unraisable(*runtime, error.get(), finalizer, nullptr);
        else
            std::fprintf(stderr, "Exception ignored in: %s.__del__\n", self->type->name);
    }
    if (saved)
        vm.thread_state().set_exception(std::move(saved));
    return --self->refcount != 0;
}

// ====== Instance layout and lifetime

// Whether the first heap class over built-in `solid` reserves the instance dict word right after
// the solid's fields (exceptions and classes keep their dict in a field of their own; str, bytes
// and tuple put it after their items).
bool reserves_dict_word(const Type* solid) {
    return !has_flag(solid, type_exception_subclass) && !has_flag(solid, type_type_subclass) &&
           solid->item_size == 0;
}

// The words after a variable-size solid's items before the __slots__ words: the dict pointer,
// and for str (fixed-size in CPython, so its subclasses may have __weakref__) the weak list head.
size_t words_after_items(VM& vm, const Type* solid) {
    return solid == vm.types().str ? 2 : 1;
}

// Calls fn(word) for each __slots__ word of an instance of a heap type: the words past the solid
// base's layout (and the dict word), except the weak reference list head (borrowed links).
template <class Fn> int for_each_slot_word(Object* self, Fn fn) {
    Type* type = self->type;
    if (!has_flag(type, type_slot_members))
        return 0;
    Type* solid = solid_base(type);
    if (is_heap_type(solid))
        return 0; // VM teardown cut the base link: the layout is unknown
    char* start = reinterpret_cast<char*>(self);
    size_t begin = 0;
    size_t end = 0;
    if (solid->item_size == 0) {
        begin = solid->basic_size + (reserves_dict_word(solid) ? sizeof(Object*) : 0);
        end = type->basic_size;
    } else {
        begin =
            variable_part_size(self, solid) + words_after_items(*type->vm, solid) * sizeof(Object*);
        end = begin + (type->basic_size - solid->basic_size);
    }
    Object** weaklist = weaklist_of(self);
    for (size_t offset = begin; offset < end; offset += sizeof(Object*)) {
        auto** word = reinterpret_cast<Object**>(start + offset);
        if (word == weaklist)
            continue;
        if (int result = fn(word))
            return result;
    }
    return 0;
}

void clear_slot_words(Object* self) {
    (void)for_each_slot_word(self, [](Object** word) {
        set_ref(*word, nullptr);
        return 0;
    });
}

int heap_traverse(Object* self, VisitFn visit, void* arg) {
    Type* solid = solid_base(self->type);
    if (solid->slots.traverse) {
        if (int result = solid->slots.traverse(self, visit, arg))
            return result;
    }
    if (Object** dict = instance_dict_word(self);
        dict && *dict && !has_flag(solid, type_exception_subclass)) {
        if (int result = visit(*dict, arg))
            return result;
    }
    if (int result = instance_values_traverse(self, visit, arg))
        return result;
    if (int result =
            for_each_slot_word(self, [&](Object** word) { return *word ? visit(*word, arg) : 0; }))
        return result;
    return visit(self->type, arg);
}

void heap_clear(Object* self) {
    Type* solid = solid_base(self->type);
    if (Object** dict = instance_dict_word(self))
        set_ref(*dict, nullptr);
    instance_values_clear(self);
    clear_slot_words(self);
    if (!is_heap_type(solid) && solid->slots.clear)
        solid->slots.clear(self);
}

void heap_dealloc(Object* self) {
    Type* type = self->type;
    VM& vm = vm_of(self);
    if (vm.is_finalizing()) {
        // VM teardown has cleared every container (heap_clear ran) and the types' base links: free
        // the memory only; the types are freed by the VM afterwards.
        vm.heap().release(self);
        return;
    }
    if (run_finalizer(vm, self))
        return;
    // CPython's subtype_dealloc: weak references die after __del__, before the fields are cleared.
    if (has_weakrefs(self))
        clear_weakrefs(self);
    Type* solid = solid_base(type);
    if (Object** dict = instance_dict_word(self))
        set_ref(*dict, nullptr);
    instance_values_clear(self);
    clear_slot_words(self);
    // The solid base's dealloc frees the memory (using type's flags for the GcHead).
    solid->slots.dealloc(self);
    decref(type);
}

} // namespace

// ====== Public helpers

Type* solid_base(Type* type) {
    // At VM teardown type_clear may already have cut a heap type's base link: stop there.
    while (is_heap_type(type) && type->base)
        type = type->base;
    return type;
}

size_t heap_dict_offset(const Type* type) {
    if (has_flag(type, type_no_instance_dict))
        return 0; // __slots__ without __dict__ all along the layout
    Type* solid = solid_base(const_cast<Type*>(type));
    if (has_flag(solid, type_type_subclass))
        return 0; // classes made by a metaclass keep their attributes in Type::dict
    if (has_flag(solid, type_exception_subclass))
        return 0; // BaseExceptionObject has its own dict field (instance_dict_slot uses it)
    if (solid->item_size != 0)
        return 0;
    return solid->basic_size;
}

size_t variable_part_size(const Object* object, const Type* solid) {
    const BuiltinTypes& types = solid->vm->types();
    auto size = static_cast<size_t>(static_cast<const VarObject*>(object)->size);
    size_t end = 0;
    if (solid == types.str) // PEP 393 layout: kind bytes per code point and a zero unit
        end = sizeof(Str) + (size + 1) * static_cast<const Str*>(object)->kind;
    else if (solid == types.bytes) // a terminating zero byte
        end = sizeof(Bytes) + size + 1;
    else
        end = solid->basic_size + size * solid->item_size;
    constexpr size_t align = alignof(Object*);
    return (end + align - 1) / align * align;
}

Object** heap_instance_dict(Object* object) {
    Type* solid = solid_base(object->type);
    // At VM teardown a heap type's base link may be cut: the layout is unknown, so no dict.
    if (is_heap_type(solid) || has_flag(object->type, type_no_instance_dict))
        return nullptr;
    if (solid->item_size == 0) {
        size_t offset = heap_dict_offset(object->type);
        return offset ? reinterpret_cast<Object**>(reinterpret_cast<char*>(object) + offset)
                      : nullptr;
    }
    // CPython's negative tp_dictoffset: the dict pointer follows the items (str, bytes, tuple).
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(object) +
                                      variable_part_size(object, solid));
}

Ref<Object> allocate_variable_instance(VM& vm, Type* cls, size_t solid_bytes) {
    constexpr size_t align = alignof(Object*);
    if (solid_bytes > SIZE_MAX - 2 * align)
        return raise_memory_error(vm);
    // The dict pointer, for str the weak reference list head, then the __slots__ words (counted
    // in basic_size past the solid's).
    Type* solid = solid_base(cls);
    size_t bytes = (solid_bytes + align - 1) / align * align +
                   words_after_items(vm, solid) * sizeof(Object*) +
                   (cls->basic_size - solid->basic_size);
    Object* memory = vm.heap().allocate(cls, bytes);
    if (!memory)
        return raise_memory_error(vm);
    return Ref<Object>::steal(memory);
}

Ref<Object> call_dunder(VM& vm, Object* self, Object* name, Object* const* args, size_t nargs) {
    Runtime& rt = runtime_of(vm);
    Object* method = type_lookup(self->type, name);
    if (!method) {
        // A dunder a built-in base implements as a slot (dict.__setitem__ under a class that only
        // defines __delitem__) or as a method of its table.
        Object* mro = self->type->mro;
        for (intptr_t i = 0; mro && i < tuple_size(mro); ++i) {
            auto* base = static_cast<Type*>(tuple_items(mro)[i]);
            if (is_heap_type(base))
                continue;
            if (has_slot_for(rt, base, name))
                return call_slot_of(vm, base, name, self, args, nargs, nullptr);
            if (const MethodDef* def = find_method(base, str_ascii_view(name)))
                return call_method(vm, self, def->name, args, nargs);
        }
        return raise_attribute_error(vm, "'", self->type->name, "' object has no attribute '",
                                     str_to_utf8(name), "'");
    }
    Ref<Object> keep = Ref<Object>::borrow(method);
    if (method->type == rt.types().function) {
        Object* small[4];
        std::vector<Object*> large;
        Object** buffer = small;
        if (nargs + 1 > 4) {
            large.resize(nargs + 1);
            buffer = large.data();
        }
        buffer[0] = self;
        for (size_t i = 0; i < nargs; ++i)
            buffer[i + 1] = args[i];
        return call_object(vm, method, buffer, nargs + 1);
    }
    Ref<Object> bound = descriptor_get(rt, method, self, self->type);
    if (!bound)
        return nullptr;
    return call_object(vm, bound.get(), args, nargs);
}

Ref<Object> instance_getattr(VM& vm, Object* self, Object* name) {
    Runtime& rt = runtime_of(vm);
    Object* custom = type_lookup(self->type, rt.names().__getattribute__);
    Ref<Object> result;
    if (custom && custom->type == rt.types().function)
        result = call_dunder(vm, self, rt.names().__getattribute__, &name, 1);
    else
        result = get_attr_generic(vm, self, name);
    if (result || !exception_matches(vm.thread_state().exception(), vm.exceptions().AttributeError))
        return result;
    // obj.__weakref__: the first weak reference to obj, or None (CPython's subtype_getweakref, a
    // data descriptor: it wins over __getattr__). Only classes that added the list have it, not
    // subclasses of a built-in type with a list of its own (set, frozenset).
    if (Object** weaklist = weaklist_of(self); weaklist && name == rt.names().__weakref__ &&
                                               solid_base(self->type)->weaklist_offset == 0) {
        vm.thread_state().clear_exception();
        return Ref<Object>::borrow(*weaklist ? *weaklist : vm.none());
    }
    if (!type_lookup(self->type, rt.names().__getattr__))
        return result;
    vm.thread_state().clear_exception();
    return call_dunder(vm, self, rt.names().__getattr__, &name, 1);
}

namespace {

bool layout_has_dict(const Type* layout);

// ====== __class__ assignment (CPython's object_set_class)

// The __slots__ members `type` itself added, in layout order.
std::vector<Object*> own_members(Runtime& rt, Type* type) {
    std::vector<std::pair<size_t, Object*>> found;
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (type->dict && dict_next(type->dict, pos, &key, &value)) {
        if (value->type == rt.types().member_descriptor &&
            static_cast<MemberDescriptor*>(value)->objclass == type)
            found.emplace_back(static_cast<MemberDescriptor*>(value)->offset, key);
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Object*> names;
    for (auto& [offset, name] : found)
        names.push_back(name);
    return names;
}

// CPython's compatible_with_tp_base: `child` adds nothing to its base's layout.
bool adds_nothing(Type* child) {
    Type* parent = child->base;
    return parent && child->basic_size == parent->basic_size &&
           child->item_size == parent->item_size &&
           layout_has_dict(child) == layout_has_dict(parent) &&
           child->weaklist_offset == parent->weaklist_offset &&
           has_flag(child, type_has_gc) == has_flag(parent, type_has_gc);
}

// CPython's same_slots_added: two classes over the same base that add the same words.
bool same_words_added(Runtime& rt, Type* a, Type* b) {
    // Over int, tuple and bytes (variable-size in CPython) the dict follows the items: CPython's
    // same_slots_added never counts it, so two such classes that add words always differ.
    const BuiltinTypes& t = rt.vm().types();
    for (Type* variable : {t.int_, t.tuple, t.bytes}) {
        if (a->base && is_subtype(a->base, variable))
            return false;
    }
    if (!is_heap_type(a) || !is_heap_type(b) || a->basic_size != b->basic_size ||
        layout_has_dict(a) != layout_has_dict(b) || a->weaklist_offset != b->weaklist_offset)
        return false;
    std::vector<Object*> names_a = own_members(rt, a);
    std::vector<Object*> names_b = own_members(rt, b);
    return std::equal(names_a.begin(), names_a.end(), names_b.begin(), names_b.end(),
                      [](Object* x, Object* y) { return str_equal(x, y); });
}

} // namespace

Status check_layout_assignment(Runtime& rt, Type* oldto, Type* newto, const char* attribute) {
    Type* newbase = newto;
    Type* oldbase = oldto;
    while (adds_nothing(newbase))
        newbase = newbase->base;
    while (adds_nothing(oldbase))
        oldbase = oldbase->base;
    if (newbase != oldbase &&
        (newbase->base != oldbase->base || !same_words_added(rt, newbase, oldbase)))
        return raise_type_error(rt.vm(), attribute, " assignment: '", newto->name,
                                "' object layout differs from '", oldto->name, "'");
    return Status::ok;
}

// obj.__class__ = value for an instance of a heap class: the new class must be a heap class whose
// instances have the same layout (CPython's compatible_for_assignment).
Status set_instance_class(Runtime& rt, Object* self, Object* value) {
    VM& vm = rt.vm();
    if (!value)
        return raise_type_error(vm, "can't delete __class__ attribute");
    if (!has_flag(value->type, type_type_subclass))
        return raise_type_error(vm, "__class__ must be set to a class, not '", value->type->name,
                                "' object");
    auto* newto = static_cast<Type*>(value);
    Type* oldto = self->type;
    if (!is_heap_type(newto) || !is_heap_type(oldto))
        return raise_type_error(vm, "__class__ assignment only supported for mutable types or "
                                    "ModuleType subclasses");
    if (!is_ok(check_layout_assignment(rt, oldto, newto, "__class__")))
        return Status::error;
    // Attributes a class keeps outside the dict (by its own key layout) move into the dict first.
    if (layout_has_dict(oldto) && !instance_dict_slot(self) && vm.thread_state().has_exception())
        return Status::error;
    incref(newto);
    self->type = newto;
    decref(oldto);
    return Status::ok;
}

Status instance_setattr(VM& vm, Object* self, Object* name, Object* value) {
    Runtime& rt = runtime_of(vm);
    // A Python __setattr__ / __delattr__ comes first: __slots__ restrict only the generic
    // protocol (CPython's tp_setattro is the class's slot_tp_setattro then).
    Object* dunder = value ? rt.names().__setattr__ : rt.names().__delattr__;
    Object* custom = type_lookup(self->type, dunder);
    if (custom && custom->type == rt.types().function) {
        Object* args[2] = {name, value};
        Ref<Object> result = call_dunder(vm, self, dunder, args, value ? 2 : 1);
        return result ? Status::ok : Status::error;
    }
    if (name == rt.names().__class__)
        return set_instance_class(rt, self, value);
    // __slots__ without __dict__: no dict slot, so set_attr_generic raises for names that are not
    // members ("'C' object has no attribute 'z'", or "... attribute 'm' is read-only").
    return set_attr_generic(vm, self, name, value);
}

namespace {

// The setattr slot of a metaclass that defines __setattr__ / __delattr__ (enum's EnumType):
// the Python method, else the class attribute protocol of `type`.
Status metaclass_setattr(VM& vm, Object* self, Object* name, Object* value) {
    Runtime& rt = runtime_of(vm);
    Object* dunder = value ? rt.names().__setattr__ : rt.names().__delattr__;
    Object* custom = type_lookup(self->type, dunder);
    if (custom && custom->type == rt.types().function) {
        Object* args[2] = {name, value};
        Ref<Object> result = call_dunder(vm, self, dunder, args, value ? 2 : 1);
        return result ? Status::ok : Status::error;
    }
    return vm.types().type->slots.setattr(vm, self, name, value);
}

// Which slot each dunder of a class namespace fills.
void install_dunder_slots(Runtime& rt, Object* ns, TypeSlots& s) {
    VM& vm = rt.vm();
    auto defines = [&](const char* name) {
        Ref<Object> key = intern(vm, name);
        Object* value = nullptr;
        return key && dict_lookup(vm, ns, key.get(), &value) > 0 && value;
    };
    if (defines("__repr__"))
        s.repr = slot_repr;
    if (defines("__str__"))
        s.str = slot_str;
    for (const char* name : {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"}) {
        if (defines(name))
            s.richcompare = slot_richcompare;
    }
    if (defines("__hash__")) {
        Object* value = nullptr;
        (void)dict_lookup(vm, ns, rt.names().__hash__, &value);
        s.hash = value == vm.none() ? hash_not_implemented : slot_hash;
    } else if (defines("__eq__")) {
        s.hash = hash_not_implemented; // Reference 3.3.1: __eq__ without __hash__ is unhashable
    }
    if (defines("__call__"))
        s.call = slot_call;
    if (defines("__iter__"))
        s.iter = slot_iter;
    if (defines("__next__"))
        s.next = slot_next;
    if (defines("__len__"))
        s.len = slot_len;
    if (defines("__getitem__"))
        s.getitem = slot_getitem;
    if (defines("__setitem__") || defines("__delitem__"))
        s.setitem = slot_setitem;
    if (defines("__contains__"))
        s.contains = slot_contains;
    if (defines("__bool__") || defines("__len__"))
        s.bool_ = slot_bool;
#define MINIPY_INSTALL(slot, dunder, rdunder)                                                      \
    if (defines(dunder) || defines(rdunder))                                                       \
        s.slot = slot_##slot;
    MINIPY_INSTALL(add, "__add__", "__radd__")
    MINIPY_INSTALL(sub, "__sub__", "__rsub__")
    MINIPY_INSTALL(mul, "__mul__", "__rmul__")
    MINIPY_INSTALL(truediv, "__truediv__", "__rtruediv__")
    MINIPY_INSTALL(floordiv, "__floordiv__", "__rfloordiv__")
    MINIPY_INSTALL(mod, "__mod__", "__rmod__")
    MINIPY_INSTALL(divmod, "__divmod__", "__rdivmod__")
    MINIPY_INSTALL(lshift, "__lshift__", "__rlshift__")
    MINIPY_INSTALL(rshift, "__rshift__", "__rrshift__")
    MINIPY_INSTALL(and_, "__and__", "__rand__")
    MINIPY_INSTALL(or_, "__or__", "__ror__")
    MINIPY_INSTALL(xor_, "__xor__", "__rxor__")
    MINIPY_INSTALL(pow, "__pow__", "__rpow__")
#undef MINIPY_INSTALL
    if (defines("__neg__"))
        s.neg = slot_neg;
    if (defines("__pos__"))
        s.pos = slot_pos;
    if (defines("__abs__"))
        s.abs = slot_abs;
    if (defines("__invert__"))
        s.invert = slot_invert;
    if (defines("__int__"))
        s.int_ = slot_int_;
    if (defines("__float__"))
        s.float_ = slot_float_;
    if (defines("__index__"))
        s.index = slot_index;
}

Status check_bases(Runtime& rt, Object* bases, std::vector<Type*>& out) {
    VM& vm = rt.vm();
    for (intptr_t i = 0; i < tuple_size(bases); ++i) {
        Object* base = tuple_items(bases)[i];
        if (!has_flag(base->type, type_type_subclass))
            return raise_type_error(vm, "bases must be types");
        auto* type = static_cast<Type*>(base);
        if (!has_flag(type, type_base_type))
            return raise_type_error(vm, "type '", type->name, "' is not an acceptable base type");
        for (Type* seen : out) {
            if (seen == type)
                return raise_type_error(vm, "duplicate base class ", type->name);
        }
        out.push_back(type);
    }
    if (out.empty())
        out.push_back(vm.types().object);
    return Status::ok;
}

// Whether instances of the layout base `layout` already have an instance dict (CPython's
// tp_dictoffset != 0): a heap class unless __slots__ took it away, exceptions and classes.
bool layout_has_dict(const Type* layout) {
    if (is_heap_type(layout))
        return !has_flag(layout, type_no_instance_dict);
    return has_flag(layout, type_exception_subclass) || has_flag(layout, type_type_subclass);
}

// Whether heap class `type` adds __slots__ words to its base's layout (CPython's extra_ivars:
// more than the dict and weak list words the class may append).
bool adds_slot_words(Type* type) {
    Type* base = type->base;
    size_t size = type->basic_size;
    if (type->weaklist_offset != base->weaklist_offset && type->weaklist_offset != 0 &&
        type->weaklist_offset + sizeof(Object*) == size)
        size -= sizeof(Object*);
    if (!is_heap_type(base) && reserves_dict_word(base))
        size -= sizeof(Object*);
    return size != base->basic_size;
}

// The type that fixes the instance layout of `type` (CPython's solid_base): up from it while a
// class adds no __slots__ words and a built-in type adds no fields to its base's (bool is laid out
// as int, ValueError as BaseException).
Type* layout_solid(Type* type) {
    Type* t = type;
    while (is_heap_type(t) && t->base) {
        if (adds_slot_words(t))
            return t;
        t = t->base;
    }
    while (t->base && t->basic_size == t->base->basic_size && t->item_size == t->base->item_size)
        t = t->base;
    return t;
}

// The base whose layout the new class extends (CPython's best_base): the one whose layout is the
// most specific. Raises TypeError when two bases' layouts are unrelated (class X(str, int), two
// classes with nonempty __slots__).
Type* pick_layout_base(VM& vm, const std::vector<Type*>& bases) {
    Type* best = nullptr;
    Type* winner = nullptr;
    for (Type* base : bases) {
        Type* candidate = layout_solid(base);
        if (!winner) {
            winner = candidate;
            best = base;
        } else if (is_subtype(winner, candidate)) {
            continue;
        } else if (is_subtype(candidate, winner)) {
            winner = candidate;
            best = base;
        } else {
            (void)raise_type_error(vm, "multiple bases have instance lay-out conflict");
            return nullptr;
        }
    }
    return best;
}

// ====== __slots__ (CPython's type_new_slots)

// What a class namespace's __slots__ asks for.
struct SlotsSpec {
    bool present = false;                                     // the namespace defines __slots__
    std::vector<std::pair<Ref<Object>, Ref<Object>>> members; // mangled name, doc (or null)
    bool add_dict = false;
    bool add_weak = false;
};

// Private names in __slots__ are mangled as in the class body (Reference 6.2.1): "__x" in class
// "_C" is "_C__x"; dunder names and names in a class named only by underscores stay.
Ref<Object> mangle_slot(VM& vm, Object* class_name, Object* name) {
    std::string text = str_to_utf8(name);
    if (text.size() < 2 || text.compare(0, 2, "__") != 0 ||
        (text.size() >= 4 && text.compare(text.size() - 2, 2, "__") == 0) ||
        text.find('.') != std::string::npos)
        return Ref<Object>::borrow(name);
    std::string owner = str_to_utf8(class_name);
    size_t first = owner.find_first_not_of('_');
    if (first == std::string::npos)
        return Ref<Object>::borrow(name);
    return str_from_utf8(vm, "_" + owner.substr(first) + text);
}

// The __slots__ value as a list of names: a str is one name, anything else is iterated (a dict
// gives its keys). Raises what iteration raises.
Status slot_names(Runtime& rt, Object* slots, std::vector<Ref<Object>>& names) {
    VM& vm = rt.vm();
    if (is_str(slots)) {
        names.push_back(Ref<Object>::borrow(slots));
        return Status::ok;
    }
    Ref<Object> iterator = get_iter(vm, slots);
    if (!iterator)
        return Status::error;
    for (;;) {
        Ref<Object> item = iter_next(vm, iterator.get());
        if (!item)
            return vm.thread_state().has_exception() ? Status::error : Status::ok;
        names.push_back(std::move(item));
    }
}

// Reads and checks the namespace's __slots__ against the layout base, as CPython's type_new_slots
// (same messages, same order of checks); fills `spec`.
Status parse_slots(Runtime& rt, Object* class_name, Object* dict, Type* layout,
                   const std::vector<Type*>& bases, SlotsSpec& spec) {
    VM& vm = rt.vm();
    Type* solid = solid_base(layout);
    bool variable = solid == vm.types().int_ || solid == vm.types().bytes ||
                    solid == vm.types().tuple || has_flag(solid, type_type_subclass);
    bool may_add_dict = !layout_has_dict(layout);
    bool may_add_weak = layout->weaklist_offset == 0 && !variable &&
                        (solid->item_size == 0 || solid == vm.types().str);
    Object* slots = nullptr;
    if (dict_lookup(vm, dict, rt.names().__slots__, &slots) < 0)
        return Status::error;
    spec.present = slots != nullptr;
    if (!slots) {
        spec.add_dict = may_add_dict;
        spec.add_weak = may_add_weak;
    } else {
        Ref<Object> keep = Ref<Object>::borrow(slots);
        std::vector<Ref<Object>> names;
        if (!is_ok(slot_names(rt, slots, names)))
            return Status::error;
        if (!names.empty() && variable)
            return raise_type_error(vm, "nonempty __slots__ not supported for subtype of '",
                                    layout->name, "'");
        for (Ref<Object>& name : names) {
            if (!is_str(name.get()))
                return raise_type_error(vm, "__slots__ items must be strings, not '",
                                        name->type->name, "'");
            Ref<Object> valid = call_method(vm, name.get(), "isidentifier", nullptr, 0);
            if (!valid)
                return Status::error;
            if (valid.get() != vm.true_())
                return raise_type_error(vm, "__slots__ must be identifiers");
            if (str_equal(name.get(), rt.names().__dict__)) {
                if (!may_add_dict || spec.add_dict)
                    return raise_type_error(vm, "__dict__ slot disallowed: we already got one");
                spec.add_dict = true;
            } else if (str_equal(name.get(), rt.names().__weakref__)) {
                if (!may_add_weak || spec.add_weak)
                    return raise_type_error(vm, "__weakref__ slot disallowed: either we already "
                                                "got one, or __itemsize__ != 0");
                spec.add_weak = true;
            }
        }
        for (Ref<Object>& name : names) {
            if (str_equal(name.get(), rt.names().__dict__) ||
                str_equal(name.get(), rt.names().__weakref__))
                continue;
            Ref<Object> mangled = mangle_slot(vm, class_name, name.get());
            if (!mangled)
                return Status::error;
            Object* clash = nullptr;
            if (dict_lookup(vm, dict, mangled.get(), &clash) < 0)
                return Status::error;
            // The class body's __qualname__ and __classcell__ leave the namespace: no clash.
            if (clash && !str_equal(mangled.get(), rt.names().__qualname__) &&
                !str_equal(mangled.get(), rt.names().__classcell__)) {
                Ref<Object> shown = object_repr(vm, mangled.get());
                if (!shown)
                    return Status::error;
                return raise_value_error(vm, str_to_utf8(shown.get()),
                                         " in __slots__ conflicts with class variable");
            }
            // A __slots__ dict's values are not the members' docs before Python 3.12.
            spec.members.emplace_back(std::move(mangled), Ref<Object>());
        }
        std::stable_sort(spec.members.begin(), spec.members.end(), [](auto& a, auto& b) {
            return str_compare(a.first.get(), b.first.get()) < 0;
        });
    }
    // Secondary bases may bring the dict or the weak list.
    for (Type* base : bases) {
        if (base == layout)
            continue;
        if (may_add_dict && !spec.add_dict && layout_has_dict(base) && is_heap_type(base))
            spec.add_dict = true;
        if (may_add_weak && !spec.add_weak && base->weaklist_offset != 0)
            spec.add_weak = true;
    }
    return Status::ok;
}

// Puts the member descriptors of the new class `type` into its dict (sorted, as CPython's layout
// order), then the __dict__ / __weakref__ getset descriptors it adds, then __doc__ (None) unless
// the body set it: CPython's order of C.__dict__.
Status add_layout_descriptors(Runtime& rt, Type* type, const SlotsSpec& spec, size_t first_offset,
                              bool after_items, bool add_weak) {
    VM& vm = rt.vm();
    size_t offset = first_offset;
    for (const auto& [name, doc] : spec.members) {
        Ref<Object> member = member_new(rt, type, name.get(), offset, after_items, doc.get());
        if (!member || !is_ok(dict_setitem(vm, type->dict, name.get(), member.get())))
            return Status::error;
        offset += sizeof(Object*);
    }
    if (spec.add_dict) {
        Ref<Object> getset = getset_new(rt, type, GetSetKind::dict);
        if (!getset || !is_ok(dict_setitem(vm, type->dict, rt.names().__dict__, getset.get())))
            return Status::error;
    }
    if (add_weak) {
        Ref<Object> getset = getset_new(rt, type, GetSetKind::weakref);
        if (!getset || !is_ok(dict_setitem(vm, type->dict, rt.names().__weakref__, getset.get())))
            return Status::error;
    }
    Object* value = nullptr;
    if (dict_lookup(vm, type->dict, rt.names().__doc__, &value) < 0)
        return Status::error;
    if (!value && !is_ok(dict_setitem(vm, type->dict, rt.names().__doc__, vm.none())))
        return Status::error;
    return Status::ok;
}

// Moves __classcell__ out of the namespace, fills __module__ and __qualname__ (__doc__ comes
// after the layout descriptors: add_layout_descriptors).
Status prepare_namespace(Runtime& rt, Object* dict, Object* name, Ref<Object>& classcell) {
    VM& vm = rt.vm();
    Object* value = nullptr;
    if (dict_lookup(vm, dict, rt.names().__classcell__, &value) < 0)
        return Status::error;
    if (value) {
        classcell = Ref<Object>::borrow(value);
        if (!is_ok(dict_delitem(vm, dict, rt.names().__classcell__)))
            return Status::error;
    }
    value = nullptr;
    if (dict_lookup(vm, dict, rt.names().__qualname__, &value) < 0)
        return Status::error;
    if (!value && !is_ok(dict_setitem(vm, dict, rt.names().__qualname__, name)))
        return Status::error;
    value = nullptr;
    if (dict_lookup(vm, dict, rt.names().__module__, &value) < 0)
        return Status::error;
    if (!value) {
        Frame* frame = rt.current_frame();
        Object* module = nullptr;
        if (frame && dict_lookup(vm, frame->globals, rt.names().__name__, &module) < 0)
            return Status::error;
        if (module && !is_ok(dict_setitem(vm, dict, rt.names().__module__, module)))
            return Status::error;
    }
    return Status::ok;
}

// __set_name__ on each attribute, then the parent's __init_subclass__ (PEP 487).
Status finish_class(Runtime& rt, Type* type, Object* kwargs) {
    VM& vm = rt.vm();
    std::vector<std::pair<Ref<Object>, Ref<Object>>> items;
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(type->dict, pos, &key, &value))
        items.emplace_back(Ref<Object>::borrow(key), Ref<Object>::borrow(value));
    for (auto& [attr_name, attr] : items) {
        if (!is_heap_type(attr->type) && attr->type != rt.types().property)
            continue;
        if (!type_lookup(attr->type, rt.names().__set_name__))
            continue;
        Object* args[2] = {type, attr_name.get()};
        Ref<Object> result = call_dunder(vm, attr.get(), rt.names().__set_name__, args, 2);
        if (!result)
            return Status::error;
    }
    Ref<Object> init_subclass;
    if (!mro_lookup(rt, type, type, rt.names().__init_subclass__, init_subclass))
        return vm.thread_state().has_exception() ? Status::error : Status::ok;
    if (init_subclass->type != rt.types().classmethod)
        return Status::ok;
    Ref<Object> bound = descriptor_get(rt, init_subclass.get(), nullptr, type);
    if (!bound)
        return Status::error;
    Ref<Object> result = call_with_tuple(vm, bound.get(), vm.pools().empty_tuple(), kwargs);
    return result ? Status::ok : Status::error;
}

// The classes left at the heads of the C3 merge when it fails, as CPython's set_mro_error names.
std::string mro_conflict_names(const std::vector<Type*>& bases) {
    std::vector<std::vector<Type*>> sequences;
    for (Type* base : bases) {
        std::vector<Type*> sequence;
        for (intptr_t i = 0; base->mro && i < tuple_size(base->mro); ++i)
            sequence.push_back(static_cast<Type*>(tuple_items(base->mro)[i]));
        sequences.push_back(std::move(sequence));
    }
    sequences.push_back(bases);
    std::vector<Type*> merged;
    std::vector<Type*> heads;
    (void)c3_merge(std::move(sequences), merged, &heads);
    std::string names;
    for (Type* head : heads)
        names += (names.empty() ? "" : ", ") + std::string(head->name);
    return names;
}

// make_type_with_bases takes bases[0] as the layout base; when a later base (list, dict,
// Exception) is the real one, link it and take its slots wherever bases[0] only passed `object`'s.
void adopt_layout_base(VM& vm, Type* type, Type* layout) {
    if (type->base == layout)
        return;
    Type* old = type->base;
    incref(layout);
    type->base = layout;
    xdecref(old);
    const TypeSlots& object_slots = vm.types().object->slots;
#define MINIPY_SLOT(name, result, params)                                                          \
    if (type->slots.name == object_slots.name && layout->slots.name)                               \
        type->slots.name = layout->slots.name;
#include "vm/slots.def"
#undef MINIPY_SLOT
    if (type->slots.repr == heap_default_repr && layout->slots.repr != object_slots.repr)
        type->slots.repr = layout->slots.repr;
}

} // namespace

void update_dunder_slots(Runtime& rt, Type* type) {
    if (type->dict && is_heap_type(type))
        install_dunder_slots(rt, type->dict, type->slots);
}

Type* best_layout_base(VM& vm, const std::vector<Type*>& bases) {
    return pick_layout_base(vm, bases);
}

void reinherit_dunder_slots(Runtime& rt, Type* type) {
    VM& vm = rt.vm();
    TypeSlots own{};
    if (type->dict)
        install_dunder_slots(rt, type->dict, own);
    const TypeSlots& object_slots = vm.types().object->slots;
    Type* layout = type->base;
    Object* bases = type->bases;
    // As make_heap_type: the class's own dunders, else the first base that has the slot, with the
    // layout base's slot where that base only passed object's (adopt_layout_base).
#define MINIPY_SLOT(name, result, params)                                                          \
    if (own.name) {                                                                                \
        type->slots.name = own.name;                                                               \
    } else {                                                                                       \
        decltype(type->slots.name) inherited = nullptr;                                            \
        for (intptr_t i = 0; !inherited && i < tuple_size(bases); ++i)                             \
            inherited = static_cast<Type*>(tuple_items(bases)[i])->slots.name;                     \
        if (inherited == object_slots.name && layout->slots.name)                                  \
            inherited = layout->slots.name;                                                        \
        type->slots.name = inherited;                                                              \
    }
    // dealloc, traverse, clear, getattr and setattr follow the layout, which stays the same.
    TypeSlots kept = type->slots;
#include "vm/slots.def"
#undef MINIPY_SLOT
    type->slots.dealloc = kept.dealloc;
    type->slots.traverse = kept.traverse;
    type->slots.clear = kept.clear;
    type->slots.getattr = kept.getattr;
    type->slots.setattr = kept.setattr;
    if (!own.repr && (!type->slots.repr || type->slots.repr == object_slots.repr))
        type->slots.repr = heap_default_repr;
}

Ref<Object> make_heap_type(Runtime& rt, Type* metatype, Object* name, Object* bases,
                           Object* namespace_dict, Object* kwargs) {
    VM& vm = rt.vm();
    if (!is_str(name) || !is_tuple(bases) || !is_dict(namespace_dict))
        return raise_type_error(vm, "type.__new__() argument types must be (str, tuple, dict)");
    std::vector<Type*> base_list;
    if (!is_ok(check_bases(rt, bases, base_list)))
        return nullptr;
    Ref<Object> dict = dict_new(vm);
    if (!dict || !is_ok(dict_update_from_dict(vm, dict.get(), namespace_dict)))
        return nullptr;
    Ref<Object> classcell;
    if (!is_ok(prepare_namespace(rt, dict.get(), name, classcell)))
        return nullptr;
    // __init_subclass__ and __class_getitem__ are implicit classmethods (PEP 487, PEP 560).
    for (const char* implicit : {"__init_subclass__", "__class_getitem__"}) {
        Ref<Object> key = intern(vm, implicit);
        Object* value = nullptr;
        if (!key || dict_lookup(vm, dict.get(), key.get(), &value) < 0)
            return nullptr;
        if (value && value->type == rt.types().function) {
            Ref<Object> wrapped = call_object(vm, rt.types().classmethod, &value, 1);
            if (!wrapped || !is_ok(dict_setitem(vm, dict.get(), key.get(), wrapped.get())))
                return nullptr;
        }
    }
    // Reference 3.3.1: a class that defines __eq__ but not __hash__ gets __hash__ = None.
    Ref<Object> eq_name = intern(vm, "__eq__");
    Object* found = nullptr;
    Object* hash_found = nullptr;
    if (!eq_name || dict_lookup(vm, dict.get(), eq_name.get(), &found) < 0 ||
        dict_lookup(vm, dict.get(), rt.names().__hash__, &hash_found) < 0)
        return nullptr;
    if (found && !hash_found &&
        !is_ok(dict_setitem(vm, dict.get(), rt.names().__hash__, vm.none())))
        return nullptr;
    Type* layout = pick_layout_base(vm, base_list);
    if (!layout)
        return nullptr;
    SlotsSpec slots;
    if (!is_ok(parse_slots(rt, name, dict.get(), layout, base_list, slots)))
        return nullptr;
    Type* solid = solid_base(layout);
    TypeSpec spec{};
    spec.name = str_ascii_view(name).empty() ? "?" : str_ascii_view(name).data();
    spec.base = layout;
    // The layout (CPython's type_new_descriptors): the base's, then (for the first class over a
    // fixed-size built-in) the instance dict word, used unless __slots__ leave out __dict__, then
    // the __slots__ words, then the weak reference list head if this class adds it. Over str,
    // whose instances vary in size here, the dict, weak list and __slots__ words follow the items.
    spec.basic_size = layout->basic_size;
    if (!is_heap_type(layout) && reserves_dict_word(solid))
        spec.basic_size = solid->basic_size + sizeof(Object*);
    bool after_items = solid->item_size != 0;
    size_t first_member = after_items ? words_after_items(vm, solid) * sizeof(Object*) +
                                            (layout->basic_size - solid->basic_size)
                                      : spec.basic_size;
    spec.basic_size += slots.members.size() * sizeof(Object*);
    size_t weaklist_offset = layout->weaklist_offset;
    if (slots.add_weak && after_items) {
        weaklist_offset =
            weaklist_after_items; // CPython's str is fixed-size: its subclasses have one
    } else if (slots.add_weak) {
        weaklist_offset = spec.basic_size;
        spec.basic_size += sizeof(Object*);
    }
    spec.flags = type_heap_type | type_has_gc | type_base_type;
    spec.slots.dealloc = heap_dealloc;
    spec.slots.traverse = heap_traverse;
    spec.slots.clear = heap_clear;
    spec.slots.getattr = instance_getattr;
    spec.slots.setattr = instance_setattr;
    if (has_flag(solid, type_exception_subclass) || has_flag(solid, type_type_subclass)) {
        // Inherit the exception attributes (args, __cause__, ...) or, for metaclasses, the class
        // attribute protocol (type_getattr).
        spec.slots.getattr = nullptr;
        spec.slots.setattr = nullptr;
    }
    install_dunder_slots(rt, dict.get(), spec.slots);
    if (has_flag(solid, type_type_subclass)) {
        Ref<Object> key_set = intern(vm, "__setattr__");
        Ref<Object> key_del = intern(vm, "__delattr__");
        Object* found_set = nullptr;
        Object* found_del = nullptr;
        if (!key_set || !key_del || dict_lookup(vm, dict.get(), key_set.get(), &found_set) < 0 ||
            dict_lookup(vm, dict.get(), key_del.get(), &found_del) < 0)
            return nullptr;
        if (found_set || found_del)
            spec.slots.setattr = metaclass_setattr;
    }
    if (!spec.slots.repr && layout->slots.repr == vm.types().object->slots.repr)
        spec.slots.repr = heap_default_repr;
    Ref<Type> type = make_type_with_bases(vm, spec, base_list.data(), base_list.size());
    if (!type) {
        Object* error = vm.thread_state().exception();
        if (error && exception_matches(error, vm.exceptions().TypeError)) {
            std::string names = mro_conflict_names(base_list);
            vm.thread_state().clear_exception();
            return raise_type_error(vm,
                                    "Cannot create a consistent method resolution\norder (MRO) "
                                    "for bases ",
                                    names);
        }
        return nullptr;
    }
    adopt_layout_base(vm, type.get(), layout);
    type->weaklist_offset = weaklist_offset;
    // Layout flags are the class's own, not its bases' (inherit_slots ORs theirs in).
    uint32_t layout_flags = 0;
    if (!layout_has_dict(layout) && !slots.add_dict)
        layout_flags |= type_no_instance_dict;
    if (!slots.members.empty() || has_flag(layout, type_slot_members))
        layout_flags |= type_slot_members;
    type->flags = (type->flags & ~(type_no_instance_dict | type_slot_members)) | layout_flags;
    // The name text must live as long as the type: point into the owned name object.
    set_ref(type->name_object, Ref<Object>::borrow(name).release());
    type->name = str_ascii_view(name).empty() ? "?" : str_ascii_view(name).data();
    type->dict = dict.release();
    if (!is_ok(add_layout_descriptors(rt, type.get(), slots, first_member, after_items,
                                      slots.add_weak)))
        return nullptr;
    if (metatype != vm.types().type) {
        incref(metatype);
        Object* old = type->type;
        type->type = metatype;
        (void)old; // built-in metatypes are not reference counted by their instances
    }
    enable_inline_values(type.get()); // the layout is final
    if (classcell && classcell->type == rt.types().cell)
        set_ref(static_cast<Cell*>(classcell.get())->contents,
                Ref<Object>::borrow(type.get()).release());
    Ref<Object> result(std::move(type).cast<Object>());
    if (!is_ok(finish_class(rt, static_cast<Type*>(result.get()), kwargs)))
        return nullptr;
    return result;
}

Ref<Object> instance_new(VM& vm, Type* cls) {
    Ref<Object> instance = is_heap_type(cls) && shared_keys_of(cls)->values_offset
                               ? instance_values_allocate(vm, cls)
                               : allocate_object<Object>(vm, cls);
    if (instance)
        incref(cls);
    return instance;
}

} // namespace minipy::vm
