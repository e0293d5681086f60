# Closures: cells shared between scopes, nonlocal, late binding.
def counter():
    count = 0

    def step():
        nonlocal count
        count += 1
        return count

    return step


c = counter()
c()
c()
print(c(), counter()())
# expect: 3 1
fns = [lambda: i for i in range(3)]
print([fn() for fn in fns])
# expect: [2, 2, 2]
fns = [lambda i=i: i for i in range(3)]
print([fn() for fn in fns])
# expect: [0, 1, 2]


def outer():
    x = "outer"

    def middle():
        def inner():
            return x

        return inner()

    return middle()


print(outer())
# expect: outer
