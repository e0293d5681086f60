#!/usr/bin/env python3
"""The GIL contention benchmark: minipy side by side with CPython 3.11 (issue #5).

Usage: python3 bench/gil/run.py [--build DIR | --minipy PATH] [--cpython PATH] [--quick]
                                [--only SECTION ...] [--reps N] [--out DIR] [--note TEXT] [--smoke]

Runs the workload scripts of bench/gil/workloads/ (plain Python, the same on both interpreters)
as child processes, alternating minipy and CPython from one repetition to the next, and writes
OUT/report.md (default bench/gil/report/) with tables and gnuplot charts (PNG + SVG):

  1. scaling   a fixed amount of CPU-bound work by 1 thread, split over 2, 4, 8 threads;
  2. convoy    pipe round trips to an answering thread alone and while 1, 2, 4 CPU-bound
               threads run (the answer read at once, or byte by byte), and the CPU threads' work;
  3. fairness  4 CPU-bound threads: shares of the work, max/min, starved 100 ms windows;
  4. handover  ping-pong round trips between two threads through Locks, Events, a Condition;
  5. sweep     the check interval (minipy only) and the switch interval against the CPU-bound
               threads' throughput and the I/O latency.

Each section states issue #5's target and whether each interpreter met it in every run. The
counters of sys._gilstats() (minipy only) are printed for every run and kept in the report.
Timings are never asserted: the exit status is 1 only when a workload fails or prints malformed
results. --quick: fewer and shorter runs (about a minute). --smoke: minipy only, tiny runs, checks
the workloads complete and print well-formed results (the ctest bench/gil_smoke).

CPython is the real binary (sys.executable of `python3`), never a wrapper script on PATH.
"""
import argparse
import datetime
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WORKLOADS = os.path.join(HERE, "workloads")
sys.path.insert(0, os.path.dirname(HERE))
from common import (cpu_model, draw_gnuplot, git_description, load_average,  # noqa: E402
                    median, real_cpython, version_of)

SECTIONS = ["scaling", "convoy", "fairness", "handover", "sweep"]
INTERPRETERS = ["minipy", "cpython"]
LABEL = {"minipy": "minipy", "cpython": "CPython"}

# Issue #5's targets (shown next to the figures, never asserted).
SCALING_LIMIT = 1.05          # n-thread time / 1-thread time
CONVOY_P99_US = 100.0         # pipe round trip p99 with 2 CPU-bound threads
CONVOY_MAX_US = 1000.0        # ... and no round trip above this
CONVOY_MIN_CORES = 0.5        # ... while the CPU-bound threads get at least half a core
FAIRNESS_RATIO = 1.1          # max/min share of 4 CPU-bound threads
STARVED_MS = 100.0            # ... and no thread without progress for this long
HANDOVER_US = {"lock": 15.0, "event": 20.0, "condition": 20.0}
SWEEP_SPREAD = 2.0            # p99 at every switch interval within this factor of the lowest
SWEEP_FLOOR_US = CONVOY_P99_US  # ... or all of them under the convoy target

# Repetitions (child processes per interpreter) and workload parameters of each mode.
PROFILES = {
    "full": {
        "scaling": (5, ["work=8000000", "threads=1,2,4,8", "rounds=3"]),
        "convoy": (3, ["duration=1.0", "cpu_threads=0,1,2,4", "baseline=0.5"]),
        "fairness": (3, ["duration=2.0", "threads=4"]),
        "handover": (3, ["duration=0.5"]),
        "sweep": (2, ["duration=1.5", "checks=10,100,1000,10000", "switches=0.0005,0.005,0.05",
                      "baseline=0.5"]),
    },
    "quick": {
        "scaling": (2, ["work=3000000", "threads=1,2,4,8", "rounds=3"]),
        "convoy": (1, ["duration=0.4", "cpu_threads=0,1,2,4", "baseline=0.3"]),
        "fairness": (1, ["duration=1.0", "threads=4"]),
        "handover": (1, ["duration=0.2"]),
        "sweep": (1, ["duration=0.5", "checks=10,100,1000,10000", "switches=0.0005,0.005,0.05",
                      "baseline=0.3"]),
    },
    "smoke": {
        "scaling": (1, ["work=200000", "threads=1,2,4,8"]),
        "convoy": (1, ["duration=0.03", "cpu_threads=0,1,2,4", "baseline=0.03", "limit=300"]),
        "fairness": (1, ["duration=0.25", "threads=4"]),
        "handover": (1, ["duration=0.02", "limit=300"]),
        "sweep": (1, ["duration=0.03", "checks=10,100,1000,10000", "switches=0.0005,0.005,0.05",
                      "baseline=0.03", "limit=300"]),
    },
}
CHILD_TIMEOUT_S = {"full": 300, "quick": 120, "smoke": 60}


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="GIL contention benchmark, minipy vs CPython 3.11 (see bench/README.md)")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"),
                        help="minipy build directory (default: build/)")
    parser.add_argument("--minipy", help="minipy binary (default: BUILD/minipy)")
    parser.add_argument("--cpython", help="CPython binary (default: sys.executable of python3)")
    parser.add_argument("--quick", action="store_true", help="fewer, shorter runs (~1 minute)")
    parser.add_argument("--smoke", action="store_true",
                        help="minipy only, tiny runs: check the workloads and their output")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, metavar="SECTION",
                        help="sections to run: " + ", ".join(SECTIONS))
    parser.add_argument("--out", default=os.path.join(HERE, "report"),
                        help="output folder (default: bench/gil/report)")
    parser.add_argument("--reps", type=int,
                        help="runs per interpreter and section (default: 5 scaling, 3 convoy, "
                             "fairness and handover, 2 sweep; 1-2 with --quick)")
    parser.add_argument("--note", help="a line for the report's header")
    args = parser.parse_args(argv)
    if args.reps is not None and args.reps < 1:
        parser.error("--reps must be at least 1")
    return args


# ====== Running and checking the workloads

class Malformed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Malformed(message)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_latency(summary, where):
    expect(isinstance(summary, dict), f"{where}: not a dict")
    expect(isinstance(summary.get("n"), int) and summary["n"] >= 1, f"{where}: no samples")
    for key in ("median_us", "p99_us", "max_us", "mean_us"):
        expect(is_number(summary.get(key)) and summary[key] > 0, f"{where}: bad {key}")
    expect(summary["median_us"] <= summary["p99_us"] <= summary["max_us"],
           f"{where}: median <= p99 <= max does not hold")
    expect(isinstance(summary.get("over_1ms"), int) and 0 <= summary["over_1ms"] <= summary["n"],
           f"{where}: bad over_1ms")


def check_load_point(point, where):
    check_latency(point, where)
    expect(isinstance(point.get("cpu_threads"), int), f"{where}: bad cpu_threads")
    expect(is_number(point.get("cpu_cores")) and point["cpu_cores"] >= 0,
           f"{where}: bad cpu_cores")
    expect(is_number(point.get("cpu_rate")) and point["cpu_rate"] >= 0, f"{where}: bad cpu_rate")


def check_record(section, record, label):
    """Raises Malformed unless `record` is a well-formed result of `section`."""
    expect(isinstance(record, dict), "not a JSON object")
    expect(record.get("workload") == section, f"workload is {record.get('workload')!r}")
    results, params = record.get("results"), record.get("params")
    expect(isinstance(results, dict) and isinstance(params, dict), "no results or params")
    stats = record.get("gilstats")
    if label == "minipy":
        expect(isinstance(stats, dict), "no sys._gilstats() counters from minipy")
        for key in ("switches", "forced_switches", "requests"):
            expect(isinstance(stats.get(key), int) and stats[key] >= 0, f"gilstats: bad {key}")
    if section == "scaling":
        runs = results.get("runs")
        expect(isinstance(runs, list) and [run.get("threads") for run in runs]
               == sorted(params["threads"]), "runs do not match the thread counts")
        for run in runs:
            expect(is_number(run.get("wall_s")) and run["wall_s"] > 0, "bad wall_s")
            expect(is_number(run.get("cpu_s")) and run["cpu_s"] >= 0, "bad cpu_s")
            expect(isinstance(run.get("iterations"), int) and run["iterations"] > 0,
                   "bad iterations")
    elif section == "convoy":
        expect(is_number(results.get("one_core_rate")) and results["one_core_rate"] > 0,
               "bad one_core_rate")
        for variant in ("whole", "bytewise"):
            points = results.get("variants", {}).get(variant)
            expect(isinstance(points, list) and [p.get("cpu_threads") for p in points]
                   == params["cpu_threads"], f"{variant}: points do not match cpu_threads")
            for point in points:
                check_load_point(point, f"{variant}/{point['cpu_threads']}")
    elif section == "fairness":
        count = params["threads"]
        chunks, shares = results.get("chunks"), results.get("shares")
        expect(isinstance(chunks, list) and len(chunks) == count, "bad chunks")
        expect(all(isinstance(c, int) and c >= 0 for c in chunks) and sum(chunks) > 0,
               "bad chunk counts")
        expect(isinstance(shares, list) and len(shares) == count
               and abs(sum(shares) - 1.0) < 1e-6, "shares do not add up to 1")
        ratio = results.get("max_min_ratio")
        expect(ratio is None or (is_number(ratio) and ratio >= 1.0), "bad max_min_ratio")
        gaps = results.get("longest_gap_ms")
        expect(isinstance(gaps, list) and len(gaps) == count
               and all(is_number(g) and g > 0 for g in gaps), "bad longest_gap_ms")
        windows, starved = results.get("windows"), results.get("starved_windows")
        expect(isinstance(windows, int) and windows >= 1, "bad windows")
        expect(isinstance(starved, int) and 0 <= starved <= windows, "bad starved_windows")
    elif section == "handover":
        for kind in ("lock", "event", "condition"):
            check_latency(results.get(kind), kind)
    elif section == "sweep":
        expect(is_number(results.get("one_core_rate")) and results["one_core_rate"] > 0,
               "bad one_core_rate")
        points = results.get("points")
        expect(isinstance(points, list) and points, "no points")
        switches = sorted({p.get("switch_interval") for p in points})
        expect(switches == sorted(params["switches"]), "the switch intervals are not all there")
        if label == "minipy":
            expect(results.get("has_check_interval") is True, "minipy has no setcheckinterval")
            checks = sorted({p.get("check_interval") for p in points
                             if p.get("switch_interval") == 0.005})
            expect(checks == sorted(params["checks"]), "the check intervals are not all there")
        for point in points:
            check_load_point(point, f"check {point.get('check_interval')} / switch "
                                    f"{point.get('switch_interval')}")


def run_workload(binary, section, params, label, timeout):
    """Runs one workload in a child process; returns its record, or {"error": ...}."""
    argv = [binary, os.path.join(WORKLOADS, section + ".py")] + params
    started = time.monotonic()
    try:
        done = subprocess.run(argv, cwd=WORKLOADS, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"no result after {timeout} s (killed)"}
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        return {"error": f"exit status {done.returncode}: {last[0][:200]}"}
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if len(lines) != 1:
        return {"error": f"printed {len(lines)} RESULT lines instead of 1"}
    try:
        record = json.loads(lines[0][len("RESULT "):])
        check_record(section, record, label)
    except (ValueError, Malformed, KeyError, TypeError) as error:
        return {"error": f"malformed result: {error}"}
    record["elapsed_s"] = elapsed
    return record


def build_c_baseline():
    """Compiles baseline/pipe_echo.c (the pipe round trip in C with pthreads: the machine's own
    floor, no interpreter, no GIL) into a temporary folder; its path, or an error text."""
    compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not compiler:
        return None, "no C compiler (cc, gcc, clang) on PATH"
    binary = os.path.join(tempfile.mkdtemp(prefix="gil-bench-"), "pipe_echo")
    done = subprocess.run([compiler, "-O2", "-pthread", "-o", binary,
                           os.path.join(HERE, "baseline", "pipe_echo.c")],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0:
        return None, f"{compiler} failed: {done.stdout.strip()[:200]}"
    return binary, None


def run_c_baseline(binary, params, timeout):
    """One run of the C baseline with the convoy section's duration and CPU thread counts."""
    values = dict(param.split("=", 1) for param in params)
    argv = [binary, values.get("duration", "1.0")] + values.get("cpu_threads", "0,2").split(",")
    try:
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"no result after {timeout} s (killed)"}
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or len(lines) != 1:
        return {"error": f"exit status {done.returncode}, {len(lines)} RESULT lines"}
    try:
        record = json.loads(lines[0][len("RESULT "):])
        for point in record["points"]:
            check_latency(point, f"C baseline, {point['cpu_threads']} CPU threads")
    except (ValueError, Malformed, KeyError, TypeError) as error:
        return {"error": f"malformed result: {error}"}
    return record


def c_baseline_section(report, runs, note):
    report.add("### The machine's floor: the same round trip in C", "",
               "`bench/gil/baseline/pipe_echo.c`: the same pipe round trip between two pthreads "
               "in C (no interpreter, no GIL), alone and while C threads spin on the CPU (they "
               "compete for the 2 cores only through the OS scheduler), run once after each "
               "convoy repetition. Round trips over 1 ms here are the operating system's "
               "scheduling delays on this machine, which no GIL design can remove.", "")
    try:
        with open("/proc/sys/kernel/sched_autogroup_enabled") as file:
            autogroup = file.read().strip() == "1"
    except OSError:
        autogroup = False
    if autogroup:
        report.add("The kernel's autogroup scheduling is on here: it shares the CPUs between "
                   "sessions first, so when other sessions load the machine, a process's "
                   "CPU-bound threads use up its session's share and its I/O threads wait "
                   "behind them for milliseconds, in C as in either interpreter. The more CPU "
                   "an interpreter gives its CPU-bound threads (the target asks for half a "
                   "core), the more of these waits its round trips meet.", "")
    if note:
        report.add(f"Not run: {note}.", "")
        return
    good = [run for run in runs if "error" not in run]
    counts = sorted({p["cpu_threads"] for run in good for p in run["points"]})
    report.add("| CPU threads | median | p99 (median / worst run) | max | > 1 ms |",
               "| ---: | ---: | ---: | ---: | ---: |")
    for n in counts:
        points = [p for run in good for p in run["points"] if p["cpu_threads"] == n]
        report.add(f"| {n} | {fmt_us(med([p['median_us'] for p in points]))} | "
                   f"{fmt_us(med([p['p99_us'] for p in points]))} / "
                   f"{fmt_us(worst([p['p99_us'] for p in points]))} | "
                   f"{fmt_us(worst([p['max_us'] for p in points]))} | "
                   f"{sum(p['over_1ms'] for p in points)} of {sum(p['n'] for p in points)} |")
    for run in runs:
        if "error" in run:
            report.add(f"- a C baseline run failed: {run['error']}")
    report.add("")


def gilstats_line(stats):
    return (f"switches {stats['switches']}, forced {stats['forced_switches']}, requests "
            f"{stats['requests']}, priority requests {stats.get('priority_requests', '?')}, "
            f"waits {stats.get('waits', '?')}, longest wait "
            f"{stats.get('longest_wait_s', 0.0) * 1000:.2f} ms")


def run_section(section, reps, params, binaries, timeout, after_rep=None):
    """`reps` runs per interpreter, alternating which interpreter goes first; `after_rep`, if
    given, is called after each repetition."""
    runs = {label: [] for label in binaries}
    for rep in range(reps):
        if rep and after_rep:
            after_rep()
        order = list(binaries) if rep % 2 == 0 else list(reversed(list(binaries)))
        for label in order:
            extra = [f"reverse={rep % 2}"] if section == "scaling" else []
            print(f"gil/run.py: {section} {rep + 1}/{reps} {LABEL[label]} ...", end="",
                  flush=True)
            record = run_workload(binaries[label], section, params + extra, label, timeout)
            record["rep"] = rep + 1
            runs[label].append(record)
            if "error" in record:
                print(" FAILED: " + record["error"], flush=True)
                continue
            print(f" {record['elapsed_s']:.1f} s", flush=True)
            if record.get("gilstats"):
                print(f"    sys._gilstats(): {gilstats_line(record['gilstats'])}", flush=True)
    if reps and after_rep:
        after_rep()
    return runs


# ====== Figures

def ok_runs(runs):
    return [run for run in runs if "error" not in run]


def fmt(value, digits=2):
    return "—" if value is None else f"{value:.{digits}f}"


def fmt_us(value):
    if value is None:
        return "—"
    if value >= 1000:
        return f"{value / 1000:.2f} ms"
    return f"{value:.1f} µs"


def med(values):
    values = [v for v in values if v is not None]
    return median(values) if values else None


def worst(values):
    values = [v for v in values if v is not None]
    return max(values) if values else None


def least(values):
    values = [v for v in values if v is not None]
    return min(values) if values else None


def verdict(passes, total, detail=""):
    """'met in every run' / 'not met (k of n runs)'."""
    if total == 0:
        return "no runs"
    if passes == total:
        return f"**met** in all {total} runs" + (f" ({detail})" if detail else "")
    return f"**not met**: {passes} of {total} runs" + (f" ({detail})" if detail else "")


def plot_command(runs, clauses):
    """A gnuplot `plot` of the clauses (label, text) whose interpreter has results (label None:
    always drawn); gnuplot stops on a histogram with no valid point."""
    present = {label for label in INTERPRETERS if ok_runs(runs.get(label, []))}
    if not present:
        return ""
    kept = [text for label, text in clauses if label is None or label in present]
    return "plot " + ", \\\n     ".join(kept) + "\n"


def nan(value):
    return "NaN" if value is None else f"{value:.6g}"


class Report:
    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.lines = []
        self.chart_errors = []
        self.summary = {}  # target -> {label: cell}, for the table at the top

    def judge(self, target, label, passes, total, figure):
        """One cell of the summary table: the verdict in `total` runs and the telling figure."""
        if total == 0:
            cell = "no runs"
        else:
            cell = (f"**met** ({passes}/{total})" if passes == total
                    else f"not met (met in {passes}/{total})") + f": {figure}"
        self.summary.setdefault(target, {})[label] = cell

    def add(self, *lines):
        self.lines.extend(lines)

    def chart(self, stem, title, gnuplot_body, data_files, size="900,500"):
        if "\nplot " not in gnuplot_body:
            self.add("(No chart: no run gave results.)", "")
            return
        for name, text in data_files.items():
            with open(os.path.join(self.out_dir, name), "w") as file:
                file.write(text)
        script = stem + ".gp"
        with open(os.path.join(self.out_dir, script), "w") as file:
            file.write(f"# Drawn by bench/gil/run.py. Redraw with\n#   gnuplot -e 'set terminal "
                       f"svg size {size} noenhanced; set output \"{stem}.svg\"' {script}\n"
                       f"set title \"{title}\"\n" + gnuplot_body)
        image, why_not = draw_gnuplot(script, self.out_dir, stem, size=size)
        if image:
            self.add(f"![{title}]({image}) ([SVG]({stem}.svg))", "")
        else:
            self.chart_errors.append(f"{stem}: {why_not}")
            self.add(f"(No chart: {why_not}.)", "")


# --- 1. scaling

def scaling_section(report, runs):
    report.add("## 1. CPU-bound scaling", "",
               "A fixed amount of pure-Python work (a loop of integer arithmetic) done by one "
               "thread, then split evenly over 2, 4 and 8 threads. Slowdown = time with n threads "
               "/ time with 1 thread in the same run (the order of the splits is reversed every "
               "other run). Within a run every split is measured in several rounds (the order "
               "reversed from one round to the next: 3 rounds) and its "
               "best time is kept, for both interpreters alike: another process's burst on this "
               "shared machine lengthens a measurement, never shortens it. CPU time is the "
               "process's user + system time, which the machine's other load disturbs less than "
               "wall-clock time.", "",
               f"Target (issue #5): every split within {SCALING_LIMIT - 1:.0%} of the "
               f"single-thread time, in every run [CPython 3.11 measured by the issue: 0.99-1.10, "
               f"runs ranging 0.74-1.43].", "",
               "| threads | " + " | ".join(
                   f"{LABEL[l]} wall s (median) | {LABEL[l]} slowdown median / worst | "
                   f"{LABEL[l]} CPU-time slowdown median / worst" for l in INTERPRETERS) + " |",
               "| ---: |" + " ---: | ---: | ---: |" * len(INTERPRETERS))
    slowdowns = {}
    for label in INTERPRETERS:
        per_n = {}
        for run in ok_runs(runs.get(label, [])):
            by_n = {r["threads"]: r for r in run["results"]["runs"]}
            one = by_n.get(1)
            for n, r in by_n.items():
                entry = per_n.setdefault(n, {"wall": [], "slow": [], "cpu_slow": []})
                entry["wall"].append(r["wall_s"])
                if one:
                    entry["slow"].append(r["wall_s"] / one["wall_s"])
                    entry["cpu_slow"].append(r["cpu_s"] / one["cpu_s"] if one["cpu_s"] else None)
        slowdowns[label] = per_n
    counts = sorted({n for label in INTERPRETERS for n in slowdowns[label]})
    data = "# threads minipy_median minipy_worst cpython_median cpython_worst (wall slowdown)\n"
    for n in counts:
        cells, row = [], [str(n)]
        for label in INTERPRETERS:
            entry = slowdowns[label].get(n, {"wall": [], "slow": [], "cpu_slow": []})
            cells.append(f"{fmt(med(entry['wall']), 3)} | {fmt(med(entry['slow']))} / "
                         f"{fmt(worst(entry['slow']))} | {fmt(med(entry['cpu_slow']))} / "
                         f"{fmt(worst(entry['cpu_slow']))}")
            row += [nan(med(entry["slow"])), nan(worst(entry["slow"]))]
        report.add(f"| {n} | " + " | ".join(cells) + " |")
        data += " ".join(row) + "\n"
    report.add("")
    for label in INTERPRETERS:
        good = ok_runs(runs.get(label, []))
        for kind, key in (("wall-clock", "wall_s"), ("CPU time", "cpu_s")):
            passes, worst_seen = 0, (0.0, None)
            for run in good:
                by_n = {r["threads"]: r for r in run["results"]["runs"]}
                ratios = [(by_n[n][key] / by_n[1][key], n) for n in by_n
                          if n != 1 and 1 in by_n and by_n[1][key] > 0]
                if ratios and all(ratio <= SCALING_LIMIT for ratio, _ in ratios):
                    passes += 1
                worst_seen = max([worst_seen] + ratios, key=lambda pair: pair[0])
            detail = (f"worst {worst_seen[0]:.2f} with {worst_seen[1]} threads"
                      if worst_seen[1] else "")
            report.add(f"- {LABEL[label]}, {kind}: {verdict(passes, len(good), detail)}")
            report.judge(f"1. scaling, {kind}: 2/4/8 threads within {SCALING_LIMIT:.2f}x of 1",
                         label, passes, len(good), detail)
    report.add("")
    report.chart("scaling", "CPU-bound work split over n threads: time / time with 1 thread", f"""
set xlabel "threads"
set ylabel "wall-clock slowdown against 1 thread"
set logscale x 2
set xtics (1, 2, 4, 8)
set xrange [0.8:10]
set grid ytics
set key top left box opaque
set arrow from graph 0, first {SCALING_LIMIT} to graph 1, first {SCALING_LIMIT} nohead lc rgb "#228833" lw 1.5 dt 3
""" + plot_command(runs, [
        ("minipy", '"scaling.dat" using 1:2 with linespoints lw 2 pt 7 lc rgb "#4477aa" '
                   'title "minipy median"'),
        ("minipy", '"scaling.dat" using 1:3 with linespoints lw 1 dt 2 pt 6 lc rgb "#4477aa" '
                   'title "minipy worst run"'),
        ("cpython", '"scaling.dat" using 1:4 with linespoints lw 2 pt 5 lc rgb "#ee6677" '
                    'title "CPython median"'),
        ("cpython", '"scaling.dat" using 1:5 with linespoints lw 1 dt 2 pt 4 lc rgb "#ee6677" '
                    'title "CPython worst run"'),
        (None, f'NaN with lines lc rgb "#228833" lw 1.5 dt 3 title "target {SCALING_LIMIT}"')]),
        {"scaling.dat": data})


# --- 2. convoy

def convoy_points(runs, variant):
    """{cpu_threads: [point of each run]}"""
    table = {}
    for run in ok_runs(runs):
        for point in run["results"]["variants"][variant]:
            table.setdefault(point["cpu_threads"], []).append(point)
    return table


def convoy_section(report, runs):
    report.add("## 2. Convoy effect", "",
               "A thread answers 8-byte requests through a pipe with a 1-byte answer; the main "
               "thread sends them back to back and times each round trip. The answering thread "
               "reads each request with one `os.read` (*whole*) or byte by byte, one `os.read` per "
               "byte (*bytewise*: 8 blocking calls, 8 GIL hand-backs per request). Alone, then "
               "while 1, 2 and 4 CPU-bound threads run. *Cores* is the CPU-bound threads' work "
               "per second during the round trips, against one such thread alone in the same "
               "process (1.0 = one core's worth; the median of three measurements of the thread "
               "alone, before, between and after the variants; on a loaded machine this ratio "
               "is noisy and may exceed 1). Median: median over runs of each run's median, "
               "with the factor against the same interpreter with no CPU-bound thread; max and "
               "the count of round trips over 1 ms: all runs. Round trips over 1 ms *alone* "
               "show the machine's own scheduling delays.", "",
               f"Target (issue #5), with 2 CPU-bound threads: p99 under {CONVOY_P99_US:.0f} µs and "
               f"no round trip over {CONVOY_MAX_US / 1000:.0f} ms, while the CPU-bound threads get "
               f"at least {CONVOY_MIN_CORES} core, in every run [CPython 3.11 per the issue: p99 "
               f"9.5 ms; 16x slower than alone when the answering thread reads byte by byte].", "")
    data = "# cpu_threads minipy_whole(p99 med min max) minipy_bytewise cpython_whole " \
           "cpython_bytewise\n"
    tables = {label: {v: convoy_points(runs.get(label, []), v) for v in ("whole", "bytewise")}
              for label in INTERPRETERS}
    for variant in ("whole", "bytewise"):
        report.add(f"**{variant}** requests:", "",
                   "| CPU threads | " + " | ".join(
                       f"{LABEL[l]} median | {LABEL[l]} p99 (median / worst run) | "
                       f"{LABEL[l]} max | {LABEL[l]} > 1 ms | {LABEL[l]} cores (median / least)"
                       for l in INTERPRETERS) + " |",
                   "| ---: |" + " ---: | ---: | ---: | ---: | ---: |" * len(INTERPRETERS))
        counts = sorted({n for l in INTERPRETERS for n in tables[l][variant]})
        for n in counts:
            cells = []
            for label in INTERPRETERS:
                points = tables[label][variant].get(n, [])
                alone = med([p["median_us"] for p in tables[label][variant].get(0, [])])
                median_us = med([p["median_us"] for p in points])
                factor = (f" ({median_us / alone:.1f}x)" if n and alone and median_us else "")
                cores = ("—" if n == 0 else f"{fmt(med([p['cpu_cores'] for p in points]))} / "
                         f"{fmt(least([p['cpu_cores'] for p in points]))}")
                cells.append(
                    f"{fmt_us(median_us)}{factor} | {fmt_us(med([p['p99_us'] for p in points]))}"
                    f" / {fmt_us(worst([p['p99_us'] for p in points]))} | "
                    f"{fmt_us(worst([p['max_us'] for p in points]))} | "
                    f"{sum(p['over_1ms'] for p in points)} of {sum(p['n'] for p in points)} | "
                    f"{cores}")
            report.add(f"| {n} | " + " | ".join(cells) + " |")
        report.add("")
    counts = sorted({n for l in INTERPRETERS for v in tables[l] for n in tables[l][v]})
    offsets = {"minipy": -0.06, "cpython": 0.06}
    for n in counts:
        row = [str(n)]
        for label in INTERPRETERS:
            for variant in ("whole", "bytewise"):
                p99s = [p["p99_us"] for p in tables[label][variant].get(n, [])]
                row += [nan(n + offsets[label]), nan(med(p99s)), nan(least(p99s)),
                        nan(worst(p99s))]
        data += " ".join(row) + "\n"
    for label in INTERPRETERS:
        for variant in ("whole", "bytewise"):
            points = [p for run in ok_runs(runs.get(label, []))
                      for p in run["results"]["variants"][variant] if p["cpu_threads"] == 2]
            passes = sum(1 for p in points if p["p99_us"] < CONVOY_P99_US
                         and p["max_us"] <= CONVOY_MAX_US and p["cpu_cores"] >= CONVOY_MIN_CORES)
            detail = ""
            if points:
                alone = [p for run in ok_runs(runs.get(label, []))
                         for p in run["results"]["variants"][variant] if p["cpu_threads"] == 0]
                detail = (f"worst p99 {fmt_us(worst([p['p99_us'] for p in points]))}, max "
                          f"{fmt_us(worst([p['max_us'] for p in points]))}, least cores "
                          f"{fmt(least([p['cpu_cores'] for p in points]))}; alone, with no "
                          f"CPU-bound thread: {sum(p['over_1ms'] for p in alone)} round trips "
                          f"over 1 ms, max {fmt_us(worst([p['max_us'] for p in alone]))}")
            report.add(f"- {LABEL[label]}, {variant} requests, 2 CPU-bound threads: "
                       f"{verdict(passes, len(points), detail)}")
            report.judge(f"2. convoy, {variant} requests, 2 CPU-bound threads: p99 < "
                         f"{CONVOY_P99_US:.0f} µs, none > {CONVOY_MAX_US / 1000:.0f} ms, CPU "
                         f"threads ≥ {CONVOY_MIN_CORES} core", label, passes, len(points),
                         detail.split(";")[0])
    report.add("")
    report.chart("convoy", "Pipe round trip p99 while CPU-bound threads run (bars: range over runs)",
                 f"""
set xlabel "CPU-bound threads running"
set ylabel "round trip p99 (microseconds)"
set logscale y
set xtics (0, 1, 2, 4)
set xrange [-0.4:4.4]
set grid ytics
set key top left box opaque
set arrow from graph 0, first {CONVOY_P99_US} to graph 1, first {CONVOY_P99_US} nohead lc rgb "#228833" lw 1.5 dt 3
""" + plot_command(runs, [
        ("minipy", '"convoy.dat" using 2:3:4:5 with yerrorlines lw 2 pt 7 lc rgb "#4477aa" '
                   'title "minipy, whole"'),
        ("minipy", '"convoy.dat" using 6:7:8:9 with yerrorlines lw 1.5 dt 2 pt 6 '
                   'lc rgb "#4477aa" title "minipy, byte by byte"'),
        ("cpython", '"convoy.dat" using 10:11:12:13 with yerrorlines lw 2 pt 5 lc rgb "#ee6677" '
                    'title "CPython, whole"'),
        ("cpython", '"convoy.dat" using 14:15:16:17 with yerrorlines lw 1.5 dt 2 pt 4 '
                    'lc rgb "#ee6677" title "CPython, byte by byte"'),
        (None, f'NaN with lines lc rgb "#228833" lw 1.5 dt 3 '
               f'title "target p99 {CONVOY_P99_US:.0f} us (2 threads)"')]),
        {"convoy.dat": data})


# --- 3. fairness

def fairness_section(report, runs):
    report.add("## 3. Fairness", "",
               "4 CPU-bound threads run for a fixed time; each takes a timestamp after every "
               "chunk of work (about 50 µs). Share = a thread's chunks / all chunks; longest gap = "
               "the longest time one thread went without finishing a chunk; a starved window is "
               "a 100 ms window (of the run cut in consecutive windows) in which some thread "
               "finished no chunk.", "",
               f"Target (issue #5): max/min share at most {FAIRNESS_RATIO} and no thread starved "
               f"for any 100 ms window, in every run [CPython 3.11 per the issue: 1.19, "
               f"occasional starved windows]. *Any* window, not only the consecutive ones: judged "
               f"on the longest gap, which must stay under {STARVED_MS:.0f} ms.", "",
               "| interpreter | run | shares | max/min | longest gap (ms) | starved windows |",
               "| --- | ---: | --- | ---: | ---: | ---: |")
    data = "# thread minipy_mean minipy_min minipy_max cpython_mean cpython_min cpython_max\n"
    shares = {}
    for label in INTERPRETERS:
        for run in runs.get(label, []):
            if "error" in run:
                report.add(f"| {LABEL[label]} | {run['rep']} | **{run['error']}** | | | |")
                continue
            r = run["results"]
            report.add(f"| {LABEL[label]} | {run['rep']} | "
                       f"{' / '.join(f'{s:.3f}' for s in r['shares'])} | "
                       f"{fmt(r['max_min_ratio'])} | {max(r['longest_gap_ms']):.1f} | "
                       f"{r['starved_windows']} of {r['windows']} |")
            for index, share in enumerate(r["shares"]):
                shares.setdefault(label, {}).setdefault(index, []).append(share)
    report.add("")
    count = max([len(v) for v in shares.values()] + [0])
    for index in range(count):
        row = [f"thread{index + 1}"]
        for label in INTERPRETERS:
            values = shares.get(label, {}).get(index, [])
            row += [nan(sum(values) / len(values) if values else None), nan(least(values)),
                    nan(worst(values))]
        data += " ".join(row) + "\n"
    for label in INTERPRETERS:
        good = ok_runs(runs.get(label, []))
        passes = sum(1 for run in good if run["results"]["max_min_ratio"] is not None
                     and run["results"]["max_min_ratio"] <= FAIRNESS_RATIO
                     and max(run["results"]["longest_gap_ms"]) < STARVED_MS)
        detail = ""
        if good:
            ratios = [run["results"]["max_min_ratio"] for run in good]
            detail = (f"worst max/min {fmt(worst(ratios)) if None not in ratios else 'inf'}, "
                      f"{sum(run['results']['starved_windows'] for run in good)} starved windows,"
                      f" longest gap "
                      f"{max(max(run['results']['longest_gap_ms']) for run in good):.1f} ms")
        report.add(f"- {LABEL[label]}: {verdict(passes, len(good), detail)}")
        report.judge(f"3. fairness, 4 CPU-bound threads: max/min ≤ {FAIRNESS_RATIO}, no thread "
                     f"without progress for {STARVED_MS:.0f} ms", label, passes, len(good), detail)
    report.add("")
    report.chart("fairness", "Share of the work of each of 4 CPU-bound threads (bars: range over "
                 "runs)", """
set style data histograms
set style histogram errorbars gap 2 lw 1.5
set style fill solid 0.85 border -1
set boxwidth 0.9
set ylabel "share of all work"
set yrange [0:0.45]
set grid ytics
set key top right box opaque
set arrow from graph 0, first 0.25 to graph 1, first 0.25 nohead lc rgb "black" lw 1.5 dt 2
""" + plot_command(runs, [
        ("minipy", '"fairness.dat" using 2:3:4:xtic(1) title "minipy" lc rgb "#4477aa"'),
        ("cpython", '"fairness.dat" using 5:6:7:xtic(1) title "CPython" lc rgb "#ee6677"'),
        (None, 'NaN with lines lc rgb "black" lw 1.5 dt 2 title "fair share 0.25"')]),
        {"fairness.dat": data})


# --- 4. hand-over

def handover_section(report, runs):
    report.add("## 4. Hand-over latency", "",
               "Two threads play ping-pong: round trips through a pair of Locks (each released by "
               "one thread and acquired by the other), a pair of Events (set / wait / clear), and "
               "one Condition with a turn variable (notify / wait). Median: median over runs of "
               "each run's median; p99: median and worst run.", "",
               "Target (issue #5): a round trip through a Lock at most 15 µs, through an Event or "
               "a Condition at most 20 µs, judged on each run's median, in every run [CPython 3.11 "
               "per the issue: 14 and 20-26; a bare condition-variable round trip in C is 5-14 "
               "here].", "",
               "| primitive | " + " | ".join(
                   f"{LABEL[l]} median | {LABEL[l]} p99 (median / worst) | {LABEL[l]} max"
                   for l in INTERPRETERS) + " |",
               "| --- |" + " ---: | ---: | ---: |" * len(INTERPRETERS))
    data = "# kind minipy_median minipy_p99 cpython_median cpython_p99\n"
    for kind in ("lock", "event", "condition"):
        cells, row = [], [kind.capitalize()]
        for label in INTERPRETERS:
            summaries = [run["results"][kind] for run in ok_runs(runs.get(label, []))]
            medians = [s["median_us"] for s in summaries]
            p99s = [s["p99_us"] for s in summaries]
            cells.append(f"{fmt_us(med(medians))} | {fmt_us(med(p99s))} / {fmt_us(worst(p99s))}"
                         f" | {fmt_us(worst([s['max_us'] for s in summaries]))}")
            row += [nan(med(medians)), nan(med(p99s))]
        report.add(f"| {kind.capitalize()} | " + " | ".join(cells) + " |")
        data += " ".join(row) + "\n"
    report.add("")
    for label in INTERPRETERS:
        good = ok_runs(runs.get(label, []))
        parts = []
        for kind in ("lock", "event", "condition"):
            medians = [run["results"][kind]["median_us"] for run in good]
            passes = sum(1 for m in medians if m <= HANDOVER_US[kind])
            figure = f"worst median {fmt_us(worst(medians))}" if medians else ""
            parts.append(f"{kind} (≤ {HANDOVER_US[kind]:.0f} µs) "
                         + verdict(passes, len(medians), figure))
            report.judge(f"4. hand-over round trip, {kind.capitalize()}: median ≤ "
                         f"{HANDOVER_US[kind]:.0f} µs", label, passes, len(medians), figure)
        report.add(f"- {LABEL[label]}: " + "; ".join(parts))
    report.add("")
    report.chart("handover", "Hand-over round trip between two threads", f"""
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set ylabel "round trip (microseconds)"
set logscale y
set yrange [1:*]
set grid ytics
set key top left box opaque
set arrow from graph 0, first {HANDOVER_US['lock']} to graph 1, first {HANDOVER_US['lock']} nohead lc rgb "#228833" lw 1.5 dt 3
set arrow from graph 0, first {HANDOVER_US['event']} to graph 1, first {HANDOVER_US['event']} nohead lc rgb "#cc3311" lw 1.5 dt 3
""" + plot_command(runs, [
        ("minipy", '"handover.dat" using 2:xtic(1) title "minipy median" lc rgb "#4477aa"'),
        ("minipy", '"handover.dat" using 3:xtic(1) title "minipy p99" lc rgb "#99bbdd"'),
        ("cpython", '"handover.dat" using 4:xtic(1) title "CPython median" lc rgb "#ee6677"'),
        ("cpython", '"handover.dat" using 5:xtic(1) title "CPython p99" lc rgb "#f4b0bb"'),
        (None, f'NaN with lines lc rgb "#228833" lw 1.5 dt 3 '
               f'title "target Lock {HANDOVER_US["lock"]:.0f} us"'),
        (None, f'NaN with lines lc rgb "#cc3311" lw 1.5 dt 3 '
               f'title "target Event, Condition {HANDOVER_US["event"]:.0f} us"')]),
        {"handover.dat": data})


# --- 5. sweep

def sweep_points(runs):
    """{(check, switch): [point of each run]}"""
    table = {}
    for run in ok_runs(runs):
        for point in run["results"]["points"]:
            table.setdefault((point["check_interval"], point["switch_interval"]), []).append(point)
    return table


def sweep_label(check, switch):
    return (f"n={check}, " if check is not None else "") + f"s={switch * 1000:g}ms"


def sweep_section(report, runs):
    report.add("## 5. Check interval and switch interval", "",
               "2 CPU-bound threads run while a thread answers pipe round trips (whole requests), "
               "at each setting: the check interval n (`sys.setcheckinterval(n)`: bytecode "
               "instructions between eval-breaker checks; minipy only, CPython 3.11 has no "
               "check interval, it was removed in 3.9) at the default switch interval 5 ms, and "
               "the switch interval s (`sys.setswitchinterval(s)`, both interpreters) at the "
               "default check interval 100. *Cores*: the CPU-bound threads' work against one "
               "such thread alone at the default settings. Median over runs; p99 also worst run.",
               "",
               "Target (issue #5): I/O latency independent of the switch interval. Judged here: "
               f"in every run, the round trip p99 at every switch interval is within "
               f"{SWEEP_SPREAD:g}x of the lowest, or all of them are under "
               f"{SWEEP_FLOOR_US:.0f} µs [CPython 3.11 per the issue: p99 26 µs / 16 ms / 212 ms "
               f"at 0.5 / 5 / 50 ms].", "",
               "| interpreter | setting | cores (median / least) | median | p99 (median / worst)"
               " | max | > 1 ms |",
               "| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    files = {}
    for label in INTERPRETERS:
        table = sweep_points(runs.get(label, []))
        data = "# p99_us cores label\n"
        for (check, switch), points in sorted(table.items(),
                                              key=lambda item: (item[0][1], item[0][0] or 0)):
            cores = [p["cpu_cores"] for p in points]
            p99s = [p["p99_us"] for p in points]
            report.add(f"| {LABEL[label]} | {sweep_label(check, switch)} | {fmt(med(cores))} / "
                       f"{fmt(least(cores))} | {fmt_us(med([p['median_us'] for p in points]))} | "
                       f"{fmt_us(med(p99s))} / {fmt_us(worst(p99s))} | "
                       f"{fmt_us(worst([p['max_us'] for p in points]))} | "
                       f"{sum(p['over_1ms'] for p in points)} of {sum(p['n'] for p in points)} |")
            data += f"{nan(med(p99s))} {nan(med(cores))} \"{sweep_label(check, switch)}\"\n"
        files[f"sweep_{label}.dat"] = data
    report.add("")
    for label in INTERPRETERS:
        good = ok_runs(runs.get(label, []))
        passes, spreads = 0, []
        for run in good:
            default_check = 100 if label == "minipy" else None
            p99s = [p["p99_us"] for p in run["results"]["points"]
                    if p["check_interval"] == default_check]
            spread = max(p99s) / min(p99s)
            spreads.append(spread)
            if spread <= SWEEP_SPREAD or max(p99s) < SWEEP_FLOOR_US:
                passes += 1
        detail = f"largest spread of p99 over the switch intervals {worst(spreads):.1f}x" \
            if spreads else ""
        report.add(f"- {LABEL[label]}: {verdict(passes, len(good), detail)}")
        table = sweep_points(runs.get(label, []))
        default_check = 100 if label == "minipy" else None
        by_switch = sorted((switch, med([p["p99_us"] for p in points]))
                           for (check, switch), points in table.items() if check == default_check)
        figure = "p99 " + " / ".join(fmt_us(p99) for _, p99 in by_switch) + " at s = " + \
            " / ".join(f"{switch * 1000:g}" for switch, _ in by_switch) + " ms"
        report.judge("5. I/O latency (p99) independent of the switch interval", label, passes,
                     len(good), figure if by_switch else "")
    report.add("")
    report.chart("sweep", "Throughput of 2 CPU-bound threads against pipe round trip p99", """
set xlabel "round trip p99 (microseconds)"
set ylabel "CPU-bound threads' work (cores)"
set logscale x
set yrange [0:*]
set grid
set key top right box opaque
set datafile missing "NaN"
""" + plot_command(runs, [
        ("minipy", '"sweep_minipy.dat" using 1:2 with points pt 7 ps 1.5 lc rgb "#4477aa" '
                   'title "minipy"'),
        ("minipy", '"sweep_minipy.dat" using 1:2:3 with labels offset char 0,1 font ",9" '
                   'tc rgb "#4477aa" notitle'),
        ("cpython", '"sweep_cpython.dat" using 1:2 with points pt 5 ps 1.5 lc rgb "#ee6677" '
                    'title "CPython"'),
        ("cpython", '"sweep_cpython.dat" using 1:2:3 with labels offset char 0,-1 font ",9" '
                    'tc rgb "#ee6677" notitle')]), files)


# --- GIL counters

KNOWN_GILSTATS = {"switches", "forced_switches", "requests", "priority_requests", "waits",
                  "total_wait_s", "longest_wait_s", "check_interval", "switch_interval",
                  "threads_seen"}


def gilstats_section(report, results):
    report.add("## sys._gilstats() of each minipy run", "",
               "CPython 3.11 has no `sys._gilstats()`. Counters at the end of each minipy run "
               "(switches: GIL hand-overs; forced: hand-overs requested by a waiting thread at an "
               "eval-breaker check; priority requests: requests by threads back from a blocking "
               "call; waits / longest wait: over all threads of the run that sys._gilstats() "
               "still lists; other: the counters this table does not know by name).", "",
               "| section | run | switches | forced | requests | priority requests | waits | "
               "total wait (s) | longest wait (ms) | other |",
               "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for section, runs in results.items():
        for run in runs.get("minipy", []):
            stats = run.get("gilstats")
            if not stats:
                continue
            report.add(f"| {section} | {run['rep']} | {stats['switches']} | "
                       f"{stats['forced_switches']} | {stats['requests']} | "
                       f"{stats.get('priority_requests', '—')} | {stats.get('waits', '—')} | "
                       f"{stats.get('total_wait_s', 0.0):.3f} | "
                       f"{stats.get('longest_wait_s', 0.0) * 1000:.2f} | "
                       + ", ".join(f"{key} {value}" for key, value in stats.items()
                                   if key not in KNOWN_GILSTATS) + " |")
    report.add("")


SECTION_WRITERS = {"scaling": scaling_section, "convoy": convoy_section,
                   "fairness": fairness_section, "handover": handover_section,
                   "sweep": sweep_section}


def write_report(results, context, out_dir):
    report = Report(out_dir)
    report.add("# GIL contention: minipy vs CPython 3.11", "",
               f"Written by `bench/gil/run.py` on {context['date']} ({context['mode']}).", "",
               f"- minipy: `{context['minipy']}` (tree at {context['git']})",
               *([f"- note: {context['note']}"] if context.get("note") else []),
               f"- CPython: `{context['cpython']}` ({context['cpython_version']})"
               if context.get("cpython") else "- CPython: not run (--smoke)",
               f"- machine: {context['cpu']}, {os.cpu_count()} logical CPUs; load average (1, 5, "
               f"15 min) before: {context['load_before']}, after: {context['load_after']}",
               f"- total time {context['elapsed_s']:.0f} s; each section alternates the two "
               f"interpreters run by run (child processes), so a change in the machine's load "
               f"hits both alike", "")
    load = float(context["load_before"].split()[0]) if context["load_before"] != "unknown" else 0
    if load > (os.cpu_count() or 1):
        report.add(f"**The machine was loaded** (load average {load:.1f} on {os.cpu_count()} "
                   "CPUs): wall-clock times and latencies include moments when the operating "
                   "system ran other processes instead of the benchmark's threads, for both "
                   "interpreters. Compare the two columns more than the absolute figures.", "")
    report.add("Targets are issue #5's; each is judged on every run, not only the median. The "
               "verdicts never fail the run.", "")
    summary_at = len(report.lines)
    for section in SECTIONS:
        if section in results:
            SECTION_WRITERS[section](report, results[section])
            if section == "convoy" and "c_baseline" in context:
                c_baseline_section(report, context["c_baseline"], context.get("c_baseline_note"))
            loads = context["section_loads"].get(section)
            if loads:
                report.add(f"(Load average before / after this section: {loads[0]} / "
                           f"{loads[1]}.)", "")
    gilstats_section(report, results)
    summary = ["## At a glance", "",
               "| target (issue #5) | " + " | ".join(LABEL[l] for l in INTERPRETERS) + " |",
               "| --- |" + " --- |" * len(INTERPRETERS)]
    for target, cells in report.summary.items():
        summary.append(f"| {target} | " + " | ".join(cells.get(l, "not run")
                                                    for l in INTERPRETERS) + " |")
    report.lines[summary_at:summary_at] = summary + [""]
    failures = [(section, label, run) for section, runs in results.items()
                for label, label_runs in runs.items() for run in label_runs if "error" in run]
    if failures:
        report.add("## Failed runs", "")
        for section, label, run in failures:
            report.add(f"- {section} run {run['rep']} on {LABEL[label]}: {run['error']}")
        report.add("")
    with open(os.path.join(out_dir, "report.md"), "w") as file:
        file.write("\n".join(report.lines))
    with open(os.path.join(out_dir, "results.json"), "w") as file:
        json.dump({"context": context, "results": results}, file, indent=1)
    return report, failures


def main(argv):
    args = parse_args(argv)
    minipy = os.path.abspath(args.minipy or os.path.join(args.build, "minipy"))
    if not os.access(minipy, os.X_OK):
        sys.exit(f"gil/run.py: no minipy binary at {minipy} (build it, or give --build/--minipy)")
    binaries = {"minipy": minipy}
    if not args.smoke:
        binaries["cpython"] = args.cpython or real_cpython()
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    out_dir = os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)
    context = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "mode": {"full": "full run", "quick": "--quick", "smoke": "--smoke"}[mode],
        "minipy": minipy, "cpython": binaries.get("cpython"), "git": git_description(),
        "cpython_version": version_of([binaries["cpython"], "--version"])
        if "cpython" in binaries else None,
        "cpu": cpu_model(), "note": args.note or "", "load_before": load_average(),
        "section_loads": {},
    }
    started = time.monotonic()
    results = {}
    for section in args.only or SECTIONS:
        reps, params = PROFILES[mode][section]
        reps = args.reps or reps
        before = load_average()
        after_rep = None
        if section == "convoy" and mode != "smoke":
            c_binary, context["c_baseline_note"] = build_c_baseline()
            context["c_baseline"] = []

            def after_rep(binary=c_binary):
                if binary:
                    print("gil/run.py: convoy, C baseline ...", flush=True)
                    context["c_baseline"].append(
                        run_c_baseline(binary, params, CHILD_TIMEOUT_S[mode]))
        results[section] = run_section(section, reps, params, binaries, CHILD_TIMEOUT_S[mode],
                                       after_rep)
        if after_rep and c_binary:
            shutil.rmtree(os.path.dirname(c_binary), ignore_errors=True)
        context["section_loads"][section] = (before, load_average())
    context["load_after"] = load_average()
    context["elapsed_s"] = time.monotonic() - started
    report, failures = write_report(results, context, out_dir)
    print(f"gil/run.py: report in {os.path.join(out_dir, 'report.md')} "
          f"({context['elapsed_s']:.0f} s)")
    for target, cells in report.summary.items():
        print(f"  {target}")
        for label in binaries:
            print(f"    {LABEL[label]}: {cells.get(label, 'not run').replace('**', '')}")
    if failures:
        print(f"gil/run.py: {len(failures)} run(s) failed", file=sys.stderr)
    if args.smoke and report.chart_errors and not all("not installed" in e
                                                     for e in report.chart_errors):
        print("gil/run.py: gnuplot failed: " + "; ".join(report.chart_errors), file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
