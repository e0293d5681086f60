"""A multi-producer, multi-consumer queue (minipy's own implementation of CPython 3.11's).

Queue, LifoQueue and PriorityQueue keep their items behind one mutex shared by
three conditions (not_empty, not_full, all_tasks_done); subclasses change only
_init/_qsize/_put/_get. SimpleQueue (CPython's C _queue.SimpleQueue) is an
unbounded FIFO whose put never blocks: items go into a list (list.append is
one C-level operation under the GIL) and a semaphore counts them.
"""

import threading
import types
from collections import deque
from heapq import heappush, heappop
from time import monotonic as time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    """Raised by get(block=False), get_nowait() and a get() whose timeout ran out."""


# CPython's Empty lives in the C module _queue; tracebacks name it so.
Empty.__module__ = '_queue'


class Full(Exception):
    """Raised by put(block=False), put_nowait() and a put() whose timeout ran out."""


class Queue:
    """A FIFO queue for threads, bounded to maxsize items (maxsize <= 0: unbounded)."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        # All three conditions share the mutex: whoever changes the queue holds it.
        self.mutex = threading.Lock()
        # Notified when an item is added: a get() may go on.
        self.not_empty = threading.Condition(self.mutex)
        # Notified when an item is removed: a put() may go on.
        self.not_full = threading.Condition(self.mutex)
        # Notified when the count of unfinished tasks drops to zero: join() returns.
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """Tell the queue that one item taken by get() is processed; join() returns once
        every item put was so. ValueError when called more times than items were put.
        """
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        """Block until every item put in the queue was gotten and marked task_done()."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        """The number of items now (other threads may change it at once)."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """Whether the queue holds no item now (other threads may change it at once)."""
        with self.mutex:
            return not self._qsize()

    def full(self):
        """Whether the queue holds maxsize items now (never, when unbounded)."""
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Add item, waiting while the queue is full: forever (timeout None), at most
        timeout seconds (then Full), or not at all when block is false (then Full at
        once, timeout ignored).
        """
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    deadline = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = deadline - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return the next item, waiting while the queue is empty: forever
        (timeout None), at most timeout seconds (then Empty), or not at all when
        block is false (then Empty at once, timeout ignored).
        """
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                deadline = time() + timeout
                while not self._qsize():
                    remaining = deadline - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        """put(item, block=False): Full at once when there is no room."""
        return self.put(item, block=False)

    def get_nowait(self):
        """get(block=False): Empty at once when there is no item."""
        return self.get(block=False)

    # The storage; override these to make another kind of queue. They are called with the
    # mutex held.

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(types.GenericAlias)


class PriorityQueue(Queue):
    """A Queue giving the smallest item first (items such as (priority, data))."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """A Queue giving the most recently added item first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking; put() never blocks."""

    # Items live in self._items from index self._head on; consumed slots before it are cut off
    # in one `del` once they are half of the list. Only getters (under _get_lock) move _head;
    # putters only append. _count holds one unit per item not yet taken.

    def __init__(self):
        self._items = []
        self._head = 0
        self._count = threading.Semaphore(0)
        self._get_lock = threading.Lock()

    def put(self, item, block=True, timeout=None):
        """Add item; never blocks (block and timeout exist for Queue's signature only)."""
        self._items.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        """Remove and return the first item, waiting as Queue.get does (Empty when none
        came in time, or at once when block is false).
        """
        if not block:
            timeout = None
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._count.acquire(block, timeout):
            raise Empty
        with self._get_lock:
            items = self._items
            head = self._head
            item = items[head]
            items[head] = None
            head += 1
            if head * 2 >= len(items):
                del items[:head]  # one C-level operation: a concurrent append is kept
                head = 0
            self._head = head
        return item

    def put_nowait(self, item):
        """The same as put(item): it never blocks anyway."""
        return self.put(item, block=False)

    def get_nowait(self):
        """get(block=False): Empty at once when there is no item."""
        return self.get(False)

    def empty(self):
        """Whether the queue holds no item now."""
        return self.qsize() == 0

    def qsize(self):
        """The number of items now."""
        with self._get_lock:
            return len(self._items) - self._head

    __class_getitem__ = classmethod(types.GenericAlias)


# CPython's SimpleQueue is the C type _queue.SimpleQueue.
SimpleQueue.__module__ = '_queue'
