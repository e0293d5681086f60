# super().__dunder__() in subclasses of built-in types reaches the base's implementation.
class S(str):
    def __str__(self): return "[" + super().__str__() + "]"
    def __repr__(self): return "S" + super().__repr__()
    def __eq__(self, o): return super().__eq__(o.lower() if isinstance(o, str) else o)
    def __hash__(self): return super().__hash__()
    def __len__(self): return super().__len__() * 10
    def __getitem__(self, i): return super().__getitem__(i) * 2
    def __contains__(self, x): return super().__contains__(x.lower())
    def __iter__(self): return iter(list(super().__iter__())[::-1])
    def __add__(self, o): return S(super().__add__(o))
    def __mul__(self, n): return S(super().__mul__(n))
    def __format__(self, spec): return "F" + super().__format__(spec)
    def __mod__(self, a): return "M" + super().__mod__(a)
    def __lt__(self, o): return super().__lt__(o)
s = S("ab")
print(str(s), repr(s), s == "AB", hash(s) == hash("ab"), len(s), s[0], "A" in s, list(s), repr(s + "c"), repr(s * 2), f"{s:>4}", S("%d") % 5, s < "b", sorted([S("b"), S("a")]))
class L(list):
    def __getitem__(self, i): return super().__getitem__(i) + 100
    def __setitem__(self, i, v): super().__setitem__(i, v * 2)
    def __len__(self): return super().__len__() + 1
    def append(self, v): super().append(-v)
l = L([1, 2])
l[0] = 5
l.append(3)
print(l, l[0], len(l), list(l), l[-1])
class D(dict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 2)
    def __getitem__(self, k): return super().__getitem__(k) + 1
    def get(self, k, d=None): return "get"
d = D(a=1)
d["b"] = 2
d.update(c=3)
print(d, d["b"], d.get("a"), dict(d), {**d}, list(d.items()))
class T(tuple):
    def __getitem__(self, i): return super().__getitem__(i) * 3
    def __len__(self): return super().__len__()
    def __add__(self, o): return T(super().__add__(o))
    def __contains__(self, x): return super().__contains__(x)
t = T((1, 2))
print(t[1], len(t), t + (3,), type(t + (3,)).__name__, 2 in t, list(t), t.count(1))
class Fz(frozenset):
    def __or__(self, o): return Fz(super().__or__(o))
    def __contains__(self, x): return super().__contains__(x)
    def __len__(self): return super().__len__()
f = Fz([1]) | {2}
print(type(f).__name__, sorted(f), 2 in f, len(f))
class I(int):
    def __add__(self, o): return I(super().__add__(o))
    def __repr__(self): return f"I({super().__repr__()})"
    def __str__(self): return super().__str__() + "!"
print(repr(I(1) + 2), str(I(5)), I(3) + I(4), f"{I(2)}")
print((5).__neg__(), (5).__radd__(1), {1}.__or__({2}), (3).__rsub__(10), (6).__and__(3), (1).__lshift__(3), (2).__invert__(), (-2).__abs__(), (2).__pos__(), (2).__rmul__("ab"), (1).__or__(1.5))

# expect: [ab] S'ab' True True 20 aa True ['b', 'a'] S'abc' S'abab' F  ab M5 True [S'a', S'b']
# expect: [10, 2, -3] 110 4 [10, 2, -3] 97
# expect: {'a': 1, 'b': 4, 'c': 3} 5 get {'a': 1, 'b': 4, 'c': 3} {'a': 1, 'b': 4, 'c': 3} [('a', 1), ('b', 4), ('c', 3)]
# expect: 6 2 (1, 2, 3) T True [1, 2] 1
# expect: Fz [1, 2] True 2
# expect: I(3) I(5)! I(7)! I(2)!
# expect: -5 6 {1, 2} 7 2 8 -3 2 2 NotImplemented NotImplemented
