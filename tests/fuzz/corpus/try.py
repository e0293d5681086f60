try:
    pass
except* ValueError as e:
    raise X from e
else:
    pass
finally:
    del a[1:2, ::3]
