# printf-style formatting of plain %d/%i/%s conversions of exact ints and ASCII strs is written
# into one buffer; everything else (flags, widths, other types, count mismatches, mappings,
# subclasses, non-ASCII text) keeps CPython's results and errors.
class S(str):
    pass


class I(int):
    def __str__(self):
        return "I!"


cases = [
    ("%d:%s;", (5, "ab")), ("%d:%s;", (-12, "")), ("%i|%s|%s", (0, 7, "x")), ("%s", "abc"),
    ("%d", 2**70), ("%s", 2**64), ("abc", ()), ("%%d%d%%", (3,)), ("%5d|%-3s|", (4, "a")),
    ("%d", True), ("%s", True), ("%s", None), ("%s", [1, 2]), ("%s", (1,)), ("%s", ((1, 2),)),
    ("%(a)s", {"a": 1}), ("é%s", ("x",)), ("%s", ("é",)), ("%s", (S("s"),)), ("%d", (I(3),)),
    ("%s", (I(3),)), ("%x", (255,)), ("x" * 300 + "%s", ("y",)), ("%s" * 3, ("a", 1, "b")),
    ("%d", ()), ("%d %d", (1,)), ("abc", 5), ("%d", ("x",)), ("%", (1,)), ("%s %s", ("a", "b", "c")),
    ("abc", {}), ("%z", (1,)),
]
for fmt, values in cases:
    try:
        r = fmt % values
        print(repr(r[:40]), len(r), type(r).__name__)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(repr(S("a%sb") % ("x",)), type(S("ab") % ()).__name__)
# expect: '5:ab;' 5 str
# expect: '-12:;' 5 str
# expect: '0|7|x' 5 str
# expect: 'abc' 3 str
# expect: '1180591620717411303424' 22 str
# expect: '18446744073709551616' 20 str
# expect: 'abc' 3 str
# expect: '%d3%' 4 str
# expect: '    4|a  |' 10 str
# expect: '1' 1 str
# expect: 'True' 4 str
# expect: 'None' 4 str
# expect: '[1, 2]' 6 str
# expect: '1' 1 str
# expect: '(1, 2)' 6 str
# expect: '1' 1 str
# expect: 'éx' 2 str
# expect: 'é' 1 str
# expect: 's' 1 str
# expect: '3' 1 str
# expect: 'I!' 2 str
# expect: 'ff' 2 str
# expect: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' 301 str
# expect: 'a1b' 3 str
# expect: TypeError not enough arguments for format string
# expect: TypeError not enough arguments for format string
# expect: TypeError not all arguments converted during string formatting
# expect: TypeError %d format: a real number is required, not str
# expect: ValueError incomplete format
# expect: TypeError not all arguments converted during string formatting
# expect: 'abc' 3 str
# expect: ValueError unsupported format character 'z' (0x7a) at index 1
# expect: 'axb' S
