# Full collections: objects referenced only from frozen objects survive (the permanent generation
# is outside the collection), and every kind of inlined traversal (list, tuple, plain instance,
# dict, instance of a class with a built-in base) keeps what it refers to alive or lets go.
import gc


class Plain:
    pass


class Listy(list):
    pass


def cycle(kind):
    if kind == "list":
        a = []
        a.append(a)
    elif kind == "tuple":
        a = ([],)
        a[0].append(a)
    elif kind == "instance":
        a = Plain()
        a.me = a
    elif kind == "dict":
        a = {}
        a["me"] = a
    else:
        a = Listy()
        a.append(a)
    return a


kinds = ["list", "tuple", "instance", "dict", "subclass"]
gc.collect()


def dropped(kind):
    cycle(kind)
    return gc.collect()


print("garbage", [(k, dropped(k)) for k in kinds])
kept = [cycle(k) for k in kinds]
holder = Plain()
holder.items = tuple(kept)
del kept
print("reachable", gc.collect(), len(holder.items))
gc.freeze()
frozen_holder = holder
del holder
fresh = Plain()
fresh.cycle = [cycle(k) for k in kinds]
frozen_holder.fresh = fresh
del fresh
print("frozen", gc.get_freeze_count() > 0, gc.collect(), len(frozen_holder.fresh.cycle))
frozen_holder.fresh = None
print("dropped while frozen", gc.collect())
gc.unfreeze()
del frozen_holder
print("after unfreeze", gc.collect() > 0, gc.get_freeze_count())

# Expected output (CPython 3.11):
# expect: garbage [('list', 1), ('tuple', 2), ('instance', 1), ('dict', 1), ('subclass', 1)]
# expect: reachable 0 5
# expect: frozen True 0 5
# expect: dropped while frozen 6
# expect: after unfreeze True 0
