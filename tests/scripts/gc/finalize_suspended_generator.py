# At exit, a generator suspended inside an except block is closed while the traceback of its
# exception (kept by sys.last_value) still holds its frame: the generator's code and constants stay
# intact until the close has run (minipy crashed here when finalization freed the consts tuple).
import sys


def g():
    try:
        raise ValueError
    except ValueError:
        try:
            yield 1
        finally:
            print("closed", "with", "constants")


me = g()
print(next(me))
try:
    raise KeyError("end")
except KeyError as k:
    sys.last_value = k
print("end of script")
# expect: 1
# expect: end of script
# expect: closed with constants
