#!/usr/bin/env python3
"""Compares `minipy --dump-ast FILE` with CPython's `ast.dump(ast.parse(FILE bytes))` over the
standard library of the python3 running this script (sysconfig's "stdlib" path, walked recursively).

Files CPython cannot parse, and files using `match` (not part of minipy), are left out. By default a
fixed sample (every 35th file of the sorted list) is checked; --all checks every file.

Prints: files considered, parsed by minipy (%), dump equal (%), crashes (a signal or a time-out; must
be 0), then the first --show mismatches or failures with a short hint. Exits 1 when a threshold is
missed or anything crashed, 2 on bad usage.
"""
import argparse
import ast
import concurrent.futures
import os
import subprocess
import sys
import sysconfig
import warnings

SAMPLE_STEP = 35
TIMEOUT_SECONDS = 60


def stdlib_files(root):
    found = []
    for directory, subdirs, names in os.walk(root):
        subdirs.sort()
        for name in names:
            if name.endswith(".py"):
                found.append(os.path.join(directory, name))
    return sorted(found)


def expected_dump(path):
    """(CPython's dump of the file or None when the file is left out, whether CPython rejects it)."""
    try:
        with open(path, "rb") as stream:
            source = stream.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source, filename=path)
    except (SyntaxError, ValueError, UnicodeError):
        return None, True
    except (RecursionError, MemoryError, OSError):
        return None, False
    if any(isinstance(node, ast.Match) for node in ast.walk(tree)):
        return None, False
    try:
        return ast.dump(tree), False
    except RecursionError:
        return None, False


def diff_hint(expected, actual, width=70):
    index = 0
    limit = min(len(expected), len(actual))
    while index < limit and expected[index] == actual[index]:
        index += 1
    start = max(0, index - width // 2)
    return (f"first difference at character {index}:\n"
            f"      cpython: ...{expected[start:start + width]}...\n"
            f"      minipy:  ...{actual[start:start + width]}...")


def check_file(minipy, path):
    """Returns (path, status, detail); status is equal, mismatch, failed, crashed, skipped or
    accepted (minipy accepts a file CPython rejects: reported, not counted against thresholds)."""
    expected, rejected = expected_dump(path)
    if expected is None and not rejected:
        return path, "skipped", ""
    try:
        run = subprocess.run([minipy, "--dump-ast", path], capture_output=True,
                             timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return path, "crashed", f"no answer within {TIMEOUT_SECONDS} s"
    stderr = run.stderr.decode("utf-8", "replace").strip()
    if run.returncode < 0 or run.returncode > 2:
        return path, "crashed", f"exit status {run.returncode}: {stderr[-300:]}"
    if rejected:
        if run.returncode == 0:
            return path, "accepted", "CPython raises SyntaxError here; minipy printed a tree"
        return path, "skipped", ""
    if run.returncode != 0:
        return path, "failed", stderr[-300:]
    actual = run.stdout.decode("utf-8", "surrogateescape").rstrip("\n")
    if actual == expected:
        return path, "equal", ""
    return path, "mismatch", diff_hint(expected, actual)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minipy", required=True, help="path of the minipy executable")
    parser.add_argument("--all", action="store_true", help="check every file, not the sample")
    parser.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"],
                        help="folder to walk (default: this python3's standard library)")
    parser.add_argument("--jobs", type=int, default=2, help="parallel workers (default 2)")
    parser.add_argument("--show", type=int, default=15, help="mismatches/failures to print")
    parser.add_argument("--min-parse", type=float, default=99.5,
                        help="fail below this percentage of files minipy parses")
    parser.add_argument("--min-match", type=float, default=99.0,
                        help="fail below this percentage of files whose dump is equal")
    args = parser.parse_args()
    if not os.access(args.minipy, os.X_OK):
        print(f"compare_ast: {args.minipy} is not an executable", file=sys.stderr)
        return 2
    if sys.version_info[:2] != (3, 11):
        print("compare_ast: needs CPython 3.11 as the oracle", file=sys.stderr)
        return 2

    files = stdlib_files(args.stdlib)
    if not args.all:
        files = files[::SAMPLE_STEP]
    counts = {"equal": 0, "mismatch": 0, "failed": 0, "crashed": 0, "skipped": 0, "accepted": 0}
    problems = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for path, status, detail in pool.map(lambda p: check_file(args.minipy, p), files):
            counts[status] += 1
            if status in ("mismatch", "failed", "crashed", "accepted"):
                problems.append((path, status, detail))

    considered = len(files) - counts["skipped"] - counts["accepted"]
    parsed = counts["equal"] + counts["mismatch"]
    percent = lambda n: 100.0 * n / considered if considered else 0.0
    mode = "all files" if args.all else f"sample: every {SAMPLE_STEP}th file"
    print(f"stdlib: {args.stdlib} ({mode})")
    print(f"files considered:  {considered} (left out: {counts['skipped'] + counts['accepted']} "
          f"that CPython rejects or that use match)")
    print(f"parsed by minipy:  {parsed} ({percent(parsed):.2f}%)")
    print(f"dump equal:        {counts['equal']} ({percent(counts['equal']):.2f}%)")
    print(f"syntax errors:     {counts['failed']}")
    print(f"crashes:           {counts['crashed']}")
    print(f"accepted although CPython rejects them: {counts['accepted']}")
    problems.sort(key=lambda item: ({"crashed": 0, "failed": 1, "mismatch": 2, "accepted": 3}[item[1]], item[0]))
    for path, status, detail in problems[:args.show]:
        print(f"\n{status.upper()}: {os.path.relpath(path, args.stdlib)}")
        for line in detail.splitlines():
            print(f"    {line}")
    if len(problems) > args.show:
        print(f"\n... and {len(problems) - args.show} more")

    ok = (counts["crashed"] == 0 and considered > 0 and percent(parsed) >= args.min_parse
          and percent(counts["equal"]) >= args.min_match)
    print("\nRESULT:", "PASS" if ok else
          f"FAIL (need parse >= {args.min_parse}%, match >= {args.min_match}%, no crashes)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
