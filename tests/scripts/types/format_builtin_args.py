# format() and object.__format__ check the spec's type before reading it as text (a non-str spec
# was read as a str's bytes: a heap overflow under ASan), with CPython's messages and counts.
class Plain:
    pass


calls = (
    lambda: format(1, 2),
    lambda: format(Plain(), 1),
    lambda: format(1, None),
    lambda: format("x", b">3"),
    lambda: format(1),
    lambda: format(),
    lambda: format(1, 2, 3),
    lambda: format(5, type("S", (str,), {})(">3")),
    lambda: object().__format__(1),
    lambda: Plain().__format__(None),
    lambda: object.__format__(Plain(), 2.5),
    lambda: format(Plain(), "").startswith("<__main__.Plain object at "),
)
for call in calls:
    try:
        print(repr(call()))
    except TypeError as exc:
        print("TypeError", exc)

# expect: TypeError format() argument 2 must be str, not int
# expect: TypeError format() argument 2 must be str, not int
# expect: TypeError format() argument 2 must be str, not None
# expect: TypeError format() argument 2 must be str, not bytes
# expect: '1'
# expect: TypeError format expected at least 1 argument, got 0
# expect: TypeError format expected at most 2 arguments, got 3
# expect: '  5'
# expect: TypeError __format__() argument must be str, not int
# expect: TypeError __format__() argument must be str, not None
# expect: TypeError __format__() argument must be str, not float
# expect: True
