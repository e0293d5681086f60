r = [x for x in y if x if not x] + {k: v for k, v in d.items()} + {*a, *b}
