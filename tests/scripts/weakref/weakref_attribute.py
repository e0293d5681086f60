# obj.__weakref__: the first weak reference to the object, or None; it wins over __getattr__.
import weakref


class WithGetattr:
    def __getattr__(self, name):
        return "fallback " + name


class IntSub(int):
    pass


w = WithGetattr()
print(w.__weakref__, w.other)
r = weakref.ref(w)
print(w.__weakref__ is r)
del r
print(w.__weakref__)
try:
    IntSub(1).__weakref__
except AttributeError:
    print("AttributeError for an int subclass")

# Expected output (CPython 3.11):
# expect: None fallback other
# expect: True
# expect: None
# expect: AttributeError for an int subclass
