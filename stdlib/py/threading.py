"""Thread module emulating a subset of Java's threading model.

minipy's own implementation of CPython 3.11's threading module, on top of the C++ `_thread`
module (stdlib/mod_thread.cpp).

Invariants:
  - `_active` maps the ident of every running thread that threading knows (started Threads, the
    main thread, dummy threads) to its Thread; `_limbo` holds Threads between start() and the
    moment their OS thread registered itself. Both change only under `_active_limbo_lock`.
  - a started Thread owns `_tstate_lock`, a lock held for as long as its OS thread lives: the
    `_thread._set_sentinel()` lock released by the runtime when the thread state dies, or (without
    it) a plain lock the thread releases as the very last thing it does. join() and is_alive()
    wait on it; `_shutdown()` waits on those of the non-daemon threads.
  - Python code here is not atomic under the GIL (the VM switches threads every N instructions),
    so every piece of shared state is changed under a lock; only single C-level operations on
    built-in containers (list.append, dict item assignment) are relied upon as atomic.
"""

import os as _os
import sys as _sys
import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'ExceptHookArgs', 'gettrace', 'getprofile']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = getattr(_thread, '_set_sentinel', None)
get_ident = _thread.get_ident
try:
    get_native_id = _thread.get_native_id
    _HAVE_THREAD_NATIVE_ID = True
    __all__.append('get_native_id')
except AttributeError:
    _HAVE_THREAD_NATIVE_ID = False
ThreadError = _thread.error
_CRLock = getattr(_thread, 'RLock', None)
TIMEOUT_MAX = _thread.TIMEOUT_MAX
from _thread import stack_size
del _thread


def _warn_deprecated(message):
    import warnings
    warnings.warn(message, DeprecationWarning, stacklevel=3)


# ---- trace and profile hooks for threads started from here

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Make func the profile function (see sys.setprofile) of every thread started from now on."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """The profile function given to setprofile(), or None."""
    return _profile_hook


def settrace(func):
    """Make func the trace function (see sys.settrace) of every thread started from now on."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """The trace function given to settrace(), or None."""
    return _trace_hook


# ---- locks

Lock = _allocate_lock


def RLock(*args, **kwargs):
    """A new reentrant lock: _thread.RLock when the runtime has one, else the Python _RLock.

    The thread holding it may take it again; it is free once released as many times.
    """
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


class _RLock:
    """A reentrant lock written in Python (used when _thread has no RLock).

    The owner and count change only by the thread that holds `_block`.
    """

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        try:
            owner = _active[owner].name
        except KeyError:
            pass
        state = "locked" if self._block.locked() else "unlocked"
        cls = self.__class__
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            state, cls.__module__, cls.__qualname__, owner, self._count, hex(id(self)))

    def _at_fork_reinit(self):
        self._block._at_fork_reinit()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        """Acquire the lock, blocking or non-blocking, with an optional timeout.

        A thread that already owns the lock only increments the recursion level.
        Returns True when the lock was acquired, False on timeout or when
        non-blocking and the lock is held by another thread.
        """
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        got = self._block.acquire(blocking, timeout)
        if got:
            self._owner = me
            self._count = 1
        return got

    __enter__ = acquire

    def release(self):
        """Release the lock once; it is free again when the recursion level reaches zero.

        RuntimeError if the calling thread does not own the lock.
        """
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    # Used by Condition: release completely, then restore owner and level.
    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return state

    def _is_owned(self):
        return self._owner == get_ident()

    def _recursion_count(self):
        if self._owner != get_ident():
            return 0
        return self._count


_PyRLock = _RLock


class Condition:
    """A condition variable: threads wait() on it until another one notifies them.

    It is used under its lock: the given Lock or RLock, or a new RLock.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # An RLock brings its own full release / restore and ownership test.
        for name in ('_release_save', '_acquire_restore', '_is_owned'):
            try:
                setattr(self, name, getattr(lock, name))
            except AttributeError:
                pass
        # One private lock per waiting thread, held while it waits; a plain list (its append and
        # remove are single C-level operations), only touched while `lock` is held.
        self._waiters = []

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiters.clear()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock does not know its owner: held by someone is the best answer.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Release the lock, block until notified or timeout seconds passed, take the lock again.

        RuntimeError unless the caller holds the lock. An RLock is released fully (all
        its levels) and restored after. Returns False on timeout, else True.
        """
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        notified = False
        try:
            if timeout is None:
                waiter.acquire()
                notified = True
            elif timeout > 0:
                notified = waiter.acquire(True, timeout)
            else:
                notified = waiter.acquire(False)
            return notified
        finally:
            # Re-acquired whatever happened (KeyboardInterrupt included).
            self._acquire_restore(saved)
            if not notified:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait (at most timeout seconds in all) until predicate() is true; returns its last value."""
        deadline = None
        remaining = timeout
        result = predicate()
        while not result:
            if remaining is not None:
                if deadline is None:
                    deadline = _time() + remaining
                else:
                    remaining = deadline - _time()
                    if remaining <= 0:
                        break
            self.wait(remaining)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake at most n of the waiting threads (RuntimeError unless the caller holds the lock)."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass  # its wait timed out meanwhile and released it itself
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wake every waiting thread (RuntimeError unless the caller holds the lock)."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Deprecated spelling of notify_all()."""
        _warn_deprecated('notifyAll() is deprecated, use notify_all() instead')
        self.notify_all()


class Semaphore:
    """A counter of free units: acquire() takes one (waiting while there is none),
    release() gives some back. It starts at value (default 1).
    """

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        """Acquire a semaphore, decrementing the internal counter by one.

        Blocks while the counter is zero, unless blocking is false (then returns
        False at once) or the timeout expires (then returns False). Returns True
        once the counter was decremented.
        """
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is not None:
                    if deadline is None:
                        deadline = _time() + timeout
                    else:
                        timeout = deadline - _time()
                        if timeout <= 0:
                            return False
                self._cond.wait(timeout)
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        """Give n units back (n >= 1), waking as many waiting threads."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore whose value never exceeds its initial value: releasing more than
    was acquired raises ValueError.
    """

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        """Give n units back; ValueError if that would exceed the initial value."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag threads can wait for: set() raises it and wakes the waiters, clear()
    lowers it. It starts lowered.
    """

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def is_set(self):
        """Whether the flag is set."""
        return self._flag

    def isSet(self):
        """Deprecated spelling of is_set()."""
        _warn_deprecated('isSet() is deprecated, use is_set() instead')
        return self.is_set()

    def set(self):
        """Set the internal flag to true, waking every thread that waits for it."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Reset the internal flag to false."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the internal flag is true, or until the optional timeout expires.

        Returns the internal flag on exit: always True except after a timeout.
        """
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# ---- Barrier

_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class Barrier:
    """A meeting point for a fixed number of threads: each wait() blocks until all
    the parties have called it, then they all go on together.
    """

    def __init__(self, parties, action=None, timeout=None):
        """A barrier for `parties` threads; `action` runs once per round in one of them,
        before they are released; `timeout` is the default of wait().
        """
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0  # threads inside wait()

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Wait until all the parties arrived; returns this thread's arrival index
        (0 to parties-1). BrokenBarrierError if the barrier breaks (timeout, abort,
        reset or a failing action) while waiting, or was broken already.
        """
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # A previous round still draining (or resetting) must empty first.
            while self._state in (_DRAINING, _RESETTING):
                self._cond.wait()
            if self._state < 0:
                raise BrokenBarrierError
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                else:
                    self._wait_trip(timeout)
                return index
            finally:
                self._count -= 1
                if self._count == 0 and self._state in (_DRAINING, _RESETTING):
                    self._state = _FILLING
                    self._cond.notify_all()

    def _trip(self):
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait_trip(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def reset(self):
        """Return the barrier to its empty state; threads waiting now get BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state in (_FILLING, _BROKEN):
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        """Break the barrier: current and future wait() calls raise BrokenBarrierError."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        """The number of threads a round needs."""
        return self._parties

    @property
    def n_waiting(self):
        """How many threads are waiting in the current round."""
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        """Whether the barrier is broken."""
        return self._state == _BROKEN


class BrokenBarrierError(RuntimeError):
    pass


# ---- the registry of threads

_name_lock = _allocate_lock()
_name_counter = 0


def _newname(name_template):
    global _name_counter
    with _name_lock:
        _name_counter += 1
        number = _name_counter
    return name_template % number


_active_limbo_lock = RLock()
_active = {}  # ident -> Thread of every running thread threading knows
_limbo = {}   # Thread -> Thread between start() and its registration

# The _tstate_lock of every non-daemon thread that may still run: _shutdown() waits on them.
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()


def _maintain_shutdown_locks():
    """Forget the shutdown locks of threads that ended (call with _shutdown_locks_lock held)."""
    finished = [lock for lock in _shutdown_locks if not lock.locked()]
    _shutdown_locks.difference_update(finished)


class Thread:
    """One thread of control: run() (the target by default) in its own OS thread once
    start() is called. Subclasses may override run() (and __init__, calling
    Thread.__init__ first).
    """

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        """Keyword arguments only, by convention: group must be None; target is called
        by run() with args and kwargs; name defaults to "Thread-N" (plus " (target)");
        daemon defaults to the creating thread's flag.
        """
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        if _HAVE_THREAD_NATIVE_ID:
            self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        # Kept so that excepthook can still print when sys.stderr is gone at shutdown.
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()

    def _reset_internal_locks(self, is_alive):
        # After fork: the child's copy of a lock may be held by a thread that no longer exists.
        self._started._at_fork_reinit()
        if is_alive:
            if self._tstate_lock is not None:
                self._tstate_lock._at_fork_reinit()
                self._tstate_lock.acquire()
        else:
            self._is_stopped = True
            self._tstate_lock = None

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # notices a thread that ended
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Run the thread's run() in a new OS thread (RuntimeError when called twice)."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        """What the thread does: call the target with its args and kwargs (override it in
        a subclass to do something else).
        """
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Drop the references, so that a cycle through the thread does not keep them.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._bootstrap_inner()
        except:
            # A daemon thread running while the interpreter is torn down may see the module
            # globals gone: it ends silently, as CPython's.
            if self._daemonic and _sys is None:
                return
            raise

    def _set_ident(self):
        self._ident = get_ident()

    if _HAVE_THREAD_NATIVE_ID:
        def _set_native_id(self):
            self._native_id = get_native_id()

    def _set_tstate_lock(self):
        """Take the lock that stays held for as long as this OS thread lives."""
        if _set_sentinel is not None:
            self._tstate_lock = _set_sentinel()
        else:
            self._tstate_lock = _allocate_lock()
        # CPython's sentinel comes unlocked; minipy's may come locked already.
        if not self._tstate_lock.locked():
            self._tstate_lock.acquire()
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()
                _shutdown_locks.add(self._tstate_lock)

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_tstate_lock()
            if _HAVE_THREAD_NATIVE_ID:
                self._set_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            # minipy's sys has no settrace/setprofile yet (#5): the hooks are only stored then.
            if _trace_hook and hasattr(_sys, 'settrace'):
                _sys.settrace(_trace_hook)
            if _profile_hook and hasattr(_sys, 'setprofile'):
                _sys.setprofile(_profile_hook)
            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()
            if _set_sentinel is None:
                # No runtime sentinel: the thread says itself that it is over.
                lock = self._tstate_lock
                if lock is not None and lock.locked():
                    lock.release()

    def _stop(self):
        # Called once the _tstate_lock was seen released: the OS thread is gone (or going).
        lock = self._tstate_lock
        if lock is not None:
            assert not lock.locked()
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()

    def _delete(self):
        """Remove the current thread from the registry of running threads."""
        cleanups = self.__dict__.pop('_local_cleanups', None)
        if cleanups:
            for cleanup in cleanups:
                cleanup()
        with _active_limbo_lock:
            del _active[get_ident()]

    def join(self, timeout=None):
        """Wait until the thread ends, or for at most timeout seconds (then is_alive()
        tells which). RuntimeError to join the current thread or one not started.
        """
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            # Already noticed as stopped (or the thread is still being started).
            return
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            if lock.locked():
                # Interrupted (KeyboardInterrupt) right after acquiring: undo, the thread is over.
                lock.release()
                self._stop()
            raise

    @property
    def name(self):
        """The thread's name (any str; several threads may share one)."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        """The thread's identifier (get_ident() inside it), None before start()."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    if _HAVE_THREAD_NATIVE_ID:
        @property
        def native_id(self):
            """The kernel's id of the thread, None before start()."""
            assert self._initialized, "Thread.__init__() not called"
            return self._native_id

    def is_alive(self):
        """Whether the thread is running: from just before run() to just after it."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """Whether the thread is a daemon: the program exits without waiting for those.
        Set it before start() only.
        """
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Return whether this thread is a daemon (deprecated: use the daemon attribute)."""
        _warn_deprecated('isDaemon() is deprecated, get the daemon attribute instead')
        return self.daemon

    def setDaemon(self, daemonic):
        """Set whether this thread is a daemon (deprecated: use the daemon attribute)."""
        _warn_deprecated('setDaemon() is deprecated, set the daemon attribute instead')
        self.daemon = daemonic

    def getName(self):
        """Return a string used for identification purposes only (deprecated: use name)."""
        _warn_deprecated('getName() is deprecated, get the name attribute instead')
        return self.name

    def setName(self, name):
        """Set the name string for this thread (deprecated: use the name attribute)."""
        _warn_deprecated('setName() is deprecated, set the name attribute instead')
        self.name = name


# ---- uncaught exceptions in threads

try:
    from _thread import _excepthook as excepthook, _ExceptHookArgs as ExceptHookArgs
except ImportError:
    _ExceptHookArgs = None

    def ExceptHookArgs(args):
        global _ExceptHookArgs
        if _ExceptHookArgs is None:
            from collections import namedtuple
            _ExceptHookArgs = namedtuple('ExceptHookArgs',
                                         'exc_type exc_value exc_traceback thread')
        return _ExceptHookArgs(*args)

    def excepthook(args, /):
        """Handle uncaught Thread.run() exception."""
        if args.exc_type == SystemExit:
            return  # silently ignored, as the main thread's SystemExit
        if _sys is not None and _sys.stderr is not None:
            stderr = _sys.stderr
        elif args.thread is not None:
            stderr = args.thread._stderr
            if stderr is None:
                return
        else:
            return
        if args.thread is not None:
            name = args.thread.name
        else:
            name = get_ident()
        print(f"Exception in thread {name}:", file=stderr, flush=True)
        try:
            from traceback import print_exception
        except ImportError:
            print_exception = None
        if print_exception is not None:
            print_exception(args.exc_type, args.exc_value, args.exc_traceback, file=stderr)
        elif stderr is _sys.stderr:
            _sys.__excepthook__(args.exc_type, args.exc_value, args.exc_traceback)
        else:
            print(f"{args.exc_type.__name__}: {args.exc_value}", file=stderr)
        stderr.flush()

__excepthook__ = excepthook


def _make_invoke_excepthook():
    # The hooks are read now and kept: at shutdown, module globals may already be None.
    old_excepthook = excepthook
    old_sys_excepthook = _sys.excepthook
    if old_excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    if old_sys_excepthook is None:
        raise RuntimeError("sys.excepthook is None")
    sys_exc_info = _sys.exc_info
    local_print = print
    local_sys = _sys

    def invoke_excepthook(thread):
        global excepthook
        try:
            hook = excepthook
            if hook is None:
                hook = old_excepthook
            args = ExceptHookArgs([*sys_exc_info(), thread])
            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            del exc
            if local_sys is not None and local_sys.stderr is not None:
                stderr = local_sys.stderr
            else:
                stderr = thread._stderr
            local_print("Exception in threading.excepthook:", file=stderr, flush=True)
            if local_sys is not None and local_sys.excepthook is not None:
                sys_excepthook = local_sys.excepthook
            else:
                sys_excepthook = old_sys_excepthook
            sys_excepthook(*sys_exc_info())
        finally:
            args = None  # breaks the cycle through the traceback

    return invoke_excepthook


class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after interval seconds, unless
    cancel() was called before.
    """

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it hasn't finished yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    # The thread that imported threading first (the interpreter's main thread in practice).

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._set_ident()
        if _HAVE_THREAD_NATIVE_ID:
            self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    # Stands for a thread started by _thread directly: always alive, daemonic, not joinable.

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._set_ident()
        if _HAVE_THREAD_NATIVE_ID:
            self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# ---- module functions

def current_thread():
    """The Thread object of the calling thread (a _DummyThread for threads not
    started through threading).
    """
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    """Return the current Thread object (deprecated: use current_thread())."""
    _warn_deprecated('currentThread() is deprecated, use current_thread() instead')
    return current_thread()


def active_count():
    """How many threads are alive: len(enumerate())."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Return the number of Thread objects currently alive (deprecated: use active_count())."""
    _warn_deprecated('activeCount() is deprecated, use active_count() instead')
    return active_count()


def _enumerate():
    # Without the lock: for debugging and after fork only.
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """The Thread objects alive now: started and not ended, daemons and dummies
    included, and the main thread.
    """
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Register a function to be called just before the non-daemon threads are joined.

    The functions run in reverse order of registration, in _shutdown(), before
    the interpreter's own atexit functions.
    """
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append((func, arg, kwargs))


_main_thread = _MainThread()


def _shutdown():
    """Wait until all non-daemon threads have ended.

    The runtime calls this once, at the end of the program, before it runs the
    atexit functions and tears the interpreter down.
    """
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return  # already called (or the main thread went away after fork)
    _SHUTTING_DOWN = True
    for func, arg, kwargs in reversed(_threading_atexits):
        func(*arg, **kwargs)
    if _main_thread.ident == get_ident():
        # The main thread is over: its own lock is released and it is marked stopped.
        lock = _main_thread._tstate_lock
        if lock is not None and lock.locked():
            lock.release()
        _main_thread._stop()
    # Join every non-daemon thread; threads started meanwhile are caught by the next round.
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            lock.acquire()
            lock.release()


def main_thread():
    """The Thread object of the main thread (the one the interpreter started in)."""
    return _main_thread


try:
    from _thread import _local as local
except ImportError:
    from _threading_local import local as _py_local

    class local(_py_local):
        __slots__ = ()

    # Shown as CPython's C type _thread._local in reprs and error messages.
    local.__name__ = local.__qualname__ = '_thread._local'
    local.__module__ = 'builtins'
    local.__doc__ = _py_local.__doc__


def _after_fork():
    """Reset the registry in a forked child, where only the forking thread goes on."""
    global _active_limbo_lock, _main_thread, _shutdown_locks_lock, _shutdown_locks
    global _name_lock
    _active_limbo_lock = RLock()
    _name_lock = _allocate_lock()
    _shutdown_locks_lock = _allocate_lock()
    _shutdown_locks = set()
    try:
        current = _active[get_ident()]
    except KeyError:
        # Forked from a thread threading does not know: it becomes the main thread.
        current = _MainThread()
    _main_thread = current
    new_active = {}
    with _active_limbo_lock:
        threads = set(_enumerate())
        for thread in threads:
            if thread is current:
                # The forking thread goes on in the child, with a fresh lock and its new ident.
                thread._reset_internal_locks(True)
                ident = get_ident()
                thread._ident = ident
                new_active[ident] = thread
            else:
                thread._reset_internal_locks(False)
                thread._stop()
        _limbo.clear()
        _active.clear()
        _active.update(new_active)


if hasattr(_os, "register_at_fork"):
    _os.register_at_fork(after_in_child=_after_fork)
