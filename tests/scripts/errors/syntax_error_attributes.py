# SyntaxError from compile()/exec()/eval() and constructed in Python: CPython's attributes, args
# and str().
def show(e):
    print(type(e).__name__, repr(e.msg), repr(e.filename), e.lineno, e.offset, repr(e.text),
          e.end_lineno, e.end_offset, e.print_file_and_line)
    print(repr(e.args))
    print(str(e))


for src in ["1 +", "x = (1,\n", "  x = 1", "if x:\npass", "f() = 1", "a b c"]:
    try:
        compile(src, "f.py", "exec")
    except SyntaxError as e:
        show(e)
try:
    eval("1 +* 2")
except SyntaxError as e:
    show(e)
try:
    exec("for x in y:\n\tif x:\n        pass")
except SyntaxError as e:
    show(e)
    print(isinstance(e, IndentationError), isinstance(e, TabError))

show(SyntaxError("m", ("f", 1, 2, "x\n", 1, 3)))
show(SyntaxError("m", ("/a/b/f.py", 1, 2, "x\n")))
show(SyntaxError("m"))
show(SyntaxError())
show(SyntaxError("m", ["f", None, 2, "x"]))
show(SyntaxError("m", (None, 5, 2, "x")))
show(SyntaxError("m", "x", 3))
for bad in [("f", 1), ("f", 1, 2, "x", 5), (1, 2, 3, 4, 5, 6, 7)]:
    try:
        SyntaxError("m", bad)
    except TypeError as e:
        print("TypeError", e)
try:
    SyntaxError("m", 5)
except TypeError as e:
    print("TypeError", e)
e = IndentationError("m", ("f", 1, 2, "x\n", 1, 3))
show(e)
e.msg = "changed"
e.lineno = 7
print(str(e), e.args)
e.filename = None
print(str(e))


# expect: SyntaxError 'invalid syntax' 'f.py' 1 4 '1 +\n' 1 4 None
# expect: ('invalid syntax', ('f.py', 1, 4, '1 +\n', 1, 4))
# expect: invalid syntax (f.py, line 1)
# expect: SyntaxError "'(' was never closed" 'f.py' 1 5 'x = (1,\n' 1 0 None
# expect: ("'(' was never closed", ('f.py', 1, 5, 'x = (1,\n', 1, 0))
# expect: '(' was never closed (f.py, line 1)
# expect: IndentationError 'unexpected indent' 'f.py' 1 2 '  x = 1\n' 1 -1 None
# expect: ('unexpected indent', ('f.py', 1, 2, '  x = 1\n', 1, -1))
# expect: unexpected indent (f.py, line 1)
# expect: IndentationError "expected an indented block after 'if' statement on line 1" 'f.py' 2 1 'pass\n' 2 5 None
# expect: ("expected an indented block after 'if' statement on line 1", ('f.py', 2, 1, 'pass\n', 2, 5))
# expect: expected an indented block after 'if' statement on line 1 (f.py, line 2)
# expect: SyntaxError "cannot assign to function call here. Maybe you meant '==' instead of '='?" 'f.py' 1 1 'f() = 1\n' 1 4 None
# expect: ("cannot assign to function call here. Maybe you meant '==' instead of '='?", ('f.py', 1, 1, 'f() = 1\n', 1, 4))
# expect: cannot assign to function call here. Maybe you meant '==' instead of '='? (f.py, line 1)
# expect: SyntaxError 'invalid syntax' 'f.py' 1 3 'a b c\n' 1 4 None
# expect: ('invalid syntax', ('f.py', 1, 3, 'a b c\n', 1, 4))
# expect: invalid syntax (f.py, line 1)
# expect: SyntaxError 'invalid syntax' '<string>' 1 4 '1 +* 2' 1 5 None
# expect: ('invalid syntax', ('<string>', 1, 4, '1 +* 2', 1, 5))
# expect: invalid syntax (<string>, line 1)
# expect: TabError 'inconsistent use of tabs and spaces in indentation' '<string>' 3 1 '        pass\n' 3 0 None
# expect: ('inconsistent use of tabs and spaces in indentation', ('<string>', 3, 1, '        pass\n', 3, 0))
# expect: inconsistent use of tabs and spaces in indentation (<string>, line 3)
# expect: True True
# expect: SyntaxError 'm' 'f' 1 2 'x\n' 1 3 None
# expect: ('m', ('f', 1, 2, 'x\n', 1, 3))
# expect: m (f, line 1)
# expect: SyntaxError 'm' '/a/b/f.py' 1 2 'x\n' None None None
# expect: ('m', ('/a/b/f.py', 1, 2, 'x\n'))
# expect: m (f.py, line 1)
# expect: SyntaxError 'm' None None None None None None None
# expect: ('m',)
# expect: m
# expect: SyntaxError None None None None None None None None
# expect: ()
# expect: None
# expect: SyntaxError 'm' 'f' None 2 'x' None None None
# expect: ('m', ['f', None, 2, 'x'])
# expect: m (f)
# expect: SyntaxError 'm' None 5 2 'x' None None None
# expect: ('m', (None, 5, 2, 'x'))
# expect: m (line 5)
# expect: SyntaxError 'm' None None None None None None None
# expect: ('m', 'x', 3)
# expect: m
# expect: TypeError function takes at least 4 arguments (2 given)
# expect: TypeError end_offset must be provided when end_lineno is provided
# expect: TypeError function takes at most 6 arguments (7 given)
# expect: TypeError 'int' object is not iterable
# expect: IndentationError 'm' 'f' 1 2 'x\n' 1 3 None
# expect: ('m', ('f', 1, 2, 'x\n', 1, 3))
# expect: m (f, line 1)
# expect: changed (f, line 7) ('m', ('f', 1, 2, 'x\n', 1, 3))
# expect: changed (line 7)
