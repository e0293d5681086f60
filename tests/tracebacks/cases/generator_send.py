def averager():
    total = 0
    count = 0
    while True:
        value = yield
        total += value
        count += 1
        print(total // count)


def pipeline(values):
    acc = averager()
    next(acc)
    for value in values:
        acc.send(value)


def run():
    pipeline([4, 6, None])


run()
