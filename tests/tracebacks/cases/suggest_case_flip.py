# The case of a letter costs less than another letter: Len -> len.
class Settings:
    verbose_logging = True


print(Settings().verbose_logging)
print(Len([1, 2]))
