// Tests of the eval loop and the runtime around it (vm/eval.cpp, vm/run.cpp, function binding,
// classes, generators): programs run through exec_source, results read back from their globals.
#include <gtest/gtest.h>

#include <string>

#include "../support/runtime_helpers.h"
#include "vm/eval_helpers.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/int.h"
#include "vm/types/str.h"

namespace minipy::test {
namespace {

class EvalTest : public ::testing::Test {
protected:
    void SetUp() override {
        machine = make_vm();
        runtime = vm::Runtime::create(*machine);
        ASSERT_TRUE(runtime);
        Ref<Object> dict = vm::dict_new(*machine);
        ASSERT_TRUE(dict);
        globals = std::move(dict);
    }
    void TearDown() override {
        globals = nullptr;
        runtime.reset();
        machine.reset();
    }

    // Runs source; "" on success, else "Type: message".
    std::string run(const std::string& source) {
        if (vm::exec_source(*runtime, source, "<test>", globals.get()))
            return "";
        return take_error(*machine);
    }
    // repr of a global after run().
    std::string global(const std::string& name) {
        Ref<Object> key = vm::intern(*machine, name);
        Object* value = nullptr;
        if (vm::dict_lookup(*machine, globals.get(), key.get(), &value) <= 0)
            return "<missing>";
        return repr_of(*machine, value);
    }

    std::unique_ptr<vm::VM> machine;
    std::unique_ptr<vm::Runtime> runtime;
    Ref<Object> globals;
};

TEST_F(EvalTest, ArithmeticAndNames) {
    EXPECT_EQ(run("x = 2 + 3 * 4\ny = x // 3\nz = 2 ** 70\nf = 1.5 * 2"), "");
    EXPECT_EQ(global("x"), "14");
    EXPECT_EQ(global("y"), "4");
    EXPECT_EQ(global("z"), "1180591620717411303424");
    EXPECT_EQ(global("f"), "3.0");
}

TEST_F(EvalTest, SmallIntResultsComeFromThePool) {
    EXPECT_EQ(run("a = 100 + 100\nb = 150 + 50\nsame = a is b"), "");
    EXPECT_EQ(global("same"), "True");
}

TEST_F(EvalTest, FunctionsDefaultsAndStarArgs) {
    EXPECT_EQ(run("def f(a, b=10, *rest, k=1, **kw):\n"
                  "    return (a, b, rest, k, kw)\n"
                  "r1 = f(1)\nr2 = f(1, 2, 3, k=4, z=5)\nr3 = f(*(7, 8), **{'k': 9})\n"),
              "");
    EXPECT_EQ(global("r1"), "(1, 10, (), 1, {})");
    EXPECT_EQ(global("r2"), "(1, 2, (3,), 4, {'z': 5})");
    EXPECT_EQ(global("r3"), "(7, 8, (), 9, {})");
}

TEST_F(EvalTest, ArgumentErrorsUseCPythonMessages) {
    EXPECT_EQ(run("def f(x, y): pass\nf(1)"),
              "TypeError: f() missing 1 required positional argument: 'y'");
    EXPECT_EQ(run("def f(x, y): pass\nf(1, 2, 3)"),
              "TypeError: f() takes 2 positional arguments but 3 were given");
    EXPECT_EQ(run("def f(x): pass\nf(1, z=2)"),
              "TypeError: f() got an unexpected keyword argument 'z'");
    EXPECT_EQ(run("def f(a): pass\nf(1, a=2)"),
              "TypeError: f() got multiple values for argument 'a'");
    EXPECT_EQ(run("def f(a, b, c): pass\nf()"),
              "TypeError: f() missing 3 required positional arguments: 'a', 'b', and 'c'");
}

TEST_F(EvalTest, ClosuresShareCells) {
    EXPECT_EQ(run("def make():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n"
                  "        return n\n    return inc\ni = make()\ni()\nr = i()"),
              "");
    EXPECT_EQ(global("r"), "2");
}

TEST_F(EvalTest, ExceptionsUnwindThroughTheTable) {
    EXPECT_EQ(run("log = []\ntry:\n    try:\n        1 / 0\n    finally:\n        log.append('f')\n"
                  "except ZeroDivisionError as e:\n    log.append(str(e))\nelse:\n"
                  "    log.append('else')\n"),
              "");
    EXPECT_EQ(global("log"), "['f', 'division by zero']");
    EXPECT_EQ(run("raise ValueError('x')"), "ValueError: x");
    EXPECT_EQ(run("undefined"), "NameError: name 'undefined' is not defined");
    EXPECT_EQ(run("def f():\n    v\n    v = 1\nf()"),
              "UnboundLocalError: cannot access local variable 'v' where it is not associated "
              "with a value");
}

TEST_F(EvalTest, RecursionLimitRaisesInsteadOfCrashing) {
    EXPECT_EQ(run("def f(n):\n    return f(n + 1)\nf(0)"),
              "RecursionError: maximum recursion depth exceeded");
    // Python-to-Python calls do not nest natively: a high limit does not overflow the C++ stack.
    machine->thread_state().set_recursion_limit(200000);
    EXPECT_EQ(run("def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nr = d(150000)"), "");
    EXPECT_EQ(global("r"), "150000");
}

TEST_F(EvalTest, ClassesMethodsAndSuper) {
    EXPECT_EQ(run("class A:\n    def __init__(self, v):\n        self.v = v\n"
                  "    def get(self):\n        return self.v\n"
                  "class B(A):\n    def get(self):\n        return super().get() * 2\n"
                  "r = B(21).get()\nname = B.__name__\nmro = [c.__name__ for c in B.__mro__]"),
              "");
    EXPECT_EQ(global("r"), "42");
    EXPECT_EQ(global("name"), "'B'");
    EXPECT_EQ(global("mro"), "['B', 'A', 'object']");
}

TEST_F(EvalTest, OperatorDundersDispatch) {
    EXPECT_EQ(
        run("class M:\n    def __init__(self, v): self.v = v\n"
            "    def __add__(self, o): return M(self.v + o)\n"
            "    def __radd__(self, o): return M(o * 100 + self.v)\n"
            "    def __lt__(self, o): return self.v < o.v\n"
            "a = (M(1) + 2).v\nb = (3 + M(4)).v\nc = M(1) < M(2)\nd = sorted([M(3), M(1)])[0].v"),
        "");
    EXPECT_EQ(global("a"), "3");
    EXPECT_EQ(global("b"), "304");
    EXPECT_EQ(global("c"), "True");
    EXPECT_EQ(global("d"), "1");
}

TEST_F(EvalTest, GeneratorsSendAndReturn) {
    EXPECT_EQ(run("def g():\n    x = yield 1\n    yield x * 2\n    return 'end'\n"
                  "it = g()\na = next(it)\nb = it.send(5)\n"
                  "try:\n    next(it)\nexcept StopIteration as e:\n    c = e.value\n"),
              "");
    EXPECT_EQ(global("a"), "1");
    EXPECT_EQ(global("b"), "10");
    EXPECT_EQ(global("c"), "'end'");
}

TEST_F(EvalTest, SyntaxErrorsAreReported) {
    EXPECT_EQ(run("def (:\n").rfind("SyntaxError", 0), 0u);
}

} // namespace
} // namespace minipy::test
