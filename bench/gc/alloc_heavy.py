# Allocation-heavy workload: short-lived containers (lists, dicts, tuples, instances), a share of
# them in reference cycles, so automatic collections run all along.
class Node:
    def __init__(self, value, parent):
        self.value = value
        self.parent = parent
        self.children = []


total = 0
for round_ in range(40):
    root = Node(0, None)
    for i in range(5000):
        child = Node(i, root)
        root.children.append(child)  # child <-> root: a cycle
        pair = (i, [i, i + 1], {"k": i})
        total += pair[1][1] + pair[2]["k"]
    del root
print(total)
