# Locks can be weakly referenced, as in CPython; the reference dies with the lock.
import _thread
import threading
import weakref

for make in (threading.Lock, threading.RLock, _thread.allocate_lock):
    lock = make()
    r = weakref.ref(lock)
    print(type(lock).__name__, r() is lock, weakref.getweakrefcount(lock))
    del lock
    print(r())


class MyRLock(_thread.RLock):
    pass


lock = MyRLock()
r = weakref.ref(lock, lambda ref: print("callback"))
with lock:
    print(r() is lock)
del lock
print(r())

# expect: lock True 1
# expect: None
# expect: RLock True 1
# expect: None
# expect: lock True 1
# expect: None
# expect: True
# expect: callback
# expect: None
