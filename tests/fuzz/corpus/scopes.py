x = 1
def f():
    global x
    y = 2
    def g():
        nonlocal y
        y += 1
    return g
