# gen.send(value) resumed in place by CALL: return values in StopIteration (none, tuples),
# exceptions and PEP 479 through it, re-entrance, finalisation of generators dropped while suspended.
def g():
    x = yield 1
    return x * 2
def h():
    yield 1
def bad():
    y = yield 1
    raise KeyError(y)
def stop():
    yield 1
    raise StopIteration("inner")
def run():
    it = g(); next(it)
    try:
        it.send(21)
    except StopIteration as e:
        print("value", e.value, e.args)
    it = h(); next(it)
    try:
        it.send(5)
    except StopIteration as e:
        print("none", e.value, e.args)
    try:
        it.send(5)
    except StopIteration as e:
        print("again", e.value, e.args)
    it = bad(); next(it)
    try:
        it.send("k")
    except KeyError as e:
        print("KeyError", e, it.gi_running, it.gi_suspended)
    it = stop(); next(it)
    try:
        it.send(None)
    except RuntimeError as e:
        print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__)
    def tupret():
        yield 1
        return (1, 2)
    it = tupret(); next(it)
    try:
        it.send(0)
    except StopIteration as e:
        print("tuple", e.value, e.args)
    import sys
    def reent():
        v = yield 1
        me.send(v)
    me = reent(); next(me)
    try:
        me.send(3)
    except ValueError as e:
        print("ValueError", e)
    def counter():
        n = 0
        while True:
            n += yield n
    c = counter(); next(c)
    print([c.send(i) for i in range(5)])
    c = None
    def fin(log):
        try:
            while True:
                yield
        finally:
            log.append("fin")
    log = []
    f = fin(log); next(f); f.send(1); f.send(2)
    del f
    print(log)
    for i in range(3):
        f = fin(log); next(f); f.send(1)
    f = None
    print(log)
run()

# expect: value 42 (42,)
# expect: none None ()
# expect: again None ()
# expect: KeyError 'k' False False
# expect: RuntimeError generator raised StopIteration StopIteration inner
# expect: tuple (1, 2) ((1, 2),)
# expect: ValueError generator already executing
# expect: [0, 1, 3, 6, 10]
# expect: ['fin']
# expect: ['fin', 'fin', 'fin', 'fin']
