# enum: IntEnum and IntFlag (members are ints: arithmetic, comparison, format, str as int).
import enum


class Level(enum.IntEnum):
    LOW = 1
    MID = enum.auto()
    HIGH = 10


print(Level.LOW, repr(Level.MID), Level.MID + 1, f"{Level.HIGH}", Level.MID == 2, format(Level.LOW, ">3"))
print(sorted([Level.HIGH, Level.LOW]), Level(10), Level["MID"], isinstance(Level.LOW, int), int(Level.HIGH))
print(Level.LOW < Level.HIGH, Level.HIGH > 5, [m.name for m in Level], str(Level.MID), "%s" % Level.LOW)


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R | 1, repr(Perm(8)), repr(Perm(9)), Perm.W in rw, int(rw), list(rw))
print(repr(~Perm.R), bool(Perm(0)), repr(Perm(0)))
try:
    Level(3)
except ValueError as e:
    print(e)
# expect: 1 <Level.MID: 2> 3 10 True   1
# expect: [<Level.LOW: 1>, <Level.HIGH: 10>] 10 2 True 10
# expect: True True ['LOW', 'MID', 'HIGH'] 2 1
# expect: 6 <Perm.R|W: 6> 5 <Perm: 8> <Perm.X|8: 9> True 6 [<Perm.R: 4>, <Perm.W: 2>]
# expect: <Perm.W|X: 3> False <Perm: 0>
# expect: 3 is not a valid Level
