# An uncaught exception prints a traceback on stderr and exits with status 1.
# expect-exit: 1
def fail():
    raise RuntimeError("boom")


print("before")
# expect: before
fail()
print("not reached")
