// The handled-exception chain (sys.exc_info(), bare `raise`, __context__), as CPython's
// _PyErr_StackItem: the running thread has a base record (in the Runtime), and every generator
// has one of its own that is linked on top while its frame runs, so an `except` block a generator
// is suspended in is seen by that generator only, and a generator outside any except block sees
// its caller's exception.
//
// Invariants:
//  - the chain is linked in LIFO order: a generator's record is linked when its frame is entered
//    (eval_resume, and FOR_ITER / SEND / gen.send's CALL resuming it in place) and unlinked when
//    the frame yields, returns or raises;
//  - PUSH_EXC_INFO / POP_EXCEPT write the top record only; readers take the first non-null
//    value from the top down (CPython's _PyErr_GetTopmostException).
#pragma once

#include "vm/object.h"

namespace minipy::vm {

struct ExcInfo {
    Object* value = nullptr;     // the exception being handled (owned), or null
    ExcInfo* previous = nullptr; // the record below while linked (not owned)
};

} // namespace minipy::vm
