# _thread locks: acquire/release/locked, timeouts, non-blocking calls, `with`, the errors.
import _thread

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, _thread.LockType.__name__)
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0))
print(lock.acquire(True, 0.01), lock.acquire(timeout=0.02))
print(repr(lock).startswith("<locked _thread.lock object at 0x"))
lock.release()
print(lock.locked(), repr(lock).startswith("<unlocked _thread.lock object at 0x"))
try:
    lock.release()
except RuntimeError as error:
    print(type(error).__name__, error, _thread.error is RuntimeError)
with lock as entered:
    print("inside", entered, lock.locked())
print("after", lock.locked())
for args, kwargs in [((False, 1), {}), ((True, -2), {}), ((), {"timeout": "a"}),
                     (("x",), {}), ((1, 2, 3), {})]:
    try:
        lock.acquire(*args, **kwargs)
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
print(lock.acquire(timeout=-1), lock.acquire_lock(0), lock.locked_lock())
lock.release_lock()
print(_thread.TIMEOUT_MAX)
try:
    with lock:
        raise KeyError("k")
except KeyError:
    print("released by with:", not lock.locked())
lock.acquire()
lock._at_fork_reinit()
print("reinit:", lock.locked())
# expect: True lock
# expect: False True True
# expect: False False False
# expect: False False
# expect: True
# expect: False True
# expect: RuntimeError release unlocked lock True
# expect: inside True True
# expect: after False
# expect: ValueError can't specify a timeout for a non-blocking call
# expect: ValueError timeout value must be positive
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: TypeError acquire() takes at most 2 arguments (3 given)
# expect: True False True
# expect: 9223372036.0
# expect: released by with: True
# expect: reinit: False
