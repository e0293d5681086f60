// Free lists of one VM: float, machine-word int, list, dict, and tuple per small length. A dying object of those
// types is not freed but kept here (off the refchain) up to a cap, and the next object of the type
// reuses its memory: `v1 = 3.14; del v1; v9 = 999.99` puts v9 in v1's old memory (SEEDS.md).
//
// Invariants:
//  - a block on a free list is forgotten memory: not on the refchain, not tracked, refcount 0; it
//  is
//    linked through its chain_next field;
//  - a list never holds more than its cap; counts are observable (sys._debugmallocstats-like);
//  - list and dict blocks keep only the object struct: their item storage was freed at dealloc;
//  - release_all() (VM teardown) frees every block.
#pragma once

#include <cstddef>

#include "vm/object.h"

namespace minipy::gc {

class FreeList {
public:
    explicit FreeList(size_t cap = 0) : m_cap(cap) {}
    // Keeps a forgotten object's memory; false when full (the caller frees it). Inline: the
    // arithmetic fast paths of the eval loop free and reuse floats and ints through it.
    bool push(vm::Object* memory) {
        if (m_size >= m_cap)
            return false;
        memory->refcount = 0;
        memory->chain_prev = nullptr;
        memory->chain_next = m_head;
        m_head = memory;
        ++m_size;
        return true;
    }
    // A kept block, or null when empty.
    vm::Object* pop() {
        vm::Object* memory = m_head;
        if (!memory)
            return nullptr;
        m_head = memory->chain_next;
        memory->chain_next = nullptr;
        --m_size;
        return memory;
    }
    size_t size() const { return m_size; }
    size_t cap() const { return m_cap; }
    void set_cap(size_t cap) { m_cap = cap; }
    void release_all();

private:
    vm::Object* m_head = nullptr;
    size_t m_size = 0;
    size_t m_cap;
};

class FreeLists {
public:
    static constexpr size_t float_cap = 100;
    static constexpr size_t int_cap = 100; // exact ints in the machine-word form only
    static constexpr size_t list_cap = 80;
    static constexpr size_t dict_cap = 80;
    static constexpr size_t tuple_cap = 2000;      // per length
    static constexpr size_t tuple_max_length = 20; // lengths 1..19 are kept

    FreeLists();
    FreeLists(const FreeLists&) = delete;
    FreeLists& operator=(const FreeLists&) = delete;
    ~FreeLists() { release_all(); }

    FreeList& floats() { return m_floats; }
    FreeList& ints() { return m_ints; }
    FreeList& lists() { return m_lists; }
    FreeList& dicts() { return m_dicts; }
    // The free list for tuples of `length` items (1 <= length < tuple_max_length).
    FreeList& tuples(size_t length) { return m_tuples[length]; }
    void release_all();

private:
    FreeList m_floats;
    FreeList m_ints;
    FreeList m_lists;
    FreeList m_dicts;
    FreeList m_tuples[tuple_max_length];
};

} // namespace minipy::gc
