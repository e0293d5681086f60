# Deep Python recursion: frames do not use native stack, and the limit raises RecursionError.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(900))
# expect: 900


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
# expect: RecursionError: maximum recursion depth exceeded
print(depth(10))
# expect: 10
