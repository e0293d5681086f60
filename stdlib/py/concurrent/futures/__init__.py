"""Execute computations asynchronously using threads or processes.

minipy's own implementation of CPython 3.11's concurrent.futures. The executors are
imported on first use (PEP 562 module __getattr__): ThreadPoolExecutor from
.thread, ProcessPoolExecutor from .process (which needs multiprocessing).
"""

from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
)


def __dir__():
    return __all__ + ('__doc__',)


def __getattr__(name):
    global ProcessPoolExecutor, ThreadPoolExecutor
    if name == 'ThreadPoolExecutor':
        from .thread import ThreadPoolExecutor as executor
        ThreadPoolExecutor = executor
        return executor
    if name == 'ProcessPoolExecutor':
        from .process import ProcessPoolExecutor as executor
        ProcessPoolExecutor = executor
        return executor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
