# str methods working on the PEP 393 data per kind (1, 2, 4 bytes): every result equals CPython's,
# at every kind, with mixed-kind arguments, negative and out-of-range indices, maxsplit, Unicode
# whitespace and non-ASCII case mapping.
samples = ["", "a", "abc", " a b  c ", "héllo wörld", "Āb Ā c", "x\U0001F600y z", "\xa0a\x85b\u3000c",
           "a\u2028b\x1cc", "ÿ\xff"]
for s in samples:
    print(ascii((s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.strip(), s.lstrip(),
                 s.rstrip(), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase())))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), ",".split(","))
print("aXXbXXc".split("XX"), "aXXbXXc".rsplit("XX", -1), "Āxxā".split("x"), "a\U0001F600b".split("\U0001F600"))
print("abc".split("Ā"), "abcĀ".split("Ā"), "  ".split(), "  ".split(" "), "a b".split(maxsplit=0))
print("a b c".split(sep=None, maxsplit=1), "a b c".rsplit(maxsplit=1), "x".split("x"))
for bad in [lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".split(1), lambda: "a".partition(""),
            lambda: "a".split(maxsplit="x"), lambda: ",".join([1]), lambda: ",".join(5),
            lambda: "a".replace(1, "b"), lambda: "a".strip(1), lambda: "a".find(1), lambda: "a".index("b"),
            lambda: "a".startswith(1), lambda: "a".startswith((1,)), lambda: "a".count(), lambda: "abc"[5],
            lambda: "abc"[samples[1]], lambda: 1 in "a", lambda: "a".rindex("z")]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print("-".join(["a", "Ā", "\U0001F600"]), ascii("Ā".join(["x"])), ascii("Ā".join(["x", "y"])), "".join([]))
print(ascii("".join(["ab", "é"])), "".join(("a", "b")), ",".join(x for x in "abc"), ascii("\xe9".join(["a", "b"])))
class S(str):
    pass
j = "".join([S("q")])
print(type(j).__name__, j, type(S("ab").strip()).__name__, type(S("ab")[0:2]).__name__)
print("aaa".replace("a", "b", 2), "ab".replace("", "-"), "ab".replace("", "-", 2), "abc".replace("x", "y"))
print(ascii("aĀb".replace("Ā", "")), ascii("aĀb".replace("Ā", "é")), ascii("a\U0001F600".replace("\U0001F600", "Ā")))
print(ascii("héllo".replace("é", "e")), "héllo".replace("é", "e").isascii(), "abab".replace("ab", "x", 0))
print("abcabc".replace("bc", "BCD"), "".replace("", "x"), "".replace("a", "b"), "aaaa".replace("aa", "a"))
t = "hello world hello"
print(t.find("o"), t.find("o", 5), t.find("o", -3), t.rfind("o"), t.rfind("o", 0, 5), t.find("", 20), t.find("", 17))
print(t.rfind(""), t.rfind("", 3, 2), t.count("l"), t.count("ll"), t.count(""), t.count("", 5, 3), t.count("l", -5))
print(t.index("w"), t.rindex("l"), "Ā".find("a"), "aĀa".find("Ā"), "aĀa".rfind("a"), "\U0001F600Ā".find("Ā"))
print("a\U0001F600a".count("a"), "ĀĀĀ".count("ĀĀ"), "xĀ".startswith("xĀ"), "xĀ".endswith("Ā", 1), "abc".startswith("", 4))
print("abc".startswith("", 3), "abc".endswith("c", -1), "abc".startswith(("z", "b"), 1), "abc".endswith("ab", 0, 2))
print("abc".endswith("abcd"), "ab" in "cabd", "Ā" in "abc", "" in "", "é" in "café", "\U0001F600" in "a\U0001F600")
print("  x  ".strip(), "xxhixx".strip("x"), "--a".lstrip("-"), "a--".rstrip("-"), "abc".strip("Ā"), "ĀaĀ".strip("Ā"))
print(ascii("\u3000x\u3000".strip()), ascii("\x85x\xa0".strip()), ascii("\x1fx\x1c".strip()), "ab".strip(None))
s = "héllo\U0001F600wörld"
print(ascii(s[1:4]), ascii(s[::-1]), ascii(s[::2]), ascii(s[-3:]), ascii(s[5]), ascii(s[-1]), ascii(s[100:]), ascii(s[3:1]))
print(ascii("Āb"[1]), ascii("Āb"[0:1]), ascii("Ā\U0001F600"[0:1]), "abc"[::-1], "abcdef"[1:5:2], "abc"[-100:100])
print([ascii(c) for c in "aĀ\U0001F600é"], ascii(list(iter(""))), "a".isdigit(), "12".isdigit(), "١".isdigit())
print("ab".isalpha(), "a1".isalnum(), "Ab".islower(), "".isdigit(), "½".isnumeric(), " \t".isspace(), "é".isalpha())
print("ß".upper(), "ﬁx".upper(), "ΣΑΣ".lower(), "ÿ".upper(), "µ".upper(), "İ".lower() == "i\u0307", "hello world".title())
print("abc".partition("b"), "abcb".rpartition("b"), "abc".rpartition("x"), "abc".partition("x"), "aĀb".partition("Ā"))
print("prefix-x".removeprefix("prefix-"), "x.py".removesuffix(".py"), "x".removeprefix(""), "Āx".removeprefix("Ā"))
print("1\n2\r\n3\r4\x0b5".splitlines(), "x\n\ny".splitlines(keepends=True), ascii("a\u2028b\x85c".splitlines()))
print("%d:%s;" % (5, "ab"), f"{12:06d},{'x'}, {3:>4}", "{}|{:>8}|{:x}".format(1, "xx", 255))
big = "word " * 1000
print(len(big.split()), big.count("word"), big.find("word", 4990), len(big.replace("word", "w")), big.rfind("d "))
# expect: ([], [], [], [], '', '', '', '', '', '', '', '')
# expect: (['a'], ['a'], ['a'], ['a'], 'a', 'a', 'a', 'A', 'a', 'A', 'A', 'A')
# expect: (['abc'], ['abc'], ['abc'], ['abc'], 'abc', 'abc', 'abc', 'ABC', 'abc', 'Abc', 'Abc', 'ABC')
# expect: (['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b  c '], [' a b', 'c'], 'a b  c', 'a b  c ', ' a b  c', ' A B  C ', ' a b  c ', ' A B  C ', ' a b  c ', ' A B  C ')
# expect: (['h\xe9llo', 'w\xf6rld'], ['h\xe9llo', 'w\xf6rld'], ['h\xe9llo', 'w\xf6rld'], ['h\xe9llo', 'w\xf6rld'], 'h\xe9llo w\xf6rld', 'h\xe9llo w\xf6rld', 'h\xe9llo w\xf6rld', 'H\xc9LLO W\xd6RLD', 'h\xe9llo w\xf6rld', 'H\xe9llo W\xf6rld', 'H\xe9llo w\xf6rld', 'H\xc9LLO W\xd6RLD')
# expect: (['\u0100b', '\u0100', 'c'], ['\u0100b', '\u0100', 'c'], ['\u0100b', '\u0100 c'], ['\u0100b \u0100', 'c'], '\u0100b \u0100 c', '\u0100b \u0100 c', '\u0100b \u0100 c', '\u0100B \u0100 C', '\u0101b \u0101 c', '\u0100b \u0100 C', '\u0100b \u0101 c', '\u0101B \u0101 C')
# expect: (['x\U0001f600y', 'z'], ['x\U0001f600y', 'z'], ['x\U0001f600y', 'z'], ['x\U0001f600y', 'z'], 'x\U0001f600y z', 'x\U0001f600y z', 'x\U0001f600y z', 'X\U0001f600Y Z', 'x\U0001f600y z', 'X\U0001f600Y Z', 'X\U0001f600y z', 'X\U0001f600Y Z')
# expect: (['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b\u3000c'], ['\xa0a\x85b', 'c'], 'a\x85b\u3000c', 'a\x85b\u3000c', '\xa0a\x85b\u3000c', '\xa0A\x85B\u3000C', '\xa0a\x85b\u3000c', '\xa0A\x85B\u3000C', '\xa0a\x85b\u3000c', '\xa0A\x85B\u3000C')
# expect: (['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b\x1cc'], ['a\u2028b', 'c'], 'a\u2028b\x1cc', 'a\u2028b\x1cc', 'a\u2028b\x1cc', 'A\u2028B\x1cC', 'a\u2028b\x1cc', 'A\u2028B\x1cC', 'A\u2028b\x1cc', 'A\u2028B\x1cC')
# expect: (['\xff\xff'], ['\xff\xff'], ['\xff\xff'], ['\xff\xff'], '\xff\xff', '\xff\xff', '\xff\xff', '\u0178\u0178', '\xff\xff', '\u0178\xff', '\u0178\xff', '\u0178\u0178')
# expect: ['a', 'b', '', 'c'] ['a', 'b,,c'] ['a,b,', 'c'] ['', '']
# expect: ['a', 'b', 'c'] ['a', 'b', 'c'] ['Ā', '', 'ā'] ['a', 'b']
# expect: ['abc'] ['abc', ''] [] ['', '', ''] ['a b']
# expect: ['a', 'b c'] ['a b', 'c'] ['', '']
# expect: ValueError empty separator
# expect: ValueError empty separator
# expect: TypeError must be str or None, not int
# expect: ValueError empty separator
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: TypeError sequence item 0: expected str instance, int found
# expect: TypeError can only join an iterable
# expect: TypeError replace() argument 1 must be str, not int
# expect: TypeError strip arg must be None or str
# expect: TypeError must be str, not int
# expect: ValueError substring not found
# expect: TypeError startswith first arg must be str or a tuple of str, not int
# expect: TypeError tuple for startswith must only contain str, not int
# expect: TypeError count() takes at least 1 argument (0 given)
# expect: IndexError string index out of range
# expect: TypeError string indices must be integers, not 'str'
# expect: TypeError 'in <string>' requires string as left operand, not int
# expect: ValueError substring not found
# expect: a-Ā-😀 'x' 'x\u0100y' 
# expect: 'ab\xe9' ab a,b,c 'a\xe9b'
# expect: str q str str
# expect: bba -a-b- -a-b abc
# expect: 'ab' 'a\xe9b' 'a\u0100'
# expect: 'hello' True abab
# expect: aBCDaBCD x  aa
# expect: 4 7 16 16 4 -1 17
# expect: 17 -1 5 2 18 0 2
# expect: 6 15 -1 1 2 1
# expect: 2 1 True True False
# expect: True True True True
# expect: False True False True True True
# expect: x hi a a abc a
# expect: 'x' 'x' 'x' ab
# expect: '\xe9ll' 'dlr\xf6w\U0001f600oll\xe9h' 'hlowrd' 'rld' '\U0001f600' 'd' '' ''
# expect: 'b' '\u0100' '\u0100' cba bd abc
# expect: ["'a'", "'\\u0100'", "'\\U0001f600'", "'\\xe9'"] [] False True True
# expect: True True False False True True True
# expect: SS FIX σας Ÿ Μ True Hello World
# expect: ('a', 'b', 'c') ('abc', 'b', '') ('', '', 'abc') ('abc', '', '') ('a', 'Ā', 'b')
# expect: x x x x
# expect: ['1', '2', '3', '4', '5'] ['x\n', '\n', 'y'] ['a', 'b', 'c']
# expect: 5:ab; 000012,x,    3 1|      xx|ff
# expect: 1000 1000 4990 2000 4998
