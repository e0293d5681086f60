# atexit: functions run at exit, last registered first, with their arguments; unregister drops
# every registration of a function; weakref.finalize objects still alive run at exit too.
import atexit
import weakref


def say(*words, end="!"):
    print(" ".join(words) + end)


def dropped():
    print("never")


atexit.register(say, "registered", "first")
atexit.register(dropped)
atexit.register(say, "registered", "second", end="?")
atexit.register(dropped)
atexit.unregister(dropped)


@atexit.register
def decorated():
    print("decorated runs first")


class Resource:
    pass


resource = Resource()
weakref.finalize(resource, say, "finalizer of a live object")
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)
print("end of script")

# Expected output (CPython 3.11):
# expect: TypeError: the first argument must be callable
# expect: end of script
# expect: finalizer of a live object!
# expect: decorated runs first
# expect: registered second?
# expect: registered first!
