# os and os.path: files, directories, stat, environ, path manipulation.
import os
import os.path
import posixpath

print(os.name, os.sep, os.linesep == "\n", os.devnull, os.curdir, os.pardir, os.pathsep, os.error is OSError)
print(os.path is posixpath, os.path.sep, os.getpid() > 0, os.getppid() > 0, os.cpu_count() >= 1)
base = os.path.join("/tmp", "_minipy_os_test_" + str(os.getpid()))
if os.path.exists(base):
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            os.rmdir(os.path.join(root, name))
    os.rmdir(base)
os.mkdir(base)
os.makedirs(os.path.join(base, "a", "b", "c"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "a"))
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == os.path.join(base, "a"))
fd = os.open(os.path.join(base, "a", "file.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello world\n"))
os.close(fd)
fd = os.open(os.path.join(base, "a", "file.txt"), os.O_RDONLY)
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 100))
os.close(fd)
print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "a"))))
st = os.stat(os.path.join(base, "a", "file.txt"))
print(st.st_size, st[6], len(st), oct(st.st_mode & 0o777), type(st.st_mtime).__name__, st.st_mtime > 1e9)
print(os.path.getsize(os.path.join(base, "a", "file.txt")), os.path.getmtime(base) > 0)
print(os.path.isfile(os.path.join(base, "a", "file.txt")), os.path.isdir(os.path.join(base, "a")),
      os.path.exists(os.path.join(base, "nope")), os.path.isfile(base), os.path.islink(base))
os.symlink(os.path.join(base, "a", "file.txt"), os.path.join(base, "link"))
print(os.path.islink(os.path.join(base, "link")), os.readlink(os.path.join(base, "link")) == os.path.join(base, "a", "file.txt"))
print(os.path.realpath(os.path.join(base, "link")) == os.path.join(base, "a", "file.txt"))
os.rename(os.path.join(base, "a", "file.txt"), os.path.join(base, "a", "renamed.txt"))
os.replace(os.path.join(base, "a", "renamed.txt"), os.path.join(base, "renamed.txt"))
entries = sorted((e.name, e.is_dir(), e.is_file(), e.is_symlink()) for e in os.scandir(base))
print(entries)
with os.scandir(base) as it:
    print(sorted(e.name for e in it))
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
for root, dirs, files in os.walk(base, topdown=False):
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
os.chdir(base)
print(os.getcwd() == base, os.path.abspath("x") == os.path.join(base, "x"))
os.chdir("..")
for path in ["renamed.txt", "link"]:
    os.remove(os.path.join(base, path))
os.rmdir(os.path.join(base, "a", "b", "c"))
os.rmdir(os.path.join(base, "a", "b"))
os.rmdir(os.path.join(base, "a"))
os.rmdir(base)
print(os.path.exists(base))

for call in [lambda: os.stat("/no/such/file"), lambda: os.listdir("/no/such/dir"), lambda: os.rmdir("/"),
             lambda: os.mkdir("/proc/x/y"), lambda: os.stat(5.5), lambda: os.remove("/no/such"),
             lambda: os.chdir("/no/where"), lambda: os.close(9999)]:
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
    except TypeError as e:
        print("TypeError:", e)

os.environ["MINIPY_TEST_VAR"] = "value 1"
print(os.environ["MINIPY_TEST_VAR"], os.getenv("MINIPY_TEST_VAR"), "MINIPY_TEST_VAR" in os.environ)
print(os.popen("echo $MINIPY_TEST_VAR").read().strip() if hasattr(os, "popen") else "value 1")
del os.environ["MINIPY_TEST_VAR"]
print(os.getenv("MINIPY_TEST_VAR"), os.getenv("MINIPY_TEST_VAR", "dflt"), os.environ.get("MINIPY_TEST_VAR"))
try:
    os.environ["MINIPY_TEST_VAR"]
except KeyError as e:
    print("KeyError", e)

j = os.path.join
print(j("a", "b", "c"), j("/a", "/b"), j("a/", "b"), j("", "x"), j("a", ""))
print(os.path.split("/a/b/c.txt"), os.path.split("c.txt"), os.path.split("/"), os.path.split("//a//b"))
print(os.path.splitext("a/b.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a.b/c"), os.path.splitext("x..."))
print(os.path.basename("/a/b/"), os.path.basename("/a/b"), os.path.dirname("/a/b"), os.path.dirname("b"), os.path.dirname("/"))
print(os.path.normpath("/a/./b/../c//d/"), os.path.normpath(""), os.path.normpath("../../x"), os.path.normpath("//a"), os.path.normpath("///a"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.relpath("/a/b/c", "/a/d"), os.path.relpath("/a", "/a"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]))
print(os.path.expanduser("~/x") == os.environ["HOME"] + "/x", os.path.expanduser("x~"))
print(os.path.join(b"a", b"b"), os.path.split(b"/x/y"), os.fspath("p"), os.fspath(b"q"))
try:
    os.path.join("a", b"b")
except TypeError as e:
    print("TypeError:", e)
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError:", e)
print(len(os.urandom(16)), os.strerror(2), os.getuid() >= 0)

# expect: posix / True /dev/null . .. : True
# expect: True / True True True
# expect: FileExistsError 17 True
# expect: 12
# expect: b'hello' b' world\n' b''
# expect: ['a'] ['b', 'file.txt']
# expect: 12 12 10 0o644 float True
# expect: 12 True
# expect: True True False False False
# expect: True True
# expect: True
# expect: [('a', True, False, False), ('link', False, False, True), ('renamed.txt', False, True, False)]
# expect: ['a', 'link', 'renamed.txt']
# expect: . ['a'] ['link', 'renamed.txt']
# expect: a ['b'] []
# expect: a/b ['c'] []
# expect: a/b/c [] []
# expect: a/b/c [] []
# expect: a/b ['c'] []
# expect: a ['b'] []
# expect: . ['a'] ['link', 'renamed.txt']
# expect: True True
# expect: False
# expect: FileNotFoundError 2 No such file or directory /no/such/file
# expect: FileNotFoundError 2 No such file or directory /no/such/dir
# expect: OSError 16 Device or resource busy /
# expect: FileNotFoundError 2 No such file or directory /proc/x/y
# expect: TypeError: stat: path should be string, bytes, os.PathLike or integer, not float
# expect: FileNotFoundError 2 No such file or directory /no/such
# expect: FileNotFoundError 2 No such file or directory /no/where
# expect: OSError 9 Bad file descriptor None
# expect: value 1 value 1 True
# expect: value 1
# expect: None dflt None
# expect: KeyError 'MINIPY_TEST_VAR'
# expect: a/b/c /b a/b x a/
# expect: ('/a/b', 'c.txt') ('', 'c.txt') ('/', '') ('//a', 'b')
# expect: ('a/b.tar', '.gz') ('.bashrc', '') ('a.b/c', '') ('x..', '.')
# expect:  b /a  /
# expect: /a/c/d . ../../x //a /a
# expect: True False ../b/c .
# expect: /usr/l /usr
# expect: True x~
# expect: b'a/b' (b'/x', b'y') p b'q'
# expect: TypeError: Can't mix strings and bytes in path components
# expect: TypeError: expected str, bytes or os.PathLike object, not int
# expect: 16 No such file or directory True
