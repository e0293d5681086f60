# The format-spec mini-language as CPython 3.11 applies it: zero padding inside digit grouping,
# the '0' flag with an explicit alignment, multi-byte fills, '#' for floats, the exponent rule of
# a float without a type, long precisions, and the checks in CPython's order with its messages.
def show(value, spec):
    try:
        print(repr(spec), repr(format(value, spec)))
    except Exception as exc:
        print(repr(spec), type(exc).__name__, exc)


for spec in ("08,d", "09_d", "012_x", "#012_b", "0=+10,d", "07,", "x=8,d", "08d"):
    for value in (1800, -1800, 255):
        show(value, spec)
for spec in ("010,.2f", "010,.1e", "012,.0f", "#012,.0f", "015,g", "09,.2%", "010,f"):
    for value in (1800.0, -1800.5, float("-inf")):
        show(value, spec)
for value, spec in (("ab", ">05"), ("ab", "^05"), (7, "<05"), (-7, "^05"), (7.5, "<07"),
                    (5, "é>5"), ("ab", "🙂^6"), (1.5, "€<8"), (3, "x<05")):
    show(value, spec)
for spec in (".0", ".1", ".3", "#.0", "#.3", "#", "10.3", ".16", "#.0f", "#.0e", "#.0%"):
    for value in (1.0, 100.0, 123.0, 2.5, 1e16, 0.0001, -0.0):
        show(value, spec)
show(0.1, ".60")
show(0.1, "#.60g")
print(len(format(1.0, ".500f")), len(format(1e300, ".450e")), len(format(1e308, ".400f")))
show(float("-inf"), "z.3f")
show(-0.0001, "z.2f")
for value, spec in ((5, "1" * 20), (5, "." + "1" * 20), (5, ",,"), (5, ",_"), (5, "_,"),
                    (5, "__"), (5, "."), (5, "é"), (5, "zc"), (5, ".1c"), (5, "+c"), (5, "#c"),
                    (-2**70, "c"), (-1, "c"), (5, ",x"), (5, ",c"), (5, "_n"), (5, "s"),
                    (5, ".1z"), (2.5, "_s"), (2.5, "d"), (1.0, ".2147483648"), ("a", " "),
                    ("a", "+"), ("a", ","), ("a", "z"), ("a", "#"), ("a", "="), ("a", "d"),
                    (None, ">5"), (None, ""), ([1], "x"), (True, ">5"), (True, "x")):
    show(value, spec)


class Plain:
    pass


class Static:
    @staticmethod
    def __format__(spec):
        return "static " + spec


show(Plain(), "x")
p = Plain()
print(format(p, "") == str(p))
show(Static(), "q")
print(f"{1800:08_d}|{-5:06,}|{2**70:040,d}|{10**5:_>12,}|{12345:010,}|{-9876.5:0=12,.2f}")

# expect: '08,d' '0,001,800'
# expect: '08,d' '-001,800'
# expect: '08,d' '0,000,255'
# expect: '09_d' '0_001_800'
# expect: '09_d' '-0_001_800'
# expect: '09_d' '0_000_255'
# expect: '012_x' '00_0000_0708'
# expect: '012_x' '-0_0000_0708'
# expect: '012_x' '00_0000_00ff'
# expect: '#012_b' '0b111_0000_1000'
# expect: '#012_b' '-0b111_0000_1000'
# expect: '#012_b' '0b0_1111_1111'
# expect: '0=+10,d' '+0,001,800'
# expect: '0=+10,d' '-0,001,800'
# expect: '0=+10,d' '+0,000,255'
# expect: '07,' '001,800'
# expect: '07,' '-01,800'
# expect: '07,' '000,255'
# expect: 'x=8,d' 'xxx1,800'
# expect: 'x=8,d' '-xx1,800'
# expect: 'x=8,d' 'xxxxx255'
# expect: '08d' '00001800'
# expect: '08d' '-0001800'
# expect: '08d' '00000255'
# expect: '010,.2f' '001,800.00'
# expect: '010,.2f' '-01,800.50'
# expect: '010,.2f' '-000000inf'
# expect: '010,.1e' '0,001.8e+03'
# expect: '010,.1e' '-001.8e+03'
# expect: '010,.1e' '-000000inf'
# expect: '012,.0f' '0,000,001,800'
# expect: '012,.0f' '-000,001,800'
# expect: '012,.0f' '-00000000inf'
# expect: '#012,.0f' '000,001,800.'
# expect: '#012,.0f' '-00,001,800.'
# expect: '#012,.0f' '-00000000inf'
# expect: '015,g' '000,000,001,800'
# expect: '015,g' '-0,000,001,800.5'
# expect: '015,g' '-00000000000inf'
# expect: '09,.2%' '180,000.00%'
# expect: '09,.2%' '-180,050.00%'
# expect: '09,.2%' '-0000inf%'
# expect: '010,f' '1,800.000000'
# expect: '010,f' '-1,800.500000'
# expect: '010,f' '-000000inf'
# expect: '>05' '000ab'
# expect: '^05' '0ab00'
# expect: '<05' '70000'
# expect: '^05' '0-700'
# expect: '<07' '7.50000'
# expect: 'é>5' 'éééé5'
# expect: '🙂^6' '🙂🙂ab🙂🙂'
# expect: '€<8' '1.5€€€€€'
# expect: 'x<05' '3xxxx'
# expect: '.0' '1e+00'
# expect: '.0' '1e+02'
# expect: '.0' '1e+02'
# expect: '.0' '2e+00'
# expect: '.0' '1e+16'
# expect: '.0' '0.0001'
# expect: '.0' '-0e+00'
# expect: '.1' '1e+00'
# expect: '.1' '1e+02'
# expect: '.1' '1e+02'
# expect: '.1' '2e+00'
# expect: '.1' '1e+16'
# expect: '.1' '0.0001'
# expect: '.1' '-0e+00'
# expect: '.3' '1.0'
# expect: '.3' '1e+02'
# expect: '.3' '1.23e+02'
# expect: '.3' '2.5'
# expect: '.3' '1e+16'
# expect: '.3' '0.0001'
# expect: '.3' '-0.0'
# expect: '#.0' '1.e+00'
# expect: '#.0' '1.e+02'
# expect: '#.0' '1.e+02'
# expect: '#.0' '2.e+00'
# expect: '#.0' '1.e+16'
# expect: '#.0' '0.0001'
# expect: '#.0' '-0.e+00'
# expect: '#.3' '1.00'
# expect: '#.3' '1.00e+02'
# expect: '#.3' '1.23e+02'
# expect: '#.3' '2.50'
# expect: '#.3' '1.00e+16'
# expect: '#.3' '0.000100'
# expect: '#.3' '-0.00'
# expect: '#' '1.0'
# expect: '#' '100.0'
# expect: '#' '123.0'
# expect: '#' '2.5'
# expect: '#' '1.e+16'
# expect: '#' '0.0001'
# expect: '#' '-0.0'
# expect: '10.3' '       1.0'
# expect: '10.3' '     1e+02'
# expect: '10.3' '  1.23e+02'
# expect: '10.3' '       2.5'
# expect: '10.3' '     1e+16'
# expect: '10.3' '    0.0001'
# expect: '10.3' '      -0.0'
# expect: '.16' '1.0'
# expect: '.16' '100.0'
# expect: '.16' '123.0'
# expect: '.16' '2.5'
# expect: '.16' '1e+16'
# expect: '.16' '0.0001'
# expect: '.16' '-0.0'
# expect: '#.0f' '1.'
# expect: '#.0f' '100.'
# expect: '#.0f' '123.'
# expect: '#.0f' '2.'
# expect: '#.0f' '10000000000000000.'
# expect: '#.0f' '0.'
# expect: '#.0f' '-0.'
# expect: '#.0e' '1.e+00'
# expect: '#.0e' '1.e+02'
# expect: '#.0e' '1.e+02'
# expect: '#.0e' '2.e+00'
# expect: '#.0e' '1.e+16'
# expect: '#.0e' '1.e-04'
# expect: '#.0e' '-0.e+00'
# expect: '#.0%' '100.%'
# expect: '#.0%' '10000.%'
# expect: '#.0%' '12300.%'
# expect: '#.0%' '250.%'
# expect: '#.0%' '1000000000000000000.%'
# expect: '#.0%' '0.%'
# expect: '#.0%' '-0.%'
# expect: '.60' '0.1000000000000000055511151231257827021181583404541015625'
# expect: '#.60g' '0.100000000000000005551115123125782702118158340454101562500000'
# expect: 502 457 710
# expect: 'z.3f' '-inf'
# expect: 'z.2f' '0.00'
# expect: '11111111111111111111' ValueError Too many decimal digits in format string
# expect: '.11111111111111111111' ValueError Too many decimal digits in format string
# expect: ',,' ValueError Cannot specify ',' with ','.
# expect: ',_' ValueError Cannot specify both ',' and '_'.
# expect: '_,' ValueError Cannot specify both ',' and '_'.
# expect: '__' ValueError Cannot specify '_' with '_'.
# expect: '.' ValueError Format specifier missing precision
# expect: 'é' ValueError Unknown format code '\xe9' for object of type 'int'
# expect: 'zc' ValueError Negative zero coercion (z) not allowed in integer format specifier
# expect: '.1c' ValueError Precision not allowed in integer format specifier
# expect: '+c' ValueError Sign not allowed with integer format specifier 'c'
# expect: '#c' ValueError Alternate form (#) not allowed with integer format specifier 'c'
# expect: 'c' OverflowError Python int too large to convert to C long
# expect: 'c' OverflowError %c arg not in range(0x110000)
# expect: ',x' ValueError Cannot specify ',' with 'x'.
# expect: ',c' ValueError Cannot specify ',' with 'c'.
# expect: '_n' ValueError Cannot specify '_' with 'n'.
# expect: 's' ValueError Unknown format code 's' for object of type 'int'
# expect: '.1z' ValueError Unknown format code 'z' for object of type 'int'
# expect: '_s' ValueError Cannot specify '_' with 's'.
# expect: 'd' ValueError Unknown format code 'd' for object of type 'float'
# expect: '.2147483648' ValueError precision too big
# expect: ' ' ValueError Space not allowed in string format specifier
# expect: '+' ValueError Sign not allowed in string format specifier
# expect: ',' ValueError Cannot specify ',' with 's'.
# expect: 'z' ValueError Negative zero coercion (z) not allowed in string format specifier
# expect: '#' ValueError Alternate form (#) not allowed in string format specifier
# expect: '=' ValueError '=' alignment not allowed in string format specifier
# expect: 'd' ValueError Unknown format code 'd' for object of type 'str'
# expect: '>5' TypeError unsupported format string passed to NoneType.__format__
# expect: '' 'None'
# expect: 'x' TypeError unsupported format string passed to list.__format__
# expect: '>5' '    1'
# expect: 'x' '1'
# expect: 'x' TypeError unsupported format string passed to Plain.__format__
# expect: True
# expect: 'q' 'static q'
# expect: 0_001_800|-0,005|0,000,000,001,180,591,620,717,411,303,424|_____100,000|00,012,345|-0,009,876.50
