// Tests for compiler/symtable.cpp: how names are classified in every kind of scope, and CPython's
// scope SyntaxErrors with their messages and positions (checked against python3 3.11's compile()).
#include <gtest/gtest.h>

#include <string>

#include "compiler/parser.h"
#include "compiler/symtable.h"

namespace {

using namespace minipy::compiler;

struct Built {
    Arena arena;
    SymbolTable table;
    bool ok = false;
    std::string parse_error;
};

void build(Built& built, std::string_view source) {
    ParseOptions options;
    options.filename = "t.py";
    options.source_is_text = true;
    ParseResult parsed = parse(built.arena, source, options);
    if (!parsed.module) {
        built.parse_error = parsed.error.message;
        return;
    }
    built.ok = built.table.build(*parsed.module, "t.py", false);
}

// Finds a scope by name, depth-first from the module.
const Scope* find_scope(const Scope* scope, std::string_view name) {
    if (scope->name == name)
        return scope;
    for (const Scope* child : scope->children)
        if (const Scope* found = find_scope(child, name))
            return found;
    return nullptr;
}

SymbolScope scope_of(const Built& built, std::string_view scope_name, std::string_view name) {
    const Scope* scope = find_scope(built.table.module_scope(), scope_name);
    EXPECT_NE(scope, nullptr) << scope_name;
    return scope ? scope->scope_of(name) : SymbolScope::Unknown;
}

TEST(Symtable, FunctionLocalsGlobalsAndCells) {
    Built b;
    build(b, "g = 1\n"
             "def f(a):\n"
             "    x = a\n"
             "    def inner():\n"
             "        return x + g + len\n"
             "    return inner\n");
    ASSERT_TRUE(b.ok) << b.parse_error << b.table.error().message;
    EXPECT_EQ(scope_of(b, "top", "g"), SymbolScope::Local);
    EXPECT_EQ(scope_of(b, "f", "a"), SymbolScope::Local);
    EXPECT_EQ(scope_of(b, "f", "x"), SymbolScope::Cell);
    EXPECT_EQ(scope_of(b, "f", "inner"), SymbolScope::Local);
    EXPECT_EQ(scope_of(b, "inner", "x"), SymbolScope::Free);
    EXPECT_EQ(scope_of(b, "inner", "g"), SymbolScope::GlobalImplicit);
    EXPECT_EQ(scope_of(b, "inner", "len"), SymbolScope::GlobalImplicit);
    const Scope* f = find_scope(b.table.module_scope(), "f");
    ASSERT_EQ(f->params.size(), 1u);
    EXPECT_EQ(f->params[0], "a");
    EXPECT_TRUE(f->child_has_free);
}

TEST(Symtable, GlobalAndNonlocalDeclarations) {
    Built b;
    build(b, "def f():\n"
             "    global counter\n"
             "    counter = 1\n"
             "    y = 2\n"
             "    def g():\n"
             "        nonlocal y\n"
             "        y = 3\n");
    ASSERT_TRUE(b.ok) << b.table.error().message;
    EXPECT_EQ(scope_of(b, "f", "counter"), SymbolScope::GlobalExplicit);
    EXPECT_EQ(scope_of(b, "f", "y"), SymbolScope::Cell);
    EXPECT_EQ(scope_of(b, "g", "y"), SymbolScope::Free);
}

TEST(Symtable, ClassScopeIsSkippedByMethods) {
    Built b;
    build(b, "def outer():\n"
             "    v = 1\n"
             "    class C:\n"
             "        v = 2\n"
             "        def m(self):\n"
             "            return v\n");
    ASSERT_TRUE(b.ok) << b.table.error().message;
    // m's `v` is outer's, not the class attribute; the class has it both local and free.
    EXPECT_EQ(scope_of(b, "m", "v"), SymbolScope::Free);
    EXPECT_EQ(scope_of(b, "outer", "v"), SymbolScope::Cell);
    const Scope* c = find_scope(b.table.module_scope(), "C");
    EXPECT_EQ(c->scope_of("v"), SymbolScope::Local);
    EXPECT_TRUE(c->flags_of("v") & symbol_def_free_class);
}

TEST(Symtable, SuperCreatesClassCell) {
    Built b;
    build(b, "class C:\n"
             "    def m(self):\n"
             "        return super().m()\n"
             "class D:\n"
             "    def m(self):\n"
             "        return 1\n");
    ASSERT_TRUE(b.ok) << b.table.error().message;
    EXPECT_TRUE(find_scope(b.table.module_scope(), "C")->needs_class_closure);
    EXPECT_FALSE(find_scope(b.table.module_scope(), "D")->needs_class_closure);
    EXPECT_EQ(find_scope(b.table.module_scope(), "C")->children[0]->scope_of("__class__"),
              SymbolScope::Free);
}

TEST(Symtable, ComprehensionsAreFunctionScopes) {
    Built b;
    build(b, "def f(xs):\n"
             "    return [y for x in xs for y in x if (last := y)]\n");
    ASSERT_TRUE(b.ok) << b.table.error().message;
    const Scope* comp = find_scope(b.table.module_scope(), "listcomp");
    ASSERT_NE(comp, nullptr);
    EXPECT_EQ(comp->kind, ScopeKind::Function);
    EXPECT_EQ(comp->comprehension, ComprehensionKind::List);
    ASSERT_EQ(comp->params.size(), 1u);
    EXPECT_EQ(comp->params[0], ".0");
    // The first iterable is evaluated in f, so `xs` is not free in the comprehension.
    EXPECT_EQ(comp->scope_of("xs"), SymbolScope::Unknown);
    EXPECT_EQ(comp->scope_of("x"), SymbolScope::Local);
    // The walrus target binds in f and is free in the comprehension.
    EXPECT_EQ(comp->scope_of("last"), SymbolScope::Free);
    EXPECT_EQ(scope_of(b, "f", "last"), SymbolScope::Cell);
}

TEST(Symtable, WalrusAtModuleLevelComprehensionIsGlobal) {
    Built b;
    build(b, "[z := i for i in range(3)]\n");
    ASSERT_TRUE(b.ok) << b.table.error().message;
    EXPECT_EQ(scope_of(b, "listcomp", "z"), SymbolScope::GlobalExplicit);
}

TEST(Symtable, GeneratorAndCoroutineFlags) {
    Built b;
    build(b, "def gen():\n    yield 1\n"
             "async def co():\n    await x\n"
             "async def agen():\n    yield 1\n"
             "g = (i for i in range(3))\n");
    ASSERT_TRUE(b.ok) << b.table.error().message;
    const Scope* top = b.table.module_scope();
    EXPECT_TRUE(find_scope(top, "gen")->is_generator);
    EXPECT_FALSE(find_scope(top, "gen")->is_coroutine);
    EXPECT_TRUE(find_scope(top, "co")->is_coroutine);
    EXPECT_FALSE(find_scope(top, "co")->is_generator);
    EXPECT_TRUE(find_scope(top, "agen")->is_coroutine);
    EXPECT_TRUE(find_scope(top, "agen")->is_generator);
    EXPECT_TRUE(find_scope(top, "genexpr")->is_generator);
}

TEST(Symtable, PrivateNamesAreMangled) {
    Built b;
    build(b, "class _Spam:\n"
             "    __x = 1\n"
             "    __y__ = 2\n"
             "    def m(self):\n"
             "        __z = 3\n");
    ASSERT_TRUE(b.ok) << b.table.error().message;
    const Scope* c = find_scope(b.table.module_scope(), "_Spam");
    EXPECT_NE(c->find("_Spam__x"), nullptr);
    EXPECT_EQ(c->find("__x"), nullptr);
    EXPECT_NE(c->find("__y__"), nullptr);
    EXPECT_NE(find_scope(b.table.module_scope(), "m")->find("_Spam__z"), nullptr);
}

// ====== Errors: message, line and 1-based offset as python3.11's compile() reports them.

struct ErrorCase {
    const char* source;
    const char* message;
    int line;
    int offset;
};

class SymtableErrors : public testing::TestWithParam<ErrorCase> {};

TEST_P(SymtableErrors, MatchesCPython) {
    const ErrorCase& c = GetParam();
    Built b;
    build(b, c.source);
    ASSERT_TRUE(b.parse_error.empty()) << b.parse_error;
    ASSERT_FALSE(b.ok) << c.source;
    EXPECT_EQ(b.table.error().message, c.message);
    EXPECT_EQ(b.table.error().kind, CompileErrorKind::SyntaxError);
    EXPECT_EQ(b.table.error().lineno, c.line);
    EXPECT_EQ(b.table.error().offset, c.offset);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SymtableErrors,
    testing::Values(
        ErrorCase{"nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1},
        ErrorCase{"def f():\n nonlocal y\n", "no binding for nonlocal 'y' found", 2, 2},
        ErrorCase{"def f(x):\n global x\n", "name 'x' is parameter and global", 2, 2},
        ErrorCase{"def f(x):\n nonlocal x\n", "name 'x' is parameter and nonlocal", 2, 2},
        ErrorCase{"def f():\n print(x)\n global x\n",
                  "name 'x' is used prior to global declaration", 3, 2},
        ErrorCase{"def f():\n x=1\n global x\n",
                  "name 'x' is assigned to before global declaration", 3, 2},
        ErrorCase{"def f():\n x=1\n def g():\n  global x\n  nonlocal x\n",
                  "name 'x' is nonlocal and global", 4, 3},
        ErrorCase{"def f(x, x): pass\n", "duplicate argument 'x' in function definition", 1, 10},
        ErrorCase{"def f():\n from m import *\n", "import * only allowed at module level", 2, 16},
        ErrorCase{"[i := 0 for i in range(3)]\n",
                  "assignment expression cannot rebind comprehension iteration variable 'i'", 1, 2},
        ErrorCase{"class A:\n [y := 1 for i in range(3)]\n",
                  "assignment expression within a comprehension cannot be used in a class body", 2,
                  3},
        ErrorCase{"[x for x in (y := z)]\n",
                  "assignment expression cannot be used in a comprehension iterable expression", 1,
                  14},
        ErrorCase{"[(yield) for i in x]\n", "'yield' inside list comprehension", 1, 3},
        ErrorCase{"{(yield) for i in x}\n", "'yield' inside set comprehension", 1, 3},
        ErrorCase{"((yield) for i in x)\n", "'yield' inside generator expression", 1, 3},
        ErrorCase{"x: int = 1\nglobal x\n", "annotated name 'x' can't be global", 2, 1}));

TEST(Symtable, DeepNestingIsARecursionErrorNotACrash) {
    // Parenthesised nesting within the parser's own limits but deep for the symbol table is built
    // by hand-rolled lambdas: each lambda body nests one scope and one expression.
    std::string source = "x = ";
    for (int i = 0; i < 150; i++)
        source += "lambda: ";
    source += "1\n";
    Built b;
    build(b, source);
    if (!b.parse_error.empty())
        GTEST_SKIP() << "parser refused: " << b.parse_error;
    EXPECT_TRUE(b.ok) << b.table.error().message; // 150 levels are fine
}

} // namespace
