# Built-in functions and methods called without keywords take a short path; every check (missing
# or wrong receiver, argument counts, keywords) keeps CPython's message.
print(len("abc"), str.upper("x"), "a,b".split(","), list.append.__name__)
tests = [
    lambda: str.upper(),
    lambda: str.upper(5),
    lambda: str.upper("a", "b"),
    lambda: list.append([]),
    lambda: list.append([], 1, 2),
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: [].clear(1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(x=1),
    lambda: [].append(x=1),
    lambda: dict.get({}, "k", 1, 2),
    lambda: dict.keys(),
    lambda: str.join(1, []),
]
for test in tests:
    try:
        print(test())
    except TypeError as e:
        print("TypeError", e)


class MyList(list):
    pass


m = MyList()
list.append(m, 3)
print(m, str.lower("ABC"), dict.get({"k": 1}, "k"), "x".join(["a", "b"]), [].__len__())
print(sorted([3, 1, 2], key=None, reverse=True), int("12", base=8), "{0}".format(7))
# expect: 3 X ['a', 'b'] append
# expect: TypeError unbound method str.upper() needs an argument
# expect: TypeError descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
# expect: TypeError str.upper() takes no arguments (1 given)
# expect: TypeError list.append() takes exactly one argument (0 given)
# expect: TypeError list.append() takes exactly one argument (2 given)
# expect: TypeError list.append() takes exactly one argument (0 given)
# expect: TypeError list.append() takes exactly one argument (2 given)
# expect: TypeError list.clear() takes no arguments (1 given)
# expect: TypeError len() takes exactly one argument (0 given)
# expect: TypeError len() takes exactly one argument (2 given)
# expect: TypeError len() takes no keyword arguments
# expect: TypeError list.append() takes no keyword arguments
# expect: TypeError get expected at most 2 arguments, got 3
# expect: TypeError unbound method dict.keys() needs an argument
# expect: TypeError descriptor 'join' for 'str' objects doesn't apply to a 'int' object
# expect: [3] abc 1 axb 0
# expect: [3, 2, 1] 10 7
