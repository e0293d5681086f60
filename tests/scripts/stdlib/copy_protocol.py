# copy follows CPython's protocol: __copy__/__deepcopy__, copyreg.dispatch_table, __reduce_ex__(4),
# __reduce__; a str reduction value means "the object itself"; errors of a reductor propagate.
import copy
import copyreg
import functools


class Refuses:
    def __reduce_ex__(self, protocol):
        raise TypeError('refused')


try:
    copy.copy(Refuses())
except TypeError as e:
    print('copy:', e)
try:
    copy.deepcopy(Refuses())
except TypeError as e:
    print('deepcopy:', e)


class Global:
    def __reduce_ex__(self, protocol):
        return 'Global'


g = Global()
print(copy.copy(g) is g, copy.deepcopy(g) is g)


class Registered:
    def __init__(self, value):
        self.value = value


def reduce_registered(obj):
    return Registered, (obj.value * 10,)


copyreg.pickle(Registered, reduce_registered)
print(copy.copy(Registered(4)).value, copy.deepcopy(Registered(5)).value)
del copyreg.dispatch_table[Registered]
print(copy.copy(Registered(4)).value)


class OldStyle:
    def __init__(self):
        self.items = [1, 2]

    def __reduce__(self):
        return OldStyle, ()

    def __reduce_ex__(self, protocol):
        return object.__reduce_ex__(self, protocol)


print(copy.deepcopy(OldStyle()).items)


class WithState:
    def __init__(self):
        self.seen = []

    def __getstate__(self):
        return {'seen': ['from getstate']}

    def __setstate__(self, state):
        self.seen = state['seen'] + ['setstate']


print(copy.copy(WithState()).seen, copy.deepcopy(WithState()).seen)

p = functools.partial(max, 1, key=abs)
p.note = [1]
q = copy.copy(p)
r = copy.deepcopy(p)
print(q(-5, 3), r(-5, 3), q.note is p.note, r.note == p.note and r.note is not p.note)
for state in [1, (1,), (max, [1], None, None), (max, (1,), 3, None)]:
    try:
        p.__setstate__(state)
    except TypeError as e:
        print('setstate:', e)

s = slice(1, [2], None)
print(copy.copy(s), copy.deepcopy(s).stop is not s.stop, s.__reduce__())
print(range(2, 9, 3).__reduce__(), copy.copy(range(4)))

# expect: copy: refused
# expect: deepcopy: refused
# expect: True True
# expect: 40 50
# expect: 4
# expect: [1, 2]
# expect: ['from getstate', 'setstate'] ['from getstate', 'setstate']
# expect: -5 -5 True True
# expect: setstate: invalid partial state
# expect: setstate: invalid partial state
# expect: setstate: invalid partial state
# expect: setstate: invalid partial state
# expect: slice(1, [2], None) True (<class 'slice'>, (1, [2], None))
# expect: (<class 'range'>, (2, 9, 3)) range(0, 4)
