# concurrent.futures: Future states and callbacks, wait (FIRST_COMPLETED, FIRST_EXCEPTION,
# ALL_COMPLETED, timeout), as_completed, ThreadPoolExecutor (workers, names, initializer,
# broken pools, map with timeout, shutdown with cancel_futures) and the exception types.
import io
import os
import sys
import threading
import concurrent.futures as cf
from concurrent.futures import (Future, ThreadPoolExecutor, wait, as_completed,
                                FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
from concurrent.futures.thread import BrokenThreadPool

print(cf.TimeoutError is TimeoutError, issubclass(cf.CancelledError, cf._base.Error),
      issubclass(cf.InvalidStateError, cf._base.Error), issubclass(cf.BrokenExecutor, RuntimeError),
      issubclass(BrokenThreadPool, cf.BrokenExecutor))
print(FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
print(sorted(cf.__all__))


def state(f):
    return (f.running(), f.done(), f.cancelled())


def shape(f):
    return repr(f).split(" at ")[0] + " " + repr(f).split(" ", 3)[-1]


# ---- a Future by hand
f = Future()
print(shape(f), state(f))
calls = []
f.add_done_callback(lambda fut: calls.append(("first", fut.result())))
f.add_done_callback(lambda fut: calls.append(("second", fut.result())))
print(f.set_running_or_notify_cancel(), shape(f), state(f), f.cancel())
try:
    f.result(timeout=0.01)
except TimeoutError:
    print("result timed out")
try:
    f.exception(timeout=0)
except TimeoutError:
    print("exception timed out")
f.set_result([1, 2])
print(shape(f), state(f), f.result(), f.exception(), calls)
try:
    f.set_result(3)
except cf.InvalidStateError as e:
    print("InvalidStateError:", str(e).split(" at ")[0])
try:
    f.set_exception(ValueError())
except cf.InvalidStateError as e:
    print("InvalidStateError:", str(e).split(" at ")[0])
f.add_done_callback(lambda fut: calls.append("late"))
print(calls[-1])
try:
    f.set_running_or_notify_cancel()
except RuntimeError as e:
    print("RuntimeError:", e)

e = Future()
e.set_exception(KeyError("k"))
print(shape(e), repr(e.exception()))
try:
    e.result()
except KeyError as exc:
    print("KeyError", exc)

c = Future()
print(c.cancel(), c.cancel(), shape(c), state(c))
for call in (c.result, c.exception):
    try:
        call()
    except cf.CancelledError:
        print("CancelledError")
print(c.set_running_or_notify_cancel(), c._state)
try:
    c.set_result(1)
except cf.InvalidStateError as exc:
    print("InvalidStateError:", str(exc).split(" at ")[0])

# a raising callback is reported on stderr; the others still run
saved = sys.stderr
sys.stderr = io.StringIO()
try:
    g = Future()
    g.add_done_callback(lambda fut: 1 / 0)
    g.add_done_callback(lambda fut: calls.append("after the bad one"))
    g.set_result(None)
    report = sys.stderr.getvalue()
finally:
    sys.stderr = saved
print(report.splitlines()[0].startswith("exception calling callback for <Future at 0x"),
      report.splitlines()[-1], calls[-1])

# a result from another thread wakes result()
h = Future()
threading.Thread(target=h.set_result, args=("from a thread",)).start()
print(h.result())
print(Future[int])

# ---- wait / as_completed
done1, done2, pending = Future(), Future(), Future()
done1.set_result(1)
done2.set_exception(ValueError("bad"))
r = wait([done1, pending], timeout=0.01)
print(type(r).__name__, len(r.done), len(r.not_done), r.done == {done1})
print(len(wait([done1, pending], return_when=FIRST_COMPLETED).done))
print(len(wait([done2, pending], return_when=FIRST_EXCEPTION).done))
print(len(wait([done1, done1, done2]).done))
try:
    wait([pending], return_when="SOMETIMES")
except ValueError as exc:
    print("ValueError:", exc)
r = wait([done1, pending], timeout=0.01, return_when=FIRST_EXCEPTION)
print(len(r.done), len(r.not_done))

later = Future()
threading.Timer(0.01, later.set_result, args=("later",)).start()
r = wait([later, pending], return_when=FIRST_COMPLETED)
print(r.done == {later}, r.not_done == {pending})
boom = Future()
threading.Timer(0.01, boom.set_exception, args=(OSError("io"),)).start()
r = wait([boom, pending], return_when=FIRST_EXCEPTION)
print(r.done == {boom}, r.not_done == {pending})

print(sorted(str(x.result()) if not x.exception() else "err" for x in as_completed([done1, done2, done1])))
try:
    for x in as_completed([done1, pending], timeout=0.01):
        print("yielded a done one:", x is done1)
except TimeoutError as exc:
    print("TimeoutError:", exc)
order = []
fs = [Future() for _ in range(3)]
for i in (2, 0, 1):
    threading.Timer(0.005 * (i + 1), fs[i].set_result, args=(i,)).start()
for x in as_completed(fs):
    order.append(x.result())
print(sorted(order), all(not f._waiters for f in fs))
pending.cancel()

# ---- ThreadPoolExecutor
print(ThreadPoolExecutor()._max_workers == min(32, (os.cpu_count() or 1) + 4))
for bad in (0, -1):
    try:
        ThreadPoolExecutor(bad)
    except ValueError as exc:
        print("ValueError:", exc)
try:
    ThreadPoolExecutor(initializer=3)
except TypeError as exc:
    print("TypeError:", exc)

names = set()
with ThreadPoolExecutor(2, thread_name_prefix="pool") as ex:
    gate = threading.Barrier(2)

    def named():
        gate.wait()  # both workers run at once
        names.add(threading.current_thread().name)

    futs = [ex.submit(named) for _ in range(2)]
    wait(futs)
print(sorted(names))

auto = ThreadPoolExecutor(1)
auto.submit(lambda: names.add(threading.current_thread().name)).result()
auto.shutdown()
print(sorted(n for n in names if n.startswith("ThreadPoolExecutor-"))[0].endswith("_0"))

seen = []


def init(tag, sink):
    sink.append((tag, threading.current_thread().name))


with ThreadPoolExecutor(1, thread_name_prefix="init", initializer=init, initargs=("ready", seen)) as ex:
    print(ex.submit(pow, 2, 8).result(), seen)

saved = sys.stderr
sys.stderr = io.StringIO()
try:
    ex = ThreadPoolExecutor(1, initializer=lambda: 1 / 0)
    f = ex.submit(pow, 2, 2)
    err = f.exception()
    try:
        ex.submit(pow, 2, 3)
    except BrokenThreadPool as exc:
        print("submit: BrokenThreadPool:", exc)
    ex.shutdown()
    log = sys.stderr.getvalue()
finally:
    sys.stderr = saved
print(type(err).__name__, err)
print(log.splitlines()[0], log.splitlines()[-1])

with ThreadPoolExecutor(3) as ex:
    print(list(ex.map(lambda x, y: x * y, [1, 2, 3, 4], [5, 6, 7])))
    print(list(ex.map(str.upper, ["a", "b"], timeout=5, chunksize=4)))
    it = ex.map(lambda x: 10 // x, [5, 0, 2])
    print(next(it))
    try:
        next(it)
    except ZeroDivisionError as exc:
        print("ZeroDivisionError:", exc)
    block = threading.Event()
    it = ex.map(block.wait, [None])
    try:
        next(ex.map(block.wait, [None], timeout=0.01))
    except TimeoutError:
        print("map TimeoutError")
    block.set()
    print(list(it))

# shutdown(cancel_futures=True) cancels the calls not started yet
ex = ThreadPoolExecutor(1)
hold = threading.Event()
started = threading.Event()


def first():
    started.set()
    hold.wait()
    return "first"


f1 = ex.submit(first)
rest = [ex.submit(pow, 2, i) for i in range(3)]
started.wait()
threading.Timer(0.01, hold.set).start()
ex.shutdown(wait=True, cancel_futures=True)
print(f1.result(), [f.cancelled() for f in rest])
try:
    ex.submit(pow, 1, 1)
except RuntimeError as exc:
    print("RuntimeError:", exc)
ex.shutdown()  # a second shutdown is harmless

# shutdown(wait=False) returns at once; the queued work still runs
ex = ThreadPoolExecutor(1)
gate = threading.Event()
fs = [ex.submit(gate.wait), ex.submit(pow, 3, 3)]
ex.shutdown(wait=False)
gate.set()
print([f.result() for f in fs])

try:
    cf.Executor().submit(print)
except NotImplementedError:
    print("Executor.submit is abstract")
with cf.Executor() as base:
    print(type(base).__name__)

# expect: True True True True True
# expect: FIRST_COMPLETED FIRST_EXCEPTION ALL_COMPLETED
# expect: ['ALL_COMPLETED', 'BrokenExecutor', 'CancelledError', 'Executor', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'Future', 'ProcessPoolExecutor', 'ThreadPoolExecutor', 'TimeoutError', 'as_completed', 'wait']
# expect: <Future state=pending> (False, False, False)
# expect: True <Future state=running> (True, False, False) False
# expect: result timed out
# expect: exception timed out
# expect: <Future state=finished returned list> (False, True, False) [1, 2] None [('first', [1, 2]), ('second', [1, 2])]
# expect: InvalidStateError: FINISHED: <Future
# expect: InvalidStateError: FINISHED: <Future
# expect: late
# expect: RuntimeError: Future in unexpected state
# expect: <Future state=finished raised KeyError> KeyError('k')
# expect: KeyError 'k'
# expect: True True <Future state=cancelled> (False, True, True)
# expect: CancelledError
# expect: CancelledError
# expect: False CANCELLED_AND_NOTIFIED
# expect: InvalidStateError: CANCELLED_AND_NOTIFIED: <Future
# expect: True ZeroDivisionError: division by zero after the bad one
# expect: from a thread
# expect: concurrent.futures._base.Future[int]
# expect: DoneAndNotDoneFutures 1 1 True
# expect: 1
# expect: 1
# expect: 2
# expect: ValueError: Invalid return condition: 'SOMETIMES'
# expect: 1 1
# expect: True True
# expect: True True
# expect: ['1', 'err']
# expect: yielded a done one: True
# expect: TimeoutError: 1 (of 2) futures unfinished
# expect: [0, 1, 2] True
# expect: True
# expect: ValueError: max_workers must be greater than 0
# expect: ValueError: max_workers must be greater than 0
# expect: TypeError: initializer must be a callable
# expect: ['pool_0', 'pool_1']
# expect: True
# expect: 256 [('ready', 'init_0')]
# expect: submit: BrokenThreadPool: A thread initializer failed, the thread pool is not usable anymore
# expect: BrokenThreadPool A thread initializer failed, the thread pool is not usable anymore
# expect: Exception in initializer: ZeroDivisionError: division by zero
# expect: [5, 12, 21]
# expect: ['A', 'B']
# expect: 2
# expect: ZeroDivisionError: integer division or modulo by zero
# expect: map TimeoutError
# expect: [True]
# expect: first [True, True, True]
# expect: RuntimeError: cannot schedule new futures after shutdown
# expect: [True, 27]
# expect: Executor.submit is abstract
# expect: Executor
