# Each thread has its own state: the exception being handled (sys.exc_info), the frames
# (sys._getframe, tracebacks) and the recursion depth.
import _thread
import signal
import sys

go = _thread.allocate_lock()
resume = _thread.allocate_lock()
finished = _thread.allocate_lock()
for lock in (go, resume, finished):
    lock.acquire()
report = []


def inner():
    return sys._getframe().f_back.f_code.co_name


def in_thread():
    report.append(("thread sees", sys.exc_info()[0]))
    report.append(("caller", inner()))
    try:
        raise KeyError("thread")
    except KeyError:
        go.release()          # main runs while this thread handles its KeyError
        resume.acquire()
        report.append(("thread still handles", repr(sys.exc_info()[1])))
    report.append(("outermost", sys._getframe().f_back))

    def deep(n):
        return n if n == 0 else deep(n - 1)

    report.append(("deep", deep(500)))
    try:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    except ValueError as error:
        report.append(("signal", error))
    finished.release()


try:
    raise ValueError("main")
except ValueError:
    _thread.start_new_thread(in_thread, ())
    go.acquire()
    print("main still handles", repr(sys.exc_info()[1]))
    resume.release()
finished.acquire()
for line in report:
    print(*line)
print("main after", sys.exc_info())
print(sys._getframe().f_code.co_name)
# expect: main still handles ValueError('main')
# expect: thread sees None
# expect: caller in_thread
# expect: thread still handles KeyError('thread')
# expect: outermost None
# expect: deep 0
# expect: signal signal only works in main thread of the main interpreter
# expect: main after (None, None, None)
# expect: <module>
