# The io classes built by hand: TextIOWrapper over BytesIO, Buffered* over FileIO, FileIO itself.
import io
import os

t = io.TextIOWrapper(io.BytesIO(b"abc\r\ndef\nghi"))
print(t, repr(t.readline()), repr(t.read()), t.tell(), t.encoding)
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n")
print(t.write("a\nb"), t.tell())
t.flush()
print(t.buffer.getvalue())
t.seek(0)
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO("caf\u00e9\n".encode("latin-1")), encoding="latin-1")
print(ascii(t.read()), t.errors)
try:
    io.TextIOWrapper(io.BytesIO(), newline="x")
except ValueError as e:
    print(e)
path = "/tmp/minipy_wrappers_%x.bin" % id(object())
raw = io.FileIO(path, "w")
print(raw.mode, raw.closefd, raw.writable(), raw.readable(), raw.write(b"hello\nworld\n"))
raw.close()
print(raw.closed, repr(raw))
w = io.BufferedWriter(io.FileIO(path, "a"))
print(type(w).__name__, w.write(b"more\n"), w.raw.mode)
w.close()
r = io.BufferedReader(io.FileIO(path))
print(r.readline(), r.read(3), r.readlines())
r.close()
try:
    io.BufferedReader(io.FileIO(path, "w"))
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
with io.FileIO(path, "r") as raw:
    print(raw.read(5), raw.readline(), raw.readall())
text = io.TextIOWrapper(io.BufferedReader(io.FileIO(path)), encoding="ascii")
print(text.readlines())
text.close()
print(text.closed, text.buffer.closed)
os.remove(path)


class Tagged(io.StringIO):
    def write(self, text):
        return super().write("[" + text + "]")


tagged = Tagged()
print("a", "b", file=tagged)
tagged.note = "kept"
print(ascii(tagged.getvalue()), tagged.note, type(tagged).__name__, isinstance(tagged, io.StringIO))


class Loud(io.TextIOWrapper):
    def write(self, text):
        return super().write(text.upper())


loud = Loud(io.BytesIO(), encoding="ascii")
print("quiet words", file=loud)
loud.flush()
print(loud.buffer.getvalue(), type(loud).__name__)
raw_path = "/tmp/minipy_wrappers_sub_%x.txt" % id(object())


class Raw(io.FileIO):
    pass


with Raw(raw_path, "w") as raw:
    print(type(raw).__name__, raw.write(b"sub"))
with open(raw_path, "rb") as f:
    print(f.read())
os.remove(raw_path)
# expect: <_io.TextIOWrapper encoding='UTF-8'> 'abc\n' 'def\nghi' 12 UTF-8
# expect: 3 4
# expect: b'a\r\nb'
# expect: 'a\r\nb'
# expect: 'caf\xe9\n' strict
# expect: illegal newline value: x
# expect: wb True True False 12
# expect: True <_io.FileIO [closed]>
# expect: BufferedWriter 5 ab
# expect: b'hello\n' b'wor' [b'ld\n', b'more\n']
# expect: UnsupportedOperation: File or stream is not readable.
# expect: b'' b'' b''
# expect: []
# expect: True True
# expect: '[a][ ][b][\n]' kept Tagged True
# expect: b'QUIET WORDS\n' Loud
# expect: Raw 3
# expect: b'sub'
