// Free lists of one VM. Invariants are in gc/free_lists.h.
#include "gc/free_lists.h"

#include "gc/refchain.h"

namespace minipy::gc {

void FreeList::release_all() {
    while (vm::Object* memory = pop())
        Heap::free_memory(memory);
}

FreeLists::FreeLists()
    : m_floats(float_cap), m_ints(int_cap), m_lists(list_cap), m_dicts(dict_cap) {
    for (size_t length = 1; length < tuple_max_length; ++length)
        m_tuples[length].set_cap(tuple_cap);
}

void FreeLists::release_all() {
    m_floats.release_all();
    m_ints.release_all();
    m_lists.release_all();
    m_dicts.release_all();
    for (FreeList& list : m_tuples)
        list.release_all();
}

} // namespace minipy::gc
