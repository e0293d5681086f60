// Frames and the per-thread frame stack. Invariants are in vm/frame.h.
#include "vm/frame.h"

#include <cstdlib>
#include <cstring>
#include <utility>

#include "gc/alloc.h"
#include "vm/code.h"
#include "vm/frame_inline.h"
#include "vm/types/function.h"

namespace minipy::vm {
namespace {
constexpr size_t chunk_slots = 64 * 1024;
} // namespace

Object** Frame::stack_base() {
    return localsplus() + code->nlocalsplus;
}

int Frame::line() const {
    int line = code_line(code, instruction());
    return line < 0 ? code->first_line : line;
}

int32_t Frame::instruction() const {
    return static_cast<int32_t>(instr - code->instructions);
}

void Frame::set_instruction(int32_t index) {
    instr = code->instructions + index;
}

size_t frame_slot_count(const Code* code) {
    return frame_slots(code);
}

FrameStack::~FrameStack() {
    for (Chunk& chunk : m_chunks)
        gc::mem_free(chunk.base);
}

// The current chunk is full: the next one (allocated, or replaced by a bigger one, when needed).
void* FrameStack::push_chunk(size_t slots) {
    size_t next = m_base ? m_current + 1 : 0; // a stack that never pushed has no current chunk
    if (next < m_chunks.size() && m_chunks[next].capacity < slots) {
        gc::mem_free(m_chunks[next].base); // too small even when empty
        m_chunks[next].base = nullptr;
        m_chunks[next].capacity = 0;
    }
    if (next == m_chunks.size() || !m_chunks[next].base) {
        size_t capacity = slots > chunk_slots ? slots : chunk_slots;
        auto* base = static_cast<Object**>(gc::mem_alloc(capacity * sizeof(Object*)));
        if (!base)
            return nullptr;
        if (next < m_chunks.size()) {
            m_chunks[next] = Chunk{base, capacity};
        } else {
            try {
                m_chunks.push_back(Chunk{base, capacity});
            } catch (...) {
                gc::mem_free(base);
                return nullptr;
            }
        }
    }
    m_current = next;
    Chunk& chunk = m_chunks[next];
    m_base = chunk.base;
    m_limit = chunk.base + chunk.capacity;
    m_top = m_base + slots;
    return m_base;
}

// `slot` is below the current chunk: the chunks above the one holding it are empty again.
void FrameStack::pop_chunk(Object** slot) {
    while (m_current > 0) {
        --m_current;
        Chunk& chunk = m_chunks[m_current];
        if (slot >= chunk.base && slot < chunk.base + chunk.capacity) {
            m_base = chunk.base;
            m_limit = chunk.base + chunk.capacity;
            m_top = slot;
            return;
        }
    }
}

Frame* frame_init(void* memory, Code* code, Object* function, Object* globals, Object* builtins,
                  Object* locals) {
    auto* frame = static_cast<Frame*>(memory);
    if (function) {
        incref(function);
    } else {
        incref(code);
        incref(globals);
        incref(builtins);
    }
    xincref(locals);
    frame->code = code;
    frame->function = function;
    frame->globals = globals;
    frame->builtins = builtins;
    frame->locals = locals;
    frame->previous = nullptr;
    frame->instr = code->instructions;
    frame->resume_at = 0;
    frame->is_entry = false;
    frame->in_generator = false;
    frame->is_init = false;
    frame->resumed_by_for = false;
    frame->resumed_by_call = false;
    frame->return_target = 0;
    frame->generator = nullptr;
    std::memset(frame->localsplus(), 0, static_cast<size_t>(code->nlocalsplus) * sizeof(Object*));
    frame->stack_top = frame->stack_base();
    return frame;
}

Frame* frame_init_generator(void* memory, Object* function, Object* generator) {
    auto* func = static_cast<Function*>(function);
    auto* frame = frame_init(memory, func->code, nullptr, func->globals, func->builtins, nullptr);
    incref(function);
    frame->function = function;
    frame->in_generator = true;
    frame->generator = generator;
    return frame;
}

void frame_clear(Frame* frame) {
    frame_clear_values(frame);
    xdecref(frame->locals);
    if (frame->function && !frame->in_generator) {
        decref(frame->function);
        return;
    }
    xdecref(frame->function);
    decref(frame->globals);
    decref(frame->builtins);
    decref(frame->code);
}

} // namespace minipy::vm
