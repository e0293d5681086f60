"""Writes the list of stdlib .py files that CPython 3.11 itself compiles (so no `match`, no files
with syntax errors used as test data). Usage: make_file_list.py OUT [STDLIB_DIR]"""
import ast
import os
import sys
import sysconfig
import warnings


def uses_match(tree):
    return any(type(node).__name__ == "Match" for node in ast.walk(tree))


def main():
    warnings.simplefilter("ignore")
    out = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else sysconfig.get_paths()["stdlib"]
    paths = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d not in ("site-packages", "__pycache__"))
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
