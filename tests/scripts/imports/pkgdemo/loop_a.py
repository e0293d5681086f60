from .loop_b import y

x = 1
