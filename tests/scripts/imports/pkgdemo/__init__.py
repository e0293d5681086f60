# A package for tests/scripts/imports: relative imports, submodules bound on the parent.
print("pkgdemo init", __name__, __package__)
from . import alpha
from .alpha import alpha_name

VALUE = 1
__all__ = ["alpha", "beta", "VALUE"]
