# print() and input() go through sys.stdout and sys.stdin, which may be replaced.
import io
import sys

buffer = io.StringIO()
saved = sys.stdout
sys.stdout = buffer
print("captured", 1, 2.5, None)
print("no newline", end="")
sys.stdout.write("!")
sys.stdout = saved
print(repr(buffer.getvalue()))


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, text):
        self.calls.append(text)
        return len(text)

    def flush(self):
        self.calls.append("<flush>")


recorder = Recorder()
print("a", "b", 3, sep="-", end=".\n", file=recorder, flush=True)
print(recorder.calls)
sys.stdout = recorder
print("through sys.stdout")
sys.stdout = saved
print(recorder.calls[-2:])
sys.stdout = None
print("dropped")
sys.stdout = saved
print(print("x", file=io.StringIO()))
for bad in [{"sep": 1}, {"end": b""}, {"bogus": 1}]:
    try:
        print("x", **bad)
    except TypeError as e:
        print(e)
try:
    print("x", file=42)
except AttributeError as e:
    print(e)
sys.stdin = io.StringIO("first line\nsecond\n")
out = io.StringIO()
sys.stdout = out
name = input("name? ")
second = input()
sys.stdout = saved
print(repr(name), repr(second), repr(out.getvalue()))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
sys.stdin = sys.__stdin__
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
errors = io.StringIO()
sys.stderr = errors
print("to stderr", file=sys.stderr)
sys.stderr = sys.__stderr__
print(repr(errors.getvalue()))
print(sys.stdout.write("direct\n"))
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes through the buffer\n")
sys.stdout.buffer.flush()
print(sys.stdout.encoding, sys.stderr.errors, sys.stdin.mode, sys.stdout.mode)
print(repr(sys.stdout)[:40], repr(sys.stdout.buffer))
# expect: 'captured 1 2.5 None\nno newline!'
# expect: ['a', '-', 'b', '-', '3', '.\n', '<flush>']
# expect: ['through sys.stdout', '\n']
# expect: None
# expect: sep must be None or a string, not int
# expect: end must be None or a string, not bytes
# expect: 'bogus' is an invalid keyword argument for print()
# expect: 'int' object has no attribute 'write'
# expect: 'first line' 'second' 'name? '
# expect: EOFError: EOF when reading a line
# expect: True True
# expect: 'to stderr\n'
# expect: direct
# expect: 7
# expect: bytes through the buffer
# expect: utf-8 backslashreplace r w
# expect: <_io.TextIOWrapper name='<stdout>' mode= <_io.BufferedWriter name='<stdout>'>
