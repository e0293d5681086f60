# __slots__ as CPython 3.11 lays them out: member_descriptor fields in the instance (no __dict__
# unless asked for), getset descriptors for __dict__/__weakref__, the checks of type_new_slots and
# the inline caches' slot/property kinds (every answer must equal the generic protocol's).
import gc
import weakref


def keys(cls):
    return [k for k in cls.__dict__ if k != "__qualname__"]


def attempt(source):
    try:
        exec(source, {})
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)


# ====== class creation checks (type_new_slots)
attempt("class C:\n __slots__=('x',)\n x=1")
attempt("class C:\n __slots__=('x','move')\n def move(self): pass")
attempt("class C:\n __slots__=['__module__']")
attempt("class C:\n __slots__=('__dict__','__dict__')")
attempt("class B: pass\nclass C(B):\n __slots__=('__dict__',)")
attempt("class C:\n __slots__=('__weakref__','__weakref__')")
attempt("class B: pass\nclass C(B):\n __slots__=('__weakref__',)")
attempt("class C:\n __slots__=(1,)")
attempt("class C:\n __slots__=('a b',)")
attempt("class C:\n __slots__=1")
attempt("class C(int):\n __slots__=('a',)")
attempt("class C(int):\n __slots__=('__dict__',)")
attempt("class C(tuple):\n __slots__=('__weakref__',)")
attempt("class C(bytes):\n __slots__=()")
attempt("class C(type):\n __slots__=('a',)")
attempt("class A:\n __slots__=('a',)\nclass B:\n __slots__=('b',)\nclass C(A,B): pass")
attempt("class A:\n __slots__=('a',)\nclass B:\n __slots__=()\nclass C(A,B): pass")
attempt("class A:\n __slots__=('a',)\nclass B(A): pass\nclass C:\n __slots__=('c',)\nclass D(B, C): pass")
attempt("class C:\n __slots__=('__qualname__',)")
attempt("class C:\n __slots__=('x','x')")

# ====== __slots__ as str, list, tuple, dict, iterator; name mangling; dict order


class FromStr:
    __slots__ = "abc"


class FromList:
    __slots__ = ["b", "a"]


class FromDict:
    __slots__ = {"b": "doc b", "a": None}


class FromIter:
    __slots__ = iter(["y", "x"])


class Mangled:
    __slots__ = ("__x", "y__", "__z__", "b", "a", "__dict__", "__weakref__")


class _:
    __slots__ = ("__x",)


class Documented:
    "doc"
    __slots__ = ("b", "a")


print(keys(FromStr), keys(FromList), keys(FromDict))
print(keys(FromIter), type(FromIter.__slots__).__name__, FromDict.a.__doc__)
print(keys(Mangled))
print(keys(_), keys(Documented))


class Plain:
    pass


class Err(Exception):
    pass


class Meta(type):
    pass


class ListSub(list):
    pass


print(keys(Plain), keys(Err), keys(Meta), keys(ListSub))

# ====== member descriptors


class Particle:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self):
        self.x += 1


class Outer:
    class Inner:
        __slots__ = ("v",)


d = Particle.x
print(type(d), d, d.__name__, d.__qualname__, d.__objclass__, d.__doc__)
print(Outer.Inner.v.__qualname__, Outer.Inner.v)
print(d.__get__(None, Particle) is d, d.__get__(None, int) is d)
p = Particle(1, 2)
print(d.__get__(p), d.__get__(p, Particle))
d.__set__(p, 10)
print(p.x)
d.__delete__(p)
print(hasattr(p, "x"))
for source in ["d.__get__(1)", "d.__set__(1, 2)", "d.__delete__(1)", "d.__get__(None, None)",
               "d.foo = 1", "p.x", "del p.x", "p.z = 1", "p.z", "del p.z", "p.move = 1",
               "del p.move", "p.__dict__", "p.__weakref__", "vars(p)", "weakref.ref(p)"]:
    try:
        exec(source)
        print(source, "ok")
    except (AttributeError, TypeError) as e:
        print(source, type(e).__name__, e)
p.x = 5
print(p.x, p.y, hasattr(p, "__dict__"))

# ====== getset descriptors
g = Plain.__dict__["__dict__"]
w = Plain.__dict__["__weakref__"]
print(type(g), g, w, g.__name__, g.__qualname__, g.__objclass__)
obj = Plain()
print(g.__get__(obj), g.__get__(None, Plain) is g, w.__get__(obj))
obj.__dict__ = {"a": 1}
print(obj.a, vars(obj))
del obj.__dict__
print(obj.__dict__)
r = weakref.ref(obj)
print(obj.__weakref__ is r)
for source in ["obj.__dict__ = 1", "obj.__weakref__ = 1", "del obj.__weakref__", "g.__get__(1)",
               "w.__get__(1)"]:
    try:
        exec(source)
        print(source, "ok")
    except (AttributeError, TypeError) as e:
        print(source, type(e).__name__, e)

# ====== inheritance, mixins, dicts and weakrefs


class Charged(Particle):
    __slots__ = ("charge",)


class Free(Charged):
    pass


c = Charged(1, 2)
c.charge = 3
f = Free(4, 5)
f.charge = 6
f.extra = 7
print(c.x, c.y, c.charge, f.x, f.charge, f.extra, f.__dict__)
print(hasattr(c, "__dict__"), Charged.x is Particle.x, Free.charge is Charged.charge)
print(keys(Free))


class Mixin1:
    __slots__ = ()


class Mixin2:
    __slots__ = ()


class Mixed(Mixin1, Particle, Mixin2):
    __slots__ = ("k",)


m = Mixed(1, 2)
m.k = 3
print(m.x, m.y, m.k, hasattr(m, "__dict__"), [k.__name__ for k in Mixed.__mro__])


class WithDictMixin(Particle, Plain):
    pass


wd = WithDictMixin(1, 2)
wd.q = 1
print(wd.__dict__, weakref.ref(wd)() is wd)


class SlotDict:
    __slots__ = ("x", "__dict__")


sd = SlotDict()
sd.x = 1
sd.y = 2
print(sd.x, sd.__dict__, vars(sd))


class WeakSlot:
    __slots__ = ("x", "__weakref__")


ws = WeakSlot()
wr = weakref.ref(ws)
print(wr() is ws, ws.__weakref__ is wr, hasattr(ws, "__dict__"))
del ws
print(wr())


class ErrSlots(Exception):
    __slots__ = ("code",)


e = ErrSlots("m")
e.code = 4
e.more = 5
print(e, e.code, e.more, e.__dict__)


class ListSlots(list):
    __slots__ = ("n",)


ls = ListSlots([1, 2])
ls.n = 2
print(ls, ls.n, hasattr(ls, "__dict__"))


class StrSlots(str):
    __slots__ = ("tag",)


class StrMore(StrSlots):
    pass


s = StrSlots("hello")
s.tag = [1]
s2 = StrMore("ab")
s2.tag = 3
s2.extra = 4
print(s, s.tag, s.upper(), hasattr(s, "__dict__"), s2, s2.tag, s2.__dict__)
print(weakref.ref(s2)() is s2)
try:
    weakref.ref(s)
except TypeError as e:
    print(e)


class TupleNoDict(tuple):
    __slots__ = ()


t = TupleNoDict((1, 2))
print(t, hasattr(t, "__dict__"))
try:
    t.a = 1
except AttributeError as e:
    print(e)


class Private:
    __slots__ = ("__secret",)

    def set(self, v):
        self.__secret = v

    def get(self):
        return self.__secret


pv = Private()
pv.set(5)
print(pv.get(), pv._Private__secret)

# ====== the collector and lifetimes


class Node:
    __slots__ = ("other", "__weakref__")


class Dying:
    __slots__ = ("other", "name")

    def __del__(self):
        print("del", self.name)


a = Node()
b = Node()
a.other = b
b.other = a
wa = weakref.ref(a)
del a, b
gc.collect()
print("cycle", wa())
x = Dying()
x.name = "x"
x.other = x
del x
gc.collect()
print("after collect")
holder = Dying()
holder.name = "holder"
n = Node()
holder.other = n
wn = weakref.ref(n)
del n
print(wn() is not None)
del holder
print(wn())

# ====== inline caches: slot and property kinds, polymorphic sites, invalidation


class Vec:
    __slots__ = ("_x",)

    def __init__(self, x):
        self._x = x

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, value):
        self._x = value * 2

    @property
    def fails(self):
        raise ValueError("boom")

    @property
    def missing(self):
        return self.nothing


class Vec2(Vec):
    __slots__ = ("_y",)


def read_all(objs):
    return [o.x for o in objs]


v = Vec(1)
v2 = Vec2(2)
for i in range(3):
    v.x = i
    print(v.x, read_all([v, v2, Vec(5)]))
for source in ["v.fails", "v.missing"]:
    for i in range(2):
        try:
            exec(source)
        except (AttributeError, ValueError) as e:
            print(source, type(e).__name__, e)


def load_x(o):
    return o._x


vals = []
for i in range(4):
    obj = Vec(i)
    if i == 2:
        del obj._x
    try:
        vals.append(load_x(obj))
    except AttributeError as e:
        vals.append(str(e))
print(vals)
Vec.x = property(lambda self: "replaced")
print(read_all([v, v2]))
del Vec.x
print(read_all([v]) if hasattr(v, "x") else "no x")


def store(o, value):
    o._x = value


for i in range(3):
    store(v, i)
print(v._x)


# ====== __class__ assignment: only between classes of the same layout


class WithF:
    def f(self):
        return "WithF"


class OtherF:
    def f(self):
        return "OtherF"


class SlotX:
    __slots__ = ("x",)


class SlotX2:
    __slots__ = ("x",)


class SlotY:
    __slots__ = ("y",)


class SlotXSub(SlotX):
    pass


class SlotXEmpty(SlotX):
    __slots__ = ()


class DictOnly:
    __slots__ = ("__dict__",)


class ListA(list):
    pass


class ListB(list):
    pass


wf = WithF()
wf.v = 1
wf.__class__ = OtherF
print(type(wf).__name__, wf.f(), wf.v, wf.__dict__)
sx = SlotX()
sx.x = 5
sx.__class__ = SlotX2
print(type(sx).__name__, sx.x)
sx.__class__ = SlotX
sx.__class__ = SlotXEmpty
print(type(sx).__name__, sx.x)
la = ListA([1])
la.__class__ = ListB
print(type(la).__name__, la)
for obj, target in [(sx, SlotY), (sx, WithF), (sx, SlotXSub), (sx, int), (sx, 1), (wf, DictOnly),
                    (la, WithF), (wf, ListA)]:
    try:
        obj.__class__ = target
        print("assigned", type(obj).__name__)
    except TypeError as e:
        print(e)
try:
    del wf.__class__
except TypeError as e:
    print(e)


# ====== property sites: getters the eval loop cannot push itself (defaults, generators,
# keyword-only), a getter that deletes its property, recursion, a member replaced on the class
import sys


class P:
    __slots__ = ("v",)
    def __init__(self): self.v = 3
    @property
    def withdef(self, extra=10): return self.v + extra
    @property
    def gen(self):
        yield self.v
    @property
    def selfdel(self):
        del P.selfdel
        return "deleted"
    @property
    def deep(self):
        return self.deep
    @property
    def kw(self, *, k=5): return k
class Q(P):
    withdef = 7
def read(o, i):
    if i == 0: return o.withdef
    if i == 1: return list(o.gen)
    if i == 2: return o.kw
for _ in range(3):
    print([read(o, i) for o in (P(), Q()) for i in range(3)])
for _ in range(2):
    try: print(P().selfdel)
    except AttributeError as e: print("AttributeError", e)
sys.setrecursionlimit(200)
try: P().deep
except RecursionError as e: print("RecursionError")
def reads(o): return o.v
class R:
    __slots__ = ("v",)
r = R(); r.v = 1; p = P()
print([reads(x) for x in (p, r, p, r)])
R.v = 5
print([reads(x) for x in (p, r)])


# ====== __slots__ over other built-in bases (exceptions, int, float, set, bytes, type, str),
# cycles through their slot words
def t2(src):
    try:
        exec(src, {})
    except Exception as e:
        print(type(e).__name__, e)
t2("class C(Exception):\n __slots__=('__dict__',)")
t2("class I(int):\n __slots__=()\ni=I(5); print(i+1, hasattr(i,'__dict__'))\ni.a=1")
t2("class F(float):\n __slots__=('a',)\nf=F(1.5); f.a=2; print(f, f.a, hasattr(f,'__dict__'))")
t2("class S(set):\n __slots__=('a',)\ns=S([1]); s.a=[s]; print(s, s.a[0] is s)")
t2("class B(bytes):\n __slots__=()\nb=B(b'x'); print(b, hasattr(b,'__dict__'))")
t2("class M(type):\n __slots__=()\nclass X(metaclass=M): pass\nprint(X)")
t2("class E(Exception):\n __slots__=('a','__weakref__')")
t2("class A:\n __slots__=('a','__weakref__')\nclass B(A):\n __slots__=('__weakref__',)")
t2("class A:\n __slots__=('a',)\nclass B(A):\n __slots__=('__dict__','b')\nb=B(); b.a=1; b.b=2; b.c=3; print(b.a,b.b,b.c,b.__dict__)")
class Cyc(Exception):
    __slots__ = ("other", "__weakref__")
c = Cyc(); c.other = c; w = weakref.ref(c); del c; gc.collect(); print(w())
try:
    weakref.ref(ErrSlots())
except TypeError as e:
    print(e)
class Cyc2(float):
    __slots__ = ("other", "__weakref__")
c = Cyc2(1.0); c.other = c; w = weakref.ref(c); del c; gc.collect(); print(w())
class Cyc3(str):
    __slots__ = ("other", "__weakref__")
c = Cyc3("s"); c.other = c; w = weakref.ref(c); del c; gc.collect(); print(w())

# Expected output (python3 3.11):
# expect: ValueError 'x' in __slots__ conflicts with class variable
# expect: ValueError 'move' in __slots__ conflicts with class variable
# expect: ValueError '__module__' in __slots__ conflicts with class variable
# expect: TypeError __dict__ slot disallowed: we already got one
# expect: TypeError __dict__ slot disallowed: we already got one
# expect: TypeError __weakref__ slot disallowed: either we already got one, or __itemsize__ != 0
# expect: TypeError __weakref__ slot disallowed: either we already got one, or __itemsize__ != 0
# expect: TypeError __slots__ items must be strings, not 'int'
# expect: TypeError __slots__ must be identifiers
# expect: TypeError 'int' object is not iterable
# expect: TypeError nonempty __slots__ not supported for subtype of 'int'
# expect: TypeError nonempty __slots__ not supported for subtype of 'int'
# expect: TypeError nonempty __slots__ not supported for subtype of 'tuple'
# expect: ok
# expect: TypeError nonempty __slots__ not supported for subtype of 'type'
# expect: TypeError multiple bases have instance lay-out conflict
# expect: ok
# expect: TypeError multiple bases have instance lay-out conflict
# expect: ok
# expect: ok
# expect: ['__module__', '__slots__', 'abc', '__doc__'] ['__module__', '__slots__', 'a', 'b', '__doc__'] ['__module__', '__slots__', 'a', 'b', '__doc__']
# expect: ['__module__', '__slots__', 'x', 'y', '__doc__'] list_iterator None
# expect: ['__module__', '__slots__', '_Mangled__x', '__z__', 'a', 'b', 'y__', '__dict__', '__weakref__', '__doc__']
# expect: ['__module__', '__slots__', '__x', '__doc__'] ['__module__', '__doc__', '__slots__', 'a', 'b']
# expect: ['__module__', '__dict__', '__weakref__', '__doc__'] ['__module__', '__weakref__', '__doc__'] ['__module__', '__doc__'] ['__module__', '__dict__', '__weakref__', '__doc__']
# expect: <class 'member_descriptor'> <member 'x' of 'Particle' objects> x Particle.x <class '__main__.Particle'> None
# expect: Outer.Inner.v <member 'v' of 'Inner' objects>
# expect: True True
# expect: 1 1
# expect: 10
# expect: False
# expect: d.__get__(1) TypeError descriptor 'x' for 'Particle' objects doesn't apply to a 'int' object
# expect: d.__set__(1, 2) TypeError descriptor 'x' for 'Particle' objects doesn't apply to a 'int' object
# expect: d.__delete__(1) TypeError descriptor 'x' for 'Particle' objects doesn't apply to a 'int' object
# expect: d.__get__(None, None) TypeError __get__(None, None) is invalid
# expect: d.foo = 1 AttributeError 'member_descriptor' object has no attribute 'foo'
# expect: p.x AttributeError 'Particle' object has no attribute 'x'
# expect: del p.x AttributeError x
# expect: p.z = 1 AttributeError 'Particle' object has no attribute 'z'
# expect: p.z AttributeError 'Particle' object has no attribute 'z'
# expect: del p.z AttributeError 'Particle' object has no attribute 'z'
# expect: p.move = 1 AttributeError 'Particle' object attribute 'move' is read-only
# expect: del p.move AttributeError 'Particle' object attribute 'move' is read-only
# expect: p.__dict__ AttributeError 'Particle' object has no attribute '__dict__'
# expect: p.__weakref__ AttributeError 'Particle' object has no attribute '__weakref__'
# expect: vars(p) TypeError vars() argument must have __dict__ attribute
# expect: weakref.ref(p) TypeError cannot create weak reference to 'Particle' object
# expect: 5 2 False
# expect: <class 'getset_descriptor'> <attribute '__dict__' of 'Plain' objects> <attribute '__weakref__' of 'Plain' objects> __dict__ Plain.__dict__ <class '__main__.Plain'>
# expect: {} True None
# expect: 1 {'a': 1}
# expect: {}
# expect: True
# expect: obj.__dict__ = 1 TypeError __dict__ must be set to a dictionary, not a 'int'
# expect: obj.__weakref__ = 1 AttributeError attribute '__weakref__' of 'Plain' objects is not writable
# expect: del obj.__weakref__ AttributeError attribute '__weakref__' of 'Plain' objects is not writable
# expect: g.__get__(1) TypeError descriptor '__dict__' for 'Plain' objects doesn't apply to a 'int' object
# expect: w.__get__(1) TypeError descriptor '__weakref__' for 'Plain' objects doesn't apply to a 'int' object
# expect: 1 2 3 4 6 7 {'extra': 7}
# expect: False True True
# expect: ['__module__', '__dict__', '__weakref__', '__doc__']
# expect: 1 2 3 False ['Mixed', 'Mixin1', 'Particle', 'Mixin2', 'object']
# expect: {'q': 1} True
# expect: 1 {'y': 2} {'y': 2}
# expect: True True False
# expect: None
# expect: m 4 5 {'more': 5}
# expect: [1, 2] 2 False
# expect: hello [1] HELLO False ab 3 {'extra': 4}
# expect: True
# expect: cannot create weak reference to 'StrSlots' object
# expect: (1, 2) False
# expect: 'TupleNoDict' object has no attribute 'a'
# expect: 5 5
# expect: cycle None
# expect: del x
# expect: after collect
# expect: True
# expect: del holder
# expect: None
# expect: 0 [0, 2, 5]
# expect: 2 [2, 2, 5]
# expect: 4 [4, 2, 5]
# expect: v.fails ValueError boom
# expect: v.fails ValueError boom
# expect: v.missing AttributeError 'Vec' object has no attribute 'nothing'
# expect: v.missing AttributeError 'Vec' object has no attribute 'nothing'
# expect: [0, 1, "'Vec' object has no attribute '_x'", 3]
# expect: ['replaced', 'replaced']
# expect: no x
# expect: 2
# expect: OtherF OtherF 1 {'v': 1}
# expect: SlotX2 5
# expect: SlotXEmpty 5
# expect: ListB [1]
# expect: __class__ assignment: 'SlotY' object layout differs from 'SlotXEmpty'
# expect: __class__ assignment: 'WithF' object layout differs from 'SlotXEmpty'
# expect: __class__ assignment: 'SlotXSub' object layout differs from 'SlotXEmpty'
# expect: __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: __class__ must be set to a class, not 'int' object
# expect: __class__ assignment: 'DictOnly' object layout differs from 'OtherF'
# expect: __class__ assignment: 'WithF' object layout differs from 'ListB'
# expect: __class__ assignment: 'ListA' object layout differs from 'OtherF'
# expect: can't delete __class__ attribute
# expect: [13, [3], 5, 7, [3], 5]
# expect: [13, [3], 5, 7, [3], 5]
# expect: [13, [3], 5, 7, [3], 5]
# expect: deleted
# expect: AttributeError 'P' object has no attribute 'selfdel'
# expect: RecursionError
# expect: [3, 1, 3, 1]
# expect: [3, 5]
# expect: TypeError __dict__ slot disallowed: we already got one
# expect: 6 False
# expect: AttributeError 'I' object has no attribute 'a'
# expect: 1.5 2 False
# expect: S({1}) True
# expect: b'x' False
# expect: <class 'X'>
# expect: TypeError __weakref__ slot disallowed: either we already got one, or __itemsize__ != 0
# expect: 1 2 3 {'c': 3}
# expect: None
# expect: cannot create weak reference to 'ErrSlots' object
# expect: None
# expect: None
