# Generator pipelines: chained generator functions, yield from, generator expressions consumed by
# sum/max/any, send() into a coroutine-style generator, itertools-free windowing.
def naturals(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n


def scaled(source, factor):
    for n in source:
        yield n * factor


def windows(source, size):
    window = []
    for item in source:
        window.append(item)
        if len(window) == size:
            yield tuple(window)
            del window[0]


def chained(*sources):
    for source in sources:
        yield from source


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total // count


def main(limit):
    total = 0
    for w in windows(scaled(evens(naturals(limit)), 3), 4):
        total += w[0] - w[3] + w[1]
    total += sum(x * x for x in range(limit) if x % 5 == 1) % 1000003
    total += max(x ^ 0x5555 for x in chained(range(limit // 4), naturals(limit // 4)))
    total += any(x > limit for x in naturals(limit // 2))
    acc = averager()
    next(acc)
    for x in naturals(limit // 2):
        last = acc.send(x)
    total += last
    return total


print("checksum", main(4000000))
