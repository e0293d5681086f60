# weakref.ref: calling, callbacks, __callback__, reuse of the basic ref, hash, equality, repr, counts.
import weakref


class Node:
    def __init__(self, name):
        self.name = name


def shape(text):
    # Addresses differ from run to run: each 0x... becomes ADDR.
    out = []
    i = 0
    while i < len(text):
        if text.startswith("0x", i):
            i += 2
            while i < len(text) and text[i] in "0123456789abcdef":
                i += 1
            out.append("ADDR")
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


n = Node("a")
r = weakref.ref(n)
print(r() is n, r is weakref.ref(n), weakref.ref(n, None) is r)
print(r.__callback__, type(r).__name__, weakref.ref is weakref.ReferenceType)
print(shape(repr(r)))

events = []
r2 = weakref.ref(n, lambda ref: events.append(("cb2", ref() is None)))
r3 = weakref.ref(n, lambda ref: events.append(("cb3", ref() is None)))
print(r2 is r3, r2.__callback__ is not None, weakref.getweakrefcount(n))
print(weakref.getweakrefs(n)[0] is r, len(weakref.getweakrefs(n)))
print(r == r2, r != r2, hash(r) == hash(n), hash(r2) == hash(n))

other = Node("b")
ro = weakref.ref(other)
print(r == ro, r != ro)

del n
print(events)
print(r(), r2.__callback__, shape(repr(r)))
print(weakref.getweakrefcount(other), weakref.getweakrefcount(1), weakref.getweakrefs(1))

# A dead ref keeps the hash it computed while alive; one never hashed cannot hash any more.
print(hash(r) == hash(r))
m = Node("m")
unhashed = weakref.ref(m, lambda ref: None)
del m
try:
    hash(unhashed)
except TypeError as e:
    print("TypeError:", e)

# Dead refs compare by identity.
print(r == r, r == r2, r != r2)

# Calling with arguments and bad constructor calls.
try:
    ro(1)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(other, None, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(other, callback=print)
except TypeError as e:
    print("TypeError:", e)

# Callbacks run most recent first, after __del__, with the object unreachable.
class Loud:
    def __del__(self):
        print("__del__ sees ref alive:", keep() is self)


x = Loud()
keep = weakref.ref(x)
first = weakref.ref(x, lambda ref: print("first made"))
second = weakref.ref(x, lambda ref: print("second made"))
del x
print("after del")

# A weakref that dies before its referent never calls its callback.
y = Node("y")
short = weakref.ref(y, lambda ref: print("never"))
del short
del y
print("done")

# ref[T] and WeakSet[T] are generic aliases.
print(weakref.ref[int], weakref.WeakSet[str], weakref.ref[int].__origin__ is weakref.ref)

# Expected output (CPython 3.11):
# expect: True True True
# expect: None ReferenceType True
# expect: <weakref at ADDR; to 'Node' at ADDR>
# expect: False True 3
# expect: True 3
# expect: True False True True
# expect: False True
# expect: [('cb3', True), ('cb2', True)]
# expect: None None <weakref at ADDR; dead>
# expect: 1 0 []
# expect: True
# expect: TypeError: weak object has gone away
# expect: True False True
# expect: TypeError: weakref expected 0 arguments, got 1
# expect: TypeError: __new__ expected at least 1 argument, got 0
# expect: TypeError: __new__ expected at most 2 arguments, got 3
# expect: TypeError: ref() takes no keyword arguments
# expect: __del__ sees ref alive: True
# expect: second made
# expect: first made
# expect: after del
# expect: done
# expect: weakref.ReferenceType[int] _weakrefset.WeakSet[str] True
