// The allocator of VM memory, chosen in this one place: every object (gc::Heap) and every variable
// part an object owns (list item arrays, dict and set tables, bytearray buffers, generator frames,
// frame-stack chunks, code arrays and inline caches) is allocated, resized and freed through these
// functions. Builds with MINIPY_MIMALLOC defined use mimalloc (Debian's libmimalloc-dev): no
// per-block header, size classes 16 bytes apart for small objects (Debian builds it so: a 40-byte
// request takes 48), and a free from any thread is safe (a block freed by another thread goes back
// to its owner's heap). Other builds, the sanitizer ones among them, use the C library's malloc, so
// ASan and TSan see every allocation.
//
// Invariant: memory from mem_alloc/mem_zalloc/mem_calloc/mem_realloc is resized only with
// mem_realloc and freed only with mem_free (never with std::realloc/std::free, nor the reverse).
// Null is returned on out-of-memory, as malloc does; mem_free(nullptr) does nothing.
#pragma once

#include <cstddef>

#ifdef MINIPY_MIMALLOC
#include <mimalloc.h>
#else
#include <cstdlib>
#endif

namespace minipy::gc {

#ifdef MINIPY_MIMALLOC

// Blocks of at least this size (a big dict table, list array or str) go back to the OS as soon as
// they are freed, as the C library's mmap'd blocks do: mimalloc otherwise keeps freed memory
// committed for its decommit delay (25 ms), and a table that doubles leaves each old table
// resident meanwhile (a 325k-entry dict: 12 of its 85 bytes per entry). The delay is set to 0
// around that one free and put back to its start-up value (a concurrent free in another VM may
// see 0 too: it only decommits early). Filling a block this size costs far more than the
// decommit and the page faults of its next use.
inline constexpr size_t large_block = size_t{1} << 20;

[[gnu::cold, gnu::noinline]] inline void release_large(void* memory, void* (*then)(void*, size_t),
                                                       size_t bytes, void** result) {
    static const long start_delay = mi_option_get(mi_option_decommit_delay);
    mi_option_set(mi_option_decommit_delay, 0);
    if (then)
        *result = then(memory, bytes);
    else
        mi_free(memory);
    mi_option_set(mi_option_decommit_delay, start_delay);
}

inline void* mem_alloc(size_t bytes) {
    return mi_malloc(bytes);
}
// Zero-filled.
inline void* mem_zalloc(size_t bytes) {
    return mi_zalloc(bytes);
}
// count * size zero-filled bytes; null when the product overflows.
inline void* mem_calloc(size_t count, size_t size) {
    return mi_calloc(count, size);
}
inline void* mem_realloc(void* memory, size_t bytes) {
    if (memory && mi_usable_size(memory) >= large_block) [[unlikely]] {
        void* result = nullptr;
        release_large(memory, mi_realloc, bytes, &result); // the old block may be freed
        return result;
    }
    return mi_realloc(memory, bytes);
}
inline void mem_free(void* memory) {
    if (memory && mi_usable_size(memory) >= large_block) [[unlikely]] {
        release_large(memory, nullptr, 0, nullptr);
        return;
    }
    mi_free(memory);
}
// mem_free of a block the caller knows was asked for `bytes` (the last mem_alloc/mem_realloc
// size): no size query for the blocks below large_block, the many small strs.
inline void mem_free_sized(void* memory, size_t bytes) {
    if (bytes >= large_block / 2) [[unlikely]] {
        mem_free(memory);
        return;
    }
    mi_free(memory);
}
inline constexpr const char* allocator_name = "mimalloc";

#else

inline void* mem_alloc(size_t bytes) {
    return std::malloc(bytes);
}
inline void* mem_zalloc(size_t bytes) {
    return std::calloc(1, bytes);
}
inline void* mem_calloc(size_t count, size_t size) {
    return std::calloc(count, size);
}
inline void* mem_realloc(void* memory, size_t bytes) {
    return std::realloc(memory, bytes);
}
inline void mem_free(void* memory) {
    std::free(memory);
}
inline void mem_free_sized(void* memory, size_t) {
    std::free(memory);
}
inline constexpr const char* allocator_name = "malloc";

#endif

} // namespace minipy::gc
