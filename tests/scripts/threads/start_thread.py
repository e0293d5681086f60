# _thread.start_new_thread: arguments and keywords reach the function, each thread has its own
# identity, bad arguments raise CPython's TypeErrors, SystemExit ends a thread quietly.
import _thread

results = {}
guard = _thread.allocate_lock()
finished = _thread.allocate_lock()
finished.acquire()
pending = [3]


def worker(name, count, *, step=1):
    total = 0
    for i in range(0, count, step):
        total += i
    with guard:
        results[name] = (total, _thread.get_ident(), _thread.get_native_id())
        pending[0] -= 1
        if pending[0] == 0:
            finished.release()


idents = [
    _thread.start_new_thread(worker, ("a", 10000)),
    _thread.start_new_thread(worker, ("b", 10000), {"step": 2}),
    _thread.start_new(worker, ("c", 100), {}),
]
finished.acquire()
print(sorted((name, value[0]) for name, value in results.items()))
print(sorted(value[1] for value in results.values()) == sorted(idents))
print(_thread.get_ident() not in idents, len(set(idents)) == 3)
print(len({value[2] for value in results.values()} | {_thread.get_native_id()}) == 4)

for args in [(1, ()), (print, []), (print, (), [])]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as error:
        print("TypeError", error)

done = _thread.allocate_lock()
done.acquire()


def quits():
    done.release()
    raise SystemExit(3)


_thread.start_new_thread(quits, ())
done.acquire()


def exits():
    try:
        _thread.exit()
    except SystemExit as error:
        print("exit raises SystemExit", error.args)
    done.release()


_thread.start_new_thread(exits, ())
done.acquire()
print(_thread.stack_size(), _thread.stack_size(0))
try:
    _thread.stack_size(100)
except ValueError as error:
    print("ValueError", error)
print("main goes on")
# expect: [('a', 49995000), ('b', 24995000), ('c', 4950)]
# expect: True
# expect: True True
# expect: True
# expect: TypeError first arg must be callable
# expect: TypeError 2nd arg must be a tuple
# expect: TypeError optional 3rd arg must be a dictionary
# expect: exit raises SystemExit ()
# expect: 0 0
# expect: ValueError size not valid: 100 bytes
# expect: main goes on
