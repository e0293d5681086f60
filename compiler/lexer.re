// The tokenizer (re2c 3.0, --utf8): prepared UTF-8 source to the tokens of Python 3.11's grammar,
// with INDENT/DEDENT from an indentation stack, implicit line joining inside brackets and CPython's
// tokenizer error messages. The re2c DFA recognises the start of every token; string bodies and
// numbers are finished by hand, following CPython's Parser/tokenizer.c so the errors point where
// CPython's do.
// Invariants:
//  - the buffer is NUL-terminated with padding (prepare_source), so the DFA and the hand scanners may
//    read a few bytes past any position without bounds checks;
//  - only '\n' ends a line: prepare_source translates "\r\n" and "\r";
//  - no token allocates; a non-ASCII identifier is copied to the Arena only to NFKC-normalise it.
#include "compiler/lexer.h"

#include <iconv.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utf8proc.h>

namespace minipy::compiler {

namespace {

constexpr size_t source_padding = 8; // NUL bytes after the prepared source

// ====== Source preparation

bool is_space_or_tab(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Returns the length of the UTF-8 sequence at p (valid or not: 0 when invalid), as CPython's UTF-8
// decoder accepts it (no overlongs, no surrogates, nothing above U+10FFFF).
size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    size_t length;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0)
            low = 0xA0;
        else if (c == 0xED)
            high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0)
            low = 0x90;
        else if (c == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    if (static_cast<size_t>(end - p) < length)
        return 0;
    if (p[1] < low || p[1] > high)
        return 0;
    for (size_t i = 2; i < length; ++i) {
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    }
    return length;
}

// Decodes one code point from valid UTF-8 at p; advances p.
int32_t decode_utf8(const char*& p) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(p), 4, &code_point);
    if (length <= 0) {
        ++p;
        return 0xFFFD;
    }
    p += length;
    return code_point;
}

// The text of line `lineno` (1-based) of source, with its '\n' when it has one.
std::string_view line_text(std::string_view source, int32_t lineno, size_t* line_offset = nullptr) {
    size_t start = 0;
    for (int32_t line = 1; line < lineno; ++line) {
        size_t newline = source.find('\n', start);
        if (newline == std::string_view::npos)
            return {};
        start = newline + 1;
    }
    if (line_offset)
        *line_offset = start;
    size_t newline = source.find('\n', start);
    size_t end = newline == std::string_view::npos ? source.size() : newline + 1;
    return source.substr(start, end - start);
}

int32_t count_chars(std::string_view text) {
    int32_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

// The name in a PEP 263 declaration on this line (`# -*- coding: latin-1 -*-`), or empty.
std::string_view coding_spec(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && is_space_or_tab(line[i]))
        ++i;
    if (i >= line.size() || line[i] != '#')
        return {};
    size_t at = line.find("coding", i);
    while (at != std::string_view::npos) {
        size_t p = at + 6;
        if (p < line.size() && (line[p] == ':' || line[p] == '=')) {
            ++p;
            while (p < line.size() && (line[p] == ' ' || line[p] == '\t'))
                ++p;
            size_t begin = p;
            while (p < line.size() && (std::isalnum(static_cast<unsigned char>(line[p])) ||
                                       line[p] == '-' || line[p] == '_' || line[p] == '.'))
                ++p;
            if (p > begin)
                return line.substr(begin, p - begin);
        }
        at = line.find("coding", at + 6);
    }
    return {};
}

// Utf8 and Latin1 are decoded here; Other goes through iconv.
enum class SourceEncoding : uint8_t { Utf8, Latin1, Other };

// CPython's get_normal_name(): utf-8 and latin-1 spellings, with their "-suffix" variants.
SourceEncoding classify_encoding(std::string_view name) {
    std::string lower;
    for (char c : name.substr(0, 12))
        lower += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto is = [&](std::string_view normal) {
        return lower == normal ||
               (lower.size() > normal.size() && lower.compare(0, normal.size(), normal) == 0 &&
                lower[normal.size()] == '-');
    };
    if (is("utf-8") || lower == "utf8")
        return SourceEncoding::Utf8;
    if (is("latin-1") || is("iso-8859-1") || is("iso-latin-1") || lower == "latin1")
        return SourceEncoding::Latin1;
    return SourceEncoding::Other;
}

// The name CPython's messages give a declared encoding: its normal spelling for utf-8 and latin-1,
// else the name as written.
std::string normal_encoding_name(std::string_view name) {
    std::string lower;
    for (char c : name.substr(0, 12))
        lower += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto is = [&](std::string_view normal) {
        return lower == normal ||
               (lower.size() > normal.size() && lower.compare(0, normal.size(), normal) == 0 &&
                lower[normal.size()] == '-');
    };
    if (is("utf-8"))
        return "utf-8";
    if (is("latin-1") || is("iso-8859-1") || is("iso-latin-1"))
        return "iso-8859-1";
    return std::string(name); // "utf8" and "latin1" too, as in CPython
}

enum class DecodeStatus : uint8_t { Ok, UnknownEncoding, Invalid, Incomplete };

// Decodes text from the encoding called `name` to UTF-8 with glibc's iconv (koi8-r, iso-8859-5,
// cp1252, euc-jp, ...). Python's spellings with '_' are tried with '-' too. On Invalid or
// Incomplete, bad_offset is the byte offset of the sequence that does not decode.
DecodeStatus decode_with_iconv(std::string_view name, std::string_view text, std::string& out,
                               size_t& bad_offset) {
    std::string lower;
    for (char c : name)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // iconv's own pseudo-encodings (the locale's) are no Python codecs.
    if (lower == "char" || lower == "wchar-t" || lower == "wchar_t")
        return DecodeStatus::UnknownEncoding;
    iconv_t converter = iconv_open("UTF-8", lower.c_str());
    if (converter == reinterpret_cast<iconv_t>(-1)) {
        std::string dashed = lower;
        for (char& c : dashed)
            c = c == '_' ? '-' : c;
        converter = iconv_open("UTF-8", dashed.c_str());
        if (converter == reinterpret_cast<iconv_t>(-1))
            return DecodeStatus::UnknownEncoding;
    }
    out.assign(text.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(text.data());
    size_t in_left = text.size();
    size_t used = 0;
    DecodeStatus status = DecodeStatus::Ok;
    for (bool flushing = false;;) {
        char* at = out.data() + used;
        size_t out_left = out.size() - used;
        size_t result = flushing ? iconv(converter, nullptr, nullptr, &at, &out_left)
                                 : iconv(converter, &in, &in_left, &at, &out_left);
        int error = errno;
        used = static_cast<size_t>(at - out.data());
        if (result != static_cast<size_t>(-1)) {
            if (flushing)
                break;
            flushing = true; // write a stateful encoding's closing sequence
            continue;
        }
        if (error == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        bad_offset = static_cast<size_t>(in - text.data());
        status = error == EINVAL ? DecodeStatus::Incomplete : DecodeStatus::Invalid;
        break;
    }
    iconv_close(converter);
    out.resize(used);
    return status;
}

// The message of Python's UnicodeDecodeError for a byte a codec rejects, as compile() on bytes
// reports it ('charmap' for the single-byte code pages, the codec's name for the others).
std::string decode_error_message(std::string_view name, DecodeStatus status, unsigned char byte,
                                 size_t position) {
    std::string codec;
    for (char c : name)
        codec += c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string reason;
    if (codec == "ascii" || codec == "us_ascii" || codec == "646") {
        codec = "ascii";
        reason = "ordinal not in range(128)";
    } else if (codec.starts_with("cp") || codec.starts_with("koi8") ||
               codec.starts_with("iso8859") || codec.starts_with("iso_8859") ||
               codec.starts_with("latin") || codec.starts_with("windows") ||
               codec.starts_with("mac")) {
        codec = "charmap";
        reason = "character maps to <undefined>";
    } else {
        reason = status == DecodeStatus::Incomplete ? "incomplete multibyte sequence"
                                                    : "illegal multibyte sequence";
    }
    char text[64];
    std::snprintf(text, sizeof text, "0x%02x in position %zu", byte, position);
    return "'" + codec + "' codec can't decode byte " + text + ": " + reason;
}

// Finds a coding declaration on line 1, or on line 2 when line 1 is blank or a comment.
std::string_view find_coding_declaration(std::string_view source) {
    size_t end1 = source.find('\n');
    std::string_view line1 = source.substr(0, end1);
    std::string_view spec = coding_spec(line1);
    if (!spec.empty() || end1 == std::string_view::npos)
        return spec;
    size_t i = 0;
    while (i < line1.size() && (is_space_or_tab(line1[i]) || line1[i] == '\r'))
        ++i;
    if (i < line1.size() && line1[i] != '#')
        return {};
    std::string_view rest = source.substr(end1 + 1);
    return coding_spec(rest.substr(0, rest.find('\n')));
}

void set_simple_error(CompileError& error, std::string message, int32_t lineno) {
    error.kind = CompileErrorKind::SyntaxError;
    error.message = std::move(message);
    error.lineno = lineno;
    error.offset = 0;
    error.end_lineno = lineno;
    error.end_offset = 0;
}

// Copies text to the arena translating newlines to '\n' (and latin-1 to UTF-8), appending a final
// newline and the NUL padding.
std::string_view copy_source(Arena& arena, std::string_view text, bool latin1) {
    size_t capacity = (latin1 ? text.size() * 2 : text.size()) + 1 + source_padding;
    char* out = static_cast<char*>(arena.allocate(capacity, 1));
    size_t n = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\r') {
            out[n++] = '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else if (latin1 && c >= 0x80) {
            out[n++] = static_cast<char>(0xC0 | (c >> 6));
            out[n++] = static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out[n++] = static_cast<char>(c);
        }
    }
    if (n == 0 || out[n - 1] != '\n')
        out[n++] = '\n';
    std::memset(out + n, 0, source_padding);
    return {out, n};
}

bool is_printable(int32_t code_point) {
    switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return false;
    case UTF8PROC_CATEGORY_ZS:
        return code_point == ' ';
    default:
        return true;
    }
}

// Unicode's XID_Start and XID_Continue, approximated from general categories plus the
// Other_ID_Start / Other_ID_Continue lists (Language Reference 2.3, "Identifiers").
bool is_identifier_start(int32_t c) {
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
        return true;
    default:
        return c == 0x1885 || c == 0x1886 || c == 0x2118 || c == 0x212E || c == 0x309B ||
               c == 0x309C;
    }
}

bool is_identifier_continue(int32_t c) {
    if (is_identifier_start(c) || (c >= '0' && c <= '9'))
        return true;
    if (c < 0x80)
        return false;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_PC:
        return true;
    default:
        return c == 0x00B7 || c == 0x0387 || (c >= 0x1369 && c <= 0x1371) || c == 0x19DA;
    }
}

std::string describe_invalid_character(int32_t code_point) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code_point));
    if (!is_printable(code_point))
        return std::string("invalid non-printable character ") + hex;
    utf8proc_uint8_t encoded[8] = {};
    utf8proc_ssize_t length = utf8proc_encode_char(code_point, encoded);
    return "invalid character '" +
           std::string(reinterpret_cast<const char*>(encoded), static_cast<size_t>(length)) +
           "' (" + hex + ")";
}

bool is_potential_identifier_char(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9') ||
           c >= 128;
}

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

constexpr std::string_view token_texts[] = {
    "end of input", "error", "NEWLINE", "INDENT", "DEDENT", "NAME", "NUMBER", "STRING", "ERRORTOKEN",
#define MINIPY_X(name, text) text,
    MINIPY_KEYWORDS(MINIPY_X) MINIPY_OPERATORS(MINIPY_X)
#undef MINIPY_X
};

} // namespace

std::string_view token_kind_text(TokenKind kind) { return token_texts[static_cast<size_t>(kind)]; }

bool prepare_source(Arena& arena, std::string_view source, const ParseOptions& options,
                    std::string_view& prepared, CompileError& error, bool* declared_encoding) {
    error.filename = std::string(options.filename);
    // CPython's file tokenizer reports encoding problems without a position (no "File" line).
    const int32_t no_line = options.script_file ? -1 : 0;
    bool had_bom = false;
    // A str source keeps a leading U+FEFF: the tokenizer rejects it as a non-printable character.
    if (!options.source_is_text && source.size() >= 3 &&
        source.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        source.remove_prefix(3);
        had_bom = true;
    }
    if (size_t nul = source.find('\0'); nul != std::string_view::npos) {
        if (!options.script_file) {
            set_simple_error(error, "source code string cannot contain null bytes", -1);
            return false;
        }
        // The file tokenizer shows the line up to the NUL, without a caret.
        size_t line_start = source.rfind('\n', nul);
        line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
        int32_t lineno = 1;
        for (size_t i = 0; i < nul; ++i)
            lineno += source[i] == '\n';
        set_simple_error(error, "source code cannot contain null bytes", lineno);
        error.text = std::string(source.substr(line_start, nul - line_start));
        return false;
    }
    SourceEncoding encoding = SourceEncoding::Utf8;
    bool declared = false;
    std::string decoded; // the source in UTF-8, for an encoding iconv decodes
    if (!options.source_is_text) {
        std::string_view name = find_coding_declaration(source);
        if (!name.empty()) {
            declared = true;
            encoding = classify_encoding(name);
            // Only CPython's normal "utf-8" spelling goes with a BOM ("utf8" does not).
            if (had_bom && normal_encoding_name(name) != "utf-8") {
                set_simple_error(error,
                                 "encoding problem: " + normal_encoding_name(name) + " with BOM",
                                 no_line);
                return false;
            }
            if (encoding == SourceEncoding::Other) {
                size_t bad_offset = 0;
                DecodeStatus status = decode_with_iconv(name, source, decoded, bad_offset);
                if (status != DecodeStatus::Ok) {
                    std::string message;
                    if (options.script_file)
                        message = "encoding problem: " + std::string(name);
                    else if (status == DecodeStatus::UnknownEncoding)
                        message = "unknown encoding: " + std::string(name);
                    else
                        message = decode_error_message(
                            name, status, static_cast<unsigned char>(source[bad_offset]),
                            bad_offset);
                    set_simple_error(error, std::move(message), no_line);
                    return false;
                }
                if (decoded.find('\0') != std::string::npos) {
                    set_simple_error(error,
                                     options.script_file
                                         ? "source code cannot contain null bytes"
                                         : "source code string cannot contain null bytes",
                                     -1);
                    return false;
                }
                source = decoded;
            }
        }
    }
    if (encoding == SourceEncoding::Utf8) {
        const auto* begin = reinterpret_cast<const unsigned char*>(source.data());
        const auto* end = begin + source.size();
        for (const unsigned char* p = begin; p < end;) {
            // ASCII runs 8 bytes at a time (#2: byte by byte, this check was 7% of parsing).
            uint64_t word;
            if (end - p >= 8 && (std::memcpy(&word, p, 8), (word & 0x8080808080808080ull) == 0)) {
                p += 8;
                continue;
            }
            size_t length = utf8_sequence_length(p, end);
            if (length == 0) {
                int32_t lineno = 1;
                for (const unsigned char* q = begin; q < p; ++q)
                    lineno += *q == '\n';
                char message[256];
                if (declared || options.source_is_text) {
                    std::snprintf(message, sizeof message,
                                  "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                                  "position %zu: invalid %s",
                                  *p, static_cast<size_t>(p - begin),
                                  *p >= 0xC2 && *p <= 0xF4 ? "continuation byte" : "start byte");
                } else {
                    std::snprintf(message, sizeof message,
                                  "Non-UTF-8 code starting with '\\x%02x' in file %.*s on line %d, "
                                  "but no encoding declared; see https://peps.python.org/pep-0263/ "
                                  "for details",
                                  *p, static_cast<int>(options.filename.size()),
                                  options.filename.data(), lineno);
                }
                set_simple_error(error, message,
                                 declared ? 0 : (options.script_file ? -1 : lineno));
                return false;
            }
            p += length;
        }
    }
    if (declared_encoding != nullptr)
        *declared_encoding = declared || had_bom;
    prepared = copy_source(arena, source, encoding == SourceEncoding::Latin1);
    return true;
}

void set_error_location(CompileError& error, std::string_view source, int32_t lineno,
                        int32_t col_offset, int32_t end_lineno, int32_t end_col_offset) {
    std::string_view line = line_text(source, lineno);
    error.lineno = lineno;
    error.text = std::string(line);
    int32_t col = col_offset < 0 ? 0 : col_offset;
    if (static_cast<size_t>(col) > line.size())
        col = static_cast<int32_t>(line.size());
    error.offset = count_chars(line.substr(0, static_cast<size_t>(col))) + 1;
    error.end_lineno = end_lineno;
    if (end_col_offset < 0) {
        error.end_offset = end_col_offset;
        return;
    }
    std::string_view end_line = end_lineno == lineno ? line : line_text(source, end_lineno);
    size_t end_col = static_cast<size_t>(end_col_offset);
    if (end_col > end_line.size())
        end_col = end_line.size();
    error.end_offset = count_chars(end_line.substr(0, end_col)) + 1;
}

// ====== The lexer

Lexer::Lexer(Arena& arena, std::string_view source, std::string_view filename)
    : m_arena(arena), m_source(source), m_filename(filename), m_cursor(source.data()),
      m_line_start(source.data()) {
    m_error.filename = std::string(filename);
}

Token Lexer::make(TokenKind kind, const char* start, const char* end) {
    m_line_has_tokens = true;
    Token token;
    token.kind = kind;
    token.text = std::string_view(start, static_cast<size_t>(end - start));
    token.pos.lineno = m_lineno;
    token.pos.col_offset = col_of(start);
    token.pos.end_lineno = m_lineno;
    token.pos.end_col_offset = col_of(end);
    return token;
}

Token Lexer::fail(CompileErrorKind kind, std::string message, int32_t lineno, int32_t col,
                  int32_t end_lineno, int32_t end_col) {
    if (!m_has_error) {
        m_has_error = true;
        m_error.kind = kind;
        m_error.message = std::move(message);
        set_error_location(m_error, m_source, lineno, col, end_lineno, end_col);
    }
    Token token;
    token.kind = TokenKind::Error;
    token.pos = {lineno, col, end_lineno, end_col};
    return token;
}

Token Lexer::fail_in_bytes(std::string message, int32_t col, int32_t end_col) {
    bool first = !m_has_error;
    Token token = fail(CompileErrorKind::SyntaxError, std::move(message), m_lineno, col, m_lineno,
                       end_col);
    if (first) {
        m_error.offset = col + 1;
        m_error.end_offset = end_col + 1;
    }
    return token;
}

Token Lexer::fail_here(std::string message, const char* at, int32_t width) {
    int32_t col = col_of(at);
    return fail(CompileErrorKind::SyntaxError, std::move(message), m_lineno, col, m_lineno,
                col + width);
}

Token Lexer::next() {
    if (m_has_error) {
        Token token;
        token.kind = TokenKind::Error;
        return token;
    }
    return scan();
}

// Measures the indentation of a new logical line as CPython does (tabs to multiples of 8, and again
// with tabs as 1 column to detect inconsistent mixing). Returns true with an INDENT or DEDENT in out.
bool Lexer::handle_indentation(Token& out) {
    int32_t col = 0, alt_col = 0;
    const char* p = m_cursor;
    for (;; ++p) {
        if (*p == ' ') {
            ++col;
            ++alt_col;
        } else if (*p == '\t') {
            col = (col / 8 + 1) * 8;
            ++alt_col;
        } else if (*p == '\f') {
            col = alt_col = 0;
        } else {
            break;
        }
    }
    m_cursor = p;
    if (*p == '#' || *p == '\n' || *p == '\0' || (*p == '\\' && p[1] == '\n'))
        return false; // blank lines do not count
    int32_t ws = col_of(p);
    auto tab_error = [&] {
        out = fail(CompileErrorKind::TabError, "inconsistent use of tabs and spaces in indentation",
                   m_lineno, 0, m_lineno, -1);
        m_error.end_offset = 0;
        return true;
    };
    if (col == m_indents[m_indent_depth]) {
        if (alt_col != m_alt_indents[m_indent_depth])
            return tab_error();
        return false;
    }
    if (col > m_indents[m_indent_depth]) {
        if (m_indent_depth + 1 >= max_indent_depth) {
            out = fail(CompileErrorKind::IndentationError, "too many levels of indentation",
                       m_lineno, 0, m_lineno, -1);
            m_error.end_offset = 0;
            return true;
        }
        if (alt_col <= m_alt_indents[m_indent_depth])
            return tab_error();
        ++m_indent_depth;
        m_indents[m_indent_depth] = col;
        m_alt_indents[m_indent_depth] = alt_col;
        out = Token{TokenKind::Indent, {}, {m_lineno, ws, m_lineno, ws}};
        return true;
    }
    int dedents = 0;
    while (m_indent_depth > 0 && col < m_indents[m_indent_depth]) {
        --m_indent_depth;
        ++dedents;
    }
    if (col != m_indents[m_indent_depth]) {
        int32_t line_length = static_cast<int32_t>(std::strchr(p, '\n') - m_line_start);
        out = fail(CompileErrorKind::IndentationError,
                   "unindent does not match any outer indentation level", m_lineno, line_length,
                   m_lineno, -1);
        return true;
    }
    if (alt_col != m_alt_indents[m_indent_depth])
        return tab_error();
    m_pending_dedents = dedents - 1;
    out = Token{TokenKind::Dedent, {}, {m_lineno, ws, m_lineno, ws}};
    return true;
}

Token Lexer::finish_input() {
    if (m_paren_depth > 0) {
        const Bracket& open = m_brackets[m_paren_depth - 1];
        Token token = fail(CompileErrorKind::SyntaxError,
                           std::string("'") + open.kind + "' was never closed", open.lineno,
                           open.col, open.lineno, -1);
        m_error.end_offset = 0;
        return token;
    }
    // The prepared source always ends with '\n', so the last logical line has had its NEWLINE.
    if (m_indent_depth > 0) {
        --m_indent_depth;
        return Token{TokenKind::Dedent, {}, {m_lineno, 0, m_lineno, 0}};
    }
    m_done = true;
    return Token{TokenKind::EndOfInput, {}, {m_lineno, 0, m_lineno, 0}};
}

Token Lexer::open_bracket(char kind, const char* start) {
    if (m_paren_depth >= max_paren_depth)
        return fail_here("too many nested parentheses", start);
    m_brackets[m_paren_depth++] = Bracket{kind, m_lineno, col_of(start)};
    TokenKind token_kind = kind == '(' ? TokenKind::LParen
                           : kind == '[' ? TokenKind::LBracket
                                         : TokenKind::LBrace;
    return make(token_kind, start, start + 1);
}

Token Lexer::close_bracket(char kind, const char* start) {
    if (m_paren_depth == 0)
        return fail_here(std::string("unmatched '") + kind + "'", start, 0);
    const Bracket& open = m_brackets[m_paren_depth - 1];
    char expected = open.kind == '(' ? ')' : open.kind == '[' ? ']' : '}';
    if (kind != expected) {
        std::string message = std::string("closing parenthesis '") + kind +
                              "' does not match opening parenthesis '" + open.kind + "'";
        if (open.lineno != m_lineno)
            message += " on line " + std::to_string(open.lineno);
        return fail_here(std::move(message), start, 0);
    }
    --m_paren_depth;
    TokenKind token_kind = kind == ')' ? TokenKind::RParen
                           : kind == ']' ? TokenKind::RBracket
                                         : TokenKind::RBrace;
    return make(token_kind, start, start + 1);
}

// Scans a string literal whose prefix starts at start and whose opening quote is at quote. The body
// is not decoded here; a backslash only protects the next character (the quote, or a newline).
Token Lexer::scan_string(const char* start, const char* quote) {
    char q = *quote;
    bool triple = quote[1] == q && quote[2] == q;
    int32_t start_line = m_lineno;
    int32_t start_col = col_of(start);
    const char* p = quote + (triple ? 3 : 1);
    for (;;) {
        char c = *p;
        if (c == '\0' || (c == '\n' && !triple)) {
            int32_t detected = m_lineno - (c == '\0' ? 1 : 0);
            std::string message = std::string(triple ? "unterminated triple-quoted string literal"
                                                     : "unterminated string literal") +
                                  " (detected at line " + std::to_string(detected) + ")";
            return fail(CompileErrorKind::SyntaxError, std::move(message), start_line, start_col,
                        start_line, start_col);
        }
        if (c == '\n') {
            new_line(p + 1);
            ++p;
        } else if (c == '\\') {
            ++p;
            if (*p == '\0')
                continue;
            if (*p == '\n')
                new_line(p + 1);
            ++p;
        } else if (c == q && (!triple || (p[1] == q && p[2] == q))) {
            p += triple ? 3 : 1;
            break;
        } else {
            ++p;
        }
    }
    m_cursor = p;
    m_line_has_tokens = true;
    Token token;
    token.kind = TokenKind::String;
    token.text = std::string_view(start, static_cast<size_t>(p - start));
    token.pos = {start_line, start_col, m_lineno, col_of(p)};
    return token;
}

// Scans a number as CPython's tokenizer does, with the same error messages and positions. `cur` is
// the position after the last character read, `c` the last character read.
Token Lexer::scan_number(const char* start) {
    const char* cur = start;
    auto next = [&] { return static_cast<unsigned char>(*cur++); };
    auto backup = [&] { --cur; };
    // An error "at cur": CPython reports the 1-based offset equal to the 0-based column of cur.
    auto error_at_cur = [&](std::string message) {
        int32_t col = col_of(cur) - 1;
        return fail(CompileErrorKind::SyntaxError, std::move(message), m_lineno, col, m_lineno,
                    col);
    };
    bool failed = false;
    Token error_token;
    // CPython's verify_end_of_number(): a number directly followed by a name character is an
    // error, except before the keywords that may follow a number (a SyntaxWarning then).
    auto verify_end = [&](int c, const char* kind) {
        const char* after = cur; // just past c
        bool keyword = false;
        auto followed_by = [&](const char* rest) {
            return std::strncmp(after, rest, std::strlen(rest)) == 0;
        };
        if (c == 'a')
            keyword = followed_by("nd");
        else if (c == 'e')
            keyword = followed_by("lse");
        else if (c == 'f')
            keyword = followed_by("or");
        else if (c == 'i')
            keyword = *after == 'f' || *after == 'n' || *after == 's';
        else if (c == 'o')
            keyword = followed_by("r");
        else if (c == 'n')
            keyword = followed_by("ot");
        if (keyword) {
            m_warnings.push_back(CompileWarning{CompileWarning::Category::SyntaxWarning,
                                                std::string("invalid ") + kind + " literal",
                                                m_lineno});
            return true;
        }
        if (is_potential_identifier_char(c)) {
            backup();
            error_token = error_at_cur(std::string("invalid ") + kind + " literal");
            failed = true;
            return false;
        }
        return true;
    };
    // Digits with single underscores between them, after a first digit already read.
    auto decimal_tail = [&]() -> int {
        int c;
        for (;;) {
            do {
                c = next();
            } while (is_digit(c));
            if (c != '_')
                break;
            c = next();
            if (!is_digit(c)) {
                backup();
                error_token = error_at_cur("invalid decimal literal");
                failed = true;
                return 0;
            }
        }
        return c;
    };
    auto radix_digits = [&](int c, auto is_valid, const char* kind) -> int {
        do {
            if (c == '_')
                c = next();
            if (!is_valid(c)) {
                if (is_digit(c) && std::strcmp(kind, "hexadecimal") != 0) {
                    error_token = error_at_cur(std::string("invalid digit '") +
                                               static_cast<char>(c) + "' in " + kind + " literal");
                } else {
                    backup();
                    error_token = error_at_cur(std::string("invalid ") + kind + " literal");
                }
                failed = true;
                return 0;
            }
            do {
                c = next();
            } while (is_valid(c));
        } while (c == '_');
        if (is_digit(c) && std::strcmp(kind, "hexadecimal") != 0) {
            error_token = error_at_cur(std::string("invalid digit '") + static_cast<char>(c) +
                                       "' in " + kind + " literal");
            failed = true;
            return 0;
        }
        if (!verify_end(c, kind))
            return 0;
        return c;
    };

    int c = next();
    enum class Part { Integer, Fraction, Exponent, Imaginary, Done } part = Part::Done;
    if (c == '0') {
        c = next();
        if (c == 'x' || c == 'X') {
            radix_digits(next(), is_hex_digit, "hexadecimal");
        } else if (c == 'o' || c == 'O') {
            radix_digits(next(), [](int d) { return d >= '0' && d <= '7'; }, "octal");
        } else if (c == 'b' || c == 'B') {
            radix_digits(next(), [](int d) { return d == '0' || d == '1'; }, "binary");
        } else {
            bool nonzero = false;
            for (;;) {
                if (c == '_') {
                    c = next();
                    if (!is_digit(c)) {
                        backup();
                        return error_at_cur("invalid decimal literal");
                    }
                }
                if (c != '0')
                    break;
                c = next();
            }
            const char* zeros_end = cur;
            if (is_digit(c)) {
                nonzero = true;
                c = decimal_tail();
                if (failed)
                    return error_token;
            }
            if (c == '.') {
                c = next();
                part = Part::Fraction;
            } else if (c == 'e' || c == 'E') {
                part = Part::Exponent;
            } else if (c == 'j' || c == 'J') {
                part = Part::Imaginary;
            } else if (nonzero) {
                return fail_in_bytes("leading zeros in decimal integer literals are not "
                                     "permitted; use an 0o prefix for octal integers",
                                     col_of(start), col_of(zeros_end) - 1);
            } else {
                verify_end(c, "decimal");
            }
        }
    } else if (c == '.') {
        c = next(); // a digit: the DFA saw it
        part = Part::Fraction;
    } else {
        c = decimal_tail();
        if (failed)
            return error_token;
        if (c == '.') {
            c = next();
            part = Part::Fraction;
        } else if (c == 'e' || c == 'E') {
            part = Part::Exponent;
        } else if (c == 'j' || c == 'J') {
            part = Part::Imaginary;
        } else {
            verify_end(c, "decimal");
        }
    }
    if (!failed && part == Part::Fraction) {
        if (is_digit(c)) {
            c = decimal_tail();
            if (failed)
                return error_token;
        }
        part = c == 'e' || c == 'E' ? Part::Exponent
               : c == 'j' || c == 'J' ? Part::Imaginary
                                      : Part::Done;
        if (part == Part::Done)
            verify_end(c, "decimal");
    }
    if (!failed && part == Part::Exponent) {
        int e = c;
        c = next();
        if (c == '+' || c == '-') {
            c = next();
            if (!is_digit(c)) {
                backup();
                return error_at_cur("invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup();
            // `1else`: the number ends before the 'e'.
            if (!verify_end(e, "decimal"))
                return error_token;
            backup();
            m_cursor = cur;
            return make(TokenKind::Number, start, cur);
        }
        c = decimal_tail();
        if (failed)
            return error_token;
        part = c == 'j' || c == 'J' ? Part::Imaginary : Part::Done;
        if (part == Part::Done)
            verify_end(c, "decimal");
    }
    if (!failed && part == Part::Imaginary) {
        c = next();
        verify_end(c, "imaginary");
    }
    if (failed)
        return error_token;
    backup(); // the last character read is not part of the number
    m_cursor = cur;
    return make(TokenKind::Number, start, cur);
}

// An identifier with non-ASCII characters: checked character by character, then NFKC-normalised into
// the arena (Language Reference 2.3).
Token Lexer::scan_identifier(const char* start, const char* end) {
    for (const char* p = start; p < end;) {
        const char* at = p;
        int32_t code_point = decode_utf8(p);
        bool valid = at == start ? is_identifier_start(code_point)
                                 : is_identifier_continue(code_point);
        if (!valid)
            return fail_here(describe_invalid_character(code_point), at, 0);
    }
    m_cursor = end;
    Token token = make(TokenKind::Name, start, end);
    std::string input(start, end);
    utf8proc_uint8_t* normal = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(input.c_str()));
    if (normal != nullptr) {
        std::string_view text(reinterpret_cast<const char*>(normal));
        if (text != token.text)
            token.text = m_arena.copy(text);
        std::free(normal);
    }
    return token;
}

Token Lexer::scan() {
    for (;;) {
        if (m_pending_dedents > 0) {
            --m_pending_dedents;
            return Token{TokenKind::Dedent, {}, {m_lineno, 0, m_lineno, 0}};
        }
        if (m_done)
            return Token{TokenKind::EndOfInput, {}, {m_lineno, 0, m_lineno, 0}};
        if (m_at_line_start) {
            m_at_line_start = false;
            Token token;
            if (m_paren_depth == 0 && handle_indentation(token))
                return token;
        }
        const char* start = m_cursor;
        const auto* cur = reinterpret_cast<const unsigned char*>(start);
        const unsigned char* marker = cur;
        auto end = [&] { return reinterpret_cast<const char*>(cur); };
        auto token = [&](TokenKind kind) {
            m_cursor = end();
            return make(kind, start, end());
        };
        (void)marker;
        /*!re2c
        re2c:define:YYCTYPE = "unsigned char";
        re2c:define:YYCURSOR = cur;
        re2c:define:YYMARKER = marker;
        re2c:yyfill:enable = 0;

        ascii_start = [a-zA-Z_];
        ascii_continue = [a-zA-Z0-9_];
        non_ascii = [\u0080-\U0010FFFF];
        string_prefix = [rRuUbBfF] | [bB][rR] | [rR][bB] | [fF][rR] | [rR][fF];

        [ \t\f]+ { m_cursor = end(); continue; }
        "#" [^\n\x00]* { m_cursor = end(); continue; }
        "\\\n" {
            int32_t after_backslash = col_of(start) + 1;
            new_line(end());
            m_cursor = end();
            if (*m_cursor != '\0')
                continue;
            return fail(CompileErrorKind::SyntaxError, "unexpected EOF while parsing", m_lineno - 1,
                        after_backslash, m_lineno - 1, -1);
        }
        "\\" {
            Token error = fail(CompileErrorKind::SyntaxError,
                               "unexpected character after line continuation character", m_lineno,
                               col_of(start) + 1, m_lineno, -1);
            m_error.end_offset = 0;
            return error;
        }
        "\n" {
            if (m_paren_depth > 0 || !m_line_has_tokens) {
                new_line(end());
                m_cursor = end();
                m_at_line_start = m_paren_depth == 0;
                continue;
            }
            Token newline = make(TokenKind::Newline, start, end());
            new_line(end());
            m_cursor = end();
            m_at_line_start = true;
            m_line_has_tokens = false;
            return newline;
        }
        "\x00" { m_cursor = start; return finish_input(); }

        "False" { return token(TokenKind::False); }
        "None" { return token(TokenKind::None); }
        "True" { return token(TokenKind::True); }
        "and" { return token(TokenKind::And); }
        "as" { return token(TokenKind::As); }
        "assert" { return token(TokenKind::Assert); }
        "async" { return token(TokenKind::Async); }
        "await" { return token(TokenKind::Await); }
        "break" { return token(TokenKind::Break); }
        "class" { return token(TokenKind::Class); }
        "continue" { return token(TokenKind::Continue); }
        "def" { return token(TokenKind::Def); }
        "del" { return token(TokenKind::Del); }
        "elif" { return token(TokenKind::Elif); }
        "else" { return token(TokenKind::Else); }
        "except" { return token(TokenKind::Except); }
        "finally" { return token(TokenKind::Finally); }
        "for" { return token(TokenKind::For); }
        "from" { return token(TokenKind::From); }
        "global" { return token(TokenKind::Global); }
        "if" { return token(TokenKind::If); }
        "import" { return token(TokenKind::Import); }
        "in" { return token(TokenKind::In); }
        "is" { return token(TokenKind::Is); }
        "lambda" { return token(TokenKind::Lambda); }
        "nonlocal" { return token(TokenKind::Nonlocal); }
        "not" { return token(TokenKind::Not); }
        "or" { return token(TokenKind::Or); }
        "pass" { return token(TokenKind::Pass); }
        "raise" { return token(TokenKind::Raise); }
        "return" { return token(TokenKind::Return); }
        "try" { return token(TokenKind::Try); }
        "while" { return token(TokenKind::While); }
        "with" { return token(TokenKind::With); }
        "yield" { return token(TokenKind::Yield); }

        ascii_start ascii_continue* { return token(TokenKind::Name); }
        (ascii_start | non_ascii) (ascii_continue | non_ascii)* {
            return scan_identifier(start, end());
        }
        string_prefix? ['"] { return scan_string(start, end() - 1); }
        [0-9] | "." [0-9] { return scan_number(start); }

        "(" { m_cursor = end(); return open_bracket('(', start); }
        "[" { m_cursor = end(); return open_bracket('[', start); }
        "{" { m_cursor = end(); return open_bracket('{', start); }
        ")" { m_cursor = end(); return close_bracket(')', start); }
        "]" { m_cursor = end(); return close_bracket(']', start); }
        "}" { m_cursor = end(); return close_bracket('}', start); }
        ":" { return token(TokenKind::Colon); }
        "," { return token(TokenKind::Comma); }
        ";" { return token(TokenKind::Semi); }
        "+" { return token(TokenKind::Plus); }
        "-" { return token(TokenKind::Minus); }
        "*" { return token(TokenKind::Star); }
        "/" { return token(TokenKind::Slash); }
        "|" { return token(TokenKind::VBar); }
        "&" { return token(TokenKind::Amper); }
        "<" { return token(TokenKind::Less); }
        ">" { return token(TokenKind::Greater); }
        "=" { return token(TokenKind::Equal); }
        "." { return token(TokenKind::Dot); }
        "%" { return token(TokenKind::Percent); }
        "==" { return token(TokenKind::EqEqual); }
        "!=" { return token(TokenKind::NotEqual); }
        "<=" { return token(TokenKind::LessEqual); }
        ">=" { return token(TokenKind::GreaterEqual); }
        "~" { return token(TokenKind::Tilde); }
        "^" { return token(TokenKind::Circumflex); }
        "<<" { return token(TokenKind::LeftShift); }
        ">>" { return token(TokenKind::RightShift); }
        "**" { return token(TokenKind::DoubleStar); }
        "+=" { return token(TokenKind::PlusEqual); }
        "-=" { return token(TokenKind::MinusEqual); }
        "*=" { return token(TokenKind::StarEqual); }
        "/=" { return token(TokenKind::SlashEqual); }
        "%=" { return token(TokenKind::PercentEqual); }
        "&=" { return token(TokenKind::AmperEqual); }
        "|=" { return token(TokenKind::VBarEqual); }
        "^=" { return token(TokenKind::CircumflexEqual); }
        "<<=" { return token(TokenKind::LeftShiftEqual); }
        ">>=" { return token(TokenKind::RightShiftEqual); }
        "**=" { return token(TokenKind::DoubleStarEqual); }
        "//" { return token(TokenKind::DoubleSlash); }
        "//=" { return token(TokenKind::DoubleSlashEqual); }
        "@" { return token(TokenKind::At); }
        "@=" { return token(TokenKind::AtEqual); }
        "->" { return token(TokenKind::RArrow); }
        "..." { return token(TokenKind::Ellipsis); }
        ":=" { return token(TokenKind::ColonEqual); }

        [\x01-\x1f\x7f] {
            return fail_here(describe_invalid_character(static_cast<int32_t>(*start)), start, 0);
        }
        * { return token(TokenKind::Unknown); }
        */
    }
}

} // namespace minipy::compiler
