# list.sort/sorted with a key function whose keys are machine-word ints or pairs of them (kept as
# values only, vm/types/list_sort.h), keys changing form midway, raising keys, reverse, mutation.
import random
random.seed(5)
data = [random.randrange(-50, 50) for _ in range(3000)]
for key in [lambda v: v, lambda v: -v, lambda v: (v % 3, -v), lambda v: (v % 3, v // 7), lambda v: v * 2**70,
            lambda v: (v, v) if v else (v,), lambda v: v if v != 7 else 7.5, lambda v: (v % 5, v) if v != 3 else (3, 3.5),
            lambda v: True if v > 0 else False, lambda v: -2**63 + v, lambda v: (v % 4, -2**63 if v == 0 else v)]:
    for rev in (False, True):
        a = sorted(range(len(data)), key=lambda i: (key(data[i])), reverse=rev)
        print(sum(i * a[i] for i in range(len(a))) % 1000003, a[:5])
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("lt", type(o).__name__, type(self).__name__); return False
print(sorted([1, 2, 3, 4], key=lambda v: (v, 1) if v < 3 else K(v)))
seen = []
def key(v):
    seen.append(v)
    if v == 3: raise ValueError("boom")
    return v
l = [5, 1, 3, 2]
try: l.sort(key=key)
except ValueError as e: print(e, l, seen)
l = [3, 1, 2]
def bad(v):
    l.append(9); return v
try: l.sort(key=bad)
except ValueError as e: print(e, l)
print(sorted([(1, 2), (1, 1), (0, 5)], key=lambda t: t), sorted("hello", key=ord), sorted([], key=int), sorted([3], key=int))
print(sorted([3, 1, 2], key=lambda v: [v]), sorted(["b", "a"], key=lambda s: (len(s), s)))
x = [random.random() for _ in range(200)]
print(sorted(x, key=lambda f: int(f * 10)) == sorted(x, key=lambda f: float(int(f * 10))))

# expect: 126580 [41, 42, 71, 335, 376]
# expect: 544055 [10, 44, 116, 121, 219]
# expect: 544055 [10, 44, 116, 121, 219]
# expect: 126580 [41, 42, 71, 335, 376]
# expect: 598702 [30, 234, 840, 859, 888]
# expect: 71933 [24, 100, 242, 423, 476]
# expect: 536328 [60, 90, 94, 102, 310]
# expect: 916137 [2, 5, 33, 159, 225]
# expect: 126580 [41, 42, 71, 335, 376]
# expect: 544055 [10, 44, 116, 121, 219]
# expect: 126580 [41, 42, 71, 335, 376]
# expect: 544055 [10, 44, 116, 121, 219]
# expect: 126580 [41, 42, 71, 335, 376]
# expect: 544055 [10, 44, 116, 121, 219]
# expect: 388227 [41, 42, 71, 335, 376]
# expect: 282408 [10, 44, 116, 121, 219]
# expect: 350291 [1, 3, 8, 11, 13]
# expect: 141989 [0, 2, 4, 5, 6]
# expect: 126580 [41, 42, 71, 335, 376]
# expect: 544055 [10, 44, 116, 121, 219]
# expect: 592602 [422, 489, 677, 803, 999]
# expect: 78033 [33, 225, 305, 447, 495]
# expect: lt tuple K
# expect: lt K K
# expect: [1, 2, 3, 4]
# expect: boom [5, 1, 3, 2] [5, 1, 3]
# expect: list modified during sort [1, 2, 3]
# expect: [(0, 5), (1, 1), (1, 2)] ['e', 'h', 'l', 'l', 'o'] [] [3]
# expect: [1, 2, 3] ['a', 'b']
# expect: True
