# Exception fields refuse what CPython's getset descriptors refuse: deleting args (it crashed:
# the deleted value was read as a sequence), __traceback__, __cause__, __context__; a
# __traceback__ that is not a traceback (it was stored and then walked as one), a cause or context
# that is not an exception, a __suppress_context__ that is not a bool.
class Custom(Exception):
    pass


for ex in (ValueError("v"), Custom("c")):
    for attr in ("args", "__traceback__", "__cause__", "__context__", "__suppress_context__", "foo"):
        try:
            delattr(ex, attr)
            print(attr, "deleted")
        except Exception as exc:
            print(attr, type(exc).__name__, exc)
    for attr, value in (("__traceback__", 5), ("__cause__", 5), ("__context__", "s"),
                        ("__cause__", KeyError), ("__suppress_context__", "x"),
                        ("__suppress_context__", 1), ("args", 5), ("__cause__", KeyError("k")),
                        ("__context__", None), ("__suppress_context__", False), ("args", [1, 2])):
        try:
            setattr(ex, attr, value)
            print(attr, "set", repr(getattr(ex, attr)))
        except Exception as exc:
            print(attr, type(exc).__name__, exc)
    for i in range(3):  # the same stores through the attribute caches of a loop
        try:
            ex.__traceback__ = i
        except TypeError as exc:
            print(i, exc)
        try:
            del ex.args
        except TypeError as exc:
            print(i, exc)
    try:
        raise ex
    except Exception as caught:
        print(type(caught.__traceback__).__name__, caught.__traceback__.tb_next, caught.args)

# expect: args TypeError args may not be deleted
# expect: __traceback__ TypeError __traceback__ may not be deleted
# expect: __cause__ TypeError __cause__ may not be deleted
# expect: __context__ TypeError __context__ may not be deleted
# expect: __suppress_context__ TypeError can't delete numeric/char attribute
# expect: foo AttributeError 'ValueError' object has no attribute 'foo'
# expect: __traceback__ TypeError __traceback__ must be a traceback or None
# expect: __cause__ TypeError exception cause must be None or derive from BaseException
# expect: __context__ TypeError exception context must be None or derive from BaseException
# expect: __cause__ TypeError exception cause must be None or derive from BaseException
# expect: __suppress_context__ TypeError attribute value type must be bool
# expect: __suppress_context__ TypeError attribute value type must be bool
# expect: args TypeError 'int' object is not iterable
# expect: __cause__ set KeyError('k')
# expect: __context__ set None
# expect: __suppress_context__ set False
# expect: args set (1, 2)
# expect: 0 __traceback__ must be a traceback or None
# expect: 0 args may not be deleted
# expect: 1 __traceback__ must be a traceback or None
# expect: 1 args may not be deleted
# expect: 2 __traceback__ must be a traceback or None
# expect: 2 args may not be deleted
# expect: traceback None (1, 2)
# expect: args TypeError args may not be deleted
# expect: __traceback__ TypeError __traceback__ may not be deleted
# expect: __cause__ TypeError __cause__ may not be deleted
# expect: __context__ TypeError __context__ may not be deleted
# expect: __suppress_context__ TypeError can't delete numeric/char attribute
# expect: foo AttributeError 'Custom' object has no attribute 'foo'
# expect: __traceback__ TypeError __traceback__ must be a traceback or None
# expect: __cause__ TypeError exception cause must be None or derive from BaseException
# expect: __context__ TypeError exception context must be None or derive from BaseException
# expect: __cause__ TypeError exception cause must be None or derive from BaseException
# expect: __suppress_context__ TypeError attribute value type must be bool
# expect: __suppress_context__ TypeError attribute value type must be bool
# expect: args TypeError 'int' object is not iterable
# expect: __cause__ set KeyError('k')
# expect: __context__ set None
# expect: __suppress_context__ set False
# expect: args set (1, 2)
# expect: 0 __traceback__ must be a traceback or None
# expect: 0 args may not be deleted
# expect: 1 __traceback__ must be a traceback or None
# expect: 1 args may not be deleted
# expect: 2 __traceback__ must be a traceback or None
# expect: 2 args may not be deleted
# expect: traceback None (1, 2)
