# The signal module: the functions and numbers of the built-in _signal module (stdlib/
# mod_signal.cpp), with the numbers seen as IntEnum members as CPython 3.11 shows them: Signals
# (SIGINT, ...), Handlers (SIG_DFL, SIG_IGN) and Sigmasks (SIG_BLOCK, ...).
import _signal
from _signal import *
from enum import IntEnum as _IntEnum


def _members(accept):
    # Sorted by value then name, so an alias (SIGIOT, SIGCLD, SIGPOLL) is not the canonical name.
    found = [(value, name) for name, value in _signal.__dict__.items() if accept(name)]
    return [(name, value) for value, name in sorted(found)]


Signals = _IntEnum(
    "Signals",
    _members(lambda name: name.isupper() and name.startswith("SIG") and not name.startswith("SIG_")),
    module=__name__,
)
Handlers = _IntEnum("Handlers", _members(lambda name: name in ("SIG_DFL", "SIG_IGN")), module=__name__)
Sigmasks = _IntEnum(
    "Sigmasks",
    _members(lambda name: name in ("SIG_BLOCK", "SIG_UNBLOCK", "SIG_SETMASK")),
    module=__name__,
)
for _enum in (Signals, Handlers, Sigmasks):
    globals().update(_enum.__members__)
del _enum, _members


def _int_to_enum(value, enum_klass):
    # The enum member for an int, else the value itself (a callable handler, None).
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    # A plain int for an enum member; anything else unchanged.
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}
