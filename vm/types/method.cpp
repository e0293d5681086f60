// Bound methods: a function and the instance it was looked up on. Calling one prepends self
// without copying when the caller left a free slot before the arguments (not yet: a small array).
#include <vector>

#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/function.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/weakref.h"

namespace minipy::vm {
namespace {

BoundMethod* as_method(Object* object) {
    return static_cast<BoundMethod*>(object);
}

int method_traverse(Object* self, VisitFn visit, void* arg) {
    BoundMethod* m = as_method(self);
    if (m->function) {
        if (int result = visit(m->function, arg))
            return result;
    }
    return m->self ? visit(m->self, arg) : 0;
}

void method_clear(Object* self) {
    BoundMethod* m = as_method(self);
    set_ref(m->function, nullptr);
    set_ref(m->self, nullptr);
}

void method_dealloc(Object* self) {
    method_clear(self);
    vm_of(self).heap().release(self);
}

Ref<Object> method_call(VM& vm, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    BoundMethod* m = as_method(self);
    Object* small[8];
    std::vector<Object*> large;
    Object** buffer = small;
    if (nargs + 1 > 8) {
        large.resize(nargs + 1);
        buffer = large.data();
    }
    buffer[0] = m->self;
    for (size_t i = 0; i < nargs; ++i)
        buffer[i + 1] = args[i];
    Ref<Object> function = Ref<Object>::borrow(m->function);
    Ref<Object> receiver = Ref<Object>::borrow(m->self);
    return call_object(vm, function.get(), buffer, nargs + 1, kwnames);
}

Ref<Object> method_repr(VM& vm, Object* self) {
    BoundMethod* m = as_method(self);
    Runtime& runtime = runtime_of(vm);
    Ref<Object> name = get_attr_optional(vm, m->function, runtime.names().__qualname__);
    if (!name && vm.thread_state().has_exception())
        return nullptr;
    Ref<Object> self_repr = object_repr(vm, m->self);
    if (!self_repr)
        return nullptr;
    std::string text = "<bound method " +
                       (name && is_str(name.get()) ? str_to_utf8(name.get()) : std::string("?")) +
                       " of " + str_to_utf8(self_repr.get()) + ">";
    return str_from_utf8(vm, text);
}

Ref<Object> method_getattr(VM& vm, Object* self, Object* name) {
    Runtime& runtime = runtime_of(vm);
    BoundMethod* m = as_method(self);
    if (name == runtime.names().dunder_func)
        return Ref<Object>::borrow(m->function);
    if (name == runtime.names().__self__)
        return Ref<Object>::borrow(m->self);
    return get_attr(vm, m->function, name);
}

Ref<Object> method_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if ((op != CompareOp::eq && op != CompareOp::ne) || other->type != self->type)
        return vm.new_not_implemented();
    bool same = as_method(self)->function == as_method(other)->function &&
                as_method(self)->self == as_method(other)->self;
    return vm.new_bool(op == CompareOp::eq ? same : !same);
}

// types.MethodType(function, instance), with CPython 3.11's checks and messages.
Ref<Object> method_construct(VM& vm, Type*, Object* const* args, size_t nargs, Object* kwnames) {
    if (kwnames && tuple_size(kwnames) > 0)
        return raise_type_error(vm, "method() takes no keyword arguments");
    if (nargs != 2)
        return raise_type_error(vm, "method expected 2 arguments, got ", nargs);
    if (!args[0]->type->slots.call)
        return raise_type_error(vm, "first argument must be callable");
    if (args[1] == vm.none())
        return raise_type_error(vm, "instance must not be None");
    return method_new(runtime_of(vm), args[0], args[1]);
}

} // namespace

Ref<Object> method_new(Runtime& runtime, Object* function, Object* self) {
    Ref<BoundMethod> m = allocate_object<BoundMethod>(runtime.vm(), runtime.types().method);
    if (!m)
        return nullptr;
    incref(function);
    incref(self);
    m->function = function;
    m->self = self;
    return Ref<Object>(std::move(m).cast<Object>());
}

bool init_method_type(Runtime& runtime) {
    TypeSpec spec{};
    spec.name = "method";
    spec.basic_size = sizeof(BoundMethod);
    spec.flags = type_has_gc;
    spec.slots.dealloc = method_dealloc;
    spec.slots.traverse = method_traverse;
    spec.slots.clear = method_clear;
    spec.slots.repr = method_repr;
    spec.slots.call = method_call;
    spec.slots.getattr = method_getattr;
    spec.slots.richcompare = method_richcompare;
    Ref<Type> type = make_type(runtime.vm(), spec);
    if (!type)
        return false;
    enable_weakrefs(type.get());
    runtime.set_constructor(type.get(), method_construct);
    runtime.types().method = type.release();
    return true;
}

} // namespace minipy::vm
