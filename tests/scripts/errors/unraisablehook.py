# Errors in __del__ go to sys.unraisablehook (an UnraisableHookArgs); the default hook writes
# "Exception ignored in: <function ...>" and the traceback to sys.stderr.
import io
import sys


class C:
    def __del__(self):
        raise ValueError("in del")


def mask(text):
    # Addresses differ from run to run: " at 0x..." becomes " at ADDR".
    out = []
    for part in text.replace(__file__, "FILE").split(" at 0x"):
        if out:
            end = 0
            while end < len(part) and part[end] in "0123456789abcdef":
                end += 1
            part = "ADDR" + part[end:]
        out.append(part)
    return " at ".join(out)


print(sys.unraisablehook is sys.__unraisablehook__)
saved, sys.stderr = sys.stderr, io.StringIO()
c = C()
del c
captured, sys.stderr = sys.stderr.getvalue(), saved
print(mask(captured), end="")
seen = []


def hook(u):
    seen.append(u)
    print("hook:", u.exc_type.__name__, u.exc_value, u.err_msg, u.object.__qualname__,
          u.exc_traceback.tb_frame.f_code.co_name)


sys.unraisablehook = hook
c = C()
del c
print(type(seen[0]).__name__, len(seen), seen[0][0] is ValueError)


def bad_hook(u):
    raise KeyError("hook fails")


sys.unraisablehook = bad_hook
saved, sys.stderr = sys.stderr, io.StringIO()
c = C()
del c
captured, sys.stderr = sys.stderr.getvalue(), saved
print(mask(captured), end="")
print("end")


# expect: True
# expect: Exception ignored in: <function C.__del__ at ADDR>
# expect: Traceback (most recent call last):
# expect:   File "FILE", line 9, in __del__
# expect:     raise ValueError("in del")
# expect: ValueError: in del
# expect: hook: ValueError in del None C.__del__ __del__
# expect: UnraisableHookArgs 1 True
# expect: Exception ignored in sys.unraisablehook: <function bad_hook at ADDR>
# expect: Traceback (most recent call last):
# expect:   File "FILE", line 47, in bad_hook
# expect:     raise KeyError("hook fails")
# expect: KeyError: 'hook fails'
# expect: end
