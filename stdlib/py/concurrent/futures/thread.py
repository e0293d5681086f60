"""ThreadPoolExecutor (minipy's own implementation of CPython 3.11's).

Work items go through one SimpleQueue per executor to at most max_workers
threads, started one per submit() while no worker is idle. A None in the queue
tells a worker to look whether it should exit (the executor shut down, was
garbage-collected, or the interpreter is exiting); an exiting worker puts the
None back so that the next one sees it too.
"""

from concurrent.futures import _base
import os
import queue
import threading
import types

try:
    from weakref import ref as _weak_ref
except ImportError:
    _weak_ref = None

# Worker thread -> its work queue, for every worker still running; _python_exit wakes and joins
# them. Changed only under _global_shutdown_lock, like _shutdown.
_threads_queues = {}
_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    """Called by threading._shutdown() before it waits for the non-daemon threads."""
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
        items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)

if hasattr(os, 'register_at_fork'):
    os.register_at_fork(before=_global_shutdown_lock.acquire,
                        after_in_child=_global_shutdown_lock._at_fork_reinit,
                        after_in_parent=_global_shutdown_lock.release)


class _WorkItem(object):
    """One submitted call and the future it completes."""

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None  # no cycle through the exception's traceback
        else:
            self.future.set_result(result)

    __class_getitem__ = classmethod(types.GenericAlias)


def _strong_ref(executor):
    # Without weak references the workers keep their executor alive until it shuts down.
    return lambda: executor


def _worker(executor_reference, work_queue, initializer, initargs):
    try:
        if initializer is not None:
            try:
                initializer(*initargs)
            except BaseException:
                _base.LOGGER.critical('Exception in initializer:', exc_info=True)
                executor = executor_reference()
                if executor is not None:
                    executor._initializer_failed()
                return
        try:
            while True:
                work_item = work_queue.get(block=True)
                if work_item is not None:
                    work_item.run()
                    del work_item  # the call's arguments and result go now
                    executor = executor_reference()
                    if executor is not None:
                        executor._idle_semaphore.release()  # one more idle worker
                    del executor
                    continue
                executor = executor_reference()
                if _shutdown or executor is None or executor._shutdown:
                    if executor is not None:
                        executor._shutdown = True  # tell the others as early as possible
                    work_queue.put(None)
                    return
                del executor
        except BaseException:
            _base.LOGGER.critical('Exception in worker', exc_info=True)
    finally:
        with _global_shutdown_lock:
            _threads_queues.pop(threading.current_thread(), None)


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker thread of a ThreadPoolExecutor failed initializing."""


_executor_counter_lock = threading.Lock()
_executor_counter = 0


def _next_executor_number():
    global _executor_counter
    with _executor_counter_lock:
        number = _executor_counter
        _executor_counter += 1
    return number


class ThreadPoolExecutor(_base.Executor):
    """An Executor that runs the calls on a pool of at most max_workers threads."""

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """max_workers defaults to min(32, os.cpu_count() + 4); the threads are named
        thread_name_prefix (default "ThreadPoolExecutor-N") + "_" + their number, and each
        first calls initializer(*initargs) when given."""
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % _next_executor_number()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = _base.Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        # An idle worker takes the new item: no thread to start.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            if _weak_ref is not None:
                # When the executor is collected, its workers are woken up to exit.
                def wake_workers(_, q=self._work_queue):
                    q.put(None)
                reference = _weak_ref(self, wake_workers)
            else:
                reference = _strong_ref(self)
            thread_name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(reference, self._work_queue,
                                       self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            # Every call still queued fails.
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                # The calls not started yet are taken out of the queue and cancelled.
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            # Wakes a worker blocked on get(); each exiting worker passes it on.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
