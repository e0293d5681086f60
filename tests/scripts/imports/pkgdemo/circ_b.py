from . import circ_a

B = "b"
PARTIAL = hasattr(circ_a, "A")


def from_a():
    return circ_a.A
