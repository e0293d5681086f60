# _thread._excepthook and _ExceptHookArgs, as threading.excepthook uses them; an uncaught
# exception in a bare _thread thread is reported on stderr and the program goes on.
import _thread
import io
import sys

args = _thread._ExceptHookArgs([ValueError, ValueError("bad"), None, None])
print(type(args).__name__, args.exc_type.__name__, args.exc_value, args.thread, len(args))
try:
    _thread._ExceptHookArgs((1, 2))
except TypeError as error:
    print("TypeError", error)


class FakeThread:
    name = "worker-7"


saved = sys.stderr
sys.stderr = io.StringIO()
try:
    _thread._excepthook(_thread._ExceptHookArgs((KeyError, KeyError("k"), None, FakeThread())))
    _thread._excepthook(_thread._ExceptHookArgs((SystemExit, SystemExit(1), None, None)))
    _thread._excepthook(_thread._ExceptHookArgs((ValueError, ValueError("v"), None, None)))
    text = sys.stderr.getvalue()
finally:
    sys.stderr = saved
print(text.replace(str(_thread.get_ident()), "IDENT"), end="")
try:
    _thread._excepthook((1, 2, 3, 4))
except TypeError as error:
    print("TypeError", error)

done = _thread.allocate_lock()
done.acquire()


def fails():
    try:
        raise ZeroDivisionError("in thread")
    finally:
        done.release()


_thread.start_new_thread(fails, ())
done.acquire()
print("main goes on")
# expect: _ExceptHookArgs ValueError bad None 4
# expect: TypeError _thread._ExceptHookArgs() takes a 4-sequence (2-sequence given)
# expect: Exception in thread worker-7:
# expect: KeyError: 'k'
# expect: Exception in thread IDENT:
# expect: ValueError: v
# expect: TypeError _thread.excepthook argument type must be ExceptHookArgs
# expect: main goes on
