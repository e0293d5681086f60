# PEP 442: __del__ of unreachable objects runs once, before clearing; resurrection survives.
import gc

events = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        # Both objects are still intact when any finalizer runs.
        events.append((self.name, self.other is not None and self.other.name))


gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("before collect", events)
gc.collect()
print("after collect", sorted(events))

saved = []


class Phoenix:
    count = 0

    def __del__(self):
        Phoenix.count += 1
        saved.append(self)


p = Phoenix()
p.me = p
print("finalized before", gc.is_finalized(p))
del p
print("resurrect collect", gc.collect())
print("del calls", Phoenix.count, "saved", len(saved))
print("finalized after", gc.is_finalized(saved[0]))
print("tracked after", gc.is_tracked(saved[0]))
# Dropping it again frees it without a second __del__.
saved.clear()
print("second collect", gc.collect())
print("del calls", Phoenix.count)

# The refcount path marks the object finalized too: a resurrected object dropped later
# (by refcount) does not run __del__ again.
keep = []


class Once:
    calls = 0

    def __del__(self):
        Once.calls += 1
        keep.append(self)


o = Once()
del o
print("once calls", Once.calls, len(keep))
keep.clear()
print("once calls", Once.calls)


# A collection started from a finalizer does nothing (and is harmless).
class Collector:
    def __del__(self):
        events.append(("nested", gc.collect()))


events.clear()
c = Collector()
c.me = c
del c
gc.collect()
print(events)


# An exception in __del__ is reported on stderr and ignored.
class Bad:
    def __del__(self):
        raise ValueError("ignored")


x = Bad()
x.me = x
del x
print("bad collect", gc.collect())
print("is_finalized of an int", gc.is_finalized(3))

# Expected output (from CPython 3.11):
# expect: before collect []
# expect: after collect [('a', 'b'), ('b', 'a')]
# expect: finalized before False
# expect: resurrect collect 0
# expect: del calls 1 saved 1
# expect: finalized after True
# expect: tracked after True
# expect: second collect 1
# expect: del calls 1
# expect: once calls 1 1
# expect: once calls 1
# expect: [('nested', 0)]
# expect: bad collect 1
# expect: is_finalized of an int False
