// The fuzz target over the front end: arbitrary bytes go through the lexer, the parser and (when the
// parse succeeds) the bytecode compiler, in each of the three modes. Any input must end in a result or
// a CompileError; a crash, a hang, a leak or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "compiler/compile.h"
#include "compiler/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace minipy::compiler;
    // A first byte of 1 or 2 picks eval or single mode (and is not source), so the corpus covers all
    // three modes.
    ast::ModuleKind mode = ast::ModuleKind::Module;
    if (size > 0 && (data[0] == 1 || data[0] == 2)) {
        mode = data[0] == 1 ? ast::ModuleKind::Expression : ast::ModuleKind::Interactive;
        ++data;
        --size;
    }
    std::string_view source(reinterpret_cast<const char*>(data), size);
    ParseOptions options;
    options.filename = "<fuzz>";
    options.mode = mode;
    Arena arena;
    ParseResult parsed = parse(arena, source, options);
    if (parsed.module != nullptr)
        (void)compile_module(*parsed.module, options.filename, CompileOptions{}, source);
    return 0;
}
