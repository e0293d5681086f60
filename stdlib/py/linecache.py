"""Source lines of Python files, read once and kept (what tracebacks show).

minipy's linecache, written for minipy after CPython 3.11's documented behaviour: `cache` maps a
file name to (size, mtime, lines, fullname) once read, or to a 1-tuple holding a function that
returns the source (a lazy entry made by lazycache from a module's __loader__). A relative name
that is not found as given is looked for along sys.path, as imported modules are.
"""

import sys
import os

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (1-based, with its newline) of the file, or '' when there is none."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Every line of the file (cached), or [] when it cannot be read."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Forget the entries whose file changed (size or mtime) or vanished since it was read."""
    if filename is None:
        names = list(cache)
    elif filename in cache:
        names = [filename]
    else:
        return
    for name in names:
        entry = cache[name]
        if len(entry) == 1:
            continue  # lazy: nothing was read yet
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue  # came from a loader, not a file
        try:
            st = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if st.st_size != size or st.st_mtime != mtime:
            cache.pop(name, None)


def _is_pseudo_name(filename):
    return not filename or (filename.startswith('<') and filename.endswith('>'))


def _decode_source(data):
    # PEP 263: a UTF-8 BOM or a coding cookie on one of the first two lines names the encoding.
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8')
    encoding = 'utf-8'
    for line in data.split(b'\n', 2)[:2]:
        stripped = line.lstrip(b' \t\f')
        if not stripped.startswith(b'#'):
            if stripped.strip():
                break
            continue
        at = stripped.find(b'coding')
        if at >= 0 and stripped[at + 6:at + 7] in (b':', b'='):
            rest = stripped[at + 7:].lstrip(b' \t')
            end = 0
            while end < len(rest) and (rest[end:end + 1].isalnum() or rest[end:end + 1] in b'-_.'):
                end += 1
            if end:
                encoding = rest[:end].decode('ascii').lower().replace('_', '-')
                if encoding.startswith('utf-8'):
                    encoding = 'utf-8'
                elif encoding.startswith(('latin-1', 'iso-8859-1', 'iso-latin-1')):
                    encoding = 'latin-1'
            break
    return data.decode(encoding)


def _split_lines(text):
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    return lines


def updatecache(filename, module_globals=None):
    """Reads the file again (dropping its old entry) and returns its lines, or []."""
    if filename in cache and len(cache[filename]) != 1:
        cache.pop(filename, None)
    if _is_pseudo_name(filename):
        return []

    fullname = filename
    try:
        st = os.stat(fullname)
    except OSError:
        basename = filename
        # A module's loader may know the source of a file that is not on disk.
        if lazycache(filename, module_globals):
            try:
                data = cache[filename][0]()
            except (ImportError, OSError):
                pass
            else:
                if data is None:
                    return []
                lines = _split_lines(data)
                cache[filename] = (len(data), None, lines, fullname)
                return lines
        # An absolute name that does not exist is not searched for.
        if os.path.isabs(filename):
            return []
        for folder in sys.path:
            try:
                fullname = os.path.join(folder, basename)
            except (TypeError, AttributeError):
                continue
            try:
                st = os.stat(fullname)
                break
            except OSError:
                pass
        else:
            return []
    try:
        with open(fullname, 'rb') as f:
            data = f.read()
        lines = _split_lines(_decode_source(data))
    except (OSError, UnicodeDecodeError, SyntaxError, LookupError):
        return []
    cache[filename] = st.st_size, st.st_mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Remembers how to get the source of `filename` from the module_globals' __loader__
    (without reading it yet). True when the file now has a (lazy or full) entry."""
    if filename in cache:
        return len(cache[filename]) == 1
    if _is_pseudo_name(filename) or not module_globals:
        return False
    if '__loader__' not in module_globals:
        return False
    name = module_globals.get('__name__')
    loader = module_globals['__loader__']
    get_source = getattr(loader, 'get_source', None)
    if name and get_source:
        def get_lines(name=name, get_source=get_source):
            return get_source(name)
        cache[filename] = (get_lines,)
        return True
    return False
