# compile() / exec() / eval() of bytes sources (UTF-8 BOM, PEP 263 coding declarations), a U+FEFF
# inside a str source, and assignments to __debug__ (CPython's SyntaxErrors).
def t(*args):
    try:
        code = compile(*args)
        ns = {}
        exec(code, ns)
        print("ok", ns.get("x"))
    except SyntaxError as exc:
        print(type(exc).__name__, exc.msg, exc.lineno)
    except Exception as exc:
        print(type(exc).__name__, exc)


t(b"x = 1\n", "f", "exec")
t(b"\xef\xbb\xbfx = 2\n", "f", "exec")
t(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "f", "exec")
t(b"#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\nx = '\xe9\xe8'\n", "f", "exec")
t(b"\xef\xbb\xbf# coding: latin-1\nx = 1\n", "f", "exec")
t(b"x = '\xc3\xa9'\n", "f", "exec")
t(b"# coding: foo\nx = 1\n", "f", "exec")
t(bytearray(b"x = 5\n"), "f", "exec")
t(b"x = 7", b"bytes-name", "exec")
t(5, "f", "exec")
t("\ufeffx = 3\n", "f", "exec")
t("x = 1\n\ufeffy = 2\n", "f", "exec")
t("x = ord('\ufeff')\n", "f", "exec")
t("__debug__ = 1\n", "f", "exec")
t("x = __debug__\n", "f", "exec")
t("del __debug__\n", "f", "exec")
t("for __debug__ in []: pass\n", "f", "exec")
t("class C:\n    __debug__ = 1\n", "f", "exec")
t("def f():\n    __debug__ = 2\n", "f", "exec")
t("(__debug__ := 1)\n", "f", "exec")
t("x, __debug__ = 1, 2\n", "f", "exec")
t("import __debug__\n", "f", "exec")
t("x.__debug__ = 1\n", "f", "exec")
t("@d\ndef f(__debug__): pass\n", "f", "exec")
t("def f(a, *, __debug__): pass\n", "f", "exec")
t("def f(*__debug__): pass\n", "f", "exec")
t("def f(**__debug__): pass\n", "f", "exec")
t("def f(__debug__=1, /): pass\n", "f", "exec")
t("x = lambda __debug__: 0\n", "f", "exec")
t("x = 1; f(a=1, __debug__=2)\n", "f", "exec")
t("o.m(__debug__=2)\n", "f", "exec")
t("class C(__debug__=1): pass\n", "f", "exec")
t("f(**{'__debug__': 1})\n", "f", "exec")
for src in ["import a as __debug__", "from m import __debug__", "import __debug__.x",
            "x = 1\nif x:\n  import os, __debug__", "o.m(__debug__=2)", "f(a=1, __debug__=2)"]:
    try:
        compile(src, "f", "exec")
    except SyntaxError as exc:
        print(exc.msg, exc.lineno, exc.offset)
t("class O: pass\nx = O()\ndel x.__debug__\n", "f", "exec")
t("with open('f') as __debug__: pass\n", "f", "exec")
print(eval(b"1+2"), eval(b"\xef\xbb\xbf3"), eval(compile(b"4", "f", "eval")))
exec(b"print('exec bytes')")
exec(b"# coding: latin-1\nprint('\xe9')")
try:
    exec("__debug__ = 0")
except SyntaxError as exc:
    print(exc)

# compile()'s other arguments: keywords, flags and optimize checks, optimize levels.
def k(*args, **kwargs):
    try:
        code = compile(*args, **kwargs)
        ns = {}
        exec(code, ns)
        print("ok", ns.get("x"), ns.get("d"))
    except Exception as exc:
        print(type(exc).__name__, exc)


k("x = 1", "f", "exec", dont_inherit=True)
k("x = 2", "f", "exec", 0, True)
k(source="x = 3", filename="f", mode="exec")
k("x = 4", "f", "exec", optimize=0)
k("x = 5", "f", "exec", optimize=5)
k("x = 6", "f", "exec", flags=0x1000000)
k("x = 7", "f", "exec", bogus=1)
k("x = 8", "f")
k("x = 9", "f", "exec", 0, False, -1, 4)
k("x = 10", "f", "exec", 0, False, -1, source="x")
k("x = 11", "f", "exec", flags=1)
k("x = 12", "f", "exec", flags="a")
k("x = 13", "f", "exec", dont_inherit="yes")
k("x = __debug__\nassert False, 'kept'\n", "f", "exec")
k("x = __debug__\nassert False, 'dropped'\n", "f", "exec", optimize=1)
k("def g():\n    'doc'\nd = g.__doc__\nx = 14\n", "f", "exec", optimize=2)
k("def g():\n    'doc'\nd = g.__doc__\nx = 15\n", "f", "exec", optimize=1)
print(eval(compile("1+1", "f", "eval", 0, 1, 2)))

# expect: ok 1
# expect: ok 2
# expect: ok é
# expect: ok éè
# expect: SyntaxError encoding problem: iso-8859-1 with BOM 0
# expect: ok é
# expect: SyntaxError unknown encoding: foo 0
# expect: ok 5
# expect: ok 7
# expect: TypeError compile() arg 1 must be a string, bytes or AST object
# expect: SyntaxError invalid non-printable character U+FEFF 1
# expect: SyntaxError invalid non-printable character U+FEFF 2
# expect: ok 65279
# expect: SyntaxError cannot assign to __debug__ 1
# expect: ok True
# expect: SyntaxError cannot delete __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 2
# expect: SyntaxError cannot assign to __debug__ 2
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 2
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 1
# expect: SyntaxError cannot assign to __debug__ 1
# expect: NameError name 'f' is not defined
# expect: cannot assign to __debug__ 1 1
# expect: cannot assign to __debug__ 1 1
# expect: cannot assign to __debug__ 1 1
# expect: cannot assign to __debug__ 3 3
# expect: cannot assign to __debug__ 1 1
# expect: cannot assign to __debug__ 1 1
# expect: AttributeError 'O' object has no attribute '__debug__'
# expect: SyntaxError cannot assign to __debug__ 1
# expect: 3 3 4
# expect: exec bytes
# expect: é
# expect: cannot assign to __debug__ (<string>, line 1)
# expect: ok 1 None
# expect: ok 2 None
# expect: ok 3 None
# expect: ok 4 None
# expect: ValueError compile(): invalid optimize value
# expect: ok 6 None
# expect: TypeError 'bogus' is an invalid keyword argument for compile()
# expect: TypeError compile() missing required argument 'mode' (pos 3)
# expect: TypeError compile() takes at most 6 positional arguments (7 given)
# expect: TypeError argument for compile() given by name ('source') and position (1)
# expect: ValueError compile(): unrecognised flags
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: AssertionError kept
# expect: ok False None
# expect: ok 14 None
# expect: ok 15 doc
# expect: 2
