# A built-in constructor may answer an object that already exists (str(x) of a __str__ returning a
# str subclass instance): the call must not take a new reference to that object's class (minipy
# leaked one per call), while instances a constructor allocates for a heap subclass keep theirs.
import sys


class I(int):
    pass


class S(str):
    pass


class F:
    def __str__(self):
        return self.s


f = F()
f.s = S("x")


def delta(cls, call):
    before = sys.getrefcount(cls)
    for _ in range(1000):
        call()
    return sys.getrefcount(cls) - before


print("I(5)", delta(I, lambda: I(5)), type(I(5)).__name__)
print("int.__new__", delta(I, lambda: int.__new__(I, 7)))
print("str(f)", delta(S, lambda: str(f)), type(str(f)).__name__)
print("map", delta(S, lambda: list(map(str, [f]))))
print("keywords", delta(S, lambda: str(f, **{})))
kept = [I(i) for i in range(100)]
print("kept", sys.getrefcount(I) > 100)
del kept
# expect: I(5) 0 I
# expect: int.__new__ 0
# expect: str(f) 0 S
# expect: map 0
# expect: keywords 0
# expect: kept True
