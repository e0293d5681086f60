# The pause of a generation-0 collection and of a full collection with one million live tracked
# objects: prints "gen0 <median ms> <worst ms>" and "full <median ms> <worst ms>".
import gc
import time

gc.disable()
live = [[i] for i in range(1_000_000)]  # a million tracked lists (plus the holder)
gc.collect()


def timed(generation, runs):
    pauses = []
    for _ in range(runs):
        young = [[] for _ in range(500)]  # a typical generation 0
        start = time.perf_counter()
        gc.collect(generation)
        pauses.append((time.perf_counter() - start) * 1000.0)
        del young
    pauses.sort()
    return pauses[len(pauses) // 2], pauses[-1], pauses[len(pauses) * 99 // 100]


# median, worst, 99th percentile (with 10 samples, the 99th percentile is the worst)
print("gen0 %.4f %.4f %.4f" % timed(0, 200))
print("full %.4f %.4f %.4f" % timed(2, 10))
