// Generator objects: send, throw, close and iteration over a suspended frame (PEP 342, PEP 479).
// Invariants are in vm/generator.h.
#include <cstdlib>

#include "gc/alloc.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/eval_ops.h"
#include "vm/generator.h"
#include "vm/opcodes.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/weakref.h"

namespace minipy::vm {
namespace {

Generator* as_generator(Object* object) {
    return static_cast<Generator*>(object);
}

int generator_traverse(Object* self, VisitFn visit, void* arg) {
    Generator* gen = as_generator(self);
    for (Object* field : {gen->code, gen->exc_state.value}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    Frame* frame = gen->frame;
    if (!frame || gen->finished)
        return 0;
    for (Object* field : {static_cast<Object*>(frame->code), frame->function, frame->globals,
                          frame->builtins, frame->locals}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    for (int32_t i = 0; i < frame->code->nlocalsplus; ++i) {
        if (Object* value = frame->localsplus()[i]) {
            if (int result = visit(value, arg))
                return result;
        }
    }
    // A running generator's stack_top is only saved at calls and the eval breaker: its value
    // stack is not visited (its references then count as outside ones, which is safe).
    if (gen->running)
        return 0;
    for (Object** p = frame->stack_base(); p < frame->stack_top; ++p) {
        if (*p) {
            if (int result = visit(*p, arg))
                return result;
        }
    }
    return 0;
}

void finish(Generator* gen) {
    if (!gen->finished && gen->frame) {
        gen->finished = true;
        frame_clear(gen->frame);
    }
    // Left by a frame cleared while suspended in an except block (its exits have unlinked it).
    set_ref(gen->exc_state.value, nullptr);
}

void generator_clear(Object* self) {
    finish(as_generator(self));
}

// One step: runs the frame with `value` (or the pending exception when throwing).
Ref<Object> step(Runtime& rt, Generator* gen, Object* value, bool throwing, bool& returned) {
    VM& vm = rt.vm();
    returned = false;
    if (gen->running)
        return raise_value_error(vm, "generator already executing");
    if (gen->finished) {
        if (throwing)
            return nullptr;
        returned = true;
        return vm.new_none();
    }
    if (!gen->started && throwing) {
        // CPython raises before the body's first instruction, outside every try block.
        gen->started = true;
        finish(gen);
        return nullptr;
    }
    if (!gen->started && value && value != vm.none() && !throwing)
        return raise_type_error(vm, "can't send non-None value to a just-started generator");
    bool first = !gen->started;
    gen->started = true;
    gen->running = true;
    if (throwing && gen->exc_state.value) // as CPython's _PyErr_ChainStackItem
        set_exception_context(vm.thread_state().exception(), gen->exc_state.value);
    bool yielded = false;
    Ref<Object> result =
        eval_resume(rt, gen->frame, first || throwing ? nullptr : value, throwing, &yielded);
    if (yielded) {
        gen->running = false;
        return result;
    }
    generator_finished(rt, gen, !result);
    if (!result)
        return nullptr;
    returned = true;
    return result;
}

Raised raise_stop_iteration(VM& vm, Object* value) {
    return raise_generator_return(vm, value);
}

Ref<Object> generator_next(VM& vm, Object* self) {
    Generator* gen = as_generator(self);
    if (gen->started && !gen->running && !gen->finished) [[likely]] {
        // step()'s common case for next(), sum(genexpr), list(gen): resume with None.
        Runtime& rt = runtime_of(vm);
        gen->running = true;
        bool yielded = false;
        Ref<Object> result = eval_resume(rt, gen->frame, vm.none(), false, &yielded);
        if (yielded) [[likely]] {
            gen->running = false;
            return result;
        }
        generator_finished(rt, gen, !result);
        if (result && result.get() != vm.none())
            return raise_stop_iteration(vm, result.get());
        return nullptr; // raised, or exhausted without a value (no exception)
    }
    bool returned = false;
    Ref<Object> result = step(runtime_of(vm), as_generator(self), vm.none(), false, returned);
    if (returned) {
        if (result.get() != vm.none())
            return raise_stop_iteration(vm, result.get());
        return nullptr; // exhausted, no exception
    }
    return result;
}

Ref<Object> generator_send(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    bool returned = false;
    Ref<Object> result = step(runtime_of(vm), as_generator(self), args[0], false, returned);
    if (returned)
        return raise_stop_iteration(vm, result.get());
    return result;
}

// Sets the exception of a throw(type[, value[, tb]]) call on the thread.
Status set_thrown(VM& vm, Object* const* args, size_t nargs) {
    Object* kind = args[0];
    if (has_flag(kind->type, type_type_subclass) &&
        is_subtype(static_cast<Type*>(kind), vm.exceptions().BaseException)) {
        Object* value = nargs > 1 && args[1] != vm.none() ? args[1] : nullptr;
        if (value && is_exception_instance(value)) {
            (void)raise_object(vm, value);
            return Status::ok;
        }
        Ref<Object> instance =
            value ? call_object(vm, kind, &value, 1) : call_object(vm, kind, nullptr, 0);
        if (!instance)
            return Status::error;
        (void)raise_object(vm, instance.get());
        return Status::ok;
    }
    if (!is_exception_instance(kind))
        return raise_type_error(vm,
                                "exceptions must be classes or instances deriving from "
                                "BaseException, not ",
                                kind->type->name);
    (void)raise_object(vm, kind);
    return Status::ok;
}

// The delegate of a generator suspended inside `yield from` (borrowed), or null.
Object* yield_from_delegate(Generator* gen) {
    Frame* frame = gen->frame;
    if (!gen->started || gen->finished || gen->running || frame->stack_top <= frame->stack_base())
        return nullptr;
    uint32_t word = *frame->instr;
    if (instruction_opcode(word) != Opcode::YIELD_VALUE || instruction_operand(word) != 1)
        return nullptr;
    return frame->stack_top[-1];
}

// Resumes gen after its delegate finished with `value`: continues after the yield-from loop.
Ref<Object> resume_after_delegate(Runtime& rt, Generator* gen, Object* value, bool& returned) {
    Frame* frame = gen->frame;
    int32_t send_index = frame->instruction() - 1;
    uint32_t send = frame->code->instructions[send_index];
    incref(value);
    set_ref(frame->stack_top[-1], value);
    frame->resume_at = static_cast<int32_t>(instruction_operand(send));
    gen->running = true;
    bool yielded = false;
    Ref<Object> result = eval_resume(rt, frame, nullptr, false, &yielded);
    gen->running = false;
    returned = false;
    if (yielded)
        return result;
    finish(gen);
    returned = static_cast<bool>(result);
    return result;
}

Ref<Object> throw_step(Runtime& rt, Generator* gen, bool& returned);

// throw() into a generator suspended in `yield from`: the delegate gets the exception first
// (PEP 380), as CPython's _gen_throw.
Ref<Object> throw_into_delegate(Runtime& rt, Generator* gen, Object* delegate, bool& returned) {
    VM& vm = rt.vm();
    Ref<Object> keep = Ref<Object>::borrow(delegate);
    Ref<Object> result;
    bool delegate_returned = false;
    if (delegate->type == rt.types().generator) {
        result = throw_step(rt, as_generator(delegate), delegate_returned);
    } else {
        Ref<Object> exception = vm.thread_state().fetch_exception();
        Ref<Object> name = intern(vm, "throw");
        Ref<Object> method = name ? get_attr_optional(vm, delegate, name.get()) : nullptr;
        if (!method) {
            if (vm.thread_state().has_exception())
                return nullptr;
            vm.thread_state().set_exception(std::move(exception));
            return step(rt, gen, nullptr, true, returned);
        }
        Object* arg = exception.get();
        result = call_object(vm, method.get(), &arg, 1);
    }
    if (result && !delegate_returned)
        return result; // the delegate yielded: gen stays suspended in its yield from
    Ref<Object> value = std::move(result);
    if (!value) {
        Object* exception = vm.thread_state().exception();
        if (!exception || !exception_matches(exception, vm.exceptions().StopIteration)) {
            // The delegate raised: pop it and raise in gen at the yield from.
            set_ref(gen->frame->stack_top[-1], Ref<Object>::borrow(vm.none()).release());
            return step(rt, gen, nullptr, true, returned);
        }
        Ref<Object> stop = vm.thread_state().fetch_exception();
        Object* args = static_cast<BaseExceptionObject*>(stop.get())->args;
        value =
            Ref<Object>::borrow(args && tuple_size(args) > 0 ? tuple_items(args)[0] : vm.none());
    }
    return resume_after_delegate(rt, gen, value.get(), returned);
}

// Throws the pending exception into gen (delegating through yield from).
Ref<Object> throw_step(Runtime& rt, Generator* gen, bool& returned) {
    VM& vm = rt.vm();
    returned = false;
    Object* delegate = yield_from_delegate(gen);
    if (delegate &&
        !exception_matches(vm.thread_state().exception(), vm.exceptions().GeneratorExit))
        return throw_into_delegate(rt, gen, delegate, returned);
    return step(rt, gen, nullptr, true, returned);
}

Ref<Object> generator_throw(VM& vm, Object* self, Object* const* args, size_t nargs, Object*) {
    if (nargs < 1 || nargs > 3)
        return raise_type_error(vm, "throw expected at least 1 argument, got ", nargs);
    if (!is_ok(set_thrown(vm, args, nargs)))
        return nullptr;
    bool returned = false;
    Ref<Object> result = throw_step(runtime_of(vm), as_generator(self), returned);
    if (returned)
        return raise_stop_iteration(vm, result.get());
    return result;
}

Ref<Object> generator_close(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Generator* gen = as_generator(self);
    if (gen->finished || !gen->started) {
        finish(gen);
        return vm.new_none();
    }
    (void)raise_no_args(vm, vm.exceptions().GeneratorExit);
    bool returned = false;
    Ref<Object> result = step(runtime_of(vm), gen, nullptr, true, returned);
    if (result && !returned)
        return raise_runtime_error(vm, "generator ignored GeneratorExit");
    if (!result) {
        Object* exception = vm.thread_state().exception();
        if (exception && (exception_matches(exception, vm.exceptions().GeneratorExit) ||
                          exception_matches(exception, vm.exceptions().StopIteration))) {
            vm.thread_state().clear_exception();
            return vm.new_none();
        }
        return nullptr;
    }
    return vm.new_none();
}

void generator_dealloc(Object* self) {
    Generator* gen = as_generator(self);
    VM& vm = vm_of(self);
    vm.heap().untrack(self);
    if (gen->started && !gen->finished && !vm.is_finalizing()) {
        // Runs pending finally blocks, as CPython's _PyGen_Finalize; errors are dropped.
        ++self->refcount;
        Ref<Object> saved = vm.thread_state().fetch_exception();
        Ref<Object> ignored = generator_close(vm, self, nullptr, 0, nullptr);
        vm.thread_state().clear_exception();
        if (saved)
            vm.thread_state().set_exception(std::move(saved));
        --self->refcount;
    }
    finish(gen);
    gc::mem_free(gen->frame);
    xdecref(gen->name);
    xdecref(gen->qualname);
    xdecref(gen->code);
    vm.heap().release(self);
}

Ref<Object> generator_repr(VM& vm, Object* self) {
    char address[32];
    std::snprintf(address, sizeof address, "%p", static_cast<void*>(self));
    return str_from_utf8(vm, "<generator object " + str_to_utf8(as_generator(self)->qualname) +
                                 " at " + address + ">");
}

// ====== Attributes: properties of the type, so that the type keeps the generic getattr and
// LOAD_METHOD caches gen.send / gen.throw / gen.close as built-in methods (no bound method is
// made per call).

Ref<Object> generator_get_name(VM&, Object*, Object* const* args, size_t, Object*) {
    return Ref<Object>::borrow(as_generator(args[0])->name);
}
Ref<Object> generator_get_qualname(VM&, Object*, Object* const* args, size_t, Object*) {
    return Ref<Object>::borrow(as_generator(args[0])->qualname);
}
// The setters of __name__ / __qualname__ (also their deleters: no value), as CPython's
// gen_set_name / gen_set_qualname.
Ref<Object> set_name_field(VM& vm, Object*& field, const char* what, Object* const* args,
                           size_t nargs) {
    if (nargs < 2 || !is_str(args[1]))
        return raise_type_error(vm, what, " must be set to a string object");
    incref(args[1]);
    set_ref(field, args[1]);
    return vm.new_none();
}
Ref<Object> generator_set_name(VM& vm, Object*, Object* const* args, size_t nargs, Object*) {
    return set_name_field(vm, as_generator(args[0])->name, "__name__", args, nargs);
}
Ref<Object> generator_set_qualname(VM& vm, Object*, Object* const* args, size_t nargs, Object*) {
    return set_name_field(vm, as_generator(args[0])->qualname, "__qualname__", args, nargs);
}
Ref<Object> generator_get_running(VM& vm, Object*, Object* const* args, size_t, Object*) {
    return vm.new_bool(as_generator(args[0])->running);
}
// 3.11: paused at a yield.
Ref<Object> generator_get_suspended(VM& vm, Object*, Object* const* args, size_t, Object*) {
    Generator* gen = as_generator(args[0]);
    return vm.new_bool(gen->started && !gen->running && !gen->finished);
}
Ref<Object> generator_get_code(VM&, Object*, Object* const* args, size_t, Object*) {
    return Ref<Object>::borrow(as_generator(args[0])->code);
}
// The iterator a generator suspended in `yield from` delegates to, else None.
Ref<Object> generator_get_yieldfrom(VM& vm, Object*, Object* const* args, size_t, Object*) {
    Object* delegate = yield_from_delegate(as_generator(args[0]));
    return delegate ? Ref<Object>::borrow(delegate) : vm.new_none();
}

struct GeneratorProperty {
    MethodDef getter;
    MethodDef setter; // name null: read-only
};

constexpr GeneratorProperty generator_properties[] = {
    {{"__name__", generator_get_name, MethodKind::fastcall, nullptr},
     {"__name__", generator_set_name, MethodKind::fastcall, nullptr}},
    {{"__qualname__", generator_get_qualname, MethodKind::fastcall, nullptr},
     {"__qualname__", generator_set_qualname, MethodKind::fastcall, nullptr}},
    {{"gi_running", generator_get_running, MethodKind::fastcall, nullptr}, {}},
    {{"gi_suspended", generator_get_suspended, MethodKind::fastcall, nullptr}, {}},
    {{"gi_code", generator_get_code, MethodKind::fastcall, nullptr}, {}},
    {{"gi_yieldfrom", generator_get_yieldfrom, MethodKind::fastcall,
      "object being iterated by yield from, or None"},
     {}},
};

// Puts the properties above into the generator type's dict. False when raised (MemoryError).
bool install_generator_properties(Runtime& rt, Type* type) {
    VM& vm = rt.vm();
    if (!type_ensure_dict(vm, type))
        return false;
    for (const GeneratorProperty& entry : generator_properties) {
        Ref<Object> getter = builtin_function_new(rt, &entry.getter, nullptr);
        Ref<Object> setter =
            entry.setter.name ? builtin_function_new(rt, &entry.setter, nullptr) : nullptr;
        if (!getter || (entry.setter.name && !setter))
            return false;
        Object* parts[3] = {getter.get(), setter.get(), setter.get()};
        Ref<Object> property = call_object(vm, rt.types().property, parts, setter ? 3 : 1);
        Ref<Object> name = intern(vm, entry.getter.name);
        if (!property || !name || !is_ok(dict_setitem(vm, type->dict, name.get(), property.get())))
            return false;
    }
    return true;
}

// send first: is_generator_send knows it by its address.
constexpr MethodDef generator_methods[] = {
    {"send", generator_send, MethodKind::o, "Send a value into the generator."},
    {"throw", generator_throw, MethodKind::fastcall, "Raise an exception in the generator."},
    {"close", generator_close, MethodKind::noargs, "Raise GeneratorExit inside the generator."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

Raised raise_generator_return(VM& vm, Object* value) {
    if (value == vm.none())
        return raise_no_args(vm, vm.exceptions().StopIteration);
    return raise_with_value(vm, vm.exceptions().StopIteration, value);
}

bool is_generator_send(const Object* callable) {
    return static_cast<const BuiltinFunction*>(callable)->def == &generator_methods[0] &&
           !static_cast<const BuiltinFunction*>(callable)->self;
}

void generator_finished(Runtime& rt, Generator* gen, bool raised) {
    gen->running = false;
    finish(gen);
    if (!raised)
        return;
    VM& vm = rt.vm();
    Object* exception = vm.thread_state().exception();
    if (exception && exception_matches(exception, vm.exceptions().StopIteration)) {
        Ref<Object> cause = vm.thread_state().fetch_exception();
        (void)raise_runtime_error(vm, "generator raised StopIteration");
        Object* replacement = vm.thread_state().exception();
        auto* e = static_cast<BaseExceptionObject*>(replacement);
        set_ref(e->cause, Ref<Object>(cause).release());
        set_ref(e->context, cause.release());
        e->suppress_context = true;
    }
}

Ref<Object> generator_from_call(Runtime& rt, Function* func, Object* const* args, size_t nargs,
                                Object* kwnames) {
    VM& vm = rt.vm();
    Ref<Generator> gen = allocate_object<Generator>(vm, rt.types().generator);
    if (!gen)
        return nullptr;
    void* memory = gc::mem_alloc(frame_slot_count(func->code) * sizeof(Object*));
    if (!memory)
        return raise_memory_error(vm);
    Frame* frame = frame_init_generator(memory, func, gen.get());
    gen->frame = frame;
    incref(func->name);
    gen->name = func->name;
    incref(func->qualname);
    gen->qualname = func->qualname;
    incref(func->code);
    gen->code = func->code;
    if (!is_ok(bind_arguments(rt, func, frame->localsplus(), args, nargs, kwnames)))
        return nullptr;
    return Ref<Object>(std::move(gen).cast<Object>());
}

Ref<Object> send_to(Runtime& rt, Object* receiver, Object* value, bool& returned) {
    VM& vm = rt.vm();
    returned = false;
    if (receiver->type == rt.types().generator) {
        Ref<Object> result = step(rt, as_generator(receiver), value, false, returned);
        return result;
    }
    Ref<Object> result;
    if (value == vm.none()) {
        result = iter_next(vm, receiver);
        if (!result && !vm.thread_state().has_exception()) {
            returned = true;
            return vm.new_none();
        }
    } else {
        Ref<Object> name = intern(vm, "send");
        if (!name)
            return nullptr;
        result = call_method_name(vm, receiver, name.get(), &value, 1);
    }
    if (!result) {
        Object* exception = vm.thread_state().exception();
        if (exception && exception_matches(exception, vm.exceptions().StopIteration)) {
            Ref<Object> stop = vm.thread_state().fetch_exception();
            Object* args = static_cast<BaseExceptionObject*>(stop.get())->args;
            returned = true;
            if (args && tuple_size(args) > 0)
                return Ref<Object>::borrow(tuple_items(args)[0]);
            return vm.new_none();
        }
    }
    return result;
}

bool init_generator_type(Runtime& rt) {
    TypeSpec spec{};
    spec.name = "generator";
    spec.basic_size = sizeof(Generator);
    spec.flags = type_has_gc;
    spec.slots.dealloc = generator_dealloc;
    spec.slots.traverse = generator_traverse;
    spec.slots.clear = generator_clear;
    spec.slots.repr = generator_repr;
    spec.slots.iter = iter_self;
    spec.slots.next = generator_next;
    spec.methods = generator_methods;
    Ref<Type> type = make_type(rt.vm(), spec);
    if (!type)
        return false;
    enable_weakrefs(type.get());
    if (!install_generator_properties(rt, type.get()))
        return false;
    rt.types().generator = type.release();
    return true;
}

} // namespace minipy::vm
