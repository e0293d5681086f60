// Literal tokens to AST values, and values back to their repr. Owns: NUMBER token decoding (int64
// fast path, GMP for big ints, correctly rounded floats), STRING token runs (prefixes, escapes,
// bytes, f-strings with CPython 3.11's exact AST shape), and repr_str / repr_bytes / repr_float.
//
// Invariants:
//  - nothing here keeps state between calls; every result lives in the caller's Arena;
//  - str values are UTF-8 in which lone surrogates are encoded as 3-byte sequences;
//  - the f-string scanner follows CPython 3.11's Parser/string_parser.c step by step (error order,
//    messages, how `{{`, `=` and nested format specs behave), since the AST dump must match
//    exactly.
#include "compiler/literals.h"

#include <algorithm>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <utility>

#include <gmp.h>
#include <unicode/uchar.h>
#include <utf8proc.h>

namespace minipy::compiler {

namespace {

// ====== UTF-8 helpers

// Appends cp as UTF-8; surrogates (U+D800..U+DFFF) are encoded like any other 3-byte code point.
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

// Decodes the code point starting at text[i] and advances i. Malformed bytes decode as themselves
// (one byte each) so that callers never loop forever.
uint32_t next_code_point(std::string_view text, size_t& i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 1 || length == 0 || i + length > text.size()) {
        ++i;
        return lead;
    }
    uint32_t cp = lead & (0x7F >> length);
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return lead;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += length;
    return cp;
}

int hex_digit_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// ====== Numbers

// Parses decimal float text (underscores already removed). Python turns overflow into inf and
// underflow into 0.0 rather than failing, so out-of-range results are resolved by magnitude.
std::optional<double> parse_float_text(const std::string& digits) {
    double value = 0.0;
    const char* first = digits.data();
    const char* last = first + digits.size();
    auto [end, ec] = std::from_chars(first, last, value, std::chars_format::general);
    if (end != last)
        return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        // Decimal exponent of the first significant digit decides between inf and 0.
        long exponent = 0;
        size_t e_pos = digits.find_first_of("eE");
        if (e_pos != std::string::npos)
            exponent = std::strtol(digits.c_str() + e_pos + 1, nullptr, 10);
        // strtol saturates at LONG_MAX; keep room for the digit count added below.
        constexpr long exponent_limit = 1L << 50;
        exponent = std::clamp(exponent, -exponent_limit, exponent_limit);
        std::string mantissa = digits.substr(0, e_pos);
        size_t dot = mantissa.find('.');
        size_t int_digits = dot == std::string::npos ? mantissa.size() : dot;
        size_t first_nonzero = mantissa.find_first_not_of("0.");
        long magnitude = exponent;
        if (first_nonzero != std::string::npos)
            magnitude += first_nonzero < int_digits
                             ? static_cast<long>(int_digits - first_nonzero)
                             : -static_cast<long>(first_nonzero - int_digits - 1);
        return magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    }
    if (ec != std::errc())
        return std::nullopt;
    return value;
}

// Converts digits in base (2, 8, 10 or 16) to out: Int when it fits in int64, else BigInt text.
bool parse_integer_text(const std::string& digits, int base, ast::Constant& out, Arena& arena) {
    uint64_t value = 0;
    bool overflow = false;
    for (char c : digits) {
        int digit = hex_digit_value(c);
        if (digit < 0 || digit >= base)
            return false;
        if (__builtin_mul_overflow(value, static_cast<uint64_t>(base), &value) ||
            __builtin_add_overflow(value, static_cast<uint64_t>(digit), &value))
            overflow = true;
    }
    if (!overflow && value <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        out.value_kind = ast::ConstantKind::Int;
        out.int_value = static_cast<int64_t>(value);
        return true;
    }
    mpz_t big;
    mpz_init(big);
    if (mpz_set_str(big, digits.c_str(), base) != 0) {
        mpz_clear(big);
        return false;
    }
    std::string text(mpz_sizeinbase(big, 10) + 2, '\0');
    mpz_get_str(text.data(), 10, big);
    mpz_clear(big);
    text.resize(std::strlen(text.c_str()));
    out.value_kind = ast::ConstantKind::BigInt;
    out.text = arena.copy(std::string_view(text));
    return true;
}

// ====== String tokens

// A STRING token split into its prefix flags and body (the text between the quotes).
struct TokenParts {
    bool is_bytes = false;
    bool is_raw = false;
    bool is_fstring = false;
    std::string_view body;
    size_t body_offset = 0; // where body starts inside the token text
};

bool split_string_token(std::string_view text, TokenParts& parts) {
    size_t i = 0;
    while (i < text.size() && text[i] != '\'' && text[i] != '"') {
        switch (text[i]) {
        case 'b':
        case 'B':
            parts.is_bytes = true;
            break;
        case 'r':
        case 'R':
            parts.is_raw = true;
            break;
        case 'f':
        case 'F':
            parts.is_fstring = true;
            break;
        case 'u':
        case 'U':
            break;
        default:
            return false;
        }
        ++i;
    }
    if (i >= text.size() || (parts.is_bytes && parts.is_fstring))
        return false;
    char quote = text[i];
    size_t rest = text.size() - i;
    size_t quote_length = rest >= 6 && text[i + 1] == quote && text[i + 2] == quote ? 3 : 1;
    if (rest < 2 * quote_length)
        return false;
    for (size_t k = 0; k < quote_length; ++k)
        if (text[text.size() - 1 - k] != quote)
            return false;
    parts.body_offset = i + quote_length;
    parts.body = text.substr(parts.body_offset, rest - 2 * quote_length);
    return true;
}

// Everything one run of adjacent string tokens shares while it is being decoded.
struct RunContext {
    Arena& arena;
    const ParseOptions& options;
    CompileError& error;
    std::vector<CompileWarning>& warnings;
    ast::Position run_pos;
    bool u_kind = false;                // the first token starts with a lowercase `u`
    const StringToken* token = nullptr; // the token being decoded
    size_t body_offset = 0;             // its body's offset inside its text
};

// CPython reports these errors at the end of the run (where its parser stood).
bool fail(RunContext& ctx, std::string message) {
    ctx.error.kind = CompileErrorKind::SyntaxError;
    ctx.error.message = std::move(message);
    ctx.error.filename = std::string(ctx.options.filename);
    ctx.error.lineno = ctx.run_pos.end_lineno;
    ctx.error.offset = ctx.run_pos.end_col_offset + 1;
    ctx.error.end_lineno = ctx.run_pos.end_lineno;
    ctx.error.end_offset = ctx.run_pos.end_col_offset + 1;
    return false;
}

void warn(RunContext& ctx, std::string message) {
    ctx.warnings.push_back(
        {CompileWarning::Category::DeprecationWarning, std::move(message), ctx.token->pos.lineno});
}

// The warning text for the first bad escape CPython notices; `escape` starts after the backslash.
std::string invalid_escape_message(std::string_view escape) {
    if (escape[0] >= '4' && escape[0] <= '7')
        return "invalid octal escape sequence '\\" + std::string(escape.substr(0, 3)) + "'";
    return "invalid escape sequence '\\" + std::string(1, escape[0]) + "'";
}

bool lookup_unicode_name(std::string_view name, uint32_t& cp) {
    if (name.size() > 200 || name.find('\0') != std::string_view::npos)
        return false;
    std::string terminated(name);
    for (UCharNameChoice choice : {U_UNICODE_CHAR_NAME, U_CHAR_NAME_ALIAS}) {
        UErrorCode status = U_ZERO_ERROR;
        UChar32 found = u_charFromName(choice, terminated.c_str(), &status);
        if (U_SUCCESS(status) && found >= 0) {
            cp = static_cast<uint32_t>(found);
            return true;
        }
    }
    return false;
}

// How many bytes CPython's decode_unicode_with_escapes turns this source byte into before running
// the unicode-escape codec: each non-ASCII character becomes `\UXXXXXXXX`. Error positions count
// these.
size_t escaped_width(unsigned char byte) {
    return byte < 0x80 ? 1 : byte >= 0xC0 ? 10 : 0;
}

struct EscapeScan {
    std::string_view body;
    size_t i = 0;           // index into body
    size_t virtual_pos = 0; // position in CPython's transformed buffer
};

bool unicode_escape_error(RunContext& ctx, size_t start, size_t end, const char* reason) {
    char text[160];
    if (end - start == 1)
        std::snprintf(text, sizeof text,
                      "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position "
                      "%zu: %s",
                      start, reason);
    else
        std::snprintf(text, sizeof text,
                      "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                      "%zu-%zu: %s",
                      start, end - 1, reason);
    return fail(ctx, text);
}

// \xXX, \uXXXX, \UXXXXXXXX: `count` hex digits.
bool decode_hex_escape(RunContext& ctx, EscapeScan& scan, size_t start, int count,
                       const char* reason, std::string& out) {
    uint32_t value = 0;
    for (int k = 0; k < count; ++k, ++scan.i, ++scan.virtual_pos) {
        int digit = scan.i < scan.body.size() ? hex_digit_value(scan.body[scan.i]) : -1;
        if (digit < 0)
            return unicode_escape_error(ctx, start, scan.virtual_pos, reason);
        value = (value << 4) | static_cast<uint32_t>(digit);
    }
    if (value > 0x10FFFF)
        return unicode_escape_error(ctx, start, scan.virtual_pos, "illegal Unicode character");
    append_utf8(out, value);
    return true;
}

// \N{NAME}
bool decode_name_escape(RunContext& ctx, EscapeScan& scan, size_t start, std::string& out) {
    const char* malformed = "malformed \\N character escape";
    if (scan.i >= scan.body.size() || scan.body[scan.i] != '{')
        return unicode_escape_error(ctx, start, scan.virtual_pos, malformed);
    ++scan.i;
    ++scan.virtual_pos;
    size_t name_start = scan.i;
    while (scan.i < scan.body.size() && scan.body[scan.i] != '}')
        scan.virtual_pos += escaped_width(static_cast<unsigned char>(scan.body[scan.i++]));
    if (scan.i >= scan.body.size() || scan.i == name_start)
        return unicode_escape_error(ctx, start, scan.virtual_pos, malformed);
    std::string_view name = scan.body.substr(name_start, scan.i - name_start);
    ++scan.i;
    ++scan.virtual_pos;
    uint32_t cp = 0;
    if (!lookup_unicode_name(name, cp))
        return unicode_escape_error(ctx, start, scan.virtual_pos, "unknown Unicode character name");
    append_utf8(out, cp);
    return true;
}

// The escapes str and bytes share: returns the decoded byte/char, or -1 when `c` is not one of
// them.
int simple_escape_value(char c) {
    switch (c) {
    case '\\':
        return '\\';
    case '\'':
        return '\'';
    case '"':
        return '"';
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 't':
        return '\t';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 'v':
        return '\v';
    case 'a':
        return '\a';
    default:
        return -1;
    }
}

// Up to three octal digits starting at body[i] (the first is known to be one); advances i.
uint32_t read_octal(std::string_view body, size_t& i) {
    uint32_t value = 0;
    for (int k = 0; k < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k, ++i)
        value = value * 8 + static_cast<uint32_t>(body[i] - '0');
    return value;
}

// Decodes a str literal body with escapes (Reference 2.4.1), as CPython's
// decode_unicode_with_escapes: a backslash before a non-ASCII character or at the very end stays a
// backslash. Warns once for the first invalid escape.
bool decode_str_escapes(RunContext& ctx, std::string_view body, std::string& out) {
    EscapeScan scan{body};
    std::optional<std::string> first_invalid;
    while (scan.i < body.size()) {
        auto c = static_cast<unsigned char>(body[scan.i]);
        if (c != '\\') {
            out.push_back(body[scan.i++]);
            scan.virtual_pos += escaped_width(c);
            continue;
        }
        size_t start = scan.virtual_pos;
        if (scan.i + 1 >= body.size() || static_cast<unsigned char>(body[scan.i + 1]) >= 0x80) {
            out.push_back('\\');
            ++scan.i;
            scan.virtual_pos += 6; // `\u005c`
            continue;
        }
        char e = body[scan.i + 1];
        scan.i += 2;
        scan.virtual_pos += 2;
        bool ok = true;
        if (e == '\n') {
            continue;
        } else if (int simple = simple_escape_value(e); simple >= 0) {
            out.push_back(static_cast<char>(simple));
        } else if (e >= '0' && e <= '7') {
            size_t digits_start = scan.i - 1;
            --scan.i;
            uint32_t value = read_octal(body, scan.i);
            scan.virtual_pos += scan.i - digits_start - 1;
            if (value > 0377 && !first_invalid)
                first_invalid = invalid_escape_message(body.substr(digits_start));
            append_utf8(out, value);
        } else if (e == 'x') {
            ok = decode_hex_escape(ctx, scan, start, 2, "truncated \\xXX escape", out);
        } else if (e == 'u') {
            ok = decode_hex_escape(ctx, scan, start, 4, "truncated \\uXXXX escape", out);
        } else if (e == 'U') {
            ok = decode_hex_escape(ctx, scan, start, 8, "truncated \\UXXXXXXXX escape", out);
        } else if (e == 'N') {
            ok = decode_name_escape(ctx, scan, start, out);
        } else {
            if (!first_invalid)
                first_invalid = invalid_escape_message(body.substr(scan.i - 1));
            out.push_back('\\');
            out.push_back(e);
        }
        if (!ok)
            return false;
    }
    if (first_invalid)
        warn(ctx, std::move(*first_invalid));
    return true;
}

// Decodes a bytes literal body (non-raw), as CPython's _PyBytes_DecodeEscape.
bool decode_bytes_escapes(RunContext& ctx, std::string_view body, std::string& out) {
    std::optional<std::string> first_invalid;
    size_t i = 0;
    while (i < body.size()) {
        if (body[i] != '\\' || i + 1 >= body.size()) {
            out.push_back(body[i++]);
            continue;
        }
        size_t start = i;
        char e = body[i + 1];
        i += 2;
        if (e == '\n')
            continue;
        if (int simple = simple_escape_value(e); simple >= 0) {
            out.push_back(static_cast<char>(simple));
        } else if (e >= '0' && e <= '7') {
            --i;
            uint32_t value = read_octal(body, i);
            if (value > 0377 && !first_invalid)
                first_invalid = invalid_escape_message(body.substr(start + 1));
            out.push_back(static_cast<char>(value & 0xFF));
        } else if (e == 'x') {
            int high = i < body.size() ? hex_digit_value(body[i]) : -1;
            int low = i + 1 < body.size() ? hex_digit_value(body[i + 1]) : -1;
            if (high < 0 || low < 0)
                return fail(ctx, "(value error) invalid \\x escape at position " +
                                     std::to_string(start));
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else {
            if (!first_invalid)
                first_invalid = invalid_escape_message(body.substr(start + 1));
            out.push_back('\\');
            out.push_back(e);
        }
    }
    if (first_invalid)
        warn(ctx, std::move(*first_invalid));
    return true;
}

// ====== F-strings (CPython 3.11 Parser/string_parser.c, fstring_* functions)

// Accumulates the values of one JoinedStr: adjacent literal text is merged into last_str.
struct FStringBuilder {
    std::vector<ast::Expr*> values;
    std::string last_str;
    bool fmode = false;
};

ast::Constant* make_str_constant(RunContext& ctx, std::string_view text, bool u_kind) {
    auto* node = ctx.arena.make<ast::Constant>();
    node->pos = ctx.run_pos;
    node->value_kind = ast::ConstantKind::Str;
    node->u_prefix = u_kind;
    node->text = ctx.arena.copy(text);
    return node;
}

void flush_last_str(RunContext& ctx, FStringBuilder& builder, bool u_kind) {
    if (builder.last_str.empty())
        return;
    builder.values.push_back(make_str_constant(ctx, builder.last_str, u_kind));
    builder.last_str.clear();
}

// CPython finishes a format spec with the f-string's own token as "first token", so the spec's
// trailing text never gets kind='u' (an f-string token cannot start with u), while text before a
// nested field, and the outer string's trailing text, take it from the run's first token.
enum class JoinedStrRole : uint8_t { whole_run, format_spec };

ast::JoinedStr* finish_joined_str(RunContext& ctx, FStringBuilder& builder, JoinedStrRole role) {
    flush_last_str(ctx, builder, role == JoinedStrRole::whole_run && ctx.u_kind);
    auto* node = ctx.arena.make<ast::JoinedStr>();
    node->pos = ctx.run_pos;
    node->values = ctx.arena.copy(builder.values);
    return node;
}

bool concat_fstring(RunContext& ctx, FStringBuilder& builder, std::string_view body, size_t& pos,
                    bool raw, int recurse_level);

// The literal text before the next `{` (or the `}` closing a format spec). Returns -1 on error, 1
// when it stopped at a doubled brace (the caller keeps scanning), 0 otherwise.
int fstring_find_literal(RunContext& ctx, std::string_view body, size_t& pos, bool raw,
                         std::string& literal, int recurse_level) {
    size_t s = pos;
    size_t literal_start = s;
    int result = 0;
    size_t literal_end = body.size();
    while (s < body.size()) {
        char ch = body[s++];
        if (!raw && ch == '\\' && s < body.size()) {
            ch = body[s++];
            if (ch == 'N') {
                // Skip "\N{NAME}" so its brace does not start an expression.
                if (s < body.size() && body[s++] == '{') {
                    while (s < body.size() && body[s++] != '}') {
                    }
                }
                continue;
            }
            if (ch == '{')
                warn(ctx, "invalid escape sequence '\\{'");
        }
        if (ch == '{' || ch == '}') {
            // Doubled braces are an escape only at the top level: f'{0:{3}}' must close twice.
            if (recurse_level == 0) {
                if (s < body.size() && body[s] == ch) {
                    literal_end = s;
                    pos = s + 1;
                    result = 1;
                    break;
                }
                if (ch == '}') {
                    pos = s - 1;
                    fail(ctx, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            --s;
            break;
        }
    }
    if (result == 0) {
        pos = s;
        literal_end = s;
    }
    std::string_view text = body.substr(literal_start, literal_end - literal_start);
    if (text.empty())
        return result;
    if (raw)
        literal.assign(text);
    else if (!decode_str_escapes(ctx, text, literal))
        return -1;
    return result;
}

// Line and column (bytes) of body[offset] in the current token.
void locate_in_token(const RunContext& ctx, size_t offset, int32_t& lineno, int32_t& col) {
    lineno = ctx.token->pos.lineno;
    col = ctx.token->pos.col_offset;
    std::string_view text = ctx.token->text;
    for (size_t k = 0; k < ctx.body_offset + offset && k < text.size(); ++k) {
        if (text[k] == '\n') {
            ++lineno;
            col = 0;
        } else {
            ++col;
        }
    }
}

ast::Expr* fstring_compile_expr(RunContext& ctx, std::string_view body, size_t start, size_t end) {
    size_t s = start;
    while (s < end && (body[s] == ' ' || body[s] == '\t' || body[s] == '\n' || body[s] == '\f'))
        ++s;
    if (s == end) {
        char next = body[end];
        if (next == '!' || next == ':' || next == '=')
            fail(ctx, std::string("f-string: expression required before '") + next + "'");
        else
            fail(ctx, "f-string: empty expression not allowed");
        return nullptr;
    }
    int32_t lineno = 0;
    int32_t col = 0;
    locate_in_token(ctx, start, lineno, col);
    std::string_view text = ctx.arena.copy(body.substr(start, end - start));
    ast::Expr* expr =
        parse_fstring_expression(ctx.arena, text, lineno, col, ctx.options, ctx.error);
    // CPython's parser prefixes every SyntaxError raised inside a replacement field.
    bool is_syntax_error = ctx.error.kind == CompileErrorKind::SyntaxError ||
                           ctx.error.kind == CompileErrorKind::IndentationError ||
                           ctx.error.kind == CompileErrorKind::TabError;
    if (!expr && is_syntax_error && !ctx.error.message.starts_with("f-string"))
        ctx.error.message.insert(0, "f-string: ");
    return expr;
}

// fail() for functions that answer a position: records the error and returns npos.
size_t fail_scan(RunContext& ctx, std::string message) {
    fail(ctx, std::move(message));
    return std::string_view::npos;
}

// Scans a replacement field's expression up to its `!`, `:`, `=` or `}`; returns its end or npos.
size_t fstring_scan_expr(RunContext& ctx, std::string_view body, size_t s) {
    constexpr size_t max_level = 200;
    char parens[max_level];
    size_t depth = 0;
    char quote = 0;
    bool triple = false;
    for (; s < body.size(); ++s) {
        char ch = body[s];
        if (ch == '\\')
            return fail_scan(ctx, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (!triple) {
                    quote = 0;
                } else if (s + 2 < body.size() && body[s + 1] == ch && body[s + 2] == ch) {
                    s += 2;
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            triple = s + 2 < body.size() && body[s + 1] == ch && body[s + 2] == ch;
            if (triple)
                s += 2;
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= max_level)
                return fail_scan(ctx, "f-string: too many nested parenthesis");
            parens[depth++] = ch;
        } else if (ch == '#') {
            return fail_scan(ctx, "f-string expression part cannot include '#'");
        } else if (depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            // `!=`, `==`, `<=`, `>=` and lone `<`/`>` do not end the expression.
            if (s + 1 < body.size() && body[s + 1] == '=' && ch != ':' && ch != '}') {
                ++s;
                continue;
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (depth == 0)
                return fail_scan(ctx, std::string("f-string: unmatched '") + ch + "'");
            char opening = parens[--depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}')))
                return fail_scan(ctx, std::string("f-string: closing parenthesis '") + ch +
                                          "' does not match opening parenthesis '" + opening + "'");
        }
    }
    if (quote)
        return fail_scan(ctx, "f-string: unterminated string");
    if (depth)
        return fail_scan(ctx, std::string("f-string: unmatched '") + parens[depth - 1] + "'");
    if (s >= body.size())
        return fail_scan(ctx, "f-string: expecting '}'");
    return s;
}

// One replacement field, from its `{` through its `}`. `expr_text` receives the `x=` text of a
// self-documenting field.
bool fstring_find_expr(RunContext& ctx, std::string_view body, size_t& pos, bool raw,
                       int recurse_level, std::optional<std::string>& expr_text,
                       ast::Expr*& expression) {
    if (recurse_level >= 2)
        return fail(ctx, "f-string: expressions nested too deeply");
    size_t expr_start = ++pos;
    size_t expr_end = fstring_scan_expr(ctx, body, pos);
    if (expr_end == std::string_view::npos)
        return false;
    pos = expr_end;
    ast::Expr* value = fstring_compile_expr(ctx, body, expr_start, expr_end);
    if (!value)
        return false;
    const char* expecting = "f-string: expecting '}'";
    if (body[pos] == '=') {
        ++pos;
        while (pos < body.size() && std::strchr(" \t\n\r\f\v", body[pos]) && body[pos] != '\0')
            ++pos;
        if (pos >= body.size())
            return fail(ctx, expecting);
        expr_text = std::string(body.substr(expr_start, pos - expr_start));
    }
    int32_t conversion = -1;
    if (body[pos] == '!') {
        if (++pos >= body.size())
            return fail(ctx, expecting);
        conversion = static_cast<unsigned char>(body[pos++]);
        if (conversion != 's' && conversion != 'r' && conversion != 'a')
            return fail(ctx, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    ast::Expr* format_spec = nullptr;
    if (pos < body.size() && body[pos] == ':') {
        if (++pos >= body.size())
            return fail(ctx, expecting);
        FStringBuilder spec;
        if (!concat_fstring(ctx, spec, body, pos, raw, recurse_level + 1))
            return false;
        format_spec = finish_joined_str(ctx, spec, JoinedStrRole::format_spec);
    }
    if (pos >= body.size() || body[pos] != '}')
        return fail(ctx, expecting);
    ++pos;
    if (expr_text && !format_spec && conversion == -1)
        conversion = 'r';
    auto* node = ctx.arena.make<ast::FormattedValue>();
    node->pos = ctx.run_pos;
    node->value = value;
    node->conversion = conversion;
    node->format_spec = format_spec;
    expression = node;
    return true;
}

// Parses body[pos...] into builder until the end of the body (level 0) or the `}` closing a format
// spec (level 1).
bool concat_fstring(RunContext& ctx, FStringBuilder& builder, std::string_view body, size_t& pos,
                    bool raw, int recurse_level) {
    builder.fmode = true;
    for (;;) {
        std::string literal;
        int result = fstring_find_literal(ctx, body, pos, raw, literal, recurse_level);
        if (result < 0)
            return false;
        builder.last_str += literal;
        if (result == 1)
            continue;
        if (pos >= body.size() || body[pos] == '}')
            break;
        std::optional<std::string> expr_text;
        ast::Expr* expression = nullptr;
        if (!fstring_find_expr(ctx, body, pos, raw, recurse_level, expr_text, expression))
            return false;
        if (expr_text)
            builder.last_str += *expr_text;
        flush_last_str(ctx, builder, ctx.u_kind);
        builder.values.push_back(expression);
    }
    if (recurse_level == 0 && pos + 1 < body.size())
        return fail(ctx, "f-string: unexpected end of string");
    if (recurse_level != 0 && (pos >= body.size() || body[pos] != '}'))
        return fail(ctx, "f-string: expecting '}'");
    return true;
}

// Decodes one non-f-string token's body into out (str or bytes per parts).
bool decode_plain_token(RunContext& ctx, const TokenParts& parts, std::string& out) {
    if (parts.is_bytes) {
        for (char c : parts.body) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                fail(ctx, "bytes can only contain ASCII literal characters");
                const ast::Position& p = ctx.token->pos;
                ctx.error.lineno = p.lineno;
                ctx.error.offset = p.col_offset + 1;
                ctx.error.end_lineno = p.end_lineno;
                ctx.error.end_offset = p.end_col_offset + 1;
                return false;
            }
        }
        if (parts.is_raw) {
            out.append(parts.body);
            return true;
        }
        return decode_bytes_escapes(ctx, parts.body, out);
    }
    if (parts.is_raw) {
        out.append(parts.body);
        return true;
    }
    return decode_str_escapes(ctx, parts.body, out);
}

// ====== repr helpers

// Code points assigned after Unicode 14.0, the version CPython 3.11 uses: CPython treats them as
// unassigned (Cn, not printable), while utf8proc 2.8 (Unicode 15.0) or later knows them. Ranges
// from the Unicode 15.0 and 15.1 DerivedAge data.
constexpr std::pair<uint32_t, uint32_t> assigned_after_unicode_14[] = {
    {0xCF3, 0xCF3},     {0xECE, 0xECE},     {0x2FFC, 0x2FFF},   {0x31EF, 0x31EF},
    {0x10EFD, 0x10EFF}, {0x1123F, 0x11241}, {0x11B00, 0x11B09}, {0x11F00, 0x11F10},
    {0x11F12, 0x11F3A}, {0x11F3E, 0x11F59}, {0x1342F, 0x1342F}, {0x13440, 0x13455},
    {0x1B132, 0x1B132}, {0x1B155, 0x1B155}, {0x1D2C0, 0x1D2D3}, {0x1DF25, 0x1DF2A},
    {0x1E030, 0x1E06D}, {0x1E08F, 0x1E08F}, {0x1E4D0, 0x1E4F9}, {0x1F6DC, 0x1F6DC},
    {0x1F774, 0x1F776}, {0x1F77B, 0x1F77F}, {0x1F7D9, 0x1F7D9}, {0x1FA75, 0x1FA77},
    {0x1FA87, 0x1FA88}, {0x1FAAD, 0x1FAAF}, {0x1FABB, 0x1FABD}, {0x1FABF, 0x1FABF},
    {0x1FACE, 0x1FACF}, {0x1FADA, 0x1FADB}, {0x1FAE8, 0x1FAE8}, {0x1FAF7, 0x1FAF8},
    {0x2B739, 0x2B739}, {0x2EBF0, 0x2EE5D}, {0x31350, 0x323AF},
};

bool is_assigned_after_unicode_14(uint32_t cp) {
    for (const auto& [first, last] : assigned_after_unicode_14)
        if (cp >= first && cp <= last)
            return true;
    return false;
}

// Python's str.isprintable() for one code point: not Other (Cc, Cf, Cs, Co, Cn) nor Separator
// (Zl, Zp, Zs) except the ASCII space.
bool is_printable(uint32_t cp) {
    if (cp == ' ')
        return true;
    if (cp > 0x10FFFF || is_assigned_after_unicode_14(cp))
        return false;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_ZS:
        return false;
    default:
        return true;
    }
}

void append_hex(std::string& out, char marker, uint32_t value, int digits) {
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('\\');
    out.push_back(marker);
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out.push_back(hex[(value >> shift) & 0xF]);
}

// CPython's quote choice for str and bytes repr: single quotes unless the text has a single quote
// and no double quote.
char choose_quote(std::string_view text) {
    bool has_single = text.find('\'') != std::string_view::npos;
    bool has_double = text.find('"') != std::string_view::npos;
    return has_single && !has_double ? '"' : '\'';
}

} // namespace

// ====== Public API

bool parse_number_literal(std::string_view text, ast::Constant& out, Arena& arena,
                          std::string& error_message) {
    std::string digits;
    digits.reserve(text.size());
    for (char c : text)
        if (c != '_')
            digits.push_back(c);
    if (digits.empty()) {
        error_message = "invalid number literal";
        return false;
    }
    bool imaginary = digits.back() == 'j' || digits.back() == 'J';
    if (imaginary)
        digits.pop_back();
    bool prefixed = digits.size() > 1 && digits[0] == '0' &&
                    std::strchr("xXoObB", digits[1]) != nullptr && digits[1] != '\0';
    if (prefixed && !imaginary) {
        char marker = static_cast<char>(digits[1] | 0x20);
        int base = marker == 'x' ? 16 : marker == 'o' ? 8 : 2;
        if (digits.size() > 2 && parse_integer_text(digits.substr(2), base, out, arena))
            return true;
        error_message = "invalid number literal";
        return false;
    }
    bool is_float = imaginary || digits.find_first_of(".eE") != std::string::npos;
    if (!is_float) {
        if (parse_integer_text(digits, 10, out, arena))
            return true;
        error_message = "invalid decimal literal";
        return false;
    }
    std::optional<double> value = parse_float_text(digits);
    if (!value) {
        error_message = "invalid number literal";
        return false;
    }
    out.value_kind = imaginary ? ast::ConstantKind::Complex : ast::ConstantKind::Float;
    out.float_value = *value;
    return true;
}

ast::Expr* parse_string_literals(Arena& arena, std::span<const StringToken> tokens,
                                 const ParseOptions& options, CompileError& error,
                                 std::vector<CompileWarning>& warnings) {
    if (tokens.empty())
        return nullptr;
    RunContext ctx{arena, options, error, warnings, {}};
    ctx.run_pos = {tokens.front().pos.lineno, tokens.front().pos.col_offset,
                   tokens.back().pos.end_lineno, tokens.back().pos.end_col_offset};
    ctx.u_kind = !tokens.front().text.empty() && tokens.front().text[0] == 'u';
    FStringBuilder builder;
    std::string bytes;
    bool bytes_mode = false;
    for (size_t index = 0; index < tokens.size(); ++index) {
        ctx.token = &tokens[index];
        TokenParts parts;
        if (!split_string_token(tokens[index].text, parts)) {
            fail(ctx, "invalid string literal");
            return nullptr;
        }
        ctx.body_offset = parts.body_offset;
        std::string decoded;
        if (!parts.is_fstring && !decode_plain_token(ctx, parts, decoded))
            return nullptr;
        if (index != 0 && bytes_mode != parts.is_bytes) {
            fail(ctx, "cannot mix bytes and nonbytes literals");
            return nullptr;
        }
        bytes_mode = parts.is_bytes;
        if (parts.is_fstring) {
            size_t pos = 0;
            if (!concat_fstring(ctx, builder, parts.body, pos, parts.is_raw, 0))
                return nullptr;
        } else if (bytes_mode) {
            bytes += decoded;
        } else {
            builder.last_str += decoded;
        }
    }
    if (bytes_mode) {
        auto* node = arena.make<ast::Constant>();
        node->pos = ctx.run_pos;
        node->value_kind = ast::ConstantKind::Bytes;
        node->text = arena.copy(std::string_view(bytes));
        return node;
    }
    if (!builder.fmode)
        return make_str_constant(ctx, builder.last_str, ctx.u_kind);
    return finish_joined_str(ctx, builder, JoinedStrRole::whole_run);
}

std::string repr_str(std::string_view utf8) {
    char quote = choose_quote(utf8);
    std::string out;
    out.reserve(utf8.size() + 2);
    out.push_back(quote);
    size_t i = 0;
    while (i < utf8.size()) {
        size_t start = i;
        uint32_t cp = next_code_point(utf8, i);
        if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(cp));
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x20 || cp == 0x7F) {
            append_hex(out, 'x', cp, 2);
        } else if (cp < 0x7F) {
            out.push_back(static_cast<char>(cp));
        } else if (is_printable(cp)) {
            out.append(utf8.substr(start, i - start));
        } else if (cp < 0x100) {
            append_hex(out, 'x', cp, 2);
        } else if (cp < 0x10000) {
            append_hex(out, 'u', cp, 4);
        } else {
            append_hex(out, 'U', cp, 8);
        }
    }
    out.push_back(quote);
    return out;
}

std::string repr_bytes(std::string_view bytes) {
    char quote = choose_quote(bytes);
    std::string out = "b";
    out.reserve(bytes.size() + 3);
    out.push_back(quote);
    for (char c : bytes) {
        auto byte = static_cast<unsigned char>(c);
        if (c == quote || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (byte < 0x20 || byte >= 0x7F) {
            append_hex(out, 'x', byte, 2);
        } else {
            out.push_back(c);
        }
    }
    out.push_back(quote);
    return out;
}

std::string repr_float(double value) {
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    // Shortest round-trip digits, then CPython's float_repr_style 'r' layout: scientific when the
    // decimal exponent is < -4 or >= 16, else fixed with at least one digit after the point.
    char buffer[64];
    auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    if (ec != std::errc())
        return "nan";
    std::string_view text(buffer, static_cast<size_t>(end - buffer));
    bool negative = text[0] == '-';
    if (negative)
        text.remove_prefix(1);
    size_t e_pos = text.find('e');
    std::string digits;
    for (char c : text.substr(0, e_pos))
        if (c != '.')
            digits.push_back(c);
    int exponent = std::atoi(std::string(text.substr(e_pos + 1)).c_str());
    std::string out = negative ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
        out += digits[0];
        if (digits.size() > 1) {
            out.push_back('.');
            out.append(digits, 1);
        }
        char exp_text[16];
        std::snprintf(exp_text, sizeof exp_text, "e%c%02d", exponent < 0 ? '-' : '+',
                      std::abs(exponent));
        out += exp_text;
    } else if (exponent < 0) {
        out += "0.";
        out.append(static_cast<size_t>(-exponent - 1), '0');
        out += digits;
    } else {
        auto int_digits = static_cast<size_t>(exponent) + 1;
        if (digits.size() <= int_digits) {
            out += digits;
            out.append(int_digits - digits.size(), '0');
            out += ".0";
        } else {
            out.append(digits, 0, int_digits);
            out.push_back('.');
            out.append(digits, int_digits);
        }
    }
    return out;
}

} // namespace minipy::compiler
