"""atexit: functions to call when the interpreter shuts down (minipy's frozen module).

The runtime calls _run_exitfuncs() once at finalization (vm/runtime.cpp), after the non-daemon
threads were joined and before any module is torn down. Functions run last registered, first
called; an exception in one is reported on stderr and the others still run.
"""

import sys

_handlers = []


def register(func, /, *args, **kwargs):
    """Registers func(*args, **kwargs) to be called at exit; returns func (usable as a
    decorator)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Removes every registration of func (compared with ==)."""
    _handlers[:] = [entry for entry in _handlers if not (entry[0] == func)]


def _clear():
    _handlers.clear()


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            try:
                sys.stdout.flush()
            except Exception:
                pass
            print("Exception ignored in atexit callback:", repr(func), file=sys.stderr)
            sys.excepthook(type(exc), exc, exc.__traceback__)
