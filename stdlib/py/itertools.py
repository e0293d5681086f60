"""Functions creating iterators for efficient looping (minipy's own implementation).

Each iterator is a class (as in CPython, so isinstance checks and subclassing work) whose
__next__ steps a private generator."""


class _Iterator:
    __slots__ = ('_gen',)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


def _check_iterable(obj):
    return iter(obj)


def _count_gen(n, step):
    while True:
        yield n
        n += step


class count(_Iterator):
    __slots__ = ('_n', '_step')

    def __init__(self, start=0, step=1):
        for value in (start, step):
            if not isinstance(value, (int, float)) and not hasattr(value, '__add__'):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return f'count({self._n!r})'
        return f'count({self._n!r}, {self._step!r})'


def _cycle_gen(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


class cycle(_Iterator):
    __slots__ = ()

    def __init__(self, iterable, /):
        self._gen = _cycle_gen(_check_iterable(iterable))


class repeat(_Iterator):
    __slots__ = ('_object', '_times')

    def __init__(self, object, times=None):
        self._object = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError(f"'{type(times).__name__}' object cannot be interpreted as an integer")
            if times < 0:
                times = 0
        self._times = times

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._object!r})'
        return f'repeat({self._object!r}, {self._times})'


def _accumulate_gen(iterable, func, initial):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


class accumulate(_Iterator):
    __slots__ = ()

    def __init__(self, iterable, func=None, *, initial=None):
        self._gen = _accumulate_gen(_check_iterable(iterable), func, initial)


def _chain_gen(iterables):
    for it in iterables:
        for element in it:
            yield element


class chain(_Iterator):
    __slots__ = ()

    def __init__(self, *iterables):
        self._gen = _chain_gen(iterables)

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls.__new__(cls)
        self._gen = _chain_gen(iter(iterable))
        return self

    def __class_getitem__(cls, item):
        return cls


class compress(_Iterator):
    __slots__ = ()

    def __init__(self, data, selectors):
        self._gen = (d for d, s in zip(data, selectors) if s)


def _dropwhile_gen(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


class dropwhile(_Iterator):
    __slots__ = ()

    def __init__(self, predicate, iterable, /):
        self._gen = _dropwhile_gen(predicate, _check_iterable(iterable))


def _takewhile_gen(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


class takewhile(_Iterator):
    __slots__ = ()

    def __init__(self, predicate, iterable, /):
        self._gen = _takewhile_gen(predicate, _check_iterable(iterable))


def _filterfalse_gen(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


class filterfalse(_Iterator):
    __slots__ = ()

    def __init__(self, function, iterable, /):
        self._gen = _filterfalse_gen(function, _check_iterable(iterable))


class _Grouper(_Iterator):
    __slots__ = ('_parent', '_key')

    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __next__(self):
        parent = self._parent
        if parent._current_group is not self:
            raise StopIteration
        if parent._exhausted:
            raise StopIteration
        if parent._pending:
            parent._pending = False
            value = parent._current_value
            return value
        try:
            value = next(parent._it)
        except StopIteration:
            parent._exhausted = True
            raise
        key = value if parent._keyfunc is None else parent._keyfunc(value)
        parent._current_value = value
        parent._current_key = key
        if key == self._key:
            return value
        parent._pending = True
        parent._current_group = None
        raise StopIteration


class groupby(_Iterator):
    __slots__ = ('_it', '_keyfunc', '_current_key', '_current_value', '_pending',
                 '_current_group', '_exhausted', '_started')

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._pending = False
        self._current_group = None
        self._exhausted = False
        self._started = False
        self._current_key = None
        self._current_value = None

    def __next__(self):
        if self._exhausted:
            raise StopIteration
        if self._started:
            if self._current_group is not None:
                # Skip the rest of the group the caller did not consume.
                group = self._current_group
                for _ in group:
                    pass
                if self._exhausted:
                    raise StopIteration
            if not self._pending:
                self._advance()
        else:
            self._started = True
            self._advance()
        self._pending = True
        group = _Grouper(self, self._current_key)
        self._current_group = group
        return (self._current_key, group)

    def _advance(self):
        try:
            value = next(self._it)
        except StopIteration:
            self._exhausted = True
            raise
        self._current_value = value
        self._current_key = value if self._keyfunc is None else self._keyfunc(value)


def _islice_gen(it, start, stop, step):
    # CPython's islice_next step by step: skip to the next index lazily, never read past stop.
    count = 0
    wanted = start
    while True:
        if stop is not None and count >= stop:
            return
        while count < wanted:
            try:
                next(it)
            except StopIteration:
                return
            count += 1
        if stop is not None and count >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        count += 1
        wanted += step
        if stop is not None and wanted > stop:
            wanted = stop
        yield item


class islice(_Iterator):
    __slots__ = ()

    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
        elif not args:
            raise TypeError('islice expected at least 2 arguments, got 1')
        else:
            raise TypeError(f'islice expected at most 4 arguments, got {len(args) + 1}')
        if stop is not None:
            if not isinstance(stop, int) or stop < 0:
                raise ValueError('Stop argument for islice() must be None or an integer: '
                                 '0 <= x <= sys.maxsize.')
        if start is None:
            start = 0
        elif not isinstance(start, int) or start < 0:
            raise ValueError('Indices for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
        if step is None:
            step = 1
        elif not isinstance(step, int) or step < 1:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._gen = _islice_gen(_check_iterable(iterable), start, stop, step)


def _pairwise_gen(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


class pairwise(_Iterator):
    __slots__ = ()

    def __init__(self, iterable, /):
        self._gen = _pairwise_gen(_check_iterable(iterable))


def _starmap_gen(function, iterable):
    for args in iterable:
        yield function(*args)


class starmap(_Iterator):
    __slots__ = ()

    def __init__(self, function, iterable, /):
        self._gen = _starmap_gen(function, _check_iterable(iterable))


class _TeeData:
    __slots__ = ('it', 'buffer', 'base')

    def __init__(self, it):
        self.it = it
        self.buffer = []   # items not yet read by every tee
        self.base = 0      # index of buffer[0] in the stream


class _tee(_Iterator):
    __slots__ = ('_data', '_index', '_peers')

    def __next__(self):
        data = self._data
        offset = self._index - data.base
        if offset < len(data.buffer):
            value = data.buffer[offset]
        else:
            value = next(data.it)
            data.buffer.append(value)
        self._index += 1
        # Drop what every tee has read.
        lowest = min(t._index for t in self._peers)
        drop = lowest - data.base
        if drop > 0:
            del data.buffer[:drop]
            data.base = lowest
        return value

    def __copy__(self):
        copy = _tee.__new__(_tee)
        copy._data = self._data
        copy._index = self._index
        copy._peers = self._peers
        self._peers.append(copy)
        return copy


_tee.__name__ = '_tee'


def tee(iterable, n=2, /):
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    data = _TeeData(iter(iterable))
    peers = []
    for _ in range(n):
        t = _tee.__new__(_tee)
        t._data = data
        t._index = 0
        t._peers = peers
        peers.append(t)
    return tuple(peers)


def _zip_longest_gen(iterables, fillvalue):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


class zip_longest(_Iterator):
    __slots__ = ()

    def __init__(self, *iterables, fillvalue=None):
        for it in iterables:
            try:
                iter(it)
            except TypeError:
                raise TypeError(f'zip_longest argument #{iterables.index(it) + 1} '
                                'must support iteration') from None
        self._gen = _zip_longest_gen(iterables, fillvalue)


def _product_gen(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


class product(_Iterator):
    __slots__ = ()

    def __init__(self, *iterables, repeat=1):
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(pool) for pool in iterables] * repeat
        self._gen = _product_gen(pools)


def _permutations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


class permutations(_Iterator):
    __slots__ = ()

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        if r is None:
            r = len(pool)
        elif not isinstance(r, int):
            raise TypeError('Expected int as r')
        elif r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _permutations_gen(pool, r)


def _combinations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


class combinations(_Iterator):
    __slots__ = ()

    def __init__(self, iterable, r):
        if not isinstance(r, int):
            raise TypeError(f"'{type(r).__name__}' object cannot be interpreted as an integer")
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _combinations_gen(tuple(iterable), r)


def _cwr_gen(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_Iterator):
    __slots__ = ()

    def __init__(self, iterable, r):
        if not isinstance(r, int):
            raise TypeError(f"'{type(r).__name__}' object cannot be interpreted as an integer")
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _cwr_gen(tuple(iterable), r)
