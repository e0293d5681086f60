# An exception in a weakref callback goes to sys.unraisablehook with the callback as `object`.
import sys
import weakref


class Obj:
    pass


def bad(ref):
    raise ValueError("callback failed")


caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.object is bad, args.err_msg))


sys.unraisablehook = hook
o = Obj()
r = weakref.ref(o, bad)
del o
print(caught)
sys.unraisablehook = sys.__unraisablehook__
print("after", r())

# Expected output (CPython 3.11):
# expect: [('ValueError', 'callback failed', True, None)]
# expect: after None
