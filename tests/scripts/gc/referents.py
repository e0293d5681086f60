# get_referents, get_referrers, get_objects, is_tracked, freeze.
import gc

inner = [1, 2]
outer = {"k": inner}
print("referents of dict", any(r is inner for r in gc.get_referents(outer)))
print("referents of list", sorted(gc.get_referents(inner)))
print("referents of two", len(gc.get_referents([inner], (inner, 5))))
print("referents of int", gc.get_referents(5))
print("referrers", sum(r is outer for r in gc.get_referrers(inner)))


class A:
    pass


a = A()
print("instance referents include class", A in gc.get_referents(a))
objs = gc.get_objects()
print("get_objects has outer", any(o is outer for o in objs), "not itself", not any(o is objs for o in objs))
print("tracked", gc.is_tracked([]), gc.is_tracked({"a": []}), gc.is_tracked(a), gc.is_tracked(A))
print("untracked", gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(1.5), gc.is_tracked(None), gc.is_tracked(int))

gc.collect()
gc.freeze()
print("frozen", gc.get_freeze_count() > 0)
print("gen objects after freeze", len(gc.get_objects(2)))
frozen_cycle = []
gc.unfreeze()
print("frozen after unfreeze", gc.get_freeze_count())
gc.freeze()
x = []
x.append(x)
del x
print("collect with frozen", gc.collect())
gc.unfreeze()

t = (1, 2, "x")
gc.collect()
print("atomic tuple untracked by a collection", gc.is_tracked(t))
t2 = ([],)
gc.collect()
print("tuple with a list stays tracked", gc.is_tracked(t2))

# Expected output (from CPython 3.11):
# expect: referents of dict True
# expect: referents of list [1, 2]
# expect: referents of two 3
# expect: referents of int []
# expect: referrers 1
# expect: instance referents include class True
# expect: get_objects has outer True not itself True
# expect: tracked True True True True
# expect: untracked False False False False False
# expect: frozen True
# expect: gen objects after freeze 0
# expect: frozen after unfreeze 0
# expect: collect with frozen 1
# expect: atomic tuple untracked by a collection False
# expect: tuple with a list stays tracked True
