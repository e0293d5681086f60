// What the iterators of list, tuple and str share besides __next__: __length_hint__, __reduce__
// and __setstate__ (CPython's listiter_len / listiter_reduce_general / listiter_setstate and their
// tuple and str twins). Each of those iterators holds its sequence (null once exhausted) and the
// index of the next item, so one template over that layout serves all three.
#pragma once

#include <cstddef>
#include <cstdint>

#include "gc/ref.h"
#include "vm/object.h"
#include "vm/type.h"
#include "vm/types/int.h"
#include "vm/vm.h"

namespace minipy::vm {

// (iter, (seq,), index) for a live iterator; (iter, (empty,)) once exhausted (seq null).
[[nodiscard]] Ref<Object> seq_iterator_reduce(VM& vm, Object* seq, intptr_t index, Object* empty);
// The index __setstate__(state) asks for, clamped to [0, size]. Raises TypeError "an integer is
// required" for a non-int state, OverflowError past the machine word.
[[nodiscard]] Status seq_iterator_index(VM& vm, Object* state, intptr_t size, intptr_t& index);

// Iterator: a struct with a member `Seq` (the sequence, null once exhausted) and `index`;
// size: the sequence's current length; empty: a new empty sequence of the same type.
template <typename Iterator, Object* Iterator::*Seq, intptr_t (*size)(const Object*),
          Ref<Object> (*empty)(VM&)>
struct SeqIteratorMethods {
    static Ref<Object> length_hint(VM& vm, Object* self, Object* const*, size_t, Object*) {
        auto* it = static_cast<Iterator*>(self);
        intptr_t left = it->*Seq ? size(it->*Seq) - it->index : 0;
        return int_from_i64(vm, left > 0 ? left : 0);
    }
    static Ref<Object> reduce(VM& vm, Object* self, Object* const*, size_t, Object*) {
        auto* it = static_cast<Iterator*>(self);
        if (it->*Seq)
            return seq_iterator_reduce(vm, it->*Seq, it->index, nullptr);
        Ref<Object> none_left = empty(vm);
        return none_left ? seq_iterator_reduce(vm, nullptr, 0, none_left.get()) : nullptr;
    }
    static Ref<Object> setstate(VM& vm, Object* self, Object* const* args, size_t, Object*) {
        auto* it = static_cast<Iterator*>(self);
        intptr_t index = 0;
        if (!is_ok(seq_iterator_index(vm, args[0], it->*Seq ? size(it->*Seq) : 0, index)))
            return nullptr;
        if (it->*Seq)
            it->index = index;
        return vm.new_none();
    }
    static constexpr MethodDef methods[] = {
        {"__length_hint__", length_hint, MethodKind::noargs,
         "Private method returning an estimate of len(list(it))."},
        {"__reduce__", reduce, MethodKind::noargs, "Return state information for pickling."},
        {"__setstate__", setstate, MethodKind::o, "Set state information for unpickling."},
        {nullptr, nullptr, MethodKind::noargs, nullptr},
    };
};

} // namespace minipy::vm
