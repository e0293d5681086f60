from .loop_a import x

y = 2
