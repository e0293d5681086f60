# int and float methods, exception attributes, against CPython 3.11.
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\xff\xfe", "big", signed=True), int.from_bytes([1, 0], "little"), (5).to_bytes())
print((10).as_integer_ratio(), True.real, (7).numerator, (7).denominator, (3).imag, (255).bit_length())
print((0.75).as_integer_ratio(), (-2.5).as_integer_ratio(), (1.0).hex(), (-0.1).hex(), (0.0).hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0X.8"), float.fromhex("inf"), 2.5.real, 2.5.imag)
print(5e-324.hex(), float.fromhex(5e-324.hex()), (2.0).conjugate(), format(1234.5, ",.2f"))
for bad in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"),
            lambda: (1).to_bytes(1, "middle"), lambda: float("inf").as_integer_ratio(),
            lambda: float.fromhex("0x1p99999"), lambda: float.fromhex("zz")]:
    try:
        bad()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
e = OSError(2, "No such file or directory", "x.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, e)
print(type(OSError(13, "denied")).__name__, type(OSError(17, "exists")).__name__, OSError("plain").errno)
print(str(OSError(1, "a", "f", None, "g")), SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
print(StopIteration(5).value, str(KeyError("k")), str(KeyError()), repr(KeyError("a", 1)))
x = ValueError("v")
x.add_note("note 1")
x.add_note("note 2")
print(x.__notes__, x.with_traceback(None) is x)
try:
    x.add_note(5)
except TypeError as err:
    print(err)
try:
    b"\x80".decode("ascii")
except UnicodeDecodeError as err:
    print(err, err.encoding, err.start, err.end, err.reason)
print(str(UnicodeEncodeError("ascii", "ab", 0, 2, "bad")), isinstance(OSError(2, "x"), FileNotFoundError))
# expect: b'\x04\x00' b'\x00\x04\x00\x00' b'\xff\xff'
# expect: -2 1 b'\x05'
# expect: (10, 1) 1 7 1 0 8
# expect: (3, 4) (-5, 2) 0x1.0000000000000p+0 -0x1.999999999999ap-4 0x0.0p+0
# expect: 3.0 -0.5 inf 2.5 0.0
# expect: 0x0.0000000000001p-1022 5e-324 2.0 1,234.50
# expect: OverflowError int too big to convert
# expect: OverflowError can't convert negative int to unsigned
# expect: ValueError byteorder must be either 'little' or 'big'
# expect: OverflowError cannot convert Infinity to integer ratio
# expect: OverflowError hexadecimal value too large to represent as a float
# expect: ValueError invalid hexadecimal floating-point string
# expect: FileNotFoundError 2 No such file or directory x.txt (2, 'No such file or directory') [Errno 2] No such file or directory: 'x.txt'
# expect: PermissionError FileExistsError None
# expect: [Errno 1] a: 'f' -> 'g' 3 None (1, 2)
# expect: 5 'k'  KeyError('a', 1)
# expect: ['note 1', 'note 2'] True
# expect: note must be a str, not 'int'
# expect: 'ascii' codec can't decode byte 0x80 in position 0: ordinal not in range(128) ascii 0 1 ordinal not in range(128)
# expect: 'ascii' codec can't encode characters in position 0-1: bad True
