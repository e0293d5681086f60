// except* support (PEP 654): CHECK_EG_MATCH and PREP_RERAISE_STAR, after CPython 3.11's
// exception_group_match (ceval.c) and _PyExc_PrepReraiseStar (exceptions.c).
#include "vm/exception_groups.h"

#include <unordered_set>

#include "vm/errors.h"
#include "vm/eval_helpers.h"
#include "vm/eval_ops.h"
#include "vm/runtime.h"
#include "vm/type.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {

namespace {

using LeafIds = std::unordered_set<const Object*>;

BaseExceptionObject* as_exception(Object* object) {
    return static_cast<BaseExceptionObject*>(object);
}

bool is_group(VM& vm, const Object* object) {
    return is_subtype(object->type, vm.exceptions().BaseExceptionGroup);
}

// The `exceptions` tuple of a group (new ref), or null with the error set.
Ref<Object> group_exceptions(VM& vm, Object* group) {
    Ref<Object> name = intern(vm, "exceptions");
    if (!name)
        return nullptr;
    Ref<Object> items = get_attr(vm, group, name.get());
    if (items && !is_tuple(items.get()))
        return raise_type_error(vm, "exception group's exceptions must be a tuple");
    return items;
}

// Adds the leaf exceptions of `exception` (itself when it is not a group) to `ids`.
bool collect_leaf_ids(VM& vm, Object* exception, LeafIds& ids, int depth = 0) {
    if (exception == vm.none())
        return true;
    if (!is_group(vm, exception)) {
        ids.insert(exception);
        return true;
    }
    if (depth > 1000) {
        (void)raise_message(vm, vm.exceptions().RecursionError,
                            "maximum recursion depth exceeded while collecting exception group");
        return false;
    }
    Ref<Object> items = group_exceptions(vm, exception);
    if (!items)
        return false;
    for (intptr_t i = 0; i < tuple_size(items.get()); ++i)
        if (!collect_leaf_ids(vm, tuple_items(items.get())[i], ids, depth + 1))
            return false;
    return true;
}

// orig.derive(excs) with orig's traceback, context, cause and notes (CPython's
// exceptiongroup_subset). Null result without error when `excs` is empty.
bool derive_subset(VM& vm, Object* orig, Object* excs, Ref<Object>& result) {
    if (list_size(excs) == 0)
        return true;
    Ref<Object> name = intern(vm, "derive");
    if (!name)
        return false;
    Ref<Object> derived = call_method_name(vm, orig, name.get(), &excs, 1);
    if (!derived)
        return false;
    if (!is_group(vm, derived.get())) {
        (void)raise_type_error(vm, "derive must return an instance of BaseExceptionGroup");
        return false;
    }
    BaseExceptionObject* from = as_exception(orig);
    BaseExceptionObject* to = as_exception(derived.get());
    for (auto field : {&BaseExceptionObject::traceback, &BaseExceptionObject::context,
                       &BaseExceptionObject::cause, &BaseExceptionObject::notes}) {
        xincref(from->*field);
        set_ref(to->*field, from->*field);
    }
    result = std::move(derived);
    return true;
}

// The part of `exception` whose leaves are in `ids`, keeping the nesting (split by identity).
bool project(VM& vm, Object* exception, const LeafIds& ids, Ref<Object>& match, int depth = 0) {
    if (!is_group(vm, exception)) {
        if (ids.count(exception))
            match = Ref<Object>::borrow(exception);
        return true;
    }
    if (depth > 1000) {
        (void)raise_message(vm, vm.exceptions().RecursionError,
                            "maximum recursion depth exceeded while projecting exception group");
        return false;
    }
    Ref<Object> items = group_exceptions(vm, exception);
    Ref<Object> kept = list_new(vm);
    if (!items || !kept)
        return false;
    for (intptr_t i = 0; i < tuple_size(items.get()); ++i) {
        Ref<Object> part;
        if (!project(vm, tuple_items(items.get())[i], ids, part, depth + 1))
            return false;
        if (part && !is_ok(list_append(vm, kept.get(), part.get())))
            return false;
    }
    return derive_subset(vm, exception, kept.get(), match);
}

bool same_metadata(Object* a, Object* b) {
    BaseExceptionObject* x = as_exception(a);
    BaseExceptionObject* y = as_exception(b);
    return x->notes == y->notes && x->traceback == y->traceback && x->cause == y->cause &&
           x->context == y->context;
}

// BaseExceptionGroup(message, excs): an ExceptionGroup when every member is an Exception.
Ref<Object> make_group(VM& vm, Object* message, Object* excs) {
    Ref<Object> args = tuple_pack(vm, {message, excs});
    if (!args)
        return nullptr;
    return exception_new(vm, vm.exceptions().BaseExceptionGroup, args.get());
}

} // namespace

bool check_except_star_type(Runtime& rt, Object* type) {
    VM& vm = rt.vm();
    auto valid_class = [&](Object* candidate) {
        return has_flag(candidate->type, type_type_subclass) &&
               is_subtype(static_cast<Type*>(candidate), vm.exceptions().BaseException);
    };
    bool is_group_class = false;
    if (is_tuple(type)) {
        for (intptr_t i = 0; i < tuple_size(type); ++i) {
            Object* item = tuple_items(type)[i];
            if (!valid_class(item)) {
                (void)raise_type_error(
                    vm, "catching classes that do not inherit from BaseException is not allowed");
                return false;
            }
            if (is_subtype(static_cast<Type*>(item), vm.exceptions().BaseExceptionGroup))
                is_group_class = true;
        }
    } else {
        if (!valid_class(type)) {
            (void)raise_type_error(
                vm, "catching classes that do not inherit from BaseException is not allowed");
            return false;
        }
        is_group_class = is_subtype(static_cast<Type*>(type), vm.exceptions().BaseExceptionGroup);
    }
    if (is_group_class) {
        (void)raise_type_error(
            vm, "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return false;
    }
    return true;
}

bool exception_group_match(Runtime& rt, Object* exception, Object* type, Ref<Object>& match,
                           Ref<Object>& rest) {
    VM& vm = rt.vm();
    match = vm.new_none();
    rest = vm.new_none();
    if (exception == vm.none())
        return true;
    int whole = exception_match(rt, exception, type);
    if (whole < 0)
        return false;
    if (whole) {
        if (is_group(vm, exception)) {
            match = Ref<Object>::borrow(exception);
            return true;
        }
        Ref<Object> excs = tuple_pack(vm, {exception});
        Ref<Object> empty = str_from_utf8(vm, "");
        if (!excs || !empty)
            return false;
        match = make_group(vm, empty.get(), excs.get());
        return static_cast<bool>(match);
    }
    if (!is_group(vm, exception))
        return true;
    Ref<Object> name = intern(vm, "split");
    if (!name)
        return false;
    Ref<Object> pair = call_method_name(vm, exception, name.get(), &type, 1);
    if (!pair)
        return false;
    if (!is_tuple(pair.get()) || tuple_size(pair.get()) != 2) {
        (void)raise_type_error(vm, "split must return a 2-tuple");
        return false;
    }
    match = Ref<Object>::borrow(tuple_items(pair.get())[0]);
    rest = Ref<Object>::borrow(tuple_items(pair.get())[1]);
    return true;
}

Ref<Object> prep_reraise_star(Runtime& rt, Object* original, Object* raised) {
    VM& vm = rt.vm();
    intptr_t count = list_size(raised);
    if (count == 0)
        return vm.new_none();
    if (!is_group(vm, original)) {
        // A naked exception was caught and wrapped: only one clause ran, so at most one
        // exception is left to raise.
        return Ref<Object>::borrow(list_items(raised)[0]);
    }
    Ref<Object> raised_list = list_new(vm);
    Ref<Object> reraised_list = list_new(vm);
    if (!raised_list || !reraised_list)
        return nullptr;
    for (intptr_t i = 0; i < list_size(raised); ++i) {
        Object* e = list_items(raised)[i];
        if (e == vm.none())
            continue;
        Object* target = same_metadata(e, original) ? reraised_list.get() : raised_list.get();
        if (!is_ok(list_append(vm, target, e)))
            return nullptr;
    }
    LeafIds keep;
    for (intptr_t i = 0; i < list_size(reraised_list.get()); ++i)
        if (!collect_leaf_ids(vm, list_items(reraised_list.get())[i], keep))
            return nullptr;
    Ref<Object> reraised;
    if (!project(vm, original, keep, reraised))
        return nullptr;
    if (list_size(raised_list.get()) == 0)
        return reraised ? reraised : vm.new_none();
    if (reraised && !is_ok(list_append(vm, raised_list.get(), reraised.get())))
        return nullptr;
    if (list_size(raised_list.get()) == 1)
        return Ref<Object>::borrow(list_items(raised_list.get())[0]);
    Ref<Object> empty = str_from_utf8(vm, "");
    if (!empty)
        return nullptr;
    return make_group(vm, empty.get(), raised_list.get());
}

} // namespace minipy::vm
