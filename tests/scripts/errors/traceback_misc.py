# traceback module corner cases: no current exception, failing __str__, __notes__ that are not a
# list, limits and sys.tracebacklimit, generators.
import traceback, sys, io
print(repr(traceback.format_exc()))
buf = io.StringIO()
traceback.print_exc(file=buf)
print(repr(buf.getvalue()))
try:
    traceback.print_last()
except ValueError as e:
    print("ValueError", e)
print(traceback.format_exception(None))
print(traceback.format_exception_only(None))
class E(Exception):
    def __str__(self):
        raise RuntimeError("bad str")
print(traceback.format_exception_only(E()))
class Quiet(Exception):
    pass
print(traceback.format_exception_only(Quiet()))
print(traceback.format_exception_only(KeyError()))
e = ValueError("x"); e.__notes__ = "not a list"
print(traceback.format_exception_only(e))
e = ValueError("x"); e.__notes__ = 42
print(traceback.format_exception_only(e))
te1 = traceback.TracebackException.from_exception(ValueError("a"))
te2 = traceback.TracebackException.from_exception(ValueError("a"))
print(te1 == te2, list(te1.format()))
def g():
    yield 1 / 0
try:
    next(g())
except ZeroDivisionError:
    print(traceback.format_exc().replace(__file__, "FILE"), end="")
try:
    import collections
    collections.nope
except AttributeError:
    print(traceback.format_exc(limit=0), end="")
    print(traceback.format_exc(limit=1).replace(__file__, "FILE"), end="")
sys.tracebacklimit = 0
try:
    1/0
except ZeroDivisionError:
    print(traceback.format_exc(), end="")
del sys.tracebacklimit

# expect: 'NoneType: None\n'
# expect: 'NoneType: None\n'
# expect: ValueError no last exception
# expect: ['NoneType: None\n']
# expect: ['NoneType: None\n']
# expect: ['E: <exception str() failed>\n']
# expect: ['Quiet\n']
# expect: ['KeyError\n']
# expect: ['ValueError: x\n', 'n\n', 'o\n', 't\n', ' \n', 'a\n', ' \n', 'l\n', 'i\n', 's\n', 't\n']
# expect: ['ValueError: x\n', '42']
# expect: True ['ValueError: a\n']
# expect: Traceback (most recent call last):
# expect:   File "FILE", line 32, in <module>
# expect:     next(g())
# expect:   File "FILE", line 30, in g
# expect:     yield 1 / 0
# expect:           ~~^~~
# expect: ZeroDivisionError: division by zero
# expect: AttributeError: module 'collections' has no attribute 'nope'
# expect: Traceback (most recent call last):
# expect:   File "FILE", line 37, in <module>
# expect:     collections.nope
# expect: AttributeError: module 'collections' has no attribute 'nope'
# expect: ZeroDivisionError: division by zero
