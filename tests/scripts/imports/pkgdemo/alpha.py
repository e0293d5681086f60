print("alpha init", __name__, __package__)


def alpha_name():
    return "alpha"
