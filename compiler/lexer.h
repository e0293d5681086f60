// The tokenizer: Python 3.11 source text to tokens (compiler/lexer.re, compiled by re2c).
// Invariants:
//  - the source buffer is prepared once by prepare_source(): decoded to UTF-8, validated, free of
//  NUL
//    bytes and NUL-terminated (the terminator is the scanner's sentinel); it lives in the Arena, so
//    the string_views in tokens and in the AST stay valid as long as the Arena;
//  - next() never allocates, except an NFKC copy of a non-ASCII identifier in the Arena;
//  - after an error, next() returns TokenKind::Error forever and error() holds CPython's message;
//  - bracket nesting is capped at 200 and indentation at 100 levels, as in CPython's tokenizer.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "compiler/arena.h"
#include "compiler/ast.h"
#include "compiler/diagnostics.h"
#include "compiler/parser.h"

namespace minipy::compiler {

// X(Name, spelling): keywords, in the order CPython's keyword.kwlist lists them.
#define MINIPY_KEYWORDS(X)                                                                         \
    X(False, "False")                                                                              \
    X(None, "None") X(True, "True") X(And, "and") X(As, "as") X(Assert, "assert")                  \
        X(Async, "async") X(Await, "await") X(Break, "break") X(Class, "class")                    \
            X(Continue, "continue") X(Def, "def") X(Del, "del") X(Elif, "elif") X(Else, "else")    \
                X(Except, "except") X(Finally, "finally") X(For, "for") X(From, "from")            \
                    X(Global, "global") X(If, "if") X(Import, "import") X(In, "in") X(Is, "is")    \
                        X(Lambda, "lambda") X(Nonlocal, "nonlocal") X(Not, "not") X(Or, "or")      \
                            X(Pass, "pass") X(Raise, "raise") X(Return, "return") X(Try, "try")    \
                                X(While, "while") X(With, "with") X(Yield, "yield")

// X(Name, spelling): operators and delimiters.
#define MINIPY_OPERATORS(X)                                                                        \
    X(LParen, "(")                                                                                 \
    X(RParen, ")") X(LBracket, "[") X(RBracket, "]") X(LBrace, "{") X(RBrace, "}") X(Colon, ":")   \
        X(Comma, ",") X(Semi, ";") X(Plus, "+") X(Minus, "-") X(Star, "*") X(Slash, "/")           \
            X(VBar, "|") X(Amper, "&") X(Less, "<") X(Greater, ">") X(Equal, "=") X(Dot, ".")      \
                X(Percent, "%") X(EqEqual, "==") X(NotEqual, "!=") X(LessEqual, "<=")              \
                    X(GreaterEqual, ">=") X(Tilde, "~") X(Circumflex, "^") X(LeftShift, "<<")      \
                        X(RightShift, ">>") X(DoubleStar, "**") X(PlusEqual, "+=")                 \
                            X(MinusEqual, "-=") X(StarEqual, "*=") X(SlashEqual, "/=")             \
                                X(PercentEqual, "%=") X(AmperEqual, "&=") X(VBarEqual, "|=")       \
                                    X(CircumflexEqual, "^=") X(LeftShiftEqual, "<<=")              \
                                        X(RightShiftEqual, ">>=") X(DoubleStarEqual, "**=")        \
                                            X(DoubleSlash, "//") X(DoubleSlashEqual, "//=")        \
                                                X(At, "@") X(AtEqual, "@=") X(RArrow, "->")        \
                                                    X(Ellipsis, "...") X(ColonEqual, ":=")

enum class TokenKind : uint8_t {
    EndOfInput,
    Error, // a lexical error; Lexer::error() says which
    Newline,
    Indent,
    Dedent,
    Name,
    Number,
    String, // one literal, prefix and quotes included, unprocessed
    // A character no token starts with (`$`, `?`, a lone `!`): CPython's ERRORTOKEN, which the
    // parser reports as "invalid syntax".
    Unknown,
#define MINIPY_X(name, text) name,
    MINIPY_KEYWORDS(MINIPY_X) MINIPY_OPERATORS(MINIPY_X)
#undef MINIPY_X
};

// The spelling of a keyword or operator token ("if", "**="), or a description for the others.
std::string_view token_kind_text(TokenKind kind);

struct Token {
    TokenKind kind = TokenKind::EndOfInput;
    // The token's text: a view into the prepared source, or into the Arena for an NFKC-normalised
    // identifier. Empty for NEWLINE at end of input, INDENT, DEDENT and EndOfInput.
    std::string_view text;
    ast::Position pos; // CPython's token position: 1-based lines, 0-based UTF-8 byte columns
};

// Decodes and checks file bytes (or str text, per options.source_is_text) as CPython's tokenizer
// does before tokenizing: a UTF-8 BOM, a `coding:` declaration on line 1 or 2 (utf-8 and latin-1
// decoded here, any other encoding through glibc's iconv; a name iconv does not know is "unknown
// encoding: X"), invalid UTF-8, NUL bytes. On success `prepared` is a NUL-terminated UTF-8 copy in
// the arena (its size excludes the NUL); on failure returns false and fills error. `declared`
// (optional) tells whether the file said its encoding (a BOM or a coding line): CPython counts a
// script's parser error offsets in bytes when it did not.
bool prepare_source(Arena& arena, std::string_view source, const ParseOptions& options,
                    std::string_view& prepared, CompileError& error, bool* declared = nullptr);

// Fills error's position fields (1-based character offsets, the line's text) from byte positions in
// a prepared source. end_col may be -1 or 0 to mean CPython's "unknown" end offsets.
void set_error_location(CompileError& error, std::string_view source, int32_t lineno,
                        int32_t col_offset, int32_t end_lineno, int32_t end_col_offset);

class Lexer {
public:
    // source must come from prepare_source(): NUL-terminated, valid UTF-8.
    Lexer(Arena& arena, std::string_view source, std::string_view filename);

    Token next();

    bool has_error() const { return m_has_error; }
    const CompileError& error() const { return m_error; }
    std::string_view source() const { return m_source; }
    // Where scanning goes on: just past the last token returned.
    const char* cursor() const { return m_cursor; }
    // Warnings found so far (a number directly followed by a keyword, as in `1if`).
    std::vector<CompileWarning>& warnings() { return m_warnings; }

    static constexpr int max_paren_depth = 200;
    static constexpr int max_indent_depth = 100;

private:
    struct Bracket {
        char kind;
        int32_t lineno;
        int32_t col;
    };

    Token scan();
    bool handle_indentation(Token& out);
    Token finish_input();
    Token make(TokenKind kind, const char* start, const char* end);
    Token scan_string(const char* start, const char* quote);
    Token scan_number(const char* start);
    Token scan_identifier(const char* start, const char* end);
    Token open_bracket(char kind, const char* start);
    Token close_bracket(char kind, const char* start);
    Token fail(CompileErrorKind kind, std::string message, int32_t lineno, int32_t col,
               int32_t end_lineno, int32_t end_col);
    Token fail_here(std::string message, const char* at, int32_t width = 1);
    // fail() with offsets counted in bytes, for the errors CPython's tokenizer places by pointer.
    Token fail_in_bytes(std::string message, int32_t col, int32_t end_col);
    int32_t col_of(const char* p) const { return static_cast<int32_t>(p - m_line_start); }
    void new_line(const char* next_line_start) {
        ++m_lineno;
        m_line_start = next_line_start;
    }

    Arena& m_arena;
    std::string_view m_source;
    std::string_view m_filename;
    const char* m_cursor;
    const char* m_line_start;
    int32_t m_lineno = 1;
    bool m_at_line_start = true;
    bool m_line_has_tokens = false;
    bool m_has_error = false;
    bool m_done = false;
    int m_pending_dedents = 0;
    int m_indent_depth = 0;
    int32_t m_indents[max_indent_depth + 1] = {};
    int32_t m_alt_indents[max_indent_depth + 1] = {};
    int m_paren_depth = 0;
    Bracket m_brackets[max_paren_depth] = {};
    CompileError m_error;
    std::vector<CompileWarning> m_warnings;
};

} // namespace minipy::compiler
