# Ten million small reference cycles in a loop; with "off" as argument, gc.disable() first.
import gc
import sys

if len(sys.argv) > 1 and sys.argv[1] == "off":
    gc.disable()
for i in range(10_000_000):
    a = []
    b = [a]
    a.append(b)
