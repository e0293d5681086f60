# Class-level access to methods of built-in types gives one object per type and name, as
# CPython's type dicts: unbound methods and slot wrappers compare by identity.
print(list.append is list.append, object.__init__ is object.__init__, int.__add__ is int.__add__)


class X:
    pass


class Y:
    def __init__(self):
        pass


del Y.__init__
print(X.__init__ is object.__init__, X.__repr__ is object.__repr__, Y.__init__ is object.__init__)
print(X.__hash__ is object.__hash__, dict.get is dict.get, str.join == str.join)
print(list.__len__ is list.__len__, bool.__or__ is bool.__or__)
print(getattr(list, "app" + "end") is list.append, getattr(object, "__in" + "it__") is object.__init__)
print(object.__init__, list.append.__name__, int.__add__(2, 3), list.__len__([1, 2]))


class Sub(list):
    def append(self, x):
        super().append(x * 2)


s = Sub()
s.append(4)
print(s, super(Sub, s).append.__name__)
try:
    object.__init__.missing
except AttributeError as exc:
    print(exc)

# expect: True True True
# expect: True True True
# expect: True True True
# expect: True True
# expect: True True
# expect: <slot wrapper '__init__' of 'object' objects> append 5 2
# expect: [8] append
# expect: 'wrapper_descriptor' object has no attribute 'missing'
