// Tests vm/types/float.cpp: arithmetic with Python's modulo rules, exact int comparisons, CPython's
// hash, and repr through compiler::repr_float.
#include "vm/types/float.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../support/runtime_helpers.h"

namespace minipy::test {
namespace {

std::string f(vm::VM& m, double value) {
    Ref<Object> x = vm::float_new(m, value);
    return repr_of(m, x.get());
}

TEST(Float, Repr) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    EXPECT_EQ(f(m, 0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(f(m, 1e16), "1e+16");
    EXPECT_EQ(f(m, 1e-5), "1e-05");
    EXPECT_EQ(f(m, 1.5), "1.5");
    EXPECT_EQ(f(m, -0.0), "-0.0");
    EXPECT_EQ(f(m, INFINITY), "inf");
    EXPECT_EQ(f(m, NAN), "nan");
}

TEST(Float, ModuloAndFloorDivision) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> a = vm::float_new(m, -7.5);
    Ref<Object> two = vm::float_new(m, 2.0);
    EXPECT_EQ(repr_of(m, vm::float_mod(m, a.get(), two.get()).get()), "0.5");
    Ref<Object> b = vm::float_new(m, 7.5);
    Ref<Object> minus_two = int_of(m, "-2");
    EXPECT_EQ(repr_of(m, vm::float_divmod(m, b.get(), minus_two.get()).get()), "(-4.0, -0.5)");
    EXPECT_EQ(repr_of(m, vm::float_floordiv(m, b.get(), minus_two.get()).get()), "-4.0");
    Ref<Object> zero = vm::float_new(m, 0.0);
    EXPECT_EQ(repr_of(m, vm::float_truediv(m, b.get(), zero.get()).get()),
              "<null: ZeroDivisionError: float division by zero>");
    EXPECT_EQ(repr_of(m, vm::float_mod(m, b.get(), zero.get()).get()),
              "<null: ZeroDivisionError: float modulo>");
    Ref<Object> minus_zero = vm::float_new(m, -0.0);
    Ref<Object> five = int_of(m, "5");
    EXPECT_EQ(repr_of(m, vm::float_mod(m, minus_zero.get(), five.get()).get()), "0.0");
    // int op float goes to float (NotImplemented from int first).
    EXPECT_EQ(vm::int_add(m, five.get(), b.get()).get(), m.not_implemented());
    EXPECT_EQ(repr_of(m, vm::float_add(m, five.get(), b.get()).get()), "12.5");
}

TEST(Float, ExactComparisonWithInts) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> big_float = vm::float_new(m, std::ldexp(1.0, 70));
    Ref<Object> two70 = int_of(m, "1180591620717411303424");
    EXPECT_EQ(vm::object_rich_compare_bool(m, big_float.get(), two70.get(), vm::CompareOp::eq), 1);
    // 2**53 + 1 is not equal to float(2**53), though a lossy conversion would say so.
    Ref<Object> odd = int_of(m, "9007199254740993");
    Ref<Object> even_float = vm::float_new(m, 9007199254740992.0);
    EXPECT_EQ(vm::object_rich_compare_bool(m, odd.get(), even_float.get(), vm::CompareOp::eq), 0);
    EXPECT_EQ(vm::object_rich_compare_bool(m, odd.get(), even_float.get(), vm::CompareOp::gt), 1);
    Ref<Object> nan = vm::float_new(m, NAN);
    EXPECT_EQ(vm::object_rich_compare_bool(m, nan.get(), odd.get(), vm::CompareOp::eq), 0);
    EXPECT_EQ(vm::object_rich_compare_bool(m, nan.get(), nan.get(), vm::CompareOp::eq), 1)
        << "identity implies equality in containers' comparisons";
}

TEST(Float, HashesMatchCPython) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    const std::pair<double, int64_t> table[] = {
        {1.5, 1152921504606846977},
        {-1.5, -1152921504606846977},
        {0.1, 230584300921369408},
        {1e300, 1224995262755759164},
        {-0.0, 0},
        {std::ldexp(1.0, 70), 512},
        {1e-300, 482449582752280463},
        {123456.789, 1819310134279660096},
        {-1.0, -2},
        {std::ldexp(1.0, 61), 1},
        {INFINITY, 314159},
        {-INFINITY, -314159},
    };
    for (const auto& [value, expected] : table) {
        Ref<Object> x = vm::float_new(m, value);
        EXPECT_EQ(vm::object_hash(m, x.get()), expected) << value;
    }
    // Equal numbers hash alike across types.
    Ref<Object> three = vm::float_new(m, 3.0);
    Ref<Object> three_int = int_of(m, "3");
    EXPECT_EQ(vm::object_hash(m, three.get()), vm::object_hash(m, three_int.get()));
}

TEST(Float, BigIntConversionRounds) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    double out = 0;
    // 2**54 + 3 rounds to 2**54 + 4 (nearest even); truncation would give 2**54 + 2.
    Ref<Object> value = int_of(m, "18014398509481987");
    ASSERT_TRUE(vm::is_ok(vm::number_to_double(m, value.get(), out)));
    EXPECT_EQ(out, 18014398509481988.0);
    Ref<Object> huge = int_of(m, "1" + std::string(400, '0'));
    EXPECT_FALSE(vm::is_ok(vm::number_to_double(m, huge.get(), out)));
    EXPECT_EQ(take_error(m), "OverflowError: int too large to convert to float");
}

} // namespace
} // namespace minipy::test
