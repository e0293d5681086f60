// The public embedding API of minipy: the only header a host program includes.
//
// A host creates any number of Interpreters; each is a whole, independent VM (its own objects,
// modules and, later, its own GIL), so several may run at once on different threads. One
// Interpreter is used by one thread at a time. Python errors never escape as C++ exceptions or
// crashes: every call reports them as an Error value and leaves the interpreter usable.
//
// This is the first slice of the API (running code and reading results); calling functions both
// ways, binding native functions and limits follow in their own issue.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace minipy {

// A Python exception that ended a call, as text.
struct Error {
    std::string type;      // the exception's class name, e.g. "ZeroDivisionError"
    std::string message;   // str(exception), e.g. "division by zero"
    std::string traceback; // what the interpreter would print to stderr, CPython's format
};

struct InterpreterOptions {
    std::vector<std::string> argv; // sys.argv (empty: [''] as CPython's embedded interpreters)
    std::vector<std::string> path; // directories appended to sys.path for imports
};

class Interpreter {
public:
    // A fresh interpreter with a `__main__` module. Null only when memory runs out.
    static std::unique_ptr<Interpreter> create(const InterpreterOptions& options = {});
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    // Runs statements in `__main__`'s namespace (names persist between calls). Empty on
    // success; the Error otherwise (SyntaxError for bad source). `filename` names the code in
    // tracebacks.
    std::optional<Error> exec(std::string_view source, std::string_view filename = "<string>");

    // Evaluates one expression in `__main__`'s namespace and returns repr() of its value.
    std::variant<std::string, Error> eval(std::string_view expression);

private:
    struct State;
    explicit Interpreter(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace minipy
