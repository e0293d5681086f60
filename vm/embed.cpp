// The public embedding API (include/minipy/minipy.h) over the VM and its runtime.
#include "minipy/minipy.h"

#include <cstdio>
#include <cstdlib>

#include "stdlib/sys.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/gil.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/traceback.h"
#include "vm/type.h"
#include "vm/types/dict.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy {

struct Interpreter::State {
    std::unique_ptr<vm::VM> machine;
    std::unique_ptr<vm::Runtime> runtime;
    vm::Object* globals = nullptr; // __main__'s dict (borrowed from the module in sys.modules)

    // Takes the pending exception and describes it; the interpreter stays usable.
    Error take_error() {
        using vm::Object;
        using vm::Ref;
        Error error;
        Ref<Object> exception = machine->thread_state().fetch_exception();
        machine->thread_state().clear_exception();
        if (!exception) {
            error.type = "SystemError";
            error.message = "an error was reported without an exception";
            return error;
        }
        error.type = exception->type->name;
        if (Ref<Object> text = vm::object_str(*machine, exception.get());
            text && vm::is_str(text.get()))
            error.message = vm::str_to_utf8(text.get());
        machine->thread_state().clear_exception();
        char* buffer = nullptr;
        size_t size = 0;
        if (std::FILE* stream = open_memstream(&buffer, &size)) {
            vm::print_exception(*runtime, exception.get(), stream);
            std::fclose(stream);
            error.traceback.assign(buffer, size);
        }
        std::free(buffer);
        machine->thread_state().clear_exception();
        return error;
    }
};

Interpreter::Interpreter(std::unique_ptr<State> state) : m_state(std::move(state)) {}

Interpreter::~Interpreter() {
    if (!m_state)
        return;
    vm::finish_threads(*m_state->runtime); // waits for non-daemon threads (vm/gil.h)
    stdlib::sys_flush_std_streams(*m_state->runtime);
    m_state->runtime.reset(); // finalizes: modules cleared, garbage freed
    m_state->machine.reset();
}

std::unique_ptr<Interpreter> Interpreter::create(const InterpreterOptions& options) {
    using vm::Object;
    using vm::Ref;
    auto state = std::make_unique<State>();
    state->machine = vm::VM::create();
    if (!state->machine)
        return nullptr;
    state->runtime = vm::Runtime::create(*state->machine);
    if (!state->runtime)
        return nullptr;
    vm::Runtime& rt = *state->runtime;
    vm::VM& machine = *state->machine;
    Ref<Object> module = vm::module_new(rt, "__main__");
    Ref<Object> name = module ? vm::intern(machine, "__main__") : nullptr;
    if (!name || !vm::is_ok(vm::dict_setitem(machine, rt.modules(), name.get(), module.get())))
        return nullptr;
    state->globals = static_cast<vm::Module*>(module.get())->dict;
    std::vector<std::string> argv =
        options.argv.empty() ? std::vector<std::string>{""} : options.argv;
    if (!stdlib::sys_set_argv(rt, argv))
        return nullptr;
    for (const std::string& directory : options.path) {
        Ref<Object> entry = vm::str_from_utf8(machine, directory);
        if (!entry || !vm::is_ok(vm::list_append(machine, rt.path_list(), entry.get())))
            return nullptr;
    }
    return std::unique_ptr<Interpreter>(new Interpreter(std::move(state)));
}

std::optional<Error> Interpreter::exec(std::string_view source, std::string_view filename) {
    if (!vm::exec_source(*m_state->runtime, source, filename, m_state->globals))
        return m_state->take_error();
    return std::nullopt;
}

std::variant<std::string, Error> Interpreter::eval(std::string_view expression) {
    using vm::Object;
    using vm::Ref;
    vm::Runtime& rt = *m_state->runtime;
    Ref<vm::Code> code = Ref<vm::Code>::steal(static_cast<vm::Code*>(
        vm::compile_string(rt, expression, "<string>", vm::CompileMode::eval)));
    if (!code)
        return m_state->take_error();
    Ref<Object> value = vm::eval_code(rt, code.get(), m_state->globals, m_state->globals);
    if (!value)
        return m_state->take_error();
    Ref<Object> text = vm::object_repr(rt.vm(), value.get());
    if (!text)
        return m_state->take_error();
    return vm::str_to_utf8(text.get());
}

} // namespace minipy
