# abc: ABC, ABCMeta, abstractmethod, register, instantiation errors.
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__}: {self.area()}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s

    def perimeter(self):
        return 4 * self.s


class Half(Shape):
    def area(self):
        return 1


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
print(Square(3).describe(), isinstance(Square(1), Shape), sorted(Shape.__abstractmethods__))
print(Square.__abstractmethods__ == frozenset(), type(Shape).__name__)


class Plugin(metaclass=ABCMeta):
    @abstractmethod
    def run(self):
        pass


class Outside:
    def run(self):
        return "ran"


Plugin.register(Outside)
print(isinstance(Outside(), Plugin), issubclass(Outside, Plugin), issubclass(int, Plugin))


class Base(ABC):
    @property
    @abstractmethod
    def name(self):
        ...


class Named(Base):
    @property
    def name(self):
        return "named"


print(Named().name)
try:
    Base()
except TypeError as e:
    print(e)
# expect: Can't instantiate abstract class Shape with abstract methods area, perimeter
# expect: Can't instantiate abstract class Half with abstract method perimeter
# expect: Square: 9 True ['area', 'perimeter']
# expect: True ABCMeta
# expect: True True False
# expect: named
# expect: Can't instantiate abstract class Base with abstract method name
