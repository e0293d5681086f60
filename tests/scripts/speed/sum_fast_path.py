# sum() adds machine words and doubles as CPython 3.11's builtin_sum does (int subclasses' __radd__
# is not asked once the total is a float), and falls back to the number protocol otherwise.
class I(int):
    def __radd__(self, other):
        return "I.__radd__"
print(sum([1, 2, 3]), sum([]), sum([], 5), sum([1.5, 2]), sum([1, 2.5, 3]), sum([True, True, 3]))
# expect: 6 0 5 3.5 6.5 5
print(sum([2**62, 2**62, 1]), sum([1, 2**70]), sum([0.1] * 10), sum([1.0, I(2)]), sum([1, I(2)]))
# expect: 9223372036854775809 1180591620717411303425 0.9999999999999999 3.0 I.__radd__
print(sum([1.0, 2**70]), sum([1e308, 1e308]), sum([-0.0]), sum([-0.0], -0.0), sum([], 0.0))
# expect: 1.1805916207174113e+21 inf 0.0 -0.0 0.0
print(sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([1, 2], 0.5), sum([1.5, True]))
# expect: [1, 2] (1, 2) 3.5 2.5
print(repr(sum([float("nan"), 1])), sum(x * 0.5 for x in range(10)))
# expect: nan 22.5
try:
    sum([1, "a"])
except TypeError as e:
    print(e)
    # expect: unsupported operand type(s) for +: 'int' and 'str'
try:
    sum([1.0, "a"])
except TypeError as e:
    print(e)
    # expect: unsupported operand type(s) for +: 'float' and 'str'
print(sum([2**63 - 1, 1]), sum([-2**63, -1]), sum([1, 2], start=10))
# expect: 9223372036854775808 -9223372036854775809 13
