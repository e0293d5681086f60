# dict, set, list and tuple methods against CPython 3.11.
d = dict.fromkeys("abc", 0)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, d.popitem(), d.setdefault("q", 9), d.pop("a"), d.pop("nope", None))
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "b" in k, 9 in v, ("x", 1) in i, ("x", 2) in i)
print(k & {"b", "x", "w"} == {"b", "x"}, sorted(k | ["m"]), sorted(k - {"b"}), sorted(k ^ {"b", "new"}))
print(i >= {("x", 1)}, k == {"b", "c", "x", "y", "q"}, k.isdisjoint(["zz"]), list(reversed(d)), list(reversed(k)))
print(d | {"b": 5}, {**d}, dict(a=1) == {"a": 1}, list(reversed(d.values())))
e = {"m": 1}
e |= {"n": 2}
print(e, dict.fromkeys([1, 2]), type(d.keys()).__name__, type(iter(d.items())).__name__)
try:
    {}.popitem()
except KeyError as err:
    print("KeyError", err)
s = {1, 2, 3}
s.update([4], (5,))
s.difference_update({1})
s.intersection_update(range(10))
s.symmetric_difference_update({5, 6})
print(sorted(s), sorted(s.union([9])), sorted(s.intersection({2, 3}, [3])), sorted(s.difference([2])))
print(s.issubset(range(10)), s.issuperset([2]), s.isdisjoint([0]), sorted(s.symmetric_difference([2, 7])))
f = frozenset([1, 2])
print(f.union([3]), type(f.copy()).__name__, f.issubset({1, 2, 3}), sorted(f | {5}), f & {2})
try:
    set().pop()
except KeyError as err:
    print("KeyError", err)
l = [5, 3, 1, 3]
l.sort(key=lambda x: -x)
print(l, l.index(3), l.index(3, 2), l.count(3))
l.remove(3)
words = ["bb", "a", "ccc", "dd"]
words.sort(key=len, reverse=True)
print(l, words, sorted(words, key=str.upper))
for bad in [lambda: [1].remove(5), lambda: [1, 2].index(2, 0, 1), lambda: (1,).index(7)]:
    try:
        bad()
    except ValueError as err:
        print("ValueError", err)
print((1, 2, 1).count(1), (1, 2, 3).index(3), range(0, 10, 2).index(4), range(5).count(3))
# expect: {'b': 0, 'c': 0, 'x': 1, 'y': 2, 'q': 9} ('z', 3) 9 0 None
# expect: dict_keys(['b', 'c', 'x', 'y', 'q']) dict_values([0, 0, 1, 2, 9]) dict_items([('b', 0), ('c', 0), ('x', 1), ('y', 2), ('q', 9)]) 5 True True True False
# expect: True ['b', 'c', 'm', 'q', 'x', 'y'] ['c', 'q', 'x', 'y'] ['c', 'new', 'q', 'x', 'y']
# expect: True True True ['q', 'y', 'x', 'c', 'b'] ['q', 'y', 'x', 'c', 'b']
# expect: {'b': 5, 'c': 0, 'x': 1, 'y': 2, 'q': 9} {'b': 0, 'c': 0, 'x': 1, 'y': 2, 'q': 9} True [9, 2, 1, 0, 0]
# expect: {'m': 1, 'n': 2} {1: None, 2: None} dict_keys dict_itemiterator
# expect: KeyError 'popitem(): dictionary is empty'
# expect: [2, 3, 4, 6] [2, 3, 4, 6, 9] [3] [3, 4, 6]
# expect: True True True [3, 4, 6, 7]
# expect: frozenset({1, 2, 3}) frozenset True [1, 2, 5] frozenset({2})
# expect: KeyError 'pop from an empty set'
# expect: [5, 3, 3, 1] 1 2 2
# expect: [5, 3, 1] ['ccc', 'bb', 'dd', 'a'] ['a', 'bb', 'ccc', 'dd']
# expect: ValueError list.remove(x): x not in list
# expect: ValueError 2 is not in list
# expect: ValueError tuple.index(x): x not in tuple
# expect: 2 2 2 1
