// Tests frames and the call guard (vm/frame.h, vm/thread_state.h): Python-to-Python recursion far
// deeper than one FrameStack chunk pushes and pops frames across chunks without native recursion;
// C++ recursion (a builtin calling back into Python) still meets the native stack guard even with
// a huge recursion limit, on the main thread and on another OS thread (whose stack range differs);
// generators resumed in place by FOR_ITER count as levels of the recursion limit.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "../support/run_result.h"
#include "vm/vm.h"

namespace minipy::test {
namespace {

std::string run(const char* source, int limit) {
    vm::VMOptions options;
    options.use_environment = false;
    auto machine = vm::VM::create(options);
    if (!is_ok(machine->set_recursion_limit(limit)))
        return "bad limit";
    return result_of(std::move(machine), source, "<frames test>");
}

TEST(Frames, DeepPythonRecursionCrossesFrameStackChunks) {
    // 100000 frames of a few dozen slots each: many 64K-slot chunks, pushed and popped twice.
    EXPECT_EQ(run(R"py(
def down(n, a=1, b=2, c=3):
    x = y = z = n
    return 0 if n == 0 else 1 + down(n - 1)
first = down(100000)
second = down(99999)
result = str(first) + " " + str(second) + " " + str(down(3))
)py",
                  200000),
              "100000 99999 3");
}

TEST(Frames, RecursionErrorAcrossChunksLeavesTheStackUsable) {
    EXPECT_EQ(run(R"py(
def forever(n):
    return forever(n + 1)
out = []
for _ in range(3):
    try:
        forever(0)
    except RecursionError as e:
        out.append(str(e))
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
result = "|".join(out) + "|" + str(down(50000))
)py",
                  60000),
              "maximum recursion depth exceeded|maximum recursion depth exceeded|"
              "maximum recursion depth exceeded|50000");
}

TEST(Frames, CppRecursionMeetsTheNativeStackGuard) {
    EXPECT_EQ(run(R"py(
def through_map(n):
    return list(map(through_map, [n + 1]))[0]
try:
    through_map(0)
    result = "no error"
except RecursionError as e:
    result = str(e)
)py",
                  1000000),
              "maximum recursion depth exceeded");
}

TEST(Frames, CppRecursionMeetsTheNativeStackGuardOnAnotherThread) {
    EXPECT_EQ(run(R"py(
import threading
def through_sorted(n):
    return sorted([n + 1], key=through_sorted)[0]
out = []
def work():
    try:
        through_sorted(0)
        out.append("no error")
    except RecursionError as e:
        out.append(str(e))
t = threading.Thread(target=work)
t.start()
t.join()
work()
result = "|".join(out)
)py",
                  1000000),
              "maximum recursion depth exceeded|maximum recursion depth exceeded");
}

TEST(Frames, GeneratorsResumedInPlaceCountAsLevels) {
    EXPECT_EQ(run(R"py(
def chain(depth):
    if depth == 0:
        yield "bottom"
    else:
        for x in chain(depth - 1):
            yield x
ok = list(chain(150))
try:
    list(chain(400))
    deep = "no error"
except RecursionError as e:
    deep = str(e)
result = ok[0] + " " + deep + " " + list(chain(100))[0]
)py",
                  300),
              "bottom maximum recursion depth exceeded bottom");
}

} // namespace
} // namespace minipy::test
