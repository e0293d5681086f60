# dict.__init__ with keyword arguments (and through super() in a dict subclass), as CPython's.
d = {"x": 0}
dict.__init__(d, a=1)
print(d)
dict.__init__(d, [("b", 2)], c=3)
print(d)
class D(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self["seen"] = True
print(D(a=1), D({"z": 9}, y=8))
try:
    dict.__init__(d, 1, 2)
except TypeError as e:
    print(e)

# expect: {'x': 0, 'a': 1}
# expect: {'x': 0, 'a': 1, 'b': 2, 'c': 3}
# expect: {'a': 1, 'seen': True} {'z': 9, 'y': 8, 'seen': True}
# expect: dict expected at most 1 argument, got 2
