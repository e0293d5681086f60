# Packages, relative imports, submodules as attributes, circular imports, __import__,
# importlib.import_module, namespace packages (a directory without __init__.py).
import sys
import pkgdemo.beta

print(pkgdemo.beta.beta_name(), pkgdemo.alpha.alpha_name(), pkgdemo.VALUE)
import pkgdemo.sub.gamma as gamma

print(gamma.gamma_name(), gamma.__name__, gamma.__package__, pkgdemo.sub.gamma is gamma)
print(pkgdemo.__package__, pkgdemo.__name__, pkgdemo.sub.__package__)
print(pkgdemo.__file__.endswith("pkgdemo/__init__.py"), pkgdemo.alpha.__file__.endswith("alpha.py"))
print(len(pkgdemo.__path__), pkgdemo.__path__[0].endswith("pkgdemo"), hasattr(pkgdemo.alpha, "__path__"))
from pkgdemo import circ_a

print(circ_a.from_b(), circ_a.circ_b.from_a(), circ_a.circ_b.PARTIAL)
print("pkgdemo.sub" in sys.modules, "pkgdemo.sub.gamma" in sys.modules)
m = __import__("pkgdemo.sub.gamma")
print(m.__name__)
m = __import__("pkgdemo.sub.gamma", fromlist=["gamma_name"])
print(m.__name__)
m = __import__("gamma", globals={"__package__": "pkgdemo.sub"}, fromlist=["x"], level=1)
print(m.__name__)
import importlib

print(importlib.import_module("pkgdemo.sub.gamma") is gamma)
print(importlib.import_module(".gamma", "pkgdemo.sub") is gamma)
print(importlib.import_module("..alpha", "pkgdemo.sub").__name__)
from pkgdemo import *

print(sorted(n for n in dir() if n in ("alpha", "beta", "VALUE", "alpha_name")))
import nsdemo.part.leaf

print(nsdemo.part.leaf.LEAF, nsdemo.__path__[0].endswith("nsdemo"), nsdemo.__file__ if hasattr(nsdemo, "__file__") else "no file")
print(__name__)
# expect: pkgdemo init pkgdemo pkgdemo
# expect: alpha init pkgdemo.alpha pkgdemo
# expect: beta+alpha+gamma1alpha+pkgdemo.alpha alpha 1
# expect: gamma1alpha pkgdemo.sub.gamma pkgdemo.sub True
# expect: pkgdemo pkgdemo pkgdemo.sub
# expect: True True
# expect: 1 True False
# expect: b a False
# expect: True True
# expect: pkgdemo
# expect: pkgdemo.sub.gamma
# expect: pkgdemo.sub.gamma
# expect: True
# expect: True
# expect: pkgdemo.alpha
# expect: ['VALUE', 'alpha', 'beta']
# expect: leaf True None
# expect: __main__
