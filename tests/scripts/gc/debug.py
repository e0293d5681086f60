# gc.set_debug flags, DEBUG_SAVEALL with gc.garbage, gc.callbacks.
import gc

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print("debug", gc.get_debug())
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print("debug", gc.get_debug())
a = [1]
a.append(a)
del a
print("found", gc.collect())
print("garbage", len(gc.garbage), gc.garbage[0][0], gc.garbage[0][1] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
print("found", gc.collect())

calls = []


def callback(phase, info):
    calls.append((phase, sorted(info.items())))


gc.callbacks.append(callback)
a = []
a.append(a)
del a
gc.collect()
gc.callbacks.remove(callback)
print(calls)
calls.clear()
a = []
a.append(a)
del a
gc.collect(1)
print("after remove", calls)


def collecting_callback(phase, info):
    calls.append((phase, gc.collect()))


gc.callbacks.append(collecting_callback)
gc.collect()
gc.callbacks.clear()
print("nested", calls)
print(gc.callbacks, gc.garbage)

# Expected output (from CPython 3.11):
# expect: 1 2 4 32 38
# expect: debug 0
# expect: debug 32
# expect: found 1
# expect: garbage 1 1 True
# expect: found 1
# expect: [('start', [('collected', 0), ('generation', 2), ('uncollectable', 0)]), ('stop', [('collected', 1), ('generation', 2), ('uncollectable', 0)])]
# expect: after remove []
# expect: nested [('start', 0), ('stop', 0)]
# expect: [] []
