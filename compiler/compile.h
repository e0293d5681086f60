// The compiler's top-level API: source text (or an already-parsed AST) to the module's code unit.
// Thread rules: any number of threads may compile at once; each call uses its own Arena and tables.
// Errors: every problem with the source (syntax, scope rules, nesting too deep) comes back as one
// CompileError in the result; nothing is thrown for bad input.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "compiler/ast.h"
#include "compiler/code.h"
#include "compiler/diagnostics.h"
#include "compiler/parser.h"

namespace minipy::compiler {

struct CompileOptions {
    // 0: normal; 1: `-O` (asserts removed, __debug__ False); 2: `-OO` (docstrings removed too).
    int optimize = 0;
};

struct CompileResult {
    std::shared_ptr<const CodeUnit> code; // the module's code unit; null on error
    CompileError error;                   // meaningful only when code is null
    std::vector<CompileWarning> warnings;
};

// Parses and compiles a whole source. `parse_options` gives the filename and mode ("exec",
// "single", "eval").
CompileResult compile_source(std::string_view source, const ParseOptions& parse_options,
                             const CompileOptions& options = {});

// Compiles an already-parsed module. `source` (optional) is the text it came from, used for
// `from __future__ import annotations` strings.
CompileResult compile_module(const ast::Module& module, std::string_view filename,
                             const CompileOptions& options = {}, std::string_view source = {});

} // namespace minipy::compiler
