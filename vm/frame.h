// Frames: the activation record of one running code object. A frame is not a heap object: it lives
// on the thread's FrameStack (a chunked bump allocator, so a Python-to-Python call costs a pointer
// bump, not a malloc), or in a generator's own block while that generator is suspended.
//
// Layout: the Frame struct, then `localsplus` (locals, cells, free variables) and the value stack
// in one block of Object* slots.
//
// Invariants:
//  - a frame owns one reference to its function, its locals, every non-null localsplus slot and
//    every value-stack slot below stack_top;
//  - frames are released in LIFO order on the FrameStack; generator frames are never on it;
//  - `instr` is the instruction being executed (for tracebacks, lasti and exception handlers): the
//    eval loop stores it as it dispatches each instruction, as CPython 3.11's frame->prev_instr;
//  - a FrameStack frame with a function borrows code, globals and builtins from it (the function
//    keeps them alive and never changes them while a frame holds it: a running frame is not
//    visible to the collector, so its function is never cleared); a frame without a function
//    (module and class bodies) and a generator's frame (the collector may clear its function
//    before closing it) own them.
//
// The hot halves of push, init, clear and pop are inline in vm/frame_inline.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "vm/object.h"

namespace minipy::vm {

struct Code;
class Runtime;

struct Frame {
    Code* code;            // owned or borrowed (see above)
    Object* function;      // owned, or null for module and class bodies run directly
    Object* globals;       // dict, owned or borrowed (see above)
    Object* builtins;      // dict, owned or borrowed (see above)
    Object* locals;        // owned mapping, or null for optimized (function) frames
    Frame* previous;       // the caller on this thread (not owned)
    Object** stack_top;    // saved value-stack pointer while another frame runs
    const uint32_t* instr; // the current instruction's first word (its EXTENDED_ARG if any)
    int32_t resume_at;     // where a caller continues after the frame it called returns
    bool is_entry;         // the eval-loop invocation returns when this frame returns
    bool in_generator;     // memory owned by a generator object, not the FrameStack
    // The __init__ of an instance creation `C(args)` that the loop runs as a frame of its own
    // (CPython 3.12's init shim): the caller's stack top holds the new instance, which is the
    // call's result once this frame returns None (anything else raises TypeError there).
    bool is_init;
    // A generator's frame that the loop resumed in place from its caller's FOR_ITER (true) or
    // SEND (false), not through eval_resume: how the caller goes on when the generator returns,
    // and where (the instruction index of the FOR_ITER's or SEND's jump target).
    bool resumed_by_for;
    // Resumed in place by its caller's CALL of gen.send(value): the frame owns a reference to
    // its generator until it yields, returns (StopIteration in the caller) or raises.
    bool resumed_by_call;
    int32_t return_target;
    Object* generator; // that generator (borrowed: it owns the frame), or null

    Object** localsplus() { return reinterpret_cast<Object**>(this + 1); }
    Object** stack_base();
    int line() const; // the current line (or the code's first line)
    // The index of the current instruction word in code->instructions.
    int32_t instruction() const;
    void set_instruction(int32_t index);
};

// The number of Object* slots a frame of `code` needs, the struct included.
size_t frame_slot_count(const Code* code);

// A per-thread stack of frame blocks (chunks of 64K slots, kept once allocated).
class FrameStack {
public:
    FrameStack() = default;
    ~FrameStack();
    FrameStack(const FrameStack&) = delete;
    FrameStack& operator=(const FrameStack&) = delete;
    // Exchanges the contents (the GIL parks a thread's stack in its ThreadState, vm/gil.h).
    void swap(FrameStack& other) noexcept {
        m_chunks.swap(other.m_chunks);
        std::swap(m_current, other.m_current);
        std::swap(m_base, other.m_base);
        std::swap(m_top, other.m_top);
        std::swap(m_limit, other.m_limit);
    }
    // Room for `slots` Object* slots, or null when out of memory.
    [[gnu::always_inline]] void* push(size_t slots) {
        if (static_cast<size_t>(m_limit - m_top) >= slots) [[likely]] {
            Object** block = m_top;
            m_top += slots;
            return block;
        }
        return push_chunk(slots);
    }
    // Releases the most recent push (the memory, not the references).
    [[gnu::always_inline]] void pop(void* block) {
        auto* slot = static_cast<Object**>(block);
        if (slot >= m_base && slot < m_limit) [[likely]] {
            m_top = slot;
            return;
        }
        pop_chunk(slot);
    }

private:
    struct Chunk {
        Object** base;
        size_t capacity;
    };
    void* push_chunk(size_t slots);
    void pop_chunk(Object** slot);
    // The current chunk: [m_base, m_limit), free from m_top on.
    Object** m_base = nullptr;
    Object** m_top = nullptr;
    Object** m_limit = nullptr;
    std::vector<Chunk> m_chunks;
    size_t m_current = 0;
};

// Initialises a FrameStack frame in `memory` for `code`: takes references to function, locals
// and (without a function) code, globals and builtins; localsplus all null; the stack empty.
Frame* frame_init(void* memory, Code* code, Object* function, Object* globals, Object* builtins,
                  Object* locals);
// Initialises the frame of `generator` (borrowed) in `memory` for `function`: owns the function,
// its code, globals and builtins; localsplus all null; the stack empty.
Frame* frame_init_generator(void* memory, Object* function, Object* generator);
// Drops every reference the frame owns (localsplus, live stack slots, fields).
void frame_clear(Frame* frame);

} // namespace minipy::vm
