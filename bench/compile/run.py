"""Issue #2's compile-speed benchmark: parses and compiles the whole CPython 3.11 stdlib with minipy
and with CPython's own compile(), side by side, and prints both times and their ratio.

Both sides read every file into memory first and time only compilation: CPython's
`compile(source_bytes, path, "exec")` over all files, minipy's `compile_source` in
minipy_compile_bench. Each side runs in a fresh process, alternating minipy / CPython for `--rounds`
rounds (default 3); each process reports its best of `--repeat` passes, and the median of the rounds
is compared. Timings are printed, never asserted.

Usage: run.py BENCH_BINARY [--rounds N] [--repeat N] [--list FILE]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

CPYTHON_TIMER = r"""
import sys, time, warnings
warnings.simplefilter("ignore")
paths = open(sys.argv[1]).read().split()
sources = []
for p in paths:
    with open(p, "rb") as f:
        sources.append((p, f.read()))
best = None
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    for p, s in sources:
        compile(s, p, "exec")
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(best)
"""


def cpython_executable():
    return subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                          capture_output=True, text=True, check=True).stdout.strip()


def run_minipy(binary, file_list, repeat):
    out = subprocess.run([binary, "--repeat", str(repeat), file_list], capture_output=True,
                         text=True, check=True).stdout
    fields = dict(item.split("=", 1) for item in out.split())
    return float(fields["best_seconds"]), int(fields["failures"]), int(fields["files"])


def run_cpython(python, file_list, repeat):
    out = subprocess.run([python, "-c", CPYTHON_TIMER, file_list, str(repeat)],
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--list")
    args = parser.parse_args()
    python = cpython_executable()
    file_list = args.list
    if not file_list:
        file_list = os.path.join(tempfile.mkdtemp(prefix="minipy-bench-"), "files.txt")
        subprocess.run([python, os.path.join(HERE, "make_file_list.py"), file_list], check=True)
    minipy_times, cpython_times = [], []
    failures = files = 0
    for round_index in range(args.rounds):
        seconds, failures, files = run_minipy(args.binary, file_list, args.repeat)
        minipy_times.append(seconds)
        cpython_times.append(run_cpython(python, file_list, args.repeat))
        print(f"round {round_index + 1}: minipy {minipy_times[-1]:.3f}s  "
              f"CPython {cpython_times[-1]:.3f}s", flush=True)
    m = statistics.median(minipy_times)
    c = statistics.median(cpython_times)
    print(f"files: {files} (minipy failures: {failures})")
    print(f"minipy parse+compile: median {m:.3f}s (best {min(minipy_times):.3f}s)")
    print(f"CPython {sys.version.split()[0]} compile(): median {c:.3f}s "
          f"(best {min(cpython_times):.3f}s)")
    print(f"ratio CPython/minipy: {c / m:.2f}x (goal: >= 3x)")


if __name__ == "__main__":
    main()
