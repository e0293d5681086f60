# gc.collect() returns the number of unreachable objects found, as CPython 3.11 counts them.
import gc

gc.collect()
print("nothing", gc.collect())
a = []
a.append(a)
del a
print("list self", gc.collect())
a = [1]
b = [2]
a.append(b)
b.append(a)
del a, b
print("two lists", gc.collect())
d = {}
d["d"] = d
del d
print("dict", gc.collect())


class A:
    pass


a = A()
b = A()
a.o = b
b.o = a
del a, b
print("instance pair", gc.collect())


class S:
    __slots__ = ("o",)


a = S()
a.o = a
del a
print("slots", gc.collect())


class D:
    def __del__(self):
        pass


a = D()
a.o = a
del a
print("with __del__", gc.collect())
print("again", gc.collect())
x = []
x.append(x)
del x
print("generation 0", gc.collect(0))
x = []
x.append(x)
del x
print("generation 1", gc.collect(generation=1))
print("stats shape", [sorted(s) for s in gc.get_stats()])

# Expected output (from CPython 3.11):
# expect: nothing 0
# expect: list self 1
# expect: two lists 2
# expect: dict 1
# expect: instance pair 2
# expect: slots 1
# expect: with __del__ 1
# expect: again 0
# expect: generation 0 1
# expect: generation 1 1
# expect: stats shape [['collected', 'collections', 'uncollectable'], ['collected', 'collections', 'uncollectable'], ['collected', 'collections', 'uncollectable']]
