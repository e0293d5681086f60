# The program ends while threads still run (spinning, sleeping, waiting on a lock): the exit is
# clean, with the main thread's status, and they never print again.
import _thread
import time

started = _thread.allocate_lock()
started.acquire()
never = _thread.allocate_lock()
never.acquire()
left = [3]
guard = _thread.allocate_lock()


def ready():
    with guard:
        left[0] -= 1
        if left[0] == 0:
            started.release()


def spin():
    ready()
    n = 0
    while True:
        n += 1


def sleeper():
    ready()
    time.sleep(1000)
    print("woke up")


def waiter():
    ready()
    never.acquire()
    print("acquired")


for function in (spin, sleeper, waiter):
    _thread.start_new_thread(function, ())
started.acquire()
print("main done", _thread._count())
# expect: main done 3
