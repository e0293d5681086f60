// Tests the text codecs of str.encode / bytes.decode (vm/types/codecs.cpp): round trips, BOMs,
// the error handlers and CPython's UnicodeError messages.
#include <gtest/gtest.h>

#include "../support/runtime_helpers.h"
#include "vm/types/bytes.h"
#include "vm/types/codecs.h"
#include "vm/types/str.h"

namespace minipy::test {
namespace {

std::string encode(vm::VM& m, std::string_view text, const char* encoding, const char* errors) {
    Ref<Object> s = str_of(m, text);
    Ref<Object> b = vm::codec_encode(m, s.get(), encoding, errors);
    if (!b)
        return "!" + take_error(m);
    return std::string(vm::bytes_view(b.get()));
}

std::string decode(vm::VM& m, std::string_view data, const char* encoding, const char* errors) {
    Ref<Object> s = vm::codec_decode(m, data, encoding, errors, nullptr);
    if (!s)
        return "!" + take_error(m);
    return vm::str_to_utf8(s.get());
}

TEST(Codecs, Utf8AndAliases) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    EXPECT_EQ(encode(m, "h\xC3\xA9\xE2\x82\xAC", "UTF8", "strict"), "h\xC3\xA9\xE2\x82\xAC");
    EXPECT_EQ(encode(m, "x", "utf-8-sig", "strict"), "\xEF\xBB\xBFx");
    EXPECT_EQ(decode(m, "\xEF\xBB\xBFx", "utf_8_sig", "strict"), "x");
    EXPECT_EQ(decode(m, "a\xFF", "utf-8", "strict"),
              "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid "
              "start byte");
    EXPECT_EQ(decode(m, "\xE2\x82", "utf-8", "strict"),
              "!UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected "
              "end of data");
    EXPECT_EQ(decode(m, "\xED\xA0\x80", "utf-8", "replace"),
              "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(decode(m, "a\xFF", "utf-8", "backslashreplace"), "a\\xff");
    EXPECT_EQ(decode(m, "x", "klingon", "strict"), "!LookupError: unknown encoding: klingon");
}

TEST(Codecs, SingleByteCodecs) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    EXPECT_EQ(encode(m, "\xC3\xA9", "latin-1", "strict"), "\xE9");
    EXPECT_EQ(encode(m, "a\xE2\x82\xAC\xE2\x82\xAC", "ascii", "strict"),
              "!UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: "
              "ordinal not in range(128)");
    EXPECT_EQ(encode(m, "a\xE2\x82\xAC", "ascii", "replace"), "a?");
    EXPECT_EQ(encode(m, "a\xE2\x82\xAC", "ascii", "xmlcharrefreplace"), "a&#8364;");
    EXPECT_EQ(encode(m, "a\xE2\x82\xAC", "latin1", "ignore"), "a");
    EXPECT_EQ(encode(m, "a\xE2\x82\xAC", "ascii", "bogus"),
              "!LookupError: unknown error handler name 'bogus'");
    EXPECT_EQ(decode(m, "\xE9", "iso-8859-1", "strict"), "\xC3\xA9");
    EXPECT_EQ(decode(m, "a\x80", "ascii", "ignore"), "a");
}

TEST(Codecs, Utf16And32) {
    auto machine = make_vm();
    vm::VM& m = *machine;
    EXPECT_EQ(encode(m, "A\xF0\x9F\x98\x80", "utf-16-be", "strict"),
              std::string("\0A\xD8\x3D\xDE\x00", 6));
    EXPECT_EQ(encode(m, "A", "utf-16", "strict"), std::string("\xFF\xFE"
                                                              "A\0",
                                                              4));
    EXPECT_EQ(encode(m, "A", "utf-32", "strict"), std::string("\xFF\xFE\0\0A\0\0\0", 8));
    EXPECT_EQ(decode(m, std::string("\xFE\xFF\0A", 4), "utf-16", "strict"), "A");
    EXPECT_EQ(decode(m, std::string("\x3D\xD8\x00\xDE", 4), "utf-16-le", "strict"),
              "\xF0\x9F\x98\x80");
    EXPECT_EQ(decode(m, std::string("A\0\0\0", 4), "utf-32-le", "strict"), "A");
    EXPECT_EQ(decode(m, "A", "utf-16-le", "strict"),
              "!UnicodeDecodeError: 'utf-16-le' codec can't decode byte 0x41 in position 0: "
              "truncated data");
}

} // namespace
} // namespace minipy::test
