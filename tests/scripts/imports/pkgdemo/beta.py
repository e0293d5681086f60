from . import alpha as renamed
from .alpha import alpha_name
from .sub import gamma


def beta_name():
    return "beta+" + alpha_name() + "+" + gamma.gamma_name() + "+" + renamed.__name__
