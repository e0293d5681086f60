# _thread.RLock: re-entrant acquisition by its owner, release by others refused, the private
# methods threading.Condition uses (_is_owned, _release_save, _acquire_restore).
import _thread

lock = _thread.RLock()
print(repr(lock).startswith("<unlocked _thread.RLock object owner=0 count=0 at 0x"))
print(lock.acquire(), lock.acquire(), lock._is_owned())
me = _thread.get_ident()
print(repr(lock).startswith("<locked _thread.RLock object owner=%d count=2 at" % me))
state = lock._release_save()
print(state == (2, me), lock._is_owned())
try:
    lock._release_save()
except RuntimeError as error:
    print("RuntimeError", error)
lock._acquire_restore(state)
print(lock._is_owned())
lock.release()
lock.release()
print(lock._is_owned())
try:
    lock.release()
except RuntimeError as error:
    print("RuntimeError", error)

# Another thread can neither take it nor release it while main owns it.
lock.acquire()
done = _thread.allocate_lock()
done.acquire()
seen = []


def other():
    seen.append(lock.acquire(False))
    seen.append(lock.acquire(timeout=0.01))
    try:
        lock.release()
    except RuntimeError as error:
        seen.append(str(error))
    done.release()


_thread.start_new_thread(other, ())
done.acquire()
print(seen)
lock.release()
with lock:
    with lock:
        print("nested with", lock._is_owned())
print("owned after with:", lock._is_owned())


class MyRLock(_thread.RLock):
    pass


sub = MyRLock()
print(sub.acquire(), type(sub).__name__, isinstance(sub, _thread.RLock))
sub.release()
# expect: True
# expect: True True True
# expect: True
# expect: True False
# expect: RuntimeError cannot release un-acquired lock
# expect: True
# expect: False
# expect: RuntimeError cannot release un-acquired lock
# expect: [False, False, 'cannot release un-acquired lock']
# expect: nested with True
# expect: owned after with: False
# expect: True MyRLock True
