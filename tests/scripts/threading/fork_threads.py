# os.fork with threads running: in the child only the forking thread goes on (threading's
# after-fork hook, installed with os.register_at_fork); the hooks of register_at_fork run
# before (last registered first) and after the fork, in the parent and in the child.
import os
import sys
import threading

ev = threading.Event()
waiter = threading.Thread(target=ev.wait, name="waiter")
waiter.start()

log = []
os.register_at_fork(before=lambda: log.append("before 1"),
                    after_in_parent=lambda: log.append("parent 1"),
                    after_in_child=lambda: log.append("child 1"))
os.register_at_fork(before=lambda: log.append("before 2"), after_in_child=lambda: log.append("child 2"))
for bad in ({}, {"before": 1}, {"after_in_parent": None}):
    try:
        os.register_at_fork(**bad)
    except TypeError as e:
        print("TypeError:", e)

pid = os.fork()
if pid == 0:
    me = threading.current_thread()
    print("child:", log)
    print("child threads:", threading.active_count(), [t.name for t in threading.enumerate()],
          me is threading.main_thread(), me.name, waiter.is_alive())
    t = threading.Thread(target=lambda: print("a thread in the child runs"))
    t.start()
    t.join()
    sys.stdout.flush()
    os._exit(7)
_, status = os.waitpid(pid, 0)
print("parent:", log, os.WEXITSTATUS(status))
print("parent threads:", threading.active_count(), waiter.is_alive())
ev.set()
waiter.join()
print("parent done")

# expect: TypeError: At least one argument is required.
# expect: TypeError: 'before' must be callable, not int
# expect: TypeError: 'after_in_parent' must be callable, not NoneType
# expect: child: ['before 2', 'before 1', 'child 1', 'child 2']
# expect: child threads: 1 ['MainThread'] True MainThread False
# expect: a thread in the child runs
# expect: parent: ['before 2', 'before 1', 'parent 1'] 7
# expect: parent threads: 2 True
# expect: parent done
