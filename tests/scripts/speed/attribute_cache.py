# Attribute lookups stay correct when classes, instances and globals change under a running loop
# (the type attribute cache and the arithmetic fast paths must never return stale answers).


class P:
    def __init__(self):
        self.x = 0

    def inc(self, d):
        self.x += d


def run(p, n):
    for i in range(n):
        p.inc(i)
    return p.x


p = P()
print(run(p, 10))
# expect: 45


# Reassigning a method on the class.
def inc2(self, d):
    self.x += 2 * d


P.inc = inc2
print(run(p, 10))
# expect: 135

# Instance dict shadowing the method.
p.inc = lambda d: print("shadow", d)
run(p, 2)
# expect: shadow 0
# expect: shadow 1
del p.inc
print(run(p, 3))
# expect: 141


# __getattr__ added later.
class Q:
    pass


q = Q()


def probe(obj):
    try:
        return obj.missing
    except AttributeError as e:
        return "AttributeError: " + str(e)


print(probe(q))
# expect: AttributeError: 'Q' object has no attribute 'missing'
Q.__getattr__ = lambda self, name: "dynamic " + name
print(probe(q))
# expect: dynamic missing
del Q.__getattr__
print(probe(q))
# expect: AttributeError: 'Q' object has no attribute 'missing'


# A base class changed after a subclass was used.
class Base:
    kind = "base"


class Derived(Base):
    pass


d = Derived()
print([d.kind for _ in range(3)])
# expect: ['base', 'base', 'base']
Base.kind = "changed"
print(d.kind, Derived.kind)
# expect: changed changed
Derived.kind = "own"
print(d.kind, Base.kind)
# expect: own changed
del Derived.kind
print(d.kind)
# expect: changed


# A data descriptor (property) added to the class wins over the instance dict.
class R:
    def __init__(self):
        self.v = 1


r = R()
print(r.v)
# expect: 1
R.v = property(lambda self: "prop")
print(r.v)
# expect: prop
del R.v
print(r.v)
# expect: 1


# Classes created and dropped in a loop: a new class never sees an old one's attributes.
results = []
for i in range(50):
    class T:
        pass

    if i % 2:
        T.tag = i
    results.append(getattr(T(), "tag", None))
print(results[:6], len(results))
# expect: [None, 1, None, 3, None, 5] 50

# Deleting a global used by a loop.
g = 5


def read_g():
    return g


print(read_g())
# expect: 5
del g
try:
    read_g()
except NameError as e:
    print(e)
# expect: name 'g' is not defined


# Arithmetic fast paths: Python's floor division and modulo signs, overflow, mixed floats.
print([a % b for a in (7, -7) for b in (3, -3)], [a // b for a in (7, -7) for b in (3, -3)])
# expect: [1, -2, 2, -1] [2, -3, -3, 2]
print(-9223372036854775808 // -1, -9223372036854775808 % -1)
# expect: 9223372036854775808 0
print(9223372036854775807 + 1, (-9223372036854775807 - 1) * -1)
# expect: 9223372036854775808 9223372036854775808
print(6 & 3, 6 | 3, 6 ^ 3, -6 & 3)
# expect: 2 7 5 2
print(1.5 + 2, 2 - 0.5, 3 * 0.5, 1 / 4.0, 7 / 2.0, 2**53 + 1.0, (2**53 + 1) * 1.0)
# expect: 3.5 1.5 1.5 0.25 3.5 9007199254740992.0 9007199254740992.0
for a, b in ((1, 0.0), (1.0, 0), (0.0, -0.0)):
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
# expect: ZeroDivisionError float division by zero
# expect: ZeroDivisionError float division by zero
# expect: ZeroDivisionError float division by zero
nan = float("nan")
print(nan < 1.0, nan == nan, nan != nan, 1.0 <= 1.0, 2.0 > 1.0)
# expect: False False True True True
try:
    5 % 0
except ZeroDivisionError as e:
    print(e)
# expect: integer modulo by zero


# Results written into a dead operand never change a value another name still sees.
def aliases():
    t = 1000
    u = t
    t += 5
    f = 2.5
    g = f
    f *= 3
    h = f * 2.0 + 1.0
    k = [t]
    t = t * 2
    w = 10**6
    w = w + 1
    return u, t, g, f, h, k, w


print(aliases())
# expect: (1000, 2010, 2.5, 7.5, 16.0, [1005], 1000001)
total = 0
for i in range(300, 305):
    total += i * 3
    seen = total
print(total, seen)
# expect: 4530 4530
