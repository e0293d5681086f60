# Cycles through every kind of container are freed by gc.collect(), not by reference counting.
import gc
import weakref

gc.collect()
gc.disable()


class Probe:
    """A weakly referenceable object hung on each cycle: it dies with the cycle."""


def check(name, make):
    probe = Probe()
    ref = weakref.ref(probe)
    make(probe)
    del probe
    alive_before = ref() is not None
    gc.collect()
    print(name, alive_before, ref() is None)


def list_cycle(p):
    a = [p]
    a.append(a)


def dict_cycle(p):
    d = {"p": p}
    d["self"] = d


def set_cycle(p):
    class Key:
        pass
    k = Key()
    s = {k}
    k.s = s
    k.p = p


def frozenset_cycle(p):
    class Key:
        pass
    k = Key()
    f = frozenset([k])
    k.f = f
    k.p = p


def tuple_cycle(p):
    a = []
    t = (a, p)
    a.append(t)


def instance_cycle(p):
    class A:
        pass
    a = A()
    b = A()
    a.b = b
    b.a = a
    a.p = p


def slots_cycle(p):
    class S:
        __slots__ = ("other", "p")
    a = S()
    b = S()
    a.other = b
    b.other = a
    a.p = p


def class_cycle(p):
    class C:
        pass
    C.me = C
    C.p = p


def function_cycle(p):
    def f():
        pass
    f.me = f
    f.p = p


def closure_cycle(p):
    def outer():
        def inner():
            return inner, p
        return inner
    outer()


def bound_method_cycle(p):
    class A:
        def m(self):
            pass
    a = A()
    a.m2 = a.m
    a.p = p


def generator_cycle(p):
    def gen():
        me = yield
        yield me, p
    g = gen()
    next(g)
    g.send(g)


def module_cycle(p):
    import types
    m = types.ModuleType("m")
    m.m = m
    m.p = p


def dict_view_cycle(p):
    d = {"p": p}
    d["keys"] = d.keys()
    d["values"] = d.values()
    d["items"] = d.items()


def iterator_cycle(p):
    a = [p]
    a.append(iter(a))
    d = {"p": p}
    d["it"] = iter(d)


def exception_cycle(p):
    try:
        raise ValueError("x")
    except ValueError as e:
        e.p = p
        e.me = e
        e.tb = e.__traceback__


def property_cycle(p):
    class A:
        pass
    def getter(self):
        return p
    A.prop = property(getter)
    A.cm = classmethod(getter)
    A.sm = staticmethod(getter)
    A.me = A


def cell_cycle(p):
    def make():
        x = None
        def f():
            return x
        x = f
        f.p = p
    make()


def builtin_iterator_cycle(p):
    a = [p]
    a.append(enumerate(a))
    a.append(zip(a, a))
    a.append(map(len, a))
    a.append(reversed(a))


check("list", list_cycle)
check("dict", dict_cycle)
check("set", set_cycle)
check("frozenset", frozenset_cycle)
check("tuple", tuple_cycle)
check("instance", instance_cycle)
check("slots", slots_cycle)
check("class", class_cycle)
check("function", function_cycle)
check("closure", closure_cycle)
check("bound method", bound_method_cycle)
check("generator", generator_cycle)
check("module", module_cycle)
check("dict views", dict_view_cycle)
check("iterators", iterator_cycle)
check("exception+traceback", exception_cycle)
check("property/classmethod/staticmethod", property_cycle)
check("cell", cell_cycle)
check("builtin iterators", builtin_iterator_cycle)
gc.enable()

# Expected output (from CPython 3.11):
# expect: list True True
# expect: dict True True
# expect: set True True
# expect: frozenset True True
# expect: tuple True True
# expect: instance True True
# expect: slots True True
# expect: class True True
# expect: function True True
# expect: closure True True
# expect: bound method True True
# expect: generator True True
# expect: module True True
# expect: dict views True True
# expect: iterators True True
# expect: exception+traceback True True
# expect: property/classmethod/staticmethod True True
# expect: cell True True
# expect: builtin iterators True True
