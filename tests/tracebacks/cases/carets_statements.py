class Box:
    def __init__(self):
        self.items = {}

    def take(self, key):
        del self.items[key]


def check(a, b):
    assert a < b, "out of order"


def grow(total):
    total += None
    return total


box = Box()
for action in (lambda: box.take("k"), lambda: check(2, 1), lambda: grow(1)):
    try:
        action()
    except Exception as error:
        import traceback
        traceback.print_exc()
box.take("missing")
