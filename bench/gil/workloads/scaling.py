"""CPU-bound scaling: a fixed amount of pure-Python work done by one thread, then split evenly
across 2, 4, 8 ... threads. Wall time (perf_counter) and process CPU time for each split.

Parameters: work=ITERATIONS threads=1,2,4,8 reverse=0|1 (run the splits in reverse order)
rounds=N (measure every split N times, the order reversed from one round to the next, and keep
each split's best wall and CPU time: on a shared machine another process's burst lengthens one
measurement, never shortens it, so the best of a few is the closest to the cost of the split
itself; every round's figures are kept too).
"""
import threading
import time

import gilwork


def run_split(nthreads, work):
    chunks = work // gilwork.CHUNK // nthreads
    go = threading.Event()

    def worker():
        go.wait()
        for _ in range(chunks):
            gilwork.spin(gilwork.CHUNK)

    threads = [threading.Thread(target=worker) for _ in range(nthreads)]
    for thread in threads:
        thread.start()
    cpu_start = time.process_time()
    start = time.perf_counter_ns()
    go.set()
    for thread in threads:
        thread.join()
    wall = (time.perf_counter_ns() - start) / 1e9
    cpu = time.process_time() - cpu_start
    return {"threads": nthreads, "iterations": chunks * gilwork.CHUNK * nthreads, "wall_s": wall,
            "cpu_s": cpu}


def main():
    params = gilwork.parse_params({"work": 8000000, "threads": [1, 2, 4, 8], "reverse": 0,
                                   "rounds": 1})
    order = list(params["threads"])
    if params["reverse"]:
        order.reverse()
    gilwork.spin(gilwork.CHUNK * 20)  # warm up
    measured = {}
    for round_index in range(max(1, params["rounds"])):
        for n in (order if round_index % 2 == 0 else order[::-1]):
            measured.setdefault(n, []).append(run_split(n, params["work"]))
    runs = []
    for n in sorted(measured):
        rounds = measured[n]
        runs.append({"threads": n, "iterations": rounds[0]["iterations"],
                     "wall_s": min(r["wall_s"] for r in rounds),
                     "cpu_s": min(r["cpu_s"] for r in rounds),
                     "rounds_wall_s": [r["wall_s"] for r in rounds],
                     "rounds_cpu_s": [r["cpu_s"] for r in rounds]})
    gilwork.emit("scaling", params, {"runs": runs})


main()
