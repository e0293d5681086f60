# contextlib: contextmanager, suppress, closing, ExitStack, nullcontext, redirect_stdout.
import contextlib
import io


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("p") as t:
    print("body", t)
try:
    with tag("div"):
        raise KeyError("inside")
except KeyError as e:
    print("caught", repr(e))


@contextlib.contextmanager
def swallow():
    try:
        yield
    except ValueError:
        print("swallowed")


with swallow():
    raise ValueError("x")
print("after swallow")


@tag("deco")
def decorated():
    print("in decorated")


decorated()
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")


class Resource:
    def close(self):
        print("closed")


with contextlib.closing(Resource()) as r:
    print(type(r).__name__)
with contextlib.nullcontext(5) as v:
    print(v)
with contextlib.ExitStack() as stack:
    stack.callback(print, "callback 1")
    for n in ("x", "y"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback 2")
    print("stack body")
with contextlib.ExitStack() as stack:
    stack.push(lambda *exc: print("exit with", exc[0].__name__) or True)
    raise RuntimeError("handled by the stack")
print("after stack")
stack = contextlib.ExitStack()
stack.callback(print, "moved")
moved = stack.pop_all()
stack.close()
moved.close()
buffer = io.StringIO()
with contextlib.redirect_stdout(buffer):
    print("captured")
print(repr(buffer.getvalue()))


@contextlib.contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print(e)
# expect: <p>
# expect: body P
# expect: </p>
# expect: <div>
# expect: </div>
# expect: caught KeyError('inside')
# expect: swallowed
# expect: after swallow
# expect: <deco>
# expect: in decorated
# expect: </deco>
# expect: suppressed
# expect: Resource
# expect: closed
# expect: 5
# expect: <x>
# expect: <y>
# expect: stack body
# expect: callback 2
# expect: </y>
# expect: </x>
# expect: callback 1
# expect: exit with RuntimeError
# expect: after stack
# expect: moved
# expect: 'captured\n'
# expect: generator didn't yield
