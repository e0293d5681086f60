// ThreadState: the current exception and the recursion guard. Invariants are in vm/thread_state.h.
#include "vm/thread_state.h"

#include <cstdlib>

#include "vm/vm.h"

namespace minipy::vm {

ThreadState::~ThreadState() {
    clear_exception();
    std::free(m_repr_stack);
}

void ThreadState::set_exception(Ref<Object> exception) {
    Object* old = m_exception;
    m_exception = exception.release();
    xdecref(old);
}

Ref<Object> ThreadState::fetch_exception() {
    Object* exception = m_exception;
    m_exception = nullptr;
    return Ref<Object>::steal(exception);
}

void ThreadState::clear_exception() {
    Object* old = m_exception;
    m_exception = nullptr;
    xdecref(old);
}

Status ThreadState::enter_recursive_call(const char* where) {
    if (m_recursion_depth >= m_recursion_limit) {
        // A margin of 50 lets the RecursionError itself be built (as CPython's overflow headroom).
        if (m_recursion_depth >= m_recursion_limit + 50)
            return raise_memory_error(m_vm);
        ++m_recursion_depth;
        (void)raise_recursion_error(m_vm, "maximum recursion depth exceeded", where);
        --m_recursion_depth;
        return Status::error;
    }
    ++m_recursion_depth;
    return Status::ok;
}

int ThreadState::repr_enter(Object* object) {
    for (size_t i = 0; i < m_repr_size; ++i) {
        if (m_repr_stack[i] == object)
            return 1;
    }
    if (m_repr_size == m_repr_capacity) {
        size_t capacity = m_repr_capacity ? m_repr_capacity * 2 : 16;
        auto* grown = static_cast<Object**>(std::realloc(m_repr_stack, capacity * sizeof(Object*)));
        if (!grown) {
            (void)raise_memory_error(m_vm);
            return -1;
        }
        m_repr_stack = grown;
        m_repr_capacity = capacity;
    }
    m_repr_stack[m_repr_size++] = object;
    return 0;
}

void ThreadState::repr_leave(Object* object) {
    // Usually the top; search downwards in case an error unwound out of order.
    for (size_t i = m_repr_size; i > 0; --i) {
        if (m_repr_stack[i - 1] == object) {
            for (size_t j = i - 1; j + 1 < m_repr_size; ++j)
                m_repr_stack[j] = m_repr_stack[j + 1];
            --m_repr_size;
            return;
        }
    }
}

} // namespace minipy::vm
