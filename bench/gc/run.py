#!/usr/bin/env python3
"""Cycle collector benchmarks, minipy side by side with CPython (bench/gc).

Usage: python3 bench/gc/run.py [--minipy PATH] [--runs N] [--quick]

Prints, for each interpreter: the allocation-heavy script's time (median of N runs), the pause of
a generation-0 collection and of a full collection with one million live tracked objects (median
and worst, from pause.py; for generation 0 also the 99th percentile, since its worst sample of a
few microseconds is mostly whether the OS preempted that one collection), and the peak RSS of the
ten-million-cycles script with the collector enabled and disabled; then the minipy/CPython ratios.
Timings are reported, never asserted. The interpreters take turns run after run, so both see the
same load of the machine.
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


def measure(binaries, runs, quick):
    """Runs each measurement on every interpreter in turn, round after round, so that both see the
    same load of the machine; returns {interpreter: {measure: value}}."""
    samples = {name: {} for name in binaries}

    def add(name, key, value):
        samples[name].setdefault(key, []).append(value)

    for _ in range(runs):
        for name, binary in binaries.items():
            add(name, "alloc_heavy_s", run_timed(binary, "alloc_heavy.py")[0])
    for _ in range(max(1, runs // 2)):
        for name, binary in binaries.items():
            out = run_timed(binary, "pause.py")[2].split("\n")
            g = out[0].split()
            f = out[1].split()
            add(name, "gen0_median_ms", float(g[1]))
            add(name, "gen0_worst_ms", float(g[2]))
            add(name, "gen0_p99_ms", float(g[3]))
            add(name, "full_median_ms", float(f[1]))
            add(name, "full_worst_ms", float(f[2]))
    results = {}
    for name in binaries:
        got = samples[name]
        results[name] = {
            "alloc_heavy_s": statistics.median(got["alloc_heavy_s"]),
            "gen0_median_ms": statistics.median(got["gen0_median_ms"]),
            "gen0_worst_ms": max(got["gen0_worst_ms"]),
            "gen0_p99_ms": max(got["gen0_p99_ms"]),
            "full_median_ms": statistics.median(got["full_median_ms"]),
            "full_worst_ms": max(got["full_worst_ms"]),
        }
    if not quick:
        for name, binary in binaries.items():
            result = results[name]
            result["cycles_on_s"], result["cycles_on_rss_kib"], _ = run_timed(binary, "cycles10m.py")
            result["cycles_off_s"], result["cycles_off_rss_kib"], _ = run_timed(
                binary, "cycles10m.py", ["off"])
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minipy", default=os.path.join(ROOT, "build", "minipy"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="skip the 10M-cycles runs")
    options = parser.parse_args()
    binaries = {"minipy": os.path.abspath(options.minipy), "cpython": cpython_binary()}
    results = measure(binaries, options.runs, options.quick)
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
