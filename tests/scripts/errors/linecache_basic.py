# linecache: lines of this file, missing files and lines, pseudo-file names, the cache.
import linecache
import os

here = __file__
first = linecache.getline(here, 1)
print(repr(first))
print(repr(linecache.getline(here, 0)), repr(linecache.getline(here, 10 ** 6)))
lines = linecache.getlines(here)
print(len(lines) > 5, lines[0] == first, here in linecache.cache)
print(linecache.getlines("<string>"), linecache.getline("<stdin>", 1) == "")
print(linecache.getlines(os.path.join(os.path.dirname(here), "no_such_file.py")))
linecache.checkcache(here)
print(here in linecache.cache)
linecache.clearcache()
print(here in linecache.cache)
print(linecache.updatecache(here)[1] == lines[1])
print(linecache.lazycache(here, None), linecache.lazycache("<x>", {}))
# A relative name is looked for along sys.path (the script's folder comes first).
print(linecache.getline(os.path.basename(here), 1) == first)

# expect: '# linecache: lines of this file, missing files and lines, pseudo-file names, the cache.\n'
# expect: '' ''
# expect: True True True
# expect: [] True
# expect: []
# expect: True
# expect: False
# expect: True
# expect: False False
# expect: True
