# int() and float() of bytes and bytearray, as CPython: float(b'1.5') was a TypeError, so was
# int(bytearray(b'7')) and int(b'ff', 16); invalid text is named by the bytes' repr.
cases = ((float, b"1.5"), (float, bytearray(b" 2e3 ")), (float, b"-inf"), (float, b"1_0.5"),
         (float, b"ab"), (float, bytearray(b"ab")), (float, b""), (float, b"\xff1"),
         (int, b"ab"), (int, b" 12 "), (int, bytearray(b"7")), (int, b"1_0"), (int, b"-0"),
         (int, bytearray(b"x" * 300)), (int, b"\xe9"))
for func, value in cases:
    try:
        print(func.__name__, repr(func(value)))
    except ValueError as exc:
        print(func.__name__, "ValueError", exc)
for value, base in ((b"ff", 16), (bytearray(b"z"), 36), (b"12", 0), (b"0x1f", 0), (b"xy", 10),
                    (b"0b101", 2), (b"12", 1), (b"12", 2**40), ("12", 2**40), (b"9", 8)):
    try:
        print(repr(int(value, base)))
    except ValueError as exc:
        print("ValueError", exc)

# expect: float 1.5
# expect: float 2000.0
# expect: float -inf
# expect: float 10.5
# expect: float ValueError could not convert string to float: b'ab'
# expect: float ValueError could not convert string to float: bytearray(b'ab')
# expect: float ValueError could not convert string to float: b''
# expect: float ValueError could not convert string to float: b'\xff1'
# expect: int ValueError invalid literal for int() with base 10: b'ab'
# expect: int 12
# expect: int 7
# expect: int 10
# expect: int 0
# expect: int ValueError invalid literal for int() with base 10: b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
# expect: int ValueError invalid literal for int() with base 10: b'\xe9'
# expect: 255
# expect: 35
# expect: 12
# expect: 31
# expect: ValueError invalid literal for int() with base 10: b'xy'
# expect: 5
# expect: ValueError int() base must be >= 2 and <= 36, or 0
# expect: ValueError int() base must be >= 2 and <= 36, or 0
# expect: ValueError int() base must be >= 2 and <= 36, or 0
# expect: ValueError invalid literal for int() with base 8: b'9'
