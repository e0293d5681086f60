# functools: partial, reduce, wraps, lru_cache, cache, cached_property, total_ordering,
# cmp_to_key, singledispatch.
import functools
from functools import partial, reduce, wraps

p = partial(pow, 2)
print(p(10), p.func is pow, p.args, p.keywords)
print(repr(partial(int, base=2)), partial(int, base=2)("101"))
pp = partial(p, 3)
print(pp(), pp.args, pp.func is pow)
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 7))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)


def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner


@deco
def documented(x):
    """Doc here."""
    return x


print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)

calls = []


@functools.lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n


print(sq(2), sq(2), sq(3), sq(4), sq(2), calls)
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters())


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info().hits)


class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        print("computing")
        return self.r * self.r * 3


c = Circle(2)
print(c.area, c.area, "area" in c.__dict__)


@functools.total_ordering
class Ver:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


print(Ver(1) <= Ver(2), Ver(3) > Ver(2), Ver(2) >= Ver(2), Ver(1) > Ver(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))


@functools.singledispatch
def kind(x):
    return "object"


@kind.register(int)
def _(x):
    return "int"


@kind.register
def _(x: list):
    return "list"


print(kind(1), kind([]), kind("s"), kind(True))
# expect: 1024 True (2,) {}
# expect: functools.partial(<class 'int'>, base=2) 5
# expect: 8 (2, 3) True
# expect: 120 7
# expect: reduce() of empty iterable with no initial value
# expect: documented Doc here. documented
# expect: 4 4 9 16 4 [2, 3, 4, 2]
# expect: CacheInfo(hits=1, misses=4, maxsize=2, currsize=2)
# expect: CacheInfo(hits=0, misses=0, maxsize=2, currsize=0) {'maxsize': 2, 'typed': False}
# expect: 1548008755920 58
# expect: computing
# expect: 12 12 True
# expect: True True True False
# expect: [3, 2, 1]
# expect: int list object int
