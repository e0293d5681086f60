# Each thread keeps its own handled-exception chain while the GIL moves between them, also when
# a thread waits inside a generator suspended in an except block (vm/exc_info.h, vm/gil.cpp).
import sys
import threading

def cur():
    return repr(sys.exc_info()[1])

log = []
a_in_gen = threading.Event()
main_checked = threading.Event()

def waiting_gen():
    try:
        raise ValueError("thread gen")
    except ValueError:
        log.append("gen before wait " + cur())
        a_in_gen.set()
        main_checked.wait()  # the GIL goes to the main thread here
        log.append("gen after wait " + cur())
        yield 1
        log.append("gen resumed " + cur())
    log.append("gen out of except " + cur())
    yield 2

def worker():
    try:
        raise KeyError("thread")
    except KeyError:
        it = waiting_gen()
        next(it)
        log.append("thread after next " + cur())
        next(it)
        log.append("thread after second next " + cur())
    log.append("thread end " + cur())

t = threading.Thread(target=worker)
try:
    raise TypeError("main")
except TypeError:
    t.start()
    a_in_gen.wait()
    log.append("main while thread waits " + cur())
    main_checked.set()
    t.join()
    log.append("main after join " + cur())
log.append("main end " + cur())
for line in log:
    print(line)

# expect: gen before wait ValueError('thread gen')
# expect: main while thread waits TypeError('main')
# expect: gen after wait ValueError('thread gen')
# expect: thread after next KeyError('thread')
# expect: gen resumed ValueError('thread gen')
# expect: gen out of except KeyError('thread')
# expect: thread after second next KeyError('thread')
# expect: thread end None
# expect: main after join TypeError('main')
# expect: main end None
