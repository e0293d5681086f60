# -*- coding: koi8-r -*-
x = "аб"
print(x)
