"""CPU-bound scaling: a fixed amount of pure-Python work done by one thread, then split evenly
across 2, 4, 8 ... threads. Wall time (perf_counter) and process CPU time for each split.

Parameters: work=ITERATIONS threads=1,2,4,8 reverse=0|1 (run the splits in reverse order).
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
    params = gilwork.parse_params({"work": 8000000, "threads": [1, 2, 4, 8], "reverse": 0})
    order = list(params["threads"])
    if params["reverse"]:
        order.reverse()
    gilwork.spin(gilwork.CHUNK * 20)  # warm up
    runs = [run_split(n, params["work"]) for n in order]
    runs.sort(key=lambda run: run["threads"])
    gilwork.emit("scaling", params, {"runs": runs})


main()
