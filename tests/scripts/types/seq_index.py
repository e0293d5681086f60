# Sequence subscripts by objects with __index__, and ints too large for an index (CPython's
# PyNumber_AsSsize_t messages).
class Idx:
    def __init__(self, n=2):
        self.n = n

    def __index__(self):
        return self.n


class BadIdx:
    def __index__(self):
        return "x"


class Raises:
    def __index__(self):
        raise KeyError("boom")


L = [0, 1, 2, 3]
print(L[Idx()], "abc"[Idx()], (1, 2, 3)[Idx()], range(10)[Idx()], b"abc"[Idx()], L[Idx(-1)])
L[Idx()] = "x"
print(L)
del L[Idx(0)]
print(L)
print(L.__getitem__(Idx()), "abcd".__getitem__(Idx(1)))
for seq in ([1], (1,), "a", range(1)):
    for key in (BadIdx(), Raises(), 1.5, "k", Idx(5), 2**70, -2**70):
        try:
            print(seq[key])
        except Exception as exc:
            print(type(seq).__name__, type(exc).__name__, exc)
for key in (2**70, Idx(9), 9, BadIdx(), 1.0):
    try:
        L[key] = 0
    except Exception as exc:
        print("store", type(exc).__name__, exc)
    try:
        del L[key]
    except Exception as exc:
        print("del", type(exc).__name__, exc)
print(L[True], "ab"[False])

# expect: 2 c 3 2 99 3
# expect: [0, 1, 'x', 3]
# expect: [1, 'x', 3]
# expect: 3 b
# expect: list TypeError __index__ returned non-int (type str)
# expect: list KeyError 'boom'
# expect: list TypeError list indices must be integers or slices, not float
# expect: list TypeError list indices must be integers or slices, not str
# expect: list IndexError list index out of range
# expect: list IndexError cannot fit 'int' into an index-sized integer
# expect: list IndexError cannot fit 'int' into an index-sized integer
# expect: tuple TypeError __index__ returned non-int (type str)
# expect: tuple KeyError 'boom'
# expect: tuple TypeError tuple indices must be integers or slices, not float
# expect: tuple TypeError tuple indices must be integers or slices, not str
# expect: tuple IndexError tuple index out of range
# expect: tuple IndexError cannot fit 'int' into an index-sized integer
# expect: tuple IndexError cannot fit 'int' into an index-sized integer
# expect: str TypeError __index__ returned non-int (type str)
# expect: str KeyError 'boom'
# expect: str TypeError string indices must be integers, not 'float'
# expect: str TypeError string indices must be integers, not 'str'
# expect: str IndexError string index out of range
# expect: str IndexError cannot fit 'int' into an index-sized integer
# expect: str IndexError cannot fit 'int' into an index-sized integer
# expect: range TypeError __index__ returned non-int (type str)
# expect: range KeyError 'boom'
# expect: range TypeError range indices must be integers or slices, not float
# expect: range TypeError range indices must be integers or slices, not str
# expect: range IndexError range object index out of range
# expect: range IndexError range object index out of range
# expect: range IndexError range object index out of range
# expect: store IndexError cannot fit 'int' into an index-sized integer
# expect: del IndexError cannot fit 'int' into an index-sized integer
# expect: store IndexError list assignment index out of range
# expect: del IndexError list assignment index out of range
# expect: store IndexError list assignment index out of range
# expect: del IndexError list assignment index out of range
# expect: store TypeError __index__ returned non-int (type str)
# expect: del TypeError __index__ returned non-int (type str)
# expect: store TypeError list indices must be integers or slices, not float
# expect: del TypeError list indices must be integers or slices, not float
# expect: x a
