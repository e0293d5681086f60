# del list[i] (DELETE_SUBSCR's fast path for an exact list and a machine-word index): order of
# the removal and the item's __del__, negative indexes, errors, bool keys, shrinking, subclasses.
class D:
    def __init__(self, n, log, lst):
        self.n = n; self.log = log; self.lst = lst
    def __del__(self):
        self.log.append((self.n, len(self.lst), list(x.n if isinstance(x, D) else x for x in self.lst)))
log = []
L = []
for i in range(4):
    L.append(D(i, log, L))
del L[1]
del L[-1]
print(log, len(L))
M = list(range(100))
for _ in range(95):
    del M[0]
print(M)
try:
    del M[5]
except IndexError as e:
    print("IndexError", e)
try:
    del M[-6]
except IndexError as e:
    print("IndexError", e)
try:
    del M[2**70]
except IndexError as e:
    print("IndexError", e)
del M[True]
print(M)
class S(list): pass
s = S([1,2,3]); del s[0]; print(s)

# expect: [(1, 3, [0, 2, 3]), (3, 2, [0, 2])] 2
# expect: [95, 96, 97, 98, 99]
# expect: IndexError list assignment index out of range
# expect: IndexError list assignment index out of range
# expect: IndexError cannot fit 'int' into an index-sized integer
# expect: [95, 97, 98, 99]
# expect: [2, 3]
