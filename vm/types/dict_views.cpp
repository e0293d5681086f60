// The dict views (Library Reference 4.11.1): dict_keys, dict_values and dict_items are live views
// of one dict; keys and items views are set-like (==, <, &, |, ^, - against any iterable, with set
// results, isdisjoint), as CPython's dictviews. Their iterators walk the dict's entries and raise
// RuntimeError when the dict changes size under them.
#include <string>
#include <utility>

#include "vm/eval_helpers.h"
#include "vm/types/dict.h"
#include "vm/types/dict_reversed.h"
#include "vm/types/list.h"
#include "vm/types/set.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

struct DictView : Object {
    Object* dict; // owned
    DictViewKind kind;
};

struct DictViewIterator : Object {
    Object* dict; // owned, null when exhausted
    intptr_t position;
    intptr_t expected_size;
    DictViewKind kind;
};

DictView* as_view(Object* object) {
    return static_cast<DictView*>(object);
}

bool is_view(VM& vm, const Object* object) {
    const BuiltinTypes& t = vm.types();
    return object->type == t.dict_keys || object->type == t.dict_values ||
           object->type == t.dict_items;
}

int view_traverse(Object* self, VisitFn visit, void* arg) {
    Object* d = as_view(self)->dict;
    return d ? visit(d, arg) : 0;
}
void view_clear(Object* self) {
    set_ref(as_view(self)->dict, nullptr);
}
void view_dealloc(Object* self) {
    view_clear(self);
    vm_of(self).heap().release(self);
}

intptr_t view_len(VM&, Object* self) {
    return as_view(self)->dict ? dict_size(as_view(self)->dict) : 0;
}

Ref<Object> view_iter(VM& vm, Object* self) {
    DictView* view = as_view(self);
    Type* type = view->kind == DictViewKind::keys     ? vm.types().dict_keyiterator
                 : view->kind == DictViewKind::values ? vm.types().dict_valueiterator
                                                      : vm.types().dict_itemiterator;
    if (view->kind == DictViewKind::keys)
        return vm.types().dict->slots.iter(vm, view->dict);
    Ref<DictViewIterator> it = allocate_object<DictViewIterator>(vm, type);
    if (!it)
        return nullptr;
    incref(view->dict);
    it->dict = view->dict;
    it->position = 0;
    it->expected_size = dict_size(view->dict);
    it->kind = view->kind;
    return it;
}

// ====== Iterator of values and items

int iterator_traverse(Object* self, VisitFn visit, void* arg) {
    Object* d = static_cast<DictViewIterator*>(self)->dict;
    return d ? visit(d, arg) : 0;
}
void iterator_clear(Object* self) {
    set_ref(static_cast<DictViewIterator*>(self)->dict, nullptr);
}
void iterator_dealloc(Object* self) {
    iterator_clear(self);
    vm_of(self).heap().release(self);
}
Ref<Object> iterator_next(VM& vm, Object* self) {
    auto* it = static_cast<DictViewIterator*>(self);
    if (!it->dict)
        return nullptr;
    if (dict_size(it->dict) != it->expected_size) {
        it->expected_size = -1;
        return raise_runtime_error(vm, "dictionary changed size during iteration");
    }
    Object* key = nullptr;
    Object* value = nullptr;
    if (!dict_next(it->dict, it->position, &key, &value)) {
        set_ref(it->dict, nullptr);
        return nullptr;
    }
    if (it->kind == DictViewKind::values)
        return Ref<Object>::borrow(value);
    return tuple_pack(vm, {key, value});
}

// ====== repr, contains, comparisons, set algebra

Ref<Object> view_repr(VM& vm, Object* self) {
    int entered = vm.thread_state().repr_enter(self);
    if (entered != 0)
        return entered < 0 ? nullptr : str_from_utf8(vm, "...");
    Ref<Object> items = sequence_to_list(vm, self);
    Ref<Object> inner = items ? object_repr(vm, items.get()) : nullptr;
    vm.thread_state().repr_leave(self);
    if (!inner)
        return nullptr;
    return str_from_utf8(vm, std::string(self->type->name) + "(" + str_to_utf8(inner.get()) + ")");
}

int view_contains(VM& vm, Object* self, Object* item) {
    DictView* view = as_view(self);
    if (view->kind == DictViewKind::keys) {
        Object* value = nullptr;
        return dict_lookup(vm, view->dict, item, &value);
    }
    if (view->kind == DictViewKind::items) {
        if (!is_tuple(item) || tuple_size(item) != 2)
            return 0;
        Object* value = nullptr;
        int found = dict_lookup(vm, view->dict, tuple_items(item)[0], &value);
        if (found <= 0)
            return found;
        Ref<Object> held = Ref<Object>::borrow(value);
        return object_rich_compare_bool(vm, value, tuple_items(item)[1], CompareOp::eq);
    }
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(view->dict, pos, &key, &value)) {
        Ref<Object> held = Ref<Object>::borrow(value);
        int equal = object_rich_compare_bool(vm, value, item, CompareOp::eq);
        if (equal != 0)
            return equal;
    }
    return 0;
}

// A new set of an iterable's items.
Ref<Object> set_of(VM& vm, Object* iterable) {
    Ref<Object> items = sequence_to_list(vm, iterable);
    if (!items)
        return nullptr;
    Ref<Object> result = set_new(vm, false);
    if (!result)
        return nullptr;
    for (intptr_t i = 0; i < list_size(items.get()); ++i) {
        if (!is_ok(set_add(vm, result.get(), list_items(items.get())[i])))
            return nullptr;
    }
    return result;
}

bool set_like_view(VM& vm, Object* object) {
    return is_view(vm, object) && as_view(object)->kind != DictViewKind::values;
}

// view <op> other: both operands become sets and the set operator runs (CPython's
// dictviews_sub/and/or/xor, which build set(self) and update it from the other).
Ref<Object> view_algebra(VM& vm, Object* left, Object* right, BinarySlot op) {
    bool left_view = set_like_view(vm, left);
    bool right_view = set_like_view(vm, right);
    if (!left_view && !right_view)
        return vm.new_not_implemented();
    Ref<Object> a = set_of(vm, left);
    if (!a)
        return nullptr;
    Ref<Object> b = set_of(vm, right);
    if (!b)
        return nullptr;
    return binary_op(vm, a.get(), b.get(), op);
}
Ref<Object> view_and(VM& vm, Object* left, Object* right) {
    return view_algebra(vm, left, right, BinarySlot::and_);
}
Ref<Object> view_or(VM& vm, Object* left, Object* right) {
    return view_algebra(vm, left, right, BinarySlot::or_);
}
Ref<Object> view_xor(VM& vm, Object* left, Object* right) {
    return view_algebra(vm, left, right, BinarySlot::xor_);
}
Ref<Object> view_sub(VM& vm, Object* left, Object* right) {
    return view_algebra(vm, left, right, BinarySlot::sub);
}

Ref<Object> view_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (!set_like_view(vm, self) || (!is_set_or_frozenset(other) && !set_like_view(vm, other)))
        return vm.new_not_implemented();
    Ref<Object> a = set_of(vm, self);
    if (!a)
        return nullptr;
    Ref<Object> b = set_like_view(vm, other) ? set_of(vm, other) : Ref<Object>::borrow(other);
    if (!b)
        return nullptr;
    return object_rich_compare(vm, a.get(), b.get(), op);
}

Ref<Object> view_isdisjoint(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    Ref<Object> items = sequence_to_list(vm, args[0]);
    if (!items)
        return nullptr;
    for (intptr_t i = 0; i < list_size(items.get()); ++i) {
        int found = view_contains(vm, self, list_items(items.get())[i]);
        if (found < 0)
            return nullptr;
        if (found)
            return vm.new_bool(false);
    }
    return vm.new_bool(true);
}

Ref<Object> view_reversed(VM& vm, Object* self, Object* const*, size_t, Object*) {
    return dict_reversed_iterator(vm, as_view(self)->dict, as_view(self)->kind);
}

constexpr MethodDef set_like_methods[] = {
    {"isdisjoint", view_isdisjoint, MethodKind::o,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", view_reversed, MethodKind::noargs,
     "Return a reverse iterator over the dict keys."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};
constexpr MethodDef values_methods[] = {
    {"__reversed__", view_reversed, MethodKind::noargs,
     "Return a reverse iterator over the dict values."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

Type* make_view_type(VM& vm, const char* name, bool set_like) {
    TypeSpec spec{};
    spec.name = name;
    spec.basic_size = sizeof(DictView);
    spec.flags = type_has_gc;
    TypeSlots& s = spec.slots;
    s.dealloc = view_dealloc;
    s.traverse = view_traverse;
    s.clear = view_clear;
    s.repr = view_repr;
    s.len = view_len;
    s.iter = view_iter;
    s.contains = view_contains;
    s.hash = hash_not_implemented;
    if (set_like) {
        s.richcompare = view_richcompare;
        s.and_ = view_and;
        s.or_ = view_or;
        s.xor_ = view_xor;
        s.sub = view_sub;
    }
    spec.methods = set_like ? set_like_methods : values_methods;
    return make_type(vm, spec).release();
}

Type* make_iterator_type(VM& vm, const char* name) {
    TypeSpec spec{};
    spec.name = name;
    spec.basic_size = sizeof(DictViewIterator);
    spec.flags = type_has_gc;
    spec.slots.dealloc = iterator_dealloc;
    spec.slots.traverse = iterator_traverse;
    spec.slots.clear = iterator_clear;
    spec.slots.iter = iter_self;
    spec.slots.next = iterator_next;
    return make_type(vm, spec).release();
}

} // namespace

Ref<Object> dict_view_new(VM& vm, Object* dict, DictViewKind kind) {
    Type* type = kind == DictViewKind::keys     ? vm.types().dict_keys
                 : kind == DictViewKind::values ? vm.types().dict_values
                                                : vm.types().dict_items;
    Ref<DictView> view = allocate_object<DictView>(vm, type);
    if (!view)
        return nullptr;
    incref(dict);
    view->dict = dict;
    view->kind = kind;
    return view;
}

bool init_dict_view_types(VM& vm) {
    BuiltinTypes& t = vm.types();
    if (t.dict_keys)
        return true;
    t.dict_keys = make_view_type(vm, "dict_keys", true);
    t.dict_values = make_view_type(vm, "dict_values", false);
    t.dict_items = make_view_type(vm, "dict_items", true);
    t.dict_valueiterator = make_iterator_type(vm, "dict_valueiterator");
    t.dict_itemiterator = make_iterator_type(vm, "dict_itemiterator");
    return t.dict_keys && t.dict_values && t.dict_items && t.dict_valueiterator &&
           t.dict_itemiterator;
}

} // namespace minipy::vm
