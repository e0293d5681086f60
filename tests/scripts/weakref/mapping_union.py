# The | and |= operators of WeakValueDictionary and WeakKeyDictionary (PEP 584), as CPython's.
import weakref


class Item:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Item(%s)" % self.name


a, b, c = Item("a"), Item("b"), Item("c")
values = weakref.WeakValueDictionary({1: a, 2: b})
merged = values | {2: c, 3: a}
print(type(merged).__name__, sorted(merged.items()))
print(sorted(({0: b} | values).items()), type({0: b} | values).__name__)
values |= {4: c}
print(sorted(values.items()))
print(values.__or__(5), values.__ror__([1]))
keys = weakref.WeakKeyDictionary({a: 1})
both = keys | {b: 2}
print(type(both).__name__, sorted((k.name, v) for k, v in both.items()))
keys |= [(c, 3)]
print(sorted((k.name, v) for k, v in keys.items()))
del c
print(len(values), len(keys))

# expect: WeakValueDictionary [(1, Item(a)), (2, Item(c)), (3, Item(a))]
# expect: [(0, Item(b)), (1, Item(a)), (2, Item(b))] WeakValueDictionary
# expect: [(1, Item(a)), (2, Item(b)), (4, Item(c))]
# expect: NotImplemented NotImplemented
# expect: WeakKeyDictionary [('a', 1), ('b', 2)]
# expect: [('a', 1), ('c', 3)]
# expect: 2 1
