// The `minipy` command's front end: reads the command line, picks one mode and runs it. Owns only
// argument handling and process exit codes; every mode calls into compiler/ or vm/ for the work.
//
// Adding a mode: write one `int run_<mode>(const CommandLine&)` function in its own section below
// and one row in `modes()`. Exit codes follow CPython: 0 success, 1 error in the program, 2 bad
// usage.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast_dump.h"
#include "compiler/compile.h"
#include "compiler/disassembler.h"
#include "compiler/parser.h"
#include "vm/run.h"
#include "vm/version.h"

namespace {

using namespace minipy;

struct CommandLine {
    std::string_view program = "minipy";
    std::vector<std::string_view> arguments; // what follows the mode's option
};

// One option that selects what minipy does. `min_arguments` are checked before `run` is called.
struct Mode {
    std::string_view option;
    std::string_view short_option;
    size_t min_arguments;
    int (*run)(const CommandLine&);
};

void print_usage(std::FILE* stream, std::string_view program) {
    std::fprintf(stream,
                 "usage: %.*s [option] ... [-c cmd | file] [arg] ...\n"
                 "Options:\n"
                 "  -h, --help        print this help message and exit\n"
                 "  -V, --version     print the minipy version and exit\n"
                 "  --dump-ast FILE   print the AST of FILE as Python 3.11's ast.dump() does\n"
                 "  --dis FILE        compile FILE and print its bytecode, as dis.dis() does\n",
                 static_cast<int>(program.size()), program.data());
}

// Reads a whole file as bytes; false when it cannot be read.
bool read_file(std::string_view path, std::string& contents) {
    std::ifstream stream{std::string(path), std::ios::binary};
    if (!stream)
        return false;
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    if (stream.bad())
        return false;
    contents = std::move(buffer).str();
    return true;
}

// ====== -h, -V

int run_help(const CommandLine& command_line) {
    print_usage(stdout, command_line.program);
    return 0;
}

int run_version(const CommandLine&) {
    std::printf("minipy %s (Python %s)\n", vm::version_string(), MINIPY_PYTHON_VERSION_TEXT);
    return 0;
}

// ====== --dump-ast FILE

int run_dump_ast(const CommandLine& command_line) {
    std::string_view path = command_line.arguments[0];
    std::string source;
    if (!read_file(path, source)) {
        std::fprintf(stderr, "%.*s: can't open file '%.*s'\n",
                     static_cast<int>(command_line.program.size()), command_line.program.data(),
                     static_cast<int>(path.size()), path.data());
        return 2;
    }
    compiler::Arena arena;
    compiler::ParseOptions options;
    options.filename = path;
    options.mode = compiler::ast::ModuleKind::Module;
    options.source_is_text = false;
    compiler::ParseResult result = compiler::parse(arena, source, options);
    if (!result.module) {
        std::fputs(compiler::format_compile_error(result.error).c_str(), stderr);
        return 1;
    }
    std::string text;
    if (!compiler::dump_ast(*result.module, text)) {
        std::fprintf(stderr, "RecursionError: %s\n", text.c_str());
        return 1;
    }
    text.push_back('\n');
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

// ====== --dis FILE

int run_dis(const CommandLine& command_line) {
    std::string_view path = command_line.arguments[0];
    std::string source;
    if (!read_file(path, source)) {
        std::fprintf(stderr, "%.*s: can't open file '%.*s'\n",
                     static_cast<int>(command_line.program.size()), command_line.program.data(),
                     static_cast<int>(path.size()), path.data());
        return 2;
    }
    compiler::ParseOptions options;
    options.filename = path;
    options.mode = compiler::ast::ModuleKind::Module;
    options.source_is_text = false;
    compiler::CompileResult result = compiler::compile_source(source, options);
    if (!result.code) {
        std::fputs(compiler::format_compile_error(result.error).c_str(), stderr);
        return 1;
    }
    std::string text = compiler::disassemble(*result.code);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

// ====== Running a script or -c (issue #3)

// A script path (or nothing: stdin) followed by its arguments.
int run_program(const CommandLine& command_line) {
    std::vector<std::string> argv(command_line.arguments.begin(), command_line.arguments.end());
    if (command_line.arguments.empty() || command_line.arguments[0] == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        if (argv.empty())
            argv.emplace_back("");
        return vm::run_source(buffer.str(), "<stdin>", argv);
    }
    return vm::run_file(command_line.arguments[0], argv);
}

// -c CODE [arg ...]
int run_command(const CommandLine& command_line) {
    std::vector<std::string> argv(command_line.arguments.begin(), command_line.arguments.end());
    argv[0] = "-c";
    return vm::run_source(command_line.arguments[0], "<string>", argv);
}

std::span<const Mode> modes() {
    static constexpr Mode table[] = {
        {"--help", "-h", 0, run_help},       // usage on stdout
        {"--version", "-V", 0, run_version}, // "minipy X (Python 3.11.7)"
        {"--dump-ast", "", 1, run_dump_ast}, // ast.dump() of a file
        {"--dis", "", 1, run_dis},           // dis.dis() of a file
        {"", "-c", 1, run_command},          // run a command (issue #3)
    };
    return table;
}

} // namespace

int main(int argc, char** argv) {
    CommandLine command_line;
    if (argc > 0 && argv[0] && argv[0][0])
        command_line.program = argv[0];
    std::vector<std::string_view> arguments(argv + (argc > 0 ? 1 : 0), argv + argc);
    if (arguments.empty() || arguments[0].empty() || arguments[0] == "-" ||
        arguments[0][0] != '-') {
        // A script path, stdin or the REPL.
        command_line.arguments = arguments;
        return run_program(command_line);
    }
    std::string_view option = arguments[0];
    for (const Mode& mode : modes()) {
        if (option != mode.option && option != mode.short_option)
            continue;
        command_line.arguments.assign(arguments.begin() + 1, arguments.end());
        if (command_line.arguments.size() < mode.min_arguments) {
            std::fprintf(stderr, "Argument expected for the %.*s option\n",
                         static_cast<int>(option.size()), option.data());
            print_usage(stderr, command_line.program);
            return 2;
        }
        return mode.run(command_line);
    }
    std::fprintf(stderr, "Unknown option: %.*s\n", static_cast<int>(option.size()), option.data());
    print_usage(stderr, command_line.program);
    return 2;
}
