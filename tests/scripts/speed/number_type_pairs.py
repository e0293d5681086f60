# The number fast paths test the operands' types once (same exact type, else a float with an
# int): every other pairing (bools, subclasses, big ints, strs, mixed containers) answers as the
# generic protocol, list/tuple subscripts by big or extreme ints raise as CPython, and a float or
# int that a local drops goes back to its free list without changing any value that is still held.


class F(float):
    def __add__(self, other):
        return "F.__add__"

    def __lt__(self, other):
        return "F.__lt__"


class I(int):
    def __mul__(self, other):
        return "I.__mul__"

    def __radd__(self, other):
        return "I.__radd__"


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def arithmetic():
    x = 1.5
    n = 3
    show(lambda: x + n)
    show(lambda: n + x)
    show(lambda: x * True)
    show(lambda: False - x)
    show(lambda: F(2.0) + 1.0)
    show(lambda: 1.0 + F(2.0))
    show(lambda: I(3) * 2.0)
    show(lambda: 2.0 + I(3))
    show(lambda: 2.0 * I(3))
    show(lambda: 2**60 + 0.5)
    show(lambda: 0.5 + 2**60)
    show(lambda: (2**53 + 1) * 1.0)
    show(lambda: 2**80 * 1.5)
    show(lambda: 1.5 / 0)
    show(lambda: 1 / 0.0)
    show(lambda: 2.0 ** 0.5)
    show(lambda: 0.0 ** -1)
    show(lambda: 1e308 * 10)
    show(lambda: 10.0 ** 400)
    show(lambda: "a" + "b")
    show(lambda: "a" * 3)
    show(lambda: [1] + [2])
    show(lambda: 1.0 + "a")
    show(lambda: "a" + 1.0)


def comparisons():
    show(lambda: 1.0 < 2)
    show(lambda: 2 < 1.0)
    show(lambda: 2**53 + 1 == float(2**53 + 1))
    show(lambda: 2**53 + 1 > float(2**53))
    show(lambda: 2**80 > 1e20)
    show(lambda: float("nan") == float("nan"))
    show(lambda: float("nan") != 1)
    show(lambda: True == 1.0)
    show(lambda: F(1.0) < 2.0)
    show(lambda: 2.0 > F(1.0))
    show(lambda: "abc" < "abd")
    show(lambda: "abc" < 1.0)
    show(lambda: (1, 2) < (1, 3))
    out = []
    for i in range(5):
        if i < 2.5:
            out.append(i)
        if 1.5 <= i:
            out.append(-i)
    print(out)


def subscripts():
    items = [10, 20, 30]
    pair = (1.5, 2.5)
    show(lambda: items[-3])
    show(lambda: items[-4])
    show(lambda: items[3])
    show(lambda: items[2**63 - 1])
    show(lambda: items[-2**63])
    show(lambda: items[2**63])
    show(lambda: items[-2**63 - 1])
    show(lambda: pair[-1])
    show(lambda: pair[2**70])
    show(lambda: items[True])

    def store(index):
        items[index] = 0
        return items

    show(lambda: store(-1))
    show(lambda: store(-2**63))
    show(lambda: store(2**64))


def dropped_locals():
    kept = []
    x = 0.5
    for step in range(4):
        x = x * 3.0
        kept.append(x)
        x = x + 1.0
    big = 10**6
    n = big
    for step in range(3):
        n = n * 7
        kept.append(n)
        n = n - 1
    y = 2**100
    y = 5
    kept.append(y)
    print(kept, x, n)


arithmetic()
comparisons()
subscripts()
dropped_locals()

# expect: 4.5
# expect: 4.5
# expect: 1.5
# expect: -1.5
# expect: 'F.__add__'
# expect: 3.0
# expect: 'I.__mul__'
# expect: 5.0
# expect: 6.0
# expect: 1.152921504606847e+18
# expect: 1.152921504606847e+18
# expect: 9007199254740992.0
# expect: 1.8133887294219438e+24
# expect: ZeroDivisionError float division by zero
# expect: ZeroDivisionError float division by zero
# expect: 1.4142135623730951
# expect: ZeroDivisionError 0.0 cannot be raised to a negative power
# expect: inf
# expect: OverflowError (34, 'Numerical result out of range')
# expect: 'ab'
# expect: 'aaa'
# expect: [1, 2]
# expect: TypeError unsupported operand type(s) for +: 'float' and 'str'
# expect: TypeError can only concatenate str (not "float") to str
# expect: True
# expect: False
# expect: False
# expect: True
# expect: True
# expect: False
# expect: True
# expect: True
# expect: 'F.__lt__'
# expect: 'F.__lt__'
# expect: True
# expect: TypeError '<' not supported between instances of 'str' and 'float'
# expect: True
# expect: [0, 1, 2, -2, -3, -4]
# expect: 10
# expect: IndexError list index out of range
# expect: IndexError list index out of range
# expect: IndexError list index out of range
# expect: IndexError list index out of range
# expect: IndexError cannot fit 'int' into an index-sized integer
# expect: IndexError cannot fit 'int' into an index-sized integer
# expect: 2.5
# expect: IndexError cannot fit 'int' into an index-sized integer
# expect: 20
# expect: [10, 20, 0]
# expect: IndexError list assignment index out of range
# expect: IndexError cannot fit 'int' into an index-sized integer
# expect: [1.5, 7.5, 25.5, 79.5, 7000000, 48999993, 342999944, 5] 80.5 342999943
