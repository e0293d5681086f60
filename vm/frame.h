// Frames: the activation record of one running code object. A frame is not a heap object: it lives
// on the thread's FrameStack (a chunked bump allocator, so a Python-to-Python call costs a pointer
// bump, not a malloc), or in a generator's own block while that generator is suspended.
//
// Layout: the Frame struct, then `localsplus` (locals, cells, free variables) and the value stack
// in one block of Object* slots.
//
// Invariants:
//  - a frame owns one reference to its function (or code), globals, builtins and locals, every
//    non-null localsplus slot and every value-stack slot below stack_top;
//  - frames are released in LIFO order on the FrameStack; generator frames are never on it;
//  - `instruction` is the index of the instruction being executed (for tracebacks and lasti).
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
    Code* code;          // owned
    Object* function;    // owned, or null for module and class bodies run directly
    Object* globals;     // owned dict
    Object* builtins;    // owned dict
    Object* locals;      // owned mapping, or null for optimized (function) frames
    Frame* previous;     // the caller on this thread (not owned)
    Object** stack_top;  // saved value-stack pointer while another frame runs
    int32_t instruction; // index of the current instruction word
    int32_t resume_at;   // where a caller continues after the frame it called returns
    bool is_entry;       // the eval-loop invocation returns when this frame returns
    bool in_generator;   // memory owned by a generator object, not the FrameStack

    Object** localsplus() { return reinterpret_cast<Object**>(this + 1); }
    Object** stack_base();
    int line() const; // the current line (or the code's first line)
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
    }
    // Room for `slots` Object* slots, or null when out of memory.
    void* push(size_t slots);
    // Releases the most recent push (the memory, not the references).
    void pop(void* block);

private:
    struct Chunk {
        Object** base;
        size_t capacity;
        size_t used;
    };
    std::vector<Chunk> m_chunks;
    size_t m_current = 0;
};

// Initialises a frame in `memory` for `code`: takes references to function, globals, builtins and
// locals; localsplus all null; the stack empty.
Frame* frame_init(void* memory, Code* code, Object* function, Object* globals, Object* builtins,
                  Object* locals);
// Drops every reference the frame owns (localsplus, live stack slots, fields).
void frame_clear(Frame* frame);

} // namespace minipy::vm
