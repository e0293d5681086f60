# Attribute sites seeing several receiver types (polymorphic inline caches) and class dicts as
# read-only mappingproxy views: every answer must equal the generic protocol's, whatever the
# site saw before.
import types


class Base:
    kind = "base"

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def name(self):
        return "Base"


class A(Base):
    def name(self):
        return "A"


class B(Base):
    kind = "b"

    @property
    def v(self):
        return "prop"

    @v.setter
    def v(self, value):
        self._v = value


class C(Base):
    def __getattr__(self, name):
        return "missing:" + name


class D(A):
    __slots__ = ("w",)


class E(Base):
    pass


def read(objs):
    return [(o.v, o.kind, o.name(), o.get()) for o in objs]


objs = [Base(1), A(2), B(3), C(4), D(5), E(6)]
for _ in range(3):
    print(read(objs))
# expect: [(1, 'base', 'Base', 1), (2, 'base', 'A', 2), ('prop', 'b', 'Base', 'prop'), (4, 'base', 'Base', 4), (5, 'base', 'A', 5), (6, 'base', 'Base', 6)]
# expect: [(1, 'base', 'Base', 1), (2, 'base', 'A', 2), ('prop', 'b', 'Base', 'prop'), (4, 'base', 'Base', 4), (5, 'base', 'A', 5), (6, 'base', 'Base', 6)]
# expect: [(1, 'base', 'Base', 1), (2, 'base', 'A', 2), ('prop', 'b', 'Base', 'prop'), (4, 'base', 'Base', 4), (5, 'base', 'A', 5), (6, 'base', 'Base', 6)]

# A class change is seen at once by every way of a warm site.
A.kind = "a"
Base.name = lambda self: "patched"
del A.name
print(read(objs))
# expect: [(1, 'base', 'patched', 1), (2, 'a', 'patched', 2), ('prop', 'b', 'patched', 'prop'), (4, 'base', 'patched', 4), (5, 'a', 'patched', 5), (6, 'base', 'patched', 6)]

# Instance attributes shadowing methods and class attributes, then deleted again.
objs[1].name = lambda: "own"
objs[5].kind = "own kind"
print(read(objs))
# expect: [(1, 'base', 'patched', 1), (2, 'a', 'own', 2), ('prop', 'b', 'patched', 'prop'), (4, 'base', 'patched', 4), (5, 'a', 'patched', 5), (6, 'own kind', 'patched', 6)]
del objs[1].name, objs[5].kind
print(read(objs))
# expect: [(1, 'base', 'patched', 1), (2, 'a', 'patched', 2), ('prop', 'b', 'patched', 'prop'), (4, 'base', 'patched', 4), (5, 'a', 'patched', 5), (6, 'base', 'patched', 6)]


# A store site seeing many types, some of them through a data descriptor.
def store(objs, value):
    for o in objs:
        o.v = value
    return [o.__dict__.get("v", o.__dict__.get("_v")) if hasattr(o, "__dict__") else o.v
            for o in objs]


for i in range(3):
    print(store(objs, i))
# expect: [0, 0, 0, 0, 0, 0]
# expect: [1, 1, 1, 1, 1, 1]
# expect: [2, 2, 2, 2, 2, 2]

# More types at one site than it has ways.
classes = [type("K%d" % i, (Base,), {"kind": i}) for i in range(9)]
ks = [k(i * 10) for i, k in enumerate(classes)]
for _ in range(2):
    print([(k.v, k.kind) for k in ks])
# expect: [(0, 0), (10, 1), (20, 2), (30, 3), (40, 4), (50, 5), (60, 6), (70, 7), (80, 8)]
# expect: [(0, 0), (10, 1), (20, 2), (30, 3), (40, 4), (50, 5), (60, 6), (70, 7), (80, 8)]
print(C(1).nothing, getattr(objs[0], "nothing", "default"))
# expect: missing:nothing default
try:
    objs[2].nothing
except AttributeError as e:
    print(e)
# expect: 'B' object has no attribute 'nothing'

# Class __dict__ is a read-only mappingproxy.
proxy = A.__dict__
print(type(proxy).__name__, type(proxy) is types.MappingProxyType, "kind" in proxy, proxy["kind"])
# expect: mappingproxy True True a
try:
    proxy["kind"] = 1
except TypeError as e:
    print(e)
# expect: 'mappingproxy' object does not support item assignment
try:
    del proxy["kind"]
except TypeError as e:
    print(e)
# expect: 'mappingproxy' object does not support item deletion
print(sorted(k for k in proxy if not k.startswith("__")), proxy.get("zz", 7), len(proxy) > 0)
# expect: ['kind'] 7 True
print(sorted(vars(B))[:3] == sorted(B.__dict__)[:3], dict(proxy)["kind"], proxy.copy()["kind"])
# expect: True a a
m = types.MappingProxyType({"x": 1, "y": 2})
print(m, repr(m), str(m), m == {"x": 1, "y": 2}, list(m.items()), list(reversed(m)))
# expect: {'x': 1, 'y': 2} mappingproxy({'x': 1, 'y': 2}) {'x': 1, 'y': 2} True [('x', 1), ('y', 2)] ['y', 'x']
print(m | {"z": 3}, {"w": 0} | m)
# expect: {'x': 1, 'y': 2, 'z': 3} {'w': 0, 'x': 1, 'y': 2}
try:
    types.MappingProxyType(3)
except TypeError as e:
    print(e)
# expect: mappingproxy() argument must be a mapping, not int
try:
    types.MappingProxyType([1])
except TypeError as e:
    print(e)
# expect: mappingproxy() argument must be a mapping, not list
try:
    hash(m)
except TypeError as e:
    print(e)
# expect: unhashable type: 'mappingproxy'
try:
    m.x = 1
except AttributeError as e:
    print(e)
# expect: 'mappingproxy' object has no attribute 'x'
