// Running a file or a string as __main__. See vm/run.h.
#include "vm/run.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/compile.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/traceback.h"
#include "vm/types/dict.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

// sys.path: the script's directory ("" for -c and stdin), then each entry of MINIPYPATH.
bool init_search_path(Runtime& rt, const std::string& first) {
    VM& vm = rt.vm();
    std::vector<std::string> entries{first};
    if (const char* extra = std::getenv("MINIPYPATH")) {
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
    Ref<Object> text = object_str(vm, code);
    if (text)
        std::fprintf(stderr, "%s\n", str_to_utf8(text.get()).c_str());
    return 1;
}

int report_uncaught(Runtime& rt) {
    VM& vm = rt.vm();
    std::fflush(stdout);
    Ref<Object> exception = vm.thread_state().fetch_exception();
    if (!exception)
        return 1;
    if (exception_matches(exception.get(), vm.exceptions().SystemExit))
        return system_exit_code(rt, exception.get());
    print_exception(rt, exception.get(), stderr);
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

} // namespace

void* compile_string(Runtime& rt, std::string_view source, std::string_view filename,
                     CompileMode mode) {
    VM& vm = rt.vm();
    compiler::ParseOptions options;
    options.filename = filename;
    options.mode = mode == CompileMode::eval     ? compiler::ast::ModuleKind::Expression
                   : mode == CompileMode::single ? compiler::ast::ModuleKind::Interactive
                                                 : compiler::ast::ModuleKind::Module;
    options.source_is_text = true;
    compiler::CompileResult result = compiler::compile_source(source, options);
    if (!result.code) {
        const compiler::CompileError& error = result.error;
        Type* kind = error.kind == compiler::CompileErrorKind::IndentationError
                         ? vm.exceptions().IndentationError
                     : error.kind == compiler::CompileErrorKind::TabError
                         ? vm.exceptions().TabError
                         : vm.exceptions().SyntaxError;
        std::string message = error.message;
        if (error.lineno > 0)
            message += " (" + error.filename + ", line " + std::to_string(error.lineno) + ")";
        (void)raise_message(vm, kind, message);
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

int run_source(std::string_view source, std::string_view filename,
               const std::vector<std::string>& argv) {
    (void)argv;
    std::unique_ptr<VM> machine = VM::create();
    if (!machine) {
        std::fputs("minipy: out of memory creating the interpreter\n", stderr);
        return 1;
    }
    int exit_code = 0;
    {
        std::unique_ptr<Runtime> runtime = Runtime::create(*machine);
        if (!runtime) {
            std::fputs("minipy: out of memory creating the runtime\n", stderr);
            return 1;
        }
        compiler::ParseOptions options;
        options.filename = filename;
        options.mode = compiler::ast::ModuleKind::Module;
        options.source_is_text = false;
        compiler::CompileResult result = compiler::compile_source(source, options);
        print_compile_warnings(result.warnings, source, filename);
        if (!result.code) {
            print_compile_error(result.error);
            return 1;
        }
        std::filesystem::path script(filename);
        if (!init_search_path(*runtime, script.has_parent_path() && filename.front() != '<'
                                            ? script.parent_path().string()
                                            : std::string(""))) {
            return report_uncaught(*runtime);
        }
        Ref<Object> module = module_new(*runtime, "__main__");
        Ref<Object> file_key = intern(*machine, "__file__");
        Ref<Object> file_value = str_from_utf8(*machine, filename);
        Ref<Code> code = code_from_unit(*runtime, result.code);
        if (!module || !file_key || !file_value || !code) {
            exit_code = report_uncaught(*runtime);
        } else {
            Object* globals = static_cast<Module*>(module.get())->dict;
            Ref<Object> name_key = intern(*machine, "__main__");
            if (!is_ok(dict_setitem(*machine, globals, file_key.get(), file_value.get())) ||
                !is_ok(dict_setitem(*machine, runtime->modules(), name_key.get(), module.get()))) {
                exit_code = report_uncaught(*runtime);
            } else {
                Ref<Object> value = eval_code(*runtime, code.get(), globals, globals);
                if (!value)
                    exit_code = report_uncaught(*runtime);
            }
        }
        std::fflush(stdout);
    }
    return exit_code;
}

int run_file(std::string_view path, const std::vector<std::string>& argv) {
    std::ifstream stream{std::string(path), std::ios::binary};
    if (!stream) {
        std::fprintf(stderr,
                     "minipy: can't open file '%.*s': [Errno 2] No such file or directory\n",
                     static_cast<int>(path.size()), path.data());
        return 2;
    }
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    // CPython 3.11 makes the script path absolute (sys.path[0], __file__, tracebacks).
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::absolute(std::filesystem::path(path), error);
    std::string name = error ? std::string(path) : absolute.lexically_normal().string();
    return run_source(buffer.str(), name, argv);
}

namespace {
Ref<Object> import_source_module(Runtime& rt, std::string_view name);
} // namespace

void* import_source_module_raw(Runtime& rt, std::string_view name) {
    return import_source_module(rt, name).release();
}

namespace {
Ref<Object> import_source_module(Runtime& rt, std::string_view name) {
    VM& vm = rt.vm();
    Ref<Object> entries = Ref<Object>::borrow(rt.path_list());
    for (intptr_t i = 0; i < list_size(entries.get()); ++i) {
        Object* entry = list_items(entries.get())[i];
        if (!is_str(entry))
            continue;
        std::string directory = str_to_utf8(entry);
        if (directory.empty())
            directory = ".";
        std::filesystem::path path = std::filesystem::path(directory) / (std::string(name) + ".py");
        std::ifstream stream(path, std::ios::binary);
        if (!stream)
            continue;
        std::ostringstream buffer;
        buffer << stream.rdbuf();
        std::string filename = path.lexically_normal().string();
        Ref<Code> code = Ref<Code>::steal(
            static_cast<Code*>(compile_string(rt, buffer.str(), filename, CompileMode::exec)));
        if (!code)
            return nullptr;
        Ref<Object> module = module_new(rt, name);
        Ref<Object> key = str_from_utf8(vm, name);
        Ref<Object> file_key = intern(vm, "__file__");
        Ref<Object> file_value = str_from_utf8(vm, filename);
        if (!module || !key || !file_key || !file_value)
            return nullptr;
        Object* globals = static_cast<Module*>(module.get())->dict;
        // Registered before the body runs, so circular imports see the partial module.
        if (!is_ok(dict_setitem(vm, globals, file_key.get(), file_value.get())) ||
            !is_ok(dict_setitem(vm, rt.modules(), key.get(), module.get())))
            return nullptr;
        Ref<Object> result = eval_code(rt, code.get(), globals, globals);
        if (!result) {
            Ref<Object> error = vm.thread_state().fetch_exception();
            (void)dict_delitem(vm, rt.modules(), key.get());
            vm.thread_state().clear_exception();
            vm.thread_state().set_exception(std::move(error));
            return nullptr;
        }
        return module;
    }
    return nullptr;
}
} // namespace

} // namespace minipy::vm
