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
    return mi_realloc(memory, bytes);
}
inline void mem_free(void* memory) {
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
inline constexpr const char* allocator_name = "malloc";

#endif

} // namespace minipy::gc
