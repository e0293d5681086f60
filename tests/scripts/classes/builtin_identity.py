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

# Bound built-in methods and method-wrappers compare by function and receiver.
x = [1]
y = [1]
print(x.append == y.append, hash(x.append) == hash(x.append), x.append != x.append,
      (1).__add__ == (1).__add__, (1).__add__ == (2).__add__, x.append == x.extend)
print(hash(len) == hash(len), {x.append: 1}[x.append],
      len == len, len != print, {(1).__add__: 2}[(1).__add__], x.__len__ == x.__len__)

# expect: True True True
# expect: True True True
# expect: True True True
# expect: True True
# expect: True True
# expect: <slot wrapper '__init__' of 'object' objects> append 5 2
# expect: [8] append
# expect: 'wrapper_descriptor' object has no attribute 'missing'
# expect: False True False True False False
# expect: True 1 True True 2 True
