# No suggestion among 750 names or more (CPython's limit), even when one is close.
class Wide:
    pass


for i in range(800):
    setattr(Wide, "attribute_%d" % i, i)
Wide.attribute_1
Wide().atribute_1
