# traceback.format_exception_only of SyntaxErrors made in Python and by compile(): the location
# block with its carets, as CPython 3.11 formats it.
import traceback
cases = [
    SyntaxError("m", ("f", 1, 2, "  xy\n", 1, 5)),
    IndentationError("m", ("f", 1, 2, "  xy\n", 1, 5)),
    SyntaxError("m", ("f", None, 2, "xy", 1, 5)),
    SyntaxError("m", (None, 3, None, None, 1, 5)),
    SyntaxError("m"),
    SyntaxError(),
    TabError("m", ("f", 2, 9, "\tif x:\n", 2, 12)),
    SyntaxError("m", ("f", 1, 0, "abc\n", 1, 0)),
    SyntaxError("m", ("f", 1, 10, "abc\n", 1, 20)),
]
for e in cases:
    print(traceback.format_exception_only(e))
for src in ["1 +", "x = (1,\n", "  x = 1", "if x:\npass", "f() = 1", "a b c", "'abc", "x = 'é' +"]:
    try:
        compile(src, "f.py", "exec")
    except SyntaxError as e:
        print(traceback.format_exception_only(e))

# expect: ['  File "f", line 1\n', '    xy\n', 'SyntaxError: m\n']
# expect: ['  File "f", line 1\n', '    xy\n', 'IndentationError: m\n']
# expect: ['    xy\n', '     ^^^\n', 'SyntaxError: m (f)\n']
# expect: ['  File "<string>", line 3\n', 'SyntaxError: m\n']
# expect: ['SyntaxError: m\n']
# expect: ['SyntaxError: <no detail available>\n']
# expect: ['  File "f", line 2\n', '    \tif x:\n', '    \t     ^^^\n', 'TabError: m\n']
# expect: ['  File "f", line 1\n', '    abc\n', 'SyntaxError: m\n']
# expect: ['  File "f", line 1\n', '    abc\n', '       ^^^^^^^^^^\n', 'SyntaxError: m\n']
# expect: ['  File "f.py", line 1\n', '    1 +\n', '       ^\n', 'SyntaxError: invalid syntax\n']
# expect: ['  File "f.py", line 1\n', '    x = (1,\n', '        ^\n', "SyntaxError: '(' was never closed\n"]
# expect: ['  File "f.py", line 1\n', '    x = 1\n', 'IndentationError: unexpected indent\n']
# expect: ['  File "f.py", line 2\n', '    pass\n', '    ^^^^\n', "IndentationError: expected an indented block after 'if' statement on line 1\n"]
# expect: ['  File "f.py", line 1\n', '    f() = 1\n', '    ^^^\n', "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"]
# expect: ['  File "f.py", line 1\n', '    a b c\n', '      ^\n', 'SyntaxError: invalid syntax\n']
# expect: ['  File "f.py", line 1\n', "    'abc\n", '    ^\n', 'SyntaxError: unterminated string literal (detected at line 1)\n']
# expect: ['  File "f.py", line 1\n', "    x = 'é' +\n", '             ^\n', 'SyntaxError: invalid syntax\n']
