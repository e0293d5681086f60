# Closures and higher-order functions: nested functions capturing cells, nonlocal updates,
# lambdas, map/filter, functions returning functions, function composition, a hand-written reduce.
def make_adder(n):
    def add(x):
        return x + n
    return add


def compose(f, g):
    return lambda x: f(g(x))


def counter():
    count = 0

    def tick(step=1):
        nonlocal count
        count += step
        return count
    return tick


def reduce(function, items, initial):
    value = initial
    for item in items:
        value = function(value, item)
    return value


def memoize(function):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = function(n)
        return cache[n]
    return wrapper


def main(n):
    total = 0
    adders = [make_adder(i) for i in range(10)]
    pipeline = reduce(compose, adders, lambda x: x)
    tick = counter()
    for i in range(n):
        total += pipeline(i) & 0xFFFF
        tick(i & 3)
    total += tick(0)
    double = lambda x: x * 2
    odd = lambda x: x & 1
    total += sum(map(double, filter(odd, range(n))))
    total += reduce(lambda a, b: (a * 31 + b) % 1000003, range(n), 7)

    @memoize
    def collatz(k):
        return 0 if k == 1 else 1 + collatz(k // 2 if k % 2 == 0 else 3 * k + 1)

    total += max(collatz(k) for k in range(1, n // 8))
    keyed = sorted(range(2000), key=make_adder(-1000).__call__)
    total += keyed[0]
    return total


print("checksum", main(1200000))
