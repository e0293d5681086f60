# A weak reference that is garbage itself is cleared by the collector even though its referent
# lives on (CPython's handle_weakrefs): its callback never runs, not even when clearing the garbage
# cycle then frees the referent.
import gc
import weakref


class Obj:
    pass


def report(ref):
    print("callback ran")


# The referent is in the oldest generation; only the young garbage cycle holds it, so clearing
# that cycle frees it while the garbage weakref to it is still alive.
gc.collect()
referent = Obj()
gc.collect()
holder = Obj()
holder.cycle = holder
holder.referent = referent
holder.ref = weakref.ref(referent, report)
ref_to_ref_holder = weakref.ref(holder)
del referent, holder
print("collected", gc.collect(0) > 0, ref_to_ref_holder() is None)

# The referent outlives the collection: the garbage weakref was cleared, so the referent has no
# weak references left and its death calls nothing.
survivor = Obj()
box = Obj()
box.cycle = box
box.ref = weakref.ref(survivor, report)
box.proxy = weakref.proxy(survivor, report)
print("weakrefs before", weakref.getweakrefcount(survivor))
del box
gc.collect()
print("weakrefs after", weakref.getweakrefcount(survivor))
del survivor
print("survivor freed")

# A live weakref to the same referent still gets its callback.
target = Obj()
kept = weakref.ref(target, lambda r: print("live weakref callback", r() is None))
pair = [weakref.ref(target, report)]
pair.append(pair)
del pair
gc.collect()
print("count", weakref.getweakrefcount(target))
del target
print("done")

# Expected output (CPython 3.11):
# expect: collected True True
# expect: weakrefs before 2
# expect: weakrefs after 0
# expect: survivor freed
# expect: count 1
# expect: live weakref callback True
# expect: done
