# The concurrent package: only concurrent.futures lives in it.
