// Encoding and decoding for the io layer. See stdlib/io_codec.h.
#include "stdlib/io_codec.h"

#include <cstdio>
#include <string>

#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

std::string normalized(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == '_' || c == ' ')
            c = '-';
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

const char* reason_of(Encoding encoding) {
    return encoding == Encoding::ascii ? "ordinal not in range(128)" : "ordinal not in range(256)";
}

void append_hex(std::string& out, const char* format, uint32_t value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, value);
    out += buffer;
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

Raised raise_decode_error(VM& vm, Encoding encoding, std::string_view bytes, size_t start,
                          size_t end, const char* reason) {
    std::string message = std::string("'") + encoding_name(encoding) + "' codec can't decode ";
    if (end - start == 1) {
        append_hex(message, "byte 0x%02x", static_cast<unsigned char>(bytes[start]));
        message += " in position ";
    } else
        message += "bytes in position ";
    message += std::to_string(start);
    if (end - start > 1)
        message += "-" + std::to_string(end - 1);
    message += std::string(": ") + reason;
    return raise_message(vm, vm.exceptions().UnicodeDecodeError, message);
}

Raised raise_encode_error(VM& vm, Encoding encoding, std::u32string_view text, size_t start,
                          size_t end, const char* reason) {
    std::string message = std::string("'") + encoding_name(encoding) + "' codec can't encode ";
    if (end - start == 1) {
        uint32_t cp = text[start];
        message += "character '";
        append_hex(message, cp <= 0xFF ? "\\x%02x" : cp <= 0xFFFF ? "\\u%04x" : "\\U%08x", cp);
        message += "' in position " + std::to_string(start);
    } else {
        message +=
            "characters in position " + std::to_string(start) + "-" + std::to_string(end - 1);
    }
    message += std::string(": ") + reason;
    return raise_message(vm, vm.exceptions().UnicodeEncodeError, message);
}

// The number of bytes of a valid UTF-8 sequence at bytes[i] (1..4), or the negative length of the
// invalid prefix CPython reports (-1 for an invalid start byte), with `truncated` set when the
// data ends inside an otherwise valid sequence.
int utf8_sequence(std::string_view bytes, size_t i, bool allow_surrogates, bool& truncated,
                  const char*& reason) {
    truncated = false;
    auto byte = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
    unsigned char lead = byte(i);
    if (lead < 0x80)
        return 1;
    int length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        if (lead == 0xED && !allow_surrogates)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        if (lead == 0xF4)
            high = 0x8F;
    } else {
        reason = "invalid start byte";
        return -1;
    }
    for (int k = 1; k < length; ++k) {
        if (i + static_cast<size_t>(k) >= bytes.size()) {
            truncated = true;
            reason = "unexpected end of data";
            return -k;
        }
        unsigned char c = byte(i + static_cast<size_t>(k));
        unsigned char lo = k == 1 ? low : 0x80, hi = k == 1 ? high : 0xBF;
        if (c < lo || c > hi) {
            reason = "invalid continuation byte";
            return -k;
        }
    }
    return length;
}

uint32_t utf8_value(std::string_view bytes, size_t i, int length) {
    auto byte = [&](size_t k) {
        return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k]));
    };
    switch (length) {
    case 1:
        return byte(i);
    case 2:
        return ((byte(i) & 0x1F) << 6) | (byte(i + 1) & 0x3F);
    case 3:
        return ((byte(i) & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F);
    default:
        return ((byte(i) & 0x07) << 18) | ((byte(i + 1) & 0x3F) << 12) |
               ((byte(i + 2) & 0x3F) << 6) | (byte(i + 3) & 0x3F);
    }
}

// Applies a decode error handler to bytes[start, end).
Status handle_decode_error(VM& vm, Encoding encoding, ErrorMode errors, std::string_view bytes,
                           size_t start, size_t end, const char* reason, std::u32string& out) {
    switch (errors) {
    case ErrorMode::ignore:
        return Status::ok;
    case ErrorMode::replace:
        out.push_back(0xFFFD);
        return Status::ok;
    case ErrorMode::backslashreplace:
        for (size_t k = start; k < end; ++k) {
            std::string text;
            append_hex(text, "\\x%02x", static_cast<unsigned char>(bytes[k]));
            for (char c : text)
                out.push_back(static_cast<unsigned char>(c));
        }
        return Status::ok;
    case ErrorMode::surrogateescape:
        for (size_t k = start; k < end; ++k) {
            unsigned char c = static_cast<unsigned char>(bytes[k]);
            if (c < 0x80)
                return raise_decode_error(vm, encoding, bytes, start, end, reason);
            out.push_back(0xDC00u + c);
        }
        return Status::ok;
    default:
        return raise_decode_error(vm, encoding, bytes, start, end, reason);
    }
}

Status handle_encode_error(VM& vm, Encoding encoding, ErrorMode errors, std::u32string_view text,
                           size_t start, size_t end, const char* reason, std::string& out) {
    for (size_t k = start; k < end; ++k) {
        uint32_t cp = text[k];
        switch (errors) {
        case ErrorMode::ignore:
            break;
        case ErrorMode::replace:
            out.push_back('?');
            break;
        case ErrorMode::backslashreplace:
            append_hex(out, cp <= 0xFF ? "\\x%02x" : cp <= 0xFFFF ? "\\u%04x" : "\\U%08x", cp);
            break;
        case ErrorMode::xmlcharrefreplace:
            out += "&#" + std::to_string(cp) + ";";
            break;
        case ErrorMode::surrogateescape:
            if (cp < 0xDC80 || cp > 0xDCFF)
                return raise_encode_error(vm, encoding, text, start, end, reason);
            out.push_back(static_cast<char>(cp - 0xDC00));
            break;
        case ErrorMode::surrogatepass:
            if (encoding != Encoding::utf8 || cp < 0xD800 || cp > 0xDFFF)
                return raise_encode_error(vm, encoding, text, start, end, reason);
            append_utf8(out, cp);
            break;
        default:
            return raise_encode_error(vm, encoding, text, start, end, reason);
        }
    }
    return Status::ok;
}

bool encodable(Encoding encoding, uint32_t cp) {
    switch (encoding) {
    case Encoding::ascii:
        return cp < 0x80;
    case Encoding::latin1:
        return cp < 0x100;
    default:
        return cp < 0xD800 || cp > 0xDFFF;
    }
}

} // namespace

const char* encoding_name(Encoding encoding) {
    switch (encoding) {
    case Encoding::latin1:
        return "latin-1";
    case Encoding::ascii:
        return "ascii";
    default:
        return "utf-8";
    }
}

Status lookup_encoding(VM& vm, std::string_view name, Encoding& out) {
    std::string key = normalized(name);
    if (key == "utf-8" || key == "utf8" || key == "u8" || key == "utf" || key == "cp65001") {
        out = Encoding::utf8;
    } else if (key == "latin-1" || key == "latin1" || key == "latin" || key == "l1" ||
               key == "iso-8859-1" || key == "iso8859-1" || key == "8859" || key == "cp819" ||
               key == "iso-ir-100") {
        out = Encoding::latin1;
    } else if (key == "ascii" || key == "us-ascii" || key == "646" || key == "us") {
        out = Encoding::ascii;
    } else {
        return raise_message(vm, vm.exceptions().LookupError,
                             "unknown encoding: " + std::string(name));
    }
    return Status::ok;
}

Status lookup_errors(VM& vm, std::string_view name, ErrorMode& out) {
    struct Entry {
        const char* name;
        ErrorMode mode;
    };
    static constexpr Entry table[] = {
        {"strict", ErrorMode::strict},
        {"ignore", ErrorMode::ignore},
        {"replace", ErrorMode::replace},
        {"backslashreplace", ErrorMode::backslashreplace},
        {"surrogateescape", ErrorMode::surrogateescape},
        {"surrogatepass", ErrorMode::surrogatepass},
        {"xmlcharrefreplace", ErrorMode::xmlcharrefreplace},
    };
    for (const Entry& entry : table) {
        if (name == entry.name) {
            out = entry.mode;
            return Status::ok;
        }
    }
    return raise_message(vm, vm.exceptions().LookupError,
                         "unknown error handler name '" + std::string(name) + "'");
}

size_t char_length(Encoding encoding, std::string_view bytes) {
    if (bytes.empty())
        return 0;
    if (encoding != Encoding::utf8)
        return 1;
    bool truncated = false;
    const char* reason = nullptr;
    int length = utf8_sequence(bytes, 0, true, truncated, reason);
    if (length > 0)
        return static_cast<size_t>(length);
    return truncated ? 0 : static_cast<size_t>(-length);
}

Status decode_bytes(VM& vm, Encoding encoding, ErrorMode errors, std::string_view bytes,
                    std::u32string& out) {
    out.reserve(out.size() + bytes.size());
    size_t i = 0;
    while (i < bytes.size()) {
        unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80 || encoding == Encoding::latin1) {
            out.push_back(c);
            ++i;
            continue;
        }
        if (encoding == Encoding::ascii) {
            if (!is_ok(handle_decode_error(vm, encoding, errors, bytes, i, i + 1,
                                           "ordinal not in range(128)", out)))
                return Status::error;
            ++i;
            continue;
        }
        bool truncated = false;
        const char* reason = nullptr;
        int length = utf8_sequence(bytes, i, errors == ErrorMode::surrogatepass, truncated, reason);
        if (length > 0) {
            out.push_back(utf8_value(bytes, i, length));
            i += static_cast<size_t>(length);
            continue;
        }
        size_t bad = static_cast<size_t>(-length);
        if (!is_ok(handle_decode_error(vm, encoding, errors, bytes, i, i + bad, reason, out)))
            return Status::error;
        i += bad;
    }
    return Status::ok;
}

Status encode_code_points(VM& vm, Encoding encoding, ErrorMode errors, std::u32string_view text,
                          std::string& out) {
    out.reserve(out.size() + text.size());
    size_t i = 0;
    while (i < text.size()) {
        uint32_t cp = text[i];
        if (encodable(encoding, cp)) {
            if (encoding == Encoding::utf8)
                append_utf8(out, cp);
            else
                out.push_back(static_cast<char>(cp));
            ++i;
            continue;
        }
        size_t end = i + 1;
        while (end < text.size() && !encodable(encoding, text[end]))
            ++end;
        const char* reason =
            encoding == Encoding::utf8 ? "surrogates not allowed" : reason_of(encoding);
        if (!is_ok(handle_encode_error(vm, encoding, errors, text, i, end, reason, out)))
            return Status::error;
        i = end;
    }
    return Status::ok;
}

bool utf8_has_surrogate(std::string_view utf8) {
    for (size_t i = 0; i + 1 < utf8.size(); ++i) {
        if (static_cast<unsigned char>(utf8[i]) == 0xED &&
            static_cast<unsigned char>(utf8[i + 1]) >= 0xA0)
            return true;
    }
    return false;
}

Status encode_str(VM& vm, Encoding encoding, ErrorMode errors, const Object* str,
                  std::string& out) {
    const auto* s = static_cast<const Str*>(str);
    if (s->ascii) {
        out.append(static_cast<const char*>(str_data(s)), static_cast<size_t>(s->size));
        return Status::ok;
    }
    if (encoding == Encoding::latin1 && s->kind == 1) {
        out.append(static_cast<const char*>(str_data(s)), static_cast<size_t>(s->size));
        return Status::ok;
    }
    if (encoding == Encoding::utf8) {
        std::string utf8 = str_to_utf8(str);
        if (!utf8_has_surrogate(utf8)) {
            out += utf8;
            return Status::ok;
        }
    }
    std::u32string text(static_cast<size_t>(s->size), U'\0');
    for (intptr_t i = 0; i < s->size; ++i)
        text[static_cast<size_t>(i)] = str_char_at(s, i);
    return encode_code_points(vm, encoding, errors, text, out);
}

} // namespace minipy::stdlib
