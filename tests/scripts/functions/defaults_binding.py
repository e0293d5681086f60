# Calls that leave parameters to their defaults bind them straight into the frame; missing
# arguments, too many, keywords and a replaced __defaults__ keep CPython's behaviour.
def f(a, b=2, c=3):
    return (a, b, c)


def g(a, b, c=3):
    return (a, b, c)


def h(a=1):
    return a


class C:
    def m(self, x, y=10):
        return (x, y)


def attempt(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except TypeError as e:
        return "TypeError: " + str(e)


print(f(1), f(1, 5), f(1, 5, 6), h(), h(7))
print(attempt(g, 1), g(1, 2), attempt(g), attempt(f), attempt(f, 1, 2, 3, 4))
print(C().m(1), C().m(1, 2), attempt(C().m))
print(f(1, c=9), attempt(f, 1, d=2), attempt(f, 1, a=2))
f.__defaults__ = (7, 8, 9, 10)
print(f(1), f(1, 2), f())
f.__defaults__ = (100,)
print(f(1, 2), attempt(f, 1))
f.__defaults__ = None
print(attempt(f, 1), f(1, 2, 3))
f.__defaults__ = (2, 3)
items = []
for i in range(3):
    items.append(f(i, i))
print(items)
x = [0]
def keeps(value=x):
    return value
import sys
before = sys.getrefcount(x)
for i in range(100):
    keeps()
print(sys.getrefcount(x) == before)

# expect: (1, 2, 3) (1, 5, 3) (1, 5, 6) 1 7
# expect: TypeError: g() missing 1 required positional argument: 'b' (1, 2, 3) TypeError: g() missing 2 required positional arguments: 'a' and 'b' TypeError: f() missing 1 required positional argument: 'a' TypeError: f() takes from 1 to 3 positional arguments but 4 were given
# expect: (1, 10) (1, 2) TypeError: C.m() missing 1 required positional argument: 'x'
# expect: (1, 2, 9) TypeError: f() got an unexpected keyword argument 'd' TypeError: f() got multiple values for argument 'a'
# expect: (1, 9, 10) (1, 2, 10) (8, 9, 10)
# expect: (1, 2, 100) TypeError: f() missing 1 required positional argument: 'b'
# expect: TypeError: f() missing 2 required positional arguments: 'b' and 'c' (1, 2, 3)
# expect: [(0, 0, 3), (1, 1, 3), (2, 2, 3)]
# expect: True
