# Exception groups print in CPython 3.11's boxed "Exception Group Traceback" layout (here through
# sys.excepthook with stderr pointed at stdout; code runs under a fake filename so paths are stable).
import sys

sys.stderr = sys.stdout


def report(source):
    try:
        exec(compile(source, "<tb>", "exec"), {})
    except BaseException as e:
        e.with_traceback(e.__traceback__.tb_next)  # drop this frame: its path varies
        sys.excepthook(type(e), e, e.__traceback__)
    print("=" * 20)


# Never raised: no traceback, only the boxes.
eg = ExceptionGroup("plain", [ValueError(1), ExceptionGroup("nested", [TypeError(2), KeyError(3)])])
sys.excepthook(type(eg), eg, None)
print("=" * 20)
report(
    """
def f():
    raise ValueError("inner")
try:
    f()
except ValueError as e:
    try:
        raise ExceptionGroup("eg", [TypeError("t"), ExceptionGroup("sub", [KeyError("k"), OSError(2, "x")])]) from e
    except* TypeError:
        raise RuntimeError("in handler")
"""
)
report(
    """
e = ExceptionGroup("noted", [ValueError("a")])
e.add_note("first note")
e.exceptions[0].add_note("two\\nlines")
raise e
"""
)
report(
    """
raise ExceptionGroup("wide", [ValueError(i) for i in range(17)])
"""
)
report(
    """
def nest(n):
    if n == 0:
        return ValueError("leaf")
    return ExceptionGroup(f"level {n}", [nest(n - 1)])
raise nest(12)
"""
)
report(
    """
try:
    raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
except* ValueError:
    pass
"""
)
report(
    """
def inner():
    raise ExceptionGroup("deep", [ValueError(1), TypeError(2), KeyError(3)])
def middle():
    try:
        inner()
    except* ValueError:
        pass
    except* KeyError:
        try:
            raise
        except* KeyError:
            raise OSError("nested")
middle()
"""
)

# expect:   | ExceptionGroup: plain (2 sub-exceptions)
# expect:   +-+---------------- 1 ----------------
# expect:     | ValueError: 1
# expect:     +---------------- 2 ----------------
# expect:     | ExceptionGroup: nested (2 sub-exceptions)
# expect:     +-+---------------- 1 ----------------
# expect:       | TypeError: 2
# expect:       +---------------- 2 ----------------
# expect:       | KeyError: 3
# expect:       +------------------------------------
# expect: ====================
# expect:   | ExceptionGroup:  (2 sub-exceptions)
# expect:   +-+---------------- 1 ----------------
# expect:     | Traceback (most recent call last):
# expect:     |   File "<tb>", line 5, in <module>
# expect:     |   File "<tb>", line 3, in f
# expect:     | ValueError: inner
# expect:     | 
# expect:     | The above exception was the direct cause of the following exception:
# expect:     | 
# expect:     | Exception Group Traceback (most recent call last):
# expect:     |   File "<tb>", line 8, in <module>
# expect:     | ExceptionGroup: eg (1 sub-exception)
# expect:     +-+---------------- 1 ----------------
# expect:       | TypeError: t
# expect:       +------------------------------------
# expect:     | 
# expect:     | During handling of the above exception, another exception occurred:
# expect:     | 
# expect:     | Traceback (most recent call last):
# expect:     |   File "<tb>", line 10, in <module>
# expect:     | RuntimeError: in handler
# expect:     +---------------- 2 ----------------
# expect:     | Exception Group Traceback (most recent call last):
# expect:     |   File "<tb>", line 8, in <module>
# expect:     | ExceptionGroup: eg (1 sub-exception)
# expect:     +-+---------------- 1 ----------------
# expect:       | ExceptionGroup: sub (2 sub-exceptions)
# expect:       +-+---------------- 1 ----------------
# expect:         | KeyError: 'k'
# expect:         +---------------- 2 ----------------
# expect:         | FileNotFoundError: [Errno 2] x
# expect:         +------------------------------------
# expect: ====================
# expect:   + Exception Group Traceback (most recent call last):
# expect:   |   File "<tb>", line 5, in <module>
# expect:   | ExceptionGroup: noted (1 sub-exception)
# expect:   | first note
# expect:   +-+---------------- 1 ----------------
# expect:     | ValueError: a
# expect:     | two
# expect:     | lines
# expect:     +------------------------------------
# expect: ====================
# expect:   + Exception Group Traceback (most recent call last):
# expect:   |   File "<tb>", line 2, in <module>
# expect:   | ExceptionGroup: wide (17 sub-exceptions)
# expect:   +-+---------------- 1 ----------------
# expect:     | ValueError: 0
# expect:     +---------------- 2 ----------------
# expect:     | ValueError: 1
# expect:     +---------------- 3 ----------------
# expect:     | ValueError: 2
# expect:     +---------------- 4 ----------------
# expect:     | ValueError: 3
# expect:     +---------------- 5 ----------------
# expect:     | ValueError: 4
# expect:     +---------------- 6 ----------------
# expect:     | ValueError: 5
# expect:     +---------------- 7 ----------------
# expect:     | ValueError: 6
# expect:     +---------------- 8 ----------------
# expect:     | ValueError: 7
# expect:     +---------------- 9 ----------------
# expect:     | ValueError: 8
# expect:     +---------------- 10 ----------------
# expect:     | ValueError: 9
# expect:     +---------------- 11 ----------------
# expect:     | ValueError: 10
# expect:     +---------------- 12 ----------------
# expect:     | ValueError: 11
# expect:     +---------------- 13 ----------------
# expect:     | ValueError: 12
# expect:     +---------------- 14 ----------------
# expect:     | ValueError: 13
# expect:     +---------------- 15 ----------------
# expect:     | ValueError: 14
# expect:     +---------------- ... ----------------
# expect:     | and 2 more exceptions
# expect:     +------------------------------------
# expect: ====================
# expect:   + Exception Group Traceback (most recent call last):
# expect:   |   File "<tb>", line 6, in <module>
# expect:   | ExceptionGroup: level 12 (1 sub-exception)
# expect:   +-+---------------- 1 ----------------
# expect:     | ExceptionGroup: level 11 (1 sub-exception)
# expect:     +-+---------------- 1 ----------------
# expect:       | ExceptionGroup: level 10 (1 sub-exception)
# expect:       +-+---------------- 1 ----------------
# expect:         | ExceptionGroup: level 9 (1 sub-exception)
# expect:         +-+---------------- 1 ----------------
# expect:           | ExceptionGroup: level 8 (1 sub-exception)
# expect:           +-+---------------- 1 ----------------
# expect:             | ExceptionGroup: level 7 (1 sub-exception)
# expect:             +-+---------------- 1 ----------------
# expect:               | ExceptionGroup: level 6 (1 sub-exception)
# expect:               +-+---------------- 1 ----------------
# expect:                 | ExceptionGroup: level 5 (1 sub-exception)
# expect:                 +-+---------------- 1 ----------------
# expect:                   | ExceptionGroup: level 4 (1 sub-exception)
# expect:                   +-+---------------- 1 ----------------
# expect:                     | ExceptionGroup: level 3 (1 sub-exception)
# expect:                     +-+---------------- 1 ----------------
# expect:                       | ... (max_group_depth is 10)
# expect:                       +------------------------------------
# expect: ====================
# expect:   + Exception Group Traceback (most recent call last):
# expect:   |   File "<tb>", line 3, in <module>
# expect:   | ExceptionGroup: orig (1 sub-exception)
# expect:   +-+---------------- 1 ----------------
# expect:     | TypeError: 2
# expect:     +------------------------------------
# expect: ====================
# expect:   + Exception Group Traceback (most recent call last):
# expect:   |   File "<tb>", line 14, in <module>
# expect:   | ExceptionGroup:  (2 sub-exceptions)
# expect:   +-+---------------- 1 ----------------
# expect:     | Exception Group Traceback (most recent call last):
# expect:     |   File "<tb>", line 6, in middle
# expect:     |   File "<tb>", line 3, in inner
# expect:     | ExceptionGroup: deep (1 sub-exception)
# expect:     +-+---------------- 1 ----------------
# expect:       | KeyError: 3
# expect:       +------------------------------------
# expect:     | 
# expect:     | During handling of the above exception, another exception occurred:
# expect:     | 
# expect:     | Traceback (most recent call last):
# expect:     |   File "<tb>", line 13, in middle
# expect:     | OSError: nested
# expect:     +---------------- 2 ----------------
# expect:     | Exception Group Traceback (most recent call last):
# expect:     |   File "<tb>", line 6, in middle
# expect:     |   File "<tb>", line 3, in inner
# expect:     | ExceptionGroup: deep (1 sub-exception)
# expect:     +-+---------------- 1 ----------------
# expect:       | TypeError: 2
# expect:       +------------------------------------
# expect: ====================
