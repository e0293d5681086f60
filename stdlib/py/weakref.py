"""Weak references and the containers built on them (minipy's frozen `weakref` module).

The reference types come from the C++ module _weakref; this module adds WeakMethod, the weak
dictionaries, WeakSet (from _weakrefset) and finalize. The dictionaries follow one rule: an entry
whose weakly held object dies is removed by the weakref's callback, except while the dictionary is
being iterated, when the removal is queued and done once the last iteration ends.
"""

import sys
import itertools
import collections.abc as _abc

from _weakref import (
    getweakrefcount,
    getweakrefs,
    ref,
    proxy,
    CallableProxyType,
    ProxyType,
    ReferenceType,
    _remove_dead_weakref,
)

from _weakrefset import WeakSet, _IterationGuard

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]

_abc.MutableSet.register(WeakSet)


class WeakMethod(ref):
    """A weak reference to a bound method: it dies when either the instance or the function
    dies, and calling it rebuilds the bound method."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def _on_death(arg):
            # Whichever of the two dies first kills the WeakMethod; the callback runs once.
            self = self_ref()
            if self is not None and self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ref.__new__(cls, obj, _on_death)
        self._func_ref = ref(func, _on_death)
        self._meth_type = type(meth)
        self._alive = True
        self_ref = ref(self)
        return self

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not self._alive or not other._alive:
            return self is other
        return ref.__eq__(self, other) and self._func_ref == other._func_ref

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not self._alive or not other._alive:
            return self is not other
        return ref.__ne__(self, other) or self._func_ref != other._func_ref

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weak reference that remembers the dictionary key it is stored under, so the callback of
    a WeakValueDictionary knows which entry to drop."""

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


# The | and |= operators of both weak dictionaries (PEP 584), as dict's.
def _mapping_ior(self, other):
    self.update(other)
    return self


def _mapping_or(self, other):
    if isinstance(other, _abc.Mapping):
        new = self.copy()
        new.update(other)
        return new
    return NotImplemented


def _mapping_ror(self, other):
    if isinstance(other, _abc.Mapping):
        new = self.__class__()
        new.update(other)
        new.update(self)
        return new
    return NotImplemented


class WeakValueDictionary(_abc.MutableMapping):
    """A mapping whose values are held through weak references: an entry goes away when its
    value dies."""

    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self), _remove_dead=_remove_dead_weakref):
            owner = selfref()
            if owner is None:
                return
            if owner._iterating:
                owner._pending_removals.append(wr.key)
            else:
                _remove_dead(owner.data, wr.key)

        self._remove = remove
        self._pending_removals = []
        self._iterating = 0
        self.data = {}
        self.update(other, **kw)

    def _flush_removals(self):
        pending = self._pending_removals
        data = self.data
        while pending:
            _remove_dead_weakref(data, pending.pop())

    def __getitem__(self, key):
        if self._pending_removals:
            self._flush_removals()
        value = self.data[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        if self._pending_removals:
            self._flush_removals()
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        if self._pending_removals:
            self._flush_removals()
        del self.data[key]

    def __len__(self):
        if self._pending_removals:
            self._flush_removals()
        return len(self.data)

    def __contains__(self, key):
        if self._pending_removals:
            self._flush_removals()
        try:
            value = self.data[key]()
        except KeyError:
            return False
        return value is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def copy(self):
        if self._pending_removals:
            self._flush_removals()
        new = WeakValueDictionary()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                value = wr()
                if value is not None:
                    new[key] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        if self._pending_removals:
            self._flush_removals()
        new = self.__class__()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                value = wr()
                if value is not None:
                    new[deepcopy(key, memo)] = value
        return new

    def get(self, key, default=None):
        if self._pending_removals:
            self._flush_removals()
        try:
            wr = self.data[key]
        except KeyError:
            return default
        value = wr()
        return default if value is None else value

    def items(self):
        if self._pending_removals:
            self._flush_removals()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                value = wr()
                if value is not None:
                    yield key, value

    def keys(self):
        if self._pending_removals:
            self._flush_removals()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                if wr() is not None:
                    yield key

    __iter__ = keys

    def itervaluerefs(self):
        """The weak references to the values, lazily; check each one is alive before use."""
        if self._pending_removals:
            self._flush_removals()
        with _IterationGuard(self):
            yield from self.data.values()

    def valuerefs(self):
        """A list of the weak references to the values."""
        if self._pending_removals:
            self._flush_removals()
        return list(self.data.values())

    def values(self):
        if self._pending_removals:
            self._flush_removals()
        with _IterationGuard(self):
            for wr in self.data.values():
                value = wr()
                if value is not None:
                    yield value

    def popitem(self):
        if self._pending_removals:
            self._flush_removals()
        while True:
            key, wr = self.data.popitem()
            value = wr()
            if value is not None:
                return key, value

    def pop(self, key, *default):
        if self._pending_removals:
            self._flush_removals()
        try:
            value = self.data.pop(key)()
        except KeyError:
            value = None
        if value is None:
            if default:
                return default[0]
            raise KeyError(key)
        return value

    def setdefault(self, key, default=None):
        try:
            value = self.data[key]()
        except KeyError:
            value = None
        if value is None:
            if self._pending_removals:
                self._flush_removals()
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return value

    def update(self, other=None, /, **kwargs):
        if self._pending_removals:
            self._flush_removals()
        data = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, value in other.items():
                data[key] = KeyedRef(value, self._remove, key)
        for key, value in kwargs.items():
            data[key] = KeyedRef(value, self._remove, key)

    __ior__ = _mapping_ior
    __or__ = _mapping_or
    __ror__ = _mapping_ror


class WeakKeyDictionary(_abc.MutableMapping):
    """A mapping whose keys are held through weak references: an entry goes away when its key
    dies. Keys must be hashable and weakly referenceable."""

    def __init__(self, dict=None):
        self.data = {}

        def remove(k, selfref=ref(self)):
            owner = selfref()
            if owner is None:
                return
            if owner._iterating:
                owner._pending_removals.append(k)
            else:
                try:
                    del owner.data[k]
                except KeyError:
                    pass

        self._remove = remove
        self._pending_removals = []
        self._iterating = 0
        if dict is not None:
            self.update(dict)

    def _flush_removals(self):
        # A dead weakref equals only itself, so each queued one finds exactly its own entry.
        pending = self._pending_removals
        data = self.data
        while pending:
            data.pop(pending.pop(), None)

    def __delitem__(self, key):
        if self._pending_removals:
            self._flush_removals()
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        with _IterationGuard(self):
            for key_ref, value in self.data.items():
                key = key_ref()
                if key is not None:
                    new[key] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        with _IterationGuard(self):
            for key_ref, value in self.data.items():
                key = key_ref()
                if key is not None:
                    new[key] = deepcopy(value, memo)
        return new

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            key_ref = ref(key)
        except TypeError:
            return False
        return key_ref in self.data

    def items(self):
        with _IterationGuard(self):
            for key_ref, value in self.data.items():
                key = key_ref()
                if key is not None:
                    yield key, value

    def keys(self):
        with _IterationGuard(self):
            for key_ref in self.data:
                key = key_ref()
                if key is not None:
                    yield key

    __iter__ = keys

    def values(self):
        with _IterationGuard(self):
            for key_ref, value in self.data.items():
                if key_ref() is not None:
                    yield value

    def keyrefs(self):
        """A list of the weak references to the keys."""
        return list(self.data)

    def popitem(self):
        if self._pending_removals:
            self._flush_removals()
        while True:
            key_ref, value = self.data.popitem()
            key = key_ref()
            if key is not None:
                return key, value

    def pop(self, key, *args):
        if self._pending_removals:
            self._flush_removals()
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        data = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                data[ref(key, self._remove)] = value
        if kwargs:
            self.update(kwargs)

    __ior__ = _mapping_ior
    __or__ = _mapping_or
    __ror__ = _mapping_ror


class finalize:
    """finalize(obj, func, /, *args, **kwargs): calls func(*args, **kwargs) once, when obj dies or
    when the finalizer is called, whichever comes first. Finalizers still alive when the program
    exits are called then (newest first) unless their `atexit` attribute was set false."""

    __slots__ = ()
    # The live finalizers and their details: a finalizer is alive exactly while it is a key here.
    _registry = {}
    _shutdown = False
    _counter = itertools.count()
    _registry_changed = False
    _registered_with_atexit = False

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = next(finalize._counter)
        finalize._registry[self] = info
        finalize._registry_changed = True

    def __call__(self, _=None):
        """Calls the function unless it was already called (or the finalizer detached); returns
        its result, or None."""
        info = finalize._registry.pop(self, None)
        if info and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """Kills the finalizer without calling it; returns (obj, func, args, kwargs) if it was
        alive, else None."""
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs) if the finalizer is alive, else None."""
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether the finalizer will still call its function."""
        return self in finalize._registry

    @property
    def atexit(self):
        """Whether the finalizer runs at program exit if still alive."""
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _at_exit_in_order(cls):
        # Oldest first: the exit loop pops from the end, so the newest runs first.
        chosen = [(info.index, f) for f, info in cls._registry.items() if info.atexit]
        chosen.sort(key=lambda pair: pair[0])
        return [f for _, f in chosen]

    @classmethod
    def _exitfunc(cls):
        # A finalizer may create or kill others: the list is rebuilt whenever the registry
        # changed. No collection runs meanwhile, so none is called from the collector.
        gc_module = None
        try:
            if cls._registry:
                try:
                    import gc as gc_module
                except ImportError:
                    gc_module = None
                if gc_module is not None and gc_module.isenabled():
                    gc_module.disable()
                else:
                    gc_module = None
                pending = None
                while True:
                    if pending is None or finalize._registry_changed:
                        pending = cls._at_exit_in_order()
                        finalize._registry_changed = False
                    if not pending:
                        break
                    f = pending.pop()
                    try:
                        f()
                    except Exception:
                        sys.excepthook(*sys.exc_info())
        finally:
            finalize._shutdown = True
            if gc_module is not None:
                gc_module.enable()
