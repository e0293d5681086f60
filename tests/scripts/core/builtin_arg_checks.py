# Built-ins called with wrong argument counts, unknown or doubled keywords: CPython 3.11's checks
# and messages (round() with no argument read past its arguments; bool(1, 2), float(x=1),
# list(x=1), enumerate([1], 1, 2), sum([], 1, 2), dir(1, 2), min(1, 2, default=3) were accepted).
tests = [
    lambda: getattr(1), lambda: getattr(1, 2, 3, 4), lambda: getattr(1, 2), lambda: getattr(1, 2, 3),
    lambda: setattr(1, 2, 3), lambda: delattr(1, 2), lambda: hasattr(1, 2), lambda: hasattr(1, None),
    lambda: min(1, 2, default=3), lambda: max(1, 2, default=3), lambda: min([], default=3), lambda: max(1, 2, key=None),
    lambda: min(1, 2, foo=3), lambda: max(), lambda: min(key=len), lambda: max([1], [2], default=0, key=len),
    lambda: {}.get(), lambda: {}.pop(), lambda: {}.get(1, 2, 3), lambda: {}.pop(1, 2, 3), lambda: {}.setdefault(),
    lambda: enumerate([1], 1, 2), lambda: enumerate(), lambda: enumerate([1], start="x"), lambda: enumerate([1], foo=1),
    lambda: bool(1, 2), lambda: bool(x=1), lambda: list(1, 2), lambda: tuple(1, 2), lambda: set(1, 2), lambda: list(x=1),
    lambda: dir(1, 2), lambda: slice(1, 2, 3, 4), lambda: slice(), lambda: int(x=1), lambda: int(1, 2, 3),
    lambda: float(1, 2), lambda: float(x=1), lambda: str(1, 2, 3, 4), lambda: str(foo=1), lambda: dict(1, 2),
    lambda: frozenset(1, 2), lambda: range(1, 2, 3, 4), lambda: zip(1, strict=1) and None, lambda: reversed(), lambda: reversed(1, 2),
    lambda: sorted([1], 2), lambda: iter(), lambda: next(), lambda: abs(1, 2), lambda: len(1, 2),
    lambda: isinstance(1), lambda: issubclass(int), lambda: callable(), lambda: id(1, 2), lambda: hash(1, 2), lambda: chr(),
    lambda: ord(), lambda: round(), lambda: round(1, 2, 3), lambda: divmod(1), lambda: print(foo=1), lambda: vars(1, 2),
    lambda: type(1, 2, 3, 4), lambda: object(1), lambda: object(x=1), lambda: super(1, 2, 3), lambda: bytes(1, 2, 3, 4),
    lambda: sum(), lambda: sum([], 1, 2), lambda: all(), lambda: any(1, 2), lambda: map(), lambda: filter(), lambda: filter(1),
    lambda: repr(1, 2), lambda: ascii(), lambda: bin(1, 2), lambda: open(), lambda: input(1, 2), lambda: exec(), lambda: eval(),
    lambda: compile(), lambda: globals(1), lambda: locals(1), lambda: [].append(), lambda: [].insert(1), lambda: [].index(),
    lambda: "".split(1, 2, 3), lambda: "".join(), lambda: "".replace(1), lambda: "".startswith(), lambda: "".encode(1, 2, 3),
    lambda: [].sort(1), lambda: {}.update(1, 2), lambda: set().add(), lambda: set().union(1),
    lambda: (1.0).hex(1), lambda: "".format_map(), lambda: [].count(), lambda: ().index(),
    lambda: list.append(), lambda: str.upper(), lambda: str.upper(1), lambda: dict.fromkeys(), lambda: int.from_bytes(),
]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, "ok", type(r).__name__)
    except Exception as e:
        print(i, type(e).__name__, e)

more = [
    lambda: round(number=2.5), lambda: round(2.5, number=1), lambda: round(2.567, ndigits=1), lambda: round(1.5, x=1),
    lambda: list(enumerate(iterable="ab", start=3)), lambda: enumerate([1], iterable=[2]), lambda: int(base=10),
    lambda: int("11", base=2), lambda: int("11", 2, base=2), lambda: sum([1], start=5), lambda: sum([1], 2, start=5),
    lambda: sum([1], foo=5), lambda: min([3, 1], key=None, default=0), lambda: max(1, 2, key=len, default=1, foo=3),
    lambda: tuple(range(2)), lambda: frozenset([1]) == {1}, lambda: slice(5), lambda: [slice(None), slice(0, None), slice(1, 2), slice(None, None, None)], lambda: iter([]).__class__.__name__,
]
for i, t in enumerate(more):
    try:
        print("more", i, "ok", repr(t()))
    except Exception as e:
        print("more", i, type(e).__name__, e)

# expect: 0 TypeError getattr expected at least 2 arguments, got 1
# expect: 1 TypeError getattr expected at most 3 arguments, got 4
# expect: 2 TypeError attribute name must be string, not 'int'
# expect: 3 TypeError attribute name must be string, not 'int'
# expect: 4 TypeError attribute name must be string, not 'int'
# expect: 5 TypeError attribute name must be string, not 'int'
# expect: 6 TypeError attribute name must be string, not 'int'
# expect: 7 TypeError attribute name must be string, not 'NoneType'
# expect: 8 TypeError Cannot specify a default for min() with multiple positional arguments
# expect: 9 TypeError Cannot specify a default for max() with multiple positional arguments
# expect: 10 ok int
# expect: 11 ok int
# expect: 12 TypeError 'foo' is an invalid keyword argument for min()
# expect: 13 TypeError max expected at least 1 argument, got 0
# expect: 14 TypeError min expected at least 1 argument, got 0
# expect: 15 TypeError Cannot specify a default for max() with multiple positional arguments
# expect: 16 TypeError get expected at least 1 argument, got 0
# expect: 17 TypeError pop expected at least 1 argument, got 0
# expect: 18 TypeError get expected at most 2 arguments, got 3
# expect: 19 TypeError pop expected at most 2 arguments, got 3
# expect: 20 TypeError setdefault expected at least 1 argument, got 0
# expect: 21 TypeError enumerate() takes at most 2 arguments (3 given)
# expect: 22 TypeError enumerate() missing required argument 'iterable'
# expect: 23 TypeError 'str' object cannot be interpreted as an integer
# expect: 24 TypeError 'foo' is an invalid keyword argument for enumerate()
# expect: 25 TypeError bool expected at most 1 argument, got 2
# expect: 26 TypeError bool() takes no keyword arguments
# expect: 27 TypeError list expected at most 1 argument, got 2
# expect: 28 TypeError tuple expected at most 1 argument, got 2
# expect: 29 TypeError set expected at most 1 argument, got 2
# expect: 30 TypeError list() takes no keyword arguments
# expect: 31 TypeError dir expected at most 1 argument, got 2
# expect: 32 TypeError slice expected at most 3 arguments, got 4
# expect: 33 TypeError slice expected at least 1 argument, got 0
# expect: 34 TypeError 'x' is an invalid keyword argument for int()
# expect: 35 TypeError int() takes at most 2 arguments (3 given)
# expect: 36 TypeError float expected at most 1 argument, got 2
# expect: 37 TypeError float() takes no keyword arguments
# expect: 38 TypeError str() takes at most 3 arguments (4 given)
# expect: 39 TypeError 'foo' is an invalid keyword argument for str()
# expect: 40 TypeError dict expected at most 1 argument, got 2
# expect: 41 TypeError frozenset expected at most 1 argument, got 2
# expect: 42 TypeError range expected at most 3 arguments, got 4
# expect: 43 TypeError 'int' object is not iterable
# expect: 44 TypeError reversed expected 1 argument, got 0
# expect: 45 TypeError reversed expected 1 argument, got 2
# expect: 46 TypeError sorted expected 1 argument, got 2
# expect: 47 TypeError iter expected at least 1 argument, got 0
# expect: 48 TypeError next expected at least 1 argument, got 0
# expect: 49 TypeError abs() takes exactly one argument (2 given)
# expect: 50 TypeError len() takes exactly one argument (2 given)
# expect: 51 TypeError isinstance expected 2 arguments, got 1
# expect: 52 TypeError issubclass expected 2 arguments, got 1
# expect: 53 TypeError callable() takes exactly one argument (0 given)
# expect: 54 TypeError id() takes exactly one argument (2 given)
# expect: 55 TypeError hash() takes exactly one argument (2 given)
# expect: 56 TypeError chr() takes exactly one argument (0 given)
# expect: 57 TypeError ord() takes exactly one argument (0 given)
# expect: 58 TypeError round() missing required argument 'number' (pos 1)
# expect: 59 TypeError round() takes at most 2 arguments (3 given)
# expect: 60 TypeError divmod expected 2 arguments, got 1
# expect: 61 TypeError 'foo' is an invalid keyword argument for print()
# expect: 62 TypeError vars expected at most 1 argument, got 2
# expect: 63 TypeError type() takes 1 or 3 arguments
# expect: 64 TypeError object() takes no arguments
# expect: 65 TypeError object() takes no arguments
# expect: 66 TypeError super() expected at most 2 arguments, got 3
# expect: 67 TypeError bytes() takes at most 3 arguments (4 given)
# expect: 68 TypeError sum() takes at least 1 positional argument (0 given)
# expect: 69 TypeError sum() takes at most 2 arguments (3 given)
# expect: 70 TypeError all() takes exactly one argument (0 given)
# expect: 71 TypeError any() takes exactly one argument (2 given)
# expect: 72 TypeError map() must have at least two arguments.
# expect: 73 TypeError filter expected 2 arguments, got 0
# expect: 74 TypeError filter expected 2 arguments, got 1
# expect: 75 TypeError repr() takes exactly one argument (2 given)
# expect: 76 TypeError ascii() takes exactly one argument (0 given)
# expect: 77 TypeError bin() takes exactly one argument (2 given)
# expect: 78 TypeError open() missing required argument 'file' (pos 1)
# expect: 79 TypeError input expected at most 1 argument, got 2
# expect: 80 TypeError exec() takes at least 1 positional argument (0 given)
# expect: 81 TypeError eval expected at least 1 argument, got 0
# expect: 82 TypeError compile() missing required argument 'source' (pos 1)
# expect: 83 TypeError globals() takes no arguments (1 given)
# expect: 84 TypeError locals() takes no arguments (1 given)
# expect: 85 TypeError list.append() takes exactly one argument (0 given)
# expect: 86 TypeError insert expected 2 arguments, got 1
# expect: 87 TypeError index expected at least 1 argument, got 0
# expect: 88 TypeError split() takes at most 2 arguments (3 given)
# expect: 89 TypeError str.join() takes exactly one argument (0 given)
# expect: 90 TypeError replace expected at least 2 arguments, got 1
# expect: 91 TypeError startswith() takes at least 1 argument (0 given)
# expect: 92 TypeError encode() takes at most 2 arguments (3 given)
# expect: 93 TypeError sort() takes no positional arguments
# expect: 94 TypeError update expected at most 1 argument, got 2
# expect: 95 TypeError set.add() takes exactly one argument (0 given)
# expect: 96 TypeError 'int' object is not iterable
# expect: 97 TypeError float.hex() takes no arguments (1 given)
# expect: 98 TypeError str.format_map() takes exactly one argument (0 given)
# expect: 99 TypeError list.count() takes exactly one argument (0 given)
# expect: 100 TypeError index expected at least 1 argument, got 0
# expect: 101 TypeError unbound method list.append() needs an argument
# expect: 102 TypeError unbound method str.upper() needs an argument
# expect: 103 TypeError descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
# expect: 104 TypeError fromkeys expected at least 1 argument, got 0
# expect: 105 TypeError from_bytes() missing required argument 'bytes' (pos 1)
# expect: more 0 ok 2
# expect: more 1 TypeError argument for round() given by name ('number') and position (1)
# expect: more 2 ok 2.6
# expect: more 3 TypeError 'x' is an invalid keyword argument for round()
# expect: more 4 ok [(3, 'a'), (4, 'b')]
# expect: more 5 TypeError 'iterable' is an invalid keyword argument for enumerate()
# expect: more 6 TypeError int() missing string argument
# expect: more 7 ok 3
# expect: more 8 TypeError int() takes at most 2 arguments (3 given)
# expect: more 9 ok 6
# expect: more 10 TypeError sum() takes at most 2 arguments (3 given)
# expect: more 11 TypeError 'foo' is an invalid keyword argument for sum()
# expect: more 12 ok 1
# expect: more 13 TypeError max() takes at most 2 keyword arguments (3 given)
# expect: more 14 ok (0, 1)
# expect: more 15 ok True
# expect: more 16 ok slice(None, 5, None)
# expect: more 17 ok [slice(None, None, None), slice(0, None, None), slice(1, 2, None), slice(None, None, None)]
# expect: more 18 ok 'list_iterator'
