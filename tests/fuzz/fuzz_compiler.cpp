// The fuzz target over the front end: arbitrary bytes go through the lexer, the parser, the AST
// printer and (when the parse succeeds) the bytecode compiler, in each of the three modes. Any
// input must end in a result or a CompileError; a crash, a hang, a leak or a sanitizer report is a
// bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "compiler/ast_dump.h"
#include "compiler/compile.h"
#include "compiler/diagnostics.h"
#include "compiler/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace minipy::compiler;
    // A first byte of 1 or 2 picks eval or single mode (and is not source), so the corpus covers
    // all three modes; a first byte of 3 compiles the rest as text (compile() of a str).
    ParseOptions options;
    options.filename = "<fuzz>";
    if (size > 0 && data[0] >= 1 && data[0] <= 3) {
        options.mode = data[0] == 1   ? ast::ModuleKind::Expression
                       : data[0] == 2 ? ast::ModuleKind::Interactive
                                      : ast::ModuleKind::Module;
        options.source_is_text = data[0] == 3;
        ++data;
        --size;
    }
    std::string_view source(reinterpret_cast<const char*>(data), size);
    Arena arena;
    ParseResult parsed = parse(arena, source, options);
    if (parsed.module == nullptr) {
        // The error must be printable: its offsets and text are used to draw the caret line.
        std::string text = format_compile_error(parsed.error);
        (void)text;
        return 0;
    }
    std::string dump;
    (void)dump_ast(*parsed.module, dump);
    CompileResult compiled =
        compile_module(*parsed.module, options.filename, CompileOptions{}, source);
    if (!compiled.code)
        (void)format_compile_error(compiled.error);
    return 0;
}
