# Allocation of many short-lived objects: complete binary trees of small instances built and
# walked, then dropped at once (refcount frees, free lists, the collector's allocation counter).
class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return Node(None, None)
    depth -= 1
    return Node(make(depth), make(depth))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


def make_tuple_tree(depth):
    return (make_tuple_tree(depth - 1), make_tuple_tree(depth - 1)) if depth else (None, None)


def check_tuple(node):
    left, right = node
    return 1 if left is None else 1 + check_tuple(left) + check_tuple(right)


def main(max_depth):
    total = 0
    long_lived = make(max_depth)
    for depth in range(4, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + 4)
        for _ in range(iterations):
            total += check(make(depth))
        total += check_tuple(make_tuple_tree(depth))
    total += check(long_lived)
    return total


print("checksum", main(14))
