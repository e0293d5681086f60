// Opcode helpers of the eval loop (vm/eval_ops.cpp): each is the body of one opcode that is too
// long to inline in the dispatch loop. Internal to vm/eval*.cpp. Stack arguments are borrowed
// unless a comment says otherwise; results are new references (null: raised).
#pragma once

#include "gc/ref.h"
#include "vm/errors.h"
#include "vm/frame.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;
struct Code;

// LOAD_NAME / LOAD_GLOBAL / LOAD_CLASSDEREF lookups. Raise NameError.
[[nodiscard]] Ref<Object> load_name(Runtime& rt, Frame* frame, Object* name);
[[nodiscard]] Ref<Object> load_global(Runtime& rt, Frame* frame, Object* name);
[[nodiscard]] Status store_name(Runtime& rt, Frame* frame, Object* name, Object* value);
[[nodiscard]] Status delete_name(Runtime& rt, Frame* frame, Object* name);
Raised raise_unbound_local(Runtime& rt, Code* code, uint32_t index);
Raised raise_unbound_free(Runtime& rt, Code* code, uint32_t index);

// container[key] with slices for list, tuple, str and range.
[[nodiscard]] Ref<Object> subscript(Runtime& rt, Object* container, Object* key);
[[nodiscard]] Status store_subscript(Runtime& rt, Object* container, Object* key, Object* value);
[[nodiscard]] Ref<Object> compare(Runtime& rt, Object* left, Object* right, uint32_t op);
// BUILD_* bodies: take the items (owned) off the stack.
[[nodiscard]] Ref<Object> build_tuple(Runtime& rt, Object** items, uint32_t count);
[[nodiscard]] Ref<Object> build_list(Runtime& rt, Object** items, uint32_t count);
[[nodiscard]] Ref<Object> build_set(Runtime& rt, Object** items, uint32_t count);
[[nodiscard]] Ref<Object> build_map(Runtime& rt, Object** items, uint32_t count);
[[nodiscard]] Ref<Object> build_const_key_map(Runtime& rt, Object** items, uint32_t count);
[[nodiscard]] Ref<Object> build_string(Runtime& rt, Object** items, uint32_t count);
[[nodiscard]] Ref<Object> build_slice(Runtime& rt, Object** items, uint32_t count);
[[nodiscard]] Status dict_update_from(Runtime& rt, Object* dict, Object* mapping, bool merge,
                                      Object* callable);
[[nodiscard]] Status set_update_from(Runtime& rt, Object* set, Object* iterable);
// UNPACK_SEQUENCE / UNPACK_EX: write the items (new refs) so that the first item ends on top.
[[nodiscard]] Status unpack_sequence(Runtime& rt, Object* sequence, uint32_t count, Object** out);
[[nodiscard]] Status unpack_ex(Runtime& rt, Object* sequence, uint32_t before, uint32_t after,
                               Object** out);
[[nodiscard]] Ref<Object> format_value(Runtime& rt, Object* value, Object* spec, uint32_t flags);
// MAKE_FUNCTION: code and the optional items (owned, below it) in flag order.
[[nodiscard]] Ref<Object> make_function(Runtime& rt, Frame* frame, Object** items, uint32_t flags);
// CALL_FUNCTION_EX.
[[nodiscard]] Ref<Object> call_function_ex(Runtime& rt, Object* callable, Object* args,
                                           Object* kwargs);
// RAISE_VARARGS: sets the exception; always "fails".
Raised do_raise(Runtime& rt, Object* exception, Object* cause);
// CHECK_EXC_MATCH: 1, 0 or -1 (TypeError for a non-exception class).
int exception_match(Runtime& rt, Object* exception, Object* type);
// BEFORE_WITH: pushes bound __exit__ into *exit and returns __enter__().
[[nodiscard]] Ref<Object> before_with(Runtime& rt, Object* manager, Ref<Object>& exit);
// IMPORT_NAME / IMPORT_FROM / IMPORT_STAR.
[[nodiscard]] Ref<Object> import_name(Runtime& rt, Frame* frame, Object* name, Object* fromlist,
                                      Object* level);
[[nodiscard]] Ref<Object> import_from(Runtime& rt, Object* module, Object* name);
[[nodiscard]] Status import_star(Runtime& rt, Frame* frame, Object* module);
// The class body helpers: super() without arguments, locals(), globals().
[[nodiscard]] Ref<Object> frame_locals(Runtime& rt, Frame* frame);
// PRINT_EXPR: sys.displayhook (prints repr(value) unless None, sets builtins._).
[[nodiscard]] Status display_hook(Runtime& rt, Object* value);
// Adds a traceback entry for frame to the current exception and links __context__.
void record_exception(Runtime& rt, Frame* frame);
// Makes `handled` the __context__ of `exception` (unless they are one object), first cutting the
// chain of contexts below `handled` where it reaches `exception`, so no cycle forms.
void set_exception_context(Object* exception, Object* handled);

} // namespace minipy::vm
