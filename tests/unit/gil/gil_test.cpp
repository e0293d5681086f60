// The GIL (vm/gil.h): forced and fair hand-over, FIFO order, priority for threads back from a
// blocking call, and several VMs running threads of their own in parallel. The assertions are on
// order and on work counts, never on timings.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "minipy/minipy.h"
#include "vm/gil.h"
#include "vm/thread_state.h"
#include "vm/vm.h"

namespace {

using minipy::vm::Gil;
using minipy::vm::ThreadState;
using minipy::vm::VM;

// Waits (without sleeping) until `gil` has seen `requests` requests.
void wait_for_requests(Gil& gil, uint64_t requests) {
    while (gil.stats().requests < requests)
        std::this_thread::yield();
}

// A thread that takes the GIL, appends its number to `order` and ends.
std::thread recorder(Gil& gil, ThreadState* state, int number, Gil::Priority priority,
                     std::vector<int>& order) {
    return std::thread([&gil, state, number, priority, &order] {
        gil.take(*state, priority);
        order.push_back(number); // safe: the GIL is held
        gil.delete_thread_state(state);
    });
}

TEST(Gil, WaitersAreServedInFifoOrder) {
    std::unique_ptr<VM> vm = VM::create();
    ASSERT_TRUE(vm);
    Gil& gil = vm->gil();
    ThreadState& main = vm->thread_state();
    std::vector<int> order;
    std::vector<std::thread> threads;
    for (int number = 0; number < 4; ++number) {
        ThreadState* state = gil.new_thread_state();
        ASSERT_NE(state, nullptr);
        threads.push_back(recorder(gil, state, number, Gil::Priority::normal, order));
        wait_for_requests(gil, static_cast<uint64_t>(number) + 1);
    }
    gil.drop(main);
    for (std::thread& thread : threads)
        thread.join();
    gil.take(main, Gil::Priority::normal);
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
    EXPECT_EQ(gil.thread_count(), 0u);
}

TEST(Gil, ThreadsBackFromBlockingCallsGoFirstAndAskForADrop) {
    std::unique_ptr<VM> vm = VM::create();
    ASSERT_TRUE(vm);
    Gil& gil = vm->gil();
    gil.set_switch_interval(1000.0); // a normal waiter alone would never be served at a check
    ThreadState& main = vm->thread_state();
    std::vector<int> order;
    ThreadState* first = gil.new_thread_state();
    ThreadState* second = gil.new_thread_state();
    std::thread normal = recorder(gil, first, 1, Gil::Priority::normal, order);
    wait_for_requests(gil, 1);
    EXPECT_FALSE(gil.drop_wanted());
    std::thread urgent = recorder(gil, second, 2, Gil::Priority::urgent, order);
    wait_for_requests(gil, 2);
    EXPECT_TRUE(gil.drop_wanted());
    gil.yield(main);
    // The urgent waiter ran before the normal one; main, whose turn was not over, came back
    // before the normal waiter too (urgent waiters only borrow the GIL).
    order.push_back(0);
    gil.drop(main);
    normal.join();
    urgent.join();
    gil.take(main, Gil::Priority::normal);
    EXPECT_EQ(order, (std::vector<int>{2, 0, 1}));
    EXPECT_EQ(gil.stats().priority_requests, 1u);
    EXPECT_GE(gil.stats().forced_switches, 1u);
}

TEST(Gil, HandOverIsForcedTheDropperCannotRetakeFirst) {
    std::unique_ptr<VM> vm = VM::create();
    ASSERT_TRUE(vm);
    Gil& gil = vm->gil();
    gil.set_switch_interval(0.0);
    ThreadState& main = vm->thread_state();
    for (int round = 0; round < 20; ++round) {
        std::vector<int> order;
        ThreadState* state = gil.new_thread_state();
        uint64_t requests = gil.stats().requests;
        std::thread waiter = recorder(gil, state, 1, Gil::Priority::normal, order);
        wait_for_requests(gil, requests + 1);
        ASSERT_TRUE(gil.drop_wanted());
        gil.yield(main); // returns only after the waiter held the GIL
        order.push_back(0);
        waiter.join();
        EXPECT_EQ(order, (std::vector<int>{1, 0}));
    }
}

// A holder whose turn is over when an urgent waiter comes goes behind the normal waiters.
TEST(Gil, AHolderWhoseTurnIsOverQueuesBehindNormalWaiters) {
    std::unique_ptr<VM> vm = VM::create();
    ASSERT_TRUE(vm);
    Gil& gil = vm->gil();
    gil.set_switch_interval(0.0);
    ThreadState& main = vm->thread_state();
    std::vector<int> order;
    ThreadState* first = gil.new_thread_state();
    ThreadState* second = gil.new_thread_state();
    std::thread normal = recorder(gil, first, 1, Gil::Priority::normal, order);
    wait_for_requests(gil, 1);
    std::thread urgent = recorder(gil, second, 2, Gil::Priority::urgent, order);
    wait_for_requests(gil, 2);
    ASSERT_TRUE(gil.drop_wanted());
    gil.yield(main); // returns after both ran
    order.push_back(0);
    normal.join();
    urgent.join();
    EXPECT_EQ(order, (std::vector<int>{2, 1, 0}));
}

// A thread back from a short blocking call takes the GIL back from a normal waiter that was
// offered it but has not run yet (the lazy hand-over); that waiter keeps its place and runs at the
// next drop. Whether the waiter started first depends on the OS, so each round checks the order
// that its outcome implies, and some rounds must have taken the offer back.
TEST(Gil, ShortBlockingCallTakesTheOfferBack) {
    std::unique_ptr<VM> vm = VM::create();
    ASSERT_TRUE(vm);
    Gil& gil = vm->gil();
    gil.set_switch_interval(1000.0);
    ThreadState& main = vm->thread_state();
    uint64_t taken_back = 0;
    for (int round = 0; round < 50; ++round) {
        std::vector<int> order;
        ThreadState* state = gil.new_thread_state();
        uint64_t requests = gil.stats().requests;
        std::thread waiter = recorder(gil, state, 1, Gil::Priority::normal, order);
        wait_for_requests(gil, requests + 1);
        // Queued; give it time to fall asleep, so that waking it takes longer than coming back.
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        uint64_t before = gil.stats().revoked_offers;
        gil.drop(main);                        // into a blocking call: offered to the waiter
        gil.take(main, Gil::Priority::urgent); // back at once
        order.push_back(0);
        bool revoked = gil.stats().revoked_offers == before + 1;
        taken_back += revoked ? 1 : 0;
        gil.drop(main);
        waiter.join();
        gil.take(main, Gil::Priority::normal);
        EXPECT_EQ(order, revoked ? (std::vector<int>{0, 1}) : (std::vector<int>{1, 0}));
    }
    EXPECT_GT(taken_back, 0u);
    EXPECT_EQ(gil.thread_count(), 0u);
}

// Releasing a lock hands it to its waiters in FIFO order while they sleep; each then waits for
// the GIL only. A lock wait with a time limit and no release times out and leaves the queue.
TEST(Gil, ReleasingALockHandsItToItsWaitersInOrder) {
    std::unique_ptr<VM> vm = VM::create();
    ASSERT_TRUE(vm);
    Gil& gil = vm->gil();
    ThreadState& main = vm->thread_state();
    minipy::vm::LockWaitQueue queue;
    std::vector<int> order;
    std::vector<std::thread> threads;
    std::atomic<int> acquired{0};
    for (int number = 1; number <= 2; ++number) {
        ThreadState* state = gil.new_thread_state();
        ASSERT_NE(state, nullptr);
        threads.emplace_back([&gil, &queue, &order, &acquired, state, number] {
            gil.take(*state, Gil::Priority::normal);
            if (gil.wait_for_lock(queue, -1) == Gil::LockWait::acquired)
                acquired.fetch_add(1);
            order.push_back(number); // safe: the GIL is held
            gil.delete_thread_state(state);
        });
        wait_for_requests(gil, static_cast<uint64_t>(number));
    }
    gil.drop(main);
    // Main queues behind both; each queues for the lock before it lets the GIL go.
    gil.take(main, Gil::Priority::normal);
    EXPECT_TRUE(order.empty());
    EXPECT_TRUE(gil.hand_lock_to_waiter(queue));
    EXPECT_TRUE(gil.hand_lock_to_waiter(queue));
    EXPECT_FALSE(gil.hand_lock_to_waiter(queue));
    gil.drop(main);
    for (std::thread& thread : threads)
        thread.join();
    gil.take(main, Gil::Priority::normal);
    EXPECT_EQ(order, (std::vector<int>{1, 2}));
    EXPECT_EQ(acquired.load(), 2);
    EXPECT_EQ(gil.wait_for_lock(queue, 1'000'000), Gil::LockWait::timed_out);
    EXPECT_FALSE(gil.hand_lock_to_waiter(queue));
}

// Two CPU-bound threads, each one unit of work per check, with a small switch interval: both
// make progress in each of three windows and neither gets more than twice the other's work.
TEST(Gil, TwoCpuBoundThreadsShareFairly) {
    std::unique_ptr<VM> vm = VM::create();
    ASSERT_TRUE(vm);
    Gil& gil = vm->gil();
    gil.set_switch_interval(0.001);
    ThreadState& main = vm->thread_state();
    std::atomic<uint64_t> work[2] = {0, 0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    for (int index = 0; index < 2; ++index) {
        ThreadState* state = gil.new_thread_state();
        threads.emplace_back([&, state, index] {
            gil.take(*state, Gil::Priority::normal);
            volatile uint64_t sink = 0;
            while (!stop.load(std::memory_order_relaxed)) {
                for (int i = 0; i < 200; ++i)
                    sink = sink + static_cast<uint64_t>(i);
                work[index].fetch_add(1, std::memory_order_relaxed);
                if (gil.drop_wanted())
                    gil.yield(*state);
            }
            gil.delete_thread_state(state);
        });
    }
    gil.drop(main);
    uint64_t totals[2] = {0, 0};
    for (int window = 0; window < 3; ++window) {
        uint64_t before[2] = {work[0].load(), work[1].load()};
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        for (int index = 0; index < 2; ++index) {
            uint64_t done = work[index].load() - before[index];
            EXPECT_GT(done, 0u) << "thread " << index << " starved in window " << window;
            totals[index] += done;
        }
    }
    stop.store(true);
    for (std::thread& thread : threads)
        thread.join();
    gil.take(main, Gil::Priority::normal);
    uint64_t low = std::min(totals[0], totals[1]);
    uint64_t high = std::max(totals[0], totals[1]);
    EXPECT_LE(high, 2 * low) << totals[0] << " vs " << totals[1];
    EXPECT_GT(gil.stats().forced_switches, 10u);
}

// A thread making short blocking calls back to back (taking the GIL back as urgent each time)
// only borrows the GIL: a CPU-bound thread still makes progress in every window, and the I/O
// thread too (the CPU-bound one drops for it). No waiter spins (as on a single core), so the
// CPU-bound thread cannot catch an offer before the I/O thread takes it back: only its share
// (the debt of vm/gil.cpp) lets it run.
TEST(Gil, UrgentThreadsCannotStarveACpuBoundThread) {
    std::unique_ptr<VM> vm = VM::create();
    ASSERT_TRUE(vm);
    Gil& gil = vm->gil();
    gil.set_spin_slots(0);
    ThreadState& main = vm->thread_state();
    std::atomic<uint64_t> cpu_work{0};
    std::atomic<uint64_t> io_calls{0};
    std::atomic<bool> stop{false};
    ThreadState* cpu_state = gil.new_thread_state();
    ThreadState* io_state = gil.new_thread_state();
    std::thread cpu([&] {
        gil.take(*cpu_state, Gil::Priority::normal);
        volatile uint64_t sink = 0;
        while (!stop.load(std::memory_order_relaxed)) {
            for (int i = 0; i < 200; ++i)
                sink = sink + static_cast<uint64_t>(i);
            cpu_work.fetch_add(1, std::memory_order_relaxed);
            if (gil.drop_wanted())
                gil.yield(*cpu_state);
        }
        gil.delete_thread_state(cpu_state);
    });
    std::thread io([&] {
        gil.take(*io_state, Gil::Priority::normal);
        volatile uint64_t sink = 0;
        while (!stop.load(std::memory_order_relaxed)) {
            gil.drop(*io_state); // a blocking call that returns at once
            gil.take(*io_state, Gil::Priority::urgent);
            for (int i = 0; i < 50; ++i)
                sink = sink + static_cast<uint64_t>(i);
            io_calls.fetch_add(1, std::memory_order_relaxed);
        }
        gil.delete_thread_state(io_state);
    });
    gil.drop(main);
    for (int window = 0; window < 3; ++window) {
        uint64_t work_before = cpu_work.load();
        uint64_t calls_before = io_calls.load();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        EXPECT_GT(cpu_work.load(), work_before) << "the CPU-bound thread starved in " << window;
        EXPECT_GT(io_calls.load(), calls_before) << "the I/O thread starved in " << window;
    }
    stop.store(true);
    cpu.join();
    io.join();
    gil.take(main, Gil::Priority::normal);
    EXPECT_EQ(gil.thread_count(), 0u);
}

std::string eval_text(minipy::Interpreter& interpreter, std::string_view expression) {
    auto result = interpreter.eval(expression);
    if (auto* error = std::get_if<minipy::Error>(&result))
        return "error: " + error->type + ": " + error->message + "\n" + error->traceback;
    return std::get<std::string>(result);
}

// The same through the eval loop: two Python threads counting, the main thread sampling.
constexpr const char* fairness_script = R"(
import _thread, sys, time
sys.setswitchinterval(0.001)
counts = [0, 0]
stop = False
done = [_thread.allocate_lock(), _thread.allocate_lock()]
for lock in done:
    lock.acquire()
def work(index):
    while not stop:
        counts[index] += 1
    done[index].release()
for index in range(2):
    _thread.start_new_thread(work, (index,))
windows = []
for window in range(3):
    before = list(counts)
    time.sleep(0.5)
    after = list(counts)
    windows.append((after[0] - before[0], after[1] - before[1]))
stop = True
for lock in done:
    lock.acquire()
starved = [w for w in windows if w[0] == 0 or w[1] == 0]
totals = [sum(w[0] for w in windows), sum(w[1] for w in windows)]
fair = max(totals) <= 2 * min(totals)
)";

TEST(Gil, PythonThreadsShareFairly) {
    auto interpreter = minipy::Interpreter::create();
    ASSERT_TRUE(interpreter);
    auto error = interpreter->exec(fairness_script, "fairness.py");
    ASSERT_FALSE(error) << error->traceback;
    EXPECT_EQ(eval_text(*interpreter, "starved"), "[]") << eval_text(*interpreter, "windows");
    EXPECT_EQ(eval_text(*interpreter, "fair"), "True") << eval_text(*interpreter, "windows");
}

// Several VMs on parallel OS threads, each running threads of its own.
constexpr const char* counting_script = R"(
import _thread
results = []
guard = _thread.allocate_lock()
finished = []
def count(start):
    total = 0
    for i in range(start, start + 20000):
        total += i
    with guard:
        results.append(total)
    finished[start // 20000].release()
for k in range(3):
    lock = _thread.allocate_lock()
    lock.acquire()
    finished.append(lock)
for k in range(3):
    _thread.start_new_thread(count, (k * 20000,))
for lock in finished:
    lock.acquire()
answer = sorted(results)
)";

TEST(Gil, SeveralVMsRunThreadsInParallel) {
    constexpr int vms = 3;
    std::vector<std::string> answers(vms);
    std::vector<std::thread> hosts;
    for (int index = 0; index < vms; ++index) {
        hosts.emplace_back([index, &answers] {
            auto interpreter = minipy::Interpreter::create();
            if (!interpreter) {
                answers[static_cast<size_t>(index)] = "no interpreter";
                return;
            }
            auto error = interpreter->exec(counting_script, "counting.py");
            answers[static_cast<size_t>(index)] =
                error ? error->traceback : eval_text(*interpreter, "answer");
        });
    }
    for (std::thread& host : hosts)
        host.join();
    for (const std::string& answer : answers)
        EXPECT_EQ(answer, "[199990000, 599990000, 999990000]");
}

} // namespace
