// Tests gc/pools.cpp: small-int identity, the Latin-1 single-character cache, interning.
#include "gc/pools.h"

#include <gtest/gtest.h>

#include "../support/runtime_helpers.h"
#include "vm/types/bytes.h"
#include "vm/types/tuple.h"

namespace minipy::test {
namespace {

TEST(Pools, SmallIntsAreShared) {
    auto machine = make_vm();
    for (int64_t value : {-5, -1, 0, 1, 100, 256}) {
        Ref<Object> a = vm::int_from_i64(*machine, value);
        Ref<Object> b = vm::int_from_text(*machine, std::to_string(value), 10);
        EXPECT_EQ(a.get(), b.get()) << value;
    }
    // Arithmetic results land in the pool too.
    Ref<Object> x = vm::int_from_i64(*machine, 200);
    Ref<Object> y = vm::int_from_i64(*machine, 56);
    Ref<Object> sum = vm::int_add(*machine, x.get(), y.get());
    EXPECT_EQ(sum.get(), machine->pools().small_int(256));
}

TEST(Pools, IntsOutsideThePoolAreDistinct) {
    auto machine = make_vm();
    for (int64_t value : {-6, 257, 1000}) {
        Ref<Object> a = vm::int_from_i64(*machine, value);
        Ref<Object> b = vm::int_from_i64(*machine, value);
        EXPECT_NE(a.get(), b.get()) << value;
        EXPECT_EQ(vm::int_compare(a.get(), b.get()), 0);
    }
}

TEST(Pools, Latin1CharactersAreShared) {
    auto machine = make_vm();
    Ref<Object> a = str_of(*machine, "a");
    Ref<Object> b = str_of(*machine, "a");
    EXPECT_EQ(a.get(), b.get());
    Ref<Object> e1 = str_of(*machine, "\xc3\xa9"); // é, U+00E9
    Ref<Object> e2 = vm::str_from_code_points(*machine, std::array<uint32_t, 1>{0xE9}.data(), 1);
    EXPECT_EQ(e1.get(), e2.get());
    Ref<Object> x1 = str_of(*machine, "\xe2\x82\xac"); // €, beyond Latin-1: not pooled
    Ref<Object> x2 = str_of(*machine, "\xe2\x82\xac");
    EXPECT_NE(x1.get(), x2.get());
    EXPECT_TRUE(vm::str_equal(x1.get(), x2.get()));
    // Indexing a longer string returns the pooled character.
    Ref<Object> word = str_of(*machine, "xay");
    Ref<Object> index = vm::int_from_i64(*machine, 1);
    Ref<Object> item = vm::object_getitem(*machine, word.get(), index.get());
    EXPECT_EQ(item.get(), a.get());
}

TEST(Pools, EmptyValuesAreShared) {
    auto machine = make_vm();
    Ref<Object> s1 = str_of(*machine, "");
    Ref<Object> s2 = str_of(*machine, "");
    EXPECT_EQ(s1.get(), s2.get());
    Ref<Object> t1 = vm::tuple_new(*machine, 0);
    Ref<Object> t2 = vm::tuple_pack(*machine, {});
    EXPECT_EQ(t1.get(), t2.get());
    Ref<Object> b1 = vm::bytes_new(*machine, "");
    EXPECT_EQ(b1.get(), machine->pools().empty_bytes());
}

TEST(Pools, InterningGivesOneObject) {
    auto machine = make_vm();
    Ref<Object> a = vm::str_intern_text(*machine, "hello_world");
    Ref<Object> b = vm::str_intern_text(*machine, "hello_world");
    EXPECT_EQ(a.get(), b.get());
    EXPECT_TRUE(static_cast<vm::Str*>(a.get())->interned);
    Ref<Object> plain = str_of(*machine, "hello_world");
    EXPECT_NE(plain.get(), a.get());
    EXPECT_TRUE(vm::str_equal(plain.get(), a.get()));
    Ref<Object> interned = machine->pools().intern(*machine, plain);
    EXPECT_EQ(interned.get(), a.get());
    EXPECT_TRUE(gc::is_identifier_like("abc_123"));
    EXPECT_FALSE(gc::is_identifier_like("hello world"));
    EXPECT_FALSE(gc::is_identifier_like(""));
    // Type names are interned.
    Ref<Object> int_name = vm::str_intern_text(*machine, "int");
    EXPECT_EQ(int_name.get(), machine->types().int_->name_object);
}

} // namespace
} // namespace minipy::test
