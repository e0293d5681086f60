// The REPL (see cli/repl.h). Three parts: reading one line (libedit on a terminal, plain reads of
// descriptor 0 otherwise), deciding whether the text typed so far is a whole statement (the rules
// of CPython's interactive tokenizer, decided from the compiler's own errors), and the loop.
//
// Signals: while waiting at the prompt the REPL owns SIGINT (a handler that only sets a flag, so
// the wait returns EINTR and the input is cancelled) and SIGWINCH (the terminal's new size); while
// a statement runs, the handlers installed before (the VM's, which raises KeyboardInterrupt in the
// eval loop) are back in place.
#include "cli/repl.h"

#include <editline/readline.h>
#include <sys/select.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/compile.h"
#include "compiler/parser.h"
#include "vm/version.h"

namespace minipy::cli {
namespace {

// ====== Ctrl-C at the prompt

// A signal handler may only set flags of this type: process-wide by nature.
volatile std::sig_atomic_t interrupt_received = 0;
volatile std::sig_atomic_t resize_received = 0;

extern "C" void on_prompt_signal(int number) {
    if (number == SIGINT)
        interrupt_received = 1;
    else
        resize_received = 1;
}

// Installs on_prompt_signal for `number` (SIGINT, SIGWINCH) for its lifetime, without
// SA_RESTART so that a blocked read or select returns EINTR, then puts the previous handler back.
class PromptSignalScope {
public:
    explicit PromptSignalScope(int number) : m_number(number) {
        interrupt_received = 0;
        resize_received = 0;
        struct sigaction action {};
        action.sa_handler = on_prompt_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;
        m_installed = sigaction(number, &action, &m_previous) == 0;
    }
    ~PromptSignalScope() {
        if (m_installed)
            sigaction(m_number, &m_previous, nullptr);
    }
    PromptSignalScope(const PromptSignalScope&) = delete;
    PromptSignalScope& operator=(const PromptSignalScope&) = delete;

private:
    int m_number;
    struct sigaction m_previous {};
    bool m_installed = false;
};

// ====== Reading a line

enum class ReadStatus : uint8_t { line, end_of_input, interrupted };

class LineReader {
public:
    virtual ~LineReader() = default;
    // Shows `prompt` and reads one line (without its newline) into `line`.
    virtual ReadStatus read_line(const std::string& prompt, std::string& line) = 0;
    // Where the REPL writes what belongs on the prompt's line (a newline after Ctrl-C or Ctrl-D).
    virtual std::FILE* prompt_stream() const = 0;
};

// Standard input that is not a terminal: the prompt on stderr (CPython's PyOS_StdioReadline), then
// bytes read one at a time from descriptor 0, so nothing is read ahead of what input() and
// sys.stdin see afterwards.
class PlainReader final : public LineReader {
public:
    ReadStatus read_line(const std::string& prompt, std::string& line) override {
        std::fflush(stdout);
        std::fputs(prompt.c_str(), stderr);
        std::fflush(stderr);
        line.clear();
        PromptSignalScope interrupt(SIGINT);
        for (;;) {
            char byte = 0;
            ssize_t count = ::read(STDIN_FILENO, &byte, 1);
            if (count < 0 && errno == EINTR) {
                if (interrupt_received)
                    return ReadStatus::interrupted;
                continue;
            }
            if (count <= 0)
                return line.empty() ? ReadStatus::end_of_input : ReadStatus::line;
            if (byte == '\n')
                return ReadStatus::line;
            line.push_back(byte);
        }
    }
    std::FILE* prompt_stream() const override { return stderr; }
};

// A terminal: libedit through its readline interface in callback mode, as CPython's readline
// module drives it, so that the wait for a key is a select() that Ctrl-C interrupts. libedit keeps
// one editor per process and calls back without user data; `active_edit` is that one editor's
// pending line.
struct EditState {
    bool done = false;
    bool has_line = false;
    std::string line;
};
EditState* active_edit = nullptr;

extern "C" void on_edited_line(char* text) {
    if (active_edit) {
        active_edit->done = true;
        active_edit->has_line = text != nullptr;
        if (text)
            active_edit->line = text;
    }
    std::free(text); // libedit hands over a malloc'd copy
    rl_callback_handler_remove();
}

// Tab completion: libedit asks for candidates through callbacks without user data, so the
// interpreter being completed against and the candidates of the current Tab live here.
struct CompletionState {
    vm::MainInterpreter* interpreter = nullptr;
    std::vector<std::string> words;
};
CompletionState* active_completion = nullptr;

// The characters that end the word being completed: "." is not one, so "os.pa" completes as a
// whole (CPython's readline module sets the same set).
char completer_delimiters[] = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";

extern "C" char* next_completion(const char* text, int state) {
    if (!active_completion)
        return nullptr;
    if (state == 0)
        active_completion->words = active_completion->interpreter->complete(text);
    if (state < 0 || static_cast<size_t>(state) >= active_completion->words.size())
        return nullptr;
    return strdup(active_completion->words[static_cast<size_t>(state)].c_str());
}

extern "C" char** attempt_completion(const char* text, int, int) {
    rl_attempted_completion_over = 1; // never file names
    rl_completion_append_character = '\0';
    // Tab where only blanks precede the cursor indents, as with CPython's rlcompleter.
    bool only_blanks = true;
    for (int i = 0; i < rl_point && rl_line_buffer[i]; ++i)
        only_blanks = only_blanks && (rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t');
    if (only_blanks) {
        char** matches = static_cast<char**>(std::malloc(2 * sizeof(char*)));
        if (!matches)
            return nullptr;
        matches[0] = strdup("\t");
        matches[1] = nullptr;
        return matches;
    }
    return rl_completion_matches(text, next_completion);
}

class EditReader final : public LineReader {
public:
    explicit EditReader(vm::MainInterpreter& interpreter) {
        m_completion.interpreter = &interpreter;
        active_completion = &m_completion;
        // CPython's readline module does the same: its own handlers decide what SIGINT means.
        rl_catch_signals = 0;
        rl_catch_sigwinch = 0;
        rl_readline_name = const_cast<char*>("minipy");
        rl_instream = stdin;
        rl_outstream = stdout;
        rl_initialize();
        using_history();
        stifle_history(history_limit);
        rl_attempted_completion_function = attempt_completion;
        rl_completer_word_break_characters = completer_delimiters;
        rl_basic_word_break_characters = completer_delimiters;
        if (const char* home = std::getenv("HOME"); home && *home) {
            m_history_path = std::string(home) + "/.minipy_history";
            read_history(m_history_path.c_str());
        }
    }
    ~EditReader() override {
        active_completion = nullptr;
        if (!m_history_path.empty())
            write_history(m_history_path.c_str());
    }
    EditReader(const EditReader&) = delete;
    EditReader& operator=(const EditReader&) = delete;

    ReadStatus read_line(const std::string& prompt, std::string& line) override {
        std::fflush(stdout);
        std::fflush(stderr);
        EditState state;
        active_edit = &state;
        ReadStatus status = wait_for_line(prompt, state);
        active_edit = nullptr;
        if (status != ReadStatus::line)
            return status;
        line = std::move(state.line);
        remember(line);
        return ReadStatus::line;
    }
    std::FILE* prompt_stream() const override { return stdout; }

private:
    static constexpr int history_limit = 1000;

    static ReadStatus wait_for_line(const std::string& prompt, EditState& state) {
        PromptSignalScope interrupt(SIGINT);
        PromptSignalScope resize(SIGWINCH);
        rl_callback_handler_install(prompt.c_str(), on_edited_line);
        while (!state.done) {
            fd_set readable;
            FD_ZERO(&readable);
            FD_SET(STDIN_FILENO, &readable);
            int ready = select(STDIN_FILENO + 1, &readable, nullptr, nullptr, nullptr);
            if (ready < 0 && errno == EINTR) {
                if (resize_received) {
                    resize_received = 0;
                    rl_resize_terminal(); // the new width, for wrapping long lines
                }
                if (!interrupt_received)
                    continue;
                // Leaving callback mode restores the terminal; installing the handler again for
                // the next prompt starts from an empty line.
                rl_callback_handler_remove();
                return ReadStatus::interrupted;
            }
            if (ready < 0) {
                rl_callback_handler_remove();
                return ReadStatus::end_of_input;
            }
            rl_callback_read_char();
        }
        return state.has_line ? ReadStatus::line : ReadStatus::end_of_input;
    }

    // Adds a line to the history (kept in the file when the REPL ends) unless it is blank or
    // repeats the line before, as CPython's readline module does.
    static void remember(const std::string& line) {
        if (line.find_first_not_of(" \t") == std::string::npos)
            return;
        if (history_length > 0) {
            HIST_ENTRY* last = history_get(history_base + history_length - 1);
            if (last && last->line && line == last->line)
                return;
        }
        add_history(line.c_str());
    }

    std::string m_history_path;
    CompletionState m_completion;
};

// ====== Is the text a whole statement?

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\f\r") == std::string_view::npos;
}

// The line holds no code: blank, or only a comment.
bool has_no_code(std::string_view line) {
    size_t first = line.find_first_not_of(" \t\f\r");
    return first == std::string_view::npos || line[first] == '#';
}

// A compound statement (or a decorator) begins the text: CPython's REPL then reads until an empty
// line, even when the first line is a whole statement already (`if x: f()` may have an `else:`).
bool starts_compound_statement(std::string_view line) {
    size_t first = line.find_first_not_of(" \t\f");
    if (first == std::string_view::npos)
        return false;
    std::string_view rest = line.substr(first);
    if (rest.front() == '@')
        return true;
    size_t end = 0;
    while (end < rest.size() &&
           (std::isalnum(static_cast<unsigned char>(rest[end])) || rest[end] == '_'))
        ++end;
    std::string_view word = rest.substr(0, end);
    // `match` is a soft keyword (`match = 1` is an assignment); a match statement's first line
    // ends with ':' and makes the text incomplete anyway.
    for (std::string_view keyword :
         {"if", "while", "for", "try", "with", "def", "class", "async"}) {
        if (word == keyword)
            return end < rest.size();
    }
    return false;
}

// Line `number` (1-based) of text, without its newline; empty past the end.
std::string_view nth_line(std::string_view text, int32_t number) {
    size_t start = 0;
    for (int32_t line = 1; line < number && start != std::string_view::npos; ++line) {
        start = text.find('\n', start);
        if (start != std::string_view::npos)
            ++start;
    }
    if (start == std::string_view::npos || start >= text.size())
        return {};
    size_t end = text.find('\n', start);
    return text.substr(start, end == std::string_view::npos ? end : end - start);
}

int line_count(std::string_view text) {
    int lines = 0;
    for (char c : text)
        lines += c == '\n';
    return lines;
}

enum class Verdict : uint8_t {
    incomplete_bracket, // an open bracket, string or backslash: more lines always welcome
    incomplete_block,   // a block that needs its body (an empty line makes it an error)
    error,
};

// What a compile error of the text typed so far means: the end of the text came too early, or
// the text is wrong whatever follows.
Verdict judge_error(const compiler::CompileError& error, std::string_view text) {
    const std::string& message = error.message;
    if (message.ends_with("was never closed") ||
        message.starts_with("unterminated triple-quoted string literal") ||
        message == "unexpected EOF while parsing")
        return Verdict::incomplete_bracket;
    if (message.starts_with("expected an indented block") ||
        message == "expected 'except' or 'finally' block")
        return Verdict::incomplete_block;
    // An error at the very end of the text (after its last line, or at offset 0 of a line past
    // it: "@dec" awaiting its def) is one of the end coming too early.
    if (error.lineno > line_count(text) || (error.lineno == line_count(text) && error.offset == 0))
        return Verdict::incomplete_block;
    return Verdict::error;
}

// ====== The loop

struct Statement {
    std::string text;      // the lines typed so far, each ending in '\n'
    bool compound = false; // ends only with an empty line
    void clear() {
        text.clear();
        compound = false;
    }
};

// Compiles the statement typed so far (mode "single"). Like CPython's REPL, which reads one
// statement, a statement that follows a finished compound statement is a syntax error there.
compiler::CompileResult compile_interactive(std::string_view text) {
    compiler::Arena arena;
    compiler::ParseOptions options;
    options.filename = "<stdin>";
    options.mode = compiler::ast::ModuleKind::Interactive;
    options.source_is_text = true;
    compiler::ParseResult parsed = compiler::parse(arena, text, options);
    compiler::CompileResult result;
    if (!parsed.module) {
        result.error = std::move(parsed.error);
        return result;
    }
    std::span<compiler::ast::Stmt*> body = parsed.module->body;
    if (body.size() > 1 && body[1]->pos.lineno > body[0]->pos.end_lineno) {
        compiler::CompileError& error = result.error;
        error.message = "invalid syntax";
        error.filename = "<stdin>";
        error.lineno = body[1]->pos.lineno;
        error.end_lineno = error.lineno;
        error.offset = body[1]->pos.col_offset + 1;
        error.end_offset = error.offset + 1;
        error.text = std::string(nth_line(text, error.lineno)) + "\n";
        return result;
    }
    return compiler::compile_module(*parsed.module, "<stdin>", {}, text);
}

// The error of a block that an empty line ended too early (no body, `try` without `except`):
// CPython's REPL reports it at that empty line, with the message of the text before it.
compiler::CompileError error_at_empty_line(std::string_view text, compiler::CompileError fallback) {
    std::string_view before = text.substr(0, text.size() - 1); // without the empty line
    compiler::CompileResult result = compile_interactive(before);
    if (result.code)
        return fallback;
    compiler::CompileError error = std::move(result.error);
    if (error.lineno < line_count(before))
        return error;
    error.lineno = line_count(text);
    error.end_lineno = error.lineno;
    error.offset = error.offset == 0 ? 0 : 1;
    error.end_offset = error.offset;
    error.text = "\n";
    return error;
}

void print_compile_error(const compiler::CompileError& error) {
    std::fflush(stdout);
    std::fputs(compiler::format_compile_error(error).c_str(), stderr);
    std::fflush(stderr);
}

// As CPython's REPL shows them: "<stdin>:1: SyntaxWarning: message" (no source line).
void print_compile_warnings(const std::vector<compiler::CompileWarning>& warnings) {
    for (const compiler::CompileWarning& warning : warnings) {
        const char* category = warning.category == compiler::CompileWarning::Category::SyntaxWarning
                                   ? "SyntaxWarning"
                                   : "DeprecationWarning";
        std::fprintf(stderr, "<stdin>:%d: %s: %s\n", warning.lineno, category,
                     warning.message.c_str());
    }
}

enum class Step : uint8_t { more, done };

// Adds a line to the statement; compiles and runs it once it is whole. `at_end`: the input ended
// after this line (whatever was typed runs, as CPython does at end of input).
Step feed_line(vm::MainInterpreter& interpreter, Statement& statement, std::string_view line,
               bool at_end, vm::RunOutcome& outcome) {
    bool first = statement.text.empty();
    if (first && is_blank(line))
        return Step::done;
    bool blank = is_blank(line) || at_end;
    statement.text.append(line);
    statement.text.push_back('\n');
    if (first)
        statement.compound = starts_compound_statement(line);
    // A first line of only a comment is skipped, as CPython's interactive tokenizer does.
    if (first && has_no_code(line)) {
        statement.clear();
        return Step::done;
    }
    compiler::CompileResult result = compile_interactive(statement.text);
    if (!result.code) {
        Verdict verdict = judge_error(result.error, statement.text);
        bool waits = verdict == Verdict::incomplete_bracket ||
                     (verdict == Verdict::incomplete_block && !blank);
        if (waits && !at_end) {
            if (verdict == Verdict::incomplete_block)
                statement.compound = true;
            return Step::more;
        }
        if (verdict == Verdict::incomplete_block && blank && !at_end)
            print_compile_error(error_at_empty_line(statement.text, result.error));
        else
            print_compile_error(result.error);
        statement.clear();
        return Step::done;
    }
    if (statement.compound && !blank)
        return Step::more;
    statement.clear();
    print_compile_warnings(result.warnings);
    outcome = interpreter.run_interactive(result.code);
    return Step::done;
}

std::string banner() {
    return std::string("minipy ") + vm::version_string() + " (Python " +
           MINIPY_PYTHON_VERSION_TEXT + " compatible) [" + build_description() +
           "] on linux\nType Ctrl-D (end of input) to leave.\n";
}

} // namespace

std::string build_description() {
#if defined(__clang__)
    return "Clang " __clang_version__;
#elif defined(__GNUC__)
    return "GCC " __VERSION__;
#else
    return "C++ compiler";
#endif
}

vm::RunOutcome run_repl(vm::MainInterpreter& interpreter, const ReplOptions& options) {
    // Multibyte input (UTF-8) for libedit; the interpreter's own text handling is locale-free.
    std::setlocale(LC_CTYPE, "");
    std::unique_ptr<LineReader> reader;
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
        reader = std::make_unique<EditReader>(interpreter);
    else
        reader = std::make_unique<PlainReader>();
    if (options.banner) {
        std::fflush(stdout);
        std::fputs(banner().c_str(), stderr);
    }
    Statement statement;
    for (;;) {
        std::string prompt = interpreter.prompt(!statement.text.empty());
        std::string line;
        ReadStatus status = interpreter.take_pending_interrupt() ? ReadStatus::interrupted
                                                                 : reader->read_line(prompt, line);
        if (status == ReadStatus::interrupted) {
            std::fputs("\n", reader->prompt_stream());
            std::fflush(reader->prompt_stream());
            std::fputs("KeyboardInterrupt\n", stderr);
            std::fflush(stderr);
            statement.clear();
            continue;
        }
        vm::RunOutcome outcome;
        if (status == ReadStatus::end_of_input) {
            std::fputs("\n", reader->prompt_stream());
            std::fflush(reader->prompt_stream());
            if (!statement.text.empty())
                (void)feed_line(interpreter, statement, "", true, outcome);
            if (outcome.kind == vm::RunOutcome::Kind::system_exit)
                return outcome;
            return vm::RunOutcome{};
        }
        (void)feed_line(interpreter, statement, line, false, outcome);
        if (outcome.kind == vm::RunOutcome::Kind::system_exit)
            return outcome;
    }
}

} // namespace minipy::cli
