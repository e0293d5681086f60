// The grammar of Python 3.11 (without `match`) for Bison 3.8's C++ LALR(1) skeleton, and parse().
// The shape follows CPython's pre-PEG Grammar/Grammar, which is LALR-friendly: assignment targets,
// keyword-argument names and walrus targets are parsed as expressions and converted afterwards
// (compiler/parser_support.cpp), as CPython's old parser did; `with (a as b):` is parsed as a
// parenthesised group that only a `with` statement may claim.
// Invariants:
//  - the parser never recurses natively: Bison's stack is a heap vector, and builders cap the AST's
//    depth (parser_support.h); bracket and indentation depth are capped by the lexer;
//  - node positions come from token locations (YYLLOC_DEFAULT below spans first..last symbol), so a
//    parenthesised child keeps its inner position while its parent spans the parentheses, as in CPython.
%require "3.8"
%language "c++"
%skeleton "lalr1.cc"
%define api.namespace {minipy::compiler::parsing}
%define api.parser.class {Parser}
%define api.value.type variant
%define api.token.constructor
%define api.token.prefix {TOK_}
%define api.location.type {minipy::compiler::ast::Position}
%define parse.error custom
%locations
%param {ParserState& state}

%code requires {
#include <string_view>
#include <vector>

#include "compiler/parser_support.h"

namespace minipy::compiler::parsing {
using namespace minipy::compiler::ast;
using minipy::compiler::StringToken;
using minipy::compiler::TokenKind;

// The operators and operands after the first of a comparison chain.
struct CompareChain {
    std::vector<ast::CompareOperator> ops;
    std::vector<ast::Expr*> comparators;
};
// The `elif`/`else` part of an if statement, and how many `elif`s it chains: each one nests an If
// in the previous one's orelse, so a long chain is a deep tree that the parser refuses past
// max_expression_depth (RecursionError, as CPython's compiler does).
struct ElifTail {
    std::vector<ast::Stmt*> orelse;
    int depth = 0;
};
struct TryTail {
    ExceptClauses except;
    std::vector<ast::Stmt*> orelse;
    std::vector<ast::Stmt*> finalbody;
};
} // namespace minipy::compiler::parsing
}

%code {
namespace minipy::compiler::parsing {
Parser::symbol_type yylex(ParserState& state);
} // namespace minipy::compiler::parsing

#define YYLLOC_DEFAULT(Current, Rhs, N)                                                         \
    do {                                                                                        \
        if (N) {                                                                                \
            (Current).lineno = YYRHSLOC(Rhs, 1).lineno;                                         \
            (Current).col_offset = YYRHSLOC(Rhs, 1).col_offset;                                 \
            (Current).end_lineno = YYRHSLOC(Rhs, N).end_lineno;                                 \
            (Current).end_col_offset = YYRHSLOC(Rhs, N).end_col_offset;                         \
        } else {                                                                                \
            (Current).lineno = (Current).end_lineno = YYRHSLOC(Rhs, 0).end_lineno;              \
            (Current).col_offset = (Current).end_col_offset = YYRHSLOC(Rhs, 0).end_col_offset;  \
        }                                                                                       \
    } while (0)
}

%token END 0 "end of file"
%token <std::string_view> NAME NUMBER STRING
%token NEWLINE INDENT DEDENT ERRORTOKEN
%token START_FILE START_SINGLE START_EVAL
%token KW_False "False"
%token KW_None "None"
%token KW_True "True"
%token KW_And "and"
%token KW_As "as"
%token KW_Assert "assert"
%token KW_Async "async"
%token KW_Await "await"
%token KW_Break "break"
%token KW_Class "class"
%token KW_Continue "continue"
%token KW_Def "def"
%token KW_Del "del"
%token KW_Elif "elif"
%token KW_Else "else"
%token KW_Except "except"
%token KW_Finally "finally"
%token KW_For "for"
%token KW_From "from"
%token KW_Global "global"
%token KW_If "if"
%token KW_Import "import"
%token KW_In "in"
%token KW_Is "is"
%token KW_Lambda "lambda"
%token KW_Nonlocal "nonlocal"
%token KW_Not "not"
%token KW_Or "or"
%token KW_Pass "pass"
%token KW_Raise "raise"
%token KW_Return "return"
%token KW_Try "try"
%token KW_While "while"
%token KW_With "with"
%token KW_Yield "yield"
%token OP_LParen "("
%token OP_RParen ")"
%token OP_LBracket "["
%token OP_RBracket "]"
%token OP_LBrace "{"
%token OP_RBrace "}"
%token OP_Colon ":"
%token OP_Comma ","
%token OP_Semi ";"
%token OP_Plus "+"
%token OP_Minus "-"
%token OP_Star "*"
%token OP_Slash "/"
%token OP_VBar "|"
%token OP_Amper "&"
%token OP_Less "<"
%token OP_Greater ">"
%token OP_Equal "="
%token OP_Dot "."
%token OP_Percent "%"
%token OP_EqEqual "=="
%token OP_NotEqual "!="
%token OP_LessEqual "<="
%token OP_GreaterEqual ">="
%token OP_Tilde "~"
%token OP_Circumflex "^"
%token OP_LeftShift "<<"
%token OP_RightShift ">>"
%token OP_DoubleStar "**"
%token OP_PlusEqual "+="
%token OP_MinusEqual "-="
%token OP_StarEqual "*="
%token OP_SlashEqual "/="
%token OP_PercentEqual "%="
%token OP_AmperEqual "&="
%token OP_VBarEqual "|="
%token OP_CircumflexEqual "^="
%token OP_LeftShiftEqual "<<="
%token OP_RightShiftEqual ">>="
%token OP_DoubleStarEqual "**="
%token OP_DoubleSlash "//"
%token OP_DoubleSlashEqual "//="
%token OP_At "@"
%token OP_AtEqual "@="
%token OP_RArrow "->"
%token OP_Ellipsis "..."
%token OP_ColonEqual ":="

// Binary operator precedence, loosest first (Reference 6.17); see `expr` below.
%left "|"
%left "^"
%left "&"
%left "<<" ">>"
%left "+" "-"
%left "*" "/" "%" "//" "@"
%precedence UNARY

%type <std::vector<Stmt*>> statements simple_stmt small_stmts suite else_opt finally_opt
%type <std::vector<Stmt*>> single_input
%type <ElifTail> elif_else
%type <Stmt*> small_stmt compound_stmt expr_stmt flow_stmt import_stmt global_stmt assert_stmt
%type <Stmt*> del_stmt if_stmt while_stmt for_stmt try_stmt with_stmt funcdef classdef async_stmt
%type <Stmt*> decorated
%type <std::vector<Expr*>> assign_chain decorators
%type <Expr*> decorator rhs yield_expr namedexpr_test test or_test and_test not_test
%type <Expr*> star_expr expr factor power
%type <Expr*> primary test_opt slice_item paren_item list_item return_opt
%type <Sequence> star_exprs star_expr_list exprlist expr_or_star_list slices slice_list
%type <Sequence> paren_items paren_item_list list_items list_item_list testlist test_list
%type <std::vector<StringToken>> strings
%type <CompareChain> comp_chain
%type <CompareOperator> comp_op
%type <Operator> augassign
%type <std::vector<Expr*>> or_chain and_chain
%type <std::vector<CallArgument>> arglist arglist_opt class_args_opt
%type <CallArgument> argument
%type <std::vector<Comprehension*>> comp_clauses
%type <Comprehension*> comp_for
%type <std::vector<DictItem>> dict_items dict_item_list
%type <DictItem> dict_item
%type <std::vector<Parameter>> typed_params_opt typed_params lambda_params_opt lambda_params
%type <Parameter> typed_param lambda_param
%type <Arg*> tfpdef tfpdef_star
%type <Arguments*> parameters
%type <std::vector<std::string_view>> names
%type <DottedName> dotted_name
%type <std::vector<Alias*>> dotted_as_names import_as_names import_targets
%type <Alias*> dotted_as_name import_as_name
%type <int> dots
%type <std::vector<WithItem*>> with_items with_head
%type <WithItem*> with_item
%type <ExceptClauses> except_clauses
%type <ExceptHandler*> except_clause
%type <TryTail> try_tail

%start start

%%

// ====== Modules

start
    : START_FILE statements {
        auto* module = state.arena.make<Module>();
        module->kind = ModuleKind::Module;
        module->body = to_list(state, $2);
        state.module = module;
    }
    | START_SINGLE single_input {
        auto* module = state.arena.make<Module>();
        module->kind = ModuleKind::Interactive;
        module->body = to_list(state, $2);
        state.module = module;
    }
    | START_EVAL testlist newlines_opt {
        auto* module = state.arena.make<Module>();
        module->kind = ModuleKind::Expression;
        module->expression = sequence_value(state, $2, @2);
        state.module = module;
    }
    ;

newlines_opt: %empty | newlines_opt NEWLINE ;

// "single" mode (the REPL's compile(..., "single")): exactly one statement. After a simple
// statement the rest of the text may hold only blanks and comments, as CPython checks it (this
// action runs on the NEWLINE, before the lexer reads on); a compound statement must be followed by
// the end of the input.
single_input
    : simple_stmt { $$ = std::move($1); check_single_statement_rest(state); }
    | compound_stmt { $$.push_back($1); }
    ;

statements
    : %empty {}
    | statements simple_stmt { $$ = std::move($1); $$.insert($$.end(), $2.begin(), $2.end()); }
    | statements compound_stmt { $$ = std::move($1); $$.push_back($2); }
    ;

simple_stmt
    : small_stmts NEWLINE { $$ = std::move($1); }
    | small_stmts ";" NEWLINE { $$ = std::move($1); }
    ;

small_stmts
    : small_stmt { $$.push_back($1); }
    | small_stmts ";" small_stmt { $$ = std::move($1); $$.push_back($3); }
    ;

small_stmt
    : expr_stmt
    | del_stmt
    | "pass" { $$ = make_node<Pass>(state, @$); }
    | flow_stmt
    | import_stmt
    | global_stmt
    | assert_stmt
    ;

// ====== Simple statements

expr_stmt
    : star_exprs { $$ = make_expr_statement(state, $1, @$); }
    | yield_expr {
        auto* node = make_node<ExprStmt>(state, @$);
        node->value = $1;
        $$ = node;
    }
    | star_exprs ":" test {
        $$ = make_annassign(state, sequence_value(state, $1, @1), $3, nullptr, @$);
    }
    | star_exprs ":" test "=" rhs {
        $$ = make_annassign(state, sequence_value(state, $1, @1), $3, $5, @$);
    }
    | star_exprs augassign rhs {
        $$ = make_augassign(state, sequence_value(state, $1, @1), $2, $3, @$);
    }
    | assign_chain { $$ = make_assign(state, $1, @$); }
    ;

assign_chain
    : star_exprs "=" rhs { $$.push_back(sequence_value(state, $1, @1)); $$.push_back($3); }
    | assign_chain "=" rhs { $$ = std::move($1); $$.push_back($3); }
    ;

rhs
    : yield_expr
    | star_exprs { $$ = sequence_value(state, $1, @1); }
    ;

augassign
    : "+=" { $$ = Operator::Add; } | "-=" { $$ = Operator::Sub; }
    | "*=" { $$ = Operator::Mult; } | "@=" { $$ = Operator::MatMult; }
    | "/=" { $$ = Operator::Div; } | "%=" { $$ = Operator::Mod; }
    | "&=" { $$ = Operator::BitAnd; } | "|=" { $$ = Operator::BitOr; }
    | "^=" { $$ = Operator::BitXor; } | "<<=" { $$ = Operator::LShift; }
    | ">>=" { $$ = Operator::RShift; } | "**=" { $$ = Operator::Pow; }
    | "//=" { $$ = Operator::FloorDiv; }
    ;

del_stmt: "del" exprlist { $$ = make_delete(state, $2, @$); } ;

flow_stmt
    : "break" { $$ = make_node<Break>(state, @$); }
    | "continue" { $$ = make_node<Continue>(state, @$); }
    | "return" return_opt {
        auto* node = make_node<Return>(state, @$);
        node->value = $2;
        $$ = node;
    }
    | "raise" { $$ = make_node<Raise>(state, @$); }
    | "raise" test {
        auto* node = make_node<Raise>(state, @$);
        node->exc = $2;
        $$ = node;
    }
    | "raise" test "from" test {
        auto* node = make_node<Raise>(state, @$);
        node->exc = $2;
        node->cause = $4;
        $$ = node;
    }
    ;

return_opt
    : %empty { $$ = nullptr; }
    | star_exprs { $$ = sequence_value(state, $1, @1); }
    ;

global_stmt
    : "global" names {
        auto* node = make_node<Global>(state, @$);
        node->names = to_list(state, $2);
        $$ = node;
    }
    | "nonlocal" names {
        auto* node = make_node<Nonlocal>(state, @$);
        node->names = to_list(state, $2);
        $$ = node;
    }
    ;

names
    : NAME { $$.push_back($1); }
    | names "," NAME { $$ = std::move($1); $$.push_back($3); }
    ;

assert_stmt
    : "assert" test {
        auto* node = make_node<Assert>(state, @$);
        node->test = $2;
        $$ = node;
    }
    | "assert" test "," test {
        auto* node = make_node<Assert>(state, @$);
        node->test = $2;
        node->msg = $4;
        $$ = node;
    }
    ;

import_stmt
    : "import" dotted_as_names {
        auto* node = make_node<Import>(state, @$);
        node->names = to_list(state, $2);
        $$ = node;
    }
    | "from" dotted_name "import" import_targets {
        auto* node = make_node<ImportFrom>(state, @$);
        node->module = $2.text;
        node->has_module = true;
        node->names = to_list(state, $4);
        $$ = node;
    }
    | "from" dots "import" import_targets {
        auto* node = make_node<ImportFrom>(state, @$);
        node->level = $2;
        node->names = to_list(state, $4);
        $$ = node;
    }
    | "from" dots dotted_name "import" import_targets {
        auto* node = make_node<ImportFrom>(state, @$);
        node->module = $3.text;
        node->has_module = true;
        node->level = $2;
        node->names = to_list(state, $5);
        $$ = node;
    }
    ;

dots
    : "." { $$ = 1; }
    | "..." { $$ = 3; }
    | dots "." { $$ = $1 + 1; }
    | dots "..." { $$ = $1 + 3; }
    ;

dotted_name
    : NAME { $$ = DottedName{$1, @1}; }
    | dotted_name "." NAME { $$ = join_dotted(state, $1, $3, @$); }
    ;

dotted_as_names
    : dotted_as_name { $$.push_back($1); }
    | dotted_as_names "," dotted_as_name { $$ = std::move($1); $$.push_back($3); }
    ;

dotted_as_name
    : dotted_name { $$ = make_alias(state, $1.text, {}, false, @$); }
    | dotted_name "as" NAME { $$ = make_alias(state, $1.text, $3, true, @$); }
    ;

import_targets
    : "*" { $$.push_back(make_alias(state, "*", {}, false, @1)); }
    | "(" import_as_names ")" { $$ = std::move($2); }
    | "(" import_as_names "," ")" { $$ = std::move($2); }
    | import_as_names { $$ = std::move($1); }
    | import_as_names "," {
        report(state, "trailing comma not allowed without surrounding parentheses",
               {@2.end_lineno, @2.end_col_offset, @2.end_lineno, @2.end_col_offset});
        $$ = std::move($1);
    }
    ;

import_as_names
    : import_as_name { $$.push_back($1); }
    | import_as_names "," import_as_name { $$ = std::move($1); $$.push_back($3); }
    ;

import_as_name
    : NAME { $$ = make_alias(state, $1, {}, false, @$); }
    | NAME "as" NAME { $$ = make_alias(state, $1, $3, true, @$); }
    ;

// ====== Compound statements

compound_stmt
    : if_stmt | while_stmt | for_stmt | try_stmt | with_stmt | funcdef | classdef | decorated
    | async_stmt
    ;

suite
    : simple_stmt { $$ = std::move($1); }
    | NEWLINE INDENT statements DEDENT { $$ = std::move($3); }
    ;

if_stmt
    : "if" namedexpr_test ":" suite elif_else {
        auto* node = make_node<If>(state, block_end(@1, $5.orelse.empty() ? $4 : $5.orelse));
        node->test = $2;
        node->body = to_list(state, $4);
        node->orelse = to_list(state, $5.orelse);
        $$ = node;
    }
    ;

elif_else
    : %empty {}
    | "else" ":" suite { $$.orelse = std::move($3); }
    | "elif" namedexpr_test ":" suite elif_else {
        auto* node = make_node<If>(state, block_end(@1, $5.orelse.empty() ? $4 : $5.orelse));
        node->test = $2;
        node->body = to_list(state, $4);
        node->orelse = to_list(state, $5.orelse);
        $$.orelse.push_back(node);
        $$.depth = $5.depth + 1;
        if ($$.depth == max_expression_depth)
            report(state, CompileErrorKind::RecursionError,
                   "maximum recursion depth exceeded during compilation", @1);
    }
    ;

else_opt
    : %empty {}
    | "else" ":" suite { $$ = std::move($3); }
    ;

while_stmt
    : "while" namedexpr_test ":" suite else_opt {
        auto* node = make_node<While>(state, block_end(@1, $5.empty() ? $4 : $5));
        node->test = $2;
        node->body = to_list(state, $4);
        node->orelse = to_list(state, $5);
        $$ = node;
    }
    ;

for_stmt
    : "for" exprlist "in" star_exprs ":" suite else_opt {
        auto* node = make_node<For>(state, block_end(@1, $7.empty() ? $6 : $7));
        node->target = sequence_target(state, $2, @2, TargetUse::For);
        node->iter = sequence_value(state, $4, @4);
        node->body = to_list(state, $6);
        node->orelse = to_list(state, $7);
        $$ = node;
    }
    ;

try_stmt
    : "try" ":" suite try_tail {
        auto* node = state.arena.make<Try>($4.except.has_star);
        const std::vector<Stmt*>& last = !$4.finalbody.empty() ? $4.finalbody
                                         : !$4.orelse.empty()  ? $4.orelse
                                                               : std::vector<Stmt*>{};
        node->pos = block_end(@1, last);
        if (last.empty()) {
            const ExceptHandler* handler = $4.except.handlers.back();
            node->pos.end_lineno = handler->pos.end_lineno;
            node->pos.end_col_offset = handler->pos.end_col_offset;
        }
        node->body = to_list(state, $3);
        node->handlers = to_list(state, $4.except.handlers);
        node->orelse = to_list(state, $4.orelse);
        node->finalbody = to_list(state, $4.finalbody);
        $$ = node;
    }
    ;

try_tail
    : except_clauses else_opt finally_opt {
        $$.except = std::move($1);
        $$.orelse = std::move($2);
        $$.finalbody = std::move($3);
    }
    | "finally" ":" suite { $$.finalbody = std::move($3); }
    ;

finally_opt
    : %empty {}
    | "finally" ":" suite { $$ = std::move($3); }
    ;

except_clauses
    : except_clause { $$.handlers.push_back($1); $$.has_plain = state.last_except_plain; $$.has_star = !state.last_except_plain; }
    | except_clauses except_clause {
        $$ = std::move($1);
        bool plain = state.last_except_plain;
        if ((plain && $$.has_star) || (!plain && $$.has_plain)) {
            report(state, "cannot have both 'except' and 'except*' on the same 'try'",
                   {@2.lineno, @2.col_offset, @2.lineno, @2.col_offset + 6});
        }
        $$.has_plain = $$.has_plain || plain;
        $$.has_star = $$.has_star || !plain;
        $$.handlers.push_back($2);
    }
    ;

except_clause
    : "except" ":" suite {
        state.last_except_plain = true;
        $$ = make_handler(state, nullptr, {}, false, $3, @1);
    }
    | "except" test ":" suite {
        state.last_except_plain = true;
        $$ = make_handler(state, $2, {}, false, $4, @1);
    }
    | "except" test "as" NAME ":" suite {
        state.last_except_plain = true;
        $$ = make_handler(state, $2, $4, true, $6, @1);
    }
    | "except" "*" test ":" suite {
        state.last_except_plain = false;
        $$ = make_handler(state, $3, {}, false, $5, @1);
    }
    | "except" "*" test "as" NAME ":" suite {
        state.last_except_plain = false;
        $$ = make_handler(state, $3, $5, true, $7, @1);
    }
    ;

with_stmt
    : with_head ":" suite {
        auto* node = state.arena.make<With>(false);
        node->pos = block_end(@1, $3);
        node->items = to_list(state, $1);
        node->body = to_list(state, $3);
        $$ = node;
    }
    ;

with_head: "with" with_items { $$ = claim_with_items(state, $2); } ;

with_items
    : with_item { $$.push_back($1); }
    | with_items "," with_item { $$ = std::move($1); $$.push_back($3); }
    ;

with_item
    : test {
        $$ = state.arena.make<WithItem>();
        $$->context_expr = $1;
    }
    | test "as" expr {
        $$ = state.arena.make<WithItem>();
        $$->context_expr = $1;
        $$->optional_vars = to_target(state, $3, TargetUse::With);
        if ($$->optional_vars == nullptr)
            $$->optional_vars = $3;
    }
    ;

async_stmt
    : "async" funcdef {
        $$ = $2;
        $$->kind = StmtKind::AsyncFunctionDef;
        $$->pos.lineno = @1.lineno;
        $$->pos.col_offset = @1.col_offset;
    }
    | "async" with_stmt {
        $$ = $2;
        $$->kind = StmtKind::AsyncWith;
        $$->pos.lineno = @1.lineno;
        $$->pos.col_offset = @1.col_offset;
    }
    | "async" for_stmt {
        $$ = $2;
        $$->kind = StmtKind::AsyncFor;
        $$->pos.lineno = @1.lineno;
        $$->pos.col_offset = @1.col_offset;
    }
    ;

decorated
    : decorators funcdef {
        $$ = $2;
        $$->as<FunctionDef>()->decorator_list = to_list(state, $1);
    }
    | decorators "async" funcdef {
        $$ = $3;
        $$->kind = StmtKind::AsyncFunctionDef;
        $$->pos.lineno = @2.lineno;
        $$->pos.col_offset = @2.col_offset;
        $$->as<FunctionDef>()->decorator_list = to_list(state, $1);
    }
    | decorators classdef {
        $$ = $2;
        $$->as<ClassDef>()->decorator_list = to_list(state, $1);
    }
    ;

decorators
    : decorator { $$.push_back($1); }
    | decorators decorator { $$ = std::move($1); $$.push_back($2); }
    ;

decorator: "@" namedexpr_test NEWLINE { $$ = $2; } ;

funcdef
    : "def" NAME parameters ":" suite {
        auto* node = state.arena.make<FunctionDef>(false);
        node->pos = block_end(@1, $5);
        node->name = $2;
        node->args = $3;
        node->body = to_list(state, $5);
        $$ = node;
    }
    | "def" NAME parameters "->" test ":" suite {
        auto* node = state.arena.make<FunctionDef>(false);
        node->pos = block_end(@1, $7);
        node->name = $2;
        node->args = $3;
        node->returns = $5;
        node->body = to_list(state, $7);
        $$ = node;
    }
    ;

parameters: "(" typed_params_opt ")" { $$ = make_arguments(state, $2); } ;

typed_params_opt
    : %empty {}
    | typed_params { $$ = std::move($1); }
    | typed_params "," { $$ = std::move($1); }
    ;

typed_params
    : typed_param { $$.push_back($1); }
    | typed_params "," typed_param { $$ = std::move($1); $$.push_back($3); }
    ;

typed_param
    : tfpdef { $$ = Parameter{Parameter::Kind::Plain, $1, nullptr, @$}; }
    | tfpdef "=" test { $$ = Parameter{Parameter::Kind::Plain, $1, $3, @$}; }
    | "*" { $$ = Parameter{Parameter::Kind::Star, nullptr, nullptr, @$}; }
    | "*" tfpdef_star { $$ = Parameter{Parameter::Kind::Star, $2, nullptr, @$}; }
    | "**" tfpdef { $$ = Parameter{Parameter::Kind::DoubleStar, $2, nullptr, @$}; }
    | "/" { $$ = Parameter{Parameter::Kind::Slash, nullptr, nullptr, @$}; }
    ;

tfpdef
    : NAME { $$ = make_arg(state, $1, nullptr, @$); }
    | NAME ":" test { $$ = make_arg(state, $1, $3, @$); }
    ;

tfpdef_star
    : tfpdef { $$ = $1; }
    | NAME ":" star_expr { $$ = make_arg(state, $1, $3, @$); }
    ;

classdef
    : "class" NAME class_args_opt ":" suite {
        auto* node = make_node<ClassDef>(state, block_end(@1, $5));
        node->name = $2;
        std::vector<Expr*> bases;
        std::vector<Keyword*> keywords;
        Position closing{@3.end_lineno, @3.end_col_offset - 1, @3.end_lineno, @3.end_col_offset};
        split_arguments(state, $3, bases, keywords, closing);
        node->bases = to_list(state, bases);
        node->keywords = to_list(state, keywords);
        node->body = to_list(state, $5);
        $$ = node;
    }
    ;

class_args_opt
    : %empty {}
    | "(" arglist_opt ")" {
        $$ = std::move($2);
        check_class_arguments(state, $$);
    }
    ;

// ====== Expressions

namedexpr_test
    : test
    | test ":=" test { $$ = make_named(state, $1, $3, @$); }
    ;

// or_test's alternatives are repeated here: an operand skips one unit reduction (#2).
test
    : not_test
    | and_chain { $$ = make_boolop(state, BoolOperator::And, $1, @$); }
    | or_chain { $$ = make_boolop(state, BoolOperator::Or, $1, @$); }
    | or_test "if" or_test "else" test { $$ = make_ifexp(state, $1, $3, $5, @$); }
    | "lambda" lambda_params_opt ":" test {
        $$ = make_lambda(state, make_arguments(state, $2), $4, @$);
    }
    ;

lambda_params_opt
    : %empty {}
    | lambda_params { $$ = std::move($1); }
    | lambda_params "," { $$ = std::move($1); }
    ;

lambda_params
    : lambda_param { $$.push_back($1); }
    | lambda_params "," lambda_param { $$ = std::move($1); $$.push_back($3); }
    ;

lambda_param
    : NAME { $$ = Parameter{Parameter::Kind::Plain, make_arg(state, $1, nullptr, @1), nullptr, @$}; }
    | NAME "=" test {
        $$ = Parameter{Parameter::Kind::Plain, make_arg(state, $1, nullptr, @1), $3, @$};
    }
    | "*" { $$ = Parameter{Parameter::Kind::Star, nullptr, nullptr, @$}; }
    | "*" NAME {
        $$ = Parameter{Parameter::Kind::Star, make_arg(state, $2, nullptr, @2), nullptr, @$};
    }
    | "**" NAME {
        $$ = Parameter{Parameter::Kind::DoubleStar, make_arg(state, $2, nullptr, @2), nullptr, @$};
    }
    | "/" { $$ = Parameter{Parameter::Kind::Slash, nullptr, nullptr, @$}; }
    ;

// and_test's alternatives are repeated here: an operand skips one unit reduction (#2).
or_test
    : not_test
    | and_chain { $$ = make_boolop(state, BoolOperator::And, $1, @$); }
    | or_chain { $$ = make_boolop(state, BoolOperator::Or, $1, @$); }
    ;

or_chain
    : and_test "or" and_test { $$.push_back($1); $$.push_back($3); }
    | or_chain "or" and_test { $$ = std::move($1); $$.push_back($3); }
    ;

and_test
    : not_test
    | and_chain { $$ = make_boolop(state, BoolOperator::And, $1, @$); }
    ;

and_chain
    : not_test "and" not_test { $$.push_back($1); $$.push_back($3); }
    | and_chain "and" not_test { $$ = std::move($1); $$.push_back($3); }
    ;

// CPython's `comparison` level is folded in here: one unit reduction fewer per operand (#2).
not_test
    : "not" not_test { $$ = make_unary(state, UnaryOperator::Not, $2, @$); }
    | expr
    | expr comp_chain { $$ = make_compare(state, $1, $2.ops, $2.comparators, @$); }
    ;

comp_chain
    : comp_op expr { $$.ops.push_back($1); $$.comparators.push_back($2); }
    | comp_chain comp_op expr {
        $$ = std::move($1);
        $$.ops.push_back($2);
        $$.comparators.push_back($3);
    }
    ;

comp_op
    : "<" { $$ = CompareOperator::Lt; } | ">" { $$ = CompareOperator::Gt; }
    | "==" { $$ = CompareOperator::Eq; } | ">=" { $$ = CompareOperator::GtE; }
    | "<=" { $$ = CompareOperator::LtE; } | "!=" { $$ = CompareOperator::NotEq; }
    | "in" { $$ = CompareOperator::In; } | "not" "in" { $$ = CompareOperator::NotIn; }
    | "is" { $$ = CompareOperator::Is; } | "is" "not" { $$ = CompareOperator::IsNot; }
    ;

star_expr: "*" expr { $$ = make_starred(state, $2, @$); } ;

// The binary operators from `|` to `*` share one nonterminal and Bison's precedence declarations
// (above) instead of CPython's one nonterminal per level: a plain operand then climbs through 6
// fewer unit reductions, which were a large share of parsing time (#2). `factor` remains only as
// the right operand of `**`, which binds tighter than a unary operator on its left (`-x ** 2` is
// `-(x ** 2)`) and looser than one on its right (`2 ** -1`); `power`'s alternatives are repeated
// here so that an operand skips it too.
expr
    : primary
    | "await" primary { $$ = make_await(state, $2, @$); }
    | primary "**" factor { $$ = make_binop(state, $1, Operator::Pow, $3, @$); }
    | "await" primary "**" factor {
        $$ = make_binop(state, make_await(state, $2, Position{@1.lineno, @1.col_offset,
                                                              @2.end_lineno, @2.end_col_offset}),
                        Operator::Pow, $4, @$);
    }
    | expr "|" expr { $$ = make_binop(state, $1, Operator::BitOr, $3, @$); }
    | expr "^" expr { $$ = make_binop(state, $1, Operator::BitXor, $3, @$); }
    | expr "&" expr { $$ = make_binop(state, $1, Operator::BitAnd, $3, @$); }
    | expr "<<" expr { $$ = make_binop(state, $1, Operator::LShift, $3, @$); }
    | expr ">>" expr { $$ = make_binop(state, $1, Operator::RShift, $3, @$); }
    | expr "+" expr { $$ = make_binop(state, $1, Operator::Add, $3, @$); }
    | expr "-" expr { $$ = make_binop(state, $1, Operator::Sub, $3, @$); }
    | expr "*" expr { $$ = make_binop(state, $1, Operator::Mult, $3, @$); }
    | expr "/" expr { $$ = make_binop(state, $1, Operator::Div, $3, @$); }
    | expr "%" expr { $$ = make_binop(state, $1, Operator::Mod, $3, @$); }
    | expr "//" expr { $$ = make_binop(state, $1, Operator::FloorDiv, $3, @$); }
    | expr "@" expr { $$ = make_binop(state, $1, Operator::MatMult, $3, @$); }
    | "+" expr %prec UNARY { $$ = make_unary(state, UnaryOperator::UAdd, $2, @$); }
    | "-" expr %prec UNARY { $$ = make_unary(state, UnaryOperator::USub, $2, @$); }
    | "~" expr %prec UNARY { $$ = make_unary(state, UnaryOperator::Invert, $2, @$); }
    ;

factor
    : "+" factor { $$ = make_unary(state, UnaryOperator::UAdd, $2, @$); }
    | "-" factor { $$ = make_unary(state, UnaryOperator::USub, $2, @$); }
    | "~" factor { $$ = make_unary(state, UnaryOperator::Invert, $2, @$); }
    | power
    ;

power
    : primary
    | "await" primary { $$ = make_await(state, $2, @$); }
    | primary "**" factor { $$ = make_binop(state, $1, Operator::Pow, $3, @$); }
    | "await" primary "**" factor {
        $$ = make_binop(state, make_await(state, $2, Position{@1.lineno, @1.col_offset,
                                                              @2.end_lineno, @2.end_col_offset}),
                        Operator::Pow, $4, @$);
    }
    ;

// CPython's `atom` is folded in here (after the trailers): one unit reduction fewer per operand.
primary
    : primary "." NAME { $$ = make_attribute(state, $1, $3, @$); }
    | primary "(" arglist_opt ")" {
        Position parens{@2.lineno, @2.col_offset, @4.end_lineno, @4.end_col_offset};
        $$ = make_call(state, $1, $3, @$, parens);
    }
    | primary "[" slices "]" { $$ = make_subscript(state, $1, make_slices(state, $3, @3), @$); }
    | NAME { $$ = make_name(state, $1, @$); }
    | NUMBER { $$ = make_number(state, $1, @$); }
    | strings { $$ = make_strings(state, $1, @$); }
    | "..." { $$ = make_constant(state, ConstantKind::Ellipsis, @$); }
    | "None" { $$ = make_constant(state, ConstantKind::None, @$); }
    | "True" { $$ = make_constant(state, ConstantKind::True, @$); }
    | "False" { $$ = make_constant(state, ConstantKind::False, @$); }
    | "(" ")" {
        std::vector<Expr*> none;
        $$ = make_tuple_expr(state, none, @$);
        $$->parenthesized = true;
    }
    | "(" yield_expr ")" { $$ = parenthesize(state, $2); }
    | "(" paren_items ")" { $$ = make_paren_group(state, $2, @$); }
    | "(" namedexpr_test comp_clauses ")" {
        $$ = make_comprehension_expr(state, ComprehensionKind::Generator, $2, $3, @$);
        $$->parenthesized = true;
    }
    | "[" "]" { std::vector<Expr*> none; $$ = make_list_expr(state, none, @$); }
    | "[" list_items "]" { $$ = make_list_expr(state, $2.items, @$); }
    | "[" namedexpr_test comp_clauses "]" {
        $$ = make_comprehension_expr(state, ComprehensionKind::List, $2, $3, @$);
    }
    | "{" "}" { std::vector<DictItem> none; $$ = make_dict(state, none, @$); }
    | "{" dict_items "}" { $$ = make_dict(state, $2, @$); }
    | "{" list_items "}" { $$ = make_set(state, $2.items, @$); }
    | "{" test ":" test comp_clauses "}" { $$ = make_dictcomp(state, $2, $4, $5, @$); }
    | "{" namedexpr_test comp_clauses "}" {
        $$ = make_comprehension_expr(state, ComprehensionKind::Set, $2, $3, @$);
    }
    ;

strings
    : STRING { $$.push_back(StringToken{$1, @1}); }
    | strings STRING { $$ = std::move($1); $$.push_back(StringToken{$2, @2}); }
    ;

paren_items
    : paren_item_list { $$ = std::move($1); }
    | paren_item_list "," { $$ = std::move($1); $$.has_comma = true; }
    ;

paren_item_list
    : paren_item { $$.items.push_back($1); }
    | paren_item_list "," paren_item {
        $$ = std::move($1);
        $$.items.push_back($3);
        $$.has_comma = true;
    }
    ;

paren_item
    : namedexpr_test
    | star_expr
    | namedexpr_test "as" expr { $$ = make_as_item(state, $1, $3, @2); }
    ;

list_items
    : list_item_list { $$ = std::move($1); }
    | list_item_list "," { $$ = std::move($1); $$.has_comma = true; }
    ;

list_item_list
    : list_item { $$.items.push_back($1); }
    | list_item_list "," list_item {
        $$ = std::move($1);
        $$.items.push_back($3);
        $$.has_comma = true;
    }
    ;

list_item: namedexpr_test | star_expr ;

dict_items
    : dict_item_list { $$ = std::move($1); }
    | dict_item_list "," { $$ = std::move($1); }
    ;

dict_item_list
    : dict_item { $$.push_back($1); }
    | dict_item_list "," dict_item { $$ = std::move($1); $$.push_back($3); }
    ;

dict_item
    : test ":" test { $$ = DictItem{$1, $3}; }
    | "**" expr { $$ = DictItem{nullptr, $2}; }
    ;

comp_clauses
    : comp_for { $$.push_back($1); }
    | comp_clauses comp_for { $$ = std::move($1); $$.push_back($2); }
    | comp_clauses "if" or_test { $$ = std::move($1); add_comprehension_if(state, $$, $3); }
    ;

comp_for
    : "for" exprlist "in" or_test {
        $$ = make_comprehension(state, sequence_target(state, $2, @2, TargetUse::Comprehension),
                                $4, false);
    }
    | "async" "for" exprlist "in" or_test {
        $$ = make_comprehension(state, sequence_target(state, $3, @3, TargetUse::Comprehension),
                                $5, true);
    }
    ;

slices
    : slice_list { $$ = std::move($1); }
    | slice_list "," { $$ = std::move($1); $$.has_comma = true; }
    ;

slice_list
    : slice_item { $$.items.push_back($1); }
    | slice_list "," slice_item {
        $$ = std::move($1);
        $$.items.push_back($3);
        $$.has_comma = true;
    }
    ;

slice_item
    : namedexpr_test
    | star_expr
    | test_opt ":" test_opt {
        Position pos{$1 ? @1.lineno : @2.lineno, $1 ? @1.col_offset : @2.col_offset,
                     $3 ? @3.end_lineno : @2.end_lineno,
                     $3 ? @3.end_col_offset : @2.end_col_offset};
        $$ = make_slice(state, $1, $3, nullptr, pos);
    }
    | test_opt ":" test_opt ":" test_opt {
        Position pos{$1 ? @1.lineno : @2.lineno, $1 ? @1.col_offset : @2.col_offset,
                     $5 ? @5.end_lineno : @4.end_lineno,
                     $5 ? @5.end_col_offset : @4.end_col_offset};
        $$ = make_slice(state, $1, $3, $5, pos);
    }
    ;

test_opt
    : %empty { $$ = nullptr; }
    | test
    ;

arglist_opt
    : %empty {}
    | arglist { $$ = std::move($1); }
    | arglist "," { $$ = std::move($1); }
    ;

arglist
    : argument { $$.push_back($1); }
    | arglist "," argument { $$ = std::move($1); $$.push_back($3); }
    ;

argument
    : namedexpr_test { $$ = CallArgument{CallArgument::Kind::Positional, $1, nullptr, @$}; }
    | namedexpr_test comp_clauses {
        Expr* generator = make_comprehension_expr(state, ComprehensionKind::Generator, $1, $2, @$);
        $$ = CallArgument{CallArgument::Kind::BareGenerator, generator, nullptr, @$};
    }
    | test "=" test { $$ = CallArgument{CallArgument::Kind::Keyword, $3, $1, @$}; }
    | "*" test {
        $$ = CallArgument{CallArgument::Kind::Starred, make_starred(state, $2, @$), nullptr, @$};
    }
    | "**" test { $$ = CallArgument{CallArgument::Kind::DoubleStarred, $2, nullptr, @$}; }
    ;

yield_expr
    : "yield" { $$ = make_yield(state, nullptr, false, @$); }
    | "yield" star_exprs { $$ = make_yield(state, sequence_value(state, $2, @2), false, @$); }
    | "yield" "from" test { $$ = make_yield(state, $3, true, @$); }
    ;

// ====== Comma-separated runs

star_exprs
    : star_expr_list { $$ = std::move($1); }
    | star_expr_list "," { $$ = std::move($1); $$.has_comma = true; }
    ;

star_expr_list
    : test { $$.items.push_back($1); }
    | star_expr { $$.items.push_back($1); }
    | star_expr_list "," test { $$ = std::move($1); $$.items.push_back($3); $$.has_comma = true; }
    | star_expr_list "," star_expr {
        $$ = std::move($1);
        $$.items.push_back($3);
        $$.has_comma = true;
    }
    ;

exprlist
    : expr_or_star_list { $$ = std::move($1); }
    | expr_or_star_list "," { $$ = std::move($1); $$.has_comma = true; }
    ;

expr_or_star_list
    : expr { $$.items.push_back($1); }
    | star_expr { $$.items.push_back($1); }
    | expr_or_star_list "," expr { $$ = std::move($1); $$.items.push_back($3); $$.has_comma = true; }
    | expr_or_star_list "," star_expr {
        $$ = std::move($1);
        $$.items.push_back($3);
        $$.has_comma = true;
    }
    ;

testlist
    : test_list { $$ = std::move($1); }
    | test_list "," { $$ = std::move($1); $$.has_comma = true; }
    ;

test_list
    : test { $$.items.push_back($1); }
    | test_list "," test { $$ = std::move($1); $$.items.push_back($3); $$.has_comma = true; }
    ;

%%

namespace minipy::compiler::parsing {

namespace {

constexpr Parser::token::token_kind_type token_table[] = {
    Parser::token::TOK_END,        Parser::token::TOK_YYerror,
    Parser::token::TOK_NEWLINE,    Parser::token::TOK_INDENT,
    Parser::token::TOK_DEDENT,     Parser::token::TOK_NAME,
    Parser::token::TOK_NUMBER,     Parser::token::TOK_STRING,
    Parser::token::TOK_ERRORTOKEN,
#define MINIPY_X(name, text) Parser::token::TOK_KW_##name,
    MINIPY_KEYWORDS(MINIPY_X)
#undef MINIPY_X
#define MINIPY_X(name, text) Parser::token::TOK_OP_##name,
    MINIPY_OPERATORS(MINIPY_X)
#undef MINIPY_X
};

bool is_line_break(TokenKind kind) {
    return kind == TokenKind::Newline || kind == TokenKind::Indent || kind == TokenKind::Dedent ||
           kind == TokenKind::EndOfInput;
}

// Moves a token of an f-string replacement field's "(text)" to where text sits in its file.
void shift_position(const ParserState& state, Position& pos) {
    if (pos.lineno == 1)
        pos.col_offset += state.first_line_col_shift;
    if (pos.end_lineno == 1)
        pos.end_col_offset += state.first_line_col_shift;
    pos.lineno += state.line_shift;
    pos.end_lineno += state.line_shift;
}

} // namespace

Parser::symbol_type yylex(ParserState& state) {
    if (!state.sent_start) {
        state.sent_start = true;
        Position start{1, 0, 1, 0};
        switch (state.options.mode) {
        case ModuleKind::Module:
            return Parser::make_START_FILE(start);
        case ModuleKind::Interactive:
            return Parser::make_START_SINGLE(start);
        case ModuleKind::Expression:
            return Parser::make_START_EVAL(start);
        }
    }
    if (!state.pending_with_groups.empty() && is_line_break(state.current.kind)) {
        report(state, "invalid syntax", pending_with_group_position(state));
        return Parser::symbol_type(Parser::token::TOK_YYerror, state.current.pos);
    }
    if (state.has_error)
        return Parser::symbol_type(Parser::token::TOK_YYerror, state.current.pos);
    Token token = state.lexer.next();
    if (state.line_shift != 0 || state.first_line_col_shift != 0)
        shift_position(state, token.pos);
    if (token.kind == TokenKind::Newline) {
        state.before_newline_kind = state.current.kind;
        if (state.current.kind == TokenKind::Colon)
            state.header_first = state.line_first;
    }
    if (is_line_break(state.current.kind) || !state.line_first.pos.lineno) {
        if (!is_line_break(token.kind))
            state.line_first = token;
    }
    state.previous = state.current;
    state.current = token;
    switch (token.kind) {
    case TokenKind::LParen:
    case TokenKind::LBracket:
    case TokenKind::LBrace:
        ++state.open_brackets;
        break;
    case TokenKind::RParen:
    case TokenKind::RBracket:
    case TokenKind::RBrace:
        --state.open_brackets;
        break;
    case TokenKind::Name:
        return Parser::make_NAME(token.text, token.pos);
    case TokenKind::Number:
        return Parser::make_NUMBER(token.text, token.pos);
    case TokenKind::String:
        return Parser::make_STRING(token.text, token.pos);
    default:
        break;
    }
    return Parser::symbol_type(token_table[static_cast<size_t>(token.kind)], token.pos);
}

void Parser::error(const location_type& location, const std::string& message) {
    report(state, message, location);
}

void Parser::report_syntax_error(const context& context) const {
    symbol_kind_type expected[symbol_kind::YYNTOKENS];
    int count = context.expected_tokens(expected, symbol_kind::YYNTOKENS);
    bool colon_expected = false;
    bool except_expected = false;
    bool finally_expected = false;
    bool lambda_expected = false;
    for (int i = 0; i < count; ++i) {
        colon_expected = colon_expected || expected[i] == symbol_kind::S_OP_Colon;
        except_expected = except_expected || expected[i] == symbol_kind::S_KW_Except;
        finally_expected = finally_expected || expected[i] == symbol_kind::S_KW_Finally;
        lambda_expected = lambda_expected || expected[i] == symbol_kind::S_KW_Lambda;
    }
    const Token& ahead = state.current;
    if (!state.has_error && count == 2 && except_expected && finally_expected) {
        // A `try:` body followed by neither handler (CPython's invalid_try_stmt). Before a dedent
        // or the end of the input CPython draws no caret, at the end on the last line.
        ast::Position at{ahead.pos.lineno, ahead.pos.col_offset, ahead.pos.end_lineno,
                         ahead.pos.end_col_offset};
        if (ahead.kind == TokenKind::Dedent) {
            at.col_offset = -1;
            at.end_col_offset = -1;
        }
        std::string_view source = state.lexer.source();
        size_t end = !source.empty() && source.back() == '\n' ? source.size() - 1 : source.size();
        int32_t last_line = 1;
        for (size_t i = 0; i < end; ++i)
            last_line += source[i] == '\n' ? 1 : 0;
        if ((ahead.kind == TokenKind::EndOfInput || ahead.kind == TokenKind::Dedent) &&
            ahead.pos.lineno > last_line) {
            at.lineno = last_line;
            at.end_lineno = last_line;
            at.col_offset = -1;
            at.end_col_offset = -1;
        }
        report(state, "expected 'except' or 'finally' block", at);
        return;
    }
    if (!state.has_error && lambda_expected && state.previous.kind == TokenKind::Star &&
        state.line_first.kind == TokenKind::Except &&
        (ahead.kind == TokenKind::Colon || ahead.kind == TokenKind::Newline)) {
        // `except*:` (CPython's invalid_except_star_stmt_indent / invalid_except_stmt).
        int32_t end = ahead.kind == TokenKind::Newline ? ahead.pos.col_offset
                                                       : ahead.pos.end_col_offset;
        report(state, "expected one or more exception types",
               {ahead.pos.lineno, ahead.pos.col_offset, ahead.pos.lineno, end});
        return;
    }
    report_unexpected(state, state.current, colon_expected);
}

} // namespace minipy::compiler::parsing

namespace minipy::compiler {

namespace {

ParseResult run_parser(Arena& arena, std::string_view prepared, const ParseOptions& options,
                       bool fstring_field, int32_t line_shift, int32_t col_shift,
                       bool byte_offsets = false) {
    ParseResult result;
    Lexer lexer(arena, prepared, options.filename);
    parsing::ParserState state(arena, lexer, options);
    state.fstring_field = fstring_field;
    state.byte_offsets = byte_offsets;
    state.line_shift = line_shift;
    state.first_line_col_shift = col_shift;
    parsing::Parser parser(state);
    int status = parser.parse();
    result.warnings = std::move(lexer.warnings());
    result.warnings.insert(result.warnings.end(), state.warnings.begin(), state.warnings.end());
    // The lexer's errors count lines in the text it scans: an f-string field's are moved to the file.
    auto lexer_error = [&] {
        CompileError error = lexer.error();
        if (fstring_field) {
            error.lineno += line_shift;
            error.end_lineno += line_shift;
        }
        return error;
    };
    if (state.has_error && state.generic_error) {
        // CPython tokenizes the rest of the source after a generic syntax error; a tokenizer error
        // found there is reported instead.
        while (!lexer.has_error() && lexer.next().kind != TokenKind::EndOfInput) {
        }
        if (lexer.has_error())
            state.error = lexer_error();
    }
    if (state.has_error) {
        result.error = std::move(state.error);
        if (lexer.has_error() && (lexer_error().lineno < result.error.lineno))
            result.error = lexer_error();
    } else if (lexer.has_error()) {
        result.error = lexer_error();
    } else if (status != 0 || state.module == nullptr) {
        result.error.message = "invalid syntax";
        set_error_location(result.error, prepared, state.current.pos.lineno,
                           state.current.pos.col_offset, state.current.pos.end_lineno,
                           state.current.pos.end_col_offset);
        if (byte_offsets)
            parsing::use_byte_offsets(result.error, state.current.pos.col_offset,
                                      state.current.pos.end_col_offset);
    } else {
        result.module = state.module;
    }
    if (result.module == nullptr && result.error.filename.empty())
        result.error.filename = std::string(options.filename);
    return result;
}

} // namespace

ParseResult parse(Arena& arena, std::string_view source, const ParseOptions& options) {
    std::string_view prepared;
    ParseResult result;
    bool declared = false;
    if (!prepare_source(arena, source, options, prepared, result.error, &declared))
        return result;
    return run_parser(arena, prepared, options, false, 0, 0, options.script_file && !declared);
}

ast::Expr* parse_fstring_expression(Arena& arena, std::string_view text, int32_t lineno,
                                    int32_t col_offset, const ParseOptions& options,
                                    CompileError& error) {
    std::string wrapped = "(" + std::string(text) + ")";
    ParseOptions expression_options = options;
    expression_options.mode = ast::ModuleKind::Expression;
    expression_options.source_is_text = true;
    std::string_view prepared;
    if (!prepare_source(arena, wrapped, expression_options, prepared, error))
        return nullptr;
    ParseResult result =
        run_parser(arena, prepared, expression_options, true, lineno - 1, col_offset - 1);
    if (result.module == nullptr) {
        error = std::move(result.error);
        return nullptr;
    }
    return result.module->expression;
}

} // namespace minipy::compiler
