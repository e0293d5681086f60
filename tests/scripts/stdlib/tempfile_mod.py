# tempfile: gettempdir/gettempprefix, mkstemp, mkdtemp, mktemp, NamedTemporaryFile (delete or
# keep), TemporaryFile, SpooledTemporaryFile (rolls over past max_size), TemporaryDirectory
# (removes a tree, repr, idempotent cleanup), str/bytes argument checks.
import os
import tempfile

print(os.path.isdir(tempfile.gettempdir()), tempfile.gettempprefix(), tempfile.gettempprefixb(),
      tempfile.gettempdirb() == os.fsencode(tempfile.gettempdir()))
print(sorted(tempfile.__all__))

fd, path = tempfile.mkstemp(suffix=".txt", prefix="pre_")
base = os.path.basename(path)
print(os.path.isabs(path), base.startswith("pre_"), base.endswith(".txt"), len(base),
      oct(os.stat(path).st_mode & 0o777))
os.write(fd, b"abc")
os.close(fd)
with open(path) as f:
    print(f.read())
os.unlink(path)

scratch = tempfile.mkdtemp(prefix="scratch_")
print(os.path.isdir(scratch), os.path.basename(scratch).startswith("scratch_"),
      oct(os.stat(scratch).st_mode & 0o777))
fd, inside = tempfile.mkstemp(dir=scratch)
os.close(fd)
print(os.path.dirname(inside) == scratch)
name = tempfile.mktemp(dir=scratch)
print(os.path.dirname(name) == scratch, os.path.exists(name))
b_dir = tempfile.mkdtemp(prefix=b"bytes_", dir=os.fsencode(scratch))
print(type(b_dir).__name__, os.path.isdir(b_dir))
try:
    tempfile.mkstemp(prefix=b"x", suffix="y")
except TypeError as e:
    print("TypeError:", e)

with tempfile.NamedTemporaryFile("w+", suffix=".log", dir=scratch) as f:
    f.write("hello")
    f.seek(0)
    print(f.read(), os.path.exists(f.name), f.name.endswith(".log"))
    kept = f.name
print("deleted on close:", os.path.exists(kept))
f = tempfile.NamedTemporaryFile(delete=False, dir=scratch)
f.write(b"x")
f.close()
print("kept:", os.path.exists(f.name))

t = tempfile.TemporaryFile(dir=scratch)
t.write(b"data")
t.seek(0)
print(t.read(), sorted(os.listdir(scratch)) == sorted(os.listdir(scratch)))
t.close()

s = tempfile.SpooledTemporaryFile(max_size=5, dir=scratch)
s.write(b"abc")
rolled_early = s._rolled
s.write(b"defgh")
s.seek(0)
print(rolled_early, s._rolled, s.read(), s.tell())
s.close()
with tempfile.SpooledTemporaryFile(mode="w+") as text:
    text.write("text")
    text.seek(0)
    print(text.read(), text._rolled)

with tempfile.TemporaryDirectory(dir=scratch, suffix="_tree") as tree:
    os.mkdir(os.path.join(tree, "sub"))
    for where in ("top", os.path.join("sub", "leaf")):
        with open(os.path.join(tree, where), "w") as out:
            out.write("z")
    print(tree.endswith("_tree"), sorted(os.listdir(tree)))
print("tree removed:", not os.path.exists(tree))
holder = tempfile.TemporaryDirectory(dir=scratch)
print(repr(holder) == "<TemporaryDirectory %r>" % holder.name)
holder.cleanup()
holder.cleanup()
print(os.path.exists(holder.name))

tempfile.TemporaryDirectory(dir=scratch).cleanup()
with tempfile.TemporaryDirectory(dir=scratch) as whole:
    pass
os.unlink(inside)
os.unlink(f.name)
os.rmdir(b_dir)
os.rmdir(scratch)
print("scratch removed:", not os.path.exists(scratch))

# expect: True tmp b'tmp' True
# expect: ['NamedTemporaryFile', 'SpooledTemporaryFile', 'TMP_MAX', 'TemporaryDirectory', 'TemporaryFile', 'gettempdir', 'gettempdirb', 'gettempprefix', 'gettempprefixb', 'mkdtemp', 'mkstemp', 'mktemp', 'tempdir']
# expect: True True True 16 0o600
# expect: abc
# expect: True True 0o700
# expect: True
# expect: True False
# expect: bytes True
# expect: TypeError: Can't mix bytes and non-bytes in path components.
# expect: hello True True
# expect: deleted on close: False
# expect: kept: True
# expect: b'data' True
# expect: False True b'abcdefgh' 8
# expect: text False
# expect: True ['sub', 'top']
# expect: tree removed: True
# expect: True
# expect: False
# expect: scratch removed: True
