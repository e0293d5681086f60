# Which instances of subclasses of built-in types can be weakly referenced, as CPython 3.11: str,
# float, list, dict, set subclasses (and classes made by a metaclass) can; int, bytes and tuple
# subclasses cannot (their instances are variable-sized there), with CPython's TypeError.
import gc
import weakref

for base in (str, bytes, int, bool.__base__, tuple, float, list, dict, set, frozenset,
             bytearray, object, Exception):
    class S(base):
        pass

    try:
        o = S()
        r = weakref.ref(o)
        print(base.__name__, "ok", r() is o, weakref.getweakrefcount(o),
              getattr(o, "__weakref__", None) is r)
    except TypeError as e:
        print(base.__name__, "TypeError:", e)


class Text(str):
    pass


t = Text("héllo wörld" * 3)
calls = []
r1 = weakref.ref(t, lambda r: calls.append("r1"))
r2 = weakref.ref(t)
p = weakref.proxy(t)
t.attr = "kept"
print(r1() == "héllo wörld" * 3, r2() is t, p.upper()[:5], len(p), t.attr, weakref.getweakrefcount(t))
print(r2 is weakref.ref(t), sorted(type(x).__name__ for x in weakref.getweakrefs(t)))
del t
print("after del", r1(), r2(), calls)

cycle = Text("x")
cycle.me = cycle
r3 = weakref.ref(cycle, lambda r: calls.append("r3"))
del cycle
gc.collect()
print("cycle", r3(), calls)


class Slotted(str):
    __slots__ = ("__weakref__",)


s = Slotted("abc")
print("slotted", weakref.ref(s)() is s)


class NoWeak(str):
    __slots__ = ()


try:
    weakref.ref(NoWeak("abc"))
except TypeError as e:
    print("NoWeak TypeError:", e)

cache = weakref.WeakValueDictionary()
keep = Text("value")
cache["k"] = keep
print("WeakValueDictionary", cache["k"], len(cache))
del keep
print(len(cache))
for value in (1, "s", b"b", (1,), 2.5):
    try:
        weakref.ref(value)
    except TypeError as e:
        print(e)

# Expected output (CPython 3.11):
# expect: str ok True 1 True
# expect: bytes TypeError: cannot create weak reference to 'S' object
# expect: int TypeError: cannot create weak reference to 'S' object
# expect: int TypeError: cannot create weak reference to 'S' object
# expect: tuple TypeError: cannot create weak reference to 'S' object
# expect: float ok True 1 True
# expect: list ok True 1 True
# expect: dict ok True 1 True
# expect: set ok True 1 False
# expect: frozenset ok True 1 False
# expect: bytearray ok True 1 True
# expect: object ok True 1 True
# expect: Exception ok True 1 True
# expect: True True HÉLLO 33 kept 3
# expect: True ['ProxyType', 'ReferenceType', 'ReferenceType']
# expect: after del None None ['r1']
# expect: cycle None ['r1', 'r3']
# expect: slotted True
# expect: NoWeak TypeError: cannot create weak reference to 'NoWeak' object
# expect: WeakValueDictionary value 1
# expect: 0
# expect: cannot create weak reference to 'int' object
# expect: cannot create weak reference to 'str' object
# expect: cannot create weak reference to 'bytes' object
# expect: cannot create weak reference to 'tuple' object
# expect: cannot create weak reference to 'float' object
