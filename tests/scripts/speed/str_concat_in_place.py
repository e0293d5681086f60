# `s += piece` of exact strs grows s in place when nothing else holds it (CPython's
# unicode_concatenate); every other holder keeps seeing the old text, and kinds, hashes, the
# ascii-ness and subclasses' __add__/__radd__ stay right.
def grow(n):
    s = "start"
    for i in range(n):
        s += "%d;" % i
    return s


r = grow(2000)
print(len(r), r[:20], r[-10:], hash(r) == hash("".join(r)))

def shared():
    s = "abc"
    t = s
    s += "def"
    d = {s: 1}
    s += "g"
    return s, t, d


print(shared())

def kinds():
    out = []
    s = "x"
    for piece in ("é", "€", "😀", "a", "é"):
        s += piece
        out.append((s, len(s), ascii(s)))
    u = "€"
    u += "ab"
    u += "é"
    w = "😀"
    w += "é€x"
    out.append((u, len(u), w, len(w)))
    return out


for item in kinds():
    print(item)

def hashes():
    s = "key"
    h1 = hash(s)
    d = {s: 1}
    s += "2"
    d[s] = 2
    s += "3"
    return h1 == hash("key"), hash(s) == hash("key23"), sorted(d), "key2" in d, "key23" in d


print(hashes())

def plain_add():
    s = "a" * 3
    s = s + "b"
    s = s + s
    t = "q" * 2
    u = t + "r"
    return s, t, u


print(plain_add())

class S(str):
    def __add__(self, other):
        return "S.add"

    def __radd__(self, other):
        return "S.radd"


def subclass():
    s = S("s")
    s += "x"
    t = "t" * 2
    t += S("y")
    return s, t


print(subclass())

def errors():
    s = "abc" * 2
    try:
        s += 5
    except TypeError as e:
        print("TypeError", e)
    return s


print(errors())

def globals_too():
    global G
    G += "!"
    return G


G = "g" * 2
print(globals_too(), G)

def in_list():
    parts = ["a" * 2]
    parts[0] += "b"
    return parts


print(in_list())

def empty_start():
    s = ""
    for c in "xyz":
        s += c
    e = ""
    return s, e, "" + "", len("")


print(empty_start())
# expect: 8895 start0;1;2;3;4;5;6;7 1998;1999; True
# expect: ('abcdefg', 'abc', {'abcdef': 1})
# expect: ('xé', 2, "'x\\xe9'")
# expect: ('xé€', 3, "'x\\xe9\\u20ac'")
# expect: ('xé€😀', 4, "'x\\xe9\\u20ac\\U0001f600'")
# expect: ('xé€😀a', 5, "'x\\xe9\\u20ac\\U0001f600a'")
# expect: ('xé€😀aé', 6, "'x\\xe9\\u20ac\\U0001f600a\\xe9'")
# expect: ('€abé', 4, '😀é€x', 4)
# expect: (True, True, ['key', 'key2'], True, False)
# expect: ('aaabaaab', 'qq', 'qqr')
# expect: ('S.add', 'S.radd')
# expect: TypeError can only concatenate str (not "int") to str
# expect: abcabc
# expect: gg! gg!
# expect: ['aab']
# expect: ('xyz', '', '', 0)
