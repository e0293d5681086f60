# dict lookups over index tables of every slot width (1, 2 and 4 bytes: up to 128 slots, 2**15,
# past it), with deleted entries on the probe paths and keys whose __eq__ mutates the dict.
for size in (5, 100, 5000, 40000):
    d = {}
    for i in range(size):
        d["k%d" % i] = i
        d[i * 7] = -i
    for i in range(0, size, 3):
        del d["k%d" % i]
    ok = all(d.get("k%d" % i) == (None if i % 3 == 0 else i) for i in range(size))
    ok = ok and all(d[i * 7] == -i for i in range(size)) and (size * 7 not in d)
    print(size, len(d), ok)


# The first comparison replaces the table (the lookup starts again); later ones only answer. An
# __eq__ that rebuilt the table on every call would make the lookup restart for ever (CPython ends
# only when the allocator hands the new table the old one's address: never under ASan).
class Evil:
    def __init__(self, table):
        self.table = table

    def __hash__(self):
        return 1

    def __eq__(self, other):
        if len(self.table) < 200:
            self.table.clear()
            for i in range(200):
                self.table[i] = i
        return False


table = {}
table[Evil(table)] = "x"
print(Evil(table) in table, len(table))
# expect: 5 8 True
# expect: 100 166 True
# expect: 5000 8333 True
# expect: 40000 66666 True
# expect: False 200
