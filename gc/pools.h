// Shared immutable objects of one VM (SEEDS.md "Pools"): the small ints -5..256 created at
// start-up, one str per Latin-1 character, the empty str/bytes/tuple, and the table of interned
// strings (identifier-like strings: equal ones are the same object, so they compare by pointer).
//
// Invariants:
//  - the pool holds one reference to each of its objects until release() at VM teardown;
//  - every function that makes an int in -5..256, a one-character Latin-1 str, or an empty
//    str/bytes/tuple returns the pooled object (with a new reference);
//  - an interned str has its `interned` flag set and is a key of the interning dict.
#pragma once

#include <cstdint>
#include <string_view>

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::gc {

class Pools {
public:
    static constexpr int64_t small_int_min = -5;
    static constexpr int64_t small_int_max = 256;

    Pools() = default;
    Pools(const Pools&) = delete;
    Pools& operator=(const Pools&) = delete;

    // Creates the pooled objects; false on out-of-memory. Needs int, str, bytes, tuple and dict
    // types.
    bool init(vm::VM& vm);
    // True once init() succeeded (interning works from then on).
    bool is_ready() const { return m_interned != nullptr; }
    // Drops the pool's references (VM teardown).
    void release();
    // Calls visit(object, arg) for each pooled object and the interning dict (leak accounting at
    // exit: they belong to the VM); stops at and returns the first non-zero result.
    int traverse(int (*visit)(vm::Object*, void*), void* arg) const;

    // The pooled int for value (borrowed), or null when value is outside -5..256.
    vm::Object* small_int(int64_t value) const {
        if (value < small_int_min || value > small_int_max)
            return nullptr;
        return m_small_ints[value - small_int_min];
    }
    // The pooled one-character str for a code point < 256 (borrowed), or null.
    vm::Object* latin1_char(uint32_t code_point) const {
        return code_point < 256 ? m_latin1[code_point] : nullptr;
    }
    vm::Object* empty_str() const { return m_empty_str; }
    vm::Object* empty_bytes() const { return m_empty_bytes; }
    vm::Object* empty_tuple() const { return m_empty_tuple; }

    // Returns the interned str equal to `str` (a str object), interning it if new.
    // Raises MemoryError.
    [[nodiscard]] Ref<vm::Object> intern(vm::VM& vm, Ref<vm::Object> str);
    size_t interned_count() const;

private:
    vm::Object* m_small_ints[small_int_max - small_int_min + 1] = {};
    vm::Object* m_latin1[256] = {};
    vm::Object* m_empty_str = nullptr;
    vm::Object* m_empty_bytes = nullptr;
    vm::Object* m_empty_tuple = nullptr;
    vm::Object* m_interned = nullptr; // dict str -> str
};

// True for the strings the pools intern automatically: non-empty, ASCII letters, digits and '_'.
bool is_identifier_like(std::string_view text);

} // namespace minipy::gc
