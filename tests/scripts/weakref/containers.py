# WeakValueDictionary, WeakKeyDictionary and WeakSet: entries vanish with their objects, also
# while the container is being iterated.
import weakref


class Item:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Item(%s)" % self.name


items = [Item(i) for i in range(6)]

values = weakref.WeakValueDictionary()
for item in items:
    values[item.name] = item
print(len(values), sorted(values), values[2], values.get(9, "missing"), 3 in values)
del items[0]
print(len(values), 0 in values, sorted(values.keys()))
print(sorted(values.items(), key=lambda pair: pair[0])[:2])
print(values.pop(1), len(values), values.setdefault(5, None), values.setdefault(7, items[0]))
values.update({8: items[1]}, nine=items[2])
print(sorted(values, key=str), isinstance(values, weakref.WeakValueDictionary))
print(len(values.valuerefs()), all(isinstance(r, weakref.KeyedRef) for r in values.itervaluerefs()))
copy = values.copy()
print(type(copy).__name__, len(copy) == len(values))
try:
    values[100]
except KeyError as e:
    print("KeyError:", e)
print(repr(values).startswith("<WeakValueDictionary at 0x"))

# Deaths while iterating are deferred until the iteration ends.
temp = [Item("t%d" % i) for i in range(4)]
tv = weakref.WeakValueDictionary((item.name, item) for item in temp)
seen = []
for key in tv:
    seen.append(key)
    if len(seen) == 1:
        temp.clear()
print(len(seen), len(tv))

keys = weakref.WeakKeyDictionary()
for item in items:
    keys[item] = item.name * 10
print(len(keys), keys[items[0]], items[1] in keys, 5 in keys)
del items[0]
print(len(keys), sorted(keys.values()))
keys.setdefault(items[0], 0)
print(keys.get(items[0]), keys.pop(items[0]), len(keys), len(keys.keyrefs()))
print(repr(keys).startswith("<WeakKeyDictionary at 0x"))
tk = weakref.WeakKeyDictionary({Item("gone"): 1})
print(len(tk))

s = weakref.WeakSet(items)
print(len(s), items[0] in s, 3 in s)
extra = Item("extra")
s.add(extra)
print(len(s), extra in s)
del extra
print(len(s))
s.discard(items[0])
print(len(s), items[0] in s)
other = weakref.WeakSet(items[:2])
print(sorted(x.name for x in (s | other)), sorted(x.name for x in (s & other)))
print(other <= weakref.WeakSet(items), s == weakref.WeakSet(s), isinstance(s, weakref.WeakSet))
popped = s.pop()
print(popped not in s, len(s))
s.clear()
print(len(s), list(s))

# Expected output (CPython 3.11):
# expect: 6 [0, 1, 2, 3, 4, 5] Item(2) missing True
# expect: 5 False [1, 2, 3, 4, 5]
# expect: [(1, Item(1)), (2, Item(2))]
# expect: Item(1) 4 Item(5) Item(1)
# expect: [2, 3, 4, 5, 7, 8, 'nine'] True
# expect: 7 True
# expect: WeakValueDictionary True
# expect: KeyError: 100
# expect: True
# expect: 1 0
# expect: 5 10 True False
# expect: 4 [20, 30, 40, 50]
# expect: 20 20 3 3
# expect: True
# expect: 0
# expect: 4 True False
# expect: 5 True
# expect: 4
# expect: 3 False
# expect: [2, 3, 4, 5] [3]
# expect: True True True
# expect: True 2
# expect: 0 []
