# collections: namedtuple, deque, defaultdict, OrderedDict, Counter, ChainMap.
from collections import ChainMap, Counter, OrderedDict, defaultdict, deque, namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], p._fields, p._asdict(), p._replace(x=5), Point._make([3, 4]))
print(isinstance(p, tuple), len(p), p == (1, 2), Point.__name__)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9])
print(P3(1), P3._field_defaults, P3(1, 2, 3))
for bad in (["a", "a"], ["_x"], ["def"], ["1a"]):
    try:
        namedtuple("T", bad)
    except ValueError as e:
        print(e)
print(namedtuple("R", ["a", "def", "a"], rename=True)._fields)
try:
    p._replace(z=1)
except ValueError as e:
    print(e)

d = deque([1, 2, 3], maxlen=4)
d.append(4)
d.append(5)
d.appendleft(0)
print(d, d.maxlen, len(d), d[0], d[-1])
d.rotate(1)
print(d, d.popleft(), d.pop(), d)
d.extendleft([7, 8])
print(d, list(reversed(d)), 3 in d, d.count(3))
d2 = deque()
for i in range(100):
    d2.append(i)
for i in range(60):
    d2.popleft()
print(len(d2), d2[0], d2[-1], deque("abc"), deque())
try:
    deque().pop()
except IndexError as e:
    print(e)

dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, dd["a"], "c" in dd, dict(dd))
dn = defaultdict(None, {"x": 1})
print(dn)
try:
    dn["missing"]
except KeyError as e:
    print("KeyError", e)

od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a")
print(od, list(od))
od.move_to_end("a", last=False)
print(od.popitem(), od.popitem(last=False), od, OrderedDict())
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})

c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], sorted(c.elements())[:5])
c.update("aaz")
c.subtract({"a": 1})
print(c["a"], c["z"], c.total())
c1, c2 = Counter(a=3, b=1), Counter(a=1, b=2)
print(c1 + c2, c1 - c2, c1 | c2, c1 & c2, -Counter(a=-2), Counter())

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm)
child = cm.new_child({"c": 4})
print(child["c"], child.parents, dict(child))
# expect: Point(x=1, y=2) 1 2 ('x', 'y') {'x': 1, 'y': 2} Point(x=5, y=2) Point(x=3, y=4)
# expect: True 2 True Point
# expect: P3(a=1, b=0, c=9) {'b': 0, 'c': 9} P3(a=1, b=2, c=3)
# expect: Encountered duplicate field name: 'a'
# expect: Field names cannot start with an underscore: '_x'
# expect: Type names and field names cannot be a keyword: 'def'
# expect: Type names and field names must be valid identifiers: '1a'
# expect: ('a', '_1', '_2')
# expect: Got unexpected field names: ['z']
# expect: deque([0, 2, 3, 4], maxlen=4) 4 4 0 4
# expect: deque([0, 2], maxlen=4) 4 3 deque([0, 2], maxlen=4)
# expect: deque([8, 7, 0, 2], maxlen=4) [2, 0, 7, 8] False 0
# expect: 40 60 99 deque(['a', 'b', 'c']) deque([])
# expect: pop from an empty deque
# expect: defaultdict(<class 'list'>, {'a': [1], 'b': []}) [1] False {'a': [1], 'b': []}
# expect: defaultdict(None, {'x': 1})
# expect: KeyError 'missing'
# expect: OrderedDict([('b', 2), ('c', 3), ('a', 1)]) ['b', 'c', 'a']
# expect: ('c', 3) ('a', 1) OrderedDict([('b', 2)]) OrderedDict()
# expect: False True
# expect: Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) [('a', 5), ('b', 2)] 0 ['a', 'a', 'a', 'a', 'a']
# expect: 6 1 13
# expect: Counter({'a': 4, 'b': 3}) Counter({'a': 2}) Counter({'a': 3, 'b': 2}) Counter({'a': 1, 'b': 1}) Counter({'a': 2}) Counter()
# expect: 1 3 2 ['a', 'b'] ChainMap({'a': 1}, {'a': 2, 'b': 3})
# expect: 4 ChainMap({'a': 1}, {'a': 2, 'b': 3}) {'a': 1, 'b': 3, 'c': 4}
