# Subclasses of bytes, set and frozenset.


class B(bytes):
    pass


b = B(b"abc")
print(type(b).__name__, b, repr(b), len(b), isinstance(b, bytes), b == b"abc", hash(b) == hash(b"abc"))
print(type(b.upper()).__name__, type(b[1:]).__name__, b[0], type(b + b"x").__name__, type(b * 2).__name__)
print(type(bytes(b)).__name__, bytes(b), b.decode(), {b: 1}[b"abc"], b"b" in b, list(b), b.hex())
print(f"{b!r}", "%s" % b, b"%s" % b, B(3), B([65, 66]), B("xy", "ascii"), B(), type(B()).__name__)
b.tag = "t"
print(b.tag, vars(b))


class BN(bytes):
    def __new__(cls, text):
        return super().__new__(cls, text.encode())

    def __repr__(self):
        return "BN(" + bytes.__repr__(self) + ")"

    def __bytes__(self):
        return b"custom"


bn = BN("hi")
print(bn, repr(bn), [bn], bytes(bn), bn == b"hi", b"-".join([bn, bn]), bn.decode())


class T(set):
    pass


t = T([3, 1, 2])
print(type(t).__name__, sorted(t), repr(T()), len(t), 2 in t, isinstance(t, set), t == {1, 2, 3})
print(repr(T([1])), type(t | {9}).__name__, type(t & {1}).__name__, type(t - {1}).__name__, type(t.copy()).__name__)
t.add(7)
t.discard(1)
print(sorted(t), type(t.union([5])).__name__, t.issubset({2, 3, 7, 8}), {1, 2} <= T([1, 2]))
t.name = "tee"
print(t.name, vars(t))
t |= {100}
print(type(t).__name__, sorted(t))


class TI(set):
    def __init__(self, items, label):
        super().__init__(items)
        self.label = label

    def __contains__(self, item):
        return item == "always" or set.__contains__(self, item)

    def __len__(self):
        return 99

    def __iter__(self):
        return iter(["x", "y"])


ti = TI([1, 2], "L")
print(ti.label, "always" in ti, 1 in ti, 5 in ti, len(ti), set.__len__(ti), list(ti), sorted(ti))
print(set(ti) == {"x", "y"}, frozenset(ti) == {"x", "y"}, set.__repr__(ti), {1, 2} == ti)


class F(frozenset):
    pass


f = F([1, 2])
print(type(f).__name__, repr(f), repr(F()), hash(f) == hash(frozenset([1, 2])), {f: "v"}[frozenset({1, 2})])
print(type(f | {3}).__name__, type(f.copy()).__name__, f.copy() is f, frozenset(f) is f, type(frozenset(f)).__name__)
f.x = 1
print(f.x, f == {1, 2}, f in {frozenset([1, 2])}, sorted(f))


class FN(frozenset):
    def __new__(cls, *items):
        return super().__new__(cls, items)

    def __repr__(self):
        return "FN" + repr(sorted(self))


fn = FN(3, 1)
print(fn, len(fn), type(fn).__name__, {fn}, sorted(fn | FN(4)))


class SetWithEq(set):
    def __eq__(self, other):
        return True

    __hash__ = None


print(SetWithEq() == {1}, {1} == SetWithEq(), SetWithEq() != {1})
try:
    hash(T())
except TypeError as e:
    print("TypeError", e)
try:

    class Bad(set, frozenset):
        pass

except TypeError as e:
    print("TypeError", e)
try:

    class Bad2(bytes, str):
        pass

except TypeError as e:
    print("TypeError", e)
try:
    bytes.__new__(T)
except TypeError as e:
    print("TypeError", e)
try:
    set.__new__(F)
except TypeError as e:
    print("TypeError", e)
print(type(frozenset.__new__(F, [1])).__name__, type(set.__new__(T)).__name__, set.__new__(T, [1, 2]))
print(type(bytes.__new__(B, b"q")).__name__, bytes.__new__(B, b"q"))

# expect: B b'abc' b'abc' 3 True True True
# expect: bytes bytes 97 bytes bytes
# expect: bytes b'abc' abc 1 True [97, 98, 99] 616263
# expect: b'abc' b'abc' b'abc' b'\x00\x00\x00' b'AB' b'xy' b'' B
# expect: t {'tag': 't'}
# expect: b'hi' BN(b'hi') [BN(b'hi')] b'custom' True b'hi-hi' hi
# expect: T [1, 2, 3] T() 3 True True True
# expect: T({1}) set set set set
# expect: [2, 3, 7] set True True
# expect: tee {'name': 'tee'}
# expect: T [2, 3, 7, 100]
# expect: L True True False 99 2 ['x', 'y'] ['x', 'y']
# expect: False False TI({'x', 'y'}) True
# expect: F F({1, 2}) F() True v
# expect: frozenset frozenset False False frozenset
# expect: 1 True True [1, 2]
# expect: FN[1, 3] 2 FN {FN[1, 3]} [1, 3, 4]
# expect: True True True
# expect: TypeError unhashable type: 'T'
# expect: TypeError multiple bases have instance lay-out conflict
# expect: TypeError multiple bases have instance lay-out conflict
# expect: TypeError bytes.__new__(T): T is not a subtype of bytes
# expect: TypeError set.__new__(F): F is not a subtype of set
# expect: F T T()
# expect: B b'q'
