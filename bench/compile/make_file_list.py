"""Writes the list of .py files under CPython 3.11's stdlib path (site-packages included, as issue #2
counts them: about 11,650 files) that CPython itself compiles (so no `match`, no files with syntax
errors used as test data). Usage: make_file_list.py OUT [STDLIB_DIR] [--no-site-packages]"""
import ast
import os
import sys
import sysconfig
import warnings


def uses_match(tree):
    return any(type(node).__name__ == "Match" for node in ast.walk(tree))


def main():
    warnings.simplefilter("ignore")
    args = [a for a in sys.argv[1:] if a != "--no-site-packages"]
    skipped = {"__pycache__"}
    if "--no-site-packages" in sys.argv:
        skipped.add("site-packages")
    out = args[0]
    root = args[1] if len(args) > 1 else sysconfig.get_paths()["stdlib"]
    paths = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d not in skipped)
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(directory, name)
            try:
                with open(path, "rb") as f:
                    source = f.read()
                tree = ast.parse(source, path)
                compile(source, path, "exec")
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                continue
            if uses_match(tree):
                continue
            paths.append(path)
    with open(out, "w") as f:
        f.write("\n".join(paths) + "\n")
    print(f"{len(paths)} files")


if __name__ == "__main__":
    main()
