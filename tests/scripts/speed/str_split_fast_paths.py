# split(sep) of 1-byte text by a 1-byte separator scans with memchr; pieces of ASCII and Latin-1
# text, short searches (replace/find/count of a short needle in short text), int() of padded
# decimal fields and strs freed by their own dealloc: results as CPython's.
cases = ["a,b,,c", ",", "", "abc", ",a,", "é,ü,,x", "\xff,\xfe", "a,é,日本,b", "x" * 40 + "," + "y"]
for text in cases:
    print(text.split(","), text.split(",", 1), text.rsplit(",", 1), text.split(",", 0))
print("a\nb\n\nc\n".split("\n"), "line1\nline2".split("\n", -1))
print("  a  b\tc\n".split(), "\xa0a\x85b ".split(), "\u2003a b".split())
for hay in ["tag-7 ", "tag-tag-", "xtag", "ta", "t" * 70 + "tag-", "aaab", "日本tag-"]:
    print(hay.replace("tag-", "T"), hay.find("tag"), hay.count("ag"), hay.find("ab"), hay.rfind("ta"))
print("abcabc".find("bc", 2), "abcabc".find("cab"), "aaaa".count("aa"), "abc".find("abcd"))
for field in [" 12", "  -7 ", "007", "+5", " 0 ", "\t42\n", "1 2", " ", "- 5", "123456789012345678 "]:
    try:
        print(repr(field), int(field))
    except ValueError as e:
        print(e)
words = "The quick brown The fox".split()
counts = {}
for w in words:
    w = w.lower()
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))
class S(str):
    pass
s = S("a,b")
print(s.split(","), type(s.split(",")[0]).__name__, S("x") + "y")
del s
# expect: ['a', 'b', '', 'c'] ['a', 'b,,c'] ['a,b,', 'c'] ['a,b,,c']
# expect: ['', ''] ['', ''] ['', ''] [',']
# expect: [''] [''] [''] ['']
# expect: ['abc'] ['abc'] ['abc'] ['abc']
# expect: ['', 'a', ''] ['', 'a,'] [',a', ''] [',a,']
# expect: ['é', 'ü', '', 'x'] ['é', 'ü,,x'] ['é,ü,', 'x'] ['é,ü,,x']
# expect: ['ÿ', 'þ'] ['ÿ', 'þ'] ['ÿ', 'þ'] ['ÿ,þ']
# expect: ['a', 'é', '日本', 'b'] ['a', 'é,日本,b'] ['a,é,日本', 'b'] ['a,é,日本,b']
# expect: ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'y'] ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'y'] ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'y'] ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,y']
# expect: ['a', 'b', '', 'c', ''] ['line1', 'line2']
# expect: ['a', 'b', 'c'] ['a', 'b'] ['a', 'b']
# expect: T7  0 1 -1 0
# expect: TT 0 2 -1 4
# expect: xtag 1 1 -1 1
# expect: ta -1 0 -1 0
# expect: ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttT 70 1 -1 70
# expect: aaab -1 0 2 -1
# expect: 日本T 2 1 -1 2
# expect: 4 2 2 -1
# expect: ' 12' 12
# expect: '  -7 ' -7
# expect: '007' 7
# expect: '+5' 5
# expect: ' 0 ' 0
# expect: '\t42\n' 42
# expect: invalid literal for int() with base 10: '1 2'
# expect: invalid literal for int() with base 10: ' '
# expect: invalid literal for int() with base 10: '- 5'
# expect: '123456789012345678 ' 123456789012345678
# expect: [('brown', 1), ('fox', 1), ('quick', 1), ('the', 2)]
# expect: ['a', 'b'] str xy
