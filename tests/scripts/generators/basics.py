# Generators: yield, send, return values via StopIteration, yield from.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"


print(list(countdown(3)))
# expect: [3, 2, 1]


def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"


g = echo()
print(next(g), g.send(1), g.send("x"))
# expect: ready got 1 got x


def outer():
    result = yield from countdown(2)
    yield result


print(list(outer()))
# expect: [2, 1, 'done']
gen = countdown(1)
next(gen)
try:
    next(gen)
except StopIteration as e:
    print("stop", e.value)
# expect: stop done
print(sum(x * x for x in range(4)))
# expect: 14
