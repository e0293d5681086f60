// Private to the code generator (codegen*.cpp, constant_fold.cpp): the compiler state, basic blocks
// and the per-code-unit bookkeeping. Nothing outside compiler/codegen*.cpp includes this header.
// Invariants:
//  - a Unit is one code object under construction; units nest as scopes do and live on a stack;
//  - block ids index Unit::blocks; `layout` lists blocks in emission order, fallthrough follows it;
//  - instruction operands for LOAD_DEREF & co. are provisional "deref indexes" (cells then frees)
//    until assembly maps them into localsplus.
#pragma once

#include <algorithm>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/codegen.h"
#include "vm/opcodes.h"

namespace minipy::compiler::codegen_detail {

using vm::Opcode;

struct Instr {
    Opcode op = Opcode::NOP;
    uint32_t arg = 0;
    int32_t target = -1; // block id for jumps and SETUP_*
    Location loc;
    int32_t handler = -1; // filled by exception labelling
    bool handler_lasti = false;
};

struct Block {
    std::vector<Instr> instrs;
    int32_t start_depth = -1; // -1 until reached by the flow analysis
    bool labelled = false;    // visited by exception labelling
    // The handler stack on entry, as a node of the labelling pass's stack tree (-1: empty).
    int32_t except_stack = -1;
    uint32_t offset = 0;
};

enum class FBlockKind : uint8_t {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator
};

// A frame block: what `break`, `continue` and `return` must unwind.
struct FBlock {
    FBlockKind kind;
    int32_t block = -1;          // loop start (continue target)
    int32_t exit = -1;           // loop exit (break target)
    const void* datum = nullptr; // finally body (List<Stmt*>*) or handler name (std::string_view*)
    Location loc;
};

enum class UnitKind : uint8_t { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

// Finds equal constants (CPython's constant merging: 1, 1.0 and True differ; so do 0.0 and -0.0;
// code units compare by content) by hashing, without building keys.
uint64_t constant_hash(const ConstantValue& value);
bool constants_equal(const ConstantValue& a, const ConstantValue& b);
bool code_units_equal(const CodeUnit& a, const CodeUnit& b);

// A unit's constant-dedup table: open addressing over indexes into its constants.
class ConstantIndex {
public:
    // The index of a constant equal to value, appending value to constants if there is none.
    uint32_t intern(std::vector<ConstantValue>& constants, ConstantValue&& value);
    // Re-indexes after constants were renumbered (the first of equal constants wins).
    void rebuild(const std::vector<ConstantValue>& constants);

private:
    struct Slot {
        uint32_t index = 0; // constant index + 1; 0 marks an empty slot
        uint64_t hash = 0;
    };
    void grow(const std::vector<ConstantValue>& constants);

    std::vector<Slot> m_slots;
    size_t m_count = 0;
};

// Buffers the assembler reuses from one unit to the next (codegen_assemble.cpp).
struct AssemblyScratch {
    struct HandlerNode { // a node of the exception labelling's handler-stack tree
        int32_t handler;
        bool lasti;
        int32_t parent;
    };
    struct Placed { // an instruction of the final layout and its word offset
        Instr instr;
        uint32_t offset;
    };
    std::vector<size_t> position; // block id -> index in layout
    std::vector<int32_t> work;
    std::vector<HandlerNode> nodes;
    std::vector<uint32_t> ends;
    std::vector<Placed> placed;
};

struct Unit {
    UnitKind kind = UnitKind::Module;
    Scope* scope = nullptr;
    std::unique_ptr<CodeUnit> code = std::make_unique<CodeUnit>();
    std::string private_name; // class name for mangling
    std::vector<Block> blocks;
    std::vector<int32_t> layout;
    int32_t current = -1;
    Location loc;
    std::vector<FBlock> fblocks;
    ConstantIndex constant_index;
    // Keys view names that outlive the unit: the AST's arena, the compiler's string pool, literals.
    NameMap<uint32_t> name_index;
    NameMap<uint32_t> varname_index;
    std::vector<std::string> varnames;
    std::vector<std::string> cellvars;
    std::vector<std::string> freevars;
    int32_t none_index = -1; // constants index of None, once added (the most common constant)
};

// Result of a constant-folding attempt.
using Folded = std::optional<ConstantValue>;

// Constant folding in the spirit of CPython's Python/ast_opt.c, with its size limits.
Folded fold_expression(const ast::Expr* expr, int optimize, int depth = 0);
ConstantValue constant_from_ast(const ast::Constant* constant);

class Compiler {
public:
    Compiler(SymbolTable& symbols, const CodegenOptions& options)
        : m_symbols(symbols), m_options(options) {}

    CodegenResult compile_module(const ast::Module& module);

    // ====== Error reporting (codegen.cpp)
    bool fail(std::string message, const ast::Position& pos,
              CompileErrorKind kind = CompileErrorKind::SyntaxError);
    bool failed() const { return m_failed; }

    // ====== Emission (codegen.cpp)
    Unit& unit() { return *m_units.back(); }
    int32_t new_block();
    void use_block(int32_t block);
    void emit(Opcode op, uint32_t arg = 0);
    void emit_jump(Opcode op, int32_t target);
    uint32_t add_const(ConstantValue value);
    void emit_const(ConstantValue value) { emit(Opcode::LOAD_CONST, add_const(std::move(value))); }
    void emit_none() { emit_const(ConstantValue{}); }
    uint32_t add_name(std::string_view name);
    uint32_t add_varname(std::string_view name);
    std::string_view mangle(std::string_view name);
    void set_location(const ast::Position& pos);
    bool is_unconditional_end(int32_t block) const;

    // ====== Units (codegen.cpp)
    void enter_unit(UnitKind kind, Scope* scope, std::string_view name, const ast::Position& pos);
    std::shared_ptr<const CodeUnit> leave_unit();
    std::string qualname_for(std::string_view name, Scope* scope);

    // ====== Names (codegen_expr.cpp)
    bool emit_name(std::string_view name, ast::ExprContext ctx, const ast::Position& pos);
    int32_t deref_index(std::string_view name);

    // ====== Statements (codegen_stmt.cpp)
    bool compile_body(ast::List<ast::Stmt*> body, bool allow_docstring);
    bool compile_stmts(ast::List<ast::Stmt*> stmts);
    bool compile_stmt(const ast::Stmt* stmt);

    // ====== Expressions (codegen_expr.cpp)
    bool compile_expr(const ast::Expr* expr);
    bool compile_exprs(ast::List<ast::Expr*> exprs);
    bool compile_jump_if(const ast::Expr* expr, int32_t target, bool jump_if_true);
    bool compile_store(const ast::Expr* target);
    bool compile_delete(const ast::Expr* target);
    bool compile_call_helper(int prefix_args, ast::List<ast::Expr*> args,
                             ast::List<ast::Keyword*> keywords);
    bool compile_function_object(const void* node, std::string_view name, UnitKind kind,
                                 const ast::Arguments* args, const ast::Expr* returns,
                                 const ast::Position& pos, ast::List<ast::Stmt*> body,
                                 const ast::Expr* lambda_body);
    bool make_closure(const CodeUnit& code, uint32_t flags, std::shared_ptr<const CodeUnit> ptr);
    bool compile_await_sequence(); // the GET_AWAITABLE .. SEND loop, receiver already pushed
    void emit_yield_from_loop();
    bool compile_annotation_value(const ast::Expr* annotation);

    // ====== Flow (codegen_flow.cpp)
    bool push_fblock(FBlockKind kind, int32_t block, int32_t exit, const void* datum);
    void pop_fblock() { unit().fblocks.pop_back(); }
    bool unwind_fblock(const FBlock& block, bool preserve_tos);
    // `loop` (when non-null) receives the index of the innermost loop's frame block, or -1.
    bool unwind_fblock_stack(bool preserve_tos, int32_t* loop);
    bool compile_return(const ast::Stmt* stmt);
    bool compile_break(const ast::Stmt* stmt);
    bool compile_continue(const ast::Stmt* stmt);
    bool compile_while(const ast::While* stmt);
    bool compile_for(const ast::For* stmt);
    bool compile_async_for(const ast::For* stmt);
    bool compile_try(const ast::Try* stmt);
    bool compile_try_finally(const ast::Try* stmt);
    bool compile_try_except(const ast::Try* stmt);
    bool compile_try_star_except(const ast::Try* stmt);
    // `with` (or `async with`) from its item'th item on.
    bool compile_with(const ast::With* stmt, size_t item, bool is_async);
    void emit_call_exit_with_nones();
    void emit_pop_except_and_reraise();
    bool compile_with_except_finish(int32_t cleanup);
    bool in_async_function() const;

    // ====== Assembly (codegen_assemble.cpp)
    std::shared_ptr<const CodeUnit> assemble();

    SymbolTable& symbols() { return m_symbols; }
    const CodegenOptions& options() const { return m_options; }
    std::vector<CompileWarning>& warnings() { return m_warnings; }
    bool future_annotations = false;
    bool interactive = false; // "single" mode: expression statements print their value
    int depth = 0;
    // The module's leading `from __future__` statements (after an optional docstring).
    std::vector<const ast::Stmt*> future_block;
    bool in_future_block(const ast::Stmt* stmt) const {
        return std::find(future_block.begin(), future_block.end(), stmt) != future_block.end();
    }

private:
    SymbolTable& m_symbols;
    const CodegenOptions& m_options;
    std::vector<std::unique_ptr<Unit>> m_units;
    std::vector<CompileWarning> m_warnings;
    CompileError m_error;
    bool m_failed = false;
    std::deque<std::string> m_strings;
    std::vector<std::vector<Instr>> m_spare_instrs; // emptied block buffers, reused by new_block
    AssemblyScratch m_scratch;
    std::vector<size_t> m_line_starts; // offsets of the source's lines, built on first need
};

// Recursion guard for the AST walk: counts depth on the compiler, fails past max_compile_depth.
class DepthGuard {
public:
    DepthGuard(Compiler& compiler, const ast::Position& pos) : m_compiler(compiler) {
        if (++compiler.depth > max_compile_depth)
            m_ok = compiler.fail("maximum recursion depth exceeded during compilation", pos,
                                 CompileErrorKind::RecursionError);
    }
    ~DepthGuard() { --m_compiler.depth; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    bool ok() const { return m_ok; }

private:
    Compiler& m_compiler;
    bool m_ok = true;
};

} // namespace minipy::compiler::codegen_detail
