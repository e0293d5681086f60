"""Thread-local objects, written in Python (minipy's own implementation).

threading.local is this module's `local` when _thread offers no `_local`.

  >>> mydata = local()
  >>> mydata.number = 42

An attribute set in one thread is seen only by that thread. A subclass may
define __init__ (called again, with the constructor's arguments, the first
time each thread uses the object), methods, properties and __slots__; slots
are shared by all threads, as in CPython.

How it works: each local object owns a `_LocalImpl` mapping the ident of every
thread that used it to that thread's attribute dict. Attribute access goes
through __getattribute__/__setattr__/__delattr__, which read and write the
calling thread's dict (a data descriptor of the class still comes first, as
for ordinary instances). When a thread started by threading ends, its dicts
are dropped (Thread._delete runs the cleanups registered on the thread).
"""

__all__ = ["local"]

from _thread import get_ident as _get_ident

_MISSING = object()


def _class_attribute(cls, name):
    for klass in cls.__mro__:
        try:
            return klass.__dict__[name]
        except KeyError:
            pass
    return _MISSING


def _is_data_descriptor(attribute):
    # property is named too: minipy's property type does not show __set__ as an attribute.
    kind = type(attribute)
    return (hasattr(kind, '__set__') or hasattr(kind, '__delete__')
            or isinstance(attribute, property))


def _has_init(cls):
    # Whether a class of the mro other than object defines __init__ (minipy's cls.__init__ is
    # a new object at each access, so no identity test with object.__init__).
    return any('__init__' in klass.__dict__ for klass in cls.__mro__ if klass is not object)


def _is_slot(cls, name):
    # A name of __slots__ is stored in the object itself, shared by all threads (minipy keeps no
    # member descriptor for it in the class __dict__, so the mro's __slots__ are looked at).
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        if name in slots:
            return True
    return False


def _class_data_attribute(cls, name):
    """True when `name` is handled by the class for all threads: a data descriptor or a slot."""
    attribute = _class_attribute(cls, name)
    if attribute is not _MISSING:
        return _is_data_descriptor(attribute)
    return _is_slot(cls, name)


class _LocalImpl:
    """The per-thread dicts of one local object, and its constructor arguments."""

    __slots__ = ('dicts', 'args', 'kwargs', '__weakref__')

    def __init__(self, args, kwargs):
        self.dicts = {}  # thread ident -> that thread's attribute dict
        self.args = args
        self.kwargs = kwargs

    def forget(self, ident):
        self.dicts.pop(ident, None)


def _thread_dict(self):
    """The calling thread's dict of `self`, made (and __init__ run) on its first use."""
    impl = object.__getattribute__(self, '_local__impl')
    ident = _get_ident()
    found = impl.dicts.get(ident)
    if found is not None:
        return found
    found = {}
    impl.dicts[ident] = found
    _register_cleanup(impl, ident)
    cls = type(self)
    if _has_init(cls):
        cls.__init__(self, *impl.args, **impl.kwargs)
    return found


def _register_cleanup(impl, ident):
    # The thread's dict goes when its threading.Thread ends (Thread._delete).
    try:
        from threading import _active
    except ImportError:
        return
    thread = _active.get(ident)
    if thread is None:
        return
    cleanups = thread.__dict__.setdefault('_local_cleanups', [])
    cleanups.append(lambda: impl.forget(ident))


class local:
    """Thread-local data: each thread sees its own attributes."""

    __slots__ = ('_local__impl', '__weakref__')

    def __new__(cls, /, *args, **kw):
        if (args or kw) and not _has_init(cls):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        impl = _LocalImpl(args, kw)
        object.__setattr__(self, '_local__impl', impl)
        # The creating thread's dict exists at once; its __init__ is the one the call runs.
        ident = _get_ident()
        impl.dicts[ident] = {}
        _register_cleanup(impl, ident)
        return self

    def __getattribute__(self, name):
        if name == '_local__impl':
            return object.__getattribute__(self, name)
        data = _thread_dict(self)
        if name == '__dict__':
            return data
        value = data.get(name, _MISSING)
        if value is not _MISSING and not _class_data_attribute(type(self), name):
            return value
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % self.__class__.__name__)
        data = _thread_dict(self)
        if _class_data_attribute(type(self), name):
            object.__setattr__(self, name, value)
        else:
            data[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % self.__class__.__name__)
        data = _thread_dict(self)
        if _class_data_attribute(type(self), name):
            object.__delattr__(self, name)
        elif name in data:
            del data[name]
        else:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{name}'")
