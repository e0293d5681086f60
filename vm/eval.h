// The eval loop's entry points (vm/eval.cpp). Python-to-Python calls inside the loop push frames
// without native recursion; these entries are for C++ callers (call slots, builtins, run).
#pragma once

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;
struct Code;
struct Frame;
struct Function;

// Calls a Python function with vectorcall-shaped arguments (borrowed). A generator function
// returns a new generator. Raises what the body raises, TypeError for bad arguments,
// RecursionError past the limit.
[[nodiscard]] Ref<Object> eval_function(Runtime& runtime, Function* func, Object* const* args,
                                        size_t nargs, Object* kwnames);
// Runs a module or class body with the given namespaces (borrowed): returns its return value.
[[nodiscard]] Ref<Object> eval_code(Runtime& runtime, Code* code, Object* globals, Object* locals,
                                    Object* closure = nullptr);
// Resumes a (generator) frame until it returns or yields; `*yielded` tells which.
[[nodiscard]] Ref<Object> eval_resume(Runtime& runtime, Frame* frame, Object* sent, bool throwing,
                                      bool* yielded);

} // namespace minipy::vm
