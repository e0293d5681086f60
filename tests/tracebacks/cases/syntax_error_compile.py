source = "def f():\n    return (1 +\n        * 2)\n"


def build():
    return compile(source, "generated.py", "exec")


build()
