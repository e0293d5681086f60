// Raising Python exceptions from C++ (STYLE.md §4: errors are values), the BaseException instance
// layout, and the CPython 3.11 built-in exception hierarchy, created per VM.
//
// Invariants:
//  - a raise_* helper stores a new exception instance on the current ThreadState and returns
//  Raised,
//    which converts to a null Ref<T> or Status::error, so `return raise_type_error(vm, ...);` works
//    in any fallible function;
//  - raising never fails: if the exception instance cannot be allocated, the VM's preallocated
//    MemoryError instance is raised instead;
//  - every built-in exception class exists once per VM with CPython's name and bases
//    (ExceptionGroup has two bases: BaseExceptionGroup, Exception).
#pragma once

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

// The result of a function that returns nothing but may raise.
enum class [[nodiscard]] Status : uint8_t{error = 0, ok = 1};
inline bool is_ok(Status status) {
    return status == Status::ok;
}

// Returned by the raise helpers: converts to a null Ref<T> or Status::error.
struct Raised {
    template <class T> operator Ref<T>() const { return nullptr; }
    operator Status() const { return Status::error; }
};

// name, layout base: the built-in exception classes in CPython 3.11's order (bases come first).
#define MINIPY_EXCEPTION_TYPES(X)                                                                  \
    X(BaseException, object)                                                                       \
    X(BaseExceptionGroup, BaseException)                                                           \
    X(Exception, BaseException)                                                                    \
    X(GeneratorExit, BaseException)                                                                \
    X(KeyboardInterrupt, BaseException)                                                            \
    X(SystemExit, BaseException)                                                                   \
    X(ArithmeticError, Exception)                                                                  \
    X(AssertionError, Exception)                                                                   \
    X(AttributeError, Exception)                                                                   \
    X(BufferError, Exception)                                                                      \
    X(EOFError, Exception)                                                                         \
    X(ImportError, Exception)                                                                      \
    X(LookupError, Exception)                                                                      \
    X(MemoryError, Exception)                                                                      \
    X(NameError, Exception)                                                                        \
    X(OSError, Exception)                                                                          \
    X(ReferenceError, Exception)                                                                   \
    X(RuntimeError, Exception)                                                                     \
    X(StopAsyncIteration, Exception)                                                               \
    X(StopIteration, Exception)                                                                    \
    X(SyntaxError, Exception)                                                                      \
    X(SystemError, Exception)                                                                      \
    X(TypeError, Exception)                                                                        \
    X(ValueError, Exception)                                                                       \
    X(Warning, Exception)                                                                          \
    X(FloatingPointError, ArithmeticError)                                                         \
    X(OverflowError, ArithmeticError)                                                              \
    X(ZeroDivisionError, ArithmeticError)                                                          \
    X(BytesWarning, Warning)                                                                       \
    X(DeprecationWarning, Warning)                                                                 \
    X(EncodingWarning, Warning)                                                                    \
    X(FutureWarning, Warning)                                                                      \
    X(ImportWarning, Warning)                                                                      \
    X(PendingDeprecationWarning, Warning)                                                          \
    X(ResourceWarning, Warning)                                                                    \
    X(RuntimeWarning, Warning)                                                                     \
    X(SyntaxWarning, Warning)                                                                      \
    X(UnicodeWarning, Warning)                                                                     \
    X(UserWarning, Warning)                                                                        \
    X(BlockingIOError, OSError)                                                                    \
    X(ChildProcessError, OSError)                                                                  \
    X(ConnectionError, OSError)                                                                    \
    X(FileExistsError, OSError)                                                                    \
    X(FileNotFoundError, OSError)                                                                  \
    X(InterruptedError, OSError)                                                                   \
    X(IsADirectoryError, OSError)                                                                  \
    X(NotADirectoryError, OSError)                                                                 \
    X(PermissionError, OSError)                                                                    \
    X(ProcessLookupError, OSError)                                                                 \
    X(TimeoutError, OSError)                                                                       \
    X(IndentationError, SyntaxError)                                                               \
    X(IndexError, LookupError)                                                                     \
    X(KeyError, LookupError)                                                                       \
    X(ModuleNotFoundError, ImportError)                                                            \
    X(NotImplementedError, RuntimeError)                                                           \
    X(RecursionError, RuntimeError)                                                                \
    X(UnboundLocalError, NameError)                                                                \
    X(UnicodeError, ValueError)                                                                    \
    X(BrokenPipeError, ConnectionError)                                                            \
    X(ConnectionAbortedError, ConnectionError)                                                     \
    X(ConnectionRefusedError, ConnectionError)                                                     \
    X(ConnectionResetError, ConnectionError)                                                       \
    X(TabError, IndentationError)                                                                  \
    X(UnicodeDecodeError, UnicodeError)                                                            \
    X(UnicodeEncodeError, UnicodeError)                                                            \
    X(UnicodeTranslateError, UnicodeError)                                                         \
    X(ExceptionGroup, BaseExceptionGroup)

// The VM's exception classes, one field per name (owned by the VM).
struct ExceptionTypes {
#define MINIPY_X(name, base) Type* name;
    MINIPY_EXCEPTION_TYPES(MINIPY_X)
#undef MINIPY_X
};

// A BaseException instance (every built-in exception class uses this layout; subclass-specific
// attributes such as OSError.errno live in `dict` until they get fields of their own).
struct BaseExceptionObject : Object {
    Object* args;      // tuple (owned)
    Object* notes;     // list or null (__notes__)
    Object* traceback; // or null
    Object* context;   // or null (__context__)
    Object* cause;     // or null (__cause__)
    Object* dict;      // or null
    bool suppress_context;
};

// Creates the exception classes of a fresh VM (once, from VM::create). False on OOM.
bool init_exception_types(VM& vm);
// Creates an instance of `type` (an exception class) with the given args tuple (borrowed).
// Raises MemoryError.
[[nodiscard]] Ref<Object> exception_new(VM& vm, Type* type, Object* args);
// True when `object` is an instance of BaseException or a subclass.
bool is_exception_instance(const Object* object);
// True when the exception instance's class is `type` or a subclass of it.
bool exception_matches(const Object* exception, const Type* type);

// ====== Raising

// Sets `exception` (an instance, borrowed) as the current exception.
Raised raise_object(VM& vm, Object* exception);
// Raises type(message).
Raised raise_message(VM& vm, Type* type, std::string_view message);
// Raises type() with no arguments (as `raise StopIteration`).
Raised raise_no_args(VM& vm, Type* type);
// Raises type(value), value borrowed (as KeyError(key)).
Raised raise_with_value(VM& vm, Type* type, Object* value);
// Raises the VM's preallocated MemoryError.
Raised raise_memory_error(VM& vm);

namespace detail {
inline void append_part(std::string& out, std::string_view text) {
    out.append(text);
}
inline void append_part(std::string& out, const char* text) {
    out.append(text);
}
inline void append_part(std::string& out, const std::string& text) {
    out.append(text);
}
inline void append_part(std::string& out, char c) {
    out.push_back(c);
}
template <std::integral T>
requires(!std::same_as<T, char>) void append_part(std::string& out, T value) {
    out.append(std::to_string(value));
}
template <class... Parts> std::string concat(const Parts&... parts) {
    std::string out;
    (append_part(out, parts), ...);
    return out;
}
Type* exception_type(VM& vm, Type* ExceptionTypes::*member);
} // namespace detail

// raise_<name>(vm, parts...): raises <name>(concatenation of parts). Parts are text or integers.
#define MINIPY_DEFINE_RAISE(helper, name)                                                          \
    template <class... Parts> Raised helper(VM& vm, const Parts&... parts) {                       \
        return raise_message(vm, detail::exception_type(vm, &ExceptionTypes::name),                \
                             detail::concat(parts...));                                            \
    }
MINIPY_DEFINE_RAISE(raise_type_error, TypeError)
MINIPY_DEFINE_RAISE(raise_value_error, ValueError)
MINIPY_DEFINE_RAISE(raise_index_error, IndexError)
MINIPY_DEFINE_RAISE(raise_overflow_error, OverflowError)
MINIPY_DEFINE_RAISE(raise_zero_division_error, ZeroDivisionError)
MINIPY_DEFINE_RAISE(raise_attribute_error, AttributeError)
MINIPY_DEFINE_RAISE(raise_runtime_error, RuntimeError)
MINIPY_DEFINE_RAISE(raise_recursion_error, RecursionError)
MINIPY_DEFINE_RAISE(raise_system_error, SystemError)
MINIPY_DEFINE_RAISE(raise_unicode_error, UnicodeError)
#undef MINIPY_DEFINE_RAISE

// Raises KeyError(key), key borrowed.
Raised raise_key_error(VM& vm, Object* key);

} // namespace minipy::vm
