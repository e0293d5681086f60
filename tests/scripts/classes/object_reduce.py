# object.__reduce_ex__ / __reduce__ / __getstate__ (the copyreg protocol CPython 3.11 follows):
# copyreg.__newobj__ for protocols 2 and later, copyreg._reconstructor below, overrides.
import copy
import copyreg


def show(rv):
    if not isinstance(rv, tuple):
        return repr(rv)
    parts = [rv[0].__name__]
    for item in rv[1:]:
        if item is None or isinstance(item, (tuple, dict, str, int)):
            parts.append(repr(item).replace("__main__.", ""))
        else:
            parts.append(type(item).__name__)
    return "(" + ", ".join(parts) + ")"


class A:
    pass


a = A()
for proto in range(6):
    print(proto, show(a.__reduce_ex__(proto)))
print(show(a.__reduce__()), a.__getstate__())
a.x = 1
print(show(a.__reduce_ex__(2)), show(a.__reduce_ex__(1)), a.__getstate__())


class S:
    __slots__ = ("p", "__q")

    def __init__(self):
        self.p = 1
        self.__q = 2


s = S()
print(show(s.__reduce_ex__(2)), s.__getstate__(), copyreg._slotnames(S), S.__slotnames__)
try:
    s.__reduce_ex__(1)
except TypeError as exc:
    print("TypeError", exc)


class L(list):
    pass


class D(dict):
    pass


rv = L([1, 2]).__reduce_ex__(2)
print(show(rv), list(rv[3]))
rv = D(k=1).__reduce_ex__(3)
print(show(rv), list(rv[4]))
print(show(L([1]).__reduce_ex__(0)))


class Args:
    def __init__(self, n):
        self.n = n

    def __getnewargs__(self):
        return (self.n,)

    def __new__(cls, n=0):
        return super().__new__(cls)


print(show(Args(5).__reduce_ex__(2)))


class Kw:
    def __getnewargs_ex__(self):
        return (1,), {"k": 2}


print(show(Kw().__reduce_ex__(4)))


class BadArgs:
    def __getnewargs__(self):
        return [1]


try:
    BadArgs().__reduce_ex__(2)
except TypeError as exc:
    print("TypeError", exc)


class Custom:
    def __reduce__(self):
        return "custom"


print(Custom().__reduce_ex__(2), Custom().__reduce_ex__(0))


class State:
    def __getstate__(self):
        return {"made": True}


print(show(State().__reduce_ex__(2)), show(State().__reduce_ex__(0)))
try:
    a.__reduce_ex__("2")
except TypeError as exc:
    print("TypeError", exc)
print(object().__reduce_ex__(2)[1], show(object().__reduce_ex__(1)))

# copy goes through __reduce_ex__(4)
b = copy.copy(a)
print(type(b).__name__, b.x, b is not a)
t = copy.deepcopy(s)
print(t.p, t._S__q)
m = copy.copy(L([3, 4]))
print(type(m).__name__, m)
k = copy.copy(Args(7))
print(k.n)
print(copyreg.__newobj__(A).__class__.__name__, copyreg._reconstructor(L, list, [1]))

# expect: 0 (_reconstructor, (<class 'A'>, <class 'object'>, None))
# expect: 1 (_reconstructor, (<class 'A'>, <class 'object'>, None))
# expect: 2 (__newobj__, (<class 'A'>,), None, None, None)
# expect: 3 (__newobj__, (<class 'A'>,), None, None, None)
# expect: 4 (__newobj__, (<class 'A'>,), None, None, None)
# expect: 5 (__newobj__, (<class 'A'>,), None, None, None)
# expect: (_reconstructor, (<class 'A'>, <class 'object'>, None)) None
# expect: (__newobj__, (<class 'A'>,), {'x': 1}, None, None) (_reconstructor, (<class 'A'>, <class 'object'>, None), {'x': 1}) {'x': 1}
# expect: (__newobj__, (<class 'S'>,), (None, {'p': 1, '_S__q': 2}), None, None) (None, {'p': 1, '_S__q': 2}) ['p', '_S__q'] ['p', '_S__q']
# expect: TypeError a class that defines __slots__ without defining __getstate__ cannot be pickled
# expect: (__newobj__, (<class 'L'>,), None, list_iterator, None) [1, 2]
# expect: (__newobj__, (<class 'D'>,), None, None, dict_itemiterator) [('k', 1)]
# expect: (_reconstructor, (<class 'L'>, <class 'list'>, [1]))
# expect: (__newobj__, (<class 'Args'>, 5), {'n': 5}, None, None)
# expect: (__newobj_ex__, (<class 'Kw'>, (1,), {'k': 2}), None, None, None)
# expect: TypeError __getnewargs__ should return a tuple, not 'list'
# expect: custom custom
# expect: (__newobj__, (<class 'State'>,), {'made': True}, None, None) (_reconstructor, (<class 'State'>, <class 'object'>, None), {'made': True})
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: (<class 'object'>,) (_reconstructor, (<class 'object'>, <class 'object'>, None))
# expect: A 1 True
# expect: 1 2
# expect: L [3, 4]
# expect: 7
# expect: A [1]
