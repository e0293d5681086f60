# The list/tuple subscript fast path of BINARY_SUBSCR and STORE_SUBSCR answers as the generic
# protocol: negative indexes, IndexError messages, bool and big-int keys, subclasses, dicts.
a = [1, 2, 3]
t = (4, 5)
print(a[0], a[-1], t[1], t[-2])
# expect: 1 3 5 4
a[1] = 9
a[-1] = 8
print(a)
# expect: [1, 9, 8]
for bad in (3, -4, 2**70):
    try:
        print(a[bad])
    except IndexError as e:
        print("IndexError", e)
# expect: IndexError list index out of range
# expect: IndexError list index out of range
# expect: IndexError cannot fit 'int' into an index-sized integer
try:
    a[5] = 1
except IndexError as e:
    print("IndexError", e)
# expect: IndexError list assignment index out of range
try:
    t[2]
except IndexError as e:
    print("IndexError", e)
# expect: IndexError tuple index out of range


class L(list):
    def __getitem__(self, i):
        return "sub"


print(L([1])[0], [True, False][True], {0: "dict"}[0])
# expect: sub False dict


class Dying:
    def __del__(self):
        print("freed while", items)


items = [Dying()]
items[0] = "replaced"
# expect: freed while ['replaced']
