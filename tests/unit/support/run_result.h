// Running a Python snippet in a fresh runtime and reading back its global `result`: shared by the
// unit tests that need a VM configured in some way (hash seed, recursion limit) before it runs.
#pragma once

#include <memory>
#include <string>

#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::test {

// Runs `source` as __main__ in a new runtime on `machine` (taken over, freed after the runtime);
// returns the global `result` as text ("" when it is not a str), or the type name of the exception
// the source raised.
inline std::string result_of(std::unique_ptr<vm::VM> machine, const char* source,
                             const char* filename) {
    auto runtime = vm::Runtime::create(*machine);
    vm::Ref<vm::Object> module = vm::module_new(*runtime, "__main__");
    vm::Object* globals = static_cast<vm::Module*>(module.get())->dict;
    if (!vm::exec_source(*runtime, source, filename, globals)) {
        vm::Ref<vm::Object> exception = machine->thread_state().fetch_exception();
        return exception ? exception->type->name : "?";
    }
    vm::Ref<vm::Object> key = vm::str_from_utf8(*machine, "result");
    vm::Object* value = nullptr;
    if (vm::dict_lookup(*machine, globals, key.get(), &value) > 0 && vm::is_str(value))
        return vm::str_to_utf8(value);
    return "";
}

} // namespace minipy::test
