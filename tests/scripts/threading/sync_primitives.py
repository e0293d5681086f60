# Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier: blocking and non-blocking
# use, timeouts, `with`, errors, and hand-offs between threads ordered by the primitives
# themselves (never by timing).
import threading

# ---- Lock
lock = threading.Lock()
print(type(lock) is threading.Lock().__class__, lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
with lock:
    print("in with:", lock.locked())
print("after with:", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print("ValueError:", e)
print(threading.ThreadError is RuntimeError, threading.TIMEOUT_MAX > 1e6)

# a lock released by another thread than the one that took it (allowed for Lock)
held = threading.Lock()
held.acquire()
t = threading.Thread(target=held.release)
t.start()
t.join()
print("released by another thread:", held.locked())

# ---- RLock
rlock = threading.RLock()
print(rlock.acquire(), rlock.acquire(), rlock.acquire(blocking=False))
print("recursion:", rlock._recursion_count(), rlock._is_owned())
for _ in range(3):
    rlock.release()
print("owned after releases:", rlock._is_owned())
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

other_result = []
with rlock:
    t = threading.Thread(target=lambda: other_result.append(rlock.acquire(timeout=0.01)))
    t.start()
    t.join()
    print("other thread could take it:", other_result)


def release_foreign():
    try:
        rlock.release()
    except RuntimeError as e:
        other_result.append(str(e))


with rlock:
    t = threading.Thread(target=release_foreign)
    t.start()
    t.join()
print("release from other thread:", other_result[-1])

# the Python RLock behaves the same
py = threading._PyRLock()
with py:
    with py:
        print("py rlock count:", py._recursion_count())
print(repr(py).startswith("<unlocked threading._RLock object owner=None count=0 at 0x"))
try:
    py.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# ---- Condition: a consumer waits for items, the producer notifies
cond = threading.Condition()
items = []
log = []


def consumer():
    with cond:
        got = cond.wait_for(lambda: len(items) >= 3)
        log.append(("consumer saw", list(items), got))


c = threading.Thread(target=consumer)
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
c.join()
print(log)
with cond:
    print("wait timeout:", cond.wait(0.01), "wait_for timeout:", cond.wait_for(lambda: False, 0.01))
    print("wait(0):", cond.wait(0))
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

# notify(n) wakes n waiters, notify_all the rest; a Condition over a plain Lock
plain = threading.Condition(threading.Lock())
ready = threading.Semaphore(0)
woken = []


def waiter(i):
    with plain:
        ready.release()
        plain.wait()
        woken.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
for _ in ws:
    ready.acquire()
with plain:  # every waiter is inside wait() once it could release the lock
    print("waiters:", len(plain._waiters))
    plain.notify(2)
while True:
    with plain:
        if len(woken) == 2:
            break
with plain:
    print("after notify(2):", len(woken), "still waiting:", len(plain._waiters))
    plain.notify_all()
for w in ws:
    w.join()
print("woken:", sorted(woken))
print(repr(plain).startswith("<Condition(<unlocked _thread.lock object at 0x"), repr(plain)[-4:])

# ---- Semaphore / BoundedSemaphore
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(2)
print("value:", sem._value)
with sem:
    print("in with:", sem._value)
try:
    sem.release(0)
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    sem.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
bsem = threading.BoundedSemaphore(1)
print(bsem.acquire(), bsem.acquire(False))
bsem.release()
try:
    bsem.release()
except ValueError as e:
    print("ValueError:", e)
print(repr(bsem).endswith(": value=1/1>"), repr(sem).endswith(": value=2>"))

# a semaphore hands work to a thread blocked on it
sem0 = threading.Semaphore(0)
order = []
t = threading.Thread(target=lambda: (sem0.acquire(), order.append("acquired")))
t.start()
order.append("releasing")
sem0.release()
t.join()
print(order)

# ---- Event
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01), ev.wait(0))
print(repr(ev).endswith(": unset>"))
waiters = [threading.Thread(target=ev.wait) for _ in range(3)]
for w in waiters:
    w.start()
ev.set()
for w in waiters:
    w.join()
print("all waiters through:", not any(w.is_alive() for w in waiters), ev.wait(), repr(ev).endswith(": set>"))
ev.clear()
print("cleared:", ev.is_set())

# ---- Barrier
rounds = []
barrier = threading.Barrier(3, action=lambda: rounds.append("tripped"))
indexes = []


def party():
    for _ in range(2):
        indexes.append(barrier.wait())


ps = [threading.Thread(target=party) for _ in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print(rounds, sorted(indexes), barrier.parties, barrier.n_waiting, barrier.broken)
print(repr(barrier).endswith(": waiters=0/3>"))

# a timeout breaks the barrier for everyone
b2 = threading.Barrier(2)
try:
    b2.wait(0.01)
except threading.BrokenBarrierError:
    print("BrokenBarrierError after timeout, broken:", b2.broken)
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("broken barrier refuses:", type(e).__name__, issubclass(type(e), RuntimeError))
print(repr(b2).endswith(": broken>"))
b2.reset()
print("after reset:", b2.broken)

# abort wakes a waiting thread with BrokenBarrierError
b3 = threading.Barrier(2)
outcome = []


def waits():
    try:
        b3.wait()
    except threading.BrokenBarrierError:
        outcome.append("broken")


t = threading.Thread(target=waits)
t.start()
while b3.n_waiting == 0:
    pass
b3.abort()
t.join()
print(outcome, b3.broken)

# an action that raises breaks the barrier; the other party sees BrokenBarrierError
b4 = threading.Barrier(2, action=lambda: 1 / 0)
seen = []


def party4():
    try:
        b4.wait()
    except Exception as e:
        seen.append(type(e).__name__)


ts = [threading.Thread(target=party4) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen))

# expect: True False
# expect: True True False False
# expect: in with: True
# expect: after with: False
# expect: RuntimeError: release unlocked lock
# expect: ValueError: can't specify a timeout for a non-blocking call
# expect: ValueError: timeout value must be positive
# expect: True True
# expect: released by another thread: False
# expect: True True True
# expect: recursion: 3 True
# expect: owned after releases: False
# expect: RuntimeError: cannot release un-acquired lock
# expect: other thread could take it: [False]
# expect: release from other thread: cannot release un-acquired lock
# expect: py rlock count: 2
# expect: True
# expect: RuntimeError: cannot release un-acquired lock
# expect: [('consumer saw', [0, 1, 2], True)]
# expect: wait timeout: False wait_for timeout: False
# expect: wait(0): False
# expect: RuntimeError: cannot wait on un-acquired lock
# expect: RuntimeError: cannot notify on un-acquired lock
# expect: waiters: 4
# expect: after notify(2): 2 still waiting: 2
# expect: woken: [0, 1, 2, 3]
# expect: True  0)>
# expect: True True False False
# expect: value: 2
# expect: in with: 1
# expect: ValueError: n must be one or more
# expect: ValueError: semaphore initial value must be >= 0
# expect: ValueError: can't specify timeout for non-blocking acquire
# expect: True False
# expect: ValueError: Semaphore released too many times
# expect: True True
# expect: ['releasing', 'acquired']
# expect: False False False
# expect: True
# expect: all waiters through: True True True
# expect: cleared: False
# expect: ['tripped', 'tripped'] [0, 0, 1, 1, 2, 2] 3 0 False
# expect: True
# expect: BrokenBarrierError after timeout, broken: True
# expect: broken barrier refuses: BrokenBarrierError True
# expect: True
# expect: after reset: False
# expect: ['broken'] True
# expect: ['BrokenBarrierError', 'ZeroDivisionError']
