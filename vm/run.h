// Running programs: a file or a string as the `__main__` module (compile with compiler/, convert,
// execute), reporting an uncaught exception CPython's way. The public entry the CLI calls.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace minipy::compiler {
struct CodeUnit;
} // namespace minipy::compiler

namespace minipy::vm {

class Runtime;
class VM;

// ====== The command line's interpreter (cli/main.cpp, cli/repl.cpp)

// What the `minipy` command passes on to the interpreter.
struct MainOptions {
    std::string program_name = "minipy"; // argv[0], for "minipy: can't open file ..." messages
    std::vector<std::string> argv;       // sys.argv
    std::vector<std::string> x_options;  // every -X value, in order (sys._xoptions)
    bool show_refcount = false;          // -X showrefcount: "[N refs, M objects]" at exit
    bool inspect = false;                // -i: SystemExit of the program is printed, not obeyed
    bool import_site = true;             // not -S: `import site` first (exit, quit)
    bool use_environment = true;         // not -E / -I: MINIPYPATH and PYTHONHASHSEED are read
    bool safe_path = false;              // -P / -I: no script folder (or "") first in sys.path
    std::optional<int64_t> int_max_str_digits; // -X int_max_str_digits=N (0 or >= 640)
};

// How running one piece of code ended.
struct RunOutcome {
    enum class Kind : uint8_t {
        ok,          // ran to the end
        exception,   // an uncaught exception, already printed to stderr
        system_exit, // SystemExit (not printed unless `inspect`): the process should exit
    };
    Kind kind = Kind::ok;
    int exit_code = 0; // 0, 1 after an exception, the SystemExit code; 2 for a file not found
    // True when the uncaught exception was KeyboardInterrupt (a script then ends by SIGINT, as
    // CPython does, so a shell sees the interrupt).
    bool interrupted = false;
};

// One interpreter instance for the command line: a VM, its Runtime and the `__main__` module that
// every run_* call and the REPL execute in (so -i sees the script's globals). Destroying it
// finalizes the runtime (modules cleared), prints the -X showrefcount line, then frees the VM.
// Thread rules: used by the thread that created it.
class MainInterpreter {
public:
    // Null after printing the reason (out of memory) to stderr.
    static std::unique_ptr<MainInterpreter> create(MainOptions options);
    ~MainInterpreter();
    MainInterpreter(const MainInterpreter&) = delete;
    MainInterpreter& operator=(const MainInterpreter&) = delete;

    // Finalizes now (what the destructor does otherwise): flushes the standard streams, frees the
    // runtime (modules cleared), prints the -X showrefcount line and frees the VM. Returns 120
    // when standard output could not be flushed (the message is on stderr, as CPython), else 0.
    // Later calls, and every other member, may not be used afterwards (finish() returns 0).
    int finish();

    Runtime& runtime() { return *m_runtime; }
    const MainOptions& options() const { return m_options; }

    // Runs a script's bytes as __main__; `filename` names it in tracebacks and __file__ (empty:
    // no __file__), `path0` becomes sys.path[0]. Compile errors are printed (exit code 1).
    RunOutcome run_source(std::string_view source, std::string_view filename,
                          const std::string& path0);
    // Reads and runs a file (made absolute, as CPython 3.11 does; sys.path[0] is its folder).
    // Exit code 2 with "PROG: can't open file 'PATH': [Errno 2] No such file or directory".
    RunOutcome run_file(std::string_view path);
    // -m: finds the module on sys.path (a package runs its __main__ submodule) and runs it as
    // __main__ with sys.path[0] = the current directory. "PROG: No module named x" and exit code 1
    // when there is none.
    RunOutcome run_module(std::string_view name);
    // Runs one compiled interactive statement (compile mode "single") in __main__: expression
    // values go through sys.displayhook. Exceptions are printed, SystemExit is returned.
    RunOutcome run_interactive(const std::shared_ptr<const compiler::CodeUnit>& unit);
    // Makes sys.path[0] (once; later calls do nothing) before the first run: "" for the REPL.
    bool set_path0(const std::string& path0);
    // The REPL's prompt: str(sys.ps1), or str(sys.ps2) for a continuation line. Sets them to
    // ">>> " and "... " first when the sys module lacks them, as CPython's interactive mode does.
    std::string prompt(bool continuation);
    // Tab completion in the REPL, as CPython's rlcompleter: for "name", the keywords, __main__'s
    // globals and the builtins that start with it; for "a.b.name", the attributes (dir()) of the
    // object the dotted names a.b lead to. Callables get "(", some keywords " " or ":". Never
    // raises (errors mean no candidates); attribute lookups may run Python code (properties).
    std::vector<std::string> complete(std::string_view text);
    // A SIGINT that arrived too late for the eval loop to see it (as a statement ended): true
    // after taking it, so the REPL reports "KeyboardInterrupt" at the prompt as CPython does.
    bool take_pending_interrupt();

private:
    explicit MainInterpreter(MainOptions options);
    RunOutcome run_unit(const std::shared_ptr<const compiler::CodeUnit>& unit,
                        std::string_view filename);
    RunOutcome report_uncaught();
    // Compiles `source` (named `shown` in messages) and runs it as __main__ with __file__ set to
    // `filename` unless that is empty.
    RunOutcome run_text(std::string_view source, std::string_view shown, std::string_view filename);

    MainOptions m_options;
    std::unique_ptr<VM> m_vm;
    std::unique_ptr<Runtime> m_runtime;
    bool m_path_ready = false;
    bool m_finished = false;
};

// ====== One-shot entry points

// Runs `source` as __main__ in a fresh VM; `filename` names it in tracebacks. Returns the process
// exit code: 0, 1 after an uncaught exception (printed to stderr), the SystemExit code.
int run_source(std::string_view source, std::string_view filename,
               const std::vector<std::string>& argv);
// Reads and runs a file. Exit code 2 when it cannot be read (message on stderr, as CPython).
int run_file(std::string_view path, const std::vector<std::string>& argv);

// Compiles and runs `source` in `globals_dict` (a dict) of an existing runtime; false with the
// exception set (SyntaxError for compile errors) when it raised.
[[nodiscard]] bool exec_source(Runtime& runtime, std::string_view source, std::string_view filename,
                               void* globals_dict);

enum class CompileMode : uint8_t { exec, eval, single };
// compile(): source text to a Code object (returned as void* to keep this header light; it is a
// new reference to a vm::Object). Null with SyntaxError / IndentationError set. `source_is_text`
// false: the source is bytes (compile(b"...")), whose UTF-8 BOM and coding declaration count.
// `optimize` 1 or 2: compile(optimize=N), as `python -O` / `-OO` (asserts, docstrings dropped).
[[nodiscard]] void* compile_string(Runtime& runtime, std::string_view source,
                                   std::string_view filename, CompileMode mode,
                                   bool source_is_text = true, int optimize = 0);

// For `minipy -m NAME` (vm/import.cpp): imports NAME's parent packages (as CPython's runpy does),
// then finds NAME's code without running it: a file on sys.path (or the parent's __path__), a
// frozen module, or for a package its __main__ submodule (after running the package's
// __init__). Fills `source` and `filename` (the file's path, or "<frozen NAME>"). False with the
// exception set: ModuleNotFoundError "No module named NAME", ImportError "No module named
// pkg.__main__; 'pkg' is a package and cannot be directly executed", ImportError "No code object
// available for NAME" for a C++ module, or whatever a parent package's body raised.
[[nodiscard]] bool find_module_source(Runtime& runtime, std::string_view name, std::string& source,
                                      std::string& filename);

} // namespace minipy::vm
