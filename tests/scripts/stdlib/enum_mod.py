# enum: Enum, auto, Flag, unique, functional API, reprs and errors.
import enum as e
class Color(e.Enum):
    RED = 1
    GREEN = 2
    BLUE = e.auto()
print(Color.RED, Color(2), Color['BLUE'], Color.BLUE.value, [c.name for c in Color])
print(Color.RED is Color(1), Color.RED == 1, repr(Color.GREEN), len(Color), Color)
class P(e.Flag):
    R = 4
    W = 2
    X = 1
print(P.R|P.W, repr(P.R|P.W), P(0), repr(P(0)), list(P), ~P.R, P.R in (P.R|P.W), bool(P(0)))
try: Color(7)
except ValueError as x: print(x)
try: Color['X']
except KeyError as x: print(repr(x))
A = e.Enum('A', 'x y z')
print(list(A), A.x.value, A.__members__.keys() if hasattr(A.__members__, 'keys') else 0)
try:
    @e.unique
    class U(e.Enum):
        A = 1
        B = 1
except ValueError as x: print(x)
print(Color.RED.name, hash(Color.RED) == hash('RED'), f'{Color.RED}', '%s' % Color.RED)
class Planet(e.Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
try:
    Color.RED = 3
except AttributeError as x: print(x)
print(isinstance(Color.RED, Color), type(Color.RED), Color.RED in Color)
# expect: Color.RED Color.GREEN Color.BLUE 3 ['RED', 'GREEN', 'BLUE']
# expect: True False <Color.GREEN: 2> 3 <enum 'Color'>
# expect: P.R|W <P.R|W: 6> P(0) <P: 0> [<P.R: 4>, <P.W: 2>, <P.X: 1>] P.W|X True False
# expect: 7 is not a valid Color
# expect: KeyError('X')
# expect: [<A.x: 1>, <A.y: 2>, <A.z: 3>] 1 dict_keys(['x', 'y', 'z'])
# expect: duplicate values found in <enum 'U'>: B -> A
# expect: RED True Color.RED Color.RED
# expect: 5.97e+24 (5.97e+24, 6370000.0)
# expect: cannot reassign member 'RED'
# expect: True <enum 'Color'> True
