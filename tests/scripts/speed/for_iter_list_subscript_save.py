# FOR_ITER steps exact list iterators inline and BINARY_SUBSCR saves the instruction only when a
# container dies: iteration over a list that grows or shrinks meanwhile, an exhausted iterator
# staying exhausted, subclasses' __iter__, and __del__ run by a dying container seeing the line.
import sys

items = [1, 2, 3]
seen = []
for x in items:
    seen.append(x)
    if x < 3:
        items.append(x + 10)
print(seen)
items = [1, 2, 3, 4, 5]
seen = []
for x in items:
    seen.append(x)
    del items[0]
print(seen, items)
it = iter([7, 8])
print(list(it), list(it))
backing = [1]
it = iter(backing)
print(next(it), next(it, "end"))
backing.append(2)
print(next(it, "still end"))


class L(list):
    def __iter__(self):
        yield "custom"


class M(list):
    pass


print([x for x in L([1, 2])], [x for x in M([3, 4])])
it = iter([1, 2, 3])
next(it)
print([x for x in it])


class Noisy:
    def __del__(self):
        print("del at line", sys._getframe(1).f_lineno)


def make():
    return [Noisy(), 5]


def use():
    value = make()[1]
    return value


print(use())
total = 0
for row in [[1, 2], [3, 4]]:
    for v in row:
        total += v
print(total)
# expect: [1, 2, 3, 11, 12]
# expect: [1, 3, 5] [4, 5]
# expect: [7, 8] []
# expect: 1 end
# expect: still end
# expect: ['custom'] [3, 4]
# expect: [2, 3]
# expect: del at line 53
# expect: 5
# expect: 10
