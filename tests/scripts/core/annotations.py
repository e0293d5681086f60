# Annotations evaluate as in CPython 3.11: list[int] (GenericAlias) and int | None (UnionType).
def f(x: list[int] | None = None, *, y: dict[str, int] = {}) -> tuple[int, ...]:
    return ()


print(f.__annotations__["x"], f.__annotations__["y"], f.__annotations__["return"])
# expect: list[int] | None dict[str, int] tuple[int, ...]
print(isinstance(3, int | str), isinstance(2.5, int | str), issubclass(bool, int | None))
# expect: True False True
