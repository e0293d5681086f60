# A data descriptor with __set__ but no __get__ loses to the instance dict on lookup and is
# returned itself when the instance has no value (CPython's _PyObject_GenericGetAttr);
# property.__isabstractmethod__; __class__ assignment on instances of built-in types.
import abc


class SetOnly:
    def __set__(self, obj, v):
        obj.__dict__["so"] = v * 2


class C:
    so = SetOnly()


c = C()
print(type(c.so).__name__)
c.so = 4
print(c.so)
c.__dict__["so"] = "direct"
print(c.so, type(C.so).__name__)
for i in range(3):  # the inline cache of this load site
    print(c.so)
d = C()
print(type(d.so).__name__)


class DeleteOnly:
    def __delete__(self, obj):
        print("delete")


class E:
    x = DeleteOnly()


e = E()
e.__dict__["x"] = 1
print(e.x)
del e.x
print(e.x)


class Meta(type):
    attr = SetOnly()


class M(metaclass=Meta):
    attr = "class value"


print(M.attr)

print(property().__isabstractmethod__)


class Abstract(abc.ABC):
    @property
    @abc.abstractmethod
    def p(self):
        pass

    def q(self):
        pass

    q = property(q)

    def r(self):
        pass

    r.__isabstractmethod__ = True
    r = property(None, r)


print(Abstract.p.__isabstractmethod__, Abstract.q.__isabstractmethod__,
      Abstract.r.__isabstractmethod__, sorted(Abstract.__abstractmethods__))


class Bad:
    @property
    def __isabstractmethod__(self):
        raise ValueError("no")


try:
    property(Bad()).__isabstractmethod__
except ValueError as exc:
    print("ValueError", exc)

for obj, cls in [(1, bool), ([], bool), ("s", str), ((), list), (1, 5)]:
    try:
        obj.__class__ = cls
    except TypeError as exc:
        print(type(obj).__name__, exc)


class Plain:
    pass


try:
    Plain().__class__ = int
except TypeError as exc:
    print(exc)
try:
    object.__setattr__(1, "__class__", bool)
except TypeError as exc:
    print(exc)
try:
    del c.__class__
except TypeError as exc:
    print(exc)

# expect: SetOnly
# expect: 8
# expect: direct SetOnly
# expect: direct
# expect: direct
# expect: direct
# expect: SetOnly
# expect: 1
# expect: delete
# expect: 1
# expect: class value
# expect: False
# expect: True False True ['p', 'r']
# expect: ValueError no
# expect: int __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: list __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: str __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: tuple __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: int __class__ must be set to a class, not 'int' object
# expect: __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: can't delete __class__ attribute
