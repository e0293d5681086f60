// Tests gc/refchain.cpp: every object on the refchain, counts, immediate freeing at refcount 0,
// container tracking in generation 0, and the trashcan for deeply nested containers.
#include "gc/refchain.h"

#include <gtest/gtest.h>

#include "../support/runtime_helpers.h"
#include "vm/types/list.h"
#include "vm/types/tuple.h"

namespace minipy::test {
namespace {

bool on_refchain(vm::VM& machine, Object* object) {
    for (Object* o = machine.heap().first(); o != machine.heap().end(); o = o->chain_next) {
        if (o == object)
            return true;
    }
    return false;
}

TEST(Refchain, NewObjectIsLinkedAndCounted) {
    auto machine = make_vm();
    size_t before = machine->heap().object_count();
    intptr_t refs_before = machine->heap().total_refcount();
    Ref<Object> value = vm::int_from_i64(*machine, 1234567);
    ASSERT_TRUE(value);
    EXPECT_EQ(machine->heap().object_count(), before + 1);
    EXPECT_EQ(machine->heap().total_refcount(), refs_before + 1);
    EXPECT_TRUE(on_refchain(*machine, value.get()));
    EXPECT_EQ(value->refcount, 1);
}

TEST(Refchain, RefcountZeroFreesAtOnce) {
    auto machine = make_vm();
    size_t before = machine->heap().object_count();
    {
        Ref<Object> a = str_of(*machine, "some text that is not pooled");
        Ref<Object> b = a; // a second reference
        EXPECT_EQ(a->refcount, 2);
        EXPECT_EQ(machine->heap().object_count(), before + 1);
        b = nullptr;
        EXPECT_EQ(machine->heap().object_count(), before + 1);
    }
    EXPECT_EQ(machine->heap().object_count(), before);
}

TEST(Refchain, ContainerFreesItsItems) {
    auto machine = make_vm();
    size_t before = machine->heap().object_count();
    {
        Ref<Object> list = vm::list_new(*machine);
        for (int i = 0; i < 10; ++i) {
            Ref<Object> item = vm::int_from_i64(*machine, 1000 + i);
            ASSERT_TRUE(vm::is_ok(vm::list_append(*machine, list.get(), item.get())));
        }
        EXPECT_EQ(machine->heap().object_count(), before + 11);
    }
    EXPECT_EQ(machine->heap().object_count(), before);
}

TEST(Refchain, ContainersAreTrackedInGenerationZero) {
    auto machine = make_vm();
    size_t young = machine->heap().generation_size(0);
    Ref<Object> list = vm::list_new(*machine);
    EXPECT_TRUE(gc::Heap::is_tracked(list.get()));
    EXPECT_EQ(machine->heap().generation_size(0), young + 1);
    Ref<Object> number = vm::int_from_i64(*machine, 99999);
    EXPECT_EQ(machine->heap().generation_size(0), young + 1); // ints are not containers
    list = nullptr;
    EXPECT_EQ(machine->heap().generation_size(0), young);
    EXPECT_EQ(machine->heap().threshold(0), 700);
    EXPECT_EQ(machine->heap().threshold(1), 10);
    EXPECT_EQ(machine->heap().threshold(2), 10);
}

TEST(Refchain, AllocationCounterGrowsWithContainers) {
    auto machine = make_vm();
    intptr_t before = machine->heap().generation_counter(0);
    Ref<Object> a = vm::list_new(*machine);
    Ref<Object> b = vm::list_new(*machine);
    EXPECT_EQ(machine->heap().generation_counter(0), before + 2);
}

TEST(Refchain, DeeplyNestedListsFreeWithoutStackOverflow) {
    auto machine = make_vm();
    size_t before = machine->heap().object_count();
    {
        Ref<Object> outer = vm::list_new(*machine);
        for (int i = 0; i < 1000000; ++i) {
            Ref<Object> next = vm::list_new(*machine);
            ASSERT_TRUE(vm::is_ok(vm::list_append(*machine, next.get(), outer.get())));
            outer = std::move(next);
        }
        EXPECT_EQ(machine->heap().object_count(), before + 1000001);
    }
    EXPECT_EQ(machine->heap().object_count(), before);
}

TEST(Refchain, DeeplyNestedTuplesFreeWithoutStackOverflow) {
    auto machine = make_vm();
    size_t before = machine->heap().object_count();
    {
        Ref<Object> outer = vm::tuple_new(*machine, 0);
        for (int i = 0; i < 500000; ++i)
            outer = vm::tuple_pack(*machine, {outer.get()});
    }
    EXPECT_EQ(machine->heap().object_count(), before);
}

} // namespace
} // namespace minipy::test
