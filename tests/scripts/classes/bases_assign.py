# C.__bases__ = (...): CPython type_set_bases checks and messages, the new mro of the class and
# of its subclasses, the slots and inline caches that follow it.
class A: x = "A"
class A2: x = "A2"
class D(A): pass
class E(D): pass
D.__bases__ = (A2,)
print(D.x, D.__mro__, E.__mro__, E.x, D.__base__)
for v in [[A], (), (1,), (E,), (D,), (int,), (A, A), (A, A2), (A2, A)]:
    try:
        D.__bases__ = v
        print("ok", D.__mro__)
    except Exception as e:
        print(type(e).__name__, e)
try: del D.__bases__
except Exception as e: print(type(e).__name__, e)
try: int.__bases__ = (object,)
except Exception as e: print(type(e).__name__, e)
class L(list): pass
class M(list): pass
class N(L): pass
try: N.__bases__ = (A,)
except Exception as e: print(type(e).__name__, e)
N.__bases__ = (M,)
print(N.__mro__)
class S: __slots__=('a',)
class S2: __slots__=('b',)
class T(S): pass
try: T.__bases__ = (S2,)
except Exception as e: print(type(e).__name__, e)
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
class Q(Z): pass
try: Q.__bases__ = (Z, W)
except Exception as e: print(type(e).__name__, e)
print(Q.__mro__)
try: Z.__bases__ = (object, X)
except Exception as e: print(type(e).__name__, e)
class R(A): 
    def __repr__(self): return "R!"
class F(A): pass
class G:
    def __len__(self): return 3
    def __repr__(self): return "G-repr"
f = F()
F.__bases__ = (G,)
print(len(f), repr(f), isinstance(f, G), isinstance(f, A))
F.__bases__ = (A,)
try: len(f)
except Exception as e: print(type(e).__name__, e)
print(repr(f)[:10])
try: D.__bases__ = (bool,)
except Exception as e: print(type(e).__name__, e)


# Inline caches and instances see the new bases at once.
class P1:
    def who(self):
        return "P1"

    label = "p1"


class P2:
    def who(self):
        return "P2"

    label = "p2"


class K(P1):
    pass


k = K()
seen = []
for i in range(4):
    seen.append((k.who(), k.label, K.label))
    if i == 1:
        K.__bases__ = (P2,)
print(seen)
print(issubclass(K, P2), issubclass(K, P1), K.__base__.__name__, [c.__name__ for c in K.mro()])


class Num:
    def __add__(self, other):
        return "Num.add"

    def __eq__(self, other):
        return "Num.eq"

    __hash__ = object.__hash__


class Sub(P1):
    pass


s = Sub()
try:
    s + 1
except TypeError as exc:
    print(exc)
Sub.__bases__ = (Num,)
print(s + 1, s == 2, hash(s) == hash(s))
Sub.__bases__ = (P1,)
print(s == s, s == 2)
try:
    s + 1
except TypeError as exc:
    print(exc)
print(type(K.__bases__).__name__, K.__bases__ is not None)

# expect: A2 (<class '__main__.D'>, <class '__main__.A2'>, <class 'object'>) (<class '__main__.E'>, <class '__main__.D'>, <class '__main__.A2'>, <class 'object'>) A2 <class '__main__.A2'>
# expect: TypeError can only assign tuple to D.__bases__, not list
# expect: TypeError can only assign non-empty tuple to D.__bases__, not ()
# expect: TypeError D.__bases__ must be tuple of classes, not 'int'
# expect: TypeError a __bases__ item causes an inheritance cycle
# expect: TypeError a __bases__ item causes an inheritance cycle
# expect: TypeError __bases__ assignment: 'int' deallocator differs from 'A2'
# expect: TypeError duplicate base class A
# expect: ok (<class '__main__.D'>, <class '__main__.A'>, <class '__main__.A2'>, <class 'object'>)
# expect: ok (<class '__main__.D'>, <class '__main__.A2'>, <class '__main__.A'>, <class 'object'>)
# expect: TypeError cannot delete '__bases__' attribute of immutable type 'D'
# expect: TypeError cannot set '__bases__' attribute of immutable type 'int'
# expect: TypeError __bases__ assignment: 'A' object layout differs from 'L'
# expect: (<class '__main__.N'>, <class '__main__.M'>, <class 'list'>, <class 'object'>)
# expect: TypeError __bases__ assignment: 'S2' object layout differs from 'S'
# expect: TypeError Cannot create a consistent method resolution
# expect: order (MRO) for bases X, Y
# expect: (<class '__main__.Q'>, <class '__main__.Z'>, <class '__main__.X'>, <class '__main__.Y'>, <class 'object'>)
# expect: TypeError __bases__ assignment: 'object' deallocator differs from 'X'
# expect: 3 G-repr True False
# expect: TypeError object of type 'F' has no len()
# expect: <__main__.
# expect: TypeError type 'bool' is not an acceptable base type
# expect: [('P1', 'p1', 'p1'), ('P1', 'p1', 'p1'), ('P2', 'p2', 'p2'), ('P2', 'p2', 'p2')]
# expect: True False P2 ['K', 'P2', 'object']
# expect: unsupported operand type(s) for +: 'Sub' and 'int'
# expect: Num.add Num.eq True
# expect: True False
# expect: unsupported operand type(s) for +: 'Sub' and 'int'
# expect: tuple True
