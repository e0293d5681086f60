"""Pieces shared by the GIL workloads of bench/gil.

Plain Python that runs alike on minipy and CPython 3.11: threading, os.pipe, os.read/os.write,
time.perf_counter_ns and sys.setswitchinterval (sys.setcheckinterval and sys._gilstats only where
the interpreter has them, i.e. on minipy). Each workload prints its figures as one line
`RESULT {json}` at the end, which bench/gil/run.py reads; everything else it prints is ignored.
"""
import json
import os
import sys
import threading
import time

perf_counter_ns = time.perf_counter_ns

# One unit of CPU-bound work: this many iterations of a small pure-Python loop (about 50 us).
CHUNK = 1000
DEFAULT_CHECK_INTERVAL = 100
DEFAULT_SWITCH_INTERVAL = 0.005


def spin(n):
    x = 0
    for i in range(n):
        x = (x * 7 + i) % 1000003
    return x


def parse_params(defaults):
    """Reads key=value arguments; a value's type is the default's (a list: comma-separated)."""
    values = dict(defaults)
    for arg in sys.argv[1:]:
        key, sep, text = arg.partition("=")
        if not sep or key not in defaults:
            raise SystemExit(f"{sys.argv[0]}: bad argument {arg!r} (known: "
                             f"{', '.join(sorted(defaults))}; write key=value)")
        default = defaults[key]
        if isinstance(default, list):
            kind = type(default[0])
            values[key] = [kind(item) for item in text.split(",") if item]
        else:
            values[key] = type(default)(text)
    return values


def percentile(ordered, fraction):
    """Nearest-rank percentile of a sorted list."""
    if not ordered:
        return None
    rank = int(fraction * len(ordered) + 0.999999999)
    return ordered[min(max(rank, 1), len(ordered)) - 1]


def latency_summary(samples_ns):
    """Median, p99, max and mean of round-trip times, in microseconds."""
    ordered = sorted(samples_ns)
    if not ordered:
        return {"n": 0, "median_us": None, "p99_us": None, "max_us": None, "mean_us": None,
                "over_1ms": 0}
    return {
        "n": len(ordered),
        "median_us": percentile(ordered, 0.5) / 1000,
        "p99_us": percentile(ordered, 0.99) / 1000,
        "max_us": ordered[-1] / 1000,
        "mean_us": sum(ordered) / len(ordered) / 1000,
        "over_1ms": len([t for t in ordered if t > 1000000]),
    }


def has_check_interval():
    return hasattr(sys, "setcheckinterval")


def set_intervals(check, switch):
    """Sets the switch interval, and the check interval where there is one (minipy)."""
    if check and has_check_interval():
        sys.setcheckinterval(check)
    sys.setswitchinterval(switch)


def gil_counters():
    """sys._gilstats() reduced to its counters and per-thread wait totals, or None (CPython)."""
    if not hasattr(sys, "_gilstats"):
        return None
    stats = sys._gilstats()
    summary = {}
    for key in stats:
        if key != "threads":
            summary[key] = stats[key]
    threads = stats.get("threads", {})
    waits = [info.get("waits", 0) for info in threads.values()]
    summary["threads_seen"] = len(threads)
    summary["waits"] = sum(waits)
    summary["total_wait_s"] = sum(info.get("total_wait", 0.0) for info in threads.values())
    summary["longest_wait_s"] = max([info.get("longest_wait", 0.0) for info in threads.values()]
                                    + [0.0])
    return summary


def emit(workload, params, results):
    record = {
        "workload": workload,
        "implementation": sys.implementation.name,
        "version": "%d.%d.%d" % tuple(sys.version_info[:3]),
        "params": params,
        "results": results,
        "gilstats": gil_counters(),
    }
    print("RESULT " + json.dumps(record), flush=True)


class Spinners:
    """n CPU-bound threads, each doing chunks of spin() and counting them until stopped."""

    def __init__(self, count, chunk=CHUNK):
        self.chunk = chunk
        self.counts = [0] * count
        self.running = True
        self.threads = [threading.Thread(target=self.run, args=(i,), daemon=True)
                        for i in range(count)]

    def run(self, index):
        counts = self.counts
        chunk = self.chunk
        while self.running:
            spin(chunk)
            counts[index] += 1

    def start(self):
        for thread in self.threads:
            thread.start()

    def snapshot(self):
        return perf_counter_ns(), sum(self.counts)

    def stop(self):
        self.running = False
        for thread in self.threads:
            thread.join()


def work_rate(before, after, chunk=CHUNK):
    """Loop iterations per second between two Spinners snapshots."""
    elapsed = (after[0] - before[0]) / 1e9
    return (after[1] - before[1]) * chunk / elapsed if elapsed > 0 else 0.0


def baseline_rate(duration):
    """Iterations per second of one CPU-bound thread alone: one core's worth of this loop."""
    spinners = Spinners(1)
    spinners.start()
    time.sleep(0.02)
    before = spinners.snapshot()
    time.sleep(duration)
    after = spinners.snapshot()
    spinners.stop()
    return work_rate(before, after)


class PipeEcho:
    """A thread answering requests through a pair of pipes: it reads an 8-byte request (at once,
    or byte by byte with one os.read per byte) and writes a 1-byte answer."""

    MESSAGE = b"ping0000"
    QUIT = b"quit0000"

    def __init__(self, bytewise):
        self.bytewise = bytewise
        self.request_r, self.request_w = os.pipe()
        self.reply_r, self.reply_w = os.pipe()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        size = len(self.MESSAGE)
        while True:
            if self.bytewise:
                request = b""
                while len(request) < size:
                    request += os.read(self.request_r, 1)
            else:
                request = os.read(self.request_r, size)
            if request == self.QUIT or not request:
                break
            os.write(self.reply_w, b"k")

    def round_trip(self):
        start = perf_counter_ns()
        os.write(self.request_w, self.MESSAGE)
        os.read(self.reply_r, 1)
        return perf_counter_ns() - start

    def measure(self, duration, limit):
        """Back-to-back round trips for `duration` seconds (at most `limit`); times in ns."""
        samples = []
        end = perf_counter_ns() + int(duration * 1e9)
        while len(samples) < limit:
            samples.append(self.round_trip())
            if perf_counter_ns() >= end:
                break
        return samples

    def close(self):
        os.write(self.request_w, self.QUIT)
        self.thread.join()
        for fd in (self.request_r, self.request_w, self.reply_r, self.reply_w):
            os.close(fd)


def io_under_load(cpu_threads, bytewise, duration, limit):
    """Round trips of a PipeEcho while `cpu_threads` Spinners run; returns the latency summary
    and the Spinners' rate (iterations per second; see add_cores)."""
    echo = PipeEcho(bytewise)
    for _ in range(20):
        echo.round_trip()
    spinners = Spinners(cpu_threads)
    spinners.start()
    time.sleep(0.02)
    before = spinners.snapshot()
    samples = echo.measure(duration, limit)
    after = spinners.snapshot()
    spinners.stop()
    echo.close()
    result = latency_summary(samples)
    result["cpu_threads"] = cpu_threads
    result["cpu_rate"] = work_rate(before, after) if cpu_threads else 0.0
    return result


def add_cores(points, baselines):
    """Sets each point's cpu_cores: its Spinners' rate over one thread's rate alone (the median of
    the baseline_rate measurements taken before, between and after the points, since the load
    of the machine moves). Returns that one-core rate."""
    one_core = sorted(baselines)[len(baselines) // 2]
    for point in points:
        point["cpu_cores"] = point["cpu_rate"] / one_core if one_core else 0.0
    return one_core
