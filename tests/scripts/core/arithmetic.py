# Integer and float arithmetic, small-int fast paths and big-int overflow.
print(2 + 3 * 4, 7 // 2, -7 // 2, 7 % 3, -7 % 3)
# expect: 14 3 -4 1 2
print(2 ** 100)
# expect: 1267650600228229401496703205376
print(9223372036854775807 + 1, -9223372036854775808 - 1)
# expect: 9223372036854775808 -9223372036854775809
print(1.5 + 2, 3 * 0.5, 7 / 2, 1 / 3)
# expect: 3.5 1.5 3.5 0.3333333333333333
x = 10
x += 5
x *= 2
print(x, -x, +x, ~x, not x)
# expect: 30 -30 30 -31 False
print(1 < 2 <= 2 < 3, 3 > 2 > 2, 1 == 1.0, 1 != 2)
# expect: True False True True
