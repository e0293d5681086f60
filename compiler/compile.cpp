// The top-level compile pipeline: parse, build the symbol table, generate code. Owns nothing beyond
// one call: the Arena holding the AST dies when compile_source returns; the code unit does not.
#include "compiler/compile.h"

#include "compiler/codegen.h"
#include "compiler/symtable.h"

namespace minipy::compiler {

CompileResult compile_module(const ast::Module& module, std::string_view filename,
                             const CompileOptions& options, std::string_view source) {
    CompileResult result;
    SymbolTable symbols;
    if (!symbols.build(module, filename, has_future_annotations(module))) {
        result.error = symbols.error();
        return result;
    }
    CodegenOptions codegen_options;
    codegen_options.filename = filename;
    codegen_options.optimize = options.optimize;
    codegen_options.source = source;
    CodegenResult generated = generate_code(module, symbols, codegen_options);
    result.code = std::move(generated.code);
    result.error = std::move(generated.error);
    result.warnings = std::move(generated.warnings);
    return result;
}

namespace {

// Fills the error's source line from the text when the producer left it empty (as CPython does).
void attach_source_line(CompileError& error, std::string_view source) {
    if (!error.text.empty() || error.lineno <= 0)
        return;
    size_t start = 0;
    for (int32_t line = 1; line < error.lineno; line++) {
        size_t newline = source.find('\n', start);
        if (newline == std::string_view::npos)
            return;
        start = newline + 1;
    }
    size_t end = source.find('\n', start);
    error.text = std::string(source.substr(
        start, end == std::string_view::npos ? std::string_view::npos : end - start + 1));
    // The symbol table and code generator count columns in UTF-8 bytes, and so does CPython 3.11's
    // compiler (compiler_error() passes the AST's byte offsets through unconverted).
}

} // namespace

CompileResult compile_source(std::string_view source, const ParseOptions& parse_options,
                             const CompileOptions& options) {
    Arena arena;
    ParseResult parsed = parse(arena, source, parse_options);
    CompileResult result;
    if (!parsed.module) {
        result.error = std::move(parsed.error);
        return result;
    }
    result = compile_module(*parsed.module, parse_options.filename, options, source);
    if (!result.code)
        attach_source_line(result.error, source);
    result.warnings.insert(result.warnings.begin(), parsed.warnings.begin(), parsed.warnings.end());
    return result;
}

} // namespace minipy::compiler
