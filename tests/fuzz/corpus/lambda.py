f = lambda a, *b, c=1, **d: (a, b, c, d)
g = lambda: (yield)
