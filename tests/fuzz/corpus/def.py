def f(a, /, b=1, *c, d, e=2, **k) -> int:
    return a + b
