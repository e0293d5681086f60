// C.__bases__ assignment: the checks of CPython's type_set_bases, then the new bases, the new mro
// of the class and of every class below it (computed first, so a conflict anywhere changes
// nothing), the slots they inherit, and the inline caches dropped.
#include "vm/types/class_bases.h"

#include <algorithm>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include "vm/inline_cache.h"
#include "vm/mro.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

using MroMap = std::unordered_map<Type*, std::vector<Type*>>;

std::vector<Type*> types_of(Object* tuple) {
    std::vector<Type*> out;
    for (intptr_t i = 0; tuple && i < tuple_size(tuple); ++i)
        out.push_back(static_cast<Type*>(tuple_items(tuple)[i]));
    return out;
}

// The mro of `type` as already recomputed in `fresh`, else its current one.
std::vector<Type*> mro_of(Type* type, const MroMap& fresh) {
    auto found = fresh.find(type);
    return found != fresh.end() ? found->second : types_of(type->mro);
}

// C3 linearisation of `type` over `bases` (CPython's mro_implementation). Raises TypeError
// "duplicate base class A" or "Cannot create a consistent method resolution\norder (MRO) for
// bases X, Y" (false).
bool linearise(VM& vm, Type* type, const std::vector<Type*>& bases, const MroMap& fresh,
               std::vector<Type*>& out) {
    for (size_t i = 0; i < bases.size(); ++i) {
        for (size_t j = i + 1; j < bases.size(); ++j) {
            if (bases[i] == bases[j]) {
                (void)raise_type_error(vm, "duplicate base class ", bases[i]->name);
                return false;
            }
        }
    }
    std::vector<std::vector<Type*>> sequences;
    for (Type* base : bases)
        sequences.push_back(mro_of(base, fresh));
    sequences.push_back(bases);
    out.assign(1, type);
    std::vector<Type*> heads;
    if (c3_merge(std::move(sequences), out, &heads))
        return true;
    std::string names;
    for (Type* head : heads)
        names += (names.empty() ? "" : ", ") + std::string(head->name);
    (void)raise_type_error(
        vm, "Cannot create a consistent method resolution\norder (MRO) for bases ", names);
    return false;
}

// The live heap classes that have `type` in their mro (itself excluded), bases before subclasses
// (a class's mro is longer than that of every class in it).
std::vector<Type*> subclasses_below(VM& vm, Type* type) {
    std::vector<Type*> found;
    for (Object* o = vm.heap().first(); o != vm.heap().end(); o = o->chain_next) {
        if (!has_flag(o->type, type_type_subclass) || o == type)
            continue;
        auto* candidate = static_cast<Type*>(o);
        if (is_heap_type(candidate) && candidate->mro && is_subtype(candidate, type))
            found.push_back(candidate);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](Type* a, Type* b) { return tuple_size(a->mro) < tuple_size(b->mro); });
    return found;
}

} // namespace

Status set_type_bases(Runtime& rt, Type* type, Object* value) {
    VM& vm = rt.vm();
    if (!value)
        return raise_type_error(vm, "cannot delete '__bases__' attribute of immutable type '",
                                type->name, "'");
    if (!is_tuple(value))
        return raise_type_error(vm, "can only assign tuple to ", type->name, ".__bases__, not ",
                                value->type->name);
    if (tuple_size(value) == 0)
        return raise_type_error(vm, "can only assign non-empty tuple to ", type->name,
                                ".__bases__, not ()");
    for (intptr_t i = 0; i < tuple_size(value); ++i) {
        Object* item = tuple_items(value)[i];
        if (!has_flag(item->type, type_type_subclass))
            return raise_type_error(vm, type->name, ".__bases__ must be tuple of classes, not '",
                                    item->type->name, "'");
        if (is_subtype(static_cast<Type*>(item), type))
            return raise_type_error(vm, "a __bases__ item causes an inheritance cycle");
    }
    std::vector<Type*> bases = types_of(value);
    for (Type* base : bases) {
        if (!has_flag(base, type_base_type))
            return raise_type_error(vm, "type '", base->name, "' is not an acceptable base type");
    }
    Type* layout = best_layout_base(vm, bases);
    if (!layout)
        return Status::error;
    Type* old_layout = type->base;
    if (has_flag(layout, type_has_gc) != has_flag(old_layout, type_has_gc))
        return raise_type_error(vm, "__bases__ assignment: '", layout->name,
                                "' deallocator differs from '", old_layout->name, "'");
    if (!is_ok(check_layout_assignment(rt, old_layout, layout, "__bases__")))
        return Status::error;
    // Every new mro first: a conflict in a subclass leaves everything as it was.
    std::vector<Type*> below = subclasses_below(vm, type);
    MroMap fresh;
    std::vector<Type*> order;
    try {
        std::vector<Type*> mro;
        if (!linearise(vm, type, bases, fresh, mro))
            return Status::error;
        fresh.emplace(type, std::move(mro));
        order.push_back(type);
        for (Type* sub : below) {
            std::vector<Type*> sub_mro;
            if (!linearise(vm, sub, types_of(sub->bases), fresh, sub_mro))
                return Status::error;
            fresh.emplace(sub, std::move(sub_mro));
            order.push_back(sub);
        }
    } catch (const std::bad_alloc&) {
        return raise_memory_error(vm);
    }
    std::vector<Ref<Object>> tuples;
    for (Type* t : order) {
        const std::vector<Type*>& mro = fresh[t];
        Ref<Object> tuple =
            tuple_from_array(vm, reinterpret_cast<Object* const*>(mro.data()), mro.size());
        if (!tuple)
            return Status::error;
        tuples.push_back(std::move(tuple));
    }
    // Commit: nothing below raises.
    set_ref(type->bases, Ref<Object>::borrow(value).release());
    if (layout != old_layout) {
        incref(layout);
        type->base = layout;
        decref(old_layout);
    }
    for (size_t i = 0; i < order.size(); ++i)
        set_ref(order[i]->mro, tuples[i].release());
    for (Type* t : order)
        reinherit_dunder_slots(rt, t);
    type_attributes_changed();
    return Status::ok;
}

} // namespace minipy::vm
