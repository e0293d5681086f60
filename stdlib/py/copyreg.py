"""Helpers for pickle and copy: the reduction registry and the constructors that
object.__reduce_ex__ names (minipy's own implementation of CPython's copyreg)."""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_union(obj):
    import functools
    import operator
    return functools.reduce, (operator.or_, obj.__args__)


pickle(type(int | str), pickle_union)


# Protocols 0 and 1: rebuild from the nearest built-in base's copy of the value.

def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def _is_heap_class(cls):
    # Classes made by a class statement or type() carry __module__ in their own namespace.
    return "__module__" in cls.__dict__


def _reduce_ex(self, proto):
    assert proto < 2
    cls = self.__class__
    base = object
    for klass in cls.__mro__:
        if not _is_heap_class(klass):
            base = klass
            break
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(self)
    args = (cls, base, state)
    if not _defines_getstate(cls) and getattr(self, "__slots__", None):
        raise TypeError("a class that defines __slots__ without "
                        "defining __getstate__ cannot be pickled")
    dict = self.__getstate__()
    if dict:
        return _reconstructor, args, dict
    return _reconstructor, args


# Protocol 2 and later (PEP 307).

def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """The names of the __slots__ members of cls and its bases (mangled), cached in
    cls.__slotnames__."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for klass in cls.__mro__:
            if "__slots__" not in klass.__dict__:
                continue
            slots = klass.__dict__["__slots__"]
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith("__") and not name.endswith("__"):
                    owner = klass.__name__.lstrip("_")
                    if owner:
                        name = "_" + owner + name
                names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


def _own_getstate(cls):
    for klass in cls.__mro__:
        if klass is not object and "__getstate__" in klass.__dict__:
            return klass.__dict__["__getstate__"]
    return None


def _defines_getstate(cls):
    return _own_getstate(cls) is not None


def _getstate_default(obj, required, native_fields):
    # object.__getstate__: the instance dict (None when empty), with the __slots__ values
    # beside it as (dict, slots) when any is set.
    cls = type(obj)
    if required and native_fields:
        # The C type name: "_thread.lock" for a built-in type outside builtins.
        name = cls.__name__
        if not _is_heap_class(cls) and cls.__module__ != "builtins":
            name = cls.__module__ + "." + name
        raise TypeError(f"cannot pickle {name!r} object")
    try:
        state = obj.__dict__
    except AttributeError:
        state = None
    if not state:
        state = None
    names = _slotnames(cls)
    if names:
        slots = {}
        for name in names:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _reduce_newobj(obj, native_fields):
    cls = type(obj)
    args = None
    kwargs = None
    if hasattr(cls, "__getnewargs_ex__"):
        newargs = obj.__getnewargs_ex__()
        if not isinstance(newargs, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, not "
                            f"'{type(newargs).__name__}'")
        if len(newargs) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, not "
                             f"{len(newargs)}")
        args, kwargs = newargs
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ must be "
                            f"a tuple, not '{type(args).__name__}'")
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ must be "
                            f"a dict, not '{type(kwargs).__name__}'")
    elif hasattr(cls, "__getnewargs__"):
        args = obj.__getnewargs__()
        if not isinstance(args, tuple):
            raise TypeError(f"__getnewargs__ should return a tuple, not '{type(args).__name__}'")
    hasargs = args is not None
    if not kwargs:
        func = __newobj__
        newargs = (cls,) + (args or ())
    else:
        func = __newobj_ex__
        newargs = (cls, args, kwargs)
    required = not (hasargs or isinstance(obj, (list, dict)))
    if _defines_getstate(cls):
        state = obj.__getstate__()
    else:
        state = _getstate_default(obj, required, native_fields)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return func, newargs, state, listitems, dictitems


# Extension codes for pickle (PEP 307): a registry shared with the pickler.

_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    """Register an extension code."""
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if (_extension_registry.get(key) == code and _inverted_registry.get(code) == key):
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" %
                         (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" %
                         (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code.  For testing only."""
    key = (module, name)
    if (_extension_registry.get(key) != code or _inverted_registry.get(code) != key):
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
