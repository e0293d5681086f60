# len() of exact str/list/tuple/dict answers without the len slot; subclasses, other sized types
# and errors keep CPython's behaviour. LOAD_METHOD of a built-in type's method (no bound method
# is made) called through one site on receivers of several types.
def attempt(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class L(list):
    def __len__(self):
        return 7


class S(str):
    pass


class Bad:
    def __len__(self):
        return -1


class Big:
    def __len__(self):
        return 2**70


for value in ["abc", "", "é€", [1, 2], (1,), {1: 2}, range(5), b"xy", 5, L([1]), S("hello"),
              Bad(), Big(), {1, 2}]:
    print(attempt(len, value))
print(attempt(len), attempt(len, 1, 2))
receivers = [[3, 1], "b a", {"k": 1}, S("q r"), L([5])]
for receiver in receivers * 2:
    try:
        print(receiver.copy())
    except AttributeError as e:
        print("AttributeError:", e)
for receiver in receivers:
    print(attempt(receiver.__len__), attempt(receiver.__contains__, 1))
words = "a b a c".split()
seen = {}
for word in words:
    seen[word] = seen.get(word, 0) + 1
print(seen, len(seen), len(words))

# expect: 3
# expect: 0
# expect: 2
# expect: 2
# expect: 1
# expect: 1
# expect: 5
# expect: 2
# expect: TypeError: object of type 'int' has no len()
# expect: 7
# expect: 5
# expect: ValueError: __len__() should return >= 0
# expect: OverflowError: cannot fit 'int' into an index-sized integer
# expect: 2
# expect: TypeError: len() takes exactly one argument (0 given) TypeError: len() takes exactly one argument (2 given)
# expect: [3, 1]
# expect: AttributeError: 'str' object has no attribute 'copy'
# expect: {'k': 1}
# expect: AttributeError: 'S' object has no attribute 'copy'
# expect: [5]
# expect: [3, 1]
# expect: AttributeError: 'str' object has no attribute 'copy'
# expect: {'k': 1}
# expect: AttributeError: 'S' object has no attribute 'copy'
# expect: [5]
# expect: 2 True
# expect: 3 TypeError: 'in <string>' requires string as left operand, not int
# expect: 1 False
# expect: 3 TypeError: 'in <string>' requires string as left operand, not int
# expect: 7 False
# expect: {'a': 2, 'b': 1, 'c': 1} 3 4
