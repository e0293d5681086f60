// Running a file or a string as __main__. See vm/run.h.
#include "vm/run.h"

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "compiler/compile.h"
#include "gc/collector.h"
#include "stdlib/modules.h"
#include "stdlib/sys.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/gil.h"
#include "vm/runtime.h"
#include "vm/traceback.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

// sys.path: the script's directory ("" for -c and stdin), then each entry of MINIPYPATH.
// `first` is left out with -P (safe_path), MINIPYPATH with -E (no environment).
bool init_search_path(Runtime& rt, const std::string& first, const MainOptions& options) {
    VM& vm = rt.vm();
    std::vector<std::string> entries;
    if (!options.safe_path)
        entries.push_back(first);
    const char* extra = options.use_environment ? std::getenv("MINIPYPATH") : nullptr;
    if (extra) {
        std::string_view rest(extra);
        while (!rest.empty()) {
            size_t colon = rest.find(':');
            std::string_view entry = rest.substr(0, colon);
            if (!entry.empty())
                entries.emplace_back(entry);
            rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        }
    }
    for (const std::string& entry : entries) {
        Ref<Object> text = str_from_utf8(vm, entry);
        if (!text || !is_ok(list_append(vm, rt.path_list(), text.get())))
            return false;
    }
    return true;
}

// SystemExit(code): the exit status CPython's handle_system_exit computes.
int system_exit_code(Runtime& rt, Object* exception) {
    VM& vm = rt.vm();
    Object* args = static_cast<BaseExceptionObject*>(exception)->args;
    Object* code = args && tuple_size(args) > 0 ? tuple_items(args)[0] : vm.none();
    if (code == vm.none())
        return 0;
    int64_t value = 0;
    if (is_int(code) && int_to_i64(code, value))
        return static_cast<int>(value & 0xFF);
    // CPython's handle_system_exit: str(code) and a newline on sys.stderr.
    Ref<Object> text = object_str(vm, code);
    if (text)
        stdlib::sys_write_stderr(rt, str_to_utf8(text.get()) + "\n");
    vm.thread_state().clear_exception();
    return 1;
}

// CPython's default warning format: "file:line: SyntaxWarning: message" and the source line.
void print_compile_warnings(const std::vector<compiler::CompileWarning>& warnings,
                            std::string_view source, std::string_view filename) {
    for (const compiler::CompileWarning& warning : warnings) {
        const char* category = warning.category == compiler::CompileWarning::Category::SyntaxWarning
                                   ? "SyntaxWarning"
                                   : "DeprecationWarning";
        std::fprintf(stderr, "%.*s:%d: %s: %s\n", static_cast<int>(filename.size()),
                     filename.data(), warning.lineno, category, warning.message.c_str());
        size_t begin = 0;
        for (int32_t line = 1; line < warning.lineno && begin != std::string_view::npos; ++line) {
            begin = source.find('\n', begin);
            if (begin != std::string_view::npos)
                ++begin;
        }
        if (begin == std::string_view::npos || warning.lineno <= 0)
            continue;
        std::string_view text = source.substr(begin, source.find('\n', begin) - begin);
        size_t first = text.find_first_not_of(" \t");
        if (first != std::string_view::npos)
            std::fprintf(stderr, "  %.*s\n", static_cast<int>(text.size() - first),
                         text.data() + first);
    }
}

void print_compile_error(const compiler::CompileError& error) {
    std::fflush(stdout);
    std::fputs(compiler::format_compile_error(error).c_str(), stderr);
}

// sys.last_type, sys.last_value and sys.last_traceback, as CPython's PyErr_Print sets them for
// post-mortem debugging (pdb.pm()) after an uncaught exception. Never raises.
void remember_last_exception(Runtime& rt, Object* exception) {
    VM& vm = rt.vm();
    Object* sys = stdlib::sys_module(rt);
    Ref<Object> traceback_name = intern(vm, "__traceback__");
    if (!sys || !traceback_name)
        return vm.thread_state().clear_exception();
    Ref<Object> traceback = get_attr_optional(vm, exception, traceback_name.get());
    if (!traceback)
        traceback = vm.new_none();
    std::pair<const char*, Object*> values[] = {{"last_type", exception->type},
                                                {"last_value", exception},
                                                {"last_traceback", traceback.get()}};
    for (auto [name, value] : values) {
        Ref<Object> key = intern(vm, name);
        if (!key || !is_ok(set_attr(vm, sys, key.get(), value)))
            break;
    }
    vm.thread_state().clear_exception();
}

// Reads a whole file; false with errno's value in `error_number` when it cannot be read.
bool read_whole_file(const std::string& path, std::string& contents, int& error_number) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) {
        error_number = errno;
        return false;
    }
    char buffer[65536];
    size_t count = 0;
    while ((count = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        contents.append(buffer, count);
    bool failed = std::ferror(file) != 0;
    error_number = failed ? errno : 0;
    std::fclose(file);
    if (failed && error_number == 0)
        error_number = EIO;
    return !failed;
}

// Imports the dotted module `name` with the builtin __import__ (its parents first) and returns it
// from sys.modules (a new reference). Raises what the import raises.
Ref<Object> import_dotted(Runtime& rt, const std::string& name) {
    VM& vm = rt.vm();
    Ref<Object> import_key = intern(vm, "__import__");
    Ref<Object> text = str_from_utf8(vm, name);
    if (!import_key || !text)
        return nullptr;
    Object* import_function = nullptr;
    int found = dict_lookup(vm, rt.builtins(), import_key.get(), &import_function);
    if (found < 0)
        return nullptr;
    if (found == 0)
        return raise_message(vm, vm.exceptions().ImportError, "__import__ not found");
    Object* args[] = {text.get()};
    Ref<Object> top = call_object(vm, import_function, args, 1);
    if (!top)
        return nullptr;
    Object* module = nullptr;
    found = dict_lookup(vm, rt.modules(), text.get(), &module);
    if (found < 0)
        return nullptr;
    if (found == 0)
        return raise_message(vm, vm.exceptions().ModuleNotFoundError,
                             "No module named '" + name + "'");
    return Ref<Object>::borrow(module);
}

// The exception for a failed compilation, as CPython raises it: SyntaxError (IndentationError,
// TabError) with args (msg, (filename, lineno, offset, text, end_lineno, end_offset)), so the
// attributes and str() "msg (file.py, line 1)" follow; only the message when there is no position.
Raised raise_compile_error(Runtime& rt, const compiler::CompileError& error,
                           std::string_view filename, std::string_view source, CompileMode mode) {
    VM& vm = rt.vm();
    using Kind = compiler::CompileErrorKind;
    if (error.kind == Kind::RecursionError)
        return raise_message(vm, vm.exceptions().RecursionError, error.message);
    Type* kind = error.kind == Kind::IndentationError ? vm.exceptions().IndentationError
                 : error.kind == Kind::TabError       ? vm.exceptions().TabError
                                                      : vm.exceptions().SyntaxError;
    if (error.lineno < 0)
        return raise_message(vm, kind, error.message);
    Ref<Object> message = str_from_utf8(vm, error.message);
    Ref<Object> file = str_from_utf8(vm, error.filename.empty() ? filename : error.filename);
    std::string_view line = error.text;
    // In eval mode CPython's tokenizer adds no newline to a last line that has none.
    if (mode == CompileMode::eval && line.ends_with('\n') && !source.ends_with('\n') &&
        source.ends_with(line.substr(0, line.size() - 1)))
        line.remove_suffix(1);
    Ref<Object> text = line.empty() ? vm.new_none() : str_from_utf8(vm, line);
    Ref<Object> lineno = int_from_i64(vm, error.lineno);
    Ref<Object> offset = int_from_i64(vm, error.offset);
    Ref<Object> end_lineno = int_from_i64(vm, error.end_lineno);
    Ref<Object> end_offset = int_from_i64(vm, error.end_offset);
    if (!message || !file || !text || !lineno || !offset || !end_lineno || !end_offset)
        return {};
    Ref<Object> info = tuple_pack(vm, {file.get(), lineno.get(), offset.get(), text.get(),
                                       end_lineno.get(), end_offset.get()});
    Ref<Object> args = info ? tuple_pack(vm, {message.get(), info.get()}) : nullptr;
    Ref<Object> exception = args ? exception_new(vm, kind, args.get()) : nullptr;
    if (!exception)
        return {};
    return raise_object(vm, exception.get());
}

} // namespace

void* compile_string(Runtime& rt, std::string_view source, std::string_view filename,
                     CompileMode mode, bool source_is_text, int optimize) {
    compiler::ParseOptions options;
    options.filename = filename;
    options.mode = mode == CompileMode::eval     ? compiler::ast::ModuleKind::Expression
                   : mode == CompileMode::single ? compiler::ast::ModuleKind::Interactive
                                                 : compiler::ast::ModuleKind::Module;
    options.source_is_text = source_is_text;
    compiler::CompileOptions compile_options;
    compile_options.optimize = optimize;
    compiler::CompileResult result = compiler::compile_source(source, options, compile_options);
    if (!result.code) {
        (void)raise_compile_error(rt, result.error, filename, source, mode);
        return nullptr;
    }
    return code_from_unit(rt, result.code).release();
}

bool exec_source(Runtime& rt, std::string_view source, std::string_view filename, void* globals) {
    Ref<Code> code = Ref<Code>::steal(
        static_cast<Code*>(compile_string(rt, source, filename, CompileMode::exec)));
    if (!code)
        return false;
    Ref<Object> value =
        eval_code(rt, code.get(), static_cast<Object*>(globals), static_cast<Object*>(globals));
    return static_cast<bool>(value);
}

// ====== MainInterpreter: the command line's interpreter

MainInterpreter::MainInterpreter(MainOptions options) : m_options(std::move(options)) {}

std::unique_ptr<MainInterpreter> MainInterpreter::create(MainOptions options) {
    std::unique_ptr<MainInterpreter> interpreter(new MainInterpreter(std::move(options)));
    VMOptions vm_options;
    vm_options.use_environment = interpreter->m_options.use_environment; // PYTHONHASHSEED
    interpreter->m_vm = VM::create(vm_options);
    if (!interpreter->m_vm) {
        std::fputs("minipy: out of memory creating the interpreter\n", stderr);
        return nullptr;
    }
    if (interpreter->m_options.int_max_str_digits)
        interpreter->m_vm->set_int_max_str_digits(*interpreter->m_options.int_max_str_digits);
    // The command's VM is the one that turns SIGINT into KeyboardInterrupt (vm/signals.h).
    (void)interpreter->m_vm->install_signal_handlers();
    interpreter->m_runtime = Runtime::create(*interpreter->m_vm);
    if (!interpreter->m_runtime) {
        std::fputs("minipy: out of memory creating the runtime\n", stderr);
        return nullptr;
    }
    Runtime& rt = *interpreter->m_runtime;
    Ref<Object> module = module_new(rt, "__main__");
    Ref<Object> name_key = module ? intern(rt.vm(), "__main__") : nullptr;
    if (!name_key || !is_ok(dict_setitem(rt.vm(), rt.modules(), name_key.get(), module.get()))) {
        (void)interpreter->report_uncaught();
        return nullptr;
    }
    if (!stdlib::sys_set_argv(rt, interpreter->m_options.argv)) {
        (void)interpreter->report_uncaught();
        return nullptr;
    }
    // CPython imports site before the program (stdlib/py/site.py); a failure is reported and
    // the program runs without it.
    if (interpreter->m_options.import_site && !import_dotted(rt, "site"))
        (void)interpreter->report_uncaught();
    return interpreter;
}

MainInterpreter::~MainInterpreter() {
    (void)finish();
}

int MainInterpreter::finish() {
    if (m_finished)
        return 0;
    m_finished = true;
    int exit_code = 0;
    // CPython's wait_for_thread_shutdown: threading._shutdown() waits for the non-daemon threads;
    // the others stop at their next GIL request (vm/gil.h).
    if (m_runtime)
        finish_threads(*m_runtime);
    for (const std::string& option : m_options.x_options) {
        if (option == "gilstats" && m_vm) { // after the program's buffered output
            if (m_runtime)
                (void)stdlib::sys_flush_std_streams(*m_runtime);
            std::fflush(stdout);
            std::fputs(gil_stats_text(m_vm->gil().stats()).c_str(), stderr);
        }
        if (option == "gcstats" && m_vm) {
            std::fflush(stdout);
            gc::print_gc_stats(*m_vm);
        }
    }
    // CPython's flush_std_files: output that cannot be written at exit is an error (120). A
    // write that failed earlier was reported then, as an exception.
    bool failed_before = std::ferror(stdout) != 0;
    errno = 0;
    if (m_runtime && !stdlib::sys_flush_std_streams(*m_runtime)) {
        exit_code = 120; // sys.stdout.flush() failed ("Exception ignored ..." is on stderr)
        failed_before = true;
    }
    int flushed = std::fflush(stdout);
    if (!failed_before && (flushed != 0 || std::ferror(stdout))) {
        int error = errno != 0 ? errno : EIO;
        std::fprintf(stderr,
                     "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
                     "encoding='utf-8'>\nOSError: [Errno %d] %s\n",
                     error, std::strerror(error));
        exit_code = 120;
    }
    std::fflush(stderr);
    m_runtime.reset();
    if (m_vm && m_options.show_refcount) {
        // CPython's debug builds print "[N refs, M blocks]"; minipy counts the refchain objects
        // left after finalization that the VM itself does not own (0 unless something leaked).
        VM::RefCounts counts = m_vm->count_unowned_objects();
        std::fprintf(stderr, "[%" PRIdPTR " refs, %zu objects]\n", counts.refs, counts.objects);
    }
    m_vm.reset();
    return exit_code;
}

bool MainInterpreter::set_path0(const std::string& path0) {
    if (m_path_ready)
        return true;
    m_path_ready = true;
    if (init_search_path(*m_runtime, path0, m_options))
        return true;
    (void)report_uncaught();
    return false;
}

std::string MainInterpreter::prompt(bool continuation) {
    Runtime& rt = *m_runtime;
    VM& vm = rt.vm();
    std::string fallback = continuation ? "... " : ">>> ";
    Ref<Object> sys_key = intern(vm, "sys");
    Ref<Object> name = intern(vm, continuation ? "ps2" : "ps1");
    Object* sys = nullptr;
    if (!sys_key || !name || dict_lookup(vm, rt.modules(), sys_key.get(), &sys) <= 0) {
        vm.thread_state().clear_exception();
        return fallback;
    }
    Ref<Object> keep = Ref<Object>::borrow(sys);
    Ref<Object> value = get_attr_optional(vm, sys, name.get());
    if (!value) {
        vm.thread_state().clear_exception();
        Ref<Object> text = str_from_utf8(vm, fallback);
        if (!text || !is_ok(set_attr(vm, sys, name.get(), text.get())))
            vm.thread_state().clear_exception();
        return fallback;
    }
    Ref<Object> text = object_str(vm, value.get());
    if (!text) {
        (void)report_uncaught();
        return fallback;
    }
    return str_to_utf8(text.get());
}

bool MainInterpreter::take_pending_interrupt() {
    if (is_ok(m_vm->handle_pending_signals()))
        return false;
    m_vm->thread_state().clear_exception();
    return true;
}

// ====== Tab completion (rlcompleter's rules)

namespace {

// The word a completed keyword becomes: "try:" and "finally:" end their line, most others take
// an operand after a space.
std::string keyword_completion(std::string_view keyword) {
    if (keyword == "try" || keyword == "finally")
        return std::string(keyword) + ":";
    for (std::string_view bare : {"False", "None", "True", "break", "continue", "pass", "else"}) {
        if (keyword == bare)
            return std::string(keyword);
    }
    return std::string(keyword) + " ";
}

// The name as completed: "(" after a callable's name.
std::string name_completion(const std::string& name, Object* value) {
    return value && value->type->slots.call ? name + "(" : name;
}

// Adds the str keys of `dict` starting with `prefix`, once each.
void add_matching_keys(Object* dict, std::string_view prefix, std::vector<std::string>& words,
                       std::vector<std::string>& seen) {
    intptr_t position = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(dict, position, &key, &value)) {
        if (!is_str(key))
            continue;
        std::string name = str_to_utf8(key);
        if (!name.starts_with(prefix) || std::find(seen.begin(), seen.end(), name) != seen.end())
            continue;
        seen.push_back(name);
        words.push_back(name_completion(name, value));
    }
}

} // namespace

std::vector<std::string> MainInterpreter::complete(std::string_view text) {
    static constexpr std::string_view keywords[] = {
        "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
        "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
        "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
        "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
    Runtime& rt = *m_runtime;
    VM& vm = rt.vm();
    std::vector<std::string> words;
    std::vector<std::string> seen;
    Ref<Object> main_key = intern(vm, "__main__");
    Object* main_module = nullptr;
    if (!main_key || dict_lookup(vm, rt.modules(), main_key.get(), &main_module) <= 0 ||
        main_module->type != rt.types().module) {
        vm.thread_state().clear_exception();
        return words;
    }
    Ref<Object> keep = Ref<Object>::borrow(main_module);
    Object* globals = static_cast<Module*>(main_module)->dict;
    size_t dot = text.rfind('.');
    if (dot == std::string_view::npos) {
        for (std::string_view keyword : keywords) {
            if (keyword.starts_with(text)) {
                seen.emplace_back(keyword);
                words.push_back(keyword_completion(keyword));
            }
        }
        add_matching_keys(globals, text, words, seen);
        add_matching_keys(rt.builtins(), text, words, seen);
        return words;
    }
    // "a.b.attr": follow the dotted names (no calls, no subscripts), then filter dir(object).
    std::string_view path = text.substr(0, dot);
    std::string_view attribute = text.substr(dot + 1);
    Ref<Object> object;
    for (size_t start = 0; start <= path.size();) {
        size_t end = std::min(path.find('.', start), path.size());
        Ref<Object> name = str_from_utf8(vm, path.substr(start, end - start));
        if (!name)
            break;
        if (!object) {
            Object* found = nullptr;
            if (dict_lookup(vm, globals, name.get(), &found) > 0 ||
                dict_lookup(vm, rt.builtins(), name.get(), &found) > 0)
                object = Ref<Object>::borrow(found);
        } else {
            object = get_attr_optional(vm, object.get(), name.get());
        }
        if (!object)
            break;
        start = end + 1;
    }
    Object* dir_function = nullptr;
    Ref<Object> dir_key = intern(vm, "dir");
    if (!object || !dir_key || dict_lookup(vm, rt.builtins(), dir_key.get(), &dir_function) <= 0) {
        vm.thread_state().clear_exception();
        return words;
    }
    Object* args[] = {object.get()};
    Ref<Object> names = call_object(vm, dir_function, args, 1);
    if (!names || !is_list(names.get())) {
        vm.thread_state().clear_exception();
        return words;
    }
    // As rlcompleter: "_" names only once "_" is typed, "__" names once "__" is.
    bool show_private = attribute.starts_with("_");
    bool show_dunder = attribute.starts_with("__");
    std::string prefix(path);
    for (intptr_t i = 0; i < list_size(names.get()); ++i) {
        Object* name = list_items(names.get())[i];
        if (!is_str(name))
            continue;
        std::string word = str_to_utf8(name);
        if (!word.starts_with(attribute) || (word.starts_with("__") && !show_dunder) ||
            (word.starts_with("_") && !show_private))
            continue;
        Ref<Object> value = get_attr_optional(vm, object.get(), name);
        vm.thread_state().clear_exception();
        words.push_back(prefix + "." + name_completion(word, value.get()));
    }
    vm.thread_state().clear_exception();
    return words;
}

RunOutcome MainInterpreter::report_uncaught() {
    Runtime& rt = *m_runtime;
    VM& vm = rt.vm();
    std::fflush(stdout);
    RunOutcome outcome{RunOutcome::Kind::exception, 1, false};
    if (!vm.thread_state().has_exception())
        return outcome;
    if (exception_matches(vm.thread_state().exception(), vm.exceptions().SystemExit) &&
        !m_options.inspect) {
        Ref<Object> exception = vm.thread_state().fetch_exception();
        outcome.kind = RunOutcome::Kind::system_exit;
        outcome.exit_code = system_exit_code(rt, exception.get());
        return outcome;
    }
    Ref<Object> exception = vm.thread_state().fetch_exception();
    outcome.interrupted = exception_matches(exception.get(), vm.exceptions().KeyboardInterrupt);
    remember_last_exception(rt, exception.get());
    stdlib::sys_report_exception(rt, exception.get());
    std::fflush(stderr);
    return outcome;
}

RunOutcome MainInterpreter::run_unit(const std::shared_ptr<const compiler::CodeUnit>& unit,
                                     std::string_view filename) {
    Runtime& rt = *m_runtime;
    VM& vm = rt.vm();
    Ref<Object> main_key = intern(vm, "__main__");
    if (!main_key)
        return report_uncaught();
    Object* module = nullptr;
    int found = dict_lookup(vm, rt.modules(), main_key.get(), &module);
    if (found <= 0 || module->type != rt.types().module) {
        if (found >= 0)
            (void)raise_message(vm, vm.exceptions().RuntimeError, "sys.modules['__main__'] lost");
        return report_uncaught();
    }
    Ref<Object> keep = Ref<Object>::borrow(module);
    Object* globals = static_cast<Module*>(module)->dict;
    if (!filename.empty()) {
        Ref<Object> file_key = intern(vm, "__file__");
        Ref<Object> file_value = str_from_utf8(vm, filename);
        if (!file_key || !file_value ||
            !is_ok(dict_setitem(vm, globals, file_key.get(), file_value.get())))
            return report_uncaught();
    }
    Ref<Code> code = code_from_unit(rt, unit);
    if (!code)
        return report_uncaught();
    Ref<Object> value = eval_code(rt, code.get(), globals, globals);
    if (!value)
        return report_uncaught();
    return RunOutcome{}; // stdout is flushed at exit (finish), where a failure means exit code 120
}

RunOutcome MainInterpreter::run_source(std::string_view source, std::string_view filename,
                                       const std::string& path0) {
    if (!set_path0(path0))
        return RunOutcome{RunOutcome::Kind::exception, 1, false};
    // A file's name in messages is the name it was given ("<stdin>", "<string>" for -c).
    return run_text(source, filename.empty() ? std::string_view("<string>") : filename, filename);
}

RunOutcome MainInterpreter::run_text(std::string_view source, std::string_view shown,
                                     std::string_view filename) {
    compiler::ParseOptions options;
    options.filename = shown;
    options.mode = compiler::ast::ModuleKind::Module;
    options.source_is_text = false;
    options.script_file = !filename.empty(); // a script or <stdin>: CPython's file tokenizer
    compiler::CompileResult result = compiler::compile_source(source, options);
    print_compile_warnings(result.warnings, source, shown);
    if (!result.code) {
        print_compile_error(result.error);
        return RunOutcome{RunOutcome::Kind::exception, 1, false};
    }
    return run_unit(result.code, filename);
}

RunOutcome MainInterpreter::run_file(std::string_view path) {
    // CPython 3.11 makes the script path absolute, without normalizing it (__file__, tracebacks,
    // messages); sys.path[0] is the real folder of the script.
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::absolute(std::filesystem::path(path), error);
    std::string name = error ? std::string(path) : absolute.string();
    std::string file = name;
    // A folder runs its __main__.py, with the folder itself (as given) first in sys.path.
    bool is_folder = std::filesystem::is_directory(name, error);
    if (is_folder) {
        file = (std::filesystem::path(name) / "__main__.py").string();
        if (!std::filesystem::is_regular_file(file, error)) {
            std::fprintf(stderr, "%s: can't find '__main__' module in '%s'\n",
                         m_options.program_name.c_str(), name.c_str());
            return RunOutcome{RunOutcome::Kind::exception, 1, false};
        }
    }
    std::string source;
    int error_number = 0;
    if (!read_whole_file(file, source, error_number)) {
        std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n",
                     m_options.program_name.c_str(), file.c_str(), error_number,
                     std::strerror(error_number));
        return RunOutcome{RunOutcome::Kind::system_exit, 2, false};
    }
    std::filesystem::path real = std::filesystem::canonical(name, error);
    if (error)
        real = std::filesystem::path(name).lexically_normal();
    std::filesystem::path folder = is_folder ? std::filesystem::path(name) : real.parent_path();
    return run_source(source, file, folder.string());
}

RunOutcome MainInterpreter::run_interactive(const std::shared_ptr<const compiler::CodeUnit>& unit) {
    if (!set_path0(""))
        return RunOutcome{RunOutcome::Kind::exception, 1, false};
    // -i reports the program's SystemExit; in the REPL itself, SystemExit (exit()) leaves.
    m_options.inspect = false;
    return run_unit(unit, "");
}

// ====== -m: finding a module's file on sys.path (runpy._run_module_as_main)

namespace {

struct ModuleFile {
    std::string path; // the .py file to run, or the package's folder
    bool is_package = false;
};

// Finds `last` (one name, no dots) in `folders`: FOLDER/last/__init__.py (a package) before
// FOLDER/last.py, in the order of sys.path.
std::optional<ModuleFile> find_in_folders(const std::vector<std::string>& folders,
                                          const std::string& last) {
    for (const std::string& entry : folders) {
        std::filesystem::path folder(entry.empty() ? std::string(".") : entry);
        std::error_code error;
        std::filesystem::path package = folder / last;
        if (std::filesystem::is_regular_file(package / "__init__.py", error))
            return ModuleFile{package.string(), true};
        std::filesystem::path file = folder / (last + ".py");
        if (std::filesystem::is_regular_file(file, error))
            return ModuleFile{file.string(), false};
    }
    return std::nullopt;
}

std::vector<std::string> str_list_items(Object* list) {
    std::vector<std::string> items;
    if (!list || !is_list(list))
        return items;
    for (intptr_t i = 0; i < list_size(list); ++i) {
        Object* item = list_items(list)[i];
        if (is_str(item))
            items.push_back(str_to_utf8(item));
    }
    return items;
}

} // namespace

RunOutcome MainInterpreter::run_module(std::string_view name) {
    const std::string& program = m_options.program_name;
    std::error_code cwd_error;
    std::filesystem::path cwd = std::filesystem::current_path(cwd_error);
    if (!set_path0(cwd_error ? std::string() : cwd.string()))
        return RunOutcome{RunOutcome::Kind::exception, 1, false};
    if (name.empty() || name.front() == '.') {
        std::fprintf(stderr, "%s: Relative module names not supported\n", program.c_str());
        return RunOutcome{RunOutcome::Kind::exception, 1, false};
    }
    Runtime& rt = *m_runtime;
    VM& vm = rt.vm();
    std::string module_name(name);
    std::vector<std::string> folders = str_list_items(rt.path_list());
    for (;;) {
        size_t dot = module_name.rfind('.');
        std::string last = dot == std::string::npos ? module_name : module_name.substr(dot + 1);
        if (dot != std::string::npos) {
            // The parent package is imported first (its __init__ runs), as runpy does; its
            // __path__ lists the folders of its submodules.
            std::string parent = module_name.substr(0, dot);
            Ref<Object> module = import_dotted(rt, parent);
            if (!module) {
                Ref<Object> exception = vm.thread_state().fetch_exception();
                Ref<Object> text = exception ? object_str(vm, exception.get()) : nullptr;
                std::fprintf(stderr,
                             "%s: Error while finding module specification for '%s' (%s: %s)\n",
                             program.c_str(), module_name.c_str(),
                             exception ? exception->type->name : "ImportError",
                             text ? str_to_utf8(text.get()).c_str() : "");
                return RunOutcome{RunOutcome::Kind::exception, 1, false};
            }
            Ref<Object> path_key = intern(vm, "__path__");
            Ref<Object> path =
                path_key ? get_attr_optional(vm, module.get(), path_key.get()) : nullptr;
            vm.thread_state().clear_exception();
            bool embedded =
                stdlib::find_frozen_module(module_name) || stdlib::find_builtin_module(module_name);
            if (!path && !embedded) {
                std::fprintf(stderr,
                             "%s: Error while finding module specification for '%s' "
                             "(ModuleNotFoundError: __path__ attribute not found on '%s' while "
                             "trying to find '%s')\n",
                             program.c_str(), module_name.c_str(), parent.c_str(),
                             module_name.c_str());
                return RunOutcome{RunOutcome::Kind::exception, 1, false};
            }
            if (path)
                folders = str_list_items(path.get());
        }
        // The search order of import (vm/import.h): C++ modules, frozen modules, then the path.
        if (stdlib::find_builtin_module(module_name)) {
            std::fprintf(stderr, "%s: No code object available for %s\n", program.c_str(),
                         module_name.c_str());
            return RunOutcome{RunOutcome::Kind::exception, 1, false};
        }
        if (const stdlib::FrozenModuleDef* frozen = stdlib::find_frozen_module(module_name)) {
            if (!frozen->is_package) {
                // runpy sets sys.argv[0] to the module's origin: "frozen"; no __file__.
                if (!m_options.argv.empty())
                    m_options.argv[0] = "frozen";
                if (!stdlib::sys_set_argv(rt, m_options.argv))
                    return report_uncaught();
                return run_text(frozen->source, "<frozen " + module_name + ">", "");
            }
            if (last == "__main__" || !import_dotted(rt, module_name)) {
                if (vm.thread_state().has_exception())
                    return report_uncaught();
                std::fprintf(stderr, "%s: No module named %s\n", program.c_str(),
                             module_name.c_str());
                return RunOutcome{RunOutcome::Kind::exception, 1, false};
            }
            std::string package = module_name;
            module_name += ".__main__";
            if (!stdlib::find_frozen_module(module_name)) {
                std::fprintf(stderr,
                             "%s: No module named %s; '%s' is a package and cannot be directly "
                             "executed\n",
                             program.c_str(), module_name.c_str(), package.c_str());
                return RunOutcome{RunOutcome::Kind::exception, 1, false};
            }
            continue;
        }
        std::optional<ModuleFile> found = find_in_folders(folders, last);
        if (!found) {
            std::fprintf(stderr, "%s: No module named %s\n", program.c_str(), module_name.c_str());
            return RunOutcome{RunOutcome::Kind::exception, 1, false};
        }
        if (!found->is_package) {
            std::error_code error;
            std::filesystem::path absolute = std::filesystem::absolute(found->path, error);
            std::string file = error ? found->path : absolute.lexically_normal().string();
            std::string source;
            int error_number = 0;
            if (!read_whole_file(file, source, error_number)) {
                std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", program.c_str(),
                             file.c_str(), error_number, std::strerror(error_number));
                return RunOutcome{RunOutcome::Kind::system_exit, 2, false};
            }
            if (!m_options.argv.empty())
                m_options.argv[0] = file;
            if (!stdlib::sys_set_argv(rt, m_options.argv))
                return report_uncaught();
            return run_source(source, file, "");
        }
        // A package runs its __main__ submodule; a package's __main__ may not be one itself.
        if (last == "__main__") {
            std::fprintf(stderr, "%s: No module named %s\n", program.c_str(), module_name.c_str());
            return RunOutcome{RunOutcome::Kind::exception, 1, false};
        }
        std::string package = module_name;
        module_name += ".__main__";
        if (!find_in_folders({found->path}, "__main__")) {
            Ref<Object> imported = import_dotted(rt, package);
            if (!imported)
                return report_uncaught();
            std::fprintf(stderr,
                         "%s: No module named %s; '%s' is a package and cannot be directly "
                         "executed\n",
                         program.c_str(), module_name.c_str(), package.c_str());
            return RunOutcome{RunOutcome::Kind::exception, 1, false};
        }
    }
}

// ====== One-shot entry points

int run_source(std::string_view source, std::string_view filename,
               const std::vector<std::string>& argv) {
    MainOptions options;
    options.argv = argv;
    std::unique_ptr<MainInterpreter> interpreter = MainInterpreter::create(std::move(options));
    if (!interpreter)
        return 1;
    std::filesystem::path script(filename);
    std::string path0 = script.has_parent_path() && !filename.empty() && filename.front() != '<'
                            ? script.parent_path().string()
                            : std::string();
    return interpreter->run_source(source, filename, path0).exit_code;
}

int run_file(std::string_view path, const std::vector<std::string>& argv) {
    MainOptions options;
    options.argv = argv;
    std::unique_ptr<MainInterpreter> interpreter = MainInterpreter::create(std::move(options));
    if (!interpreter)
        return 1;
    return interpreter->run_file(path).exit_code;
}

} // namespace minipy::vm
