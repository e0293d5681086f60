// Tests the "VM is an object" invariant (ARCHITECTURE.md): four VMs, each with its Runtime, run a
// CPU-bound script at the same time on four OS threads and each gets CPython's result. Run under
// ThreadSanitizer (-DMINIPY_SANITIZE=thread) it also proves the VMs share no mutable state. Also:
// the runtime's finalization leaves no unowned object behind, cycles included.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::test {
namespace {

using vm::Object;
using vm::Ref;

// fib, dict and str work, a class with __repr__; the expected text is python3's output.
constexpr const char* cpu_script = R"py(
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
counts = {}
for i in range(3000):
    word = "w" + str(i % 97)
    counts[word] = counts.get(word, 0) + i
parts = sorted(counts.items())[:5]
text = ",".join(k + "=" + str(v) for k, v in parts)
class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return "P(%d)" % self.x
ps = [P(i) for i in range(50)]
result = str(fib(20)) + "|" + text + "|" + repr(ps[-1]) + "|" + str(sum(len(repr(p)) for p in ps))
)py";
constexpr const char* cpu_expected =
    "6765|w0=45105,w1=45136,w10=45415,w11=45446,w12=45477|P(49)|240";

struct Outcome {
    std::string result;
    std::string error;
    size_t leaked = 0;
};

// Makes a VM and its runtime, runs `source` in a fresh module and reads its global `result`;
// then finalizes the runtime and counts the objects the VM does not own.
Outcome run_in_fresh_vm(const char* source) {
    Outcome outcome;
    vm::VMOptions options;
    options.use_environment = false;
    std::unique_ptr<vm::VM> machine = vm::VM::create(options);
    if (!machine) {
        outcome.error = "no VM";
        return outcome;
    }
    {
        std::unique_ptr<vm::Runtime> runtime = vm::Runtime::create(*machine);
        if (!runtime) {
            outcome.error = "no runtime";
            return outcome;
        }
        Ref<Object> module = vm::module_new(*runtime, "__main__");
        Ref<Object> key = vm::str_from_utf8(*machine, "__main__");
        if (!module || !key ||
            !is_ok(vm::dict_setitem(*machine, runtime->modules(), key.get(), module.get()))) {
            outcome.error = "no module";
            return outcome;
        }
        Object* globals = static_cast<vm::Module*>(module.get())->dict;
        if (!vm::exec_source(*runtime, source, "<test>", globals)) {
            Ref<Object> exception = machine->thread_state().fetch_exception();
            Ref<Object> text = exception ? vm::object_str(*machine, exception.get()) : nullptr;
            outcome.error = std::string(exception ? exception->type->name : "?") + ": " +
                            (text ? vm::str_to_utf8(text.get()) : std::string());
        } else {
            Ref<Object> name = vm::str_from_utf8(*machine, "result");
            Object* value = nullptr;
            if (name && vm::dict_lookup(*machine, globals, name.get(), &value) > 0 &&
                vm::is_str(value))
                outcome.result = vm::str_to_utf8(value);
        }
    }
    outcome.leaked = machine->count_unowned_objects().objects;
    return outcome;
}

TEST(MultiVM, FourVMsRunInParallelThreads) {
    constexpr int thread_count = 4;
    std::vector<Outcome> outcomes(thread_count);
    std::vector<std::thread> threads;
    for (int i = 0; i < thread_count; ++i)
        threads.emplace_back([&outcomes, i] { outcomes[i] = run_in_fresh_vm(cpu_script); });
    for (std::thread& thread : threads)
        thread.join();
    for (const Outcome& outcome : outcomes) {
        EXPECT_EQ(outcome.error, "");
        EXPECT_EQ(outcome.result, cpu_expected);
        EXPECT_EQ(outcome.leaked, 0u);
    }
}

TEST(MultiVM, RuntimeIsAMemberOfItsVM) {
    vm::VMOptions options;
    options.use_environment = false;
    auto first = vm::VM::create(options);
    auto second = vm::VM::create(options);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->runtime(), nullptr);
    {
        auto runtime_a = vm::Runtime::create(*first);
        auto runtime_b = vm::Runtime::create(*second);
        ASSERT_TRUE(runtime_a && runtime_b);
        EXPECT_EQ(&vm::runtime_of(*first), runtime_a.get());
        EXPECT_EQ(&vm::runtime_of(*second), runtime_b.get());
        EXPECT_NE(runtime_a->builtins(), runtime_b->builtins());
    }
    EXPECT_EQ(first->runtime(), nullptr);
}

// Garbage cycles (instances pointing at themselves, classes with their mro, a caught exception's
// traceback) are collected when the runtime is finalized; __del__ runs once, with globals intact.
TEST(MultiVM, FinalizationFreesCyclesAndRunsFinalizersOnce) {
    Outcome outcome = run_in_fresh_vm(R"py(
log = []
class Node:
    def __init__(self): self.me = self
    def __del__(self): log.append("del")
n = Node()
try:
    1 / 0
except ZeroDivisionError as e:
    saved = e
def make():
    def inner(): return inner
    return inner
keep = make()
result = "ok"
)py");
    EXPECT_EQ(outcome.error, "");
    EXPECT_EQ(outcome.result, "ok");
    EXPECT_EQ(outcome.leaked, 0u);
}

// The count is a real leak detector: a reference nobody owns shows up, the pools do not.
TEST(MultiVM, UnownedCountSeesALeakedReference) {
    vm::VMOptions options;
    options.use_environment = false;
    auto machine = vm::VM::create(options);
    ASSERT_TRUE(machine);
    EXPECT_EQ(machine->count_unowned_objects().objects, 0u);
    Object* leaked = vm::str_from_utf8(*machine, "a leaked string").release();
    ASSERT_TRUE(leaked);
    EXPECT_EQ(machine->count_unowned_objects().objects, 1u);
    vm::decref(leaked);
    EXPECT_EQ(machine->count_unowned_objects().objects, 0u);
}

TEST(MultiVM, RecursionLimitIsPerVM) {
    vm::VMOptions options;
    options.use_environment = false;
    auto first = vm::VM::create(options);
    auto second = vm::VM::create(options);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->recursion_limit(), 1000);
    EXPECT_TRUE(is_ok(first->set_recursion_limit(50)));
    EXPECT_EQ(first->recursion_limit(), 50);
    EXPECT_EQ(second->recursion_limit(), 1000);
    EXPECT_FALSE(is_ok(first->set_recursion_limit(0)));
    first->thread_state().clear_exception();
    EXPECT_FALSE(is_ok(first->set_recursion_limit(int64_t{1} << 40)));
    first->thread_state().clear_exception();
    EXPECT_EQ(first->recursion_limit(), 50);
}

} // namespace
} // namespace minipy::test
