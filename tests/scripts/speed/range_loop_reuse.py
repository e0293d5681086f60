# FOR_ITER over a range writes the next value into the loop variable's int when only that
# variable holds it: an int kept elsewhere (a list, another name, a closure) must keep its value,
# pooled ints keep their identity, and bounds near the machine word's ends stay exact.
import sys


def main():

    kept = []
    for i in range(1000, 1006):
        kept.append(i)
    print(kept)

    other = None
    for i in range(300, 303):
        other = i
    print(other, i)

    seen = []
    for i in range(250, 262):
            seen.append(i is int(str(i)))  # pooled up to 256: the same object
    print(seen[:7])

    prev = []
    for i in range(5000, 5003):
        prev.append(i)
        prev.append(i + 0)
    print(prev)

    total = 0
    for i in range(10**6, 10**6 + 1000):
        total += i
    print(total)

    maxsize = sys.maxsize
    print([i for i in range(maxsize - 3, maxsize)])
    print(list(range(-maxsize - 1, -maxsize + 2)))
    acc = []
    for i in range(maxsize - 2, maxsize):
        acc.append(i)
    print(acc)
    acc = []
    for i in range(-maxsize - 1, -maxsize + 2):
        acc.append(i)
    print(acc)
    acc = []
    for i in range(maxsize - 10, -maxsize, -(maxsize // 2)):
        acc.append(i)
    print(acc)


    def closure_sees():
        fs = []
        for i in range(400, 403):
            fs.append(lambda i=i: i)
        return [f() for f in fs]


    print(closure_sees())


    def in_function():
        out = []
        j = 0
        for j in range(1000, 1003):
            pass
        out.append(j)
        for k in range(700, 703):
            out.append(k * 2)
        for k in range(3):
            out.append(k)
        return out


    print(in_function())
    d = {}
    for i in range(600, 603):
        d[i] = i
    print(d)


main()

# expect: [1000, 1001, 1002, 1003, 1004, 1005]
# expect: 302 302
# expect: [True, True, True, True, True, True, True]
# expect: [5000, 5000, 5001, 5001, 5002, 5002]
# expect: 1000499500
# expect: [9223372036854775804, 9223372036854775805, 9223372036854775806]
# expect: [-9223372036854775808, -9223372036854775807, -9223372036854775806]
# expect: [9223372036854775805, 9223372036854775806]
# expect: [-9223372036854775808, -9223372036854775807, -9223372036854775806]
# expect: [9223372036854775797, 4611686018427387894, -9, -4611686018427387912]
# expect: [400, 401, 402]
# expect: [1002, 1400, 1402, 1404, 0, 1, 2]
# expect: {600: 600, 601: 601, 602: 602}
