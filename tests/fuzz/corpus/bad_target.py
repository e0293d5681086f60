f() = 1
del 1
