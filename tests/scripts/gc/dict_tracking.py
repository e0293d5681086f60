# Dicts holding only atomic keys and values are not tracked by the collector (CPython's
# MAINTAIN_TRACKING): they become tracked when a container is stored, and a full collection
# untracks the exact dicts that hold only atomic objects again.
import gc

t = gc.is_tracked


class C:
    pass


class D(dict):
    pass


print("empty", t({}), t(dict()), t(dict(a=1)))
print("atomic", t({1: 2}), t({"a": "b", 1.5: None, b"x": True}), t({1: 2.5, (): 1, None: ...}))
print("container value", t({1: []}), t({1: {}}), t({1: C()}), t({1: C}), t({1: print}))
print("tuples", t({1: (1, 2)}), t({(1, 2): 3}), t({1: (1, [])}), t({1: ((1,), "a")}))
x = 5
print("built tuples", t({1: (x, x)}), t({(x, "s"): 1}), t({1: (x, [x])}))
print("subclass", t(D()), t(D(a=1)))
d = {}
print("grows", t(d), end=" ")
d[1] = 2
print(t(d), end=" ")
d[2] = []
print(t(d), end=" ")
del d[2]
print(t(d), end=" ")
gc.collect()
print(t(d))
e = {1: 2}
e[1] = []
print("replaced", t(e), end=" ")
e[1] = 3
print(t(e), end=" ")
gc.collect(0)
print(t(e), end=" ")
gc.collect()
print(t(e))
print("methods", t({}.copy()), t({1: []}.copy()), t(dict.fromkeys("ab")), t(dict.fromkeys("ab", [])))
f = {}
f.setdefault(1, 2)
g = {}
g.setdefault(1, [])
print("setdefault", t(f), t(g))
h = {}
h.update({1: 2})
k = {}
k.update({1: [2]})
print("update", t(h), t(k), t({1: 2} | {3: 4}), t({1: 2} | {3: [4]}))
print("comprehension", t({i: i for i in range(3)}), t({i: [i] for i in range(3)}))
print("from pairs", t(dict([(1, 2)])), t(dict([(1, [])])), t(dict({1: 2})), t(dict({1: []})))
print("kwargs", (lambda **kw: t(kw))(a=1), (lambda **kw: t(kw))(a=[]))
o = C()
o.x = 1
print("instance dict", t(o.__dict__), end=" ")
o.y = []
print(t(o.__dict__))
nested = {1: {2: 3}}
print("nested", t(nested), t(nested[1]))
gc.collect()
print("nested after collect", t(nested), t(nested[1]))

# Expected output (CPython 3.11):
# expect: empty False False False
# expect: atomic False False False
# expect: container value True True True True True
# expect: tuples True True True True
# expect: built tuples True True True
# expect: subclass True True
# expect: grows False False True True False
# expect: replaced True True True False
# expect: methods False True False True
# expect: setdefault False True
# expect: update False True False True
# expect: comprehension False True
# expect: from pairs False True False True
# expect: kwargs False True
# expect: instance dict False True
# expect: nested True False
# expect: nested after collect True False
