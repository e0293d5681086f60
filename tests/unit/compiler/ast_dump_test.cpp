// Tests compiler/ast_dump.cpp. Hand-built trees pin down ast.dump's rules (optional fields left
// out, None inside lists, constant reprs, module kinds, the depth guard); parsed sources check
// every node class end to end. Expected texts were printed by CPython 3.11.7's
// ast.dump(ast.parse(source)).
#include "compiler/ast_dump.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "compiler/parser.h"

namespace minipy::compiler {
namespace {

class AstDumpTest : public ::testing::Test {
protected:
    ast::Name* name(std::string_view id, ast::ExprContext ctx = ast::ExprContext::Load) {
        auto* node = m_arena.make<ast::Name>();
        node->id = id;
        node->ctx = ctx;
        return node;
    }
    ast::Constant* constant(ast::ConstantKind kind) {
        auto* node = m_arena.make<ast::Constant>();
        node->value_kind = kind;
        return node;
    }
    template <typename T> ast::List<T> list(std::vector<T> items) { return m_arena.copy(items); }
    std::string dump_statements(std::vector<ast::Stmt*> body) {
        ast::Module module;
        module.body = list(std::move(body));
        return dump_ast(module);
    }
    std::string dump_expression(ast::Expr* expr) {
        auto* stmt = m_arena.make<ast::ExprStmt>();
        stmt->value = expr;
        return dump_statements({stmt});
    }

    Arena m_arena;
};

std::string wrap(const std::string& expr) {
    return "Module(body=[Expr(value=" + expr + ")], type_ignores=[])";
}

TEST_F(AstDumpTest, EmptyModule) {
    EXPECT_EQ(dump_statements({}), "Module(body=[], type_ignores=[])");
}

TEST_F(AstDumpTest, ConstantReprs) {
    auto* big = constant(ast::ConstantKind::BigInt);
    big->text = "123456789012345678901234567890";
    EXPECT_EQ(dump_expression(big), wrap("Constant(value=123456789012345678901234567890)"));
    auto* integer = constant(ast::ConstantKind::Int);
    integer->int_value = -7;
    EXPECT_EQ(dump_expression(integer), wrap("Constant(value=-7)"));
    EXPECT_EQ(dump_expression(constant(ast::ConstantKind::None)), wrap("Constant(value=None)"));
    EXPECT_EQ(dump_expression(constant(ast::ConstantKind::True)), wrap("Constant(value=True)"));
    EXPECT_EQ(dump_expression(constant(ast::ConstantKind::False)), wrap("Constant(value=False)"));
    EXPECT_EQ(dump_expression(constant(ast::ConstantKind::Ellipsis)),
              wrap("Constant(value=Ellipsis)"));
    const std::pair<double, const char*> complex_cases[] = {{1.0, "1j"},      {2.5, "2.5j"},
                                                            {1e16, "1e+16j"}, {1e-5, "1e-05j"},
                                                            {100.0, "100j"},  {1.0 / 0.0, "infj"}};
    for (auto [imag, repr] : complex_cases) {
        auto* node = constant(ast::ConstantKind::Complex);
        node->float_value = imag;
        EXPECT_EQ(dump_expression(node), wrap(std::string("Constant(value=") + repr + ")"));
    }
    auto* text = constant(ast::ConstantKind::Str);
    text->text = "it's";
    text->u_prefix = true;
    EXPECT_EQ(dump_expression(text), wrap("Constant(value=\"it's\", kind='u')"));
    auto* bytes = constant(ast::ConstantKind::Bytes);
    bytes->text = std::string_view("\x00\xff", 2);
    bytes->u_prefix = true; // never shown for bytes
    EXPECT_EQ(dump_expression(bytes), wrap("Constant(value=b'\\x00\\xff')"));
}

TEST_F(AstDumpTest, NoneInsideListsAndOmittedOptionals) {
    auto* dict = m_arena.make<ast::Dict>();
    dict->keys = list<ast::Expr*>({nullptr});
    dict->values = list<ast::Expr*>({name("d")});
    EXPECT_EQ(dump_expression(dict), wrap("Dict(keys=[None], values=[Name(id='d', ctx=Load())])"));
    auto* slice = m_arena.make<ast::Slice>();
    slice->step = name("s");
    EXPECT_EQ(dump_expression(slice), wrap("Slice(step=Name(id='s', ctx=Load()))"));
    auto* from = m_arena.make<ast::ImportFrom>();
    auto* alias = m_arena.make<ast::Alias>();
    alias->name = "x";
    from->names = list<ast::Alias*>({alias});
    from->level = 2;
    EXPECT_EQ(dump_statements({from}),
              "Module(body=[ImportFrom(names=[alias(name='x')], level=2)], type_ignores=[])");
    auto* handler = m_arena.make<ast::ExceptHandler>();
    handler->body = list<ast::Stmt*>({m_arena.make<ast::Pass>()});
    auto* try_stmt = m_arena.make<ast::Try>(true);
    try_stmt->body = list<ast::Stmt*>({m_arena.make<ast::Pass>()});
    try_stmt->handlers = list<ast::ExceptHandler*>({handler});
    EXPECT_EQ(dump_statements({try_stmt}),
              "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(body=[Pass()])], "
              "orelse=[], finalbody=[])], type_ignores=[])");
}

TEST_F(AstDumpTest, ModuleKinds) {
    ast::Module expression;
    expression.kind = ast::ModuleKind::Expression;
    expression.expression = name("x");
    EXPECT_EQ(dump_ast(expression), "Expression(body=Name(id='x', ctx=Load()))");
    ast::Module interactive;
    interactive.kind = ast::ModuleKind::Interactive;
    interactive.body = list<ast::Stmt*>({m_arena.make<ast::Pass>()});
    EXPECT_EQ(dump_ast(interactive), "Interactive(body=[Pass()])");
}

TEST_F(AstDumpTest, IdentifiersUseRepr) {
    EXPECT_EQ(dump_expression(name("\xc3\xa9t\xc3\xa9")),
              wrap("Name(id='\xc3\xa9t\xc3\xa9', ctx=Load())"));
}

TEST_F(AstDumpTest, DeepTreeIsAnErrorNotAStackOverflow) {
    ast::Expr* expr = name("x");
    for (int i = 0; i < 200000; ++i) {
        auto* op = m_arena.make<ast::UnaryOp>();
        op->op = ast::UnaryOperator::USub;
        op->operand = expr;
        expr = op;
    }
    auto* stmt = m_arena.make<ast::ExprStmt>();
    stmt->value = expr;
    ast::Module module;
    module.body = list<ast::Stmt*>({stmt});
    std::string out;
    EXPECT_FALSE(dump_ast(module, out));
    EXPECT_NE(out.find("recursion"), std::string::npos);
}

TEST_F(AstDumpTest, ModeratelyDeepTreeStillDumps) {
    ast::Expr* expr = name("x");
    for (int i = 0; i < 1000; ++i) {
        auto* op = m_arena.make<ast::UnaryOp>();
        op->op = ast::UnaryOperator::Not;
        op->operand = expr;
        expr = op;
    }
    std::string text = dump_expression(expr);
    EXPECT_EQ(text.rfind("Module(body=[Expr(value=UnaryOp(op=Not(), operand=UnaryOp(", 0), 0u);
}

// ====== Parsed sources: every node class, as CPython prints it.

struct SourceCase {
    const char* source;
    const char* dump;
};

const SourceCase
    source_cases[] =
        {
            {R"PY(import a.b as c, d
from . import x
from ..m import (y as z, w)
from m import *
global g
def f(a, /, b: int = 1, *c, d, e=2, **k) -> None:
    nonlocal q
    return
async def h():
    await x
    async for i in j: pass
    async with a as b, c: pass
    yield
    yield 1
    x = yield from y
@dec
class C(B, metaclass=M, **kw):
    'doc'
    x: int
    (y): int = 3
)PY",
             R"PY(Module(body=[Import(names=[alias(name='a.b', asname='c'), alias(name='d')]), ImportFrom(names=[alias(name='x')], level=1), ImportFrom(module='m', names=[alias(name='y', asname='z'), alias(name='w')], level=2), ImportFrom(module='m', names=[alias(name='*')], level=0), Global(names=['g']), FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='k'), defaults=[Constant(value=1)]), body=[Nonlocal(names=['q']), Return()], decorator_list=[], returns=Constant(value=None)), AsyncFunctionDef(name='h', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Await(value=Name(id='x', ctx=Load()))), AsyncFor(target=Name(id='i', ctx=Store()), iter=Name(id='j', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()]), Expr(value=Yield()), Expr(value=Yield(value=Constant(value=1))), Assign(targets=[Name(id='x', ctx=Store())], value=YieldFrom(value=Name(id='y', ctx=Load())))], decorator_list=[]), ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load())), keyword(value=Name(id='kw', ctx=Load()))], body=[Expr(value=Constant(value='doc')), AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1), AnnAssign(target=Name(id='y', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=3), simple=0)], decorator_list=[Name(id='dec', ctx=Load())])], type_ignores=[]))PY"},
            {R"PY(try:
    pass
except E as e:
    raise X from e
except:
    raise
else:
    pass
finally:
    del a, b[1], c.d
try:
    pass
except* T:
    pass
while x:
    break
else:
    continue
for a, *b in c: pass
if a: pass
elif b: pass
else: pass
with open(f) as (a, b): pass
assert x, 'm'
a = b = c
a += 1
lambda: 0
lambda x, *, y=1: x
)PY",
             R"PY(Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='e', ctx=Load()))]), ExceptHandler(body=[Raise()])], orelse=[Pass()], finalbody=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), slice=Constant(value=1), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del())])]), TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='T', ctx=Load()), body=[Pass()])], orelse=[], finalbody=[]), While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Continue()]), For(target=Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()), body=[Pass()], orelse=[]), If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass()])]), With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='f', ctx=Load())], keywords=[]), optional_vars=Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store()))], body=[Pass()]), Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='m')), Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Name(id='c', ctx=Load())), AugAssign(target=Name(id='a', ctx=Store()), op=Add(), value=Constant(value=1)), Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0))), Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonlyargs=[arg(arg='y')], kw_defaults=[Constant(value=1)], defaults=[]), body=Name(id='x', ctx=Load())))], type_ignores=[]))PY"},
            {R"PY(x = {1: 2, **d}
y = {1, 2}
[a for b in c if d if e for f in g]
{a: b for c, d in e}
{a for a in b}
(a async for a in b)
a if b else c
a and b or not c
-a + ~b * +c @ d / e // f % g ** h << i >> j | k ^ l & m
a < b <= c > d >= e == f != g is h is not i in j not in k
f(a, *b, c=d, **e)
a.b[c:d:e, ::, 1:][...]
x[1:2]
(x := 5)
print(None, True, False, ..., 1.5, 2j, 10**100, 99999999999999999999, b'x', 'y', u'z', 1e300*1e300)
)PY",
             R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dict(keys=[Constant(value=1), None], values=[Constant(value=2), Name(id='d', ctx=Load())])), Assign(targets=[Name(id='y', ctx=Store())], value=Set(elts=[Constant(value=1), Constant(value=2)])), Expr(value=ListComp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='b', ctx=Store()), iter=Name(id='c', ctx=Load()), ifs=[Name(id='d', ctx=Load()), Name(id='e', ctx=Load())], is_async=0), comprehension(target=Name(id='f', ctx=Store()), iter=Name(id='g', ctx=Load()), ifs=[], is_async=0)])), Expr(value=DictComp(key=Name(id='a', ctx=Load()), value=Name(id='b', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='c', ctx=Store()), Name(id='d', ctx=Store())], ctx=Store()), iter=Name(id='e', ctx=Load()), ifs=[], is_async=0)])), Expr(value=SetComp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=0)])), Expr(value=GeneratorExp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=1)])), Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load()))), Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), UnaryOp(op=Not(), operand=Name(id='c', ctx=Load()))])), Expr(value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=UnaryOp(op=USub(), operand=Name(id='a', ctx=Load())), op=Add(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=UnaryOp(op=Invert(), operand=Name(id='b', ctx=Load())), op=Mult(), right=UnaryOp(op=UAdd(), operand=Name(id='c', ctx=Load()))), op=MatMult(), right=Name(id='d', ctx=Load())), op=Div(), right=Name(id='e', ctx=Load())), op=FloorDiv(), right=Name(id='f', ctx=Load())), op=Mod(), right=BinOp(left=Name(id='g', ctx=Load()), op=Pow(), right=Name(id='h', ctx=Load())))), op=LShift(), right=Name(id='i', ctx=Load())), op=RShift(), right=Name(id='j', ctx=Load())), op=BitOr(), right=BinOp(left=Name(id='k', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='l', ctx=Load()), op=BitAnd(), right=Name(id='m', ctx=Load()))))), Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), Gt(), GtE(), Eq(), NotEq(), Is(), IsNot(), In(), NotIn()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load()), Name(id='h', ctx=Load()), Name(id='i', ctx=Load()), Name(id='j', ctx=Load()), Name(id='k', ctx=Load())])), Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Name(id='d', ctx=Load())), keyword(value=Name(id='e', ctx=Load()))])), Expr(value=Subscript(value=Subscript(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), slice=Tuple(elts=[Slice(lower=Name(id='c', ctx=Load()), upper=Name(id='d', ctx=Load()), step=Name(id='e', ctx=Load())), Slice(), Slice(lower=Constant(value=1))], ctx=Load()), ctx=Load()), slice=Constant(value=Ellipsis), ctx=Load())), Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load())), Expr(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=5))), Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Constant(value=None), Constant(value=True), Constant(value=False), Constant(value=Ellipsis), Constant(value=1.5), Constant(value=2j), BinOp(left=Constant(value=10), op=Pow(), right=Constant(value=100)), Constant(value=99999999999999999999), Constant(value=b'x'), Constant(value='y'), Constant(value='z', kind='u'), BinOp(left=Constant(value=1e+300), op=Mult(), right=Constant(value=1e+300))], keywords=[]))], type_ignores=[]))PY"},
            {R"PY(f'{a!r:>{w}} {b=}' u'x' 'y'
)PY",
             R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value=' b='), FormattedValue(value=Name(id='b', ctx=Load()), conversion=114), Constant(value='xy')]))], type_ignores=[]))PY"},
            {R"PY()PY", R"PY(Module(body=[], type_ignores=[]))PY"},
};

TEST(AstDumpParsed, MatchesCPython) {
    for (const SourceCase& c : source_cases) {
        Arena arena;
        ParseOptions options;
        options.filename = "t.py";
        ParseResult result = parse(arena, c.source, options);
        EXPECT_NE(result.module, nullptr) << c.source << "\n" << result.error.message;
        if (result.module) {
            EXPECT_EQ(dump_ast(*result.module), c.dump) << c.source;
        }
    }
}

} // namespace
} // namespace minipy::compiler
