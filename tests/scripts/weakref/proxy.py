# weakref.proxy: attribute access, operators, calls, containers, and ReferenceError once dead.
import weakref


class Box:
    def __init__(self, value):
        self.value = value
        self.items = [1, 2, 3]

    def double(self):
        return self.value * 2

    def __add__(self, other):
        return Box(self.value + (other.value if isinstance(other, Box) else other))

    def __radd__(self, other):
        return Box(other + self.value)

    def __eq__(self, other):
        return isinstance(other, Box) and self.value == other.value

    def __lt__(self, other):
        return self.value < other.value

    __hash__ = object.__hash__

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        return self.items[index]

    def __setitem__(self, index, value):
        self.items[index] = value

    def __contains__(self, item):
        return item in self.items

    def __iter__(self):
        return iter(self.items)

    def __str__(self):
        return "Box(%s)" % self.value

    def __neg__(self):
        return Box(-self.value)

    def __bool__(self):
        return self.value != 0


b = Box(5)
p = weakref.proxy(b)
print(type(p).__name__, type(p) is weakref.ProxyType, weakref.ProxyType in weakref.ProxyTypes)
print(p.value, p.double(), p.__class__.__name__)
p.value = 7
print(b.value, len(p), p[0], 2 in p, list(p), str(p))
p[0] = 10
print(b.items, (p + 1).value, (1 + p).value, (p + p).value, (-p).value)
print(p == Box(7), p == b, p < Box(8), bool(p))
print(weakref.proxy(b) is p, weakref.getweakrefcount(b))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.proxy(3)
except TypeError as e:
    print("TypeError:", e)

# Callable proxies forward calls.
def greet(name, punctuation="!"):
    return "hello " + name + punctuation


cp = weakref.proxy(greet)
print(type(cp).__name__, cp("proxy"), cp("kw", punctuation="?"))

# Numbers behind a proxy.
class Num:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n

    def __mul__(self, other):
        return self.n * other


num = Num(3)
pn = weakref.proxy(num)
print(pn * 4, pn.n)

# A proxy with a callback.
seen = []
c = Box(1)
pc = weakref.proxy(c, lambda proxy: seen.append("callback"))
print(pc is weakref.proxy(c), pc.value)
del c
print(seen)

# Every use of a dead proxy raises ReferenceError.
del b
for action in (lambda: p.value, lambda: len(p), lambda: p + 1, lambda: str(p), lambda: p[0],
               lambda: bool(p), lambda: setattr(p, "x", 1)):
    try:
        action()
    except ReferenceError as e:
        print("ReferenceError:", e)

# Expected output (CPython 3.11):
# expect: ProxyType True True
# expect: 5 10 Box
# expect: 7 3 1 True [1, 2, 3] Box(7)
# expect: [10, 2, 3] 8 8 14 -7
# expect: True True True True
# expect: True 1
# expect: TypeError: unhashable type: 'weakref.ProxyType'
# expect: TypeError: cannot create weak reference to 'int' object
# expect: CallableProxyType hello proxy! hello kw?
# expect: 12 3
# expect: False 1
# expect: ['callback']
# expect: ReferenceError: weakly-referenced object no longer exists
# expect: ReferenceError: weakly-referenced object no longer exists
# expect: ReferenceError: weakly-referenced object no longer exists
# expect: ReferenceError: weakly-referenced object no longer exists
# expect: ReferenceError: weakly-referenced object no longer exists
# expect: ReferenceError: weakly-referenced object no longer exists
# expect: ReferenceError: weakly-referenced object no longer exists
