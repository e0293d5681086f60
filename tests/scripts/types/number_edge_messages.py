# 0.0 ** -inf is inf (C's pow), not ZeroDivisionError; an invalid int literal is shown as CPython's
# %.200R: the repr of the whole text cut after 200 code points (a long text loses its closing quote).
inf = float("inf")
for base, exponent in [(0.0, -inf), (-0.0, -inf), (0, -inf), (0.0, -1.0), (0, -2.5)]:
    try:
        print(repr(base), "**", exponent, "=", base ** exponent)
    except ZeroDivisionError as e:
        print(repr(base), "**", exponent, "->", e)
for text in ["x" * 300, "\u00e9" * 150 + "x" * 100, "ab", "'" * 250]:
    try:
        int(text)
    except ValueError as e:
        message = str(e)
        print(len(message), message[:45], message[-12:])
# expect: 0.0 ** -inf = inf
# expect: -0.0 ** -inf = inf
# expect: 0 ** -inf = inf
# expect: 0.0 ** -1.0 -> 0.0 cannot be raised to a negative power
# expect: 0 ** -2.5 -> 0.0 cannot be raised to a negative power
# expect: 240 invalid literal for int() with base 10: 'xxxx xxxxxxxxxxxx
# expect: 240 invalid literal for int() with base 10: 'éééé xxxxxxxxxxxx
# expect: 44 invalid literal for int() with base 10: 'ab' ase 10: 'ab'
# expect: 240 invalid literal for int() with base 10: "'''' ''''''''''''
