# list, tuple and str iterators: __length_hint__, __reduce__ (copy.copy of an iterator), __setstate__ clamping.
import copy, operator
for make in (lambda: iter([1, 2, 3]), lambda: iter((1, 2, 3)), lambda: iter('abc')):
    it = make()
    print(it.__length_hint__(), operator.length_hint(it), it.__reduce__())
    next(it)
    print(it.__length_hint__(), it.__reduce__())
    c = copy.copy(it)
    print(list(c), list(it), it.__length_hint__(), it.__reduce__(), c.__reduce__())
    it2 = make()
    for state in (1, -5, 10, 'x', 2**70):
        try:
            it2.__setstate__(state)
            print(state, it2.__length_hint__())
        except Exception as e:
            print(type(e).__name__, e)
    it2.__setstate__(2)
    print(list(it2))
l = [1, 2]
i = iter(l)
i.__setstate__(5)
l.extend([3, 4])
print(list(i))
i = iter(l)
l.clear()
print(i.__length_hint__())

# expect: 3 3 (<built-in function iter>, ([1, 2, 3],), 0)
# expect: 2 (<built-in function iter>, ([1, 2, 3],), 1)
# expect: [2, 3] [2, 3] 0 (<built-in function iter>, ([],)) (<built-in function iter>, ([],))
# expect: 1 2
# expect: -5 3
# expect: 10 0
# expect: TypeError an integer is required
# expect: OverflowError Python int too large to convert to C ssize_t
# expect: [3]
# expect: 3 3 (<built-in function iter>, ((1, 2, 3),), 0)
# expect: 2 (<built-in function iter>, ((1, 2, 3),), 1)
# expect: [2, 3] [2, 3] 0 (<built-in function iter>, ((),)) (<built-in function iter>, ((),))
# expect: 1 2
# expect: -5 3
# expect: 10 0
# expect: TypeError an integer is required
# expect: OverflowError Python int too large to convert to C ssize_t
# expect: [3]
# expect: 3 3 (<built-in function iter>, ('abc',), 0)
# expect: 2 (<built-in function iter>, ('abc',), 1)
# expect: ['b', 'c'] ['b', 'c'] 0 (<built-in function iter>, ('',)) (<built-in function iter>, ('',))
# expect: 1 2
# expect: -5 3
# expect: 10 0
# expect: TypeError an integer is required
# expect: OverflowError Python int too large to convert to C ssize_t
# expect: ['c']
# expect: [3, 4]
# expect: 0
