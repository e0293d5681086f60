# operator: functions, itemgetter/attrgetter/methodcaller with their reprs, index, length_hint.
import operator as op

print(op.add(1, 2), op.sub(5, 3), op.mul("a", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.neg(4), op.pos(-4), op.abs(-3), op.inv(5), op.invert(0), op.lshift(1, 4), op.rshift(16, 2))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.pow(2, 10), op.not_(0), op.truth([]))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2))
print(op.is_(None, None), op.is_not(1, None), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1))
print(op.indexOf("abc", "c"), op.concat([1], [2]), op.getitem("abc", 1), op.index(7))
lst = [1, 2, 3]
op.setitem(lst, 0, 9)
op.delitem(lst, 1)
print(lst, op.iadd([1], [2]), op.imul("ab", 2), op.length_hint([1, 2]), op.length_hint(object(), 5))
g = op.itemgetter(1)
g2 = op.itemgetter(0, 2)
print(g("xyz"), g2("xyz"), repr(g), repr(g2))
a = op.attrgetter("real")
a2 = op.attrgetter("real", "imag")
print(a(5), a2(3), repr(a), repr(a2))


class Node:
    def __init__(self, child=None):
        self.child = child
        self.name = "n"


print(op.attrgetter("child.name")(Node(Node())))
m = op.methodcaller("split", ",", maxsplit=1)
print(m("a,b,c"), repr(m), repr(op.methodcaller("upper")))
print(sorted([("b", 2), ("a", 3), ("c", 1)], key=op.itemgetter(1)))
try:
    op.index(1.5)
except TypeError as e:
    print(e)
print(op.call(len, "abcd"))
# expect: 3 2 aaa 3.5 3 1
# expect: -4 -4 3 -6 -1 16 4
# expect: 2 7 5 1024 True False
# expect: True True True True False True
# expect: True True True 2
# expect: 2 [1, 2] b 7
# expect: [9, 3] [1, 2] abab 2 5
# expect: y ('x', 'z') operator.itemgetter(1) operator.itemgetter(0, 2)
# expect: 5 (3, 0) operator.attrgetter('real') operator.attrgetter('real', 'imag')
# expect: n
# expect: ['a', 'b,c'] operator.methodcaller('split', ',', maxsplit=1) operator.methodcaller('upper')
# expect: [('c', 1), ('b', 2), ('a', 3)]
# expect: 'float' object cannot be interpreted as an integer
# expect: 4
