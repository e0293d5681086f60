// The hot paths of vm/frame.h, inline for the eval loop: the size of a frame, and the init and
// clear of a FrameStack frame of a Python function (which borrows code, globals and builtins from
// the function). Only files that run frames include this header.
#pragma once

#include <cstddef>

#include "vm/code.h"
#include "vm/frame.h"
#include "vm/types/function.h"

namespace minipy::vm {

inline constexpr size_t frame_header_slots =
    (sizeof(Frame) + sizeof(Object*) - 1) / sizeof(Object*);

// The number of Object* slots a frame of `code` needs, the struct included.
inline size_t frame_slots(const Code* code) {
    return frame_header_slots + static_cast<size_t>(code->nlocalsplus) +
           static_cast<size_t>(code->stacksize) + 1;
}

// frame_init for a FrameStack frame of `func`, except that localsplus is left as it is: the caller
// fills every slot of it (arguments, then nulls). With TakesFunction, the frame takes over a
// reference to func the caller owned (the call's stack slot) instead of a new one.
template <bool TakesFunction = false>
[[gnu::always_inline]] inline Frame* frame_init_function(void* memory, Function* func) {
    auto* frame = static_cast<Frame*>(memory);
    Code* code = func->code;
    if constexpr (!TakesFunction)
        incref(func);
    frame->code = code;
    frame->function = func;
    frame->globals = func->globals;
    frame->builtins = func->builtins;
    frame->locals = nullptr;
    frame->previous = nullptr;
    frame->stack_top = frame->localsplus() + code->nlocalsplus;
    frame->instr = code->instructions;
    frame->resume_at = 0;
    frame->is_entry = false;
    frame->in_generator = false;
    frame->is_init = false;
    frame->generator = nullptr;
    return frame;
}

// Drops the values a frame holds: its localsplus (each slot nulled before its value goes, so a
// __del__ that runs meanwhile never sees a freed one) and its live stack slots.
[[gnu::always_inline]] inline void frame_clear_values(Frame* frame) {
    Object** slot = frame->localsplus();
    Object** end = slot + frame->code->nlocalsplus;
    for (; slot < end; ++slot) {
        if (Object* value = *slot) {
            *slot = nullptr;
            decref(value);
        }
    }
    Object** top = frame->stack_top;
    frame->stack_top = end;
    for (; slot < top; ++slot)
        xdecref(*slot);
}

// frame_clear, inline for the common case of a FrameStack frame of a function.
[[gnu::always_inline]] inline void frame_clear_fast(Frame* frame) {
    if (frame->function && !frame->in_generator) [[likely]] {
        frame_clear_values(frame);
        decref(frame->function);
        return;
    }
    frame_clear(frame);
}

} // namespace minipy::vm
