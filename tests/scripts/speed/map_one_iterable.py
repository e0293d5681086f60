# map(f, iterable) calls f with the one item without building argument vectors; errors, early
# ends and several iterables behave as CPython's.
print(list(map(str, range(4))), list(map(len, ["a", "bb"])), list(map(lambda x: x * 2, "ab")))
print(list(map(pow, [2, 3], [3, 2])), list(map(max, [1, 5], [4, 2], [3, 3])))


def failing(x):
    if x == 2:
        raise ValueError("two")
    return x


m = map(failing, range(5))
print(next(m), next(m))
try:
    next(m)
except ValueError as e:
    print("ValueError", e)
print(next(m))


def stops(x):
    raise StopIteration


print(list(map(stops, [1, 2])))
try:
    list(map(5, [1]))
except TypeError as e:
    print("TypeError", e)
try:
    map(len)
except TypeError as e:
    print("TypeError", e)
print(sum(map(abs, [-1, -2, 3])), list(map(int, iter(["1", "2"]))))

# expect: ['0', '1', '2', '3'] [1, 2] ['aa', 'bb']
# expect: [8, 9] [4, 5]
# expect: 0 1
# expect: ValueError two
# expect: 3
# expect: []
# expect: TypeError 'int' object is not callable
# expect: TypeError map() must have at least two arguments.
# expect: 6 [1, 2]
