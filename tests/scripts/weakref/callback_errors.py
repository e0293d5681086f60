# A weakref callback that raises is reported on stderr ("Exception ignored in: ...") and does not
# stop the program or the other callbacks; the exception being handled is left alone.
import weakref


class Obj:
    pass


def bad(ref):
    print("bad callback runs")
    raise ValueError("from callback")


def good(ref):
    print("good callback runs")


o = Obj()
r1 = weakref.ref(o, good)
r2 = weakref.ref(o, bad)
del o
print("still running")

o = Obj()
r3 = weakref.ref(o, bad)
try:
    raise KeyError("outer")
except KeyError as e:
    del o
    print("handled:", repr(e))

# The callback of a dying object runs before its attributes are dropped: what it holds is alive.
chain = []


class Link:
    pass


a, b = Link(), Link()
ra = weakref.ref(a, lambda r: chain.append(("a", rb() is not None)))
rb = weakref.ref(b, lambda r: chain.append("b"))
a.other = b
del b
del a
print(chain)

# Expected output (CPython 3.11):
# expect: bad callback runs
# expect: good callback runs
# expect: still running
# expect: bad callback runs
# expect: handled: KeyError('outer')
# expect: [('a', True), 'b']
