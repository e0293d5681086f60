// Micro benchmarks of minipy's machinery with Google Benchmark (issue #6): the eval loop's
// dispatch, calls, attribute and global lookups, dict access and arithmetic, timed as small
// Python loops run in-process; and the object-lifetime machinery underneath, timed through the C++
// API: allocation and free with the free lists on and off, refchain link/unlink, small-int pool
// hits, string interning, and the uncontended GIL (vm/gil.h).
//
// Python benchmarks run `bench(N)` (compiled once) in a VM whose globals hold a `bench` function
// looping N times over one operation; items_per_second counts loop iterations, so the per-item time
// includes the loop itself (compare with eval/loop_baseline). Nothing here asserts on timings: the
// ctest `bench/micro_smoke` only checks that every benchmark builds and runs.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "gc/free_lists.h"
#include "gc/pools.h"
#include "gc/refchain.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/gil.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/thread_state.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::bench {
namespace {

using vm::Object;
using vm::Ref;

// Iterations of the Python loop per call of bench(N).
constexpr int64_t loop_items = 1000;

// One VM with its Runtime and a globals dict, torn down in order.
class Machine {
public:
    Machine() {
        vm::VMOptions options;
        options.use_environment = false;
        m_vm = vm::VM::create(options);
        if (m_vm)
            m_runtime = vm::Runtime::create(*m_vm);
        if (m_runtime)
            m_globals = vm::dict_new(*m_vm);
    }
    ~Machine() {
        m_globals = nullptr;
        m_runtime.reset();
        m_vm.reset();
    }
    Machine(const Machine&) = delete;
    Machine& operator=(const Machine&) = delete;

    bool ok() const { return m_globals.get() != nullptr; }
    vm::VM& vm() { return *m_vm; }
    vm::Runtime& runtime() { return *m_runtime; }
    Object* globals() { return m_globals.get(); }

    // Runs source in the globals; false (with the error printed) when it raised.
    bool exec(std::string_view source) {
        if (vm::exec_source(*m_runtime, source, "<bench>", m_globals.get()))
            return true;
        report_error();
        return false;
    }
    // Compiles source (exec mode) once; null (error printed) on failure.
    Ref<Object> compile(std::string_view source) {
        void* code = vm::compile_string(*m_runtime, source, "<bench>", vm::CompileMode::exec);
        if (!code)
            report_error();
        return Ref<Object>::steal(static_cast<Object*>(code));
    }
    // Runs a compiled code object in the globals.
    bool run(Object* code) {
        Ref<Object> result = vm::eval_code(*m_runtime, static_cast<vm::Code*>(code),
                                           m_globals.get(), m_globals.get());
        if (result)
            return true;
        report_error();
        return false;
    }
    std::string error_text() const { return m_error; }

private:
    void report_error() {
        Ref<Object> exception = m_vm->thread_state().fetch_exception();
        m_error = exception ? exception->type->name : "unknown error";
        if (exception) {
            Ref<Object> message = vm::object_str(*m_vm, exception.get());
            if (message)
                m_error += ": " + vm::str_to_utf8(message.get());
            else
                m_vm->thread_state().clear_exception();
        }
    }

    std::unique_ptr<vm::VM> m_vm;
    std::unique_ptr<vm::Runtime> m_runtime;
    Ref<Object> m_globals;
    std::string m_error;
};

// Times `bench(loop_items)` after running `setup` (which defines bench).
void run_python(benchmark::State& state, std::string_view setup) {
    Machine machine;
    if (!machine.ok()) {
        state.SkipWithError("could not create a VM");
        return;
    }
    if (!machine.exec(setup)) {
        state.SkipWithError(("setup raised " + machine.error_text()).c_str());
        return;
    }
    Ref<Object> call = machine.compile("bench(" + std::to_string(loop_items) + ")\n");
    if (!call || !machine.run(call.get())) { // one untimed run: caches warm, errors surface
        state.SkipWithError(("bench() raised " + machine.error_text()).c_str());
        return;
    }
    for (auto _ : state) {
        if (!machine.run(call.get())) {
            state.SkipWithError(("bench() raised " + machine.error_text()).c_str());
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * loop_items);
}

// ====== The eval loop, through Python code

struct PythonBench {
    const char* name;
    const char* source; // defines bench(n)
};

constexpr PythonBench python_benches[] = {
    {"eval/loop_baseline", R"(
def bench(n):
    for i in range(n):
        pass
)"},
    // Six LOAD_FAST/STORE_FAST pairs per iteration: the cost of dispatching cheap instructions.
    {"eval/dispatch_fast_locals", R"(
def bench(n):
    for i in range(n):
        a = i; b = a; c = b; a = c; b = a; c = b
)"},
    {"call/function", R"(
def f(x, y):
    return x

def bench(n):
    for i in range(n):
        f(i, 2)
)"},
    {"call/method", R"(
class C:
    def m(self, x):
        return x

def bench(n):
    o = C()
    for i in range(n):
        o.m(i)
)"},
    {"call/builtin", R"(
def bench(n):
    s = "abc"
    for i in range(n):
        len(s)
)"},
    {"attr/load_instance", R"(
class C:
    def __init__(self):
        self.x = 1

def bench(n):
    o = C()
    for i in range(n):
        t = o.x
)"},
    {"attr/store_instance", R"(
class C:
    def __init__(self):
        self.x = 1

def bench(n):
    o = C()
    for i in range(n):
        o.x = i
)"},
    {"attr/load_class", R"(
class C:
    k = 3

def bench(n):
    o = C()
    for i in range(n):
        t = o.k
)"},
    {"attr/load_slot", R"(
class C:
    __slots__ = ("x",)
    def __init__(self):
        self.x = 1

def bench(n):
    o = C()
    for i in range(n):
        t = o.x
)"},
    {"global/load_module", R"(
G = 7

def bench(n):
    for i in range(n):
        t = G
)"},
    {"global/load_builtin", R"(
def bench(n):
    for i in range(n):
        t = len
)"},
    {"dict/get_str", R"(
def bench(n):
    d = {"alpha": 1, "beta": 2, "gamma": 3}
    for i in range(n):
        t = d["beta"]
)"},
    {"dict/set_str", R"(
def bench(n):
    d = {"alpha": 1, "beta": 2, "gamma": 3}
    for i in range(n):
        d["beta"] = i
)"},
    {"dict/get_set_int", R"(
def bench(n):
    d = {}
    for i in range(n):
        d[i & 63] = i
        t = d[i & 31]
)"},
    {"arith/int_small", R"(
def bench(n):
    for i in range(n):
        t = (i + 3) * 2 - i
)"},
    {"arith/int_large", R"(
def bench(n):
    b = 10 ** 30
    for i in range(n):
        t = b + i * b
)"},
    {"arith/float", R"(
def bench(n):
    x = 0.5
    for i in range(n):
        x = x * 0.75 + 1.25
)"},
    {"alloc/instance", R"(
class C:
    def __init__(self, x):
        self.x = x

def bench(n):
    for i in range(n):
        C(i)
)"},
};

// ====== Object lifetime through the C++ API

// Turns the VM's free lists on (caps as built) or off (emptied, caps 0) with FreeList's own
// cap and release calls, so that what they buy can be measured.
void set_free_lists(vm::VM& vm, bool enabled) {
    gc::FreeLists& lists = vm.free_lists();
    if (!enabled)
        lists.release_all();
    lists.floats().set_cap(enabled ? gc::FreeLists::float_cap : 0);
    lists.lists().set_cap(enabled ? gc::FreeLists::list_cap : 0);
    lists.dicts().set_cap(enabled ? gc::FreeLists::dict_cap : 0);
    for (size_t length = 1; length < gc::FreeLists::tuple_max_length; ++length)
        lists.tuples(length).set_cap(enabled ? gc::FreeLists::tuple_cap : 0);
}

// Times make(vm) + drop, with the free lists on (range 1) or off (range 0).
template <class Make> void run_alloc_free(benchmark::State& state, Make make) {
    Machine machine;
    if (!machine.ok()) {
        state.SkipWithError("could not create a VM");
        return;
    }
    bool enabled = state.range(0) != 0;
    set_free_lists(machine.vm(), enabled);
    for (auto _ : state) {
        Ref<Object> object = make(machine.vm());
        if (!object) {
            state.SkipWithError("allocation failed");
            return;
        }
        benchmark::DoNotOptimize(object.get());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetLabel(enabled ? "free lists on" : "free lists off");
    set_free_lists(machine.vm(), true);
}

void BM_alloc_float(benchmark::State& state) {
    double value = 0.5;
    run_alloc_free(state, [&](vm::VM& vm) { return vm::float_new(vm, value += 1.0); });
}

void BM_alloc_tuple2(benchmark::State& state) {
    run_alloc_free(state, [](vm::VM& vm) {
        Object* one = vm.pools().small_int(1);
        return vm::tuple_pack(vm, {one, one});
    });
}

void BM_alloc_list(benchmark::State& state) {
    run_alloc_free(state, [](vm::VM& vm) { return vm::list_new(vm); });
}

void BM_alloc_dict(benchmark::State& state) {
    run_alloc_free(state, [](vm::VM& vm) { return vm::dict_new(vm); });
}

// Float arithmetic in Python with the free lists on and off: each iteration makes and frees
// floats (unless the eval loop reuses a dead operand in place).
void BM_alloc_python_floats(benchmark::State& state) {
    Machine machine;
    if (!machine.ok()) {
        state.SkipWithError("could not create a VM");
        return;
    }
    bool enabled = state.range(0) != 0;
    set_free_lists(machine.vm(), enabled);
    if (!machine.exec(R"(
def bench(n):
    values = [0.5, 1.5]
    for i in range(n):
        values[i & 1] = values[0] * 0.5 + values[1]
    return values
)")) {
        state.SkipWithError(("setup raised " + machine.error_text()).c_str());
        return;
    }
    Ref<Object> call = machine.compile("bench(" + std::to_string(loop_items) + ")\n");
    for (auto _ : state) {
        if (!call || !machine.run(call.get())) {
            state.SkipWithError(("bench() raised " + machine.error_text()).c_str());
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * loop_items);
    state.SetLabel(enabled ? "free lists on" : "free lists off");
    set_free_lists(machine.vm(), true);
}

// Heap::allocate + Heap::release of a plain (non-container) block: link into the refchain, unlink.
void BM_refchain_link_unlink(benchmark::State& state) {
    Machine machine;
    if (!machine.ok()) {
        state.SkipWithError("could not create a VM");
        return;
    }
    gc::Heap& heap = machine.vm().heap();
    vm::Type* type = machine.vm().types().float_;
    for (auto _ : state) {
        Object* object = heap.allocate(type, sizeof(Object) + sizeof(double), false);
        if (!object) {
            state.SkipWithError("allocation failed");
            return;
        }
        benchmark::DoNotOptimize(object);
        heap.release(object);
    }
    state.SetItemsProcessed(state.iterations());
}

// int_from_i64 of a value in -5..256 (the pooled object, a new reference) against one outside the
// pool (an int allocated and freed).
void BM_small_int(benchmark::State& state) {
    Machine machine;
    if (!machine.ok()) {
        state.SkipWithError("could not create a VM");
        return;
    }
    int64_t base = state.range(0) != 0 ? 0 : 1000000;
    int64_t i = 0;
    for (auto _ : state) {
        Ref<Object> value = vm::int_from_i64(machine.vm(), base + (++i & 255));
        benchmark::DoNotOptimize(value.get());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetLabel(base == 0 ? "pool hit" : "outside the pool");
}

// Interning: str_intern_text of a name already in the table (hash + lookup), intern() of an equal
// str object that is not yet the interned one, and a plain str_from_utf8 of the same length for
// comparison.
void BM_intern(benchmark::State& state) {
    Machine machine;
    if (!machine.ok()) {
        state.SkipWithError("could not create a VM");
        return;
    }
    vm::VM& vm = machine.vm();
    constexpr std::string_view name = "benchmark_attribute";
    Ref<Object> kept = vm::str_intern_text(vm, name);
    for (auto _ : state) {
        Ref<Object> interned;
        switch (state.range(0)) {
        case 0:
            interned = vm::str_intern_text(vm, name);
            break;
        case 1:
            interned = vm.pools().intern(vm, vm::str_from_utf8(vm, "benchmark attribute"));
            break;
        default:
            interned = vm::str_from_utf8(vm, "benchmark attribute");
            break;
        }
        if (!interned) {
            state.SkipWithError("interning failed");
            return;
        }
        benchmark::DoNotOptimize(interned.get());
    }
    state.SetItemsProcessed(state.iterations());
    constexpr const char* labels[] = {"str_intern_text, hit", "intern(new str), hit after first",
                                      "str_from_utf8 only"};
    state.SetLabel(labels[state.range(0)]);
}

// The uncontended GIL: drop + take by the only thread (the lock and hand-off path with nobody
// waiting, range 0), and a ReleaseGil scope around a blocking call while no other thread runs
// (range 1: it keeps the GIL, so this is the cost every blocking call pays in a 1-thread program).
void BM_gil_uncontended(benchmark::State& state) {
    Machine machine;
    if (!machine.ok()) {
        state.SkipWithError("could not create a VM");
        return;
    }
    vm::VM& vm = machine.vm();
    vm::ThreadState& me = vm.thread_state();
    bool scoped = state.range(0) != 0;
    for (auto _ : state) {
        if (scoped) {
            vm::ReleaseGil unlocked(vm);
            benchmark::ClobberMemory();
        } else {
            vm.gil().drop(me);
            vm.gil().take(me, vm::Gil::Priority::normal);
        }
    }
    state.SetItemsProcessed(state.iterations());
    state.SetLabel(scoped ? "ReleaseGil scope, one thread" : "drop + take");
}

// Registers every benchmark (no static constructors, STYLE.md).
void register_benchmarks() {
    for (const PythonBench& bench : python_benches)
        benchmark::RegisterBenchmark(bench.name, run_python, std::string_view(bench.source));
    benchmark::RegisterBenchmark("alloc/float", BM_alloc_float)->Arg(1)->Arg(0);
    benchmark::RegisterBenchmark("alloc/tuple2", BM_alloc_tuple2)->Arg(1)->Arg(0);
    benchmark::RegisterBenchmark("alloc/list", BM_alloc_list)->Arg(1)->Arg(0);
    benchmark::RegisterBenchmark("alloc/dict", BM_alloc_dict)->Arg(1)->Arg(0);
    benchmark::RegisterBenchmark("alloc/python_floats", BM_alloc_python_floats)->Arg(1)->Arg(0);
    benchmark::RegisterBenchmark("refchain/link_unlink", BM_refchain_link_unlink);
    benchmark::RegisterBenchmark("pools/int_from_i64", BM_small_int)->Arg(1)->Arg(0);
    benchmark::RegisterBenchmark("pools/intern", BM_intern)->Arg(0)->Arg(1)->Arg(2);
    benchmark::RegisterBenchmark("gil/uncontended", BM_gil_uncontended)->Arg(0)->Arg(1);
}

} // namespace
} // namespace minipy::bench

namespace {

// The console reporter, remembering whether a benchmark stopped with an error (a Python setup that
// raised, a failed allocation), so that the smoke test fails then instead of passing silently.
class ErrorCountingReporter : public benchmark::ConsoleReporter {
public:
    ErrorCountingReporter() : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_Defaults : OO_Tabular) {}
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& run : runs)
            m_errors += run.error_occurred ? 1 : 0;
        ConsoleReporter::ReportRuns(runs);
    }
    int errors() const { return m_errors; }

private:
    int m_errors = 0;
};

} // namespace

int main(int argc, char** argv) {
    minipy::bench::register_benchmarks();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    ErrorCountingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    if (reporter.errors() > 0) {
        std::fprintf(stderr, "minipy_micro_bench: %d benchmark(s) stopped with an error\n",
                     reporter.errors());
        return 1;
    }
    return 0;
}
