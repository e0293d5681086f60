// Working on a str's PEP 393 data in place, per kind (1, 2 or 4 bytes a code point): the builders
// and searches the str methods share, so that none converts a string to a code point vector and
// back. Results are built at their final (minimal) kind.
#pragma once

#include <cstddef>
#include <cstdint>

#include "gc/ref.h"
#include "vm/object.h"
#include "vm/types/str.h"

namespace minipy::vm {

// Calls f(data) with data a `const uint8_t*`, `const uint16_t*` or `const uint32_t*` as s's kind.
template <class F> decltype(auto) with_str_data(const Str* s, F&& f) {
    switch (s->kind) {
    case 1:
        return f(static_cast<const uint8_t*>(str_data(s)));
    case 2:
        return f(static_cast<const uint16_t*>(str_data(s)));
    default:
        return f(static_cast<const uint32_t*>(str_data(s)));
    }
}

// A fresh str of `length` code points of `kind` (the caller writes them; the terminating zero
// unit is written here). `kind` must be minimal for what is written and `ascii` exact.
// Raises MemoryError.
[[nodiscard]] Ref<Str> str_allocate(VM& vm, size_t length, uint8_t kind, bool ascii);

// `s += tail` done in place, as CPython's unicode_concatenate: s (an exact, non-interned,
// non-empty str that nothing but the caller holds, refcount 1) grows by tail's code points
// (tail's kind no wider than s's, tail != s). The memory may move: the result replaces s. Null
// when the memory could not grow (nothing raised; s is still valid and unchanged).
Object* str_append_in_place(VM& vm, Object* s, const Object* tail);

// The largest code point of data[0..length) of the given kind.
uint32_t str_max_char(const void* data, uint8_t kind, size_t length);

// A str of the code points data[0..length) of kind `kind` (any kind holding them; the result's is
// minimal). Empty and one-character Latin-1 results come from the VM's pools. Raises MemoryError.
[[nodiscard]] Ref<Object> str_from_kind_data(VM& vm, const void* data, uint8_t kind, size_t length);

// s[start:end] (0 <= start <= end <= len(s)): s itself when that is all of an exact str.
// Raises MemoryError.
[[nodiscard]] Ref<Object> str_substring(VM& vm, Object* s, intptr_t start, intptr_t end);

// A str of the ASCII bytes text[0..length) (each < 128), built in one copy: empty and
// one-character results come from the VM's pools (when they exist). Raises MemoryError.
[[nodiscard]] Ref<Object> str_from_ascii(VM& vm, const char* text, size_t length);

// Writes the decimal digits of magnitude so that they end just before `end`; returns the first.
// `end` needs 20 bytes before it.
inline char* write_decimal_digits(char* end, uint64_t magnitude) {
    do {
        *--end = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    return end;
}

// str(value) of an int that fits in 64 bits, written straight into the str. Raises MemoryError.
[[nodiscard]] Ref<Object> str_from_i64(VM& vm, int64_t value);

// The one-character str of code point `cp` (< 0x110000): pooled below 256. Raises MemoryError.
[[nodiscard]] Ref<Object> str_from_char(VM& vm, uint32_t cp);

// Position of needle in haystack[start:end] (0 <= start, end <= len(haystack)): the first, or the
// last when `reverse`; -1 when absent. An empty needle is found at start (or end) when
// start <= end.
intptr_t str_find(const Object* haystack, const Object* needle, intptr_t start, intptr_t end,
                  bool reverse);
// Non-overlapping occurrences of a non-empty needle in haystack[start:end], at most `limit`.
intptr_t str_count(const Object* haystack, const Object* needle, intptr_t start, intptr_t end,
                   intptr_t limit);
// haystack[at:at+len(needle)] == needle (the caller checks the bounds).
bool str_matches_at(const Object* haystack, const Object* needle, intptr_t at);

// Copies s's code points into out (whose kind is at least s's) from position `at`.
void str_copy_chars(Str* out, size_t at, const Str* s);

// separator.join(items) for items[0..count) that are all strs (separator null: no separator),
// built at its final kind in one allocation. Raises OverflowError, MemoryError.
[[nodiscard]] Ref<Object> str_join_items(VM& vm, Object* separator, Object* const* items,
                                         size_t count);

} // namespace minipy::vm
