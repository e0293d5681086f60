// The `gc` module: the interface to the cycle collector of gc/collector.h (CPython's
// Modules/gcmodule.c functions, names and messages).
//
// Invariants: no state of its own; gc.garbage and gc.callbacks are the collector's lists
// (gc::CollectorState, one per VM), so importing the module again gives the same lists.
#include <cstdint>
#include <string>

#include "gc/collector.h"
#include "gc/refchain.h"
#include "stdlib/builtins_support.h"
#include "stdlib/modules.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

using Args = Object* const*;

// A C int argument, as CPython's "i" converter.
Status int_argument(VM& vm, Object* arg, int64_t& out) {
    if (!is_int(arg))
        return raise_type_error(vm, "'", arg->type->name,
                                "' object cannot be interpreted as an integer");
    if (!int_to_i64(arg, out) || out > INT32_MAX)
        return raise_overflow_error(vm, "Python int too large to convert to C int");
    if (out < INT32_MIN)
        return raise_overflow_error(vm, "Python int too small to convert to C int");
    return Status::ok;
}

Status check_at_most(VM& vm, const char* name, size_t nargs, size_t most) {
    if (nargs <= most)
        return Status::ok;
    return raise_type_error(vm, name, "() takes at most ", std::to_string(most), " argument",
                            most == 1 ? "" : "s", " (", std::to_string(nargs), " given)");
}

gc::CollectorState& state_of(VM& vm) {
    return vm.heap().collector();
}

// ====== Collection and its switches

// Argument Clinic's wording for an unknown keyword: "'gen' is an invalid keyword argument for
// collect()".
Status check_generation_keyword(VM& vm, const char* name, Object* kwnames) {
    if (!kwnames)
        return Status::ok;
    auto* names = static_cast<VarObject*>(kwnames);
    for (intptr_t i = 0; i < names->size; ++i) {
        Object* key = tuple_items(kwnames)[i];
        if (str_to_utf8(key) != "generation")
            return raise_type_error(vm, "'", str_to_utf8(key),
                                    "' is an invalid keyword argument for ", name, "()");
    }
    return Status::ok;
}

Ref<Object> gc_collect(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_generation_keyword(vm, "collect", kwnames)) ||
        !is_ok(check_at_most(vm, "collect", nargs, 1)))
        return nullptr;
    Object* arg = nargs > 0 ? args[0] : keyword_argument(args, nargs, kwnames, "generation");
    int64_t generation = gc::generation_count - 1;
    if (arg && !is_ok(int_argument(vm, arg, generation)))
        return nullptr;
    if (generation < 0 || generation >= gc::generation_count)
        return raise_value_error(vm, "invalid generation");
    return int_from_i64(vm, gc::collect(vm, static_cast<int>(generation)));
}

Ref<Object> gc_enable(VM& vm, Object*, Args, size_t, Object*) {
    state_of(vm).enabled = true;
    return vm.new_none();
}

Ref<Object> gc_disable(VM& vm, Object*, Args, size_t, Object*) {
    state_of(vm).enabled = false;
    return vm.new_none();
}

Ref<Object> gc_isenabled(VM& vm, Object*, Args, size_t, Object*) {
    return vm.new_bool(state_of(vm).enabled);
}

Ref<Object> int_triple(VM& vm, intptr_t a, intptr_t b, intptr_t c) {
    Ref<Object> items[] = {int_from_i64(vm, a), int_from_i64(vm, b), int_from_i64(vm, c)};
    for (auto& item : items) {
        if (!item)
            return nullptr;
    }
    return tuple_pack(vm, {items[0].get(), items[1].get(), items[2].get()});
}

Ref<Object> gc_get_count(VM& vm, Object*, Args, size_t, Object*) {
    gc::Heap& heap = vm.heap();
    return int_triple(vm, heap.generation_counter(0), heap.generation_counter(1),
                      heap.generation_counter(2));
}

Ref<Object> gc_get_threshold(VM& vm, Object*, Args, size_t, Object*) {
    gc::Heap& heap = vm.heap();
    return int_triple(vm, heap.threshold(0), heap.threshold(1), heap.threshold(2));
}

Ref<Object> gc_set_threshold(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs == 0)
        return raise_type_error(vm, "set_threshold() takes at least 1 argument (0 given)");
    if (nargs > 3)
        return raise_type_error(vm, "set_threshold() takes at most 3 arguments (", nargs,
                                " given)");
    int64_t values[3] = {0, 0, 0};
    for (size_t i = 0; i < nargs; ++i) {
        if (!is_ok(int_argument(vm, args[i], values[i])))
            return nullptr;
    }
    for (size_t i = 0; i < nargs; ++i)
        vm.heap().set_threshold(static_cast<int>(i), values[i]);
    return vm.new_none();
}

Ref<Object> gc_set_debug(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t flags = 0;
    if (!is_ok(int_argument(vm, args[0], flags)))
        return nullptr;
    state_of(vm).debug = static_cast<int>(flags);
    return vm.new_none();
}

Ref<Object> gc_get_debug(VM& vm, Object*, Args, size_t, Object*) {
    return int_from_i64(vm, state_of(vm).debug);
}

Ref<Object> gc_get_stats(VM& vm, Object*, Args, size_t, Object*) {
    Ref<Object> result = list_new(vm, gc::generation_count);
    if (!result)
        return nullptr;
    for (const gc::GenerationStats& stats : state_of(vm).stats) {
        Ref<Object> entry = dict_new(vm);
        if (!entry)
            return nullptr;
        const std::pair<const char*, intptr_t> fields[] = {{"collections", stats.collections},
                                                           {"collected", stats.collected},
                                                           {"uncollectable", stats.uncollectable}};
        for (const auto& [name, value] : fields) {
            Ref<Object> key = str_from_utf8(vm, name);
            Ref<Object> number = int_from_i64(vm, value);
            if (!key || !number || !is_ok(dict_setitem(vm, entry.get(), key.get(), number.get())))
                return nullptr;
        }
        if (!is_ok(list_append(vm, result.get(), entry.get())))
            return nullptr;
    }
    return result;
}

// ====== Looking at the tracked objects

// Built-in type objects are static (never tracked) in CPython.
bool is_tracked_object(Object* object) {
    if (!has_flag(object->type, type_has_gc) || !gc::Heap::is_tracked(object))
        return false;
    if (has_flag(object->type, type_type_subclass) && !is_heap_type(static_cast<Type*>(object)))
        return false;
    return true;
}

Ref<Object> gc_is_tracked(VM& vm, Object*, Args args, size_t, Object*) {
    return vm.new_bool(is_tracked_object(args[0]));
}

Ref<Object> gc_is_finalized(VM& vm, Object*, Args args, size_t, Object*) {
    return vm.new_bool(gc::is_finalized(args[0]));
}

// Appends every object of the ring (but `skip`) to `list`.
Status append_ring(VM& vm, gc::GcHead* ring, Object* list) {
    for (gc::GcHead* head = ring->gc_next; head != ring; head = head->gc_next) {
        Object* object = gc::object_of(head);
        if (object == list || !is_tracked_object(object))
            continue;
        if (!is_ok(list_append(vm, list, object)))
            return Status::error;
    }
    return Status::ok;
}

Ref<Object> gc_get_objects(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_generation_keyword(vm, "get_objects", kwnames)) ||
        !is_ok(check_at_most(vm, "get_objects", nargs, 1)))
        return nullptr;
    Object* arg = nargs > 0 ? args[0] : keyword_argument(args, nargs, kwnames, "generation");
    int64_t generation = -1;
    if (arg && arg != vm.none() && !is_ok(int_argument(vm, arg, generation)))
        return nullptr;
    if (generation >= gc::generation_count)
        return raise_value_error(vm, "generation parameter must be less than the number of "
                                     "available generations (3)");
    if (generation < -1)
        return raise_value_error(vm, "generation parameter cannot be negative");
    Ref<Object> result = list_new(vm);
    if (!result)
        return nullptr;
    for (int g = 0; g < gc::generation_count; ++g) {
        if ((generation == -1 || generation == g) &&
            !is_ok(append_ring(vm, vm.heap().generation(g), result.get())))
            return nullptr;
    }
    return result;
}

struct ReferrerSearch {
    Object* const* targets;
    size_t count;
    bool found;
};

int visit_find(Object* object, void* arg) {
    auto* search = static_cast<ReferrerSearch*>(arg);
    for (size_t i = 0; i < search->count; ++i) {
        if (object == search->targets[i]) {
            search->found = true;
            return 1;
        }
    }
    return 0;
}

Ref<Object> gc_get_referrers(VM& vm, Object*, Args args, size_t nargs, Object*) {
    Ref<Object> result = list_new(vm);
    if (!result)
        return nullptr;
    for (int g = 0; g < gc::generation_count; ++g) {
        gc::GcHead* ring = vm.heap().generation(g);
        for (gc::GcHead* head = ring->gc_next; head != ring; head = head->gc_next) {
            Object* object = gc::object_of(head);
            if (object == result.get() || !object->type->slots.traverse)
                continue;
            ReferrerSearch search{args, nargs, false};
            (void)object->type->slots.traverse(object, visit_find, &search);
            if (search.found && !is_ok(list_append(vm, result.get(), object)))
                return nullptr;
        }
    }
    return result;
}

struct ReferentList {
    VM* vm;
    Object* list;
};

int visit_append(Object* object, void* arg) {
    auto* referents = static_cast<ReferentList*>(arg);
    if (object && !is_ok(list_append(*referents->vm, referents->list, object)))
        return -1;
    return 0;
}

Ref<Object> gc_get_referents(VM& vm, Object*, Args args, size_t nargs, Object*) {
    Ref<Object> result = list_new(vm);
    if (!result)
        return nullptr;
    ReferentList referents{&vm, result.get()};
    for (size_t i = 0; i < nargs; ++i) {
        Object* object = args[i];
        if (!is_tracked_object(object) && !has_flag(object->type, type_has_gc))
            continue;
        if (has_flag(object->type, type_type_subclass) && !is_heap_type(static_cast<Type*>(object)))
            continue; // static in CPython: no traverse
        if (auto traverse = object->type->slots.traverse) {
            if (traverse(object, visit_append, &referents) != 0)
                return nullptr;
        }
    }
    return result;
}

// ====== Freezing

Ref<Object> gc_freeze(VM& vm, Object*, Args, size_t, Object*) {
    gc::freeze(vm);
    return vm.new_none();
}

Ref<Object> gc_unfreeze(VM& vm, Object*, Args, size_t, Object*) {
    gc::unfreeze(vm);
    return vm.new_none();
}

Ref<Object> gc_get_freeze_count(VM& vm, Object*, Args, size_t, Object*) {
    return int_from_i64(vm, gc::freeze_count(vm));
}

const MethodDef gc_functions[] = {
    {"collect", gc_collect, MethodKind::fastcall_keywords,
     "Run the garbage collector; return the number of unreachable objects found."},
    {"enable", gc_enable, MethodKind::noargs, "Enable automatic garbage collection."},
    {"disable", gc_disable, MethodKind::noargs, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, MethodKind::noargs,
     "Returns true if automatic garbage collection is enabled."},
    {"get_count", gc_get_count, MethodKind::noargs,
     "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, MethodKind::noargs,
     "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, MethodKind::fastcall,
     "Set the collection thresholds (threshold0[, threshold1[, threshold2]])."},
    {"set_debug", gc_set_debug, MethodKind::o, "Set the garbage collection debugging flags."},
    {"get_debug", gc_get_debug, MethodKind::noargs, "Get the garbage collection debugging flags."},
    {"get_stats", gc_get_stats, MethodKind::noargs,
     "Return a list of dictionaries containing per-generation statistics."},
    {"get_objects", gc_get_objects, MethodKind::fastcall_keywords,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"is_tracked", gc_is_tracked, MethodKind::o,
     "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, MethodKind::o,
     "Returns true if the object has been already finalized by the GC."},
    {"get_referrers", gc_get_referrers, MethodKind::fastcall,
     "Return the list of objects that directly refer to any of objs."},
    {"get_referents", gc_get_referents, MethodKind::fastcall,
     "Return the list of objects that are directly referred to by objs."},
    {"freeze", gc_freeze, MethodKind::noargs,
     "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze, MethodKind::noargs,
     "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, MethodKind::noargs,
     "Return the number of objects in the permanent generation."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

bool init_gc_module(Runtime& runtime, Object* module) {
    VM& vm = runtime.vm();
    gc::CollectorState& state = vm.heap().collector();
    for (Object** list : {&state.garbage, &state.callbacks}) {
        if (*list)
            continue;
        Ref<Object> made = list_new(vm);
        if (!made)
            return false;
        *list = made.release();
    }
    if (!add_functions(runtime, module, gc_functions) ||
        !add_object(runtime, module, "garbage", state.garbage) ||
        !add_object(runtime, module, "callbacks", state.callbacks))
        return false;
    const std::pair<const char*, int> flags[] = {{"DEBUG_STATS", gc::debug_stats},
                                                 {"DEBUG_COLLECTABLE", gc::debug_collectable},
                                                 {"DEBUG_UNCOLLECTABLE", gc::debug_uncollectable},
                                                 {"DEBUG_SAVEALL", gc::debug_saveall},
                                                 {"DEBUG_LEAK", gc::debug_leak}};
    for (const auto& [name, value] : flags) {
        Ref<Object> number = int_from_i64(vm, value);
        if (!number || !add_object(runtime, module, name, number.get()))
            return false;
    }
    return true;
}

} // namespace minipy::stdlib
