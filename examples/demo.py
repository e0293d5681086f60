# The quick-start demo.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

squares = {n: n * n for n in range(5)}
print(f"fib(20) = {fib(20)}, squares = {squares}")
