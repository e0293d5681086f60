# if/elif/else, while with break/continue/else, for over ranges and containers.
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
print(total)
# expect: 20
n = 0
while True:
    n += 1
    if n > 4:
        break
else:
    print("not reached")
print(n)
# expect: 5
for x in []:
    pass
else:
    print("else ran")
# expect: else ran
for k, v in [("a", 1), ("b", 2)]:
    print(k, v, end=";")
print()
# expect: a 1;b 2;
print("big" if n > 3 else "small", [i * i for i in range(4) if i != 2])
# expect: big [0, 1, 9]
print({k: len(k) for k in ("ab", "c")}, {c for c in "aab"} == {"a", "b"})
# expect: {'ab': 2, 'c': 1} True
a, *rest, b = range(5)
print(a, rest, b)
# expect: 0 [1, 2, 3] 4
