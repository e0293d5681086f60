# A generator's handled exception (CPython's gi_exc_state, vm/exc_info.h): inside its except
# block it sees its own exception, its caller keeps its own after a yield, and a generator
# outside any except block sees its caller's; in next(), send(), for loops and yield from
# (resumed in place or not), throw() and close(), bare raise and __context__.
import sys

def cur():
    return repr(sys.exc_info()[1])

# A generator suspended in an except block: its caller keeps its own exc_info.
def g():
    try:
        raise ValueError("outer")
    except ValueError:
        yield 1
        yield cur()
        yield cur()
    yield cur()

it = g()
print(next(it), cur())
try:
    raise TypeError("caller")
except TypeError:
    print(next(it), cur())
print(next(it), cur())
print(next(it), cur())

# Not inside an except block: the generator sees its caller's exception.
def plain():
    while True:
        yield cur()

p = plain()
print(next(p))
try:
    raise KeyError("k")
except KeyError:
    print(next(p))
    print(p.send(None))
    for x in p:
        print("for", x)
        break
print(next(p))

# for loops and yield from resume in place.
def inner():
    try:
        raise IndexError("inner")
    except IndexError:
        yield cur()
        yield cur()
    yield cur()

def outer():
    try:
        raise LookupError("outer")
    except LookupError:
        r = yield from inner()
        yield cur()
    yield cur()

for v in outer():
    print("outer yields", v, "caller sees", cur())

try:
    raise OSError("os")
except OSError:
    for v in outer():
        print("outer yields", v, "caller sees", cur())

# send() through CALL and the __context__ of exceptions raised in a generator.
def ctx():
    try:
        raise ValueError("in gen")
    except ValueError:
        x = yield 1
        try:
            raise RuntimeError("second")
        except RuntimeError as e:
            yield repr(e.__context__)
    try:
        raise AttributeError("third")
    except AttributeError as e:
        yield repr(e.__context__)

c = ctx()
c.send(None)
try:
    raise TypeError("caller")
except TypeError:
    print(c.send(5))
    print(c.send(6))
    print(cur())
try:
    raise NameError("n")
except NameError:
    try:
        raise KeyError("after")
    except KeyError as e:
        print(repr(e.__context__))

# An exception raised in the caller after a generator yielded inside except: no wrong context.
g2 = g()
next(g2)
try:
    raise ZeroDivisionError("z")
except ZeroDivisionError as e:
    print(repr(e.__context__))

# throw() into a generator suspended in an except block.
def thrown():
    try:
        raise ValueError("v")
    except ValueError:
        try:
            yield 1
        except KeyError as e:
            yield repr(e.__context__) + " " + cur()

t = thrown()
next(t)
try:
    raise TypeError("caller")
except TypeError:
    print(t.throw(KeyError("thrown")))
print(cur())

def noexc():
    try:
        yield 1
    except KeyError as e:
        yield repr(e.__context__) + " " + cur()

t = noexc()
next(t)
try:
    raise TypeError("caller")
except TypeError:
    print(t.throw(KeyError("thrown")))

# Bare raise inside a generator re-raises its own exception.
def reraise():
    try:
        raise ValueError("mine")
    except ValueError:
        yield
        raise

r = reraise()
next(r)
try:
    raise TypeError("caller")
except TypeError:
    try:
        next(r)
    except ValueError as e:
        print("reraised", repr(e), repr(e.__context__))

# Closing a generator suspended in except; list() and sum() of a generator.
def closing():
    try:
        raise ValueError("c")
    except ValueError:
        try:
            yield 1
        finally:
            print("finally sees", cur())

cl = closing()
next(cl)
cl.close()
print(cur())
try:
    raise KeyError("list")
except KeyError:
    gen = (cur() for _ in range(2))
    print(list(gen))
print(cur())

# expect: 1 None
# expect: ValueError('outer') TypeError('caller')
# expect: ValueError('outer') None
# expect: None None
# expect: None
# expect: KeyError('k')
# expect: KeyError('k')
# expect: for KeyError('k')
# expect: None
# expect: outer yields IndexError('inner') caller sees None
# expect: outer yields IndexError('inner') caller sees None
# expect: outer yields LookupError('outer') caller sees None
# expect: outer yields LookupError('outer') caller sees None
# expect: outer yields None caller sees None
# expect: outer yields IndexError('inner') caller sees OSError('os')
# expect: outer yields IndexError('inner') caller sees OSError('os')
# expect: outer yields LookupError('outer') caller sees OSError('os')
# expect: outer yields LookupError('outer') caller sees OSError('os')
# expect: outer yields OSError('os') caller sees OSError('os')
# expect: ValueError('in gen')
# expect: TypeError('caller')
# expect: TypeError('caller')
# expect: NameError('n')
# expect: None
# expect: ValueError('v') KeyError('thrown')
# expect: None
# expect: None KeyError('thrown')
# expect: reraised ValueError('mine') None
# expect: finally sees GeneratorExit()
# expect: None
# expect: ["KeyError('list')", "KeyError('list')"]
# expect: None
