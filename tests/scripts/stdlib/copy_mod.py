# copy: shallow and deep copies of containers, instances, cycles, __copy__/__deepcopy__.
import copy
from collections import Counter, OrderedDict, defaultdict, deque

data = {"a": [1, [2, 3]], "b": (4, [5])}
shallow = copy.copy(data)
deep = copy.deepcopy(data)
data["a"][1].append(99)
print(shallow["a"][1], deep["a"][1], shallow["a"] is data["a"], deep["b"] is data["b"])
t = (1, 2, "x")
print(copy.deepcopy(t) is t, copy.copy([1, 2]) == [1, 2], copy.copy(5), copy.deepcopy("s"))


class Point:
    def __init__(self, x, tags):
        self.x = x
        self.tags = tags


p = Point(1, ["a"])
q = copy.copy(p)
r = copy.deepcopy(p)
p.tags.append("b")
print(type(q).__name__, q.x, q.tags, r.tags, q is not p)
cyclic = [1]
cyclic.append(cyclic)
cc = copy.deepcopy(cyclic)
print(cc[1] is cc, cc[0], cc is not cyclic)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        return Custom("copied " + self.v)

    def __deepcopy__(self, memo):
        return Custom("deep " + self.v)


print(copy.copy(Custom("x")).v, copy.deepcopy(Custom("y")).v)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]
        self.b = 2


s2 = copy.deepcopy(Slotted())
print(s2.a, s2.b)
dd = defaultdict(list, {"k": [1]})
dd2 = copy.deepcopy(dd)
dd["k"].append(2)
print(dd2, copy.copy(deque([1, 2], maxlen=3)), copy.deepcopy(Counter("aab")), copy.copy(OrderedDict(a=1)))
shared = [0]
both = copy.deepcopy([shared, shared])
print(both[0] is both[1], copy.copy({1, 2}), copy.deepcopy(frozenset([1])))
# expect: [2, 3, 99] [2, 3] True False
# expect: True True 5 s
# expect: Point 1 ['a', 'b'] ['a'] True
# expect: True 1 True
# expect: copied x deep y
# expect: [1] 2
# expect: defaultdict(<class 'list'>, {'k': [1]}) deque([1, 2], maxlen=3) Counter({'a': 2, 'b': 1}) OrderedDict([('a', 1)])
# expect: True {1, 2} frozenset({1})
