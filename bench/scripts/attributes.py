# Attribute-heavy code: instance attribute loads/stores, class attribute loads, a property.
class Vec:
    scale = 3

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


def main():
    v = Vec(1, 2)
    w = Vec(3, 4)
    t = 0
    for i in range(9000000):
        v.x = w.y + i % 5
        w.y = v.x - v.y
        t += v.x * Vec.scale + w.x + v.scale
        if i % 4 == 0:
            t += v.norm1
    return t


print("checksum", main())
