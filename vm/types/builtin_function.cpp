// Built-in functions and methods: a static MethodDef plus an optional receiver. The argument-count
// checks of MethodKind happen here, so the C++ function can index its arguments directly.
#include "vm/runtime.h"
#include "vm/types/function.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/weakref.h"

namespace minipy::vm {
namespace {

BuiltinFunction* as_builtin(Object* object) {
    return static_cast<BuiltinFunction*>(object);
}

int builtin_traverse(Object* self, VisitFn visit, void* arg) {
    BuiltinFunction* b = as_builtin(self);
    if (b->self) {
        if (int result = visit(b->self, arg))
            return result;
    }
    return b->module ? visit(b->module, arg) : 0;
}

void builtin_clear(Object* self) {
    set_ref(as_builtin(self)->self, nullptr);
    set_ref(as_builtin(self)->module, nullptr);
}

void builtin_dealloc(Object* self) {
    builtin_clear(self);
    vm_of(self).heap().release(self);
}

std::string display_name(BuiltinFunction* b) {
    if (b->owner)
        return std::string(b->owner->name) + "." + b->def->name;
    if (b->self && !has_flag(b->self->type, type_type_subclass) &&
        b->self->type != runtime_of(vm_of(b)).types().module)
        return std::string(b->self->type->name) + "." + b->def->name;
    return b->def->name;
}

// The call with every check in CPython's order and its messages: keywords, a missing receiver,
// argument counts, a receiver of the wrong type. Out of line: builtin_call's own path only runs
// calls that pass them.
[[gnu::noinline, gnu::cold]] Ref<Object> builtin_call_checked(VM& vm, Object* self,
                                                              Object* const* args, size_t nargs,
                                                              Object* kwnames) {
    BuiltinFunction* b = as_builtin(self);
    const MethodDef* def = b->def;
    size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    if (nkw > 0 && def->kind != MethodKind::fastcall_keywords)
        return raise_type_error(vm, display_name(b), "() takes no keyword arguments");
    size_t receiver = !b->self && b->owner ? 1 : 0;
    if (receiver && nargs - nkw == 0)
        return raise_type_error(vm, "unbound method ", b->owner->name, ".", def->name,
                                "() needs an argument");
    if (def->kind == MethodKind::noargs && nargs != receiver)
        return raise_type_error(vm, display_name(b), "() takes no arguments (", nargs - receiver,
                                " given)");
    if (def->kind == MethodKind::o && nargs != 1 + receiver)
        return raise_type_error(vm, display_name(b), "() takes exactly one argument (",
                                nargs - receiver, " given)");
    Ref<Object> keep = Ref<Object>::borrow(self);
    if (!b->self && b->owner) {
        // An unbound method of a built-in type: the first argument is the receiver.
        if (nargs - nkw == 0)
            return raise_type_error(vm, "unbound method ", b->owner->name, ".", def->name,
                                    "() needs an argument");
        if (!is_subtype(args[0]->type, b->owner))
            return raise_type_error(vm, "descriptor '", def->name, "' for '", b->owner->name,
                                    "' objects doesn't apply to a '", args[0]->type->name,
                                    "' object");
        return def->function(vm, args[0], args + 1, nargs - 1 - nkw, nkw ? kwnames : nullptr);
    }
    return def->function(vm, b->self, args, nargs - nkw, nkw ? kwnames : nullptr);
}

// A call without keywords whose receiver and argument count are right goes straight to the
// function; anything else through builtin_call_checked.
Ref<Object> builtin_call(VM& vm, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (kwnames && tuple_size(kwnames) != 0)
        return builtin_call_checked(vm, self, args, nargs, kwnames);
    BuiltinFunction* b = as_builtin(self);
    const MethodDef* def = b->def;
    Object* receiver = b->self;
    Object* const* passed = args;
    size_t count = nargs;
    if (!receiver && b->owner) {
        // An unbound method of a built-in type: the first argument is the receiver.
        if (nargs == 0 || (args[0]->type != b->owner && !is_subtype(args[0]->type, b->owner)))
            return builtin_call_checked(vm, self, args, nargs, nullptr);
        receiver = args[0];
        ++passed;
        --count;
    }
    if ((def->kind == MethodKind::noargs && count != 0) || (def->kind == MethodKind::o && count != 1))
        return builtin_call_checked(vm, self, args, nargs, nullptr);
    // A tail call: the caller's reference keeps self (and so its receiver) alive meanwhile, as
    // CPython's cfunction_vectorcall relies on.
    return def->function(vm, receiver, passed, count, nullptr);
}

Ref<Object> builtin_repr(VM& vm, Object* self) {
    BuiltinFunction* b = as_builtin(self);
    if (!b->self || b->self->type == runtime_of(vm).types().module)
        return str_from_utf8(vm, std::string("<built-in function ") + b->def->name + ">");
    char address[32];
    std::snprintf(address, sizeof address, "%p", static_cast<void*>(b->self));
    return str_from_utf8(vm, std::string("<built-in method ") + b->def->name + " of " +
                                 b->self->type->name + " object at " + address + ">");
}

Ref<Object> builtin_getattr(VM& vm, Object* self, Object* name) {
    Runtime& runtime = runtime_of(vm);
    BuiltinFunction* b = as_builtin(self);
    if (name == runtime.names().__name__ || name == runtime.names().__qualname__)
        return str_from_utf8(vm, b->def->name);
    if (name == runtime.names().__self__)
        return Ref<Object>::borrow(b->self ? b->self : vm.none());
    if (name == runtime.names().__doc__)
        return b->def->doc ? str_from_utf8(vm, b->def->doc) : vm.new_none();
    if (name == runtime.names().__module__)
        return Ref<Object>::borrow(b->module ? b->module : vm.none());
    return raise_attribute_error(vm, "'builtin_function_or_method' object has no attribute '",
                                 str_to_utf8(name), "'");
}

} // namespace

Ref<Object> builtin_function_new(Runtime& runtime, const MethodDef* def, Object* self) {
    Ref<BuiltinFunction> b =
        allocate_object<BuiltinFunction>(runtime.vm(), runtime.types().builtin_function);
    if (!b)
        return nullptr;
    b->def = def;
    xincref(self);
    b->self = self;
    return Ref<Object>(std::move(b).cast<Object>());
}

namespace {

// CPython's meth_richcompare / meth_hash: the same C function bound to the same receiver.
Ref<Object> builtin_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (other->type != self->type || (op != CompareOp::eq && op != CompareOp::ne))
        return vm.new_not_implemented();
    BuiltinFunction* a = as_builtin(self);
    BuiltinFunction* b = as_builtin(other);
    bool equal = a->self == b->self && a->def->function == b->def->function;
    return vm.new_bool(equal == (op == CompareOp::eq));
}

int64_t builtin_hash(VM&, Object* self) {
    BuiltinFunction* b = as_builtin(self);
    int64_t hash =
        hash_pointer(b->self) ^ hash_pointer(reinterpret_cast<const void*>(b->def->function));
    return hash == -1 ? -2 : hash;
}

} // namespace

bool init_builtin_function_type(Runtime& runtime) {
    TypeSpec spec{};
    spec.name = "builtin_function_or_method";
    spec.basic_size = sizeof(BuiltinFunction);
    spec.flags = type_has_gc;
    spec.slots.dealloc = builtin_dealloc;
    spec.slots.traverse = builtin_traverse;
    spec.slots.clear = builtin_clear;
    spec.slots.repr = builtin_repr;
    spec.slots.call = builtin_call;
    spec.slots.getattr = builtin_getattr;
    spec.slots.richcompare = builtin_richcompare;
    spec.slots.hash = builtin_hash;
    Ref<Type> type = make_type(runtime.vm(), spec);
    if (!type)
        return false;
    enable_weakrefs(type.get());
    runtime.types().builtin_function = type.release();
    return true;
}

} // namespace minipy::vm
