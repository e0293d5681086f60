# dataclasses: fields, defaults, default_factory, order, frozen, repr/eq/hash, asdict, astuple,
# replace, __post_init__, InitVar, field(repr=False, compare=False), inheritance.
from dataclasses import (FrozenInstanceError, InitVar, asdict, astuple, dataclass, field, fields,
                         is_dataclass, replace)


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)


a, b = Item("pen", 1.5), Item("pen", 1.5)
print(a, a == b, a is not b, asdict(a), astuple(a))
a.tags.append("office")
print(a.tags, b.tags, Item.__hash__ is None, [f.name for f in fields(Item)])


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0


vs = sorted([Version(2, 1), Version(1, 9), Version(2)])
print(vs, Version(1) < Version(1, 1), hash(Version(1)) == hash(Version(1)))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
print(replace(vs[0], minor=7), is_dataclass(Version), is_dataclass(vs[0]), is_dataclass(1))


@dataclass
class Account:
    owner: str
    secret: str = field(repr=False, compare=False, default="")
    scale: InitVar[int] = 1
    balance: int = 0

    def __post_init__(self, scale):
        self.balance *= scale


acct = Account("ann", "pw", 3, 10)
print(acct, acct == Account("ann", "other", 3, 10), acct.balance)


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Derived(Base):
    z: int = 2


print(Derived(5), Derived(1, 2, 3).z, [f.name for f in fields(Derived)])
try:

    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print(e)
try:

    @dataclass
    class Mutable:
        items: list = []
except ValueError as e:
    print(e)


@dataclass(eq=False)
class Plain:
    v: int


print(Plain(1) == Plain(1), Item.__doc__)


@dataclass
class Nested:
    item: Item
    points: list


print(asdict(Nested(Item("a"), [Item("b", 2)])))
try:
    Item()
except TypeError as e:
    print(e)
# expect: Item(name='pen', price=1.5, tags=[]) True True {'name': 'pen', 'price': 1.5, 'tags': []} ('pen', 1.5, [])
# expect: ['office'] [] True ['name', 'price', 'tags']
# expect: [Version(major=1, minor=9), Version(major=2, minor=0), Version(major=2, minor=1)] True True
# expect: FrozenInstanceError cannot assign to field 'major' True
# expect: Version(major=1, minor=7) True True False
# expect: Account(owner='ann', balance=30) True 30
# expect: Derived(x=5, y=1, z=2) 3 ['x', 'y', 'z']
# expect: non-default argument 'y' follows default argument
# expect: mutable default <class 'list'> for field items is not allowed: use default_factory
# expect: False Item(name: str, price: float = 0.0, tags: list = <factory>)
# expect: {'item': {'name': 'a', 'price': 0.0, 'tags': []}, 'points': [{'name': 'b', 'price': 2, 'tags': []}]}
# expect: Item.__init__() missing 1 required positional argument: 'name'
