# os: more descriptor, file and process calls (lseek, truncate, utime, uname, exec*).
import os
u = os.uname()
print(u.sysname, len(u), u[0] == u.sysname, repr(u).startswith("posix.uname_result(sysname="))
t = os.times()
print(len(t), t.user >= 0, type(t.elapsed).__name__)
print(len(os.getloadavg()))
path = "/tmp/_h5b_more_%d" % os.getpid()
fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC)
os.write(fd, b"0123456789")
print(os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 3), os.lseek(fd, -1, os.SEEK_END), os.read(fd, 5))
os.ftruncate(fd, 4)
os.fsync(fd)
os.close(fd)
print(os.stat(path).st_size)
os.truncate(path, 2)
os.utime(path, (1000000000, 1000000000.5))
st = os.stat(path)
print(st.st_size, st.st_mtime, st.st_atime_ns)
os.utime(path, ns=(5, 7000000001))
print(os.stat(path).st_mtime_ns)
os.link(path, path + ".l")
print(os.stat(path).st_nlink)
os.remove(path + ".l")
os.remove(path)
print(os.fsencode("a\u00e9"), os.fsdecode(b"x"))
try:
    os.get_terminal_size(99)
except OSError as e:
    print(type(e).__name__, e.errno)
pid = os.fork()
if pid == 0:
    os.execvp("true", ["true"])
print(os.waitpid(pid, 0)[1])
pid = os.fork()
if pid == 0:
    try:
        os.execv("/no/such/program", ["x"])
    except FileNotFoundError:
        os._exit(3)
print(os.WEXITSTATUS(os.waitpid(pid, 0)[1]))
print(os.getsid(0) == os.getsid(os.getpid()) >= 0)  # 0 where the session leader lives outside our PID namespace

# expect: Linux 5 True True
# expect: 5 True float
# expect: 3
# expect: 2 b'234' 9 b'9'
# expect: 4
# expect: 2 1000000000.5 1000000000000000000
# expect: 7000000001
# expect: 2
# expect: b'a\xc3\xa9' x
# expect: OSError 9
# expect: 0
# expect: 3
# expect: True
