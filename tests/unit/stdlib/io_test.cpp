// Tests of the io layer and the sys module (stdlib/io_*.cpp, stdlib/mod_io.cpp, stdlib/mod_sys.cpp,
// stdlib/struct_seq.cpp): the codecs' results and messages, print through a replaced sys.stdout,
// struct sequences, and per-runtime independence of sys.
#include <gtest/gtest.h>

#include <string>

#include "../support/runtime_helpers.h"
#include "stdlib/io.h"
#include "stdlib/io_codec.h"
#include "stdlib/struct_seq.h"
#include "stdlib/sys.h"
#include "vm/eval_helpers.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/int.h"
#include "vm/types/str.h"

namespace minipy::test {
namespace {

class IoTest : public ::testing::Test {
protected:
    void SetUp() override {
        machine = make_vm();
        runtime = vm::Runtime::create(*machine);
        ASSERT_TRUE(runtime);
        Ref<Object> dict = vm::dict_new(*machine);
        ASSERT_TRUE(dict);
        globals = std::move(dict);
    }
    void TearDown() override {
        globals = nullptr;
        runtime.reset();
        machine.reset();
    }
    std::string run(const std::string& source) {
        if (vm::exec_source(*runtime, source, "<test>", globals.get()))
            return "";
        return take_error(*machine);
    }
    // str(globals[name]) after run().
    std::string text_of(const char* name) {
        Ref<Object> key = vm::intern(*machine, name);
        Object* value = nullptr;
        if (vm::dict_lookup(*machine, globals.get(), key.get(), &value) <= 0)
            return "<missing>";
        Ref<Object> text = vm::object_str(*machine, value);
        return text ? vm::str_to_utf8(text.get()) : take_error(*machine);
    }

    std::unique_ptr<vm::VM> machine;
    std::unique_ptr<vm::Runtime> runtime;
    Ref<Object> globals;
};

TEST_F(IoTest, DecodesUtf8WithErrorHandlers) {
    using stdlib::decode_bytes;
    std::u32string out;
    ASSERT_TRUE(vm::is_ok(decode_bytes(*machine, stdlib::Encoding::utf8, stdlib::ErrorMode::strict,
                                       "a\xc3\xa9\xf0\x9f\x98\x80", out)));
    EXPECT_EQ(out, U"a\u00e9\U0001F600");
    out.clear();
    EXPECT_FALSE(vm::is_ok(
        decode_bytes(*machine, stdlib::Encoding::utf8, stdlib::ErrorMode::strict, "ab\xff", out)));
    EXPECT_EQ(take_error(*machine), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in "
                                    "position 2: invalid start byte");
    EXPECT_FALSE(vm::is_ok(decode_bytes(*machine, stdlib::Encoding::utf8, stdlib::ErrorMode::strict,
                                        "\xe2\x82", out)));
    EXPECT_EQ(take_error(*machine), "UnicodeDecodeError: 'utf-8' codec can't decode bytes in "
                                    "position 0-1: unexpected end of data");
    out.clear();
    ASSERT_TRUE(vm::is_ok(
        decode_bytes(*machine, stdlib::Encoding::utf8, stdlib::ErrorMode::replace, "x\xffy", out)));
    EXPECT_EQ(out, U"x\uFFFDy");
    out.clear();
    ASSERT_TRUE(vm::is_ok(decode_bytes(*machine, stdlib::Encoding::utf8,
                                       stdlib::ErrorMode::surrogateescape, "\xff", out)));
    EXPECT_EQ(out.size(), 1u);
    EXPECT_EQ(static_cast<uint32_t>(out[0]), 0xDCFFu);
}

TEST_F(IoTest, EncodesWithCPythonMessages) {
    std::string out;
    std::u32string text = U"caf\u00e9";
    ASSERT_TRUE(vm::is_ok(stdlib::encode_code_points(*machine, stdlib::Encoding::latin1,
                                                     stdlib::ErrorMode::strict, text, out)));
    EXPECT_EQ(out, "caf\xe9");
    out.clear();
    EXPECT_FALSE(vm::is_ok(stdlib::encode_code_points(*machine, stdlib::Encoding::ascii,
                                                      stdlib::ErrorMode::strict, text, out)));
    EXPECT_EQ(take_error(*machine), "UnicodeEncodeError: 'ascii' codec can't encode character "
                                    "'\\xe9' in position 3: ordinal not in range(128)");
    out.clear();
    ASSERT_TRUE(vm::is_ok(stdlib::encode_code_points(
        *machine, stdlib::Encoding::ascii, stdlib::ErrorMode::xmlcharrefreplace, text, out)));
    EXPECT_EQ(out, "caf&#233;");
    stdlib::Encoding encoding{};
    EXPECT_TRUE(vm::is_ok(stdlib::lookup_encoding(*machine, "UTF_8", encoding)));
    EXPECT_EQ(encoding, stdlib::Encoding::utf8);
    EXPECT_TRUE(vm::is_ok(stdlib::lookup_encoding(*machine, "ISO-8859-1", encoding)));
    EXPECT_EQ(encoding, stdlib::Encoding::latin1);
    EXPECT_FALSE(vm::is_ok(stdlib::lookup_encoding(*machine, "klingon", encoding)));
    EXPECT_EQ(take_error(*machine), "LookupError: unknown encoding: klingon");
}

TEST_F(IoTest, PrintGoesThroughSysStdout) {
    ASSERT_EQ(run("import io, sys\n"
                  "saved = sys.stdout\n"
                  "sys.stdout = io.StringIO()\n"
                  "print('a', 1, sep='-', end='!')\n"
                  "sys.stdout.write('|w')\n"
                  "captured = sys.stdout.getvalue()\n"
                  "sys.stdout = saved\n"),
              "");
    EXPECT_EQ(text_of("captured"), "a-1!|w");
    Ref<Object> sys_stdout = stdlib::sys_get(*runtime, "stdout");
    ASSERT_TRUE(sys_stdout);
    ASSERT_EQ(run("import io, sys\nsys.stdout = io.StringIO()\n"), "");
    Ref<Object> replaced = stdlib::sys_get(*runtime, "stdout");
    ASSERT_TRUE(vm::is_ok(stdlib::io_write_utf8(*machine, replaced.get(), "from C++")));
    ASSERT_EQ(run("value = sys.stdout.getvalue()\nsys.stdout = sys.__stdout__\n"), "");
    EXPECT_EQ(text_of("value"), "from C++");
}

TEST_F(IoTest, StructSequencesActLikeNamedTuples) {
    Ref<vm::Type> type = stdlib::struct_seq_type_new(*runtime, "sys.example", {"first", "second"});
    ASSERT_TRUE(type);
    Ref<Object> one = vm::int_from_i64(*machine, 1);
    Ref<Object> two = vm::str_from_utf8(*machine, "two");
    Ref<Object> value = stdlib::struct_seq_new(*machine, type.get(), {one.get(), two.get()});
    ASSERT_TRUE(value);
    EXPECT_EQ(repr_of(*machine, value.get()), "sys.example(first=1, second='two')");
    Ref<Object> name = vm::intern(*machine, "second");
    Ref<Object> second = vm::get_attr(*machine, value.get(), name.get());
    ASSERT_TRUE(second);
    EXPECT_EQ(second.get(), two.get());
    ASSERT_EQ(run("import sys\n"
                  "vi = sys.version_info\n"
                  "check = (vi[:2] == (3, 11), vi.major, type(vi).__name__, len(vi))\n"),
              "");
    EXPECT_EQ(text_of("check"), "(True, 3, 'version_info', 5)");
}

TEST_F(IoTest, EachRuntimeHasItsOwnSys) {
    std::unique_ptr<vm::VM> other = make_vm();
    std::unique_ptr<vm::Runtime> other_runtime = vm::Runtime::create(*other);
    ASSERT_TRUE(other_runtime);
    {
        // Every reference into the other VM is dropped before that VM goes.
        ASSERT_EQ(run("import sys\nsys.marker = 'first'\nsys.setrecursionlimit(321)\n"), "");
        Ref<Object> marker = stdlib::sys_get(*other_runtime, "marker");
        EXPECT_FALSE(marker);
        EXPECT_EQ(other->recursion_limit(), 1000);
        EXPECT_EQ(machine->recursion_limit(), 321);
        Ref<Object> argv = stdlib::sys_get(*other_runtime, "argv");
        ASSERT_TRUE(argv);
        EXPECT_TRUE(stdlib::sys_set_argv(*other_runtime, {"prog.py", "x"}));
        Ref<Object> new_argv = stdlib::sys_get(*other_runtime, "argv");
        EXPECT_EQ(repr_of(*other, new_argv.get()), "['prog.py', 'x']");
    }
    other_runtime.reset();
    other.reset();
}

} // namespace
} // namespace minipy::test
