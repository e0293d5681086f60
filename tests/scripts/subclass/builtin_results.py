# Subclasses of built-in types: results of operations, constructors, reprs (checked against CPython 3.11).
class S(str): pass
s = S("ab")
print(s % (), type(s % ()).__name__)
print(type("%s" % s).__name__, type(str(S("x"))).__name__)
print(S("a") in {"a": 1}, {S("a"): 1} == {"a": 1}, sorted([S("b"), "a"]))
print(s.__getnewargs__(), type(s.__getnewargs__()[0]).__name__, S("x") % {"a": 1})
print(repr(S("it's")), ascii(S("é")), S("abc").encode("utf-8"), S("x").__len__())
print(s.__class__ is S, type(s).__base__.__name__, S.__bases__, S.__mro__)
print(isinstance(s, (int, str)), issubclass(S, str), str in S.__mro__)
print(max(S("a"), S("b")), min(["z", S("y")]), S("A").lower() == "a", S("5").isdigit(), S("5").zfill(3))
x = S("q")
print(x is str(x), x == str(x), hash(x) == hash("q"), str(x).__class__.__name__)
class N(int):
    pass
n = N(3)
print(n, n + 0, type(n + 0).__name__, type(-n).__name__, type(+n).__name__, type(~n).__name__, n.__class__.__name__, N(True), type(N(True)).__name__)
print(type(int(n)).__name__, [0, 1, 2, 3][n], hex(n), n.to_bytes(1, "big"), N.from_bytes(b"\x05", "big"), type(N.from_bytes(b"\x05", "big")).__name__)
print(type(abs(n)).__name__, type(round(n)).__name__, type(n.conjugate()).__name__, type(n.numerator).__name__, type(n & 1).__name__, type(n << 1).__name__)
class Fl(float): pass
f = Fl(2.5)
print(f, repr(f), type(f + 1).__name__, type(-f).__name__, type(abs(f)).__name__, f.is_integer(), Fl.fromhex("0x1p1"), type(Fl.fromhex("0x1p1")).__name__, round(f), f.hex())
class T(tuple): pass
t = T((1, 2))
print(t, repr(t), type(t + t).__name__, type(t * 2).__name__, type(t[0:1]).__name__, t == (1, 2), (1, 2) == t, t.__class__.__name__, T(), T(t) == t, type(T(t)).__name__)
print(sorted(T((3, 1, 2))), sum(T((1, 2))), len(T(range(5))), T("ab"), T([1]) + (2,), (0,) + T([1]))
class L(list): pass
l = L([1, 2])
l += [3]
print(l, type(l).__name__, l * 2, type(l.copy()).__name__, L() == [], l[::-1], type(l[::-1]).__name__)
class D(dict): pass
d = D({1: 2})
d |= {3: 4}
print(d, type(d).__name__, type(d | {}).__name__, type(d.copy()).__name__, D.fromkeys([1]), type(D.fromkeys([1])).__name__)
class B(bytes): pass
b = B(b"xy")
print(b, b[0], type(b[:1]).__name__, b.decode(), b == b"xy", type(bytes(b)).__name__, b.hex(), B.fromhex("4142"), type(B.fromhex("4142")).__name__)
class Fz(frozenset): pass
print(type(Fz([1]) | Fz([2])).__name__, Fz([1]) == frozenset([1]), type(Fz([1]).union([3])).__name__, type(frozenset.union(Fz([1]), [2])).__name__)
print(str.__new__(S, "x").__class__.__name__, S.__new__(S, "y"), type(S.__new__(S, "y")).__name__)
class S2(str):
    def __init__(self, *args, **kw):
        self.init_args = args
print(S2("a").init_args, S2(b"ab", "ascii").init_args, S2(b"ab", encoding="ascii"))

# expect: ab S
# expect: str str
# expect: True True ['a', 'b']
# expect: ('ab',) str x
# expect: "it's" '\xe9' b'abc' 1
# expect: True str (<class 'str'>,) (<class '__main__.S'>, <class 'str'>, <class 'object'>)
# expect: True True True
# expect: b y True True 005
# expect: False True True str
# expect: 3 3 int int int int N 1 N
# expect: int 3 0x3 b'\x03' 5 N
# expect: int int int int int int
# expect: 2.5 2.5 float float float False 2.0 Fl 2 0x1.4000000000000p+1
# expect: (1, 2) (1, 2) tuple tuple tuple True True T () True T
# expect: [1, 2, 3] 3 5 ('a', 'b') (1, 2) (0, 1)
# expect: [1, 2, 3] L [1, 2, 3, 1, 2, 3] list True [3, 2, 1] list
# expect: {1: 2, 3: 4} D dict dict {1: None} D
# expect: b'xy' 120 bytes xy True bytes 7879 b'AB' B
# expect: frozenset True frozenset frozenset
# expect: S y S
# expect: ('a',) (b'ab', 'ascii') ab
