# operator.index gives an exact int for int subclasses, bool and __index__ results (PyNumber_Index).
import operator
class N(int):
    def __pos__(self): return "pos"
    def __int__(self): return 99
print(operator.index(N(3)), type(operator.index(N(3))).__name__, operator.index(True), type(operator.index(True)).__name__, operator.index(7))
class Idx:
    def __index__(self): return N(4)
print(operator.index(Idx()), type(operator.index(Idx())).__name__)

# expect: 3 int 1 int 7
# expect: 4 int
