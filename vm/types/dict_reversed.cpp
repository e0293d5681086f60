// The reverse iterators of dicts and their views (CPython's dictreviter_iternext): the entries
// array walked from its last entry down, the dict's size checked at every step.
#include "vm/types/dict_reversed.h"

#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/int.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

struct DictReverseIterator : Object {
    Object* dict;           // owned, null once exhausted
    intptr_t position;      // the next entry to look at, going down
    intptr_t expected_size; // the dict's size when made (-1 after a size change)
    intptr_t remaining;     // __length_hint__
    DictViewKind kind;
};

DictReverseIterator* as_iterator(Object* self) {
    return static_cast<DictReverseIterator*>(self);
}

int reverse_traverse(Object* self, VisitFn visit, void* arg) {
    Object* d = as_iterator(self)->dict;
    return d ? visit(d, arg) : 0;
}
void reverse_clear(Object* self) {
    set_ref(as_iterator(self)->dict, nullptr);
}
void reverse_dealloc(Object* self) {
    reverse_clear(self);
    vm_of(self).heap().release(self);
}

Ref<Object> reverse_next(VM& vm, Object* self) {
    DictReverseIterator* it = as_iterator(self);
    if (!it->dict)
        return nullptr;
    if (dict_size(it->dict) != it->expected_size) {
        it->expected_size = -1;
        return raise_runtime_error(vm, "dictionary changed size during iteration");
    }
    Object* key = nullptr;
    Object* value = nullptr;
    if (it->position < 0 || !dict_prev(it->dict, it->position, &key, &value)) {
        set_ref(it->dict, nullptr);
        return nullptr;
    }
    --it->remaining;
    if (it->kind == DictViewKind::keys)
        return Ref<Object>::borrow(key);
    if (it->kind == DictViewKind::values)
        return Ref<Object>::borrow(value);
    return tuple_pack(vm, {key, value});
}

// it.__length_hint__(): the entries left, 0 once exhausted or after the dict changed size.
Ref<Object> reverse_length_hint(VM& vm, Object* self, Object* const*, size_t, Object*) {
    DictReverseIterator* it = as_iterator(self);
    bool live = it->dict && dict_size(it->dict) == it->expected_size;
    return int_from_i64(vm, live ? it->remaining : 0);
}

constexpr MethodDef reverse_methods[] = {
    {"__length_hint__", reverse_length_hint, MethodKind::noargs,
     "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

Type* make_reverse_type(VM& vm, const char* name) {
    TypeSpec spec{};
    spec.name = name;
    spec.basic_size = sizeof(DictReverseIterator);
    spec.flags = type_has_gc;
    spec.slots.dealloc = reverse_dealloc;
    spec.slots.traverse = reverse_traverse;
    spec.slots.clear = reverse_clear;
    spec.slots.iter = iter_self;
    spec.slots.next = reverse_next;
    spec.methods = reverse_methods;
    return make_type(vm, spec).release();
}

} // namespace

Ref<Object> dict_reversed_iterator(VM& vm, Object* dict, DictViewKind kind) {
    RuntimeTypes& types = runtime_of(vm).types();
    Type*& type = kind == DictViewKind::keys     ? types.dict_reversekeyiterator
                  : kind == DictViewKind::values ? types.dict_reversevalueiterator
                                                 : types.dict_reverseitemiterator;
    if (!type) {
        type = make_reverse_type(vm, kind == DictViewKind::keys     ? "dict_reversekeyiterator"
                                     : kind == DictViewKind::values ? "dict_reversevalueiterator"
                                                                    : "dict_reverseitemiterator");
        if (!type)
            return nullptr;
    }
    Ref<DictReverseIterator> it = allocate_object<DictReverseIterator>(vm, type);
    if (!it)
        return nullptr;
    incref(dict);
    it->dict = dict;
    it->expected_size = dict_size(dict);
    it->position = it->expected_size > 0 ? dict_last_position(dict) : -1;
    it->remaining = it->expected_size;
    it->kind = kind;
    return it;
}

} // namespace minipy::vm
