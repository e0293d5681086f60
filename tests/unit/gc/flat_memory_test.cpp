// Tests that the cycle collector keeps memory flat: the `minipy` binary (beside this test's
// directory) runs ten million small reference cycles in a loop; the child's peak RSS, read with
// getrusage(RUSAGE_CHILDREN), stays under 64 MB. Memory is asserted, never time.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <climits>
#include <filesystem>
#include <string>

namespace minipy::test {
namespace {

std::filesystem::path minipy_binary() {
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe");
    return self.parent_path().parent_path() / "minipy";
}

// Runs minipy -c `source` in a child; returns its exit status, and its peak RSS in KiB.
int run_child(const std::string& source, long& peak_kib) {
    std::string binary = minipy_binary().string();
    pid_t pid = fork();
    if (pid == 0) {
        execl(binary.c_str(), binary.c_str(), "-c", source.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    struct rusage usage {};
    if (pid < 0 || wait4(pid, &status, 0, &usage) != pid)
        return -1;
    peak_kib = usage.ru_maxrss;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

constexpr const char* cycles_script = R"(
import gc
for i in range(10_000_000):
    a = []
    b = [a]
    a.append(b)
assert gc.get_stats()[0]["collections"] > 0
)";

TEST(FlatMemory, TenMillionCyclesStayUnder64MB) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    // The sanitizers keep freed memory in quarantine and add shadow memory: RSS says nothing here.
    GTEST_SKIP() << "peak RSS is not meaningful in a sanitizer build";
#endif
    ASSERT_TRUE(std::filesystem::exists(minipy_binary())) << minipy_binary();
    long peak_kib = 0;
    ASSERT_EQ(run_child(cycles_script, peak_kib), 0);
    EXPECT_LT(peak_kib, 64 * 1024) << "peak RSS " << peak_kib << " KiB";
}

TEST(FlatMemory, WithoutTheCollectorTheCyclesAccumulate) {
    // The same loop, shorter, with gc.disable(): the memory grows (the test of the test).
    long peak_kib = 0;
    ASSERT_EQ(run_child("import gc\ngc.disable()\nfor i in range(1_000_000):\n    a = []\n"
                        "    b = [a]\n    a.append(b)\n",
                        peak_kib),
              0);
    EXPECT_GT(peak_kib, 64 * 1024) << "peak RSS " << peak_kib << " KiB";
}

} // namespace
} // namespace minipy::test
