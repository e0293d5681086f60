# Traceback, frame and code objects as the traceback module reads them.
import sys


def fail(n):
    local_value = n * 2
    raise KeyError(local_value)


def middle():
    return fail(5)


try:
    middle()
except KeyError as e:
    tb = e.__traceback__
    names = []
    t = tb
    while t is not None:
        frame = t.tb_frame
        names.append((frame.f_code.co_name, t.tb_lineno, frame.f_lineno == t.tb_lineno,
                      t.tb_lasti >= 0, t.tb_lasti % 2))
        t = t.tb_next
    print(names)
    print(tb.tb_frame is tb.tb_frame, tb.tb_frame.f_globals is globals())
    print(tb.tb_frame.f_code.co_filename == __file__, tb.tb_frame.f_code.co_firstlineno)
    inner = tb.tb_next.tb_next
    print(inner.tb_frame.f_code.co_name, inner.tb_frame.f_code.co_firstlineno)
    positions = list(inner.tb_frame.f_code.co_positions())
    print(all(len(p) == 4 for p in positions))
    line, end_line, col, end_col = positions[inner.tb_lasti // 2]
    print(line, end_line, col, end_col)
    try:
        tb.tb_next = tb
    except ValueError as error:
        print("ValueError", error)
    try:
        tb.tb_next = 5
    except TypeError as error:
        print("TypeError", error)
    tb.tb_next = None
    print(tb.tb_next)
    try:
        tb.tb_lineno = 3
    except AttributeError as error:
        print("AttributeError", error)


def positions_of(function):
    return [p for p in function.__code__.co_positions() if p[0] is not None]


def add(a, b):
    return a + b


print(positions_of(add)[-1][0] == add.__code__.co_firstlineno + 1)
print(type(sys._getframe().f_code.co_positions()).__name__ != "list")


def running():
    try:
        sys._getframe().clear()
    except RuntimeError as error:
        print("RuntimeError", error)


running()


def finished():
    secret = "kept"
    raise ValueError


try:
    finished()
except ValueError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print(frame.f_locals, frame.f_back is error.__traceback__.tb_frame, frame.f_lineno)
    print(frame.f_back.f_code.co_name)
    print(frame.clear(), frame.f_locals)
    import traceback
    traceback.clear_frames(error.__traceback__)
    print("cleared")


def level3():
    raise KeyError("deep")


def level2():
    level3()


def level1():
    level2()


try:
    level1()
except KeyError as error:
    saved = error
print([f.f_code.co_name for f, _ in traceback.walk_stack(
    traceback.extract_tb(saved.__traceback__) and
    saved.__traceback__.tb_next.tb_next.tb_next.tb_frame)][:4])

# expect: [('<module>', 15, False, True, 0), ('middle', 11, True, True, 0), ('fail', 7, True, True, 0)]
# expect: True True
# expect: True 1
# expect: fail 5
# expect: True
# expect: 7 7 4 31
# expect: ValueError traceback loop detected
# expect: TypeError expected traceback object, got 'int'
# expect: None
# expect: AttributeError attribute 'tb_lineno' of 'traceback' objects is not writable
# expect: True
# expect: True
# expect: RuntimeError cannot clear an executing frame
# expect: {'secret': 'kept'} True 74
# expect: <module>
# expect: None {}
# expect: cleared
# expect: ['level3', 'level2', 'level1', '<module>']
