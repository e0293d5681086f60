// Tests the recursion guard (vm/thread_state.cpp): RecursionError with CPython's messages for
// Python recursion and for C++ recursion over deeply nested data (repr, str, ==, print), never a
// native stack overflow; the VM stays usable afterwards; the limit is settable per VM.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "../support/run_result.h"
#include "vm/vm.h"

namespace minipy::test {
namespace {

using vm::Object;
using vm::Ref;

// Runs `source` in a fresh VM; its global `result` as text, or the exception's type name.
std::string run(const char* source, int limit = 1000) {
    vm::VMOptions options;
    options.use_environment = false;
    auto machine = vm::VM::create(options);
    if (!is_ok(machine->set_recursion_limit(limit)))
        return "bad limit";
    return result_of(std::move(machine), source, "<recursion test>");
}

TEST(Recursion, PythonRecursionRaisesAtTheLimit) {
    EXPECT_EQ(run(R"py(
depth = 0
def f():
    global depth
    depth += 1
    f()
try:
    f()
except RecursionError as e:
    result = str(e) + " " + str(depth < 1000 and depth > 900)
)py"),
              "maximum recursion depth exceeded True");
}

TEST(Recursion, NestedDataRaisesInsteadOfOverflowing) {
    EXPECT_EQ(run(R"py(
a = []
for _ in range(100000):
    a = [a]
b = []
for _ in range(100000):
    b = [b]
d = {}
for _ in range(100000):
    d = {1: d}
out = []
for f in (repr, str, lambda x: x == b, lambda x: repr(d)):
    try:
        f(a)
        out.append("ok")
    except RecursionError as e:
        out.append(str(e))
result = "|".join(out) + "|" + str(len(repr(list(range(5)))))
)py"),
              "maximum recursion depth exceeded while getting the repr of an object|"
              "maximum recursion depth exceeded while getting the repr of an object|"
              "maximum recursion depth exceeded in comparison|"
              "maximum recursion depth exceeded while getting the repr of an object|15");
}

TEST(Recursion, LimitIsSettable) {
    EXPECT_EQ(run(R"py(
def f(n):
    return f(n + 1) if n < 150 else n
try:
    f(0)
    result = "no error"
except RecursionError:
    result = "raised"
)py",
                  100),
              "raised");
    EXPECT_EQ(run("def f(n):\n    return f(n + 1) if n < 150 else n\nresult = str(f(0))\n", 200),
              "150");
}

} // namespace
} // namespace minipy::test
