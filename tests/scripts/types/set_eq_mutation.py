# A set lookup whose key's __eq__ clears the set (or the other operand) answers as CPython: the
# lookup starts again on the emptied set instead of reading its freed table.
class Clearer:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 1

    def __eq__(self, other):
        self.target.clear()
        return False


for op in ("in", "add", "discard", "remove", "and", "sub", "issubset", "isdisjoint", "xor"):
    s = set()
    s.add(Clearer(s))
    probe = Clearer(s)
    try:
        if op == "in":
            r = probe in s
        elif op == "add":
            s.add(probe)
            r = len(s)
        elif op == "discard":
            s.discard(probe)
            r = len(s)
        elif op == "remove":
            s.remove(probe)
            r = len(s)
        elif op == "and":
            r = len(s & {probe})
        elif op == "sub":
            r = len({probe} - s)
        elif op == "issubset":
            r = {probe}.issubset(s)
        elif op == "isdisjoint":
            r = s.isdisjoint({probe})
        else:
            s ^= {probe}
            r = len(s)
    except KeyError:
        r = "KeyError"
    print(op, r)
# expect: in False
# expect: add 1
# expect: discard 0
# expect: remove KeyError
# expect: and 0
# expect: sub 1
# expect: issubset False
# expect: isdisjoint True
# expect: xor 1

# The same through a dict: the lookup sees the emptied dict.
d = {}
d[Clearer(d)] = 1
print(Clearer(d) in d, len(d), d.get(Clearer(d)))
# expect: False 0 None
