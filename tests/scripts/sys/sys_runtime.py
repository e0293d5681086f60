# sys.getrefcount, intern, exc_info/exception, getsizeof, _getframe, displayhook and excepthook.
import io
import sys

a = [99999]
base = sys.getrefcount(a)
print(base)
b = a
print(sys.getrefcount(a) - base)
c = [a, a, a]
print(sys.getrefcount(a) - base)
del b, c
print(sys.getrefcount(a) - base)


def count(x):
    return sys.getrefcount(x)


print(count(a) - base)
print(sys.getrefcount(object()))
d = {"key": a}
print(sys.getrefcount(a) - base)
s1 = "".join(["in", "terned"])
s2 = "".join(["inter", "ned"])
print(s1 is s2, sys.intern(s1) is sys.intern(s2), sys.intern(s1) is s1)
try:
    sys.intern(b"x")
except TypeError as e:
    print(e)
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError as error:
    kind, value, tb = sys.exc_info()
    print(kind.__name__, value is error, type(tb).__name__, sys.exception() is error)
    try:
        raise ValueError("inner")
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
for value in [0, 1, 2**30, 2**100, -7, "", "abc", "é", "āb", "😀", b"", b"ab", (), (1, 2), [],
              [1, 2, 3], {}, 1.5, None, True, False, range(3)]:
    print(ascii(value), sys.getsizeof(value))
print(sys.getsizeof(set()), sys.getsizeof(set(range(5))), sys.getsizeof(frozenset()))


class Sized:
    def __sizeof__(self):
        return 100


print(sys.getsizeof(Sized()), sys.getsizeof(Sized(), 5))


class Broken:
    def __sizeof__(self):
        raise TypeError("no size")


print(sys.getsizeof(Broken(), -1))
try:
    sys.getsizeof(Broken())
except TypeError as e:
    print(e)


def outer():
    marker = "outer local"
    return inner()


def inner():
    frame = sys._getframe()
    caller = sys._getframe(1)
    line = frame.f_lineno
    return (frame.f_code.co_name, caller.f_code.co_name, caller.f_locals["marker"],
            frame.f_back.f_code.co_name, frame.f_globals is globals(), line)


print(outer())
here = sys._getframe()
print(here.f_code.co_name, here.f_back, here.f_lineno)
try:
    sys._getframe(999)
except ValueError as e:
    print(e)
out = io.StringIO()
saved = sys.stdout
sys.stdout = out
sys.displayhook(None)
sys.displayhook([1, "two"])
sys.stdout = saved
print(repr(out.getvalue()), _)
errors = io.StringIO()
sys.stderr = errors
try:
    {}["missing"]
except KeyError as e:
    sys.excepthook(type(e), e, e.__traceback__)
sys.stderr = sys.__stderr__
lines = errors.getvalue().splitlines()
print(lines[0], lines[-1])
# expect: 2
# expect: 1
# expect: 4
# expect: 0
# expect: 1
# expect: 1
# expect: 1
# expect: False True True
# expect: intern() argument must be str, not bytes
# expect: (None, None, None) None
# expect: KeyError True traceback True
# expect: ValueError
# expect: KeyError
# expect: (None, None, None)
# expect: 0 28
# expect: 1 28
# expect: 1073741824 32
# expect: 1267650600228229401496703205376 40
# expect: -7 28
# expect: '' 49
# expect: 'abc' 52
# expect: '\xe9' 74
# expect: '\u0101b' 78
# expect: '\U0001f600' 80
# expect: b'' 33
# expect: b'ab' 35
# expect: () 40
# expect: (1, 2) 56
# expect: [] 56
# expect: [1, 2, 3] 88
# expect: {} 64
# expect: 1.5 24
# expect: None 16
# expect: True 28
# expect: False 28
# expect: range(0, 3) 48
# expect: 216 728 216
# expect: 132 132
# expect: -1
# expect: no size
# expect: ('inner', 'outer', 'outer local', 'outer', True, 77)
# expect: <module> None 84
# expect: call stack is not deep enough
# expect: "[1, 'two']\n" [1, 'two']
# expect: Traceback (most recent call last): KeyError: 'missing'
