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
t("class O: pass\nx = O()\ndel x.__debug__\n", "f", "exec")
t("with open('f') as __debug__: pass\n", "f", "exec")
print(eval(b"1+2"), eval(b"\xef\xbb\xbf3"), eval(compile(b"4", "f", "eval")))
exec(b"print('exec bytes')")
exec(b"# coding: latin-1\nprint('\xe9')")
try:
    exec("__debug__ = 0")
except SyntaxError as exc:
    print(exc)

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
# expect: AttributeError 'O' object has no attribute '__debug__'
# expect: SyntaxError cannot assign to __debug__ 1
# expect: 3 3 4
# expect: exec bytes
# expect: é
# expect: cannot assign to __debug__ (<string>, line 1)
