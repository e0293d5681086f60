# Generator attributes (__name__, __qualname__ and their setters, gi_running, gi_suspended,
# gi_code, gi_yieldfrom) and gen.send / gen.throw / gen.close looked up as methods in a loop.


def inner():
    got = yield 1
    yield got


def outer():
    result = yield from inner()
    return result


g = outer()
print(g.__name__, g.__qualname__, g.gi_code is outer.__code__, g.gi_code.co_name)
print(g.gi_running, g.gi_suspended, g.gi_yieldfrom)
print(next(g), g.gi_suspended, type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__)
print(g.send("x"), g.gi_yieldfrom.gi_suspended)
try:
    g.send(None)
except StopIteration as stop:
    print("stop", stop.value, g.gi_yieldfrom, g.gi_suspended, g.gi_code.co_name)
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__, repr(g).startswith("<generator object Q.renamed at "))
for bad in (1, None):
    try:
        g.__name__ = bad
    except TypeError as e:
        print("TypeError", e)
try:
    g.__qualname__ = b"x"
except TypeError as e:
    print("TypeError", e)
try:
    g.gi_running = True
except AttributeError as e:
    print("AttributeError")
print(hasattr(g, "gi_frame_nonexistent"), "send" in dir(g), "gi_running" in dir(g))


def running():
    yield me.gi_running


me = running()
print(list(me))


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


acc = averager()
next(acc)
for x in range(10):
    last = acc.send(x)
print(last)
closed = []


def closing():
    try:
        yield 1
    finally:
        closed.append("closed")


gens = [closing() for _ in range(3)]
for c in gens:
    next(c)
    c.close()
print(closed)
try:
    t = closing()
    next(t)
    t.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e, closed)
window = [1, 2, 3]
empty = []
print(tuple(window), tuple(empty) == (), tuple(x for x in window), tuple(tuple(window)))


class L(list):
    def __iter__(self):
        return iter([9])


print(tuple(L([1, 2])))

# expect: outer outer True outer
# expect: False False None
# expect: 1 True generator inner
# expect: x True
# expect: stop None None False outer
# expect: renamed Q.renamed True
# expect: TypeError __name__ must be set to a string object
# expect: TypeError __name__ must be set to a string object
# expect: TypeError __qualname__ must be set to a string object
# expect: AttributeError
# expect: False True True
# expect: [True]
# expect: 4.5
# expect: ['closed', 'closed', 'closed']
# expect: KeyError 'k' ['closed', 'closed', 'closed', 'closed']
# expect: (1, 2, 3) True (1, 2, 3) (1, 2, 3)
# expect: (9,)
