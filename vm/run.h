// Running programs: a file or a string as the `__main__` module (compile with compiler/, convert,
// execute), reporting an uncaught exception CPython's way. The public entry the CLI calls.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace minipy::vm {

class Runtime;

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
// new reference to a vm::Object). Null with SyntaxError / IndentationError set.
[[nodiscard]] void* compile_string(Runtime& runtime, std::string_view source,
                                   std::string_view filename, CompileMode mode);

// Imports NAME.py from the runtime's search path as module `name` (registered in its module
// table). Returns a new reference to the module (as void*: a vm::Object), or null: with the
// exception set when loading raised, without one when no file was found.
[[nodiscard]] void* import_source_module_raw(Runtime& runtime, std::string_view name);

} // namespace minipy::vm
