// Text codecs (see vm/types/codecs.h). The encoders and decoders work on code point vectors and
// byte strings; errors are reported as CPython does: a UnicodeEncodeError/UnicodeDecodeError whose
// args are (encoding, object, start, end, reason), the message being built by its str().
#include "vm/types/codecs.h"

#include <cstdint>
#include <vector>

#include "vm/types/bytes.h"
#include "vm/types/int.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

enum class Codec : uint8_t {
    utf8,
    utf8_sig,
    ascii,
    latin1,
    utf16,
    utf16_le,
    utf16_be,
    utf32,
    utf32_le,
    utf32_be
};

struct CodecInfo {
    Codec codec;
    const char* name; // CPython's name in messages
};

bool lookup_codec(std::string_view requested, CodecInfo& out) {
    std::string key;
    for (char c : requested) {
        char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        key.push_back(lower == '-' || lower == ' ' ? '_' : lower);
    }
    struct Alias {
        const char* key;
        Codec codec;
        const char* name;
    };
    static constexpr Alias aliases[] = {
        {"utf_8", Codec::utf8, "utf-8"},
        {"utf8", Codec::utf8, "utf-8"},
        {"u8", Codec::utf8, "utf-8"},
        {"utf", Codec::utf8, "utf-8"},
        {"cp65001", Codec::utf8, "utf-8"},
        {"utf_8_sig", Codec::utf8_sig, "utf-8-sig"},
        {"utf8_sig", Codec::utf8_sig, "utf-8-sig"},
        {"ascii", Codec::ascii, "ascii"},
        {"us_ascii", Codec::ascii, "ascii"},
        {"646", Codec::ascii, "ascii"},
        {"latin_1", Codec::latin1, "latin-1"},
        {"latin1", Codec::latin1, "latin-1"},
        {"latin", Codec::latin1, "latin-1"},
        {"l1", Codec::latin1, "latin-1"},
        {"iso_8859_1", Codec::latin1, "latin-1"},
        {"iso8859_1", Codec::latin1, "latin-1"},
        {"8859", Codec::latin1, "latin-1"},
        {"cp819", Codec::latin1, "latin-1"},
        {"iso_ir_100", Codec::latin1, "latin-1"},
        {"utf_16", Codec::utf16, "utf-16"},
        {"utf16", Codec::utf16, "utf-16"},
        {"utf_16_le", Codec::utf16_le, "utf-16-le"},
        {"utf_16le", Codec::utf16_le, "utf-16-le"},
        {"utf_16_be", Codec::utf16_be, "utf-16-be"},
        {"utf_16be", Codec::utf16_be, "utf-16-be"},
        {"utf_32", Codec::utf32, "utf-32"},
        {"utf32", Codec::utf32, "utf-32"},
        {"utf_32_le", Codec::utf32_le, "utf-32-le"},
        {"utf_32le", Codec::utf32_le, "utf-32-le"},
        {"utf_32_be", Codec::utf32_be, "utf-32-be"},
        {"utf_32be", Codec::utf32_be, "utf-32-be"},
    };
    for (const Alias& alias : aliases) {
        if (key == alias.key) {
            out = {alias.codec, alias.name};
            return true;
        }
    }
    return false;
}

Raised raise_lookup(VM& vm, std::string_view message) {
    return raise_message(vm, vm.exceptions().LookupError, message);
}

Raised raise_codec_error(VM& vm, Type* type, const char* encoding, Object* object, size_t start,
                         size_t end, const char* reason) {
    Ref<Object> name = str_from_utf8(vm, encoding);
    Ref<Object> start_object = int_from_i64(vm, static_cast<int64_t>(start));
    Ref<Object> end_object = int_from_i64(vm, static_cast<int64_t>(end));
    Ref<Object> reason_object = str_from_utf8(vm, reason);
    if (!name || !start_object || !end_object || !reason_object)
        return {};
    Ref<Object> args = tuple_pack(
        vm, {name.get(), object, start_object.get(), end_object.get(), reason_object.get()});
    if (!args)
        return {};
    Ref<Object> exception = exception_new(vm, type, args.get());
    if (!exception)
        return {};
    return raise_object(vm, exception.get());
}

void put_unit(std::string& out, uint32_t value, int size, bool big_endian) {
    for (int i = 0; i < size; ++i) {
        int shift = big_endian ? 8 * (size - 1 - i) : 8 * i;
        out.push_back(static_cast<char>((value >> shift) & 0xFF));
    }
}

// Appends the encoding of one encodable code point.
void encode_one(std::string& out, Codec codec, uint32_t cp) {
    switch (codec) {
    case Codec::utf8:
    case Codec::utf8_sig:
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
        break;
    case Codec::ascii:
    case Codec::latin1:
        out.push_back(static_cast<char>(cp));
        break;
    case Codec::utf16:
    case Codec::utf16_le:
    case Codec::utf16_be: {
        bool big = codec == Codec::utf16_be;
        if (cp >= 0x10000) {
            uint32_t v = cp - 0x10000;
            put_unit(out, 0xD800 | (v >> 10), 2, big);
            put_unit(out, 0xDC00 | (v & 0x3FF), 2, big);
        } else {
            put_unit(out, cp, 2, big);
        }
        break;
    }
    default:
        put_unit(out, cp, 4, codec == Codec::utf32_be);
    }
}

bool encodable(Codec codec, uint32_t cp) {
    if (codec == Codec::ascii)
        return cp < 0x80;
    if (codec == Codec::latin1)
        return cp < 0x100;
    return cp < 0xD800 || cp > 0xDFFF;
}

void append_ascii(std::string& out, Codec codec, std::string_view text) {
    for (char c : text)
        encode_one(out, codec, static_cast<unsigned char>(c));
}

std::string hex_escape(uint32_t cp) {
    char buffer[16];
    if (cp < 0x100)
        std::snprintf(buffer, sizeof buffer, "\\x%02x", cp);
    else if (cp < 0x10000)
        std::snprintf(buffer, sizeof buffer, "\\u%04x", cp);
    else
        std::snprintf(buffer, sizeof buffer, "\\U%08x", cp);
    return buffer;
}

bool known_handler(std::string_view errors) {
    return errors == "strict" || errors == "ignore" || errors == "replace" ||
           errors == "backslashreplace" || errors == "xmlcharrefreplace" ||
           errors == "surrogateescape" || errors == "surrogatepass" || errors == "namereplace";
}

// ====== Decoding helpers

// Length of the valid UTF-8 sequence at data[i] (1..4), or 0 with `bad_end` set to the end of the
// invalid range and `reason` to CPython's reason.
size_t utf8_sequence(std::string_view data, size_t i, uint32_t& cp, size_t& bad_end,
                     const char*& reason, bool surrogatepass) {
    auto byte = [&](size_t k) { return static_cast<uint8_t>(data[k]); };
    uint8_t lead = byte(i);
    if (lead < 0x80) {
        cp = lead;
        return 1;
    }
    size_t need = 0;
    uint8_t low = 0x80;
    uint8_t high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
        cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        cp = lead & 0x0Fu;
        if (lead == 0xE0)
            low = 0xA0;
        if (lead == 0xED && !surrogatepass)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        cp = lead & 0x07u;
        if (lead == 0xF0)
            low = 0x90;
        if (lead == 0xF4)
            high = 0x8F;
    } else {
        bad_end = i + 1;
        reason = "invalid start byte";
        return 0;
    }
    for (size_t k = 1; k <= need; ++k) {
        if (i + k >= data.size()) {
            bad_end = data.size();
            reason = "unexpected end of data";
            return 0;
        }
        uint8_t b = byte(i + k);
        uint8_t lo = k == 1 ? low : 0x80;
        uint8_t hi = k == 1 ? high : 0xBF;
        if (b < lo || b > hi) {
            bad_end = i + k;
            reason = "invalid continuation byte";
            return 0;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    return need + 1;
}

} // namespace

Status codec_arguments(VM& vm, const char* function, Object* encoding, Object* errors,
                       std::string& encoding_out, std::string& errors_out) {
    encoding_out = "utf-8";
    errors_out = "strict";
    if (encoding) {
        if (!is_str(encoding))
            return raise_type_error(vm, function, "() argument 'encoding' must be str, not ",
                                    encoding->type->name);
        encoding_out = str_to_utf8(encoding);
    }
    if (errors) {
        if (!is_str(errors))
            return raise_type_error(vm, function, "() argument 'errors' must be str, not ",
                                    errors->type->name);
        errors_out = str_to_utf8(errors);
    }
    return Status::ok;
}

Ref<Object> codec_encode(VM& vm, Object* text, std::string_view encoding, std::string_view errors) {
    CodecInfo info{};
    if (!lookup_codec(encoding, info))
        return raise_lookup(vm, "unknown encoding: " + std::string(encoding));
    const Str* s = static_cast<const Str*>(text);
    if (info.codec == Codec::utf8 && s->ascii)
        return bytes_new(vm, str_ascii_view(text));
    std::string out;
    if (info.codec == Codec::utf8_sig)
        out = "\xEF\xBB\xBF";
    else if (info.codec == Codec::utf16)
        out = "\xFF\xFE";
    else if (info.codec == Codec::utf32)
        out = std::string("\xFF\xFE\0\0", 4);
    Codec unit = info.codec == Codec::utf16   ? Codec::utf16_le
                 : info.codec == Codec::utf32 ? Codec::utf32_le
                                              : info.codec;
    intptr_t length = s->size;
    for (intptr_t i = 0; i < length;) {
        uint32_t cp = str_char_at(s, i);
        if (encodable(unit, cp)) {
            encode_one(out, unit, cp);
            ++i;
            continue;
        }
        intptr_t end = i + 1;
        while (end < length && !encodable(unit, str_char_at(s, end)))
            ++end;
        if (errors == "surrogatepass" && unit != Codec::ascii && unit != Codec::latin1) {
            bool all_surrogates = true;
            for (intptr_t k = i; k < end; ++k) {
                uint32_t c = str_char_at(s, k);
                all_surrogates = all_surrogates && c >= 0xD800 && c <= 0xDFFF;
            }
            if (all_surrogates) {
                for (intptr_t k = i; k < end; ++k) {
                    uint32_t c = str_char_at(s, k);
                    if (unit == Codec::utf8 || unit == Codec::utf8_sig) {
                        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
                        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
                        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
                    } else {
                        bool big = unit == Codec::utf16_be || unit == Codec::utf32_be;
                        put_unit(out, c, unit == Codec::utf16_le || unit == Codec::utf16_be ? 2 : 4,
                                 big);
                    }
                }
                i = end;
                continue;
            }
        }
        if (errors == "ignore") {
        } else if (errors == "replace") {
            for (intptr_t k = i; k < end; ++k)
                encode_one(out, unit, '?');
        } else if (errors == "backslashreplace") {
            for (intptr_t k = i; k < end; ++k)
                append_ascii(out, unit, hex_escape(str_char_at(s, k)));
        } else if (errors == "xmlcharrefreplace") {
            for (intptr_t k = i; k < end; ++k)
                append_ascii(out, unit, "&#" + std::to_string(str_char_at(s, k)) + ";");
        } else if (errors == "surrogateescape" && [&] {
                       for (intptr_t k = i; k < end; ++k) {
                           uint32_t c = str_char_at(s, k);
                           if (c < 0xDC80 || c > 0xDCFF)
                               return false;
                       }
                       return true;
                   }()) {
            for (intptr_t k = i; k < end; ++k)
                out.push_back(static_cast<char>(str_char_at(s, k) - 0xDC00));
        } else if (errors != "strict" && errors != "surrogateescape" && errors != "surrogatepass" &&
                   !known_handler(errors)) {
            return raise_lookup(vm, "unknown error handler name '" + std::string(errors) + "'");
        } else {
            const char* reason = unit == Codec::ascii    ? "ordinal not in range(128)"
                                 : unit == Codec::latin1 ? "ordinal not in range(256)"
                                                         : "surrogates not allowed";
            return raise_codec_error(vm, vm.exceptions().UnicodeEncodeError, info.name, text,
                                     static_cast<size_t>(i), static_cast<size_t>(end), reason);
        }
        i = end;
    }
    return bytes_new(vm, out);
}

Ref<Object> codec_decode(VM& vm, std::string_view data, std::string_view encoding,
                         std::string_view errors, Object* source) {
    CodecInfo info{};
    if (!lookup_codec(encoding, info))
        return raise_lookup(vm, "unknown encoding: " + std::string(encoding));
    std::vector<uint32_t> out;
    out.reserve(data.size());
    Codec codec = info.codec;
    size_t i = 0;
    if (codec == Codec::utf8_sig) {
        if (data.substr(0, 3) == "\xEF\xBB\xBF")
            i = 3;
        codec = Codec::utf8;
    }
    bool big_endian = codec == Codec::utf16_be || codec == Codec::utf32_be;
    if (codec == Codec::utf16 && data.size() >= 2) {
        if (data.substr(0, 2) == "\xFF\xFE") {
            i = 2;
        } else if (data.substr(0, 2) == "\xFE\xFF") {
            i = 2;
            big_endian = true;
        }
    }
    if (codec == Codec::utf32 && data.size() >= 4) {
        if (data.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) {
            i = 4;
        } else if (data.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) {
            i = 4;
            big_endian = true;
        }
    }
    bool unit16 = codec == Codec::utf16 || codec == Codec::utf16_le || codec == Codec::utf16_be;
    bool unit32 = codec == Codec::utf32 || codec == Codec::utf32_le || codec == Codec::utf32_be;
    auto read_unit = [&](size_t at, int size) {
        uint32_t v = 0;
        for (int k = 0; k < size; ++k) {
            auto b = static_cast<uint8_t>(data[at + static_cast<size_t>(k)]);
            v |= static_cast<uint32_t>(b) << (big_endian ? 8 * (size - 1 - k) : 8 * k);
        }
        return v;
    };
    while (i < data.size()) {
        size_t bad_end = 0;
        const char* reason = nullptr;
        uint32_t cp = 0;
        size_t used = 0;
        if (codec == Codec::utf8) {
            used = utf8_sequence(data, i, cp, bad_end, reason, errors == "surrogatepass");
        } else if (codec == Codec::ascii) {
            cp = static_cast<uint8_t>(data[i]);
            used = cp < 0x80 ? 1 : 0;
            bad_end = i + 1;
            reason = "ordinal not in range(128)";
        } else if (codec == Codec::latin1) {
            cp = static_cast<uint8_t>(data[i]);
            used = 1;
        } else if (unit16) {
            if (i + 2 > data.size()) {
                bad_end = data.size();
                reason = "truncated data";
            } else {
                cp = read_unit(i, 2);
                used = 2;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (i + 4 > data.size()) {
                        used = 0;
                        bad_end = data.size();
                        reason = "unexpected end of data";
                    } else {
                        uint32_t low = read_unit(i + 2, 2);
                        if (low >= 0xDC00 && low <= 0xDFFF) {
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                            used = 4;
                        } else if (errors != "surrogatepass") {
                            used = 0;
                            bad_end = i + 2;
                            reason = "illegal UTF-16 surrogate";
                        }
                    }
                } else if (cp >= 0xDC00 && cp <= 0xDFFF && errors != "surrogatepass") {
                    used = 0;
                    bad_end = i + 2;
                    reason = "illegal encoding";
                }
            }
        } else if (unit32) {
            if (i + 4 > data.size()) {
                bad_end = data.size();
                reason = "truncated data";
            } else {
                cp = read_unit(i, 4);
                used = 4;
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF && errors != "surrogatepass")) {
                    used = 0;
                    bad_end = i + 4;
                    reason = cp > 0x10FFFF ? "code point not in range(0x110000)"
                                           : "code point in surrogate code point range(0xd800, "
                                             "0xe000)";
                }
            }
        }
        if (used > 0) {
            out.push_back(cp);
            i += used;
            continue;
        }
        if (errors == "strict" || !known_handler(errors) || errors == "xmlcharrefreplace" ||
            errors == "surrogatepass" || errors == "namereplace") {
            if (!known_handler(errors))
                return raise_lookup(vm, "unknown error handler name '" + std::string(errors) + "'");
            Ref<Object> object = source ? Ref<Object>::borrow(source) : bytes_new(vm, data);
            if (!object)
                return nullptr;
            return raise_codec_error(vm, vm.exceptions().UnicodeDecodeError, info.name,
                                     object.get(), i, bad_end, reason);
        }
        if (errors == "replace") {
            out.push_back(0xFFFD);
        } else if (errors == "backslashreplace") {
            for (size_t k = i; k < bad_end; ++k) {
                for (char c : hex_escape(static_cast<uint8_t>(data[k])))
                    out.push_back(static_cast<unsigned char>(c));
            }
        } else if (errors == "surrogateescape") {
            for (size_t k = i; k < bad_end; ++k) {
                auto b = static_cast<uint8_t>(data[k]);
                out.push_back(b < 0x80 ? b : 0xDC00u + b);
            }
        }
        i = bad_end;
    }
    return str_from_code_points(vm, out.data(), out.size());
}

} // namespace minipy::vm
