"""WeakSet: a set whose elements are held through weak references (minipy's frozen module).

An element disappears from the set when it dies. While the set is being iterated, entries of
elements that die are not removed at once (that would change the size of the set under the
iteration) but queued and removed when the last iteration ends.
"""

from _weakref import ref
from types import GenericAlias

__all__ = ['WeakSet']


class _IterationGuard:
    """Context manager that marks its owner as being iterated; the owner flushes the removals
    queued meanwhile when the outermost guard exits."""

    def __init__(self, owner):
        self._owner = ref(owner)

    def __enter__(self):
        owner = self._owner()
        if owner is not None:
            owner._iterating += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        owner = self._owner()
        if owner is not None:
            owner._iterating -= 1
            if not owner._iterating:
                owner._flush_removals()


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        self._pending_removals = []
        self._iterating = 0

        def _remove(item, selfref=ref(self)):
            owner = selfref()
            if owner is None:
                return
            if owner._iterating:
                owner._pending_removals.append(item)
            else:
                owner.data.discard(item)

        self._remove = _remove
        if data is not None:
            self.update(data)

    def _flush_removals(self):
        pending = self._pending_removals
        while pending:
            self.data.discard(pending.pop())

    def _ref(self, item):
        return ref(item, self._remove)

    # ====== Set protocol

    def __iter__(self):
        with _IterationGuard(self):
            for item_ref in self.data:
                item = item_ref()
                if item is not None:
                    yield item

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __contains__(self, item):
        try:
            item_ref = ref(item)
        except TypeError:
            return False
        return item_ref in self.data

    def __reduce__(self):
        return (self.__class__, (list(self),), self.__getstate__())

    def __getstate__(self):
        state = dict(self.__dict__)
        for name in ('data', '_pending_removals', '_iterating', '_remove'):
            state.pop(name, None)
        return state or None

    def __repr__(self):
        return repr(self.data)

    __class_getitem__ = classmethod(GenericAlias)

    # ====== Mutation

    def add(self, item):
        if self._pending_removals:
            self._flush_removals()
        self.data.add(self._ref(item))

    def clear(self):
        if self._pending_removals:
            self._flush_removals()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        if self._pending_removals:
            self._flush_removals()
        while True:
            try:
                item_ref = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = item_ref()
            if item is not None:
                return item

    def remove(self, item):
        if self._pending_removals:
            self._flush_removals()
        self.data.remove(ref(item))

    def discard(self, item):
        if self._pending_removals:
            self._flush_removals()
        self.data.discard(ref(item))

    def update(self, other):
        if self._pending_removals:
            self._flush_removals()
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    # ====== Set algebra (a new WeakSet for each result)

    def difference(self, other):
        result = self.copy()
        result.difference_update(other)
        return result

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self._pending_removals:
            self._flush_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        if self._pending_removals:
            self._flush_removals()
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    def symmetric_difference(self, other):
        result = self.copy()
        result.symmetric_difference_update(other)
        return result

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self._pending_removals:
            self._flush_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return self.__class__(list(self) + list(other))

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0
