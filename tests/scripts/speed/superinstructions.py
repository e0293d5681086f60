# Superinstructions (vm/superinstructions.h) and UNARY_NEGATIVE's fast path: fused pairs behave as
# their two instructions (errors point at the second one, jumps may land on it, BINARY_OP and
# FOR_ITER still see a fused STORE_FAST, a value dropped by a fused store sees its line), and -x
# keeps CPython's values and identities.
import sys


def unbound_second():
    a = 1
    if a == 2:
        b = 2
    try:
        return a + b  # LOAD_FAST a, LOAD_FAST b: the second raises
    except UnboundLocalError as e:
        return str(e), e.__traceback__.tb_lineno - unbound_second.__code__.co_firstlineno


def unbound_first():
    if len(sys.argv) > 99:
        c = 0
    try:
        return c + 1  # LOAD_FAST c, LOAD_CONST 1: the first raises
    except UnboundLocalError as e:
        return str(e), e.__traceback__.tb_lineno - unbound_first.__code__.co_firstlineno


print(unbound_second())
print(unbound_first())


def loop_lands_on_second(n):
    i = 0
    total = 0
    while i < n:  # the loop's jump lands between stores and loads
        total = total + i
        i = i + 1
    return total, i


print(loop_lands_on_second(10))


def chained():
    a = b = 7  # STORE_FAST a, STORE_FAST b
    c, d = a, b
    d, c = c + 1, d + 2
    x = 1.5
    y = 2.5
    dx = x - y  # BINARY_OP, then a fused STORE_FAST
    dy = dx * 2.0
    s = "ab"
    s += "cd"  # in place, then a fused STORE_FAST
    t = s
    return a, b, c, d, dx, dy, s, t


print(chained())


def range_reuse():
    kept = []
    for i in range(1000, 1004):  # FOR_ITER, STORE_FAST i fused with the LOAD_FAST after it
        j = i
        kept.append(j)
    return kept, i


print(range_reuse())


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        if self.name == "first":
            print("del", self.name, "line", sys._getframe(1).f_lineno - replace.__code__.co_firstlineno)


def replace():
    obj = Noisy("first")
    obj = Noisy("second")  # the old value dies in a fused STORE_FAST
    keep = obj
    return keep.name


print(replace())


# -x of ints and floats: pooled identities, the word's ends, subclasses.
def negate(values):
    return [-x for x in values]


print(negate([5, -5, 0, 256, 257, -256, 2**63 - 1, -2**63, 2**64, True, 1.5, -0.0, 0.0]))
five, top = 5, 256
print(-(-five) is five, -(-top) is top, type(-True))


class MyInt(int):
    def __neg__(self):
        return "neg"


print(negate([MyInt(3)]))
try:
    -"x"
except TypeError as err:
    print(err)


def unbound_attribute(flag):
    if flag:
        obj = "text"
    try:
        return obj.upper(), obj.__class__.__name__  # LOAD_FAST obj + LOAD_METHOD / LOAD_ATTR
    except UnboundLocalError as e:
        return str(e), e.__traceback__.tb_lineno - unbound_attribute.__code__.co_firstlineno


print(unbound_attribute(True), unbound_attribute(False))

# expect: ("cannot access local variable 'b' where it is not associated with a value", 5)
# expect: ("cannot access local variable 'c' where it is not associated with a value", 4)
# expect: (45, 10)
# expect: (7, 7, 9, 8, -1.0, -2.0, 'abcd', 'abcd')
# expect: ([1000, 1001, 1002, 1003], 1003)
# expect: del first line 2
# expect: second
# expect: [-5, 5, 0, -256, -257, 256, -9223372036854775807, 9223372036854775808, -18446744073709551616, -1, -1.5, 0.0, -0.0]
# expect: True True <class 'int'>
# expect: ['neg']
# expect: bad operand type for unary -: 'str'
# expect: ('TEXT', 'str') ("cannot access local variable 'obj' where it is not associated with a value", 4)
