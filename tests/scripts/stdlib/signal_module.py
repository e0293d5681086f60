# signal: Python-level handlers run at the eval breaker, errors, SIG_IGN/SIG_DFL, PEP 475 sleep.
import os
import signal
import time

print(signal.SIGINT == 2, signal.NSIG, signal.SIG_DFL == 0, signal.SIG_IGN == 1)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)

got = []


def record(signum, frame):
    got.append(signum)


old = signal.signal(signal.SIGUSR1, record)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is record)
signal.raise_signal(signal.SIGUSR1)
print(got == [signal.SIGUSR1])
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(100):
    pass
print(len(got))
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is record)
signal.raise_signal(signal.SIGUSR1)
print(len(got), signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN)


class Boom(Exception):
    pass


def explode(signum, frame):
    raise Boom(signum)


signal.signal(signal.SIGUSR2, explode)
try:
    signal.raise_signal(signal.SIGUSR2)
    print("not reached")
except Boom as e:
    print("Boom from handler", e.args[0] == signal.SIGUSR2)


def deep(n):
    if n == 0:
        os.kill(os.getpid(), signal.SIGUSR2)
        return deep2()
    return deep(n - 1)


def deep2():
    return 1


try:
    deep(3)
    print("not reached")
except Boom:
    print("Boom propagated through calls")

# PEP 475: sleep resumes after a handler that returns, stops when it raises.
signal.signal(signal.SIGALRM, record)
signal.alarm(1)
time.sleep(1.2)
print(got[-1] == signal.SIGALRM)
signal.signal(signal.SIGALRM, explode)
signal.alarm(1)
try:
    time.sleep(10)
    print("not reached")
except Boom:
    print("sleep interrupted by the handler")
print(signal.alarm(0))

for args in [(0, signal.SIG_DFL), (signal.NSIG, signal.SIG_DFL), (-3, signal.SIG_IGN)]:
    try:
        signal.signal(*args)
    except ValueError as e:
        print("ValueError:", e)
for bad in [5, None, "x"]:
    try:
        signal.signal(signal.SIGUSR1, bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    signal.signal("x", signal.SIG_DFL)
except TypeError as e:
    print("TypeError:", e)
try:
    signal.getsignal(100)
except ValueError as e:
    print("ValueError:", e)
try:
    signal.signal(signal.SIGKILL, signal.SIG_IGN)
except OSError as e:
    print("OSError:", e.errno, e)
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", e.args)
print(signal.strsignal(signal.SIGINT), "|", signal.strsignal(signal.SIGUSR1))
valid = signal.valid_signals()
print(signal.SIGKILL in valid, signal.SIGUSR1 in valid, 0 in valid, len(valid))
for signum in (signal.SIGUSR1, signal.SIGUSR2, signal.SIGALRM):
    signal.signal(signum, signal.SIG_DFL)
print(signal.getsignal(signal.SIGUSR2) == signal.SIG_DFL)
print(repr(signal.SIGINT), repr(signal.SIGIOT), repr(signal.SIG_IGN), repr(signal.SIG_SETMASK))
print(signal.SIGTERM, f"{signal.SIGUSR1}", signal.Signals(15).name, signal.SIGCHLD + 0)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)), repr(signal.getsignal(signal.SIGUSR1)))
print(signal.SIGINT in signal.valid_signals(), type(signal.NSIG).__name__)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)


# The handler's second argument is the frame the signal interrupted.
def where(signum, frame):
    print("handler in", frame.f_code.co_name, signum == signal.SIGUSR2)


def work():
    os.kill(os.getpid(), signal.SIGUSR2)
    for i in range(10):
        pass


signal.signal(signal.SIGUSR2, where)
work()
signal.raise_signal(signal.SIGUSR2)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
# expect: True 65 True True
# expect: True
# expect: True
# expect: True True
# expect: True
# expect: 2
# expect: True
# expect: 2 True
# expect: Boom from handler True
# expect: Boom propagated through calls
# expect: True
# expect: sleep interrupted by the handler
# expect: 0
# expect: ValueError: signal number out of range
# expect: ValueError: signal number out of range
# expect: ValueError: signal number out of range
# expect: TypeError: signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object
# expect: TypeError: signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object
# expect: TypeError: signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object
# expect: TypeError: 'str' object cannot be interpreted as an integer
# expect: ValueError: signal number out of range
# expect: OSError: 22 [Errno 22] Invalid argument
# expect: KeyboardInterrupt ()
# expect: Interrupt | User defined signal 1
# expect: True True False 62
# expect: True
# expect: <Signals.SIGINT: 2> <Signals.SIGABRT: 6> <Handlers.SIG_IGN: 1> <Sigmasks.SIG_SETMASK: 2>
# expect: 15 10 SIGTERM 17
# expect: <Handlers.SIG_DFL: 0> <Handlers.SIG_IGN: 1>
# expect: True int
# expect: handler in work True
# expect: handler in <module> True
