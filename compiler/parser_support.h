// What the grammar actions of compiler/parser.y build with: the parse state, the intermediate
// values Bison carries between rules (argument lists, parameter lists, sequences), and the builders
// that turn them into AST nodes, including expression-to-target conversion and CPython's
// SyntaxErrors. Invariants:
//  - builders never throw on bad input; the first error wins and is kept in ParserState::error;
//  - every expression a builder returns has depth = 1 + its deepest child; a tree deeper than
//    max_expression_depth is refused with RecursionError, so later passes may recurse safely;
//  - everything built lives in the Arena.
#pragma once

#include <string_view>
#include <vector>

#include "compiler/arena.h"
#include "compiler/ast.h"
#include "compiler/diagnostics.h"
#include "compiler/lexer.h"
#include "compiler/literals.h"
#include "compiler/parser.h"

namespace minipy::compiler::parsing {

inline constexpr int max_expression_depth = 3000;

// A comma-separated run of expressions and whether it makes a tuple (a comma was seen).
struct Sequence {
    std::vector<ast::Expr*> items;
    bool has_comma = false;
};

// One argument of a call or class definition, before it is sorted into args and keywords.
struct CallArgument {
    enum class Kind : uint8_t { Positional, Starred, Keyword, DoubleStarred, BareGenerator };
    Kind kind = Kind::Positional;
    ast::Expr* value = nullptr;
    ast::Expr* name = nullptr; // the expression before '=' of a Keyword (checked to be a Name)
    ast::Position pos;
};

// One item of a parameter list (def or lambda), validated and sorted by make_arguments().
struct Parameter {
    enum class Kind : uint8_t { Plain, Slash, Star, DoubleStar };
    Kind kind = Kind::Plain;
    ast::Arg* arg = nullptr; // null for a bare `*` and for `/`
    ast::Expr* default_value = nullptr;
    ast::Position pos;
};

// An element of a dict display: `key: value`, or `**value` (key null).
struct DictItem {
    ast::Expr* key = nullptr;
    ast::Expr* value = nullptr;
};

// A dotted name of `import a.b.c` or `from a.b import x`.
struct DottedName {
    std::string_view text;
    ast::Position pos;
};

struct ExceptClauses {
    std::vector<ast::ExceptHandler*> handlers;
    bool has_star = false;
    bool has_plain = false;
};

// An `else:`/`finally:` block (empty when absent).
struct Block {
    std::vector<ast::Stmt*> body;
};

struct ParserState {
    ParserState(Arena& arena_, Lexer& lexer_, const ParseOptions& options_)
        : arena(arena_), lexer(lexer_), options(options_) {}

    Arena& arena;
    Lexer& lexer;
    const ParseOptions& options;
    ast::Module* module = nullptr;
    bool has_error = false;
    CompileError error;
    std::vector<CompileWarning> warnings;

    // Token history for error messages and the mode's start token.
    bool sent_start = false;
    Token previous;     // the token before `current`
    Token current;      // the last token handed to the parser
    Token line_first;   // the first token of the current logical line
    Token header_first; // the first token of the last line that ended with ':'
    TokenKind before_newline_kind = TokenKind::EndOfInput; // the token before the last NEWLINE
    int open_brackets = 0;
    // The error is CPython's generic "invalid syntax" (or its comma hint): as CPython does, a
    // tokenizer error later in the source (an unclosed bracket, say) replaces it.
    bool generic_error = false;
    bool last_except_plain = true; // the last except clause reduced was `except`, not `except*`
    // For an f-string field parsed as "(text)": where text's first byte sits in the file. Errors
    // show that "(text)" line with offsets counted in it, as CPython 3.11 does; only their line
    // numbers are the file's.
    bool fstring_field = false;
    // A script file that declared no encoding: CPython's parser errors count offsets in bytes.
    bool byte_offsets = false;
    int32_t line_shift = 0;
    int32_t first_line_col_shift = 0;
    // Parenthesised groups holding `x as y` items, waiting for a `with` statement to claim them.
    std::vector<ast::Expr*> pending_with_groups;
};

// ====== Errors

// Turns an error's offsets back to 1-based byte columns (see ParserState::byte_offsets).
void use_byte_offsets(CompileError& error, int32_t col_offset, int32_t end_col_offset);
// Records a SyntaxError (or kind) at a node-style position (byte columns); the first error wins.
void report(ParserState& state, CompileErrorKind kind, std::string message,
            const ast::Position& pos);
inline void report(ParserState& state, std::string message, const ast::Position& pos) {
    report(state, CompileErrorKind::SyntaxError, std::move(message), pos);
}
// The parser's own syntax error with the lookahead token: picks CPython's message.
void report_unexpected(ParserState& state, const Token& lookahead, bool colon_expected);
// In "single" mode, after the first statement's NEWLINE: anything but
// blanks and comments left in the source is "multiple statements found while compiling a single
// statement", reported at that NEWLINE as CPython does.
void check_single_statement_rest(ParserState& state);

// ====== Builders

template <typename T> T* make_node(ParserState& state, const ast::Position& pos) {
    T* node = state.arena.make<T>();
    node->pos = pos;
    return node;
}

// Sets e->depth from its children and refuses trees deeper than max_expression_depth.
ast::Expr* finish(ParserState& state, ast::Expr* e, std::initializer_list<const ast::Expr*> kids);
ast::Expr* finish_list(ParserState& state, ast::Expr* e, std::span<ast::Expr* const> kids,
                       const ast::Expr* extra = nullptr);

template <typename T> ast::List<T> to_list(ParserState& state, const std::vector<T>& items) {
    return state.arena.copy(items);
}

ast::Expr* make_name(ParserState& state, std::string_view id, const ast::Position& pos);
ast::Expr* make_constant(ParserState& state, ast::ConstantKind kind, const ast::Position& pos);
ast::Expr* make_number(ParserState& state, std::string_view text, const ast::Position& pos);
// A run of adjacent string literals as one Constant or JoinedStr (compiler/literals.h).
ast::Expr* make_strings(ParserState& state, std::vector<StringToken>& tokens,
                        const ast::Position& pos);
ast::Expr* make_binop(ParserState& state, ast::Expr* left, ast::Operator op, ast::Expr* right,
                      const ast::Position& pos);
ast::Expr* make_unary(ParserState& state, ast::UnaryOperator op, ast::Expr* operand,
                      const ast::Position& pos);
ast::Expr* make_boolop(ParserState& state, ast::BoolOperator op, std::vector<ast::Expr*>& values,
                       const ast::Position& pos);
ast::Expr* make_compare(ParserState& state, ast::Expr* left, std::vector<ast::CompareOperator>& ops,
                        std::vector<ast::Expr*>& comparators, const ast::Position& pos);
ast::Expr* make_tuple_expr(ParserState& state, std::vector<ast::Expr*>& items,
                           const ast::Position& pos);
ast::Expr* make_list_expr(ParserState& state, std::vector<ast::Expr*>& items,
                          const ast::Position& pos);
// A sequence without brackets: its only item, or a Tuple when it had a comma.
ast::Expr* sequence_value(ParserState& state, Sequence& sequence, const ast::Position& pos);
ast::Expr* make_starred(ParserState& state, ast::Expr* value, const ast::Position& pos);
ast::Expr* make_named(ParserState& state, ast::Expr* target, ast::Expr* value,
                      const ast::Position& pos);
ast::Expr* make_ifexp(ParserState& state, ast::Expr* body, ast::Expr* test, ast::Expr* orelse,
                      const ast::Position& pos);
ast::Expr* make_lambda(ParserState& state, ast::Arguments* args, ast::Expr* body,
                       const ast::Position& pos);
ast::Expr* make_attribute(ParserState& state, ast::Expr* value, std::string_view attr,
                          const ast::Position& pos);
ast::Expr* make_subscript(ParserState& state, ast::Expr* value, ast::Expr* slice,
                          const ast::Position& pos);
ast::Expr* make_slice(ParserState& state, ast::Expr* lower, ast::Expr* upper, ast::Expr* step,
                      const ast::Position& pos);
// The slice of a subscript: one item, or a Tuple (also for a single starred item).
ast::Expr* make_slices(ParserState& state, Sequence& items, const ast::Position& pos);
ast::Expr* make_call(ParserState& state, ast::Expr* func, std::vector<CallArgument>& args,
                     const ast::Position& pos, const ast::Position& parens);
// Sorts call or class-definition arguments into positional ones and keywords; false after
// reporting an error. `closing` is the `)` token, where CPython reports misordered arguments.
bool split_arguments(ParserState& state, std::vector<CallArgument>& args,
                     std::vector<ast::Expr*>& positional, std::vector<ast::Keyword*>& keywords,
                     const ast::Position& closing);
// A class's bases take no bare generator (`class C(x for x in y)`): "invalid syntax" at its `for`.
void check_class_arguments(ParserState& state, const std::vector<CallArgument>& args);
ast::Expr* make_await(ParserState& state, ast::Expr* value, const ast::Position& pos);
ast::Expr* make_yield(ParserState& state, ast::Expr* value, bool from, const ast::Position& pos);
ast::Expr* make_dict(ParserState& state, std::vector<DictItem>& items, const ast::Position& pos);
ast::Expr* make_set(ParserState& state, std::vector<ast::Expr*>& items, const ast::Position& pos);
ast::Comprehension* make_comprehension(ParserState& state, ast::Expr* target, ast::Expr* iter,
                                       bool is_async);
void add_comprehension_if(ParserState& state, std::vector<ast::Comprehension*>& clauses,
                          ast::Expr* condition);
enum class ComprehensionKind : uint8_t { List, Set, Generator };
ast::Expr* make_comprehension_expr(ParserState& state, ComprehensionKind kind, ast::Expr* elt,
                                   std::vector<ast::Comprehension*>& generators,
                                   const ast::Position& pos);
ast::Expr* make_dictcomp(ParserState& state, ast::Expr* key, ast::Expr* value,
                         std::vector<ast::Comprehension*>& generators, const ast::Position& pos);
ast::Expr* parenthesize(ParserState& state, ast::Expr* inner);

// `(a as b, c)`: a group only a `with` statement may claim (see claim_with_items).
ast::Expr* make_as_item(ParserState& state, ast::Expr* context, ast::Expr* target,
                        const ast::Position& as_pos);
ast::Expr* make_paren_group(ParserState& state, Sequence& items, const ast::Position& pos);
std::vector<ast::WithItem*> claim_with_items(ParserState& state,
                                             std::vector<ast::WithItem*>& items);
// Where the first unclaimed group's `as` is (pending_with_groups must not be empty).
ast::Position pending_with_group_position(const ParserState& state);

// ====== Targets

enum class TargetUse : uint8_t { Assign, AssignFirst, AugAssign, For, With, Del, Comprehension };
// Turns an expression into a Store/Del target in place, with CPython's messages; returns the
// expression, or null after reporting an error.
ast::Expr* to_target(ParserState& state, ast::Expr* e, TargetUse use);
// A target list of a for loop / comprehension: the item or a Store Tuple.
ast::Expr* sequence_target(ParserState& state, Sequence& items, const ast::Position& pos,
                           TargetUse use);

// ====== Statements

ast::Stmt* make_expr_statement(ParserState& state, Sequence& value, const ast::Position& pos);
ast::Stmt* make_assign(ParserState& state, std::vector<ast::Expr*>& chain,
                       const ast::Position& pos);
ast::Stmt* make_augassign(ParserState& state, ast::Expr* target, ast::Operator op, ast::Expr* value,
                          const ast::Position& pos);
ast::Stmt* make_annassign(ParserState& state, ast::Expr* target, ast::Expr* annotation,
                          ast::Expr* value, const ast::Position& pos);
ast::Stmt* make_delete(ParserState& state, Sequence& targets, const ast::Position& pos);
ast::Arg* make_arg(ParserState& state, std::string_view name, ast::Expr* annotation,
                   const ast::Position& pos);
ast::Arguments* make_arguments(ParserState& state, std::vector<Parameter>& params);
ast::Alias* make_alias(ParserState& state, std::string_view name, std::string_view asname,
                       bool has_asname, const ast::Position& pos);
DottedName join_dotted(ParserState& state, const DottedName& left, std::string_view name,
                       const ast::Position& pos);
ast::ExceptHandler* make_handler(ParserState& state, ast::Expr* type, std::string_view name,
                                 bool has_name, std::vector<ast::Stmt*>& body,
                                 const ast::Position& pos);
// The position of a compound statement: from its first token to the end of its last statement.
ast::Position block_end(const ast::Position& start, const std::vector<ast::Stmt*>& body);
std::string_view expression_name(const ast::Expr* e);

} // namespace minipy::compiler::parsing
