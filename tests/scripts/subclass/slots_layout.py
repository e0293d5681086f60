# Layout conflicts of __slots__ classes and built-in bases (CPython's best_base); __base__ is the layout base.
class A: __slots__=('a',)
class B: __slots__=('b',)
class E: __slots__=()
class D: __slots__=('__dict__',)
class A2(A): pass
class A3(A): __slots__ = ('c',)
for bases in [(A,B),(A,E),(E,A),(A,D),(D,A),(A,str),(E,str),(D,str),(A,int),(A2,A),(A3,A2),(A2,B),(A, Exception)]:
    try:
        X = type('X', bases, {}); print('ok', [b.__name__ for b in bases], X.__base__.__name__)
    except TypeError as e: print(e)

# expect: multiple bases have instance lay-out conflict
# expect: ok ['A', 'E'] A
# expect: ok ['E', 'A'] A
# expect: ok ['A', 'D'] A
# expect: ok ['D', 'A'] A
# expect: multiple bases have instance lay-out conflict
# expect: ok ['E', 'str'] str
# expect: ok ['D', 'str'] str
# expect: multiple bases have instance lay-out conflict
# expect: ok ['A2', 'A'] A2
# expect: ok ['A3', 'A2'] A3
# expect: multiple bases have instance lay-out conflict
# expect: multiple bases have instance lay-out conflict
