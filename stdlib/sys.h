// What the rest of minipy asks of the `sys` module (stdlib/mod_sys.cpp): the program's argv, the
// standard streams, the uncaught-exception hook and the flush at exit.
//
// The sys module is imported when the runtime is made (stdlib::init_io_builtins), so sys.modules
// always holds it, as in CPython.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gc/ref.h"
#include "vm/object.h"
#include "vm/runtime.h"

namespace minipy::stdlib {

bool init_sys_module(vm::Runtime& runtime, vm::Object* module);

// The sys module of the runtime (borrowed), or null when it was never imported.
vm::Object* sys_module(vm::Runtime& runtime);
// sys.<name> (a new reference), or null without an exception when the module or name is missing.
vm::Ref<vm::Object> sys_get(vm::Runtime& runtime, std::string_view name);
// Sets sys.argv (and sys.orig_argv) from the program's arguments. False with the exception set.
[[nodiscard]] bool sys_set_argv(vm::Runtime& runtime, const std::vector<std::string>& argv);
// Reports an uncaught exception as CPython's interpreter does: calls sys.excepthook(type, value,
// tb); when the hook is missing or raises, prints both to the C stderr. Never raises.
void sys_report_exception(vm::Runtime& runtime, vm::Object* exception);
// Flushes sys.stdout and sys.stderr at exit (and the C streams behind them). Errors are printed as
// "Exception ignored ..." and dropped, as CPython's flush_std_files; false when sys.stdout's
// flush failed (CPython's exit code 120 then).
bool sys_flush_std_streams(vm::Runtime& runtime);
// tb_frame of a traceback entry (vm/traceback.h): a frame object for `code` that ran with these
// globals, builtins and locals (a mapping) at `line`, f_back `back` (or None); while `live` still
// runs on this thread, its snapshot (with its callers and current locals). Raises MemoryError,
// RuntimeError.
vm::Ref<vm::Object> sys_traceback_frame(vm::Runtime& runtime, vm::Code* code, vm::Object* globals,
                                        vm::Object* builtins, vm::Object* locals, vm::Object* back,
                                        vm::Frame* live, int line, int lasti);
// Writes UTF-8 text to sys.stderr (the C stderr when sys.stderr is missing or None). Never raises.
void sys_write_stderr(vm::Runtime& runtime, std::string_view text);

} // namespace minipy::stdlib
