# __bases__ and __class__ assignment over built-in bases: exceptions, metaclasses, str, and the
# variable-size int/tuple/bytes whose subclasses CPython never lets trade places.
class E1(Exception): pass
class E2(Exception): pass
class E3(E1): pass
E3.__bases__ = (E2,)
try:
    raise E3("x")
except E2 as exc:
    print("caught E2", exc, [c.__name__ for c in E3.__mro__])
class M(type): pass
class M2(type): pass
class N(M): pass
N.__bases__ = (M2,)
print([c.__name__ for c in N.__mro__])
class Q(metaclass=M): pass
Q.__class__ = M2
print(type(Q).__name__)
class S(str): pass
class S2(str): pass
class T(S): pass
T.__bases__ = (S2,)
print(T("ab") + "c", [c.__name__ for c in T.__mro__])
s = S("x")
s.__class__ = S2
print(type(s).__name__, s)
for a, b in [(int, int), (tuple, tuple), (bytes, bytes), (int, bool.__base__)]:
    A = type("A", (a,), {})
    B = type("B", (b,), {})
    C = type("C", (A,), {})
    try:
        C.__bases__ = (B,)
        print("assigned", C.__mro__)
    except TypeError as exc:
        print(exc)
    try:
        A().__class__ = B
        print("assigned")
    except TypeError as exc:
        print(exc)
    D = type("D", (A,), {"__slots__": ()})
    obj = D()
    obj.__class__ = A
    print(type(obj).__name__)
class B1:
    def f(self):
        return 1
class B2:
    def f(self):
        return 2
class K(B1): pass
objs = [K() for _ in range(3)]
results = []
for i in range(6):
    K.__bases__ = (B2,) if i % 2 else (B1,)
    results.append(objs[i % 3].f())
print(results)
class P:
    pass
for target in (M, 5, None):
    try:
        P.__class__ = target
    except TypeError as exc:
        print(exc)
try:
    del Q.__class__
except TypeError as exc:
    print(exc)
try:
    int.__class__ = M
except TypeError as exc:
    print(exc)
print(type(P).__name__, "__class__" in Q.__dict__)

# expect: caught E2 x ['E3', 'E2', 'Exception', 'BaseException', 'object']
# expect: ['N', 'M2', 'type', 'object']
# expect: M2
# expect: abc ['T', 'S2', 'str', 'object']
# expect: S2 x
# expect: __bases__ assignment: 'B' object layout differs from 'A'
# expect: __class__ assignment: 'B' object layout differs from 'A'
# expect: A
# expect: __bases__ assignment: 'B' object layout differs from 'A'
# expect: __class__ assignment: 'B' object layout differs from 'A'
# expect: A
# expect: __bases__ assignment: 'B' object layout differs from 'A'
# expect: __class__ assignment: 'B' object layout differs from 'A'
# expect: A
# expect: __bases__ assignment: 'B' object layout differs from 'A'
# expect: __class__ assignment: 'B' object layout differs from 'A'
# expect: A
# expect: [1, 2, 1, 2, 1, 2]
# expect: __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: __class__ must be set to a class, not 'int' object
# expect: __class__ must be set to a class, not 'NoneType' object
# expect: can't delete __class__ attribute
# expect: cannot set '__class__' attribute of immutable type 'int'
# expect: type False
