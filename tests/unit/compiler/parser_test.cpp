// Tests for compiler/parser.y and compiler/parser_support.cpp: AST shapes (against CPython 3.11's
// ast.dump output, pasted in), node positions, SyntaxError messages and positions, the formatted
// error text, and robustness against deeply nested or malformed input.
#include <gtest/gtest.h>

#include <iterator>
#include <string>

#include "compiler/ast_dump.h"
#include "compiler/compile.h"
#include "compiler/diagnostics.h"
#include "compiler/parser.h"

namespace minipy::compiler {
namespace {

struct DumpCase {
    const char* source;
    const char* expected;
};

// Expected strings: python3.11 -c "import ast; print(ast.dump(ast.parse(src)))".
const DumpCase dump_cases[] =
    {
        {R"PY(x = 1
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[]))PY"},
        {R"PY(a, *b = c
)PY",
         R"PY(Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[]))PY"},
        {R"PY(x: int = 1
)PY",
         R"PY(Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1)], type_ignores=[]))PY"},
        {R"PY((x): int
)PY",
         R"PY(Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[]))PY"},
        {R"PY(a.b += 1
)PY",
         R"PY(Module(body=[AugAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), op=Add(), value=Constant(value=1))], type_ignores=[]))PY"},
        {R"PY(del a, (b, c), d[0]
)PY",
         R"PY(Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Tuple(elts=[Name(id='b', ctx=Del()), Name(id='c', ctx=Del())], ctx=Del()), Subscript(value=Name(id='d', ctx=Load()), slice=Constant(value=0), ctx=Del())])], type_ignores=[]))PY"},
        {R"PY(for x, in y: pass
else: z
)PY",
         R"PY(Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[Expr(value=Name(id='z', ctx=Load()))])], type_ignores=[]))PY"},
        {R"PY(while x:
    break
else:
    continue
)PY",
         R"PY(Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Continue()])], type_ignores=[]))PY"},
        {R"PY(if a:
    pass
elif b:
    pass
else:
    pass
)PY",
         R"PY(Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass()])])], type_ignores=[]))PY"},
        {R"PY(try:
    pass
except E as e:
    pass
except:
    pass
else:
    pass
finally:
    pass
)PY",
         R"PY(Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[]))PY"},
        {R"PY(try:
    pass
except* E:
    pass
)PY",
         R"PY(Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[]))PY"},
        {R"PY(with (open(a) as f, open(b) as g):
    pass
)PY",
         R"PY(Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), optional_vars=Name(id='f', ctx=Store())), withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='b', ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store()))], body=[Pass()])], type_ignores=[]))PY"},
        {R"PY(with (a, b):
    pass
)PY",
         R"PY(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[]))PY"},
        {R"PY(with (a, b) as c:
    pass
)PY",
         R"PY(Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[]))PY"},
        {R"PY(with a as (b, c), d:
    pass
)PY",
         R"PY(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())), withitem(context_expr=Name(id='d', ctx=Load()))], body=[Pass()])], type_ignores=[]))PY"},
        {R"PY(@dec
@dec2(1)
class A(B, metaclass=M):
    x = 1
)PY",
         R"PY(Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Name(id='dec2', ctx=Load()), args=[Constant(value=1)], keywords=[])])], type_ignores=[]))PY"},
        {R"PY(async def f(a, /, b=1, *args, c, d=2, **kw) -> int:
    await x
    async for i in y:
        pass
    async with a as b:
        pass
    return [i async for i in z]
)PY",
         R"PY(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), body=[Expr(value=Await(value=Name(id='x', ctx=Load()))), AsyncFor(target=Name(id='i', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store()))], body=[Pass()]), Return(value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Name(id='z', ctx=Load()), ifs=[], is_async=1)]))], decorator_list=[], returns=Name(id='int', ctx=Load()))], type_ignores=[]))PY"},
        {R"PY(def g():
    x = yield
    y = yield from z
    yield a, b
)PY",
         R"PY(Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield()), Assign(targets=[Name(id='y', ctx=Store())], value=YieldFrom(value=Name(id='z', ctx=Load()))), Expr(value=Yield(value=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load())))], decorator_list=[])], type_ignores=[]))PY"},
        {R"PY(lambda a, *, b=1, **c: (a, b)
)PY",
         R"PY(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='a')], kwonlyargs=[arg(arg='b')], kw_defaults=[Constant(value=1)], kwarg=arg(arg='c'), defaults=[]), body=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load())))], type_ignores=[]))PY"},
        {R"PY(f = lambda *a: a
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='f', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[], vararg=arg(arg='a'), kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='a', ctx=Load())))], type_ignores=[]))PY"},
        {R"PY(x = [i for i in a if i for j in b]
y = {k: v for k, v in d}
z = {e for e in s}
w = (g for g in h)
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Name(id='a', ctx=Load()), ifs=[Name(id='i', ctx=Load())], is_async=0), comprehension(target=Name(id='j', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=0)])), Assign(targets=[Name(id='y', ctx=Store())], value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id='d', ctx=Load()), ifs=[], is_async=0)])), Assign(targets=[Name(id='z', ctx=Store())], value=SetComp(elt=Name(id='e', ctx=Load()), generators=[comprehension(target=Name(id='e', ctx=Store()), iter=Name(id='s', ctx=Load()), ifs=[], is_async=0)])), Assign(targets=[Name(id='w', ctx=Store())], value=GeneratorExp(elt=Name(id='g', ctx=Load()), generators=[comprehension(target=Name(id='g', ctx=Store()), iter=Name(id='h', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))PY"},
        {R"PY(print(*a, b, c=1, **d)
)PY",
         R"PY(Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[]))PY"},
        {R"PY(f(x for x in y)
)PY",
         R"PY(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[]))PY"},
        {R"PY(return_ = *a, b
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='return_', ctx=Store())], value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[]))PY"},
        {R"PY(a[1:2, ::3]
a[*b]
a[:]
a[x:=1]
)PY",
         R"PY(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), ctx=Load()))], type_ignores=[]))PY"},
        {R"PY(x = a if b else c
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], type_ignores=[]))PY"},
        {R"PY(x = not a and b or c and d
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())), Name(id='b', ctx=Load())]), BoolOp(op=And(), values=[Name(id='c', ctx=Load()), Name(id='d', ctx=Load())])]))], type_ignores=[]))PY"},
        {R"PY(x = 1 < 2 <= 3 != 4 is not 5 not in 6
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Compare(left=Constant(value=1), ops=[Lt(), LtE(), NotEq(), IsNot(), NotIn()], comparators=[Constant(value=2), Constant(value=3), Constant(value=4), Constant(value=5), Constant(value=6)]))], type_ignores=[]))PY"},
        {R"PY(x = -a ** -b // c @ d % e << f | g ^ h & i
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load())))), op=FloorDiv(), right=Name(id='c', ctx=Load())), op=MatMult(), right=Name(id='d', ctx=Load())), op=Mod(), right=Name(id='e', ctx=Load())), op=LShift(), right=Name(id='f', ctx=Load())), op=BitOr(), right=BinOp(left=Name(id='g', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='h', ctx=Load()), op=BitAnd(), right=Name(id='i', ctx=Load())))))], type_ignores=[]))PY"},
        {R"PY(import a.b.c as d, e
from ..pkg import (a as b, c,)
from . import x
from m import *
)PY",
         R"PY(Module(body=[Import(names=[alias(name='a.b.c', asname='d'), alias(name='e')]), ImportFrom(module='pkg', names=[alias(name='a', asname='b'), alias(name='c')], level=2), ImportFrom(names=[alias(name='x')], level=1), ImportFrom(module='m', names=[alias(name='*')], level=0)], type_ignores=[]))PY"},
        {R"PY(global a, b
nonlocal c
assert x, 'msg'
raise E from F
raise
)PY",
         R"PY(Module(body=[Global(names=['a', 'b']), Nonlocal(names=['c']), Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg')), Raise(exc=Name(id='E', ctx=Load()), cause=Name(id='F', ctx=Load())), Raise()], type_ignores=[]))PY"},
        {R"PY(x = {**a, 'b': 1}
y = {*a, 1}
z = ()
w = []
v = {}
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dict(keys=[None, Constant(value='b')], values=[Name(id='a', ctx=Load()), Constant(value=1)])), Assign(targets=[Name(id='y', ctx=Store())], value=Set(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Constant(value=1)])), Assign(targets=[Name(id='z', ctx=Store())], value=Tuple(elts=[], ctx=Load())), Assign(targets=[Name(id='w', ctx=Store())], value=List(elts=[], ctx=Load())), Assign(targets=[Name(id='v', ctx=Store())], value=Dict(keys=[], values=[]))], type_ignores=[]))PY"},
        {R"PY(if (n := 10) > 5: pass
)PY",
         R"PY(Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Constant(value=10)), ops=[Gt()], comparators=[Constant(value=5)]), body=[Pass()], orelse=[])], type_ignores=[]))PY"},
        {R"PY(x = ...
y = None, True, False
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=Ellipsis)), Assign(targets=[Name(id='y', ctx=Store())], value=Tuple(elts=[Constant(value=None), Constant(value=True), Constant(value=False)], ctx=Load()))], type_ignores=[]))PY"},
        {R"PY(x = 'a' 'b'
y = b'x'
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='ab')), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=b'x'))], type_ignores=[]))PY"},
        {R"PY((yield)
)PY",
         R"PY(Module(body=[Expr(value=Yield())], type_ignores=[]))PY"},
        {R"PY(a = b = c
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[]))PY"},
        {R"PY(x = (1)
y = (1,)
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[]))PY"},
        {R"PY(match = case = _ = type = 1
)PY",
         R"PY(Module(body=[Assign(targets=[Name(id='match', ctx=Store()), Name(id='case', ctx=Store()), Name(id='_', ctx=Store()), Name(id='type', ctx=Store())], value=Constant(value=1))], type_ignores=[]))PY"},
};

ParseResult parse_text(Arena& arena, std::string_view source,
                       ast::ModuleKind mode = ast::ModuleKind::Module) {
    ParseOptions options;
    options.filename = "t.py";
    options.mode = mode;
    return parse(arena, source, options);
}

TEST(ParserTest, DumpsMatchCPython) {
    for (const DumpCase& c : dump_cases) {
        Arena arena;
        ParseResult result = parse_text(arena, c.source);
        ASSERT_NE(result.module, nullptr) << c.source << "\n" << result.error.message;
        EXPECT_EQ(dump_ast(*result.module), c.expected) << c.source;
    }
}

TEST(ParserTest, ExpressionMode) {
    Arena arena;
    ParseResult result = parse_text(arena, "a + 1\n", ast::ModuleKind::Expression);
    ASSERT_NE(result.module, nullptr);
    EXPECT_EQ(dump_ast(*result.module), "Expression(body=BinOp(left=Name(id='a', ctx=Load()), "
                                        "op=Add(), right=Constant(value=1)))");
}

void expect_position(const ast::Position& pos, int32_t line, int32_t col, int32_t end_line,
                     int32_t end_col) {
    EXPECT_EQ(pos.lineno, line);
    EXPECT_EQ(pos.col_offset, col);
    EXPECT_EQ(pos.end_lineno, end_line);
    EXPECT_EQ(pos.end_col_offset, end_col);
}

// Positions checked against ast.parse(...) with include_attributes=True in CPython 3.11.
TEST(ParserTest, Positions) {
    Arena arena;
    ParseResult r = parse_text(arena, "f(x for x in y)\nx = 1, 2,\n(a) + b\nx = '\xc3\xa9' + y\n"
                                      "if x:\n  pass\nelif y:\n  pass\nelse:\n  z\n"
                                      "@d\ndef f(): pass\n");
    ASSERT_NE(r.module, nullptr) << r.error.message;
    auto* call = r.module->body[0]->as<ast::ExprStmt>()->value->as<ast::Call>();
    expect_position(call->pos, 1, 0, 1, 15);
    expect_position(call->args[0]->pos, 1, 1, 1, 15); // the generator spans the parentheses
    auto* tuple = r.module->body[1]->as<ast::Assign>()->value;
    expect_position(tuple->pos, 2, 4, 2, 9); // the trailing comma included
    auto* binop = r.module->body[2]->as<ast::ExprStmt>()->value->as<ast::BinOp>();
    expect_position(binop->pos, 3, 0, 3, 7);
    expect_position(binop->left->pos, 3, 1, 3, 2);
    auto* concat = r.module->body[3]->as<ast::Assign>()->value->as<ast::BinOp>();
    expect_position(concat->right->pos, 4, 11, 4, 12); // UTF-8 byte columns
    auto* if_stmt = r.module->body[4]->as<ast::If>();
    expect_position(if_stmt->pos, 5, 0, 10, 3);
    expect_position(if_stmt->orelse[0]->pos, 7, 0, 10, 3);
    auto* def = r.module->body[5]->as<ast::FunctionDef>();
    expect_position(def->pos, 12, 0, 12, 13);
}

struct ErrorCase {
    std::string_view source;
    CompileErrorKind kind;
    const char* message;
    int32_t lineno;
    int32_t offset;
};

using namespace std::string_view_literals;

// Expected values: compile(src, "t.py", "exec") in CPython 3.11.7.
const ErrorCase error_cases[] = {
    {"if x:\n        a\n    b\n", CompileErrorKind::IndentationError,
     "unindent does not match any outer indentation level", 3, 6},
    {"if x:\n\ta\n        b\n", CompileErrorKind::TabError,
     "inconsistent use of tabs and spaces in indentation", 3, 1},
    {"  x\n", CompileErrorKind::IndentationError, "unexpected indent", 1, 2},
    {"if x:\npass\n", CompileErrorKind::IndentationError,
     "expected an indented block after 'if' statement on line 1", 2, 1},
    {"def f():\nx\n", CompileErrorKind::IndentationError,
     "expected an indented block after function definition on line 1", 2, 1},
    {"x = (1,\n", CompileErrorKind::SyntaxError, "'(' was never closed", 1, 5},
    {"x = )\n", CompileErrorKind::SyntaxError, "unmatched ')'", 1, 5},
    {"x = (]\n", CompileErrorKind::SyntaxError,
     "closing parenthesis ']' does not match opening parenthesis '('", 1, 6},
    {"x = [1, 2\ny = 3\n", CompileErrorKind::SyntaxError, "'[' was never closed", 1, 5},
    {"'abc\n", CompileErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1,
     1},
    {"'''abc\n\nx\n", CompileErrorKind::SyntaxError,
     "unterminated triple-quoted string literal (detected at line 3)", 1, 1},
    {"1abc\n", CompileErrorKind::SyntaxError, "invalid decimal literal", 1, 1},
    {"0x\n", CompileErrorKind::SyntaxError, "invalid hexadecimal literal", 1, 2},
    {"012\n", CompileErrorKind::SyntaxError,
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 1},
    {"0o8\n", CompileErrorKind::SyntaxError, "invalid digit '8' in octal literal", 1, 3},
    {"0b2\n", CompileErrorKind::SyntaxError, "invalid digit '2' in binary literal", 1, 3},
    {"1__0\n", CompileErrorKind::SyntaxError, "invalid decimal literal", 1, 2},
    {"1j2\n", CompileErrorKind::SyntaxError, "invalid imaginary literal", 1, 2},
    {"a \xe2\x82\xac b\n", CompileErrorKind::SyntaxError,
     "invalid character '\xe2\x82\xac' (U+20AC)", 1, 3},
    {"a\xc2\xa0"
     "b\n",
     CompileErrorKind::SyntaxError, "invalid non-printable character U+00A0", 1, 2},
    {"a $ b\n", CompileErrorKind::SyntaxError, "invalid syntax", 1, 3},
    {"x = \\ y\n", CompileErrorKind::SyntaxError,
     "unexpected character after line continuation character", 1, 6},
    {"f() = 1\n", CompileErrorKind::SyntaxError,
     "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1},
    {"1 = 1\n", CompileErrorKind::SyntaxError,
     "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
    {"for f() in x: pass\n", CompileErrorKind::SyntaxError, "cannot assign to function call", 1, 5},
    {"del f()\n", CompileErrorKind::SyntaxError, "cannot delete function call", 1, 5},
    {"(a, b) += 1\n", CompileErrorKind::SyntaxError,
     "'tuple' is an illegal expression for augmented assignment", 1, 1},
    {"a, b: int\n", CompileErrorKind::SyntaxError,
     "only single target (not tuple) can be annotated", 1, 1},
    {"if x\n", CompileErrorKind::SyntaxError, "expected ':'", 1, 5},
    {"f(a=1, b)\n", CompileErrorKind::SyntaxError, "positional argument follows keyword argument",
     1, 9},
    {"f(**a, *b)\n", CompileErrorKind::SyntaxError,
     "iterable argument unpacking follows keyword argument unpacking", 1, 8},
    {"def f(a=1, b): pass\n", CompileErrorKind::SyntaxError,
     "non-default argument follows default argument", 1, 12},
    {"f(x for x in y, 1)\n", CompileErrorKind::SyntaxError,
     "Generator expression must be parenthesized", 1, 3},
    {"def f(*): pass\n", CompileErrorKind::SyntaxError, "named arguments must follow bare *", 1, 7},
    {"f(a.b=1)\n", CompileErrorKind::SyntaxError,
     "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3},
    {"x = 1 2\n", CompileErrorKind::SyntaxError, "invalid syntax", 1, 7},
    {"[a b]\n", CompileErrorKind::SyntaxError, "invalid syntax. Perhaps you forgot a comma?", 1, 2},
    {"print 'x'\n", CompileErrorKind::SyntaxError,
     "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1},
    {"x = yield = 1\n", CompileErrorKind::SyntaxError,
     "assignment to yield expression not possible", 1, 5},
    {"f(True=1)\n", CompileErrorKind::SyntaxError, "cannot assign to True", 1, 3},
    {"None = 1\n", CompileErrorKind::SyntaxError, "cannot assign to None", 1, 1},
    {"from x import a,\n", CompileErrorKind::SyntaxError,
     "trailing comma not allowed without surrounding parentheses", 1, 17},
    {"try:\n  pass\nexcept* A:\n  pass\nexcept B:\n  pass\n", CompileErrorKind::SyntaxError,
     "cannot have both 'except' and 'except*' on the same 'try'", 5, 1},
    // compile() of bytes: no position (CPython 3.11); a script file reads differently (below).
    {"x = 1\0\n"sv, CompileErrorKind::SyntaxError, "source code string cannot contain null bytes",
     -1, 0},
    {"# coding: foo\n", CompileErrorKind::SyntaxError, "unknown encoding: foo", 0, 0},
};

TEST(ParserTest, ErrorsMatchCPython) {
    for (const ErrorCase& c : error_cases) {
        Arena arena;
        ParseResult result = parse_text(arena, c.source);
        ASSERT_EQ(result.module, nullptr) << c.source;
        EXPECT_EQ(result.error.kind, c.kind) << c.source;
        EXPECT_EQ(result.error.message, c.message) << c.source;
        EXPECT_EQ(result.error.lineno, c.lineno) << c.source;
        EXPECT_EQ(result.error.offset, c.offset) << c.source;
    }
}

TEST(ParserTest, WithGroupOutsideWithIsAnError) {
    Arena arena;
    ParseResult result = parse_text(arena, "x = (a as b)\n");
    ASSERT_EQ(result.module, nullptr);
    EXPECT_EQ(result.error.message, "invalid syntax");
}

// Expected text: `python3 t.py 2>&1` in CPython 3.11.7.
TEST(ParserTest, FormatsErrorsAsCPython) {
    struct Case {
        const char* source;
        const char* expected;
    } cases[] = {
        {"f() = 1\n", "  File \"t.py\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign "
                      "to function call here. Maybe you meant '==' instead of '='?\n"},
        {"x = (1,\n", "  File \"t.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was "
                      "never closed\n"},
        {"  x\n", "  File \"t.py\", line 1\n    x\nIndentationError: unexpected indent\n"},
        {"if x\n", "  File \"t.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n"},
        {"x = '\xc3\xa9' + )\n", "  File \"t.py\", line 1\n    x = '\xc3\xa9' + )\n"
                                 "              ^\nSyntaxError: unmatched ')'\n"},
        {"x = 1 2\n",
         "  File \"t.py\", line 1\n    x = 1 2\n          ^\nSyntaxError: invalid syntax\n"},
    };
    for (const Case& c : cases) {
        Arena arena;
        ParseResult result = parse_text(arena, c.source);
        ASSERT_EQ(result.module, nullptr) << c.source;
        EXPECT_EQ(format_compile_error(result.error), c.expected);
    }
}

std::string repeat(std::string_view piece, int count) {
    std::string out;
    for (int i = 0; i < count; ++i)
        out += piece;
    return out;
}

TEST(ParserTest, DeepNestingIsACleanError) {
    const std::string sources[] = {
        repeat("-", 100000) + "x\n",       repeat("not ", 100000) + "x\n",
        "a" + repeat("+a", 100000) + "\n", "a" + repeat(".b", 100000) + "\n",
        repeat("lambda: ", 50000) + "1\n", repeat("a**", 50000) + "b\n",
    };
    for (const std::string& source : sources) {
        Arena arena;
        ParseResult result = parse_text(arena, source);
        ASSERT_EQ(result.module, nullptr);
        EXPECT_EQ(result.error.kind, CompileErrorKind::RecursionError);
        EXPECT_EQ(result.error.message, "maximum recursion depth exceeded during compilation");
    }
    Arena arena;
    ParseResult parens = parse_text(arena, repeat("(", 100000) + repeat(")", 100000));
    ASSERT_EQ(parens.module, nullptr);
    EXPECT_EQ(parens.error.message, "too many nested parentheses");
    std::string blocks;
    for (int i = 0; i < 1000; ++i)
        blocks += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
    ParseResult indented = parse_text(arena, blocks);
    ASSERT_EQ(indented.module, nullptr);
    EXPECT_EQ(indented.error.kind, CompileErrorKind::IndentationError);
    EXPECT_EQ(indented.error.message, "too many levels of indentation");
}

TEST(ParserTest, GarbageNeverCrashes) {
    // A deterministic byte soup: every outcome must be a module or an error with a message.
    static constexpr std::string_view alphabet = "()[]{}:=,;'\"\\#\n x1.+*@for def if lambda\t"
                                                 "\x80\xc3\xa9\xff";
    uint32_t seed = 12345;
    for (int round = 0; round < 500; ++round) {
        std::string source;
        for (int i = 0; i < 200; ++i) {
            seed = seed * 1103515245u + 12345u;
            source += alphabet[(seed >> 16) % alphabet.size()];
        }
        Arena arena;
        ParseResult result = parse_text(arena, source);
        EXPECT_TRUE(result.module != nullptr || !result.error.message.empty()) << source;
    }
}

TEST(ParserTest, Latin1CodingIsTranscoded) {
    Arena arena;
    ParseResult result = parse_text(arena, "# -*- coding: latin-1 -*-\nx = '\xe9'\n");
    ASSERT_NE(result.module, nullptr) << result.error.message;
    EXPECT_EQ(dump_ast(*result.module), "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                                        "value=Constant(value='\xc3\xa9'))], type_ignores=[])");
}

} // namespace
} // namespace minipy::compiler

// ====== Robustness of the whole front end: parse, dump and compile must each end in a result or
// a clean error, never overflow the native stack (also under ASan, whose frames are larger).

namespace minipy::compiler {
namespace {

struct Outcome {
    bool ok = false;
    CompileError error;
};

// Parses, dumps and compiles source; the first error wins.
Outcome run_front_end(std::string_view source, ast::ModuleKind mode = ast::ModuleKind::Module) {
    Outcome outcome;
    Arena arena;
    ParseResult parsed = parse_text(arena, source, mode);
    if (parsed.module == nullptr) {
        outcome.error = parsed.error;
        EXPECT_FALSE(format_compile_error(outcome.error).empty());
        return outcome;
    }
    std::string dump;
    bool dumped = dump_ast(*parsed.module, dump);
    EXPECT_FALSE(dump.empty());
    CompileResult compiled = compile_module(*parsed.module, "t.py", CompileOptions{}, source);
    if (!compiled.code) {
        outcome.error = compiled.error;
        return outcome;
    }
    if (!dumped) {
        outcome.error.kind = CompileErrorKind::RecursionError;
        outcome.error.message = dump;
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

std::string nested_blocks(int levels, std::string_view header) {
    std::string source;
    for (int i = 0; i < levels; ++i)
        source += std::string(static_cast<size_t>(i), ' ') + std::string(header) + "\n";
    source += std::string(static_cast<size_t>(levels), ' ') + "pass\n";
    return source;
}

constexpr const char* recursion_message = "maximum recursion depth exceeded during compilation";

TEST(RobustnessTest, HundredThousandNestedBracketsAreASyntaxError) {
    for (const char* open : {"(", "[", "{"}) {
        std::string close = *open == '(' ? ")" : *open == '[' ? "]" : "}";
        Outcome outcome = run_front_end("x = " + repeat(open, 100000) + repeat(close, 100000));
        ASSERT_FALSE(outcome.ok);
        EXPECT_EQ(outcome.error.kind, CompileErrorKind::SyntaxError);
        EXPECT_EQ(outcome.error.message, "too many nested parentheses");
        EXPECT_EQ(outcome.error.lineno, 1);
        EXPECT_EQ(outcome.error.offset, 205); // the 201st bracket, as CPython reports it
    }
    // 200 levels are still fine.
    EXPECT_TRUE(run_front_end("x = " + repeat("(", 200) + "1" + repeat(")", 200) + "\n").ok);
}

TEST(RobustnessTest, DeeplyNestedBlocksAreAnIndentationError) {
    // 2,000 levels (one space each: the source grows with the square of the depth); the lexer
    // stops at level 100 whatever the depth.
    Outcome outcome = run_front_end(nested_blocks(2000, "if x:"));
    ASSERT_FALSE(outcome.ok);
    EXPECT_EQ(outcome.error.kind, CompileErrorKind::IndentationError);
    EXPECT_EQ(outcome.error.message, "too many levels of indentation");
    EXPECT_EQ(outcome.error.lineno, 101);
    // 99 levels parse; functions and classes that deep compile.
    EXPECT_TRUE(run_front_end(nested_blocks(99, "if x:")).ok);
    EXPECT_TRUE(run_front_end(nested_blocks(99, "def f():")).ok);
    EXPECT_TRUE(run_front_end(nested_blocks(99, "class C:")).ok);
}

TEST(RobustnessTest, TooManyStaticallyNestedBlocks) {
    for (const char* header : {"for x in y:", "while x:", "try:", "with x:"}) {
        std::string source = nested_blocks(21, header);
        if (std::string_view(header) == "try:") {
            source.clear();
            for (int i = 0; i < 21; ++i)
                source += std::string(static_cast<size_t>(i), ' ') + "try:\n";
            source += std::string(21, ' ') + "pass\n";
            for (int i = 20; i >= 0; --i)
                source += std::string(static_cast<size_t>(i), ' ') + "finally:\n" +
                          std::string(static_cast<size_t>(i + 1), ' ') + "pass\n";
        }
        Outcome outcome = run_front_end(source);
        ASSERT_FALSE(outcome.ok) << header;
        EXPECT_EQ(outcome.error.kind, CompileErrorKind::SyntaxError);
        EXPECT_EQ(outcome.error.message, "too many statically nested blocks") << header;
    }
    EXPECT_TRUE(run_front_end(nested_blocks(20, "for x in y:")).ok);
}

TEST(RobustnessTest, LongChainsAreARecursionError) {
    const std::string sources[] = {
        "1" + repeat("+1", 100000) + "\n",
        repeat("-", 100000) + "1\n",
        repeat("~", 100000) + "1\n",
        repeat("not ", 100000) + "1\n",
        repeat("lambda: ", 100000) + "1\n",
        repeat("1 if 1 else ", 100000) + "1\n",
        "2" + repeat("**2", 100000) + "\n",
        "a" + repeat(".b", 100000) + "\n",
        "f" + repeat("()", 100000) + "\n",
        "a" + repeat("[0]", 100000) + "\n",
        repeat("await ", 100000) + "x\n",
        repeat("yield ", 100000) + "x\n",
        "if x: pass\n" + repeat("elif x: pass\n", 100000),
    };
    for (size_t i = 0; i < std::size(sources); ++i) {
        Outcome outcome = run_front_end(sources[i]);
        ASSERT_FALSE(outcome.ok) << i;
        // `await`/`yield` chains (10, 11) are syntax errors first, as in CPython.
        if (i == 10 || i == 11) {
            EXPECT_EQ(outcome.error.kind, CompileErrorKind::SyntaxError) << i;
            continue;
        }
        EXPECT_EQ(outcome.error.kind, CompileErrorKind::RecursionError) << i;
        EXPECT_EQ(outcome.error.message, recursion_message) << i;
    }
}

TEST(RobustnessTest, FlatLongConstructsCompile) {
    // Long but flat in the AST: CPython compiles these, so must we.
    const std::string sources[] = {
        "x = 1" + repeat(" < 1", 100000) + "\n",
        "x = 1" + repeat(" and 1", 100000) + "\n",
        "x = (" + repeat("1, ", 100000) + ")\n",
        "x = {" + repeat("1: 2, ", 20000) + "}\n",
        "x = " + repeat("'a' ", 100000) + "\n",
        repeat("@d\n", 10000) + "def f(): pass\n",
        repeat("x = 1\n", 100000),
        "if x: pass\n" + repeat("elif x: pass\n", 500),
    };
    for (size_t i = 0; i < std::size(sources); ++i) {
        Outcome outcome = run_front_end(sources[i]);
        EXPECT_TRUE(outcome.ok) << i << ": " << outcome.error.message;
    }
}

TEST(RobustnessTest, DeepestAcceptedTreesCompileOrFailCleanly) {
    // Just under the parser's limit: every later pass (dump, symtable, constant folding, codegen)
    // recurses this deep. Each must answer without overflowing the stack.
    const std::string sources[] = {
        "x = " + repeat("-", 2990) + "1\n",
        "x = a" + repeat(".b", 2990) + "\n",
        "x = " + repeat("lambda: ", 2990) + "1\n",
        "x = " + repeat("1 if 1 else ", 2990) + "1\n",
        "x = 1" + repeat("+1", 2990) + "\n",
        "x = " + repeat("not ", 2990) + "1\n",
        "def f():\n    return " + repeat("lambda: ", 2990) + "(yield)\n",
        "x = f'{" + repeat("-", 2980) + "1}'\n",
        "x = f'{f\"{" + repeat("-", 2980) + "1}\"}'\n",
        "x = " + repeat("[x for x in ", 199) + "y" + repeat("]", 199) + "\n",
        "x = " + repeat("(lambda: ", 199) + "1" + repeat(")", 199) + "\n",
        "x = " + repeat("{", 199) + repeat("}", 199) + "\n",
        "if x: pass\n" + repeat("elif x: pass\n", 2990),
    };
    for (size_t i = 0; i < std::size(sources); ++i) {
        Outcome outcome = run_front_end(sources[i]);
        if (!outcome.ok) {
            EXPECT_EQ(outcome.error.kind, CompileErrorKind::RecursionError)
                << i << ": " << outcome.error.message;
        }
    }
}

TEST(RobustnessTest, NestedFStrings) {
    Outcome spec = run_front_end("f'{x:{y:{z}}}'\n");
    ASSERT_FALSE(spec.ok);
    EXPECT_EQ(spec.error.message, "f-string: expressions nested too deeply");
    // Four quote kinds give four levels of f-strings in 3.11.
    EXPECT_TRUE(run_front_end("x = f'''{f\"\"\"{f'{f\"{y}\"}'}\"\"\"}'''\n").ok);
    Outcome starred = run_front_end("f'{*a}'\n");
    ASSERT_FALSE(starred.ok);
    EXPECT_EQ(starred.error.message, "f-string: cannot use starred expression here");
    EXPECT_TRUE(run_front_end("f'{*a,}'\n").ok);
    EXPECT_TRUE(run_front_end("f'{*a, b}'\n").ok);
}

TEST(RobustnessTest, BadBytesAreCleanErrors) {
    Outcome nul = run_front_end(std::string("x = 1\ny = '\0'\n", 13));
    ASSERT_FALSE(nul.ok);
    EXPECT_EQ(nul.error.message, "source code string cannot contain null bytes");
    Outcome utf8 = run_front_end("x = 1\ny = '\xff'\n");
    ASSERT_FALSE(utf8.ok);
    EXPECT_EQ(utf8.error.kind, CompileErrorKind::SyntaxError);
    for (const char* source :
         {"x = '", "x = '''", "x = (", "x = [1,\n2", "def f(:\n", "\\", "x = \"\\",
          "\xef\xbb\xbf\xef\xbb\xbf", "\x01\x02\x03", "\t\t  \f\n  x"}) {
        Outcome outcome = run_front_end(source);
        EXPECT_FALSE(outcome.ok) << source;
        EXPECT_FALSE(outcome.error.message.empty()) << source;
    }
    // Every byte value alone, and after a valid prefix.
    for (int byte = 0; byte < 256; ++byte) {
        std::string one(1, static_cast<char>(byte));
        (void)run_front_end(one);
        (void)run_front_end("x = " + one + "\n");
        (void)run_front_end("'" + one + "'\n");
        (void)run_front_end("f'{" + one + "}'\n");
    }
}

TEST(RobustnessTest, SingleModeTakesOneStatement) {
    struct Case {
        const char* source;
        const char* message; // null: accepted
        int lineno;
        int offset;
    };
    const Case cases[] = {
        {"x=1\ny=2\n", "multiple statements found while compiling a single statement", 1, 4},
        {"x=1;y=2\n", nullptr, 0, 0},
        {"if 1:\n  pass\nx=1\n", "invalid syntax", 3, 1},
        {"\n\nx=1\n\n", nullptr, 0, 0},
        {"x=1\n  y=2\n", "multiple statements found while compiling a single statement", 1, 4},
        {"pass\n)\n", "multiple statements found while compiling a single statement", 1, 5},
        {"x = 1 # c\n# comment\n", nullptr, 0, 0},
        {"def f():\n  pass\n\n\n", nullptr, 0, 0},
        {"if 1: pass\nelse: pass\n", nullptr, 0, 0},
        {"x=1\n\"abc", "multiple statements found while compiling a single statement", 1, 4},
    };
    for (const Case& c : cases) {
        Arena arena;
        ParseResult result = parse_text(arena, c.source, ast::ModuleKind::Interactive);
        if (c.message == nullptr) {
            EXPECT_NE(result.module, nullptr) << c.source << ": " << result.error.message;
            continue;
        }
        ASSERT_EQ(result.module, nullptr) << c.source;
        EXPECT_EQ(result.error.message, c.message) << c.source;
        EXPECT_EQ(result.error.lineno, c.lineno) << c.source;
        EXPECT_EQ(result.error.offset, c.offset) << c.source;
    }
}

} // namespace
} // namespace minipy::compiler

namespace minipy::compiler {
namespace {

ParseResult parse_file_bytes(Arena& arena, std::string_view source, bool script_file) {
    ParseOptions options;
    options.filename = "t.py";
    options.script_file = script_file;
    return parse(arena, source, options);
}

TEST(EncodingTest, DeclaredEncodingsAreDecodedWithIconv) {
    struct Case {
        const char* source;
        const char* dump_value; // the Constant's repr in the dump
    };
    const Case cases[] = {
        {"# -*- coding: koi8-r -*-\nx = '\xc1\xc2'\n", "'\xd0\xb0\xd0\xb1'"},
        {"# -*- coding: iso-8859-5 -*-\nx = '\xd0'\n", "'\xd0\xb0'"},
        {"# coding: cp1252\nx = '\x80'\n", "'\xe2\x82\xac'"},
        {"#!/usr/bin/python\n# vim: set fileencoding=iso8859_15 :\nx = '\xa4'\n", "'\xe2\x82\xac'"},
        {"# coding: KOI8_R\nx = '\xc1'\n", "'\xd0\xb0'"},
        {"# coding: euc_jp\nx = '\xa4\xa2'\n", "'\xe3\x81\x82'"},
        {"# coding: ascii\nx = 'a'\n", "'a'"},
    };
    for (const Case& c : cases) {
        Arena arena;
        ParseResult result = parse_file_bytes(arena, c.source, false);
        ASSERT_NE(result.module, nullptr) << c.source << ": " << result.error.message;
        EXPECT_EQ(dump_ast(*result.module),
                  std::string("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                              "value=Constant(value=") +
                      c.dump_value + "))], type_ignores=[])")
            << c.source;
    }
}

TEST(EncodingTest, EncodingErrorsReadAsCPythons) {
    struct Case {
        const char* source;
        const char* compile_message; // compile() of the bytes
        const char* script_message;  // `python3 t.py`
    };
    const Case cases[] = {
        {"# coding: foo-bar\nx = 1\n", "unknown encoding: foo-bar", "encoding problem: foo-bar"},
        {"\xef\xbb\xbf# coding: koi8-r\nx = 1\n", "encoding problem: koi8-r with BOM",
         "encoding problem: koi8-r with BOM"},
        {"\xef\xbb\xbf# coding: latin-1\nx = 1\n", "encoding problem: iso-8859-1 with BOM",
         "encoding problem: iso-8859-1 with BOM"},
        {"\xef\xbb\xbf# coding: foo\nx = 1\n", "encoding problem: foo with BOM",
         "encoding problem: foo with BOM"},
        // CPython's get_normal_name() knows "utf-8" and "utf-8-*", not "utf8" (bad_coding2.py).
        {"\xef\xbb\xbf# coding: utf8\nprint('\xe6\x88\x91')\n", "encoding problem: utf8 with BOM",
         "encoding problem: utf8 with BOM"},
        {"# coding: cp1252\nx = \"\x81\"\n",
         "'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>",
         "encoding problem: cp1252"},
        {"# coding: ascii\nprint(\"\xc3\xa9\")\n",
         "'ascii' codec can't decode byte 0xc3 in position 23: ordinal not in range(128)",
         "encoding problem: ascii"},
        {"# coding: char\nx = 1\n", "unknown encoding: char", "encoding problem: char"},
    };
    for (const Case& c : cases) {
        for (bool script : {false, true}) {
            Arena arena;
            ParseResult result = parse_file_bytes(arena, c.source, script);
            ASSERT_EQ(result.module, nullptr) << c.source;
            EXPECT_EQ(result.error.kind, CompileErrorKind::SyntaxError);
            EXPECT_EQ(result.error.message, script ? c.script_message : c.compile_message);
            EXPECT_EQ(result.error.lineno, script ? -1 : 0) << c.source;
            if (script) {
                EXPECT_EQ(format_compile_error(result.error),
                          std::string("SyntaxError: ") + c.script_message + "\n");
            }
        }
    }
}

TEST(EncodingTest, ScriptFileNulAndUndeclaredBytes) {
    Arena arena;
    ParseResult nul = parse_file_bytes(arena, std::string_view("x = 1\ny = \"\0\"\n", 14), true);
    ASSERT_EQ(nul.module, nullptr);
    EXPECT_EQ(format_compile_error(nul.error), "  File \"t.py\", line 2\n    y = \"\n"
                                               "SyntaxError: source code cannot contain null "
                                               "bytes\n");
    ParseResult bad = parse_file_bytes(arena, "x = 1\ny = \"\xff\"\n", true);
    ASSERT_EQ(bad.module, nullptr);
    EXPECT_EQ(format_compile_error(bad.error),
              "SyntaxError: Non-UTF-8 code starting with '\\xff' in file t.py on line 2, but no "
              "encoding declared; see https://peps.python.org/pep-0263/ for details\n");
}

} // namespace
} // namespace minipy::compiler
