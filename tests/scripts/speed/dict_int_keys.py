# dict keys that are ints of every size hash as CPython's (the exact-int hash is read inline for
# 0 <= n < 2**61 - 1): boundary values, equal floats, bools and an int subclass with __hash__.
M = 2**61 - 1
keys = [0, 1, -1, -2, 5, M - 1, M, M + 1, 2**62, 2**63 - 1, 2**63, -(2**63), 2**64, -M, 10**30]
d = {}
for k in keys:
    d[k] = str(k)
print(all(d[k] == str(k) for k in keys), len(d), [hash(k) for k in keys])
print(d[1.0], d[True], d[False], d.get(float(M - 1)), (M - 1) in d, M + 2 in d)


class I(int):
    def __hash__(self):
        return 12345

    def __eq__(self, other):
        return int(self) == other


print(d.get(I(5)), I(5) in {5: 1}, {I(5): "sub"}.get(5))
# expect: True 15 [0, 1, -2, -2, 5, 2305843009213693950, 0, 1, 2, 3, 4, -4, 8, 0, 465258685558744706]
# expect: 1 1 0 2305843009213693952 True False
# expect: None False None
