// ThreadState: the current exception and the recursion guard. Invariants are in vm/thread_state.h.
#include "vm/thread_state.h"

#include <pthread.h>

#include <cstdlib>

#include "gc/alloc.h"
#include "vm/vm.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MINIPY_LARGE_FRAMES 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define MINIPY_LARGE_FRAMES 1
#endif
#endif
#if !defined(MINIPY_LARGE_FRAMES)
#define MINIPY_LARGE_FRAMES 0
#endif

namespace minipy::vm {

ThreadState::~ThreadState() {
    clear_exception();
    gc::mem_free(m_repr_stack);
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

int ThreadState::recursion_limit() const {
    return m_vm.recursion_limit();
}

void ThreadState::set_recursion_limit(int limit) {
    (void)m_vm.set_recursion_limit(limit);
}

// The native stack: the thread's stack bounds from pthread_getattr_np, less a reserve for what
// runs after the guard refused (building the RecursionError, unwinding, printing a traceback). An
// ASan build's frames are several times larger, so its reserve is too.
uintptr_t ThreadState::native_stack_limit() {
    auto self = static_cast<unsigned long>(pthread_self());
    if (m_stack_limit != 0 && m_stack_thread == self)
        return m_stack_limit;
    uintptr_t low = 0;
    size_t size = 0;
    pthread_attr_t attributes;
    if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
        void* address = nullptr;
        if (pthread_attr_getstack(&attributes, &address, &size) == 0)
            low = reinterpret_cast<uintptr_t>(address);
        pthread_attr_destroy(&attributes);
    }
    if (low == 0 || size == 0) {
        // Unknown bounds: assume 1 MiB below the current frame (the smallest common default).
        size = size_t{1} << 20;
        low = reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) - size;
    }
#if MINIPY_LARGE_FRAMES
    size_t reserve = size / 3;
#else
    size_t reserve = size / 8;
#endif
    if (reserve < (size_t{64} << 10))
        reserve = size / 2;
    m_stack_limit = low + reserve;
    m_stack_span = low + size - m_stack_limit;
    m_stack_thread = self;
    return m_stack_limit;
}

Status ThreadState::check_native_stack(const char* where) {
    auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    if (here - m_stack_limit < m_stack_span) [[likely]]
        return Status::ok; // in this thread's safe range (see m_stack_span)
    if (m_raising_overflow || here >= native_stack_limit())
        return Status::ok;
    m_raising_overflow = true;
    (void)raise_recursion_error(m_vm, "maximum recursion depth exceeded", where);
    m_raising_overflow = false;
    return Status::error;
}

Status ThreadState::enter_recursive_call(const char* where) {
    int limit = m_vm.recursion_limit();
    if (try_enter_recursive_call(limit))
        return Status::ok;
    auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    if (m_recursion_depth >= limit || here < native_stack_limit()) {
        // While the RecursionError is built, the guard grants a margin of 50 levels (CPython's
        // overflow headroom); past it the stack is hopeless and MemoryError is raised.
        if (m_recursion_depth >= limit + 50)
            return raise_memory_error(m_vm);
        if (m_raising_overflow) {
            ++m_recursion_depth;
            return Status::ok;
        }
        m_raising_overflow = true;
        ++m_recursion_depth;
        (void)raise_recursion_error(m_vm, "maximum recursion depth exceeded", where);
        --m_recursion_depth;
        m_raising_overflow = false;
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
        auto* grown =
            static_cast<Object**>(gc::mem_realloc(m_repr_stack, capacity * sizeof(Object*)));
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
