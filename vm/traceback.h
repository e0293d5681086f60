// Traceback objects (one per frame an exception passed through, innermost last) and printing an
// uncaught exception in CPython's format, chained exceptions included.
#pragma once

#include <cstdio>

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;
struct Code;
struct Frame;

struct Traceback : Object {
    Object* next; // the next (inner) entry, owned, or null
    Code* code;   // owned
    int32_t instruction;
    int32_t line;
};

// Prepends an entry for `frame` (at its current instruction) to exception.__traceback__.
void traceback_add(Runtime& runtime, Object* exception, Frame* frame);
// Writes "Traceback (most recent call last):" ... "ValueError: msg" for `exception` and its
// __cause__/__context__ chain, as CPython's default excepthook.
void print_exception(Runtime& runtime, Object* exception, std::FILE* stream);

} // namespace minipy::vm
