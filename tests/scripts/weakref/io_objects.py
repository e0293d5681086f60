# io objects (StringIO, BytesIO, FileIO, buffered files, TextIOWrapper) can be weakly referenced.
import io, sys, weakref, os
s = io.StringIO("abc")
b = io.BytesIO(b"xyz")
events = []
rs = weakref.ref(s, lambda r: events.append("StringIO"))
rb = weakref.ref(b, lambda r: events.append("BytesIO"))
print(rs().read(), rb().read())
class MyIO(io.StringIO):
    pass
m = MyIO("q")
print(weakref.ref(m)().getvalue())
path = "/tmp/minipy_weakref_io_%d.txt" % os.getpid()
with open(path, "w") as f:
    rf = weakref.ref(f, lambda r: events.append("TextIOWrapper"))
    f.write("hi")
rb2 = weakref.ref(f.buffer)
raw = open(path, "rb", buffering=0)
rr = weakref.ref(raw, lambda r: events.append("FileIO"))
print(raw.read())
del s, b, f, raw
print(events, rb2())
print(type(weakref.ref(sys.stdout)()).__name__)
os.remove(path)

# Expected output (CPython 3.11):
# expect: abc b'xyz'
# expect: q
# expect: b'hi'
# expect: ['StringIO', 'BytesIO', 'TextIOWrapper', 'FileIO'] None
# expect: TextIOWrapper
