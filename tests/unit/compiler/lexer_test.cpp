// Tests for compiler/lexer.re: token kinds and texts, positions, INDENT/DEDENT, implicit and
// explicit line joining, numbers, strings, identifiers, source preparation, and tokenizer errors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compiler/lexer.h"

namespace minipy::compiler {
namespace {

struct Lexed {
    std::vector<Token> tokens;
    bool failed = false;
    CompileError error;
};

Lexed lex(Arena& arena, std::string_view source) {
    Lexed out;
    ParseOptions options;
    options.filename = "t.py";
    std::string_view prepared;
    if (!prepare_source(arena, source, options, prepared, out.error)) {
        out.failed = true;
        return out;
    }
    Lexer lexer(arena, prepared, "t.py");
    for (int guard = 0; guard < 100000; ++guard) {
        Token token = lexer.next();
        if (token.kind == TokenKind::Error) {
            out.failed = true;
            out.error = lexer.error();
            break;
        }
        out.tokens.push_back(token);
        if (token.kind == TokenKind::EndOfInput)
            break;
    }
    return out;
}

std::vector<TokenKind> kinds(const Lexed& lexed) {
    std::vector<TokenKind> out;
    for (const Token& token : lexed.tokens)
        out.push_back(token.kind);
    return out;
}

using K = TokenKind;

TEST(LexerTest, SimpleStatement) {
    Arena arena;
    Lexed l = lex(arena, "x = a.b ** 2  # comment\n");
    ASSERT_FALSE(l.failed);
    EXPECT_EQ(kinds(l), (std::vector<K>{K::Name, K::Equal, K::Name, K::Dot, K::Name, K::DoubleStar,
                                        K::Number, K::Newline, K::EndOfInput}));
    EXPECT_EQ(l.tokens[5].text, "**");
    EXPECT_EQ(l.tokens[6].pos.col_offset, 11);
    EXPECT_EQ(l.tokens[6].pos.end_col_offset, 12);
}

TEST(LexerTest, IndentAndDedent) {
    Arena arena;
    Lexed l = lex(arena, "if x:\n    if y:\n\n        pass\n  # c\nz\n");
    ASSERT_FALSE(l.failed);
    EXPECT_EQ(kinds(l),
              (std::vector<K>{K::If, K::Name, K::Colon, K::Newline, K::Indent, K::If, K::Name,
                              K::Colon, K::Newline, K::Indent, K::Pass, K::Newline, K::Dedent,
                              K::Dedent, K::Name, K::Newline, K::EndOfInput}));
}

TEST(LexerTest, DedentsAtEndOfInput) {
    Arena arena;
    Lexed l = lex(arena, "def f():\n  return 1");
    ASSERT_FALSE(l.failed);
    EXPECT_EQ(kinds(l), (std::vector<K>{K::Def, K::Name, K::LParen, K::RParen, K::Colon, K::Newline,
                                        K::Indent, K::Return, K::Number, K::Newline, K::Dedent,
                                        K::EndOfInput}));
}

TEST(LexerTest, LineJoining) {
    Arena arena;
    Lexed l = lex(arena, "x = (1,\n     2) + \\\n  3\n");
    ASSERT_FALSE(l.failed);
    EXPECT_EQ(kinds(l),
              (std::vector<K>{K::Name, K::Equal, K::LParen, K::Number, K::Comma, K::Number,
                              K::RParen, K::Plus, K::Number, K::Newline, K::EndOfInput}));
    EXPECT_EQ(l.tokens[8].pos.lineno, 3);
    EXPECT_EQ(l.tokens[8].pos.col_offset, 2);
}

TEST(LexerTest, Operators) {
    Arena arena;
    Lexed l = lex(arena, ":= -> **= //= @= ... != <<= >>=\n");
    ASSERT_FALSE(l.failed);
    EXPECT_EQ(kinds(l),
              (std::vector<K>{K::ColonEqual, K::RArrow, K::DoubleStarEqual, K::DoubleSlashEqual,
                              K::AtEqual, K::Ellipsis, K::NotEqual, K::LeftShiftEqual,
                              K::RightShiftEqual, K::Newline, K::EndOfInput}));
}

TEST(LexerTest, Numbers) {
    Arena arena;
    Lexed l = lex(arena, "0x_ff 0o17 0b1_0 1_000 1.5e-3 .5 5. 3j 1E5J 00 09.5\n");
    ASSERT_FALSE(l.failed);
    std::vector<std::string_view> texts;
    for (const Token& token : l.tokens) {
        if (token.kind == K::Number)
            texts.push_back(token.text);
    }
    EXPECT_EQ(texts, (std::vector<std::string_view>{"0x_ff", "0o17", "0b1_0", "1_000", "1.5e-3",
                                                    ".5", "5.", "3j", "1E5J", "00", "09.5"}));
}

TEST(LexerTest, NumberFollowedByKeywordWarns) {
    Arena arena;
    Lexed l = lex(arena, "1if x else 2\n");
    ASSERT_FALSE(l.failed);
    EXPECT_EQ(kinds(l)[0], K::Number);
    EXPECT_EQ(kinds(l)[1], K::If);
}

TEST(LexerTest, Strings) {
    Arena arena;
    Lexed l = lex(arena, "rb'\\'' f\"{x}\" '''a\n'b''' Rb\"x\" u'y'\n");
    ASSERT_FALSE(l.failed);
    ASSERT_EQ(l.tokens.size(), 7u);
    EXPECT_EQ(l.tokens[0].text, "rb'\\''");
    EXPECT_EQ(l.tokens[1].text, "f\"{x}\"");
    EXPECT_EQ(l.tokens[2].text, "'''a\n'b'''");
    EXPECT_EQ(l.tokens[2].pos.end_lineno, 2);
    EXPECT_EQ(l.tokens[3].text, "Rb\"x\"");
    EXPECT_EQ(l.tokens[4].text, "u'y'");
}

TEST(LexerTest, KeywordsAndSoftKeywords) {
    Arena arena;
    Lexed l = lex(arena, "async await match case _ type None\n");
    ASSERT_FALSE(l.failed);
    EXPECT_EQ(kinds(l), (std::vector<K>{K::Async, K::Await, K::Name, K::Name, K::Name, K::Name,
                                        K::None, K::Newline, K::EndOfInput}));
}

TEST(LexerTest, UnicodeIdentifiersAreNormalised) {
    Arena arena;
    Lexed l = lex(arena, "\xc3\xa9t\xc3\xa9 = \xef\xac\x81\n"); // été = ﬁ (U+FB01 ligature)
    ASSERT_FALSE(l.failed);
    EXPECT_EQ(l.tokens[0].text, "\xc3\xa9t\xc3\xa9");
    EXPECT_EQ(l.tokens[2].text, "fi");
    EXPECT_EQ(l.tokens[2].pos.col_offset, 8);
}

TEST(LexerTest, BomAndCrlf) {
    Arena arena;
    Lexed l = lex(arena, "\xef\xbb\xbfx = 1\r\ny = 2\r");
    ASSERT_FALSE(l.failed);
    EXPECT_EQ(kinds(l), (std::vector<K>{K::Name, K::Equal, K::Number, K::Newline, K::Name, K::Equal,
                                        K::Number, K::Newline, K::EndOfInput}));
    EXPECT_EQ(l.tokens[0].pos.col_offset, 0);
}

TEST(LexerTest, InvalidUtf8) {
    Arena arena;
    Lexed l = lex(arena, "x = 1\n\x80 = 1\n");
    ASSERT_TRUE(l.failed);
    EXPECT_EQ(l.error.message,
              "Non-UTF-8 code starting with '\\x80' in file t.py on line 2, but no encoding "
              "declared; see https://peps.python.org/pep-0263/ for details");
}

TEST(LexerTest, Errors) {
    struct Case {
        const char* source;
        CompileErrorKind kind;
        const char* message;
    } cases[] = {
        {"(\n", CompileErrorKind::SyntaxError, "'(' was never closed"},
        {"]\n", CompileErrorKind::SyntaxError, "unmatched ']'"},
        {"'abc\n", CompileErrorKind::SyntaxError,
         "unterminated string literal (detected at line 1)"},
        {"0b\n", CompileErrorKind::SyntaxError, "invalid binary literal"},
        {"1e+\n", CompileErrorKind::SyntaxError, "invalid decimal literal"},
        {"x = 1 \\", CompileErrorKind::SyntaxError, "unexpected EOF while parsing"},
        {"if x:\n  a\n b\n", CompileErrorKind::IndentationError,
         "unindent does not match any outer indentation level"},
        {"if x:\n        a\n\tb\n", CompileErrorKind::TabError,
         "inconsistent use of tabs and spaces in indentation"},
        {"a\x01\n", CompileErrorKind::SyntaxError, "invalid non-printable character U+0001"},
    };
    for (const Case& c : cases) {
        Arena arena;
        Lexed l = lex(arena, c.source);
        ASSERT_TRUE(l.failed) << c.source;
        EXPECT_EQ(l.error.kind, c.kind) << c.source;
        EXPECT_EQ(l.error.message, c.message) << c.source;
    }
}

TEST(LexerTest, NestingLimits) {
    Arena arena;
    Lexed parens = lex(arena, std::string(201, '[') + std::string(201, ']'));
    ASSERT_TRUE(parens.failed);
    EXPECT_EQ(parens.error.message, "too many nested parentheses");
    Lexed ok = lex(arena, std::string(199, '[') + std::string(199, ']') + "\n");
    EXPECT_FALSE(ok.failed);
}

} // namespace
} // namespace minipy::compiler
