# Subclasses of int, float, tuple, list and dict: corner cases.


class E(int):
    def __new__(cls, value, label="e"):
        self = super().__new__(cls, value)
        self.label = label
        return self

    def __repr__(self):
        return "E(" + int.__repr__(self) + ")"


e = E(5, "five")
print(e, repr(e), str(e), f"{e}", "%d" % e, e.label, type(e + 1).__name__, e + 1, type(-e).__name__)
print(type(e * 2).__name__, type(e // 2).__name__, type(abs(e)).__name__, type(int(e)).__name__, int(e))
print(type(int.__new__(E, 5)).__name__, int.__new__(E, 7), E(3) == 3, hash(E(3)) == hash(3), {E(1): "a"}[1])
print([E(2)], isinstance(e, int), e.real, type(e.real).__name__, e.bit_length(), format(e, "03d"))
print(int.__repr__(e), E("12"), E("ff", "hex") if False else E(0x10))
try:

    class NotBool(bool):
        pass

except TypeError as e2:
    print("TypeError", e2)
try:
    int.__new__(str, 1)
except TypeError as e2:
    print("TypeError", e2)


class Plain(int):
    pass


p = Plain(10)
print(p, repr(p), type(p + p).__name__, p.__class__.__name__, Plain() == 0, Plain("7", 8), Plain(True))
p.x = 1
print(p.x, True + Plain(1), type(Plain(3) ** 2).__name__, divmod(Plain(7), 2))


class Fl(float):
    def __repr__(self):
        return "Fl!"


fl = Fl(1.5)
print(fl, repr(fl), str(fl), type(fl * 2).__name__, fl * 2, float(fl), type(float(fl)).__name__, f"{fl:.2f}")
print(float.__new__(Fl, "2.5"), type(float.__new__(Fl, 1)).__name__, Fl() == 0.0, round(Fl(2.5)))


class P(tuple):
    __slots__ = ()

    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    def __getnewargs__(self):
        return tuple(self)

    @property
    def x(self):
        return self[0]

    def __repr__(self):
        return f"P(x={self[0]}, y={self[1]})"


pt = P(1, 2)
print(pt, pt.x, pt[1], len(pt), isinstance(pt, tuple), pt == (1, 2), hash(pt) == hash((1, 2)))
a, b = pt
print(a, b, type(pt[:]).__name__, pt[:], type(pt + (3,)).__name__, type(pt * 2).__name__, pt.__getnewargs__())
print(list(pt), tuple(pt), type(tuple(pt)).__name__, tuple(pt) is pt, pt < (1, 3), pt.count(1), pt.index(2))
print(f"{pt}", "%s" % (pt,), str(pt), [pt], {pt: 1}[(1, 2)], max(pt), sorted(P(3, 1)))
import copy

print(copy.copy(pt), copy.deepcopy(pt), type(copy.copy(pt)).__name__)
try:
    pt.z = 3
except AttributeError as e2:
    print("AttributeError", e2)


class TD(tuple):
    pass


td = TD([1, 2, 3])
td.extra = "x"
print(td, repr(TD()), td.extra, vars(td), type(td[1:]).__name__, td[::-1], TD(x for x in "ab"))


class TI(tuple):
    def __iter__(self):
        return iter(["a", "b"])

    def __len__(self):
        return 7

    def __getitem__(self, i):
        return "g"


ti = TI((1, 2))
x, y = ti
print(x, y, list(ti), tuple(ti), len(ti), ti[0], ti[0:1], [*ti], tuple.__len__(ti), ti == (1, 2), repr(ti))
print(set(ti) == {"a", "b"}, sorted(ti), " ".join(TI(("q",))), ", ".join(TI(("q", "r"))))


class L(list):
    def append(self, item):
        super().append(item * 10)


lst = L([1, 2])
lst.append(3)
lst.v = 1
print(lst, type(lst).__name__, type(lst + [1]).__name__, type(lst[:]).__name__, type(lst * 2).__name__, lst.v)
print(type(list.__new__(L)).__name__, list.__new__(L, [1, 2]), lst == [1, 2, 30], sorted(L([3, 1])))


class D(dict):
    def __missing__(self, key):
        return key * 2


dd = D(a=1)
print(dd["a"], dd["zz"], dd.get("q"), "zz" in dd, type(dd.copy()).__name__, dd, type(dict.__new__(D)).__name__)
print(dict.__new__(D, {1: 2}), D({1: 2}) == {1: 2}, type(dd | {}).__name__)


class Ex(Exception):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code


try:
    raise Ex(4)
except Ex as e3:
    print(e3, repr(e3), e3.code, e3.args)


class BA(bytearray):
    pass


ba = BA(b"xy")
ba.append(65)
print(ba, type(ba).__name__, repr(ba), type(ba[:]).__name__, type(ba + b"").__name__)

# expect: E(5) E(5) E(5) E(5) 5 five int 6 int
# expect: int int int int 5
# expect: E E(7) True True a
# expect: [E(2)] True 5 int 3 005
# expect: 5 E(12) E(16)
# expect: TypeError type 'bool' is not an acceptable base type
# expect: TypeError int.__new__(str): str is not a subtype of int
# expect: 10 10 int Plain True 7 1
# expect: 1 2 int (3, 1)
# expect: Fl! Fl! Fl! float 3.0 1.5 float 1.50
# expect: Fl! Fl True 2
# expect: P(x=1, y=2) 1 2 2 True True True
# expect: 1 2 tuple (1, 2) tuple tuple (1, 2)
# expect: [1, 2] (1, 2) tuple False True 1 1
# expect: P(x=1, y=2) P(x=1, y=2) P(x=1, y=2) [P(x=1, y=2)] 1 2 [1, 3]
# expect: P(x=1, y=2) P(x=1, y=2) P
# expect: AttributeError 'P' object has no attribute 'z'
# expect: (1, 2, 3) () x {'extra': 'x'} tuple (3, 2, 1) ('a', 'b')
# expect: a b ['a', 'b'] ('a', 'b') 7 g g ['a', 'b'] 2 True (1, 2)
# expect: True ['a', 'b'] a b a, b
# expect: [1, 2, 30] L list list list 1
# expect: L [] True [1, 3]
# expect: 1 zzzz None False dict {'a': 1} D
# expect: {} True dict
# expect: ('code', 4) Ex('code', 4) 4 ('code', 4)
# expect: BA(b'xyA') BA BA(b'xyA') bytearray bytearray
