// The parser: source text to AST (compiler/parser.y, driven by the re2c lexer in compiler/lexer.re).
// Thread rules: any number of threads may parse at once; each parse uses its own Arena.
#pragma once

#include <string_view>
#include <vector>

#include "compiler/arena.h"
#include "compiler/ast.h"
#include "compiler/diagnostics.h"

namespace minipy::compiler {

struct ParseOptions {
    std::string_view filename = "<string>";
    ast::ModuleKind mode = ast::ModuleKind::Module; // "exec", "single" or "eval" in compile()'s words
    // True when the source came from a str (compile(), exec(), eval()): it is UTF-8 already and a
    // coding declaration is ignored. False for file bytes: a UTF-8 BOM and a `coding:` line are honoured.
    bool source_is_text = false;
    // True for the script `minipy FILE` runs: CPython reads it with its file tokenizer, whose
    // encoding and NUL-byte errors read differently ("encoding problem: NAME", no position) from
    // those of compile() on bytes ("unknown encoding: NAME").
    bool script_file = false;
};

struct ParseResult {
    ast::Module* module = nullptr; // null when the source has an error
    CompileError error;            // meaningful only when module is null
    std::vector<CompileWarning> warnings;
};

// Parses a whole source. Never throws on bad input: every problem becomes result.error, with
// CPython's message and position where practical.
ParseResult parse(Arena& arena, std::string_view source, const ParseOptions& options);

// Parses the expression of an f-string replacement field (the text between `{` and `!`, `:`, `=` or
// `}`), as CPython 3.11 does by parsing "(text)". `lineno`/`col_offset` locate text's first byte in the
// file so the nodes get real positions. Returns null and fills error on failure.
ast::Expr* parse_fstring_expression(Arena& arena, std::string_view text, int32_t lineno,
                                    int32_t col_offset, const ParseOptions& options,
                                    CompileError& error);

} // namespace minipy::compiler
