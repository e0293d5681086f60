// Tests vm/weakref.cpp at the object-model level (no Runtime, so no callback is ever called):
// which objects have a list, the order of the list (basic refs first, so they can be reused),
// clearing for the collector, clearing on death, and VM teardown with weakrefs still alive.
#include "vm/weakref.h"

#include <gtest/gtest.h>

#include <vector>

#include "../support/runtime_helpers.h"
#include "gc/refchain.h"
#include "vm/type.h"
#include "vm/vm.h"

namespace minipy::test {
namespace {

using vm::Type;
using vm::WeakRef;
using vm::WeakRefKind;

void test_ref_dealloc(Object* self) {
    auto* ref = static_cast<WeakRef*>(self);
    vm::weakref_unlink(ref);
    vm::xdecref(ref->callback);
    vm::vm_of(self).heap().release(self);
}

// A referent type with a weak reference list and a weakref type with the WeakRef layout.
struct Types {
    Ref<Type> target;
    Ref<Type> weakref;
};

Types make_types(vm::VM& machine) {
    vm::TypeSpec target{};
    target.name = "Target";
    target.basic_size = sizeof(Object);
    target.slots.dealloc = vm::dealloc_plain;
    vm::TypeSpec weakref{};
    weakref.name = "TestRef";
    weakref.basic_size = sizeof(WeakRef);
    weakref.slots.dealloc = test_ref_dealloc;
    Types types{vm::make_type(machine, target), vm::make_type(machine, weakref)};
    EXPECT_TRUE(types.target && types.weakref);
    vm::enable_weakrefs(types.target.get());
    return types;
}

Ref<WeakRef> new_ref(vm::VM& machine, Type* type, Object* referent, WeakRefKind kind,
                     Object* callback = nullptr) {
    Ref<WeakRef> ref = vm::allocate_object<WeakRef>(machine, type);
    EXPECT_TRUE(ref);
    ref->hash = -1;
    ref->kind = kind;
    ref->callback = callback;
    vm::xincref(callback);
    vm::weakref_link(ref.get(), referent);
    return ref;
}

std::vector<WeakRef*> list_of(Object* referent) {
    std::vector<WeakRef*> refs;
    for (Object* item = *vm::weaklist_of(referent); item; item = static_cast<WeakRef*>(item)->next)
        refs.push_back(static_cast<WeakRef*>(item));
    return refs;
}

TEST(Weakref, OnlyTypesWithAListSupportWeakReferences) {
    auto machine = make_vm();
    Types types = make_types(*machine);
    Ref<Object> number = int_of(*machine, "5");
    EXPECT_EQ(vm::weaklist_of(number.get()), nullptr);
    Ref<Object> target = vm::allocate_object<Object>(*machine, types.target.get());
    ASSERT_TRUE(target);
    ASSERT_NE(vm::weaklist_of(target.get()), nullptr);
    EXPECT_EQ(*vm::weaklist_of(target.get()), nullptr);
    EXPECT_FALSE(vm::has_weakrefs(target.get()));
    EXPECT_EQ(vm::weakref_count(target.get()), 0);
    // Classes can be weakly referenced: their list is Type::weaklist.
    EXPECT_EQ(vm::weaklist_of(types.target.get()), &types.target->weaklist);
}

TEST(Weakref, BasicRefsComeFirstAndAreFound) {
    auto machine = make_vm();
    Types types = make_types(*machine);
    Ref<Object> target = vm::allocate_object<Object>(*machine, types.target.get());
    Ref<Object> callback = str_of(*machine, "callback");
    Type* type = types.weakref.get();
    Ref<WeakRef> with_callback =
        new_ref(*machine, type, target.get(), WeakRefKind::ref, callback.get());
    Ref<WeakRef> proxy = new_ref(*machine, type, target.get(), WeakRefKind::proxy);
    Ref<WeakRef> basic = new_ref(*machine, type, target.get(), WeakRefKind::ref);
    Ref<WeakRef> subclass = new_ref(*machine, type, target.get(), WeakRefKind::ref_subclass);
    std::vector<WeakRef*> expected = {basic.get(), subclass.get(), proxy.get(),
                                      with_callback.get()};
    EXPECT_EQ(list_of(target.get()), expected);
    EXPECT_EQ(vm::weakref_count(target.get()), 4);
    EXPECT_EQ(vm::weakref_find_basic(target.get(), WeakRefKind::ref, false), basic.get());
    EXPECT_EQ(vm::weakref_find_basic(target.get(), WeakRefKind::ref, true), nullptr);
    EXPECT_EQ(vm::weakref_find_basic(target.get(), WeakRefKind::ref_subclass, false), nullptr);
    // The basic proxy is found only right after the basic ref.
    EXPECT_EQ(vm::weakref_find_basic(target.get(), WeakRefKind::proxy, false), nullptr);
    subclass = nullptr; // its dealloc unlinks it
    EXPECT_EQ(vm::weakref_find_basic(target.get(), WeakRefKind::proxy, false), proxy.get());
    EXPECT_EQ(vm::weakref_count(target.get()), 3);
}

TEST(Weakref, CollectorClearsWithoutCallingAndCollectsCallbacks) {
    auto machine = make_vm();
    Types types = make_types(*machine);
    Ref<Object> target = vm::allocate_object<Object>(*machine, types.target.get());
    Ref<Object> callback = str_of(*machine, "callback");
    Type* type = types.weakref.get();
    Ref<WeakRef> plain = new_ref(*machine, type, target.get(), WeakRefKind::ref);
    Ref<WeakRef> first = new_ref(*machine, type, target.get(), WeakRefKind::ref, callback.get());
    Ref<WeakRef> second = new_ref(*machine, type, target.get(), WeakRefKind::proxy, callback.get());
    std::vector<Ref<Object>> pending;
    vm::clear_weakrefs_no_callbacks(target.get(), pending);
    EXPECT_FALSE(vm::has_weakrefs(target.get()));
    for (WeakRef* ref : {plain.get(), first.get(), second.get()}) {
        EXPECT_EQ(ref->referent, nullptr);
        EXPECT_EQ(ref->prev, nullptr);
        EXPECT_EQ(ref->next, nullptr);
    }
    ASSERT_EQ(pending.size(), 2u);
    // Only weakrefs with a callback are pending, held (new references), in list order.
    EXPECT_EQ(pending[0].get(), second.get());
    EXPECT_EQ(pending[1].get(), first.get());
    EXPECT_EQ(first->refcount, 2);
    EXPECT_EQ(first->callback, callback.get()); // kept for call_weakref_callback
    // Clearing again finds nothing; the dead weakrefs die without touching the referent.
    vm::clear_weakrefs_no_callbacks(target.get(), pending);
    EXPECT_EQ(pending.size(), 2u);
    pending.clear();
    first = nullptr;
    second = nullptr;
    EXPECT_EQ(target->refcount, 1);
}

TEST(Weakref, DeathOfTheReferentClearsItsWeakrefs) {
    auto machine = make_vm();
    Types types = make_types(*machine);
    Ref<Object> target = vm::allocate_object<Object>(*machine, types.target.get());
    Ref<WeakRef> ref = new_ref(*machine, types.weakref.get(), target.get(), WeakRefKind::ref);
    Ref<WeakRef> other =
        new_ref(*machine, types.weakref.get(), target.get(), WeakRefKind::ref_subclass);
    size_t before = machine->heap().object_count();
    target = nullptr; // gc::dealloc_object clears the list, then frees
    EXPECT_EQ(machine->heap().object_count(), before - 1);
    EXPECT_EQ(ref->referent, nullptr);
    EXPECT_EQ(other->referent, nullptr);
    EXPECT_EQ(ref->next, nullptr);
}

TEST(Weakref, TeardownWithLiveWeakrefsFreesEverything) {
    // Referents and weakrefs alive when the VM goes: teardown unlinks them first, so whichever
    // is freed first, nothing reads freed memory (checked by the sanitizer builds).
    auto machine = make_vm();
    Types types = make_types(*machine);
    // Every reference below is left to the teardown (the types too: they die with the VM).
    Type* target_type = types.target.release();
    Type* weakref_type = types.weakref.release();
    for (int i = 0; i < 10; ++i) {
        Object* target = vm::allocate_object<Object>(*machine, target_type).release();
        (void)new_ref(*machine, weakref_type, target, WeakRefKind::ref).release();
        (void)new_ref(*machine, weakref_type, target_type, WeakRefKind::proxy).release();
    }
    machine.reset();
    SUCCEED();
}

} // namespace
} // namespace minipy::test
