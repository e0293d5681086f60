// What a failed compilation reports. The compiler never throws and never aborts on bad input: every
// problem with the source becomes one CompileError, which the VM turns into the Python exception of
// the same name (SyntaxError and its subclasses carry filename, line, offset and text as CPython's do).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace minipy::compiler {

enum class CompileErrorKind : uint8_t {
    SyntaxError,
    IndentationError,
    TabError,
    // The source nests deeper than the compiler's recursion guard allows; CPython raises
    // RecursionError("maximum recursion depth exceeded during compilation") in this case.
    RecursionError,
    // Source bytes that cannot be decoded (invalid UTF-8 or an unknown coding declaration) are a
    // SyntaxError in CPython too; this kind exists only to keep the message text apart.
    MemoryError,
};

// Fields as in CPython's SyntaxError: `lineno`/`end_lineno` are 1-based (-1: no position at all,
// CPython's None, as for "source code string cannot contain null bytes"), `offset`/`end_offset` are
// 1-based *character* (code point) offsets into `text`, 0 when unknown. `text` is the offending
// source line including its trailing newline when it had one (CPython prints it stripped).
struct CompileError {
    CompileErrorKind kind = CompileErrorKind::SyntaxError;
    std::string message;
    std::string filename;
    int32_t lineno = 0;
    int32_t offset = 0;
    int32_t end_lineno = 0;
    int32_t end_offset = 0;
    std::string text;
};

// A SyntaxWarning (or DeprecationWarning) the compiler noticed; the VM issues it through `warnings`.
struct CompileWarning {
    enum class Category : uint8_t { SyntaxWarning, DeprecationWarning } category;
    std::string message;
    int32_t lineno = 0;
};

// Python's exception class name for a kind ("SyntaxError", "IndentationError", ...).
const char* compile_error_class_name(CompileErrorKind kind);

// Formats the error as CPython prints an uncaught SyntaxError to stderr:
//   File "t.py", line 1
//     f() = 1
//     ^^^
// SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
std::string format_compile_error(const CompileError& error);
// The same without the last line: the `File "t.py", line 1` line, the source line and its carets
// (nothing without a position). The traceback printer uses it for SyntaxErrors raised at run time.
std::string format_compile_error_location(const CompileError& error);

} // namespace minipy::compiler
