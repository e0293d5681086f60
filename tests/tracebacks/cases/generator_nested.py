def source():
    yield 1
    yield 2
    raise KeyError("missing")


def relay():
    result = yield from source()
    return result


def consume():
    total = 0
    for item in relay():
        total += item
    return total


print(sum(x for x in relay()))
