def total(values):
    running_sum = 0
    for value in values:
        running_sum += value
    return runing_sum


print(total([1, 2, 3]))
