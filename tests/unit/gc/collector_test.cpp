// Tests gc/collector.cpp: cycles found and freed, survivors promoted, counts, every container type
// with traverse and clear, and collections in several VMs on parallel threads.
#include "gc/collector.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "../support/runtime_helpers.h"
#include "gc/refchain.h"
#include "minipy/minipy.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/list.h"

namespace minipy::test {
namespace {

// Two lists referring to each other; the caller's references are dropped.
void make_list_cycle(vm::VM& machine) {
    Ref<Object> a = vm::list_new(machine);
    Ref<Object> b = vm::list_new(machine);
    ASSERT_TRUE(a && b);
    ASSERT_TRUE(is_ok(vm::list_append(machine, a.get(), b.get())));
    ASSERT_TRUE(is_ok(vm::list_append(machine, b.get(), a.get())));
}

// A first collection with garbage interns the names it looks up ("__del__"): do it before
// counting objects.
void warm_up(vm::VM& machine) {
    make_list_cycle(machine);
    (void)gc::collect(machine, 2);
}

TEST(Collector, FindsAndFreesACycle) {
    auto machine = make_vm();
    warm_up(*machine);
    size_t before = machine->heap().object_count();
    make_list_cycle(*machine);
    EXPECT_EQ(machine->heap().object_count(), before + 2); // refcounting cannot free them
    EXPECT_EQ(gc::collect(*machine, 2), 2);
    EXPECT_EQ(machine->heap().object_count(), before);
    EXPECT_EQ(gc::collect(*machine, 2), 0);
}

TEST(Collector, ReachableObjectsSurviveAndArePromoted) {
    auto machine = make_vm();
    warm_up(*machine);
    Ref<Object> holder = vm::list_new(*machine);
    Ref<Object> inner = vm::list_new(*machine);
    ASSERT_TRUE(holder && inner);
    ASSERT_TRUE(is_ok(vm::list_append(*machine, holder.get(), inner.get())));
    ASSERT_TRUE(is_ok(vm::list_append(*machine, inner.get(), holder.get()))); // a cycle, but held
    EXPECT_EQ(gc::collect(*machine, 0), 0);
    EXPECT_EQ(vm::list_size(holder.get()), 1);
    // Both moved from generation 0 to generation 1.
    bool found = false;
    gc::GcHead* ring = machine->heap().generation(1);
    for (gc::GcHead* head = ring->gc_next; head != ring; head = head->gc_next)
        found = found || gc::object_of(head) == holder.get();
    EXPECT_TRUE(found);
    EXPECT_EQ(machine->heap().generation_counter(0), 0);
    EXPECT_EQ(machine->heap().generation_counter(1), 1);
    // Breaking the outside reference makes them garbage for the next full collection.
    holder = nullptr;
    inner = nullptr;
    EXPECT_EQ(gc::collect(*machine, 2), 2);
}

TEST(Collector, YoungCollectionLeavesOlderGenerationsAlone) {
    auto machine = make_vm();
    warm_up(*machine);
    make_list_cycle(*machine);
    gc::freeze(*machine); // the cycle goes to the permanent generation
    EXPECT_EQ(gc::collect(*machine, 2), 0);
    gc::unfreeze(*machine); // back into the oldest generation
    EXPECT_EQ(gc::collect(*machine, 0), 0);
    EXPECT_EQ(gc::collect(*machine, 2), 2);
}

TEST(Collector, EveryContainerTypeHasTraverseAndClear) {
    auto machine = make_vm();
    auto runtime = vm::Runtime::create(*machine);
    ASSERT_TRUE(runtime);
    std::vector<std::string> missing;
    for (Object* o = machine->heap().first(); o != machine->heap().end(); o = o->chain_next) {
        if (!vm::has_flag(o->type, vm::type_type_subclass))
            continue;
        auto* type = static_cast<vm::Type*>(o);
        if (vm::has_flag(type, vm::type_has_gc) && (!type->slots.traverse || !type->slots.clear))
            missing.push_back(type->name);
    }
    EXPECT_TRUE(missing.empty()) << "first: " << (missing.empty() ? "" : missing[0]);
}

// Cycles made and dropped in a loop while collections run: memory stays bounded.
void stress(vm::VM& machine, int rounds) {
    size_t before = machine.heap().object_count();
    for (int i = 0; i < rounds; ++i) {
        make_list_cycle(machine);
        if (i % 100 == 99)
            (void)gc::collect(machine, i % 1000 == 999 ? 2 : 0);
        ASSERT_LT(machine.heap().object_count(), before + 2000);
    }
    (void)gc::collect(machine, 2);
    EXPECT_EQ(machine.heap().object_count(), before);
}

TEST(Collector, StressCollectionsWhileAllocatingCycles) {
    auto machine = make_vm();
    warm_up(*machine);
    stress(*machine, 20000);
}

TEST(Collector, FourVMsCollectInParallelThreads) {
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([t, &failures] {
            auto machine = make_vm();
            warm_up(*machine);
            size_t before = machine->heap().object_count();
            for (int i = 0; i < 20000; ++i) {
                make_list_cycle(*machine);
                if (i % 100 == 99)
                    (void)gc::collect(*machine, 0);
            }
            (void)gc::collect(*machine, 2);
            if (machine->heap().object_count() != before)
                failures[static_cast<size_t>(t)] = 1;
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    EXPECT_EQ(failures, std::vector<int>(4, 0));
}

// Python code in four interpreters on four threads: automatic collections (at the eval breaker)
// free cycles with finalizers, each finalizer once.
TEST(Collector, FourInterpretersCollectAutomaticallyInParallel) {
    std::vector<std::thread> threads;
    std::vector<std::string> results(4);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([t, &results] {
            auto interpreter = Interpreter::create();
            if (!interpreter)
                return;
            auto error = interpreter->exec(R"(
import gc
deleted = 0
class Node:
    def __del__(self):
        global deleted
        deleted += 1
for i in range(20000):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
del a, b
gc.collect()
automatic = gc.get_stats()[0]["collections"] > 0
)");
            if (error) {
                results[static_cast<size_t>(t)] = error->message;
                return;
            }
            auto value = interpreter->eval("(deleted, automatic)");
            if (auto* text = std::get_if<std::string>(&value))
                results[static_cast<size_t>(t)] = *text;
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    for (const std::string& result : results)
        EXPECT_EQ(result, "(40000, True)");
}

} // namespace
} // namespace minipy::test
