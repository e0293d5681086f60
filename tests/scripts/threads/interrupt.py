# KeyboardInterrupt reaches the main thread while it waits on a lock: from _thread.interrupt_main
# and from a real SIGINT sent by another thread.
import _thread
import os
import signal
import time

lock = _thread.allocate_lock()
lock.acquire()


def interrupter():
    _thread.interrupt_main()
    lock.release()


_thread.start_new_thread(interrupter, ())
try:
    lock.acquire()
    n = 0
    while True:
        n += 1
except KeyboardInterrupt:
    print("interrupted by interrupt_main")

blocker = _thread.allocate_lock()
blocker.acquire()


def killer():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGINT)


_thread.start_new_thread(killer, ())
try:
    blocker.acquire()
    print("acquired?")
except KeyboardInterrupt:
    print("interrupted while waiting")
print("locked:", blocker.locked())
# expect: interrupted by interrupt_main
# expect: interrupted while waiting
# expect: locked: True
