#!/usr/bin/env python3
"""The training run of minipy's profile-guided build (MINIPY_PGO, see CMakeLists.txt).

Usage: train.py MINIPY [--jobs N] [--cpu-limit SECONDS] [--scripts-only | --bench-only]

Runs an instrumented minipy (-fprofile-generate) on:
  1. every bench/scripts/*.py, scaled down (the SCALE table below: the same code paths, about a
     fifth of the work), so that the profile weights the hot loops the benchmarks time;
  2. the script tests tests/scripts/**/*.py (imports, the compiler, exceptions, threads, the
     stdlib: coverage of the code that is not hot, so that it is not optimised as if never run).
The whole run takes well under a minute of CPU time for an instrumented -O2 binary.

Outputs and exit codes of the scripts are not checked here (ctest does that against the optimised
binary): a script that fails only contributes the profile of what it ran. A script that uses more
than --cpu-limit seconds of CPU (or ten times that of wall-clock time) gets SIGINT (minipy raises
KeyboardInterrupt and exits normally, which writes its profile), then SIGKILL if it is still alive. The exit status is 1 only when no script ran to its end
(then the binary itself is broken and the profile would be worthless).
"""
import argparse
import concurrent.futures
import os
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "bench", "scripts")
TESTS = os.path.join(ROOT, "tests", "scripts")

# Each benchmark's size knob and a smaller value (exact text replacements). A script missing here,
# or whose text no longer matches, runs unscaled and is cut by --cpu-limit (a note says so).
SCALE = {
    "attributes.py": [("range(9000000)", "range(1800000)")],
    "binary_trees.py": [("main(14)", "main(12)")],
    "closures.py": [("main(1200000)", "main(240000)")],
    "exceptions.py": [("main(1200000)", "main(240000)")],
    "fib.py": [("fib(35)", "fib(31)")],
    "float_loop.py": [("range(14000000)", "range(2800000)")],
    "generators.py": [("main(4000000)", "main(800000)")],
    "int_loop.py": [("range(24000000)", "range(4800000)")],
    "interp.py": [("main(30000, 2000)", "main(6000, 400)")],
    "method_calls.py": [("range(20000000)", "range(4000000)")],
    "nbody.py": [("main(300000)", "main(60000)")],
    "pidigits.py": [("main(6000)", "main(2500)")],
    "richards.py": [("main(40)", "main(8)")],
    "slots_props.py": [("main(90000)", "main(18000)")],
    "sort_comp.py": [("main(100000)", "main(20000)")],
    "spectral_norm.py": [("main(450)", "main(200)")],
    "strings.py": [("main(60000)", "main(12000)")],
    "word_count.py": [("main(300000)", "main(60000)")],
}


def bench_jobs(scratch):
    """(label, path, cwd) of each scaled benchmark copy, written to scratch."""
    jobs = []
    for name in sorted(os.listdir(BENCH)):
        if not name.endswith(".py") or name == "quick_compare.py":
            continue
        with open(os.path.join(BENCH, name), encoding="utf-8") as f:
            source = f.read()
        scaled = source
        for old, new in SCALE.get(name, []):
            scaled = scaled.replace(old, new)
        if name not in SCALE or scaled == source:
            print(f"train.py: note: bench/scripts/{name} has no matching SCALE entry: runs unscaled")
        path = os.path.join(scratch, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(scaled)
        jobs.append((f"bench/{name}", path, scratch))
    return jobs


def script_test_jobs():
    """(label, path, cwd) of each script test (a .py with an `# expect` line), run in its folder."""
    jobs = []
    for folder, _, names in sorted(os.walk(TESTS)):
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                if "# expect" not in f.read():
                    continue
            jobs.append((os.path.relpath(path, ROOT), path, folder))
    return jobs


def cpu_seconds(pid):
    """User + system CPU time of a running process (Linux /proc), or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def run_one(minipy, job, cpu_limit):
    """Runs one script; cut when it has used cpu_limit seconds of CPU (a loaded machine makes
    wall-clock time meaningless) or ten times that of wall-clock time (a script that waits)."""
    label, path, cwd = job
    started = time.monotonic()
    process = subprocess.Popen([minipy, path], cwd=cwd, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    state = "ok"
    while True:
        try:
            code = process.wait(timeout=0.1)
            if code != 0:
                state = f"exit {code}"
            break
        except subprocess.TimeoutExpired:
            used = cpu_seconds(process.pid)
            if (used is not None and used > cpu_limit) or \
                    time.monotonic() - started > 10 * cpu_limit:
                break
    if process.returncode is None:
        # KeyboardInterrupt ends minipy through its normal exit, which writes the profile.
        process.send_signal(signal.SIGINT)
        state = "cut"
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            state = "killed"
    return label, state, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("minipy", help="the instrumented minipy binary")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cpu-limit", type=float, default=10.0,
                        help="CPU seconds before a script gets SIGINT (default 10; wall-clock "
                             "limit: ten times that)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--bench-only", action="store_true")
    which.add_argument("--scripts-only", action="store_true")
    args = parser.parse_args()
    minipy = os.path.abspath(args.minipy)
    if not os.access(minipy, os.X_OK):
        print(f"train.py: no minipy binary at {minipy}", file=sys.stderr)
        return 2

    started = time.monotonic()
    cpu_before = os.times()
    with tempfile.TemporaryDirectory(prefix="minipy-pgo-") as scratch:
        jobs = []
        if not args.scripts_only:
            jobs += bench_jobs(scratch)
        if not args.bench_only:
            jobs += script_test_jobs()
        counts = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for label, state, seconds in pool.map(lambda job: run_one(minipy, job, args.cpu_limit),
                                                  jobs):
                counts[state.split()[0]] = counts.get(state.split()[0], 0) + 1
                if state != "ok" and label.startswith("bench/"):
                    print(f"train.py: note: {label}: {state} after {seconds:.1f} s")
    cpu_after = os.times()
    cpu = (cpu_after.children_user - cpu_before.children_user
           + cpu_after.children_system - cpu_before.children_system)
    summary = ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
    print(f"train.py: {len(jobs)} scripts ({summary}) in {time.monotonic() - started:.1f} s, "
          f"{cpu:.1f} s CPU")
    return 0 if counts.get("ok", 0) else 1


if __name__ == "__main__":
    sys.exit(main())
