# threading.Thread: names (automatic, with the target's name), daemon, ident, native_id, is_alive,
# join with a timeout, repr, the old camelCase API and its DeprecationWarnings, errors.
import threading
import warnings

gate = threading.Event()


def scrub(text):
    """text with every run of digits replaced by N (idents differ from run to run)."""
    out = []
    for ch in text:
        if ch.isdigit():
            if not out or out[-1] != "N":
                out.append("N")
        else:
            out.append(ch)
    return "".join(out)


def number(name, prefix, suffix=""):
    """The N of a name prefix + N + suffix, or None."""
    if not (name.startswith(prefix) and name.endswith(suffix)):
        return None
    middle = name[len(prefix):len(name) - len(suffix)]
    return int(middle) if middle.isdigit() else None


def work(x, y=0):
    gate.wait()
    results.append(x + y)


results = []
t = threading.Thread(target=work, args=(1,), kwargs={"y": 2})
print("auto name:", number(t.name, "Thread-", " (work)") is not None)
print("initial:", t.ident, t.native_id, t.is_alive(), t.daemon)
print(scrub(repr(t)))
t.start()
print("started:", t.is_alive(), isinstance(t.ident, int), isinstance(t.native_id, int))
print(scrub(repr(t)))
t.join(0.01)
print("after join(timeout):", t.is_alive())
gate.set()
t.join()
print("after join:", t.is_alive(), results)
print(scrub(repr(t)))

# names: numbers go up; a name without a target has no suffix; given names are str()ed
a = threading.Thread()
b = threading.Thread(target=len)
na = number(a.name, "Thread-")
nb = number(b.name, "Thread-", " (len)")
print("numbers increase:", nb == na + 1)
print(threading.Thread(name=42).name, threading.Thread(name="x", target=len).name)


class Callable:
    def __call__(self):
        pass


print("no __name__:", number(threading.Thread(target=Callable()).name, "Thread-") is not None)

# daemon flag: inherited, settable before start only
d = threading.Thread(target=len, args=("",), daemon=True)
print("daemon:", d.daemon)
d.start()
d.join()
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
print(scrub(repr(d)))

# errors
try:
    d.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)


class NoInit(threading.Thread):
    def __init__(self):
        pass


try:
    NoInit().start()
except RuntimeError as e:
    print("RuntimeError:", e)

# the camelCase API warns
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    x = threading.Thread(name="old")
    print(x.getName(), x.isDaemon())
    x.setName("new")
    x.setDaemon(True)
    print(x.name, x.daemon)
    print(threading.currentThread().name, threading.activeCount() >= 1)
    ev = threading.Event()
    print(ev.isSet())
    cond = threading.Condition()
    with cond:
        cond.notifyAll()
for w in caught:
    print(w.category.__name__, w.message)


# subclass with run(); _args and _kwargs are set by __init__
class Adder(threading.Thread):
    def run(self):
        self.total = sum(self._args) + self._kwargs.get("extra", 0)


s = Adder(args=(1, 2, 3), kwargs={"extra": 10})
s.start()
s.join()
print("subclass total:", s.total)

# run() drops target and arguments once done
r = threading.Thread(target=len, args=("abc",))
r.start()
r.join()
print("after run:", hasattr(r, "_target"), hasattr(r, "_args"))

# expect: auto name: True
# expect: initial: None None False False
# expect: <Thread(Thread-N (work), initial)>
# expect: started: True True True
# expect: <Thread(Thread-N (work), started N)>
# expect: after join(timeout): True
# expect: after join: False [3]
# expect: <Thread(Thread-N (work), stopped N)>
# expect: numbers increase: True
# expect: 42 x
# expect: no __name__: True
# expect: daemon: True
# expect: RuntimeError: cannot set daemon status of active thread
# expect: <Thread(Thread-N (len), stopped daemon N)>
# expect: RuntimeError: threads can only be started once
# expect: RuntimeError: cannot join thread before it is started
# expect: RuntimeError: cannot join current thread
# expect: RuntimeError: thread.__init__() not called
# expect: old False
# expect: new True
# expect: MainThread True
# expect: False
# expect: DeprecationWarning getName() is deprecated, get the name attribute instead
# expect: DeprecationWarning isDaemon() is deprecated, get the daemon attribute instead
# expect: DeprecationWarning setName() is deprecated, set the name attribute instead
# expect: DeprecationWarning setDaemon() is deprecated, set the daemon attribute instead
# expect: DeprecationWarning currentThread() is deprecated, use current_thread() instead
# expect: DeprecationWarning activeCount() is deprecated, use active_count() instead
# expect: DeprecationWarning isSet() is deprecated, use is_set() instead
# expect: DeprecationWarning notifyAll() is deprecated, use notify_all() instead
# expect: subclass total: 16
# expect: after run: False False
