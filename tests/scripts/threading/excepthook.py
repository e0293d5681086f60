# Uncaught exceptions in threads: the default threading.excepthook prints "Exception in thread
# NAME:" and the traceback on sys.stderr; SystemExit ends a thread silently; a custom hook gets
# ExceptHookArgs; a failing hook is reported; the thread ends either way.
import io
import sys
import threading


def boom():
    raise ValueError("boom")


def run_captured(thread):
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        thread.start()
        thread.join()
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


text = run_captured(threading.Thread(target=boom, name="worker"))
lines = text.splitlines()
print(lines[0])
print(lines[1])
print([line.strip().split(", ", 1)[1] for line in lines if line.endswith(", in boom")])
print(lines[-2].strip())
print(lines[-1])

# an automatic name shows the target
text = run_captured(threading.Thread(target=boom))
first = text.splitlines()[0]
print(first.startswith("Exception in thread Thread-"), first.endswith(" (boom):"))

# SystemExit is not reported
print(repr(run_captured(threading.Thread(target=sys.exit, args=(3,)))))

# a custom hook
seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value),
                 type(args.exc_traceback).__name__, args.thread.name))


threading.excepthook = hook
t = threading.Thread(target=boom, name="custom")
print(repr(run_captured(t)), seen, t.is_alive())


# a subclass whose run() raises
class Bad(threading.Thread):
    def run(self):
        raise KeyError("k")


run_captured(Bad(name="bad"))
print(seen[-1])


# a hook that raises: "Exception in threading.excepthook:" then sys.excepthook's traceback
def broken_hook(args):
    raise RuntimeError("hook failed")


threading.excepthook = broken_hook
lines = run_captured(threading.Thread(target=boom, name="w2")).splitlines()
print(lines[0])
print(lines[-1])

threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)

# ExceptHookArgs is a 4-field structure
args = threading.ExceptHookArgs([ValueError, ValueError("v"), None, None])
print(args.exc_type.__name__, args.exc_value, args.exc_traceback, args.thread, len(args))
lines = []
saved = sys.stderr
sys.stderr = io.StringIO()
try:
    threading.excepthook(args)
    text = sys.stderr.getvalue()
finally:
    sys.stderr = saved
print(text.splitlines()[0].startswith("Exception in thread "), text.splitlines()[-1])
print("main thread goes on")

# expect: Exception in thread worker:
# expect: Traceback (most recent call last):
# expect: ['line 10, in boom']
# expect: raise ValueError("boom")
# expect: ValueError: boom
# expect: True True
# expect: ''
# expect: '' [('ValueError', 'boom', 'traceback', 'custom')] False
# expect: ('KeyError', "'k'", 'traceback', 'bad')
# expect: Exception in threading.excepthook:
# expect: RuntimeError: hook failed
# expect: True
# expect: ValueError v None None 4
# expect: True ValueError: v
# expect: main thread goes on
