// Generators: a function whose code has the GENERATOR flag returns one of these instead of running.
// The generator owns its frame (malloc'd, never on the FrameStack) and resumes it through
// eval_resume on send/next/throw/close; the eval loop's FOR_ITER and SEND resume it in place
// (vm/eval.cpp), as CPython 3.12's FOR_ITER_GEN and SEND_GEN do.
//
// Invariants:
//  - `frame` stays allocated until the generator dies; once `finished`, it holds no references;
//  - `running` is true only while the frame executes (re-entering raises ValueError); `exc_state`
//  is
//    linked into the runtime's handled-exception chain exactly while `running`.
#pragma once

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/exc_info.h"
#include "vm/frame.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;
struct Function;

struct Generator : Object {
    Frame* frame; // owned memory
    Object* name;
    Object* qualname;
    Object* code; // the function's code (gi_code), owned: the frame lets go of it when finished
    // The exception its frame is handling (CPython's gi_exc_state): linked on top of the runtime's
    // chain while the frame runs (vm/exc_info.h); cleared when it finishes.
    ExcInfo exc_state;
    bool started;
    bool running;
    bool finished;
};

// Makes the generator of a call to a generator function (arguments bound now, as CPython does).
[[nodiscard]] Ref<Object> generator_from_call(Runtime& rt, Function* func, Object* const* args,
                                              size_t nargs, Object* kwnames);
// The frame of `gen` (running) returned (raised: left with the thread's exception): the generator
// is finished, its frame cleared, and an escaping StopIteration becomes RuntimeError("generator
// raised StopIteration") (PEP 479). The eval loop calls it for the frames it resumes in place.
void generator_finished(Runtime& rt, Generator* gen, bool raised);
// Raises StopIteration for a generator that returned `value` to gen.send() / next() (no
// arguments when value is None, as CPython's _PyGen_SetStopIterationValue).
Raised raise_generator_return(VM& vm, Object* value);
// Whether `callable` is the unbound built-in method generator.send (the eval loop's CALL runs
// gen.send(value) as an in-place resume of the generator's frame).
bool is_generator_send(const Object* callable);
// Sends `value` into a generator or iterator for SEND / yield from: the yielded value, or (with
// `returned` set) the value it returned. Raises what the delegate raises.
[[nodiscard]] Ref<Object> send_to(Runtime& rt, Object* receiver, Object* value, bool& returned);

} // namespace minipy::vm
