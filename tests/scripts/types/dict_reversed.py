# reversed() of a dict and of its views: CPython's dict_reverse*iterator types, __length_hint__,
# the RuntimeError when the dict changes size, deleted entries skipped.
d = {"a": 1, "b": 2, "c": 3, "d": 4}
del d["b"]
for it in (reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items())):
    print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__())
it = reversed(d)
print(next(it), it.__length_hint__(), iter(it) is it)
d["e"] = 5
try:
    next(it)
except RuntimeError as exc:
    print("RuntimeError", exc)
print(it.__length_hint__())
try:
    next(it)
except RuntimeError as exc:
    print("again", exc)
it = reversed(d.values())
d["a"] = 10  # same size: goes on
print(list(it))
print(list(reversed({})), reversed({}).__length_hint__())
e = {}
it = reversed(e)
e[1] = 1
try:
    next(it)
except RuntimeError as exc:
    print("RuntimeError", exc)


class Sub(dict):
    pass


s = Sub(x=1, y=2)
print(type(reversed(s)).__name__, list(reversed(s)), list(reversed(s.items())))
it = reversed(d.items())
print(next(it))
d.clear()
try:
    next(it)
except RuntimeError as exc:
    print(exc)
print(repr(reversed(d)).startswith("<dict_reversekeyiterator object at "))
big = dict.fromkeys(range(100))
for k in range(0, 100, 3):
    del big[k]
print(list(reversed(big)) == sorted(big, reverse=True), len(big))
print(list(reversed(big.keys()))[:3])

# expect: dict_reversekeyiterator 3 ['d', 'c', 'a'] 0
# expect: dict_reversekeyiterator 3 ['d', 'c', 'a'] 0
# expect: dict_reversevalueiterator 3 [4, 3, 1] 0
# expect: dict_reverseitemiterator 3 [('d', 4), ('c', 3), ('a', 1)] 0
# expect: d 2 True
# expect: RuntimeError dictionary changed size during iteration
# expect: 0
# expect: again dictionary changed size during iteration
# expect: [5, 4, 3, 10]
# expect: [] 0
# expect: RuntimeError dictionary changed size during iteration
# expect: dict_reversekeyiterator ['y', 'x'] [('y', 2), ('x', 1)]
# expect: ('e', 5)
# expect: dictionary changed size during iteration
# expect: True
# expect: True 66
# expect: [98, 97, 95]
