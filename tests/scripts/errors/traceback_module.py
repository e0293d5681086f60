# The traceback module's text equals CPython 3.11's (carets included) for typical uses.
import os
import sys
import traceback

DIR = os.path.dirname(os.path.abspath(__file__))


def out(text):
    print(text.replace(DIR, "DIR"), end="")


def f(x):
    return x + 1


def g(d, k):
    return d[k] * 2


def h(a, b):
    return a / b


def deep(n):
    if n == 0:
        raise ValueError("bottom")
    return deep(n - 1)


def report(fn, *args):
    try:
        fn(*args)
    except Exception:
        out(traceback.format_exc())
        print("---")


report(f, None)
report(g, {}, "k")
report(g, {"k": None}, "k")
report(h, 1, 0)
report(deep, 6)
report(lambda: [1, 2][5])
report(lambda: (1 +
    None))
report(lambda: {"a": [1]}["a"][3])
report(lambda: (2 ** "x"))
report(lambda: -f(None) ** 2)
report(lambda: len(5))


def chain():
    try:
        {}["x"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e


report(chain)


def context():
    try:
        1 / 0
    except ZeroDivisionError:
        int("zz")


report(context)


def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("quiet") from None


report(suppressed)
try:
    raise ExceptionGroup("grp", [ValueError(1), TypeError("two")])
except ExceptionGroup as e:
    out("".join(traceback.format_exception(e)))
try:
    compile("x = = 1", "bad.py", "exec")
except SyntaxError as e:
    out("".join(traceback.format_exception_only(e)))
    out("".join(traceback.format_exception(e)))
try:
    raise SyntaxError("custom", ("f.py", 2, 3, "  abc def\n", 2, 6))
except SyntaxError as e:
    out("".join(traceback.format_exception_only(e)))
print(traceback.format_exception_only(ValueError("v")))
print(traceback.format_exception_only(ValueError, ValueError("v")))
e = KeyError("k")
e.add_note("a note")
e.add_note("two\nlines")
print(traceback.format_exception_only(e))
try:
    pritn
except NameError:
    out(traceback.format_exc())
try:
    f(None)
except TypeError as e:
    tb = e.__traceback__
    print([(fr.f_code.co_name, ln) for fr, ln in traceback.walk_tb(tb)])
    s = traceback.extract_tb(tb)
    print(len(s), s[0].name, s[1].name, s[1].line, s[1].lineno, s[1].colno, s[1].end_colno)
    print(s[0] == (s[0].filename, s[0].lineno, s[0].name, s[0].line))
    out("".join(traceback.format_list(s)))
    out("".join(traceback.format_tb(tb, limit=1)))
    print(tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
    print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name,
          tb.tb_frame.f_globals is globals())
    traceback.print_exception(e, file=sys.stdout) if False else None
    out("".join(traceback.format_exception(e)))
    out("".join(traceback.format_exception(type(e), e, tb, limit=-1)))
    out("".join(traceback.format_tb(tb)))
    print(traceback.TracebackException.from_exception(e).stack[1].name)
    print(str(traceback.TracebackException.from_exception(e)))
    te = traceback.TracebackException(type(e), e, tb, capture_locals=True)
    print(te.stack[1].locals)
    print(sorted(tb.tb_next.tb_frame.f_locals))


def stack_here():
    return traceback.extract_stack()


st = stack_here()
print([fs.name for fs in st][-2:], st[-1].line)


def printer():
    out("".join(traceback.format_stack()))


printer()
fs = traceback.FrameSummary("x.py", 3, "fn", line="  a = 1  ")
print(repr(fs), fs.line, list(fs), len(fs))
print(traceback.format_list([("a.py", 1, "m", "pass"), fs]))
try:
    traceback.print_exception(ValueError("x"), None, file=sys.stdout)
except ValueError as e:
    print(e)
print(traceback.format_exception(None), traceback.format_exception_only(None))


def loop():
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise TypeError("b")
        except TypeError as b:
            a.__context__ = b
            raise a


try:
    loop()
except ValueError as e:
    out("".join(traceback.format_exception(e)))
    out("".join(traceback.format_exception(e, chain=False)))




# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 14, in f
# expect:     return x + 1
# expect:            ~~^~~
# expect: TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 18, in g
# expect:     return d[k] * 2
# expect:            ~^^^
# expect: KeyError: 'k'
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 18, in g
# expect:     return d[k] * 2
# expect:            ~~~~~^~~
# expect: TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 22, in h
# expect:     return a / b
# expect:            ~~^~~
# expect: ZeroDivisionError: division by zero
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 28, in deep
# expect:     return deep(n - 1)
# expect:            ^^^^^^^^^^^
# expect:   File "DIR/traceback_module.py", line 28, in deep
# expect:     return deep(n - 1)
# expect:            ^^^^^^^^^^^
# expect:   File "DIR/traceback_module.py", line 28, in deep
# expect:     return deep(n - 1)
# expect:            ^^^^^^^^^^^
# expect:   [Previous line repeated 3 more times]
# expect:   File "DIR/traceback_module.py", line 27, in deep
# expect:     raise ValueError("bottom")
# expect: ValueError: bottom
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 44, in <lambda>
# expect:     report(lambda: [1, 2][5])
# expect:                    ~~~~~~^^^
# expect: IndexError: list index out of range
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 45, in <lambda>
# expect:     report(lambda: (1 +
# expect:                     ^^^
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 47, in <lambda>
# expect:     report(lambda: {"a": [1]}["a"][3])
# expect:                    ~~~~~~~~~~~~~~~^^^
# expect: IndexError: list index out of range
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 48, in <lambda>
# expect:     report(lambda: (2 ** "x"))
# expect:                     ~~^^~~~~
# expect: TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 49, in <lambda>
# expect:     report(lambda: -f(None) ** 2)
# expect:                     ^^^^^^^
# expect:   File "DIR/traceback_module.py", line 14, in f
# expect:     return x + 1
# expect:            ~~^~~
# expect: TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 50, in <lambda>
# expect:     report(lambda: len(5))
# expect:                    ^^^^^^
# expect: TypeError: object of type 'int' has no len()
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 55, in chain
# expect:     {}["x"]
# expect:     ~~^^^^^
# expect: KeyError: 'x'
# expect: 
# expect: The above exception was the direct cause of the following exception:
# expect: 
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 57, in chain
# expect:     raise RuntimeError("wrapped") from e
# expect: RuntimeError: wrapped
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 65, in context
# expect:     1 / 0
# expect:     ~~^~~
# expect: ZeroDivisionError: division by zero
# expect: 
# expect: During handling of the above exception, another exception occurred:
# expect: 
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 67, in context
# expect:     int("zz")
# expect: ValueError: invalid literal for int() with base 10: 'zz'
# expect: ---
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 33, in report
# expect:     fn(*args)
# expect:   File "DIR/traceback_module.py", line 77, in suppressed
# expect:     raise TypeError("quiet") from None
# expect: TypeError: quiet
# expect: ---
# expect:   + Exception Group Traceback (most recent call last):
# expect:   |   File "DIR/traceback_module.py", line 82, in <module>
# expect:   |     raise ExceptionGroup("grp", [ValueError(1), TypeError("two")])
# expect:   | ExceptionGroup: grp (2 sub-exceptions)
# expect:   +-+---------------- 1 ----------------
# expect:     | ValueError: 1
# expect:     +---------------- 2 ----------------
# expect:     | TypeError: two
# expect:     +------------------------------------
# expect:   File "bad.py", line 1
# expect:     x = = 1
# expect:         ^
# expect: SyntaxError: invalid syntax
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 86, in <module>
# expect:     compile("x = = 1", "bad.py", "exec")
# expect:   File "bad.py", line 1
# expect:     x = = 1
# expect:         ^
# expect: SyntaxError: invalid syntax
# expect:   File "f.py", line 2
# expect:     abc def
# expect:     ^^^
# expect: SyntaxError: custom
# expect: ['ValueError: v\n']
# expect: ['ValueError: v\n']
# expect: ["KeyError: 'k'\n", 'a note\n', 'two\n', 'lines\n']
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 101, in <module>
# expect:     pritn
# expect: NameError: name 'pritn' is not defined
# expect: [('<module>', 105), ('f', 14)]
# expect: 2 <module> f return x + 1 14 11 16
# expect: True
# expect:   File "DIR/traceback_module.py", line 105, in <module>
# expect:     f(None)
# expect:   File "DIR/traceback_module.py", line 14, in f
# expect:     return x + 1
# expect:            ~~^~~
# expect:   File "DIR/traceback_module.py", line 105, in <module>
# expect:     f(None)
# expect: 105 14 None
# expect: <module> f True
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 105, in <module>
# expect:     f(None)
# expect:   File "DIR/traceback_module.py", line 14, in f
# expect:     return x + 1
# expect:            ~~^~~
# expect: TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 14, in f
# expect:     return x + 1
# expect:            ~~^~~
# expect: TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'
# expect:   File "DIR/traceback_module.py", line 105, in <module>
# expect:     f(None)
# expect:   File "DIR/traceback_module.py", line 14, in f
# expect:     return x + 1
# expect:            ~~^~~
# expect: f
# expect: unsupported operand type(s) for +: 'NoneType' and 'int'
# expect: {'x': 'None'}
# expect: ['x']
# expect: ['<module>', 'stack_here'] return traceback.extract_stack()
# expect:   File "DIR/traceback_module.py", line 140, in <module>
# expect:     printer()
# expect:   File "DIR/traceback_module.py", line 137, in printer
# expect:     out("".join(traceback.format_stack()))
# expect: <FrameSummary file x.py, line 3 in fn> a = 1 ['x.py', 3, 'fn', 'a = 1'] 4
# expect: ['  File "a.py", line 1, in m\n    pass\n', '  File "x.py", line 3, in fn\n    a = 1\n']
# expect: Both or neither of value and tb must be given
# expect: ['NoneType: None\n'] ['NoneType: None\n']
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 156, in loop
# expect:     raise TypeError("b")
# expect: TypeError: b
# expect: 
# expect: During handling of the above exception, another exception occurred:
# expect: 
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 163, in <module>
# expect:     loop()
# expect:   File "DIR/traceback_module.py", line 159, in loop
# expect:     raise a
# expect:   File "DIR/traceback_module.py", line 153, in loop
# expect:     raise ValueError("a")
# expect: ValueError: a
# expect: Traceback (most recent call last):
# expect:   File "DIR/traceback_module.py", line 163, in <module>
# expect:     loop()
# expect:   File "DIR/traceback_module.py", line 159, in loop
# expect:     raise a
# expect:   File "DIR/traceback_module.py", line 153, in loop
# expect:     raise ValueError("a")
# expect: ValueError: a
