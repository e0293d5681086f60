// reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items()): CPython's
// dict_reversekeyiterator, dict_reversevalueiterator and dict_reverseitemiterator.
#pragma once

#include "gc/ref.h"
#include "vm/object.h"
#include "vm/types/dict.h"

namespace minipy::vm {

// Iteration in reverse insertion order (defined in dict.cpp, beside dict_next): start with
// pos = dict_last_position(dict); true with borrowed key/value and pos moved before the entry,
// false when no entry is left (pos < 0).
intptr_t dict_last_position(Object* dict);
bool dict_prev(Object* dict, intptr_t& pos, Object** key, Object** value);

// A reverse iterator over `dict` (keys, values or (key, value) pairs, last inserted first).
// Raises MemoryError. The iterator raises RuntimeError "dictionary changed size during iteration"
// when the dict's size changes under it.
[[nodiscard]] Ref<Object> dict_reversed_iterator(VM& vm, Object* dict, DictViewKind kind);

} // namespace minipy::vm
