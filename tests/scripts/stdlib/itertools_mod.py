# itertools: every iterator of the module, with CPython's results.
import itertools as it
import operator

print(list(it.islice(it.count(), 5)), list(it.islice(it.count(10, 5), 3)), repr(it.count(3)))
print(repr(it.count(1, 2)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(repr(it.repeat("r", 2)), list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], operator.mul)))
print(list(it.accumulate([1, 2], initial=10)), list(it.accumulate([])))
print(list(it.chain("ab", [1, 2])), list(it.chain.from_iterable(["xy", "z"])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(6))), list(it.filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in it.groupby("aaabccaa")])
print([(k, list(g)) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print([k for k, g in it.groupby("aabbbc")])
groups = it.groupby("aabb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(it.islice("abcdefg", 2)), list(it.islice("abcdefg", 2, 4)), list(it.islice("abcdefg", 1, None, 2)))
print(list(it.islice(range(10), 0, 9, 3)))
print(list(it.pairwise("abcd")), list(it.pairwise("a")))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
a, b = it.tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
print(list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.zip_longest()))
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "x")))
print(list(it.permutations([1, 2, 3], 2)), len(list(it.permutations(range(4)))))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(3), 4)))
print(list(it.combinations_with_replacement("abc", 2)))
try:
    it.islice("abc", -1)
except ValueError as e:
    print(e)
print(isinstance(it.chain(), it.chain), type(it.count()).__name__)
# expect: [0, 1, 2, 3, 4] [10, 15, 20] count(3)
# expect: count(1, 2) ['a', 'b', 'a', 'b', 'a'] ['x', 'x', 'x']
# expect: repeat('r', 2) [1, 3, 6, 10] [1, 2, 6]
# expect: [10, 11, 13] []
# expect: ['a', 'b', 1, 2] ['x', 'y', 'z']
# expect: ['a', 'c', 'e', 'f'] [3, 1]
# expect: [0, 2, 4] [0, '']
# expect: [('a', ['a', 'a', 'a']), ('b', ['b']), ('c', ['c', 'c']), ('a', ['a', 'a'])]
# expect: [(1, [1, 3]), (0, [2, 4]), (1, [5])]
# expect: ['a', 'b', 'c']
# expect: a [] b ['b', 'b']
# expect: ['a', 'b'] ['c', 'd'] ['b', 'd', 'f']
# expect: [0, 3, 6]
# expect: [('a', 'b'), ('b', 'c'), ('c', 'd')] []
# expect: [8, 9] [1, 2]
# expect: 1 [1, 2, 3] [2, 3]
# expect: [('a', 'x'), ('b', 'y'), ('-', 'z')] []
# expect: [('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')] [(1, 'x'), (2, 'x')]
# expect: [(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2)] 24
# expect: [('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')] []
# expect: [('a', 'a'), ('a', 'b'), ('a', 'c'), ('b', 'b'), ('b', 'c'), ('c', 'c')]
# expect: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
# expect: True count
