# Instance attributes kept inline with keys shared per class (CPython 3.11's layout): what
# __dict__, vars(), dir(), deletes and inline caches show must equal a per-instance dict's.
import copy
import gc
import weakref


class P:
    pass


def show(label, obj):
    print(label, vars(obj), list(obj.__dict__))


# insertion order per instance, two instances adding names in different orders
a = P()
a.x = 1
a.y = 2
b = P()
b.y = 3
b.x = 4
show("a", a)
show("b", b)
c = P()
c.z = 5
c.x = 6
show("c", c)

# deletes, re-adds, replacing a value keeps its place
d = P()
d.x = 1
d.y = 2
d.z = 3
del d.y
show("d1", d)
d.y = 4
show("d2", d)
d.x = 10
show("d3", d)
del d.z
del d.y
d.y = 7
show("d4", d)
try:
    del d.nope
except AttributeError as e:
    print("AttributeError", e)
try:
    d.z
except AttributeError as e:
    print("AttributeError", e)

# the dict handed out stays live both ways
e = P()
e.x = 1
ed = e.__dict__
e.y = 2
print("live1", ed)
ed["z"] = 3
print("live2", e.z, ed is e.__dict__, vars(e) is ed)
del e.x
print("live3", ed)
ed.clear()
print("live4", hasattr(e, "y"), vars(e))
e.w = 9
print("live5", ed, e.w)

# __dict__ assignment and deletion
f = P()
f.x = 1
f.__dict__ = {"k": 1, "j": 2}
print("assign1", vars(f), hasattr(f, "x"), f.k)
f.m = 3
print("assign2", vars(f))
g = P()
g.a = 1
nd = {"q": 5}
g.__dict__ = nd
g.r = 6
print("assign3", nd, g.q)
try:
    g.__dict__ = [1]
except TypeError as exc:
    print("TypeError", exc)

# more names than the shared keys hold
class Many:
    pass


m = Many()
for i in range(45):
    setattr(m, "attr%d" % i, i)
print("many", len(vars(m)), list(vars(m))[:3], list(vars(m))[-3:], m.attr44, getattr(m, "attr0"))
m2 = Many()
for i in reversed(range(40)):
    setattr(m2, "attr%d" % i, -i)
print("many2", list(vars(m2))[:3], m2.attr39, m2.attr5)
m3 = Many()
m3.attr3 = "three"
print("many3", vars(m3))
del m.attr10
print("many4", hasattr(m, "attr10"), len(m.__dict__))

# subclass instances have their own keys, base methods see them
class Base:
    def __init__(self):
        self.base = 1

    def total(self):
        return self.base + self.extra


class Sub(Base):
    def __init__(self):
        self.extra = 2
        super().__init__()


s = Sub()
print("sub", vars(s), s.total(), [Sub().total() for _ in range(3)])

# class attributes, shadowing by instance attributes, methods shadowed later
class K:
    limit = 10

    def m(self):
        return "method"


def read_limit(o):
    return o.limit


def call_m(o):
    return o.m()


ks = [K() for _ in range(4)]
print("class", [read_limit(k) for k in ks], [call_m(k) for k in ks])
ks[1].limit = 99
ks[2].m = lambda: "shadow"
print("shadow", [read_limit(k) for k in ks], [call_m(k) for k in ks])
K.limit = 11
del ks[1].limit
print("after", [read_limit(k) for k in ks], [call_m(k) for k in ks])
K.m = lambda self: "new method"
print("rebound", [call_m(k) for k in ks])

# hot loops through the caches on instances in every state
class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def norm1(p):
    return p.x + p.y


pts = [Pt(i, i * 2) for i in range(5)]
pts[2].__dict__  # materialized
pts[3].z = 0
del pts[4].x
pts[4].x = 100
for p in pts:
    p.x = p.x + 1
print("loop", [norm1(p) for p in pts], [list(vars(p)) for p in pts])

# dir() and getattr with names built at run time
q = P()
q.alpha = 1
setattr(q, "be" + "ta", 2)
print("dir", [n for n in dir(q) if not n.startswith("__")], getattr(q, "bet" + "a"))
print("contains", "alpha" in q.__dict__, q.__dict__.get("beta"))

# gc cycles through inline values, weak references
class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


dead = []
n1 = Node(None, None)
n2 = Node(n1, None)
n1.right = n2
r1 = weakref.ref(n1, lambda ref: dead.append("n1"))
r2 = weakref.ref(n2)
del n1, n2
gc.collect()
print("cycle", dead, r1() is None, r2() is None)

class Holder:
    pass


h = Holder()
h.me = h
h.data = [h]
wr = weakref.ref(h)
del h
gc.collect()
print("self cycle", wr() is None)

# __del__ reads and writes attributes while the instance goes away
class Fin:
    def __init__(self):
        self.name = "fin"

    def __del__(self):
        self.extra = 1
        print("del", vars(self))


fo = Fin()
del fo

# many instances of one class
objs = [Node(i, -i) for i in range(1000)]
print("nodes", sum(o.left + o.right for o in objs), vars(objs[999]))

# __dict__ deleted, __class__ assigned between classes with their own keys, copy
class A:
    def __init__(self):
        self.a = 1
        self.b = 2


class B:
    def __init__(self):
        self.b = 20
        self.c = 30


x = A()
del x.__dict__
print("deleted", vars(x), hasattr(x, "a"))
x.z = 5
print("after delete", vars(x))
y = A()
y.__class__ = B
print("class", type(y).__name__, vars(y), y.a)
y.c = 3
print("class2", vars(y), [vars(B()) for _ in range(2)])
z = A()
w = copy.copy(z)
w.extra = 1
print("copy", vars(z), vars(w), vars(copy.deepcopy(w)))

# expect: a {'x': 1, 'y': 2} ['x', 'y']
# expect: b {'y': 3, 'x': 4} ['y', 'x']
# expect: c {'z': 5, 'x': 6} ['z', 'x']
# expect: d1 {'x': 1, 'z': 3} ['x', 'z']
# expect: d2 {'x': 1, 'z': 3, 'y': 4} ['x', 'z', 'y']
# expect: d3 {'x': 10, 'z': 3, 'y': 4} ['x', 'z', 'y']
# expect: d4 {'x': 10, 'y': 7} ['x', 'y']
# expect: AttributeError 'P' object has no attribute 'nope'
# expect: AttributeError 'P' object has no attribute 'z'
# expect: live1 {'x': 1, 'y': 2}
# expect: live2 3 True True
# expect: live3 {'y': 2, 'z': 3}
# expect: live4 False {}
# expect: live5 {'w': 9} 9
# expect: assign1 {'k': 1, 'j': 2} False 1
# expect: assign2 {'k': 1, 'j': 2, 'm': 3}
# expect: assign3 {'q': 5, 'r': 6} 5
# expect: TypeError __dict__ must be set to a dictionary, not a 'list'
# expect: many 45 ['attr0', 'attr1', 'attr2'] ['attr42', 'attr43', 'attr44'] 44 0
# expect: many2 ['attr39', 'attr38', 'attr37'] -39 -5
# expect: many3 {'attr3': 'three'}
# expect: many4 False 44
# expect: sub {'extra': 2, 'base': 1} 3 [3, 3, 3]
# expect: class [10, 10, 10, 10] ['method', 'method', 'method', 'method']
# expect: shadow [10, 99, 10, 10] ['method', 'method', 'shadow', 'method']
# expect: after [11, 11, 11, 11] ['method', 'method', 'shadow', 'method']
# expect: rebound ['new method', 'new method', 'shadow', 'new method']
# expect: loop [1, 4, 7, 10, 109] [['x', 'y'], ['x', 'y'], ['x', 'y'], ['x', 'y', 'z'], ['y', 'x']]
# expect: dir ['alpha', 'beta'] 2
# expect: contains True 2
# expect: cycle ['n1'] True True
# expect: self cycle True
# expect: del {'name': 'fin', 'extra': 1}
# expect: nodes 0 {'left': 999, 'right': -999}
# expect: deleted {} False
# expect: after delete {'z': 5}
# expect: class B {'a': 1, 'b': 2} 1
# expect: class2 {'a': 1, 'b': 2, 'c': 3} [{'b': 20, 'c': 30}, {'b': 20, 'c': 30}]
# expect: copy {'a': 1, 'b': 2} {'a': 1, 'b': 2, 'extra': 1} {'a': 1, 'b': 2, 'extra': 1}
