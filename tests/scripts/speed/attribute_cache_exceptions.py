# The attribute inline caches for heap exception classes (their ordinary attributes are cached
# as a plain instance's, their own fields never) and for class constants read through an instance
# (shadowed by the instance, changed on the class, replaced by a descriptor).
# Exceptions: attributes of heap exception classes are cached like plain instances'.
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def raise_and_read(n):
    out = []
    for i in range(n):
        try:
            raise AppError(i)
        except AppError as e:
            out.append((e.code, e.args, e.__cause__, e.__context__))
    return out


print(raise_and_read(3))
e = AppError(5)
e.args = (1, 2)
e.note = "x"
print(e.code, e.args, e.note, str(e))
e.__cause__ = ValueError("v")
print(repr(e.__cause__), e.__suppress_context__)
AppError.code = property(lambda self: "property wins", lambda self, value: None)
print(e.code, raise_and_read(1))
del AppError.code
print(e.code)


class Slotted(Exception):
    __slots__ = ("a",)


s = Slotted()
s.a = 1
s.b = 2
print(s.a, s.b, s.__dict__)


# Class constants read through an instance, then shadowed, then changed on the class.
class Vec:
    scale = 3
    names = {"a": 1}

    def __init__(self, x):
        self.x = x


def read_scale(v):
    return v.scale, Vec.scale, v.names["a"]


v = Vec(1)
print([read_scale(v) for _ in range(3)])
v.scale = 10
print(read_scale(v), read_scale(Vec(2)))
Vec.scale = 4
print(read_scale(v), read_scale(Vec(2)))
Vec.scale = staticmethod(lambda: 9)
print(Vec(3).scale(), Vec.scale())

# expect: [(0, (0,), None, None), (1, (1,), None, None), (2, (2,), None, None)]
# expect: 5 (1, 2) x (1, 2)
# expect: ValueError('v') True
# expect: property wins [('property wins', (0,), None, None)]
# expect: 5
# expect: 1 2 {'b': 2}
# expect: [(3, 3, 1), (3, 3, 1), (3, 3, 1)]
# expect: (10, 3, 1) (3, 3, 1)
# expect: (10, 4, 1) (4, 4, 1)
# expect: 9 9
