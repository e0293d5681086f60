// Literal text to values, and values back to text: the NUMBER and STRING tokens the lexer finds become
// Constant and JoinedStr nodes here; and the repr of str, bytes, float and int is written here once,
// for both the AST dump and the VM's repr().
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/arena.h"
#include "compiler/ast.h"
#include "compiler/diagnostics.h"
#include "compiler/parser.h"

namespace minipy::compiler {

// Fills out's value from a NUMBER token's text (`0x_ff`, `1_000`, `1e10`, `3.5j`, ...). The lexer has
// already checked the token's shape. Returns false with a message only for values Python rejects at
// this stage (none today, kept for overflow of exotic forms).
bool parse_number_literal(std::string_view text, ast::Constant& out, Arena& arena,
                          std::string& error_message);

// One STRING token as the lexer found it: prefix, quotes and body, unprocessed.
struct StringToken {
    std::string_view text;
    ast::Position pos;
};

// Turns a run of adjacent string tokens into one Constant (str or bytes) or JoinedStr (when any is an
// f-string), decoding escapes and parsing f-string fields. Raises SyntaxError (returns null, fills
// error) for mixed bytes and str, bad escapes such as a truncated \x, and malformed f-strings.
// The error's own messages come with filename, lineno/end_lineno and offset/end_offset as 1-based
// *byte* columns (col_offset + 1) and an empty `text`: the caller, which holds the source, fills
// `text` and turns the offsets into character offsets (errors from parse_fstring_expression are
// passed through as that function left them, their message prefixed with "f-string: " as in CPython).
// Invalid escapes add a DeprecationWarning to `warnings`, as CPython 3.11 does.
ast::Expr* parse_string_literals(Arena& arena, std::span<const StringToken> tokens,
                                 const ParseOptions& options, CompileError& error,
                                 std::vector<CompileWarning>& warnings);

// repr() of a str given as UTF-8 (lone surrogates allowed), with CPython's quoting and escapes.
std::string repr_str(std::string_view utf8);
// repr() of bytes.
std::string repr_bytes(std::string_view bytes);
// repr() of a float: the shortest text that round-trips, in CPython's layout (1e+16, 1e-05, inf, nan).
std::string repr_float(double value);

} // namespace minipy::compiler
