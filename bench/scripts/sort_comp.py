# Sorting and comprehensions: list.sort and sorted with and without keys on ints, strings and
# tuples; list, dict and set comprehensions with conditions, nested comprehensions.
def numbers(n, seed):
    result = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        result.append(seed % 100000)
    return result


def main(n):
    total = 0
    for round_ in range(4):
        data = numbers(n, 42 + round_)
        ascending = sorted(data)
        total += ascending[0] + ascending[n // 2] + ascending[-1]
        descending = sorted(data, reverse=True)
        total += descending[10]
        by_digits = sorted(data, key=lambda v: (v % 10, -v))
        total += by_digits[0] + by_digits[-1]
        words = [str(v) for v in data[: n // 4]]
        words.sort()
        total += int(words[0]) + len(words[-1])
        pairs = [(v % 97, v) for v in data if v & 1]
        pairs.sort()
        total += pairs[len(pairs) // 3][1]
        squares = {v: v * v for v in data[:5000] if v % 3 == 0}
        total += len(squares) + sum(squares.values()) % 1000003
        distinct = {v % 1000 for v in data}
        total += len(distinct)
        grid = [[i * j for j in range(40)] for i in range(40)]
        total += sum(sum(row) for row in grid)
        flat = [x for row in grid for x in row if x % 7 == 0]
        total += len(flat)
    return total


print("checksum", main(100000))
