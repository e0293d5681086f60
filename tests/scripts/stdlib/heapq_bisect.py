# heapq and bisect.
import bisect
import heapq

h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), sorted(data))
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]))
print(heapq.nsmallest(2, ["bb", "a", "ccc"], key=len), list(heapq.merge([1, 4, 7], [2, 5], [3])))
print(list(heapq.merge([7, 4], [5, 1], reverse=True)), list(heapq.merge(["a", "bbb"], ["cc"], key=len)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
print([heapq.heappop(tasks)[1] for _ in range(3)])
try:
    heapq.heappop([])
except IndexError as e:
    print(e)
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 0))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
print(a, bisect.bisect_right(a, 4, 0, 3))
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("d", 4), key=lambda r: r[1])
print(recs)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print(e)
# expect: 1 [1, 2, 3, 5, 8, 9]
# expect: [2, 4, 7, 9, 8, 10] 0 1 [2, 4, 7, 8, 9, 10]
# expect: [9, 8, 5] [1, 3]
# expect: ['a', 'bb'] [1, 2, 3, 4, 5, 7]
# expect: [7, 5, 4, 1] ['a', 'cc', 'bbb']
# expect: ['plan', 'write', 'test']
# expect: index out of range
# expect: 2 4 4 0
# expect: [1, 2, 3, 4, 4, 4, 8] 3
# expect: 1
# expect: [('a', 1), ('b', 3), ('d', 4), ('c', 5)]
# expect: lo must be non-negative
