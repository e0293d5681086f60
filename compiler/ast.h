// The abstract syntax tree: the contract between the parser and everything after it (dump, symbol
// table, code generator). It mirrors CPython 3.11's `ast` module (Parser/Python.asdl): the same node
// classes, the same fields in the same order, so `minipy --dump-ast` can print exactly what
// `ast.dump(ast.parse(...))` prints. The `match` statement is not part of minipy.
//
// Invariants:
//  - every node, list and string lives in the compilation's Arena and is trivially destructible;
//  - an optional field (`expr?` in the ASDL) is a null pointer when absent; a list (`expr*`) is a span,
//    possibly empty. Dict keys and kw_defaults may hold null entries, as in CPython;
//  - positions are CPython's: 1-based lines, 0-based columns counted in UTF-8 bytes, end exclusive;
//  - identifiers are NFKC-normalised UTF-8; str constants are UTF-8 that may encode lone surrogates
//    (as "surrogatepass" would), bytes constants are raw bytes.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace minipy::compiler::ast {

struct Expr;
struct Stmt;
struct Arguments;
struct Keyword;
struct Alias;
struct WithItem;
struct Comprehension;
struct ExceptHandler;
struct Arg;

template <typename T> using List = std::span<T>;

struct Position {
    int32_t lineno = 0;
    int32_t col_offset = 0;
    int32_t end_lineno = 0;
    int32_t end_col_offset = 0;
};

// ====== Enumerations (their ASDL sum types; the dump prints e.g. `Add()`)

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOperator : uint8_t { And, Or };
enum class Operator : uint8_t {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOperator : uint8_t { Invert, Not, UAdd, USub };
enum class CompareOperator : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// ====== Expressions

// X(Name): one line per expression class, in the ASDL's order.
#define MINIPY_AST_EXPR_KINDS(X)                                                                   \
    X(BoolOp) X(NamedExpr) X(BinOp) X(UnaryOp) X(Lambda) X(IfExp) X(Dict) X(Set) X(ListComp)       \
    X(SetComp) X(DictComp) X(GeneratorExp) X(Await) X(Yield) X(YieldFrom) X(Compare) X(Call)        \
    X(FormattedValue) X(JoinedStr) X(Constant) X(Attribute) X(Subscript) X(Starred) X(Name)        \
    X(ListExpr) X(TupleExpr) X(Slice)

enum class ExprKind : uint8_t {
#define MINIPY_X(name) name,
    MINIPY_AST_EXPR_KINDS(MINIPY_X)
#undef MINIPY_X
};

struct Expr {
    ExprKind kind;
    // True when the source wrapped this expression in parentheses; not part of the dump. It decides
    // AnnAssign.simple, and what SyntaxError messages say.
    bool parenthesized = false;
    // Height of the tree rooted here (a leaf is 1), kept by the parser so that it can refuse
    // sources nested deeper than the compiler's recursion guard; not part of the dump.
    uint16_t depth = 1;
    Position pos;

    explicit Expr(ExprKind k) : kind(k) {}
    template <typename T> T* as() { return static_cast<T*>(this); }
    template <typename T> const T* as() const { return static_cast<const T*>(this); }
};

struct BoolOp : Expr {
    BoolOp() : Expr(ExprKind::BoolOp) {}
    BoolOperator op{};
    List<Expr*> values;
};
struct NamedExpr : Expr {
    NamedExpr() : Expr(ExprKind::NamedExpr) {}
    Expr* target = nullptr;
    Expr* value = nullptr;
};
struct BinOp : Expr {
    BinOp() : Expr(ExprKind::BinOp) {}
    Expr* left = nullptr;
    Operator op{};
    Expr* right = nullptr;
};
struct UnaryOp : Expr {
    UnaryOp() : Expr(ExprKind::UnaryOp) {}
    UnaryOperator op{};
    Expr* operand = nullptr;
};
struct Lambda : Expr {
    Lambda() : Expr(ExprKind::Lambda) {}
    Arguments* args = nullptr;
    Expr* body = nullptr;
};
struct IfExp : Expr {
    IfExp() : Expr(ExprKind::IfExp) {}
    Expr* test = nullptr;
    Expr* body = nullptr;
    Expr* orelse = nullptr;
};
struct Dict : Expr {
    Dict() : Expr(ExprKind::Dict) {}
    List<Expr*> keys; // a null key marks `**value`
    List<Expr*> values;
};
struct Set : Expr {
    Set() : Expr(ExprKind::Set) {}
    List<Expr*> elts;
};
struct ListComp : Expr {
    ListComp() : Expr(ExprKind::ListComp) {}
    Expr* elt = nullptr;
    List<Comprehension*> generators;
};
struct SetComp : Expr {
    SetComp() : Expr(ExprKind::SetComp) {}
    Expr* elt = nullptr;
    List<Comprehension*> generators;
};
struct DictComp : Expr {
    DictComp() : Expr(ExprKind::DictComp) {}
    Expr* key = nullptr;
    Expr* value = nullptr;
    List<Comprehension*> generators;
};
struct GeneratorExp : Expr {
    GeneratorExp() : Expr(ExprKind::GeneratorExp) {}
    Expr* elt = nullptr;
    List<Comprehension*> generators;
};
struct Await : Expr {
    Await() : Expr(ExprKind::Await) {}
    Expr* value = nullptr;
};
struct Yield : Expr {
    Yield() : Expr(ExprKind::Yield) {}
    Expr* value = nullptr; // optional
};
struct YieldFrom : Expr {
    YieldFrom() : Expr(ExprKind::YieldFrom) {}
    Expr* value = nullptr;
};
struct Compare : Expr {
    Compare() : Expr(ExprKind::Compare) {}
    Expr* left = nullptr;
    List<CompareOperator> ops;
    List<Expr*> comparators;
};
struct Call : Expr {
    Call() : Expr(ExprKind::Call) {}
    Expr* func = nullptr;
    List<Expr*> args;
    List<Keyword*> keywords;
};
struct FormattedValue : Expr {
    FormattedValue() : Expr(ExprKind::FormattedValue) {}
    Expr* value = nullptr;
    int32_t conversion = -1;      // -1, or 's', 'r', 'a'
    Expr* format_spec = nullptr;  // optional; a JoinedStr when present
};
struct JoinedStr : Expr {
    JoinedStr() : Expr(ExprKind::JoinedStr) {}
    List<Expr*> values; // Constant (str) and FormattedValue nodes
};

// The value of a Constant node.
enum class ConstantKind : uint8_t {
    None, True, False, Ellipsis,
    Int,     // fits in int64: int_value
    BigInt,  // does not: text holds the decimal digits, with a leading '-' if negative
    Float,   // float_value
    Complex, // an imaginary literal: float_value is the imaginary part, the real part is 0
    Str,     // text: UTF-8 (lone surrogates allowed)
    Bytes,   // text: raw bytes
};

struct Constant : Expr {
    Constant() : Expr(ExprKind::Constant) {}
    ConstantKind value_kind = ConstantKind::None;
    bool u_prefix = false; // the `kind='u'` field: a string literal whose first part had a u prefix
    int64_t int_value = 0;
    double float_value = 0.0;
    std::string_view text;
};
struct Attribute : Expr {
    Attribute() : Expr(ExprKind::Attribute) {}
    Expr* value = nullptr;
    std::string_view attr;
    ExprContext ctx = ExprContext::Load;
};
struct Subscript : Expr {
    Subscript() : Expr(ExprKind::Subscript) {}
    Expr* value = nullptr;
    Expr* slice = nullptr;
    ExprContext ctx = ExprContext::Load;
};
struct Starred : Expr {
    Starred() : Expr(ExprKind::Starred) {}
    Expr* value = nullptr;
    ExprContext ctx = ExprContext::Load;
};
struct Name : Expr {
    Name() : Expr(ExprKind::Name) {}
    std::string_view id;
    ExprContext ctx = ExprContext::Load;
};
// Python's `List` and `Tuple` expression classes (renamed to keep `List<T>` for spans).
struct ListExpr : Expr {
    ListExpr() : Expr(ExprKind::ListExpr) {}
    List<Expr*> elts;
    ExprContext ctx = ExprContext::Load;
};
struct TupleExpr : Expr {
    TupleExpr() : Expr(ExprKind::TupleExpr) {}
    List<Expr*> elts;
    ExprContext ctx = ExprContext::Load;
};
struct Slice : Expr {
    Slice() : Expr(ExprKind::Slice) {}
    Expr* lower = nullptr; // optional
    Expr* upper = nullptr; // optional
    Expr* step = nullptr;  // optional
};

// ====== Statements

#define MINIPY_AST_STMT_KINDS(X)                                                                   \
    X(FunctionDef) X(AsyncFunctionDef) X(ClassDef) X(Return) X(Delete) X(Assign) X(AugAssign)      \
    X(AnnAssign) X(For) X(AsyncFor) X(While) X(If) X(With) X(AsyncWith) X(Raise) X(Try) X(TryStar) \
    X(Assert) X(Import) X(ImportFrom) X(Global) X(Nonlocal) X(ExprStmt) X(Pass) X(Break)           \
    X(Continue)

enum class StmtKind : uint8_t {
#define MINIPY_X(name) name,
    MINIPY_AST_STMT_KINDS(MINIPY_X)
#undef MINIPY_X
};

struct Stmt {
    StmtKind kind;
    Position pos;

    explicit Stmt(StmtKind k) : kind(k) {}
    template <typename T> T* as() { return static_cast<T*>(this); }
    template <typename T> const T* as() const { return static_cast<const T*>(this); }
};

// FunctionDef and AsyncFunctionDef share one layout; `kind` tells them apart.
struct FunctionDef : Stmt {
    explicit FunctionDef(bool is_async = false)
        : Stmt(is_async ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef) {}
    std::string_view name;
    Arguments* args = nullptr;
    List<Stmt*> body;
    List<Expr*> decorator_list;
    Expr* returns = nullptr; // optional
    // type_comment is always absent: minipy does not parse type comments.
};
struct ClassDef : Stmt {
    ClassDef() : Stmt(StmtKind::ClassDef) {}
    std::string_view name;
    List<Expr*> bases;
    List<Keyword*> keywords;
    List<Stmt*> body;
    List<Expr*> decorator_list;
};
struct Return : Stmt {
    Return() : Stmt(StmtKind::Return) {}
    Expr* value = nullptr; // optional
};
struct Delete : Stmt {
    Delete() : Stmt(StmtKind::Delete) {}
    List<Expr*> targets;
};
struct Assign : Stmt {
    Assign() : Stmt(StmtKind::Assign) {}
    List<Expr*> targets;
    Expr* value = nullptr;
};
struct AugAssign : Stmt {
    AugAssign() : Stmt(StmtKind::AugAssign) {}
    Expr* target = nullptr;
    Operator op{};
    Expr* value = nullptr;
};
struct AnnAssign : Stmt {
    AnnAssign() : Stmt(StmtKind::AnnAssign) {}
    Expr* target = nullptr;
    Expr* annotation = nullptr;
    Expr* value = nullptr; // optional
    int32_t simple = 0;    // 1 for a bare, unparenthesised Name target
};
// For and AsyncFor share one layout.
struct For : Stmt {
    explicit For(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncFor : StmtKind::For) {}
    Expr* target = nullptr;
    Expr* iter = nullptr;
    List<Stmt*> body;
    List<Stmt*> orelse;
};
struct While : Stmt {
    While() : Stmt(StmtKind::While) {}
    Expr* test = nullptr;
    List<Stmt*> body;
    List<Stmt*> orelse;
};
struct If : Stmt {
    If() : Stmt(StmtKind::If) {}
    Expr* test = nullptr;
    List<Stmt*> body;
    List<Stmt*> orelse;
};
// With and AsyncWith share one layout.
struct With : Stmt {
    explicit With(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncWith : StmtKind::With) {}
    List<WithItem*> items;
    List<Stmt*> body;
};
struct Raise : Stmt {
    Raise() : Stmt(StmtKind::Raise) {}
    Expr* exc = nullptr;   // optional
    Expr* cause = nullptr; // optional
};
// Try and TryStar (`except*`) share one layout.
struct Try : Stmt {
    explicit Try(bool is_star = false) : Stmt(is_star ? StmtKind::TryStar : StmtKind::Try) {}
    List<Stmt*> body;
    List<ExceptHandler*> handlers;
    List<Stmt*> orelse;
    List<Stmt*> finalbody;
};
struct Assert : Stmt {
    Assert() : Stmt(StmtKind::Assert) {}
    Expr* test = nullptr;
    Expr* msg = nullptr; // optional
};
struct Import : Stmt {
    Import() : Stmt(StmtKind::Import) {}
    List<Alias*> names;
};
struct ImportFrom : Stmt {
    ImportFrom() : Stmt(StmtKind::ImportFrom) {}
    std::string_view module; // optional: empty data() == nullptr means absent (`from . import x`)
    bool has_module = false;
    List<Alias*> names;
    int32_t level = 0;
};
struct Global : Stmt {
    Global() : Stmt(StmtKind::Global) {}
    List<std::string_view> names;
};
struct Nonlocal : Stmt {
    Nonlocal() : Stmt(StmtKind::Nonlocal) {}
    List<std::string_view> names;
};
// Python's `Expr` statement: an expression evaluated for its effect.
struct ExprStmt : Stmt {
    ExprStmt() : Stmt(StmtKind::ExprStmt) {}
    Expr* value = nullptr;
};
struct Pass : Stmt {
    Pass() : Stmt(StmtKind::Pass) {}
};
struct Break : Stmt {
    Break() : Stmt(StmtKind::Break) {}
};
struct Continue : Stmt {
    Continue() : Stmt(StmtKind::Continue) {}
};

// ====== Other nodes

struct Comprehension {
    Expr* target = nullptr;
    Expr* iter = nullptr;
    List<Expr*> ifs;
    int32_t is_async = 0;
};
struct ExceptHandler {
    Position pos;
    Expr* type = nullptr; // optional
    std::string_view name; // optional: absent when has_name is false
    bool has_name = false;
    List<Stmt*> body;
};
struct Arguments {
    List<Arg*> posonlyargs;
    List<Arg*> args;
    Arg* vararg = nullptr; // optional
    List<Arg*> kwonlyargs;
    List<Expr*> kw_defaults; // one per kwonlyarg; null where it has no default
    Arg* kwarg = nullptr;    // optional
    List<Expr*> defaults;    // for the last len(defaults) of posonlyargs + args
};
struct Arg {
    Position pos;
    std::string_view arg;
    Expr* annotation = nullptr; // optional
};
struct Keyword {
    Position pos;
    std::string_view arg; // optional: absent (has_arg false) for `**value`
    bool has_arg = false;
    Expr* value = nullptr;
};
struct Alias {
    Position pos;
    std::string_view name; // dotted for `import a.b.c`, `*` for `from m import *`
    std::string_view asname; // optional: absent when has_asname is false
    bool has_asname = false;
};
struct WithItem {
    Expr* context_expr = nullptr;
    Expr* optional_vars = nullptr; // optional
};

// ====== Modules

enum class ModuleKind : uint8_t { Module, Interactive, Expression };

// `Module(body, type_ignores=[])`, `Interactive(body)` or `Expression(body)`.
struct Module {
    ModuleKind kind = ModuleKind::Module;
    List<Stmt*> body;        // Module and Interactive
    Expr* expression = nullptr; // Expression
};

} // namespace minipy::compiler::ast
