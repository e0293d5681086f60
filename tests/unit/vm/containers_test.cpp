// Tests str, bytes, tuple, list, dict and set: basic operations and reprs matching python3, dict
// order, hashing of tuples and frozensets as CPython, recursion-safe reprs.
#include <gtest/gtest.h>

#include "../support/runtime_helpers.h"
#include "vm/types/bytes.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/list.h"
#include "vm/types/set.h"
#include "vm/types/tuple.h"

namespace minipy::test {
namespace {

TEST(Containers, MixedListRepr) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    // [1, 'a', (2,), {'k': [None, True]}, 1.5, b'x\n']
    Ref<Object> list = vm::list_new(m);
    Ref<Object> one = int_of(m, "1");
    Ref<Object> a = str_of(m, "a");
    Ref<Object> two = int_of(m, "2");
    Ref<Object> single = vm::tuple_pack(m, {two.get()});
    Ref<Object> inner = vm::list_new(m);
    ASSERT_TRUE(vm::is_ok(vm::list_append(m, inner.get(), m.none())));
    ASSERT_TRUE(vm::is_ok(vm::list_append(m, inner.get(), m.true_())));
    Ref<Object> dict = vm::dict_new(m);
    Ref<Object> k = str_of(m, "k");
    ASSERT_TRUE(vm::is_ok(vm::dict_setitem(m, dict.get(), k.get(), inner.get())));
    Ref<Object> half = vm::float_new(m, 1.5);
    Ref<Object> bytes = vm::bytes_new(m, "x\n");
    for (Object* item : {one.get(), a.get(), single.get(), dict.get(), half.get(), bytes.get()})
        ASSERT_TRUE(vm::is_ok(vm::list_append(m, list.get(), item)));
    EXPECT_EQ(repr_of(m, list.get()), "[1, 'a', (2,), {'k': [None, True]}, 1.5, b'x\\n']");
    EXPECT_EQ(vm::object_len(m, list.get()), 6);
}

TEST(Containers, StrBasics) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> t = str_of(m, std::string("it's \"q\"\n\0\xc3\xa9\xe2\x82\xac", 15));
    ASSERT_TRUE(t);
    EXPECT_EQ(vm::str_length(t.get()), 12);
    EXPECT_EQ(static_cast<vm::Str*>(t.get())->kind, 2);
    EXPECT_EQ(repr_of(m, t.get()), "'it\\'s \"q\"\\n\\x00\xc3\xa9\xe2\x82\xac'");
    Ref<Object> x = str_of(m, "\xc3\xa9\xe2\x82\xac");
    Ref<Object> y = str_of(m, "\xc3\xa9z");
    EXPECT_EQ(vm::object_rich_compare_bool(m, x.get(), y.get(), vm::CompareOp::lt), 0);
    Ref<Object> ab = vm::str_concat(m, str_of(m, "ab").get(), x.get());
    EXPECT_EQ(vm::str_to_utf8(ab.get()), "ab\xc3\xa9\xe2\x82\xac");
    Ref<Object> needle = str_of(m, "b\xc3\xa9");
    EXPECT_EQ(vm::object_contains(m, ab.get(), needle.get()), 1);
    Ref<Object> text = str_of(m, "a b  c");
    Ref<Object> parts = vm::call_method(m, text.get(), "split", nullptr, 0);
    EXPECT_EQ(repr_of(m, parts.get()), "['a', 'b', 'c']");
    Ref<Object> comma = str_of(m, ", ");
    Object* arg = parts.get();
    Ref<Object> joined = vm::call_method(m, comma.get(), "join", &arg, 1);
    EXPECT_EQ(repr_of(m, joined.get()), "'a, b, c'");
    Ref<Object> upper = vm::call_method(m, joined.get(), "upper", nullptr, 0);
    EXPECT_EQ(repr_of(m, upper.get()), "'A, B, C'");
    // Equal strings hash alike whatever their history.
    Ref<Object> built =
        vm::str_concat(m, str_of(m, "\xc3\xa9").get(), str_of(m, "\xe2\x82\xac").get());
    EXPECT_EQ(vm::object_hash(m, built.get()), vm::object_hash(m, x.get()));
    // Invalid UTF-8 raises.
    EXPECT_EQ(repr_of(m, str_of(m, "\xff").get()),
              "<null: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: "
              "invalid start byte>");
}

TEST(Containers, TupleHashAndCompare) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> one = int_of(m, "1");
    Ref<Object> two = int_of(m, "2");
    Ref<Object> three = int_of(m, "3");
    Ref<Object> pair = vm::tuple_pack(m, {one.get(), two.get()});
    Ref<Object> empty = vm::tuple_new(m, 0);
    Ref<Object> single = vm::tuple_pack(m, {one.get()});
    Ref<Object> nested = vm::tuple_pack(m, {pair.get(), three.get()});
    EXPECT_EQ(vm::object_hash(m, pair.get()), -3550055125485641917);
    EXPECT_EQ(vm::object_hash(m, empty.get()), 5740354900026072187);
    EXPECT_EQ(vm::object_hash(m, single.get()), -6644214454873602895);
    EXPECT_EQ(vm::object_hash(m, nested.get()), -333907151259015829);
    Ref<Object> pair2 = vm::tuple_pack(m, {one.get(), three.get()});
    EXPECT_EQ(vm::object_rich_compare_bool(m, pair.get(), pair2.get(), vm::CompareOp::lt), 1);
    EXPECT_EQ(vm::object_rich_compare_bool(m, single.get(), pair.get(), vm::CompareOp::lt), 1);
    Ref<Object> list = vm::list_new(m);
    Ref<Object> with_list = vm::tuple_pack(m, {list.get()});
    EXPECT_EQ(vm::object_hash(m, with_list.get()), -1);
    EXPECT_EQ(take_error(m), "TypeError: unhashable type: 'list'");
    Ref<Object> mixed = vm::tuple_pack(m, {one.get(), str_of(m, "x").get()});
    Ref<Object> mixed2 = vm::tuple_pack(m, {one.get(), two.get()});
    EXPECT_EQ(vm::object_rich_compare_bool(m, mixed.get(), mixed2.get(), vm::CompareOp::lt), -1);
    EXPECT_EQ(take_error(m), "TypeError: '<' not supported between instances of 'str' and 'int'");
}

TEST(Containers, ListOperations) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> list = vm::list_new(m);
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(vm::is_ok(vm::list_append(m, list.get(), vm::int_from_i64(m, i).get())));
    Ref<Object> popped = vm::call_method(m, list.get(), "pop", nullptr, 0);
    EXPECT_EQ(repr_of(m, popped.get()), "4");
    Ref<Object> zero = int_of(m, "0");
    Ref<Object> nine = int_of(m, "9");
    Object* args[] = {zero.get(), nine.get()};
    ASSERT_TRUE(vm::call_method(m, list.get(), "insert", args, 2));
    EXPECT_EQ(repr_of(m, list.get()), "[9, 0, 1, 2, 3]");
    Ref<Object> minus_one = int_of(m, "-1");
    EXPECT_EQ(repr_of(m, vm::object_getitem(m, list.get(), minus_one.get()).get()), "3");
    Ref<Object> ten = int_of(m, "10");
    EXPECT_EQ(repr_of(m, vm::object_getitem(m, list.get(), ten.get()).get()),
              "<null: IndexError: list index out of range>");
    ASSERT_TRUE(vm::is_ok(vm::object_setitem(m, list.get(), zero.get(), nullptr)));
    EXPECT_EQ(repr_of(m, list.get()), "[0, 1, 2, 3]");
    EXPECT_EQ(vm::object_hash(m, list.get()), -1);
    EXPECT_EQ(take_error(m), "TypeError: unhashable type: 'list'");
    // A list containing itself prints as [...].
    ASSERT_TRUE(vm::is_ok(vm::list_append(m, list.get(), list.get())));
    EXPECT_EQ(repr_of(m, list.get()), "[0, 1, 2, 3, [...]]");
    ASSERT_TRUE(vm::call_method(m, list.get(), "clear", nullptr, 0));
    EXPECT_EQ(repr_of(m, list.get()), "[]");
}

TEST(Containers, ListSort) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> list = vm::list_new(m);
    for (const char* v : {"5", "-3", "100000000000000000000", "0", "7", "-3"})
        ASSERT_TRUE(vm::is_ok(vm::list_append(m, list.get(), int_of(m, v).get())));
    ASSERT_TRUE(vm::call_method(m, list.get(), "sort", nullptr, 0));
    EXPECT_EQ(repr_of(m, list.get()), "[-3, -3, 0, 5, 7, 100000000000000000000]");
    Ref<Object> names = vm::tuple_pack(m, {str_of(m, "reverse").get()});
    Object* yes = m.true_();
    const vm::MethodDef* sort = vm::find_method(m.types().list, "sort");
    ASSERT_TRUE(sort->function(m, list.get(), &yes, 0, names.get()));
    EXPECT_EQ(repr_of(m, list.get()), "[100000000000000000000, 7, 5, 0, -3, -3]");
    ASSERT_TRUE(vm::is_ok(vm::list_append(m, list.get(), str_of(m, "x").get())));
    EXPECT_FALSE(vm::call_method(m, list.get(), "sort", nullptr, 0));
    EXPECT_EQ(take_error(m), "TypeError: '<' not supported between instances of 'str' and 'int'");
    EXPECT_EQ(vm::list_size(list.get()), 7);
}

TEST(Containers, DictKeepsInsertionOrder) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> dict = vm::dict_new(m);
    for (const char* key : {"x", "y", "z"}) {
        Ref<Object> k = str_of(m, key);
        Ref<Object> v = int_of(m, "1");
        ASSERT_TRUE(vm::is_ok(vm::dict_setitem(m, dict.get(), k.get(), v.get())));
    }
    ASSERT_TRUE(vm::is_ok(vm::dict_delitem(m, dict.get(), str_of(m, "y").get())));
    ASSERT_TRUE(
        vm::is_ok(vm::dict_setitem(m, dict.get(), str_of(m, "y").get(), int_of(m, "5").get())));
    ASSERT_TRUE(
        vm::is_ok(vm::dict_setitem(m, dict.get(), str_of(m, "a").get(), int_of(m, "0").get())));
    EXPECT_EQ(repr_of(m, dict.get()), "{'x': 1, 'z': 1, 'y': 5, 'a': 0}");
    EXPECT_EQ(repr_of(m, vm::object_getitem(m, dict.get(), str_of(m, "q").get()).get()),
              "<null: KeyError: 'q'>");
    // 1, 1.0 and True are one key.
    Ref<Object> d2 = vm::dict_new(m);
    ASSERT_TRUE(
        vm::is_ok(vm::dict_setitem(m, d2.get(), int_of(m, "1").get(), str_of(m, "int").get())));
    ASSERT_TRUE(vm::is_ok(
        vm::dict_setitem(m, d2.get(), vm::float_new(m, 1.0).get(), str_of(m, "float").get())));
    ASSERT_TRUE(vm::is_ok(vm::dict_setitem(m, d2.get(), m.true_(), str_of(m, "bool").get())));
    EXPECT_EQ(repr_of(m, d2.get()), "{1: 'bool'}");
    EXPECT_FALSE(vm::is_ok(vm::dict_setitem(m, d2.get(), vm::list_new(m).get(), m.none())));
    EXPECT_EQ(take_error(m), "TypeError: unhashable type: 'list'");
}

TEST(Containers, DictGrowsAndShrinks) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> dict = vm::dict_new(m);
    for (int i = 0; i < 10000; ++i)
        ASSERT_TRUE(vm::is_ok(vm::dict_setitem(m, dict.get(), vm::int_from_i64(m, i).get(),
                                               vm::int_from_i64(m, i * 2).get())));
    for (int i = 0; i < 10000; i += 2)
        ASSERT_TRUE(vm::is_ok(vm::dict_delitem(m, dict.get(), vm::int_from_i64(m, i).get())));
    EXPECT_EQ(vm::dict_size(dict.get()), 5000);
    for (int i = 0; i < 10000; ++i) {
        Object* value = nullptr;
        int found = vm::dict_lookup(m, dict.get(), vm::int_from_i64(m, i).get(), &value);
        ASSERT_EQ(found, i % 2) << i;
        if (found) {
            int64_t v = 0;
            ASSERT_TRUE(vm::int_to_i64(value, v));
            EXPECT_EQ(v, i * 2);
        }
    }
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    int64_t expected = 1;
    while (vm::dict_next(dict.get(), pos, &key, &value)) {
        int64_t k = 0;
        ASSERT_TRUE(vm::int_to_i64(key, k));
        EXPECT_EQ(k, expected);
        expected += 2;
    }
}

TEST(Containers, SetsAndFrozensets) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> set = vm::set_new(m, false);
    EXPECT_EQ(repr_of(m, set.get()), "set()");
    for (const char* v : {"1", "2", "3", "2"})
        ASSERT_TRUE(vm::is_ok(vm::set_add(m, set.get(), int_of(m, v).get())));
    EXPECT_EQ(repr_of(m, set.get()), "{1, 2, 3}");
    EXPECT_EQ(vm::set_contains_key(m, set.get(), int_of(m, "2").get()), 1);
    EXPECT_EQ(vm::set_discard(m, set.get(), int_of(m, "2").get()), 1);
    EXPECT_EQ(vm::set_contains_key(m, set.get(), int_of(m, "2").get()), 0);
    Ref<Object> frozen = vm::set_new(m, true);
    EXPECT_EQ(repr_of(m, frozen.get()), "frozenset()");
    EXPECT_EQ(vm::object_hash(m, frozen.get()), 133146708735736);
    frozen = vm::set_new(m, true);
    for (const char* v : {"1", "2", "3"})
        ASSERT_TRUE(vm::is_ok(vm::set_add(m, frozen.get(), int_of(m, v).get())));
    EXPECT_EQ(vm::object_hash(m, frozen.get()), -272375401224217160);
    EXPECT_EQ(repr_of(m, frozen.get()), "frozenset({1, 2, 3})");
    ASSERT_TRUE(vm::is_ok(vm::set_add(m, set.get(), int_of(m, "2").get())));
    EXPECT_EQ(vm::object_rich_compare_bool(m, set.get(), frozen.get(), vm::CompareOp::eq), 1);
    EXPECT_EQ(vm::object_hash(m, set.get()), -1);
    EXPECT_EQ(take_error(m), "TypeError: unhashable type: 'set'");
    for (int i = 0; i < 5000; ++i)
        ASSERT_TRUE(vm::is_ok(vm::set_add(m, set.get(), vm::int_from_i64(m, i).get())));
    EXPECT_EQ(vm::set_size(set.get()), 5000);
}

TEST(Containers, SetAlgebra) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> a = vm::set_new(m, false);
    Ref<Object> b = vm::set_new(m, true);
    for (const char* v : {"1", "2", "3"})
        ASSERT_TRUE(vm::is_ok(vm::set_add(m, a.get(), int_of(m, v).get())));
    for (const char* v : {"2", "3", "4"})
        ASSERT_TRUE(vm::is_ok(vm::set_add(m, b.get(), int_of(m, v).get())));
    auto op = [&](Object* x, Object* y, vm::BinarySlot slot) {
        return repr_of(m, vm::binary_op(m, x, y, slot).get());
    };
    EXPECT_EQ(op(a.get(), b.get(), vm::BinarySlot::or_), "{1, 2, 3, 4}");
    EXPECT_EQ(op(a.get(), b.get(), vm::BinarySlot::and_), "{2, 3}");
    EXPECT_EQ(op(a.get(), b.get(), vm::BinarySlot::sub), "{1}");
    EXPECT_EQ(op(a.get(), b.get(), vm::BinarySlot::xor_), "{1, 4}");
    EXPECT_EQ(op(b.get(), a.get(), vm::BinarySlot::sub), "frozenset({4})");
    EXPECT_EQ(op(a.get(), m.none(), vm::BinarySlot::or_),
              "<null: TypeError: unsupported operand type(s) for |: 'set' and 'NoneType'>");
}

TEST(Containers, StrStripAndReplace) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    auto call = [&](std::string_view text, const char* name,
                    std::initializer_list<const char*> args) {
        Ref<Object> self = str_of(m, text);
        std::vector<Ref<Object>> held;
        std::vector<Object*> raw;
        for (const char* arg : args) {
            held.push_back(str_of(m, arg));
            raw.push_back(held.back().get());
        }
        return repr_of(m, vm::call_method(m, self.get(), name, raw.data(), raw.size()).get());
    };
    EXPECT_EQ(call("  a b \n", "strip", {}), "'a b'");
    EXPECT_EQ(call("xxaxx", "strip", {"x"}), "'a'");
    EXPECT_EQ(call("a-b-c", "replace", {"-", "+="}), "'a+=b+=c'");
    EXPECT_EQ(call("ab", "replace", {"", "-"}), "'-a-b-'");
    EXPECT_EQ(call("aaa", "replace", {"aa", "b"}), "'ba'");
}

TEST(Containers, IteratorsWalkInOrder) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> dict = vm::dict_new(m);
    for (const char* key : {"b", "a", "c"})
        ASSERT_TRUE(vm::is_ok(vm::dict_setitem(m, dict.get(), str_of(m, key).get(), m.none())));
    Ref<Object> it = dict->type->slots.iter(m, dict.get());
    std::string seen;
    while (Ref<Object> key = it->type->slots.next(m, it.get()))
        seen += vm::str_to_utf8(key.get());
    EXPECT_EQ(seen, "bac");
    EXPECT_FALSE(m.thread_state().has_exception());
}

TEST(Containers, DeepReprRaisesRecursionError) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    Ref<Object> outer = vm::list_new(m);
    for (int i = 0; i < 100000; ++i) {
        Ref<Object> next = vm::list_new(m);
        ASSERT_TRUE(vm::is_ok(vm::list_append(m, next.get(), outer.get())));
        outer = std::move(next);
    }
    EXPECT_EQ(repr_of(m, outer.get()),
              "<error: RecursionError: maximum recursion depth exceeded while getting the repr of "
              "an object>");
    EXPECT_EQ(m.thread_state().recursion_depth(), 0);
    Ref<Object> other = vm::list_new(m);
    ASSERT_TRUE(vm::is_ok(vm::list_append(m, other.get(), outer.get())));
    Ref<Object> other2 = vm::list_new(m);
    ASSERT_TRUE(vm::is_ok(vm::list_append(m, other2.get(), outer.get())));
    // Same object at the bottom: identity shortcut; compare two distinct deep structures instead.
    Ref<Object> deep2 = vm::list_new(m);
    for (int i = 0; i < 100000; ++i) {
        Ref<Object> next = vm::list_new(m);
        ASSERT_TRUE(vm::is_ok(vm::list_append(m, next.get(), deep2.get())));
        deep2 = std::move(next);
    }
    EXPECT_EQ(vm::object_rich_compare_bool(m, outer.get(), deep2.get(), vm::CompareOp::eq), -1);
    EXPECT_EQ(take_error(m), "RecursionError: maximum recursion depth exceeded in comparison");
}

} // namespace
} // namespace minipy::test
