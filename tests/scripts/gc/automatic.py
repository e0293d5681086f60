# Automatic collections: generation 0 past its threshold collects by itself; survivors age;
# gc.disable() stops automatic collections (not gc.collect()); get_count follows allocations.
import gc

gc.collect()
freed = 0


class Cycle:
    def __init__(self):
        self.me = self

    def __del__(self):
        global freed
        freed += 1


gc.set_threshold(100, 10, 10)
before = gc.get_stats()[0]["collections"]
for i in range(1000):
    Cycle()
print("freed without gc.collect():", freed > 0)
print("generation 0 collected:", gc.get_stats()[0]["collections"] > before)

gc.collect()
gc.disable()
freed = 0
for i in range(1000):
    Cycle()
print("disabled, freed:", freed)
print("count grew past the threshold:", gc.get_count()[0] > 100)
print("explicit collect still works:", gc.collect() >= 1000, freed)
gc.enable()

gc.collect()
count0 = gc.get_count()[0]
keep = [[] for i in range(50)]
print("count follows allocations:", gc.get_count()[0] - count0 >= 50)
gc.collect(0)
print("after a generation 0 collection:", gc.get_count()[0] < 10, gc.get_count()[1] >= 1)
gc.collect(1)
print("after a generation 1 collection:", gc.get_count()[1], gc.get_count()[2] >= 1)
gc.collect()
print("after a full collection:", gc.get_count()[1:])
gc.set_threshold(700, 10, 10)

# Expected output (from CPython 3.11):
# expect: freed without gc.collect(): True
# expect: generation 0 collected: True
# expect: disabled, freed: 0
# expect: count grew past the threshold: True
# expect: explicit collect still works: True 1000
# expect: count follows allocations: True
# expect: after a generation 0 collection: True True
# expect: after a generation 1 collection: 0 True
# expect: after a full collection: (0, 0)
