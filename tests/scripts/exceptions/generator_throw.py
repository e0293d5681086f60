# throw() and close() reach a generator suspended in `yield from` through its delegate.
def inner():
    try:
        yield "inner 1"
    except ValueError as e:
        yield f"inner caught {e}"
    return "inner done"


def outer():
    result = yield from inner()
    yield f"outer got {result}"


g = outer()
print(next(g))
# expect: inner 1
print(g.throw(ValueError("boom")))
# expect: inner caught boom
print(next(g))
# expect: outer got inner done
g.close()
print("closed")
# expect: closed
