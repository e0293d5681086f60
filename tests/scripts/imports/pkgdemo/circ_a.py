# Circular import: circ_b imports this module while it is still running.
from . import circ_b

A = "a"


def from_b():
    return circ_b.B
