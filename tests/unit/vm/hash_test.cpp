// Tests hashing against CPython 3.11 (values printed by python3): ints modulo 2**61-1 with
// negatives and big ints, floats (_Py_HashDouble), tuples (xxHash-based tuplehash), frozensets;
// str/bytes hashes keyed by the VM's seed (PYTHONHASHSEED-style), equal for equal seeds, and a
// nested tuple hash that cannot overflow the native stack.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "../support/run_result.h"
#include "vm/vm.h"

namespace minipy::test {
namespace {

using vm::Object;
using vm::Ref;

// Runs `source` in a fresh VM with the given hash seed; returns its global `result` as text, or
// the exception's type name.
std::string run_with_seed(const char* source, uint64_t seed) {
    vm::VMOptions options;
    options.use_environment = false;
    options.fixed_hash_seed = true;
    options.hash_seed = seed;
    return result_of(vm::VM::create(options), source, "<hash test>");
}

TEST(Hash, NumbersTuplesAndFrozensetsMatchCPython) {
    const char* source = R"py(
vals = [0, 1, -1, -2, 2**61-1, 2**61, -(2**61), 2**64+5, -(2**100)-7, 10**30, 1.5, -0.0,
        -1.5, 1e300, 2.0**70, float('inf'), float('-inf'), 0.1, -2.5e-8, True,
        (1, 2), (), (1, (2, 3)), (1.5, -1), frozenset(), frozenset({1, 2, 3}),
        frozenset({(1, 2), 5})]
result = " ".join(str(hash(v)) for v in vals)
)py";
    EXPECT_EQ(run_with_seed(source, 7),
              "0 1 -2 -2 0 1 -2 13 -549755813895 465258685558744706 1152921504606846977 0 "
              "-1152921504606846977 1224995262755759164 512 314159 -314159 230584300921369408 "
              "-789396629831109982 1 -3550055125485641917 5740354900026072187 "
              "7267574591690527098 -9002791676578425913 133146708735736 -272375401224217160 "
              "2095936896885266708");
}

TEST(Hash, NanHashesByIdentity) {
    EXPECT_EQ(run_with_seed("n = float('nan')\nresult = str((hash(n) == hash(n), "
                            "hash(n) == hash(float('nan'))))",
                            0),
              "(True, False)");
}

TEST(Hash, StrAndBytesAreKeyedBySeed) {
    const char* source = "result = str(hash('abc')) + ' ' + str(hash(b'abc'))";
    std::string seed_a = run_with_seed(source, 1);
    std::string seed_a_again = run_with_seed(source, 1);
    std::string seed_b = run_with_seed(source, 2);
    EXPECT_EQ(seed_a, seed_a_again);
    EXPECT_NE(seed_a, seed_b);
    // As CPython: equal text hashes alike as str and bytes.
    size_t space = seed_a.find(' ');
    ASSERT_NE(space, std::string::npos);
    EXPECT_EQ(seed_a.substr(0, space), seed_a.substr(space + 1));
}

TEST(Hash, DeeplyNestedTupleNeverOverflowsTheStack) {
    std::string result = run_with_seed(R"py(
t = ()
for _ in range(1000000):
    t = (t,)
try:
    hash(t)
    result = "hashed"
except RecursionError as e:
    result = str(e)
)py",
                                       0);
    EXPECT_TRUE(result == "hashed" || result == "maximum recursion depth exceeded") << result;
}

} // namespace
} // namespace minipy::test
