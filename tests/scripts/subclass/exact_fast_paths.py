# Built-ins honour a subclass's overrides where CPython does (json, **kwargs, iteration, len, format).
import json, enum, sys
class S(str): pass
class N(enum.IntEnum):
    A = 1
class C(enum.StrEnum):
    X = "x"
print(json.dumps([S("a"), N.A, C.X, {S("k"): N.A}]))
sys.stdout.write(S("w\n"))
class D(dict):
    def __getitem__(self, k): return 42
    def keys(self): return ["a"]
def f(**kw): return kw
print(f(**D(a=1)), dict(D(a=1)), {**D(a=1)})
class L(list):
    def __iter__(self): return iter([9])
print(list(L([1, 2])), [*L([1, 2])], tuple(L([1])), sorted(L([3, 1])), max(L([3, 1])), sum(L([1, 2])))
print(" ".join(L(["a"])) if False else "", set(L([1, 2])), dict.fromkeys(L([1, 2])))
class T(tuple):
    def __len__(self): return 0
print(bool(T((1,))), len(T((1,))), T((1,)) == (1,), T((1, 2))[1])
x = S("abc")
print(x[0], x[-1], x[::2], type(x[::2]).__name__, x.split("b"), x.center(7, "*"), x.startswith(("a", "z")))
for ch in S("hi"):
    print(ch, type(ch).__name__, end=" ")
print()
print(sorted({S("b"): 1, S("a"): 2}.items()), S("x") * 0 == "", type(S("x") * 1).__name__)
print(int.__repr__(N.A), N.A.__class__.__name__, N(1) is N.A, isinstance(N.A, N), str(N.A), format(N.A), f"{N.A:d}", repr(C.X))

# expect: ["a", 1, "x", {"k": 1}]
# expect: w
# expect: {'a': 1} {'a': 1} {'a': 1}
# expect: [9] [9] (9,) [9] 9 9
# expect:  {9} {9: None}
# expect: False 0 True 2
# expect: a c ac str ['a', 'c'] **abc** True
# expect: h str i str 
# expect: [('a', 2), ('b', 1)] True str
# expect: 1 N True True 1 1 1 <C.X: 'x'>
