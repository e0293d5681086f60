# Which objects can be weakly referenced (as CPython 3.11), and that each kind clears its weakrefs
# when it dies.
import sys
import weakref


class Plain:
    def method(self):
        pass


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class MyError(Exception):
    pass


class MyFloat(float):
    pass


class MyInt(int):
    pass


class MyTuple(tuple):
    pass


class MyList(list):
    pass


class MySet(set):
    pass


def function():
    pass


def generator():
    yield 1


candidates = [
    ("int", 1), ("str", "s"), ("tuple", ()), ("list", []), ("dict", {}), ("None", None),
    ("bytes", b""), ("float", 1.0), ("object", object()), ("Slotted", Slotted()),
    ("Exception", Exception()), ("MyInt", MyInt(1)), ("MyTuple", MyTuple()),
    ("Plain", Plain()), ("SlottedWeak", SlottedWeak()), ("MyError", MyError()),
    ("MyFloat", MyFloat(1.5)), ("MyList", MyList()), ("MySet", MySet()), ("set", set()),
    ("frozenset", frozenset()), ("function", function), ("class", Plain), ("type", int),
    ("module", sys), ("generator", generator()), ("code", function.__code__),
    ("bound method", Plain().method), ("builtin", len),
]
for name, obj in candidates:
    try:
        r = weakref.ref(obj)
        print(name, "ok", r() is obj)
    except TypeError as e:
        print(name, "TypeError:", e)

# Each kind clears its weakrefs (and runs the callbacks) when it dies.
log = []


def watch(name, obj):
    return weakref.ref(obj, lambda r: log.append(name))


refs = [watch("instance", Plain()), watch("set", {1, 2}), watch("frozenset", frozenset([1])),
        watch("function", lambda: 0), watch("generator", generator()),
        watch("MyFloat", MyFloat(2.0)), watch("MyError", MyError("x")),
        watch("SlottedWeak", SlottedWeak())]
print(log)
gen = generator()
next(gen)
gr = watch("started generator", gen)
del gen
s = {3}
sr = watch("named set", s)
s = None
print(log)
print([r() for r in refs + [gr, sr]])

# __slots__ without '__weakref__' removes weak references, unless a base provides them.
class SetNoSlots(set):
    __slots__ = ()


class Empty:
    __slots__ = ()


class Child(Empty):
    pass


print(weakref.ref(SetNoSlots())() is None, weakref.ref(Child())() is None)
try:
    weakref.ref(Empty())
except TypeError as e:
    print("TypeError:", e)

# Expected output (CPython 3.11):
# expect: int TypeError: cannot create weak reference to 'int' object
# expect: str TypeError: cannot create weak reference to 'str' object
# expect: tuple TypeError: cannot create weak reference to 'tuple' object
# expect: list TypeError: cannot create weak reference to 'list' object
# expect: dict TypeError: cannot create weak reference to 'dict' object
# expect: None TypeError: cannot create weak reference to 'NoneType' object
# expect: bytes TypeError: cannot create weak reference to 'bytes' object
# expect: float TypeError: cannot create weak reference to 'float' object
# expect: object TypeError: cannot create weak reference to 'object' object
# expect: Slotted TypeError: cannot create weak reference to 'Slotted' object
# expect: Exception TypeError: cannot create weak reference to 'Exception' object
# expect: MyInt TypeError: cannot create weak reference to 'MyInt' object
# expect: MyTuple TypeError: cannot create weak reference to 'MyTuple' object
# expect: Plain ok True
# expect: SlottedWeak ok True
# expect: MyError ok True
# expect: MyFloat ok True
# expect: MyList ok True
# expect: MySet ok True
# expect: set ok True
# expect: frozenset ok True
# expect: function ok True
# expect: class ok True
# expect: type ok True
# expect: module ok True
# expect: generator ok True
# expect: code ok True
# expect: bound method ok True
# expect: builtin ok True
# expect: ['instance', 'set', 'frozenset', 'function', 'generator', 'MyFloat', 'MyError', 'SlottedWeak']
# expect: ['instance', 'set', 'frozenset', 'function', 'generator', 'MyFloat', 'MyError', 'SlottedWeak', 'started generator', 'named set']
# expect: [None, None, None, None, None, None, None, None, None, None]
# expect: True True
# expect: TypeError: cannot create weak reference to 'Empty' object
