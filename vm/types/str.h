// str: immutable text in CPython's PEP 393 layout (see str.cpp for why and the invariants).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"

namespace minipy::vm {

// size (from VarObject) is the length in code points. The characters follow the struct: size * kind
// bytes plus a terminating zero unit.
struct Str : VarObject {
    int64_t hash;  // -1 until computed
    uint8_t kind;  // 1, 2 or 4 bytes per code point: the smallest that holds the largest one
    bool ascii;    // every code point < 128 (then the data is also valid UTF-8)
    bool interned; // in the VM's interning table
};

bool is_str(const Object* object);
inline const void* str_data(const Str* s) {
    return s + 1;
}
inline void* str_data(Str* s) {
    return s + 1;
}
inline intptr_t str_length(const Object* s) {
    return static_cast<const Str*>(s)->size;
}
uint32_t str_char_at(const Str* s, intptr_t index);

// From UTF-8; lone surrogates encoded as 3-byte sequences are accepted (the compiler's convention).
// Raises UnicodeDecodeError (as UnicodeError for now) on invalid input, MemoryError.
[[nodiscard]] Ref<Object> str_from_utf8(VM& vm, std::string_view utf8);
// From code points (each < 0x110000). Raises ValueError for larger ones, MemoryError.
[[nodiscard]] Ref<Object> str_from_code_points(VM& vm, const uint32_t* code_points, size_t count);
// An interned str (identifier-like names: attribute names, keywords). Raises MemoryError.
[[nodiscard]] Ref<Object> str_intern_text(VM& vm, std::string_view utf8);
// The text as UTF-8 (surrogates as 3-byte sequences).
std::string str_to_utf8(const Object* s);
// A view of an ASCII str's bytes; empty view for non-ASCII strs.
std::string_view str_ascii_view(const Object* s);

bool str_equal(const Object* left, const Object* right);
// Code point order: -1, 0, 1.
int str_compare(const Object* left, const Object* right);
int64_t str_hash_value(VM& vm, Object* s);
[[nodiscard]] Ref<Object> str_concat(VM& vm, Object* left, Object* right);
[[nodiscard]] Ref<Object> str_repr(VM& vm, Object* s);

bool init_str_type(VM& vm);

// The keyed hash shared by str and bytes (XXH3 with the VM's seed); never -1.
int64_t hash_bytes(VM& vm, const void* data, size_t length);
} // namespace minipy::vm
