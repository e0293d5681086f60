// The GIL: direct hand-off to a FIFO of waiters, urgent waiters (back from blocking calls) first.
// The design and its invariants are in vm/gil.h.
#include "vm/gil.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <new>
#include <string>

#include "gc/collector.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/signals.h"
#include "vm/thread_state.h"
#include "vm/traceback.h"
#include "vm/types/dict.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::vm {

namespace {

int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// One thread waiting for the GIL; lives on that thread's stack until it is granted.
struct Waiter {
    Waiter(ThreadState* waiting, bool is_urgent) : state(waiting), urgent(is_urgent) {}
    ThreadState* state;
    bool urgent;
    bool granted = false;
    std::condition_variable wake;
};

} // namespace

struct Gil::Core {
    std::mutex mutex;
    ThreadState* holder = nullptr;
    ThreadState* main = nullptr;
    // Urgent waiters first (FIFO among them), then the normal ones (FIFO).
    std::deque<Waiter*> queue;
    size_t urgent_count = 0;
    bool finalizing = false;
    ThreadState* finalizer = nullptr;
    std::vector<ThreadState*> threads; // every registered ThreadState but the main one
    GilStats stats;
    // Read by the holder's check without the mutex.
    std::atomic<int32_t> waiting{0};
    std::atomic<bool> drop_request{false};
    std::atomic<int64_t> head_since{0}; // when the first waiter began to wait (steady ns)
    std::atomic<int64_t> interval_ns{5'000'000};
    std::atomic<size_t> thread_count{0};

    void update_head() {
        head_since.store(queue.empty() ? 0 : head_since_of_front, std::memory_order_relaxed);
    }
    int64_t head_since_of_front = 0;

    // Picks the next holder (mutex held). After begin_finalization only the finalizer may have it.
    bool grant_next() {
        auto chosen = queue.end();
        if (!finalizing) {
            chosen = queue.begin();
        } else {
            chosen = std::find_if(queue.begin(), queue.end(),
                                  [&](const Waiter* waiter) { return waiter->state == finalizer; });
        }
        if (chosen == queue.end()) {
            holder = nullptr;
            return false;
        }
        Waiter* next = *chosen;
        queue.erase(chosen);
        waiting.fetch_sub(1, std::memory_order_relaxed);
        if (next->urgent && --urgent_count == 0)
            drop_request.store(false, std::memory_order_relaxed);
        holder = next->state;
        next->granted = true;
        ++stats.switches;
        head_since_of_front = now_ns();
        update_head();
        next->wake.notify_one();
        return true;
    }

    // Queues `waiter` (mutex held).
    void enqueue(Waiter& waiter, int64_t since) {
        ++stats.requests;
        bool was_empty = queue.empty();
        if (waiter.urgent) {
            ++stats.priority_requests;
            auto position = std::find_if(queue.begin(), queue.end(),
                                         [](const Waiter* other) { return !other->urgent; });
            queue.insert(position, &waiter);
            ++urgent_count;
            drop_request.store(true, std::memory_order_relaxed);
        } else {
            queue.push_back(&waiter);
        }
        waiting.fetch_add(1, std::memory_order_relaxed);
        if (was_empty) {
            head_since_of_front = since;
            update_head();
        }
    }

    // Waits until `waiter` is granted (mutex held through `lock`); records the wait.
    void wait_for_grant(std::unique_lock<std::mutex>& lock, Waiter& waiter, int64_t since) {
        while (!waiter.granted)
            waiter.wake.wait(lock);
        int64_t waited = now_ns() - since;
        GilThreadStats& record = stats.threads[waiter.state->stats_index];
        ++record.waits;
        record.total_wait_ns += waited;
        record.longest_wait_ns = std::max(record.longest_wait_ns, waited);
    }

    // A thread that may no longer run (finalization started): never returns.
    [[noreturn]] static void block_forever(std::unique_lock<std::mutex>& lock) {
        std::condition_variable never;
        for (;;)
            never.wait(lock);
    }
};

namespace {

// The runtime's per-thread fields go into `state` (it lets the GIL go).
void park(VM& vm, ThreadState& state) {
    if (Runtime* rt = vm.runtime()) {
        rt->frames().swap(state.saved_frames);
        state.saved_frame = rt->current_frame();
        rt->set_current_frame(nullptr);
        state.saved_handled = rt->exchange_handled(nullptr);
    }
}

// ... and come back from it (it holds the GIL again).
void unpark(VM& vm, ThreadState& state) {
    vm.set_current_thread_state(&state);
    if (Runtime* rt = vm.runtime()) {
        rt->frames().swap(state.saved_frames);
        rt->set_current_frame(state.saved_frame);
        state.saved_frame = nullptr;
        Object* parked = rt->exchange_handled(state.saved_handled);
        state.saved_handled = nullptr;
        xdecref(parked); // null: the previous holder parked its own
    }
}

} // namespace

uint64_t current_thread_ident() {
    return static_cast<uint64_t>(pthread_self());
}

uint64_t current_native_thread_id() {
    return static_cast<uint64_t>(syscall(SYS_gettid));
}

// ====== Life cycle

Gil* Gil::create(VM& vm, ThreadState& main) {
    Gil* gil = new (std::nothrow) Gil();
    if (!gil)
        return nullptr;
    gil->m_vm = &vm;
    gil->m_core = new (std::nothrow) Core();
    if (!gil->m_core) {
        delete gil;
        return nullptr;
    }
    Core& core = *gil->m_core;
    core.holder = &main;
    core.main = &main;
    main.ident = current_thread_ident();
    main.native_id = current_native_thread_id();
    main.stats_index = 0;
    core.stats.threads.push_back(GilThreadStats{main.ident, 0, 0, 0, true});
    main.set_eval_ticks(gil->m_check_interval);
    return gil;
}

Gil::~Gil() {
    delete m_core;
}

void Gil::destroy(Gil* gil) {
    if (!gil)
        return;
    bool others = false;
    {
        std::lock_guard<std::mutex> lock(gil->m_core->mutex);
        others = !gil->m_core->threads.empty();
    }
    if (others)
        return; // blocked daemon threads still use it (vm/gil.h): leaked on purpose
    delete gil;
}

// ====== Thread states

ThreadState* Gil::new_thread_state() {
    auto* state = new (std::nothrow) ThreadState(*m_vm);
    if (!state)
        return nullptr;
    state->set_eval_ticks(m_check_interval);
    std::lock_guard<std::mutex> lock(m_core->mutex);
    try {
        m_core->threads.push_back(state);
        m_core->stats.threads.push_back(GilThreadStats{});
    } catch (...) {
        if (m_core->threads.size() > m_core->stats.threads.size())
            m_core->threads.pop_back();
        delete state;
        return nullptr;
    }
    state->stats_index = m_core->stats.threads.size() - 1;
    m_core->thread_count.fetch_add(1, std::memory_order_relaxed);
    return state;
}

void Gil::delete_thread_state(ThreadState* state) {
    park(*m_vm, *state);
    {
        std::lock_guard<std::mutex> lock(m_core->mutex);
        auto& threads = m_core->threads;
        threads.erase(std::remove(threads.begin(), threads.end(), state), threads.end());
        m_core->stats.threads[state->stats_index].alive = false;
        m_core->thread_count.fetch_sub(1, std::memory_order_relaxed);
        m_core->grant_next();
    }
    delete state;
}

void Gil::delete_thread_state_unstarted(ThreadState* state) {
    {
        std::lock_guard<std::mutex> lock(m_core->mutex);
        auto& threads = m_core->threads;
        threads.erase(std::remove(threads.begin(), threads.end(), state), threads.end());
        m_core->stats.threads[state->stats_index].alive = false;
        m_core->thread_count.fetch_sub(1, std::memory_order_relaxed);
    }
    delete state;
}

size_t Gil::thread_count() const {
    return m_core->thread_count.load(std::memory_order_relaxed);
}

// ====== Taking and letting go

void Gil::take(ThreadState& state, Priority priority) {
    int64_t since = now_ns();
    std::unique_lock<std::mutex> lock(m_core->mutex);
    Core& core = *m_core;
    if (core.finalizing && &state != core.finalizer)
        Core::block_forever(lock);
    core.stats.threads[state.stats_index].ident = state.ident;
    if (!core.holder) {
        core.holder = &state;
    } else {
        Waiter waiter{&state, priority == Priority::urgent};
        core.enqueue(waiter, since);
        core.wait_for_grant(lock, waiter, since);
    }
    lock.unlock();
    unpark(*m_vm, state);
}

void Gil::drop(ThreadState& state) {
    park(*m_vm, state);
    std::lock_guard<std::mutex> lock(m_core->mutex);
    m_core->grant_next();
}

bool Gil::drop_wanted() const {
    const Core& core = *m_core;
    if (core.waiting.load(std::memory_order_relaxed) == 0)
        return false;
    if (core.drop_request.load(std::memory_order_relaxed))
        return true;
    int64_t interval = core.interval_ns.load(std::memory_order_relaxed);
    return interval == 0 || now_ns() - core.head_since.load(std::memory_order_relaxed) >= interval;
}

void Gil::yield(ThreadState& state) {
    int64_t since = now_ns();
    std::unique_lock<std::mutex> lock(m_core->mutex);
    Core& core = *m_core;
    if (core.queue.empty() || core.finalizing)
        return;
    park(*m_vm, state);
    core.grant_next();
    ++core.stats.forced_switches;
    Waiter waiter{&state, false};
    core.enqueue(waiter, since);
    --core.stats.requests; // the hand-over was the holder's own doing, not a request
    core.wait_for_grant(lock, waiter, since);
    lock.unlock();
    unpark(*m_vm, state);
}

// ====== Settings and counters

double Gil::switch_interval() const {
    return m_switch_interval;
}

void Gil::set_switch_interval(double seconds) {
    m_switch_interval = seconds;
    double nanoseconds = seconds * 1e9;
    m_core->interval_ns.store(nanoseconds >= 9e18 ? INT64_MAX : static_cast<int64_t>(nanoseconds),
                              std::memory_order_relaxed);
}

std::string gil_stats_text(const GilStats& stats) {
    std::string text = "GIL statistics:\n";
    char line[200];
    std::snprintf(line, sizeof line, "  switches: %llu (forced at a check: %llu)\n",
                  static_cast<unsigned long long>(stats.switches),
                  static_cast<unsigned long long>(stats.forced_switches));
    text += line;
    std::snprintf(line, sizeof line, "  requests: %llu (back from a blocking call: %llu)\n",
                  static_cast<unsigned long long>(stats.requests),
                  static_cast<unsigned long long>(stats.priority_requests));
    text += line;
    for (const GilThreadStats& thread : stats.threads) {
        std::snprintf(
            line, sizeof line, "  thread %llu: %llu waits, total %.6f s, longest %.6f s%s\n",
            static_cast<unsigned long long>(thread.ident),
            static_cast<unsigned long long>(thread.waits),
            static_cast<double>(thread.total_wait_ns) / 1e9,
            static_cast<double>(thread.longest_wait_ns) / 1e9, thread.alive ? "" : " (ended)");
        text += line;
    }
    return text;
}

GilStats Gil::stats() const {
    std::lock_guard<std::mutex> lock(m_core->mutex);
    return m_core->stats;
}

// ====== Finalization and fork

void Gil::begin_finalization(ThreadState& finalizer) {
    std::lock_guard<std::mutex> lock(m_core->mutex);
    m_core->finalizing = true;
    m_core->finalizer = &finalizer;
}

bool Gil::is_finalizing() const {
    std::lock_guard<std::mutex> lock(m_core->mutex);
    return m_core->finalizing;
}

void Gil::reinit_after_fork(ThreadState& survivor) {
    // The old core's mutex may have been held by a thread that does not exist in the child: a fresh
    // core takes over, and the old one is freed once its mutex is made anew, unlocked, in place.
    Core* old = m_core;
    Core* core = new (std::nothrow) Core();
    if (!core)
        return; // out of memory right after fork: keep the old one (no other thread uses it)
    core->holder = &survivor;
    core->main = &m_vm->main_thread_state();
    core->interval_ns.store(old->interval_ns.load());
    core->stats.switches = old->stats.switches;
    core->stats.forced_switches = old->stats.forced_switches;
    core->stats.requests = old->stats.requests;
    core->stats.priority_requests = old->stats.priority_requests;
    survivor.native_id = current_native_thread_id();
    survivor.stats_index = 0;
    core->stats.threads.push_back(GilThreadStats{survivor.ident, 0, 0, 0, true});
    std::vector<ThreadState*> gone = old->threads;
    if (&survivor != core->main)
        gone.push_back(core->main);
    m_core = core;
    for (ThreadState* state : gone) {
        if (state == &survivor)
            continue;
        // Their frames and objects are released; their sentinel locks stay locked until
        // threading's after-fork hook marks those threads stopped, as CPython's.
        for (Frame* frame = state->saved_frame; frame; frame = frame->previous)
            if (!frame->in_generator)
                frame_clear(frame);
        state->saved_frame = nullptr;
        set_ref(state->saved_handled, nullptr);
        set_ref(state->sentinel, nullptr);
        state->clear_exception();
        if (state != core->main)
            delete state;
    }
    if (&survivor != core->main) {
        core->threads.push_back(&survivor);
        core->thread_count.store(1);
    }
    // Only this thread exists in the child, so nothing can use the old core's mutex any more.
    new (&old->mutex) std::mutex();
    delete old;
}

// ====== The end of the program

void finish_threads(Runtime& rt) {
    VM& vm = rt.vm();
    Object* threading = nullptr;
    Ref<Object> key = intern(vm, "threading");
    if (key && rt.modules() && dict_lookup(vm, rt.modules(), key.get(), &threading) > 0) {
        Ref<Object> module = Ref<Object>::borrow(threading);
        Ref<Object> name = intern(vm, "_shutdown");
        Ref<Object> result =
            name ? call_method_name(vm, module.get(), name.get(), nullptr, 0) : nullptr;
        if (!result) {
            Ref<Object> exception = vm.thread_state().fetch_exception();
            Ref<Object> repr = object_repr(vm, module.get());
            vm.thread_state().clear_exception();
            std::string text = "Exception ignored in: ";
            text += repr ? str_to_utf8(repr.get()) : std::string("<module 'threading'>");
            text += "\n";
            std::fflush(stdout);
            std::fputs(text.c_str(), stderr);
            if (exception)
                print_exception(rt, exception.get(), stderr);
            std::fflush(stderr);
        }
    }
    vm.thread_state().clear_exception();
    // The main thread's _set_sentinel() lock (threading's _tstate_lock) goes with its state.
    set_ref(vm.thread_state().sentinel, nullptr);
    vm.gil().begin_finalization(vm.thread_state());
}

// ====== ReleaseGil and the eval breaker

ReleaseGil::ReleaseGil(VM& vm)
    : m_gil(vm.gil()), m_state(vm.thread_state()), m_dropped(m_gil.thread_count() > 0) {
    if (m_dropped)
        m_gil.drop(m_state);
}

ReleaseGil::~ReleaseGil() {
    if (m_dropped)
        m_gil.take(m_state, Gil::Priority::urgent);
}

Status eval_breaker(VM& vm) {
    Gil& gil = vm.gil();
    ThreadState& state = vm.thread_state();
    state.set_eval_ticks(gil.check_interval());
    if (gil.drop_wanted())
        gil.yield(state);
    // The automatic cycle collection that an allocation asked for (gc/collector.h).
    if (gc::collection_scheduled(vm))
        gc::run_scheduled_collection(vm);
    // Signal handlers run in the main thread only, as CPython's.
    if (signals_pending() && &state == &vm.main_thread_state())
        return vm.handle_pending_signals();
    return Status::ok;
}

} // namespace minipy::vm
