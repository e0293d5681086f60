// The Python half of the os module (stdlib/mod_os.cpp compiles it into the module at import):
// stat_result and the other result classes, environ, makedirs/removedirs/renames, scandir and
// DirEntry, walk, the exec*p family, fsencode/fsdecode. It calls the C++ functions of the module
// (_stat, putenv, listdir, ...) by their names in the module dict.
#include <string_view>

namespace minipy::stdlib {

// Declared in stdlib/mod_os.cpp; extern gives the constant external linkage.
extern const std::string_view os_python_source;
const std::string_view os_python_source = R"PYSRC(
name = "posix"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
curdir = "."
pardir = ".."
defpath = "/bin:/usr/bin"
linesep = "\n"
devnull = "/dev/null"
supports_bytes_environ = True
SEEK_DATA = 3
SEEK_HOLE = 4


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        method = path_type.__fspath__
    except AttributeError:
        raise TypeError("expected str, bytes or os.PathLike object, not " +
                        path_type.__name__) from None
    result = method(path)
    if isinstance(result, (str, bytes)):
        return result
    raise TypeError("expected " + path_type.__name__ + ".__fspath__() to return str or "
                    "bytes, not " + type(result).__name__)


class PathLike:
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        return hasattr(subclass, "__fspath__")


_STAT_FIELDS = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
                "st_size", "st_atime", "st_mtime", "st_ctime")


import _structseq

# CPython's struct sequence: ten items (the times as whole seconds, three unnamed fields), the
# float and nanosecond times and st_blksize/st_blocks/st_rdev as attributes only.
stat_result = _structseq.make_type(
    "os.stat_result", _STAT_FIELDS[:7] + ("", "", "") + _STAT_FIELDS[7:] +
    ("st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"), 10)


def _stat_result(raw):
    (mode, ino, dev, nlink, uid, gid, size, atime_ns, mtime_ns, ctime_ns,
     blksize, blocks, rdev) = raw
    seconds = (atime_ns // 1000000000, mtime_ns // 1000000000, ctime_ns // 1000000000)
    # CPython's fill_time: seconds + nanoseconds * 1e-9 in double arithmetic.
    floats = (seconds[0] + (atime_ns % 1000000000) * 1e-9,
              seconds[1] + (mtime_ns % 1000000000) * 1e-9,
              seconds[2] + (ctime_ns % 1000000000) * 1e-9)
    return stat_result((mode, ino, dev, nlink, uid, gid, size) + seconds + floats +
                       (atime_ns, mtime_ns, ctime_ns, blksize, blocks, rdev))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return _stat_result(_stat(path, follow_symlinks))


def lstat(path, *, dir_fd=None):
    return _stat_result(_stat(path, False))


def fstat(fd):
    return _stat_result(_stat(fd, True))


class _Environ:
    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not " + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not " + type(value).__name__)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key)
        unsetenv(key)
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __repr__(self):
        parts = []
        for key in self._data:
            parts.append(repr(key) + ": " + repr(self._data[key]))
        return "environ({" + ", ".join(parts) + "})"

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        return self._data == other

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    _MISSING = object()

    def pop(self, key, default=_MISSING):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default is _Environ._MISSING:
            raise KeyError(key)
        return default

    def update(self, other=(), **kwds):
        if hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key in kwds:
            self[key] = kwds[key]

    def clear(self):
        for key in list(self._data):
            del self[key]


environ = _Environ(_environ_data)
del _environ_data


def getenv(key, default=None):
    return environ.get(key, default)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


_S_IFMT = 0o170000


class DirEntry:
    def __init__(self, directory, name):
        self.name = name
        if directory == curdir:
            self.path = name if isinstance(name, str) else name
        else:
            self.path = path.join(directory, name)
        self._lstat = None
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry " + repr(self.name) + ">"

    def _get_lstat(self):
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            return self._get_lstat()
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path)
            else:
                self._stat = self._get_lstat()
        return self._stat

    def inode(self):
        return self._get_lstat().st_ino

    def _mode_is(self, kind, follow_symlinks):
        try:
            mode = self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return False
        return (mode & _S_IFMT) == kind

    def is_dir(self, *, follow_symlinks=True):
        return self._mode_is(0o040000, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._mode_is(0o100000, follow_symlinks)

    def is_symlink(self):
        try:
            mode = self._get_lstat().st_mode
        except FileNotFoundError:
            return False
        return (mode & _S_IFMT) == 0o120000


class _ScandirIterator:
    def __init__(self, directory):
        names = listdir(directory)
        self._entries = [DirEntry(directory, n) for n in names]
        self._position = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._position >= len(self._entries):
            raise StopIteration
        entry = self._entries[self._position]
        self._position += 1
        return entry

    def close(self):
        self._position = len(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


def scandir(path=None):
    if path is None:
        path = curdir
    return _ScandirIterator(fspath(path) if not isinstance(path, int) else path)


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            entries = list(scandir(top))
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        walk_into = not entry.is_symlink()
                    except OSError:
                        walk_into = False
                if walk_into:
                    walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = path.join(top, dirname)
                if followlinks or not path.islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


uname_result = _structseq.make_type(
    "posix.uname_result", ("sysname", "nodename", "release", "version", "machine"), 5)
times_result = _structseq.make_type(
    "posix.times_result", ("user", "system", "children_user", "children_system", "elapsed"), 5)
terminal_size = _structseq.make_type("os.terminal_size", ("columns", "lines"), 2)


def uname():
    return uname_result(_uname())


def times():
    return times_result(_times())


def get_terminal_size(fd=1):
    return terminal_size(_terminal_size(fd))


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


def execl(file, *args):
    execv(file, args)


def execle(file, *args):
    env = args[-1]
    execve(file, args[:-1], env)


def execlp(file, *args):
    execvp(file, args)


def execvp(file, args):
    _execvpe(file, args)


def execvpe(file, args, env):
    _execvpe(file, args, env)


def _execvpe(file, args, env=None):
    if env is not None:
        run = lambda path: execve(path, args, env)
    else:
        run = lambda path: execv(path, args)
        env = environ
    if path.dirname(file):
        run(file)
        return
    saved = None
    for directory in get_exec_path(env):
        full = path.join(directory, file)
        try:
            run(full)
        except (FileNotFoundError, NotADirectoryError) as error:
            last = error
        except OSError as error:
            last = error
            if saved is None:
                saved = error
    if saved is not None:
        raise saved
    raise last


def get_exec_path(env=None):
    if env is None:
        env = environ
    value = env.get("PATH")
    if value is None:
        value = defpath
    return value.split(pathsep)


# register_at_fork: the hooks live here and the C++ fork (kept as _fork) is wrapped to run them,
# as CPython's PyOS_BeforeFork / PyOS_AfterFork_Parent / PyOS_AfterFork_Child: the `before` ones
# in reverse order of registration, the `after` ones in order; what a hook raises is reported as
# unraisable and ignored.
_fork_before = []
_fork_after_in_parent = []
_fork_after_in_child = []
_NOT_GIVEN = object()


def register_at_fork(*, before=_NOT_GIVEN, after_in_child=_NOT_GIVEN,
                     after_in_parent=_NOT_GIVEN):
    given = [(name, value, hooks) for name, value, hooks in (
        ("before", before, _fork_before),
        ("after_in_child", after_in_child, _fork_after_in_child),
        ("after_in_parent", after_in_parent, _fork_after_in_parent)) if value is not _NOT_GIVEN]
    if not given:
        raise TypeError("At least one argument is required.")
    for name, value, hooks in given:
        if not callable(value):
            raise TypeError("'%s' must be callable, not %s" % (name, type(value).__name__))
    for name, value, hooks in given:
        hooks.append(value)


class _UnraisableHookArgs:
    def __init__(self, error, function):
        self.exc_type = type(error)
        self.exc_value = error
        traceback = error.__traceback__
        # Without this module's frame: CPython runs the hooks from C.
        self.exc_traceback = traceback.tb_next if traceback and traceback.tb_next else traceback
        self.err_msg = None
        self.object = function


def _run_fork_hooks(hooks):
    for function in hooks:
        try:
            function()
        except BaseException as error:
            import sys
            sys.unraisablehook(_UnraisableHookArgs(error, function))


_fork = fork


def fork():
    _run_fork_hooks(reversed(_fork_before))
    pid = _fork()
    _run_fork_hooks(_fork_after_in_child if pid == 0 else _fork_after_in_parent)
    return pid
)PYSRC";

} // namespace minipy::stdlib
