# enum with data-type mixins: StrEnum, IntEnum, IntFlag, Flag, auto(), str/repr/format as 3.11.
import enum
from enum import Enum, Flag, IntEnum, IntFlag, StrEnum, auto


class Color(StrEnum):
    RED = auto()
    GREEN = "green"
    BLUE = auto()


print(Color.RED, repr(Color.RED), str(Color.GREEN), f"{Color.BLUE}", "%s" % Color.RED, format(Color.RED, ">6"))
print(Color.RED == "red", Color("green") is Color.GREEN, isinstance(Color.RED, str), Color.RED.upper(), type(Color.RED.upper()).__name__)
print(Color.RED.value, Color.RED.name, list(Color), len(Color), Color["BLUE"], {Color.RED: 1}["red"], "r" in Color.RED)
print(Color.RED + "!", type(Color.RED + "!").__name__, "-".join([Color.RED, Color.BLUE]), sorted(Color), Color.RED.startswith("re"))
try:
    Color("purple")
except ValueError as e:
    print("ValueError", e)
try:

    class Bad(StrEnum):
        X = 1

except TypeError as e:
    print("TypeError", e)


class Num(IntEnum):
    ONE = 1
    TWO = auto()
    TEN = 10


print(Num.ONE, repr(Num.TWO), f"{Num.TEN}", "%d" % Num.TWO, "%s" % Num.TWO, format(Num.ONE, "03"), Num.ONE + 1, Num.TWO * Num.TEN)
print(Num(10), Num.ONE == 1, int(Num.TEN), type(Num.ONE + 1).__name__, isinstance(Num.ONE, int), sorted([Num.TEN, Num.ONE]), hash(Num.ONE) == hash(1))
print([1, 2, 3][Num.ONE], range(Num.TEN)[-1], Num.TWO < 5, max(Num), bin(Num.TWO), hex(Num.TEN))


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R, repr(Perm.X), f"{rw}", rw == 6, rw & Perm.W, repr(rw & Perm.X), Perm(7), repr(Perm(0)))
print(Perm.W in rw, Perm.X in rw, list(rw), int(rw), repr(~Perm.R), rw | 1, repr(Perm(8)), type(rw + 1).__name__)


class Shape(Flag):
    CIRCLE = auto()
    SQUARE = auto()
    TRIANGLE = auto()


both = Shape.CIRCLE | Shape.SQUARE
print(both, repr(both), Shape.TRIANGLE.value, repr(~Shape.CIRCLE), bool(Shape(0)), Shape.CIRCLE in both, list(both), len(both))
print(repr(Shape(0)), str(Shape(0)), f"{both}", format(Shape.SQUARE), [m.name for m in Shape])


class Plain(Enum):
    A = 1
    B = "b"


print(Plain.A, repr(Plain.B), f"{Plain.A}", format(Plain.B), Plain(1), Plain.A.value, Plain["B"])


class Mixed(str, Enum):
    X = "ex"


print(Mixed.X, repr(Mixed.X), f"{Mixed.X}", format(Mixed.X), Mixed.X == "ex", Mixed.X.upper())


class Planet(float, Enum):
    EARTH = 5.97


print(Planet.EARTH, repr(Planet.EARTH), Planet.EARTH * 2, f"{Planet.EARTH}")
print(enum.unique(Num) is Num, Color.__members__["RED"], Perm.__members__["R"])

# expect: red <Color.RED: 'red'> green blue red    red
# expect: True True True RED str
# expect: red RED [<Color.RED: 'red'>, <Color.GREEN: 'green'>, <Color.BLUE: 'blue'>] 3 blue 1 True
# expect: red! str red-blue [<Color.BLUE: 'blue'>, <Color.GREEN: 'green'>, <Color.RED: 'red'>] True
# expect: ValueError 'purple' is not a valid Color
# expect: TypeError 1 is not a string
# expect: 1 <Num.TWO: 2> 10 2 2 001 2 20
# expect: 10 True 10 int True [<Num.ONE: 1>, <Num.TEN: 10>] True
# expect: 2 9 True 10 0b10 0xa
# expect: 6 <Perm.R|W: 6> 4 <Perm.X: 1> 6 True 2 <Perm: 0> 7 <Perm: 0>
# expect: True False [<Perm.R: 4>, <Perm.W: 2>] 6 <Perm.W|X: 3> 7 <Perm: 8> int
# expect: Shape.CIRCLE|SQUARE <Shape.CIRCLE|SQUARE: 3> 4 <Shape.SQUARE|TRIANGLE: 6> False True [<Shape.CIRCLE: 1>, <Shape.SQUARE: 2>] 2
# expect: <Shape: 0> Shape(0) Shape.CIRCLE|SQUARE Shape.SQUARE ['CIRCLE', 'SQUARE', 'TRIANGLE']
# expect: Plain.A <Plain.B: 'b'> Plain.A Plain.B Plain.A 1 Plain.B
# expect: Mixed.X <Mixed.X: 'ex'> Mixed.X Mixed.X True EX
# expect: Planet.EARTH <Planet.EARTH: 5.97> 11.94 Planet.EARTH
# expect: True red 4
