"""Issue #2's compile-speed benchmark: parses and compiles the whole CPython 3.11 stdlib (the
`sysconfig` stdlib path with site-packages, about 11,650 files) with minipy and with CPython's own
compile(), side by side, and prints one table: files, bytes, both times, minipy's time per phase and
the ratio. Timings are printed, never asserted.

Both sides read every file into memory first and time only compilation: CPython's
`compile(source_bytes, path, "exec")` over all files, minipy's `compile_source` in
minipy_compile_bench. Each side runs in a fresh process, alternating minipy / CPython for `--rounds`
rounds (default 3); each process reports its best of `--repeat` passes and the median of the rounds
is compared. Both wall time and CPU time (the process's own, which other load on a shared machine
inflates far less) are shown; the ratio uses CPU time. A last minipy run splits its time by phase.

Usage: run.py [BENCH_BINARY] [--rounds N] [--repeat N] [--list FILE]
  BENCH_BINARY defaults to build/bench/compile/minipy_compile_bench under the repository.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GOAL = 3.0

CPYTHON_TIMER = r"""
import sys, time, warnings
warnings.simplefilter("ignore")
paths = open(sys.argv[1]).read().split("\n")
sources = []
for p in paths:
    if p:
        with open(p, "rb") as f:
            sources.append((p, f.read()))
best_wall = best_cpu = None
for _ in range(int(sys.argv[2])):
    wall, cpu = time.perf_counter(), time.process_time()
    for p, s in sources:
        compile(s, p, "exec")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    best_wall = wall if best_wall is None else min(best_wall, wall)
    best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
print(best_wall, best_cpu, len(sources), sum(len(s) for _, s in sources))
"""


def cpython_executable():
    return subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                          capture_output=True, text=True, check=True).stdout.strip()


def run_fields(command):
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return dict(item.split("=", 1) for item in out.split())


def run_minipy(binary, file_list, repeat):
    fields = run_fields([binary, "--repeat", str(repeat), file_list])
    return (float(fields["best_seconds"]), float(fields["best_cpu_seconds"]),
            int(fields["failures"]), int(fields["files"]), int(fields["bytes"]))


def run_phases(binary, file_list, repeat):
    fields = run_fields([binary, "--phases", "--repeat", str(repeat), file_list])
    return {name: float(fields[name])
            for name in ("lex", "parse", "symtable", "codegen", "assemble")}


def run_cpython(python, file_list, repeat):
    out = subprocess.run([python, "-c", CPYTHON_TIMER, file_list, str(repeat)],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?",
                        default=os.path.join(ROOT, "build", "bench", "compile",
                                             "minipy_compile_bench"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--list")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"no benchmark binary at {args.binary}: build the minipy_compile_bench target "
                 "and pass its path")
    python = cpython_executable()
    file_list = args.list
    if not file_list:
        file_list = os.path.join(tempfile.mkdtemp(prefix="minipy-bench-"), "files.txt")
        subprocess.run([python, os.path.join(HERE, "make_file_list.py"), file_list], check=True)
    m_wall, m_cpu, c_wall, c_cpu = [], [], [], []
    failures = files = size = 0
    for round_index in range(args.rounds):
        wall, cpu, failures, files, size = run_minipy(args.binary, file_list, args.repeat)
        m_wall.append(wall)
        m_cpu.append(cpu)
        wall, cpu, _, _ = run_cpython(python, file_list, args.repeat)
        c_wall.append(wall)
        c_cpu.append(cpu)
        print(f"round {round_index + 1}: minipy {m_wall[-1]:.3f}s wall {m_cpu[-1]:.3f}s CPU, "
              f"CPython {c_wall[-1]:.3f}s wall {c_cpu[-1]:.3f}s CPU", flush=True)
    phases = run_phases(args.binary, file_list, args.repeat)
    mw, mc = statistics.median(m_wall), statistics.median(m_cpu)
    cw, cc = statistics.median(c_wall), statistics.median(c_cpu)
    version = sys.version.split()[0]
    rows = [
        ("files", f"{files}" + (f" ({failures} minipy failures)" if failures else "")),
        ("bytes", f"{size:,}"),
        (f"CPython {version} compile()", f"{cc:8.3f} s CPU   {cw:8.3f} s wall"),
        ("minipy parse+compile", f"{mc:8.3f} s CPU   {mw:8.3f} s wall"),
    ]
    for name in ("lex", "parse", "symtable", "codegen", "assemble"):
        rows.append((f"  {name}", f"{phases[name]:8.3f} s CPU"))
    rows.append(("ratio CPython/minipy", f"{cc / mc:8.2f}x CPU   {cw / mw:8.2f}x wall   "
                                         f"(goal >= {GOAL:.0f}x)"))
    width = max(len(name) for name, _ in rows)
    print()
    print(f"{'':{width}}  median of {args.rounds} rounds, best of {args.repeat} per process")
    for name, value in rows:
        print(f"{name:{width}}  {value}")
    print("(phases: one separate pass; `parse` excludes lexing, `codegen` excludes assembly)")


if __name__ == "__main__":
    main()
