# Big-integer arithmetic: digits of pi by an unbounded spigot (multiply, add, floor division of
# growing integers), then a factorial and a power checksum.
def pi_digits(count):
    digits = []
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)
    return digits


def main(count):
    digits = pi_digits(count)
    text = "".join(map(str, digits))
    factorial = 1
    for i in range(2, 3000):
        factorial *= i
    power = pow(3, 20000) - pow(7, 5000)
    return text[:12], text[-12:], sum(digits), factorial % 1000000007, power % 998244353


print("checksum", *main(6000))
