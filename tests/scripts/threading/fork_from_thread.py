# os.fork from a thread that is not the main one: in the child that thread goes on as the only
# one and becomes the main thread (threading.main_thread(), signal handlers), as in CPython; it
# can start and join threads and use locks there. The parent's threads are untouched.
import os
import signal
import sys
import threading
import time

stop = threading.Event()
spinner = threading.Thread(target=stop.wait, name="spinner")
spinner.start()
result = {}


def forker():
    lock = threading.Lock()
    lock.acquire()
    pid = os.fork()
    if pid == 0:
        me = threading.current_thread()
        print("child: thread", me.name, "is main:", me is threading.main_thread())
        print("child: active", threading.active_count(), [t.name for t in threading.enumerate()])
        print("child: spinner alive:", spinner.is_alive())
        lock.release()  # a lock taken before the fork still works
        print("child: lock free again:", lock.acquire(False))
        box = []
        t = threading.Thread(target=lambda: box.append(sum(range(1000))), name="helper")
        t.start()
        t.join()
        print("child: helper result", box)
        got = []
        signal.signal(signal.SIGUSR1, lambda signum, frame: got.append(signum))
        os.kill(os.getpid(), signal.SIGUSR1)
        for i in range(100):
            pass
        print("child: signal handled there:", got == [signal.SIGUSR1])
        time.sleep(0.01)
        sys.stdout.flush()
        os._exit(3)
    _, status = os.waitpid(pid, 0)
    result["status"] = os.WEXITSTATUS(status)


t = threading.Thread(target=forker, name="forker")
t.start()
t.join()
print("parent: child status", result["status"])
print("parent: active", threading.active_count(), threading.current_thread().name)
stop.set()
spinner.join()
print("parent done")

# expect: child: thread forker is main: True
# expect: child: active 1 ['forker']
# expect: child: spinner alive: False
# expect: child: lock free again: True
# expect: child: helper result [499500]
# expect: child: signal handled there: True
# expect: parent: child status 3
# expect: parent: active 2 MainThread
# expect: parent done
