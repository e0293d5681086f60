# Calls of built-in classes (type(x), int(x), str(x), ...) go to their constructors without
# type_call's dispatch; keywords, errors, subclasses and odd __str__ results keep CPython's ways.
def attempt(function, *args, **kwargs):
    try:
        return repr(function(*args, **kwargs))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class S(str):
    pass


class Odd:
    def __str__(self):
        return S("odd")


class I(int):
    pass


print(type(1), type("a"), type(None), type(type), type(S("x")), type(True))
print(attempt(type), attempt(type, 1, 2), attempt(type, x=1))
print(type("Made", (), {"a": 1}).a, type("K", (I,), {})(5) + 1)
print(attempt(int, "12"), attempt(int, "12", 16), attempt(int, "101", base=2), attempt(int, "z"))
print(attempt(int), attempt(int, I(7)), type(int(I(7))))
print(attempt(str, 5), attempt(str, b"ab", "ascii"), attempt(str, b"ab", encoding="ascii"))
print(type(str(Odd())).__name__, str(Odd()), attempt(str, 1, 2, 3, 4))
print(attempt(float, "1.5"), attempt(float, "x"), attempt(bool, 0), attempt(bool, []))
print(attempt(tuple, range(3)), attempt(list, "ab"), attempt(dict, a=1), attempt(set, [1, 1]))
print(type(object()).__name__, attempt(object, 1), attempt(frozenset), attempt(bytes, 3), attempt(range, 3))
print(attempt(I, 4), type(I(4)).__name__, attempt(S, 9), type(S(9)).__name__)
print(attempt(ValueError, "bad"), attempt(KeyError), attempt(slice, 1, 2))
kinds = [type(v).__name__ for v in (1, 1.0, "s", [], (), {}, None, I(1))]
print(kinds)
print([int(a < b) for a, b in [(1, 2), (2, 1)]], [str(n) for n in range(3)])

# expect: <class 'int'> <class 'str'> <class 'NoneType'> <class 'type'> <class '__main__.S'> <class 'bool'>
# expect: TypeError: type() takes 1 or 3 arguments TypeError: type() takes 1 or 3 arguments TypeError: type() takes 1 or 3 arguments
# expect: 1 6
# expect: 12 18 5 ValueError: invalid literal for int() with base 10: 'z'
# expect: 0 7 <class 'int'>
# expect: '5' 'ab' 'ab'
# expect: S odd TypeError: str() takes at most 3 arguments (4 given)
# expect: 1.5 ValueError: could not convert string to float: 'x' False False
# expect: (0, 1, 2) ['a', 'b'] {'a': 1} {1}
# expect: object TypeError: object() takes no arguments frozenset() b'\x00\x00\x00' range(0, 3)
# expect: 4 I '9' S
# expect: ValueError('bad') KeyError() slice(1, 2, None)
# expect: ['int', 'float', 'str', 'list', 'tuple', 'dict', 'NoneType', 'I']
# expect: [1, 0] ['0', '1', '2']
