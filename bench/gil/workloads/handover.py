"""Hand-over latency between two threads: round trips of a ping-pong through a pair of Locks,
a pair of Events, and one Condition with a turn variable. Median and p99 in microseconds.

Parameters: duration=SECONDS (per kind) limit=MAX_ROUND_TRIPS.
"""
import threading

import gilwork

perf_counter_ns = gilwork.perf_counter_ns


def lock_pair(duration, limit):
    ping = threading.Lock()
    pong = threading.Lock()
    ping.acquire()
    pong.acquire()
    state = {"run": True}

    def partner():
        while True:
            ping.acquire()
            if not state["run"]:
                break
            pong.release()

    thread = threading.Thread(target=partner)
    thread.start()

    def once():
        start = perf_counter_ns()
        ping.release()
        pong.acquire()
        return perf_counter_ns() - start

    samples = loop(once, duration, limit)
    state["run"] = False
    ping.release()
    thread.join()
    return samples


def event_pair(duration, limit):
    ping = threading.Event()
    pong = threading.Event()
    state = {"run": True}

    def partner():
        while True:
            ping.wait()
            ping.clear()
            if not state["run"]:
                break
            pong.set()

    thread = threading.Thread(target=partner)
    thread.start()

    def once():
        start = perf_counter_ns()
        ping.set()
        pong.wait()
        pong.clear()
        return perf_counter_ns() - start

    samples = loop(once, duration, limit)
    state["run"] = False
    ping.set()
    thread.join()
    return samples


def condition(duration, limit):
    cond = threading.Condition()
    state = {"turn": 0, "run": True}

    def partner():
        with cond:
            while True:
                while state["turn"] != 1:
                    cond.wait()
                if not state["run"]:
                    break
                state["turn"] = 0
                cond.notify()

    thread = threading.Thread(target=partner)
    thread.start()

    def once():
        start = perf_counter_ns()
        with cond:
            state["turn"] = 1
            cond.notify()
            while state["turn"] != 0:
                cond.wait()
        return perf_counter_ns() - start

    samples = loop(once, duration, limit)
    with cond:
        state["run"] = False
        state["turn"] = 1
        cond.notify()
    thread.join()
    return samples


def loop(once, duration, limit):
    for _ in range(50):  # warm up
        once()
    samples = []
    end = perf_counter_ns() + int(duration * 1e9)
    while len(samples) < limit:
        samples.append(once())
        if perf_counter_ns() >= end:
            break
    return samples


def main():
    params = gilwork.parse_params({"duration": 0.5, "limit": 200000})
    results = {}
    for name, kind in (("lock", lock_pair), ("event", event_pair), ("condition", condition)):
        results[name] = gilwork.latency_summary(kind(params["duration"], params["limit"]))
    gilwork.emit("handover", params, results)


main()
