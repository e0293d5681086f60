# __new__ safety checks, layouts of exception bases, metaclasses, __init_subclass__ and enum mixins.
class S(str): pass
for f in (lambda: object.__new__(S), lambda: int.__new__(S), lambda: tuple.__new__(S), lambda: S.__new__(int), lambda: str.__new__(S, 1, 2)):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
class A(Exception): pass
class B(ValueError, KeyError): pass
print(B.__mro__[1].__name__)
try:
    class C(OSError, ValueError): pass
    print("ok")
except TypeError as e: print(e)
class M(type): pass
class X(str, metaclass=M): pass
print(type(X("a")).__name__, type(X).__name__)
class Init(str):
    def __init_subclass__(cls, **kw):
        cls.tag = kw.get("tag")
class Sub(Init, tag=5): pass
print(Sub.tag, Sub("z"))
import enum
class Weekday(enum.IntFlag):
    MON = 1
    TUE = 2
    WED = 4
print(Weekday.MON | Weekday.WED, repr(Weekday(5)), Weekday(5).name, list(Weekday), Weekday.MON.value, str(Weekday(3)))
class Col(enum.StrEnum):
    A = "a"
print(Col.A.value, Col("a"), Col.A.name, Col.A + Col.A, Col.A * 2, Col.A.join("xy"), Col.A.capitalize(), hash(Col.A) == hash("a"), Col.A in ["a"], [c for c in Col])
print(f"{Col.A!r}", f"{Col.A!s}", "{:>3}".format(Col.A), "%r" % Col.A, Col.A.__class__.__mro__[1].__name__)
class Pri(enum.IntEnum):
    LOW = 1
    HIGH = 2
print(Pri.LOW < Pri.HIGH, Pri.HIGH > 1, Pri(2), Pri["LOW"], f"{Pri.LOW:>4}", f"{Pri.LOW!r}", str(Pri.LOW), sum(Pri), Pri.LOW.bit_length(), list(reversed(Pri)))
class Co(enum.Enum):
    RED = auto = 1
print(Co.RED)
class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
print(Perm.RWX, repr(Perm.R | Perm.W), list(Perm), Perm(6), Perm.RWX.name, (Perm.R | Perm.W | Perm.X) is Perm.RWX, repr(Perm(0)), ~Perm.R)

# expect: TypeError object.__new__(S) is not safe, use S.__new__()
# expect: TypeError int.__new__(S): S is not a subtype of int
# expect: TypeError tuple.__new__(S): S is not a subtype of tuple
# expect: TypeError str.__new__(int): int is not a subtype of str
# expect: TypeError str() argument 'encoding' must be str, not int
# expect: ValueError
# expect: ok
# expect: X M
# expect: 5 z
# expect: 5 <Weekday.MON|WED: 5> MON|WED [<Weekday.MON: 1>, <Weekday.TUE: 2>, <Weekday.WED: 4>] 1 3
# expect: a a A aa aa xay A True True [<Col.A: 'a'>]
# expect: <Col.A: 'a'> a   a <Col.A: 'a'> StrEnum
# expect: True True 2 1    1 <Pri.LOW: 1> 1 3 1 [<Pri.HIGH: 2>, <Pri.LOW: 1>]
# expect: Co.RED
# expect: Perm.RWX <Perm.R|W: 6> [<Perm.R: 4>, <Perm.W: 2>, <Perm.X: 1>] Perm.R|W RWX True <Perm: 0> Perm.W|X
