from .. import VALUE
from ..alpha import alpha_name


def gamma_name():
    return "gamma" + str(VALUE) + alpha_name()
