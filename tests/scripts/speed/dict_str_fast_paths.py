# Fast paths of BINARY_SUBSCR/STORE_SUBSCR on exact dicts and strs, COMPARE_OP on exact strs and
# CONTAINS_OP on exact dicts/sets/strs answer as the generic protocol; subclasses overriding the
# dunders keep their own answers. A set key of `in`/remove/discard is retried as a frozenset.
d = {"a": 1, 2: "two", (1, 2): "pair"}
key = "".join(["a"])  # equal text, not the same object
print(d[key], d[2], d[(1, 2)], d[2.0], d[True - 1 + 2])
for bad in ("b", 3, (1, 3)):
    try:
        d[bad]
    except KeyError as e:
        print("KeyError", repr(e), e.args)
try:
    d[[1]]
except TypeError as e:
    print("TypeError", e)
try:
    d[1:2]
except TypeError as e:
    print("TypeError", e)
d[key] = 5
d["x" * 20] = 6
d[[].__class__.__name__] = 7
print(d)
try:
    d[{}] = 1
except TypeError as e:
    print("TypeError", e)


class Missing(dict):
    def __missing__(self, k):
        return "missing " + str(k)


class Get(dict):
    def __getitem__(self, k):
        return "get " + str(k)

    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v * 2)


m = Missing(a=1)
print(m["a"], m["zz"])
g = Get()
g["k"] = 3
print(g["k"], dict.__getitem__(g, "k"))


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        print("eq called")
        return isinstance(other, Key) and self.v == other.v


kd = {Key(1): "one"}
print(kd[Key(1)])
try:
    kd[Key(2)]
except KeyError:
    print("KeyError Key(2)")


class Raising:
    def __hash__(self):
        raise ValueError("no hash")


try:
    d[Raising()]
except ValueError as e:
    print("ValueError", e)
try:
    d[Raising()] = 1
except ValueError as e:
    print("ValueError", e)

s = "héllo"
t = "hello"
u = "h€llo"
print(s[1], t[0], t[-1], u[1], u[-4], s[-5])
for bad in (5, -6, 2**70):
    try:
        t[bad]
    except IndexError as e:
        print("IndexError", e)
for bad in ("0", 1.0, None):
    try:
        t[bad]
    except TypeError as e:
        print("TypeError", e)
print(t[True], t[1:3], t[::-1], t[-2:])
print(t[0] is t[-5], s[1] is s[-4])


class S(str):
    def __getitem__(self, i):
        return "S" + str(i)

    def __eq__(self, other):
        return True

    def __lt__(self, other):
        return "lt"

    __hash__ = str.__hash__


print(S("abc")[0], S("x") == "y", "y" == S("x"), S("x") != "x", S("a") < "b", "b" > S("a"))
print("abc" == "abc", "abc" == "abd", "a" != "a", "a" != "b", "abc" < "abd", "b" <= "a")
print("é" > "e", "€" > "é", "" < "a", "a" >= "", "ab" < "abc", "abc" > "ab")
print("x" == 1, "x" != None, 1 == "x")
try:
    "a" < 1
except TypeError as e:
    print("TypeError", e)
words = ["pear", "apple", "fig", "apple"]
print(sorted(words), [w for w in words if w == "apple"], max(words))
if "abc" == "ab" + "c":
    print("jump eq")
if not ("abc" != "ab" + "c"):
    print("jump ne")

st = {"a", 1, (2, 3)}
print("a" in st, "b" in st, 1 in st, 1.0 in st, (2, 3) in st, "b" not in st)
print("a" in d, "zz" in d, 2 in d, "zz" not in d, "ell" in t, "" in t, "x" in t, "x" not in t)
print("a" in frozenset("abc"), frozenset() in {frozenset()}, set() in {frozenset()})
try:
    [] in st
except TypeError as e:
    print("TypeError", e)
try:
    [] in d
except TypeError as e:
    print("TypeError", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError", e)


class C(dict):
    def __contains__(self, k):
        return k == "magic"


class CS(set):
    def __contains__(self, k):
        return True


class CStr(str):
    def __contains__(self, k):
        return False


print("magic" in C(), "a" in C(a=1), 5 in CS(), "a" in CStr("abc"))
print(kd.get(Key(1)), Key(1) in kd)
base = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"
found = []
for n in range(len(base) + 1):
    text = base[:n]
    table = {text: n, text + "!": -1}
    copy = "".join(list(text))
    found.append(table.get(copy, "absent") == n and copy in table and table[copy] == n)
print(all(found), len(found))
fs = {frozenset({1}), frozenset()}
fs.remove({1})
fs.discard(set())
print(fs)
try:
    fs.remove({2})
except KeyError as e:
    print("KeyError", e)
try:
    fs.remove([])
except TypeError as e:
    print("TypeError", e)
print({1} in {frozenset({1})}, {3} in {frozenset({1})})
# expect: 1 two pair two two
# expect: KeyError KeyError('b') ('b',)
# expect: KeyError KeyError(3) (3,)
# expect: KeyError KeyError((1, 3)) ((1, 3),)
# expect: TypeError unhashable type: 'list'
# expect: TypeError unhashable type: 'slice'
# expect: {'a': 5, 2: 'two', (1, 2): 'pair', 'xxxxxxxxxxxxxxxxxxxx': 6, 'list': 7}
# expect: TypeError unhashable type: 'dict'
# expect: 1 missing zz
# expect: get k 6
# expect: eq called
# expect: one
# expect: KeyError Key(2)
# expect: ValueError no hash
# expect: ValueError no hash
# expect: é h o € € h
# expect: IndexError string index out of range
# expect: IndexError string index out of range
# expect: IndexError cannot fit 'int' into an index-sized integer
# expect: TypeError string indices must be integers, not 'str'
# expect: TypeError string indices must be integers, not 'float'
# expect: TypeError string indices must be integers, not 'NoneType'
# expect: e el olleh lo
# expect: True True
# expect: S0 True True False lt lt
# expect: True False False True True False
# expect: True True True True True True
# expect: False True False
# expect: TypeError '<' not supported between instances of 'str' and 'int'
# expect: ['apple', 'apple', 'fig', 'pear'] ['apple', 'apple'] pear
# expect: jump eq
# expect: jump ne
# expect: True False True True True True
# expect: True False True True True True False True
# expect: True True True
# expect: TypeError unhashable type: 'list'
# expect: TypeError unhashable type: 'list'
# expect: TypeError 'in <string>' requires string as left operand, not int
# expect: True False True False
# expect: eq called
# expect: eq called
# expect: one True
# expect: True 47
# expect: set()
# expect: KeyError {2}
# expect: TypeError unhashable type: 'list'
# expect: True False
