// Frames and the per-thread frame stack. Invariants are in vm/frame.h.
#include "vm/frame.h"

#include <cstdlib>
#include <cstring>
#include <utility>

#include "gc/alloc.h"
#include "vm/code.h"

namespace minipy::vm {
namespace {
constexpr size_t chunk_slots = 64 * 1024;
constexpr size_t header_slots = (sizeof(Frame) + sizeof(Object*) - 1) / sizeof(Object*);
} // namespace

Object** Frame::stack_base() {
    return localsplus() + code->nlocalsplus;
}

int Frame::line() const {
    int line = code_line(code, instruction);
    return line < 0 ? code->first_line : line;
}

size_t frame_slot_count(const Code* code) {
    return header_slots + static_cast<size_t>(code->nlocalsplus) +
           static_cast<size_t>(code->stacksize) + 1;
}

FrameStack::~FrameStack() {
    for (Chunk& chunk : m_chunks)
        gc::mem_free(chunk.base);
}

void* FrameStack::push(size_t slots) {
    while (m_current < m_chunks.size()) {
        Chunk& chunk = m_chunks[m_current];
        if (chunk.capacity - chunk.used >= slots) {
            void* block = chunk.base + chunk.used;
            chunk.used += slots;
            return block;
        }
        if (chunk.used == 0)
            break; // too small even when empty: allocate a bigger one below
        ++m_current;
    }
    size_t capacity = slots > chunk_slots ? slots : chunk_slots;
    auto* base = static_cast<Object**>(gc::mem_alloc(capacity * sizeof(Object*)));
    if (!base)
        return nullptr;
    Chunk chunk{base, capacity, slots};
    if (m_current < m_chunks.size()) {
        gc::mem_free(m_chunks[m_current].base);
        m_chunks[m_current] = chunk;
    } else {
        try {
            m_chunks.push_back(chunk);
        } catch (...) {
            gc::mem_free(base);
            return nullptr;
        }
        m_current = m_chunks.size() - 1;
    }
    return base;
}

void FrameStack::pop(void* block) {
    auto* slot = static_cast<Object**>(block);
    for (;;) {
        Chunk& chunk = m_chunks[m_current];
        if (slot >= chunk.base && slot < chunk.base + chunk.capacity) {
            chunk.used = static_cast<size_t>(slot - chunk.base);
            return;
        }
        chunk.used = 0;
        --m_current;
    }
}

Frame* frame_init(void* memory, Code* code, Object* function, Object* globals, Object* builtins,
                  Object* locals) {
    auto* frame = static_cast<Frame*>(memory);
    incref(code);
    xincref(function);
    incref(globals);
    incref(builtins);
    xincref(locals);
    frame->code = code;
    frame->function = function;
    frame->globals = globals;
    frame->builtins = builtins;
    frame->locals = locals;
    frame->previous = nullptr;
    frame->instruction = 0;
    frame->resume_at = 0;
    frame->is_entry = false;
    frame->in_generator = false;
    std::memset(frame->localsplus(), 0, static_cast<size_t>(code->nlocalsplus) * sizeof(Object*));
    frame->stack_top = frame->stack_base();
    return frame;
}

void frame_clear(Frame* frame) {
    Object** slots = frame->localsplus();
    for (int32_t i = 0; i < frame->code->nlocalsplus; ++i)
        xdecref(std::exchange(slots[i], nullptr));
    for (Object** p = frame->stack_base(); p < frame->stack_top; ++p)
        xdecref(*p);
    frame->stack_top = frame->stack_base();
    xdecref(frame->function);
    decref(frame->globals);
    decref(frame->builtins);
    xdecref(frame->locals);
    decref(frame->code);
}

} // namespace minipy::vm
