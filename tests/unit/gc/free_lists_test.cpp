// Tests gc/free_lists.cpp: a freed float's memory is reused by the next float, caps hold, and list,
// tuple and dict reuse their kept structs.
#include "gc/free_lists.h"

#include <gtest/gtest.h>

#include <vector>

#include "../support/runtime_helpers.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/list.h"
#include "vm/types/tuple.h"

namespace minipy::test {
namespace {

TEST(FreeLists, FreedFloatMemoryIsReused) {
    auto machine = make_vm();
    // v1 = 3.14; del v1; v9 = 999.99 puts v9 in v1's old memory.
    Ref<Object> v1 = vm::float_new(*machine, 3.14);
    Object* address = v1.get();
    size_t kept = machine->free_lists().floats().size();
    v1 = nullptr;
    EXPECT_EQ(machine->free_lists().floats().size(), kept + 1);
    Ref<Object> v9 = vm::float_new(*machine, 999.99);
    EXPECT_EQ(v9.get(), address);
    EXPECT_EQ(vm::float_value(v9.get()), 999.99);
    EXPECT_EQ(machine->free_lists().floats().size(), kept);
}

TEST(FreeLists, FloatListIsCappedAtOneHundred) {
    auto machine = make_vm();
    size_t objects = machine->heap().object_count();
    {
        std::vector<Ref<Object>> floats;
        for (int i = 0; i < 250; ++i)
            floats.push_back(vm::float_new(*machine, i + 0.5));
        EXPECT_EQ(machine->heap().object_count(), objects + 250);
    }
    EXPECT_EQ(machine->free_lists().floats().size(), 100u);
    EXPECT_EQ(machine->free_lists().floats().cap(), 100u);
    EXPECT_EQ(machine->heap().object_count(), objects); // kept floats are off the refchain
}

TEST(FreeLists, ListTupleDictReuse) {
    auto machine = make_vm();
    Ref<Object> list = vm::list_new(*machine);
    Object* list_address = list.get();
    list = nullptr;
    EXPECT_GE(machine->free_lists().lists().size(), 1u);
    Ref<Object> list2 = vm::list_new(*machine);
    EXPECT_EQ(list2.get(), list_address);
    EXPECT_EQ(vm::list_size(list2.get()), 0);

    Ref<Object> one = vm::int_from_i64(*machine, 1);
    Ref<Object> pair = vm::tuple_pack(*machine, {one.get(), one.get()});
    Object* pair_address = pair.get();
    pair = nullptr;
    EXPECT_EQ(machine->free_lists().tuples(2).size(), 1u);
    Ref<Object> pair2 = vm::tuple_pack(*machine, {one.get(), one.get()});
    EXPECT_EQ(pair2.get(), pair_address);
    Ref<Object> triple = vm::tuple_pack(*machine, {one.get(), one.get(), one.get()});
    EXPECT_NE(triple.get(), pair_address); // per-length lists

    Ref<Object> dict = vm::dict_new(*machine);
    ASSERT_TRUE(vm::is_ok(vm::dict_setitem(*machine, dict.get(), one.get(), one.get())));
    Object* dict_address = dict.get();
    dict = nullptr;
    Ref<Object> dict2 = vm::dict_new(*machine);
    EXPECT_EQ(dict2.get(), dict_address);
    EXPECT_EQ(vm::dict_size(dict2.get()), 0);
    EXPECT_EQ(repr_of(*machine, dict2.get()), "{}");
}

TEST(FreeLists, ListCapHolds) {
    auto machine = make_vm();
    {
        std::vector<Ref<Object>> lists;
        for (int i = 0; i < 200; ++i)
            lists.push_back(vm::list_new(*machine));
    }
    EXPECT_EQ(machine->free_lists().lists().size(), gc::FreeLists::list_cap);
}

} // namespace
} // namespace minipy::test
