// The `minipy` command's front end: reads the command line as CPython's `python3` does, picks what
// to run (a file, -c, -m, standard input, the REPL) and turns the outcome into the process exit
// code. Owns only argument handling and exit codes; running code is vm/run.h's MainInterpreter,
// the interactive loop is cli/repl.h.
//
// Exit codes follow CPython: 0 success, 1 after an uncaught exception, the code of SystemExit,
// 2 for bad usage or a script that cannot be opened. A program ended by an uncaught
// KeyboardInterrupt ends by SIGINT itself (a shell sees 130), as CPython 3.8+ does.
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/repl.h"
#include "compiler/ast_dump.h"
#include "compiler/compile.h"
#include "compiler/disassembler.h"
#include "compiler/parser.h"
#include "vm/run.h"
#include "vm/version.h"

namespace {

using namespace minipy;

// What the command line asks for.
struct CommandLine {
    std::string program = "minipy";
    enum class Action : uint8_t { run, help, version, dump_ast, dis } action = Action::run;
    std::optional<std::string> command; // -c CMD
    std::optional<std::string> module;  // -m MOD
    std::optional<std::string> file;    // FILE, "-" for standard input
    std::vector<std::string> arguments; // sys.argv[1:]
    std::vector<std::string> x_options; // -X VALUE, in order
    int version_level = 0;              // -V once or twice
    bool inspect = false;               // -i
    bool quiet = false;                 // -q
    bool unbuffered = false;            // -u
    bool no_site = false;               // -S
    bool no_environment = false;        // -E, -I
    bool safe_path = false;             // -P, -I
};

constexpr std::string_view usage_line =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

void print_usage_error(const CommandLine& command_line) {
    std::fprintf(stderr, usage_line.data(), command_line.program.c_str());
    std::fputs("Try `minipy -h' for more information.\n", stderr);
}

void print_help(const CommandLine& command_line) {
    std::printf(usage_line.data(), command_line.program.c_str());
    std::fputs(
        "Options:\n"
        "-B     : accepted for compatibility (minipy writes no .pyc files)\n"
        "-c cmd : program passed in as string (terminates option list)\n"
        "-E     : ignore MINIPYPATH and PYTHONHASHSEED\n"
        "-h     : print this help message and exit (also -? or --help)\n"
        "-i     : inspect interactively after running script; forces a prompt even\n"
        "         if stdin does not appear to be a terminal\n"
        "-I     : isolate minipy from the user's environment (implies -E, -P and -s)\n"
        "-m mod : run library module as a script (terminates option list)\n"
        "-P     : don't prepend a potentially unsafe path to sys.path\n"
        "-q     : don't print version and copyright messages on interactive startup\n"
        "-s     : accepted for compatibility (minipy has no user site directory)\n"
        "-S     : don't imply 'import site' on initialization (no exit() and quit())\n"
        "-u     : force the stdout and stderr streams to be unbuffered\n"
        "-V     : print the minipy version number and exit (also --version)\n"
        "         when given twice, print more information about the build\n"
        "-W arg : accepted for compatibility (minipy has no warning filters)\n"
        "-X opt : set implementation-specific option; minipy knows:\n"
        "         -X showrefcount: print the total reference count and the number of\n"
        "            objects leaked (0 normally) at exit, to stderr\n"
        "         -X int_max_str_digits=number: limit the size of int<->str conversions\n"
        "            (0 disables the limit; also PYTHONINTMAXSTRDIGITS)\n"
        "         -X gilstats: print the GIL's counters (sys._gilstats()) at exit, to stderr\n"
        "         -X gcstats: print the cycle collector's collections, objects collected and\n"
        "            longest pause per generation at exit, to stderr\n"
        "         other -X options are accepted and ignored, as CPython does\n"
        "--dis file      : compile file and print its bytecode as dis.dis() does, then exit\n"
        "--dump-ast file : print the AST of file as ast.dump() does, then exit\n"
        "file   : program read from script file\n"
        "-      : program read from stdin (default; interactive mode if a tty)\n"
        "arg ...: arguments passed to program in sys.argv[1:]\n"
        "\n"
        "Environment variables:\n"
        "MINIPYPATH     : ':'-separated list of directories prefixed to the\n"
        "                 default module search path. The result is sys.path.\n"
        "PYTHONHASHSEED : if this variable is set to 'random', a random value is used\n"
        "                 to seed the hashes of str and bytes objects.  It can also be\n"
        "                 set to an integer in the range [0,4294967295] to get hash\n"
        "                 values with a predictable seed.\n",
        stdout);
}

// ====== Parsing, as CPython's getopt (Python/getopt.c): short options may be grouped (-qi),
// an option's argument may be attached (-c'print(1)', -Xshowrefcount) or the next word; -c and -m
// end the options, as does the first word that is not an option.

// 0 when parsed, else the exit code (2) after the message.
int parse_command_line(int argc, char** argv, CommandLine& command_line) {
    if (argc > 0 && argv[0] && argv[0][0])
        command_line.program = argv[0];
    int index = 1;
    for (; index < argc; ++index) {
        std::string_view word = argv[index];
        if (word.size() < 2 || word[0] != '-')
            break; // a file name, or "-" for standard input
        if (word == "--") {
            ++index;
            break;
        }
        if (word.starts_with("--")) {
            if (word == "--help") {
                command_line.action = CommandLine::Action::help;
                return 0;
            }
            if (word == "--version") {
                ++command_line.version_level;
                continue;
            }
            if (word == "--dump-ast" || word == "--dis") {
                if (index + 1 >= argc) {
                    std::fprintf(stderr, "Argument expected for the %s option\n", word.data());
                    print_usage_error(command_line);
                    return 2;
                }
                command_line.action =
                    word == "--dis" ? CommandLine::Action::dis : CommandLine::Action::dump_ast;
                command_line.file = argv[index + 1];
                return 0;
            }
            std::fprintf(stderr, "unknown option %s\n", word.data());
            print_usage_error(command_line);
            return 2;
        }
        for (size_t at = 1; at < word.size(); ++at) {
            char option = word[at];
            if (option == 'c' || option == 'm' || option == 'X' || option == 'W') {
                std::string value;
                if (at + 1 < word.size()) {
                    value = std::string(word.substr(at + 1));
                } else if (index + 1 < argc) {
                    value = argv[++index];
                } else {
                    std::fprintf(stderr, "Argument expected for the -%c option\n", option);
                    print_usage_error(command_line);
                    return 2;
                }
                if (option == 'c') {
                    command_line.command = value;
                } else if (option == 'm') {
                    command_line.module = value;
                } else if (option == 'X') {
                    command_line.x_options.push_back(value);
                }
                // -W (warning filters) is accepted; minipy's warnings have no filters yet.
                if (option == 'c' || option == 'm') {
                    for (++index; index < argc; ++index)
                        command_line.arguments.emplace_back(argv[index]);
                    return 0;
                }
                break;
            }
            switch (option) {
            case 'h':
            case '?':
                command_line.action = CommandLine::Action::help;
                return 0;
            case 'V':
                ++command_line.version_level;
                break;
            case 'i':
                command_line.inspect = true;
                break;
            case 'q':
                command_line.quiet = true;
                break;
            case 'u':
                command_line.unbuffered = true;
                break;
            case 'S': // no `import site` (no exit() and quit())
                command_line.no_site = true;
                break;
            case 'E': // MINIPYPATH and PYTHONHASHSEED are ignored
                command_line.no_environment = true;
                break;
            case 'P': // no potentially unsafe path (the script's folder, "") in sys.path
                command_line.safe_path = true;
                break;
            case 'I': // isolated: -E -P -s
                command_line.no_environment = true;
                command_line.safe_path = true;
                break;
            // Accepted for compatibility with scripts' shebang lines; they change nothing that
            // minipy has: -B (no .pyc files: minipy writes none), -s (no user site-packages).
            case 'B':
            case 's':
                break;
            default:
                std::fprintf(stderr, "Unknown option: -%c\n", option);
                print_usage_error(command_line);
                return 2;
            }
        }
    }
    if (index < argc) {
        command_line.file = argv[index++];
        for (; index < argc; ++index)
            command_line.arguments.emplace_back(argv[index]);
    }
    return 0;
}

// ====== -V, --dump-ast, --dis

int run_version(const CommandLine& command_line) {
    if (command_line.version_level > 1) {
        std::printf("minipy %s (Python %s compatible) [%s] on linux\n", vm::version_string(),
                    MINIPY_PYTHON_VERSION_TEXT, cli::build_description().c_str());
    } else {
        std::printf("minipy %s (Python %s)\n", vm::version_string(), MINIPY_PYTHON_VERSION_TEXT);
    }
    return 0;
}

// Reads a whole file as bytes; false when it cannot be read.
bool read_file(const std::string& path, std::string& contents) {
    std::ifstream stream{path, std::ios::binary};
    if (!stream)
        return false;
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    if (stream.bad())
        return false;
    contents = std::move(buffer).str();
    return true;
}

int cannot_open(const CommandLine& command_line, const std::string& path) {
    std::fprintf(stderr, "%s: can't open file '%s': [Errno 2] No such file or directory\n",
                 command_line.program.c_str(), path.c_str());
    return 2;
}

int run_dump_ast(const CommandLine& command_line) {
    const std::string& path = *command_line.file;
    std::string source;
    if (!read_file(path, source))
        return cannot_open(command_line, path);
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

int run_dis(const CommandLine& command_line) {
    const std::string& path = *command_line.file;
    std::string source;
    if (!read_file(path, source))
        return cannot_open(command_line, path);
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

// ====== Running a program, then maybe the REPL

// A limit for sys.set_int_max_str_digits: digits only, 0 or at least 640 (CPython's
// _PY_LONG_MAX_STR_DIGITS_THRESHOLD).
std::optional<int64_t> parse_digit_limit(std::string_view text) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != text.npos)
        return std::nullopt;
    int64_t value = std::stoll(std::string(text));
    if (value != 0 && value < 640)
        return std::nullopt;
    return value;
}

// -X int_max_str_digits=N, else PYTHONINTMAXSTRDIGITS (not with -E). False after the message.
bool int_max_str_digits(const CommandLine& command_line, vm::MainOptions& options) {
    std::optional<std::string> text;
    std::string_view source;
    for (const std::string& option : command_line.x_options) {
        if (option == "int_max_str_digits" || option.starts_with("int_max_str_digits=")) {
            size_t equals = option.find('=');
            text = equals == std::string::npos ? std::string() : option.substr(equals + 1);
            source = "-X int_max_str_digits";
        }
    }
    const char* variable = std::getenv("PYTHONINTMAXSTRDIGITS");
    if (!text && !command_line.no_environment && variable && *variable) {
        text = variable;
        source = "PYTHONINTMAXSTRDIGITS";
    }
    if (!text)
        return true;
    std::optional<int64_t> limit = parse_digit_limit(*text);
    if (!limit) {
        std::fprintf(stderr, "%s: %.*s: invalid limit; must be >= 640 or 0 for unlimited.\n",
                     command_line.program.c_str(), static_cast<int>(source.size()), source.data());
        return false;
    }
    options.int_max_str_digits = *limit;
    return true;
}

// The exit code of an outcome, after finalizing the interpreter: 120 when standard output could
// not be flushed; an uncaught KeyboardInterrupt ends the process by SIGINT (CPython's
// exit_sigint).
int exit_code_of(std::unique_ptr<vm::MainInterpreter>& interpreter, const vm::RunOutcome& outcome) {
    int flush_code = interpreter->finish();
    interpreter.reset();
    if (flush_code != 0)
        return flush_code;
    if (!outcome.interrupted)
        return outcome.exit_code;
    std::fflush(stdout);
    std::fflush(stderr);
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
    return 130;
}

int run(const CommandLine& command_line) {
    // As CPython: a write to a closed pipe raises BrokenPipeError instead of killing the process.
    std::signal(SIGPIPE, SIG_IGN);
    // -u, or PYTHONUNBUFFERED set and not empty (unless -E / -I), as CPython.
    const char* unbuffered_variable =
        command_line.no_environment ? nullptr : std::getenv("PYTHONUNBUFFERED");
    if (command_line.unbuffered || (unbuffered_variable && *unbuffered_variable)) {
        std::setvbuf(stdout, nullptr, _IONBF, 0);
        std::setvbuf(stderr, nullptr, _IONBF, 0);
    }
    vm::MainOptions options;
    options.program_name = command_line.program;
    options.x_options = command_line.x_options;
    for (const std::string& option : command_line.x_options) {
        if (option == "showrefcount")
            options.show_refcount = true;
    }
    if (!int_max_str_digits(command_line, options))
        return 1;
    options.inspect = command_line.inspect;
    options.import_site = !command_line.no_site;
    options.use_environment = !command_line.no_environment;
    options.safe_path = command_line.safe_path;
    bool stdin_is_tty = isatty(STDIN_FILENO) != 0;
    bool reads_stdin = !command_line.command && !command_line.module &&
                       (!command_line.file || *command_line.file == "-");
    // sys.argv[0]: "-c", "-m" (the module's path once found), the file, "-" or "".
    options.argv.emplace_back(command_line.command  ? "-c"
                              : command_line.module ? "-m"
                              : command_line.file   ? *command_line.file
                                                    : "");
    options.argv.insert(options.argv.end(), command_line.arguments.begin(),
                        command_line.arguments.end());

    std::unique_ptr<vm::MainInterpreter> interpreter =
        vm::MainInterpreter::create(std::move(options));
    if (!interpreter)
        return 1;
    vm::RunOutcome outcome;
    bool interactive = command_line.inspect || (reads_stdin && stdin_is_tty);
    if (command_line.command) {
        outcome = interpreter->run_source(*command_line.command, "", "");
    } else if (command_line.module) {
        outcome = interpreter->run_module(*command_line.module);
    } else if (!reads_stdin) {
        outcome = interpreter->run_file(*command_line.file);
    } else if (!interactive) {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        outcome = interpreter->run_source(buffer.str(), "<stdin>", "");
    }
    // With -i the REPL follows whatever happened, as CPython's (even a file that was not found).
    if (interactive) {
        cli::ReplOptions repl;
        repl.banner = !command_line.quiet && reads_stdin;
        outcome = cli::run_repl(*interpreter, repl);
    }
    return exit_code_of(interpreter, outcome);
}

} // namespace

int main(int argc, char** argv) {
    CommandLine command_line;
    if (int status = parse_command_line(argc, argv, command_line); status != 0)
        return status;
    switch (command_line.action) {
    case CommandLine::Action::help:
        print_help(command_line);
        return 0;
    case CommandLine::Action::dump_ast:
        return run_dump_ast(command_line);
    case CommandLine::Action::dis:
        return run_dis(command_line);
    case CommandLine::Action::version:
    case CommandLine::Action::run:
        break;
    }
    if (command_line.version_level > 0)
        return run_version(command_line);
    return run(command_line);
}
