"""Fairness: 4 CPU-bound threads run for a fixed time; each records a timestamp after every chunk
of work. Reported: each one's share of the work, max/min of the shares, each thread's longest
stretch without progress, and the number of 100 ms windows in which some thread made none.

Parameters: duration=SECONDS threads=N window=SECONDS.
"""
import threading

import gilwork


def main():
    params = gilwork.parse_params({"duration": 2.0, "threads": 4, "window": 0.1})
    count = params["threads"]
    stamps = [[] for _ in range(count)]
    go = threading.Event()
    times = {}

    def worker(index):
        mine = stamps[index]
        go.wait()
        deadline = times["deadline"]
        while True:
            gilwork.spin(gilwork.CHUNK)
            now = gilwork.perf_counter_ns()
            mine.append(now)
            if now >= deadline:
                break

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    start = gilwork.perf_counter_ns()
    deadline = start + int(params["duration"] * 1e9)
    times["deadline"] = deadline
    go.set()
    for thread in threads:
        thread.join()

    chunks = []
    longest_gaps = []
    for mine in stamps:
        inside = [t for t in mine if t <= deadline]
        chunks.append(len(inside))
        gap = 0
        previous = start
        for t in inside + [deadline]:
            gap = max(gap, t - previous)
            previous = t
        longest_gaps.append(gap / 1e6)
    total = sum(chunks)
    shares = [c / total if total else 0.0 for c in chunks]
    window_ns = int(params["window"] * 1e9)
    windows = int((deadline - start) // window_ns)
    starved = 0
    for k in range(windows):
        low = start + k * window_ns
        high = low + window_ns
        for mine in stamps:
            if not any(low <= t < high for t in mine):
                starved += 1
                break
    nonzero = [s for s in shares if s > 0]
    ratio = max(shares) / min(shares) if len(nonzero) == len(shares) else None
    gilwork.emit("fairness", params, {
        "chunks": chunks, "shares": shares, "max_min_ratio": ratio,
        "longest_gap_ms": longest_gaps, "windows": windows, "starved_windows": starved,
        "iterations_per_s": total * gilwork.CHUNK / params["duration"]})


main()
