# A TabError raised by Python code: a subclass of SyntaxError shows one caret.
def load(path):
    raise TabError("inconsistent tabs", (path, 2, 9, "\tif x:\n", 2, 12))


load("settings.cfg")
