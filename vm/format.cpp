// The format-spec mini-language for int, float and str. See vm/format.h.
#include "vm/format.h"

#include <gmp.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/bytes.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/str.h"
#include "vm/types/str_kind.h"
#include "vm/types/str_methods.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

struct Spec {
    uint32_t fill = ' ';
    bool fill_given = false; // an explicit fill character (else '0' with the zero flag, or ' ')
    char align = 0;          // '<', '>', '^', '=' or 0
    char sign = 0;
    bool no_negative_zero = false; // 'z' (PEP 682)
    bool alternate = false;
    bool zero = false;
    long width = -1;
    char grouping = 0;
    long precision = -1;
    char type = 0;          // the presentation type; 0x7f for one outside ASCII
    uint32_t type_code = 0; // the presentation type as the code point written
};

// How CPython names a presentation type or separator in its messages: 'x', or '\\xe9' outside
// printable ASCII.
std::string code_text(uint32_t code) {
    if (code > 32 && code < 128)
        return std::string(1, static_cast<char>(code));
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "\\x%x", static_cast<unsigned>(code));
    return buffer;
}

// Reads the code point at text[i] (UTF-8) and moves i past it.
uint32_t next_code_point(std::string_view text, size_t& i) {
    auto lead = static_cast<unsigned char>(text[i]);
    size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    n = std::min(n, text.size() - i);
    uint32_t cp = n > 1 ? lead & (0x3Fu >> (n - 1)) : lead;
    for (size_t k = 1; k < n; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    i += n;
    return cp;
}

enum class SpecError { none, invalid, message };

// Parses a format spec as CPython's parse_internal_render_format_spec, with its checks and their
// order; `message` gets the text of a SpecError::message. Without a type, the type is
// default_type ('d' for int, 's' for str, 0 for float).
SpecError parse_spec(std::string_view text, char default_type, Spec& spec, std::string& message) {
    size_t i = 0;
    auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
    // The fill is one character: its UTF-8 bytes (the spec is UTF-8 text).
    auto lead = text.empty() ? 0u : static_cast<unsigned char>(text[0]);
    size_t fill_bytes = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (text.size() > fill_bytes && is_align(text[fill_bytes])) {
        uint32_t fill = fill_bytes == 1 ? lead : lead & (0x7Fu >> fill_bytes);
        for (size_t k = 1; k < fill_bytes; ++k)
            fill = (fill << 6) | (static_cast<unsigned char>(text[k]) & 0x3Fu);
        spec.fill = fill;
        spec.fill_given = true;
        spec.align = text[fill_bytes];
        i = fill_bytes + 1;
    } else if (!text.empty() && is_align(text[0])) {
        spec.align = text[0];
        i = 1;
    }
    if (i < text.size() && (text[i] == '+' || text[i] == '-' || text[i] == ' '))
        spec.sign = text[i++];
    if (i < text.size() && text[i] == 'z') {
        spec.no_negative_zero = true;
        ++i;
    }
    if (i < text.size() && text[i] == '#') {
        spec.alternate = true;
        ++i;
    }
    if (i < text.size() && text[i] == '0') {
        spec.zero = true; // pad() fills with '0' unless a fill is given
        ++i;
    }
    // A decimal number; false when it does not fit a Py_ssize_t.
    auto read_number = [&](long& out, bool& any) {
        long value = 0;
        any = false;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            long digit = text[i] - '0';
            if (value > (std::numeric_limits<long>::max() - digit) / 10)
                return false;
            value = value * 10 + digit;
            any = true;
        }
        out = value;
        return true;
    };
    long number = 0;
    bool any = false;
    if (!read_number(number, any)) {
        message = "Too many decimal digits in format string";
        return SpecError::message;
    }
    if (any)
        spec.width = number;
    if (i < text.size() && text[i] == ',') {
        spec.grouping = ',';
        ++i;
    }
    if (i < text.size() && text[i] == '_') {
        if (spec.grouping) {
            message = "Cannot specify both ',' and '_'.";
            return SpecError::message;
        }
        spec.grouping = '_';
        ++i;
    }
    if (i < text.size() && text[i] == ',' && spec.grouping == '_') {
        message = "Cannot specify both ',' and '_'.";
        return SpecError::message;
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (!read_number(number, any)) {
            message = "Too many decimal digits in format string";
            return SpecError::message;
        }
        if (!any) {
            message = "Format specifier missing precision";
            return SpecError::message;
        }
        spec.precision = number;
    }
    if (i < text.size()) {
        uint32_t type = next_code_point(text, i);
        if (i < text.size())
            return SpecError::invalid;
        spec.type_code = type;
        spec.type = type < 128 ? static_cast<char>(type) : '\x7f'; // never a valid type
    } else {
        spec.type = default_type;
        spec.type_code = static_cast<unsigned char>(default_type);
    }
    if (spec.grouping) {
        char t = spec.type;
        bool ok = t == 'd' || t == 'e' || t == 'f' || t == 'g' || t == 'E' || t == 'G' ||
                  t == '%' || t == 'F' || t == 0 ||
                  (spec.grouping == '_' && (t == 'b' || t == 'o' || t == 'x' || t == 'X'));
        if (!ok) {
            message = std::string("Cannot specify '") + spec.grouping + "' with '" +
                      code_text(spec.type_code) + "'.";
            return SpecError::message;
        }
    }
    return SpecError::none;
}

[[nodiscard]] Ref<Object> unknown_format_code(VM& vm, const Spec& spec, Object* value) {
    return raise_value_error(vm, "Unknown format code '", code_text(spec.type_code),
                             "' for object of type '", value->type->name, "'");
}

// Puts a separator between groups of `every` digits from the right. While the digits and
// separators are narrower than min_width (zero padding: '0' fill with '=' alignment), more groups
// of zeros follow, so the padding is grouped too ('0,001,800'), as CPython does.
std::string group_digits(const std::string& digits, char separator, size_t every,
                         long min_width = 0) {
    std::string reversed;
    long remaining = static_cast<long>(digits.size());
    long width_left = min_width;
    size_t next = digits.size();
    for (bool first = true;; first = false) {
        long take = std::min(static_cast<long>(every), std::max({remaining, width_left, 1L}));
        long taken = std::min(remaining, take);
        if (!first)
            reversed.push_back(separator);
        for (long k = 0; k < taken; ++k)
            reversed.push_back(digits[--next]);
        reversed.append(static_cast<size_t>(take - taken), '0');
        remaining -= taken;
        width_left -= take;
        if (remaining <= 0 && width_left <= 0)
            break;
        --width_left; // the separator
    }
    return std::string(reversed.rbegin(), reversed.rend());
}

// Zero padding goes inside the digit grouping: the width the grouped digits must reach.
long grouped_min_width(const Spec& spec, size_t other_chars) {
    char align = spec.align ? spec.align : (spec.zero ? '=' : '>');
    uint32_t fill = spec.fill_given ? spec.fill : (spec.zero ? '0' : ' ');
    if (align != '=' || fill != '0' || spec.width <= 0)
        return 0;
    return spec.width - static_cast<long>(other_chars);
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

size_t utf8_length(const std::string& text) {
    size_t n = 0;
    for (char c : text)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Pads body (after an optional sign/prefix) to the width.
std::string pad(const Spec& spec, const std::string& prefix, const std::string& body,
                char default_align) {
    char align = spec.align ? spec.align : (spec.zero ? '=' : default_align);
    uint32_t fill = spec.fill_given ? spec.fill : (spec.zero ? '0' : ' ');
    size_t length = utf8_length(prefix) + utf8_length(body);
    size_t width = spec.width > 0 ? static_cast<size_t>(spec.width) : 0;
    if (length >= width)
        return prefix + body;
    size_t missing = width - length;
    std::string fill_text;
    auto fills = [&](size_t n) {
        std::string text;
        for (size_t i = 0; i < n; ++i)
            append_utf8(text, fill);
        return text;
    };
    switch (align) {
    case '<':
        return prefix + body + fills(missing);
    case '^':
        return fills(missing / 2) + prefix + body + fills(missing - missing / 2);
    case '=':
        return prefix + fills(missing) + body;
    default:
        return fills(missing) + prefix + body;
    }
}

std::string sign_text(const Spec& spec, bool negative) {
    if (negative)
        return "-";
    if (spec.sign == '+')
        return "+";
    if (spec.sign == ' ')
        return " ";
    return "";
}

Ref<Object> format_int(VM& vm, Object* value, const Spec& spec) {
    char type = spec.type ? spec.type : 'd';
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    if (spec.precision >= 0)
        return raise_value_error(vm, "Precision not allowed in integer format specifier");
    if (spec.no_negative_zero)
        return raise_value_error(
            vm, "Negative zero coercion (z) not allowed in integer format specifier");
    if (type == 'c') {
        if (spec.sign)
            return raise_value_error(vm, "Sign not allowed with integer format specifier 'c'");
        if (spec.alternate)
            return raise_value_error(
                vm, "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t cp = 0;
        if (!int_to_i64(value, cp))
            return raise_overflow_error(vm, "Python int too large to convert to C long");
        if (cp < 0 || cp > 0x10FFFF)
            return raise_overflow_error(vm, "%c arg not in range(0x110000)");
        std::string body;
        append_utf8(body, static_cast<uint32_t>(cp));
        return str_from_utf8(vm, pad(spec, "", body, '<'));
    }
    std::string digits;
    if (!is_ok(int_to_text(vm, value, base, digits)))
        return nullptr;
    bool negative = !digits.empty() && digits[0] == '-';
    if (negative)
        digits.erase(0, 1);
    if (type == 'X')
        for (char& c : digits)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string prefix = sign_text(spec, negative);
    if (spec.alternate && base != 10)
        prefix += base == 2 ? "0b" : base == 8 ? "0o" : (type == 'X' ? "0X" : "0x");
    if (spec.grouping)
        digits = group_digits(digits, spec.grouping, base == 10 ? 3 : 4,
                              grouped_min_width(spec, prefix.size()));
    return str_from_utf8(vm, pad(spec, prefix, digits, '>'));
}

// printf of one double with a precision, into a string as long as it takes ('.500f' is 502
// characters); empty when the text would not fit in memory (or an int's range).
std::string print_double(const char* format, int precision, double value) {
    char small[128];
    int length = std::snprintf(small, sizeof small, format, precision, value);
    if (length < 0 || length > (1 << 30))
        return std::string();
    if (static_cast<size_t>(length) < sizeof small)
        return std::string(small, static_cast<size_t>(length));
    std::string text(static_cast<size_t>(length) + 1, '\0');
    std::snprintf(text.data(), text.size(), format, precision, value);
    text.resize(static_cast<size_t>(length));
    return text;
}

// The digits of a float without its sign; precision is at most INT_MAX (format_float checks).
std::string float_body(double value, const Spec& spec, char type) {
    int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
    double magnitude = std::fabs(value);
    if (std::isinf(magnitude) || std::isnan(magnitude)) {
        std::string text = std::isinf(magnitude) ? "inf" : "nan";
        if (type >= 'A' && type <= 'Z')
            text = std::isinf(magnitude) ? "INF" : "NAN";
        return type == '%' ? text + "%" : text;
    }
    bool alt = spec.alternate; // '#' keeps the decimal point of a precision of 0 ('1.')
    // A double has at most 767 significant digits: without '#', 'g' strips the zeros a bigger
    // precision would add, so it cannot change the text.
    int significant = alt ? precision : std::min(precision, 800);
    switch (type) {
    case 'f':
    case 'F':
        return print_double(alt ? "%#.*f" : "%.*f", precision, magnitude);
    case 'e':
        return print_double(alt ? "%#.*e" : "%.*e", precision, magnitude);
    case 'E':
        return print_double(alt ? "%#.*E" : "%.*E", precision, magnitude);
    case '%':
        return print_double(alt ? "%#.*f" : "%.*f", precision, magnitude * 100) + "%";
    case 'g':
        return print_double(alt ? "%#.*g" : "%.*g", significant == 0 ? 1 : significant, magnitude);
    case 'G':
        return print_double(alt ? "%#.*G" : "%.*G", significant == 0 ? 1 : significant, magnitude);
    default: { // no type with a precision: 'g' that keeps a ".0" and so takes an exponent one
               // digit sooner (CPython's add_dot_0_if_integer: format(100.0, '.3') is '1e+02')
        int wanted = significant == 0 ? 1 : significant;
        std::string text = print_double("%.*e", wanted - 1, magnitude);
        size_t e = text.find('e');
        if (e == std::string::npos)
            return std::string(); // out of memory
        std::string digits = text.substr(0, 1) + (e > 2 ? text.substr(2, e - 2) : "");
        long decpt = std::strtol(text.c_str() + e + 1, nullptr, 10) + 1;
        if (!alt) // '#' keeps the trailing zeros
            while (digits.size() > 1 && digits.back() == '0')
                digits.pop_back();
        if (decpt <= -4 || decpt > wanted - 1) {
            std::string mantissa = digits.substr(0, 1);
            if (digits.size() > 1 || alt)
                mantissa += "." + digits.substr(1);
            long exponent = decpt - 1;
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "e%c%02ld", exponent < 0 ? '-' : '+',
                          std::labs(exponent));
            return mantissa + buffer;
        }
        if (decpt <= 0)
            return "0." + std::string(static_cast<size_t>(-decpt), '0') + digits;
        auto point = static_cast<size_t>(decpt);
        if (point >= digits.size())
            return digits + std::string(point - digits.size(), '0') + ".0";
        return digits.substr(0, point) + "." + digits.substr(point);
    }
    }
}

Ref<Object> format_float(VM& vm, Object* value, const Spec& spec) {
    double d = 0;
    if (!is_ok(number_to_double(vm, value, d)))
        return nullptr;
    char type = spec.type;
    if (type == 'n')
        type = 'g';
    if (spec.precision > std::numeric_limits<int>::max())
        return raise_value_error(vm, "precision too big");
    std::string body;
    if (!type && spec.precision < 0) {
        Ref<Object> repr = object_repr(vm, value);
        if (!repr)
            return nullptr;
        body = str_to_utf8(repr.get());
        if (!body.empty() && body[0] == '-')
            body.erase(0, 1);
        size_t exponent = body.find('e');
        if (spec.alternate && exponent != std::string::npos && body.find('.') == std::string::npos)
            body.insert(exponent, "."); // '#': 1e+16 -> 1.e+16
    } else {
        body = float_body(d, spec, type);
        if (body.empty())
            return raise_memory_error(vm);
    }
    bool negative = std::signbit(d) && !std::isnan(d);
    if (negative && spec.no_negative_zero && std::isfinite(d) &&
        body.find_first_of("123456789") == std::string::npos)
        negative = false; // 'z': a result that rounds to zero loses its sign
    std::string sign = sign_text(spec, negative);
    if (spec.grouping && std::isfinite(d)) {
        size_t dot = body.find_first_of(".eE%");
        std::string integer = body.substr(0, dot);
        std::string rest = dot == std::string::npos ? "" : body.substr(dot);
        body = group_digits(integer, spec.grouping, 3,
                            grouped_min_width(spec, sign.size() + rest.size())) +
               rest;
    }
    return str_from_utf8(vm, pad(spec, sign, body, '>'));
}

Ref<Object> format_str(VM& vm, Object* value, const Spec& spec) {
    if (spec.sign == ' ')
        return raise_value_error(vm, "Space not allowed in string format specifier");
    if (spec.sign)
        return raise_value_error(vm, "Sign not allowed in string format specifier");
    if (spec.no_negative_zero)
        return raise_value_error(
            vm, "Negative zero coercion (z) not allowed in string format specifier");
    if (spec.alternate)
        return raise_value_error(vm, "Alternate form (#) not allowed in string format specifier");
    if (spec.align == '=')
        return raise_value_error(vm, "'=' alignment not allowed in string format specifier");
    std::string text = str_to_utf8(value);
    if (spec.precision >= 0 && utf8_length(text) > static_cast<size_t>(spec.precision)) {
        size_t count = 0;
        size_t i = 0;
        for (; i < text.size(); ++i) {
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                if (count == static_cast<size_t>(spec.precision))
                    break;
                ++count;
            }
        }
        text.resize(i);
    }
    Spec copy = spec;
    copy.zero = false;
    if (!spec.fill_given && spec.zero) {
        copy.fill = '0';
        copy.fill_given = true;
    }
    return str_from_utf8(vm, pad(copy, "", text, '<'));
}

// ====== Fast paths: built-in int and str with an ASCII spec and fill, written once at their final
// size (no std::string, no UTF-8 round trip). They decide only what they handle exactly as the
// general path does; anything else (errors included) goes the general way.

// fill + prefix + body (all ASCII) placed as align says in `width` columns.
Ref<Object> ascii_field(VM& vm, char align, char fill, long width, std::string_view prefix,
                        std::string_view body) {
    size_t length = prefix.size() + body.size();
    size_t total = std::max(length, width > 0 ? static_cast<size_t>(width) : size_t{0});
    if (total == length && prefix.empty())
        return str_from_ascii(vm, body.data(), body.size());
    Ref<Str> out = str_allocate(vm, total, 1, true);
    if (!out)
        return nullptr;
    auto* at = static_cast<char*>(str_data(out.get()));
    size_t missing = total - length;
    size_t before = align == '<' || align == '=' ? 0 : align == '^' ? missing / 2 : missing;
    std::memset(at, fill, before);
    at += before;
    std::memcpy(at, prefix.data(), prefix.size());
    at += prefix.size();
    if (align == '=') {
        std::memset(at, fill, missing);
        at += missing;
        before = missing;
    }
    std::memcpy(at, body.data(), body.size());
    at += body.size();
    std::memset(at, fill, missing - before);
    return out;
}

// format(int, spec) for an int of 64 bits and the types d, x, X, o, b (no grouping).
bool format_int_fast(VM& vm, Object* value, const Spec& spec, Ref<Object>& result) {
    const auto* number = static_cast<const Int*>(value);
    if (number->is_big() || spec.grouping || spec.no_negative_zero || spec.precision >= 0)
        return false;
    char align = spec.align ? spec.align : (spec.zero ? '=' : '>');
    uint32_t fill = spec.fill_given ? spec.fill : (spec.zero ? '0' : ' ');
    if (fill >= 0x80)
        return false;
    char type = spec.type ? spec.type : 'd';
    int64_t v = number->small;
    uint64_t magnitude = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    char buffer[72];
    char* end = buffer + sizeof buffer;
    char* first = end;
    const char* alternate = "";
    switch (type) {
    case 'd':
        first = write_decimal_digits(end, magnitude);
        break;
    case 'x':
    case 'X': {
        const char* digits = type == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
        do {
            *--first = digits[magnitude & 15];
            magnitude >>= 4;
        } while (magnitude != 0);
        alternate = type == 'x' ? "0x" : "0X";
        break;
    }
    case 'o':
    case 'b': {
        unsigned shift = type == 'o' ? 3 : 1;
        do {
            *--first = static_cast<char>('0' + (magnitude & ((1u << shift) - 1)));
            magnitude >>= shift;
        } while (magnitude != 0);
        alternate = type == 'o' ? "0o" : "0b";
        break;
    }
    default:
        return false;
    }
    char prefix[3];
    size_t prefix_length = 0;
    if (v < 0)
        prefix[prefix_length++] = '-';
    else if (spec.sign == '+' || spec.sign == ' ')
        prefix[prefix_length++] = spec.sign;
    if (spec.alternate && type != 'd') {
        prefix[prefix_length++] = alternate[0];
        prefix[prefix_length++] = alternate[1];
    }
    result = ascii_field(vm, align, static_cast<char>(fill), spec.width,
                         std::string_view(prefix, prefix_length),
                         std::string_view(first, static_cast<size_t>(end - first)));
    return true;
}

// format(str, spec) for the type s (or none) with an ASCII fill.
bool format_str_fast(VM& vm, Object* value, const Spec& spec, Ref<Object>& result) {
    if ((spec.type && spec.type != 's') || spec.sign || spec.no_negative_zero || spec.alternate ||
        spec.grouping || spec.align == '=')
        return false;
    uint32_t fill = spec.fill_given ? spec.fill : (spec.zero ? '0' : ' ');
    if (fill >= 0x80)
        return false;
    char align = spec.align ? spec.align : '<';
    const auto* s = static_cast<const Str*>(value);
    auto length = static_cast<size_t>(s->size);
    if (spec.precision >= 0 && length > static_cast<size_t>(spec.precision))
        length = static_cast<size_t>(spec.precision);
    size_t total = std::max(length, spec.width > 0 ? static_cast<size_t>(spec.width) : size_t{0});
    if (total == length) {
        result = length == static_cast<size_t>(s->size)
                     ? Ref<Object>::borrow(value)
                     : str_substring(vm, value, 0, static_cast<intptr_t>(length));
        return true;
    }
    Ref<Str> out = str_allocate(vm, total, s->kind, s->ascii);
    if (!out) {
        result = nullptr;
        return true;
    }
    size_t missing = total - length;
    size_t before = align == '<' ? 0 : align == '^' ? missing / 2 : missing;
    auto fill_units = [&](size_t at, size_t count) {
        if (s->kind == 1)
            std::memset(static_cast<char*>(str_data(out.get())) + at, static_cast<int>(fill),
                        count);
        else if (s->kind == 2)
            std::fill_n(static_cast<uint16_t*>(str_data(out.get())) + at, count,
                        static_cast<uint16_t>(fill));
        else
            std::fill_n(static_cast<uint32_t*>(str_data(out.get())) + at, count, fill);
    };
    fill_units(0, before);
    std::memcpy(static_cast<char*>(str_data(out.get())) + before * s->kind, str_data(s),
                length * s->kind);
    fill_units(before + length, missing - before);
    result = std::move(out);
    return true;
}

} // namespace

Ref<Object> format_with_spec(VM& vm, Object* value, Object* spec_object) {
    Type* type = value->type;
    if (type == vm.types().int_ || type == vm.types().str || type == vm.types().bool_) {
        if (!spec_object || (spec_object->type == vm.types().str && str_length(spec_object) == 0))
            return object_str(vm, value);
        Spec spec;
        std::string_view text =
            spec_object->type == vm.types().str ? str_ascii_view(spec_object) : std::string_view();
        std::string message;
        // (A width past INT_MAX goes the general way: MemoryError, not a huge allocation.)
        if (!text.empty() &&
            parse_spec(text, type == vm.types().str ? 's' : 'd', spec, message) ==
                SpecError::none &&
            spec.width <= std::numeric_limits<int>::max()) {
            Ref<Object> result;
            if (type == vm.types().str ? format_str_fast(vm, value, spec, result)
                                       : format_int_fast(vm, value, spec, result))
                return result;
        }
    }
    Runtime& rt = runtime_of(vm);
    if (is_heap_type(value->type)) {
        Object* custom = type_lookup(value->type, rt.names().__format__);
        // A function, or another override of object.__format__ (a staticmethod, a class...)
        // outside the int, float and str subclasses that format as their base.
        bool overrides =
            custom && (custom->type == rt.types().function ||
                       (custom != type_lookup(vm.types().object, rt.names().__format__) &&
                        !is_int(value) && !is_float(value) && !is_str(value)));
        if (overrides) {
            Object* spec_arg = spec_object ? spec_object : vm.pools().empty_str();
            Ref<Object> result = call_dunder(vm, value, rt.names().__format__, &spec_arg, 1);
            if (result && !is_str(result.get()))
                return raise_type_error(vm, "__format__ must return a str, not ",
                                        result->type->name);
            return result;
        }
    }
    std::string text = spec_object ? str_to_utf8(spec_object) : std::string();
    if (text.empty())
        return object_str(vm, value);
    if (!is_int(value) && !is_float(value) && !is_str(value)) // object.__format__
        return raise_type_error(vm, "unsupported format string passed to ", value->type->name,
                                ".__format__");
    Spec spec;
    std::string message;
    char default_type = is_int(value) ? 'd' : is_float(value) ? 0 : 's';
    switch (parse_spec(text, default_type, spec, message)) {
    case SpecError::none:
        // CPython tries to allocate the padding and fails; a width this size would only exhaust
        // the machine's memory here.
        if (spec.width > std::numeric_limits<int>::max())
            return raise_memory_error(vm);
        break;
    case SpecError::invalid:
        return raise_value_error(vm, "Invalid format specifier '", text, "' for object of type '",
                                 value->type->name, "'");
    case SpecError::message:
        return raise_value_error(vm, message);
    }
    char t = spec.type;
    bool float_type =
        t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
    if (is_int(value)) { // bool too: a non-empty spec formats it as the int it is
        if (float_type)
            return format_float(vm, value, spec);
        if (t && t != 'b' && t != 'c' && t != 'd' && t != 'o' && t != 'x' && t != 'X' && t != 'n')
            return unknown_format_code(vm, spec, value);
        return format_int(vm, value, spec);
    }
    if (is_float(value)) {
        if (t && !float_type && t != 'n')
            return unknown_format_code(vm, spec, value);
        return format_float(vm, value, spec);
    }
    if (t && t != 's')
        return unknown_format_code(vm, spec, value);
    return format_str(vm, value, spec);
}

// ====== printf-style formatting (Library Reference 4.7.2)

namespace {

using Text = std::u32string;

bool is_bytes_like(VM& vm, Object* value) {
    return is_bytes(value) || value->type == vm.types().bytearray ||
           (vm.types().bytearray && is_subtype(value->type, vm.types().bytearray));
}

std::string_view bytes_like_view(Object* value);

Text ascii_text(const std::string& text) {
    Text out;
    for (char c : text)
        out.push_back(static_cast<unsigned char>(c));
    return out;
}

Text escape_non_ascii(const Text& text) {
    Text out;
    char buffer[16];
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(c);
            continue;
        }
        if (c < 0x100)
            std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
        else if (c < 0x10000)
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
        else
            std::snprintf(buffer, sizeof buffer, "\\U%08x", static_cast<unsigned>(c));
        out += ascii_text(buffer);
    }
    return out;
}

struct PercentSpec {
    bool left = false;
    bool plus = false;
    bool space = false;
    bool alternate = false;
    bool zero = false;
    intptr_t width = -1;
    intptr_t precision = -1;
};

// Pads a converted value: sign/prefix, then zeros (numbers with '0'), then the digits.
Text percent_pad(const PercentSpec& spec, const Text& prefix, const Text& body, bool numeric) {
    size_t length = prefix.size() + body.size();
    size_t width = spec.width > 0 ? static_cast<size_t>(spec.width) : 0;
    if (length >= width)
        return prefix + body;
    size_t missing = width - length;
    if (spec.left)
        return prefix + body + Text(missing, U' ');
    if (spec.zero && numeric)
        return prefix + Text(missing, U'0') + body;
    return Text(missing, U' ') + prefix + body;
}

// The integer value of a %d/%x operand: ints, objects with __index__ (and for %d also __int__,
// floats truncated). Null with TypeError.
Ref<Object> percent_integer(VM& vm, Object* value, char conversion) {
    if (is_int(value))
        return Ref<Object>::borrow(value);
    bool decimal = conversion == 'd' || conversion == 'i' || conversion == 'u';
    if (decimal && is_float(value)) {
        double d = float_value(value);
        if (std::isnan(d))
            return raise_value_error(vm, "cannot convert float NaN to integer");
        if (std::isinf(d))
            return raise_overflow_error(vm, "cannot convert float infinity to integer");
        mpz_t big;
        mpz_init_set_d(big, std::trunc(d));
        Ref<Object> result = int_from_mpz(vm, big);
        mpz_clear(big);
        return result;
    }
    if (auto slot = value->type->slots.index)
        return slot(vm, value);
    if (decimal) {
        if (auto slot = value->type->slots.int_)
            return slot(vm, value);
        return raise_type_error(vm, "%", conversion, " format: a real number is required, not ",
                                value->type->name);
    }
    return raise_type_error(vm, "%", conversion, " format: an integer is required, not ",
                            value->type->name);
}

Status percent_number(VM& vm, const PercentSpec& spec, char conversion, Object* value, Text& out) {
    if (conversion == 'e' || conversion == 'E' || conversion == 'f' || conversion == 'F' ||
        conversion == 'g' || conversion == 'G') {
        double d = 0;
        if (is_float(value)) {
            d = float_value(value);
        } else if (is_int(value)) {
            if (!is_ok(number_to_double(vm, value, d)))
                return Status::error;
        } else if (auto slot = value->type->slots.float_) {
            Ref<Object> converted = slot(vm, value);
            if (!converted)
                return Status::error;
            d = float_value(converted.get());
        } else {
            return raise_type_error(vm, "must be real number, not ", value->type->name);
        }
        Text prefix = std::signbit(d) && !std::isnan(d) ? U"-"
                      : spec.plus                       ? U"+"
                      : spec.space                      ? U" "
                                                        : U"";
        std::string body;
        double magnitude = std::fabs(d);
        if (std::isinf(magnitude) || std::isnan(magnitude)) {
            body = std::isinf(magnitude) ? "inf" : "nan";
            if (conversion >= 'A' && conversion <= 'Z')
                for (char& c : body)
                    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            out += percent_pad(spec, prefix, ascii_text(body), true);
            return Status::ok;
        }
        int precision =
            spec.precision < 0 ? 6 : static_cast<int>(std::min<intptr_t>(spec.precision, 400));
        std::string format = "%";
        if (spec.alternate)
            format += "#";
        format += ".*";
        format.push_back(conversion);
        std::vector<char> buffer(static_cast<size_t>(precision) + 400);
        std::snprintf(buffer.data(), buffer.size(), format.c_str(), precision, magnitude);
        out += percent_pad(spec, prefix, ascii_text(buffer.data()), true);
        return Status::ok;
    }
    Ref<Object> integer = percent_integer(vm, value, conversion);
    if (!integer)
        return Status::error;
    int base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
    std::string digits;
    if (!is_ok(int_to_text(vm, integer.get(), base, digits)))
        return Status::error;
    bool negative = !digits.empty() && digits[0] == '-';
    if (negative)
        digits.erase(0, 1);
    if (conversion == 'X')
        for (char& c : digits)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (spec.precision > 0 && digits.size() < static_cast<size_t>(spec.precision))
        digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
    std::string prefix = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    if (spec.alternate && base == 8)
        prefix += "0o";
    else if (spec.alternate && base == 16)
        prefix += conversion == 'X' ? "0X" : "0x";
    out += percent_pad(spec, ascii_text(prefix), ascii_text(digits), true);
    return Status::ok;
}

Status percent_text(VM& vm, const PercentSpec& spec, char conversion, Object* value,
                    bool bytes_mode, Text& out) {
    Text body;
    if (conversion == 'c') {
        if (is_int(value)) {
            int64_t cp = -1;
            int_to_i64(value, cp);
            if (bytes_mode && (cp < 0 || cp > 255))
                return raise_overflow_error(vm, "%c arg not in range(256)");
            if (cp < 0 || cp > 0x10FFFF)
                return raise_overflow_error(vm, "%c arg not in range(0x110000)");
            body.push_back(static_cast<char32_t>(cp));
        } else if (!bytes_mode && is_str(value) && str_length(value) == 1) {
            body = str_to_u32(value);
        } else if (bytes_mode && is_bytes_like(vm, value) && bytes_like_view(value).size() == 1) {
            body.push_back(static_cast<unsigned char>(bytes_like_view(value)[0]));
        } else {
            return raise_type_error(vm, bytes_mode ? "%c requires an integer in range(256) or a "
                                                     "single byte"
                                                   : "%c requires int or char");
        }
    } else if (conversion == 'r' || conversion == 'a' || (!bytes_mode && conversion == 's')) {
        Ref<Object> text = conversion == 's'                  ? object_str(vm, value)
                           : conversion == 'r' && !bytes_mode ? object_repr(vm, value)
                                                              : object_ascii(vm, value);
        if (!text)
            return Status::error;
        body = str_to_u32(text.get());
    } else { // bytes %s / %b
        if (!is_bytes_like(vm, value)) {
            Ref<Object> method = get_attr_optional(vm, value, intern(vm, "__bytes__").get());
            if (!method) {
                if (vm.thread_state().exception())
                    return Status::error;
                return raise_type_error(vm,
                                        "%b requires a bytes-like object, or an object that "
                                        "implements __bytes__, not '",
                                        value->type->name, "'");
            }
            Ref<Object> converted = call_object(vm, method.get(), nullptr, 0);
            if (!converted)
                return Status::error;
            if (!is_bytes(converted.get()))
                return raise_type_error(vm, "__bytes__ returned non-bytes (type ",
                                        converted->type->name, ")");
            for (char c : bytes_view(converted.get()))
                body.push_back(static_cast<unsigned char>(c));
        } else {
            for (char c : bytes_like_view(value))
                body.push_back(static_cast<unsigned char>(c));
        }
    }
    if (spec.precision >= 0 && conversion != 'c' &&
        body.size() > static_cast<size_t>(spec.precision))
        body.resize(static_cast<size_t>(spec.precision));
    out += percent_pad(spec, Text(), body, false);
    return Status::ok;
}

} // namespace

Ref<Object> object_ascii(VM& vm, Object* value) {
    Ref<Object> repr = object_repr(vm, value);
    if (!repr || static_cast<Str*>(repr.get())->ascii)
        return repr;
    Text text = escape_non_ascii(str_to_u32(repr.get()));
    return str_from_u32(vm, text);
}

namespace {

// "%d:%s;" % (i, "ab"): an ASCII format whose conversions are all plain %d, %i, %s (and %%) of
// exact 64-bit ints and ASCII strs, as many as the values, written into one buffer. False when
// anything else appears (flags, widths, other types, a count mismatch): the general path decides,
// errors included.
bool percent_format_fast(VM& vm, Object* format, Object* values, Ref<Object>& result) {
    std::string_view text = str_ascii_view(format);
    if (text.empty())
        return false;
    bool tuple_args = values->type == vm.types().tuple;
    Object* const* args = tuple_args ? tuple_items(values) : &values;
    size_t nargs = tuple_args ? static_cast<size_t>(tuple_size(values)) : 1;
    char buffer[256];
    size_t used = 0;
    size_t next = 0;
    auto put = [&](const char* data, size_t length) {
        if (length > sizeof buffer - used)
            return false;
        std::memcpy(buffer + used, data, length);
        used += length;
        return true;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            size_t end = text.find('%', i);
            size_t stop = end == std::string_view::npos ? text.size() : end;
            if (!put(text.data() + i, stop - i))
                return false;
            i = stop - 1;
            continue;
        }
        if (++i == text.size())
            return false;
        char conversion = text[i];
        if (conversion == '%') {
            if (!put("%", 1))
                return false;
            continue;
        }
        if (next == nargs)
            return false;
        Object* arg = args[next++];
        bool number = conversion == 'd' || conversion == 'i' || conversion == 's';
        if (number && arg->type == vm.types().int_ && !static_cast<Int*>(arg)->is_big()) {
            int64_t v = static_cast<Int*>(arg)->small;
            char digits[24];
            char* end = digits + sizeof digits;
            char* first = write_decimal_digits(end, v < 0 ? 0 - static_cast<uint64_t>(v)
                                                          : static_cast<uint64_t>(v));
            if (v < 0)
                *--first = '-';
            if (!put(first, static_cast<size_t>(end - first)))
                return false;
        } else if (conversion == 's' && arg->type == vm.types().str &&
                   static_cast<Str*>(arg)->ascii) {
            if (!put(static_cast<const char*>(str_data(static_cast<Str*>(arg))),
                     static_cast<size_t>(str_length(arg))))
                return false;
        } else {
            return false;
        }
    }
    if (next != nargs)
        return false;
    result = str_from_ascii(vm, buffer, used);
    return true;
}

} // namespace

Ref<Object> percent_format(VM& vm, Object* format, Object* values, bool bytes_mode) {
    if (!bytes_mode && format->type == vm.types().str) {
        Ref<Object> result;
        if (percent_format_fast(vm, format, values, result))
            return result;
    }
    Text text;
    if (bytes_mode) {
        for (char c : bytes_like_view(format))
            text.push_back(static_cast<unsigned char>(c));
    } else {
        text = str_to_u32(format);
    }
    bool is_tuple_args = is_tuple(values);
    Object* const* items = is_tuple_args ? tuple_items(values) : &values;
    size_t count = is_tuple_args ? static_cast<size_t>(tuple_size(values)) : 1;
    bool mapping = !is_tuple_args && values->type->slots.getitem && !is_str(values) &&
                   !is_bytes_like(vm, values);
    size_t next = 0;
    bool used_mapping = false;
    auto next_value = [&]() -> Object* {
        if (next >= count) {
            (void)raise_type_error(vm, "not enough arguments for format string");
            return nullptr;
        }
        return items[next++];
    };
    Text out;
    size_t i = 0;
    while (i < text.size()) {
        char32_t c = text[i];
        if (c != '%') {
            out.push_back(c);
            ++i;
            continue;
        }
        size_t start = i++;
        Ref<Object> keyed;
        if (i < text.size() && text[i] == '(') {
            if (!mapping)
                return raise_type_error(vm, "format requires a mapping");
            int depth = 1;
            size_t key_start = ++i;
            while (i < text.size() && depth > 0) {
                if (text[i] == '(')
                    ++depth;
                else if (text[i] == ')')
                    --depth;
                ++i;
            }
            if (depth > 0)
                return raise_value_error(vm, "incomplete format key");
            Text key_text = text.substr(key_start, i - 1 - key_start);
            Ref<Object> key;
            if (bytes_mode) {
                std::string raw;
                for (char32_t k : key_text)
                    raw.push_back(static_cast<char>(k));
                key = bytes_new(vm, raw);
            } else {
                key = str_from_u32(vm, key_text);
            }
            if (!key)
                return nullptr;
            keyed = object_getitem(vm, values, key.get());
            if (!keyed)
                return nullptr;
            used_mapping = true;
        }
        PercentSpec spec;
        for (; i < text.size(); ++i) {
            char32_t f = text[i];
            if (f == '-')
                spec.left = true;
            else if (f == '+')
                spec.plus = true;
            else if (f == ' ')
                spec.space = true;
            else if (f == '#')
                spec.alternate = true;
            else if (f == '0')
                spec.zero = true;
            else
                break;
        }
        auto read_number = [&](intptr_t& target) -> bool {
            if (i < text.size() && text[i] == '*') {
                ++i;
                Object* v = next_value();
                if (!v)
                    return false;
                if (!is_int(v)) {
                    (void)raise_type_error(vm, "* wants int");
                    return false;
                }
                int64_t n = 0;
                if (!int_to_i64(v, n)) {
                    (void)raise_value_error(vm, "width too big");
                    return false;
                }
                target = static_cast<intptr_t>(n);
                return true;
            }
            if (i < text.size() && text[i] >= '0' && text[i] <= '9') {
                target = 0;
                while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
                    target = target * 10 + static_cast<intptr_t>(text[i] - '0');
                    if (target > INT32_MAX) {
                        (void)raise_value_error(vm, "width too big");
                        return false;
                    }
                    ++i;
                }
            }
            return true;
        };
        if (!read_number(spec.width))
            return nullptr;
        if (spec.width < -1) {
            spec.left = true;
            spec.width = -spec.width;
        }
        if (i < text.size() && text[i] == '.') {
            ++i;
            spec.precision = 0;
            if (!read_number(spec.precision))
                return nullptr;
        }
        while (i < text.size() && (text[i] == 'h' || text[i] == 'l' || text[i] == 'L'))
            ++i;
        if (i >= text.size())
            return raise_value_error(vm, "incomplete format");
        char32_t conversion = text[i++];
        if (conversion == '%') {
            out.push_back('%');
            continue;
        }
        Object* value = keyed ? keyed.get() : nullptr;
        if (!value) {
            if (std::u32string_view(U"diuoxXeEfFgGcrsab").find(conversion) ==
                std::u32string_view::npos) {
                char buffer[96];
                if (conversion < 0x80)
                    std::snprintf(buffer, sizeof buffer,
                                  "unsupported format character '%c' (0x%x) at index %zu",
                                  static_cast<char>(conversion), static_cast<unsigned>(conversion),
                                  i - 1);
                else
                    std::snprintf(buffer, sizeof buffer,
                                  "unsupported format character '?' (0x%x) at index %zu",
                                  static_cast<unsigned>(conversion), i - 1);
                std::string message = buffer;
                if (conversion >= 0x80) {
                    std::string ch;
                    append_utf8(ch, conversion);
                    message.replace(message.find('?'), 1, ch);
                }
                return raise_value_error(vm, message);
            }
            value = next_value();
            if (!value)
                return nullptr;
        }
        Status status = Status::ok;
        switch (conversion) {
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
            status = percent_number(vm, spec, static_cast<char>(conversion), value, out);
            break;
        case 'c':
        case 'r':
        case 'a':
        case 's':
            status = percent_text(vm, spec, static_cast<char>(conversion), value, bytes_mode, out);
            break;
        case 'b':
            if (bytes_mode) {
                status = percent_text(vm, spec, 'b', value, bytes_mode, out);
                break;
            }
            [[fallthrough]];
        default: {
            char buffer[96];
            std::snprintf(buffer, sizeof buffer,
                          "unsupported format character '%c' (0x%x) at index %zu",
                          static_cast<char>(conversion), static_cast<unsigned>(conversion), i - 1);
            return raise_value_error(vm, buffer);
        }
        }
        if (!is_ok(status))
            return nullptr;
        (void)start;
    }
    if (next < count && !used_mapping && !(mapping && !is_tuple_args))
        return raise_type_error(vm, bytes_mode
                                        ? "not all arguments converted during bytes formatting"
                                        : "not all arguments converted during string formatting");
    if (bytes_mode) {
        std::string raw;
        raw.reserve(out.size());
        for (char32_t k : out)
            raw.push_back(static_cast<char>(k));
        return bytes_new(vm, raw);
    }
    return str_from_u32(vm, out);
}

// ====== str.format (Library Reference 6.1.3)

namespace {

struct FormatState {
    VM& vm;
    Object* const* args;
    size_t nargs;
    Object* kwnames;
    Object* mapping;
    int auto_index = 0; // next automatic field number; -1 once manual numbering was used
    bool manual = false;
};

Status expand_format(FormatState& state, const Text& text, int depth, Text& out);

// Looks the first part of a field name up: a number, empty (automatic) or a keyword.
Ref<Object> field_argument(FormatState& state, const Text& name) {
    VM& vm = state.vm;
    bool numeric = !name.empty() && std::all_of(name.begin(), name.end(),
                                                [](char32_t c) { return c >= '0' && c <= '9'; });
    if (name.empty() || numeric) {
        size_t index = 0;
        if (name.empty()) {
            if (state.manual)
                return raise_value_error(vm, "cannot switch from manual field specification to "
                                             "automatic field numbering");
            index = static_cast<size_t>(state.auto_index++);
        } else {
            if (state.auto_index > 0)
                return raise_value_error(vm, "cannot switch from automatic field numbering to "
                                             "manual field specification");
            state.manual = true;
            for (char32_t c : name)
                index = index * 10 + (c - '0');
        }
        if (state.mapping || index >= state.nargs) {
            if (state.mapping)
                return raise_value_error(vm, "Format string contains positional fields");
            return raise_index_error(vm, "Replacement index ", index,
                                     " out of range for positional args tuple");
        }
        return Ref<Object>::borrow(state.args[index]);
    }
    Ref<Object> key = str_from_u32(vm, name);
    if (!key)
        return nullptr;
    if (state.mapping)
        return object_getitem(vm, state.mapping, key.get());
    size_t nkw = state.kwnames ? static_cast<size_t>(tuple_size(state.kwnames)) : 0;
    for (size_t k = 0; k < nkw; ++k) {
        if (str_equal(tuple_items(state.kwnames)[k], key.get()))
            return Ref<Object>::borrow(state.args[state.nargs + k]);
    }
    return raise_key_error(vm, key.get());
}

Ref<Object> resolve_field(FormatState& state, const Text& field) {
    VM& vm = state.vm;
    size_t i = 0;
    while (i < field.size() && field[i] != '.' && field[i] != '[')
        ++i;
    Ref<Object> value = field_argument(state, field.substr(0, i));
    while (value && i < field.size()) {
        if (field[i] == '.') {
            size_t start = ++i;
            while (i < field.size() && field[i] != '.' && field[i] != '[')
                ++i;
            if (i == start)
                return raise_value_error(vm, "Empty attribute in format string");
            Ref<Object> name = str_from_u32(vm, field.substr(start, i - start));
            if (!name)
                return nullptr;
            value = get_attr(vm, value.get(), name.get());
        } else if (field[i] == '[') {
            size_t start = ++i;
            while (i < field.size() && field[i] != ']')
                ++i;
            if (i >= field.size())
                return raise_value_error(vm, "Missing ']' in format string");
            Text key_text = field.substr(start, i - start);
            ++i;
            if (key_text.empty())
                return raise_value_error(vm, "Empty attribute in format string");
            Ref<Object> key;
            if (std::all_of(key_text.begin(), key_text.end(),
                            [](char32_t c) { return c >= '0' && c <= '9'; })) {
                int64_t n = 0;
                for (char32_t c : key_text)
                    n = n * 10 + (c - '0');
                key = int_from_i64(vm, n);
            } else {
                key = str_from_u32(vm, key_text);
            }
            if (!key)
                return nullptr;
            value = object_getitem(vm, value.get(), key.get());
            if (value && i < field.size() && field[i] != '.' && field[i] != '[')
                return raise_value_error(vm, "Only '.' or '[' may follow ']' in format field "
                                             "specifier");
        } else {
            return raise_value_error(vm, "Only '.' or '[' may follow ']' in format field "
                                         "specifier");
        }
    }
    return value;
}

Status format_field(FormatState& state, const Text& inner, int depth, Text& out) {
    VM& vm = state.vm;
    // field_name ends at the first '!' or ':' outside brackets.
    size_t i = 0;
    bool in_bracket = false;
    for (; i < inner.size(); ++i) {
        if (inner[i] == '[')
            in_bracket = true;
        else if (inner[i] == ']')
            in_bracket = false;
        else if (!in_bracket && (inner[i] == '!' || inner[i] == ':'))
            break;
    }
    Text name = inner.substr(0, i);
    char32_t conversion = 0;
    if (i < inner.size() && inner[i] == '!') {
        if (i + 1 >= inner.size())
            return raise_value_error(vm, "end of string while looking for conversion specifier");
        conversion = inner[i + 1];
        i += 2;
        if (i < inner.size() && inner[i] != ':')
            return raise_value_error(vm, "expected ':' after conversion specifier");
    }
    Text spec;
    if (i < inner.size() && inner[i] == ':')
        spec = inner.substr(i + 1);
    Ref<Object> value = resolve_field(state, name);
    if (!value)
        return Status::error;
    if (conversion) {
        if (conversion == 'r')
            value = object_repr(vm, value.get());
        else if (conversion == 's')
            value = object_str(vm, value.get());
        else if (conversion == 'a')
            value = object_ascii(vm, value.get());
        else {
            std::string ch;
            append_utf8(ch, conversion);
            return raise_value_error(vm, "Unknown conversion specifier ", ch);
        }
        if (!value)
            return Status::error;
    }
    Text expanded_spec;
    if (spec.find('{') != Text::npos) {
        if (depth >= 2)
            return raise_value_error(vm, "Max string recursion exceeded");
        if (!is_ok(expand_format(state, spec, depth + 1, expanded_spec)))
            return Status::error;
    } else {
        expanded_spec = spec;
    }
    Ref<Object> spec_object = str_from_u32(vm, expanded_spec);
    if (!spec_object)
        return Status::error;
    Ref<Object> formatted = format_with_spec(vm, value.get(), spec_object.get());
    if (!formatted)
        return Status::error;
    out += str_to_u32(formatted.get());
    return Status::ok;
}

Status expand_format(FormatState& state, const Text& text, int depth, Text& out) {
    VM& vm = state.vm;
    size_t i = 0;
    while (i < text.size()) {
        char32_t c = text[i];
        if (c == '}') {
            if (i + 1 < text.size() && text[i + 1] == '}') {
                out.push_back('}');
                i += 2;
                continue;
            }
            return raise_value_error(vm, "Single '}' encountered in format string");
        }
        if (c != '{') {
            out.push_back(c);
            ++i;
            continue;
        }
        if (i + 1 < text.size() && text[i + 1] == '{') {
            out.push_back('{');
            i += 2;
            continue;
        }
        // Find the matching '}' (nested braces belong to the spec).
        size_t start = ++i;
        int nesting = 1;
        bool in_bracket = false;
        while (i < text.size()) {
            if (text[i] == '[' && nesting == 1)
                in_bracket = true;
            else if (text[i] == ']' && nesting == 1)
                in_bracket = false;
            else if (!in_bracket && text[i] == '{')
                ++nesting;
            else if (!in_bracket && text[i] == '}' && --nesting == 0)
                break;
            ++i;
        }
        if (i >= text.size()) {
            if (nesting > 1 || in_bracket)
                return raise_value_error(vm, "expected '}' before end of string");
            return raise_value_error(vm, "Single '{' encountered in format string");
        }
        if (!is_ok(format_field(state, text.substr(start, i - start), depth, out)))
            return Status::error;
        ++i;
    }
    return Status::ok;
}

std::string_view bytes_like_view(Object* value) {
    if (is_bytes(value))
        return bytes_view(value);
    return bytearray_view(value);
}

} // namespace

Ref<Object> str_format(VM& vm, Object* format, Object* const* args, size_t nargs, Object* kwnames,
                       Object* mapping) {
    FormatState state{vm, args, nargs, kwnames, mapping};
    Text out;
    if (!is_ok(expand_format(state, str_to_u32(format), 0, out)))
        return nullptr;
    return str_from_u32(vm, out);
}

} // namespace minipy::vm
