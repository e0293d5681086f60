// Free lists of one VM. Invariants are in gc/free_lists.h.
#include "gc/free_lists.h"

#include <new>

#include "gc/alloc.h"
#include "gc/refchain.h"

namespace minipy::gc {

#ifdef MINIPY_MIMALLOC

struct NumberBlocks::Chunk {
    Chunk* prev;
    Chunk* next;
    void* free;      // blocks given back, linked through their first word
    uint32_t used;   // blocks handed out
    uint32_t carved; // blocks ever handed out of the untouched tail
};

namespace {

constexpr size_t first_block = (sizeof(void*) * 6 + 15) & ~size_t{15}; // after the Chunk header
constexpr uint32_t blocks_per_chunk =
    static_cast<uint32_t>((NumberBlocks::chunk_size - first_block) / NumberBlocks::block_size);

} // namespace

NumberBlocks::~NumberBlocks() {
    // Every block is back, so the only chunks left are the spare and at most one available one.
    for (Chunk* chunk = m_available; chunk;) {
        Chunk* next = chunk->next;
        mem_free(chunk);
        chunk = next;
    }
    mem_free(m_spare);
}

void* NumberBlocks::allocate() {
    Chunk* chunk = m_available;
    if (!chunk) {
        chunk = m_spare;
        m_spare = nullptr;
        if (!chunk) {
            chunk = static_cast<Chunk*>(mi_malloc_aligned(chunk_size, chunk_size));
            if (!chunk)
                return nullptr;
            ++m_chunks;
        }
        *chunk = Chunk{nullptr, nullptr, nullptr, 0, 0};
        m_available = chunk;
    }
    void* block = chunk->free;
    if (block) {
        chunk->free = *static_cast<void**>(block);
    } else {
        block = reinterpret_cast<char*>(chunk) + first_block + size_t{chunk->carved} * block_size;
        ++chunk->carved;
    }
    ++chunk->used;
    ++m_in_use;
    if (chunk->used == blocks_per_chunk) { // full: off the available list
        m_available = chunk->next;
        if (m_available)
            m_available->prev = nullptr;
        chunk->next = nullptr;
    }
    return block;
}

void NumberBlocks::release(void* block) {
    auto* chunk = reinterpret_cast<Chunk*>(reinterpret_cast<uintptr_t>(block) & ~(chunk_size - 1));
    *static_cast<void**>(block) = chunk->free;
    chunk->free = block;
    --m_in_use;
    if (chunk->used-- == blocks_per_chunk) { // was full: available again, at the front
        chunk->prev = nullptr;
        chunk->next = m_available;
        if (m_available)
            m_available->prev = chunk;
        m_available = chunk;
    }
    if (chunk->used == 0) { // empty: off the list, kept as the spare or given back
        if (chunk->prev)
            chunk->prev->next = chunk->next;
        else
            m_available = chunk->next;
        if (chunk->next)
            chunk->next->prev = chunk->prev;
        if (m_spare) {
            mem_free(chunk);
            --m_chunks;
        } else {
            m_spare = chunk;
        }
    }
}

#else

struct NumberBlocks::Chunk {};

NumberBlocks::~NumberBlocks() = default;

void* NumberBlocks::allocate() {
    void* block = mem_alloc(block_size);
    if (block)
        ++m_in_use;
    return block;
}

void NumberBlocks::release(void* block) {
    --m_in_use;
    mem_free(block);
}

#endif

void FreeList::release_all() {
    while (vm::Object* memory = pop()) {
        if (m_blocks)
            m_blocks->release(memory);
        else
            Heap::free_memory(memory);
    }
}

FreeLists::FreeLists()
    : m_floats(float_cap), m_ints(int_cap), m_lists(list_cap), m_dicts(dict_cap) {
    m_floats.set_blocks(&m_numbers);
    m_ints.set_blocks(&m_numbers);
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
