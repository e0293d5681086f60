// The public embedding API (include/minipy/minipy.h): running code, reading results, errors as
// values that leave the interpreter usable, and independent interpreters on parallel threads.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "minipy/minipy.h"

namespace {

std::string eval_ok(minipy::Interpreter& interpreter, std::string_view expression) {
    auto result = interpreter.eval(expression);
    if (auto* error = std::get_if<minipy::Error>(&result))
        return "error: " + error->type + ": " + error->message;
    return std::get<std::string>(result);
}

TEST(Interpreter, ExecThenEvalSeesTheSameNamespace) {
    auto interpreter = minipy::Interpreter::create();
    ASSERT_TRUE(interpreter);
    EXPECT_FALSE(interpreter->exec(
        "def square(n):\n    return n * n\nvalues = [square(i) for i in range(5)]\n"));
    EXPECT_EQ(eval_ok(*interpreter, "values"), "[0, 1, 4, 9, 16]");
    EXPECT_EQ(eval_ok(*interpreter, "square(2**70)"),
              "1393796574908163946345982392040522594123776");
    EXPECT_EQ(eval_ok(*interpreter, "{'a': (1, 2.5, None)}"), "{'a': (1, 2.5, None)}");
}

TEST(Interpreter, ErrorsAreValuesAndTheInterpreterStaysUsable) {
    auto interpreter = minipy::Interpreter::create();
    ASSERT_TRUE(interpreter);
    auto error = interpreter->exec("def f():\n    return 1 / 0\nf()\n", "host.py");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->type, "ZeroDivisionError");
    EXPECT_EQ(error->message, "division by zero");
    EXPECT_NE(error->traceback.find("Traceback (most recent call last):"), std::string::npos);
    EXPECT_NE(error->traceback.find("File \"host.py\", line 2, in f"), std::string::npos);
    EXPECT_NE(error->traceback.find("ZeroDivisionError: division by zero"), std::string::npos);

    auto syntax = interpreter->exec("x = (1,\n");
    ASSERT_TRUE(syntax);
    EXPECT_EQ(syntax->type, "SyntaxError");
    EXPECT_EQ(eval_ok(*interpreter, "undefined_name"),
              "error: NameError: name 'undefined_name' is not defined");
    EXPECT_EQ(eval_ok(*interpreter, "x = 1"),
              "error: SyntaxError: invalid syntax (<string>, line 1)");
    EXPECT_EQ(eval_ok(*interpreter, "f.__name__"), "'f'");
}

TEST(Interpreter, DeepRecursionIsARecursionError) {
    auto interpreter = minipy::Interpreter::create();
    ASSERT_TRUE(interpreter);
    auto error = interpreter->exec("def down(n):\n    return down(n + 1)\ndown(0)\n");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->type, "RecursionError");
    EXPECT_EQ(eval_ok(*interpreter, "sum(range(10))"), "45");
}

TEST(Interpreter, IndependentInterpretersRunInParallel) {
    constexpr int count = 4;
    std::vector<std::string> results(count);
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i) {
        threads.emplace_back([i, &results] {
            auto interpreter = minipy::Interpreter::create();
            if (!interpreter)
                return;
            std::string code = "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
                               "tag = " +
                               std::to_string(i) + "\n";
            if (interpreter->exec(code))
                return;
            results[static_cast<size_t>(i)] = eval_ok(*interpreter, "(tag, fib(20))");
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    for (int i = 0; i < count; ++i)
        EXPECT_EQ(results[static_cast<size_t>(i)], "(" + std::to_string(i) + ", 6765)");
}

} // namespace
