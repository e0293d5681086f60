#!/usr/bin/env python3
"""Cycle collector benchmarks, minipy side by side with CPython (bench/gc).

Usage: python3 bench/gc/run.py [--minipy PATH] [--runs N] [--quick]

Prints, for each interpreter: the allocation-heavy script's time (median of N runs), the pause of
a generation-0 collection and of a full collection with one million live tracked objects (median
and worst, from pause.py), and the peak RSS of the ten-million-cycles script with the collector
enabled and disabled; then the minipy/CPython ratios. Timings are reported, never asserted.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def cpython_binary():
    out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def run_timed(binary, script, args=()):
    """Runs one child; returns (CPU seconds user+system, peak RSS KiB of that child, stdout).
    CPU time of the child is steadier than wall-clock time on a loaded machine."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        out = os.open(os.path.join("/tmp", "gc_bench_out_%d" % os.getpid()),
                      os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.dup2(devnull, 2)
        os.execv(binary, [binary, os.path.join(HERE, script), *args])
    _, status, usage = os.wait4(pid, 0)
    elapsed = usage.ru_utime + usage.ru_stime
    path = os.path.join("/tmp", "gc_bench_out_%d" % pid)
    with open(path) as f:
        stdout = f.read()
    os.unlink(path)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("%s %s failed" % (binary, script))
    return elapsed, usage.ru_maxrss, stdout


def measure(binary, runs, quick):
    result = {}
    times = [run_timed(binary, "alloc_heavy.py")[0] for _ in range(runs)]
    result["alloc_heavy_s"] = statistics.median(times)
    gen0_median, gen0_worst, full_median, full_worst = [], [], [], []
    for _ in range(max(1, runs // 2)):
        out = run_timed(binary, "pause.py")[2].split("\n")
        g = out[0].split()
        f = out[1].split()
        gen0_median.append(float(g[1]))
        gen0_worst.append(float(g[2]))
        full_median.append(float(f[1]))
        full_worst.append(float(f[2]))
    result["gen0_median_ms"] = statistics.median(gen0_median)
    result["gen0_worst_ms"] = max(gen0_worst)
    result["full_median_ms"] = statistics.median(full_median)
    result["full_worst_ms"] = max(full_worst)
    if not quick:
        result["cycles_on_s"], result["cycles_on_rss_kib"], _ = run_timed(binary, "cycles10m.py")
        result["cycles_off_s"], result["cycles_off_rss_kib"], _ = run_timed(
            binary, "cycles10m.py", ["off"])
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minipy", default=os.path.join(ROOT, "build", "minipy"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="skip the 10M-cycles runs")
    options = parser.parse_args()
    binaries = {"minipy": os.path.abspath(options.minipy), "cpython": cpython_binary()}
    results = {name: measure(path, options.runs, options.quick) for name, path in binaries.items()}
    keys = list(results["minipy"])
    print("%-22s %14s %14s %8s" % ("measure", "minipy", "cpython", "ratio"))
    for key in keys:
        a = results["minipy"][key]
        b = results["cpython"][key]
        ratio = a / b if b else float("nan")
        print("%-22s %14.4f %14.4f %8.2f" % (key, a, b, ratio))
    print("(ratio = minipy / cpython; below 1 is better for minipy; times in CPU seconds of the "
          "child, pauses in ms, RSS in KiB)")


if __name__ == "__main__":
    sys.exit(main())
