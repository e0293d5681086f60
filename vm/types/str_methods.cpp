// The methods of str (Library Reference 4.7.1), working on code point strings (std::u32string):
// searching, splitting, case mapping with the Unicode database (utf8proc, plus the unconditional
// SpecialCasing.txt entries that need more than one code point), padding, translation, encode.
// Every method matches CPython 3.11's results and error messages.
#include "vm/types/str_methods.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "vm/eval_helpers.h"
#include "vm/format.h"
#include "vm/types/bytes.h"
#include "vm/types/codecs.h"
#include "vm/types/dict.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/method_args.h"
#include "vm/types/str.h"
#include "vm/types/str_kind.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {

// ====== Character database

namespace {

utf8proc_category_t category(uint32_t cp) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

bool is_cased_lower(uint32_t cp) {
    auto c = category(cp);
    return c == UTF8PROC_CATEGORY_LL || cp == 0xAA || cp == 0xBA || (cp >= 0x2B0 && cp <= 0x2B8) ||
           (cp >= 0x2C0 && cp <= 0x2C1) || (cp >= 0x2E0 && cp <= 0x2E4) || cp == 0x345 ||
           cp == 0x37A || (cp >= 0x1D2C && cp <= 0x1D6A) || cp == 0x1D78 ||
           (cp >= 0x1D9B && cp <= 0x1DBF) || cp == 0x2071 || cp == 0x207F || cp == 0x2C7C ||
           cp == 0x2C7D || cp == 0xA69C || cp == 0xA69D || cp == 0xA770 || cp == 0xA7F8 ||
           cp == 0xA7F9 || (cp >= 0xAB5C && cp <= 0xAB5F) || cp == 0xAB69 ||
           (cp >= 0x2090 && cp <= 0x209C) || (cp >= 0x2170 && cp <= 0x217F) ||
           (cp >= 0x24D0 && cp <= 0x24E9);
}
bool is_cased_upper(uint32_t cp) {
    return category(cp) == UTF8PROC_CATEGORY_LU || (cp >= 0x2160 && cp <= 0x216F) ||
           (cp >= 0x24B6 && cp <= 0x24CF) || (cp >= 0x1F130 && cp <= 0x1F149) ||
           (cp >= 0x1F150 && cp <= 0x1F169) || (cp >= 0x1F170 && cp <= 0x1F189);
}
bool is_title_char(uint32_t cp) {
    return category(cp) == UTF8PROC_CATEGORY_LT;
}
bool is_cased(uint32_t cp) {
    return is_cased_lower(cp) || is_cased_upper(cp) || is_title_char(cp);
}
bool is_case_ignorable(uint32_t cp) {
    auto c = category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME || c == UTF8PROC_CATEGORY_CF ||
           c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_SK || cp == '\'' || cp == '.' ||
           cp == ':' || cp == 0xAD || cp == 0x2019;
}

// Unconditional multi-code-point case mappings (SpecialCasing.txt): lower, title, upper.
struct SpecialCase {
    uint32_t cp;
    const char32_t* lower;
    const char32_t* title;
    const char32_t* upper;
};
// Generated from the Unicode database of CPython 3.11 (every code point whose lower, title or
// upper mapping has more than one code point).
constexpr SpecialCase special_cases[] = {
    {0x00DF, U"\u00DF", U"\u0053\u0073", U"\u0053\u0053"},
    {0x0130, U"\u0069\u0307", U"\u0130", U"\u0130"},
    {0x0149, U"\u0149", U"\u02BC\u004E", U"\u02BC\u004E"},
    {0x01F0, U"\u01F0", U"\u004A\u030C", U"\u004A\u030C"},
    {0x0390, U"\u0390", U"\u0399\u0308\u0301", U"\u0399\u0308\u0301"},
    {0x03B0, U"\u03B0", U"\u03A5\u0308\u0301", U"\u03A5\u0308\u0301"},
    {0x0587, U"\u0587", U"\u0535\u0582", U"\u0535\u0552"},
    {0x1E96, U"\u1E96", U"\u0048\u0331", U"\u0048\u0331"},
    {0x1E97, U"\u1E97", U"\u0054\u0308", U"\u0054\u0308"},
    {0x1E98, U"\u1E98", U"\u0057\u030A", U"\u0057\u030A"},
    {0x1E99, U"\u1E99", U"\u0059\u030A", U"\u0059\u030A"},
    {0x1E9A, U"\u1E9A", U"\u0041\u02BE", U"\u0041\u02BE"},
    {0x1F50, U"\u1F50", U"\u03A5\u0313", U"\u03A5\u0313"},
    {0x1F52, U"\u1F52", U"\u03A5\u0313\u0300", U"\u03A5\u0313\u0300"},
    {0x1F54, U"\u1F54", U"\u03A5\u0313\u0301", U"\u03A5\u0313\u0301"},
    {0x1F56, U"\u1F56", U"\u03A5\u0313\u0342", U"\u03A5\u0313\u0342"},
    {0x1F80, U"\u1F80", U"\u1F88", U"\u1F08\u0399"},
    {0x1F81, U"\u1F81", U"\u1F89", U"\u1F09\u0399"},
    {0x1F82, U"\u1F82", U"\u1F8A", U"\u1F0A\u0399"},
    {0x1F83, U"\u1F83", U"\u1F8B", U"\u1F0B\u0399"},
    {0x1F84, U"\u1F84", U"\u1F8C", U"\u1F0C\u0399"},
    {0x1F85, U"\u1F85", U"\u1F8D", U"\u1F0D\u0399"},
    {0x1F86, U"\u1F86", U"\u1F8E", U"\u1F0E\u0399"},
    {0x1F87, U"\u1F87", U"\u1F8F", U"\u1F0F\u0399"},
    {0x1F88, U"\u1F80", U"\u1F88", U"\u1F08\u0399"},
    {0x1F89, U"\u1F81", U"\u1F89", U"\u1F09\u0399"},
    {0x1F8A, U"\u1F82", U"\u1F8A", U"\u1F0A\u0399"},
    {0x1F8B, U"\u1F83", U"\u1F8B", U"\u1F0B\u0399"},
    {0x1F8C, U"\u1F84", U"\u1F8C", U"\u1F0C\u0399"},
    {0x1F8D, U"\u1F85", U"\u1F8D", U"\u1F0D\u0399"},
    {0x1F8E, U"\u1F86", U"\u1F8E", U"\u1F0E\u0399"},
    {0x1F8F, U"\u1F87", U"\u1F8F", U"\u1F0F\u0399"},
    {0x1F90, U"\u1F90", U"\u1F98", U"\u1F28\u0399"},
    {0x1F91, U"\u1F91", U"\u1F99", U"\u1F29\u0399"},
    {0x1F92, U"\u1F92", U"\u1F9A", U"\u1F2A\u0399"},
    {0x1F93, U"\u1F93", U"\u1F9B", U"\u1F2B\u0399"},
    {0x1F94, U"\u1F94", U"\u1F9C", U"\u1F2C\u0399"},
    {0x1F95, U"\u1F95", U"\u1F9D", U"\u1F2D\u0399"},
    {0x1F96, U"\u1F96", U"\u1F9E", U"\u1F2E\u0399"},
    {0x1F97, U"\u1F97", U"\u1F9F", U"\u1F2F\u0399"},
    {0x1F98, U"\u1F90", U"\u1F98", U"\u1F28\u0399"},
    {0x1F99, U"\u1F91", U"\u1F99", U"\u1F29\u0399"},
    {0x1F9A, U"\u1F92", U"\u1F9A", U"\u1F2A\u0399"},
    {0x1F9B, U"\u1F93", U"\u1F9B", U"\u1F2B\u0399"},
    {0x1F9C, U"\u1F94", U"\u1F9C", U"\u1F2C\u0399"},
    {0x1F9D, U"\u1F95", U"\u1F9D", U"\u1F2D\u0399"},
    {0x1F9E, U"\u1F96", U"\u1F9E", U"\u1F2E\u0399"},
    {0x1F9F, U"\u1F97", U"\u1F9F", U"\u1F2F\u0399"},
    {0x1FA0, U"\u1FA0", U"\u1FA8", U"\u1F68\u0399"},
    {0x1FA1, U"\u1FA1", U"\u1FA9", U"\u1F69\u0399"},
    {0x1FA2, U"\u1FA2", U"\u1FAA", U"\u1F6A\u0399"},
    {0x1FA3, U"\u1FA3", U"\u1FAB", U"\u1F6B\u0399"},
    {0x1FA4, U"\u1FA4", U"\u1FAC", U"\u1F6C\u0399"},
    {0x1FA5, U"\u1FA5", U"\u1FAD", U"\u1F6D\u0399"},
    {0x1FA6, U"\u1FA6", U"\u1FAE", U"\u1F6E\u0399"},
    {0x1FA7, U"\u1FA7", U"\u1FAF", U"\u1F6F\u0399"},
    {0x1FA8, U"\u1FA0", U"\u1FA8", U"\u1F68\u0399"},
    {0x1FA9, U"\u1FA1", U"\u1FA9", U"\u1F69\u0399"},
    {0x1FAA, U"\u1FA2", U"\u1FAA", U"\u1F6A\u0399"},
    {0x1FAB, U"\u1FA3", U"\u1FAB", U"\u1F6B\u0399"},
    {0x1FAC, U"\u1FA4", U"\u1FAC", U"\u1F6C\u0399"},
    {0x1FAD, U"\u1FA5", U"\u1FAD", U"\u1F6D\u0399"},
    {0x1FAE, U"\u1FA6", U"\u1FAE", U"\u1F6E\u0399"},
    {0x1FAF, U"\u1FA7", U"\u1FAF", U"\u1F6F\u0399"},
    {0x1FB2, U"\u1FB2", U"\u1FBA\u0345", U"\u1FBA\u0399"},
    {0x1FB3, U"\u1FB3", U"\u1FBC", U"\u0391\u0399"},
    {0x1FB4, U"\u1FB4", U"\u0386\u0345", U"\u0386\u0399"},
    {0x1FB6, U"\u1FB6", U"\u0391\u0342", U"\u0391\u0342"},
    {0x1FB7, U"\u1FB7", U"\u0391\u0342\u0345", U"\u0391\u0342\u0399"},
    {0x1FBC, U"\u1FB3", U"\u1FBC", U"\u0391\u0399"},
    {0x1FC2, U"\u1FC2", U"\u1FCA\u0345", U"\u1FCA\u0399"},
    {0x1FC3, U"\u1FC3", U"\u1FCC", U"\u0397\u0399"},
    {0x1FC4, U"\u1FC4", U"\u0389\u0345", U"\u0389\u0399"},
    {0x1FC6, U"\u1FC6", U"\u0397\u0342", U"\u0397\u0342"},
    {0x1FC7, U"\u1FC7", U"\u0397\u0342\u0345", U"\u0397\u0342\u0399"},
    {0x1FCC, U"\u1FC3", U"\u1FCC", U"\u0397\u0399"},
    {0x1FD2, U"\u1FD2", U"\u0399\u0308\u0300", U"\u0399\u0308\u0300"},
    {0x1FD3, U"\u1FD3", U"\u0399\u0308\u0301", U"\u0399\u0308\u0301"},
    {0x1FD6, U"\u1FD6", U"\u0399\u0342", U"\u0399\u0342"},
    {0x1FD7, U"\u1FD7", U"\u0399\u0308\u0342", U"\u0399\u0308\u0342"},
    {0x1FE2, U"\u1FE2", U"\u03A5\u0308\u0300", U"\u03A5\u0308\u0300"},
    {0x1FE3, U"\u1FE3", U"\u03A5\u0308\u0301", U"\u03A5\u0308\u0301"},
    {0x1FE4, U"\u1FE4", U"\u03A1\u0313", U"\u03A1\u0313"},
    {0x1FE6, U"\u1FE6", U"\u03A5\u0342", U"\u03A5\u0342"},
    {0x1FE7, U"\u1FE7", U"\u03A5\u0308\u0342", U"\u03A5\u0308\u0342"},
    {0x1FF2, U"\u1FF2", U"\u1FFA\u0345", U"\u1FFA\u0399"},
    {0x1FF3, U"\u1FF3", U"\u1FFC", U"\u03A9\u0399"},
    {0x1FF4, U"\u1FF4", U"\u038F\u0345", U"\u038F\u0399"},
    {0x1FF6, U"\u1FF6", U"\u03A9\u0342", U"\u03A9\u0342"},
    {0x1FF7, U"\u1FF7", U"\u03A9\u0342\u0345", U"\u03A9\u0342\u0399"},
    {0x1FFC, U"\u1FF3", U"\u1FFC", U"\u03A9\u0399"},
    {0xFB00, U"\uFB00", U"\u0046\u0066", U"\u0046\u0046"},
    {0xFB01, U"\uFB01", U"\u0046\u0069", U"\u0046\u0049"},
    {0xFB02, U"\uFB02", U"\u0046\u006C", U"\u0046\u004C"},
    {0xFB03, U"\uFB03", U"\u0046\u0066\u0069", U"\u0046\u0046\u0049"},
    {0xFB04, U"\uFB04", U"\u0046\u0066\u006C", U"\u0046\u0046\u004C"},
    {0xFB05, U"\uFB05", U"\u0053\u0074", U"\u0053\u0054"},
    {0xFB06, U"\uFB06", U"\u0053\u0074", U"\u0053\u0054"},
    {0xFB13, U"\uFB13", U"\u0544\u0576", U"\u0544\u0546"},
    {0xFB14, U"\uFB14", U"\u0544\u0565", U"\u0544\u0535"},
    {0xFB15, U"\uFB15", U"\u0544\u056B", U"\u0544\u053B"},
    {0xFB16, U"\uFB16", U"\u054E\u0576", U"\u054E\u0546"},
    {0xFB17, U"\uFB17", U"\u0544\u056D", U"\u0544\u053D"},
};

enum class Case : uint8_t { lower, title, upper };

void append_case(std::u32string& out, uint32_t cp, Case which) {
    if (cp >= 0xDF) {
        for (const SpecialCase& special : special_cases) {
            if (special.cp == cp) {
                out += which == Case::lower   ? special.lower
                       : which == Case::title ? special.title
                                              : special.upper;
                return;
            }
        }
    }
    auto c = static_cast<utf8proc_int32_t>(cp);
    utf8proc_int32_t mapped = which == Case::lower   ? utf8proc_tolower(c)
                              : which == Case::title ? utf8proc_totitle(c)
                                                     : utf8proc_toupper(c);
    out.push_back(static_cast<char32_t>(mapped));
}

// Greek capital sigma lowers to final sigma at the end of a word (Unicode 3.13 Final_Sigma).
bool final_sigma(const std::u32string& text, size_t i) {
    size_t j = i;
    while (j > 0 && is_case_ignorable(text[j - 1]))
        --j;
    if (j == 0 || !is_cased(text[j - 1]))
        return false;
    size_t k = i + 1;
    while (k < text.size() && is_case_ignorable(text[k]))
        ++k;
    return k == text.size() || !is_cased(text[k]);
}

void append_lower(std::u32string& out, const std::u32string& text, size_t i) {
    if (text[i] == 0x3A3)
        out.push_back(final_sigma(text, i) ? 0x3C2 : 0x3C3);
    else
        append_case(out, text[i], Case::lower);
}

} // namespace

bool unicode_is_space(uint32_t cp) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F) || cp == 0x85 ||
           cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}
bool unicode_is_alpha(uint32_t cp) {
    if (cp < 128)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    auto c = category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
           c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_LO;
}
bool unicode_is_decimal(uint32_t cp) {
    if (cp < 128)
        return cp >= '0' && cp <= '9';
    return category(cp) == UTF8PROC_CATEGORY_ND;
}
bool unicode_is_digit(uint32_t cp) {
    if (cp < 128)
        return cp >= '0' && cp <= '9';
    if (unicode_is_decimal(cp))
        return true;
    // Numeric_Type=Digit: superscripts, subscripts, circled and parenthesised digits.
    return cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || cp == 0x2070 ||
           (cp >= 0x2074 && cp <= 0x2079) || (cp >= 0x2080 && cp <= 0x2089) ||
           (cp >= 0x2460 && cp <= 0x2468) || (cp >= 0x2474 && cp <= 0x247C) ||
           (cp >= 0x2488 && cp <= 0x2490) || cp == 0x24EA || (cp >= 0x24F5 && cp <= 0x24FD) ||
           cp == 0x24FF || (cp >= 0x2776 && cp <= 0x277E) || (cp >= 0x2780 && cp <= 0x2788) ||
           (cp >= 0x278A && cp <= 0x2792) || (cp >= 0x1369 && cp <= 0x1371) || cp == 0x19DA ||
           (cp >= 0x1F100 && cp <= 0x1F10A) || (cp >= 0x10A40 && cp <= 0x10A43);
}
bool unicode_is_numeric(uint32_t cp) {
    auto c = category(cp);
    if (c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO)
        return true;
    // CJK ideographs with a numeric value (Unicode's kPrimaryNumeric and friends).
    static constexpr char32_t cjk[] = U"\u3007\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B"
                                      U"\u4E5D\u5341\u767E\u5343\u4E07\u5104\u5146\u96F6\u58F1"
                                      U"\u5F10\u53C2\u62FE\u5EFF\u5345\u4EBF";
    for (char32_t n : std::u32string_view(cjk)) {
        if (n == cp)
            return true;
    }
    return false;
}
bool unicode_is_printable(uint32_t cp) {
    if (cp == ' ')
        return true;
    auto c = category(cp);
    return !(c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF || c == UTF8PROC_CATEGORY_CS ||
             c == UTF8PROC_CATEGORY_CO || c == UTF8PROC_CATEGORY_CN || c == UTF8PROC_CATEGORY_ZL ||
             c == UTF8PROC_CATEGORY_ZP || c == UTF8PROC_CATEGORY_ZS);
}
int unicode_decimal_value(uint32_t cp) {
    if (cp >= '0' && cp <= '9')
        return static_cast<int>(cp - '0');
    if (!unicode_is_decimal(cp))
        return -1;
    // Decimal digits come in contiguous runs of ten starting at a zero (Unicode 5.0+ guarantee).
    uint32_t zero = cp;
    while (zero > 0 && unicode_is_decimal(zero - 1) && cp - (zero - 1) < 10)
        --zero;
    return static_cast<int>((cp - zero) % 10);
}

std::u32string str_to_u32(const Object* s) {
    const Str* str = static_cast<const Str*>(s);
    std::u32string out(static_cast<size_t>(str->size), U'\0');
    for (intptr_t i = 0; i < str->size; ++i)
        out[static_cast<size_t>(i)] = str_char_at(str, i);
    return out;
}

Ref<Object> str_from_u32(VM& vm, const std::u32string& text) {
    return str_from_code_points(vm, reinterpret_cast<const uint32_t*>(text.data()), text.size());
}

namespace {

using Args = Object* const*;
using Text = std::u32string;

size_t uz(intptr_t value) {
    return static_cast<size_t>(value);
}
intptr_t sz(size_t value) {
    return static_cast<intptr_t>(value);
}

Ref<Object> same_or_copy(VM& vm, Object* self) {
    if (self->type == vm.types().str)
        return Ref<Object>::borrow(self);
    const Str* s = static_cast<const Str*>(self);
    return str_from_kind_data(vm, str_data(s), s->kind, uz(s->size));
}

bool ascii_is_lower(uint8_t c) {
    return c >= 'a' && c <= 'z';
}
bool ascii_is_upper(uint8_t c) {
    return c >= 'A' && c <= 'Z';
}

void write_code_point(Str* s, size_t index, uint32_t cp) {
    switch (s->kind) {
    case 1:
        static_cast<uint8_t*>(str_data(s))[index] = static_cast<uint8_t>(cp);
        break;
    case 2:
        static_cast<uint16_t*>(str_data(s))[index] = static_cast<uint16_t>(cp);
        break;
    default:
        static_cast<uint32_t*>(str_data(s))[index] = cp;
    }
}

// Argument Clinic's positional count check: "strip expected at most 1 argument, got 2".
Status check_count(VM& vm, const char* name, size_t nargs, size_t minimum, size_t maximum) {
    if (nargs < minimum)
        return raise_type_error(vm, name, " expected ", minimum == maximum ? "" : "at least ",
                                minimum, " argument", minimum == 1 ? "" : "s", ", got ", nargs);
    if (nargs > maximum)
        return raise_type_error(vm, name, " expected ", minimum == maximum ? "" : "at most ",
                                maximum, " argument", maximum == 1 ? "" : "s", ", got ", nargs);
    return Status::ok;
}

// ====== Case

// ASCII text maps byte by byte: no ASCII letter has a special or context-dependent mapping, and
// the title case of an ASCII letter is its upper case. map(previous_cased, c) gives the new byte.
template <class Map> Ref<Object> map_ascii_case(VM& vm, const Str* s, Map map) {
    auto length = uz(s->size);
    Ref<Str> out = str_allocate(vm, length, 1, true);
    if (!out)
        return nullptr;
    const auto* in = static_cast<const uint8_t*>(str_data(s));
    auto* o = static_cast<uint8_t*>(str_data(out.get()));
    bool previous_cased = false;
    for (size_t i = 0; i < length; ++i) {
        uint8_t c = in[i];
        o[i] = map(previous_cased, c);
        previous_cased = ascii_is_lower(c) || ascii_is_upper(c);
    }
    return out;
}
uint8_t ascii_to_upper(uint8_t c) {
    return ascii_is_lower(c) ? static_cast<uint8_t>(c - 32) : c;
}
uint8_t ascii_to_lower(uint8_t c) {
    return ascii_is_upper(c) ? static_cast<uint8_t>(c + 32) : c;
}

// lower() / upper() of ASCII text: each byte on its own.
template <class Map> Ref<Object> map_ascii_bytes(VM& vm, const Str* s, Map map) {
    auto length = uz(s->size);
    Ref<Str> out = str_allocate(vm, length, 1, true);
    if (!out)
        return nullptr;
    const auto* in = static_cast<const uint8_t*>(str_data(s));
    auto* o = static_cast<uint8_t*>(str_data(out.get()));
    for (size_t i = 0; i < length; ++i)
        o[i] = map(in[i]);
    return out;
}

Ref<Object> map_case(VM& vm, Object* self, Case which) {
    const Str* s = static_cast<const Str*>(self);
    if (s->ascii) {
        // Lambdas, not the functions' addresses: the per-byte map is inlined (and vectorised).
        if (which == Case::lower)
            return map_ascii_bytes(vm, s, [](uint8_t c) { return ascii_to_lower(c); });
        return map_ascii_bytes(vm, s, [](uint8_t c) { return ascii_to_upper(c); });
    }
    Text text = str_to_u32(self);
    Text out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (which == Case::lower)
            append_lower(out, text, i);
        else
            append_case(out, text[i], which);
    }
    return str_from_u32(vm, out);
}
Ref<Object> str_upper(VM& vm, Object* self, Args, size_t, Object*) {
    return map_case(vm, self, Case::upper);
}
Ref<Object> str_lower(VM& vm, Object* self, Args, size_t, Object*) {
    return map_case(vm, self, Case::lower);
}
Ref<Object> str_swapcase(VM& vm, Object* self, Args, size_t, Object*) {
    if (static_cast<const Str*>(self)->ascii)
        return map_ascii_case(vm, static_cast<const Str*>(self), [](bool, uint8_t c) {
            return ascii_is_upper(c) ? ascii_to_lower(c) : ascii_to_upper(c);
        });
    Text text = str_to_u32(self);
    Text out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (is_cased_upper(text[i]))
            append_lower(out, text, i);
        else if (is_cased_lower(text[i]))
            append_case(out, text[i], Case::upper);
        else
            out.push_back(text[i]);
    }
    return str_from_u32(vm, out);
}
Ref<Object> str_title(VM& vm, Object* self, Args, size_t, Object*) {
    if (static_cast<const Str*>(self)->ascii)
        return map_ascii_case(vm, static_cast<const Str*>(self), [](bool previous, uint8_t c) {
            return previous ? ascii_to_lower(c) : ascii_to_upper(c);
        });
    Text text = str_to_u32(self);
    Text out;
    bool previous_cased = false;
    for (size_t i = 0; i < text.size(); ++i) {
        uint32_t c = text[i];
        if (previous_cased)
            append_lower(out, text, i);
        else
            append_case(out, c, Case::title);
        previous_cased = is_cased(c);
    }
    return str_from_u32(vm, out);
}
Ref<Object> str_capitalize(VM& vm, Object* self, Args, size_t, Object*) {
    const Str* s = static_cast<const Str*>(self);
    if (s->ascii) {
        bool first = true;
        return map_ascii_case(vm, s, [&first](bool, uint8_t c) {
            bool was_first = first;
            first = false;
            return was_first ? ascii_to_upper(c) : ascii_to_lower(c);
        });
    }
    Text text = str_to_u32(self);
    Text out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (i == 0)
            append_case(out, text[i], Case::title);
        else
            append_lower(out, text, i);
    }
    return str_from_u32(vm, out);
}
Ref<Object> str_casefold(VM& vm, Object* self, Args, size_t, Object*) {
    Text text = str_to_u32(self);
    Text out;
    for (char32_t c : text) {
        utf8proc_int32_t buffer[8];
        int last = 0;
        utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), buffer, 8,
                                                     UTF8PROC_CASEFOLD, &last);
        if (n <= 0 || n > 8) {
            out.push_back(c);
            continue;
        }
        for (utf8proc_ssize_t k = 0; k < n; ++k)
            out.push_back(static_cast<char32_t>(buffer[k]));
    }
    return str_from_u32(vm, out);
}

// ====== Predicates

// test(c) for every code point of s, read in place; false for an empty s.
template <class Test> bool every_char(const Str* s, Test test) {
    if (s->size == 0)
        return false;
    return with_str_data(s, [&](auto* data) {
        for (intptr_t i = 0; i < s->size; ++i) {
            if (!test(static_cast<uint32_t>(data[i])))
                return false;
        }
        return true;
    });
}
template <class Test> Ref<Object> all_chars(VM& vm, Object* self, Test test) {
    return vm.new_bool(every_char(static_cast<const Str*>(self), test));
}
Ref<Object> str_isalpha(VM& vm, Object* self, Args, size_t, Object*) {
    return all_chars(vm, self, unicode_is_alpha);
}
Ref<Object> str_isdecimal(VM& vm, Object* self, Args, size_t, Object*) {
    return all_chars(vm, self, unicode_is_decimal);
}
Ref<Object> str_isdigit(VM& vm, Object* self, Args, size_t, Object*) {
    return all_chars(vm, self, unicode_is_digit);
}
Ref<Object> str_isnumeric(VM& vm, Object* self, Args, size_t, Object*) {
    return all_chars(vm, self, unicode_is_numeric);
}
Ref<Object> str_isalnum(VM& vm, Object* self, Args, size_t, Object*) {
    return all_chars(vm, self, [](uint32_t c) {
        return unicode_is_alpha(c) || unicode_is_decimal(c) || unicode_is_digit(c) ||
               unicode_is_numeric(c);
    });
}
Ref<Object> str_isspace(VM& vm, Object* self, Args, size_t, Object*) {
    return all_chars(vm, self, unicode_is_space);
}
Ref<Object> str_isascii(VM& vm, Object* self, Args, size_t, Object*) {
    return vm.new_bool(static_cast<Str*>(self)->ascii);
}
Ref<Object> str_isprintable(VM& vm, Object* self, Args, size_t, Object*) {
    Text text = str_to_u32(self);
    for (char32_t c : text) {
        if (!unicode_is_printable(c))
            return vm.new_bool(false);
    }
    return vm.new_bool(true);
}
Ref<Object> str_islower(VM& vm, Object* self, Args, size_t, Object*) {
    bool cased = false;
    for (char32_t c : str_to_u32(self)) {
        if (is_cased_upper(c) || is_title_char(c))
            return vm.new_bool(false);
        cased = cased || is_cased_lower(c);
    }
    return vm.new_bool(cased);
}
Ref<Object> str_isupper(VM& vm, Object* self, Args, size_t, Object*) {
    bool cased = false;
    for (char32_t c : str_to_u32(self)) {
        if (is_cased_lower(c) || is_title_char(c))
            return vm.new_bool(false);
        cased = cased || is_cased_upper(c);
    }
    return vm.new_bool(cased);
}
Ref<Object> str_istitle(VM& vm, Object* self, Args, size_t, Object*) {
    bool cased = false;
    bool previous_cased = false;
    for (char32_t c : str_to_u32(self)) {
        if (is_cased_upper(c) || is_title_char(c)) {
            if (previous_cased)
                return vm.new_bool(false);
            previous_cased = true;
            cased = true;
        } else if (is_cased_lower(c)) {
            if (!previous_cased)
                return vm.new_bool(false);
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    return vm.new_bool(cased);
}
bool identifier_start(uint32_t c) {
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    auto k = category(c);
    if (c == 0x37A || c == 0xE33 || c == 0xEB3 || c == 0x2E2F || c == 0xFF9E || c == 0xFF9F)
        return false; // not XID_Start: their NFKC forms are not identifier starts
    return unicode_is_alpha(c) || k == UTF8PROC_CATEGORY_NL || c == 0x1885 || c == 0x1886 ||
           c == 0x2118 || c == 0x212E || c == 0x309B || c == 0x309C;
}
bool identifier_continue(uint32_t c) {
    if (c < 128)
        return identifier_start(c) || (c >= '0' && c <= '9');
    auto k = category(c);
    return identifier_start(c) || k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC ||
           k == UTF8PROC_CATEGORY_ND || k == UTF8PROC_CATEGORY_PC || c == 0xB7 || c == 0x387 ||
           (c >= 0x1369 && c <= 0x1371) || c == 0x19DA || c == 0xFF9E || c == 0xFF9F;
}
Ref<Object> str_isidentifier(VM& vm, Object* self, Args, size_t, Object*) {
    Text text = str_to_u32(self);
    if (text.empty() || !identifier_start(text[0]))
        return vm.new_bool(false);
    for (size_t i = 1; i < text.size(); ++i) {
        if (!identifier_continue(text[i]))
            return vm.new_bool(false);
    }
    return vm.new_bool(true);
}

// ====== Searching

// Reads (sub[, start[, end]]) of find/count/index/startswith; sub checked by the caller.
Status search_range(VM& vm, const char* name, Args args, size_t nargs, intptr_t length,
                    intptr_t& start, intptr_t& end) {
    if (nargs < 1)
        return raise_type_error(vm, name, "() takes at least 1 argument (0 given)");
    if (nargs > 3)
        return raise_type_error(vm, name, "() takes at most 3 arguments (", nargs, " given)");
    if (!is_ok(optional_index(vm, nargs > 1 ? args[1] : nullptr, 0, start)) ||
        !is_ok(optional_index(vm, nargs > 2 ? args[2] : nullptr, INTPTR_MAX, end)))
        return Status::error;
    adjust_indices(start, end, length);
    return Status::ok;
}

Ref<Object> find_common(VM& vm, Object* self, Args args, size_t nargs, const char* name,
                        bool reverse, bool raise) {
    intptr_t start = 0, end = 0;
    if (!is_ok(search_range(vm, name, args, nargs, str_length(self), start, end)))
        return nullptr;
    if (!is_str(args[0]))
        return raise_type_error(vm, "must be str, not ", args[0]->type->name);
    intptr_t found = str_find(self, args[0], start, end, reverse);
    if (found < 0 && raise)
        return raise_value_error(vm, "substring not found");
    return int_from_i64(vm, found);
}
Ref<Object> str_find(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return find_common(vm, self, args, nargs, "find", false, false);
}
Ref<Object> str_rfind(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return find_common(vm, self, args, nargs, "rfind", true, false);
}
Ref<Object> str_index(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return find_common(vm, self, args, nargs, "index", false, true);
}
Ref<Object> str_rindex(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return find_common(vm, self, args, nargs, "rindex", true, true);
}
Ref<Object> str_count(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    intptr_t start = 0, end = 0;
    if (!is_ok(search_range(vm, "count", args, nargs, str_length(self), start, end)))
        return nullptr;
    if (!is_str(args[0]))
        return raise_type_error(vm, "must be str, not ", args[0]->type->name);
    if (start > str_length(self) || end < start)
        return int_from_i64(vm, 0);
    if (str_length(args[0]) == 0)
        return int_from_i64(vm, end - start + 1);
    return int_from_i64(vm, str_count(self, args[0], start, end, INTPTR_MAX));
}

Ref<Object> affix_common(VM& vm, Object* self, Args args, size_t nargs, bool at_start) {
    const char* name = at_start ? "startswith" : "endswith";
    intptr_t length = str_length(self);
    intptr_t start = 0, end = 0;
    if (!is_ok(search_range(vm, name, args, nargs, length, start, end)))
        return nullptr;
    auto matches = [&](Object* affix) {
        intptr_t m = str_length(affix);
        if (start > length || end - start < m)
            return false;
        return str_matches_at(self, affix, at_start ? start : end - m);
    };
    Object* affix = args[0];
    if (is_tuple(affix)) {
        for (intptr_t i = 0; i < tuple_size(affix); ++i) {
            Object* item = tuple_items(affix)[i];
            if (!is_str(item))
                return raise_type_error(vm, "tuple for ", name, " must only contain str, not ",
                                        item->type->name);
            if (matches(item))
                return vm.new_bool(true);
        }
        return vm.new_bool(false);
    }
    if (!is_str(affix))
        return raise_type_error(vm, name, " first arg must be str or a tuple of str, not ",
                                affix->type->name);
    return vm.new_bool(matches(affix));
}
Ref<Object> str_startswith(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return affix_common(vm, self, args, nargs, true);
}
Ref<Object> str_endswith(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return affix_common(vm, self, args, nargs, false);
}

// ====== Splitting and joining

// Whitespace as str.split() and str.strip() see it (Py_UNICODE_ISSPACE): in Latin-1 the ASCII
// ones, 0x1C..0x1F, NEL and NBSP.
constexpr bool latin1_space(uint32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F) || c == 0x85 ||
           c == 0xA0;
}
constexpr auto latin1_space_table = [] {
    std::array<bool, 256> table{};
    for (uint32_t c = 0; c < 256; ++c)
        table[c] = latin1_space(c);
    return table;
}();
template <class C> bool is_space_unit(C c) {
    if constexpr (sizeof(C) == 1)
        return latin1_space_table[c];
    else
        return c < 256 ? latin1_space_table[c] : unicode_is_space(c);
}

// Room the result lists of split start with (CPython's MAX_PREALLOC): most splits make few pieces.
constexpr size_t split_prealloc = 12;

// Appends self[start:end] to list. Raises MemoryError.
Status append_piece(VM& vm, Object* list, Object* self, intptr_t start, intptr_t end) {
    Ref<Object> piece = str_substring(vm, self, start, end);
    return piece ? list_append(vm, list, piece.get()) : Status::error;
}

Status split_arguments(VM& vm, const char* name, Args args, size_t nargs, Object* kwnames,
                       Object*& sep, intptr_t& maxsplit) {
    if (nargs == 0 && !kwnames) {
        sep = nullptr;
        maxsplit = INTPTR_MAX;
        return Status::ok;
    }
    Object* values[2];
    if (!is_ok(bind_arguments(vm, {name, {"sep", "maxsplit"}}, args, nargs, kwnames, values)))
        return Status::error;
    sep = values[0] && values[0] != vm.none() ? values[0] : nullptr;
    maxsplit = -1;
    if (values[1]) {
        if (!is_int(values[1]))
            return raise_type_error(vm, "'", values[1]->type->name,
                                    "' object cannot be interpreted as an integer");
        if (!is_ok(int_to_ssize(vm, values[1], maxsplit)))
            return Status::error;
    }
    if (maxsplit < 0)
        maxsplit = INTPTR_MAX;
    if (sep && !is_str(sep))
        return raise_type_error(vm, "must be str or None, not ", sep->type->name);
    if (sep && str_length(sep) == 0)
        return raise_value_error(vm, "empty separator");
    return Status::ok;
}

// split() on runs of whitespace, at most maxsplit times; the rest is the last piece as it is.
Status split_whitespace(VM& vm, Object* list, Object* self, intptr_t maxsplit) {
    const Str* s = static_cast<const Str*>(self);
    return with_str_data(s, [&](auto* data) {
        intptr_t n = s->size;
        intptr_t i = 0;
        intptr_t splits = 0;
        while (true) {
            while (i < n && is_space_unit(data[i]))
                ++i;
            if (i == n)
                break;
            if (splits == maxsplit)
                return append_piece(vm, list, self, i, n);
            intptr_t start = i;
            while (i < n && !is_space_unit(data[i]))
                ++i;
            if (!is_ok(append_piece(vm, list, self, start, i)))
                return Status::error;
            ++splits;
        }
        return Status::ok;
    });
}

// rsplit() on runs of whitespace, pieces appended from the last one.
Status rsplit_whitespace(VM& vm, Object* list, Object* self, intptr_t maxsplit) {
    const Str* s = static_cast<const Str*>(self);
    return with_str_data(s, [&](auto* data) {
        intptr_t i = s->size;
        intptr_t splits = 0;
        while (true) {
            while (i > 0 && is_space_unit(data[i - 1]))
                --i;
            if (i == 0)
                break;
            if (splits == maxsplit)
                return append_piece(vm, list, self, 0, i);
            intptr_t end = i;
            while (i > 0 && !is_space_unit(data[i - 1]))
                --i;
            if (!is_ok(append_piece(vm, list, self, i, end)))
                return Status::error;
            ++splits;
        }
        return Status::ok;
    });
}

Ref<Object> str_split(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    Object* sep = nullptr;
    intptr_t maxsplit = 0;
    if (!is_ok(split_arguments(vm, "split", args, nargs, kwnames, sep, maxsplit)))
        return nullptr;
    Ref<Object> list = list_new(vm, split_prealloc);
    if (!list)
        return nullptr;
    if (!sep)
        return is_ok(split_whitespace(vm, list.get(), self, maxsplit)) ? list : nullptr;
    intptr_t n = str_length(self);
    intptr_t m = str_length(sep);
    intptr_t start = 0;
    const auto* text = static_cast<const Str*>(self);
    const auto* separator = static_cast<const Str*>(sep);
    if (m == 1 && text->kind == 1 && separator->kind == 1) {
        // One 1-byte separator in 1-byte text (lines, CSV fields): memchr finds each piece.
        const auto* data = static_cast<const uint8_t*>(str_data(text));
        int unit = *static_cast<const uint8_t*>(str_data(separator));
        for (intptr_t splits = 0; splits < maxsplit; ++splits) {
            const void* hit = std::memchr(data + start, unit, uz(n - start));
            if (!hit)
                break;
            intptr_t found = static_cast<const uint8_t*>(hit) - data;
            if (!is_ok(append_piece(vm, list.get(), self, start, found)))
                return nullptr;
            start = found + 1;
        }
        if (!is_ok(append_piece(vm, list.get(), self, start, n)))
            return nullptr;
        return list;
    }
    for (intptr_t splits = 0; splits < maxsplit; ++splits) {
        intptr_t found = str_find(self, sep, start, n, false);
        if (found < 0)
            break;
        if (!is_ok(append_piece(vm, list.get(), self, start, found)))
            return nullptr;
        start = found + m;
    }
    if (!is_ok(append_piece(vm, list.get(), self, start, n)))
        return nullptr;
    return list;
}

Ref<Object> str_rsplit(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    Object* sep = nullptr;
    intptr_t maxsplit = 0;
    if (!is_ok(split_arguments(vm, "rsplit", args, nargs, kwnames, sep, maxsplit)))
        return nullptr;
    Ref<Object> list = list_new(vm, split_prealloc);
    if (!list)
        return nullptr;
    if (!sep) {
        if (!is_ok(rsplit_whitespace(vm, list.get(), self, maxsplit)))
            return nullptr;
    } else {
        intptr_t m = str_length(sep);
        intptr_t end = str_length(self);
        for (intptr_t splits = 0; splits < maxsplit; ++splits) {
            intptr_t found = str_find(self, sep, 0, end, true);
            if (found < 0)
                break;
            if (!is_ok(append_piece(vm, list.get(), self, found + m, end)))
                return nullptr;
            end = found;
        }
        if (!is_ok(append_piece(vm, list.get(), self, 0, end)))
            return nullptr;
    }
    Object** items = list_items(list.get());
    std::reverse(items, items + list_size(list.get()));
    return list;
}

bool is_line_break(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D ||
           c == 0x1E || c == 0x85 || c == 0x2028 || c == 0x2029;
}

Ref<Object> str_splitlines(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    Object* keep_arg = nullptr;
    if (!is_ok(bind_arguments(vm, {"splitlines", {"keepends"}}, args, nargs, kwnames, &keep_arg)))
        return nullptr;
    int keepends = keep_arg ? object_is_true(vm, keep_arg) : 0;
    if (keepends < 0)
        return nullptr;
    Ref<Object> list = list_new(vm);
    if (!list)
        return nullptr;
    const Str* s = static_cast<const Str*>(self);
    Status status = with_str_data(s, [&](auto* data) {
        intptr_t n = s->size;
        intptr_t i = 0;
        while (i < n) {
            intptr_t start = i;
            while (i < n && !is_line_break(data[i]))
                ++i;
            intptr_t end = i;
            if (i < n) {
                if (data[i] == '\r' && i + 1 < n && data[i + 1] == '\n')
                    i += 2;
                else
                    ++i;
                if (keepends)
                    end = i;
            }
            if (!is_ok(append_piece(vm, list.get(), self, start, end)))
                return Status::error;
        }
        return Status::ok;
    });
    return is_ok(status) ? list : nullptr;
}

Ref<Object> partition_common(VM& vm, Object* self, Object* sep, bool reverse) {
    if (!is_str(sep))
        return raise_type_error(vm, "must be str, not ", sep->type->name);
    if (str_length(sep) == 0)
        return raise_value_error(vm, "empty separator");
    intptr_t n = str_length(self);
    intptr_t found = str_find(self, sep, 0, n, reverse);
    Ref<Object> empty = Ref<Object>::borrow(vm.pools().empty_str());
    if (found < 0) {
        // CPython's stringlib partition puts the object itself there, a subclass instance too.
        Ref<Object> whole = Ref<Object>::borrow(self);
        return reverse ? tuple_pack(vm, {empty.get(), empty.get(), whole.get()})
                       : tuple_pack(vm, {whole.get(), empty.get(), empty.get()});
    }
    Ref<Object> head = str_substring(vm, self, 0, found);
    Ref<Object> tail = head ? str_substring(vm, self, found + str_length(sep), n) : nullptr;
    if (!head || !tail)
        return nullptr;
    return tuple_pack(vm, {head.get(), sep, tail.get()});
}
Ref<Object> str_partition(VM& vm, Object* self, Args args, size_t, Object*) {
    return partition_common(vm, self, args[0], false);
}
Ref<Object> str_rpartition(VM& vm, Object* self, Args args, size_t, Object*) {
    return partition_common(vm, self, args[0], true);
}

Ref<Object> str_join(VM& vm, Object* self, Args args, size_t, Object*) {
    Object* iterable = args[0];
    Ref<Object> items;
    // PySequence_Fast: the items of a list or tuple as they are, unless a subclass iterates its
    // own way.
    auto iter = iterable->type->slots.iter;
    if ((is_list(iterable) && iter == vm.types().list->slots.iter) ||
        (is_tuple(iterable) && iter == vm.types().tuple->slots.iter)) {
        items = Ref<Object>::borrow(iterable);
    } else {
        Ref<Object> iterator = get_iter(vm, iterable);
        if (!iterator) {
            if (exception_matches(vm.thread_state().exception(), vm.exceptions().TypeError)) {
                vm.thread_state().clear_exception();
                return raise_type_error(vm, "can only join an iterable");
            }
            return nullptr;
        }
        items = sequence_to_list(vm, iterator.get());
        if (!items)
            return nullptr;
    }
    Object* const* array =
        is_list(items.get()) ? list_items(items.get()) : tuple_items(items.get());
    intptr_t count = is_list(items.get()) ? list_size(items.get()) : tuple_size(items.get());
    if (count == 0)
        return Ref<Object>::borrow(vm.pools().empty_str());
    if (count == 1 && array[0]->type == vm.types().str)
        return Ref<Object>::borrow(array[0]);
    for (intptr_t i = 0; i < count; ++i) {
        if (!is_str(array[i]))
            return raise_type_error(vm, "sequence item ", i, ": expected str instance, ",
                                    array[i]->type->name, " found");
    }
    return str_join_items(vm, self, array, uz(count));
}

// ====== Stripping, padding, replacing

Ref<Object> strip_common(VM& vm, Object* self, Args args, size_t nargs, const char* name, bool left,
                         bool right) {
    if (!is_ok(check_count(vm, name, nargs, 0, 1)))
        return nullptr;
    Object* chars = nargs == 1 && args[0] != vm.none() ? args[0] : nullptr;
    if (chars && !is_str(chars))
        return raise_type_error(vm, name, " arg must be None or str");
    const Str* s = static_cast<const Str*>(self);
    intptr_t begin = 0;
    intptr_t end = s->size;
    with_str_data(s, [&](auto* data) {
        if (!chars) {
            while (left && begin < end && is_space_unit(data[begin]))
                ++begin;
            while (right && end > begin && is_space_unit(data[end - 1]))
                --end;
            return 0;
        }
        const Str* set = static_cast<const Str*>(chars);
        auto strippable = [&](uint32_t c) {
            return with_str_data(set, [&](auto* members) {
                for (intptr_t i = 0; i < set->size; ++i) {
                    if (members[i] == c)
                        return true;
                }
                return false;
            });
        };
        while (left && begin < end && strippable(data[begin]))
            ++begin;
        while (right && end > begin && strippable(data[end - 1]))
            --end;
        return 0;
    });
    return str_substring(vm, self, begin, end);
}
Ref<Object> str_strip(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return strip_common(vm, self, args, nargs, "strip", true, true);
}
Ref<Object> str_lstrip(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return strip_common(vm, self, args, nargs, "lstrip", true, false);
}
Ref<Object> str_rstrip(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return strip_common(vm, self, args, nargs, "rstrip", false, true);
}

Ref<Object> affix_remove(VM& vm, Object* self, Object* affix, bool prefix) {
    if (!is_str(affix))
        return raise_type_error(vm, prefix ? "removeprefix" : "removesuffix",
                                "() argument must be str, not ", affix->type->name);
    intptr_t n = str_length(self);
    intptr_t m = str_length(affix);
    if (m != 0 && m <= n) {
        if (prefix && str_matches_at(self, affix, 0))
            return str_substring(vm, self, m, n);
        if (!prefix && str_matches_at(self, affix, n - m))
            return str_substring(vm, self, 0, n - m);
    }
    return same_or_copy(vm, self);
}
Ref<Object> str_removeprefix(VM& vm, Object* self, Args args, size_t, Object*) {
    return affix_remove(vm, self, args[0], true);
}
Ref<Object> str_removesuffix(VM& vm, Object* self, Args args, size_t, Object*) {
    return affix_remove(vm, self, args[0], false);
}

// Reads (width[, fillchar]).
Status pad_arguments(VM& vm, const char* name, Args args, size_t nargs, intptr_t& width,
                     char32_t& fill) {
    if (!is_ok(check_count(vm, name, nargs, 1, 2)))
        return Status::error;
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    if (!is_ok(int_to_ssize(vm, args[0], width)))
        return Status::error;
    fill = U' ';
    if (nargs == 2) {
        if (!is_str(args[1]))
            return raise_type_error(vm, name, "() argument 2 must be str, not ",
                                    args[1]->type->name);
        if (str_length(args[1]) != 1)
            return raise_type_error(vm, "The fill character must be exactly one character long");
        fill = str_char_at(static_cast<Str*>(args[1]), 0);
    }
    return Status::ok;
}
Ref<Object> pad_common(VM& vm, Object* self, Args args, size_t nargs, const char* name, char how) {
    intptr_t width = 0;
    char32_t fill = U' ';
    if (!is_ok(pad_arguments(vm, name, args, nargs, width, fill)))
        return nullptr;
    Text text = str_to_u32(self);
    if (width <= sz(text.size()))
        return same_or_copy(vm, self);
    intptr_t missing = width - sz(text.size());
    intptr_t left = how == '<' ? 0 : how == '>' ? missing : missing / 2 + (missing & width & 1);
    Text out(uz(left), fill);
    out += text;
    out.append(uz(missing - left), fill);
    return str_from_u32(vm, out);
}
Ref<Object> str_ljust(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return pad_common(vm, self, args, nargs, "ljust", '<');
}
Ref<Object> str_rjust(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return pad_common(vm, self, args, nargs, "rjust", '>');
}
Ref<Object> str_center(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return pad_common(vm, self, args, nargs, "center", '^');
}
Ref<Object> str_zfill(VM& vm, Object* self, Args args, size_t, Object*) {
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    intptr_t width = 0;
    if (!is_ok(int_to_ssize(vm, args[0], width)))
        return nullptr;
    Text text = str_to_u32(self);
    if (width <= sz(text.size()))
        return same_or_copy(vm, self);
    size_t fill = uz(width) - text.size();
    Text out = Text(fill, U'0') + text;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        out[0] = text[0];
        out[fill] = U'0';
    }
    return str_from_u32(vm, out);
}

Ref<Object> str_expandtabs(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    Object* size_arg = nullptr;
    if (!is_ok(bind_arguments(vm, {"expandtabs", {"tabsize"}}, args, nargs, kwnames, &size_arg)))
        return nullptr;
    intptr_t tabsize = 8;
    if (size_arg) {
        if (!is_int(size_arg))
            return raise_type_error(vm, "'", size_arg->type->name,
                                    "' object cannot be interpreted as an integer");
        if (!is_ok(int_to_ssize(vm, size_arg, tabsize)))
            return nullptr;
    }
    Text out;
    size_t column = 0;
    for (char32_t c : str_to_u32(self)) {
        if (c == '\t') {
            if (tabsize > 0) {
                size_t spaces = uz(tabsize) - column % uz(tabsize);
                out.append(spaces, U' ');
                column += spaces;
            }
        } else {
            out.push_back(c);
            column = c == '\n' || c == '\r' ? 0 : column + 1;
        }
    }
    return str_from_u32(vm, out);
}

Ref<Object> str_replace(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (!is_ok(check_count(vm, "replace", nargs, 2, 3)))
        return nullptr;
    if (!is_str(args[0]))
        return raise_type_error(vm, "replace() argument 1 must be str, not ", args[0]->type->name);
    if (!is_str(args[1]))
        return raise_type_error(vm, "replace() argument 2 must be str, not ", args[1]->type->name);
    intptr_t count = -1;
    if (nargs == 3) {
        if (!is_int(args[2]))
            return raise_type_error(vm, "'", args[2]->type->name,
                                    "' object cannot be interpreted as an integer");
        if (!is_ok(int_to_ssize(vm, args[2], count)))
            return nullptr;
    }
    if (count < 0)
        count = INTPTR_MAX;
    const Str* s = static_cast<const Str*>(self);
    const Str* old_text = static_cast<const Str*>(args[0]);
    const Str* replacement = static_cast<const Str*>(args[1]);
    intptr_t n = s->size;
    intptr_t m = old_text->size;
    // How many replacements happen: an empty old matches before each character and at the end.
    intptr_t done = m == 0 ? std::min(count, n + 1) : str_count(self, old_text, 0, n, count);
    if (done == 0)
        return same_or_copy(vm, self);
    intptr_t growth = replacement->size - m;
    if (growth > 0 && done > (INTPTR_MAX / 4 - n) / growth)
        return raise_overflow_error(vm, "replace string is too long");
    auto length = uz(n + done * growth);
    // Built at the wider of the two kinds, then narrowed in the rare case the replaced text held
    // the only wide characters.
    uint8_t kind = std::max(s->kind, replacement->kind);
    Ref<Str> out = str_allocate(vm, length, kind, s->ascii && replacement->ascii);
    if (!out)
        return nullptr;
    size_t at = 0;
    auto copy_range = [&](intptr_t from, intptr_t to) {
        if (to <= from)
            return;
        if (out->kind == s->kind) {
            std::memcpy(static_cast<char*>(str_data(out.get())) + at * kind,
                        static_cast<const char*>(str_data(s)) + uz(from) * kind,
                        uz(to - from) * kind);
        } else {
            for (intptr_t i = from; i < to; ++i)
                write_code_point(out.get(), at + uz(i - from), str_char_at(s, i));
        }
        at += uz(to - from);
    };
    intptr_t start = 0;
    for (intptr_t k = 0; k < done; ++k) {
        intptr_t found = m == 0 ? k : str_find(self, old_text, start, n, false);
        copy_range(start, found);
        str_copy_chars(out.get(), at, replacement);
        at += uz(replacement->size);
        start = found + m;
        if (m == 0 && found < n) {
            copy_range(found, found + 1);
            start = found + 1;
        }
    }
    copy_range(start, n);
    if (kind > 1 || length < 2) {
        if (length < 2 ||
            str_max_char(str_data(out.get()), kind, length) < (kind == 2 ? 256u : 65536u))
            return str_from_kind_data(vm, str_data(out.get()), kind, length);
    }
    if (!s->ascii && kind == 1)
        out->ascii = str_max_char(str_data(out.get()), 1, length) < 128;
    return out;
}
// ====== translate and maketrans

Ref<Object> str_translate(VM& vm, Object* self, Args args, size_t, Object*) {
    Object* table = args[0];
    Text out;
    for (char32_t c : str_to_u32(self)) {
        Ref<Object> key = int_from_i64(vm, c);
        if (!key)
            return nullptr;
        Ref<Object> mapped = object_getitem(vm, table, key.get());
        if (!mapped) {
            if (!exception_matches(vm.thread_state().exception(), vm.exceptions().LookupError))
                return nullptr;
            vm.thread_state().clear_exception();
            out.push_back(c);
            continue;
        }
        if (mapped.get() == vm.none())
            continue;
        if (is_int(mapped.get())) {
            int64_t value = 0;
            if (!int_to_i64(mapped.get(), value) || value < 0 || value > 0x10FFFF)
                return raise_value_error(vm, "character mapping must be in range(0x110000)");
            out.push_back(static_cast<char32_t>(value));
        } else if (is_str(mapped.get())) {
            out += str_to_u32(mapped.get());
        } else {
            return raise_type_error(vm, "character mapping must return integer, None or str");
        }
    }
    return str_from_u32(vm, out);
}

Ref<Object> str_maketrans(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(check_count(vm, "maketrans", nargs, 1, 3)))
        return nullptr;
    Ref<Object> table = dict_new(vm);
    if (!table)
        return nullptr;
    if (nargs == 1) {
        Object* mapping = args[0];
        if (!is_dict(mapping))
            return raise_type_error(vm,
                                    "if you give only one argument to maketrans it must be a dict");
        intptr_t pos = 0;
        Object* key = nullptr;
        Object* value = nullptr;
        while (dict_next(mapping, pos, &key, &value)) {
            Ref<Object> k;
            if (is_str(key)) {
                if (str_length(key) != 1)
                    return raise_value_error(vm,
                                             "string keys in translate table must be of length 1");
                k = int_from_i64(vm, str_char_at(static_cast<Str*>(key), 0));
            } else if (is_int(key)) {
                k = Ref<Object>::borrow(key);
            } else {
                return raise_type_error(vm, "keys in translate table must be strings or integers");
            }
            if (!k || !is_ok(dict_setitem(vm, table.get(), k.get(), value)))
                return nullptr;
        }
        return table;
    }
    if (!is_str(args[0]) || !is_str(args[1]))
        return raise_type_error(vm, "maketrans() argument ", is_str(args[0]) ? 2 : 1,
                                " must be str, not ",
                                (is_str(args[0]) ? args[1] : args[0])->type->name);
    Text from = str_to_u32(args[0]);
    Text to = str_to_u32(args[1]);
    if (from.size() != to.size())
        return raise_value_error(vm, "the first two maketrans arguments must have equal length");
    for (size_t i = 0; i < from.size(); ++i) {
        Ref<Object> k = int_from_i64(vm, from[i]);
        Ref<Object> v = int_from_i64(vm, to[i]);
        if (!k || !v || !is_ok(dict_setitem(vm, table.get(), k.get(), v.get())))
            return nullptr;
    }
    if (nargs == 3) {
        if (!is_str(args[2]))
            return raise_type_error(vm, "maketrans() argument 3 must be str, not ",
                                    args[2]->type->name);
        for (char32_t c : str_to_u32(args[2])) {
            Ref<Object> k = int_from_i64(vm, c);
            if (!k || !is_ok(dict_setitem(vm, table.get(), k.get(), vm.none())))
                return nullptr;
        }
    }
    return table;
}

// ====== encode, format, misc

Ref<Object> str_encode(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    Object* values[2];
    if (!is_ok(
            bind_arguments(vm, {"encode", {"encoding", "errors"}}, args, nargs, kwnames, values)))
        return nullptr;
    std::string encoding, errors;
    if (!is_ok(codec_arguments(vm, "encode", values[0], values[1], encoding, errors)))
        return nullptr;
    return codec_encode(vm, self, encoding, errors);
}

// A text without braces is copied whole by CPython's format writer, which then hands back the
// object itself: "x".format() of a str subclass instance is that instance.
bool has_no_markup(Object* self) {
    Text text = str_to_u32(self);
    return text.find_first_of(U"{}") == Text::npos;
}
Ref<Object> str_format_method(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    if (self->type != vm.types().str && has_no_markup(self))
        return Ref<Object>::borrow(self);
    return str_format(vm, self, args, nargs, kwnames, nullptr);
}
Ref<Object> str_format_map(VM& vm, Object* self, Args args, size_t, Object*) {
    if (self->type != vm.types().str && has_no_markup(self))
        return Ref<Object>::borrow(self);
    return str_format(vm, self, nullptr, 0, nullptr, args[0]);
}
Ref<Object> str_dunder_format(VM& vm, Object* self, Args args, size_t, Object*) {
    if (!is_str(args[0]))
        return raise_type_error(vm, "__format__() argument must be str, not ", args[0]->type->name);
    // A subclass's own __format__ may call str.__format__(self, spec): format the value, so that
    // its __format__ does not run again (an empty spec gives str(self), as CPython's).
    if (self->type != vm.types().str) {
        if (str_length(args[0]) == 0)
            return object_str(vm, self);
        Ref<Object> value = same_or_copy(vm, self);
        return value ? format_with_spec(vm, value.get(), args[0]) : nullptr;
    }
    return format_with_spec(vm, self, args[0]);
}
Ref<Object> str_getnewargs(VM& vm, Object* self, Args, size_t, Object*) {
    Ref<Object> copy = str_from_u32(vm, str_to_u32(self));
    return copy ? tuple_pack(vm, {copy.get()}) : nullptr;
}
Ref<Object> str_sizeof(VM& vm, Object* self, Args, size_t, Object*) {
    const Str* s = static_cast<const Str*>(self);
    int64_t header = s->ascii ? 40 : 56;
    return int_from_i64(vm, header + (s->size + 1) * s->kind + (s->kind == 1 || s->ascii ? 9 : 0));
}

} // namespace

extern const MethodDef str_method_table[] = {
    {"capitalize", str_capitalize, MethodKind::noargs,
     "Return a capitalized version of the string."},
    {"casefold", str_casefold, MethodKind::noargs,
     "Return a version of the string suitable for caseless comparisons."},
    {"center", str_center, MethodKind::fastcall, "Return a centered string of length width."},
    {"count", str_count, MethodKind::fastcall,
     "Return the number of non-overlapping occurrences of substring sub."},
    {"encode", str_encode, MethodKind::fastcall_keywords,
     "Encode the string using the codec registered for encoding."},
    {"endswith", str_endswith, MethodKind::fastcall,
     "Return True if S ends with the specified suffix, False otherwise."},
    {"expandtabs", str_expandtabs, MethodKind::fastcall_keywords,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", str_find, MethodKind::fastcall,
     "Return the lowest index in S where substring sub is found."},
    {"format", str_format_method, MethodKind::fastcall_keywords,
     "Return a formatted version of S, using substitutions from args and kwargs."},
    {"format_map", str_format_map, MethodKind::o,
     "Return a formatted version of S, using substitutions from mapping."},
    {"index", str_index, MethodKind::fastcall,
     "Return the lowest index in S where substring sub is found."},
    {"isalnum", str_isalnum, MethodKind::noargs,
     "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isalpha", str_isalpha, MethodKind::noargs,
     "Return True if the string is an alphabetic string, False otherwise."},
    {"isascii", str_isascii, MethodKind::noargs,
     "Return True if all characters in the string are ASCII, False otherwise."},
    {"isdecimal", str_isdecimal, MethodKind::noargs,
     "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", str_isdigit, MethodKind::noargs,
     "Return True if the string is a digit string, False otherwise."},
    {"isidentifier", str_isidentifier, MethodKind::noargs,
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"islower", str_islower, MethodKind::noargs,
     "Return True if the string is a lowercase string, False otherwise."},
    {"isnumeric", str_isnumeric, MethodKind::noargs,
     "Return True if the string is a numeric string, False otherwise."},
    {"isprintable", str_isprintable, MethodKind::noargs,
     "Return True if the string is printable, False otherwise."},
    {"isspace", str_isspace, MethodKind::noargs,
     "Return True if the string is a whitespace string, False otherwise."},
    {"istitle", str_istitle, MethodKind::noargs,
     "Return True if the string is a title-cased string, False otherwise."},
    {"isupper", str_isupper, MethodKind::noargs,
     "Return True if the string is an uppercase string, False otherwise."},
    {"join", str_join, MethodKind::o, "Concatenate any number of strings."},
    {"ljust", str_ljust, MethodKind::fastcall, "Return a left-justified string of length width."},
    {"lower", str_lower, MethodKind::noargs, "Return a copy of the string converted to lowercase."},
    {"lstrip", str_lstrip, MethodKind::fastcall,
     "Return a copy of the string with leading whitespace removed."},
    {"partition", str_partition, MethodKind::o,
     "Partition the string into three parts using the given separator."},
    {"removeprefix", str_removeprefix, MethodKind::o,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_removesuffix, MethodKind::o,
     "Return a str with the given suffix string removed if present."},
    {"replace", str_replace, MethodKind::fastcall,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"rfind", str_rfind, MethodKind::fastcall,
     "Return the highest index in S where substring sub is found."},
    {"rindex", str_rindex, MethodKind::fastcall,
     "Return the highest index in S where substring sub is found."},
    {"rjust", str_rjust, MethodKind::fastcall, "Return a right-justified string of length width."},
    {"rpartition", str_rpartition, MethodKind::o,
     "Partition the string into three parts using the given separator."},
    {"rsplit", str_rsplit, MethodKind::fastcall_keywords,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rstrip", str_rstrip, MethodKind::fastcall,
     "Return a copy of the string with trailing whitespace removed."},
    {"split", str_split, MethodKind::fastcall_keywords,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"splitlines", str_splitlines, MethodKind::fastcall_keywords,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"startswith", str_startswith, MethodKind::fastcall,
     "Return True if S starts with the specified prefix, False otherwise."},
    {"strip", str_strip, MethodKind::fastcall,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", str_swapcase, MethodKind::noargs,
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"title", str_title, MethodKind::noargs,
     "Return a version of the string where each word is titlecased."},
    {"translate", str_translate, MethodKind::o,
     "Replace each character in the string using the given translation table."},
    {"upper", str_upper, MethodKind::noargs, "Return a copy of the string converted to uppercase."},
    {"zfill", str_zfill, MethodKind::o,
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"__format__", str_dunder_format, MethodKind::o,
     "Return a formatted version of the string as described by format_spec."},
    {"__getnewargs__", str_getnewargs, MethodKind::noargs, nullptr},
    {"__sizeof__", str_sizeof, MethodKind::noargs,
     "Return the size of the string in memory, in bytes."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// str.maketrans is a staticmethod: builtins_types.cpp installs it from this definition.
extern const MethodDef str_maketrans_def = {
    "maketrans", str_maketrans, MethodKind::fastcall,
    "Return a translation table usable for str.translate()."};

} // namespace minipy::vm
