# Attribute-heavy code with __slots__ and properties: slot descriptors, a property with getter
# and setter, a read-only property, class attribute loads, inheritance of slots.
class Particle:
    __slots__ = ("x", "y", "_vx", "_vy")
    drag = 0.5

    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self._vx = vx
        self._vy = vy

    @property
    def vx(self):
        return self._vx

    @vx.setter
    def vx(self, value):
        self._vx = value if -1000 < value < 1000 else 0

    @property
    def speed2(self):
        return self._vx * self._vx + self._vy * self._vy

    def move(self):
        self.x += self._vx
        self.y += self._vy


class Charged(Particle):
    __slots__ = ("charge",)

    def __init__(self, x, y, vx, vy, charge):
        Particle.__init__(self, x, y, vx, vy)
        self.charge = charge


def main(steps):
    particles = [Charged(i, -i, i % 7 - 3, i % 5 - 2, i % 3 - 1) for i in range(100)]
    total = 0
    for step in range(steps):
        for p in particles:
            p.move()
            if p.x > 500 or p.x < -500:
                p.vx = -p.vx
            p._vy += p.charge
            if p.y > 500 or p.y < -500:
                p._vy = -p._vy // 2
        if step % 50 == 0:
            total += sum(p.speed2 for p in particles) + Particle.drag * 2
    total += sum(p.x + p.y for p in particles)
    return int(total)


print("checksum", main(90000))
