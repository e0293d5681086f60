// Tests for the compilation of `try ... except* ...` (PEP 654): CPython 3.11's CHECK_EG_MATCH /
// PREP_RERAISE_STAR sequence, its exception table, the disassembler's names, and the SyntaxErrors.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "compiler/compile.h"
#include "compiler/disassembler.h"
#include "vm/opcodes.h"

namespace {

using namespace minipy::compiler;
using minipy::vm::Opcode;

CompileResult compile_text(std::string_view source) {
    ParseOptions options;
    options.filename = "t.py";
    options.source_is_text = true;
    return compile_source(source, options, CompileOptions{});
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

size_t count(const std::vector<Opcode>& ops, Opcode op) {
    return static_cast<size_t>(std::count(ops.begin(), ops.end(), op));
}

std::string error_of(std::string_view source) {
    CompileResult result = compile_text(source);
    return result.code ? std::string("<compiled>") : result.error.message;
}

TEST(ExceptStar, OpcodesAndStackEffects) {
    EXPECT_EQ(minipy::vm::opcode_name(Opcode::CHECK_EG_MATCH), "CHECK_EG_MATCH");
    EXPECT_EQ(minipy::vm::opcode_name(Opcode::PREP_RERAISE_STAR), "PREP_RERAISE_STAR");
    // [exc, type] -> [rest, match]; [orig, list] -> [exception or None].
    EXPECT_EQ(minipy::vm::stack_effect(Opcode::CHECK_EG_MATCH, 0, false), 0);
    EXPECT_EQ(minipy::vm::stack_effect(Opcode::PREP_RERAISE_STAR, 0, false), -1);
    EXPECT_FALSE(minipy::vm::is_pseudo(Opcode::CHECK_EG_MATCH));
    EXPECT_FALSE(minipy::vm::is_pseudo(Opcode::PREP_RERAISE_STAR));
}

TEST(ExceptStar, OneMatchPerClauseAndOneMerge) {
    CompileResult result = compile_text("try:\n"
                                        "    f()\n"
                                        "except* ValueError as e:\n"
                                        "    g(e)\n"
                                        "except* (TypeError, KeyError):\n"
                                        "    h()\n"
                                        "else:\n"
                                        "    i()\n");
    ASSERT_TRUE(result.code) << result.error.message;
    const CodeUnit& code = *result.code;
    std::vector<Opcode> ops = opcodes(code);
    EXPECT_EQ(count(ops, Opcode::CHECK_EG_MATCH), 2u);
    EXPECT_EQ(count(ops, Opcode::PREP_RERAISE_STAR), 1u);
    EXPECT_EQ(count(ops, Opcode::CHECK_EXC_MATCH), 0u);
    // The list of raised exceptions: BUILD_LIST 0 once, LIST_APPEND per clause and the rest.
    EXPECT_EQ(count(ops, Opcode::LIST_APPEND), 3u);
    std::string text = disassemble(code);
    EXPECT_NE(text.find("CHECK_EG_MATCH\n"), std::string::npos) << text;
    EXPECT_NE(text.find("PREP_RERAISE_STAR\n"), std::string::npos) << text;
    EXPECT_NE(text.find("POP_JUMP_IF_NONE"), std::string::npos) << text;
    EXPECT_NE(text.find("POP_JUMP_IF_NOT_NONE"), std::string::npos) << text;
    // Body handler at depth 0; handlers run with the previous exception (and lasti) below.
    ASSERT_GE(code.exception_table.size(), 2u) << text;
    EXPECT_EQ(code.exception_table[0].depth, 0u);
    EXPECT_FALSE(code.exception_table[0].push_lasti);
    EXPECT_EQ(minipy::vm::instruction_opcode(code.instructions[code.exception_table[0].target]),
              Opcode::PUSH_EXC_INFO);
    for (size_t i = 1; i < code.exception_table.size(); i++)
        EXPECT_TRUE(code.exception_table[i].push_lasti);
    // [prev_exc, orig, list, exc] plus the matched type and the copy.
    EXPECT_GE(code.max_stack_depth, 6);
}

TEST(ExceptStar, WithFinally) {
    CompileResult result = compile_text("try:\n"
                                        "    f()\n"
                                        "except* ValueError:\n"
                                        "    pass\n"
                                        "finally:\n"
                                        "    g()\n");
    ASSERT_TRUE(result.code) << result.error.message;
    std::vector<Opcode> ops = opcodes(*result.code);
    EXPECT_EQ(count(ops, Opcode::CHECK_EG_MATCH), 1u);
    EXPECT_EQ(count(ops, Opcode::PREP_RERAISE_STAR), 1u);
    // The finally body is emitted on the normal and the exceptional path.
    std::string text = disassemble(*result.code);
    size_t first = text.find("(g)");
    ASSERT_NE(first, std::string::npos) << text;
    EXPECT_NE(text.find("(g)", first + 1), std::string::npos) << text;
}

TEST(ExceptStar, SyntaxErrors) {
    const std::string jump = "'break', 'continue' and 'return' cannot appear in an except* block";
    EXPECT_EQ(error_of("for x in y:\n    try:\n        pass\n    except* E:\n        break\n"),
              jump);
    EXPECT_EQ(error_of("for x in y:\n    try:\n        pass\n    except* E:\n        continue\n"),
              jump);
    EXPECT_EQ(error_of("def f():\n    try:\n        pass\n    except* E:\n        return 1\n"),
              jump);
    // Also from a `with` or `try` nested in the handler, but not from a loop inside it.
    EXPECT_EQ(error_of("def f(m):\n    try:\n        pass\n    except* E:\n"
                       "        with m:\n            return\n"),
              jump);
    EXPECT_EQ(error_of("try:\n    pass\nexcept* E:\n    for x in y:\n        break\n"),
              "<compiled>");
    EXPECT_EQ(error_of("try:\n    pass\nexcept* E:\n    def g():\n        return 1\n"),
              "<compiled>");
    EXPECT_EQ(error_of("try:\n    pass\nexcept* E:\n    pass\nexcept F:\n    pass\n"),
              "cannot have both 'except' and 'except*' on the same 'try'");
    EXPECT_EQ(error_of("try:\n    pass\nexcept E:\n    pass\nexcept* F:\n    pass\n"),
              "cannot have both 'except' and 'except*' on the same 'try'");
    EXPECT_EQ(error_of("try:\n    pass\nexcept*:\n    pass\n"),
              "expected one or more exception types");
    EXPECT_EQ(error_of("try:\n    pass\nexcept *\n"), "expected one or more exception types");
    EXPECT_EQ(error_of("try:\n    pass\nexcept a*:\n    pass\n"), "invalid syntax");
    EXPECT_EQ(error_of("try:\n    pass\nx = 1\n"), "expected 'except' or 'finally' block");
    EXPECT_EQ(error_of("try:\n    pass\n"), "expected 'except' or 'finally' block");
    EXPECT_EQ(error_of("if x:\n    try:\n        pass\n    else:\n        pass\n"),
              "expected 'except' or 'finally' block");
}

} // namespace
