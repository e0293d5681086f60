# The sys module: argv, path, modules, version info, limits, flags and the constants of CPython 3.11.
import sys

print(sys.argv[0].endswith("sys_module.py"), len(sys.argv), sys.orig_argv[-1] == sys.argv[0])
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(sys.modules["sys"] is sys, "builtins" in sys.modules, type(sys.modules).__name__)
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 11))
print(sys.version_info.releaselevel, type(sys.version_info.serial).__name__, len(sys.version_info))
print(sys.version.startswith("3.11."), sys.hexversion >> 16 == 0x030B, hex(sys.hexversion)[-2:])
print(sys.platform, sys.byteorder, sys.maxsize, sys.maxsize == 2**63 - 1, sys.maxunicode)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(isinstance(sys.executable, str), isinstance(sys.implementation.name, str))
print(sys.flags.optimize, sys.flags.verbose, sys.flags.dev_mode, sys.flags.int_max_str_digits)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.float_info)
print(sys.int_info)
print(sys.hash_info.modulus == 2**61 - 1, sys.hash_info.inf, sys.hash_info.width)
print(type(sys.builtin_module_names).__name__, "sys" in sys.builtin_module_names)
print(sys.warnoptions, type(sys.dont_write_bytecode).__name__)
print(type(sys.flags).__name__, type(sys.version_info).__name__, type(sys.float_info).__module__)
try:
    sys.version_info.major = 4
except AttributeError as e:
    print("AttributeError")
print(sys.get_int_max_str_digits())
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())


def dive(n):
    return dive(n + 1)


try:
    dive(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
for bad in [0, -5, "x", 1.5]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for code in [None, 0, 3, "message"]:
    try:
        sys.exit(code)
    except SystemExit as e:
        print("SystemExit", repr(e.code), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code, e.args)
print(sys.exit.__self__ is sys, repr(sys.exit), sys.exit.__name__)
print(sys.displayhook is sys.__displayhook__, sys.excepthook is sys.__excepthook__)
print(sys.stdin.name, sys.stdout.name, sys.stderr.name)
# expect: True 1 True
# expect: list True
# expect: True True dict
# expect: (3, 11) 3 11 True
# expect: final int 5
# expect: True True f0
# expect: linux little 9223372036854775807 True 1114111
# expect: utf-8 utf-8 surrogateescape
# expect: True True
# expect: 0 0 False -1
# expect: 1.7976931348623157e+308 2.220446049250313e-16 15 53
# expect: sys.float_info(max=1.7976931348623157e+308, max_exp=1024, max_10_exp=308, min=2.2250738585072014e-308, min_exp=-1021, min_10_exp=-307, dig=15, mant_dig=53, epsilon=2.220446049250313e-16, radix=2, rounds=1)
# expect: sys.int_info(bits_per_digit=30, sizeof_digit=4, default_max_str_digits=4300, str_digits_check_threshold=640)
# expect: True 314159 64
# expect: tuple True
# expect: [] bool
# expect: flags version_info sys
# expect: AttributeError
# expect: 4300
# expect: 1000
# expect: 200
# expect: RecursionError: maximum recursion depth exceeded
# expect: ValueError recursion limit must be greater or equal than 1
# expect: ValueError recursion limit must be greater or equal than 1
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: TypeError 'float' object cannot be interpreted as an integer
# expect: SystemExit None ()
# expect: SystemExit 0 (0,)
# expect: SystemExit 3 (3,)
# expect: SystemExit 'message' ('message',)
# expect: SystemExit None ()
# expect: True <built-in function exit> exit
# expect: True True
# expect: <stdin> <stdout> <stderr>
