# sys.excepthook replaces the printer of uncaught exceptions; sys.__excepthook__ is the default.
import sys

print(sys.excepthook is sys.__excepthook__)


def hook(kind, value, tb):
    print("hook called:", kind.__name__, value, tb.tb_frame.f_code.co_name)
    print("last frame line:", tb.tb_lineno)


sys.excepthook = hook


def boom():
    raise LookupError("gone")


boom()
print("not reached")

# expect: True
# expect: hook called: LookupError gone <module>
# expect: last frame line: 19
# expect-exit: 1
