a, *b, c = range(5)
print(*a, **k, sep='')
return_ = (*a, *b)
