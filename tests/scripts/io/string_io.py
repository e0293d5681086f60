# io.StringIO and io.BytesIO: reading, writing, seeking, iteration, errors, as CPython 3.11.
import io

s = io.StringIO("alpha\nbeta\ngamma")
print(ascii(s.readline()), ascii(s.read(3)), s.tell())
print(ascii(s.read()), ascii(s.read()), s.tell())
print(s.seek(0), s.readlines())
s.seek(0)
print([line for line in s])
s = io.StringIO()
print(s.write("héllo"), s.write(" wörld\n"), s.tell(), ascii(s.getvalue()))
s.seek(1)
s.write("E")
print(ascii(s.getvalue()), s.tell())
s.seek(20)
s.write("!")
print(ascii(s.getvalue()), len(s.getvalue()))
print(s.truncate(5), ascii(s.getvalue()), s.tell())
s.writelines(["x", "y"])
print(ascii(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed, s.line_buffering)
for bad in [lambda: s.write(5), lambda: io.StringIO(5), lambda: s.seek(-1), lambda: s.seek(1, 1),
            lambda: s.read("x"), lambda: s.fileno()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)
try:
    c.read()
except ValueError as e:
    print(e)
u = io.StringIO("a\r\nb\rc\n", newline=None)
print(ascii(u.getvalue()), u.readlines())
u = io.StringIO("a\r\nb\rc\n", newline="")
print(u.readlines())
b = io.BytesIO(b"one\ntwo\n")
print(b.read(2), b.readline(), b.tell(), b.readlines())
print(b.write(b"three"), b.getvalue(), b.seek(-2, 2), b.read())
b.seek(0)
print(list(b))
try:
    b.write("text")
except TypeError as e:
    print(e)
try:
    b.seek(-1)
except ValueError as e:
    print(e)
b.close()
try:
    b.getvalue()
except ValueError as e:
    print(e)
print(isinstance(s, io.TextIOBase), isinstance(b, io.BufferedIOBase), isinstance(s, io.IOBase))
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
# expect: 'alpha\n' 'bet' 9
# expect: 'a\ngamma' '' 16
# expect: 0 ['alpha\n', 'beta\n', 'gamma']
# expect: ['alpha\n', 'beta\n', 'gamma']
# expect: 5 7 12 'h\xe9llo w\xf6rld\n'
# expect: 'hEllo w\xf6rld\n' 2
# expect: 'hEllo w\xf6rld\n\x00\x00\x00\x00\x00\x00\x00\x00!' 21
# expect: 5 'hEllo' 21
# expect: 'hEllo\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00xy'
# expect: True True True False False False
# expect: TypeError string argument expected, got 'int'
# expect: TypeError initial_value must be str or None, not int
# expect: ValueError Negative seek position -1
# expect: OSError Can't do nonzero cur-relative seeks
# expect: TypeError argument should be integer or None, not 'str'
# expect: UnsupportedOperation fileno
# expect: ctx
# expect: True
# expect: I/O operation on closed file
# expect: 'a\nb\nc\n' ['a\n', 'b\n', 'c\n']
# expect: ['a\r\n', 'b\r', 'c\n']
# expect: b'on' b'e\n' 4 [b'two\n']
# expect: 5 b'one\ntwo\nthree' 11 b'ee'
# expect: [b'one\n', b'two\n', b'three']
# expect: a bytes-like object is required, not 'str'
# expect: negative seek value -1
# expect: I/O operation on closed file.
# expect: True True True
# expect: True True
# expect: 0 1 2 8192
