import math

print(math.sqrt(4))
print(math.sqrtt(4))
