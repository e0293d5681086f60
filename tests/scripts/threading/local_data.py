# threading.local and _threading_local.local: per-thread attributes, a subclass whose __init__
# runs again in each thread with the constructor's arguments, methods, properties, slots shared
# by all threads, __dict__ per thread, and the dict of an ended thread dropped.
import threading
import _threading_local


def check(local_class, label):
    data = local_class()
    data.x = "main"
    seen = {}

    def worker(n):
        seen[n] = ("x" in data.__dict__, getattr(data, "x", None))
        data.x = n
        seen[n] += (data.x, sorted(data.__dict__))

    ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(label, sorted(seen.items()), data.x)
    try:
        data.missing
    except AttributeError as e:
        print(label, "AttributeError:", e)
    del data.x
    print(label, hasattr(data, "x"), data.__dict__)
    try:
        del data.x
    except AttributeError as e:
        print(label, "AttributeError on del")
    try:
        local_class(1)
    except TypeError as e:
        print(label, "TypeError:", e)

    class Counter(local_class):
        inits = []
        kind = "class attribute"

        def __init__(self, start, step=1):
            Counter.inits.append(threading.current_thread().name)
            self.value = start
            self.step = step

        def bump(self):
            self.value += self.step
            return self.value

        @property
        def doubled(self):
            return self.value * 2

    c = Counter(10, step=5)
    print(label, c.bump(), c.doubled, c.kind)
    out = []

    def use():
        out.append((c.value, c.bump(), c.doubled))

    t = threading.Thread(target=use, name="user")
    t.start()
    t.join()
    print(label, out, c.value, Counter.inits)
    try:
        c.doubled = 3
    except AttributeError:
        print(label, "property without setter refuses")

    class Slotted(local_class):
        __slots__ = ("shared",)

    s = Slotted()
    s.shared = "all threads"
    s.own = "main only"
    got = []
    t = threading.Thread(target=lambda: got.append((s.shared, hasattr(s, "own"))))
    t.start()
    t.join()
    print(label, got)
    print(label, repr(local_class), repr(local_class()).split(" object at ")[0])


check(threading.local, "threading.local")
check(_threading_local.local, "_threading_local.local")

# the dicts of ended threads are dropped (Python implementation)
data = _threading_local.local()
ts = [threading.Thread(target=lambda: setattr(data, "v", 1)) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
del t, ts  # CPython drops a dict when its Thread object goes, minipy when the thread ends
impl = object.__getattribute__(data, "_local__impl")
print("dicts left:", len(impl.dicts))

# expect: threading.local [(0, (False, None, 0, ['x'])), (1, (False, None, 1, ['x'])), (2, (False, None, 2, ['x']))] main
# expect: threading.local AttributeError: '_thread._local' object has no attribute 'missing'
# expect: threading.local False {}
# expect: threading.local AttributeError on del
# expect: threading.local TypeError: Initialization arguments are not supported
# expect: threading.local 15 30 class attribute
# expect: threading.local [(10, 15, 30)] 15 ['MainThread', 'user']
# expect: threading.local property without setter refuses
# expect: threading.local [('all threads', False)]
# expect: threading.local <class '_thread._local'> <_thread._local
# expect: _threading_local.local [(0, (False, None, 0, ['x'])), (1, (False, None, 1, ['x'])), (2, (False, None, 2, ['x']))] main
# expect: _threading_local.local AttributeError: 'local' object has no attribute 'missing'
# expect: _threading_local.local False {}
# expect: _threading_local.local AttributeError on del
# expect: _threading_local.local TypeError: Initialization arguments are not supported
# expect: _threading_local.local 15 30 class attribute
# expect: _threading_local.local [(10, 15, 30)] 15 ['MainThread', 'user']
# expect: _threading_local.local property without setter refuses
# expect: _threading_local.local [('all threads', False)]
# expect: _threading_local.local <class '_threading_local.local'> <_threading_local.local
# expect: dicts left: 1
