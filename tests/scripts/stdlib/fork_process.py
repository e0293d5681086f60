# os.fork, pipes, waitpid and the W* macros.
import os

print("before fork")
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"from child")
    os.close(w)
    os._exit(5)
os.close(w)
data = os.read(r, 100)
os.close(r)
got, status = os.waitpid(pid, 0)
print(data, got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status))
print(os.waitstatus_to_exitcode(status))
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
got, status = os.wait()
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print("ChildProcessError", e.errno)
print("after")

# expect: before fork
# expect: b'from child' True True 5 False
# expect: 5
# expect: True 9 -9
# expect: ChildProcessError 10
# expect: after
