# Classes: __init__, methods, class attributes, inheritance with C3 MRO, super(), dunders.
class Vec:
    dims = 2

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __len__(self):
        return 2


v = Vec(1, 2) + Vec(3, 4)
print(v, v == Vec(4, 6), len(v), Vec.dims, v.dims, str(v))
# expect: Vec(4, 6) True 2 2 2 Vec(4, 6)


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])
# expect: D>B>C>A ['D', 'B', 'C', 'A', 'object']
print(isinstance(D(), A), issubclass(D, C), type(D()).__name__)
# expect: True True D
