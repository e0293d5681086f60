# string (constants, capwords, Template, Formatter), keyword and textwrap.
import keyword
import string
import textwrap

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   big world"), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "x", "what": "y"}))
print(t.safe_substitute(who="ann"), t.get_identifiers(), t.is_valid())
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("bad $ here").substitute()
except ValueError as e:
    print(e)
print(string.Formatter().format("{0}-{name}-{1!r:>5}", 1, "b", name="n"))
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist))
s = "The quick brown fox jumps over the lazy dog, a well-known pangram for typing."
print(textwrap.wrap(s, 20))
print(textwrap.fill(s, 30, initial_indent="> ", subsequent_indent="  "))
print(textwrap.shorten(s, 30), textwrap.shorten("short", 30))
print(repr(textwrap.dedent("    def f():\n        return 1\n")), repr(textwrap.indent("a\nb\n", "  ")))
# expect: abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 0123456789abcdefABCDEF 01234567
# expect: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~' ' \t\n\r\x0b\x0c' 100
# expect: Hello Big World A-B c-D
# expect: tim likes kung pao; $5 x likes y; $5
# expect: ann likes ${what}; $5 ['who', 'what'] True
# expect: KeyError 'what'
# expect: Invalid placeholder in string: line 1, col 5
# expect: 1-n-  'b'
# expect: True False True 35
# expect: ['The quick brown fox', 'jumps over the lazy', 'dog, a well-known', 'pangram for typing.']
# expect: > The quick brown fox jumps
# expect:   over the lazy dog, a well-
# expect:   known pangram for typing.
# expect: The quick brown fox [...] short
# expect: 'def f():\n    return 1\n' '  a\n  b\n'
