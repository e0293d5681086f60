// Callables the eval loop makes and calls: Python functions, closure cells, bound methods and
// built-in functions, plus the generic call entry point.
//
// Invariants:
//  - a Function owns its code, globals, builtins, name, qualname and the optional defaults (tuple),
//    kwdefaults (dict), closure (tuple of cells), annotations, doc and dict;
//  - a Cell holds one owned reference or null (empty);
//  - a BoundMethod owns its function and self; calling it prepends self to the arguments;
//  - a BuiltinFunction calls a C++ function with the vectorcall shape; `self` (owned, may be null)
//    is passed as the receiver, as for D's MethodDef tables.
#pragma once

#include <string_view>

#include "gc/ref.h"
#include "vm/code.h"
#include "vm/errors.h"
#include "vm/object.h"
#include "vm/type.h"

namespace minipy::vm {

class Runtime;
struct Frame;

struct Function : Object {
    Code* code;
    Object* globals;
    Object* builtins;
    Object* name;
    Object* qualname;
    Object* module;
    Object* defaults;    // tuple or null
    Object* kwdefaults;  // dict or null
    Object* closure;     // tuple of cells or null
    Object* annotations; // dict or null
    Object* doc;         // or null (None)
    Object* dict;        // or null
};

struct Cell : Object {
    Object* contents; // null: empty
};

struct BoundMethod : Object {
    Object* function;
    Object* self;
};

struct BuiltinFunction : Object {
    const MethodDef* def; // static table entry
    Object* self;         // receiver (owned) or null
    Object* module;       // module name (owned) or null
    Type* owner;          // for an unbound method of a built-in type: that type (borrowed)
};

bool is_function(const Runtime& runtime, const Object* object);
inline bool is_cell(const Object* object, const Type* cell_type) {
    return object->type == cell_type;
}

// Makes a function of `code` with the given globals (borrowed). Raises MemoryError.
[[nodiscard]] Ref<Object> function_new(Runtime& runtime, Code* code, Object* globals,
                                       Object* qualname);
[[nodiscard]] Ref<Object> cell_new(Runtime& runtime, Object* contents);
[[nodiscard]] Ref<Object> method_new(Runtime& runtime, Object* function, Object* self);
// A built-in function or method for `def` (static), bound to `self` (borrowed, may be null).
[[nodiscard]] Ref<Object> builtin_function_new(Runtime& runtime, const MethodDef* def,
                                               Object* self);

// Fills the frame's localsplus from vectorcall-shaped arguments (args borrowed; kwnames a tuple of
// str or null) following the signature of func. Raises TypeError with CPython's messages.
[[nodiscard]] Status bind_arguments(Runtime& runtime, Function* func, Object** localsplus,
                                    Object* const* args, size_t nargs, Object* kwnames);

// Calls any callable with vectorcall-shaped arguments. Raises TypeError "'int' object is not
// callable" and whatever the call raises.
[[nodiscard]] Ref<Object> call_object(VM& vm, Object* callable, Object* const* args, size_t nargs,
                                      Object* kwnames = nullptr);
// Calls callable(*args_tuple, **kwargs_dict); kwargs may be null.
[[nodiscard]] Ref<Object> call_with_tuple(VM& vm, Object* callable, Object* args_tuple,
                                          Object* kwargs);
// The name of a callable for messages: "f()" / "C.m()".
std::string callable_display_name(Object* callable);

} // namespace minipy::vm
