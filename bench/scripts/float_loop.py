# Float arithmetic in a loop: float add/multiply/divide, comparisons, int-float mixing.
def main():
    x = 0.0
    y = 1.5
    acc = 0.0
    for i in range(14000000):
        x = x * 0.999 + y
        if x > 100.0:
            x -= 50.0
        acc += x / (i + 1.0)
    return acc


print("checksum", round(main(), 6))
