#!/usr/bin/env python3
"""Runs every bench/scripts/*.py benchmark on minipy and on the real CPython side by side.

Usage: bench/run.py [--build DIR | --minipy PATH] [--quick] [--rounds N] [--runs N] [--warmup N]
                    [--only NAME ...] [--out DIR]

For each benchmark:
  1. one run on each interpreter checks that both exit with 0 and print the same output (the
     last line is the checksum) and measures the peak resident memory of that run (the child's
     ru_maxrss from os.wait4);
  2. hyperfine times both interpreters: --rounds hyperfine calls of --runs runs per interpreter
     each, the order of the two interpreters swapped from one round to the next, so that a change
     in the machine's load hits both alike; the first round has --warmup warm-up runs. hyperfine's
     --export-json files are kept in OUT/hyperfine/.
Then the start-up time of an empty script is timed the same way (more runs), and OUT/report.md is
written: median wall-clock times, minipy/CPython ratios (and CPU-time ratios: user + system, which
move less than wall-clock time on a loaded machine), their geometric means, peak memory of both,
start-up, the machine's load before and after, and a bar chart of the ratios drawn by gnuplot
(OUT/ratios.svg).

CPython is the real binary (sys.executable of `python3`), never the python3 wrapper on PATH, which
may add tens of milliseconds to every start. The report never asserts on timings; the exit status
is 1 only when a benchmark fails or the checksums differ.

--quick: one round of one run, no warm-up, few start-up runs: a sanity check of the whole suite.
"""
import argparse
import datetime
import json
import math
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

from common import (cpu_model, draw_gnuplot, git_description, load_average, median,
                    real_cpython, version_of)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCRIPTS = os.path.join(HERE, "scripts")
NOT_BENCHMARKS = {"quick_compare.py"}

# Issue #6's acceptance targets, shown next to the figures (never asserted).
TARGET_GEOMEAN = 0.75
TARGET_WORST = 1.2
TARGET_STARTUP_MS = 5.0


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="minipy vs CPython 3.11 benchmark report (see bench/README.md)")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"),
                        help="minipy build directory (default: build/)")
    parser.add_argument("--minipy", help="minipy binary (default: BUILD/minipy)")
    parser.add_argument("--cpython", help="CPython binary (default: sys.executable of python3)")
    parser.add_argument("--note", help="a line for the report's header (which build this is)")
    parser.add_argument("--quick", action="store_true", help="fast sanity run")
    parser.add_argument("--rounds", type=int, default=5, help="alternating hyperfine calls")
    parser.add_argument("--runs", type=int, default=1, help="runs per interpreter and round")
    parser.add_argument("--warmup", type=int, default=1, help="warm-up runs (first round)")
    parser.add_argument("--startup-runs", type=int, default=20,
                        help="runs per interpreter and round for the empty script")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="benchmarks to run (no .py)")
    parser.add_argument("--scripts", default=SCRIPTS,
                        help="folder of benchmark scripts (default: bench/scripts)")
    parser.add_argument("--out", default=os.path.join(HERE, "results"),
                        help="output folder (default: bench/results)")
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.runs, args.warmup, args.startup_runs = 1, 1, 0, 5
    if min(args.rounds, args.runs, args.startup_runs) < 1 or args.warmup < 0:
        parser.error("--rounds, --runs and --startup-runs must be at least 1")
    return args


def benchmark_names(folder, only):
    names = sorted(name[:-3] for name in os.listdir(folder)
                   if name.endswith(".py") and name not in NOT_BENCHMARKS)
    if only:
        unknown = [name for name in only if name not in names]
        if unknown:
            sys.exit(f"run.py: no such benchmark: {', '.join(unknown)} (have: {', '.join(names)})")
        names = [name for name in names if name in only]
    return names


def run_once(argv, cwd):
    """Runs argv once; returns (exit status, stdout, stderr, peak RSS in KiB).

    The peak RSS comes from GNU time (/usr/bin/time -f %M) when present: the child of a small
    process. Linux keeps in a child's ru_maxrss the resident size of the process it was forked
    from (before exec), so os.wait4 on a child of this Python process would report at least this
    process's own ~15 MiB; that is the fallback, marked in the report."""
    gnu_time = "/usr/bin/time"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss_file:
        if os.access(gnu_time, os.X_OK):
            argv = [gnu_time, "-f", "%M", "-o", rss_file.name] + argv
        process = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        rss = usage.ru_maxrss
        if argv[0] == gnu_time:
            lines = rss_file.read().split()
            rss = int(lines[-1]) if lines and lines[-1].isdigit() else 0
        return (process.returncode, out.read().decode(errors="replace"),
                err.read().decode(errors="replace"), rss)


def hyperfine(commands, rounds, runs, warmup, cwd, json_stem):
    """Times each command with `rounds` alternating hyperfine calls; returns per command the list
    of wall-clock times and the mean CPU time (user + system) per run."""
    times = {command: [] for command in commands}
    cpu = {command: 0.0 for command in commands}
    for round_ in range(rounds):
        order = commands if round_ % 2 == 0 else list(reversed(commands))
        export = f"{json_stem}.{round_}.json"
        argv = ["hyperfine", "-N", "--style", "none", "--runs", str(runs),
                "--warmup", str(warmup if round_ == 0 else 0), "--export-json", export]
        subprocess.run(argv + order, cwd=cwd, stdout=subprocess.DEVNULL, check=True)
        with open(export) as file:
            for result in json.load(file)["results"]:
                times[result["command"]].extend(result["times"])
                cpu[result["command"]] += (result["user"] + result["system"]) * runs
    total_runs = rounds * runs
    return {command: (times[command], cpu[command] / total_runs) for command in commands}


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def measure(name, minipy, cpython, args, raw_dir):
    """One benchmark: correctness + memory run, then the timed rounds."""
    script = name + ".py"
    row = {"name": name}
    outputs = {}
    for label, binary in (("minipy", minipy), ("cpython", cpython)):
        status, out, err, rss = run_once([binary, script], args.scripts)
        row[label + "_rss_kib"] = rss
        outputs[label] = (status, out, err)
    lines = outputs["cpython"][1].strip().splitlines()
    row["checksum"] = lines[-1] if lines else ""
    for label in ("minipy", "cpython"):
        status, out, err = outputs[label]
        if status != 0:
            last = err.strip().splitlines()[-1] if err.strip() else f"exit status {status}"
            row["error"] = f"{label} failed: {last}"
            return row
    if outputs["minipy"][1] != outputs["cpython"][1]:
        mine = outputs["minipy"][1].strip().splitlines()
        row["error"] = f"output differs: minipy printed {mine[-1] if mine else '(nothing)'!r}"
        return row
    commands = [f"{shlex.quote(minipy)} {script}", f"{shlex.quote(cpython)} {script}"]
    try:
        timed = hyperfine(commands, args.rounds, args.runs, args.warmup, args.scripts,
                          os.path.join(raw_dir, name))
    except subprocess.CalledProcessError:
        row["error"] = "a timed run failed (hyperfine saw a non-zero exit status)"
        return row
    for label, command in zip(("minipy", "cpython"), commands):
        times, cpu = timed[command]
        row[label + "_times"] = times
        row[label + "_median"] = median(times)
        row[label + "_cpu"] = cpu
    row["ratio"] = row["minipy_median"] / row["cpython_median"]
    row["cpu_ratio"] = row["minipy_cpu"] / row["cpython_cpu"]
    return row


def measure_startup(minipy, cpython, args, raw_dir):
    empty = os.path.join(raw_dir, "empty.py")
    with open(empty, "w"):
        pass
    row = {"name": "start-up (empty script)"}
    for label, binary in (("minipy", minipy), ("cpython", cpython)):
        status, _, err, rss = run_once([binary, empty], raw_dir)
        if status != 0:
            row["error"] = f"{label} failed on an empty script: {err.strip()[-200:]}"
            return row
        row[label + "_rss_kib"] = rss
    commands = [f"{shlex.quote(minipy)} empty.py", f"{shlex.quote(cpython)} empty.py"]
    timed = hyperfine(commands, args.rounds, args.startup_runs, 3, raw_dir,
                      os.path.join(raw_dir, "startup"))
    for label, command in zip(("minipy", "cpython"), commands):
        times, cpu = timed[command]
        row[label + "_median"] = median(times)
        row[label + "_cpu"] = cpu
    row["ratio"] = row["minipy_median"] / row["cpython_median"]
    row["cpu_ratio"] = row["minipy_cpu"] / row["cpython_cpu"]
    return row


# ====== Report

def mib(kib):
    return f"{kib / 1024:.1f}"


def draw_chart(rows, ratios, out_dir):
    """Bar chart of the ratios with gnuplot; returns the image file name, or a reason for none."""
    data = os.path.join(out_dir, "ratios.dat")
    with open(data, "w") as file:
        file.write("# benchmark wall-clock-ratio cpu-time-ratio\n")
        for row in rows:
            if "ratio" in row:
                file.write(f"{row['name']} {row['ratio']:.4f} {row['cpu_ratio']:.4f}\n")
        file.write(f"geomean {ratios[0]:.4f} {ratios[1]:.4f}\n")
    top = max([TARGET_WORST * 1.15] + [max(row["ratio"], row["cpu_ratio"]) * 1.35
                                          for row in rows if "ratio" in row])
    script = os.path.join(out_dir, "ratios.gp")
    with open(script, "w") as file:
        file.write(f"""# Drawn by bench/run.py: minipy/CPython time ratio per benchmark. Redraw with
#   gnuplot -e 'set terminal svg size 1000,560 noenhanced; set output "ratios.svg"' ratios.gp
set title "minipy / CPython 3.11 time per benchmark (below 1 = minipy faster)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set ylabel "time ratio minipy / CPython"
set xtics rotate by 45 right nomirror
set bmargin 7
set yrange [0:{top:.2f}]
set grid ytics
set key top left box opaque
set arrow from graph 0, first 1 to graph 1, first 1 nohead lc rgb "black" lw 1.5 dt 2
set arrow from graph 0, first {TARGET_GEOMEAN} to graph 1, first {TARGET_GEOMEAN} nohead lc rgb "#228833" lw 1.5 dt 3
set arrow from graph 0, first {TARGET_WORST} to graph 1, first {TARGET_WORST} nohead lc rgb "#cc3311" lw 1.5 dt 3
plot "ratios.dat" using 2:xtic(1) title "wall-clock median" lc rgb "#4477aa", \\
     "" using 3 title "CPU time (user+system)" lc rgb "#ee6677", \\
     NaN with lines lc rgb "black" lw 1.5 dt 2 title "1: as fast as CPython", \\
     NaN with lines lc rgb "#228833" lw 1.5 dt 3 title "{TARGET_GEOMEAN}: target geometric mean", \\
     NaN with lines lc rgb "#cc3311" lw 1.5 dt 3 title "{TARGET_WORST}: limit per benchmark"
""")
    return draw_gnuplot("ratios.gp", out_dir, "ratios")


def write_report(rows, startup, context, out_dir):
    timed = [row for row in rows if "ratio" in row]
    ratios = (geomean([row["ratio"] for row in timed]), geomean([row["cpu_ratio"] for row in timed]))
    chart, why_not = draw_chart(rows, ratios, out_dir)
    lines = [
        "# minipy vs CPython 3.11: benchmark report",
        "",
        f"Written by `bench/run.py` on {context['date']}.",
        "",
        f"- minipy: `{context['minipy']}` (tree at {context['git']})",
        *([f"- note: {context['note']}"] if context.get("note") else []),
        f"- CPython: `{context['cpython']}` ({context['cpython_version']})",
        f"- {context['hyperfine']}; {context['settings']}",
        f"- machine: {context['cpu']}, {os.cpu_count()} logical CPUs; load average (1, 5, 15 min) "
        f"before: {context['load_before']}, after: {context['load_after']}",
        "",
        "Times are medians of the wall-clock times of all runs; ratio = minipy / CPython (below 1 "
        "means minipy is faster). The CPU ratio compares mean user + system time, which a loaded "
        "machine disturbs less. Peak memory is the maximum resident set size of one run "
        f"({context['rss_tool']}).",
        "",
        "| benchmark | minipy (s) | CPython (s) | ratio | CPU ratio | minipy peak MiB | "
        "CPython peak MiB | checksum |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        if "ratio" not in row:
            rss = (mib(row["minipy_rss_kib"]) if "minipy_rss_kib" in row else "",
                   mib(row["cpython_rss_kib"]) if "cpython_rss_kib" in row else "")
            lines.append(f"| {row['name']} | | | **{row['error']}** | | {rss[0]} | {rss[1]} | "
                         f"{row.get('checksum', '')} |")
            continue
        marker = " **>1.2**" if row["ratio"] > TARGET_WORST else ""
        memory_marker = " **>**" if row["minipy_rss_kib"] > row["cpython_rss_kib"] else ""
        lines.append(
            f"| {row['name']} | {row['minipy_median']:.3f} | {row['cpython_median']:.3f} | "
            f"{row['ratio']:.2f}{marker} | {row['cpu_ratio']:.2f} | "
            f"{mib(row['minipy_rss_kib'])}{memory_marker} | {mib(row['cpython_rss_kib'])} | "
            f"`{row['checksum'].removeprefix('checksum ')[:40]}` |")
    lines.append(f"| **geometric mean** ({len(timed)} benchmarks) | | | **{ratios[0]:.2f}** | "
                 f"**{ratios[1]:.2f}** | | | |")
    lines.append("")
    if "error" in startup:
        lines.append(f"Start-up: **{startup['error']}**")
    else:
        lines.append(
            f"Start-up (empty script): minipy {startup['minipy_median'] * 1000:.1f} ms, CPython "
            f"{startup['cpython_median'] * 1000:.1f} ms (ratio {startup['ratio']:.3f}); CPU time "
            f"{startup['minipy_cpu'] * 1000:.1f} ms vs {startup['cpython_cpu'] * 1000:.1f} ms; "
            f"peak memory {mib(startup['minipy_rss_kib'])} MiB vs "
            f"{mib(startup['cpython_rss_kib'])} MiB.")
    lines += ["", "## Against the targets of issue #6", ""]
    failed = [row for row in rows if "ratio" not in row]
    worst = max(timed, key=lambda row: row["ratio"]) if timed else None
    heavier = [row["name"] for row in timed if row["minipy_rss_kib"] > row["cpython_rss_kib"]]
    lines.append(f"- geometric mean {ratios[0]:.2f} (target at most {TARGET_GEOMEAN}): "
                 f"{'met' if ratios[0] <= TARGET_GEOMEAN else 'not met'}")
    if worst:
        slower = [row["name"] for row in timed if row["ratio"] > TARGET_WORST]
        lines.append(f"- slowest: {worst['name']} at {worst['ratio']:.2f} (target: none above "
                     f"{TARGET_WORST}): "
                     + ("met" if not slower else f"not met by {', '.join(slower)}"))
    if "error" not in startup:
        ms = startup["minipy_median"] * 1000
        lines.append(f"- start-up {ms:.1f} ms (target under {TARGET_STARTUP_MS:.0f} ms): "
                     f"{'met' if ms < TARGET_STARTUP_MS else 'not met'}")
    lines.append("- peak memory at most CPython's: "
                 + ("met" if not heavier else f"not met by {', '.join(heavier)}"))
    if failed:
        lines.append(f"- failed or differing: {', '.join(row['name'] for row in failed)}")
    lines.append("")
    if chart:
        lines += [f"![minipy/CPython time ratios]({chart})", ""]
    else:
        lines += [f"(No chart: {why_not}.)", ""]
    with open(os.path.join(out_dir, "report.md"), "w") as file:
        file.write("\n".join(lines))
    with open(os.path.join(out_dir, "results.json"), "w") as file:
        json.dump({"context": context, "benchmarks": rows, "startup": startup,
                   "geomean": ratios[0], "cpu_geomean": ratios[1]}, file, indent=1)
    return ratios, lines


def main(argv):
    args = parse_args(argv)
    if not shutil.which("hyperfine"):
        sys.exit("run.py: hyperfine is not installed (tools/quickstart.sh bench installs it)")
    minipy = os.path.abspath(args.minipy or os.path.join(args.build, "minipy"))
    if not os.access(minipy, os.X_OK):
        sys.exit(f"run.py: no minipy binary at {minipy} (build it, or give --build/--minipy)")
    cpython = args.cpython or real_cpython()
    args.scripts = os.path.abspath(args.scripts)
    names = benchmark_names(args.scripts, args.only)
    out_dir = os.path.abspath(args.out)
    raw_dir = os.path.join(out_dir, "hyperfine")
    os.makedirs(raw_dir, exist_ok=True)
    context = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "minipy": minipy, "cpython": cpython, "git": git_description(),
        "cpython_version": version_of([cpython, "--version"]),
        "hyperfine": version_of(["hyperfine", "--version"]), "cpu": cpu_model(),
        "settings": (f"{args.rounds} alternating rounds x {args.runs} run(s) per interpreter, "
                     f"{args.warmup} warm-up run(s)" + (" (--quick)" if args.quick else "")),
        "note": args.note or "",
        "load_before": load_average(),
        "rss_tool": ("GNU time's %M" if os.access("/usr/bin/time", os.X_OK) else
                     "os.wait4's ru_maxrss: includes the harness's own size, no GNU time here"),
    }
    rows = []
    for name in names:
        print(f"run.py: {name} ...", end="", flush=True)
        row = measure(name, minipy, cpython, args, raw_dir)
        rows.append(row)
        if "ratio" in row:
            print(f" minipy {row['minipy_median']:.3f} s, CPython {row['cpython_median']:.3f} s, "
                  f"ratio {row['ratio']:.2f} (CPU {row['cpu_ratio']:.2f})", flush=True)
        else:
            print(" " + row["error"], flush=True)
    print("run.py: start-up ...", end="", flush=True)
    startup = measure_startup(minipy, cpython, args, raw_dir)
    if "error" in startup:
        print(" " + startup["error"])
    else:
        print(f" minipy {startup['minipy_median'] * 1000:.1f} ms, "
              f"CPython {startup['cpython_median'] * 1000:.1f} ms")
    context["load_after"] = load_average()
    ratios, _ = write_report(rows, startup, context, out_dir)
    print(f"run.py: geometric mean ratio {ratios[0]:.2f} (CPU time {ratios[1]:.2f}); report in "
          f"{os.path.join(out_dir, 'report.md')}")
    return 1 if any("ratio" not in row for row in rows) or "error" in startup else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
