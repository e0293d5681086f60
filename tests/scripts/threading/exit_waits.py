# At exit the interpreter calls threading._shutdown(): the functions of _register_atexit run (last
# registered first), then the non-daemon threads are waited for; a daemon thread blocked forever
# does not hold the exit up; an executor never shut down has its workers stopped.
import threading
from concurrent.futures import ThreadPoolExecutor

release = threading.Event()


def late_worker():
    release.wait()
    print("non-daemon thread finished after the main code")


threading.Thread(target=late_worker).start()
threading.Thread(target=threading.Event().wait, daemon=True).start()  # never ends

threading._register_atexit(release.set)  # registered first: runs last
threading._register_atexit(print, "atexit registered second")
threading._register_atexit(print, "atexit", "registered", "last", sep="-")

pool = ThreadPoolExecutor(2)
print(pool.submit(sum, [1, 2, 3]).result())  # the pool is left running

print("main code done")

# expect: 6
# expect: main code done
# expect: atexit-registered-last
# expect: atexit registered second
# expect: non-daemon thread finished after the main code
