# The cycle collector under 4 threads: each allocates reference cycles (lists, dicts, instances
# with __del__, some resurrecting once, weakrefs with callbacks, suspended generators with a
# finally block) while automatic collections (low thresholds) and explicit gc.collect() calls from
# every thread run. Every finalizer, callback and finally block must run exactly once.
import gc
import threading
import weakref

THREADS = 4
ROUNDS = 400

deleted = []
callbacks = []
finallies = []
resurrected = []
lock = threading.Lock()


class Finalized:
    def __del__(self):
        deleted.append(1)


class Phoenix:
    def __del__(self):
        resurrected.append(self)  # PEP 442: __del__ runs once, so this object dies next time


class Plain:
    pass


def generator(box):
    try:
        yield box
        yield 2
    finally:
        finallies.append(1)


def on_dead(ref):
    callbacks.append(1)


def worker(index, barrier, keep):
    barrier.wait()
    for i in range(ROUNDS):
        a = []
        a.append(a)
        d = {"n": i}
        d["self"] = d
        f = Finalized()
        f.cycle = [f, a, d]
        p = Phoenix()
        p.me = p
        w = Plain()
        w.me = w
        keep.append(weakref.ref(w, on_dead))
        box = []
        g = generator(box)
        box.append(g)
        next(g)
        t = (box, [i])
        box.append(t)
        del a, d, f, p, w, box, g, t
        if i % 25 == index:
            gc.collect(i % 3)
        if i % 50 == 0:
            with lock:
                gc.get_count()
                gc.is_tracked(keep)


gc.set_threshold(50, 3, 3)
barrier = threading.Barrier(THREADS)
kept = [[] for _ in range(THREADS)]
threads = [threading.Thread(target=worker, args=(n, barrier, kept[n])) for n in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
gc.collect()
gc.collect()
total = THREADS * ROUNDS
print("__del__ ran:", len(deleted) == total)
print("resurrected once:", len(resurrected) == total)
del resurrected[:]
gc.collect()
print("weakref callbacks:", len(callbacks) == total)
print("every weakref dead:", all(r() is None for keep in kept for r in keep))
print("generator finally blocks:", len(finallies) == total)
print("garbage:", gc.garbage)
gc.set_threshold(700, 10, 10)
# expect: __del__ ran: True
# expect: resurrected once: True
# expect: weakref callbacks: True
# expect: every weakref dead: True
# expect: generator finally blocks: True
# expect: garbage: []
