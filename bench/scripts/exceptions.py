# Exceptions raised and caught in a loop: raise of a built-in and of a user class, except with
# several clauses, finally, raise ... from, exceptions from the VM itself (KeyError, ZeroDivision).
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class NotFound(AppError):
    pass


def lookup(table, key):
    try:
        return table[key]
    except KeyError as error:
        raise NotFound(len(str(key))) from error


def divide(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return -1
    finally:
        pass


def checked(i):
    if i % 3 == 0:
        raise ValueError(i)
    if i % 3 == 1:
        raise AppError(i)
    return i


def main(n):
    table = {i: i * 2 for i in range(0, 100, 2)}
    total = 0
    for i in range(n):
        try:
            total += lookup(table, i % 100)
        except NotFound as error:
            total += error.code
            if error.__cause__ is not None:
                total += 1
        total += divide(i, i % 4)
        try:
            total += checked(i)
        except ValueError:
            total += 2
        except AppError as error:
            total += error.code % 7
        finally:
            total += 1
    return total


print("checksum", main(1200000))
