// The `posixpath` module (os.path on POSIX): path manipulation (join, split, normpath, relpath,
// realpath, expanduser, ...) and the stat-based queries (exists, isdir, getsize, ...), as Python
// compiled at import, written for minipy after CPython's posixpath behaviour.
//
// Invariants: the module's `_os` is the os module (imported here when needed); os imports this
// module for os.path, so either may be imported first.
#include <string_view>

#include "stdlib/modules.h"
#include "vm/eval_helpers.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/module.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

constexpr std::string_view path_source = R"PYSRC(
curdir = "."
pardir = ".."
extsep = "."
sep = "/"
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"
supports_unicode_filenames = False


def _seps(p):
    if isinstance(p, bytes):
        return b"/", b".", b"", b".."
    return "/", ".", "", ".."


def _check_join_types(func, args):
    has_str = has_bytes = False
    for a in args:
        if isinstance(a, str):
            has_str = True
        elif isinstance(a, bytes):
            has_bytes = True
        else:
            raise TypeError(func + "() argument must be str, bytes, or os.PathLike object, "
                            "not '" + type(a).__name__ + "'") from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def normcase(s):
    return _os.fspath(s)


def isabs(s):
    s = _os.fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = _os.fspath(a)
    slash = _seps(a)[0]
    path = a
    parts = [_os.fspath(x) for x in p]
    _check_join_types("join", [a] + parts)
    for b in parts:
        if b.startswith(slash):
            path = b
        elif not path or path.endswith(slash):
            path += b
        else:
            path += slash + b
    return path


def split(p):
    p = _os.fspath(p)
    slash = _seps(p)[0]
    i = p.rfind(slash) + 1
    head, tail = p[:i], p[i:]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head, tail


def splitext(p):
    p = _os.fspath(p)
    slash, dot, empty, _ = _seps(p)
    sep_index = p.rfind(slash)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _os.fspath(p)
    return p[:0], p


def basename(p):
    p = _os.fspath(p)
    i = p.rfind(_seps(p)[0]) + 1
    return p[i:]


def dirname(p):
    p = _os.fspath(p)
    slash = _seps(p)[0]
    i = p.rfind(slash) + 1
    head = p[:i]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head


def exists(path):
    try:
        _os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        _os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def _mode_of(path, follow=True):
    try:
        st = _os.stat(path) if follow else _os.lstat(path)
    except (OSError, ValueError):
        return None
    return st.st_mode & 0o170000


def isfile(path):
    return _mode_of(path) == 0o100000


def isdir(s):
    return _mode_of(s) == 0o040000


def islink(path):
    return _mode_of(path, False) == 0o120000


def ismount(path):
    try:
        s1 = _os.lstat(path)
    except (OSError, ValueError):
        return False
    if (s1.st_mode & 0o170000) == 0o120000:
        return False
    path = _os.fspath(path)
    parent = join(path, _seps(path)[3])
    try:
        s2 = _os.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    return _os.stat(filename).st_size


def getmtime(filename):
    return _os.stat(filename).st_mtime


def getatime(filename):
    return _os.stat(filename).st_atime


def getctime(filename):
    return _os.stat(filename).st_ctime


def samefile(f1, f2):
    s1 = _os.stat(f1)
    s2 = _os.stat(f2)
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def sameopenfile(fp1, fp2):
    s1 = _os.fstat(fp1)
    s2 = _os.fstat(fp2)
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def normpath(path):
    path = _os.fspath(path)
    slash, dot, empty, dotdot = _seps(path)
    if path == empty:
        return dot
    initial_slashes = 1 if path.startswith(slash) else 0
    if initial_slashes and path.startswith(slash * 2) and not path.startswith(slash * 3):
        initial_slashes = 2
    new_comps = []
    for comp in path.split(slash):
        if comp == empty or comp == dot:
            continue
        if comp != dotdot or (not initial_slashes and not new_comps) or \
                (new_comps and new_comps[-1] == dotdot):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = slash.join(new_comps)
    if initial_slashes:
        path = slash * initial_slashes + path
    return path or dot


def abspath(path):
    path = _os.fspath(path)
    if not isabs(path):
        cwd = _os.getcwdb() if isinstance(path, bytes) else _os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    filename = _os.fspath(filename)
    slash, dot, empty, dotdot = _seps(filename)
    if not isabs(filename):
        cwd = _os.getcwdb() if isinstance(filename, bytes) else _os.getcwd()
        filename = join(cwd, filename)
    pending = [c for c in filename.split(slash) if c and c != dot]
    pending.reverse()
    resolved = []
    seen = {}
    links_followed = 0
    while pending:
        name = pending.pop()
        if name == dotdot:
            if resolved:
                resolved.pop()
            continue
        current = slash + slash.join(resolved + [name])
        try:
            st = _os.lstat(current)
        except OSError:
            if strict:
                raise
            resolved.append(name)
            continue
        if (st.st_mode & 0o170000) != 0o120000:
            resolved.append(name)
            continue
        links_followed += 1
        if links_followed > 40:
            if strict:
                _os.stat(current)
            resolved.append(name)
            rest = [c for c in reversed(pending)]
            return normpath(slash + slash.join(resolved + rest))
        target = _os.readlink(current)
        if target.startswith(slash):
            resolved = []
        parts = [c for c in target.split(slash) if c and c != dot]
        parts.reverse()
        pending.extend(parts)
    return slash + slash.join(resolved)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = _os.fspath(path)
    slash, dot, empty, dotdot = _seps(path)
    if start is None:
        start = dot
    else:
        start = _os.fspath(start)
    start_list = [x for x in abspath(start).split(slash) if x]
    path_list = [x for x in abspath(path).split(slash) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [dotdot] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return dot
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple([_os.fspath(x) for x in m])
    s1 = min(m)
    s2 = max(m)
    for i in range(len(s1)):
        if s1[i] != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = tuple([_os.fspath(p) for p in paths])
    slash, dot, empty, dotdot = _seps(paths[0])
    split_paths = [p.split(slash) for p in paths]
    try:
        isabs_flags = set([p[:1] == slash for p in paths])
    except TypeError:
        raise TypeError("Can't mix strings and bytes in path components") from None
    if len(isabs_flags) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != dot] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i in range(len(s1)):
        if s1[i] != s2[i]:
            common = s1[:i]
            break
    prefix = slash if paths[0][:1] == slash else empty
    return prefix + slash.join(common)


def expanduser(path):
    path = _os.fspath(path)
    tilde = b"~" if isinstance(path, bytes) else "~"
    if not path.startswith(tilde):
        return path
    slash = _seps(path)[0]
    i = path.find(slash, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        if "HOME" in _os.environ:
            userhome = _os.environ["HOME"]
        else:
            return path
    else:
        return path
    if isinstance(path, bytes):
        userhome = userhome.encode()
    userhome = userhome.rstrip(slash)
    return (userhome + path[i:]) or slash


def expandvars(path):
    path = _os.fspath(path)
    if isinstance(path, bytes):
        return path
    if "$" not in path:
        return path
    result = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != "$" or i + 1 >= n:
            result.append(c)
            i += 1
            continue
        if path[i + 1] == "{":
            end = path.find("}", i + 2)
            if end < 0:
                result.append(path[i:])
                break
            name = path[i + 2:end]
            if name in _os.environ:
                result.append(_os.environ[name])
            else:
                result.append(path[i:end + 1])
            i = end + 1
            continue
        j = i + 1
        while j < n and (path[j].isalnum() or path[j] == "_"):
            j += 1
        name = path[i + 1:j]
        if name and name in _os.environ:
            result.append(_os.environ[name])
        else:
            result.append(path[i:j])
        i = j
    return "".join(result)
)PYSRC";

} // namespace

bool init_posixpath_module(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    if (!exec_source(rt, path_source, "<frozen posixpath>", static_cast<Module*>(module)->dict))
        return false;
    // The os module: already in sys.modules when os is importing this module for os.path.
    Ref<Object> os_name = intern(vm, "os");
    Object* existing = nullptr;
    if (!os_name || dict_lookup(vm, rt.modules(), os_name.get(), &existing) < 0)
        return false;
    Ref<Object> os_module =
        existing ? Ref<Object>::borrow(existing) : import_builtin_module(rt, "os");
    return os_module && add_object(rt, module, "_os", os_module.get());
}

} // namespace minipy::stdlib
