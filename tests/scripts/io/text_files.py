# open() in text mode: modes, encodings, newline translation, seek/tell, iteration, errors.
import io
import os

path = "/tmp/minipy_text_files_%x.txt" % id(object())
with open(path, "w") as f:
    print(type(f).__name__, f.mode, f.encoding, f.errors, f.closed, f.writable(), f.readable())
    print(ascii(f).endswith("mode='w' encoding='UTF-8'>"), f.name == path)
    print(f.write("line one\nline two\n"))
    f.writelines(["a\n", "b\n", "héllo wörld\n"])
    print(f.tell())
print(f.closed)
with open(path) as f:
    print(ascii(f.readline()), ascii(f.read(4)), f.tell())
    print(ascii(f.read()))
    print(f.seek(0), ascii(f.readlines()))
with open(path) as f:
    for number, line in enumerate(f):
        print(number, ascii(line))
with open(path, "a") as f:
    print(f.tell(), f.write("appended\n"))
with open(path) as f:
    print(f.read().splitlines()[-1])
with open(path, "r+") as f:
    f.seek(5)
    f.write("ONE")
    f.seek(0)
    print(ascii(f.readline()))
with open(path, "w+") as f:
    f.write("abc\r\ndef\rghi\n")
    f.seek(0)
    print(ascii(f.read()))
    f.seek(0)
    print(f.readlines())
with open(path, newline="") as f:
    print(f.readlines())
with open(path, newline="\r") as f:
    print(f.readlines())
with open(path, "w", newline="\r\n") as f:
    f.write("x\ny\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, "w", encoding="latin-1") as f:
    f.write("café")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="latin-1") as f:
    print(ascii(f.read()), f.encoding)
try:
    with open(path, "w", encoding="ascii") as f:
        f.write("café")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
with open(path, "wb") as f:
    f.write(b"ab\xffcd\n")
try:
    with open(path) as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
with open(path, errors="replace") as f:
    print(ascii(f.read()))
with open(path, errors="ignore") as f:
    print(ascii(f.read()))
with open(path, errors="surrogateescape") as f:
    print(ascii(f.read()))
try:
    open(path, encoding="no-such-codec")
except LookupError as e:
    print("LookupError:", e)
f = open(path, "w")
for attempt in [f.read, lambda: f.seek(1, 1), lambda: f.write(b"x")]:
    try:
        attempt()
    except Exception as e:
        print(type(e).__name__, e)
f.close()
f.close()
for attempt in [lambda: f.write("x"), f.read, f.tell, lambda: iter(f)]:
    try:
        attempt()
    except ValueError as e:
        print("ValueError", e)
with open(path, "w") as f:
    f.write("0123456789")
with open(path, "r+") as f:
    print(f.truncate(4), f.read())
with open(path) as f:
    print(ascii(f.read()))
os.remove(path)
# expect: TextIOWrapper w UTF-8 strict False True False
# expect: True True
# expect: 18
# expect: 36
# expect: True
# expect: 'line one\n' 'line' 13
# expect: ' two\na\nb\nh\xe9llo w\xf6rld\n'
# expect: 0 ['line one\n', 'line two\n', 'a\n', 'b\n', 'h\xe9llo w\xf6rld\n']
# expect: 0 'line one\n'
# expect: 1 'line two\n'
# expect: 2 'a\n'
# expect: 3 'b\n'
# expect: 4 'h\xe9llo w\xf6rld\n'
# expect: 36 9
# expect: appended
# expect: 'line ONE\n'
# expect: 'abc\ndef\nghi\n'
# expect: ['abc\n', 'def\n', 'ghi\n']
# expect: ['abc\r\n', 'def\r', 'ghi\n']
# expect: ['abc\r', '\ndef\r', 'ghi\n']
# expect: b'x\r\ny\r\n'
# expect: b'caf\xe9'
# expect: 'caf\xe9' latin-1
# expect: UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in position 3: ordinal not in range(128)
# expect: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte
# expect: 'ab\ufffdcd\n'
# expect: 'abcd\n'
# expect: 'ab\udcffcd\n'
# expect: LookupError: unknown encoding: no-such-codec
# expect: UnsupportedOperation not readable
# expect: UnsupportedOperation can't do nonzero cur-relative seeks
# expect: TypeError write() argument must be str, not bytes
# expect: ValueError I/O operation on closed file.
# expect: ValueError I/O operation on closed file.
# expect: ValueError I/O operation on closed file.
# expect: ValueError I/O operation on closed file.
# expect: 4 0123
# expect: '0123'
