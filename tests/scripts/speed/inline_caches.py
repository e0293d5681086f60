# Inline caches of LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR and LOAD_METHOD (vm/inline_cache.h) never
# answer stale: every change of globals, builtins, classes or instances is seen by a call site
# that already ran (each helper below runs its site before and after the change).
import builtins


def get_g():
    return g


g = 1
print(get_g(), get_g())
# expect: 1 1
g = 2
print(get_g())
# expect: 2
del g
try:
    get_g()
except NameError as e:
    print("NameError:", e)
# expect: NameError: name 'g' is not defined


def use_len(x):
    return len(x)


print(use_len("abc"))
# expect: 3
builtins.len = lambda x: 42
print(use_len("abc"))
# expect: 42
len = lambda x: -1  # a global shadows the builtin
print(use_len("abc"))
# expect: -1
del len
del builtins.len
try:
    use_len("abc")
except NameError as e:
    print("NameError:", e)
# expect: NameError: name 'len' is not defined
builtins.len = lambda x: x.__len__()
print(use_len([1, 2]))
# expect: 2

# One code object run with many globals dicts, fresh dicts likely at one reused address.
code = compile("result.append(value)", "<exec>", "exec")
result = []
for i in range(5):
    exec(code, {"result": result, "value": i})
print(result)
# expect: [0, 1, 2, 3, 4]


class A:
    cls_attr = "class"

    def __init__(self):
        self.x = 1

    def method(self):
        return "A.method"


def load_x(o):
    return o.x


def load_cls(o):
    return o.cls_attr


def call_method(o):
    return o.method()


def store_x(o, v):
    o.x = v


a = A()
print(load_x(a), load_cls(a), call_method(a))
# expect: 1 class A.method
# A data descriptor added to the class wins over the instance dict.
A.x = property(lambda self: "property x")
print(load_x(a))
# expect: property x
try:
    store_x(a, 5)
except AttributeError:
    print("AttributeError")
# expect: AttributeError
del A.x
print(load_x(a))
# expect: 1
store_x(a, 7)
print(load_x(a))
# expect: 7
# The instance shadows the class attribute, then the method.
a.cls_attr = "instance"
print(load_cls(a))
# expect: instance
a.method = lambda: "instance method"
print(call_method(a))
# expect: instance method
del a.method
print(call_method(a))
# expect: A.method
A.method = lambda self: "replaced"
print(call_method(a))
# expect: replaced


# A subclass's site, then its base changes.
class B(A):
    pass


b = B()
print(load_cls(b), call_method(b))
# expect: class replaced
A.cls_attr = "changed in base"
A.method = lambda self: "base changed"
print(load_cls(b), call_method(b))
# expect: changed in base base changed
B.method = lambda self: "B's own"
print(call_method(b), call_method(a))
# expect: B's own base changed


# __setattr__ and __getattribute__ added after the sites were cached.
def logging_setattr(self, name, value):
    print("set", name, value)
    object.__setattr__(self, name, value)


store_x(b, 3)
A.__setattr__ = logging_setattr
store_x(b, 4)
# expect: set x 4
print(load_x(b))
# expect: 4
del A.__setattr__
store_x(b, 5)
print(load_x(b))
# expect: 5
B.__getattribute__ = lambda self, name: (
    (lambda: "intercepted " + name) if name == "method" else "intercepted " + name
)
print(load_x(b), call_method(b))
# expect: intercepted x intercepted method
del B.__getattribute__
print(load_x(b))
# expect: 5


# Polymorphic sites: several types through one instruction.
class S:
    __slots__ = ("x",)

    def __init__(self):
        self.x = "slot"

    def method(self):
        return "S.method"


class D(dict):
    x = "dict subclass"

    def method(self):
        return "D.method"


objects = [a, b, S(), D(), a]
print([load_x(o) for o in objects])
# expect: [7, 5, 'slot', 'dict subclass', 7]
print([call_method(o) for o in objects])
# expect: ['base changed', "B's own", 'S.method', 'D.method', 'base changed']
s = S()
store_x(s, "new slot")
print(load_x(s))
# expect: new slot
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError:", e)
# expect: AttributeError: 'S' object has no attribute 'other'


# Built-in methods: cached per type, lists and dicts through one site.
def append_to(seq, v):
    seq.append(v)
    return seq


print(append_to([1], 2), append_to([3], 4))
# expect: [1, 2] [3, 4]


class L(list):
    def append(self, v):
        list.append(self, v * 10)


print(append_to(L([1]), 2), append_to([5], 6))
# expect: [1, 20] [5, 6]


# A property's getter raising AttributeError falls back to __getattr__.
class G:
    @property
    def p(self):
        raise AttributeError("no p")

    def __getattr__(self, name):
        return "fallback " + name


def load_p(o):
    return o.p


print(load_p(G()), load_p(G()))
# expect: fallback p fallback p


# Class attributes assigned in a loop (the epoch changes at every store).
class Counter:
    count = 0


def bump(n):
    for _ in range(n):
        Counter.count = Counter.count + 1
    return Counter.count


print(bump(100), Counter().count)
# expect: 100 100


# Module attributes and a global rebound in a loop.
def loop_global(n):
    global total
    total = 0
    for i in range(n):
        total = total + i
    return total


print(loop_global(10))
# expect: 45


# Instances of one class whose dicts hold the attributes at different positions (another
# insertion order, a deletion, a resize) through one load site and one store site.
class Bag:
    pass


def make(order):
    b = Bag()
    for name in order:
        setattr(b, name, name.upper())
    return b


def load_y(o):
    return o.y


def store_y(o, v):
    o.y = v


bags = [make("xyz"), make("zyx"), make("y"), make("abcdefghijklmnopqrstuvwy")]
print([load_y(b) for b in bags])
# expect: ['Y', 'Y', 'Y', 'Y']
del bags[0].x
bags[1].__dict__.clear()
bags[1].q = 1
bags[1].y = "again"
for i, b in enumerate(bags):
    store_y(b, i)
print([load_y(b) for b in bags], [sorted(vars(b)) for b in bags[:3]])
# expect: [0, 1, 2, 3] [['y', 'z'], ['q', 'y'], ['y']]
del bags[2].y
try:
    load_y(bags[2])
except AttributeError as e:
    print("AttributeError:", e)
# expect: AttributeError: 'Bag' object has no attribute 'y'


# Class attributes read on the class itself (and on instances through the same site).
class K:
    scale = 3


class K2(K):
    pass


def load_scale(o):
    return o.scale


print([load_scale(c) for c in (K, K2, K(), K, K2)])
# expect: [3, 3, 3, 3, 3]
K.scale = 4
print(load_scale(K), load_scale(K2))
# expect: 4 4
K2.scale = "own"
print(load_scale(K), load_scale(K2))
# expect: 4 own
del K2.scale
del K.scale
try:
    load_scale(K2)
except AttributeError as e:
    print("AttributeError:", e)
# expect: AttributeError: type object 'K2' has no attribute 'scale'


class Meta(type):
    @property
    def scale(cls):
        return "metaclass property"


class M(metaclass=Meta):
    scale = 1


print(load_scale(M), load_scale(M()))
# expect: metaclass property 1
