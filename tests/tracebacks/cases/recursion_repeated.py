# An uncaught RecursionError and a short recursion: repeated traceback entries are summarised.
def f(n):
    return f(n + 1)
def g(n):
    if n == 0:
        raise ValueError("x")
    return g(n - 1)
try:
    g(5)
except ValueError:
    import sys
    sys.excepthook(*sys.exc_info())
f(0)
