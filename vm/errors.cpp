// Raising helpers, BaseException instances and the built-in exception classes of a VM.
// Invariants are in vm/errors.h.
#include "vm/errors.h"

#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

BaseExceptionObject* as_exception(Object* object) {
    return static_cast<BaseExceptionObject*>(object);
}

int exception_traverse(Object* self, VisitFn visit, void* arg) {
    BaseExceptionObject* e = as_exception(self);
    for (Object* field : {e->args, e->notes, e->traceback, e->context, e->cause, e->dict}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    return 0;
}

void exception_clear(Object* self) {
    BaseExceptionObject* e = as_exception(self);
    set_ref(e->args, nullptr);
    set_ref(e->notes, nullptr);
    set_ref(e->traceback, nullptr);
    set_ref(e->context, nullptr);
    set_ref(e->cause, nullptr);
    set_ref(e->dict, nullptr);
}

void exception_dealloc(Object* self) {
    VM& vm = vm_of(self);
    vm.heap().untrack(self);
    exception_clear(self);
    vm.heap().release(self);
}

// CPython's BaseException_repr: Name(arg) for one argument, Name(args...) otherwise.
Ref<Object> exception_repr(VM& vm, Object* self) {
    Object* args = as_exception(self)->args;
    Ref<Object> inner;
    if (args && tuple_size(args) == 1)
        inner = object_repr(vm, tuple_items(args)[0]);
    else if (args)
        inner = object_repr(vm, args);
    else
        inner = str_from_utf8(vm, "()");
    if (!inner)
        return nullptr;
    std::string text = self->type->name;
    if (args && tuple_size(args) == 1)
        text += "(" + str_to_utf8(inner.get()) + ")";
    else
        text += str_to_utf8(inner.get());
    return str_from_utf8(vm, text);
}

// CPython's BaseException_str: '' for no arguments, str(arg) for one, str(args) otherwise.
// KeyError shows the repr of its one argument (KeyError_str).
Ref<Object> exception_str(VM& vm, Object* self) {
    Object* args = as_exception(self)->args;
    if (!args || tuple_size(args) == 0)
        return Ref<Object>::borrow(vm.pools().empty_str());
    if (tuple_size(args) == 1) {
        if (is_subtype(self->type, vm.exceptions().KeyError))
            return object_repr(vm, tuple_items(args)[0]);
        return object_str(vm, tuple_items(args)[0]);
    }
    return object_str(vm, args);
}

Type* make_exception_type(VM& vm, const char* name, Type* base) {
    TypeSpec spec{};
    spec.name = name;
    spec.base = base;
    spec.basic_size = sizeof(BaseExceptionObject);
    spec.flags = type_has_gc | type_base_type | type_exception_subclass;
    if (!base) {
        spec.slots.dealloc = exception_dealloc;
        spec.slots.traverse = exception_traverse;
        spec.slots.clear = exception_clear;
        spec.slots.repr = exception_repr;
        spec.slots.str = exception_str;
    }
    Ref<Type> type;
    if (std::string_view(name) == "ExceptionGroup") {
        Type* bases[] = {vm.exceptions().BaseExceptionGroup, vm.exceptions().Exception};
        spec.base = bases[0];
        type = make_type_with_bases(vm, spec, bases, 2);
    } else {
        type = make_type(vm, spec);
    }
    return type.release();
}

} // namespace

bool init_exception_types(VM& vm) {
    struct Entry {
        const char* name;
        Type* ExceptionTypes::*member;
        std::string_view base;
    };
#define MINIPY_X(name, base) {#name, &ExceptionTypes::name, #base},
    static constexpr Entry entries[] = {MINIPY_EXCEPTION_TYPES(MINIPY_X)};
#undef MINIPY_X
    ExceptionTypes& types = vm.exceptions();
    // Each base is listed before its subclasses, so it exists when they are made.
    for (const Entry& entry : entries) {
        Type* base = nullptr;
        for (const Entry& candidate : entries) {
            if (candidate.name == entry.base)
                base = types.*candidate.member;
        }
        Type* type = make_exception_type(vm, entry.name, base);
        if (!type)
            return false;
        types.*entry.member = type;
    }
    Ref<Object> args = tuple_new(vm, 0);
    if (!args)
        return false;
    Ref<Object> memory_error = exception_new(vm, types.MemoryError, args.get());
    if (!memory_error)
        return false;
    vm.set_memory_error_instance(memory_error.release());
    return true;
}

Ref<Object> exception_new(VM& vm, Type* type, Object* args) {
    Ref<BaseExceptionObject> e = allocate_object<BaseExceptionObject>(vm, type);
    if (!e)
        return nullptr;
    incref(args);
    e->args = args;
    return e;
}

bool is_exception_instance(const Object* object) {
    return has_flag(object->type, type_exception_subclass);
}

bool exception_matches(const Object* exception, const Type* type) {
    return is_subtype(exception->type, type);
}

Raised raise_object(VM& vm, Object* exception) {
    vm.thread_state().set_exception(Ref<Object>::borrow(exception));
    return {};
}

Raised raise_memory_error(VM& vm) {
    if (Object* instance = vm.memory_error_instance())
        vm.thread_state().set_exception(Ref<Object>::borrow(instance));
    return {};
}

Raised raise_message(VM& vm, Type* type, std::string_view message) {
    Ref<Object> text = str_from_utf8(vm, message);
    if (!text)
        return {};
    Ref<Object> args = tuple_pack(vm, {text.get()});
    if (!args)
        return {};
    Ref<Object> exception = exception_new(vm, type, args.get());
    if (!exception)
        return {};
    vm.thread_state().set_exception(std::move(exception));
    return {};
}

Raised raise_no_args(VM& vm, Type* type) {
    Ref<Object> exception = exception_new(vm, type, vm.pools().empty_tuple());
    if (!exception)
        return {};
    vm.thread_state().set_exception(std::move(exception));
    return {};
}

Raised raise_with_value(VM& vm, Type* type, Object* value) {
    Ref<Object> args = tuple_pack(vm, {value});
    if (!args)
        return {};
    Ref<Object> exception = exception_new(vm, type, args.get());
    if (!exception)
        return {};
    vm.thread_state().set_exception(std::move(exception));
    return {};
}

Raised raise_key_error(VM& vm, Object* key) {
    return raise_with_value(vm, vm.exceptions().KeyError, key);
}

namespace detail {
Type* exception_type(VM& vm, Type* ExceptionTypes::*member) {
    return vm.exceptions().*member;
}
} // namespace detail

} // namespace minipy::vm
