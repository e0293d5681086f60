// Tests vm/type.cpp: the generic protocol (binary_op dispatch, iteration, comparison fallbacks),
// slot inheritance, mro computation and built-in method lookup.
#include "vm/type.h"

#include <gtest/gtest.h>

#include "../support/runtime_helpers.h"
#include "vm/types/float.h"
#include "vm/types/list.h"
#include "vm/types/tuple.h"

namespace minipy::test {
namespace {

TEST(Type, BinaryOpDispatch) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> one = int_of(m, "1");
    Ref<Object> half = vm::float_new(m, 2.5);
    Ref<Object> text = str_of(m, "ab");
    Ref<Object> three = int_of(m, "3");
    EXPECT_EQ(repr_of(m, vm::binary_op(m, one.get(), half.get(), vm::BinarySlot::add).get()),
              "3.5");
    EXPECT_EQ(repr_of(m, vm::binary_op(m, three.get(), text.get(), vm::BinarySlot::mul).get()),
              "'ababab'");
    EXPECT_EQ(repr_of(m, vm::binary_op(m, text.get(), three.get(), vm::BinarySlot::mul).get()),
              "'ababab'");
    EXPECT_EQ(repr_of(m, vm::binary_op(m, one.get(), text.get(), vm::BinarySlot::add).get()),
              "<null: TypeError: unsupported operand type(s) for +: 'int' and 'str'>");
    EXPECT_EQ(repr_of(m, vm::binary_op(m, text.get(), one.get(), vm::BinarySlot::add).get()),
              "<null: TypeError: can only concatenate str (not \"int\") to str>");
    EXPECT_EQ(repr_of(m, vm::binary_op(m, three.get(), three.get(), vm::BinarySlot::pow).get()),
              "27");
    EXPECT_EQ(repr_of(m, vm::binary_op(m, m.true_(), three.get(), vm::BinarySlot::add).get()), "4");
    EXPECT_EQ(repr_of(m, vm::binary_op(m, m.true_(), m.false_(), vm::BinarySlot::or_).get()),
              "True");
    EXPECT_EQ(repr_of(m, vm::binary_op(m, half.get(), m.none(), vm::BinarySlot::floordiv).get()),
              "<null: TypeError: unsupported operand type(s) for //: 'float' and 'NoneType'>");
}

TEST(Type, ComparisonFallbacks) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> one = int_of(m, "1");
    // None == 1 falls back to identity; None < 1 is a TypeError.
    EXPECT_EQ(vm::object_rich_compare_bool(m, m.none(), one.get(), vm::CompareOp::eq), 0);
    EXPECT_EQ(vm::object_rich_compare_bool(m, m.none(), one.get(), vm::CompareOp::ne), 1);
    EXPECT_EQ(vm::object_rich_compare_bool(m, m.none(), one.get(), vm::CompareOp::lt), -1);
    EXPECT_EQ(take_error(m),
              "TypeError: '<' not supported between instances of 'NoneType' and 'int'");
}

TEST(Type, IterationProtocol) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> list = vm::list_new(m);
    for (const char* v : {"1", "2", "3"})
        ASSERT_TRUE(vm::is_ok(vm::list_append(m, list.get(), int_of(m, v).get())));
    Ref<Object> it = vm::object_iter(m, list.get());
    ASSERT_TRUE(it);
    EXPECT_EQ(repr_of(m, it->type), "<class 'list_iterator'>");
    int64_t sum = 0;
    while (Ref<Object> item = vm::object_next(m, it.get())) {
        int64_t value = 0;
        ASSERT_TRUE(vm::int_to_i64(item.get(), value));
        sum += value;
    }
    EXPECT_FALSE(m.thread_state().has_exception());
    EXPECT_EQ(sum, 6);
    Ref<Object> word = str_of(m, "h\xc3\xa9");
    Ref<Object> chars = vm::object_iter(m, word.get());
    Ref<Object> first = vm::object_next(m, chars.get());
    Ref<Object> second = vm::object_next(m, chars.get());
    EXPECT_EQ(repr_of(m, second.get()), "'\xc3\xa9'");
    EXPECT_FALSE(vm::object_next(m, chars.get()));
    EXPECT_EQ(repr_of(m, vm::object_iter(m, m.none()).get()),
              "<null: TypeError: 'NoneType' object is not iterable>");
}

TEST(Type, MakeTypeInheritsSlotsAndComputesMro) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    vm::TypeSpec spec{};
    spec.name = "MyInt";
    spec.base = m.types().int_;
    Ref<vm::Type> type = vm::make_type(m, spec);
    ASSERT_TRUE(type);
    EXPECT_EQ(type->slots.add, m.types().int_->slots.add);
    EXPECT_EQ(type->basic_size, m.types().int_->basic_size);
    EXPECT_TRUE(vm::has_flag(type.get(), vm::type_int_subclass));
    EXPECT_EQ(repr_of(m, type->mro), "(<class 'MyInt'>, <class 'int'>, <class 'object'>)");
    // An inconsistent order: class C(object, int) has no C3 linearisation.
    vm::Type* bases[] = {m.types().object, m.types().int_};
    vm::TypeSpec bad{};
    bad.name = "C";
    bad.base = m.types().object;
    EXPECT_FALSE(vm::make_type_with_bases(m, bad, bases, 2));
    EXPECT_EQ(take_error(m), "TypeError: Cannot create a consistent method resolution order (MRO)");
}

TEST(Type, MethodTables) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    const vm::MethodDef* append = vm::find_method(m.types().list, "append");
    ASSERT_NE(append, nullptr);
    EXPECT_EQ(append->kind, vm::MethodKind::o);
    EXPECT_EQ(vm::find_method(m.types().list, "no_such_method"), nullptr);
    // bool finds int's methods through its base.
    EXPECT_NE(vm::find_method(m.types().bool_, "bit_length"), nullptr);
    Ref<Object> list = vm::list_new(m);
    EXPECT_EQ(repr_of(m, vm::call_method(m, list.get(), "append", nullptr, 0).get()),
              "<null: TypeError: list.append() takes exactly one argument (0 given)>");
    EXPECT_EQ(repr_of(m, vm::call_method(m, list.get(), "nope", nullptr, 0).get()),
              "<null: AttributeError: 'list' object has no attribute 'nope'>");
    Ref<Object> big = int_of(m, "-1180591620717411303424");
    EXPECT_EQ(repr_of(m, vm::call_method(m, big.get(), "bit_length", nullptr, 0).get()), "71");
}

} // namespace
} // namespace minipy::test
