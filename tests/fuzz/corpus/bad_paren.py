f(a, (b, [c)
