# Subclasses of str: construction, methods returning str, dunders honoured where CPython does.


class S(str):
    pass


s = S("hello")
print(type(s).__name__, s, repr(s), len(s), isinstance(s, str), isinstance(s, S))
print(type(s.upper()).__name__, s.upper(), type(s[1:3]).__name__, s[1:3], type(s[0]).__name__)
print(type(s + "x").__name__, type("x" + s).__name__, type(s * 2).__name__, s * 2)
print(type(str(s)).__name__, type(s.strip()).__name__, type(s.replace("z", "y")).__name__)
print(type(s.lower()).__name__, type(s.ljust(2)).__name__, type(s.center(3)).__name__)
print(type(s.zfill(1)).__name__, type(s.expandtabs()).__name__, type(s.title()).__name__)
print(type(s.removeprefix("q")).__name__, type(s.format()).__name__, type(s.casefold()).__name__)
print(type(s.split()[0]).__name__, type(s.partition("z")[0]).__name__, type(s.join(["a", "b"])).__name__)
print(s == "hello", "hello" == s, hash(s) == hash("hello"), s != "x", s < "z", s > "a")
d = {s: 1}
print(d["hello"], "hello" in d, d, {"hello": 2}[s])
print(f"{s}", "%s" % s, "%r" % s, format(s), format(s, ">7"), "{}".format(s), "{!r}".format(s))
print("ell" in s, list(s), "".join(s), "-".join([s, s]), s.count("l"), sorted(S("cab")))
print(s.__class__.__name__, S.__mro__[1].__name__, type(S()).__name__, repr(S()), S() == "")
s.attr = 5
print(s.attr, s.__dict__, vars(s))
print(str.__str__(s), type(str.__str__(s)).__name__, str.__repr__(s))


class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())

    def __init__(self, value):
        self.original = value


u = Upper("abc")
print(u, u.original, type(u).__name__, u == "ABC", len(u))


class Tagged(str):
    def __str__(self):
        return "<" + self + ">"

    def __repr__(self):
        return "Tagged(" + str.__repr__(self) + ")"

    def __format__(self, spec):
        return "fmt:" + spec


t = Tagged("x")
print(str(t), repr(t), f"{t}", f"{t:5}", "%s" % t, "%r" % t, [t], t + "y", "".join([t, t]))
print(t)
print(t, "y", sep="|")
print(str.__str__(t), "{}".format(t), format(t, "q"), "-".join([t]))


class CI(str):
    def __eq__(self, other):
        return self.lower() == other.lower()

    def __hash__(self):
        return hash(self.lower())

    def __len__(self):
        return 42

    def __contains__(self, item):
        return True

    def __getitem__(self, index):
        return "item"

    def __iter__(self):
        return iter(["i1", "i2"])


c = CI("HeLLo")
print(c == "hello", "hello" == c, c != "hello", {c: 1}.get(CI("HELLO")), len(c), "zz" in c)
print(c[0], list(c), [x for x in c], str.__len__(c), str.__getitem__(c, 0), "".join(c))
print(c.upper(), c.startswith("He"), c.find("L"), str(c), repr(c), "%s" % c)
print(tuple(c), sorted(c), set(c) == {"i1", "i2"}, str.__contains__(c, "zz"))


class Slotted(str):
    __slots__ = ("extra",)


sl = Slotted("q")
sl.extra = 3
print(sl, sl.extra, hasattr(sl, "__dict__"))
try:
    sl.other = 1
except AttributeError as e:
    print("AttributeError", e)


class Sub2(S):
    def shout(self):
        return self.upper() + "!"


s2 = Sub2("deep")
print(s2.shout(), isinstance(s2, S), isinstance(s2, str), Sub2.__mro__[1:3] == (S, str))


class Mixin:
    def describe(self):
        return "I am " + self


class MS(Mixin, str):
    pass


m = MS("mixed")
print(m.describe(), type(m).__name__, m.upper(), [c.__name__ for c in MS.__mro__])
try:

    class Bad(str, int):
        pass

except TypeError as e:
    print("TypeError", e)
try:

    class Bad2(str, tuple):
        pass

except TypeError as e:
    print("TypeError", e)
try:
    str.__new__(int, "x")
except TypeError as e:
    print("TypeError", e)
try:
    str.__new__(S, 1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)
print(type(str.__new__(S, "v")).__name__, str.__new__(S, b"ab", "ascii"), str.__new__(S))
print(S(b"xy", "ascii"), S(12), S([1]), type(S(s)).__name__, S(s) is s)
print(int(S("12")) + 1, float(S("1.5")), S("a,b").split(","), ord(S("A")), S("x").isalpha())
print(s.encode(), "%s-%s" % (S("a"), S("b")), "{0}{0}".format(S("z")), str(S("a")) is s)

# expect: S hello 'hello' 5 True True
# expect: str HELLO str el str
# expect: str str str hellohello
# expect: str str str
# expect: str str str
# expect: str str str
# expect: str S str
# expect: str S str
# expect: True True True True True True
# expect: 1 True {'hello': 1} 2
# expect: hello hello 'hello' hello   hello hello 'hello'
# expect: True ['h', 'e', 'l', 'l', 'o'] hello hello-hello 2 ['a', 'b', 'c']
# expect: S str S '' True
# expect: 5 {'attr': 5} {'attr': 5}
# expect: hello str 'hello'
# expect: ABC abc Upper True 3
# expect: <x> Tagged('x') fmt: fmt:5 <x> Tagged('x') [Tagged('x')] xy xx
# expect: <x>
# expect: <x>|y
# expect: x fmt: fmt:q x
# expect: True True True 1 42 True
# expect: item ['i1', 'i2'] ['i1', 'i2'] 5 H i1i2
# expect: HELLO True 2 HeLLo 'HeLLo' HeLLo
# expect: ('i1', 'i2') ['i1', 'i2'] True False
# expect: q 3 False
# expect: AttributeError 'Slotted' object has no attribute 'other'
# expect: DEEP! True True True
# expect: I am mixed MS MIXED ['MS', 'Mixin', 'str', 'object']
# expect: TypeError multiple bases have instance lay-out conflict
# expect: TypeError multiple bases have instance lay-out conflict
# expect: TypeError str.__new__(int): int is not a subtype of str
# expect: TypeError str() takes at most 3 arguments (4 given)
# expect: S ab 
# expect: xy 12 [1] S False
# expect: 13 1.5 ['a', 'b'] 65 True
# expect: b'hello' a-b zz False
