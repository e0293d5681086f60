# open() in binary mode: buffered readers/writers, raw FileIO, modes and OSError subclasses.
import io
import os

path = "/tmp/minipy_binary_files_%x.bin" % id(object())
with open(path, "wb") as f:
    print(type(f).__name__, f.mode, f.closed, f.writable(), f.readable(), f.seekable())
    print(repr(f) == "<_io.BufferedWriter name=%r>" % path)
    print(f.write(b"hello\nworld\n"), f.write(bytes(range(250, 256))), f.tell())
with open(path, "rb") as f:
    print(type(f).__name__, type(f.raw).__name__, f.raw.mode, f.raw.closefd)
    print(f.read(3), f.readline(), f.tell(), f.read1(4), f.peek()[:4])
    print(f.read(), f.read())
    f.seek(-3, 2)
    print(f.read(), f.seek(0), list(f))
with open(path, "r+b") as f:
    print(type(f).__name__, f.mode)
    f.seek(1)
    f.write(b"E")
    print(f.read(4))
    f.seek(0)
    print(f.read(6))
with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.read(2), f.readall()[:4])
print(repr(f) == "<_io.FileIO [closed]>")
try:
    open(path, "rb").write(b"x")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
try:
    open(path, "wb").read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
with open(path, "ab") as f:
    f.write(b"tail")
with open(path, "rb") as f:
    print(f.read()[-8:])
try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    open("/nonexistent-dir/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(e)
try:
    open("/tmp")
except IsADirectoryError as e:
    print(e)
for mode in ["rw", "rr", "bt", "", "+", "z"]:
    try:
        open(path, mode)
    except ValueError as e:
        print(repr(mode), e)
for kwargs in [{"encoding": "utf-8"}, {"errors": "strict"}, {"newline": ""}]:
    try:
        open(path, "rb", **kwargs)
    except ValueError as e:
        print(e)
try:
    open(path, "r", buffering=0)
except ValueError as e:
    print(e)
try:
    open(3.5)
except TypeError as e:
    print(e)
fd = os.open(path, os.O_RDONLY)
with open(fd, "rb") as f:
    print(f.name == fd, f.read(5))
os.remove(path)
# expect: BufferedWriter wb False True False True
# expect: True
# expect: 12 6 18
# expect: BufferedReader FileIO rb True
# expect: b'hel' b'lo\n' 6 b'worl' b'd\n\xfa\xfb'
# expect: b'd\n\xfa\xfb\xfc\xfd\xfe\xff' b''
# expect: b'\xfd\xfe\xff' 0 [b'hello\n', b'world\n', b'\xfa\xfb\xfc\xfd\xfe\xff']
# expect: BufferedRandom rb+
# expect: b'llo\n'
# expect: b'hEllo\n'
# expect: FileIO rb b'hE' b'llo\n'
# expect: True
# expect: UnsupportedOperation: write
# expect: UnsupportedOperation: read
# expect: b'tail'
# expect: FileExistsError 17 File exists
# expect: FileNotFoundError 2 No such file or directory /nonexistent-dir/file.txt
# expect: [Errno 2] No such file or directory: '/nonexistent-dir/file.txt'
# expect: [Errno 21] Is a directory: '/tmp'
# expect: 'rw' must have exactly one of create/read/write/append mode
# expect: 'rr' invalid mode: 'rr'
# expect: 'bt' can't have text and binary mode at once
# expect: '' Must have exactly one of create/read/write/append mode and at most one plus
# expect: '+' Must have exactly one of create/read/write/append mode and at most one plus
# expect: 'z' invalid mode: 'z'
# expect: binary mode doesn't take an encoding argument
# expect: binary mode doesn't take an errors argument
# expect: binary mode doesn't take a newline argument
# expect: can't have unbuffered text I/O
# expect: expected str, bytes or os.PathLike object, not float
# expect: True b'tail'
