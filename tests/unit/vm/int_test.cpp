// Tests vm/types/int.cpp: small and big arithmetic with Python's sign rules, hashes equal to
// CPython 3.11's (expected values generated with python3), text conversion and its digit limit.
#include "vm/types/int.h"

#include <gtest/gtest.h>

#include "../support/runtime_helpers.h"

namespace minipy::test {
namespace {

using BinaryOp = Ref<Object> (*)(vm::VM&, Object*, Object*);

std::string apply(vm::VM& machine, BinaryOp op, std::string_view a, std::string_view b) {
    Ref<Object> x = int_of(machine, a);
    Ref<Object> y = int_of(machine, b);
    Ref<Object> result = op(machine, x.get(), y.get());
    return repr_of(machine, result.get());
}

TEST(Int, SmallArithmetic) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    EXPECT_EQ(apply(m, vm::int_add, "2", "3"), "5");
    EXPECT_EQ(apply(m, vm::int_sub, "2", "3"), "-1");
    EXPECT_EQ(apply(m, vm::int_mul, "-4", "3"), "-12");
    EXPECT_EQ(apply(m, vm::int_floordiv, "7", "-2"), "-4");
    EXPECT_EQ(apply(m, vm::int_mod, "7", "-2"), "-1");
    EXPECT_EQ(apply(m, vm::int_floordiv, "-7", "2"), "-4");
    EXPECT_EQ(apply(m, vm::int_mod, "-7", "2"), "1");
    EXPECT_EQ(apply(m, vm::int_divmod, "-7", "2"), "(-4, 1)");
    EXPECT_EQ(apply(m, vm::int_truediv, "1", "3"), "0.3333333333333333");
    EXPECT_EQ(apply(m, vm::int_rshift, "-5", "1"), "-3");
    EXPECT_EQ(apply(m, vm::int_and, "12", "10"), "8");
    EXPECT_EQ(apply(m, vm::int_or, "12", "10"), "14");
    EXPECT_EQ(apply(m, vm::int_xor, "12", "10"), "6");
}

TEST(Int, OverflowIntoBigInts) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    EXPECT_EQ(apply(m, vm::int_add, "9223372036854775807", "1"), "9223372036854775808");
    EXPECT_EQ(apply(m, vm::int_sub, "-9223372036854775808", "1"), "-9223372036854775809");
    EXPECT_EQ(apply(m, vm::int_mul, "4294967296", "4294967296"), "18446744073709551616");
    EXPECT_EQ(apply(m, vm::int_floordiv, "-9223372036854775808", "-1"), "9223372036854775808");
    Ref<Object> min = int_of(m, "-9223372036854775808");
    EXPECT_EQ(repr_of(m, vm::int_neg(m, min.get()).get()), "9223372036854775808");
    // Back to the small form when the result fits.
    Ref<Object> big = int_of(m, "9223372036854775808");
    Ref<Object> one = int_of(m, "1");
    Ref<Object> small = vm::int_sub(m, big.get(), one.get());
    int64_t value = 0;
    EXPECT_TRUE(vm::int_to_i64(small.get(), value));
    EXPECT_EQ(value, INT64_MAX);
}

TEST(Int, BigArithmeticMatchesCPython) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    std::string two70 = "1180591620717411303424";
    std::string two100 = "1267650600228229401496703205376";
    EXPECT_EQ(apply(m, vm::int_floordiv, "-" + two70, "3"), "-393530540239137101142");
    EXPECT_EQ(apply(m, vm::int_mod, "-" + two70, "3"), "2");
    EXPECT_EQ(apply(m, vm::int_floordiv, two100, "-7"), "-181092942889747057356671886483");
    EXPECT_EQ(apply(m, vm::int_mod, two100, "-7"), "-5");
    EXPECT_EQ(apply(m, vm::int_rshift, "-" + two70, "3"), "-147573952589676412928");
    EXPECT_EQ(apply(m, vm::int_lshift, "1", "100"), two100);
    EXPECT_EQ(apply(m, vm::int_and, two70, "-36893488147419103232"), two70);
    EXPECT_EQ(apply(m, vm::int_or, "-" + two70, "5"), "-1180591620717411303419");
    EXPECT_EQ(apply(m, vm::int_xor, two70, "-1"), "-1180591620717411303425");
    EXPECT_EQ(repr_of(m, vm::int_invert(m, int_of(m, two70).get()).get()),
              "-1180591620717411303425");
    EXPECT_EQ(apply(m, vm::int_truediv, "1267650600228229401496703205377",
                    "1267650600228229401496703205376"),
              "1.0");
    EXPECT_EQ(apply(m, vm::int_truediv, "1000000000000000000000000000000", "7"),
              "1.4285714285714285e+29");
    EXPECT_EQ(apply(m, vm::int_truediv, "1152921504606846976", "3"), "3.843071682022823e+17");
}

TEST(Int, Pow) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    auto pow = [&](std::string_view a, std::string_view b, std::string_view mod = "") {
        Ref<Object> x = int_of(m, a);
        Ref<Object> y = int_of(m, b);
        Ref<Object> z = mod.empty() ? Ref<Object>() : int_of(m, mod);
        return repr_of(m, vm::int_pow(m, x.get(), y.get(), z.get()).get());
    };
    EXPECT_EQ(pow("3", "100"), "515377520732011331036461129765621272702107522001");
    EXPECT_EQ(pow("-3", "101"), "-1546132562196033993109383389296863818106322566003");
    EXPECT_EQ(pow("3", "100", "1000"), "1");
    EXPECT_EQ(pow("3", "-1", "7"), "5");
    EXPECT_EQ(pow("-3", "5", "-7"), "-5");
    EXPECT_EQ(pow("2", "-1"), "0.5");
    EXPECT_EQ(pow("0", "-1"),
              "<null: ZeroDivisionError: 0.0 cannot be raised to a negative power>");
    EXPECT_EQ(pow("2", "3", "0"), "<null: ValueError: pow() 3rd argument cannot be 0>");
    EXPECT_EQ(pow("2", "-1", "4"),
              "<null: ValueError: base is not invertible for the given modulus>");
    EXPECT_EQ(pow("-1", "100000000000000000000001"), "-1");
    EXPECT_EQ(pow("7", "100000000000000000000001"), "<null: MemoryError>");
}

TEST(Int, Errors) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    EXPECT_EQ(apply(m, vm::int_floordiv, "1", "0"),
              "<null: ZeroDivisionError: integer division or modulo by zero>");
    EXPECT_EQ(apply(m, vm::int_mod, "1", "0"), "<null: ZeroDivisionError: integer modulo by zero>");
    EXPECT_EQ(apply(m, vm::int_truediv, "1", "0"), "<null: ZeroDivisionError: division by zero>");
    EXPECT_EQ(apply(m, vm::int_lshift, "1", "-1"), "<null: ValueError: negative shift count>");
    std::string huge = "1" + std::string(400, '0');
    EXPECT_EQ(apply(m, vm::int_truediv, huge, "1"),
              "<null: OverflowError: integer division result too large for a float>");
}

TEST(Int, HashesMatchCPython) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    const std::pair<const char*, int64_t> table[] = {
        {"0", 0},
        {"1", 1},
        {"-1", -2},
        {"-2", -2},
        {"2305843009213693950", 2305843009213693950},
        {"2305843009213693951", 0},
        {"2305843009213693952", 1},
        {"9223372036854775807", 3},
        {"-9223372036854775808", -4},
        {"18446744073709551616", 8},
        {"-18446744073709551616", -8},
        {"1000000000000000000000000000000", 465258685558744706},
        {"-1000000000000000000000000000000", -465258685558744706},
        {"1267650600228229401496703217721", 549755826233},
    };
    for (const auto& [text, expected] : table) {
        Ref<Object> value = int_of(m, text);
        EXPECT_EQ(vm::object_hash(m, value.get()), expected) << text;
    }
    EXPECT_EQ(vm::object_hash(m, m.true_()), 1);
}

TEST(Int, TextConversion) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    auto parse = [&](std::string_view text, int base) {
        return repr_of(m, vm::int_from_text(m, text, base).get());
    };
    EXPECT_EQ(parse("0x_ff", 0), "255");
    EXPECT_EQ(parse(" -1_000 ", 10), "-1000");
    EXPECT_EQ(parse("zz", 36), "1295");
    EXPECT_EQ(parse("0b101", 2), "5");
    EXPECT_EQ(parse("000", 0), "0");
    EXPECT_EQ(parse("-99999999999999999999999", 10), "-99999999999999999999999");
    EXPECT_EQ(parse("010", 0), "<null: ValueError: invalid literal for int() with base 0: '010'>");
    EXPECT_EQ(parse("1__0", 10),
              "<null: ValueError: invalid literal for int() with base 10: '1__0'>");
    EXPECT_EQ(parse("_1", 10), "<null: ValueError: invalid literal for int() with base 10: '_1'>");
    EXPECT_EQ(parse("12a", 10),
              "<null: ValueError: invalid literal for int() with base 10: '12a'>");
    EXPECT_EQ(parse("", 10), "<null: ValueError: invalid literal for int() with base 10: ''>");
    EXPECT_EQ(parse("1", 37), "<null: ValueError: int() base must be >= 2 and <= 36, or 0>");
    std::string text;
    Ref<Object> value = int_of(m, "-1180591620717411303424");
    ASSERT_TRUE(vm::is_ok(vm::int_to_text(m, value.get(), 16, text)));
    EXPECT_EQ(text, "-400000000000000000");
}

TEST(Int, DigitLimit) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    std::string digits(4301, '7');
    EXPECT_EQ(repr_of(m, vm::int_from_text(m, digits, 10).get()),
              "<null: ValueError: Exceeds the limit (4300 digits) for integer string conversion: "
              "value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit>");
    Ref<Object> ok = vm::int_from_text(m, std::string(4300, '7'), 10);
    ASSERT_TRUE(ok);
    EXPECT_EQ(repr_of(m, ok.get()).size(), 4300u);
    Ref<Object> ten = int_of(m, "10");
    Ref<Object> big = vm::int_mul(m, ok.get(), ten.get());
    EXPECT_EQ(repr_of(m, big.get()),
              "<error: ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
              "use sys.set_int_max_str_digits() to increase the limit>");
    // Power-of-two bases are never limited.
    EXPECT_TRUE(vm::int_from_text(m, std::string(5000, 'f'), 16));
    m.set_int_max_str_digits(0);
    EXPECT_EQ(repr_of(m, big.get()).size(), 4301u);
}

TEST(Int, ComparisonsAndBool) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> a = int_of(m, "-100000000000000000000");
    Ref<Object> b = int_of(m, "3");
    EXPECT_EQ(vm::object_rich_compare_bool(m, a.get(), b.get(), vm::CompareOp::lt), 1);
    EXPECT_EQ(vm::object_rich_compare_bool(m, b.get(), a.get(), vm::CompareOp::ge), 1);
    EXPECT_EQ(vm::object_rich_compare_bool(m, m.true_(), b.get(), vm::CompareOp::lt), 1);
    Ref<Object> one = int_of(m, "1");
    EXPECT_EQ(vm::object_rich_compare_bool(m, m.true_(), one.get(), vm::CompareOp::eq), 1);
    EXPECT_EQ(repr_of(m, m.true_()), "True");
    EXPECT_EQ(repr_of(m, vm::int_add(m, m.true_(), m.true_()).get()), "2");
    EXPECT_EQ(repr_of(m, m.types().bool_->slots.and_(m, m.true_(), m.false_()).get()), "False");
    EXPECT_EQ(vm::object_is_true(m, a.get()), 1);
}

} // namespace
} // namespace minipy::test
