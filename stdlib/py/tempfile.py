"""Temporary files and directories (minipy's own implementation of CPython 3.11's tempfile).

Names are the prefix, 8 random characters of [a-z0-9_] and the suffix; a file is
created with O_CREAT | O_EXCL (mode 0o600) and a directory with mode 0o700, so a
name already taken is never reused: another name is drawn, up to TMP_MAX times.
The temporary directory is $TMPDIR, $TEMP or $TMP, else /tmp, /var/tmp, /usr/tmp,
else the current directory: the first one where a file can be written.
"""

__all__ = [
    "NamedTemporaryFile", "TemporaryFile",  # high level safe interfaces
    "SpooledTemporaryFile", "TemporaryDirectory",
    "mkstemp", "mkdtemp",                   # low level safe interfaces
    "mktemp",                               # deprecated unsafe interface
    "TMP_MAX", "gettempprefix",             # constants
    "tempdir", "gettempdir",
    "gettempprefixb", "gettempdirb",
]

import io as _io
import os as _os
import types as _types
import warnings as _warnings
from random import Random as _Random

try:
    import _thread
    _allocate_lock = _thread.allocate_lock
except ImportError:
    _allocate_lock = None

TMP_MAX = 10000
template = "tmp"
tempdir = None  # the directory gettempdir() returns, once it was found (or set by the user)

_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_FILE_FLAGS = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL | getattr(_os, "O_NOFOLLOW", 0)
_BIN_FLAGS = getattr(_os, "O_BINARY", 0)

_once_lock = _allocate_lock() if _allocate_lock else None
_random = None
_random_pid = None


def _random_names():
    """Yields random 8-character names; a fresh generator after fork (not the parent's)."""
    global _random, _random_pid
    while True:
        if _random is None or _random_pid != _os.getpid():
            _random = _Random()
            _random_pid = _os.getpid()
        yield "".join(_random.choice(_CHARACTERS) for _ in range(8))


def _infer_return_type(*args):
    """str or bytes, from the non-None arguments (mixing them is a TypeError)."""
    kind = None
    for arg in args:
        if arg is None:
            continue
        if isinstance(arg, _os.PathLike):
            arg = _os.fspath(arg)
        if isinstance(arg, bytes):
            if kind is str:
                raise TypeError("Can't mix bytes and non-bytes in path components.")
            kind = bytes
        else:
            if kind is bytes:
                raise TypeError("Can't mix bytes and non-bytes in path components.")
            kind = str
    return str if kind is None else kind


def _sanitize_params(prefix, suffix, dir):
    output_type = _infer_return_type(prefix, suffix, dir)
    if suffix is None:
        suffix = output_type()
    if prefix is None:
        prefix = template if output_type is str else _os.fsencode(template)
    if dir is None:
        dir = gettempdir() if output_type is str else gettempdirb()
    return prefix, suffix, dir, output_type


def _candidate_dirs():
    for name in ("TMPDIR", "TEMP", "TMP"):
        value = _os.getenv(name)
        if value:
            yield value
    yield from ("/tmp", "/var/tmp", "/usr/tmp")
    try:
        yield _os.getcwd()
    except (AttributeError, OSError):
        yield _os.curdir


def _find_tempdir():
    """The first candidate directory where a file can be created, written and removed."""
    names = _random_names()
    tried = []
    for directory in _candidate_dirs():
        if directory != _os.curdir:
            directory = _os.path.abspath(directory)
        for _ in range(100):
            path = _os.path.join(directory, next(names))
            try:
                fd = _os.open(path, _FILE_FLAGS | _BIN_FLAGS, 0o600)
                try:
                    _os.write(fd, b"blat")
                finally:
                    _os.close(fd)
                _os.unlink(path)
                return directory
            except FileExistsError:
                continue
            except PermissionError:
                break
            except OSError:
                break
        tried.append(directory)
    raise FileNotFoundError(2, "No usable temporary directory found in %s" % tried)


def gettempprefix():
    """The default prefix of temporary names, as str."""
    return _os.fsdecode(template)


def gettempprefixb():
    """The default prefix of temporary names, as bytes."""
    return _os.fsencode(template)


def _gettempdir():
    global tempdir
    if tempdir is None:
        if _once_lock is not None:
            with _once_lock:
                if tempdir is None:
                    tempdir = _find_tempdir()
        else:
            tempdir = _find_tempdir()
    return tempdir


def gettempdir():
    """The default directory of temporary files, as str."""
    return _os.fsdecode(_gettempdir())


def gettempdirb():
    """The default directory of temporary files, as bytes."""
    return _os.fsencode(_gettempdir())


def _mkstemp_inner(dir, pre, suf, flags, output_type):
    dir = _os.path.abspath(dir)
    names = _random_names()
    if output_type is bytes:
        names = map(_os.fsencode, names)
    for _ in range(TMP_MAX):
        name = next(names)
        path = _os.path.join(dir, pre + name + suf)
        try:
            fd = _os.open(path, flags, 0o600)
        except FileExistsError:
            continue
        except PermissionError:
            # A directory of that name (on some systems) makes open fail with EACCES.
            if _os.path.isdir(dir) and _os.access(dir, _os.W_OK):
                continue
            raise
        return fd, path
    raise FileExistsError(17, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Create a file readable and writable only by its owner; returns (fd, absolute path).

    The name is prefix + random characters + suffix in dir (default gettempdir()).
    The caller owns the file: it is never deleted automatically. text=True opens it
    in text mode where the platform knows one.
    """
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _FILE_FLAGS if text else _FILE_FLAGS | _BIN_FLAGS
    return _mkstemp_inner(dir, prefix, suffix, flags, output_type)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a directory accessible only by its owner; returns its absolute path.

    The caller owns the directory and removes it when done.
    """
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    names = _random_names()
    if output_type is bytes:
        names = map(_os.fsencode, names)
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + next(names) + suffix)
        try:
            _os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        except PermissionError:
            if _os.path.isdir(dir) and _os.access(dir, _os.W_OK):
                continue
            raise
        return _os.path.abspath(path)
    raise FileExistsError(17, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A name that did not exist when asked (unsafe: another process may take it first).

    Deprecated: use mkstemp() or mkdtemp().
    """
    if dir is None:
        dir = gettempdir()
    names = _random_names()
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + next(names) + suffix)
        if not _os.path.exists(path):
            return path
    raise FileExistsError(17, "No usable temporary filename found")


class _TemporaryFileCloser:
    """Closes the file and deletes it (when delete is true), once."""

    close_called = False

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete

    def close(self):
        if self.close_called:
            return
        self.close_called = True
        try:
            self.file.close()
        finally:
            if self.delete:
                try:
                    _os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __del__(self):
        self.close()


class _TemporaryFileWrapper:
    """A file object whose name is `name`, deleted when closed if delete is true.

    Every attribute but name, delete and close comes from the underlying file.
    """

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closer = _TemporaryFileCloser(file, name, delete)

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self.close()
        return result

    def close(self):
        """Close the file (and delete it if delete is true)."""
        self._closer.close()

    def __iter__(self):
        for line in self.file:
            yield line


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None,
                       newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None):
    """A temporary file with a visible name (the wrapper's `name`), opened with `mode`.

    suffix, prefix and dir as for mkstemp; mode, buffering, encoding, newline and
    errors as for open(). The file is deleted when closed if delete is true.
    """
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _FILE_FLAGS | _BIN_FLAGS
    if "b" not in mode and encoding is None:
        encoding = _io.text_encoding(encoding) if hasattr(_io, "text_encoding") else None
    fd, name = _mkstemp_inner(dir, prefix, suffix, flags, output_type)
    try:
        file = _io.open(fd, mode, buffering=buffering, newline=newline,
                        encoding=encoding, errors=errors)
        return _TemporaryFileWrapper(file, name, delete)
    except BaseException:
        _os.unlink(name)
        _os.close(fd)
        raise


def TemporaryFile(mode='w+b', buffering=-1, encoding=None,
                  newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    """An anonymous temporary file: its name is removed at once, the open file stays."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _FILE_FLAGS | _BIN_FLAGS
    if "b" not in mode and encoding is None:
        encoding = _io.text_encoding(encoding) if hasattr(_io, "text_encoding") else None
    fd, name = _mkstemp_inner(dir, prefix, suffix, flags, output_type)
    try:
        _os.unlink(name)
        return _io.open(fd, mode, buffering=buffering, newline=newline,
                        encoding=encoding, errors=errors)
    except BaseException:
        _os.close(fd)
        raise


class SpooledTemporaryFile:
    """A temporary file kept in memory (BytesIO or StringIO) until it grows past max_size
    or fileno() is asked for; then its data moves to a TemporaryFile."""

    _rolled = False

    def __init__(self, max_size=0, mode='w+b', buffering=-1,
                 encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        if "b" in mode:
            self._file = _io.BytesIO()
        else:
            self._file = _io.TextIOWrapper(_io.BytesIO(), encoding=encoding or "utf-8",
                                           errors=errors, newline=newline)
        self._max_size = max_size
        self._TemporaryFileArgs = {"mode": mode, "buffering": buffering,
                                   "suffix": suffix, "prefix": prefix,
                                   "encoding": encoding, "newline": newline,
                                   "dir": dir, "errors": errors}

    def _check(self, file):
        if self._rolled:
            return
        max_size = self._max_size
        if max_size and file.tell() > max_size:
            self.rollover()

    def rollover(self):
        """Move the data to a real temporary file (at most once)."""
        if self._rolled:
            return
        file = self._file
        newfile = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs
        pos = file.tell()
        if hasattr(newfile, "buffer"):
            newfile.buffer.write(file.detach().getvalue())
        else:
            newfile.write(file.getvalue())
        newfile.seek(pos, 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        return self._file.encoding

    @property
    def errors(self):
        return self._file.errors

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._TemporaryFileArgs["mode"]

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    @property
    def newlines(self):
        return self._file.newlines

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            self._file.truncate()
        else:
            if size > self._max_size:
                self.rollover()
            self._file.truncate(size)

    def write(self, s):
        file = self._file
        written = file.write(s)
        self._check(file)
        return written

    def writelines(self, iterable):
        file = self._file
        result = file.writelines(iterable)
        self._check(file)
        return result

    __class_getitem__ = classmethod(_types.GenericAlias)


def _rmtree(path, onerror):
    """Remove the tree at path (symbolic links are removed, never followed)."""
    try:
        entries = list(_os.scandir(path))
    except OSError as error:
        onerror(_os.scandir, path, error)
        return
    for entry in entries:
        full = entry.path
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            _rmtree(full, onerror)
        else:
            try:
                _os.unlink(full)
            except OSError as error:
                onerror(_os.unlink, full, error)
    try:
        _os.rmdir(path)
    except OSError as error:
        onerror(_os.rmdir, path, error)


class TemporaryDirectory:
    """A directory made by mkdtemp(suffix, prefix, dir), removed with all its contents by
    cleanup(), at the end of a with block (which binds its name) or when the object goes.
    ignore_cleanup_errors=True makes the removal best effort."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._cleaned = False

    def _remove(self):
        def onerror(function, path, error):
            if isinstance(error, FileNotFoundError):
                return
            if isinstance(error, PermissionError):
                # A directory without write or search permission: make it usable and retry.
                try:
                    if path != self.name:
                        _os.chmod(_os.path.dirname(path), 0o700)
                    _os.chmod(path, 0o700)
                    if _os.path.isdir(path) and not _os.path.islink(path):
                        _rmtree(path, raise_error)
                    else:
                        _os.unlink(path)
                    return
                except FileNotFoundError:
                    return
                except OSError:
                    pass
            if not self._ignore_cleanup_errors:
                raise error

        def raise_error(function, path, error):
            if not isinstance(error, FileNotFoundError):
                raise error

        _rmtree(self.name, onerror)

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        """Remove the directory and its contents (once)."""
        if not self._cleaned and _os.path.exists(self.name):
            self._cleaned = True
            self._remove()
        self._cleaned = True

    def __del__(self):
        if not getattr(self, "_cleaned", True):
            try:
                exists = _os.path.exists(self.name)
            except Exception:
                return
            if exists:
                _warnings.warn("Implicitly cleaning up {!r}".format(self), ResourceWarning)
                self._cleaned = True
                try:
                    self._remove()
                except OSError:
                    pass

    __class_getitem__ = classmethod(_types.GenericAlias)
