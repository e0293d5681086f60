s = b'\x00' rb'\d'
t = 'a' "b" '''c
d''' u'\N{BULLET}\u00e9\U0001F600'
