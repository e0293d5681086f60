// Calling classes and the attribute protocol of class objects: type_call (instance creation and
// __init__), __build_class__, type's getattr/setattr/repr, slot wrappers of built-in types
// (object.__init__, Exception.__str__, list.__init__, ...), and exception attributes.
#include <cstring>
#include <iterator>
#include <string>
#include <vector>

#include "vm/code.h"
#include "vm/descriptors.h"
#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/traceback.h"
#include "vm/types/bytes.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/set.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

size_t keyword_count(Object* kwnames) {
    return kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
}

// `first` followed by args[0..nargs): on the stack for the usual few arguments, so creating an
// instance (its __new__ or __init__ call) allocates nothing but the instance.
class PrependedArgs {
public:
    PrependedArgs(Object* first, Object* const* args, size_t nargs) {
        if (nargs + 1 > std::size(m_small)) {
            m_large.resize(nargs + 1);
            m_data = m_large.data();
        }
        m_data[0] = first;
        for (size_t i = 0; i < nargs; ++i)
            m_data[i + 1] = args[i];
    }
    Object* const* data() const { return m_data; }

private:
    Object* m_small[8];
    std::vector<Object*> m_large;
    Object** m_data = m_small;
};

// A heap-defined (Python) attribute `name` along cls's mro, or null.
Object* python_defined(Runtime& rt, Type* cls, Object* name) {
    Object* found = type_lookup(cls, name);
    if (!found)
        return nullptr;
    Type* kind = found->type;
    if (kind == rt.types().function || kind == rt.types().staticmethod ||
        kind == rt.types().classmethod || is_heap_type(kind))
        return found;
    return nullptr;
}

} // namespace

namespace {

// A fresh instance of heap type cls (a set or frozenset subclass) holding the keys of `value`.
Ref<Object> rehome_set(VM& vm, Type* cls, Object* value) {
    Ref<Object> copy = instance_new(vm, cls);
    if (!copy)
        return nullptr;
    static_cast<Set*>(copy.get())->hash = -1;
    intptr_t pos = 0;
    Object* key = nullptr;
    while (set_next(value, pos, &key)) {
        if (!is_ok(set_add(vm, copy.get(), key)))
            return nullptr;
    }
    return copy;
}

// A fresh instance of heap type cls (variable-size solid base str, bytes or tuple) with a copy of
// the exact `value`'s contents.
Ref<Object> rehome_variable(VM& vm, Type* cls, Object* value, Type* solid) {
    Ref<Object> copy = allocate_variable_instance(vm, cls, variable_part_size(value, solid));
    if (!copy)
        return nullptr;
    intptr_t size = static_cast<VarObject*>(value)->size;
    static_cast<VarObject*>(copy.get())->size = size;
    auto count = static_cast<size_t>(size);
    if (solid == vm.types().str) {
        const Str* source = static_cast<const Str*>(value);
        Str* target = static_cast<Str*>(copy.get());
        target->hash = -1;
        target->kind = source->kind;
        target->ascii = source->ascii;
        std::memcpy(str_data(target), str_data(source), (count + 1) * source->kind);
    } else if (solid == vm.types().bytes) {
        static_cast<Bytes*>(copy.get())->hash = -1;
        std::memcpy(reinterpret_cast<char*>(static_cast<Bytes*>(copy.get()) + 1), bytes_data(value),
                    count + 1);
    } else {
        for (size_t i = 0; i < count; ++i) {
            Object* item = tuple_items(value)[i];
            incref(item);
            tuple_items(copy.get())[i] = item;
        }
    }
    incref(cls);
    return copy;
}

} // namespace

// A heap subclass of an immutable built-in (class Money(int), class Name(str)): the built-in
// constructor made an exact value; copy it into an instance of cls. Raises TypeError when value
// is not of cls's built-in base.
Ref<Object> rehome_value(VM& vm, Type* cls, Object* value) {
    const BuiltinTypes& types = vm.types();
    if (is_int(value) && has_flag(cls, type_int_subclass) && value->type != types.bool_) {
        Ref<Int> copy = allocate_object<Int>(vm, cls);
        if (!copy)
            return nullptr;
        const Int* source = static_cast<const Int*>(value);
        copy->small = source->small;
        if (source->is_big())
            mpz_init_set(copy->big, source->big);
        incref(cls);
        return Ref<Object>(std::move(copy).cast<Object>());
    }
    if (is_float(value) && is_subtype(cls, types.float_)) {
        Ref<Float> copy = allocate_object<Float>(vm, cls);
        if (!copy)
            return nullptr;
        copy->value = float_value(value);
        incref(cls);
        return Ref<Object>(std::move(copy).cast<Object>());
    }
    for (Type* solid : {types.str, types.bytes, types.tuple}) {
        if (is_subtype(value->type, solid) && is_subtype(cls, solid))
            return rehome_variable(vm, cls, value, solid);
    }
    if (is_set_or_frozenset(value) &&
        (is_subtype(cls, types.set) || is_subtype(cls, types.frozenset)))
        return rehome_set(vm, cls, value);
    return raise_type_error(vm, "cannot make a '", cls->name, "' from a '", value->type->name,
                            "' value");
}

Ref<Object> construct_instance(VM& vm, ConstructorFn constructor, Type* cls, Object* const* args,
                               size_t nargs, Object* kwnames) {
    Ref<Object> result = constructor(vm, cls, args, nargs, kwnames);
    if (!result || !is_heap_type(cls))
        return result;
    if (result->type != cls)
        return rehome_value(vm, cls, result.get());
    incref(cls);
    return result;
}

namespace {

// Creates the instance of cls (no __init__ yet): object.__new__ / a built-in constructor.
Ref<Object> create_instance(Runtime& rt, Type* cls, Object* const* args, size_t nargs,
                            Object* kwnames, bool has_init) {
    VM& vm = rt.vm();
    Type* solid = solid_base(cls);
    if (has_flag(solid, type_exception_subclass)) {
        Ref<Object> e = exception_new_from_call(vm, cls, args, nargs - keyword_count(kwnames),
                                                kwnames, has_init);
        if (e && is_heap_type(cls))
            incref(cls);
        return e;
    }
    if (solid == vm.types().object) {
        if (!has_init && nargs > 0)
            return raise_type_error(vm, cls->name, "() takes no arguments");
        return instance_new(vm, cls);
    }
    if (is_heap_type(cls) &&
        (solid == vm.types().list || solid == vm.types().dict || solid == vm.types().set))
        return instance_new(vm, cls); // zeroed list/dict/set are valid and empty; __init__ fills
    ConstructorFn constructor = nullptr;
    for (Type* t = cls; t && !constructor; t = t->base)
        constructor = rt.constructor(t);
    if (!constructor)
        return raise_type_error(vm, "cannot create '", cls->name, "' instances");
    return construct_instance(vm, constructor, cls, args, nargs, kwnames);
}

Status run_init(Runtime& rt, Object* instance, Object* init, Object* const* args, size_t nargs,
                Object* kwnames) {
    VM& vm = rt.vm();
    Ref<Object> result;
    if (init->type == rt.types().function) {
        PrependedArgs full(instance, args, nargs);
        result = call_object(vm, init, full.data(), nargs + 1, kwnames);
    } else {
        Ref<Object> bound = descriptor_get(rt, init, instance, instance->type);
        if (!bound)
            return Status::error;
        result = call_object(vm, bound.get(), args, nargs, kwnames);
    }
    if (!result)
        return Status::error;
    if (result.get() != vm.none())
        return raise_type_error(vm, "__init__() should return None, not '", result->type->name,
                                "'");
    return Status::ok;
}

// The default __init__ of a heap subclass of list, dict or set: fills from the arguments (list
// and set start over, as their __init__ clears).
Status builtin_base_init(Runtime& rt, Object* instance, Object* const* args, size_t nargs,
                         Object* kwnames) {
    VM& vm = rt.vm();
    Type* solid = solid_base(instance->type);
    size_t npos = nargs - keyword_count(kwnames);
    if (solid == vm.types().list || solid == vm.types().set) {
        bool empty = solid == vm.types().list ? list_size(instance) == 0 : set_size(instance) == 0;
        if (!empty && !call_method(vm, instance, "clear", nullptr, 0))
            return Status::error;
        if (npos == 1 && solid == vm.types().list)
            return list_extend_iterable(vm, instance, args[0]);
        if (npos == 1 && !call_method(vm, instance, "update", args, 1))
            return Status::error;
        return Status::ok;
    }
    if (solid == vm.types().dict) {
        if (npos == 1 && !is_ok(dict_update_any(rt, instance, args[0])))
            return Status::error;
        for (size_t i = 0; i < keyword_count(kwnames); ++i) {
            if (!is_ok(dict_setitem(vm, instance, tuple_items(kwnames)[i], args[npos + i])))
                return Status::error;
        }
    }
    return Status::ok;
}

} // namespace

Ref<Object> type_call(VM& vm, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Runtime& rt = runtime_of(vm);
    auto* cls = static_cast<Type*>(self);
    if (cls == vm.types().type && nargs == 1 && keyword_count(kwnames) == 0)
        return Ref<Object>::borrow(args[0]->type);
    if (!is_heap_type(cls) && !has_flag(cls, type_exception_subclass)) {
        // A built-in type with a constructor of its own (tuple(x), int(s), str(o)): what
        // create_instance does for it, without the checks a class needs.
        if (ConstructorFn constructor = rt.constructor(cls);
            constructor && cls != vm.types().type && solid_base(cls) != vm.types().object) {
            return constructor(vm, cls, args, nargs, kwnames); // cls is built-in
        }
    }
    Object* custom_new = is_heap_type(cls) ? python_defined(rt, cls, rt.names().__new__) : nullptr;
    Ref<Object> instance;
    if (custom_new) {
        PrependedArgs full(cls, args, nargs);
        Object* function = custom_new->type == rt.types().staticmethod
                               ? static_cast<StaticOrClassMethod*>(custom_new)->function
                               : custom_new;
        instance = call_object(vm, function, full.data(), nargs + 1, kwnames);
    } else if (is_subtype(cls, vm.types().type)) {
        size_t npos = nargs - keyword_count(kwnames);
        if (npos != 3)
            return raise_type_error(vm, "type() takes 1 or 3 arguments");
        Ref<Object> kwargs;
        if (keyword_count(kwnames) > 0) {
            kwargs = dict_new(vm);
            for (size_t i = 0; kwargs && i < keyword_count(kwnames); ++i) {
                if (!is_ok(dict_setitem(vm, kwargs.get(), tuple_items(kwnames)[i], args[npos + i])))
                    return nullptr;
            }
            if (!kwargs)
                return nullptr;
        }
        return make_heap_type(rt, cls, args[0], args[1], args[2], kwargs.get());
    } else {
        Object* init = is_heap_type(cls) ? python_defined(rt, cls, rt.names().__init__) : nullptr;
        instance = create_instance(rt, cls, args, nargs, kwnames, init != nullptr);
    }
    if (!instance || !is_subtype(instance->type, cls) || !is_heap_type(cls))
        return instance;
    Object* init = python_defined(rt, instance->type, rt.names().__init__);
    if (init) {
        Ref<Object> keep = Ref<Object>::borrow(init);
        if (!is_ok(run_init(rt, instance.get(), init, args, nargs, kwnames)))
            return nullptr;
    } else if (!is_ok(builtin_base_init(rt, instance.get(), args, nargs, kwnames))) {
        return nullptr;
    }
    return instance;
}

// ====== __build_class__

namespace {
// PEP 560: a base that is not a class (typing.List[int], Generic[T]) names the real bases through
// its __mro_entries__(bases). Returns `bases` itself when nothing was replaced.
Ref<Object> resolve_mro_entries(Runtime& rt, Object* bases) {
    VM& vm = rt.vm();
    Ref<Object> entries_name = intern(vm, "__mro_entries__");
    Ref<Object> resolved = list_new(vm);
    if (!entries_name || !resolved)
        return nullptr;
    bool changed = false;
    for (intptr_t i = 0; i < tuple_size(bases); ++i) {
        Object* base = tuple_items(bases)[i];
        Ref<Object> method;
        if (!is_subtype(base->type, vm.types().type)) {
            method = get_attr_optional(vm, base, entries_name.get());
            if (!method && vm.thread_state().has_exception())
                return nullptr;
        }
        if (!method) {
            if (!is_ok(list_append(vm, resolved.get(), base)))
                return nullptr;
            continue;
        }
        Ref<Object> entries = call_object(vm, method.get(), &bases, 1);
        if (!entries)
            return nullptr;
        if (!is_tuple(entries.get()))
            return raise_type_error(vm, "__mro_entries__ must return a tuple");
        for (intptr_t j = 0; j < tuple_size(entries.get()); ++j)
            if (!is_ok(list_append(vm, resolved.get(), tuple_items(entries.get())[j])))
                return nullptr;
        changed = true;
    }
    if (!changed)
        return Ref<Object>::borrow(bases);
    return list_to_tuple(vm, resolved.get());
}
} // namespace

Ref<Object> build_class(VM& vm, Object*, Object* const* args, size_t nargs, Object* kwnames) {
    Runtime& rt = runtime_of(vm);
    // builtin_call passes the positional count; keyword values follow them.
    size_t nkw = keyword_count(kwnames);
    size_t npos = nargs;
    if (npos < 2)
        return raise_type_error(vm, "__build_class__: not enough arguments");
    Object* body = args[0];
    Object* name = args[1];
    if (body->type != rt.types().function)
        return raise_type_error(vm, "__build_class__: func must be a function");
    if (!is_str(name))
        return raise_type_error(vm, "__build_class__: name is not a string");
    Ref<Object> original_bases = tuple_from_array(vm, args + 2, npos - 2);
    if (!original_bases)
        return nullptr;
    Ref<Object> bases = resolve_mro_entries(rt, original_bases.get());
    if (!bases)
        return nullptr;
    Object* metaclass = nullptr;
    Ref<Object> kwargs = dict_new(vm);
    if (!kwargs)
        return nullptr;
    for (size_t i = 0; i < nkw; ++i) {
        Object* key = tuple_items(kwnames)[i];
        if (str_equal(key, rt.names().metaclass))
            metaclass = args[npos + i];
        else if (!is_ok(dict_setitem(vm, kwargs.get(), key, args[npos + i])))
            return nullptr;
    }
    if (!metaclass) {
        metaclass = vm.types().type;
        // The most derived metaclass among the bases' types.
        for (intptr_t i = 0; i < tuple_size(bases.get()); ++i) {
            Type* meta = tuple_items(bases.get())[i]->type;
            if (is_subtype(meta, static_cast<Type*>(metaclass)))
                metaclass = meta;
        }
    }
    Ref<Object> ns = dict_new(vm);
    if (!ns)
        return nullptr;
    auto* func = static_cast<Function*>(body);
    if (bases.get() != original_bases.get()) {
        Ref<Object> key = intern(vm, "__orig_bases__");
        if (!key || !is_ok(dict_setitem(vm, ns.get(), key.get(), original_bases.get())))
            return nullptr;
    }
    Ref<Object> cell = eval_code(rt, func->code, func->globals, ns.get(), func->closure);
    if (!cell)
        return nullptr;
    Object* meta_args[3] = {name, bases.get(), ns.get()};
    Ref<Object> result;
    if (dict_size(kwargs.get()) == 0) {
        result = call_object(vm, metaclass, meta_args, 3);
    } else {
        Ref<Object> tuple = tuple_from_array(vm, meta_args, 3);
        if (!tuple)
            return nullptr;
        result = call_with_tuple(vm, metaclass, tuple.get(), kwargs.get());
    }
    return result;
}

} // namespace minipy::vm
