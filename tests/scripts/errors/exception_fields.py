# NameError.name, AttributeError.name/obj (set by the interpreter and by keywords) and
# ImportError's msg/name/path, as CPython 3.10+.
try:
    undefined_name
except NameError as e:
    print(repr(e.name), str(e))


def inner():
    return missing_global


try:
    inner()
except NameError as e:
    print(e.name)


def unbound():
    x = y
    y = 1


try:
    unbound()
except UnboundLocalError as e:
    print(repr(e.name), e)

try:
    [].appendd
except AttributeError as e:
    print(e.name, e.obj)


class Lazy:
    def __getattr__(self, name):
        raise AttributeError("no " + name)


lazy = Lazy()
try:
    lazy.thing
except AttributeError as e:
    print(e.name, e.obj is lazy, e)
try:
    getattr(3, "imag_")
except AttributeError as e:
    print(e.name, e.obj)
print(getattr(3, "nope", "default"), hasattr(3, "nope"))

x = AttributeError("m", name="n", obj=3)
print(x.name, x.obj, x.args)
x = AttributeError("plain")
print(x.name, x.obj)
x = NameError("m", name="n")
print(x.name, x.args)
x = ImportError("m", name="n", path="p")
print(x.name, x.path, x.msg, x.args, str(x))
x = ImportError("a", "b")
print(str(x), x.msg, x.name, x.path)
x = ImportError("a")
x.msg = "other"
print(str(x), x.msg)
for make in [lambda: NameError("m", obj=1), lambda: ValueError("m", obj=1),
             lambda: AttributeError(name="a", obj=1, x=2), lambda: NameError(a=1, b=2),
             lambda: ImportError(x=1), lambda: KeyError(x=1)]:
    try:
        make()
    except TypeError as e:
        print("TypeError", e)


class Mine(ValueError):
    pass


class WithInit(ValueError):
    def __init__(self, message, code=0):
        super().__init__(message)
        self.code = code


try:
    Mine(x=1)
except TypeError as e:
    print("TypeError", e)
print(repr(WithInit("m", code=3)), WithInit("m", code=3).code)

try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e.name, e.path, e.msg)
try:
    from sys import no_such_name
except ImportError as e:
    print(e.name, e.msg)


class MyImportError(ImportError):
    def __init__(self, msg, name=None):
        super().__init__(msg, name=name)


e = MyImportError("m", name="n")
print(e.name, e.msg, e.args)
e = ImportError("a")
ImportError.__init__(e, "m", name="n")
print(e.args, e.name, e.path)


class Passing(ValueError):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


try:
    Passing("x", y=1)
except TypeError as error:
    print("TypeError", error)

# expect: 'undefined_name' name 'undefined_name' is not defined
# expect: missing_global
# expect: None cannot access local variable 'y' where it is not associated with a value
# expect: appendd []
# expect: thing True no thing
# expect: imag_ 3
# expect: default False
# expect: n 3 ('m',)
# expect: None None
# expect: n ('m',)
# expect: n p m ('m',) m
# expect: ('a', 'b') None None None
# expect: other other
# expect: TypeError 'obj' is an invalid keyword argument for NameError()
# expect: TypeError ValueError() takes no keyword arguments
# expect: TypeError AttributeError() takes at most 2 keyword arguments (3 given)
# expect: TypeError NameError() takes at most 1 keyword argument (2 given)
# expect: TypeError 'x' is an invalid keyword argument for ImportError()
# expect: TypeError KeyError() takes no keyword arguments
# expect: TypeError Mine() takes no keyword arguments
# expect: WithInit('m') 3
# expect: no_such_module_here None No module named 'no_such_module_here'
# expect: sys cannot import name 'no_such_name' from 'sys' (unknown location)
# expect: n m ('m',)
# expect: ('m',) n None
# expect: TypeError Passing() takes no keyword arguments
