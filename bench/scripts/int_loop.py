# A for loop over range with small-int arithmetic and an augmented assignment.
def main():
    t = 0
    for i in range(24000000):
        t += i * 2 % 7
    return t


print("checksum", main())
