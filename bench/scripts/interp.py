# A small interpreter written in Python: a tokenizer, a recursive-descent parser building an AST of
# small classes, and a tree-walking evaluator with an environment dict, run on a program that finds
# primes and sums a series. String scanning, many method calls, isinstance-free dispatch by dict.
SOURCE = """
count = 0; n = 2; total = 0;
while n < LIMIT {
    d = 2; prime = 1;
    while d * d <= n and prime {
        if n % d == 0 { prime = 0; }
        d = d + 1;
    }
    if prime { count = count + 1; total = total + n; } else { total = total - 1; }
    n = n + 1;
}
a = 0; b = 1; i = 0;
while i < 60 { t = a + b; a = b; b = t; i = i + 1; }
result = count * 1000003 + total + a % 1000;
"""

SYMBOLS = {"+", "-", "*", "%", "<", ">", "=", "(", ")", "{", "}", ";", "==", "<=", ">=", "!="}


def tokenize(text):
    tokens = []
    i = 0
    size = len(text)
    while i < size:
        c = text[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            start = i
            while i < size and text[i].isdigit():
                i += 1
            tokens.append(("num", int(text[start:i])))
        elif c.isalpha() or c == "_":
            start = i
            while i < size and (text[i].isalnum() or text[i] == "_"):
                i += 1
            word = text[start:i]
            tokens.append(("kw" if word in ("while", "if", "else", "and") else "name", word))
        elif text[i : i + 2] in SYMBOLS:
            tokens.append(("op", text[i : i + 2]))
            i += 2
        elif c in SYMBOLS:
            tokens.append(("op", c))
            i += 1
        else:
            raise SyntaxError("bad character " + repr(c))
    tokens.append(("end", None))
    return tokens


class Num:
    def __init__(self, value):
        self.value = value


class Var:
    def __init__(self, name):
        self.name = name


class BinOp:
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right


class Assign:
    def __init__(self, name, value):
        self.name = name
        self.value = value


class While:
    def __init__(self, test, body):
        self.test = test
        self.body = body


class If:
    def __init__(self, test, body, orelse):
        self.test = test
        self.body = body
        self.orelse = orelse


class Parser:
    PRECEDENCE = {"and": 1, "<": 2, ">": 2, "<=": 2, ">=": 2, "==": 2, "!=": 2,
                  "+": 3, "-": 3, "*": 4, "%": 4}

    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def advance(self):
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def expect(self, value):
        token = self.advance()
        if token[1] != value:
            raise SyntaxError(f"expected {value!r}, got {token[1]!r}")

    def program(self):
        statements = []
        while self.peek()[0] != "end":
            statements.append(self.statement())
        return statements

    def block(self):
        self.expect("{")
        statements = []
        while self.peek()[1] != "}":
            statements.append(self.statement())
        self.expect("}")
        return statements

    def statement(self):
        kind, value = self.peek()
        if value == "while":
            self.advance()
            test = self.expression(0)
            return While(test, self.block())
        if value == "if":
            self.advance()
            test = self.expression(0)
            body = self.block()
            orelse = []
            if self.peek()[1] == "else":
                self.advance()
                orelse = self.block()
            return If(test, body, orelse)
        name = self.advance()[1]
        self.expect("=")
        value_node = self.expression(0)
        self.expect(";")
        return Assign(name, value_node)

    def expression(self, min_precedence):
        left = self.atom()
        while True:
            op = self.peek()[1]
            precedence = self.PRECEDENCE.get(op, -1) if isinstance(op, str) else -1
            if precedence <= min_precedence:
                return left
            self.advance()
            left = BinOp(op, left, self.expression(precedence))

    def atom(self):
        kind, value = self.advance()
        if kind == "num":
            return Num(value)
        if kind == "name":
            return Var(value)
        if value == "(":
            node = self.expression(0)
            self.expect(")")
            return node
        raise SyntaxError(f"unexpected {value!r}")


OPERATORS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "%": lambda a, b: a % b,
    "<": lambda a, b: int(a < b),
    ">": lambda a, b: int(a > b),
    "<=": lambda a, b: int(a <= b),
    ">=": lambda a, b: int(a >= b),
    "==": lambda a, b: int(a == b),
    "!=": lambda a, b: int(a != b),
}


class Interpreter:
    def __init__(self, env):
        self.env = env
        self.steps = 0

    def run(self, statements):
        for statement in statements:
            getattr(self, "exec_" + type(statement).__name__)(statement)

    def exec_Assign(self, node):
        self.steps += 1
        self.env[node.name] = self.eval(node.value)

    def exec_While(self, node):
        while self.eval(node.test):
            self.run(node.body)

    def exec_If(self, node):
        self.run(node.body if self.eval(node.test) else node.orelse)

    def eval(self, node):
        kind = type(node)
        if kind is Num:
            return node.value
        if kind is Var:
            return self.env[node.name]
        if node.op == "and":
            return self.eval(node.left) and self.eval(node.right)
        return OPERATORS[node.op](self.eval(node.left), self.eval(node.right))


def main(limit, parses):
    for _ in range(parses):
        tree = Parser(tokenize(SOURCE)).program()
    interpreter = Interpreter({"LIMIT": limit})
    interpreter.run(tree)
    return interpreter.env["result"], interpreter.steps, len(tree)


print("checksum", *main(30000, 2000))
