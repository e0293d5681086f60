# A dict or set lookup whose key's __eq__ mutates the container without replacing its table or
# the compared entry (values stored again, a key discarded and re-added) goes on probing, as
# CPython: restarting on every change never ended when __eq__ always stores.
class Store:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return 7

    def __eq__(self, other):
        for i in range(20):
            self.d[i + 1000] = i
        return False


d = {}
d[Store(d)] = 1
d[Store(d)] = 2
print(len(d), sorted(d.values())[-2:])
# expect: 22 [18, 19]
print(d.get(Store(d)), Store(d) in d, d.pop(Store(d), "absent"), d.setdefault(Store({}), 5))
# expect: None False absent 5


class Toggle:
    def __init__(self, s):
        self.s = s

    def __hash__(self):
        return 7

    def __eq__(self, other):
        self.s.discard(1000)
        self.s.add(1000)
        return False


s = {1000}
s.add(Toggle(s))
print(Toggle(s) in s, len(s))
# expect: False 2
s.add(Toggle(s))
s.discard(Toggle(s))
print(len(s), 1000 in s)
# expect: 3 True
