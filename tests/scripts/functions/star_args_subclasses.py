# *args and **kwargs with subclasses of the built-in containers: only an exact tuple is passed as
# it is; a tuple or list subclass is iterated, so an overridden __iter__ decides the arguments.
class T(tuple):
    def __iter__(self):
        return iter((9, 8))


class L(list):
    def __iter__(self):
        return iter(("x",))


class D(dict):
    def keys(self):
        return ["a"]

    def __getitem__(self, key):
        return 42


def f(*args, **kwargs):
    return args, kwargs


print(f(*T((1, 2, 3))))
print(f(*L([1, 2])))
print(f(*(1, 2)), f(*[3]), f(*T()))
print([*T((1, 2))], (*L([5]),), sorted({*T((1,))}))
print(f(**D(b=1)), {**D(b=1)})
# CPython names the callable with its module, except for builtins ones.
import math


class C:
    def m(self, *args):
        return args


for callable_ in (f, C().m, C, print, int, math.floor, [].append):
    try:
        callable_(*5)
    except TypeError as error:
        print(error)
try:
    f(**5)
except TypeError as error:
    print(error)
# Unpacking into a display: CPython's own message for a list or tuple display, the iterator's
# for a set display; a sequence without __iter__ is read by index; an __iter__ error stays.
class Indexed:
    def __getitem__(self, index):
        if index < 2:
            return index
        raise IndexError


class BadIter:
    def __iter__(self):
        raise TypeError("inner")


for make in (lambda: [*5], lambda: (*5,), lambda: {*5}, lambda: [*Indexed()],
             lambda: [*BadIter()], lambda: [*None]):
    try:
        print(make())
    except TypeError as error:
        print(error)
# expect: ((9, 8), {})
# expect: (('x',), {})
# expect: ((1, 2), {}) ((3,), {}) ((9, 8), {})
# expect: [9, 8] ('x',) [8, 9]
# expect: ((), {'b': 1}) {'b': 1}
# expect: __main__.f() argument after * must be an iterable, not int
# expect: __main__.C.m() argument after * must be an iterable, not int
# expect: __main__.C() argument after * must be an iterable, not int
# expect: print() argument after * must be an iterable, not int
# expect: int() argument after * must be an iterable, not int
# expect: math.floor() argument after * must be an iterable, not int
# expect: list.append() argument after * must be an iterable, not int
# expect: __main__.f() argument after ** must be a mapping, not int
# expect: Value after * must be an iterable, not int
# expect: Value after * must be an iterable, not int
# expect: 'int' object is not iterable
# expect: [0, 1]
# expect: inner
# expect: Value after * must be an iterable, not NoneType
