// Per-kind str building and searching (see str_kind.h). Searches of a 1-byte needle in 1-byte
// text use the C library's memchr/memmem (glibc's memmem is a linear two-way search); wider kinds
// use a first-unit scan and a compare. A needle of a wider kind than the text cannot occur in it,
// since kinds are minimal (str.cpp's invariant).
#include "vm/types/str_kind.h"

#include <algorithm>
#include <cstring>
#include <string.h>
#include <type_traits>
#include <vector>

#include "gc/alloc.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

uint8_t kind_for(uint32_t max_code_point) {
    return max_code_point < 256 ? 1 : max_code_point < 65536 ? 2 : 4;
}

template <class C> uint32_t max_of(const C* data, size_t length) {
    C result = 0;
    for (size_t i = 0; i < length; ++i)
        result = std::max(result, data[i]);
    return result;
}

bool all_ascii(const uint8_t* data, size_t length) {
    uint8_t bits = 0;
    for (size_t i = 0; i < length; ++i)
        bits |= data[i];
    return bits < 0x80;
}

// memcpy for the short copies of slices and split pieces: two overlapping fixed-size moves
// instead of a library call; longer ones go to memcpy.
inline void copy_bytes(void* out, const void* in, size_t length) {
    auto* o = static_cast<char*>(out);
    const auto* i = static_cast<const char*>(in);
    if (length >= 8 && length <= 16) {
        std::memcpy(o, i, 8);
        std::memcpy(o + length - 8, i + length - 8, 8);
    } else if (length >= 4 && length < 8) {
        std::memcpy(o, i, 4);
        std::memcpy(o + length - 4, i + length - 4, 4);
    } else if (length >= 2 && length < 4) {
        std::memcpy(o, i, 2);
        std::memcpy(o + length - 2, i + length - 2, 2);
    } else {
        std::memcpy(o, i, length);
    }
}

template <class To, class From> void convert_units(To* out, const From* in, size_t length) {
    for (size_t i = 0; i < length; ++i)
        out[i] = static_cast<To>(in[i]);
}

// Forward or backward search of n[0..m) (m >= 1) in h[0..length): position or -1.
template <class C>
intptr_t search_units(const C* h, size_t length, const C* n, size_t m, bool reverse) {
    if (m > length)
        return -1;
    size_t last = length - m;
    if constexpr (sizeof(C) == 1) {
        if (!reverse) {
            if (m > 1 && length < 64) {
                // Short text (a field, a word): an inline scan beats any call's set-up.
                for (size_t i = 0; i <= last; ++i) {
                    if (h[i] != n[0] || h[i + m - 1] != n[m - 1])
                        continue;
                    size_t k = 1;
                    while (k < m - 1 && h[i + k] == n[k])
                        ++k;
                    if (k >= m - 1)
                        return static_cast<intptr_t>(i);
                }
                return -1;
            }
            if (m == 1 || length >= 256) {
                const void* found = m == 1 ? std::memchr(h, n[0], length) : memmem(h, length, n, m);
                return found ? static_cast<const C*>(found) - h : -1;
            }
            // Short text: memmem's set-up costs more than scanning for the first byte (the window
            // bounds the quadratic worst case).
            for (size_t i = 0; i <= last;) {
                const void* hit = std::memchr(h + i, n[0], last - i + 1);
                if (!hit)
                    return -1;
                i = static_cast<size_t>(static_cast<const C*>(hit) - h);
                if (std::memcmp(h + i + 1, n + 1, m - 1) == 0)
                    return static_cast<intptr_t>(i);
                ++i;
            }
            return -1;
        }
        if (m == 1) {
            const void* found = memrchr(h, n[0], length);
            return found ? static_cast<const C*>(found) - h : -1;
        }
    }
    C first = n[0];
    if (!reverse) {
        for (size_t i = 0; i <= last; ++i) {
            if (h[i] == first && std::memcmp(h + i + 1, n + 1, (m - 1) * sizeof(C)) == 0)
                return static_cast<intptr_t>(i);
        }
        return -1;
    }
    for (size_t i = last + 1; i-- > 0;) {
        if (h[i] == first && std::memcmp(h + i + 1, n + 1, (m - 1) * sizeof(C)) == 0)
            return static_cast<intptr_t>(i);
    }
    return -1;
}

// Runs f(h, n) with both as pointers of the haystack's unit type (the needle widened when its kind
// is narrower; the copy is only for that rare case).
template <class F> intptr_t with_common_kind(const Str* haystack, const Str* needle, F&& f) {
    auto widened = [&](auto* h) -> intptr_t {
        using C = std::remove_const_t<std::remove_pointer_t<decltype(h)>>;
        if (needle->kind == sizeof(C))
            return f(h, static_cast<const C*>(str_data(needle)));
        std::vector<C> copy(static_cast<size_t>(needle->size));
        with_str_data(needle, [&](auto* n) {
            convert_units(copy.data(), n, copy.size());
            return 0;
        });
        return f(h, static_cast<const C*>(copy.data()));
    };
    return with_str_data(haystack, widened);
}

} // namespace

Ref<Str> str_allocate(VM& vm, size_t length, uint8_t kind, bool ascii) {
    // allocate_object's general overflow check divides; here a bound on the length does.
    if (length > (SIZE_MAX >> 3) - sizeof(Str))
        return raise_memory_error(vm);
    // Not zero-filled (what Heap::allocate does): every field is set below and the caller writes
    // every code point, so the block is written once.
    void* memory = gc::mem_alloc(sizeof(Str) + (length + 1) * kind);
    if (!memory)
        return raise_memory_error(vm);
    vm.heap().adopt_untracked(static_cast<Object*>(memory), vm.types().str);
    auto s = Ref<Str>::steal(static_cast<Str*>(memory));
    s->size = static_cast<intptr_t>(length);
    s->hash = -1;
    s->kind = kind;
    s->ascii = ascii;
    s->interned = false;
    void* data = str_data(s.get());
    if (kind == 1)
        static_cast<uint8_t*>(data)[length] = 0;
    else if (kind == 2)
        static_cast<uint16_t*>(data)[length] = 0;
    else
        static_cast<uint32_t*>(data)[length] = 0;
    return s;
}

Object* str_append_in_place(VM& vm, Object* s, const Object* tail) {
    const Str* t = static_cast<const Str*>(tail);
    auto old_length = static_cast<size_t>(str_length(s));
    auto extra = static_cast<size_t>(t->size);
    uint8_t kind = static_cast<Str*>(s)->kind;
    if (old_length + extra > (SIZE_MAX >> 3) - sizeof(Str))
        return nullptr;
    // The block moves as a whole (mimalloc grows it in place while its size class allows, so a
    // loop of `s += piece` copies amortised linear bytes): off the refchain while it does.
    vm.heap().forget_untracked(s);
    void* grown = gc::mem_realloc(s, sizeof(Str) + (old_length + extra + 1) * kind);
    auto* result = static_cast<Str*>(grown ? grown : s);
    intptr_t refcount = result->refcount;
    vm.heap().adopt_untracked(result, vm.types().str);
    result->refcount = refcount;
    if (!grown)
        return nullptr;
    auto* data = static_cast<uint8_t*>(str_data(result));
    uint8_t* end = data + old_length * kind;
    with_str_data(t, [&](auto* units) {
        using Unit = std::remove_const_t<std::remove_pointer_t<decltype(units)>>;
        if (kind == sizeof(Unit)) {
            std::memcpy(end, units, extra * kind);
        } else if (kind == 2) {
            auto* out = reinterpret_cast<uint16_t*>(end);
            for (size_t i = 0; i < extra; ++i)
                out[i] = static_cast<uint16_t>(units[i]);
        } else {
            auto* out = reinterpret_cast<uint32_t*>(end);
            for (size_t i = 0; i < extra; ++i)
                out[i] = static_cast<uint32_t>(units[i]);
        }
    });
    std::memset(end + extra * kind, 0, kind); // the terminating zero unit
    result->size = static_cast<intptr_t>(old_length + extra);
    result->hash = -1;
    result->ascii = result->ascii && t->ascii;
    return result;
}

uint32_t str_max_char(const void* data, uint8_t kind, size_t length) {
    switch (kind) {
    case 1:
        return max_of(static_cast<const uint8_t*>(data), length);
    case 2:
        return max_of(static_cast<const uint16_t*>(data), length);
    default:
        return max_of(static_cast<const uint32_t*>(data), length);
    }
}

Ref<Object> str_from_kind_data(VM& vm, const void* data, uint8_t kind, size_t length) {
    if (length == 0)
        return Ref<Object>::borrow(vm.pools().empty_str());
    uint32_t max_code_point = str_max_char(data, kind, length);
    if (length == 1 && max_code_point < 256)
        return Ref<Object>::borrow(vm.pools().latin1_char(max_code_point));
    uint8_t target = kind_for(max_code_point);
    Ref<Str> s = str_allocate(vm, length, target, max_code_point < 128);
    if (!s)
        return nullptr;
    void* out = str_data(s.get());
    if (target == kind) {
        std::memcpy(out, data, length * kind);
    } else if (target == 1 && kind == 2) {
        convert_units(static_cast<uint8_t*>(out), static_cast<const uint16_t*>(data), length);
    } else if (target == 1) {
        convert_units(static_cast<uint8_t*>(out), static_cast<const uint32_t*>(data), length);
    } else if (target == 2 && kind == 4) {
        convert_units(static_cast<uint16_t*>(out), static_cast<const uint32_t*>(data), length);
    } else if (target == 2) {
        convert_units(static_cast<uint16_t*>(out), static_cast<const uint8_t*>(data), length);
    } else if (kind == 1) {
        convert_units(static_cast<uint32_t*>(out), static_cast<const uint8_t*>(data), length);
    } else {
        convert_units(static_cast<uint32_t*>(out), static_cast<const uint16_t*>(data), length);
    }
    return s;
}

Ref<Object> str_substring(VM& vm, Object* s, intptr_t start, intptr_t end) {
    const auto* str = static_cast<const Str*>(s);
    if (start == 0 && end == str->size && s->type == vm.types().str)
        return Ref<Object>::borrow(s);
    auto length = static_cast<size_t>(end - start);
    if (length == 0)
        return Ref<Object>::borrow(vm.pools().empty_str());
    if (str->kind != 1)
        return str_from_kind_data(
            vm, static_cast<const char*>(str_data(str)) + static_cast<size_t>(start) * str->kind,
            str->kind, length);
    const uint8_t* data = static_cast<const uint8_t*>(str_data(str)) + start;
    if (length == 1)
        return Ref<Object>::borrow(vm.pools().latin1_char(data[0]));
    Ref<Str> result = str_allocate(vm, length, 1, str->ascii || all_ascii(data, length));
    if (!result)
        return nullptr;
    copy_bytes(str_data(result.get()), data, length);
    return result;
}

Ref<Object> str_from_ascii(VM& vm, const char* text, size_t length) {
    if (length <= 1) {
        Object* pooled = length == 0 ? vm.pools().empty_str()
                                     : vm.pools().latin1_char(static_cast<uint8_t>(text[0]));
        if (pooled)
            return Ref<Object>::borrow(pooled);
    }
    Ref<Str> s = str_allocate(vm, length, 1, true);
    if (s)
        std::memcpy(str_data(s.get()), text, length);
    return s;
}

Ref<Object> str_from_i64(VM& vm, int64_t value) {
    char buffer[24];
    char* end = buffer + sizeof buffer;
    uint64_t magnitude =
        value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    char* first = write_decimal_digits(end, magnitude);
    if (value < 0)
        *--first = '-';
    return str_from_ascii(vm, first, static_cast<size_t>(end - first));
}

Ref<Object> str_from_char(VM& vm, uint32_t cp) {
    if (cp < 256)
        return Ref<Object>::borrow(vm.pools().latin1_char(cp));
    return str_from_kind_data(vm, &cp, 4, 1);
}

intptr_t str_find(const Object* haystack_object, const Object* needle_object, intptr_t start,
                  intptr_t end, bool reverse) {
    const auto* haystack = static_cast<const Str*>(haystack_object);
    const auto* needle = static_cast<const Str*>(needle_object);
    intptr_t m = needle->size;
    if (start > end || end - start < m)
        return -1;
    if (m == 0)
        return reverse ? end : start;
    if (needle->kind > haystack->kind)
        return -1;
    intptr_t found = with_common_kind(haystack, needle, [&](auto* h, auto* n) {
        return search_units(h + start, static_cast<size_t>(end - start), n, static_cast<size_t>(m),
                            reverse);
    });
    return found < 0 ? -1 : start + found;
}

intptr_t str_count(const Object* haystack_object, const Object* needle_object, intptr_t start,
                   intptr_t end, intptr_t limit) {
    const auto* haystack = static_cast<const Str*>(haystack_object);
    const auto* needle = static_cast<const Str*>(needle_object);
    intptr_t m = needle->size;
    if (start > end || end - start < m || needle->kind > haystack->kind || m == 0)
        return 0;
    return with_common_kind(haystack, needle, [&](auto* h, auto* n) {
        intptr_t count = 0;
        if (m == 1 && limit == INTPTR_MAX) {
            auto unit = n[0];
            return static_cast<intptr_t>(std::count(h + start, h + end, unit));
        }
        intptr_t at = start;
        while (count < limit) {
            intptr_t found = search_units(h + at, static_cast<size_t>(end - at), n,
                                          static_cast<size_t>(m), false);
            if (found < 0)
                break;
            ++count;
            at += found + m;
        }
        return count;
    });
}

bool str_matches_at(const Object* haystack_object, const Object* needle_object, intptr_t at) {
    const auto* haystack = static_cast<const Str*>(haystack_object);
    const auto* needle = static_cast<const Str*>(needle_object);
    if (needle->size == 0)
        return true;
    if (needle->kind > haystack->kind)
        return false;
    if (needle->kind == haystack->kind)
        return std::memcmp(static_cast<const char*>(str_data(haystack)) +
                               static_cast<size_t>(at) * haystack->kind,
                           str_data(needle), static_cast<size_t>(needle->size) * needle->kind) == 0;
    for (intptr_t i = 0; i < needle->size; ++i) {
        if (str_char_at(haystack, at + i) != str_char_at(needle, i))
            return false;
    }
    return true;
}

void str_copy_chars(Str* out, size_t at, const Str* s) {
    auto length = static_cast<size_t>(s->size);
    if (out->kind == s->kind) {
        std::memcpy(static_cast<char*>(str_data(out)) + at * out->kind, str_data(s),
                    length * s->kind);
        return;
    }
    with_str_data(s, [&](auto* in) {
        if (out->kind == 2)
            convert_units(static_cast<uint16_t*>(str_data(out)) + at, in, length);
        else
            convert_units(static_cast<uint32_t*>(str_data(out)) + at, in, length);
        return 0;
    });
}

Ref<Object> str_join_items(VM& vm, Object* separator, Object* const* items, size_t count) {
    if (count == 0)
        return Ref<Object>::borrow(vm.pools().empty_str());
    if (count == 1 && items[0]->type == vm.types().str)
        return Ref<Object>::borrow(items[0]);
    const auto* sep = static_cast<const Str*>(separator);
    size_t sep_length = sep && count > 1 ? static_cast<size_t>(sep->size) : 0;
    constexpr size_t limit = static_cast<size_t>(INTPTR_MAX) / 4;
    if (sep_length != 0 && count - 1 > limit / sep_length)
        return raise_overflow_error(vm, "join() result is too long for a Python string");
    size_t length = sep_length * (count - 1);
    uint8_t kind = sep_length ? sep->kind : 1;
    bool ascii = sep_length ? sep->ascii : true;
    for (size_t i = 0; i < count; ++i) {
        const auto* piece = static_cast<const Str*>(items[i]);
        length += static_cast<size_t>(piece->size);
        if (length > limit)
            return raise_overflow_error(vm, "join() result is too long for a Python string");
        kind = std::max(kind, piece->kind);
        ascii = ascii && piece->ascii;
    }
    if (length < 2) {
        // Pooled results: at most one piece holds a character.
        for (size_t i = 0; i < count; ++i) {
            const auto* piece = static_cast<const Str*>(items[i]);
            if (piece->size == 1)
                return str_from_char(vm, str_char_at(piece, 0));
        }
        return Ref<Object>::borrow(vm.pools().empty_str());
    }
    Ref<Str> out = str_allocate(vm, length, kind, ascii);
    if (!out)
        return nullptr;
    if (kind == 1) {
        // Every piece is 1-byte text (f-strings, lines): straight byte copies.
        auto* to = static_cast<char*>(str_data(out.get()));
        for (size_t i = 0; i < count; ++i) {
            if (i > 0 && sep_length != 0) {
                copy_bytes(to, str_data(sep), sep_length);
                to += sep_length;
            }
            const auto* piece = static_cast<const Str*>(items[i]);
            copy_bytes(to, str_data(piece), static_cast<size_t>(piece->size));
            to += piece->size;
        }
        return out;
    }
    size_t at = 0;
    for (size_t i = 0; i < count; ++i) {
        if (i > 0 && sep_length != 0) {
            str_copy_chars(out.get(), at, sep);
            at += sep_length;
        }
        const auto* piece = static_cast<const Str*>(items[i]);
        str_copy_chars(out.get(), at, piece);
        at += static_cast<size_t>(piece->size);
    }
    return out;
}

} // namespace minipy::vm
