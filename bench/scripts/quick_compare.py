#!/usr/bin/env python3
"""Times each bench/scripts/*.py under minipy and the real CPython side by side.

Usage: quick_compare.py MINIPY_BINARY [SCRIPT ...] [--runs N]

Each script runs N times (default 5) under both interpreters; the best CPU time (user + system,
of the child process: steadier than wall-clock time on a loaded machine) of each is kept, the
stdout (with its checksum line) must match, and the ratio minipy/CPython is printed (below 1.0
means minipy is faster). Never asserts on timings.
"""
import os
import resource
import subprocess
import sys


def best_time(argv, runs):
    best = None
    output = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        elapsed = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            return None, done.stderr.decode(errors="replace")
        output = done.stdout.decode(errors="replace")
        best = elapsed if best is None else min(best, elapsed)
    return best, output


def main():
    args = sys.argv[1:]
    runs = 5
    if "--runs" in args:
        at = args.index("--runs")
        runs = int(args[at + 1])
        del args[at : at + 2]
    if not args:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    minipy = args[0]
    here = os.path.dirname(os.path.abspath(__file__))
    scripts = args[1:] or sorted(
        os.path.join(here, name)
        for name in os.listdir(here)
        if name.endswith(".py") and name != os.path.basename(__file__)
    )
    # The real CPython binary, never a wrapper script.
    cpython = subprocess.run(
        ["python3", "-c", "import sys; print(sys.executable)"],
        stdout=subprocess.PIPE, check=True,
    ).stdout.decode().strip()
    print(f"{'script':<20} {'minipy':>9} {'cpython':>9} {'ratio':>7}  (best of {runs})")
    status = 0
    for script in scripts:
        name = os.path.basename(script)
        mine, mine_out = best_time([minipy, script], runs)
        ref, ref_out = best_time([cpython, script], runs)
        if mine is None or ref is None:
            print(f"{name:<20} FAILED: {(mine_out if mine is None else ref_out).strip()[-300:]}")
            status = 1
            continue
        note = "" if mine_out == ref_out else "  OUTPUT DIFFERS"
        if note:
            status = 1
        print(f"{name:<20} {mine:9.3f} {ref:9.3f} {mine / ref:7.2f}{note}")
    return status


if __name__ == "__main__":
    sys.exit(main())
