# C(args) of a plain class with a Python __init__ runs __init__ as a frame of the eval loop
# (CPython 3.12's init shim): the instance is the result once __init__ returns None; any other
# return value raises TypeError at the call; argument errors name C.__init__(); exceptions and
# the recursion limit go through __init__ as through any call.
import sys
import traceback


class Point:
    def __init__(self, x, y=0, *, z=0):
        self.x, self.y, self.z = x, y, z


p = Point(1)
q = Point(1, 2, z=3)
print(type(p).__name__, p.x, p.y, p.z, q.x, q.y, q.z)
# expect: Point 1 0 0 1 2 3


class Returns:
    def __init__(self, value):
        self.value = value
        return value


for value in (None, 5, "s", []):
    try:
        r = Returns(value)
        print("ok", r.value)
    except TypeError as e:
        print("TypeError:", e)
# expect: ok None
# expect: TypeError: __init__() should return None, not 'int'
# expect: TypeError: __init__() should return None, not 'str'
# expect: TypeError: __init__() should return None, not 'list'

for args, kwargs in (((), {}), ((1, 2, 3), {}), ((1,), {"w": 2}), ((1,), {"x": 2})):
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
# expect: TypeError: Point.__init__() missing 1 required positional argument: 'x'
# expect: TypeError: Point.__init__() takes from 2 to 3 positional arguments but 4 were given
# expect: TypeError: Point.__init__() got an unexpected keyword argument 'w'
# expect: TypeError: Point.__init__() got multiple values for argument 'x'

try:
    Point()
except TypeError:
    pass
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
# expect: Point.__init__() takes from 2 to 3 positional arguments but 4 were given


class Fails:
    def __init__(self, n):
        self.n = n
        if n:
            raise ValueError(n)


def make(n):
    return Fails(n)


try:
    make(3)
except ValueError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print("ValueError", e, [frame.name for frame in tb])
# expect: ValueError 3 ['<module>', 'make', '__init__']
print(make(0).n)
# expect: 0


class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1)


try:
    Deep(0)
except RecursionError as e:
    print("RecursionError:", e)
# expect: RecursionError: maximum recursion depth exceeded


class Chain:
    def __init__(self, n):
        self.next = Chain(n - 1) if n else None


def length(node):
    count = 0
    while node:
        count += 1
        node = node.next
    return count


print(length(Chain(sys.getrecursionlimit() // 3)) == sys.getrecursionlimit() // 3 + 1)
# expect: True


# Subclasses, inherited __init__, super().__init__, __new__ written in Python, a metaclass with
# __call__, an __init__ that is a generator, a __init__ that rebinds self.
class Base:
    def __init__(self, tag):
        self.tag = tag


class Derived(Base):
    def __init__(self, tag, extra):
        super().__init__(tag)
        self.extra = extra


class Inherits(Base):
    pass


d = Derived("a", 1)
i = Inherits("b")
print(type(d).__name__, d.tag, d.extra, type(i).__name__, i.tag)
# expect: Derived a 1 Inherits b


class WithNew:
    def __new__(cls, value):
        obj = super().__new__(cls)
        obj.from_new = value * 2
        return obj

    def __init__(self, value):
        self.value = value


w = WithNew(4)
print(w.from_new, w.value)
# expect: 8 4


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)


class Counted(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(Counted(7).a)
# expect: Meta.__call__ Counted (7,)
# expect: 7


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: __init__() should return None, not 'generator'


class Rebinds:
    def __init__(self, x):
        self.x = x
        self = None


print(Rebinds(5).x)
# expect: 5


class Replaced:
    def __init__(self):
        self.v = 1


obj = Replaced()
Replaced.__init__ = lambda self: setattr(self, "v", 2)
print(obj.v, Replaced().v)
# expect: 1 2


# __init__ that throws into / closes a generator it owns, and a generator that creates instances.
class Holder:
    def __init__(self, gen):
        self.first = next(gen)
        try:
            gen.throw(KeyError("k"))
        except KeyError as e:
            self.thrown = repr(e)
        gen.close()


def producer():
    yield Point(10)
    yield Point(20)


h = Holder(producer())
print(h.first.x, h.thrown)
# expect: 10 KeyError('k')
print([p.x for p in producer()])
# expect: [10, 20]
print(sum(Point(x).x for x in range(5)))
# expect: 10
