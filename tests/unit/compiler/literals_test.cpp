// Tests compiler/literals.cpp: NUMBER tokens, STRING token runs (escapes, bytes, prefixes,
// f-strings), their errors and warnings, and repr_str / repr_bytes / repr_float. Every expected
// text below was printed by CPython 3.11.7 (ast.dump, repr, SyntaxError.msg, warning messages).
#include "compiler/literals.h"

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "compiler/ast_dump.h"

namespace minipy::compiler {
namespace {

// Wraps expr in `Module(body=[Expr(value=...)])` and dumps it, so expectations are ast.dump output.
std::string dump_expression(Arena& arena, ast::Expr* expr) {
    auto* stmt = arena.make<ast::ExprStmt>();
    stmt->value = expr;
    ast::Module module;
    module.body = arena.copy(std::vector<ast::Stmt*>{stmt});
    return dump_ast(module);
}

// Tokens as they would sit in a file starting at line 1, column 0, separated by single spaces.
std::vector<StringToken> make_tokens(const std::vector<std::string>& texts) {
    std::vector<StringToken> tokens;
    int32_t line = 1;
    int32_t col = 0;
    for (const std::string& text : texts) {
        StringToken token{text, {line, col, line, col}};
        for (char c : text) {
            if (c == '\n') {
                ++token.pos.end_lineno;
                token.pos.end_col_offset = 0;
            } else {
                ++token.pos.end_col_offset;
            }
        }
        tokens.push_back(token);
        line = token.pos.end_lineno;
        col = token.pos.end_col_offset + 1;
    }
    return tokens;
}

struct StringRun {
    ast::Expr* expr = nullptr;
    CompileError error;
    std::vector<CompileWarning> warnings;
};

StringRun parse_run(Arena& arena, const std::vector<std::string>& texts) {
    std::vector<StringToken> tokens = make_tokens(texts);
    ParseOptions options;
    options.filename = "t.py";
    StringRun run;
    run.expr = parse_string_literals(arena, tokens, options, run.error, run.warnings);
    return run;
}

// ====== Numbers

struct NumberCase {
    const char* text;
    const char* repr;
};

const NumberCase number_cases[] = {
    {"0", R"PY(0)PY"},
    {"1_000", R"PY(1000)PY"},
    {"0x_ff", R"PY(255)PY"},
    {"0XFF", R"PY(255)PY"},
    {"0o777", R"PY(511)PY"},
    {"0O17", R"PY(15)PY"},
    {"0b101", R"PY(5)PY"},
    {"0B1_1", R"PY(3)PY"},
    {"00", R"PY(0)PY"},
    {"9223372036854775807", R"PY(9223372036854775807)PY"},
    {"9223372036854775808", R"PY(9223372036854775808)PY"},
    {"18446744073709551616", R"PY(18446744073709551616)PY"},
    {"99999999999999999999", R"PY(99999999999999999999)PY"},
    {"0xffffffffffffffffffffff", R"PY(309485009821345068724781055)PY"},
    {"0b1111111111111111111111111111111111111111111111111111111111111111111111",
     R"PY(1180591620717411303423)PY"},
    {"0o7777777777777777777777777", R"PY(37778931862957161709567)PY"},
    {"1e10", R"PY(10000000000.0)PY"},
    {"1E+5", R"PY(100000.0)PY"},
    {"1.", R"PY(1.0)PY"},
    {"0.5", R"PY(0.5)PY"},
    {".5", R"PY(0.5)PY"},
    {"1_0.5e-1_0", R"PY(1.05e-09)PY"},
    {"1e400", R"PY(inf)PY"},
    {"1e-400", R"PY(0.0)PY"},
    // Exponents beyond a long (found by the fuzzer: strtol saturates, the digit count overflowed).
    {"444444444444444444440444444444444441e104444444444444444444444444", R"PY(inf)PY"},
    {"0.0001e-99999999999999999999999999", R"PY(0.0)PY"},
    {"1234e9223372036854775807", R"PY(inf)PY"},
    {"5e-324", R"PY(5e-324)PY"},
    {"2.5e-324", R"PY(5e-324)PY"},
    {"1.7976931348623157e308", R"PY(1.7976931348623157e+308)PY"},
    {"1.7976931348623159e308", R"PY(inf)PY"},
    {"3.5j", R"PY(3.5j)PY"},
    {"1J", R"PY(1j)PY"},
    {"0j", R"PY(0j)PY"},
    {"1e16j", R"PY(1e+16j)PY"},
    {"1.5e300j", R"PY(1.5e+300j)PY"},
    {"10j", R"PY(10j)PY"},
    {"1_0J", R"PY(10j)PY"},
    {"0.1j", R"PY(0.1j)PY"},
    {"1e400j", R"PY(infj)PY"},
    {"123456789012345678901234567890.5", R"PY(1.2345678901234568e+29)PY"},
};

TEST(NumberLiteral, MatchesCPythonValues) {
    for (const NumberCase& c : number_cases) {
        Arena arena;
        auto* constant = arena.make<ast::Constant>();
        std::string message;
        ASSERT_TRUE(parse_number_literal(c.text, *constant, arena, message)) << c.text;
        EXPECT_EQ(dump_expression(arena, constant),
                  std::string("Module(body=[Expr(value=Constant(value=") + c.repr +
                      "))], type_ignores=[])")
            << c.text;
    }
}

TEST(NumberLiteral, KindsAndFastPath) {
    Arena arena;
    ast::Constant constant;
    std::string message;
    ASSERT_TRUE(parse_number_literal("9223372036854775807", constant, arena, message));
    EXPECT_EQ(constant.value_kind, ast::ConstantKind::Int);
    EXPECT_EQ(constant.int_value, INT64_MAX);
    ASSERT_TRUE(parse_number_literal("0x8000_0000_0000_0000", constant, arena, message));
    EXPECT_EQ(constant.value_kind, ast::ConstantKind::BigInt);
    EXPECT_EQ(constant.text, "9223372036854775808");
    ASSERT_TRUE(parse_number_literal("1_5.25e1j", constant, arena, message));
    EXPECT_EQ(constant.value_kind, ast::ConstantKind::Complex);
    EXPECT_EQ(constant.float_value, 152.5);
    ASSERT_TRUE(parse_number_literal("0.1", constant, arena, message));
    EXPECT_EQ(constant.value_kind, ast::ConstantKind::Float);
    EXPECT_EQ(constant.float_value, 0.1);
}

TEST(NumberLiteral, MalformedTextIsAnErrorNotACrash) {
    Arena arena;
    ast::Constant constant;
    for (const char* text : {"", "_", "0x", "0b2", "1e", "1.2.3", "j", "0xj"}) {
        std::string message;
        EXPECT_FALSE(parse_number_literal(text, constant, arena, message)) << text;
        EXPECT_FALSE(message.empty()) << text;
    }
}

// ====== Strings and f-strings

struct StringCase {
    std::vector<std::string> tokens;
    const char* dump;
};

const StringCase string_cases[] =
    {
        {{R"PY('abc')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[]))PY"},
        {{R"PY("a'b")PY"},
         R"PY(Module(body=[Expr(value=Constant(value="a'b"))], type_ignores=[]))PY"},
        {{R"PY(u'a')PY", R"PY('b')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='ab', kind='u'))], type_ignores=[]))PY"},
        {{R"PY('a')PY", R"PY(u'b')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[]))PY"},
        {{R"PY(U'a')PY"}, R"PY(Module(body=[Expr(value=Constant(value='a'))], type_ignores=[]))PY"},
        {{R"PY('')PY"}, R"PY(Module(body=[Expr(value=Constant(value=''))], type_ignores=[]))PY"},
        {{R"PY(b'')PY"}, R"PY(Module(body=[Expr(value=Constant(value=b''))], type_ignores=[]))PY"},
        {{R"PY(b'a')PY", R"PY(B'b')PY"},
         R"PY(Module(body=[Expr(value=Constant(value=b'ab'))], type_ignores=[]))PY"},
        {{R"PY('\n\t\\\'\"\a\b\f\v')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='\n\t\\\'"\x07\x08\x0c\x0b'))], type_ignores=[]))PY"},
        {{R"PY('\0\12\1234\777')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='\x00\nS4ǿ'))], type_ignores=[]))PY"},
        {{R"PY('\x41\u00e9\U0001F600')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='Aé😀'))], type_ignores=[]))PY"},
        {{R"PY('\N{EM DASH}\N{latin small letter a}')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='—a'))], type_ignores=[]))PY"},
        {{R"PY('\N{LATIN CAPITAL LETTER GHA}')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='Ƣ'))], type_ignores=[]))PY"},
        {{R"PY('\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GA}')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='一가'))], type_ignores=[]))PY"},
        {{R"PY('\ud800')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='\ud800'))], type_ignores=[]))PY"},
        {{R"PY('\d\é')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='\\d\\é'))], type_ignores=[]))PY"},
        {{R"PY('a\
b')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[]))PY"},
        {{R"PY(b'\x41\101\n\d\u1234')PY"},
         R"PY(Module(body=[Expr(value=Constant(value=b'AA\n\\d\\u1234'))], type_ignores=[]))PY"},
        {{R"PY(b'\777')PY"},
         R"PY(Module(body=[Expr(value=Constant(value=b'\xff'))], type_ignores=[]))PY"},
        {{R"PY(r'\n\x')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='\\n\\x'))], type_ignores=[]))PY"},
        {{R"PY(rb'\x')PY"},
         R"PY(Module(body=[Expr(value=Constant(value=b'\\x'))], type_ignores=[]))PY"},
        {{R"PY(BR'\d')PY"},
         R"PY(Module(body=[Expr(value=Constant(value=b'\\d'))], type_ignores=[]))PY"},
        {{R"PY(Rb'a')PY"},
         R"PY(Module(body=[Expr(value=Constant(value=b'a'))], type_ignores=[]))PY"},
        {{R"PY("""a
b""")PY"},
         R"PY(Module(body=[Expr(value=Constant(value='a\nb'))], type_ignores=[]))PY"},
        {{R"PY('''x''')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='x'))], type_ignores=[]))PY"},
        {{R"PY('é€😀')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='é€😀'))], type_ignores=[]))PY"},
        {{R"PY('\x00\x7f\x80\xa0\xad')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='\x00\x7f\x80\xa0\xad'))], type_ignores=[]))PY"},
        {{R"PY('\u2028\u3000 ')PY"},
         R"PY(Module(body=[Expr(value=Constant(value='\u2028\u3000 '))], type_ignores=[]))PY"},
        {{R"PY(f'')PY"}, R"PY(Module(body=[Expr(value=JoinedStr(values=[]))], type_ignores=[]))PY"},
        {{R"PY('')PY", R"PY(f'')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[]))], type_ignores=[]))PY"},
        {{R"PY(f'a')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a')]))], type_ignores=[]))PY"},
        {{R"PY(f'{x}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'{x=}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))PY"},
        {{R"PY(f'{ x = }')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value=' x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))PY"},
        {{R"PY(f'{x=!s}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)]))], type_ignores=[]))PY"},
        {{R"PY(f'{x=:>10}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[]))PY"},
        {{R"PY(f'a{x=}b')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='ax='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114), Constant(value='b')]))], type_ignores=[]))PY"},
        {{R"PY(f'a')PY", R"PY('b')PY", R"PY(f'{c}')PY", R"PY('d')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='ab'), FormattedValue(value=Name(id='c', ctx=Load()), conversion=-1), Constant(value='d')]))], type_ignores=[]))PY"},
        {{R"PY(f'{x:{y}.{z}}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='z', ctx=Load()), conversion=-1)]))]))], type_ignores=[]))PY"},
        {{R"PY(f'{x:}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[]))]))], type_ignores=[]))PY"},
        {{R"PY(f'{x!r:}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[]))]))], type_ignores=[]))PY"},
        {{R"PY(f'{{}}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='{}')]))], type_ignores=[]))PY"},
        {{R"PY(f'{{{x}}}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='{'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='}')]))], type_ignores=[]))PY"},
        {{R"PY(f'{x:=3}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='=3')]))]))], type_ignores=[]))PY"},
        {{R"PY(f'{x:=}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='=')]))]))], type_ignores=[]))PY"},
        {{R"PY(u'a')PY", R"PY(f'{x}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', kind='u'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(u'a')PY", R"PY(f'{x:{y}b}')PY"}, R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', kind='u'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='b')]))]))], type_ignores=[]))PY"},
        {{R"PY(u'a')PY", R"PY(f'{x:5}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', kind='u'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='5')]))]))], type_ignores=[]))PY"},
        {{R"PY(U'a')PY", R"PY(f'{x:{y}b}c')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='b')])), Constant(value='c')]))], type_ignores=[]))PY"},
        {{R"PY(u'a')PY", R"PY(f'{x:a{y}}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', kind='u'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='a', kind='u'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]))]))], type_ignores=[]))PY"},
        {{R"PY(f'{x}')PY", R"PY(u'a')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='a')]))], type_ignores=[]))PY"},
        {{R"PY(f'{x=!r:^20}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='^20')]))]))], type_ignores=[]))PY"},
        {{R"PY(f'{x= }')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x= '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))PY"},
        {{R"PY(f'{x!a}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=97)]))], type_ignores=[]))PY"},
        {{R"PY(rf'\d{x}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\d'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(Rf'{x}\n')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\\n')]))], type_ignores=[]))PY"},
        {{R"PY(f'\{x}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'\N{DIGIT ONE}{x}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='1'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'{x:\n}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='\n')]))]))], type_ignores=[]))PY"},
        {{R"PY(f'{x:{y=}}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='y='), FormattedValue(value=Name(id='y', ctx=Load()), conversion=114)]))]))], type_ignores=[]))PY"},
        {{R"PY(f'{x!r:{y}}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]))]))], type_ignores=[]))PY"},
        {{R"PY(F'{x}{y}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(fR'{x}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'{x:a{{b}}c}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Set(elts=[Name(id='b', ctx=Load())]), conversion=-1), Constant(value='c')]))]))], type_ignores=[]))PY"},
        {{R"PY(f'''{x
}''')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(b'a')PY", R"PY(b'b')PY"},
         R"PY(Module(body=[Expr(value=Constant(value=b'ab'))], type_ignores=[]))PY"},
        {{R"PY(f'{x + 1}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=Constant(value=1)), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'{"a"}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value='a'), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'{a["b"]}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'{x!=y}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='x', ctx=Load()), ops=[NotEq()], comparators=[Name(id='y', ctx=Load())]), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'{x<y}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='x', ctx=Load()), ops=[Lt()], comparators=[Name(id='y', ctx=Load())]), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'{(x:=1)}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'{x,y}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'{ {x} }')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Set(elts=[Name(id='x', ctx=Load())]), conversion=-1)]))], type_ignores=[]))PY"},
        {{R"PY(f'{x:{{}}>10}')PY"},
         R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Dict(keys=[], values=[]), conversion=-1), Constant(value='>10')]))]))], type_ignores=[]))PY"},
};

TEST(StringLiterals, DumpMatchesCPython) {
    for (const StringCase& c : string_cases) {
        Arena arena;
        StringRun run = parse_run(arena, c.tokens);
        EXPECT_NE(run.expr, nullptr) << c.tokens[0] << ": " << run.error.message;
        if (!run.expr)
            continue;
        EXPECT_EQ(dump_expression(arena, run.expr), c.dump) << c.tokens[0];
    }
}

const StringCase error_cases[] = {
    {{R"PY('\xg')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape)PY"},
    {{R"PY('\x1g')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape)PY"},
    {{R"PY('é\x1g')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \xXX escape)PY"},
    {{R"PY('\N{foo}')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name)PY"},
    {{R"PY('\N')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape)PY"},
    {{R"PY('\N{')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \N character escape)PY"},
    {{R"PY('\N{}')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \N character escape)PY"},
    {{R"PY('\U00110000')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character)PY"},
    {{R"PY('\u12')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape)PY"},
    {{R"PY('\x')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape)PY"},
    {{R"PY('\N{LATIN SMALL LETTER A}é\xg')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 34-35: truncated \xXX escape)PY"},
    {{R"PY('\é\xg')PY"},
     R"PY((unicode error) 'unicodeescape' codec can't decode bytes in position 16-17: truncated \xXX escape)PY"},
    {{R"PY(b'é')PY"}, R"PY(bytes can only contain ASCII literal characters)PY"},
    {{R"PY('a')PY", R"PY(b'b')PY"}, R"PY(cannot mix bytes and nonbytes literals)PY"},
    {{R"PY(b'a')PY", R"PY('b')PY"}, R"PY(cannot mix bytes and nonbytes literals)PY"},
    {{R"PY(b'a')PY", R"PY(f'{x}')PY"}, R"PY(cannot mix bytes and nonbytes literals)PY"},
    {{R"PY(b'\x')PY"}, R"PY((value error) invalid \x escape at position 0)PY"},
    {{R"PY(b'ab\x4')PY"}, R"PY((value error) invalid \x escape at position 2)PY"},
    {{R"PY(f'{x:{y:{z}}}')PY"}, R"PY(f-string: expressions nested too deeply)PY"},
    {{R"PY(f'{}')PY"}, R"PY(f-string: empty expression not allowed)PY"},
    {{R"PY(f'{ }')PY"}, R"PY(f-string: empty expression not allowed)PY"},
    {{R"PY(f'{!r}')PY"}, R"PY(f-string: expression required before '!')PY"},
    {{R"PY(f'{:x}')PY"}, R"PY(f-string: expression required before ':')PY"},
    {{R"PY(f'{=}')PY"}, R"PY(f-string: expression required before '=')PY"},
    {{R"PY(f'{x!}')PY"},
     R"PY(f-string: invalid conversion character: expected 's', 'r', or 'a')PY"},
    {{R"PY(f'{x!z}')PY"},
     R"PY(f-string: invalid conversion character: expected 's', 'r', or 'a')PY"},
    {{R"PY(f'{x}}')PY"}, R"PY(f-string: single '}' is not allowed)PY"},
    {{R"PY(f'{x')PY"}, R"PY(f-string: expecting '}')PY"},
    {{R"PY(f'{x#}')PY"}, R"PY(f-string expression part cannot include '#')PY"},
    {{R"PY(f'{x\n}')PY"}, R"PY(f-string expression part cannot include a backslash)PY"},
    {{R"PY(f'{(x}')PY"},
     R"PY(f-string: closing parenthesis '}' does not match opening parenthesis '(')PY"},
    {{R"PY(f'{x)}')PY"}, R"PY(f-string: unmatched ')')PY"},
    {{R"PY(f'{(x]}')PY"},
     R"PY(f-string: closing parenthesis ']' does not match opening parenthesis '(')PY"},
    {{R"PY(f'}')PY"}, R"PY(f-string: single '}' is not allowed)PY"},
    {{R"PY(f'{x!r')PY"}, R"PY(f-string: expecting '}')PY"},
    {{R"PY(f'{x!r }')PY"}, R"PY(f-string: expecting '}')PY"},
    {{R"PY(f'{x:')PY"}, R"PY(f-string: expecting '}')PY"},
    {{R"PY(f'{x=!r=}')PY"}, R"PY(f-string: expecting '}')PY"},
    {{R"PY(f'{3!r=}')PY"}, R"PY(f-string: expecting '}')PY"},
    {{R"PY(f'{"a}')PY"}, R"PY(f-string: unterminated string)PY"},
    {{R"PY(f'{x:{y}')PY"}, R"PY(f-string: expecting '}')PY"},
    {{R"PY(f'{a b}')PY"}, R"PY(f-string: invalid syntax. Perhaps you forgot a comma?)PY"},
    {{R"PY(f'{lambda x:1}')PY"}, R"PY(f-string: invalid syntax)PY"},
    {{R"PY(f'{x:{a b}}')PY"}, R"PY(f-string: invalid syntax. Perhaps you forgot a comma?)PY"},
};

TEST(StringLiterals, ErrorsMatchCPython) {
    for (const StringCase& c : error_cases) {
        Arena arena;
        StringRun run = parse_run(arena, c.tokens);
        EXPECT_EQ(run.expr, nullptr) << c.tokens[0];
        EXPECT_EQ(run.error.message, c.dump) << c.tokens[0];
        EXPECT_EQ(run.error.kind, CompileErrorKind::SyntaxError);
    }
}

TEST(StringLiterals, ErrorPositions) {
    Arena arena;
    // CPython: `'\xg'` reports line 1, offset 6 (just past the token).
    StringRun run = parse_run(arena, {R"('\xg')"});
    EXPECT_EQ(run.error.lineno, 1);
    EXPECT_EQ(run.error.offset, 6);
    EXPECT_EQ(run.error.filename, "t.py");
    // Non-ASCII bytes: the token itself.
    run = parse_run(arena, {"b'\xc3\xa9'"});
    EXPECT_EQ(run.error.offset, 1);
    EXPECT_EQ(run.error.end_offset, 6);
}

struct WarningCase {
    std::vector<std::string> tokens;
    std::vector<std::string> messages;
};

const WarningCase warning_cases[] = {
    {{R"PY('\d')PY"}, {R"PY(invalid escape sequence '\d')PY"}},
    {{R"PY('\d\q')PY"}, {R"PY(invalid escape sequence '\d')PY"}},
    {{R"PY(b'\d')PY"}, {R"PY(invalid escape sequence '\d')PY"}},
    {{R"PY('\777')PY"}, {R"PY(invalid octal escape sequence '\777')PY"}},
    {{R"PY(b'\400')PY"}, {R"PY(invalid octal escape sequence '\400')PY"}},
    {{R"PY(f'\{x}')PY"}, {R"PY(invalid escape sequence '\{')PY"}},
    {{R"PY('a')PY", R"PY('\q')PY", R"PY(f'\w{x}\z')PY"},
     {R"PY(invalid escape sequence '\q')PY", R"PY(invalid escape sequence '\w')PY",
      R"PY(invalid escape sequence '\z')PY"}},
    {{R"PY(r'\d')PY"}, {}},
    {{R"PY('\N{DIGIT ONE}')PY"}, {}},
};

TEST(StringLiterals, DeprecationWarningsMatchCPython) {
    for (const WarningCase& c : warning_cases) {
        Arena arena;
        StringRun run = parse_run(arena, c.tokens);
        ASSERT_NE(run.expr, nullptr) << c.tokens[0];
        std::vector<std::string> messages;
        for (const CompileWarning& warning : run.warnings) {
            messages.push_back(warning.message);
            EXPECT_EQ(warning.category, CompileWarning::Category::DeprecationWarning);
            EXPECT_EQ(warning.lineno, 1);
        }
        EXPECT_EQ(messages, c.messages) << c.tokens[0];
    }
}

TEST(StringLiterals, SurrogatesAreThreeByteUtf8) {
    Arena arena;
    StringRun run = parse_run(arena, {R"('\ud800\U0001F600')"});
    ASSERT_NE(run.expr, nullptr);
    auto* constant = run.expr->as<ast::Constant>();
    EXPECT_EQ(constant->text, "\xed\xa0\x80\xf0\x9f\x98\x80");
}

TEST(StringLiterals, RunSpansFirstToLastToken) {
    Arena arena;
    StringRun run = parse_run(arena, {"'a'", "f'{x}'", "\"\"\"b\nc\"\"\""});
    ASSERT_NE(run.expr, nullptr) << run.error.message;
    EXPECT_EQ(run.expr->pos.lineno, 1);
    EXPECT_EQ(run.expr->pos.col_offset, 0);
    EXPECT_EQ(run.expr->pos.end_lineno, 2);
    EXPECT_EQ(run.expr->pos.end_col_offset, 4);
    auto* joined = run.expr->as<ast::JoinedStr>();
    ASSERT_EQ(joined->values.size(), 3u);
    // The field's expression keeps its real place in the file: `x` is at column 7.
    const ast::Expr* name = joined->values[1]->as<ast::FormattedValue>()->value;
    EXPECT_EQ(name->pos.lineno, 1);
    EXPECT_EQ(name->pos.col_offset, 7);
}

// ====== repr

struct ReprCase {
    std::string_view value;
    const char* repr;
};

const ReprCase str_cases[] = {
    {std::string_view("", 0), R"PY('')PY"},
    {std::string_view("\x61\x62\x63", 3), R"PY('abc')PY"},
    {std::string_view("\x61\x27\x62", 3), R"PY("a'b")PY"},
    {std::string_view("\x61\x22\x62", 3), R"PY('a"b')PY"},
    {std::string_view("\x61\x27\x62\x22\x63", 5), R"PY('a\'b"c')PY"},
    {std::string_view("\x5c", 1), R"PY('\\')PY"},
    {std::string_view("\x09\x0a\x0d", 3), R"PY('\t\n\r')PY"},
    {std::string_view("\x00\x1f\x7f", 3), R"PY('\x00\x1f\x7f')PY"},
    {std::string_view("\xc2\x80\xc2\x9f\xc2\xa0\xc2\xad\xc3\xbf", 10),
     R"PY('\x80\x9f\xa0\xadÿ')PY"},
    {std::string_view("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9), R"PY('é€😀')PY"},
    {std::string_view("\xe2\x80\xa8\xe2\x80\xa9\xe3\x80\x80\xe2\x80\x8b", 12),
     R"PY('\u2028\u2029\u3000\u200b')PY"},
    {std::string_view("\xed\xa0\x80", 3), R"PY('\ud800')PY"},
    {std::string_view("\xed\xbf\xbf", 3), R"PY('\udfff')PY"},
    {std::string_view("\xf3\xa0\x80\x81", 4), R"PY('\U000e0001')PY"},
    {std::string_view("\xf4\x8f\xbf\xbf", 4), R"PY('\U0010ffff')PY"},
    {std::string_view("\xef\xbf\xbf", 3), R"PY('\uffff')PY"},
    {std::string_view("\xcd\xb8", 2), R"PY('\u0378')PY"},
    {std::string_view("\x20\x7e", 2), R"PY(' ~')PY"},
    {std::string_view("\xf0\x9f\x98\x80", 4), R"PY('😀')PY"},
    {std::string_view("\xe0\xb3\xb3\xe0\xbb\x8f\xf0\x9f\xab\x9a\xf0\xb1\x8d\x90", 14),
     R"PY('\u0cf3\u0ecf\U0001fada\U00031350')PY"},
    {std::string_view("\xcd\xb8\xef\xbb\xbf\xc2\xa0\xe1\x9a\x80\xf3\xb0\x80\x80", 14),
     R"PY('\u0378\ufeff\xa0\u1680\U000f0000')PY"},
};

TEST(Repr, StrMatchesCPython) {
    for (const ReprCase& c : str_cases)
        EXPECT_EQ(repr_str(c.value), c.repr);
}

const ReprCase bytes_cases[] = {
    {std::string_view("", 0), R"PY(b'')PY"},
    {std::string_view("\x61\x62\x63", 3), R"PY(b'abc')PY"},
    {std::string_view("\x61\x27\x62", 3), R"PY(b"a'b")PY"},
    {std::string_view("\x61\x22\x62", 3), R"PY(b'a"b')PY"},
    {std::string_view("\x61\x27\x22", 3), R"PY(b'a\'"')PY"},
    {std::string_view("\x5c\x09\x0a\x0d", 4), R"PY(b'\\\t\n\r')PY"},
    {std::string_view("\x00\x07\x0e\x15\x1c\x23\x2a\x31\x38\x3f\x46\x4d\x54\x5b\x62\x69\x70\x77\x7e"
                      "\x85\x8c\x93\x9a\xa1\xa8\xaf\xb6\xbd\xc4\xcb\xd2\xd9\xe0\xe7\xee\xf5\xfc",
                      37),
     R"PY(b'\x00\x07\x0e\x15\x1c#*18?FMT[bipw~\x85\x8c\x93\x9a\xa1\xa8\xaf\xb6\xbd\xc4\xcb\xd2\xd9\xe0\xe7\xee\xf5\xfc')PY"},
    {std::string_view("\x7f\x80\xff", 3), R"PY(b'\x7f\x80\xff')PY"},
};

TEST(Repr, BytesMatchesCPython) {
    for (const ReprCase& c : bytes_cases)
        EXPECT_EQ(repr_bytes(c.value), c.repr);
}

struct FloatCase {
    uint64_t bits;
    const char* repr;
};

const FloatCase float_cases[] = {
    {0x0000000000000000ULL, "0.0"},
    {0x8000000000000000ULL, "-0.0"},
    {0x3ff0000000000000ULL, "1.0"},
    {0xbff0000000000000ULL, "-1.0"},
    {0x3fb999999999999aULL, "0.1"},
    {0x3fd3333333333334ULL, "0.30000000000000004"},
    {0x4341c37937e08000ULL, "1e+16"},
    {0x430c6bf526340000ULL, "1000000000000000.0"},
    {0x437b69b4ba630f35ULL, "1.2345678901234568e+17"},
    {0x4341c37937e07fffULL, "9999999999999998.0"},
    {0x3f1a36e2eb1c432dULL, "0.0001"},
    {0x3ee4f8b588e368f1ULL, "1e-05"},
    {0x3f202e4b6ce5dc68ULL, "0.00012345"},
    {0x7e41eb2d66005835ULL, "1.5e+300"},
    {0x0000000000000001ULL, "5e-324"},
    {0x0010000000000000ULL, "2.2250738585072014e-308"},
    {0x7fefffffffffffffULL, "1.7976931348623157e+308"},
    {0x400921fb54442d18ULL, "3.141592653589793"},
    {0x4059000000000000ULL, "100.0"},
    {0x40934a0000000000ULL, "1234.5"},
    {0x4480f0cf064dd592ULL, "1e+22"},
    {0x44b52d02c7e14af6ULL, "1e+23"},
    {0x4340000000000000ULL, "9007199254740992.0"},
    {0x43e0000000000000ULL, "9.223372036854776e+18"},
    {0x3fe0000000000000ULL, "0.5"},
    {0x405edd2f1a9fbe77ULL, "123.456"},
    {0x3fd5555555555555ULL, "0.3333333333333333"},
    {0x3fe5555555555555ULL, "0.6666666666666666"},
    {0x3e7ad7f29abcaf48ULL, "1e-07"},
    {0x43e56a95319d63e1ULL, "1.2345678901234567e+19"},
    {0x3ff0000000000001ULL, "1.0000000000000002"},
    {0xf2a74de452e6b438ULL, "-1.989032661366619e+244"},
    {0x6513270e269e0d37ULL, "7.761117632285041e+178"},
    {0x0c5c7fd0a6a3a450ULL, "3.980498358697587e-249"},
    {0xd23f0824128b2f33ULL, "-1.5432835417340557e+88"},
    {0x1818e811892f902bULL, "1.3647584518757569e-192"},
    {0x9531985d5d9dc9f8ULL, "-1.3701135617873088e-206"},
    {0xe8e25d940ed90475ULL, "-1.7160537630466207e+197"},
    {0x36f675cc81e74ef5ULL, "6.294675241195386e-44"},
    {0x1600a35a099950d8ULL, "1.0613447212142254e-202"},
    {0x6b0d549b6f03675aULL, "4.708325160387546e+207"},
    {0x3d9c172411e20b8fULL, "6.387016158513563e-12"},
    {0x8d116ece1738f7d9ULL, "-9.973130378568733e-246"},
    {0x0f21ddb66cad4a26ULL, "8.779753225680271e-236"},
    {0x90c192cfd3ac94afULL, "-5.795503248498993e-228"},
    {0xf28c105d1fb17c23ULL, "-5.988180159386011e+243"},
    {0xa170b33839263059ULL, "-1.306052388527796e-147"},
    {0x953f48f1a09f76b5ULL, "-2.436117699484841e-206"},
    {0x0fd630f1f29d0da9ULL, "2.233386999150174e-232"},
    {0x95e60af593bd04cfULL, "-3.51527970626667e-203"},
    {0x0cb1e29c658cda14ULL, "1.5987381841032883e-247"},
    {0x3898d190f9ebdaccULL, "4.6678633181812096e-36"},
    {0x8e81973e0becd7b0ULL, "-8.441872792105456e-239"},
    {0x2217beaddbc496cbULL, "1.9015657400796622e-144"},
    {0x6b4cb2424a23d596ULL, "7.370437700706684e+208"},
    {0x8a6a63ec24ede6a4ULL, "-1.7163996725272777e-258"},
    {0x922766581e27a1c0ULL, "-3.2367190832119987e-221"},
    {0x8f6d05584ef8aa38ULL, "-2.2818334634712625e-234"},
    {0xae97ba94d0eda82fULL, "-3.0536383926309363e-84"},
    {0x1a61dbe22e44158bULL, "1.3449551894627777e-181"},
    {0x923a736994e3bf91ULL, "-7.317495976062606e-221"},
    {0x301850c5a38fd547ULL, "5.249822308814304e-77"},
    {0x18f135d25f557203ULL, "1.5450754142984396e-188"},
    {0xb64ce4228c38fb29ULL, "-3.953625698224792e-47"},
    {0x907a70c31012f037ULL, "-2.72491267476498e-229"},
    {0x9e7769b10f4205b4ULL, "-6.505141861548772e-162"},
    {0x7f15052434b9b5dfULL, "1.441484839555994e+304"},
    {0x881ed162ae2eb154ULL, "-1.4583679262758548e-269"},
    {0xc6f877186d76b07eULL, "-7.939416668807721e+33"},
    {0x7731af10506bf2efULL, "1.4255183989699612e+266"},
    {0xec66a78795e761d1ULL, "-1.525315701232403e+214"},
    {0x5c90a9587403e430ULL, "7.750545741548908e+137"},
    {0x3f98e2774cbd87adULL, "0.024301399287089676"},
    {0x2e05319acb5c7427ULL, "5.326960081783017e-87"},
    {0xc7a2ea20b2f14c94ULL, "-1.2570882301712172e+37"},
    {0x14f4733f3e7d1bfbULL, "9.952684009002448e-208"},
    {0x4cdd2055930d6eafULL, "1.8721667527122837e+62"},
    {0x7ebff20686734721ULL, "3.422978398947072e+302"},
    {0x57ee05cde00902c7ULL, "3.6967297937384553e+115"},
    {0x72e6cc3ababced20ULL, "3.113284956169447e+245"},
    {0x9be4bcfc49b64a08ULL, "-2.6202582260546103e-174"},
    {0x12bd4acefaecbd38ULL, "2.0745096302730225e-218"},
    {0x830e07bc1e398f10ULL, "-5.877500503097409e-294"},
    {0x2a3af4d46b0a18e8ULL, "2.938345597354166e-105"},
    {0x5790f82ec1d3fcffULL, "6.529598674765832e+113"},
    {0xeeeacbe226e87555ULL, "-1.9837344250050814e+226"},
    {0x6bf46c697d2caf82ULL, "1.0743030475716402e+212"},
    {0xf646e1f40a097c97ULL, "-5.629271400715247e+261"},
    {0x13deef86ab1031d0ULL, "5.743310614918485e-213"},
    {0x8ede0d7ac3baea9eULL, "-4.61515470702556e-237"},
    {0xca02135e92b1d3f2ULL, "-3.302201168194502e+48"},
    {0x4126ead73f5098acULL, "750955.6236617765"},
    {0xc116bc63e5afe5a4ULL, "-372504.97430380643"},
    {0x4117d6faee20e260ULL, "390590.73254731856"},
    {0x41070a1e089f4598ULL, "188739.75421003695"},
    {0x4103817344bdb7f0ULL, "159790.40856498433"},
    {0xc0f5625565fa9438ULL, "-87589.33739717386"},
    {0x4124bfff1f3eadfeULL, "679935.5610250828"},
    {0x412b24246163f9a4ULL, "889362.1902158749"},
    {0xc0e94b6a67b76f80ULL, "-51803.32516071107"},
    {0x411409c1a4cfe7f8ULL, "328304.41094934894"},
    {0xc12ad08a4a23f456ULL, "-878661.1448055606"},
    {0x411898a02ba1a760ULL, "402984.04260884784"},
    {0x4111f5c6d6129a38ULL, "294257.7090553376"},
    {0x412e189fc2038a94ULL, "986191.8789332681"},
    {0x4123a613257d0460ULL, "643849.5732194297"},
    {0xc11a4b63be456c36ULL, "-430808.9358117016"},
    {0xc10be208ebbcff6cULL, "-228417.11510657833"},
    {0x41149665ba217d40ULL, "337305.4317683764"},
    {0xc12d23f449abcbb9ULL, "-954874.1438888229"},
    {0xc0f2b416d6a1df98ULL, "-76609.42740046827"},
    {0xc12442be7bffec3cULL, "-663903.2421869109"},
    {0xc1275ee0d2736181ULL, "-765808.4110365362"},
    {0xc12aeb56529ad01eULL, "-882091.1613373791"},
    {0x41205f23f43223f6ULL, "536465.9769450414"},
    {0xc1269f8f1ca72250ULL, "-741319.5559626315"},
    {0xc11ecf095496b653ULL, "-504770.33260617143"},
    {0xc10a9fa4bff75f90ULL, "-218100.59373354586"},
    {0x4126ab77e5815d58ULL, "742843.9482525988"},
    {0xc129996acb9230dcULL, "-838837.3975997227"},
    {0xc0f8cf932b6c4f08ULL, "-101625.19810133812"},
    {0x40f823fd17b53c80ULL, "98879.8182880748"},
    {0x4127665f4e46af10ULL, "766767.6528830249"},
    {0x41237cbf59f19cd2ULL, "638559.6756714827"},
    {0x41263741e0f8a5c6ULL, "727968.9393970303"},
    {0xc11b0c577be0234eULL, "-443157.87097220577"},
    {0xc104adf7b98039d8ULL, "-169406.96557660284"},
    {0xc1113d66ad669cf4ULL, "-282457.6693367504"},
    {0x412773034f0d0ca6ULL, "768385.6543964341"},
    {0x412bf00cd0dbefc0ULL, "915462.4079279825"},
    {0xc1254e5c60784ba8ULL, "-698158.1884177821"},
    {0x4066066666666666ULL, "176.2"},
    {0x4084980000000000ULL, "659.0"},
    {0x407e4f67381d7dbfULL, "484.9627"},
    {0x4066cae147ae147bULL, "182.34"},
    {0x4010604189374bc7ULL, "4.094"},
    {0x4080b4ba5e353f7dULL, "534.591"},
    {0x4081b26666666666ULL, "566.3"},
    {0x408593f318fc5048ULL, "690.4937"},
    {0x408db1caa64c2f83ULL, "950.22395"},
    {0x4085200000000000ULL, "676.0"},
    {0x407c8a4cad57bc7fULL, "456.64372"},
    {0x4088eefbe76c8b44ULL, "797.873"},
    {0x4078e11eb851eb85ULL, "398.07"},
    {0x4059e25faebc408eULL, "103.53709"},
    {0x4079066666666666ULL, "400.4"},
    {0x4050d33333333333ULL, "67.3"},
    {0x407b900000000000ULL, "441.0"},
    {0x4075400000000000ULL, "340.0"},
    {0x4059984b5dcc63f1ULL, "102.3796"},
    {0x4062e00000000000ULL, "151.0"},
};

TEST(Repr, FloatMatchesCPython) {
    for (const FloatCase& c : float_cases)
        EXPECT_EQ(repr_float(std::bit_cast<double>(c.bits)), c.repr) << std::hex << c.bits;
    EXPECT_EQ(repr_float(std::bit_cast<double>(0x7ff8000000000000ULL)), "nan");
    EXPECT_EQ(repr_float(std::bit_cast<double>(0x7ff0000000000000ULL)), "inf");
    EXPECT_EQ(repr_float(std::bit_cast<double>(0xfff0000000000000ULL)), "-inf");
}

} // namespace
} // namespace minipy::compiler
