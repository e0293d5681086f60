// The bytecode compiler: AST + symbol table to a tree of CodeUnits (compiler/code.h) using the
// opcodes of vm/opcodes.def. Follows CPython 3.11's Python/compile.c in shape: code is emitted into
// basic blocks, exception handling uses SETUP_*/POP_BLOCK pseudo-instructions that become an
// exception table, stack depth comes from flow analysis, and jumps are resolved when the blocks are
// laid out. Thread rules: a compilation touches only its own data; any number may run at once.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "compiler/ast.h"
#include "compiler/code.h"
#include "compiler/diagnostics.h"
#include "compiler/symtable.h"

namespace minipy::compiler {

// Optional measurements a benchmark may ask for (bench/compile/compile_bench.cpp).
struct CodegenStats {
    double assemble_seconds = 0; // CPU time (wall time off POSIX) spent assembling code units
};

struct CodegenOptions {
    std::string_view filename = "<string>";
    // 0 normal, 1 `-O` (assert statements removed, __debug__ is False), 2 `-OO` (docstrings too).
    int optimize = 0;
    // The full source text, when known: `from __future__ import annotations` stores annotation
    // text.
    std::string_view source;
    // When set, receives timings of the generation's phases; null costs nothing.
    CodegenStats* stats = nullptr;
};

struct CodegenResult {
    std::shared_ptr<const CodeUnit> code; // null on error
    CompileError error;
    std::vector<CompileWarning> warnings;
};

// Compiles a parsed module whose symbol table has been built. Never throws on bad input.
CodegenResult generate_code(const ast::Module& module, SymbolTable& symbols,
                            const CodegenOptions& options);

// True when the module begins with `from __future__ import annotations` (after a docstring and
// other future imports), which changes how the symbol table and codegen treat annotations.
bool has_future_annotations(const ast::Module& module);

} // namespace minipy::compiler
