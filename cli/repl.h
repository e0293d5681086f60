// The interactive loop of the `minipy` command (CPython's REPL): `>>> ` and `... ` prompts (sys.ps1
// and sys.ps2 when set), line editing, Tab completion (names, keywords, attributes; Tab at the
// start of a line indents) and the history file ~/.minipy_history through libedit when
// standard input and output are terminals, multi-line statements (a compound statement continues
// until an empty line, an unclosed bracket or string until it is closed), expression values echoed
// through sys.displayhook, exceptions printed without ending the session, Ctrl-C cancelling the
// input being typed ("KeyboardInterrupt"), Ctrl-D (end of input) leaving.
//
// Thread rules: runs on the thread that owns the interpreter; libedit's state is process-wide, so
// one REPL runs at a time in a process.
#pragma once

#include <string>

#include "vm/run.h"

namespace minipy::cli {

struct ReplOptions {
    bool banner = true; // "minipy X (Python 3.11.7 compatible) ..." on stderr first
};

// Reads, runs and prints statements in the interpreter's __main__ until end of input (exit code
// 0) or SystemExit (its code). Without a terminal, prompts go to stderr and lines are read from
// standard input as they come, as CPython's `python3 -i < file` does.
vm::RunOutcome run_repl(vm::MainInterpreter& interpreter, const ReplOptions& options);

// The compiler minipy was built with, e.g. "GCC 12.2.0" (the banner, `minipy -VV`).
std::string build_description();

} // namespace minipy::cli
