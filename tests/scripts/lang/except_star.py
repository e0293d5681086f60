# try/except* (PEP 654): splitting groups by type, wrapping naked exceptions, re-raising the
# unhandled rest, raising inside handlers, else/finally, and the compile-time and run-time errors.


def show(e, depth=0):
    pad = "  " * depth
    if isinstance(e, BaseExceptionGroup):
        print(pad + type(e).__name__, repr(e.message), len(e.exceptions))
        for sub in e.exceptions:
            show(sub, depth + 1)
    else:
        print(pad + repr(e))


# Several clauses, each handling its part.
try:
    raise ExceptionGroup("group", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as eg:
    print("value errors:", [str(x) for x in eg.exceptions], eg.message)
except* TypeError as eg:
    print("type errors:", [str(x) for x in eg.exceptions])

# A tuple of types; the handled exception (sys.exc_info) is the matched part.
import sys

try:
    raise ExceptionGroup("g", [KeyError("k"), IndexError("i"), OSError("o")])
except* (KeyError, IndexError) as eg:
    print("lookup:", repr(eg), sys.exc_info()[1] is eg)
except* OSError:
    print("os:", repr(sys.exc_info()[1]))
print("after", sys.exc_info())

# A naked exception is wrapped in ExceptionGroup('', [e]).
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("wrapped:", repr(eg), type(eg).__name__, eg.__traceback__)

# No clause matches a naked exception: it propagates unchanged.
try:
    try:
        raise KeyError("plain")
    except* ValueError:
        print("not here")
except KeyError as e:
    print("plain propagated:", repr(e))

# The unhandled rest is re-raised with the original message and nesting.
try:
    try:
        raise ExceptionGroup(
            "outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])]
        )
    except* ValueError as eg:
        show(eg)
except ExceptionGroup as rest:
    print("rest:")
    show(rest)

# Re-raising with a bare raise keeps the original group's structure.
try:
    try:
        raise ExceptionGroup("keep", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError:
        raise
    except* TypeError:
        pass
except ExceptionGroup as e:
    print("reraised:")
    show(e)

# Exceptions raised in handlers are combined with the unhandled rest in a new group.
try:
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise RuntimeError("from handler")
    except* TypeError:
        raise
except ExceptionGroup as e:
    print("combined:")
    show(e)
    print(repr(e.exceptions[0].__context__))

# A single raised exception with nothing left is raised as itself.
try:
    try:
        raise ExceptionGroup("one", [ValueError(1)])
    except* ValueError:
        raise KeyError("alone")
except KeyError as e:
    print("alone:", repr(e), repr(e.__context__))

# For a naked exception, what its handler raises propagates as it is.
try:
    try:
        raise ValueError("n")
    except* ValueError:
        raise TypeError("from naked")
except TypeError as e:
    print("naked handler raised:", repr(e), repr(e.__context__))

# else and finally.
for trigger in (False, True):
    try:
        if trigger:
            raise ExceptionGroup("t", [OSError("x")])
        print("body ran")
    except* OSError:
        print("handled")
    else:
        print("else ran")
    finally:
        print("finally ran")


def returns():
    try:
        raise ExceptionGroup("f", [ValueError()])
    except* ValueError:
        pass
    finally:
        return "finally value"


print(returns())

# break/continue inside a loop nested in the handler are allowed.
try:
    raise ExceptionGroup("loop", [ValueError()])
except* ValueError:
    for i in range(3):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop", i)

# Handler variables are unbound after the clause.
try:
    raise ExceptionGroup("n", [ValueError()])
except* ValueError as bound:
    pass
try:
    bound
except NameError as e:
    print(e)

# Matching a subclass, and a BaseExceptionGroup of non-Exceptions.
class MyError(ValueError):
    pass


try:
    raise ExceptionGroup("sub", [MyError("m"), ValueError("v")])
except* MyError as eg:
    print("mine:", eg.exceptions)
except* ValueError as eg:
    print("others:", eg.exceptions)
try:
    try:
        raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)])
    except* ValueError as eg:
        print("value part:", type(eg).__name__, eg.exceptions)
except BaseExceptionGroup as e:
    print("left:", type(e).__name__, e.exceptions)

# Run-time type errors.
for bad in (ExceptionGroup, (ValueError, BaseExceptionGroup), int, (ValueError, 3)):
    try:
        try:
            raise ValueError("x")
        except* bad:
            pass
    except TypeError as e:
        print("TypeError:", e)

# Compile-time errors.
for source in (
    "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
    "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
    "for x in y:\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "for x in y:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "try:\n    pass\nexcept*:\n    pass\n",
    "try:\n    pass\nx = 1\n",
    "try:\n    pass\n",
):
    try:
        compile(source, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e)


# A subclass's derive() builds the split parts and the re-raised rest.
class Tagged(ExceptionGroup):
    def derive(self, excs):
        return Tagged(self.message + "!", excs)


try:
    try:
        raise Tagged("custom", [ValueError(1), TypeError(2)])
    except* ValueError as v:
        print("part:", type(v).__name__, repr(v))
except Tagged as rest:
    print("rest:", type(rest).__name__, repr(rest))

# Handlers raising and a naked exception re-raised as its wrapping group.
try:
    try:
        raise ExceptionGroup("x", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise TypeError(3) from None
    except* TypeError:
        raise OSError(4)
except ExceptionGroup as e:
    print(repr(e), [repr(x.__context__) for x in e.exceptions])
try:
    try:
        raise ValueError("n")
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("naked re-raised:", repr(e))

# expect: value errors: ['v1', 'v2'] group
# expect: type errors: ['t1']
# expect: lookup: ExceptionGroup('g', [KeyError('k'), IndexError('i')]) True
# expect: os: ExceptionGroup('g', [OSError('o')])
# expect: after (None, None, None)
# expect: wrapped: ExceptionGroup('', (ValueError('naked'),)) ExceptionGroup None
# expect: plain propagated: KeyError('plain')
# expect: ExceptionGroup 'outer' 2
# expect:   ValueError(1)
# expect:   ExceptionGroup 'inner' 1
# expect:     ValueError(3)
# expect: rest:
# expect: ExceptionGroup 'outer' 1
# expect:   ExceptionGroup 'inner' 1
# expect:     TypeError(2)
# expect: reraised:
# expect: ExceptionGroup 'keep' 2
# expect:   ValueError(1)
# expect:   ValueError(3)
# expect: combined:
# expect: ExceptionGroup '' 2
# expect:   RuntimeError('from handler')
# expect:   ExceptionGroup 'orig' 2
# expect:     TypeError(2)
# expect:     OSError(3)
# expect: ExceptionGroup('orig', [ValueError(1)])
# expect: alone: KeyError('alone') ExceptionGroup('one', [ValueError(1)])
# expect: naked handler raised: TypeError('from naked') ExceptionGroup('', (ValueError('n'),))
# expect: body ran
# expect: else ran
# expect: finally ran
# expect: handled
# expect: finally ran
# expect: finally value
# expect: loop 0
# expect: name 'bound' is not defined
# expect: mine: (MyError('m'),)
# expect: others: (ValueError('v'),)
# expect: value part: ExceptionGroup (ValueError(1),)
# expect: left: BaseExceptionGroup (KeyboardInterrupt(),)
# expect: TypeError: catching ExceptionGroup with except* is not allowed. Use except instead.
# expect: TypeError: catching ExceptionGroup with except* is not allowed. Use except instead.
# expect: TypeError: catching classes that do not inherit from BaseException is not allowed
# expect: TypeError: catching classes that do not inherit from BaseException is not allowed
# expect: SyntaxError: cannot have both 'except' and 'except*' on the same 'try' (<s>, line 5)
# expect: SyntaxError: cannot have both 'except' and 'except*' on the same 'try' (<s>, line 5)
# expect: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block (<s>, line 5)
# expect: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block (<s>, line 5)
# expect: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block (<s>, line 5)
# expect: SyntaxError: expected one or more exception types (<s>, line 3)
# expect: SyntaxError: expected 'except' or 'finally' block (<s>, line 3)
# expect: SyntaxError: expected 'except' or 'finally' block (<s>, line 2)
# expect: part: Tagged Tagged('custom!', [ValueError(1)])
# expect: rest: Tagged Tagged('custom!', [TypeError(2)])
# expect: ExceptionGroup('', [TypeError(3), OSError(4)]) ["ExceptionGroup('x', [ValueError(1)])", "ExceptionGroup('x', [TypeError(2)])"]
# expect: naked re-raised: ExceptionGroup('', (ValueError('n'),))
