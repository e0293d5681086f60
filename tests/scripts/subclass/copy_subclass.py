# copy.copy / copy.deepcopy of list, dict and set subclasses keep the items and the instance dict.
import copy
class L(list): pass
class D(dict): pass
class T(set): pass
l = L([1, 2]); l.x = 1
d = D(a=1); d.y = 2
t = T([3])
for o in (l, d, t):
    c = copy.copy(o); dc = copy.deepcopy(o)
    print(type(c).__name__, c, vars(c), type(dc).__name__, dc, vars(dc))

# expect: L [1, 2] {'x': 1} L [1, 2] {'x': 1}
# expect: D {'a': 1} {'y': 2} D {'a': 1} {'y': 2}
# expect: T T({3}) {} T T({3}) {}
