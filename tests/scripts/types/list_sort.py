# list.sort and sorted(): runs, reverse stability, keys, the specialised compares of homogeneous
# int/float/str/tuple keys (same results as generic `<`), errors and "list modified during sort".
import random


def digest(values):
    total = 0
    for i, x in enumerate(values):
        total = (total * 31 + (int(x) if isinstance(x, str) else hash(x))) % 1000000007
    return total


random.seed(5)
class K:
    calls = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        K.calls += 1
        return self.v < o.v
    def __repr__(self): return f"K({self.v})"
for n in [0, 1, 2, 3, 10, 63, 64, 65, 100, 1000, 5000]:
    for kind in range(6):
        if kind == 0: data = [random.randrange(100) for _ in range(n)]
        elif kind == 1: data = sorted(random.randrange(1000) for _ in range(n))
        elif kind == 2: data = sorted((random.randrange(1000) for _ in range(n)), reverse=True)
        elif kind == 3: data = [str(random.randrange(1000)) for _ in range(n)]
        elif kind == 4: data = [(random.randrange(5), random.random()) for _ in range(n)]
        else: data = [random.random() * 100 for _ in range(n)]
        a = sorted(data); b = sorted(data, reverse=True)
        c = sorted(data, key=lambda x: str(x)[:2])
        d = sorted(data, key=lambda x: str(x)[:2], reverse=True)
        print(n, kind, digest(a), digest(b), digest(c), digest(d))
# stability with keys
pairs = [(random.randrange(10), i) for i in range(2000)]
print(sorted(pairs, key=lambda p: p[0]) == sorted(pairs))
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:20])
# mixed types
print(sorted([3, 1.5, 2, True, -1, 2.0, 0]))
print(sorted([1, 2**70, -2**65, 5, 3]))
print(sorted(["b", "a", "é", "ā", "中", "ab", ""]))
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,), ()]))
print(sorted([((1, 2), 3), ((1, 1), 4), ((0,), 5)]))
print(sorted([K(3), K(1), K(2)]))
try:
    sorted([1, "a", 2])
except TypeError as e: print(e)
try:
    sorted([(1, 2), (1, "a")])
except TypeError as e: print(e)
l = [3, 2, 1]
def bad(x):
    l.append(x)
    return x
try:
    l.sort(key=bad)
except ValueError as e: print(e, l)
l = [5, 1, 4]
def raiser(x):
    if x == 4: raise KeyError(x)
    return x
try:
    l.sort(key=raiser, reverse=True)
except KeyError as e: print("KeyError", e, l)
class Bad:
    def __init__(s, v): s.v = v
    def __lt__(s, o):
        if s.v == 7 or o.v == 7: raise RuntimeError("boom")
        return s.v < o.v
l = [Bad(i) for i in [9, 3, 7, 1, 5] * 30]
try: l.sort()
except RuntimeError as e: print(e, sorted(b.v for b in l) == sorted([9,3,7,1,5]*30))
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]))
print(sorted([1, 2, 3], key=None, reverse=False))
try: [].sort(1)
except TypeError as e: print(e)
try: [].sort(foo=1)
except TypeError as e: print(e)
class S(str): pass
print(sorted([S("b"), "a", S("c")]))
print(sorted([True, False, True]))
K.calls = 0
sorted([K(i) for i in range(100)])
print("calls sorted", K.calls)
K.calls = 0
sorted([K(i) for i in range(100, 0, -1)])
print("calls reversed", K.calls)
# expect: 0 0 0 0 0 0
# expect: 0 1 0 0 0 0
# expect: 0 2 0 0 0 0
# expect: 0 3 0 0 0 0
# expect: 0 4 0 0 0 0
# expect: 0 5 0 0 0 0
# expect: 1 0 79 79 79 79
# expect: 1 1 261 261 261 261
# expect: 1 2 759 759 759 759
# expect: 1 3 367 367 367 367
# expect: 1 4 652200225 652200225 652200225 652200225
# expect: 1 5 22435482 22435482 22435482 22435482
# expect: 2 0 1044 2604 1044 2604
# expect: 2 1 2565 28635 2565 28635
# expect: 2 2 3725 5075 3725 5075
# expect: 2 3 12260 15260 12260 15260
# expect: 2 4 38787328 542678103 38787328 542678103
# expect: 2 5 712427992 728135637 712427992 728135637
# expect: 3 0 23286 95286 23286 95286
# expect: 3 1 169761 762081 169761 762081
# expect: 3 2 75371 788651 139541 786581
# expect: 3 3 457479 627399 457479 627399
# expect: 3 4 394910018 635388888 394910018 69717364
# expect: 3 5 268943915 330779472 268943915 632711924
# expect: 10 0 606964404 48147336 606964404 48147336
# expect: 10 1 883918061 740553019 304435822 495649877
# expect: 10 2 899828489 72692423 419743720 162913089
# expect: 10 3 481984865 337506982 481984865 337506982
# expect: 10 4 954939219 269286974 367473995 196612192
# expect: 10 5 619666714 166639511 221358958 846436771
# expect: 63 0 256104021 24384043 280256136 933346117
# expect: 63 1 27132988 385781947 481611667 426509815
# expect: 63 2 464068179 876228038 438220550 101928021
# expect: 63 3 120076380 534990371 201376163 175839435
# expect: 63 4 677649200 784403048 5745403 476926207
# expect: 63 5 441861810 762915631 214821937 58197394
# expect: 64 0 692160296 334439621 54280785 932415974
# expect: 64 1 136096412 934555601 675855433 449356660
# expect: 64 2 898715684 187852112 175312929 230226802
# expect: 64 3 148713735 317283989 425039571 882046440
# expect: 64 4 879173845 381233027 810976512 243768148
# expect: 64 5 248987518 480801002 548042593 41663193
# expect: 65 0 35361502 93318076 772169345 749360847
# expect: 65 1 115345884 698466743 513515992 363554720
# expect: 65 2 509517570 615816121 960660399 939263487
# expect: 65 3 930174982 670737198 616427017 884209840
# expect: 65 4 389481250 32839172 910526458 225275273
# expect: 65 5 380443946 782612430 964374793 979777049
# expect: 100 0 504132904 831258846 42888964 168357058
# expect: 100 1 863717719 636617008 977045037 836082385
# expect: 100 2 377826914 115576770 14179290 391244286
# expect: 100 3 781899714 719560739 521956996 130856533
# expect: 100 4 75499812 502625915 155083994 592391864
# expect: 100 5 342172923 479368038 623031758 923447447
# expect: 1000 0 447998186 378533782 107263650 976675810
# expect: 1000 1 854627194 420802873 42038270 329888040
# expect: 1000 2 863971914 346378406 996714360 881576906
# expect: 1000 3 703097867 333904448 676310218 421111972
# expect: 1000 4 449330367 941802312 793978128 590504017
# expect: 1000 5 262359016 164132877 750149393 871301470
# expect: 5000 0 849190416 323728303 343354193 704010619
# expect: 5000 1 99727670 166962635 737793019 32574142
# expect: 5000 2 311023672 198153054 96547866 428709773
# expect: 5000 3 163126283 963796027 431926965 806549773
# expect: 5000 4 173864772 904558761 394455071 113865647
# expect: 5000 5 289855274 942142535 179364878 391039689
# expect: True
# expect: [(9, 1), (9, 10), (9, 22), (9, 24), (9, 25), (9, 33), (9, 54), (9, 82), (9, 99), (9, 102), (9, 106), (9, 112), (9, 113), (9, 133), (9, 138), (9, 160), (9, 163), (9, 169), (9, 177), (9, 182)]
# expect: [-1, 0, True, 1.5, 2, 2.0, 3]
# expect: [-36893488147419103232, 1, 3, 5, 1180591620717411303424]
# expect: ['', 'a', 'ab', 'b', 'é', 'ā', '中']
# expect: [(), (0, 'z'), (1,), (1, 'a'), (1, 'b')]
# expect: [((0,), 5), ((1, 1), 4), ((1, 2), 3)]
# expect: [K(1), K(2), K(3)]
# expect: '<' not supported between instances of 'str' and 'int'
# expect: '<' not supported between instances of 'str' and 'int'
# expect: list modified during sort [1, 2, 3]
# expect: KeyError 4 [5, 1, 4]
# expect: boom True
# expect: [3.0, nan, 1.0, 2.0]
# expect: [1, 2, 3]
# expect: sort() takes no positional arguments
# expect: 'foo' is an invalid keyword argument for sort()
# expect: ['a', 'b', 'c']
# expect: [False, True, True]
# expect: calls sorted 99
# expect: calls reversed 99
