# UNPACK_SEQUENCE's exact tuple/list fast path and super() attribute lookup answer as the generic
# protocol: item order, length errors, subclasses, iterables; super's mro walk after the class,
# descriptors' __get__ with the right instance and owner, built-in bases, the AttributeError.
a, b, c = (1, 2, 3)
print(a, b, c)
x, y = [4, 5]
print(x, y)
(p, q), r = [(6, 7), 8]
print(p, q, r)
(s,) = [9]
print(s)
[] = []
() = ()
pairs = [(i, i * i) for i in range(4)]
print([k + v for k, v in pairs])
items = [[1], [2]]
items[1], items[0] = items
print(items)
u, v = (lambda: ([1], [2]))()
print(u, v)
for bad in [(1, 2), [1], (), [], (1, 2, 3, 4), [1, 2, 3, 4, 5]]:
    try:
        a, b, c = bad
    except ValueError as error:
        print(type(bad).__name__, error)
try:
    a, b = 1
except TypeError as error:
    print(error)
try:
    (a,) = None
except TypeError as error:
    print(error)


class LyingTuple(tuple):
    def __iter__(self):
        return iter(("iter", "used"))


class ShortList(list):
    def __iter__(self):
        return iter([1])


a, b = LyingTuple((1, 2))
print(a, b)
try:
    a, b = ShortList([1, 2])
except ValueError as error:
    print(error)
a, b = "hi"
print(a, b)
a, b = {"k": 1, "j": 2}
print(a, b)
a, b = (n for n in range(2))
print(a, b)
try:
    a, b = (n for n in range(3))
except ValueError as error:
    print(error)


def forever(seen):
    while True:
        seen.append(len(seen))
        yield len(seen)


seen = []
try:
    a, b = forever(seen)
except ValueError as error:
    print(error, seen)
try:
    a, b, c = iter([1, 2])
except ValueError as error:
    print(error)


def failing():
    yield 1
    raise KeyError("boom")


for count in (1, 2):
    try:
        if count == 1:
            (a,) = failing()
        else:
            a, b = failing()
    except KeyError as error:
        print("KeyError", error)


class Base:
    tag = "base-tag"

    def __init__(self, value):
        self.value = value

    def get(self):
        return ("Base.get", self.value)

    @classmethod
    def make(cls, value):
        return (cls.__name__, value)

    @staticmethod
    def helper(value):
        return ("helper", value)

    @property
    def prop(self):
        return ("prop", self.value)


class Middle(Base):
    pass


class Derived(Middle):
    def __init__(self, value):
        super().__init__(value * 10)

    def get(self):
        return ("Derived.get", super().get())

    @classmethod
    def make(cls, value):
        return ("Derived.make", super().make(value))

    def all(self):
        return (super().helper(1), super().prop, super().tag)


d = Derived(4)
print(d.value, d.get(), Derived.make(2), d.make(3), d.all())
print(super(Middle, d).get(), super(Base, d).__class__ is super, super().__class__ if False else 0)
print(super(Derived, Derived).get is Base.get, super(Derived, Derived).make(7))
try:
    super(Derived, d).missing
except AttributeError as error:
    print(error)
try:
    super(Base, d).get
except AttributeError as error:
    print(error)


class Watch:
    def __get__(self, instance, owner):
        return ("Watch", type(instance).__name__, owner.__name__)


class WithWatch:
    w = Watch()


class UsesWatch(WithWatch):
    def read(self):
        return super().w

    @classmethod
    def read_class(cls):
        return super().w


print(UsesWatch().read(), UsesWatch.read_class())


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who(), super(B, D()).who())


class Doubling(list):
    def append(self, item):
        super().append(item * 2)

    def __len__(self):
        return super().__len__() + 100

    def __getitem__(self, index):
        return ("item", super().__getitem__(index))


lst = Doubling()
lst.append(3)
print(list(lst), len(lst), lst[0], super(Doubling, lst).__repr__())


class Counter(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value + 1)

    def get(self, key, default=None):
        return ("got", super().get(key, default))


counter = Counter()
counter["a"] = 1
print(counter, counter.get("a"), counter.get("b", 0))


class AppError(Exception):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code

    def __str__(self):
        return "AppError:" + super().__str__()


class NotFound(AppError):
    pass


try:
    raise NotFound(404)
except AppError as error:
    print(error.args, error.code, str(error))


class Made:
    def __new__(cls, *args):
        instance = super().__new__(cls)
        instance.args = args
        return instance

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.registered = True


class MadeChild(Made):
    pass


print(Made(1, 2).args, MadeChild.registered)
print(super(Made, Made).__init_subclass__ is not None)
print(super(Doubling, Doubling).__repr__)

# Expected output (CPython 3.11), in order:
# expect: 1 2 3
# expect: 4 5
# expect: 6 7 8
# expect: 9
# expect: [0, 2, 6, 12]
# expect: [[2], [1]]
# expect: [1] [2]
# expect: tuple not enough values to unpack (expected 3, got 2)
# expect: list not enough values to unpack (expected 3, got 1)
# expect: tuple not enough values to unpack (expected 3, got 0)
# expect: list not enough values to unpack (expected 3, got 0)
# expect: tuple too many values to unpack (expected 3)
# expect: list too many values to unpack (expected 3)
# expect: cannot unpack non-iterable int object
# expect: cannot unpack non-iterable NoneType object
# expect: iter used
# expect: not enough values to unpack (expected 2, got 1)
# expect: h i
# expect: k j
# expect: 0 1
# expect: too many values to unpack (expected 2)
# expect: too many values to unpack (expected 2) [0, 1, 2]
# expect: not enough values to unpack (expected 3, got 2)
# expect: KeyError 'boom'
# expect: KeyError 'boom'
# expect: 40 ('Derived.get', ('Base.get', 40)) ('Derived.make', ('Derived', 2)) ('Derived.make', ('Derived', 3)) (('helper', 1), ('prop', 40), 'base-tag')
# expect: ('Base.get', 40) True 0
# expect: True ('Derived', 7)
# expect: 'super' object has no attribute 'missing'
# expect: 'super' object has no attribute 'get'
# expect: ('Watch', 'UsesWatch', 'UsesWatch') ('Watch', 'NoneType', 'UsesWatch')
# expect: ['D', 'B', 'C', 'A'] ['C', 'A']
# expect: [6] 101 ('item', 6) [6]
# expect: {'a': 2} ('got', 2) ('got', 0)
# expect: ('code', 404) 404 AppError:('code', 404)
# expect: (1, 2) True
# expect: True
# expect: <slot wrapper '__repr__' of 'list' objects>
