# Struct sequences (time.struct_time, os.stat_result, sys.flags, ...) are tuple subclasses.
import os
import sys
import time

t = time.gmtime(86400 * 365)
print(isinstance(t, tuple), type(t).__name__, type(t).__module__, len(t), t[0], t[-1], t[:3], t.tm_year, t.tm_yday)
print(repr(t))
print(t.n_fields, t.n_sequence_fields, t.n_unnamed_fields, time.struct_time.n_fields, t.tm_zone, t.tm_gmtoff)
year, mon, *rest = t
print(year, mon, rest, tuple(t), list(t)[:2], t == tuple(t), t < (1971, 1, 2), t + (1,), hash(t) == hash(tuple(t)))
s = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0))
print(s, s.tm_zone, s.tm_gmtoff, time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0, "UTC", 0)).tm_zone)
print(time.strftime("%Y-%m-%d", s), time.mktime(time.localtime(1000)) == 1000, time.asctime(s))
try:
    time.struct_time((1, 2))
except TypeError as e:
    print("TypeError", e)
try:
    t.tm_year = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    t.other = 5
except AttributeError as e:
    print("AttributeError", e)
print(t.__reduce__()[0] is time.struct_time, t.__reduce__()[1][0] == tuple(t))
local = time.localtime()
print(isinstance(local.tm_zone, str), isinstance(local.tm_gmtoff, int), len(local))

st = os.stat(".")
print(isinstance(st, tuple), type(st).__name__, len(st), st[0] == st.st_mode, isinstance(st.st_mtime, float), isinstance(st[8], int))
print(st.n_sequence_fields, st.n_fields > 10, isinstance(st.st_mtime_ns, int), repr(st).startswith("os.stat_result(st_mode="))
u = os.uname()
print(isinstance(u, tuple), len(u), u.sysname == u[0], repr(u).startswith("posix.uname_result(sysname="))
tm = os.times()
print(isinstance(tm, tuple), len(tm), tm.user == tm[0], repr(tm).startswith("posix.times_result(user="))
print(isinstance(sys.flags, tuple), sys.flags.optimize, sys.flags[3] == sys.flags.inspect, type(sys.flags).__name__)
print(isinstance(sys.version_info, tuple), sys.version_info[:2] == (sys.version_info.major, sys.version_info.minor))
print(sys.version_info >= (3, 0), sys.version_info.n_fields, repr(sys.version_info).startswith("sys.version_info(major=3"))
print(type(sys.float_info).__name__, sys.float_info.max == sys.float_info[0], sys.int_info.bits_per_digit > 0)
try:
    type(sys.flags)()
except TypeError as e:
    print("TypeError", e)

# expect: True struct_time time 9 1971 0 (1971, 1, 1) 1971 1
# expect: time.struct_time(tm_year=1971, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=4, tm_yday=1, tm_isdst=0)
# expect: 11 9 0 11 GMT 0
# expect: 1971 1 [1, 0, 0, 0, 4, 1, 0] (1971, 1, 1, 0, 0, 0, 4, 1, 0) [1971, 1] True True (1971, 1, 1, 0, 0, 0, 4, 1, 0, 1) True
# expect: time.struct_time(tm_year=2000, tm_mon=1, tm_mday=2, tm_hour=3, tm_min=4, tm_sec=5, tm_wday=6, tm_yday=7, tm_isdst=0) None None UTC
# expect: 2000-01-02 True Sun Jan  2 03:04:05 2000
# expect: TypeError time.struct_time() takes an at least 9-sequence (2-sequence given)
# expect: AttributeError readonly attribute
# expect: AttributeError 'time.struct_time' object has no attribute 'other'
# expect: True True
# expect: True True 9
# expect: True stat_result 10 True True True
# expect: 10 True True True
# expect: True 5 True True
# expect: True 5 True True
# expect: True 0 True flags
# expect: True True
# expect: True 5 True
# expect: float_info True True
# expect: TypeError cannot create 'sys.flags' instances
