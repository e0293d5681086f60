import sys


def hook(kind, value, tb):
    print("hook:", kind.__name__, value, file=sys.stderr)
    sys.__excepthook__(kind, value, tb)


sys.excepthook = hook
{}["missing"]
