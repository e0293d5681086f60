# types (SimpleNamespace, FunctionType, ModuleType, ...) and typing (aliases, TypeVar, Generic,
# NamedTuple, Optional, get_type_hints).
import types
import typing
from typing import Any, Callable, Dict, Generic, List, NamedTuple, Optional, Tuple, TypeVar, Union


def f():
    pass


def gen():
    yield 1


print(types.FunctionType is type(f), types.GeneratorType is type(gen()), types.ModuleType is type(types))
class Host:
    def meth(self):
        pass


print(types.BuiltinFunctionType is type(len), types.NoneType, types.MethodType is type(Host().meth))
ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="two", c=[3]), types.SimpleNamespace())
m = types.ModuleType("made")
m.x = 5
print(m.__name__, m.x)
K = types.new_class("K", (object,), exec_body=lambda d: d.update(v=1))
print(K.v, K.__name__)
print(List, List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int], Any)
print(Callable[[int, str], bool], Callable[..., int], Tuple[int, ...], Tuple[()])
T = TypeVar("T")
print(T, typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_args(Optional[str]))


class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item


print(Box(5).get(), Box[int], Box.__mro__[1:])


class Emp(NamedTuple):
    name: str
    ident: int = 3

    def label(self):
        return f"{self.name}#{self.ident}"


e = Emp("ann")
print(e, e.label(), Emp._fields, Emp("bob", 4)._asdict(), isinstance(e, tuple))
Pair = NamedTuple("Pair", [("a", int), ("b", str)])
print(Pair(1, "x"))


def annotated(a: int, b: "str" = "x") -> Optional[int]:
    return None


print(typing.get_type_hints(annotated), typing.cast(int, "not checked"), typing.TYPE_CHECKING)
print(isinstance([], List), issubclass(dict, typing.Mapping), List[int] == List[int])
try:
    List()
except TypeError as e:
    print(e)
print(List[int]([1, 2]) if False else "ok")
# expect: True True True
# expect: True <class 'NoneType'> True
# expect: namespace(a=1, b='two', c=[3]) 1 True namespace()
# expect: made 5
# expect: 1 K
# expect: typing.List typing.List[int] typing.Dict[str, typing.List[int]] typing.Optional[int] typing.Union[int, str] <class 'int'> typing.Any
# expect: typing.Callable[[int, str], bool] typing.Callable[..., int] typing.Tuple[int, ...] typing.Tuple[()]
# expect: ~T <class 'list'> (<class 'str'>, <class 'int'>) (<class 'str'>, <class 'NoneType'>)
# expect: 5 __main__.Box[int] (<class 'typing.Generic'>, <class 'object'>)
# expect: Emp(name='ann', ident=3) ann#3 ('name', 'ident') {'name': 'bob', 'ident': 4} True
# expect: Pair(a=1, b='x')
# expect: {'a': <class 'int'>, 'b': <class 'str'>, 'return': typing.Optional[int]} not checked False
# expect: True True True
# expect: Type List cannot be instantiated; use list() instead
# expect: ok
