# Generators resumed in place by the eval loop's FOR_ITER and SEND (no C++ re-entry): yields,
# returns, exceptions, tracebacks, gi_running, re-entrance, recursion and yield from.
import sys
import traceback


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


print([x for x in evens(count(10))])
total = 0
for x in evens(count(7)):
    total += x
print(total)
g = count(5)
for x in g:
    if x == 2:
        break
print(next(g), list(g), list(g))


def failing():
    yield 1
    raise KeyError("boom")


try:
    for x in failing():
        pass
except KeyError as e:
    print("caught", repr(e), [(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])


def leaks_stop():
    yield 1
    raise StopIteration("inner")


try:
    for x in leaks_stop():
        pass
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)


def running():
    yield gen.gi_running
    yield sys._getframe().f_back.f_code.co_name


def consumer():
    return [x for x in gen]


gen = running()
print(consumer())


def reentrant():
    yield 1
    for x in me:
        yield x


me = reentrant()
try:
    for x in me:
        pass
except ValueError as e:
    print("ValueError", e)


def handled():
    for i in range(3):
        try:
            yield 10 // (1 - i)
        except ZeroDivisionError:
            yield "div"
        finally:
            print("finally", i)


print(list(handled()))


def delegate():
    got = yield from count(3)
    print("delegate got", got)
    inner = count(2)
    next(inner)
    got = yield from inner
    print("resumed got", got)
    got = yield from inner
    print("finished got", got)
    return "outer"


d = delegate()
print(list(d))


def echo():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def relay():
    result = yield from echo()
    yield "relay " + str(result)


r = relay()
print(next(r), r.send(5), r.send(7), r.send(None))


def raises_inside():
    yield 1
    1 / 0


def wraps():
    try:
        yield from raises_inside()
    except ZeroDivisionError as e:
        yield "wrapped " + str(e)


print(list(wraps()))


def nested(depth):
    if depth == 0:
        yield 0
        return
    yield from nested(depth - 1)


print(list(nested(50)))
try:
    list(nested(5000))
except RecursionError as e:
    print("RecursionError", e)
print(list(nested(30)))


def deep_for(depth):
    if depth == 0:
        yield "bottom"
        return
    for x in deep_for(depth - 1):
        yield x


print(list(deep_for(40)))
try:
    for x in deep_for(5000):
        pass
except RecursionError as e:
    print("RecursionError", e)


def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")


for x in cleanup():
    print("got", x)
    break
print("after break")


def returns_in_finally():
    try:
        yield "a"
        return "r"
    finally:
        print("finally before return")


print(list(returns_in_finally()))


def fresh():
    yield "started"


f = fresh()
try:
    f.send(1)
except TypeError as e:
    print("TypeError", e)


def sender():
    x = yield from f
    yield x


print(list(sender()))


def tb_source():
    yield 1
    raise ValueError("tb")


def tb_middle():
    yield from tb_source()


try:
    for x in tb_middle():
        pass
except ValueError as e:
    print([(f.name, f.line) for f in traceback.extract_tb(e.__traceback__)])

# The expected output, in order:
# expect: [0, 2, 4, 6, 8]
# expect: 12
# expect: 3 [4] []
# expect: caught KeyError('boom') [('<module>', 39), ('failing', 35)]
# expect: RuntimeError('generator raised StopIteration') StopIteration('inner') True
# expect: [True, '<listcomp>']
# expect: ValueError generator already executing
# expect: finally 0
# expect: finally 1
# expect: finally 2
# expect: [10, 'div', -10]
# expect: delegate got done
# expect: resumed got done
# expect: finished got None
# expect: [0, 1, 2, 1]
# expect: 0 5 12 relay 12
# expect: [1, 'wrapped division by zero']
# expect: [0]
# expect: RecursionError maximum recursion depth exceeded
# expect: [0]
# expect: ['bottom']
# expect: RecursionError maximum recursion depth exceeded
# expect: got 1
# expect: cleanup ran
# expect: after break
# expect: finally before return
# expect: ['a']
# expect: TypeError can't send non-None value to a just-started generator
# expect: ['started', None]
# expect: [('<module>', 'for x in tb_middle():'), ('tb_middle', 'yield from tb_source()'), ('tb_source', 'raise ValueError("tb")')]
