// A bump allocator for everything one compilation produces: AST nodes, their lists and their
// strings. Invariants:
//  - memory lives until the Arena is destroyed; nothing allocated here is freed one by one;
//  - objects placed here must be trivially destructible (the arena never runs destructors);
//  - an Arena is used by one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace minipy::compiler {

class Arena {
public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    // Returns size bytes aligned to align; throws std::bad_alloc only if the system is out of
    // memory.
    void* allocate(size_t size, size_t align = alignof(std::max_align_t)) {
        uintptr_t cursor = (reinterpret_cast<uintptr_t>(m_cursor) + (align - 1)) & ~(align - 1);
        if (m_cursor == nullptr || cursor + size > reinterpret_cast<uintptr_t>(m_limit)) {
            grow(size + align);
            cursor = (reinterpret_cast<uintptr_t>(m_cursor) + (align - 1)) & ~(align - 1);
        }
        m_cursor = reinterpret_cast<char*>(cursor + size);
        m_bytes_used += size;
        return reinterpret_cast<void*>(cursor);
    }

    // Constructs a T in the arena. T must be trivially destructible.
    template <typename T, typename... Args> T* make(Args&&... args) {
        static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
        return new (allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
    }

    // Copies a vector's elements into the arena and returns a span over the copy.
    template <typename T> std::span<T> copy(const std::vector<T>& items) {
        static_assert(std::is_trivially_copyable_v<T>);
        if (items.empty())
            return {};
        T* data = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
        std::memcpy(static_cast<void*>(data), items.data(), sizeof(T) * items.size());
        return {data, items.size()};
    }

    // Copies text into the arena (not NUL-terminated) and returns a view of the copy.
    std::string_view copy(std::string_view text) {
        if (text.empty())
            return {};
        char* data = static_cast<char*>(allocate(text.size(), 1));
        std::memcpy(data, text.data(), text.size());
        return {data, text.size()};
    }

    size_t bytes_used() const { return m_bytes_used; }

private:
    void grow(size_t at_least) {
        size_t size = at_least > m_next_chunk ? at_least : m_next_chunk;
        // Not zeroed: zeroing (and faulting in) megabytes the parser then overwrites cost as much
        // as lexing the whole file.
        m_chunks.push_back(std::make_unique_for_overwrite<char[]>(size));
        m_cursor = m_chunks.back().get();
        m_limit = m_cursor + size;
        if (m_next_chunk < (size_t{1} << 24))
            m_next_chunk *= 2;
    }

    std::vector<std::unique_ptr<char[]>> m_chunks;
    char* m_cursor = nullptr;
    char* m_limit = nullptr;
    size_t m_next_chunk = 64 * 1024;
    size_t m_bytes_used = 0;
};

} // namespace minipy::compiler
