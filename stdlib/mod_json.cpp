// The `json` module: the decoder (scanner) and the encoder in C++, the
// public API (dumps/loads/dump/load, JSONEncoder/JSONDecoder, JSONDecodeError) as Python compiled
// at import, following CPython 3.11's json package output and error messages exactly.
//
// Invariants: the scanner works on the code points of the document and reports positions in code
// points (as CPython's char offsets); nesting goes through the VM's recursion guard, so a deeply
// nested document raises RecursionError instead of overflowing the native stack.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "stdlib/builtins_support.h"
#include "stdlib/modules.h"
#include "vm/eval_helpers.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/thread_state.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

using Args = Object* const*;

// ====== Encoder helpers

// The JSON string literal of a str, quotes included; with ensure_ascii every non-ASCII code point
// becomes \uXXXX (a surrogate pair above the BMP), as CPython's c_encode_basestring(_ascii).
Ref<Object> encode_string(VM& vm, Object* text, bool ascii_only) {
    if (!is_str(text))
        return raise_type_error(vm, "first argument must be a string, not ", text->type->name);
    const Str* s = static_cast<const Str*>(text);
    std::string out;
    out.reserve(static_cast<size_t>(s->size) + 2);
    out.push_back('"');
    auto hex4 = [&out](uint32_t unit) {
        static constexpr char digits[] = "0123456789abcdef";
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4)
            out.push_back(digits[(unit >> shift) & 0xf]);
    };
    for (intptr_t i = 0; i < s->size; ++i) {
        uint32_t c = str_char_at(s, i);
        switch (c) {
        case '"':
            out.append("\\\"");
            continue;
        case '\\':
            out.append("\\\\");
            continue;
        case '\n':
            out.append("\\n");
            continue;
        case '\r':
            out.append("\\r");
            continue;
        case '\t':
            out.append("\\t");
            continue;
        case '\b':
            out.append("\\b");
            continue;
        case '\f':
            out.append("\\f");
            continue;
        default:
            break;
        }
        if (c < 0x20) {
            hex4(c);
        } else if (c < 0x7f || (c == 0x7f && !ascii_only)) {
            out.push_back(static_cast<char>(c));
        } else if (ascii_only) {
            if (c >= 0x10000) {
                uint32_t v = c - 0x10000;
                hex4(0xd800 | (v >> 10));
                hex4(0xdc00 | (v & 0x3ff));
            } else {
                hex4(c);
            }
        } else {
            // UTF-8 (lone surrogates as 3-byte sequences, which str_from_utf8 accepts).
            if (c < 0x800) {
                out.push_back(static_cast<char>(0xc0 | (c >> 6)));
                out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
            } else if (c < 0x10000) {
                out.push_back(static_cast<char>(0xe0 | (c >> 12)));
                out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
                out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
            } else {
                out.push_back(static_cast<char>(0xf0 | (c >> 18)));
                out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
                out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
                out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
            }
        }
    }
    out.push_back('"');
    return str_from_utf8(vm, out);
}

Ref<Object> json_encode_basestring_ascii(VM& vm, Object*, Args args, size_t, Object*) {
    return encode_string(vm, args[0], true);
}
Ref<Object> json_encode_basestring(VM& vm, Object*, Args args, size_t, Object*) {
    return encode_string(vm, args[0], false);
}

// ====== Encoder (CPython's c_make_encoder)

struct Encoder {
    VM& vm;
    Object* default_fn; // called for unknown types
    Object* indent;     // str or null
    std::string key_separator;
    std::string item_separator;
    bool sort_keys;
    bool skipkeys;
    bool allow_nan;
    bool ensure_ascii;
    bool check_circular;
    std::unordered_set<Object*> markers;
    std::string out;

    Status encode(Object* value, int level);
    Status encode_list(Object* value, int level);
    Status encode_dict(Object* value, int level);
    Status append_string(Object* text);
    Status append_float(Object* value);
    Status newline(int level);
    Status enter(Object* container);
    void leave(Object* container) {
        if (check_circular)
            markers.erase(container);
    }
};

Status Encoder::append_string(Object* text) {
    Ref<Object> encoded = encode_string(vm, text, ensure_ascii);
    if (!encoded)
        return Status::error;
    out += str_to_utf8(encoded.get());
    return Status::ok;
}

// float.__repr__, with NaN/Infinity spelled as JavaScript does (or ValueError without allow_nan).
Status Encoder::append_float(Object* value) {
    double d = float_value(value);
    if (!std::isfinite(d)) {
        if (!allow_nan)
            return raise_value_error(vm, "Out of range float values are not JSON compliant");
        out += std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        return Status::ok;
    }
    Ref<Object> exact =
        value->type == vm.types().float_ ? Ref<Object>::borrow(value) : float_new(vm, d);
    Ref<Object> text = exact ? object_repr(vm, exact.get()) : nullptr;
    if (!text)
        return Status::error;
    out += str_to_utf8(text.get());
    return Status::ok;
}

Status Encoder::newline(int level) {
    out.push_back('\n');
    std::string unit = str_to_utf8(indent);
    for (int i = 0; i < level; ++i)
        out += unit;
    return Status::ok;
}

Status Encoder::enter(Object* container) {
    if (!check_circular)
        return Status::ok;
    if (!markers.insert(container).second)
        return raise_value_error(vm, "Circular reference detected");
    return Status::ok;
}

Status Encoder::encode(Object* value, int level) {
    if (value == vm.none()) {
        out += "null";
    } else if (value == vm.true_()) {
        out += "true";
    } else if (value == vm.false_()) {
        out += "false";
    } else if (is_str(value)) {
        return append_string(value);
    } else if (is_int(value)) {
        std::string digits;
        if (!is_ok(int_to_text(vm, value, 10, digits)))
            return Status::error;
        out += digits;
    } else if (is_float(value)) {
        return append_float(value);
    } else if (is_list(value) || is_tuple(value)) {
        RecursionGuard guard(vm.thread_state(), " while encoding a JSON object");
        if (!guard.ok())
            return Status::error;
        return encode_list(value, level);
    } else if (is_dict(value)) {
        RecursionGuard guard(vm.thread_state(), " while encoding a JSON object");
        if (!guard.ok())
            return Status::error;
        return encode_dict(value, level);
    } else {
        RecursionGuard guard(vm.thread_state(), " while encoding a JSON object");
        if (!guard.ok() || !is_ok(enter(value)))
            return Status::error;
        Ref<Object> replacement = call_object(vm, default_fn, &value, 1);
        if (!replacement || !is_ok(encode(replacement.get(), level)))
            return Status::error;
        leave(value);
    }
    return Status::ok;
}

Status Encoder::encode_list(Object* value, int level) {
    Ref<Object> items = is_list(value) ? list_to_tuple(vm, value) : Ref<Object>::borrow(value);
    if (!items)
        return Status::error;
    intptr_t count = tuple_size(items.get());
    if (count == 0) {
        out += "[]";
        return Status::ok;
    }
    if (!is_ok(enter(value)))
        return Status::error;
    out.push_back('[');
    if (indent)
        (void)newline(level + 1);
    for (intptr_t i = 0; i < count; ++i) {
        if (i > 0) {
            out += item_separator;
            if (indent)
                (void)newline(level + 1);
        }
        if (!is_ok(encode(tuple_items(items.get())[i], level + 1)))
            return Status::error;
    }
    if (indent)
        (void)newline(level);
    out.push_back(']');
    leave(value);
    return Status::ok;
}

// A dict key as JSON text: str as is, float/int/bool/None converted; null Ref without an
// exception when skipkeys drops it. Raises TypeError "keys must be str, int, float, bool or None,
// not tuple".
Ref<Object> key_text(Encoder& e, Object* key) {
    VM& vm = e.vm;
    if (is_str(key))
        return Ref<Object>::borrow(key);
    std::string text;
    if (is_float(key)) {
        double d = float_value(key);
        if (!std::isfinite(d)) {
            if (!e.allow_nan)
                return raise_value_error(vm, "Out of range float values are not JSON compliant");
            text = std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        } else {
            Ref<Object> exact = float_new(vm, d);
            Ref<Object> repr = exact ? object_repr(vm, exact.get()) : nullptr;
            if (!repr)
                return nullptr;
            return repr;
        }
    } else if (key == vm.true_()) {
        text = "true";
    } else if (key == vm.false_()) {
        text = "false";
    } else if (key == vm.none()) {
        text = "null";
    } else if (is_int(key)) {
        if (!is_ok(int_to_text(vm, key, 10, text)))
            return nullptr;
    } else {
        if (e.skipkeys)
            return nullptr;
        return raise_type_error(vm, "keys must be str, int, float, bool or None, not ",
                                key->type->name);
    }
    return str_from_utf8(vm, text);
}

Status Encoder::encode_dict(Object* value, int level) {
    if (dict_size(value) == 0) {
        out += "{}";
        return Status::ok;
    }
    if (!is_ok(enter(value)))
        return Status::error;
    // Snapshot the items first: default() or __repr__ may mutate the dict.
    Ref<Object> items = list_new(vm, static_cast<size_t>(dict_size(value)));
    if (!items)
        return Status::error;
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* item = nullptr;
    while (dict_next(value, pos, &key, &item)) {
        Ref<Object> pair = tuple_pack(vm, {key, item});
        if (!pair || !is_ok(list_append(vm, items.get(), pair.get())))
            return Status::error;
    }
    if (sort_keys && !is_ok(sort_list(vm, items.get(), nullptr, false)))
        return Status::error;
    out.push_back('{');
    if (indent)
        (void)newline(level + 1);
    bool first = true;
    for (intptr_t i = 0; i < list_size(items.get()); ++i) {
        Object* pair = list_items(items.get())[i];
        Ref<Object> text = key_text(*this, tuple_items(pair)[0]);
        if (!text) {
            if (vm.thread_state().has_exception())
                return Status::error;
            continue; // skipkeys
        }
        if (!first) {
            out += item_separator;
            if (indent)
                (void)newline(level + 1);
        }
        first = false;
        if (!is_ok(append_string(text.get())))
            return Status::error;
        out += key_separator;
        if (!is_ok(encode(tuple_items(pair)[1], level + 1)))
            return Status::error;
    }
    if (indent)
        (void)newline(level);
    out.push_back('}');
    leave(value);
    return Status::ok;
}

Status truth(VM& vm, Object* value, bool& out) {
    int result = object_is_true(vm, value);
    if (result < 0)
        return Status::error;
    out = result == 1;
    return Status::ok;
}

// _encode(obj, default, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan,
// ensure_ascii, check_circular) -> str. indent is None or a str.
Ref<Object> json_encode(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 10)
        return raise_type_error(vm, "_encode expected 10 arguments, got ", nargs);
    if (args[2] != vm.none() && !is_str(args[2]))
        return raise_type_error(vm, "indent must be None or a str");
    if (!is_str(args[3]) || !is_str(args[4]))
        return raise_type_error(vm, "make_encoder() argument must be str");
    Encoder encoder{vm,
                    args[1],
                    args[2] == vm.none() ? nullptr : args[2],
                    str_to_utf8(args[3]),
                    str_to_utf8(args[4]),
                    false,
                    false,
                    false,
                    false,
                    false,
                    {},
                    {}};
    if (!is_ok(truth(vm, args[5], encoder.sort_keys)) ||
        !is_ok(truth(vm, args[6], encoder.skipkeys)) ||
        !is_ok(truth(vm, args[7], encoder.allow_nan)) ||
        !is_ok(truth(vm, args[8], encoder.ensure_ascii)) ||
        !is_ok(truth(vm, args[9], encoder.check_circular)))
        return nullptr;
    if (!is_ok(encoder.encode(args[0], 0)))
        return nullptr;
    return str_from_utf8(vm, encoder.out);
}

// ====== Decoder

struct Scanner {
    VM& vm;
    Object* error_class; // JSONDecodeError
    Object* document;    // the str being decoded
    std::vector<uint32_t> text;
    bool strict;
    Object* object_hook;
    Object* object_pairs_hook;
    Object* parse_float; // null: float
    Object* parse_int;   // null: int
    Object* parse_constant;

    size_t size() const { return text.size(); }
    uint32_t at(size_t i) const { return i < text.size() ? text[i] : 0; }

    // Raises JSONDecodeError(message, document, position).
    Raised fail(const char* message, size_t position) {
        Ref<Object> msg = str_from_utf8(vm, message);
        Ref<Object> pos = int_from_i64(vm, static_cast<int64_t>(position));
        if (!msg || !pos)
            return Raised{};
        Object* call_args[] = {msg.get(), document, pos.get()};
        Ref<Object> exception = call_object(vm, error_class, call_args, 3);
        if (!exception)
            return Raised{};
        return raise_object(vm, exception.get());
    }

    size_t skip_space(size_t i) const {
        while (i < size() &&
               (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            ++i;
        return i;
    }

    Ref<Object> parse_string(size_t begin, size_t& end);
    Ref<Object> parse_value(size_t i, size_t& end);
    Ref<Object> parse_object(size_t i, size_t& end);
    Ref<Object> parse_array(size_t i, size_t& end);
    Ref<Object> parse_number(size_t i, size_t& end, bool& matched);
    Ref<Object> constant(const char* name);
};

int hex_value(uint32_t c) {
    if (c >= '0' && c <= '9')
        return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f')
        return static_cast<int>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return static_cast<int>(c - 'A' + 10);
    return -1;
}

// The string whose opening quote is at begin - 1; end is set past the closing quote.
Ref<Object> Scanner::parse_string(size_t begin, size_t& end) {
    std::vector<uint32_t> chars;
    size_t i = begin;
    for (;;) {
        if (i >= size())
            return fail("Unterminated string starting at", begin - 1);
        uint32_t c = text[i];
        if (c == '"') {
            end = i + 1;
            break;
        }
        if (c != '\\') {
            if (c < 0x20 && strict)
                return fail("Invalid control character at", i);
            chars.push_back(c);
            ++i;
            continue;
        }
        ++i;
        if (i >= size())
            return fail("Unterminated string starting at", begin - 1);
        c = text[i];
        if (c != 'u') {
            uint32_t decoded = 0;
            switch (c) {
            case '"':
            case '\\':
            case '/':
                decoded = c;
                break;
            case 'b':
                decoded = '\b';
                break;
            case 'f':
                decoded = '\f';
                break;
            case 'n':
                decoded = '\n';
                break;
            case 'r':
                decoded = '\r';
                break;
            case 't':
                decoded = '\t';
                break;
            default:
                return fail("Invalid \\escape", i - 1);
            }
            chars.push_back(decoded);
            ++i;
            continue;
        }
        // \uXXXX, possibly the first half of a surrogate pair.
        auto read_hex = [&](size_t at, uint32_t& value) {
            if (at + 4 > size())
                return false;
            value = 0;
            for (size_t k = 0; k < 4; ++k) {
                int digit = hex_value(text[at + k]);
                if (digit < 0)
                    return false;
                value = value * 16 + static_cast<uint32_t>(digit);
            }
            return true;
        };
        uint32_t unit = 0;
        if (!read_hex(i + 1, unit))
            return fail("Invalid \\uXXXX escape", i);
        i += 5;
        if (unit >= 0xd800 && unit <= 0xdbff && at(i) == '\\' && at(i + 1) == 'u') {
            uint32_t low = 0;
            if (!read_hex(i + 2, low))
                return fail("Invalid \\uXXXX escape", i + 1);
            if (low >= 0xdc00 && low <= 0xdfff) {
                unit = 0x10000 + (((unit - 0xd800) << 10) | (low - 0xdc00));
                i += 6;
            }
        }
        chars.push_back(unit);
    }
    return str_from_code_points(vm, chars.data(), chars.size());
}

Ref<Object> Scanner::constant(const char* name) {
    if (parse_constant) {
        Ref<Object> text_object = str_from_utf8(vm, name);
        if (!text_object)
            return nullptr;
        Object* arg = text_object.get();
        return call_object(vm, parse_constant, &arg, 1);
    }
    double value = std::string_view(name) == "NaN"        ? std::nan("")
                   : std::string_view(name) == "Infinity" ? HUGE_VAL
                                                          : -HUGE_VAL;
    return float_new(vm, value);
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? at i; matched is false when there is none.
Ref<Object> Scanner::parse_number(size_t i, size_t& end, bool& matched) {
    size_t start = i;
    matched = false;
    if (at(i) == '-')
        ++i;
    if (at(i) == '0') {
        ++i;
    } else if (at(i) >= '1' && at(i) <= '9') {
        while (at(i) >= '0' && at(i) <= '9')
            ++i;
    } else {
        return nullptr;
    }
    bool is_float_number = false;
    if (at(i) == '.' && at(i + 1) >= '0' && at(i + 1) <= '9') {
        i += 2;
        while (at(i) >= '0' && at(i) <= '9')
            ++i;
        is_float_number = true;
    }
    if (at(i) == 'e' || at(i) == 'E') {
        size_t e = i + 1;
        if (at(e) == '-' || at(e) == '+')
            ++e;
        if (at(e) >= '0' && at(e) <= '9') {
            while (at(e) >= '0' && at(e) <= '9')
                ++e;
            i = e;
            is_float_number = true;
        }
    }
    matched = true;
    end = i;
    std::string number;
    for (size_t k = start; k < i; ++k)
        number.push_back(static_cast<char>(text[k]));
    Object* hook = is_float_number ? parse_float : parse_int;
    if (hook) {
        Ref<Object> text_object = str_from_utf8(vm, number);
        if (!text_object)
            return nullptr;
        Object* arg = text_object.get();
        return call_object(vm, hook, &arg, 1);
    }
    if (is_float_number)
        return float_new(vm, std::strtod(number.c_str(), nullptr));
    return int_from_text(vm, number, 10);
}

Ref<Object> Scanner::parse_object(size_t i, size_t& end) {
    RecursionGuard guard(vm.thread_state(), " while decoding a JSON object from a unicode string");
    if (!guard.ok())
        return nullptr;
    Ref<Object> pairs = object_pairs_hook ? list_new(vm) : nullptr;
    Ref<Object> dict = object_pairs_hook ? nullptr : dict_new(vm);
    if (!pairs && !dict)
        return nullptr;
    i = skip_space(i);
    if (at(i) != '"' || i >= size()) {
        if (at(i) != '}' || i >= size())
            return fail("Expecting property name enclosed in double quotes", i);
        ++i;
    } else {
        for (;;) {
            size_t after = 0;
            Ref<Object> key = parse_string(i + 1, after);
            if (!key)
                return nullptr;
            i = skip_space(after);
            if (at(i) != ':' || i >= size())
                return fail("Expecting ':' delimiter", i);
            i = skip_space(i + 1);
            Ref<Object> value = parse_value(i, after);
            if (!value)
                return nullptr;
            if (pairs) {
                Ref<Object> pair = tuple_pack(vm, {key.get(), value.get()});
                if (!pair || !is_ok(list_append(vm, pairs.get(), pair.get())))
                    return nullptr;
            } else if (!is_ok(dict_setitem(vm, dict.get(), key.get(), value.get()))) {
                return nullptr;
            }
            i = skip_space(after);
            if (at(i) == '}' && i < size()) {
                ++i;
                break;
            }
            if (at(i) != ',' || i >= size())
                return fail("Expecting ',' delimiter", i);
            i = skip_space(i + 1);
            if (at(i) != '"' || i >= size())
                return fail("Expecting property name enclosed in double quotes", i);
        }
    }
    end = i;
    if (pairs) {
        Object* arg = pairs.get();
        return call_object(vm, object_pairs_hook, &arg, 1);
    }
    if (object_hook) {
        Object* arg = dict.get();
        return call_object(vm, object_hook, &arg, 1);
    }
    return dict;
}

Ref<Object> Scanner::parse_array(size_t i, size_t& end) {
    RecursionGuard guard(vm.thread_state(), " while decoding a JSON array from a unicode string");
    if (!guard.ok())
        return nullptr;
    Ref<Object> list = list_new(vm);
    if (!list)
        return nullptr;
    i = skip_space(i);
    if (at(i) == ']' && i < size()) {
        end = i + 1;
        return list;
    }
    for (;;) {
        size_t after = 0;
        Ref<Object> value = parse_value(i, after);
        if (!value)
            return nullptr;
        if (!is_ok(list_append(vm, list.get(), value.get())))
            return nullptr;
        i = skip_space(after);
        if (at(i) == ']' && i < size()) {
            end = i + 1;
            return list;
        }
        if (at(i) != ',' || i >= size())
            return fail("Expecting ',' delimiter", i);
        i = skip_space(i + 1);
    }
}

bool matches(const std::vector<uint32_t>& text, size_t i, std::string_view word) {
    if (i + word.size() > text.size())
        return false;
    for (size_t k = 0; k < word.size(); ++k)
        if (text[i + k] != static_cast<unsigned char>(word[k]))
            return false;
    return true;
}

// One value starting exactly at i (CPython's scan_once); end is set past it.
Ref<Object> Scanner::parse_value(size_t i, size_t& end) {
    if (i >= size())
        return fail("Expecting value", i);
    switch (text[i]) {
    case '"':
        return parse_string(i + 1, end);
    case '{':
        return parse_object(i + 1, end);
    case '[':
        return parse_array(i + 1, end);
    case 'n':
        if (matches(text, i, "null")) {
            end = i + 4;
            return vm.new_none();
        }
        break;
    case 't':
        if (matches(text, i, "true")) {
            end = i + 4;
            return vm.new_bool(true);
        }
        break;
    case 'f':
        if (matches(text, i, "false")) {
            end = i + 5;
            return vm.new_bool(false);
        }
        break;
    case 'N':
        if (matches(text, i, "NaN")) {
            end = i + 3;
            return constant("NaN");
        }
        break;
    case 'I':
        if (matches(text, i, "Infinity")) {
            end = i + 8;
            return constant("Infinity");
        }
        break;
    case '-':
        if (matches(text, i, "-Infinity")) {
            end = i + 9;
            return constant("-Infinity");
        }
        break;
    default:
        break;
    }
    bool matched = false;
    Ref<Object> number = parse_number(i, end, matched);
    if (number || (matched && vm.thread_state().has_exception()))
        return number;
    return fail("Expecting value", i);
}

Object* optional(VM& vm, Object* value) {
    return value == vm.none() ? nullptr : value;
}

// _scan(error_class, s, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int,
// parse_constant) -> (value, end). Raises JSONDecodeError, RecursionError, what hooks raise.
Ref<Object> json_scan(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 9)
        return raise_type_error(vm, "_scan expected 9 arguments, got ", nargs);
    if (!is_str(args[1]))
        return raise_type_error(vm, "first argument must be a string, not ", args[1]->type->name);
    if (!is_int(args[2]))
        return raise_type_error(vm, "'", args[2]->type->name,
                                "' object cannot be interpreted as an integer");
    intptr_t index = 0;
    if (!is_ok(int_to_ssize(vm, args[2], index)))
        return nullptr;
    int strict = object_is_true(vm, args[3]);
    if (strict < 0)
        return nullptr;
    Scanner scanner{vm,
                    args[0],
                    args[1],
                    {},
                    strict == 1,
                    optional(vm, args[4]),
                    optional(vm, args[5]),
                    optional(vm, args[6]),
                    optional(vm, args[7]),
                    optional(vm, args[8])};
    const Str* s = static_cast<const Str*>(args[1]);
    scanner.text.resize(static_cast<size_t>(s->size));
    for (intptr_t i = 0; i < s->size; ++i)
        scanner.text[static_cast<size_t>(i)] = str_char_at(s, i);
    if (index < 0)
        return raise_value_error(vm, "idx cannot be negative");
    size_t end = 0;
    Ref<Object> value = scanner.parse_value(static_cast<size_t>(index), end);
    if (!value)
        return nullptr;
    Ref<Object> end_object = int_from_i64(vm, static_cast<int64_t>(end));
    if (!end_object)
        return nullptr;
    return tuple_pack(vm, {value.get(), end_object.get()});
}

constexpr MethodDef functions[] = {
    {"encode_basestring_ascii", json_encode_basestring_ascii, MethodKind::o, nullptr},
    {"encode_basestring", json_encode_basestring, MethodKind::o, nullptr},
    {"_scan", json_scan, MethodKind::fastcall, nullptr},
    {"_encode", json_encode, MethodKind::fastcall, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// The Python half: JSONDecodeError, JSONDecoder, JSONEncoder and the module functions.
constexpr std::string_view json_source = R"PYSRC(
__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]

_INFINITY = float("inf")
try:
    _BYTES_TYPES = (bytes, bytearray)
except NameError:
    _BYTES_TYPES = (bytes,)


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = (msg + ": line " + str(lineno) + " column " + str(colno) +
                  " (char " + str(pos) + ")")
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        end = len(s)
        i = 0
        while i < end and s[i] in " \t\n\r":
            i += 1
        obj, i = self.raw_decode(s, i)
        while i < end and s[i] in " \t\n\r":
            i += 1
        if i != end:
            raise JSONDecodeError("Extra data", s, i)
        return obj

    def raw_decode(self, s, idx=0):
        parse_float = self.parse_float
        if parse_float is float:
            parse_float = None
        parse_int = self.parse_int
        if parse_int is int:
            parse_int = None
        try:
            return _scan(JSONDecodeError, s, idx, self.strict, self.object_hook,
                         self.object_pairs_hook, parse_float, parse_int, self.parse_constant)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None


class JSONEncoder:
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type " + o.__class__.__name__ + " is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return self._encode_all(o)

    def iterencode(self, o, _one_shot=False):
        return iter([self._encode_all(o)])

    def _encode_all(self, o):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        return _encode(o, self.default, indent, self.key_separator, self.item_separator,
                       self.sort_keys, self.skipkeys, self.allow_nan, self.ensure_ascii,
                       self.check_circular)


_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
               check_circular=check_circular, allow_nan=allow_nan, indent=indent,
               separators=separators, default=default, sort_keys=sort_keys,
               **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                   check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                   separators=separators, default=default, sort_keys=sort_keys,
                   **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)


def detect_encoding(b):
    bstartswith = b.startswith
    if bstartswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if bstartswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if bstartswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if len(b) >= 4:
        if not b[0]:
            return "utf-16-be" if b[1] else "utf-32-be"
        if not b[1]:
            return "utf-16-le" if b[2] or b[3] else "utf-32-le"
    elif len(b) == 2:
        if not b[0]:
            return "utf-16-be"
        if not b[1]:
            return "utf-16-le"
    return "utf-8"


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith("\ufeff"):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, _BYTES_TYPES):
            raise TypeError("the JSON object must be str, bytes or bytearray, not " +
                            s.__class__.__name__)
        s = s.decode(detect_encoding(s), "surrogatepass")
    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw["object_hook"] = object_hook
    if object_pairs_hook is not None:
        kw["object_pairs_hook"] = object_pairs_hook
    if parse_float is not None:
        kw["parse_float"] = parse_float
    if parse_int is not None:
        kw["parse_int"] = parse_int
    if parse_constant is not None:
        kw["parse_constant"] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)
)PYSRC";

// json.decoder and json.encoder: modules holding the same classes, registered in sys.modules
// and as attributes of json, for code that imports them by those names.
bool add_submodule(Runtime& rt, Object* module, const char* attribute, const char* full_name,
                   std::initializer_list<const char*> names) {
    VM& vm = rt.vm();
    Ref<Object> sub = module_new(rt, full_name);
    Ref<Object> key = str_from_utf8(vm, full_name);
    if (!sub || !key)
        return false;
    for (const char* name : names) {
        Ref<Object> name_object = intern(vm, name);
        Object* value = nullptr;
        if (!name_object ||
            dict_lookup(vm, static_cast<Module*>(module)->dict, name_object.get(), &value) < 0)
            return false;
        if (value && !add_object(rt, sub.get(), name, value))
            return false;
    }
    return add_object(rt, module, attribute, sub.get()) &&
           is_ok(dict_setitem(vm, rt.modules(), key.get(), sub.get()));
}

} // namespace

bool init_json_module(Runtime& rt, Object* module) {
    if (!add_functions(rt, module, functions) ||
        !exec_source(rt, json_source, "<frozen json>", static_cast<Module*>(module)->dict))
        return false;
    return add_submodule(rt, module, "decoder", "json.decoder",
                         {"JSONDecoder", "JSONDecodeError"}) &&
           add_submodule(rt, module, "encoder", "json.encoder",
                         {"JSONEncoder", "encode_basestring", "encode_basestring_ascii"});
}

} // namespace minipy::stdlib
