"""Compares minipy's code units with CPython's, file by file: runs `minipy_compile_bench --scopes`
and prints the same fields from CPython's code objects (qualname, name, first line, argument counts,
flags, local/cell/free names, co_names, co_consts), then reports every code unit that differs.
Usage: compare_scopes.py BENCH_BINARY FILE_LIST"""
import subprocess
import sys
import warnings


def describe(code, out):
    kinds = [[], [], []]
    names = code.co_varnames + tuple(n for n in code.co_cellvars if n not in code.co_varnames)
    kinds[0] = list(code.co_varnames)
    kinds[1] = list(code.co_cellvars)
    kinds[2] = list(code.co_freevars)
    del names
    fields = [code.co_qualname, code.co_name, str(code.co_firstlineno), str(code.co_argcount),
              str(code.co_posonlyargcount), str(code.co_kwonlyargcount),
              str(code.co_flags & 0x3ff)]
    fields += ["".join(n + "," for n in k) for k in kinds]
    fields.append("".join(n + "," for n in code.co_names))
    consts = []
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            consts.append("<code>")
        elif isinstance(c, frozenset):
            consts.append(f"frozenset({len(c)})")
        else:
            consts.append(repr(c))
    fields.append("".join(c + ";" for c in consts))
    out.append("|".join(fields))
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            describe(const, out)


def main():
    warnings.simplefilter("ignore")
    binary, file_list = sys.argv[1], sys.argv[2]
    ours = subprocess.run([binary, "--scopes", file_list], capture_output=True, text=True,
                          errors="replace").stdout
    mine = {}
    current = None
    for line in ours.splitlines():
        if line.startswith("FILE "):
            current = line[5:]
            mine[current] = []
        else:
            mine[current].append(line)
    files = differing = 0
    for path in open(file_list).read().split():
        files += 1
        with open(path, "rb") as f:
            expected = []
            describe(compile(f.read(), path, "exec"), expected)
        got = mine.get(path, [])
        if got != expected:
            differing += 1
            print("DIFF", path)
            for a, b in zip(expected, got):
                if a != b:
                    print("  cpython:", a)
                    print("  minipy: ", b)
                    break
            else:
                print("  units: cpython", len(expected), "minipy", len(got))
    print(f"files={files} identical={files - differing} differing={differing}")


if __name__ == "__main__":
    main()
