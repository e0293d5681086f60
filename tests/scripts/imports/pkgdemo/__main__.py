print("pkgdemo as a program")
