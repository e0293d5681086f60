def check(text):
    raise SyntaxError("bad token here", ("config.txt", 3, 5, "    key = = value\n", 3, 10))


check("x")
