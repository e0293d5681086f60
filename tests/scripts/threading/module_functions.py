# threading's module functions: current_thread, main_thread, get_ident, get_native_id,
# active_count, enumerate, settrace/setprofile (stored, handed to new threads), stack_size,
# Timer, dummy threads for threads started by _thread, __all__.
import _thread
import sys
import threading

main = threading.main_thread()
print(main.name, main is threading.current_thread(), type(main).__name__, main.daemon)
print(main.ident == threading.get_ident() == _thread.get_ident(), main.is_alive())
print(main.native_id == threading.get_native_id(), repr(main).startswith("<_MainThread(MainThread, started "))
print(threading.active_count(), [t.name for t in threading.enumerate()])

info = {}
gate = threading.Event()


def inside():
    me = threading.current_thread()
    info["same"] = me is worker
    info["ident"] = threading.get_ident() == me.ident != main.ident
    info["native"] = threading.get_native_id() == me.native_id
    info["count"] = threading.active_count()
    info["names"] = sorted(t.name for t in threading.enumerate())
    info["main"] = threading.main_thread() is main
    gate.wait()


worker = threading.Thread(target=inside, name="worker")
worker.start()
while "main" not in info:
    pass
gate.set()
worker.join()
print(info)
print("after join:", threading.active_count(), worker not in threading.enumerate())

# a thread started by _thread directly gets a dummy Thread object
dummy = {}
done = threading.Event()


def raw():
    t = threading.current_thread()
    dummy["type"] = type(t).__name__
    dummy["name"] = t.name.startswith("Dummy-")
    dummy["daemon"] = t.daemon
    dummy["alive"] = t.is_alive()
    dummy["same"] = threading.current_thread() is t
    dummy["listed"] = t in threading.enumerate()
    done.set()


_thread.start_new_thread(raw, ())
done.wait()
print(dummy)

# settrace / setprofile are stored and installed in each new thread before run()
print(threading.gettrace(), threading.getprofile())


def tracer(frame, event, arg):
    return None


threading.settrace(tracer)
threading.setprofile(tracer)
print(threading.gettrace() is tracer, threading.getprofile() is tracer)
threading.settrace(None)
threading.setprofile(None)
print(threading.gettrace(), threading.getprofile())

# stack_size
print(threading.stack_size())
try:
    threading.stack_size(-1)
except ValueError as e:
    print("ValueError:", e)

# Timer: runs the function once after the interval; cancel() before it fires stops it
fired = []
timer = threading.Timer(0.01, fired.append, args=["fired"])
print(type(timer).__name__, isinstance(timer, threading.Thread), timer.interval)
timer.start()
timer.join()
print(fired, timer.finished.is_set())
cancelled = threading.Timer(30, fired.append, args=["never"])
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired)
kw = threading.Timer(0, lambda a, b=0: fired.append(a + b), args=(1,), kwargs={"b": 2})
kw.start()
kw.join()
print(fired, threading.Timer(1, print).args, threading.Timer(1, print).kwargs)

print(sorted(threading.__all__))
print(threading.get_ident is _thread.get_ident, threading.Lock is _thread.allocate_lock)


# a thread started while hooks are set still runs (minipy stores them only)
threading.settrace(tracer)
ran = []
t = threading.Thread(target=ran.append, args=(1,))
t.start()
t.join()
threading.settrace(None)
print("ran with a trace hook set:", ran)

# expect: MainThread True _MainThread False
# expect: True True
# expect: True True
# expect: 1 ['MainThread']
# expect: {'same': True, 'ident': True, 'native': True, 'count': 2, 'names': ['MainThread', 'worker'], 'main': True}
# expect: after join: 1 True
# expect: {'type': '_DummyThread', 'name': True, 'daemon': True, 'alive': True, 'same': True, 'listed': True}
# expect: None None
# expect: True True
# expect: None None
# expect: 0
# expect: ValueError: size must be 0 or a positive value
# expect: Timer True 0.01
# expect: ['fired'] True
# expect: ['fired']
# expect: ['fired', 3] [] {}
# expect: ['Barrier', 'BoundedSemaphore', 'BrokenBarrierError', 'Condition', 'Event', 'ExceptHookArgs', 'Lock', 'RLock', 'Semaphore', 'TIMEOUT_MAX', 'Thread', 'ThreadError', 'Timer', 'active_count', 'current_thread', 'enumerate', 'excepthook', 'get_ident', 'get_native_id', 'getprofile', 'gettrace', 'local', 'main_thread', 'setprofile', 'settrace', 'stack_size']
# expect: True True
# expect: ran with a trace hook set: [1]
