# time: clocks, struct_time, formatting.
import time

t = time.time()
print(type(t).__name__, t > 1.6e9, type(time.time_ns()).__name__, time.time_ns() > 1.6e18)
m1 = time.monotonic()
p1 = time.perf_counter()
time.sleep(0.01)
time.sleep(0)
print(time.monotonic() >= m1, time.perf_counter() > p1, time.process_time() >= 0, time.thread_time() >= 0)
print(type(time.monotonic_ns()).__name__, type(time.perf_counter_ns()).__name__)
g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_wday, g.tm_yday, g.tm_isdst, g[0], len(g), tuple(g))
g2 = time.gmtime(1700000000.75)
print(g2, g2.tm_zone, g2.tm_gmtoff)
year, month, day = g2[:3]
print(year, month, day)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", g2))
print(time.asctime(g2), time.asctime(time.gmtime(86400 * 3)))
print(time.strftime("%Y", time.gmtime(1e9)), time.gmtime(-86400).tm_year)
local = time.localtime(1700000000)
print(time.mktime(local), type(time.localtime()).__name__)
print(time.ctime(0) == time.asctime(time.localtime(0)))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
print(isinstance(time.timezone, int), isinstance(time.tzname, tuple), time.daylight in (0, 1))
print(time.get_clock_info("monotonic").monotonic, time.get_clock_info("time").adjustable)
for call in [lambda: time.sleep(-1), lambda: time.sleep("x"), lambda: time.strftime("%Y", (1, 2)),
             lambda: time.struct_time((1, 2)), lambda: time.asctime((2020, 13, 1, 0, 0, 0, 0, 1, 0)),
             lambda: time.get_clock_info("nope")]:
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

import os
os.environ["TZ"] = "EST+05EDT,M3.2.0,M11.1.0"
time.tzset()
print(time.tzname, time.timezone, time.altzone, time.daylight)
print(time.localtime(1700000000))
print(time.strftime("%Z", time.localtime(1700000000)), time.localtime(1690000000).tm_zone, time.localtime(1690000000).tm_gmtoff)
print(time.mktime(time.localtime(1690000000)), time.ctime(1690000000))

# expect: float True int True
# expect: True True True True
# expect: int int
# expect: time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)
# expect: 1970 1 1 3 1 0 1970 9 (1970, 1, 1, 0, 0, 0, 3, 1, 0)
# expect: time.struct_time(tm_year=2023, tm_mon=11, tm_mday=14, tm_hour=22, tm_min=13, tm_sec=20, tm_wday=1, tm_yday=318, tm_isdst=0) GMT 0
# expect: 2023 11 14
# expect: 2023-11-14 22:13:20 Tue Nov 318 %
# expect: Tue Nov 14 22:13:20 2023 Sun Jan  4 00:00:00 1970
# expect: 2001 1969
# expect: 1700000000.0 struct_time
# expect: True
# expect: time.struct_time(tm_year=2020, tm_mon=1, tm_mday=2, tm_hour=3, tm_min=4, tm_sec=5, tm_wday=6, tm_yday=7, tm_isdst=0)
# expect: True True True
# expect: True True
# expect: ValueError: sleep length must be non-negative
# expect: TypeError: 'str' object cannot be interpreted as an integer
# expect: TypeError: strftime(): illegal time tuple argument
# expect: TypeError: time.struct_time() takes an at least 9-sequence (2-sequence given)
# expect: ValueError: month out of range
# expect: ValueError: unknown clock
# expect: ('EST', 'EDT') 18000 14400 1
# expect: time.struct_time(tm_year=2023, tm_mon=11, tm_mday=14, tm_hour=17, tm_min=13, tm_sec=20, tm_wday=1, tm_yday=318, tm_isdst=0)
# expect: EST EDT -14400
# expect: 1690000000.0 Sat Jul 22 00:26:40 2023
