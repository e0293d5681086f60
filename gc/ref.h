// Ref<T>: owns exactly one reference to a VM object (RAII), so early returns never leak. A null Ref
// returned by a fallible function means "an exception is set on the current ThreadState"
// (STYLE.md §4). The eval loop's value stack holds raw pointers for speed; everything else that
// keeps an object across a call that may free memory holds a Ref.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include "vm/object.h"

namespace minipy::gc {

template <class T> class [[nodiscard]] Ref {
public:
    Ref() = default;
    Ref(std::nullptr_t) {}
    // Takes over a reference the caller owns (a new object, or one returned by a *_new function).
    static Ref steal(T* object) { return Ref(object); }
    // Adds a reference to a borrowed pointer (may be null).
    static Ref borrow(T* object) {
        if (object)
            vm::incref(object);
        return Ref(object);
    }
    Ref(const Ref& other) : m_ptr(other.m_ptr) {
        if (m_ptr)
            vm::incref(m_ptr);
    }
    Ref(Ref&& other) noexcept : m_ptr(std::exchange(other.m_ptr, nullptr)) {}
    template <class U>
    requires std::is_convertible_v<U*, T*> Ref(Ref<U>&& other)
    noexcept : m_ptr(other.release()) {}
    Ref& operator=(Ref other) noexcept {
        std::swap(m_ptr, other.m_ptr);
        return *this;
    }
    ~Ref() {
        if (m_ptr)
            vm::decref(m_ptr);
    }

    T* get() const { return m_ptr; }
    T* operator->() const { return m_ptr; }
    T& operator*() const { return *m_ptr; }
    explicit operator bool() const { return m_ptr != nullptr; }
    // Gives the reference to the caller, who must drop it.
    [[nodiscard]] T* release() { return std::exchange(m_ptr, nullptr); }
    // Reinterprets the reference as another object struct; the caller has checked the type.
    template <class U> Ref<U> cast() && { return Ref<U>::steal(static_cast<U*>(release())); }

private:
    explicit Ref(T* object) : m_ptr(object) {}
    T* m_ptr = nullptr;
};

} // namespace minipy::gc

namespace minipy::vm {
using gc::Ref;
} // namespace minipy::vm
