"""Start-up additions to builtins, imported by the `minipy` command before the program runs (not
with -S or -I), as CPython's site module is: exit() and quit().

minipy has no site-packages directories and no .pth files, so this is all the site module does.
"""

import builtins
import sys


class Quitter:
    """exit and quit: their repr tells how to leave, calling them raises SystemExit(code)."""

    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return "Use %s() or %s to exit" % (self.name, self.eof)

    def __call__(self, code=None):
        # As CPython's: standard input is closed first, so a parent reading from it sees the end.
        try:
            sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)


builtins.exit = Quitter("exit", "Ctrl-D (i.e. EOF)")
builtins.quit = Quitter("quit", "Ctrl-D (i.e. EOF)")
