# enum on data-type mixins: functional API, auto() in StrEnum/IntFlag, aliases, tuple values, errors.
import enum
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto
Animal = Enum("Animal", "ANT BEE CAT")
print(Animal.BEE, repr(Animal.CAT), list(Animal), Animal(2))
Num = IntEnum("Num", ["ONE", "TWO"])
print(Num.TWO, repr(Num.ONE), Num.TWO + 1)
class Color(StrEnum):
    RED = auto()
    DARK_BLUE = auto()
print(Color.DARK_BLUE, Color.DARK_BLUE.value, repr(Color.RED), Color.RED == "red", Color["RED"], Color("dark_blue"))
class P(IntFlag):
    A = auto()
    B = auto()
    C = auto()
print(P.A, P.B, P.C, repr(P.A | P.C), P.A | 8, repr(P.A | 8), P(0), bool(P(0)), P.A & P.B, repr(P.A ^ P.A), ~P.A, repr(~P.A))
print(list(P.A | P.B), len(P.A | P.C), (P.A | P.B).name, P.C.name, P(7).value, format(P.A | P.B), f"{P.B:x}")
class F(Flag):
    X = auto()
    Y = auto()
print(F.X | F.Y, repr(F(0)), F(3), (F.X | F.Y).value, F.X in (F.X | F.Y), ~(F.X | F.Y), repr(~F.X), F.X.name, (F.X | F.Y).name)
class Shape(Enum):
    SQUARE = 2
    ALIAS = 2
    ROUND = 3
print(Shape.ALIAS is Shape.SQUARE, list(Shape), Shape.__members__.keys(), Shape.ALIAS.name)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value, repr(Planet.EARTH))
class Ord(IntEnum):
    A = 1
    B = 2
    def describe(self):
        return self.name.lower()
print(Ord.B.describe(), Ord.A < Ord.B, sorted([Ord.B, Ord.A]), int(Ord.B) * 3, Ord.B.real, -Ord.B, type(-Ord.B).__name__)
try:
    Ord(5)
except ValueError as e:
    print(e)
try:
    Ord.A = 3
except AttributeError as e:
    print(e)
print(isinstance(Ord.A, Ord), Ord.A.__class__.__name__, type(Ord).__name__, Ord.__members__["A"] is Ord.A, hash(Ord.A) == hash(1), {Ord.A: "x"}[1])

# expect: Animal.BEE <Animal.CAT: 3> [<Animal.ANT: 1>, <Animal.BEE: 2>, <Animal.CAT: 3>] Animal.BEE
# expect: 2 <Num.ONE: 1> 3
# expect: dark_blue dark_blue <Color.RED: 'red'> True red dark_blue
# expect: 1 2 4 <P.A|C: 5> 9 <P.A|8: 9> 0 False 0 <P: 0> 6 <P.B|C: 6>
# expect: [<P.A: 1>, <P.B: 2>] 2 A|B C 7 3 2
# expect: F.X|Y <F: 0> F.X|Y 3 True F(0) <F.Y: 2> X X|Y
# expect: True [<Shape.SQUARE: 2>, <Shape.ROUND: 3>] dict_keys(['SQUARE', 'ALIAS', 'ROUND']) SQUARE
# expect: 5.97e+24 (5.97e+24, 6370000.0) <Planet.EARTH: (5.97e+24, 6370000.0)>
# expect: b True [<Ord.A: 1>, <Ord.B: 2>] 6 2 -2 int
# expect: 5 is not a valid Ord
# expect: cannot reassign member 'A'
# expect: True Ord EnumType True True x
