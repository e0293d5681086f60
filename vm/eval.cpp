// THE eval loop: runs frames of Code objects. Python-to-Python calls push a frame on the thread's
// FrameStack and continue in the same loop (no native recursion), as CPython 3.11 does; returns pop
// it. Exceptions unwind through the code's exception table; a frame without a handler is popped and
// the caller's table is searched, until the entry frame returns null to its C++ caller.
//
// Dispatch uses computed goto (`&&label`, a GCC/Clang extension) when MINIPY_COMPUTED_GOTO is 1,
// else a switch. Each opcode stays short: longer bodies are helpers in vm/eval_ops.cpp.
//
// Invariants:
//  - between instructions, [stack_base, sp) holds owned references (NULL slots of calls may be
//    null);
//  - `frame->instr` is the instruction being run: dispatch stores it (CPython 3.11's prev_instr),
//    so errors and nested frames see it, and a case need not save it;
//  - the recursion depth counts every running Python frame (RecursionError at the limit).
#include "vm/eval.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "vm/code.h"
#include "vm/eval_helpers.h"
#include "vm/eval_ops.h"
#include "vm/exception_groups.h"
#include "vm/frame.h"
#include "vm/frame_inline.h"
#include "vm/generator.h"
#include "vm/gil.h"
#include "vm/inline_cache.h"
#include "vm/opcodes.h"
#include "vm/runtime.h"
#include "vm/signals.h"
#include "vm/superinstructions.h"
#include "vm/traceback.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/instance_values.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/number_fast.h"
#include "vm/types/range.h"
#include "vm/types/set.h"
#include "vm/types/str.h"
#include "vm/types/str_kind.h"
#include "vm/types/tuple.h"

#if !defined(MINIPY_COMPUTED_GOTO)
#if defined(__GNUC__) || defined(__clang__)
#define MINIPY_COMPUTED_GOTO 1
#else
#define MINIPY_COMPUTED_GOTO 0
#endif
#endif

#if MINIPY_COMPUTED_GOTO && defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpedantic"
#endif

namespace minipy::vm {
namespace {

constexpr uint32_t code_is_generator =
    compiler::code_generator | compiler::code_coroutine | compiler::code_async_generator;

// ====== Arithmetic and comparison fast paths (CPython 3.11's BINARY_OP_ADD_INT/_FLOAT,
// COMPARE_OP_INT_JUMP/_FLOAT_JUMP, without the specialisation: a type test is as cheap here)

// Whether `operand`, which the stack holds, dies with the operation: a temporary only the stack
// holds, as `x * 0.5` in `x * 0.5 + y`, or (for the left operand) a value whose only other
// reference is the local that the next instruction (STORE_FAST) overwrites with the result, as in
// `t += i`. Nothing can see such an object after the operation, so a result of its exact type
// (float, or an int outside the small-int pool) is written into it instead of allocating.
[[gnu::always_inline]] inline bool dies_with_operation(const Object* operand, uint32_t next_word,
                                                       Object* const* localsplus) {
    if (operand->refcount == 1)
        return true;
    return operand->refcount == 2 && is_store_fast(next_word) &&
           localsplus[next_word >> 8] == operand;
}

// The value that the next instruction (STORE_FAST) overwrites with the result, when it is an
// object of exact type `type` that only that local holds (so it is not an operand on the stack):
// the result may be written into it, and the store then puts the same object back, as in
// `dx = b1[0] - b2[0]` run in a loop. Null otherwise.
Object* overwritten_local(uint32_t next_word, Object* const* localsplus, const Type* type) {
    if (!is_store_fast(next_word))
        return nullptr;
    Object* old = localsplus[next_word >> 8];
    return old && old->type == type && old->refcount == 1 ? old : nullptr;
}

// The value of an exact float, or of an exact machine-word int whose conversion is exact
// (|v| <= 2**53, so mixed arithmetic rounds once, as CPython's); false otherwise.
bool exact_double(const Object* object, const BuiltinTypes& types, double& out) {
    constexpr int64_t exact_limit = int64_t{1} << 53;
    if (object->type == types.float_) {
        out = float_value(object);
        return true;
    }
    if (object->type != types.int_)
        return false;
    const Int* value = static_cast<const Int*>(object);
    if (value->is_big() || value->small > exact_limit || value->small < -exact_limit)
        return false;
    out = static_cast<double>(value->small);
    return true;
}

// Drops the stack's reference to an operand exact_double accepted (the type is only looked at
// when it dies: most operands are locals or constants that live on).
[[gnu::always_inline]] inline void release_number(VM& vm, Object* operand) {
    if (--operand->refcount == 0) [[unlikely]]
        number_free(vm, operand,
                    operand->type == vm.types().float_ ? vm.free_lists().floats()
                                                       : vm.free_lists().ints());
}

// The death of a value a local let go of (STORE_FAST; its count reached zero): an exact float or
// machine-word int straight onto its free list (as number_free), anything else through
// dealloc_object. Out of line: the loop only pays for the test of the count.
[[gnu::noinline]] void free_dropped_local(VM& vm, Object* object) {
    Type* type = object->type;
    if (type == vm.types().float_)
        number_free(vm, object, vm.free_lists().floats());
    else if (type == vm.types().int_ && !static_cast<Int*>(object)->is_big())
        number_free(vm, object, vm.free_lists().ints());
    else
        gc::dealloc_object(object);
}

// decref of a value the loop drops, an exact float freed inline (a list item replaced by
// STORE_SUBSCR, as in `b[3] -= dx * m`).
[[gnu::always_inline]] inline void drop_value(VM& vm, Object* object) {
    if (--object->refcount != 0)
        return;
    if (object->type == vm.types().float_)
        number_free(vm, object, vm.free_lists().floats());
    else
        gc::dealloc_object(object);
}

// Float arithmetic for exact_double operands (one of them a float) of values a and b. The result
// (a new reference that replaces both operands' stack references, which it consumes), or null
// when the generic path must run (nothing consumed): division by zero, a power the fast path does
// not cover, out-of-memory.
[[gnu::always_inline]] inline Object* float_binary(VM& vm, Object* left, Object* right, double a,
                                                   double b, BinaryOpArg op, uint32_t next_word,
                                                   Object* const* localsplus) {
    BuiltinTypes& types = vm.types();
    double result = 0.0;
    switch (op) {
    case BinaryOpArg::Add:
    case BinaryOpArg::InplaceAdd:
        result = a + b;
        break;
    case BinaryOpArg::Subtract:
    case BinaryOpArg::InplaceSubtract:
        result = a - b;
        break;
    case BinaryOpArg::Multiply:
    case BinaryOpArg::InplaceMultiply:
        result = a * b;
        break;
    case BinaryOpArg::TrueDivide:
    case BinaryOpArg::InplaceTrueDivide:
        if (b == 0.0)
            return nullptr;
        result = a / b;
        break;
    case BinaryOpArg::Power:
    case BinaryOpArg::InplacePower:
        // float_pow's plain case: a positive finite base, a finite exponent, a finite result
        // (the rest raises or has special cases: the generic path).
        if (!(a > 0.0) || !std::isfinite(a) || !std::isfinite(b))
            return nullptr;
        result = std::pow(a, b);
        if (!std::isfinite(result))
            return nullptr;
        break;
    default:
        return nullptr;
    }
    Object* target = nullptr;
    if (left->type == types.float_ && dies_with_operation(left, next_word, localsplus)) {
        target = left; // the stack's reference to left becomes the result's
        release_number(vm, right);
    } else if (right->type == types.float_ && right->refcount == 1) {
        target = right;
        release_number(vm, left);
    } else if ((target = overwritten_local(next_word, localsplus, types.float_))) {
        incref(target); // the store drops the local's reference
        release_number(vm, left);
        release_number(vm, right);
    } else {
        target = float_make(vm, result);
        if (!target)
            return nullptr;
        release_number(vm, left);
        release_number(vm, right);
        return target;
    }
    static_cast<Float*>(target)->value = result;
    return target;
}

// Machine-word int arithmetic; the contract of float_binary. Overflow, division by zero,
// negative shifts, powers and big operands take the generic path.
[[gnu::always_inline]] inline Object* int_binary(VM& vm, Object* left, Object* right,
                                                 BinaryOpArg op, uint32_t next_word,
                                                 Object* const* localsplus) {
    const Int* a = static_cast<const Int*>(left);
    const Int* b = static_cast<const Int*>(right);
    if (a->is_big() || b->is_big())
        return nullptr;
    int64_t x = a->small;
    int64_t y = b->small;
    int64_t result = 0;
    switch (op) {
    case BinaryOpArg::Add:
    case BinaryOpArg::InplaceAdd:
        if (__builtin_add_overflow(x, y, &result))
            return nullptr;
        break;
    case BinaryOpArg::Subtract:
    case BinaryOpArg::InplaceSubtract:
        if (__builtin_sub_overflow(x, y, &result))
            return nullptr;
        break;
    case BinaryOpArg::Multiply:
    case BinaryOpArg::InplaceMultiply:
        if (__builtin_mul_overflow(x, y, &result))
            return nullptr;
        break;
    case BinaryOpArg::Remainder:
    case BinaryOpArg::InplaceRemainder:
    case BinaryOpArg::FloorDivide:
    case BinaryOpArg::InplaceFloorDivide: {
        // Python's floor semantics: the remainder takes the divisor's sign.
        if (y == 0 || (y == -1 && x == INT64_MIN))
            return nullptr;
        int64_t quotient = x / y;
        int64_t remainder = x % y;
        if (remainder != 0 && ((remainder < 0) != (y < 0))) {
            remainder += y;
            --quotient;
        }
        result = op == BinaryOpArg::Remainder || op == BinaryOpArg::InplaceRemainder ? remainder
                                                                                     : quotient;
        break;
    }
    case BinaryOpArg::TrueDivide:
    case BinaryOpArg::InplaceTrueDivide: {
        // Both exact as doubles: one correctly rounded division, as CPython's fast path.
        constexpr int64_t exact_limit = int64_t{1} << 53;
        if (y == 0 || x > exact_limit || x < -exact_limit || y > exact_limit || y < -exact_limit)
            return nullptr;
        Object* quotient = float_make(vm, static_cast<double>(x) / static_cast<double>(y));
        if (!quotient)
            return nullptr;
        small_int_release(vm, left);
        small_int_release(vm, right);
        return quotient;
    }
    case BinaryOpArg::And:
    case BinaryOpArg::InplaceAnd:
        result = x & y;
        break;
    case BinaryOpArg::Or:
    case BinaryOpArg::InplaceOr:
        result = x | y;
        break;
    case BinaryOpArg::Xor:
    case BinaryOpArg::InplaceXor:
        result = x ^ y;
        break;
    case BinaryOpArg::Lshift:
    case BinaryOpArg::InplaceLshift:
        if (y < 0 || y >= 63 || __builtin_mul_overflow(x, int64_t{1} << y, &result))
            return nullptr;
        break;
    case BinaryOpArg::Rshift:
    case BinaryOpArg::InplaceRshift:
        if (y < 0)
            return nullptr;
        result = x >> (y > 63 ? 63 : y); // arithmetic shift: floor division by 2**y
        break;
    default:
        return nullptr;
    }
    if (result == int_big_marker) [[unlikely]]
        return nullptr; // held as an mpz: the generic path makes it
    Object* target = nullptr;
    if (vm.pools().small_int(result)) {
        // Pooled values keep their identity (`a + b is 5` as in CPython).
        target = int_make(vm, result);
    } else if (dies_with_operation(left, next_word, localsplus)) {
        target = left;
        static_cast<Int*>(target)->small = result;
        small_int_release(vm, right);
        return target;
    } else if (right->refcount == 1) {
        target = right;
        static_cast<Int*>(target)->small = result;
        small_int_release(vm, left);
        return target;
    } else if ((target = overwritten_local(next_word, localsplus, vm.types().int_)) &&
               !static_cast<Int*>(target)->is_big()) {
        incref(target); // the store drops the local's reference
        static_cast<Int*>(target)->small = result;
    } else {
        target = int_make(vm, result);
        if (!target)
            return nullptr;
    }
    small_int_release(vm, left);
    small_int_release(vm, right);
    return target;
}

// BINARY_OP's fast paths: exact floats with floats or exactly convertible ints, and machine-word
// ints with each other. The result consumes both operands' stack references; null (nothing
// consumed, no exception) when the generic protocol must run.
[[gnu::always_inline]] inline Object* fast_binary(VM& vm, Object* left, Object* right, uint32_t op,
                                                  uint32_t next_word, Object* const* localsplus) {
    BuiltinTypes& types = vm.types();
    Type* type = left->type;
    double a = 0.0;
    double b = 0.0;
    if (type == right->type) {
        if (type == types.int_)
            return int_binary(vm, left, right, static_cast<BinaryOpArg>(op), next_word, localsplus);
        if (type != types.float_)
            return nullptr;
        a = float_value(left);
        b = float_value(right);
    } else if (!exact_double(left, types, a) || !exact_double(right, types, b)) {
        return nullptr; // (two exact_double operands of different types: a float and an int)
    }
    return float_binary(vm, left, right, a, b, static_cast<BinaryOpArg>(op), next_word,
                        localsplus);
}

// FOR_ITER over an exact range iterator (CPython 3.12's FOR_ITER_RANGE), beyond it: the int of
// the loop variable that the next instruction (STORE_FAST) overwrites, when only that local holds
// it (refcount 1: no pooled int, which the pool holds too) and `value` is neither pooled (its
// identity counts: `i is 5`) nor the big marker. The value may be written into it and the store
// skipped: no allocation, no free. Null otherwise.
[[gnu::always_inline]] inline Int* reusable_loop_int(VM& vm, uint32_t next_word,
                                                     Object* const* localsplus, int64_t value) {
    if (!is_store_fast(next_word))
        return nullptr;
    auto* old = static_cast<Int*>(localsplus[next_word >> 8]);
    if (!old || old->type != vm.types().int_ || old->refcount != 1 || old->is_big() ||
        value == int_big_marker || vm.pools().small_int(value))
        return nullptr;
    return old;
}

// BINARY_OP `left + right` of two exact strs where left dies with the operation (CPython's
// unicode_concatenate): left grows in place instead of both being copied into a new str, so a
// loop of `s += piece` is linear. A local that the next STORE_FAST overwrites lets go of left
// first. The result takes the stack's reference to left; null (nothing else changed, except
// such a local then being empty) when the generic path must run.
Object* concat_in_place(VM& vm, Object* left, Object* right, uint32_t op, uint32_t next_word,
                        Object** localsplus) {
    auto kind = static_cast<BinaryOpArg>(op);
    Type* str_type = vm.types().str;
    if ((kind != BinaryOpArg::Add && kind != BinaryOpArg::InplaceAdd) || left->type != str_type ||
        right->type != str_type || left == right)
        return nullptr;
    const Str* s = static_cast<const Str*>(left);
    if (s->interned || s->size == 0 || static_cast<const Str*>(right)->kind > s->kind)
        return nullptr;
    if (left->refcount == 2 && is_store_fast(next_word) && localsplus[next_word >> 8] == left) {
        localsplus[next_word >> 8] = nullptr; // the store puts the result back
        --left->refcount;
    }
    if (left->refcount != 1)
        return nullptr;
    return str_append_in_place(vm, left, right);
}

// x <op> y for a COMPARE_OP argument; C's comparisons give Python's answers for machine ints and
// floats, NaN included (every ordering is False, != True). -1 for an unknown op.
template <class T> [[gnu::always_inline]] inline int compare_as(T x, T y, uint32_t op) {
    switch (static_cast<CompareOpArg>(op)) {
    case CompareOpArg::Lt:
        return x < y;
    case CompareOpArg::Le:
        return x <= y;
    case CompareOpArg::Eq:
        return x == y;
    case CompareOpArg::Ne:
        return x != y;
    case CompareOpArg::Gt:
        return x > y;
    case CompareOpArg::Ge:
        return x >= y;
    }
    return -1;
}

// fast_compare for two exact strs (a subclass's comparison methods decide for its instances):
// the bool, consuming both stack references; -1 for an unknown op. Out of line, so the number
// paths stay small enough to inline.
[[gnu::noinline]] int compare_strs(Object* left, Object* right, uint32_t op) {
    auto kind = static_cast<CompareOpArg>(op);
    int result = kind == CompareOpArg::Eq || kind == CompareOpArg::Ne
                     ? str_equal(left, right) == (kind == CompareOpArg::Eq)
                     : compare_as<int>(str_compare(left, right), 0, op);
    if (result >= 0) {
        decref(left);
        decref(right);
    }
    return result;
}

// COMPARE_OP fast path for two machine-word ints, or floats with floats or exactly convertible
// ints (an exact comparison, as CPython's float_richcompare): the bool, or -1 when it does not
// apply. Consumes the operands' stack references when it applies.
[[gnu::always_inline]] inline int fast_compare(VM& vm, Object* left, Object* right, uint32_t op) {
    BuiltinTypes& types = vm.types();
    Type* type = left->type;
    int result = -1;
    if (type == right->type) {
        if (type == types.int_) {
            const Int* a = static_cast<const Int*>(left);
            const Int* b = static_cast<const Int*>(right);
            if (a->is_big() || b->is_big())
                return -1;
            result = compare_as<int64_t>(a->small, b->small, op);
        } else if (type == types.float_) {
            result = compare_as<double>(float_value(left), float_value(right), op);
        } else if (type == types.str) {
            return compare_strs(left, right, op);
        } else {
            return -1;
        }
    } else {
        // A float and an int (two exact_double operands of different types).
        double a = 0.0;
        double b = 0.0;
        if (!exact_double(left, types, a) || !exact_double(right, types, b))
            return -1;
        result = compare_as<double>(a, b, op);
    }
    if (result >= 0) {
        release_number(vm, left);
        release_number(vm, right);
    }
    return result;
}

// LOAD_GLOBAL's cache hit, inline (the miss and the refill are cached_load_global's): the value
// cached for the frame's globals and builtins while both dicts still have the versions it was
// found at (vm/inline_cache.h), else null.
[[gnu::always_inline]] inline Object* global_cache_hit(const Frame* frame,
                                                       const GlobalCache& cache) {
    const auto* globals = static_cast<const Dict*>(frame->globals);
    const auto* builtins = static_cast<const Dict*>(frame->builtins);
    if (cache.globals == globals && cache.builtins == builtins &&
        cache.globals_version == globals->version && cache.builtins_version == builtins->version)
        return cache.value;
    return nullptr;
}

// LOAD_ATTR / STORE_ATTR's instance hit, one check of the key for both kinds (CPython 3.11's
// LOAD_ATTR_SLOT and LOAD_ATTR_INSTANCE_VALUE): the word that holds owner's attribute when the
// site's first way is, for owner's type, a `slot` entry (a __slots__ member) or an
// `instance_values` entry with a word for the name while owner keeps its values inline; else
// null. A null word is an unset attribute (the generic protocol reports it).
[[gnu::always_inline]] inline Object** instance_way_word(const AttrCache& cache, Object* owner) {
    if (cache.type != owner->type || cache.epoch != type_epoch())
        return nullptr;
    auto* at = reinterpret_cast<char*>(owner) + cache.dict_offset;
    if (cache.kind == AttrCacheKind::slot)
        return reinterpret_cast<Object**>(at);
    if (cache.kind != AttrCacheKind::instance_values || cache.position < 0 ||
        values_dict_word(owner))
        return nullptr;
    auto* values = reinterpret_cast<InstanceValues*>(at);
    return cache.position < values->capacity ? values_words(values) + cache.position : nullptr;
}

// LOAD_ATTR of a plain class attribute read on the class itself (`Vec.scale`): the value
// (borrowed from the class dict) when the site's first way is a class_value entry for owner.
[[gnu::always_inline]] inline Object* class_value_way(const AttrCache& cache, const Object* owner) {
    return cache.kind == AttrCacheKind::class_value && cache.type == owner &&
                   cache.epoch == type_epoch()
               ? cache.descriptor
               : nullptr;
}

// UNARY_NEGATIVE of an exact float or machine-word int: the result (a new reference), or null
// when the number protocol must run (other types, out-of-memory).
[[gnu::always_inline]] inline Object* fast_negative(VM& vm, Object* operand) {
    if (operand->type == vm.types().int_ && !static_cast<Int*>(operand)->is_big())
        return int_make(vm, -static_cast<Int*>(operand)->small); // is_big() covers INT64_MIN
    if (operand->type == vm.types().float_)
        return float_make(vm, -float_value(operand));
    return nullptr;
}

// Who pushes a frame: C++ code about to enter the loop (which grows the native stack), or the
// loop itself (a call the loop runs inline: the native stack stays where it is).
enum class Pusher { native, loop };

// The checks of every call of a Python function the loop runs, before its frame is pushed: the
// eval breaker's (CPython checks at RESUME), so a recursive program without loops offers the GIL
// and is interruptible too (a quarter of the callee's length counts as the instructions the call
// runs: most calls leave early, and its loops count their own), then the recursion guard (the
// depth alone for a frame the loop pushes: its native stack checks were made when it started).
template <Pusher pusher = Pusher::native>
[[gnu::always_inline]] inline Status enter_call(Runtime& rt, ThreadState& thread,
                                                const Code* code) {
    if (thread.count_instructions(static_cast<int32_t>(code->instruction_count / 4 + 1)) |
        signals_pending()) [[unlikely]] {
        if (!is_ok(eval_breaker(rt.vm())))
            return Status::error;
    }
    if constexpr (pusher == Pusher::loop) {
        if (thread.try_enter_recursive_depth(rt.vm().recursion_limit())) [[likely]]
            return Status::ok;
    } else if (thread.try_enter_recursive_call(rt.vm().recursion_limit())) [[likely]] {
        return Status::ok;
    }
    return thread.enter_recursive_call("");
}

// Pushes a frame for a Python function called from the loop, binding the arguments. Null when
// raised (RecursionError, TypeError, MemoryError).
Frame* push_function_frame(Runtime& rt, Function* func, Object* const* args, size_t nargs,
                           Object* kwnames) {
    ThreadState& thread = rt.vm().thread_state();
    Code* code = func->code;
    if (!is_ok(enter_call(rt, thread, code)))
        return nullptr;
    void* memory = rt.frames().push(frame_slots(code));
    if (!memory) {
        thread.leave_recursive_call();
        (void)raise_memory_error(rt.vm());
        return nullptr;
    }
    Frame* frame = frame_init_function(memory, func);
    std::fill_n(frame->localsplus(), code->nlocalsplus, nullptr);
    if (!is_ok(bind_arguments(rt, func, frame->localsplus(), args, nargs, kwnames))) {
        frame_clear_fast(frame);
        rt.frames().pop(memory);
        thread.leave_recursive_call();
        return nullptr;
    }
    return frame;
}

// BINARY_SUBSCR / STORE_SUBSCR fast path: the slot of list[i] (or tuple[i] when `tuples`) for an
// exact list or tuple and an in-range machine-word int index (negative counts from the end); null
// when it does not apply (the generic path then raises IndexError, TypeError, ...).
[[gnu::always_inline]] inline Object** fast_item_slot(VM& vm, Object* container, Object* key,
                                                      bool tuples) {
    if (key->type != vm.types().int_)
        return nullptr;
    // A big int holds int_big_marker (INT64_MIN) here: out of range below, as it should be.
    static_assert(int_big_marker == INT64_MIN);
    int64_t index = static_cast<Int*>(key)->small;
    Object** items = nullptr;
    intptr_t size = 0;
    if (container->type == vm.types().list) {
        items = list_items(container);
        size = list_size(container);
    } else if (tuples && container->type == vm.types().tuple) {
        items = const_cast<Object**>(tuple_items(container));
        size = tuple_size(container);
    } else {
        return nullptr;
    }
    if (index < 0)
        index += size;
    return static_cast<uint64_t>(index) < static_cast<uint64_t>(size) ? items + index : nullptr;
}

// DELETE_SUBSCR's `del list[i]` for an exact list and an in-range machine-word int index, when
// the list keeps its allocation (list_resize would not shrink it): the items above move down and
// the removed one is dropped last, as list_delete does. False (nothing done) otherwise.
[[gnu::always_inline]] inline bool delete_list_item_fast(VM& vm, Object* container, Object* key) {
    if (container->type != vm.types().list || key->type != vm.types().int_ ||
        static_cast<Int*>(key)->is_big())
        return false;
    auto* list = static_cast<List*>(container);
    int64_t index = static_cast<Int*>(key)->small;
    if (index < 0)
        index += list->size;
    if (index < 0 || index >= list->size || list->size - 1 < list->allocated / 2)
        return false;
    Object* removed = list->items[index];
    std::memmove(list->items + index, list->items + index + 1,
                 static_cast<size_t>(list->size - index - 1) * sizeof(Object*));
    --list->size;
    decref(removed);
    return true;
}

// BINARY_SUBSCR past fast_item_slot: an exact dict is looked up directly (no __missing__ hook
// exists on it), an exact ASCII/latin-1 str indexed in range by a machine-word int gives its pooled
// one-character str; everything else, errors included, runs subscript(). A new reference, null
// when raised.
[[gnu::always_inline]] inline Ref<Object> subscript_fast(Runtime& rt, Object* container,
                                                         Object* key) {
    BuiltinTypes& types = rt.vm().types();
    Type* type = container->type;
    if (type == types.dict)
        return dict_subscript(rt.vm(), container, key);
    if (type == types.str && key->type == types.int_ &&
        !static_cast<Int*>(key)->is_big() && static_cast<Str*>(container)->kind == 1) {
        int64_t index = static_cast<Int*>(key)->small;
        intptr_t size = str_length(container);
        if (index < 0)
            index += size;
        if (index >= 0 && index < size) {
            auto unit = static_cast<const uint8_t*>(str_data(static_cast<Str*>(container)))[index];
            if (Object* one = rt.vm().pools().latin1_char(unit))
                return Ref<Object>::borrow(one);
        }
    }
    return subscript(rt, container, key);
}

// CONTAINS_OP: `item in container` for an exact dict, set or str straight to their lookups, else
// object_contains_iter (the container's __contains__, then iteration). 1, 0, -1 when raised.
[[gnu::always_inline]] inline int contains_fast(VM& vm, Object* container, Object* item) {
    Type* type = container->type;
    if (type == vm.types().dict) {
        Object* value = nullptr;
        return dict_lookup(vm, container, item, &value);
    }
    if (type == vm.types().set || type == vm.types().frozenset)
        return set_contains_key(vm, container, item);
    if (type == vm.types().str && item->type == vm.types().str)
        return str_find(container, item, 0, str_length(container), false) >= 0;
    return object_contains_iter(vm, container, item);
}

// A call that binds positionally only: exactly argcount arguments, no keywords, no *args,
// **kwargs or keyword-only parameters (CPython 3.11's CALL_PY_EXACT_ARGS).
bool binds_exactly(const Code* code, size_t nargs) {
    return static_cast<size_t>(code->argcount) == nargs && code->kwonlyargcount == 0 &&
           !(code->flags & (compiler::code_varargs | compiler::code_varkeywords));
}

// push_function_frame for a call binds_exactly accepts: the `nargs` references at `args` move
// into the callee's locals (no increfs, no argument binding), and with TakesFunction the caller's
// reference to func into the frame. Null when raised; the argument references are dropped then
// (the function's stays the caller's).
template <bool TakesFunction = false, Pusher pusher = Pusher::native>
[[gnu::always_inline]] inline Frame* push_exact_frame(Runtime& rt, ThreadState& thread,
                                                      Function* func, Object** args, size_t nargs) {
    Code* code = func->code;
    if (is_ok(enter_call<pusher>(rt, thread, code))) [[likely]] {
        if (void* memory = rt.frames().push(frame_slots(code))) [[likely]] {
            Frame* frame = frame_init_function<TakesFunction>(memory, func);
            Object** locals = frame->localsplus();
            for (size_t i = 0; i < nargs; ++i)
                locals[i] = args[i];
            // The other locals, cells and free variables (one or two, as a rule): a plain loop,
            // which the empty asm keeps GCC from turning into a call of memset.
            Object** end = locals + code->nlocalsplus;
            for (Object** slot = locals + nargs; slot < end; ++slot) {
                *slot = nullptr;
                asm("" : "+r"(slot));
            }
            return frame;
        }
        thread.leave_recursive_call();
        (void)raise_memory_error(rt.vm());
    }
    for (size_t i = 0; i < nargs; ++i)
        decref(args[i]);
    return nullptr;
}

// Releases a frame the loop ran (its memory too, unless a generator owns it).
[[gnu::always_inline]] inline void pop_frame(Runtime& rt, ThreadState& thread, Frame* frame) {
    frame_clear_fast(frame);
    if (!frame->in_generator)
        rt.frames().pop(frame);
    thread.leave_recursive_call();
}

// Resumes `gen` (neither running nor finished) as a frame of the loop, for its caller's FOR_ITER
// or SEND: `sent` (a new reference, taken over; null for the first resume) goes on its stack. The
// frame, or null when raised (RecursionError): the generator is then finished, as when
// eval_resume fails. (The eval breaker is left to the loops: the caller's and the generator's.)
[[gnu::always_inline]] inline Frame* enter_generator(Runtime& rt, ThreadState& thread,
                                                     Generator* gen, Object* sent) {
    Frame* frame = gen->frame;
    gen->started = true;
    gen->running = true;
    if (!thread.try_enter_recursive_call(rt.vm().recursion_limit()) &&
        !is_ok(thread.enter_recursive_call(""))) [[unlikely]] {
        xdecref(sent);
        generator_finished(rt, gen, true);
        return nullptr;
    }
    frame->is_entry = false;
    frame->resumed_by_call = false;
    if (sent)
        *frame->stack_top++ = sent;
    rt.link_exc_info(&gen->exc_state); // the frame's exits unlink it
    return frame;
}

// CALL's gen.send(value) (LOAD_METHOD's [generator.send, gen, value] at `block`, owned
// references) for a started generator neither running nor finished: its frame, resumed in place
// with value on its stack, owning the stack's reference to gen (the yield or return gives it
// back); the callable is dropped, so the caller's stack ends at block. Null when raised
// (RecursionError): the block is dropped. Out of line: the loop's registers stay its own.
[[gnu::noinline]] Frame* enter_generator_send(Runtime& rt, ThreadState& thread, Object** block) {
    auto* gen = static_cast<Generator*>(block[1]);
    Frame* resumed = enter_generator(rt, thread, gen, block[2]);
    decref(block[0]);
    if (!resumed) {
        decref(gen);
        return nullptr;
    }
    resumed->resumed_by_call = true;
    return resumed;
}

// Whether CALL's callable and arguments are a gen.send(value) enter_generator_send runs.
[[gnu::always_inline]] inline bool is_inline_send(Runtime& rt, Object* callable,
                                                  Object* const* args, size_t nargs) {
    if (nargs != 2 || callable->type != rt.types().builtin_function ||
        args[0]->type != rt.types().generator || !is_generator_send(callable))
        return false;
    auto* gen = static_cast<Generator*>(args[0]);
    return gen->started && !gen->running && !gen->finished;
}

// The __init__ to run as a frame of the loop for `cls(...)`, when cls (an instance of exactly
// `type`) is a heap class of plain instances (solid base object, so its instances are made by
// object.__new__: instance_new) with no __new__ of its own and a Python __init__ that is no
// generator; null otherwise (type_call then does it all). Borrowed from the class dict.
Function* inline_init(Runtime& rt, Type* cls) {
    if (!is_heap_type(cls) || solid_base(cls) != rt.vm().types().object)
        return nullptr;
    // type_call's python_defined(__new__): a __new__ written in Python takes the generic path.
    if (Object* new_method = type_lookup(cls, rt.names().__new__)) {
        Type* kind = new_method->type;
        if (kind == rt.types().function || kind == rt.types().staticmethod ||
            kind == rt.types().classmethod || is_heap_type(kind))
            return nullptr;
    }
    Object* init = type_lookup(cls, rt.names().__init__);
    if (!init || init->type != rt.types().function ||
        (static_cast<Function*>(init)->code->flags & code_is_generator))
        return nullptr;
    return static_cast<Function*>(init);
}

// CALL's C(args) for a class inline_init accepts: makes the instance and pushes __init__'s frame.
// `block` is the call's [NULL, C, args...] up to `sp` (owned references): on return block[0]
// holds the instance (the call's result once __init__ returns None) and the rest was moved into
// the frame or dropped, so the caller's stack ends at block + 1; null when raised (then block[0]
// is null or the instance, both fine to drop). Out of line: the loop's registers stay its own.
[[gnu::noinline]] Frame* push_init_frame(Runtime& rt, ThreadState& thread, Function* init,
                                         Object** block, Object** sp, Object* kwnames) {
    Ref<Object> keep = Ref<Object>::borrow(init); // instance_new's collection may run code
    Object* instance = instance_new(rt.vm(), static_cast<Type*>(block[1])).release();
    if (!instance) {
        while (sp > block + 1)
            xdecref(*--sp);
        return nullptr;
    }
    // [NULL, C, args] -> [instance, instance, args]: block + 1 are the arguments of __init__,
    // self first. The instance holds C.
    block[0] = instance;
    incref(instance);
    decref(std::exchange(block[1], instance));
    auto nargs = static_cast<size_t>(sp - block) - 1;
    Frame* callee = nullptr;
    if (!kwnames && binds_exactly(init->code, nargs)) {
        callee = push_exact_frame<false, Pusher::loop>(rt, thread, init, block + 1, nargs);
    } else {
        callee = push_function_frame(rt, init, block + 1, nargs, kwnames);
        while (sp > block + 1)
            xdecref(*--sp);
    }
    if (callee)
        callee->is_init = true;
    return callee;
}

// Whether a call of `callable` can run as an inline frame of the loop.
bool is_inline_callable(Runtime& rt, Object* callable) {
    return callable->type == rt.types().function &&
           !(static_cast<Function*>(callable)->code->flags & code_is_generator);
}

Ref<Object> run(Runtime& rt, Frame* entry, Object* sent, bool throwing, bool* yielded);

} // namespace

// ====== Entry points

Ref<Object> eval_function(Runtime& rt, Function* func, Object* const* args, size_t nargs,
                          Object* kwnames) {
    if (func->code->flags & code_is_generator)
        return generator_from_call(rt, func, args, nargs, kwnames);
    Frame* frame = nullptr;
    if (!kwnames && binds_exactly(func->code, nargs)) {
        // The callee's locals take new references (push_exact_frame drops them if it fails).
        for (size_t i = 0; i < nargs; ++i)
            incref(args[i]);
        frame =
            push_exact_frame(rt, rt.vm().thread_state(), func, const_cast<Object**>(args), nargs);
    } else {
        frame = push_function_frame(rt, func, args, nargs, kwnames);
    }
    if (!frame)
        return nullptr;
    frame->is_entry = true;
    return run(rt, frame, nullptr, false, nullptr);
}

Ref<Object> eval_code(Runtime& rt, Code* code, Object* globals, Object* locals, Object* closure) {
    ThreadState& thread = rt.vm().thread_state();
    if (!is_ok(thread.enter_recursive_call("")))
        return nullptr;
    void* memory = rt.frames().push(frame_slots(code));
    if (!memory) {
        thread.leave_recursive_call();
        return raise_memory_error(rt.vm());
    }
    Object* builtins = nullptr;
    if (dict_lookup(rt.vm(), globals, rt.names().__builtins__, &builtins) < 0)
        builtins = nullptr;
    if (!builtins || !is_dict(builtins))
        builtins = rt.builtins();
    Frame* frame = frame_init(memory, code, nullptr, globals, builtins, locals);
    if (closure) {
        for (intptr_t i = 0; i < tuple_size(closure); ++i) {
            Object* cell = tuple_items(closure)[i];
            incref(cell);
            frame->localsplus()[code->nlocalsplus - tuple_size(closure) + i] = cell;
        }
    }
    frame->is_entry = true;
    return run(rt, frame, nullptr, false, nullptr);
}

Ref<Object> eval_resume(Runtime& rt, Frame* frame, Object* sent, bool throwing, bool* yielded) {
    ThreadState& thread = rt.vm().thread_state();
    if (!thread.try_enter_recursive_call(rt.vm().recursion_limit()) &&
        !is_ok(thread.enter_recursive_call("")))
        return nullptr;
    frame->is_entry = true;
    rt.link_exc_info(&static_cast<Generator*>(frame->generator)->exc_state); // run's exits unlink
    return run(rt, frame, sent, throwing, yielded);
}

namespace {

// ====== The loop

#define MINIPY_STACK_POP() (*--sp)
#define MINIPY_STACK_PUSH(v) (*sp++ = (v))
#define MINIPY_TOP() (sp[-1])
#define MINIPY_PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])
#define MINIPY_SKIP_CACHES(op) (next += cache_words(Opcode::op))
#define MINIPY_JUMP_TO(target) (next = first + (target))
// Dispatch stores the instruction in the frame (frame->instr) for errors and nested frames: the
// cases' saves are no-ops. (A separate `this_instr` variable cost a callee-saved register, which
// pushed `next` or `oparg` out of registers on every instruction.)
#define MINIPY_SAVE() ((void)0)
#define MINIPY_LOAD_FRAME()                                                                        \
    do {                                                                                           \
        first = frame->code->instructions;                                                         \
        consts = tuple_items(frame->code->consts);                                                 \
        names = tuple_items(frame->code->names);                                                   \
        sp = frame->stack_top;                                                                     \
        rt.set_current_frame(frame);                                                               \
    } while (0)

// Continues in `callee`, a frame this one called or resumed (pushed, with its arguments): this
// frame goes on at the next instruction when the callee returns or yields.
#define MINIPY_ENTER_FRAME(callee)                                                                 \
    do {                                                                                           \
        frame->stack_top = sp;                                                                     \
        frame->resume_at = static_cast<int32_t>(next - first);                                     \
        (callee)->previous = frame;                                                                \
        frame = (callee);                                                                          \
        MINIPY_LOAD_FRAME();                                                                       \
        next = first + frame->resume_at;                                                           \
    } while (0)

// A computed goto does not run the destructors of the scopes it leaves, so a case that may still
// hold a Ref dispatches through MINIPY_DISPATCH (a plain goto to `next_instruction`, which does);
// the hot cases that hold none use MINIPY_FAST_DISPATCH (threaded code).
#if MINIPY_COMPUTED_GOTO
#define MINIPY_TARGET(op) target_##op:
#define MINIPY_SUPER_TARGET(op) target_##op:
#define MINIPY_FAST_DISPATCH()                                                                     \
    do {                                                                                           \
        frame->instr = next;                                                                       \
        word = *next++;                                                                            \
        oparg = word >> 8;                                                                         \
        goto* dispatch_table[word & 0xFF];                                                         \
    } while (0)
#define MINIPY_DISPATCH() goto next_instruction
// A superinstruction's second half: the next word runs as `op`, the opcode it had before fusing
// (vm/superinstructions.h), reached by a direct jump instead of through the dispatch table.
#define MINIPY_CONTINUE_AS(op)                                                                     \
    do {                                                                                           \
        frame->instr = next;                                                                       \
        word = *next++;                                                                            \
        oparg = word >> 8;                                                                         \
        goto target_##op;                                                                          \
    } while (0)
#else
#define MINIPY_TARGET(op) case Opcode::op:
#define MINIPY_SUPER_TARGET(op) case static_cast<Opcode>(SuperOpcode::op):
#define MINIPY_FAST_DISPATCH() goto dispatch
#define MINIPY_DISPATCH() goto dispatch
#define MINIPY_CONTINUE_AS(op) goto dispatch
#endif

Ref<Object> run(Runtime& rt, Frame* entry, Object* sent, bool throwing, bool* yielded) {
    VM& vm = rt.vm();
    ThreadState& thread = vm.thread_state();
    Frame* frame = entry;
    frame->previous = rt.current_frame();
    uint32_t* first;
    Object* const* consts;
    Object* const* names;
    Object** sp;
    MINIPY_LOAD_FRAME();
    uint32_t* next = first + frame->resume_at;
    uint32_t word = 0;
    uint32_t oparg = 0;
    Object* kwnames = nullptr;
    Object* retval = nullptr;
    // Where exception_unwind looks for a handler: the instruction that raised (RERAISE may have
    // moved frame->instr, the reported line, to the original lasti).
    const uint32_t* unwind_from = nullptr;

#if MINIPY_COMPUTED_GOTO
    // code_from_unit checked that every opcode is below opcode_count; fuse_superinstructions
    // adds only the SuperOpcodes, which follow.
    static void* const dispatch_table[opcode_count + super_opcode_count] = {
#define MINIPY_OPCODE(name, operand, caches, effect) &&target_##name,
#define MINIPY_PSEUDO_OPCODE(name, operand, caches, effect)
#include "vm/opcodes.def"
#undef MINIPY_OPCODE
#undef MINIPY_PSEUDO_OPCODE
#define MINIPY_SUPER(name) &&target_##name,
        MINIPY_SUPER_OPCODES(MINIPY_SUPER)
#undef MINIPY_SUPER
    };
#endif

    if (yielded)
        *yielded = false;
    if (throwing) {
        // generator.throw() / close(): the exception's __context__ is the generator's own handled
        // exception (step() sets it), never its caller's (CPython's _PyErr_ChainStackItem).
        frame->instr = next - 1 >= first ? next - 1 : first;
        traceback_add(rt, thread.exception(), frame);
        unwind_from = frame->instr;
        goto exception_unwind;
    }
    if (sent)
        MINIPY_STACK_PUSH(Ref<Object>::borrow(sent).release());

#if MINIPY_COMPUTED_GOTO
next_instruction:
    MINIPY_FAST_DISPATCH();
#else
dispatch:
    frame->instr = next;
    word = *next++;
    oparg = word >> 8;
dispatch_word:
    switch (static_cast<Opcode>(word & 0xFF)) {
#endif

// The cases name the frame's locals `localsplus`: an address computed from `frame` at each use
// (one addressing mode), not a variable the compiler would keep in a register or spill.
#define localsplus (reinterpret_cast<Object**>(frame + 1))
#include "vm/eval_cases.inc"
#undef localsplus

#if !MINIPY_COMPUTED_GOTO
default:
    (void)raise_system_error(vm, "unknown opcode ", word & 0xFF);
    goto error;
}
#endif

error:
if (!thread.has_exception())
    (void)raise_system_error(vm, "error return without exception set");
record_exception(rt, frame);
unwind_from = frame->instr;

exception_unwind : for (;;) {
    // RERAISE may have moved frame->instruction (the reported line); handlers are found from
    // the instruction that raised, as CPython's exception_unwind does.
    const compiler::ExceptionTableEntry* handler =
        code_find_handler(frame->code, static_cast<int32_t>(unwind_from - first));
    if (handler) {
        Object** target_sp = frame->stack_base() + handler->depth;
        while (sp > target_sp)
            xdecref(MINIPY_STACK_POP());
        if (handler->push_lasti) {
            Ref<Object> lasti = int_from_i64(vm, frame->instruction());
            if (!lasti)
                goto error;
            MINIPY_STACK_PUSH(lasti.release());
        }
        MINIPY_STACK_PUSH(thread.fetch_exception().release());
        MINIPY_JUMP_TO(handler->target);
        MINIPY_DISPATCH();
    }
    frame->stack_top = sp;
    traceback_frame_exit(rt, frame); // tb_frame.f_locals outlives the frame
    Frame* caller = frame->previous;
    bool was_entry = frame->is_entry;
    bool generator = frame->in_generator;
    if (generator && !was_entry) {
        // A generator resumed in place: it is finished, and its caller's FOR_ITER, SEND or
        // CALL of gen.send raises.
        auto* gen = static_cast<Generator*>(frame->generator);
        bool owned = frame->resumed_by_call;
        rt.unlink_exc_info(&gen->exc_state);
        generator_finished(rt, gen, true);
        thread.leave_recursive_call();
        frame = caller;
        MINIPY_LOAD_FRAME();
        unwind_from = frame->instr;
        record_exception(rt, frame);
        if (owned)
            decref(gen);
        continue;
    }
    if (generator) {
        rt.unlink_exc_info(&static_cast<Generator*>(frame->generator)->exc_state);
        rt.set_current_frame(caller);
        thread.leave_recursive_call();
        return nullptr;
    }
    pop_frame(rt, thread, frame);
    if (was_entry) {
        rt.set_current_frame(caller);
        return nullptr;
    }
    frame = caller;
    MINIPY_LOAD_FRAME();
    unwind_from = frame->instr;
    record_exception(rt, frame);
}

return_value :
// retval (owned) leaves the current frame.
{
    frame->stack_top = sp;
    Frame* caller = frame->previous;
    if (frame->in_generator) {
        if (!frame->is_entry)
            goto generator_return;
        rt.unlink_exc_info(&static_cast<Generator*>(frame->generator)->exc_state);
        rt.set_current_frame(caller);
        thread.leave_recursive_call();
        return Ref<Object>::steal(retval);
    }
    bool was_entry = frame->is_entry;
    bool was_init = frame->is_init;
    pop_frame(rt, thread, frame);
    if (was_entry) {
        rt.set_current_frame(caller);
        return Ref<Object>::steal(retval);
    }
    frame = caller;
    MINIPY_LOAD_FRAME();
    next = first + frame->resume_at;
    if (was_init) [[unlikely]] {
        // An instance creation's __init__ (CALL): the instance on the stack is the result, as
        // type_call's check (the error is the caller's, at its CALL).
        if (retval != vm.none()) {
            (void)raise_type_error(vm, "__init__() should return None, not '", retval->type->name,
                                   "'");
            decref(retval);
            goto error;
        }
        decref(retval);
        MINIPY_FAST_DISPATCH();
    }
    MINIPY_STACK_PUSH(retval);
    MINIPY_FAST_DISPATCH();
}

generator_return :
// A generator that FOR_ITER, SEND or CALL (gen.send) resumed in place returned retval (owned): it
// is finished, and its caller goes on as those instructions do when the generator is exhausted.
{
    bool for_loop = frame->resumed_by_for;
    bool by_call = frame->resumed_by_call;
    int32_t target = frame->return_target;
    Frame* resumer = frame->previous;
    auto* gen = static_cast<Generator*>(frame->generator);
    rt.unlink_exc_info(&gen->exc_state);
    generator_finished(rt, gen, false);
    thread.leave_recursive_call();
    frame = resumer;
    MINIPY_LOAD_FRAME();
    if (by_call) {
        // gen.send(value) raises StopIteration(retval) at the caller's CALL.
        next = first + frame->resume_at;
        (void)raise_generator_return(vm, retval);
        decref(retval);
        decref(gen);
        goto error;
    }
    MINIPY_JUMP_TO(target);
    if (for_loop) {
        decref(retval); // FOR_ITER: the loop ends, the iterator goes
        decref(MINIPY_STACK_POP());
    } else {
        Object* receiver = MINIPY_TOP(); // SEND: the value replaces the receiver
        MINIPY_TOP() = retval;
        decref(receiver);
    }
    MINIPY_DISPATCH();
}
}

} // namespace
} // namespace minipy::vm
