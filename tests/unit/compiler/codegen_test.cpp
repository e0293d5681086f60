// Tests for the bytecode compiler (compiler/codegen*.cpp, constant_fold.cpp, compile.cpp) and the
// disassembler: listings of small functions, stack depths, exception tables, constant folding,
// flags, and CPython's compile-time SyntaxErrors.
#include <gtest/gtest.h>

#include <string>

#include "compiler/compile.h"
#include "compiler/disassembler.h"
#include "vm/opcodes.h"

namespace {

using namespace minipy::compiler;
using minipy::vm::Opcode;

CompileResult compile_text(std::string_view source, int optimize = 0) {
    ParseOptions options;
    options.filename = "t.py";
    options.source_is_text = true;
    CompileOptions compile_options;
    compile_options.optimize = optimize;
    return compile_source(source, options, compile_options);
}

// The first nested code unit (e.g. the function a module defines).
const CodeUnit& first_child(const CodeUnit& code) {
    for (const ConstantValue& value : code.constants)
        if (value.kind == ConstantKind::Code)
            return *value.code;
    ADD_FAILURE() << "no nested code unit";
    return code;
}

std::vector<Opcode> opcodes(const CodeUnit& code) {
    std::vector<Opcode> result;
    for (size_t i = 0; i < code.instructions.size(); i++) {
        Opcode op = minipy::vm::instruction_opcode(code.instructions[i]);
        result.push_back(op);
        i += static_cast<size_t>(minipy::vm::cache_words(op));
    }
    return result;
}

bool contains(const CodeUnit& code, Opcode op) {
    auto ops = opcodes(code);
    return std::find(ops.begin(), ops.end(), op) != ops.end();
}

std::string error_of(std::string_view source) {
    CompileResult result = compile_text(source);
    return result.code ? std::string("<compiled>") : result.error.message;
}

TEST(Opcodes, TableIsConsistent) {
    EXPECT_EQ(minipy::vm::opcode_name(Opcode::LOAD_FAST), "LOAD_FAST");
    EXPECT_FALSE(minipy::vm::is_pseudo(Opcode::RETURN_VALUE));
    EXPECT_TRUE(minipy::vm::is_pseudo(Opcode::SETUP_FINALLY));
    EXPECT_EQ(minipy::vm::stack_effect(Opcode::BUILD_LIST, 3, false), -2);
    EXPECT_EQ(minipy::vm::stack_effect(Opcode::FOR_ITER, 0, true), -1);
    EXPECT_EQ(minipy::vm::stack_effect(Opcode::FOR_ITER, 0, false), 1);
    EXPECT_EQ(minipy::vm::stack_effect(Opcode::MAKE_FUNCTION, 0x9, false), -2);
    EXPECT_EQ(minipy::vm::stack_effect(Opcode::UNPACK_EX, 1 | (2 << 8), false), 3);
    uint32_t word = minipy::vm::make_instruction(Opcode::LOAD_CONST, 0xABCDEF);
    EXPECT_EQ(minipy::vm::instruction_opcode(word), Opcode::LOAD_CONST);
    EXPECT_EQ(minipy::vm::instruction_operand(word), 0xABCDEFu);
}

TEST(Codegen, DisassemblyOfASmallFunction) {
    CompileResult result = compile_text("def add(a, b=1):\n"
                                        "    c = a + b\n"
                                        "    return c\n");
    ASSERT_TRUE(result.code) << result.error.message;
    const CodeUnit& add = first_child(*result.code);
    EXPECT_EQ(disassemble(add), "   2          0 LOAD_FAST                      0 (a)\n"
                                "              1 LOAD_FAST                      1 (b)\n"
                                "              2 BINARY_OP                      0 (+)\n"
                                "              4 STORE_FAST                     2 (c)\n"
                                "\n"
                                "   3          5 LOAD_FAST                      2 (c)\n"
                                "              6 RETURN_VALUE\n");
    EXPECT_EQ(add.argcount, 2);
    EXPECT_EQ(add.max_stack_depth, 2);
    EXPECT_EQ(add.localsplus_names, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(add.flags & (code_optimized | code_newlocals), code_optimized | code_newlocals);
    EXPECT_EQ(add.qualname, "add");
    // Module: defaults tuple folded to a constant, MAKE_FUNCTION with the defaults flag.
    std::string module = disassemble(*result.code);
    EXPECT_NE(module.find("LOAD_CONST                     3 ((1,))"), std::string::npos) << module;
    EXPECT_NE(module.find("MAKE_FUNCTION                  1 (defaults)"), std::string::npos);
    // CPython 3.11's layout: (1, <code add>, None, (1,)): the folded tuple comes last.
    ASSERT_EQ(result.code->constants.size(), 4u);
    EXPECT_EQ(result.code->constants[0].int_value, 1);
    EXPECT_EQ(result.code->constants[1].kind, ConstantKind::Code);
    EXPECT_EQ(result.code->constants[2].kind, ConstantKind::None);
    EXPECT_EQ(constant_repr(result.code->constants[3]), "(1,)");
}

TEST(Codegen, JumpTargetsAndLoops) {
    CompileResult result = compile_text("def f(xs):\n"
                                        "    for x in xs:\n"
                                        "        if x:\n"
                                        "            break\n"
                                        "    return x\n");
    ASSERT_TRUE(result.code) << result.error.message;
    std::string text = disassemble(first_child(*result.code));
    EXPECT_EQ(text, "   2          0 LOAD_FAST                      0 (xs)\n"
                    "              1 GET_ITER\n"
                    "      >>      2 FOR_ITER                      10 (to 10)\n"
                    "              4 STORE_FAST                     1 (x)\n"
                    "\n"
                    "   3          5 LOAD_FAST                      1 (x)\n"
                    "              6 POP_JUMP_IF_FALSE              9 (to 9)\n"
                    "\n"
                    "   4          7 POP_TOP\n"
                    "              8 JUMP_FORWARD                  10 (to 10)\n"
                    "      >>      9 JUMP_BACKWARD                  2 (to 2)\n"
                    "\n"
                    "   5  >>     10 LOAD_FAST                      1 (x)\n"
                    "             11 RETURN_VALUE\n")
        << text;
}

TEST(Codegen, TryExceptBuildsAnExceptionTable) {
    CompileResult result = compile_text("def f():\n"
                                        "    try:\n"
                                        "        g()\n"
                                        "    except E as e:\n"
                                        "        return e\n");
    ASSERT_TRUE(result.code) << result.error.message;
    const CodeUnit& f = first_child(*result.code);
    // try body; handler up to the name binding; handler body (as e); return unwinding; cleanup.
    ASSERT_EQ(f.exception_table.size(), 5u) << disassemble(f);
    // The protected call: no lasti, handler entered with an empty stack.
    const ExceptionTableEntry& body = f.exception_table[0];
    EXPECT_EQ(body.start, 0u);
    EXPECT_EQ(body.depth, 0u);
    EXPECT_FALSE(body.push_lasti);
    EXPECT_EQ(minipy::vm::instruction_opcode(f.instructions[body.target]), Opcode::PUSH_EXC_INFO);
    // Inside the handler the previous exception stays below: depth 1 and lasti.
    for (size_t i = 1; i < f.exception_table.size(); i++) {
        EXPECT_EQ(f.exception_table[i].depth, 1u);
        EXPECT_TRUE(f.exception_table[i].push_lasti);
    }
    for (const ExceptionTableEntry& entry : f.exception_table) {
        EXPECT_LT(entry.start, entry.end);
        EXPECT_LE(entry.end, f.instructions.size());
        EXPECT_LT(entry.target, f.instructions.size());
    }
    EXPECT_TRUE(contains(f, Opcode::CHECK_EXC_MATCH));
    EXPECT_TRUE(contains(f, Opcode::POP_EXCEPT));
    EXPECT_TRUE(contains(f, Opcode::DELETE_FAST)); // `e` is unbound after the handler
    EXPECT_FALSE(contains(f, Opcode::SETUP_FINALLY));
    EXPECT_GE(f.max_stack_depth, 3);
}

TEST(Codegen, WithStatementHandlerDepth) {
    CompileResult result = compile_text("def f(m):\n    with m as x:\n        return x\n");
    ASSERT_TRUE(result.code) << result.error.message;
    const CodeUnit& f = first_child(*result.code);
    ASSERT_FALSE(f.exception_table.empty());
    // The body's handler keeps __exit__ on the stack and pushes lasti.
    EXPECT_EQ(f.exception_table[0].depth, 1u);
    EXPECT_TRUE(f.exception_table[0].push_lasti);
    EXPECT_EQ(minipy::vm::instruction_opcode(f.instructions[f.exception_table[0].target]),
              Opcode::PUSH_EXC_INFO);
    EXPECT_TRUE(contains(f, Opcode::BEFORE_WITH));
    EXPECT_TRUE(contains(f, Opcode::WITH_EXCEPT_START));
}

TEST(Codegen, FinallyBodyIsDuplicatedButNestedCodeIsShared) {
    CompileResult result = compile_text("def f():\n"
                                        "    try:\n"
                                        "        pass\n"
                                        "    finally:\n"
                                        "        x = [t for t in s]\n");
    ASSERT_TRUE(result.code) << result.error.message;
    const CodeUnit& f = first_child(*result.code);
    int code_constants = 0;
    for (const ConstantValue& value : f.constants)
        code_constants += value.kind == ConstantKind::Code;
    EXPECT_EQ(code_constants, 1);
    auto ops = opcodes(f);
    EXPECT_EQ(std::count(ops.begin(), ops.end(), Opcode::MAKE_FUNCTION), 2);
}

TEST(Codegen, ConstantFolding) {
    CompileResult result = compile_text("a = -1\nb = 2 ** 10\nc = 'ab' * 3\nd = (1, (2, 3))\n"
                                        "e = 2 ** 200\nf = 1 / 0\ng = x in [1, 2]\n"
                                        "h = x in {3, 4}\ni = not 0\nj = 7 // -2\nk = ~5\n"
                                        "m = 2 ** -1\n");
    ASSERT_TRUE(result.code) << result.error.message;
    std::string text = disassemble(*result.code);
    for (const char* expected : {"(-1)", "(1024)", "('ababab')", "((1, (2, 3)))", "((1, 2))",
                                 "(frozenset({3, 4}))", "(True)", "(-4)", "(-6)", "(0.5)"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    // Too big (more than 128 bits) and raising operations stay run-time operations.
    auto ops = opcodes(*result.code);
    EXPECT_EQ(std::count(ops.begin(), ops.end(), Opcode::BINARY_OP), 2) << text;
}

TEST(Codegen, PercentFormatBecomesFString) {
    // CPython 3.11's ast_opt.c turns simple %-formats into f-strings.
    CompileResult result = compile_text("s = '<%s>%-4r|%5.2a%%' % (a, b, c)\nt = '%d' % (x,)\n");
    ASSERT_TRUE(result.code);
    std::string text = disassemble(*result.code);
    EXPECT_NE(text.find("('<')"), std::string::npos) << text;
    EXPECT_NE(text.find("FORMAT_VALUE                   1 (str)"), std::string::npos) << text;
    EXPECT_NE(text.find("('4')"), std::string::npos) << text;    // %-4r: left-aligned width 4
    EXPECT_NE(text.find("('>5.2')"), std::string::npos) << text; // %5.2a
    EXPECT_NE(text.find("('%')"), std::string::npos) << text;    // %% is a literal percent
    EXPECT_NE(text.find("BUILD_STRING                   7"), std::string::npos) << text;
    // %d is not a string conversion: it stays a run-time % operation.
    EXPECT_NE(text.find("BINARY_OP                      6 (%)"), std::string::npos) << text;
}

TEST(Codegen, ConstantConditionsFoldJumps) {
    CompileResult result = compile_text("def f():\n    while True:\n        g()\n"
                                        "def h():\n    if __debug__:\n        g()\n");
    ASSERT_TRUE(result.code);
    for (const ConstantValue& value : result.code->constants) {
        if (value.kind != ConstantKind::Code)
            continue;
        EXPECT_FALSE(contains(*value.code, Opcode::POP_JUMP_IF_FALSE)) << disassemble(*value.code);
        EXPECT_FALSE(contains(*value.code, Opcode::POP_JUMP_IF_TRUE));
    }
}

TEST(Codegen, KeywordOnlyDefaultsUseAConstantKeyMap) {
    CompileResult result = compile_text("def f(*, a=1, b, c=x): pass\n");
    ASSERT_TRUE(result.code);
    std::string text = disassemble(*result.code);
    EXPECT_NE(text.find("(('a', 'c'))"), std::string::npos) << text;
    EXPECT_NE(text.find("BUILD_CONST_KEY_MAP            2"), std::string::npos) << text;
    EXPECT_NE(text.find("MAKE_FUNCTION                  2 (kwdefaults)"), std::string::npos);
}

TEST(Codegen, DebugAndAssertUnderOptimize) {
    CompileResult normal = compile_text("assert x, 'm'\nif __debug__: y = 1\n");
    ASSERT_TRUE(normal.code);
    EXPECT_TRUE(contains(*normal.code, Opcode::LOAD_ASSERTION_ERROR));
    CompileResult optimized = compile_text("assert x, 'm'\nz = __debug__\n", 1);
    ASSERT_TRUE(optimized.code);
    EXPECT_FALSE(contains(*optimized.code, Opcode::LOAD_ASSERTION_ERROR));
    EXPECT_NE(disassemble(*optimized.code).find("(False)"), std::string::npos);
}

TEST(Codegen, DocstringsAreFirstConstants) {
    CompileResult result = compile_text("def f():\n    'doc'\n    return 1\n"
                                        "def g():\n    return 1\n");
    ASSERT_TRUE(result.code);
    const CodeUnit& f = first_child(*result.code);
    ASSERT_FALSE(f.constants.empty());
    EXPECT_EQ(f.constants[0].kind, ConstantKind::Str);
    EXPECT_EQ(f.constants[0].text, "doc");
    CompileResult stripped = compile_text("def f():\n    'doc'\n    return 1\n", 2);
    ASSERT_TRUE(stripped.code);
    EXPECT_EQ(first_child(*stripped.code).constants[0].kind, ConstantKind::None);
}

TEST(Codegen, CodeFlags) {
    CompileResult result = compile_text("def gen():\n    yield 1\n"
                                        "async def co():\n    await x\n"
                                        "async def agen():\n    yield 1\n"
                                        "def var(*a, **k): pass\n");
    ASSERT_TRUE(result.code);
    std::vector<const CodeUnit*> units;
    for (const ConstantValue& value : result.code->constants)
        if (value.kind == ConstantKind::Code)
            units.push_back(value.code.get());
    ASSERT_EQ(units.size(), 4u);
    EXPECT_TRUE(units[0]->flags & code_generator);
    EXPECT_TRUE(units[1]->flags & code_coroutine);
    EXPECT_TRUE(units[2]->flags & code_async_generator);
    EXPECT_EQ(units[3]->flags & (code_varargs | code_varkeywords), code_varargs | code_varkeywords);
    EXPECT_TRUE(contains(*units[2], Opcode::ASYNC_GEN_WRAP));
}

TEST(Codegen, ClosuresUseCellsAndFreeVariables) {
    CompileResult result = compile_text("def f(a):\n"
                                        "    def g():\n"
                                        "        return a\n"
                                        "    return g\n");
    ASSERT_TRUE(result.code);
    const CodeUnit& f = first_child(*result.code);
    EXPECT_EQ(f.cell_count, 1);
    EXPECT_EQ(f.localsplus_kinds[0], local_kind_local | local_kind_cell); // argument cell
    EXPECT_EQ(minipy::vm::instruction_opcode(f.instructions[0]), Opcode::MAKE_CELL);
    EXPECT_TRUE(contains(f, Opcode::LOAD_CLOSURE));
    const CodeUnit& g = first_child(f);
    EXPECT_EQ(g.free_count, 1);
    EXPECT_EQ(g.qualname, "f.<locals>.g");
    EXPECT_EQ(minipy::vm::instruction_opcode(g.instructions[0]), Opcode::COPY_FREE_VARS);
    EXPECT_TRUE(contains(g, Opcode::LOAD_DEREF));
}

TEST(Codegen, MethodCallsAndKeywords) {
    CompileResult result = compile_text("o.m(1, k=2)\nf(*a, **k)\n");
    ASSERT_TRUE(result.code);
    EXPECT_TRUE(contains(*result.code, Opcode::LOAD_METHOD));
    EXPECT_TRUE(contains(*result.code, Opcode::KW_NAMES));
    EXPECT_TRUE(contains(*result.code, Opcode::CALL_FUNCTION_EX));
}

TEST(Codegen, ClassBodyWithSuper) {
    CompileResult result =
        compile_text("class C(B):\n    def m(self):\n        return super().m()\n");
    ASSERT_TRUE(result.code);
    EXPECT_TRUE(contains(*result.code, Opcode::LOAD_BUILD_CLASS));
    const CodeUnit& body = first_child(*result.code);
    EXPECT_EQ(body.localsplus_names.at(0), "__class__");
    EXPECT_NE(disassemble(body).find("STORE_NAME                     4 (__classcell__)"),
              std::string::npos)
        << disassemble(body);
}

TEST(Codegen, StackDepthOfNestedCalls) {
    CompileResult result = compile_text("f(g(h(1, 2), 3), 4)\n");
    ASSERT_TRUE(result.code);
    // [NULL f] [NULL g] [NULL h] 1 2 -> 8 slots at the deepest point.
    EXPECT_EQ(result.code->max_stack_depth, 8);
}

struct CompileErrorCase {
    const char* source;
    const char* message;
};

class CodegenErrors : public testing::TestWithParam<CompileErrorCase> {};

TEST_P(CodegenErrors, MatchesCPython) {
    EXPECT_EQ(error_of(GetParam().source), GetParam().message) << GetParam().source;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CodegenErrors,
    testing::Values(
        CompileErrorCase{"return 1\n", "'return' outside function"},
        CompileErrorCase{"yield 1\n", "'yield' outside function"},
        CompileErrorCase{"await x\n", "'await' outside function"},
        CompileErrorCase{"def f(): await x\n", "'await' outside async function"},
        CompileErrorCase{"break\n", "'break' outside loop"},
        CompileErrorCase{"def f():\n  continue\n", "'continue' not properly in loop"},
        CompileErrorCase{"async def f():\n  yield 1\n  return 2\n",
                         "'return' with value in async generator"},
        CompileErrorCase{"async def f(): yield from x\n", "'yield from' inside async function"},
        CompileErrorCase{"def f(): [x async for x in y]\n",
                         "asynchronous comprehension outside of an asynchronous function"},
        CompileErrorCase{"a, *b, *c = d\n", "multiple starred expressions in assignment"},
        CompileErrorCase{"*a = b\n", "starred assignment target must be in a list or tuple"},
        CompileErrorCase{"try:\n pass\nexcept:\n pass\nexcept ValueError:\n pass\n",
                         "default 'except:' must be last"},
        CompileErrorCase{"async with x: pass\n", "'async with' outside async function"},
        CompileErrorCase{"def f():\n async for x in y: pass\n",
                         "'async for' outside async function"},
        CompileErrorCase{"f(a=1, a=2)\n", "keyword argument repeated: a"},
        CompileErrorCase{"from __future__ import braces\n", "not a chance"},
        CompileErrorCase{"from __future__ import nope\n", "future feature nope is not defined"},
        CompileErrorCase{"x = 1\nfrom __future__ import annotations\n",
                         "from __future__ imports must occur at the beginning of the file"},
        CompileErrorCase{"try:\n pass\nexcept* E:\n break\n",
                         "'break', 'continue' and 'return' cannot appear in an except* block"}));

TEST(Codegen, TooManyStaticallyNestedBlocks) {
    std::string source;
    for (int i = 0; i < 21; i++)
        source += std::string(static_cast<size_t>(i), ' ') + "while x:\n";
    source += std::string(21, ' ') + "pass\n";
    EXPECT_EQ(error_of(source), "too many statically nested blocks");
}

TEST(Codegen, DeepExpressionsFailCleanly) {
    std::string source = "x = 1";
    for (int i = 0; i < 100000; i++)
        source += "+1";
    source += "\n";
    CompileResult result = compile_text(source);
    ASSERT_FALSE(result.code);
    EXPECT_EQ(result.error.kind, CompileErrorKind::RecursionError);
    EXPECT_EQ(result.error.message, "maximum recursion depth exceeded during compilation");
}

TEST(Codegen, DeepHandBuiltAstFailsCleanly) {
    // Deeper than any source the parser accepts: the compiler's own guard must answer.
    Arena arena;
    auto* leaf = arena.make<ast::Constant>();
    leaf->value_kind = ast::ConstantKind::Int;
    leaf->int_value = 1;
    ast::Expr* expr = leaf;
    for (int i = 0; i < 20000; i++) {
        auto* negate = arena.make<ast::UnaryOp>();
        negate->op = i % 2 ? ast::UnaryOperator::USub : ast::UnaryOperator::Not;
        negate->operand = expr;
        negate->pos = ast::Position{1, 0, 1, 1};
        expr = negate;
    }
    auto* stmt = arena.make<ast::ExprStmt>();
    stmt->value = expr;
    std::vector<ast::Stmt*> body{stmt};
    auto* module = arena.make<ast::Module>();
    module->body = arena.copy(body);
    CompileResult result = compile_module(*module, "deep.py");
    ASSERT_FALSE(result.code);
    EXPECT_EQ(result.error.kind, CompileErrorKind::RecursionError);
    // 1000 levels compile (and fold to one constant).
    expr = leaf;
    for (int i = 0; i < 1000; i++) {
        auto* negate = arena.make<ast::UnaryOp>();
        negate->op = ast::UnaryOperator::USub;
        negate->operand = expr;
        expr = negate;
    }
    stmt->value = expr;
    EXPECT_TRUE(compile_module(*module, "deep.py").code);
}

TEST(Codegen, AnnotationsAtModuleLevel) {
    CompileResult result = compile_text("x: int = 1\ny: str\n");
    ASSERT_TRUE(result.code);
    EXPECT_EQ(minipy::vm::instruction_opcode(result.code->instructions[0]),
              Opcode::SETUP_ANNOTATIONS);
    CompileResult future =
        compile_text("from __future__ import annotations\ndef f(a: List[int]): pass\n");
    ASSERT_TRUE(future.code);
    EXPECT_NE(disassemble(*future.code).find("'List[int]'"), std::string::npos)
        << disassemble(*future.code);
}

TEST(Codegen, CompilesWithoutSourceFromAst) {
    Arena arena;
    ParseOptions options;
    options.source_is_text = true;
    ParseResult parsed = parse(arena, "print('hi')\n", options);
    ASSERT_TRUE(parsed.module);
    CompileResult result = compile_module(*parsed.module, "<ast>");
    ASSERT_TRUE(result.code);
    EXPECT_EQ(result.code->filename, "<ast>");
    EXPECT_EQ(result.code->names.at(0), "print");
}

// ast_opt.c folds only the last comparator of a chain: an earlier one is also a left operand, so
// `1 in [1, 2] in [[1, 2]]` must test the list `[1, 2]`, not a tuple.
TEST(Codegen, ChainedMembershipFoldsOnlyTheLastComparator) {
    CompileResult result = compile_text("r = 1 in [1, 2] in [[1, 2]]\n");
    ASSERT_TRUE(result.code) << result.error.message;
    std::string text = disassemble(*result.code);
    auto ops = opcodes(*result.code);
    // As CPython: the middle list stays BUILD_LIST; the last, [[1, 2]], becomes a tuple of a list.
    EXPECT_EQ(std::count(ops.begin(), ops.end(), Opcode::BUILD_LIST), 2) << text;
    EXPECT_EQ(std::count(ops.begin(), ops.end(), Opcode::BUILD_TUPLE), 1) << text;
    EXPECT_EQ(text.find("((1, 2))"), std::string::npos) << text;

    CompileResult sets = compile_text("r = 1 in {1, 2} in [{1, 2}]\n");
    ASSERT_TRUE(sets.code);
    EXPECT_TRUE(contains(*sets.code, Opcode::BUILD_SET)) << disassemble(*sets.code);

    CompileResult constant = compile_text("r = 1 in (1, 2) in ((1, 2),)\n");
    ASSERT_TRUE(constant.code);
    std::string listing = disassemble(*constant.code);
    EXPECT_NE(listing.find("((1, 2))"), std::string::npos) << listing;
    EXPECT_NE(listing.find("(((1, 2),))"), std::string::npos) << listing;

    // A last comparator that is a list of non-constants becomes a tuple, as in CPython.
    CompileResult names = compile_text("r = x in [a, b]\n");
    ASSERT_TRUE(names.code);
    EXPECT_TRUE(contains(*names.code, Opcode::BUILD_TUPLE)) << disassemble(*names.code);
    EXPECT_FALSE(contains(*names.code, Opcode::BUILD_LIST)) << disassemble(*names.code);
}

// Constants merge as CPython's do: equal values share one slot, but 1, 1.0 and True, 0.0 and -0.0,
// and a str and bytes of the same text stay apart.
TEST(Codegen, ConstantMergingKeepsTypesApart) {
    CompileResult result = compile_text("a = (1, 1.0, True, 0.0, -0.0, 'x', b'x', 'x', 1, (1, 2),"
                                        " (1, 2), 10**30, 10**30)\n"
                                        "f(1, 1.0, True, 0.0, -0.0, 'x', b'x', 'x', 1)\n");
    ASSERT_TRUE(result.code) << result.error.message;
    const auto& constants = result.code->constants;
    auto count = [&](ConstantKind kind) {
        return std::count_if(constants.begin(), constants.end(),
                             [&](const ConstantValue& value) { return value.kind == kind; });
    };
    EXPECT_EQ(count(ConstantKind::Int), 1) << disassemble(*result.code);
    EXPECT_EQ(count(ConstantKind::Bool), 1);
    EXPECT_EQ(count(ConstantKind::Float), 3); // 1.0, 0.0, -0.0
    EXPECT_EQ(count(ConstantKind::Str), 1);
    EXPECT_EQ(count(ConstantKind::Bytes), 1);
}

// Two equal lambdas on one line (same position, same code) merge, as CPython's code objects do;
// lambdas that differ anywhere do not.
TEST(Codegen, EqualNestedCodeMergesByContent) {
    CompileResult result = compile_text("def f():\n"
                                        "    try:\n"
                                        "        pass\n"
                                        "    finally:\n"
                                        "        g = lambda: 1\n"
                                        "h = (lambda: 1, lambda: 2)\n");
    ASSERT_TRUE(result.code) << result.error.message;
    int module_code = 0;
    for (const ConstantValue& value : result.code->constants)
        module_code += value.kind == ConstantKind::Code;
    EXPECT_EQ(module_code, 3); // f and the two different lambdas
    const CodeUnit& f = first_child(*result.code);
    int f_code = 0;
    for (const ConstantValue& value : f.constants)
        f_code += value.kind == ConstantKind::Code;
    EXPECT_EQ(f_code, 1); // the finally body's two copies share one lambda
}

// Annotation text under `from __future__ import annotations` comes from the right source lines,
// also late in a file and on the last line without a newline.
TEST(Codegen, FutureAnnotationTextLateInAFile) {
    std::string source = "from __future__ import annotations\n";
    for (int i = 0; i < 50; i++)
        source += "x" + std::to_string(i) + ": int = " + std::to_string(i) + "\n";
    source += "def f(a: Dict[str, int]) -> None: pass\ny: List[x50]";
    CompileResult result = compile_text(source);
    ASSERT_TRUE(result.code) << result.error.message;
    std::string text = disassemble(*result.code);
    for (const char* expected : {"'Dict[str, int]'", "'None'", "'int'", "'List[x50]'"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
}

} // namespace
