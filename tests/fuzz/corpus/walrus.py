if (n := len(a)) > 10:
    print(f'{n=}')
while chunk := f.read():
    pass
