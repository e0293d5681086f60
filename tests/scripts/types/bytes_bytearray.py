# bytes and bytearray methods, slicing and assignment against CPython 3.11.
b = b"Hello, World"
print(b.find(b"o", 5), b.rfind(111), b.count(b"l"), b.index(b"W"), 72 in b, b"lo" in b)
print(b.split(b", "), b"a b  c".split(), b"a,b,c".rsplit(b",", 1), b"x\r\ny\nz".splitlines(True))
print(b.upper(), b.lower(), b.swapcase(), b"ab cd".title(), b"aBC".capitalize())
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"-5".zfill(4))
print(b"  x ".strip(), b"xxaxx".strip(b"x"), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"bc"))
print(b"abc".partition(b"b"), b"a.b.c".rpartition(b"."), b"-".join([b"a", bytearray(b"b")]))
print(b"abc".replace(b"b", b"BB"), b"a\tb".expandtabs(4), b"abc".translate(None, b"b"))
print(b"abc".translate(bytes.maketrans(b"ab", b"xy")), b"12".isdigit(), b"ab".isalpha(), b"Ab".istitle())
print(b"\x00\xff".hex(), b"abcdef".hex(":", 2), b"abcdef".hex("-", -4), bytes.fromhex("de ad BE"))
print(bytearray.fromhex("0102"), b"abc".startswith((b"x", b"a")), b"abc".endswith(b"bc", 0, 3))
print(b[::2], b[::-1], b[1:8:3], b[-3:], b[100:], list(b[:3]), b[-1])
print(bytes(range(65, 70)), bytes("é", "utf-8"), bytes(2), bytes(bytearray(b"q")), bytes([1, 2]))
print(b"%s=%d %r %5.1f %x" % (b"k", 7, b"v", 1.25, 255), b"%c%c" % (65, b"B"))
a = bytearray(b"hello")
a[0] = 72
a[1:3] = b"EY"
a += b"!"
a.append(33)
a.extend([63, 63])
a.insert(0, 62)
print(a, len(a), a.pop(), a.pop(0), a)
a.remove(33)
del a[::2]
print(a, a.decode(), a == b"ELO!?", a > bytearray(b"A"))
a[::2] = b"xy"
a.reverse()
print(a, a.copy(), a * 2, bytearray(b"ab") + b"cd", a.hex(), bytearray(3))
a.clear()
print(a, bytearray(b"x").upper(), type(bytearray(b"ab").split()[0]).__name__)
for bad in [lambda: b"a"[5], lambda: bytes("x"), lambda: bytes([256]), lambda: b"a" + "b",
            lambda: bytearray(b"a").remove(120), lambda: bytearray().pop(), lambda: bytes.fromhex("xy"),
            lambda: hash(bytearray()), lambda: b"abc".index(b"z")]:
    try:
        bad()
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
# expect: 8 8 3 7 True True
# expect: [b'Hello', b'World'] [b'a', b'b', b'c'] [b'a,b', b'c'] [b'x\r\n', b'y\n', b'z']
# expect: b'HELLO, WORLD' b'hello, world' b'hELLO, wORLD' b'Ab Cd' b'Abc'
# expect: b'**ab**' b'ab  ' b'00ab' b'-005'
# expect: b'x' b'a' b'bc' b'a'
# expect: (b'a', b'b', b'c') (b'a.b', b'.', b'c') b'a-b'
# expect: b'aBBc' b'a   b' b'ac'
# expect: b'xyc' True True True
# expect: 00ff 6162:6364:6566 61626364-6566 b'\xde\xad\xbe'
# expect: bytearray(b'\x01\x02') True True
# expect: b'Hlo ol' b'dlroW ,olleH' b'eoW' b'rld' b'' [72, 101, 108] 100
# expect: b'ABCDE' b'\xc3\xa9' b'\x00\x00' b'q' b'\x01\x02'
# expect: b"k=7 b'v'   1.2 ff" b'AB'
# expect: bytearray(b'HEYlo!!?') 10 63 62 bytearray(b'HEYlo!!?')
# expect: bytearray(b'El!') El! False True
# expect: bytearray(b'ylx') bytearray(b'ylx') bytearray(b'ylxylx') bytearray(b'abcd') 796c78 bytearray(b'\x00\x00\x00')
# expect: bytearray(b'') bytearray(b'X') bytearray
# expect: IndexError index out of range
# expect: TypeError string argument without an encoding
# expect: ValueError bytes must be in range(0, 256)
# expect: TypeError can't concat str to bytes
# expect: ValueError value not found in bytearray
# expect: IndexError pop from empty bytearray
# expect: ValueError non-hexadecimal number found in fromhex() arg at position 0
# expect: TypeError unhashable type: 'bytearray'
# expect: ValueError subsection not found
