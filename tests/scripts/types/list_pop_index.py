# list.pop(index) converts its argument first (CPython's argument clinic), with __index__.
class Idx:
    def __index__(self):
        return 1


L = [0, 1, 2, 3]
print(L.pop(Idx()), L.pop(-1), L.pop(), L)
for lst, arg in [([], "x"), ([], 0), ([1], 5), ([1], 2**70), ([1], 1.0), ([], Idx())]:
    try:
        lst.pop(arg)
    except Exception as exc:
        print(type(exc).__name__, exc)
try:
    [].pop()
except IndexError as exc:
    print(exc)

# expect: 1 3 2 [0]
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: IndexError pop from empty list
# expect: IndexError pop index out of range
# expect: OverflowError Python int too large to convert to C ssize_t
# expect: TypeError 'float' object cannot be interpreted as an integer
# expect: IndexError pop from empty list
# expect: pop from empty list
