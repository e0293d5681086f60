# random: the Mersenne Twister gives CPython's exact sequences.
import random

for seed in [0, 1, 42, 2 ** 32, 2 ** 100 + 7, -5, 123456789012345678901234567890, "hello", b"bytes", "", 3.5]:
    random.seed(seed)
    print(repr(seed), random.random(), random.getrandbits(70), random.randint(1, 6))

random.seed(2024)
total = 0
for i in range(2000):
    total += int(random.random() * 1000000)
print(total)
print([random.randrange(10) for i in range(10)])
print([random.randrange(5, 100, 7) for i in range(5)], random.randrange(-10, -2), random.randrange(10, 0, -3))
print(random.randint(10 ** 30, 10 ** 31))
items = list(range(20))
random.shuffle(items)
print(items)
print(random.choice("abcdefg"), random.choice([1, 2, 3]), random.sample(range(100), 5), random.sample(range(10 ** 6), 3))
print(random.sample(["a", "b", "c"], 3), random.sample(["x", "y"], 3, counts=[2, 3]))
print(random.choices("abc", k=5), random.choices("abc", weights=[1, 0, 5], k=5), random.choices([1, 2], cum_weights=[1, 10], k=4))
print(random.uniform(1, 5), random.triangular(0, 10, 3), random.gauss(0, 1), random.gauss(5, 2))
print(random.normalvariate(1, 0.5), random.expovariate(2.0), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
print(random.gammavariate(2.5, 1.0), random.gammavariate(0.5, 2.0), random.betavariate(2, 3), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.getrandbits(0), random.getrandbits(1), random.getrandbits(32), random.getrandbits(33), random.getrandbits(200))
print(random.randbytes(5))

state = random.getstate()
first = [random.random() for i in range(3)]
random.setstate(state)
print(first == [random.random() for i in range(3)], len(state), state[0], len(state[1]))

r = random.Random(99)
print(r.random(), r.randint(0, 100))


class MyRandom(random.Random):
    def double(self):
        return 2 * self.random()


m = MyRandom(99)
print(m.double() / 2 == random.Random(99).random(), isinstance(m, random.Random))

s = random.SystemRandom()
print(0 <= s.random() < 1, 0 <= s.randint(1, 6) <= 6, s.getrandbits(16) < 65536)

for call in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0),
             lambda: random.choice([]), lambda: random.sample(range(3), 5), lambda: random.getrandbits(-1),
             lambda: random.randrange(1.5), lambda: random.sample({1, 2}, 1), lambda: random.seed([1]),
             lambda: random.choices("ab", [1, 2, 3]), lambda: random.choices("ab", weights=[0, 0])]:
    try:
        print(call())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)

class OnlyRandom(random.Random):
    def random(self):
        return super().random() * 0.5 + 0.25


class OnlyBits(random.Random):
    def getrandbits(self, k):
        return super().getrandbits(k) ^ 1 if k > 1 else super().getrandbits(k)


for cls in (OnlyRandom, OnlyBits, random.Random):
    r = cls(12)
    print(cls.__name__, [r.randrange(1000) for i in range(8)], r.choice("abcdef"), r.sample(range(30), 4))

# expect: 0 0.8444218515250481 496037447641349049516 1
# expect: 1 0.13436424411240122 900242893768093690591 1
# expect: 42 0.6394267984578837 327273841618135227089 2
# expect: 4294967296 0.11299430095636409 35689308314463032582 1
# expect: 1267650600228229401496703205383 0.41604161323913513 655504622515311271606 3
# expect: -5 0.6229016948897019 928951016526329528473 6
# expect: 123456789012345678901234567890 0.7275084571578186 15141449178830755230 5
# expect: 'hello' 0.3537754404730722 659623273764508623311 1
# expect: b'bytes' 0.37075677971469856 184184073181629957614 5
# expect: '' 0.9602256525641875 446538245589166779136 6
# expect: 3.5 0.3039190124834461 1087014891388089843740 1
# expect: 1013401508
# expect: [2, 2, 8, 7, 2, 2, 0, 5, 8, 9]
# expect: [26, 33, 33, 33, 40] -10 10
# expect: 6690800271952682408303185209403
# expect: [18, 19, 13, 4, 17, 7, 16, 9, 8, 3, 11, 12, 5, 2, 10, 0, 1, 14, 15, 6]
# expect: a 3 [8, 83, 30, 95, 63] [547488, 302050, 259104]
# expect: ['a', 'c', 'b'] ['x', 'x', 'y']
# expect: ['c', 'b', 'a', 'b', 'c'] ['a', 'c', 'c', 'a', 'c'] [2, 2, 2, 2]
# expect: 4.518017756256684 7.623648708288951 0.38980554943376555 2.3314809079020735
# expect: 1.3198764258980407 0.6738351721763939 3.0503661138514864 1.325627089300562
# expect: 0.9236195701043766 1.213342989000542 0.06459452840938268 1.3145712953496715 0.8830329162503692
# expect: 0 0 3935188002 7296419341 487585121045542552083615574654685519505536902161369204104069
# expect: b'\x85\xed\xe3\xf7\xf9'
# expect: True 3 3 625
# expect: 0.40397807494366633 25
# expect: True True
# expect: True True True
# expect: ValueError: empty range for randrange()
# expect: ValueError: empty range for randrange() (5, 5, 0)
# expect: ValueError: zero step for randrange()
# expect: IndexError: Cannot choose from an empty sequence
# expect: ValueError: Sample larger than population or is negative
# expect: ValueError: number of bits must be non-negative
# expect: ValueError: non-integer arg 1 for randrange()
# expect: TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).
# expect: TypeError: The only supported seed types are: None,
# expect: int, float, str, bytes, and bytearray.
# expect: ValueError: The number of weights does not match the population
# expect: ValueError: Total of weights must be greater than zero
# expect: OnlyRandom [956, 810, 866, 835, 756, 235, 439, 578] c [19, 16, 24, 9]
# expect: OnlyBits [484, 274, 672, 540, 683, 359, 147, 391] b [10, 14, 9, 21]
# expect: Random [485, 275, 673, 541, 682, 358, 146, 390] a [11, 15, 8, 20]
