# math.trunc of a float subclass without its own __trunc__ uses float's (it raised "type FS doesn't
# define __trunc__ method": built-in methods are not in the type dicts it looked in).
import math


class FS(float):
    pass


class Own(float):
    def __trunc__(self):
        return "own"


class IS(int):
    pass


print(math.trunc(FS(2.5)), math.trunc(FS(-2.5)), math.trunc(FS(-2.0**63)), math.trunc(Own(1.5)))
print(math.trunc(FS(1e300)) == int(1e300), math.trunc(IS(7)), type(math.trunc(FS(3.9))).__name__)
for bad in (FS("nan"), FS("inf"), "x"):
    try:
        math.trunc(bad)
    except (ValueError, OverflowError, TypeError) as exc:
        print(type(exc).__name__, exc)

# expect: 2 -2 -9223372036854775808 own
# expect: True 7 int
# expect: ValueError cannot convert float NaN to integer
# expect: OverflowError cannot convert float infinity to integer
# expect: TypeError type str doesn't define __trunc__ method
