// Free lists of one VM: float, machine-word int, list, dict, and tuple per small length. A dying
// object of those types is not freed but kept here (off the refchain) up to a cap, and the next
// object of the type reuses its memory: `v1 = 3.14; del v1; v9 = 999.99` puts v9 in v1's old memory
// (SEEDS.md).
//
// Invariants:
//  - a block on a free list is forgotten memory: not on the refchain, not tracked, refcount 0; it
//  is
//    linked through its chain_next field;
//  - a list never holds more than its cap; counts are observable (sys._debugmallocstats-like);
//  - list and dict blocks keep only the object struct: their item storage was freed at dealloc;
//  - release_all() (VM teardown) frees every block.
//  - the memory of every exact float and machine-word int comes from NumberBlocks and goes back
//  there (never to gc/alloc.h's mem_free), free-list blocks included.
#pragma once

#include <cstddef>
#include <cstdint>

#include "vm/object.h"

namespace minipy::gc {

// The memory of exact floats and machine-word ints: 40-byte blocks (the object header and one
// word) carved from 64 KiB chunks, since the allocator rounds 40 bytes up to 48 (gc/alloc.h): a
// sixth less memory for the most numerous objects. A chunk is aligned on its size, so a block finds
// its chunk by masking its address; a chunk that empties is given back (one empty chunk is kept).
// Sanitizer builds (no mimalloc) allocate each block on its own, so ASan sees every one.
class NumberBlocks {
public:
    static constexpr size_t block_size = 40;
    static constexpr size_t chunk_size = size_t{1} << 16;

    NumberBlocks() = default;
    NumberBlocks(const NumberBlocks&) = delete;
    NumberBlocks& operator=(const NumberBlocks&) = delete;
    // Every block must have been released (VM teardown frees every object first).
    ~NumberBlocks();

    // A block of block_size bytes (contents unspecified), or null on out-of-memory.
    void* allocate();
    // Gives back a block from allocate().
    void release(void* block);
    size_t chunk_count() const { return m_chunks; }
    size_t blocks_in_use() const { return m_in_use; }

private:
    struct Chunk;
    Chunk* m_available = nullptr; // chunks with a free or not yet carved block (doubly linked)
    Chunk* m_spare = nullptr;     // one empty chunk kept for the next allocation
    size_t m_chunks = 0;
    size_t m_in_use = 0;
};

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
    // Where release_all gives the blocks back: `blocks` (floats and ints) instead of the heap.
    void set_blocks(NumberBlocks* blocks) { m_blocks = blocks; }
    void release_all();

private:
    vm::Object* m_head = nullptr;
    size_t m_size = 0;
    size_t m_cap;
    NumberBlocks* m_blocks = nullptr;
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
    NumberBlocks& numbers() { return m_numbers; }
    FreeList& lists() { return m_lists; }
    FreeList& dicts() { return m_dicts; }
    // The free list for tuples of `length` items (1 <= length < tuple_max_length).
    FreeList& tuples(size_t length) { return m_tuples[length]; }
    void release_all();

private:
    NumberBlocks m_numbers; // destroyed after the lists below have given their blocks back
    FreeList m_floats;
    FreeList m_ints;
    FreeList m_lists;
    FreeList m_dicts;
    FreeList m_tuples[tuple_max_length];
};

} // namespace minipy::gc
