# format() of built-in ints and strs with an ASCII spec is written once at its final size; the
# results match CPython's for every fill, alignment, sign, '#', '0' and width, non-ASCII fills
# and strs, ints past 64 bits, and the '0' flag with an explicit alignment (fill '0').


def crc(text):
    h = 0
    for c in text:
        h = (h * 131 + ord(c)) % 4294967291
    return h


vals = [0, 7, -7, 255, -255, 2**63 - 1, -2**63, 2**63, -2**64, True, False]
specs = ["", "d", "5", "05", "<5", "^6", "=5", "*^7", "+d", " d", "x", "#X", "#o", "#010b",
         "+08d", "<08", "^08", ">030", "é>6", "é<6d", "x<4", ",", "_x", "c", ".2f"]
rows = []
for v in vals:
    for s in specs:
        try:
            rows.append(format(v, s))
        except (ValueError, OverflowError) as e:
            rows.append(type(e).__name__ + str(e))
print(len(rows), crc("|".join(rows)))
strs = ["", "a", "héllo", "日本語", "\U0001F600x", "x" * 10]
sspecs = ["", "s", "5", ">5", "^6", "*^9", "05", "<05", ".2", ".0", ">8.3s", "é>6", "=5", "+", "d"]
rows = []
for v in strs:
    for s in sspecs:
        try:
            rows.append(format(v, s))
        except ValueError as e:
            rows.append(str(e))
print(len(rows), crc("|".join(rows)))
print(repr(format(7, "^08")), repr(format(-7, "<08")), repr(format("ab", "é^6")))
print(repr(format(0x1F600, "c")), repr(f"{-12:06d}|{255:#x}|{'ab':>4}|{'日本':*<5}"))
for t in ["0", "-7", "+7", "007", " 12", "1_000", "123456789012345678", "-1234567890123456789"]:
    print(int(t), str(int(t)), repr(-int(t)))
for t in ["", "-", "12a", "0x10"]:
    try:
        int(t)
    except ValueError as e:
        print(e)
try:
    format(2**64, "c")
except OverflowError as e:
    print(e)
class F(int):
    def __format__(self, spec):
        return "F" + spec
print(f"{F(3):>5}", format(F(4), ""), f"{F(5)}")
# expect: 275 135636890
# expect: 90 4218936232
# expect: '00070000' '-7000000' 'ééabéé'
# expect: '😀' '-00012|0xff|  ab|日本***'
# expect: 0 0 0
# expect: -7 -7 7
# expect: 7 7 -7
# expect: 7 7 -7
# expect: 12 12 -12
# expect: 1000 1000 -1000
# expect: 123456789012345678 123456789012345678 -123456789012345678
# expect: -1234567890123456789 -1234567890123456789 1234567890123456789
# expect: invalid literal for int() with base 10: ''
# expect: invalid literal for int() with base 10: '-'
# expect: invalid literal for int() with base 10: '12a'
# expect: invalid literal for int() with base 10: '0x10'
# expect: Python int too large to convert to C long
# expect: F>5 F F
