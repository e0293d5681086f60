# Bad arguments raise CPython's exceptions.
import gc

for call in [
    lambda: gc.collect(3),
    lambda: gc.collect(-1),
    lambda: gc.collect("a"),
    lambda: gc.collect(1, 2),
    lambda: gc.collect(gen=1),
    lambda: gc.set_threshold(),
    lambda: gc.set_threshold(1, 2, 3, 4),
    lambda: gc.set_threshold(1.5),
    lambda: gc.get_objects(3),
    lambda: gc.get_objects(-2),
    lambda: gc.set_debug("x"),
]:
    try:
        call()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
print(gc.collect(True))
old = gc.get_threshold()
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold())

# Expected output (from CPython 3.11):
# expect: ValueError invalid generation
# expect: ValueError invalid generation
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: TypeError collect() takes at most 1 argument (2 given)
# expect: TypeError 'gen' is an invalid keyword argument for collect()
# expect: TypeError set_threshold() takes at least 1 argument (0 given)
# expect: TypeError set_threshold() takes at most 3 arguments (4 given)
# expect: TypeError 'float' object cannot be interpreted as an integer
# expect: ValueError generation parameter must be less than the number of available generations (3)
# expect: ValueError generation parameter cannot be negative
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: 0
# expect: (500, 10, 10)
# expect: (700, 10, 10)
