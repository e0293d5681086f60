exec("if True:\nprint(1)\n")
