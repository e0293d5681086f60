# Method calls on an instance: LOAD_METHOD + CALL of a Python function, attribute load and store.
class Point:
    def __init__(self):
        self.x = 0

    def inc(self, d):
        self.x += d


def main():
    p = Point()
    for i in range(20000000):
        p.inc(i)
    return p.x


print("checksum", main())
