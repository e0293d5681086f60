# ExceptionGroup: message, exceptions, split/subgroup/derive, class selection and validation (PEP 654).
eg = ExceptionGroup("group", [ValueError("v1"), TypeError("t1"), ExceptionGroup("inner", [ValueError("v2"), KeyError("k")])])
print(eg, repr(eg.message), len(eg.exceptions), type(eg).__name__, eg.args[0])
m, r = eg.split(ValueError)
print(m, [str(x) for x in m.exceptions], r, [type(x).__name__ for x in r.exceptions])
print(eg.subgroup(lambda e: isinstance(e, KeyError)), eg.subgroup(OSError), eg.split((TypeError, KeyError))[0])
print(type(BaseExceptionGroup("b", [ValueError()])).__name__, type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
print(eg.derive([ValueError("z")]), ExceptionGroup("one", [ValueError(1)]))
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup(1, [ValueError()]), lambda: ExceptionGroup("x", [1]),
            lambda: ExceptionGroup("x", [KeyboardInterrupt()]), lambda: ExceptionGroup("x"), lambda: ExceptionGroup("x", 5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
# expect: group (3 sub-exceptions) 'group' 3 ExceptionGroup group
# expect: group (2 sub-exceptions) ['v1', 'inner (1 sub-exception)'] group (2 sub-exceptions) ['TypeError', 'ExceptionGroup']
# expect: group (1 sub-exception) None group (2 sub-exceptions)
# expect: ExceptionGroup BaseExceptionGroup
# expect: group (1 sub-exception) one (1 sub-exception)
# expect: ValueError second argument (exceptions) must be a non-empty sequence
# expect: TypeError BaseExceptionGroup.__new__() argument 1 must be str, not int
# expect: ValueError Item 0 of second argument (exceptions) is not an exception
# expect: TypeError Cannot nest BaseExceptions in an ExceptionGroup
# expect: TypeError BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)
# expect: TypeError second argument (exceptions) must be a sequence
