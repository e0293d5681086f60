# ImportError / ModuleNotFoundError messages and attributes as CPython 3.11 gives them.
import sys


def show(code):
    try:
        exec(code, {"__name__": "__main__"})
    except ImportError as e:
        text = str(e)
        if "(" in text and text.endswith(".py)"):
            text = text[: text.rindex("(")] + "(FILE)"
        print(type(e).__name__, "|", text, "|", repr(e.name))
    except Exception as e:
        print(type(e).__name__, "|", e)


show("import no_such_module_h4")
show("import pkgdemo.no_such_sub")
show("import pkgdemo.alpha.deeper")
show("from pkgdemo import no_such_name")
show("from pkgdemo.alpha import nothing")
show("from . import sibling")
show("from .x import y")
show("import pkgdemo.broken")
print("pkgdemo.broken" in sys.modules)
show("import pkgdemo.too_far")
show("__import__('')")
show("__import__('x', level=-1)")
show("__import__(5)")
sys.modules["blocked_h4"] = None
show("import blocked_h4")
import importlib

try:
    importlib.import_module(".alpha")
except TypeError as e:
    print(e)
show("from pkgdemo import alpha, no_such_name")
show("import pkgdemo.loop_a")
# expect: ModuleNotFoundError | No module named 'no_such_module_h4' | 'no_such_module_h4'
# expect: pkgdemo init pkgdemo pkgdemo
# expect: alpha init pkgdemo.alpha pkgdemo
# expect: ModuleNotFoundError | No module named 'pkgdemo.no_such_sub' | 'pkgdemo.no_such_sub'
# expect: ModuleNotFoundError | No module named 'pkgdemo.alpha.deeper'; 'pkgdemo.alpha' is not a package | 'pkgdemo.alpha.deeper'
# expect: ImportError | cannot import name 'no_such_name' from 'pkgdemo' (FILE) | 'pkgdemo'
# expect: ImportError | cannot import name 'nothing' from 'pkgdemo.alpha' (FILE) | 'pkgdemo.alpha'
# expect: ImportError | attempted relative import with no known parent package | None
# expect: ImportError | attempted relative import with no known parent package | None
# expect: ValueError | broken on purpose
# expect: False
# expect: ImportError | attempted relative import beyond top-level package | None
# expect: ValueError | Empty module name
# expect: ValueError | level must be >= 0
# expect: TypeError | module name must be a string
# expect: ModuleNotFoundError | import of blocked_h4 halted; None in sys.modules | 'blocked_h4'
# expect: the 'package' argument is required to perform a relative import for '.alpha'
# expect: ImportError | cannot import name 'no_such_name' from 'pkgdemo' (FILE) | 'pkgdemo'
# expect: ImportError | cannot import name 'x' from partially initialized module 'pkgdemo.loop_a' (most likely due to a circular import) (FILE) | 'pkgdemo.loop_a'
