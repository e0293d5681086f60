# Instance creation passes the class's __new__ and __init__ their arguments (a stack buffer for a
# few, a heap one past eight), with keywords; type.__name__ of a class is its name str, renamed
# by assignment.
class Few:
    def __new__(cls, *args, **kwargs):
        obj = super().__new__(cls)
        obj.seen_new = (args, sorted(kwargs.items()))
        return obj

    def __init__(self, *args, **kwargs):
        self.seen_init = (args, sorted(kwargs.items()))


for n in (0, 1, 7, 8, 9, 20):
    obj = Few(*range(n), k=n)
    print(n, obj.seen_new == obj.seen_init, len(obj.seen_init[0]), obj.seen_init[1])
# expect: 0 True 0 [('k', 0)]
# expect: 1 True 1 [('k', 1)]
# expect: 7 True 7 [('k', 7)]
# expect: 8 True 8 [('k', 8)]
# expect: 9 True 9 [('k', 9)]
# expect: 20 True 20 [('k', 20)]


class Plain:
    def __init__(self, a, b=2, *rest, c=3):
        self.values = (a, b, rest, c)


print(Plain(1).values, Plain(1, 5, 6, 7, 8, 9, 10, 11, 12, 13, c=4).values)
# expect: (1, 2, (), 3) (1, 5, (6, 7, 8, 9, 10, 11, 12, 13), 4)
try:
    Plain()
except TypeError as e:
    print(e)
# expect: Plain.__init__() missing 1 required positional argument: 'a'

print(Plain.__name__, Plain.__name__ is Plain.__name__, type(Plain(1)).__name__)
# expect: Plain True Plain
Plain.__name__ = "Renamed"
print(Plain.__name__, Plain.__qualname__, Plain)
# expect: Renamed Plain <class '__main__.Plain'>
Made = type("Made" + "X", (), {})
print(Made.__name__, int.__name__, type(len).__name__)
# expect: MadeX int builtin_function_or_method
try:
    Plain.__name__ = 5
except TypeError as e:
    print(e)
# expect: can only assign string to Renamed.__name__, not 'int'
