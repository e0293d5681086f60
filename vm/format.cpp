// The format-spec mini-language for int, float and str. See vm/format.h.
#include "vm/format.h"

#include <gmp.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/float.h"
#include "vm/types/int.h"
#include "vm/types/str.h"

namespace minipy::vm {
namespace {

struct Spec {
    uint32_t fill = ' ';
    char align = 0; // '<', '>', '^', '=' or 0
    char sign = 0;
    bool alternate = false;
    bool zero = false;
    long width = -1;
    char grouping = 0;
    long precision = -1;
    char type = 0;
};

bool parse_spec(std::string_view text, Spec& spec) {
    size_t i = 0;
    auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
    if (text.size() >= 2 && is_align(text[1])) {
        spec.fill = static_cast<unsigned char>(text[0]);
        spec.align = text[1];
        i = 2;
    } else if (!text.empty() && is_align(text[0])) {
        spec.align = text[0];
        i = 1;
    }
    if (i < text.size() && (text[i] == '+' || text[i] == '-' || text[i] == ' '))
        spec.sign = text[i++];
    if (i < text.size() && text[i] == '#') {
        spec.alternate = true;
        ++i;
    }
    if (i < text.size() && text[i] == '0') {
        spec.zero = true;
        ++i;
    }
    long width = 0;
    bool has_width = false;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && width < 100000000) {
        width = width * 10 + (text[i++] - '0');
        has_width = true;
    }
    if (has_width)
        spec.width = width;
    if (i < text.size() && (text[i] == ',' || text[i] == '_'))
        spec.grouping = text[i++];
    if (i < text.size() && text[i] == '.') {
        ++i;
        long precision = 0;
        bool digits = false;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && precision < 100000000) {
            precision = precision * 10 + (text[i++] - '0');
            digits = true;
        }
        if (!digits)
            return false;
        spec.precision = precision;
    }
    if (i < text.size())
        spec.type = text[i++];
    return i == text.size();
}

std::string group_digits(const std::string& digits, char separator, size_t every) {
    std::string out;
    size_t count = 0;
    for (size_t i = digits.size(); i > 0; --i) {
        if (count > 0 && count % every == 0)
            out.insert(out.begin(), separator);
        out.insert(out.begin(), digits[i - 1]);
        ++count;
    }
    return out;
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
    uint32_t fill = spec.align ? spec.fill : (spec.zero ? '0' : ' ');
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
    if (type == 'c') {
        int64_t cp = 0;
        int_to_i64(value, cp);
        if (cp < 0 || cp > 0x10FFFF)
            return raise_overflow_error(vm, "%c arg not in range(0x110000)");
        std::string body;
        append_utf8(body, static_cast<uint32_t>(cp));
        return str_from_utf8(vm, pad(spec, "", body, '<'));
    }
    if (type != 'd' && type != 'n' && base == 10)
        return raise_value_error(vm, "Unknown format code '", type, "' for object of type 'int'");
    std::string digits;
    if (!is_ok(int_to_text(vm, value, base, digits)))
        return nullptr;
    bool negative = !digits.empty() && digits[0] == '-';
    if (negative)
        digits.erase(0, 1);
    if (type == 'X')
        for (char& c : digits)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (spec.grouping)
        digits = group_digits(digits, spec.grouping, base == 10 ? 3 : 4);
    std::string prefix = sign_text(spec, negative);
    if (spec.alternate && base != 10)
        prefix += base == 2 ? "0b" : base == 8 ? "0o" : (type == 'X' ? "0X" : "0x");
    return str_from_utf8(vm, pad(spec, prefix, digits, '>'));
}

std::string float_body(double value, const Spec& spec, char type) {
    char buffer[512];
    long precision = spec.precision < 0 ? 6 : std::min(spec.precision, 400L);
    double magnitude = std::fabs(value);
    if (std::isinf(magnitude))
        return type >= 'A' && type <= 'Z' ? "INF" : "inf";
    if (std::isnan(magnitude))
        return type >= 'A' && type <= 'Z' ? "NAN" : "nan";
    switch (type) {
    case 'f':
    case 'F':
        std::snprintf(buffer, sizeof buffer, "%.*f", static_cast<int>(precision), magnitude);
        break;
    case 'e':
    case 'E':
        std::snprintf(buffer, sizeof buffer, type == 'e' ? "%.*e" : "%.*E",
                      static_cast<int>(precision), magnitude);
        break;
    case '%':
        std::snprintf(buffer, sizeof buffer, "%.*f", static_cast<int>(precision), magnitude * 100);
        return std::string(buffer) + "%";
    case 'g':
    case 'G':
        std::snprintf(buffer, sizeof buffer,
                      type == 'g' ? (spec.alternate ? "%#.*g" : "%.*g")
                                  : (spec.alternate ? "%#.*G" : "%.*G"),
                      static_cast<int>(precision == 0 ? 1 : precision), magnitude);
        break;
    default: { // no type with a precision: 'g' that keeps a ".0"
        std::snprintf(buffer, sizeof buffer, "%.*g",
                      static_cast<int>(precision == 0 ? 1 : precision), magnitude);
        std::string text = buffer;
        if (text.find_first_of(".en") == std::string::npos)
            text += ".0";
        return text;
    }
    }
    return buffer;
}

Ref<Object> format_float(VM& vm, Object* value, const Spec& spec) {
    double d = 0;
    if (!is_ok(number_to_double(vm, value, d)))
        return nullptr;
    char type = spec.type;
    if (type && std::string_view("eEfFgG%").find(type) == std::string_view::npos)
        return raise_value_error(vm, "Unknown format code '", type, "' for object of type 'float'");
    std::string body;
    if (!type && spec.precision < 0) {
        Ref<Object> repr = object_repr(vm, value);
        if (!repr)
            return nullptr;
        body = str_to_utf8(repr.get());
        if (!body.empty() && body[0] == '-')
            body.erase(0, 1);
    } else {
        body = float_body(d, spec, type);
    }
    if (spec.grouping) {
        size_t dot = body.find_first_of(".e%");
        std::string integer = body.substr(0, dot);
        std::string rest = dot == std::string::npos ? "" : body.substr(dot);
        body = group_digits(integer, spec.grouping, 3) + rest;
    }
    return str_from_utf8(vm,
                         pad(spec, sign_text(spec, std::signbit(d) && !std::isnan(d)), body, '>'));
}

Ref<Object> format_str(VM& vm, Object* value, const Spec& spec) {
    if (spec.type && spec.type != 's')
        return raise_value_error(vm, "Unknown format code '", spec.type,
                                 "' for object of type 'str'");
    if (spec.sign)
        return raise_value_error(vm, "Sign not allowed in string format specifier");
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
    if (!spec.align && spec.zero) {
        copy.align = '<';
        copy.fill = '0';
    }
    return str_from_utf8(vm, pad(copy, "", text, '<'));
}

} // namespace

Ref<Object> format_with_spec(VM& vm, Object* value, Object* spec_object) {
    Runtime& rt = runtime_of(vm);
    if (is_heap_type(value->type)) {
        Object* custom = type_lookup(value->type, rt.names().__format__);
        if (custom && custom->type == rt.types().function) {
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
    Spec spec;
    if (!parse_spec(text, spec))
        return raise_value_error(vm, "Invalid format specifier '", text, "' for object of type '",
                                 value->type->name, "'");
    if (is_int(value) && value->type != vm.types().bool_) {
        char t = spec.type;
        if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%')
            return format_float(vm, value, spec);
        return format_int(vm, value, spec);
    }
    if (value->type == vm.types().bool_ && spec.type)
        return format_int(vm, value, spec);
    if (is_float(value))
        return format_float(vm, value, spec);
    if (is_str(value))
        return format_str(vm, value, spec);
    Ref<Object> as_text = object_str(vm, value);
    if (!as_text)
        return nullptr;
    if (is_heap_type(value->type) || value->type == vm.types().bool_ ||
        value->type == vm.types().none)
        return format_str(vm, as_text.get(), spec);
    return raise_type_error(vm, "unsupported format string passed to ", value->type->name,
                            ".__format__");
}

} // namespace minipy::vm
