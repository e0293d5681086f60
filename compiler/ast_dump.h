// The AST printer behind `minipy --dump-ast`: prints a tree exactly as CPython 3.11's
// `ast.dump(ast.parse(source))` does (annotate_fields=True, include_attributes=False, no indent).
// Thread rules: stateless; any number of threads may dump different trees at once.
#pragma once

#include <string>

#include "compiler/ast.h"

namespace minipy::compiler {

// Deepest nesting the printer follows before giving up; it recurses once per level of the tree.
inline constexpr int max_dump_depth = 3000;

// Writes the dump of module to out. Returns false, with a message in out, when the tree nests
// deeper than max_dump_depth (the printer never overflows the native stack).
[[nodiscard]] bool dump_ast(const ast::Module& module, std::string& out);

// Convenience form: the dump, or "RecursionError: ..." text when the tree is too deep.
std::string dump_ast(const ast::Module& module);

} // namespace minipy::compiler
