# Positional, keyword, default, *args, **kwargs binding and CPython's TypeError messages.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)


print(f(1, c=3))
# expect: (1, 2, (), 3, 4, {})
print(f(1, 5, 6, 7, c=8, e=9))
# expect: (1, 5, (6, 7), 8, 4, {'e': 9})
print(f(*[1, 2], **{"c": 3, "d": 5}))
# expect: (1, 2, (), 3, 5, {})


def g(x, y):
    return x - y


for call in (lambda: g(1), lambda: g(1, 2, 3), lambda: g(1, z=2), lambda: g(1, x=2)):
    try:
        call()
    except TypeError as e:
        print(e)
# expect: g() missing 1 required positional argument: 'y'
# expect: g() takes 2 positional arguments but 3 were given
# expect: g() got an unexpected keyword argument 'z'
# expect: g() got multiple values for argument 'x'


def h(p, /, q):
    return p + q


try:
    h(p=1, q=2)
except TypeError as e:
    print(e)
# expect: h() got some positional-only arguments passed as keyword arguments: 'p'
print(g(y=1, x=5), h(1, q=2), f.__name__, f.__defaults__, f.__kwdefaults__)
# expect: 4 3 f (2,) {'d': 4}
