// str. Representation: CPython's PEP 393 layout. Each string stores its code points in the smallest
// unit that holds the largest one (1, 2 or 4 bytes), right after the header, with its length and a
// cached hash. Why: Python indexes strings by code point, and s[i], len(s) and slicing are O(1)
// here, where UTF-8 would need an index side table; most program text is ASCII, so the 1-byte form
// keeps memory and hashing as cheap as UTF-8, and for ASCII the data *is* UTF-8 (printing copies
// it).
//
// Invariants:
//  - kind is minimal (a 2-byte string has a code point >= 256, a 4-byte one >= 65536), so equal
//    strings have identical bytes and hash alike;
//  - `ascii` is true exactly when every code point is < 128;
//  - the data ends with one zero unit (not counted in size);
//  - the hash is XXH3 (xxHash, a maintained library) keyed by the VM's seed (PYTHONHASHSEED);
//  - empty and one-character Latin-1 strings come from the VM's pools; interned strings have
//    `interned` set, and two interned strings are equal only if they are the same object;
//  - lone surrogates (U+D800..U+DFFF) are valid code points, as in Python.
#include "vm/types/str.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "compiler/literals.h"
#include "gc/alloc.h"
#include "vm/format.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/range.h"
#include "vm/types/seq_index.h"
#include "vm/types/seq_iterator.h"
#include "vm/types/str_kind.h"
#include "vm/types/str_methods.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

Str* as_str(Object* object) {
    return static_cast<Str*>(object);
}
const Str* as_str(const Object* object) {
    return static_cast<const Str*>(object);
}

// A fresh string of `length` code points of `kind`, data to be written by the caller.
Ref<Str> allocate_str(VM& vm, size_t length, uint8_t kind, bool ascii) {
    return str_allocate(vm, length, kind, ascii);
}

void write_char(Str* s, size_t index, uint32_t code_point) {
    void* data = str_data(s);
    switch (s->kind) {
    case 1:
        static_cast<uint8_t*>(data)[index] = static_cast<uint8_t>(code_point);
        break;
    case 2:
        static_cast<uint16_t*>(data)[index] = static_cast<uint16_t>(code_point);
        break;
    default:
        static_cast<uint32_t*>(data)[index] = code_point;
    }
}

// Decodes one UTF-8 sequence at text[i] (surrogates allowed); returns its length or 0 if invalid.
size_t decode_utf8(std::string_view text, size_t i, uint32_t& code_point) {
    auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
    uint8_t lead = byte(i);
    size_t need = 0;
    uint32_t minimum = 0;
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        need = 1;
        code_point = lead & 0x1Fu;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        need = 2;
        code_point = lead & 0x0Fu;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        need = 3;
        code_point = lead & 0x07u;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + need >= text.size())
        return 0;
    for (size_t k = 1; k <= need; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        code_point = (code_point << 6) | (byte(i + k) & 0x3Fu);
    }
    if (code_point < minimum || code_point > 0x10FFFF)
        return 0;
    return need + 1;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

uint8_t kind_for(uint32_t max_code_point) {
    return max_code_point < 256 ? 1 : max_code_point < 65536 ? 2 : 4;
}

// ====== Slots

Ref<Object> str_str(VM& vm, Object* self) {
    if (self->type == vm.types().str)
        return Ref<Object>::borrow(self);
    return str_from_kind_data(vm, str_data(as_str(self)), as_str(self)->kind,
                              static_cast<size_t>(as_str(self)->size));
}

int64_t str_hash_slot(VM& vm, Object* self) {
    return str_hash_value(vm, self);
}

Ref<Object> str_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (!is_str(other))
        return vm.new_not_implemented();
    if (op == CompareOp::eq || op == CompareOp::ne) {
        bool equal = str_equal(self, other);
        return vm.new_bool(op == CompareOp::eq ? equal : !equal);
    }
    int c = str_compare(self, other);
    bool result = op == CompareOp::lt   ? c < 0
                  : op == CompareOp::le ? c <= 0
                  : op == CompareOp::gt ? c > 0
                                        : c >= 0;
    return vm.new_bool(result);
}

intptr_t str_len(VM&, Object* self) {
    return as_str(self)->size;
}

Ref<Object> str_getitem(VM& vm, Object* self, Object* key) {
    // A bare VM (no Runtime, as in the gc/ unit tests) has no slice type.
    if (Runtime* rt = vm.runtime(); rt && key->type == rt->types().slice) {
        intptr_t start = 0, stop = 0, step = 0, count = 0;
        if (!is_ok(slice_indices(vm, key, as_str(self)->size, start, stop, step, count)))
            return nullptr;
        if (step == 1)
            return str_substring(vm, self, start, start + count);
        return with_str_data(as_str(self), [&](auto* data) {
            using Unit = std::remove_const_t<std::remove_pointer_t<decltype(data)>>;
            std::vector<Unit> picked(static_cast<size_t>(count));
            for (intptr_t i = 0, at = start; i < count; ++i, at += step)
                picked[static_cast<size_t>(i)] = data[at];
            return str_from_kind_data(vm, picked.data(), sizeof(Unit), picked.size());
        });
    }
    Ref<Object> converted; // key.__index__()
    key = subscript_int(vm, key, converted, "string indices must be integers, not '", "'");
    if (!key)
        return nullptr;
    intptr_t index = 0;
    if (!is_ok(int_to_ssize(vm, key, index)))
        return raise_index_error(vm, "cannot fit 'int' into an index-sized integer");
    intptr_t length = as_str(self)->size;
    if (index < 0)
        index += length;
    if (index < 0 || index >= length)
        return raise_index_error(vm, "string index out of range");
    return str_from_char(vm, str_char_at(as_str(self), index));
}

int str_contains(VM& vm, Object* self, Object* item) {
    if (!is_str(item)) {
        (void)raise_type_error(vm, "'in <string>' requires string as left operand, not ",
                               item->type->name);
        return -1;
    }
    return str_find(self, item, 0, str_length(self), false) >= 0;
}

Ref<Object> str_add(VM& vm, Object* left, Object* right) {
    if (!is_str(left) || !is_str(right)) {
        if (is_str(left))
            return raise_type_error(vm, "can only concatenate str (not \"", right->type->name,
                                    "\") to str");
        return vm.new_not_implemented();
    }
    return str_concat(vm, left, right);
}

Ref<Object> str_mul(VM& vm, Object* left, Object* right) {
    Object* text = is_str(left) ? left : right;
    Object* count_object = is_str(left) ? right : left;
    if (!is_str(text) || !is_int(count_object))
        return vm.new_not_implemented();
    intptr_t count = 0;
    if (!is_ok(int_to_ssize(vm, count_object, count)))
        return raise_overflow_error(vm, "cannot fit 'int' into an index-sized integer");
    const Str* s = as_str(text);
    if (count <= 0 || s->size == 0)
        return Ref<Object>::borrow(vm.pools().empty_str());
    if (count == 1 && text->type == vm.types().str)
        return Ref<Object>::borrow(text);
    if (s->size > INTPTR_MAX / count)
        return raise_overflow_error(vm, "repeated string is too long");
    size_t length = static_cast<size_t>(s->size) * static_cast<size_t>(count);
    Ref<Str> result = allocate_str(vm, length, s->kind, s->ascii);
    if (!result)
        return nullptr;
    size_t unit = static_cast<size_t>(s->size) * s->kind;
    auto* out = static_cast<char*>(str_data(result.get()));
    for (intptr_t i = 0; i < count; ++i)
        std::memcpy(out + static_cast<size_t>(i) * unit, str_data(s), unit);
    return result;
}

// ====== Iterator

struct StrIterator : Object {
    Object* string; // owned, null when exhausted
    intptr_t index;
};

int str_iterator_traverse(Object* self, VisitFn visit, void* arg) {
    Object* s = static_cast<StrIterator*>(self)->string;
    return s ? visit(s, arg) : 0;
}
void str_iterator_clear(Object* self) {
    set_ref(static_cast<StrIterator*>(self)->string, nullptr);
}
void str_iterator_dealloc(Object* self) {
    str_iterator_clear(self);
    vm_of(self).heap().release(self);
}
Ref<Object> str_iterator_next(VM& vm, Object* self) {
    auto* it = static_cast<StrIterator*>(self);
    if (!it->string)
        return nullptr;
    if (it->index >= as_str(it->string)->size) {
        set_ref(it->string, nullptr);
        return nullptr;
    }
    return str_from_char(vm, str_char_at(as_str(it->string), it->index++));
}
Ref<Object> str_iter(VM& vm, Object* self) {
    Ref<StrIterator> it = allocate_object<StrIterator>(vm, vm.types().str_iterator);
    if (!it)
        return nullptr;
    incref(self);
    it->string = self;
    return it;
}

// ====== printf-style formatting

Ref<Object> str_mod(VM& vm, Object* left, Object* right) {
    if (!is_str(left))
        return vm.new_not_implemented();
    // CPython's writer hands back a format without '%' itself, a subclass instance too, when no
    // argument is left over (an empty tuple or a mapping).
    if (left->type != vm.types().str &&
        ((is_tuple(right) && tuple_size(right) == 0) || is_dict(right))) {
        bool has_percent = false;
        for (intptr_t i = 0; i < str_length(left) && !has_percent; ++i)
            has_percent = str_char_at(static_cast<Str*>(left), i) == '%';
        if (!has_percent)
            return Ref<Object>::borrow(left);
    }
    return percent_format(vm, left, right, false);
}

} // namespace

// ====== Public functions

bool is_str(const Object* object) {
    return has_flag(object->type, type_str_subclass);
}

uint32_t str_char_at(const Str* s, intptr_t index) {
    const void* data = str_data(s);
    switch (s->kind) {
    case 1:
        return static_cast<const uint8_t*>(data)[index];
    case 2:
        return static_cast<const uint16_t*>(data)[index];
    default:
        return static_cast<const uint32_t*>(data)[index];
    }
}

Ref<Object> str_from_utf8(VM& vm, std::string_view utf8) {
    // Most text is ASCII: one scan, one copy.
    uint8_t high_bits = 0;
    for (char c : utf8)
        high_bits |= static_cast<uint8_t>(c);
    if (high_bits < 0x80) {
        if (utf8.empty() && vm.pools().empty_str())
            return Ref<Object>::borrow(vm.pools().empty_str());
        if (utf8.size() == 1 && vm.pools().latin1_char(static_cast<uint8_t>(utf8[0])))
            return Ref<Object>::borrow(vm.pools().latin1_char(static_cast<uint8_t>(utf8[0])));
        Ref<Str> s = str_allocate(vm, utf8.size(), 1, true);
        if (s)
            std::memcpy(str_data(s.get()), utf8.data(), utf8.size());
        return s;
    }
    size_t length = 0;
    uint32_t max_code_point = 0;
    for (size_t i = 0; i < utf8.size();) {
        uint32_t cp = 0;
        size_t used = decode_utf8(utf8, i, cp);
        if (used == 0)
            return raise_message(
                vm, vm.exceptions().UnicodeDecodeError,
                detail::concat("'utf-8' codec can't decode byte 0x",
                               "0123456789abcdef"[static_cast<uint8_t>(utf8[i]) >> 4],
                               "0123456789abcdef"[utf8[i] & 0xF], " in position ", i,
                               ": invalid start byte"));
        max_code_point = std::max(max_code_point, cp);
        ++length;
        i += used;
    }
    if (length == 0 && vm.pools().empty_str())
        return Ref<Object>::borrow(vm.pools().empty_str());
    if (length == 1 && vm.pools().latin1_char(max_code_point))
        return Ref<Object>::borrow(vm.pools().latin1_char(max_code_point));
    uint8_t kind = kind_for(max_code_point);
    Ref<Str> s = allocate_str(vm, length, kind, max_code_point < 128);
    if (!s)
        return nullptr;
    if (max_code_point < 128) {
        std::memcpy(str_data(s.get()), utf8.data(), length);
        return s;
    }
    size_t index = 0;
    for (size_t i = 0; i < utf8.size();) {
        uint32_t cp = 0;
        i += decode_utf8(utf8, i, cp);
        write_char(s.get(), index++, cp);
    }
    return s;
}

Ref<Object> str_from_code_points(VM& vm, const uint32_t* code_points, size_t count) {
    uint32_t max_code_point = 0;
    for (size_t i = 0; i < count; ++i)
        max_code_point = std::max(max_code_point, code_points[i]);
    if (max_code_point > 0x10FFFF)
        return raise_value_error(vm, "chr() arg not in range(0x110000)");
    if (count == 0 && vm.pools().empty_str())
        return Ref<Object>::borrow(vm.pools().empty_str());
    if (count == 1 && vm.pools().latin1_char(max_code_point))
        return Ref<Object>::borrow(vm.pools().latin1_char(max_code_point));
    Ref<Str> s = allocate_str(vm, count, kind_for(max_code_point), max_code_point < 128);
    if (!s)
        return nullptr;
    for (size_t i = 0; i < count; ++i)
        write_char(s.get(), i, code_points[i]);
    return s;
}

Ref<Object> str_intern_text(VM& vm, std::string_view utf8) {
    Ref<Object> s = str_from_utf8(vm, utf8);
    if (!s)
        return nullptr;
    return vm.pools().intern(vm, std::move(s));
}

std::string str_to_utf8(const Object* object) {
    const Str* s = as_str(object);
    if (s->ascii)
        return std::string(static_cast<const char*>(str_data(s)), static_cast<size_t>(s->size));
    std::string out;
    out.reserve(static_cast<size_t>(s->size) * 2);
    for (intptr_t i = 0; i < s->size; ++i)
        append_utf8(out, str_char_at(s, i));
    return out;
}

std::string_view str_ascii_view(const Object* object) {
    const Str* s = as_str(object);
    if (!s->ascii)
        return {};
    return {static_cast<const char*>(str_data(s)), static_cast<size_t>(s->size)};
}

bool str_equal(const Object* left, const Object* right) {
    if (left == right)
        return true;
    const Str* a = as_str(left);
    const Str* b = as_str(right);
    if (a->interned && b->interned)
        return false;
    if (a->size != b->size || a->kind != b->kind)
        return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
        return false;
    return std::memcmp(str_data(a), str_data(b), static_cast<size_t>(a->size) * a->kind) == 0;
}

int str_compare(const Object* left, const Object* right) {
    const Str* a = as_str(left);
    const Str* b = as_str(right);
    intptr_t n = std::min(a->size, b->size);
    if (a->kind == 1 && b->kind == 1) {
        int c = std::memcmp(str_data(a), str_data(b), static_cast<size_t>(n));
        if (c != 0)
            return c < 0 ? -1 : 1;
    } else {
        for (intptr_t i = 0; i < n; ++i) {
            uint32_t x = str_char_at(a, i);
            uint32_t y = str_char_at(b, i);
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    return (a->size > b->size) - (a->size < b->size);
}

int64_t hash_bytes(VM& vm, const void* data, size_t length) {
    auto hash = static_cast<int64_t>(XXH3_64bits_withSeed(data, length, vm.hash_seed()));
    return hash == -1 ? -2 : hash;
}

int64_t str_hash_value(VM& vm, Object* object) {
    Str* s = as_str(object);
    if (s->hash == -1)
        s->hash = hash_bytes(vm, str_data(s), static_cast<size_t>(s->size) * s->kind);
    return s->hash;
}

Ref<Object> str_concat(VM& vm, Object* left, Object* right) {
    const Str* a = as_str(left);
    const Str* b = as_str(right);
    if (b->size == 0 && left->type == vm.types().str)
        return Ref<Object>::borrow(left);
    if (a->size == 0 && right->type == vm.types().str)
        return Ref<Object>::borrow(right);
    if (a->size > INTPTR_MAX - b->size)
        return raise_overflow_error(vm, "strings are too large to concat");
    uint8_t kind = std::max(a->kind, b->kind);
    size_t length = static_cast<size_t>(a->size + b->size);
    Ref<Str> s = allocate_str(vm, length, kind, a->ascii && b->ascii);
    if (!s)
        return nullptr;
    if (a->kind == kind && b->kind == kind) {
        std::memcpy(str_data(s.get()), str_data(a), static_cast<size_t>(a->size) * kind);
        std::memcpy(static_cast<char*>(str_data(s.get())) + static_cast<size_t>(a->size) * kind,
                    str_data(b), static_cast<size_t>(b->size) * kind);
        return s;
    }
    for (intptr_t i = 0; i < a->size; ++i)
        write_char(s.get(), static_cast<size_t>(i), str_char_at(a, i));
    for (intptr_t i = 0; i < b->size; ++i)
        write_char(s.get(), static_cast<size_t>(a->size + i), str_char_at(b, i));
    return s;
}

Ref<Object> str_repr(VM& vm, Object* self) {
    return str_from_utf8(vm, compiler::repr_str(str_to_utf8(self)));
}

namespace {
Ref<Object> empty_str(VM& vm) {
    return str_from_utf8(vm, "");
}
using StrIteratorMethods =
    SeqIteratorMethods<StrIterator, &StrIterator::string, str_length, empty_str>;

// An exact str is never tracked and has no GcHead: off the refchain and freed without the
// generic checks. A subclass instance (its solid base's dealloc ends here) goes the general way.
void str_dealloc(Object* self) {
    VM& vm = vm_of(self);
    if (self->type != vm.types().str) {
        vm.heap().release(self);
        return;
    }
    vm.heap().forget_untracked(self);
    auto* s = static_cast<Str*>(self);
    gc::mem_free_sized(self, sizeof(Str) + static_cast<size_t>(s->size + 1) * s->kind);
}
} // namespace

bool init_str_type(VM& vm) {
    TypeSpec spec{};
    spec.name = "str";
    spec.basic_size = sizeof(Str);
    spec.item_size = 1; // bytes: kind * (size + 1)
    spec.flags = type_base_type | type_str_subclass;
    TypeSlots& s = spec.slots;
    s.dealloc = str_dealloc;
    s.repr = str_repr;
    s.str = str_str;
    s.hash = str_hash_slot;
    s.richcompare = str_richcompare;
    s.len = str_len;
    s.getitem = str_getitem;
    s.contains = str_contains;
    s.add = str_add;
    s.mul = str_mul;
    s.iter = str_iter;
    s.mod = str_mod;
    spec.methods = str_method_table;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    vm.types().str = type.release();

    TypeSpec iterator{};
    iterator.name = "str_iterator";
    iterator.basic_size = sizeof(StrIterator);
    iterator.flags = type_has_gc;
    iterator.slots.dealloc = str_iterator_dealloc;
    iterator.slots.traverse = str_iterator_traverse;
    iterator.slots.clear = str_iterator_clear;
    iterator.slots.iter = iter_self;
    iterator.slots.next = str_iterator_next;
    iterator.methods = StrIteratorMethods::methods;
    Ref<Type> iterator_type = make_type(vm, iterator);
    if (!iterator_type)
        return false;
    vm.types().str_iterator = iterator_type.release();
    return true;
}

} // namespace minipy::vm
