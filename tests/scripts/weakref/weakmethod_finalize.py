# WeakMethod, ref subclasses, and weakref.finalize (called on death, by hand, detach, peek, atexit).
import weakref


class Counter:
    def __init__(self):
        self.count = 0

    def bump(self):
        self.count += 1
        return self.count


c = Counter()
wm = weakref.WeakMethod(c.bump)
print(wm()(), wm()(), wm == weakref.WeakMethod(c.bump), hash(wm) == hash(weakref.WeakMethod(c.bump)))
print(isinstance(wm, weakref.ref), type(wm).__name__)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
dead = []
wm2 = weakref.WeakMethod(c.bump, lambda r: dead.append(r is wm2))
del c
print(wm(), dead, wm == wm2, wm != wm2)


# A subclass of ref with extra state, as KeyedRef.
class Tagged(weakref.ref):
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag


class Thing:
    pass


t = Thing()
tr = Tagged(t, None, tag="x")
print(tr() is t, tr.tag, tr is weakref.ref(t), isinstance(tr, weakref.ReferenceType))
print(weakref.getweakrefcount(t), tr.__callback__)
kr = weakref.KeyedRef(t, lambda r: print("keyed callback", r.key), "key1")
print(kr.key, kr() is t)
del t
print(tr())

# finalize
obj = Thing()
f = weakref.finalize(obj, print, "finalized", "obj", sep="-")
print(f.alive, f.atexit, f.peek()[1] is print, f.peek()[2], f.peek()[3])
del obj
print(f.alive, f(), f.peek(), f.detach())

obj2 = Thing()
g = weakref.finalize(obj2, lambda: "result")
print(g(), g.alive, g())

obj3 = Thing()
h = weakref.finalize(obj3, print, "never called")
detached = h.detach()
print(detached[0] is obj3, detached[2], h.alive)
del obj3

keep = Thing()
first = weakref.finalize(keep, print, "at exit: first made")
second = weakref.finalize(keep, print, "at exit: second made")
skipped = weakref.finalize(keep, print, "not at exit")
skipped.atexit = False
print(first.atexit, skipped.atexit, repr(first).startswith("<finalize object at 0x"))
print(repr(f).endswith("; dead>"))
print("end of script")

# Expected output (CPython 3.11):
# expect: 1 2 True True
# expect: True WeakMethod
# expect: TypeError: argument should be a bound method, not <class 'builtin_function_or_method'>
# expect: None [True] False True
# expect: True x False True
# expect: 1 None
# expect: key1 True
# expect: keyed callback key1
# expect: None
# expect: True True True ('finalized', 'obj') {'sep': '-'}
# expect: finalized-obj
# expect: False None None None
# expect: result False None
# expect: True ('never called',) False
# expect: True False True
# expect: True
# expect: end of script
# expect: at exit: second made
# expect: at exit: first made
