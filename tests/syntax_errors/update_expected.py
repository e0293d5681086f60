#!/usr/bin/env python3
"""Writes cases/NAME.err, the stderr CPython 3.11 prints for `python3 cases/NAME.py`, with the
cases folder's absolute path replaced by @DIR@. Run it with CPython 3.11 after adding a case."""
import pathlib
import subprocess
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("needs CPython 3.11")
cases = pathlib.Path(__file__).resolve().parent / "cases"
for script in sorted(cases.glob("*.py")):
    run = subprocess.run([sys.executable, str(script)], capture_output=True, cwd=cases)
    if run.returncode != 1:
        sys.exit(f"{script.name}: python3 exited {run.returncode}, not 1")
    err = run.stderr.replace(str(cases).encode(), b"@DIR@")
    script.with_suffix(".err").write_bytes(err)
    print(f"{script.name}: {len(err)} bytes")
