# str methods against CPython 3.11 (searching, splitting, case, padding, predicates, codecs).
s = "Hello, World"
print(s.find("o", 5), s.rfind("o", 0, 5), s.index("W"), s.count("l", 3), s.count("", 2, 4))
print(s.startswith(("x", "He")), s.endswith("ld", 0, 12), s.startswith("lo", 3))
print("a-b-c".split("-", 1), "a-b-c".rsplit("-", 1), " a  b ".split(), "  a b c ".rsplit(None, 1))
print("1\n2\r\n3\r4\x0b5".splitlines(), "x\n\ny".splitlines(keepends=True))
print("abc".partition("b"), "abcb".rpartition("b"), "abc".rpartition("x"))
print(ascii(("ß".upper(), "ﬁ".upper(), "İ".lower().encode(), "ǅ".swapcase(), "ΣΑΣ".lower())))
print("hello world".title(), "hELLO".capitalize(), "Straße".casefold(), "aBc".swapcase())
print("x".center(6, "*"), "x".center(5), "7".zfill(3), "+7".zfill(4), "ab".ljust(4, "."), "ab".rjust(4))
print("a\tbc\td".expandtabs(), "a\tb".expandtabs(2), "x".expandtabs(tabsize=0))
print("aaa".replace("a", "b", 2), "ab".replace("", "-"), "abc".replace("x", "y"))
print("abc".translate({97: "A", 98: None}), "abc".translate(str.maketrans("ab", "xy", "c")))
print("²".isdigit(), "²".isdecimal(), "½".isnumeric(), "一".isnumeric(), "x1".isidentifier())
print("Ab Cd".istitle(), "ab cD".istitle(), "ABC1".isupper(), "\t ".isspace(), "a\x00".isprintable())
print("  x  ".strip(), "xxhixx".strip("x"), "--a".lstrip("-"), "a--".rstrip("-"), "éa".isascii())
print("{} {name} {0}".format if False else "{0}-{1}-{0}".format("a", "b"), "{x[1]}".format(x=[1, 2]))
print("{:>6}|{:<6}|{:^6}|{:*^7}".format("a", "b", "c", "d"), "{!r:>5}".format("q"))
print("{:,}".format(1234567), "{:_x}".format(255255), "{:08.3f}".format(-3.14159), "{:+d}".format(5))
print("{:e}".format(12345.678), "{:.2%}".format(0.256), "{:#b}".format(5), "{:c}".format(65))
print("{0[a]}".format({"a": 1}), "{:{w}}|".format("z", w=3), "{{}}".format())
print("é€😀".encode("utf-8"), "é".encode("latin-1"), "A€".encode("utf-16-le"), "A".encode("utf-32-be"))
print("a€b".encode("ascii", "replace"), "a€b".encode("ascii", "xmlcharrefreplace"), "a€".encode("ascii", "backslashreplace"))
print(ascii((b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("latin-1"), b"a\xff".decode("ascii", "ignore"))))
print(b"\xff\xfeA\x00".decode("utf-16"), b"\xe2\x82".decode("utf-8", "backslashreplace"))
print(repr(b"\xff".decode("utf-8", "surrogateescape")), "\udcff".encode("utf-8", "surrogateescape"))
try:
    "€".encode("latin-1")
except UnicodeEncodeError as e:
    print(e, e.start, e.end, e.encoding)
try:
    b"ab\xe2\x82".decode()
except UnicodeDecodeError as e:
    print(e, e.reason, e.object)
try:
    "x".encode("nope")
except LookupError as e:
    print(e)
for bad in [lambda: "abc".index("z"), lambda: "a".center(3, "xy"), lambda: "{0}{}".format(1, 2),
            lambda: "{".format(), lambda: "{1}".format(0), lambda: "x".split(""), lambda: ",".join([1])]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(ascii((str(b"ab", "ascii"), str(b"\xff", "utf-8", "replace"), str(encoding="utf-8"), str())))
print("%-5s|%5.1f|%x|%o|%e|%r|%c|%%|%3c" % ("ab", 2.25, 255, 8, 0.5, "q", 97, "z"))
print("%(a)s-%(b)d" % {"a": "x", "b": 3}, "%.3d" % 7, "%+.2e" % -1234.5, "%#X" % 255, "%i" % True)
for bad in [lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "%y" % 1, lambda: "%(a)s" % 1]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(int("٣٤"), float(" ١.٥ "), ascii("naïve\n"), "{!a}".format("é"), f"{'é'!a}")
# expect: 8 4 7 2 3
# expect: True True True
# expect: ['a', 'b-c'] ['a-b', 'c'] ['a', 'b'] ['  a b', 'c']
# expect: ['1', '2', '3', '4', '5'] ['x\n', '\n', 'y']
# expect: ('a', 'b', 'c') ('abc', 'b', '') ('', '', 'abc')
# expect: ('SS', 'FI', b'i\xcc\x87', '\u01c5', '\u03c3\u03b1\u03c2')
# expect: Hello World Hello strasse AbC
# expect: **x***   x   007 +007 ab..   ab
# expect: a       bc      d a b x
# expect: bba -a-b- abc
# expect: Ac xy
# expect: True False True True True
# expect: True False True True False
# expect: x hi a a False
# expect: a-b-a 2
# expect:      a|b     |  c   |***d***   'q'
# expect: 1,234,567 3_e517 -003.142 +5
# expect: 1.234568e+04 25.60% 0b101 A
# expect: 1 z  | {}
# expect: b'\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80' b'\xe9' b'A\x00\xac ' b'\x00\x00\x00A'
# expect: b'a?b' b'a&#8364;b' b'a\\u20ac'
# expect: ('a\ufffdb', 'a\xffb', 'a')
# expect: A \xe2\x82
# expect: '\udcff' b'\xff'
# expect: 'latin-1' codec can't encode character '\u20ac' in position 0: ordinal not in range(256) 0 1 latin-1
# expect: 'utf-8' codec can't decode bytes in position 2-3: unexpected end of data unexpected end of data b'ab\xe2\x82'
# expect: unknown encoding: nope
# expect: ValueError substring not found
# expect: TypeError The fill character must be exactly one character long
# expect: ValueError cannot switch from manual field specification to automatic field numbering
# expect: ValueError Single '{' encountered in format string
# expect: IndexError Replacement index 1 out of range for positional args tuple
# expect: ValueError empty separator
# expect: TypeError sequence item 0: expected str instance, int found
# expect: ('ab', '\ufffd', '', '')
# expect: ab   |  2.2|ff|10|5.000000e-01|'q'|a|%|  z
# expect: x-3 007 -1.23e+03 0XFF 1
# expect: TypeError %d format: a real number is required, not str
# expect: TypeError not enough arguments for format string
# expect: TypeError not all arguments converted during string formatting
# expect: ValueError unsupported format character 'y' (0x79) at index 1
# expect: TypeError format requires a mapping
# expect: 34 1.5 'na\xefve\n' '\xe9' '\xe9'
