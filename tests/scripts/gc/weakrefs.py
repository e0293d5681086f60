# Weak references to garbage: cleared before finalizers run, callbacks of live weakrefs called,
# callbacks of weakrefs that are garbage themselves never called (CPython's handle_weakrefs).
import gc
import weakref


class A:
    pass


gc.collect()
a = A()
a.me = a
a.w = weakref.ref(a, lambda r: print("garbage weakref callback"))
del a
print("garbage weakref", gc.collect())

b = A()
b.me = b
w = weakref.ref(b, lambda r: print("live weakref callback, referent gone:", r() is None))
del b
print("live weakref", gc.collect())


class D:
    def __del__(self):
        print("in __del__, weakref to self is dead:", w2() is None)


c = D()
c.me = c
w2 = weakref.ref(c)
del c
print("finalized", gc.collect())


def failing(r):
    raise RuntimeError("callback failed")


e = A()
e.me = e
w3 = weakref.ref(e, failing)
del e
print("failing callback", gc.collect())

# Expected output (from CPython 3.11):
# expect: garbage weakref 3
# expect: live weakref callback, referent gone: True
# expect: live weakref 1
# expect: in __del__, weakref to self is dead: True
# expect: finalized 1
# expect: failing callback 1
