@a.b(c)
@(lambda f: f)
def f(): pass
