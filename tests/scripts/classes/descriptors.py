# property, staticmethod and classmethod.
class Temp:
    scale = "C"

    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273:
            raise ValueError("too cold")
        self._c = value

    @staticmethod
    def add(a, b):
        return a + b

    @classmethod
    def make(cls):
        return cls.__name__ + cls.scale


t = Temp()
t.celsius = 25
print(t.celsius, Temp.add(2, 3), t.add(1, 1), Temp.make(), t.make())
# expect: 25 5 2 TempC TempC
try:
    t.celsius = -300
except ValueError as e:
    print(e)
# expect: too cold
