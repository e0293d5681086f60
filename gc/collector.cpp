// The cycle collector: CPython's gc_collect_main (Modules/gcmodule.c, 3.11) over minipy's
// generation rings. Invariants are in gc/collector.h; the gc_refs states of a GcHead during a
// collection:
//  - outside a collection only gc_flag_finalized may be set;
//  - update_refs: every object of the young generations gets gc_flag_collecting and a count equal
//    to its reference count;
//  - subtract_refs: the count drops by one for each reference from another young object, so what
//    is left counts references from outside (roots);
//  - move_unreachable: objects with a zero count that nothing reachable refers to move to the
//    unreachable ring with gc_flag_unreachable; everything else keeps a positive count;
//  - move_unreachable clears the flags of each reachable object once it has scanned it, so the
//    survivors merge into the older generation with no scratch bits left.
#include "gc/collector.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "gc/refchain.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/thread_state.h"
#include "vm/traceback.h"
#include "vm/type.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/instance_values.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/member.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"
#include "vm/weakref.h"

namespace minipy::gc {
namespace {

using vm::Object;
using vm::Ref;
using vm::VM;

constexpr intptr_t flag_mask = (intptr_t{1} << gc_refs_shift) - 1;
constexpr intptr_t one_ref = intptr_t{1} << gc_refs_shift;

// ====== Rings

void ring_init(GcHead* ring) {
    ring->gc_prev = ring;
    ring->gc_next = ring;
}

bool ring_empty(const GcHead* ring) {
    return ring->gc_next == ring;
}

void ring_remove(GcHead* head) {
    head->gc_prev->gc_next = head->gc_next;
    head->gc_next->gc_prev = head->gc_prev;
}

void ring_append(GcHead* ring, GcHead* head) {
    GcHead* last = ring->gc_prev;
    head->gc_prev = last;
    head->gc_next = ring;
    last->gc_next = head;
    ring->gc_prev = head;
}

void ring_move(GcHead* head, GcHead* ring) {
    ring_remove(head);
    ring_append(ring, head);
}

// Appends every object of `from` to `to`; `from` becomes empty.
void ring_merge(GcHead* from, GcHead* to) {
    if (ring_empty(from))
        return;
    GcHead* last = to->gc_prev;
    last->gc_next = from->gc_next;
    from->gc_next->gc_prev = last;
    to->gc_prev = from->gc_prev;
    from->gc_prev->gc_next = to;
    ring_init(from);
}

intptr_t ring_size(const GcHead* ring) {
    intptr_t count = 0;
    for (const GcHead* head = ring->gc_next; head != ring; head = head->gc_next)
        ++count;
    return count;
}

bool is_container(const Object* object) {
    return vm::has_flag(object->type, vm::type_has_gc);
}

intptr_t count_of(const GcHead* head) {
    return head->gc_refs >> gc_refs_shift;
}

void set_count(GcHead* head, intptr_t count) {
    head->gc_refs = (head->gc_refs & flag_mask) | (count << gc_refs_shift);
}

// The young object behind `object` if it takes part in this collection, else null.
GcHead* collecting_head(Object* object) {
    if (!object || !is_container(object))
        return nullptr;
    GcHead* head = gc_head_of(object);
    if (!head->gc_next || !(head->gc_refs & gc_flag_collecting))
        return nullptr;
    return head;
}

bool is_type_object(const Object* object) {
    return vm::has_flag(object->type, vm::type_type_subclass);
}

// ====== Finding the unreachable objects (CPython's deduce_unreachable)

// The exact types whose traversal the collector's passes inline, so that visiting their items is a
// tight loop without an indirect call per item (the other types go through their traverse slot).
// A "plain instance" is one of a Python class whose only built-in base is object: its referents
// are its dict (right after the object header) and its class, as heap_traverse visits them.
struct FastTypes {
    vm::Type* list;
    vm::Type* tuple;
    vm::Type* object;
    size_t instance_dict_offset;
};

FastTypes fast_types(VM& vm) {
    vm::BuiltinTypes& types = vm.types();
    return FastTypes{types.list, types.tuple, types.object, types.object->basic_size};
}

// Calls visit(item) for each referent of `object`; `slow` and `arg` serve the traverse slot of the
// types not inlined. Null items are passed on (the visits skip them).
template <typename Visit>
[[gnu::always_inline]] inline void traverse_fast(Object* object, const FastTypes& fast, Visit visit,
                                                 vm::VisitFn slow, void* arg) {
    vm::Type* type = object->type;
    if (type == fast.list) {
        auto* list = static_cast<vm::List*>(object);
        Object** items = list->items;
        for (intptr_t i = 0, n = list->size; i < n; ++i)
            visit(items[i]);
    } else if (type == fast.tuple) {
        Object** items = vm::tuple_items(object);
        for (intptr_t i = 0, n = static_cast<vm::VarObject*>(object)->size; i < n; ++i)
            visit(items[i]);
    } else if (vm::is_heap_type(type) && vm::solid_base(type) == fast.object &&
               !vm::has_flag(type, vm::type_slot_members)) { // __slots__ words: heap_traverse
        visit(*reinterpret_cast<Object**>(reinterpret_cast<char*>(object) +
                                          fast.instance_dict_offset));
        if (vm::InstanceValues* values = vm::instance_values(object)) {
            Object** words = vm::values_words(values);
            for (int i = 0, n = values->end; i < n; ++i)
                visit(words[i]); // inline attribute values (vm/types/instance_values.h)
        }
        visit(type);
    } else if (auto slot = type->slots.traverse) {
        (void)slot(object, slow, arg);
    }
}

// `held` references of each object are the collector's own (not from outside).
void update_refs(GcHead* young, intptr_t held = 0) {
    for (GcHead* head = young->gc_next; head != young; head = head->gc_next) {
        intptr_t refcount = object_of(head)->refcount - held;
        head->gc_refs =
            (head->gc_refs & gc_flag_finalized) | gc_flag_collecting | (refcount << gc_refs_shift);
    }
}

[[gnu::always_inline]] inline void decref_young(Object* object) {
    if (GcHead* head = collecting_head(object))
        head->gc_refs -= one_ref;
}

int visit_decref(Object* object, void*) {
    decref_young(object);
    return 0;
}

void subtract_refs(GcHead* young, const FastTypes& fast) {
    for (GcHead* head = young->gc_next; head != young; head = head->gc_next) {
        // The next object's header is needed next: fetch it while this one is scanned.
        __builtin_prefetch(object_of(head->gc_next));
        traverse_fast(
            object_of(head), fast, [](Object* item) { decref_young(item); }, visit_decref, nullptr);
    }
}

// A full collection when no object is frozen: every tracked object is in `young`, so the first
// visit of an object (from the ring walk or as a referent) can set its count (update_refs) and
// subtract_refs' decrements follow at once: one pass over the ring instead of two.
[[gnu::always_inline]] inline void start_count(GcHead* head, Object* object) {
    head->gc_refs = (head->gc_refs & gc_flag_finalized) | gc_flag_collecting |
                    (object->refcount << gc_refs_shift);
}

[[gnu::always_inline]] inline void decref_tracked(Object* object) {
    if (!object || !is_container(object))
        return;
    GcHead* head = gc_head_of(object);
    if (!head->gc_next)
        return;
    if (!(head->gc_refs & gc_flag_collecting))
        start_count(head, object);
    head->gc_refs -= one_ref;
}

int visit_decref_tracked(Object* object, void*) {
    decref_tracked(object);
    return 0;
}

void update_and_subtract_refs(GcHead* young, const FastTypes& fast) {
    for (GcHead* head = young->gc_next; head != young; head = head->gc_next) {
        __builtin_prefetch(object_of(head->gc_next));
        Object* object = object_of(head);
        if (!(head->gc_refs & gc_flag_collecting))
            start_count(head, object);
        traverse_fast(
            object, fast, [](Object* item) { decref_tracked(item); }, visit_decref_tracked,
            nullptr);
    }
}

// An object reachable from a scanned reachable object: reachable too.
[[gnu::always_inline]] inline void mark_reachable(Object* object, GcHead* young) {
    GcHead* head = collecting_head(object);
    if (!head)
        return;
    if (head->gc_refs & gc_flag_unreachable) {
        // Moved to the unreachable ring too early: back to the young ring's tail, where the scan
        // of move_unreachable will reach it again.
        ring_move(head, young);
        head->gc_refs &= ~gc_flag_unreachable;
        set_count(head, 1);
    } else if (count_of(head) <= 0) {
        set_count(head, 1); // ahead in the young ring: scanned when the loop gets there
    }
}

int visit_reachable(Object* object, void* arg) {
    mark_reachable(object, static_cast<GcHead*>(arg));
    return 0;
}

bool is_atomic_tuple(Object* object);
int atomic_dict(Object* object);

// What move_unreachable untracks among the survivors it scans: tuples (CPython's untrack_tuples,
// every collection) and exact dicts (untrack_dicts, full collections only, as CPython: a dict
// being built is not scanned again and again).
struct Untrack {
    vm::Type* tuple = nullptr;
    vm::Type* dict = nullptr;
    std::vector<Object*>* recheck = nullptr; // dicts holding a tuple still tracked
};

void untrack_now(GcHead* head) {
    ring_remove(head);
    head->gc_prev = nullptr;
    head->gc_next = nullptr;
}

// CPython's move_unreachable: one pass over the young ring, which grows at its tail when an
// object thought unreachable turns out reachable. A reachable object loses its collecting flag
// once scanned (so later visits skip it); a scanned tuple or dict holding only atomic objects is
// untracked, as `untrack` says. Returns how many stay in `young`.
intptr_t move_unreachable(GcHead* young, GcHead* unreachable, const FastTypes& fast,
                          const Untrack& untrack) {
    intptr_t survivors = 0;
    GcHead* head = young->gc_next;
    while (head != young) {
        __builtin_prefetch(object_of(head->gc_next));
        if (count_of(head) > 0) {
            Object* object = object_of(head);
            head->gc_refs &= gc_flag_finalized;
            traverse_fast(
                object, fast, [young](Object* item) { mark_reachable(item, young); },
                visit_reachable, young);
            GcHead* next = head->gc_next;
            if (object->type == untrack.tuple && is_atomic_tuple(object)) {
                untrack_now(head);
            } else if (object->type == untrack.dict) {
                int atomic = atomic_dict(object);
                if (atomic > 0)
                    untrack_now(head);
                else if (atomic == 0)
                    untrack.recheck->push_back(object);
                if (atomic <= 0)
                    ++survivors;
            } else {
                ++survivors;
            }
            head = next;
        } else {
            GcHead* next = head->gc_next;
            ring_move(head, unreachable);
            head->gc_refs |= gc_flag_unreachable;
            head = next;
        }
    }
    return survivors;
}

// A tuple holding only atomic (or untracked) objects can never be part of a cycle. A null item
// (a tuple still being filled) keeps it tracked.
bool is_atomic_tuple(Object* object) {
    auto* tuple = static_cast<vm::VarObject*>(object);
    Object** items = vm::tuple_items(object);
    for (intptr_t i = 0; i < tuple->size; ++i) {
        Object* item = items[i];
        if (!item || may_be_tracked(item))
            return false;
    }
    return true;
}

// CPython's _PyDict_MaybeUntrack test: 1 when the dict holds only atomic keys and values, -1 when
// it holds a container, 0 when only tracked tuples keep it tracked (they may be untracked later
// in the same pass).
int atomic_dict(Object* dict) {
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    int result = 1;
    while (vm::dict_next(dict, pos, &key, &value)) {
        for (Object* item : {key, value}) {
            if (!may_be_tracked(item))
                continue;
            if (item->type != dict->type->vm->types().tuple)
                return -1;
            result = 0;
        }
    }
    return result;
}

// The dicts move_unreachable left for later: untracked if their tuples are now untracked.
intptr_t untrack_rechecked(const std::vector<Object*>& dicts) {
    intptr_t untracked = 0;
    for (Object* dict : dicts) {
        if (Heap::is_tracked(dict) && atomic_dict(dict) > 0) {
            untrack_now(gc_head_of(dict));
            ++untracked;
        }
    }
    return untracked;
}

// ====== Reporting

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// As CPython's PyErr_WriteUnraisable: "Exception ignored in: <repr of where>" and the traceback.
void report_unraisable(VM& vm, Object* where) {
    Ref<Object> error = vm.thread_state().fetch_exception();
    std::string text = "<object>";
    if (where) {
        if (Ref<Object> repr = vm::object_repr(vm, where))
            text = vm::str_to_utf8(repr.get());
        vm.thread_state().clear_exception();
    }
    std::fflush(stdout);
    std::fprintf(stderr, "Exception ignored in: %s\n", text.c_str());
    if (vm::Runtime* runtime = vm.runtime(); runtime && error)
        vm::print_exception(*runtime, error.get(), stderr);
    std::fflush(stderr);
    vm.thread_state().clear_exception();
}

void debug_object(const char* what, Object* object) {
    std::fprintf(stderr, "gc: %s <%s %p>\n", what, object->type->name, static_cast<void*>(object));
}

// ====== Finalizers, weak references, clearing

// PEP 442: the finalizer of one unreachable object, held by the caller.
void finalize(VM& vm, Object* object) {
    vm::Runtime* runtime = vm.runtime();
    if (!runtime || is_type_object(object))
        return;
    if (vm::is_heap_type(object->type)) {
        Ref<Object> name = vm::intern(vm, "__del__");
        if (!name) {
            vm.thread_state().clear_exception();
            return;
        }
        Object* del = vm::type_lookup(object->type, name.get());
        if (!del)
            return;
        set_finalized(object);
        Ref<Object> hold_del = Ref<Object>::borrow(del);
        Ref<Object> result = vm::call_dunder(vm, object, name.get(), nullptr, 0);
        if (!result)
            report_unraisable(vm, hold_del.get());
    } else if (object->type == runtime->types().generator) {
        // CPython's _PyGen_Finalize: a suspended generator is closed (its finally blocks run).
        set_finalized(object);
        Ref<Object> result = vm::call_method(vm, object, "close", nullptr, 0);
        if (!result)
            report_unraisable(vm, object);
    }
}

// Whether the class of heap instances defines __del__, looked up once per class in a pass (the
// garbage of one collection is mostly instances of a few classes).
struct DelLookup {
    Object* name = nullptr;
    vm::Type* type = nullptr;
    bool found = false;
    bool has_del(vm::Type* cls) {
        if (cls != type) {
            type = cls;
            found = name && vm::type_lookup(cls, name);
        }
        return found;
    }
};

// Whether garbage `object` has a finalizer still to run (PEP 442). A heap instance without
// __del__ is marked finalized, so its dealloc (maybe after its class was cleared) does not look
// for one.
bool needs_finalizer(Object* object, GcHead* head, DelLookup& del, vm::Type* generator) {
    if (head->gc_refs & gc_flag_finalized)
        return false;
    if (vm::is_heap_type(object->type) && !is_type_object(object)) {
        if (del.has_del(object->type))
            return true;
        head->gc_refs |= gc_flag_finalized;
        return false;
    }
    return object->type == generator;
}

void finalize_garbage(VM& vm, GcHead* unreachable) {
    Ref<Object> del_name = vm::intern(vm, "__del__");
    if (!del_name)
        vm.thread_state().clear_exception();
    DelLookup del;
    del.name = del_name.get();
    vm::Type* generator = vm.runtime() ? vm.runtime()->types().generator : nullptr;
    GcHead seen;
    ring_init(&seen);
    while (!ring_empty(unreachable)) {
        GcHead* head = unreachable->gc_next;
        ring_move(head, &seen);
        Object* object = object_of(head);
        if (!needs_finalizer(object, head, del, generator))
            continue;
        Ref<Object> hold = Ref<Object>::borrow(object);
        finalize(vm, object);
    }
    ring_merge(&seen, unreachable);
}

bool is_garbage(Object* object) {
    if (!is_container(object))
        return false;
    GcHead* head = gc_head_of(object);
    return head->gc_next && (head->gc_refs & gc_flag_unreachable);
}

// Whether a garbage object is the __dict__ of another garbage object that CPython 3.11 would count
// as one with it (see reported_count).
bool counted_with_owner(Object* object) {
    if (!vm::is_heap_type(object->type) || is_type_object(object))
        return false;
    Object** dict = vm::instance_dict_word(object);
    return dict && *dict && is_container(*dict) && Heap::is_tracked(*dict) &&
           (gc_head_of(*dict)->gc_refs & gc_flag_collecting);
}

// The first pass over the garbage, before any Python code runs (CPython's handle_weakrefs, first
// half): every weak reference to garbage is cleared, so no callback sees a half-cleared object,
// and a weakref that is garbage itself is cleared even when its referent lives on (its callback
// must not run later, when its referent dies while delete_garbage clears the cycle). The
// weakrefs with a callback that are not garbage go to `callbacks`; `reported` gets the count of
// reported_count. Returns whether a garbage object has a finalizer to run.
bool prepare_garbage(VM& vm, GcHead* unreachable, std::vector<Ref<Object>>& callbacks,
                     intptr_t& reported) {
    Ref<Object> del_name = vm::intern(vm, "__del__");
    if (!del_name)
        vm.thread_state().clear_exception();
    DelLookup del;
    del.name = del_name.get();
    vm::Type* generator = vm.runtime() ? vm.runtime()->types().generator : nullptr;
    bool finalizers = false;
    std::vector<Ref<Object>> pending;
    vm::Type* last_type = nullptr; // is_weakref answers for a whole class
    bool last_weakref = false;
    reported = 0;
    for (GcHead* head = unreachable->gc_next; head != unreachable; head = head->gc_next) {
        Object* object = object_of(head);
        if (object->type != last_type) {
            last_type = object->type;
            last_weakref = vm::is_weakref(object);
        }
        if (last_weakref)
            vm::weakref_unlink(static_cast<vm::WeakRef*>(object));
        if (vm::has_weakrefs(object))
            vm::clear_weakrefs_no_callbacks(object, pending);
        if (needs_finalizer(object, head, del, generator))
            finalizers = true;
        reported += counted_with_owner(object) ? 0 : 1;
    }
    for (Ref<Object>& weakref : pending) {
        if (!is_garbage(weakref.get()))
            callbacks.push_back(std::move(weakref));
    }
    return finalizers;
}

// A garbage class keeps its layout base and name until its dealloc (instances are freed through
// them); its dict, mro and bases (where the cycles are) go.
void clear_type(Object* object) {
    auto* type = static_cast<vm::Type*>(object);
    vm::set_ref(type->dict, nullptr);
    vm::set_ref(type->mro, nullptr);
    vm::set_ref(type->bases, nullptr);
}

// The clear step of one garbage object. Tuples are immutable and never cleared (CPython's tuple
// has no tp_clear): a type's mro and bases tuples stay whole until the type itself is cleared,
// since instances freed meanwhile look their type up through them. A tuple subclass instance
// loses its attribute dict only.
void clear_object(Object* object) {
    if (vm::has_flag(object->type, vm::type_tuple_subclass)) {
        if (vm::is_heap_type(object->type)) {
            if (Object** dict = vm::instance_dict_word(object))
                vm::set_ref(*dict, nullptr);
        }
        return;
    }
    if (auto clear = object->type->slots.clear)
        clear(object);
}

// CPython's delete_garbage: clears every object (classes last), which breaks the cycles; the
// reference counts then free them. An object still alive after its clear goes to `old`.
void delete_garbage(VM& vm, GcHead* unreachable, GcHead* old) {
    CollectorState& state = vm.heap().collector();
    GcHead types;
    ring_init(&types);
    for (int pass = 0; pass < 2; ++pass) {
        GcHead* ring = pass == 0 ? unreachable : &types;
        while (!ring_empty(ring)) {
            GcHead* head = ring->gc_next;
            Object* object = object_of(head);
            if (pass == 0 && is_type_object(object) && !(state.debug & debug_saveall)) {
                ring_move(head, &types);
                continue;
            }
            if (state.debug & debug_saveall) {
                if (state.garbage && !is_ok(vm::list_append(vm, state.garbage, object)))
                    vm.thread_state().clear_exception();
            } else {
                Ref<Object> hold = Ref<Object>::borrow(object);
                if (pass == 1)
                    clear_type(object);
                else
                    clear_object(object);
            }
            if (ring->gc_next == head) {
                // Still alive (held from outside by something its clear did not drop).
                head->gc_refs &= gc_flag_finalized;
                ring_move(head, old);
            }
        }
    }
}

// The number CPython 3.11 reports for `ring`: an instance's attribute dict is part of the
// instance there (inline values), so a dict that is the __dict__ of an unreachable instance is
// not counted.
intptr_t reported_count(GcHead* ring) {
    intptr_t count = 0;
    for (GcHead* head = ring->gc_next; head != ring; head = head->gc_next)
        count += counted_with_owner(object_of(head)) ? 0 : 1;
    return count;
}

// ====== One collection

struct Result {
    intptr_t collected = 0;
    intptr_t uncollectable = 0;
};

void print_generation_sizes(Heap& heap) {
    std::fprintf(stderr, "gc: objects in each generation: %zu %zu %zu\n", heap.generation_size(0),
                 heap.generation_size(1), heap.generation_size(2));
    std::fprintf(stderr, "gc: objects in permanent generation: %zu\n",
                 static_cast<size_t>(ring_size(heap.permanent())));
}

Result collect_main(VM& vm, int generation) {
    Heap& heap = vm.heap();
    CollectorState& state = heap.collector();
    auto start = std::chrono::steady_clock::now();
    if (state.debug & debug_stats) {
        std::fflush(stdout);
        std::fprintf(stderr, "gc: collecting generation %d...\n", generation);
        print_generation_sizes(heap);
    }
    if (generation + 1 < generation_count)
        ++heap.generation_counter(generation + 1);
    for (int g = 0; g <= generation; ++g)
        heap.generation_counter(g) = 0;
    for (int g = 0; g < generation; ++g)
        ring_merge(heap.generation(g), heap.generation(generation));
    GcHead* young = heap.generation(generation);
    GcHead* old = generation + 1 < generation_count ? heap.generation(generation + 1) : young;

    GcHead unreachable;
    ring_init(&unreachable);
    FastTypes fast = fast_types(vm);
    if (young == old && ring_empty(heap.permanent())) {
        update_and_subtract_refs(young, fast);
    } else {
        update_refs(young);
        subtract_refs(young, fast);
    }
    std::vector<Object*> recheck;
    Untrack untrack;
    untrack.tuple = vm.types().tuple;
    if (young == old) {
        untrack.dict = vm.types().dict;
        untrack.recheck = &recheck;
    }
    intptr_t survivors = move_unreachable(young, &unreachable, fast, untrack);
    survivors -= untrack_rechecked(recheck);
    if (young != old) {
        if (generation == generation_count - 2)
            state.long_lived_pending += survivors;
        ring_merge(young, old);
    } else {
        state.long_lived_pending = 0;
        state.long_lived_total = survivors;
    }
    if (state.debug & debug_collectable) {
        for (GcHead* head = unreachable.gc_next; head != &unreachable; head = head->gc_next)
            debug_object("collectable", object_of(head));
    }
    Result result;
    if (!ring_empty(&unreachable)) {
        std::vector<Ref<Object>> callbacks;
        intptr_t reported = 0;
        bool finalizers = prepare_garbage(vm, &unreachable, callbacks, reported);
        GcHead still;
        ring_init(&still);
        if (finalizers || !callbacks.empty()) {
            // Python code runs: every garbage object is held meanwhile, so none is freed under
            // the rings.
            std::vector<Ref<Object>> holds;
            for (GcHead* head = unreachable.gc_next; head != &unreachable; head = head->gc_next)
                holds.push_back(Ref<Object>::borrow(object_of(head)));
            for (Ref<Object>& weakref : callbacks)
                vm::call_weakref_callback(vm, weakref.get());
            callbacks.clear();
            finalize_garbage(vm, &unreachable);
            // CPython's handle_resurrected_objects: what a finalizer made reachable again
            // survives (to the older generation). The holds are not references from outside.
            update_refs(&unreachable, 1);
            subtract_refs(&unreachable, fast);
            (void)move_unreachable(&unreachable, &still, fast, Untrack{});
            ring_merge(&unreachable, old);
            result.collected = reported_count(&still);
            // Each garbage object is referred to by another one, so dropping the holds frees
            // only what the finalizers cut loose (their dealloc takes them off the ring).
            holds.clear();
        } else {
            // No finalizer, no callback: nothing could resurrect the garbage.
            ring_merge(&unreachable, &still);
            result.collected = reported;
        }
        delete_garbage(vm, &still, old);
    }
    GenerationStats& stats = state.stats[generation];
    ++stats.collections;
    stats.collected += result.collected;
    stats.uncollectable += result.uncollectable;
    auto pause = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                           std::chrono::steady_clock::now() - start)
                                           .count());
    stats.total_pause_ns += pause;
    if (pause > stats.longest_pause_ns)
        stats.longest_pause_ns = pause;
    if (state.debug & debug_stats) {
        std::fprintf(stderr, "gc: done, %zd unreachable, %zd uncollectable, %.4fs elapsed\n",
                     result.collected + result.uncollectable, result.uncollectable,
                     seconds_since(start));
    }
    return result;
}

// gc.callbacks: each is called with ("start" or "stop", info dict); errors are unraisable.
void invoke_callbacks(VM& vm, const char* phase, int generation, const Result& result) {
    CollectorState& state = vm.heap().collector();
    if (!state.callbacks || !vm.runtime() || vm::list_size(state.callbacks) == 0)
        return;
    Ref<Object> phase_text = vm::str_from_utf8(vm, phase);
    Ref<Object> info = vm::dict_new(vm);
    if (!phase_text || !info) {
        vm.thread_state().clear_exception();
        return;
    }
    const std::pair<const char*, intptr_t> fields[] = {{"generation", generation},
                                                       {"collected", result.collected},
                                                       {"uncollectable", result.uncollectable}};
    for (const auto& [key, value] : fields) {
        Ref<Object> key_text = vm::str_from_utf8(vm, key);
        Ref<Object> number = vm::int_from_i64(vm, value);
        if (!key_text || !number ||
            !is_ok(vm::dict_setitem(vm, info.get(), key_text.get(), number.get()))) {
            vm.thread_state().clear_exception();
            return;
        }
    }
    // A copy, as CPython: a callback may change the list.
    Ref<Object> callbacks = vm::tuple_from_array(
        vm, vm::list_items(state.callbacks), static_cast<size_t>(vm::list_size(state.callbacks)));
    if (!callbacks) {
        vm.thread_state().clear_exception();
        return;
    }
    auto* copy = static_cast<vm::VarObject*>(callbacks.get());
    for (intptr_t i = 0; i < copy->size; ++i) {
        Object* callback = vm::tuple_items(copy)[i];
        Object* args[] = {phase_text.get(), info.get()};
        Ref<Object> called = vm::call_object(vm, callback, args, 2, nullptr);
        if (!called)
            report_unraisable(vm, callback);
    }
}

intptr_t collect_with_callbacks(VM& vm, int generation) {
    CollectorState& state = vm.heap().collector();
    if (state.collecting)
        return 0;
    state.collecting = true;
    Ref<Object> saved = vm.thread_state().fetch_exception();
    invoke_callbacks(vm, "start", generation, Result{});
    Result result = collect_main(vm, generation);
    invoke_callbacks(vm, "stop", generation, result);
    vm.thread_state().clear_exception();
    if (saved)
        vm.thread_state().set_exception(std::move(saved));
    state.collecting = false;
    return result.collected + result.uncollectable;
}

} // namespace

// ====== Public entry points

intptr_t collect(VM& vm, int generation) {
    return collect_with_callbacks(vm, generation);
}

void schedule_collection(vm::Type* type) {
    if (!type || !type->vm)
        return;
    VM& vm = *type->vm;
    Heap& heap = vm.heap();
    CollectorState& state = heap.collector();
    if (state.collecting || heap.threshold(0) == 0 || !vm.runtime())
        return;
    state.scheduled = true;
    vm.thread_state().set_eval_ticks(-1); // the next eval breaker check runs the collection
}

bool collection_scheduled(VM& vm) {
    return vm.heap().collector().scheduled;
}

void run_scheduled_collection(VM& vm) {
    Heap& heap = vm.heap();
    CollectorState& state = heap.collector();
    state.scheduled = false;
    if (!state.enabled || state.collecting || heap.threshold(0) == 0)
        return;
    // CPython's gc_collect_generations: the oldest generation past its threshold; the oldest
    // only when enough objects became long-lived since the last full collection.
    for (int g = generation_count - 1; g >= 0; --g) {
        if (heap.generation_counter(g) <= heap.threshold(g))
            continue;
        if (g == generation_count - 1 && state.long_lived_pending < state.long_lived_total / 4)
            continue;
        (void)collect_with_callbacks(vm, g);
        return;
    }
}

void freeze(VM& vm) {
    Heap& heap = vm.heap();
    for (int g = 0; g < generation_count; ++g)
        ring_merge(heap.generation(g), heap.permanent());
    heap.generation_counter(0) = 0;
}

void unfreeze(VM& vm) {
    Heap& heap = vm.heap();
    ring_merge(heap.permanent(), heap.generation(generation_count - 1));
}

intptr_t freeze_count(VM& vm) {
    return ring_size(vm.heap().permanent());
}

bool may_be_tracked(Object* object) {
    if (!is_container(object))
        return false;
    if (object->type == vm::vm_of(object).types().tuple)
        return Heap::is_tracked(object);
    return true;
}

void track_dict_slow(Object* dict, Object* key, Object* value) {
    if (may_be_tracked(key) || may_be_tracked(value))
        vm::vm_of(dict).heap().track(dict);
}

bool is_finalized(Object* object) {
    return is_container(object) && (gc_head_of(object)->gc_refs & gc_flag_finalized);
}

void set_finalized(Object* object) {
    if (is_container(object))
        gc_head_of(object)->gc_refs |= gc_flag_finalized;
}

void print_gc_stats(VM& vm) {
    CollectorState& state = vm.heap().collector();
    for (int g = 0; g < generation_count; ++g) {
        const GenerationStats& stats = state.stats[g];
        std::fprintf(stderr,
                     "gc: generation %d: %zd collections, %zd objects collected, longest pause "
                     "%.6fs\n",
                     g, stats.collections, stats.collected,
                     static_cast<double>(stats.longest_pause_ns) / 1e9);
    }
    std::fflush(stderr);
}

} // namespace minipy::gc
