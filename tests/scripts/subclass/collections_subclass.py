# collections types built on subclassing: UserString, OrderedDict, defaultdict, Counter, namedtuple.
import collections
from collections import Counter, OrderedDict, UserString, defaultdict, namedtuple

u = UserString("abc")
print(u, repr(u), u.upper(), type(u.upper()).__name__, u + "d", len(u), u[1], "b" in u, u == "abc")

od = OrderedDict(a=1, b=2)
od["c"] = 3
od.move_to_end("a")
print(od, list(od), isinstance(od, dict), od.popitem(), od == {"b": 2, "c": 3})

dd = defaultdict(list)
dd["x"].append(1)
print(dd, dict(dd), isinstance(dd, dict), dd["y"], len(dd))

c = Counter("abracadabra")
print(c.most_common(2), c["z"], isinstance(c, dict), sorted(c.elements())[:3])

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], isinstance(p, tuple), p._asdict(), p._replace(x=5), Point._make([3, 4]), p == (1, 2))
a, b = p
print(a, b, hash(p) == hash((1, 2)), Point._fields, p + (3,), len(p), tuple(p), list(p))


class Point3(namedtuple("Point3", "x y z")):
    __slots__ = ()

    @property
    def norm(self):
        return abs(self.x) + abs(self.y) + abs(self.z)

    def __str__(self):
        return "P3"


q = Point3(1, -2, 3)
print(q, repr(q), q.norm, f"{q}", q._replace(z=0))
import copy

print(copy.copy(p), copy.deepcopy(q), copy.copy(q) == q, type(copy.copy(q)).__name__)

# expect: abc 'abc' ABC UserString abcd 3 b True True
# expect: OrderedDict([('b', 2), ('c', 3)]) ['b', 'c', 'a'] True ('a', 1) True
# expect: defaultdict(<class 'list'>, {'x': [1], 'y': []}) {'x': [1]} True [] 2
# expect: [('a', 5), ('b', 2)] 0 True ['a', 'a', 'a']
# expect: Point(x=1, y=2) 1 2 True {'x': 1, 'y': 2} Point(x=5, y=2) Point(x=3, y=4) True
# expect: 1 2 True ('x', 'y') (1, 2, 3) 2 (1, 2) [1, 2]
# expect: P3 Point3(x=1, y=-2, z=3) 6 P3 P3
# expect: Point(x=1, y=2) P3 True Point3
