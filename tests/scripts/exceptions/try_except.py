# try/except/else/finally through the exception table, chaining and re-raising.
def check(v):
    try:
        r = 10 // v
    except ZeroDivisionError as e:
        print("caught", type(e).__name__, e)
        return "handled"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally", v)


print(check(2))
# expect: else 5
# expect: finally 2
# expect: ok
print(check(0))
# expect: caught ZeroDivisionError integer division or modulo by zero
# expect: finally 0
# expect: handled
try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
# expect: ValueError('bad') KeyError('k') True
try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise
except (ValueError, TypeError) as e:
    print("reraised", e.args)
# expect: reraised ('inner',)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name
except NameError as e:
    print(e, "| context:", type(e.__context__).__name__)
# expect: name 'undefined_name' is not defined | context: ZeroDivisionError


class AppError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


try:
    raise AppError(7)
except Exception as e:
    print(e, e.code, isinstance(e, AppError), e.args)
# expect: code 7 7 True ('code 7',)
