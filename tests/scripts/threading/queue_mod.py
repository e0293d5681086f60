# queue: Queue, LifoQueue, PriorityQueue, SimpleQueue; put/get with block and timeout,
# put_nowait/get_nowait, Full/Empty, qsize/empty/full, task_done/join, blocking hand-offs
# between threads, subclassing through _init/_qsize/_put/_get.
import queue
import threading

print(queue.__all__)
print(queue.Empty.__name__, queue.Full.__name__, issubclass(queue.Empty, Exception))

q = queue.Queue(2)
print(q.maxsize, q.qsize(), q.empty(), q.full())
q.put(1)
q.put_nowait(2)
print(q.qsize(), q.empty(), q.full())
for call in (lambda: q.put(3, block=False), lambda: q.put(3, timeout=0.01), lambda: q.put_nowait(3)):
    try:
        call()
    except queue.Full:
        print("Full")
print(q.get(), q.get_nowait(), q.empty())
for call in (lambda: q.get(block=False), lambda: q.get(timeout=0.01), q.get_nowait, lambda: q.get(True, 0)):
    try:
        call()
    except queue.Empty:
        print("Empty")
for call in (lambda: q.get(timeout=-1), lambda: q.put(0, timeout=-1)):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
q.get(False, -1) if q.qsize() else print("timeout ignored when not blocking")
print("unbounded never full:", queue.Queue().full(), queue.Queue(-1).full())

# task_done / join
q = queue.Queue()
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
for i in range(3):
    q.put(i)
print("unfinished:", q.unfinished_tasks)
done = []


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        done.append(item * 10)
        q.task_done()


t = threading.Thread(target=worker)
t.start()
q.join()
print("joined:", done, q.unfinished_tasks)
q.put(None)
t.join()

# a getter blocked on an empty queue is woken by put; a putter blocked on a full one by get
q = queue.Queue(1)
order = []


def getter():
    order.append(("got", q.get()))


g = threading.Thread(target=getter)
g.start()
q.put("x")
g.join()
q.put("first")


def putter():
    q.put("second")
    order.append("put second")


p = threading.Thread(target=putter)
p.start()
order.append(("took", q.get()))
p.join()
# the putter appends once it got its slot: after or before the main thread's append
print(order[0], sorted(map(str, order[1:])), q.get_nowait())

# LIFO and priority order
lifo = queue.LifoQueue()
prio = queue.PriorityQueue(maxsize=10)
for x in [3, 1, 4, 1, 5, 9, 2, 6]:
    lifo.put(x)
    prio.put((x, str(x)))
print([lifo.get() for _ in range(lifo.qsize())])
print([prio.get()[0] for _ in range(prio.qsize())])
print(type(lifo.queue).__name__, type(prio.queue).__name__, type(queue.Queue().queue).__name__)

# SimpleQueue
sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
for i in range(5):
    sq.put(i)
sq.put_nowait("five")
sq.put(6, block=False, timeout=3)
print(sq.qsize(), sq.empty(), [sq.get() for _ in range(4)], sq.get_nowait(), sq.get(False))
print(sq.get(timeout=0.5), sq.qsize(), sq.empty())
for call in (sq.get_nowait, lambda: sq.get(timeout=0.01), lambda: sq.get(block=False)):
    try:
        call()
    except queue.Empty:
        print("Empty")
try:
    sq.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
print(type(sq).__name__, type(sq).__module__, repr(sq).startswith("<_queue.SimpleQueue object at 0x"))

# many items through a SimpleQueue, several consumers
big = queue.SimpleQueue()
for i in range(1000):
    big.put(i)
got = []
lock = threading.Lock()


def drain():
    while True:
        try:
            item = big.get_nowait()
        except queue.Empty:
            return
        with lock:
            got.append(item)


ts = [threading.Thread(target=drain) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(got), sorted(got) == list(range(1000)), big.qsize())

# consumers blocked in SimpleQueue.get are woken by put
sq2 = queue.SimpleQueue()
results = []
cs = [threading.Thread(target=lambda: results.append(sq2.get())) for _ in range(3)]
for c in cs:
    c.start()
for i in range(3):
    sq2.put(i)
for c in cs:
    c.join()
print(sorted(results))


# a subclass with its own storage
class SetQueue(queue.Queue):
    def _init(self, maxsize):
        self.queue = set()

    def _put(self, item):
        self.queue.add(item)

    def _get(self):
        return self.queue.pop()


s = SetQueue()
for x in "abcab":
    s.put(x)
print(s.qsize(), sorted(s.get() for _ in range(s.qsize())), s.unfinished_tasks)

print(queue.Queue[int], queue.SimpleQueue[str])

# expect: ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']
# expect: Empty Full True
# expect: 2 0 True False
# expect: 2 False True
# expect: Full
# expect: Full
# expect: Full
# expect: 1 2 True
# expect: Empty
# expect: Empty
# expect: Empty
# expect: Empty
# expect: ValueError: 'timeout' must be a non-negative number
# expect: ValueError: 'timeout' must be a non-negative number
# expect: timeout ignored when not blocking
# expect: unbounded never full: False False
# expect: ValueError: task_done() called too many times
# expect: unfinished: 3
# expect: joined: [0, 10, 20] 0
# expect: ('got', 'x') ["('took', 'first')", 'put second'] second
# expect: [6, 2, 9, 5, 1, 4, 1, 3]
# expect: [1, 1, 2, 3, 4, 5, 6, 9]
# expect: list list deque
# expect: True 0
# expect: 7 False [0, 1, 2, 3] 4 five
# expect: 6 0 True
# expect: Empty
# expect: Empty
# expect: Empty
# expect: ValueError: 'timeout' must be a non-negative number
# expect: SimpleQueue _queue True
# expect: 1000 True 0
# expect: [0, 1, 2]
# expect: 3 ['a', 'b', 'c'] 5
# expect: queue.Queue[int] _queue.SimpleQueue[str]
