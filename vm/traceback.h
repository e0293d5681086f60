// Traceback objects (one per frame an exception passed through, innermost last) and printing an
// uncaught exception in CPython's format, chained exceptions included.
#pragma once

#include <cstdio>
#include <string>

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;
class VM;
struct Code;
struct Frame;
struct Type;

// One traceback entry. The frame itself is not kept (frames are not heap objects): the entry
// holds what tb_frame needs, and `frame` caches the frame object made on the first tb_frame.
struct Traceback : Object {
    Object* next;     // the next (inner) entry, owned, or null
    Code* code;       // owned
    Object* globals;  // owned: the frame's globals
    Object* builtins; // owned: the frame's builtins
    Object* locals;   // owned: the frame's locals mapping, null for function frames
    Object* fast;     // owned: a function frame's localsplus values (tuple, items may be null)
    Object* frame;    // owned frame object (tb_frame), or null until asked for
    Frame* live;      // the frame, valid only while it still runs (checked before use)
    Traceback* outer; // not owned: the entry whose `next` this is (its frame is f_back), or null
    int32_t instruction;
    int32_t line;
};

// Prepends an entry for `frame` (at its current instruction) to exception.__traceback__.
void traceback_add(Runtime& runtime, Object* exception, Frame* frame);
// Called as an exception leaves a function frame: the frame's newest traceback entry keeps the
// frame's variables (tb_frame.f_locals after the frame is gone, as CPython's frame objects do).
// Never raises (the current exception stays).
void traceback_frame_exit(Runtime& runtime, Frame* frame);
// Writes "Traceback (most recent call last):" ... "ValueError: msg" for `exception` and its
// __cause__/__context__ chain, as CPython's default excepthook.
void print_exception(Runtime& runtime, Object* exception, std::FILE* stream);

// Reports an exception that cannot be raised (an error in __del__, ...) as CPython's
// PyErr_WriteUnraisable: sys.unraisablehook(UnraisableHookArgs(exc_type, exc_value,
// exc_traceback, err_msg, object)), the default hook printing "Exception ignored in: repr(object)"
// (or "err_msg: repr(object)") and the traceback to sys.stderr. `object` and `err_msg` may be
// null. The current exception is kept. Never raises.
void write_unraisable(Runtime& runtime, Object* exception, Object* object, const char* err_msg);
// The default hook's text for these values (any may be None).
std::string unraisable_text(Runtime& runtime, Object* exc_type, Object* exc_value, Object* exc_tb,
                            Object* err_msg, Object* object);

// The name CPython 3.11 suggests in "Did you mean: 'x'?" for an uncaught exception, or "" (only
// for an exact NameError with `name` set, from the innermost frame's variables, globals and
// builtins, or an exact AttributeError with `name` and `obj`, from dir(obj)). Never raises.
std::string exception_suggestion(Runtime& runtime, Object* exception);

// ====== Exception attributes the printer and the traceback module use (defined in
// vm/errors.cpp; declared here to keep vm/errors.h stable)

// An instance of exception class `cls` from a call: positional arguments become `args`; keyword
// arguments are the ones CPython's built-in __init__ takes (ImportError name/path, NameError name,
// AttributeError name/obj), ignored when `python_init` (a Python __init__ will see them). Raises
// TypeError for other keywords, MemoryError.
[[nodiscard]] Ref<Object> exception_new_from_call(VM& vm, Type* cls, Object* const* args,
                                                  size_t npos, Object* kwnames, bool python_init);
// BaseException.__init__(self, *args, **kwargs) of the built-in classes: sets args (and the
// attributes derived from them) and the keywords exception_new_from_call accepts. Raises TypeError.
[[nodiscard]] Status exception_init_from_call(VM& vm, Object* self, Object* const* args,
                                              size_t npos, Object* kwnames);
// After getattr(object, name) failed: an AttributeError being raised gets name and obj, unless
// its obj is already set (CPython's set_attribute_error_context). Never raises.
void attribute_error_add_context(VM& vm, Object* object, Object* name);
// A NameError (exact class) being raised gets its `name` attribute. Never raises.
void name_error_set_name(VM& vm, Object* name);

} // namespace minipy::vm
