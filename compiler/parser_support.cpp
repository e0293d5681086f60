// The builders behind compiler/parser.y's actions: AST construction, argument and parameter
// validation, expression-to-target conversion, and CPython 3.11's SyntaxError messages for them.
// Invariants: see parser_support.h. The only recursion here (to_target over nested tuples and
// lists, expression_depth) is bounded by max_expression_depth, which finish() enforces.
#include "compiler/parser_support.h"

#include <algorithm>
#include <string>

namespace minipy::compiler::parsing {

using namespace ast;

namespace {

// Internal expression kinds for `x as y` inside parentheses; they never leave the parser.
constexpr auto as_item_kind = static_cast<ExprKind>(250);
constexpr auto with_group_kind = static_cast<ExprKind>(251);

struct AsItem : Expr {
    AsItem() : Expr(as_item_kind) {}
    WithItem* item = nullptr;
    Position as_pos;
};

struct WithGroup : Expr {
    WithGroup() : Expr(with_group_kind) {}
    List<WithItem*> items;
    Position as_pos;
};

Position span(const Position& start, const Position& end) {
    return {start.lineno, start.col_offset, end.end_lineno, end.end_col_offset};
}

const char* target_error_prefix(TargetUse use) {
    return use == TargetUse::Del ? "cannot delete " : "cannot assign to ";
}

} // namespace

// ====== Errors

void use_byte_offsets(CompileError& error, int32_t col_offset, int32_t end_col_offset) {
    int32_t line_bytes = static_cast<int32_t>(error.text.size());
    if (col_offset >= 0)
        error.offset = std::min(col_offset, line_bytes) + 1;
    if (end_col_offset >= 0 && error.end_offset > 0)
        error.end_offset = end_col_offset + 1;
}

void report(ParserState& state, CompileErrorKind kind, std::string message, const Position& pos) {
    if (state.has_error)
        return;
    state.has_error = true;
    state.error.kind = kind;
    state.error.message = std::move(message);
    state.error.filename = std::string(state.options.filename);
    if (state.fstring_field) {
        // Token positions were moved to the file (the first line's columns too): undo that.
        auto line = [&](int32_t lineno) { return lineno - state.line_shift; };
        auto column = [&](int32_t lineno, int32_t col) {
            return line(lineno) == 1 && col >= 0 ? col - state.first_line_col_shift : col;
        };
        set_error_location(state.error, state.lexer.source(), line(pos.lineno),
                           column(pos.lineno, pos.col_offset), line(pos.end_lineno),
                           column(pos.end_lineno, pos.end_col_offset));
        state.error.lineno += state.line_shift;
        state.error.end_lineno += state.line_shift;
        return;
    }
    set_error_location(state.error, state.lexer.source(), pos.lineno, pos.col_offset,
                       pos.end_lineno, pos.end_col_offset);
    if (state.byte_offsets)
        use_byte_offsets(state.error, pos.col_offset, pos.end_col_offset);
}

namespace {

std::string block_owner(const Token& first) {
    switch (first.kind) {
    case TokenKind::Def:
    case TokenKind::Async:
        return "function definition";
    case TokenKind::Class:
        return "class definition";
    default:
        return "'" + std::string(token_kind_text(first.kind)) + "' statement";
    }
}

bool starts_expression(TokenKind kind) {
    switch (kind) {
    case TokenKind::Name:
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::None:
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::LParen:
    case TokenKind::LBracket:
    case TokenKind::LBrace:
    case TokenKind::Lambda:
    case TokenKind::Not:
    case TokenKind::Tilde:
    case TokenKind::Await:
        return true;
    default:
        return false;
    }
}

bool ends_expression(TokenKind kind) {
    switch (kind) {
    case TokenKind::Name:
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::None:
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::RParen:
    case TokenKind::RBracket:
    case TokenKind::RBrace:
        return true;
    default:
        return false;
    }
}

} // namespace

void report_unexpected(ParserState& state, const Token& lookahead, bool colon_expected) {
    if (state.has_error)
        return;
    const Position& pos = lookahead.pos;
    if (lookahead.kind == TokenKind::Indent) {
        report(state, CompileErrorKind::IndentationError, "unexpected indent",
               {pos.lineno, pos.col_offset - 1, pos.lineno, -1});
        return;
    }
    bool at_line_end = lookahead.kind == TokenKind::Newline ||
                       lookahead.kind == TokenKind::EndOfInput ||
                       lookahead.kind == TokenKind::Dedent;
    if (state.previous.kind == TokenKind::Newline && state.header_first.pos.lineno > 0 &&
        state.header_first.pos.lineno <= state.previous.pos.lineno &&
        state.before_newline_kind == TokenKind::Colon) {
        std::string message = "expected an indented block after " +
                              block_owner(state.header_first) + " on line " +
                              std::to_string(state.header_first.pos.lineno);
        int32_t end = at_line_end ? -1 : pos.end_col_offset;
        report(state, CompileErrorKind::IndentationError, std::move(message),
               {pos.lineno, at_line_end ? 0 : pos.col_offset, pos.end_lineno, end});
        return;
    }
    if (colon_expected && lookahead.kind == TokenKind::Newline) {
        report(state, "expected ':'", {pos.lineno, pos.col_offset, pos.lineno, pos.col_offset});
        return;
    }
    if (state.line_first.kind == TokenKind::Name && state.line_first.text == "print" &&
        state.previous.pos.lineno == state.line_first.pos.lineno &&
        state.previous.pos.col_offset == state.line_first.pos.col_offset &&
        starts_expression(lookahead.kind)) {
        report(state, "Missing parentheses in call to 'print'. Did you mean print(...)?",
               span(state.line_first.pos, pos));
        return;
    }
    if (state.open_brackets > 0 && ends_expression(state.previous.kind) &&
        starts_expression(lookahead.kind) && state.previous.kind != TokenKind::RParen &&
        state.previous.kind != TokenKind::RBracket && state.previous.kind != TokenKind::RBrace) {
        report(state, "invalid syntax. Perhaps you forgot a comma?", span(state.previous.pos, pos));
        state.generic_error = true;
        return;
    }
    state.generic_error = true;
    if (at_line_end) {
        report(state, "invalid syntax", {pos.lineno, pos.col_offset, pos.lineno, pos.col_offset});
        return;
    }
    report(state, "invalid syntax", pos);
}

void check_single_statement_rest(ParserState& state) {
    if (state.has_error || state.current.kind != TokenKind::Newline)
        return;
    for (const char* p = state.lexer.cursor(); *p != '\0'; ++p) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\f')
            continue;
        if (*p != '#') {
            const Position& newline = state.current.pos;
            report(state, "multiple statements found while compiling a single statement",
                   {newline.lineno, newline.col_offset, newline.lineno, newline.col_offset});
            return;
        }
        while (p[1] != '\0' && p[1] != '\n')
            ++p;
    }
}

void check_class_arguments(ParserState& state, const std::vector<CallArgument>& args) {
    for (const CallArgument& arg : args) {
        if (arg.kind != CallArgument::Kind::BareGenerator)
            continue;
        const auto* generator = arg.value->as<GeneratorExp>();
        const Position& target = generator->generators[0]->target->pos;
        // The `for` keyword is the last word before the first target (past blanks and parentheses).
        std::string_view source = state.lexer.source();
        size_t line_start = 0;
        for (int32_t line = 1; line < target.lineno && line_start < source.size(); ++line) {
            size_t newline = source.find('\n', line_start);
            line_start = newline == std::string_view::npos ? source.size() : newline + 1;
        }
        Position at = target;
        size_t end = line_start + static_cast<size_t>(target.col_offset);
        while (end > line_start && (source[end - 1] == ' ' || source[end - 1] == '\t' ||
                                    source[end - 1] == '(' || source[end - 1] == '['))
            --end;
        if (end >= line_start + 3 && source.substr(end - 3, 3) == "for") {
            int32_t col = static_cast<int32_t>(end - 3 - line_start);
            at = {target.lineno, col, target.lineno, col + 3};
        }
        report(state, "invalid syntax", at);
        state.generic_error = true;
        return;
    }
}

// ====== Expressions

Expr* finish(ParserState& state, Expr* e, std::initializer_list<const Expr*> kids) {
    int depth = 0;
    for (const Expr* kid : kids) {
        if (kid != nullptr && kid->depth > depth)
            depth = kid->depth;
    }
    if (depth >= max_expression_depth) {
        report(state, CompileErrorKind::RecursionError,
               "maximum recursion depth exceeded during compilation", e->pos);
        depth = max_expression_depth;
    }
    e->depth = static_cast<uint16_t>(depth + 1);
    return e;
}

Expr* finish_list(ParserState& state, Expr* e, std::span<Expr* const> kids, const Expr* extra) {
    const Expr* deepest = extra;
    for (const Expr* kid : kids) {
        if (kid != nullptr && (deepest == nullptr || kid->depth > deepest->depth))
            deepest = kid;
    }
    return finish(state, e, {deepest});
}

Expr* make_name(ParserState& state, std::string_view id, const Position& pos) {
    auto* name = make_node<Name>(state, pos);
    name->id = id;
    return name;
}

Expr* make_constant(ParserState& state, ConstantKind kind, const Position& pos) {
    auto* constant = make_node<Constant>(state, pos);
    constant->value_kind = kind;
    return constant;
}

Expr* make_number(ParserState& state, std::string_view text, const Position& pos) {
    auto* constant = make_node<Constant>(state, pos);
    std::string message;
    if (!parse_number_literal(text, *constant, state.arena, message))
        report(state, message.empty() ? "invalid number literal" : message, pos);
    return constant;
}

Expr* make_strings(ParserState& state, std::vector<StringToken>& tokens, const Position& pos) {
    CompileError error;
    Expr* e = parse_string_literals(state.arena, tokens, state.options, error, state.warnings);
    if (e == nullptr) {
        if (!state.has_error) {
            state.has_error = true;
            state.error = std::move(error);
            if (state.error.filename.empty())
                state.error.filename = std::string(state.options.filename);
            if (state.error.text.empty() && state.error.lineno > 0 && state.line_shift == 0 &&
                state.first_line_col_shift == 0) {
                // The literal's own errors come as 1-based byte columns without the line: CPython
                // shows the line and counts characters.
                CompileError& err = state.error;
                int32_t col = err.offset - 1;
                int32_t end_col = err.end_offset > 0 ? err.end_offset - 1 : -1;
                set_error_location(err, state.lexer.source(), err.lineno, col, err.end_lineno,
                                   end_col);
                if (state.byte_offsets)
                    use_byte_offsets(err, col, end_col);
            }
        }
        return make_constant(state, ConstantKind::None, pos);
    }
    return e;
}

Expr* make_binop(ParserState& state, Expr* left, Operator op, Expr* right, const Position& pos) {
    auto* node = make_node<BinOp>(state, pos);
    node->left = left;
    node->op = op;
    node->right = right;
    return finish(state, node, {left, right});
}

Expr* make_unary(ParserState& state, UnaryOperator op, Expr* operand, const Position& pos) {
    auto* node = make_node<UnaryOp>(state, pos);
    node->op = op;
    node->operand = operand;
    return finish(state, node, {operand});
}

Expr* make_boolop(ParserState& state, BoolOperator op, std::vector<Expr*>& values,
                  const Position& pos) {
    auto* node = make_node<BoolOp>(state, pos);
    node->op = op;
    node->values = to_list(state, values);
    return finish_list(state, node, node->values);
}

Expr* make_compare(ParserState& state, Expr* left, std::vector<CompareOperator>& ops,
                   std::vector<Expr*>& comparators, const Position& pos) {
    auto* node = make_node<Compare>(state, pos);
    node->left = left;
    node->ops = to_list(state, ops);
    node->comparators = to_list(state, comparators);
    return finish_list(state, node, node->comparators, left);
}

Expr* make_tuple_expr(ParserState& state, std::vector<Expr*>& items, const Position& pos) {
    auto* node = make_node<TupleExpr>(state, pos);
    node->elts = to_list(state, items);
    return finish_list(state, node, node->elts);
}

Expr* make_list_expr(ParserState& state, std::vector<Expr*>& items, const Position& pos) {
    auto* node = make_node<ListExpr>(state, pos);
    node->elts = to_list(state, items);
    return finish_list(state, node, node->elts);
}

Expr* sequence_value(ParserState& state, Sequence& sequence, const Position& pos) {
    if (!sequence.has_comma && sequence.items.size() == 1)
        return sequence.items[0];
    return make_tuple_expr(state, sequence.items, pos);
}

Expr* make_starred(ParserState& state, Expr* value, const Position& pos) {
    auto* node = make_node<Starred>(state, pos);
    node->value = value;
    return finish(state, node, {value});
}

Expr* make_named(ParserState& state, Expr* target, Expr* value, const Position& pos) {
    if (target->kind != ExprKind::Name) {
        report(state,
               "cannot use assignment expressions with " + std::string(expression_name(target)),
               target->pos);
    } else {
        target->as<Name>()->ctx = ExprContext::Store;
    }
    auto* node = make_node<NamedExpr>(state, pos);
    node->target = target;
    node->value = value;
    return finish(state, node, {target, value});
}

Expr* make_ifexp(ParserState& state, Expr* body, Expr* test, Expr* orelse, const Position& pos) {
    auto* node = make_node<IfExp>(state, pos);
    node->test = test;
    node->body = body;
    node->orelse = orelse;
    return finish(state, node, {body, test, orelse});
}

Expr* make_lambda(ParserState& state, Arguments* args, Expr* body, const Position& pos) {
    auto* node = make_node<Lambda>(state, pos);
    node->args = args;
    node->body = body;
    const Expr* deepest = body;
    for (Expr* d : args->defaults)
        deepest = d->depth > deepest->depth ? d : deepest;
    for (Expr* d : args->kw_defaults)
        deepest = d != nullptr && d->depth > deepest->depth ? d : deepest;
    return finish(state, node, {deepest});
}

Expr* make_attribute(ParserState& state, Expr* value, std::string_view attr, const Position& pos) {
    auto* node = make_node<Attribute>(state, pos);
    node->value = value;
    node->attr = attr;
    return finish(state, node, {value});
}

Expr* make_subscript(ParserState& state, Expr* value, Expr* slice, const Position& pos) {
    auto* node = make_node<Subscript>(state, pos);
    node->value = value;
    node->slice = slice;
    return finish(state, node, {value, slice});
}

Expr* make_slice(ParserState& state, Expr* lower, Expr* upper, Expr* step, const Position& pos) {
    auto* node = make_node<Slice>(state, pos);
    node->lower = lower;
    node->upper = upper;
    node->step = step;
    return finish(state, node, {lower, upper, step});
}

Expr* make_slices(ParserState& state, Sequence& items, const Position& pos) {
    if (!items.has_comma && items.items.size() == 1 && items.items[0]->kind != ExprKind::Starred)
        return items.items[0];
    return make_tuple_expr(state, items.items, pos);
}

namespace {

Keyword* make_keyword(ParserState& state, const CallArgument& argument) {
    auto* keyword = state.arena.make<Keyword>();
    keyword->pos = argument.pos;
    keyword->value = argument.value;
    if (argument.kind == CallArgument::Kind::Keyword) {
        Expr* name = argument.name;
        if (name->kind == ExprKind::Name && !name->parenthesized) {
            keyword->arg = name->as<Name>()->id;
            keyword->has_arg = true;
        } else if (name->kind == ExprKind::Constant && !name->parenthesized &&
                   (name->as<Constant>()->value_kind == ConstantKind::True ||
                    name->as<Constant>()->value_kind == ConstantKind::False ||
                    name->as<Constant>()->value_kind == ConstantKind::None)) {
            report(state, "cannot assign to " + std::string(expression_name(name)), argument.pos);
        } else {
            report(state, "expression cannot contain assignment, perhaps you meant \"==\"?",
                   argument.pos);
        }
    }
    return keyword;
}

} // namespace

bool split_arguments(ParserState& state, std::vector<CallArgument>& args,
                     std::vector<Expr*>& positional, std::vector<Keyword*>& keywords,
                     const Position& closing) {
    bool seen_keyword = false, seen_double_star = false;
    for (CallArgument& argument : args) {
        switch (argument.kind) {
        case CallArgument::Kind::BareGenerator:
            if (args.size() > 1) {
                report(state, "Generator expression must be parenthesized", argument.value->pos);
                return false;
            }
            [[fallthrough]];
        case CallArgument::Kind::Positional:
            if (seen_double_star || seen_keyword) {
                report(state,
                       seen_double_star ? "positional argument follows keyword argument unpacking"
                                        : "positional argument follows keyword argument",
                       closing); // CPython points at the last token read
                return false;
            }
            positional.push_back(argument.value);
            break;
        case CallArgument::Kind::Starred:
            if (seen_double_star) {
                report(state, "iterable argument unpacking follows keyword argument unpacking",
                       argument.pos);
                return false;
            }
            positional.push_back(argument.value);
            break;
        case CallArgument::Kind::Keyword:
            seen_keyword = true;
            keywords.push_back(make_keyword(state, argument));
            break;
        case CallArgument::Kind::DoubleStarred:
            seen_double_star = true;
            keywords.push_back(make_keyword(state, argument));
            break;
        }
    }
    return true;
}

Expr* make_call(ParserState& state, Expr* func, std::vector<CallArgument>& args,
                const Position& pos, const Position& parens) {
    auto* node = make_node<Call>(state, pos);
    node->func = func;
    if (args.size() == 1 && args[0].kind == CallArgument::Kind::BareGenerator)
        args[0].value->pos = parens;
    std::vector<Expr*> positional;
    std::vector<Keyword*> keywords;
    Position closing{parens.end_lineno, parens.end_col_offset - 1, parens.end_lineno,
                     parens.end_col_offset};
    split_arguments(state, args, positional, keywords, closing);
    node->args = to_list(state, positional);
    node->keywords = to_list(state, keywords);
    const Expr* deepest = func;
    for (const CallArgument& argument : args)
        deepest = argument.value->depth > deepest->depth ? argument.value : deepest;
    return finish(state, node, {deepest});
}

Expr* make_await(ParserState& state, Expr* value, const Position& pos) {
    auto* node = make_node<Await>(state, pos);
    node->value = value;
    return finish(state, node, {value});
}

Expr* make_yield(ParserState& state, Expr* value, bool from, const Position& pos) {
    if (from) {
        auto* node = make_node<YieldFrom>(state, pos);
        node->value = value;
        return finish(state, node, {value});
    }
    auto* node = make_node<Yield>(state, pos);
    node->value = value;
    return finish(state, node, {value});
}

Expr* make_dict(ParserState& state, std::vector<DictItem>& items, const Position& pos) {
    auto* node = make_node<Dict>(state, pos);
    std::vector<Expr*> keys, values;
    keys.reserve(items.size());
    values.reserve(items.size());
    const Expr* deepest = nullptr;
    for (const DictItem& item : items) {
        keys.push_back(item.key);
        values.push_back(item.value);
        for (const Expr* e : {item.key, item.value}) {
            if (e != nullptr && (deepest == nullptr || e->depth > deepest->depth))
                deepest = e;
        }
    }
    node->keys = to_list(state, keys);
    node->values = to_list(state, values);
    return finish(state, node, {deepest});
}

Expr* make_set(ParserState& state, std::vector<Expr*>& items, const Position& pos) {
    auto* node = make_node<Set>(state, pos);
    node->elts = to_list(state, items);
    return finish_list(state, node, node->elts);
}

Comprehension* make_comprehension(ParserState& state, Expr* target, Expr* iter, bool is_async) {
    auto* node = state.arena.make<Comprehension>();
    node->target = target;
    node->iter = iter;
    node->is_async = is_async ? 1 : 0;
    return node;
}

void add_comprehension_if(ParserState& state, std::vector<Comprehension*>& clauses,
                          Expr* condition) {
    Comprehension* last = clauses.back();
    std::vector<Expr*> ifs(last->ifs.begin(), last->ifs.end());
    ifs.push_back(condition);
    last->ifs = to_list(state, ifs);
}

namespace {

const Expr* deepest_in(std::vector<Comprehension*>& generators, const Expr* start) {
    const Expr* deepest = start;
    auto consider = [&](const Expr* e) {
        if (e != nullptr && e->depth > deepest->depth)
            deepest = e;
    };
    for (Comprehension* c : generators) {
        consider(c->target);
        consider(c->iter);
        for (Expr* e : c->ifs)
            consider(e);
    }
    return deepest;
}

} // namespace

Expr* make_comprehension_expr(ParserState& state, ComprehensionKind kind, Expr* elt,
                              std::vector<Comprehension*>& generators, const Position& pos) {
    List<Comprehension*> list = to_list(state, generators);
    const Expr* deepest = deepest_in(generators, elt);
    switch (kind) {
    case ComprehensionKind::List: {
        auto* node = make_node<ListComp>(state, pos);
        node->elt = elt;
        node->generators = list;
        return finish(state, node, {deepest});
    }
    case ComprehensionKind::Set: {
        auto* node = make_node<SetComp>(state, pos);
        node->elt = elt;
        node->generators = list;
        return finish(state, node, {deepest});
    }
    case ComprehensionKind::Generator:
        break;
    }
    auto* node = make_node<GeneratorExp>(state, pos);
    node->elt = elt;
    node->generators = list;
    return finish(state, node, {deepest});
}

Expr* make_dictcomp(ParserState& state, Expr* key, Expr* value,
                    std::vector<Comprehension*>& generators, const Position& pos) {
    auto* node = make_node<DictComp>(state, pos);
    node->key = key;
    node->value = value;
    node->generators = to_list(state, generators);
    const Expr* deepest = deepest_in(generators, key->depth > value->depth ? key : value);
    return finish(state, node, {deepest});
}

Expr* parenthesize(ParserState&, Expr* inner) {
    inner->parenthesized = true;
    return inner;
}

// ====== `with (a as b, c):`

Expr* make_as_item(ParserState& state, Expr* context, Expr* target, const Position& as_pos) {
    auto* node = make_node<AsItem>(state, span(context->pos, target->pos));
    node->item = state.arena.make<WithItem>();
    node->item->context_expr = context;
    node->item->optional_vars = to_target(state, target, TargetUse::With);
    node->as_pos = as_pos;
    return finish(state, node, {context, target});
}

Expr* make_paren_group(ParserState& state, Sequence& items, const Position& pos) {
    const AsItem* first_as = nullptr;
    for (const Expr* e : items.items) {
        if (e->kind == as_item_kind) {
            first_as = static_cast<const AsItem*>(e);
            break;
        }
    }
    if (first_as == nullptr) {
        if (!items.has_comma && items.items.size() == 1) {
            // `(*a)` is never valid: a starred item needs a tuple, list or set around it.
            if (items.items[0]->kind == ExprKind::Starred)
                report(state, "cannot use starred expression here", items.items[0]->pos);
            return parenthesize(state, items.items[0]);
        }
        Expr* tuple = make_tuple_expr(state, items.items, pos);
        tuple->parenthesized = true;
        return tuple;
    }
    std::vector<WithItem*> with_items;
    for (Expr* e : items.items) {
        if (e->kind == as_item_kind) {
            with_items.push_back(static_cast<AsItem*>(e)->item);
        } else {
            auto* item = state.arena.make<WithItem>();
            item->context_expr = e;
            with_items.push_back(item);
        }
    }
    auto* group = make_node<WithGroup>(state, pos);
    group->items = to_list(state, with_items);
    group->as_pos = first_as->as_pos;
    state.pending_with_groups.push_back(group);
    return finish_list(state, group, items.items);
}

std::vector<WithItem*> claim_with_items(ParserState& state, std::vector<WithItem*>& items) {
    if (items.size() != 1 || items[0]->optional_vars != nullptr)
        return std::move(items);
    Expr* e = items[0]->context_expr;
    if (e->kind == with_group_kind) {
        auto& pending = state.pending_with_groups;
        pending.erase(std::remove(pending.begin(), pending.end(), e), pending.end());
        auto* group = static_cast<WithGroup*>(e);
        return {group->items.begin(), group->items.end()};
    }
    // CPython 3.11: `with (a, b):` is two items, while `with (a, b) as c:` is one.
    if (e->kind == ExprKind::TupleExpr && e->parenthesized && !e->as<TupleExpr>()->elts.empty()) {
        std::vector<WithItem*> split;
        for (Expr* elt : e->as<TupleExpr>()->elts) {
            if (elt->kind == ExprKind::Starred)
                return std::move(items);
            auto* item = state.arena.make<WithItem>();
            item->context_expr = elt;
            split.push_back(item);
        }
        return split;
    }
    return std::move(items);
}

Position pending_with_group_position(const ParserState& state) {
    return static_cast<const WithGroup*>(state.pending_with_groups.front())->as_pos;
}

// ====== Targets

std::string_view expression_name(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Attribute:
        return "attribute";
    case ExprKind::Subscript:
        return "subscript";
    case ExprKind::Starred:
        return "starred";
    case ExprKind::Name:
        return "name";
    case ExprKind::ListExpr:
        return "list";
    case ExprKind::TupleExpr:
        return "tuple";
    case ExprKind::Lambda:
        return "lambda";
    case ExprKind::Call:
        return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp:
        return "expression";
    case ExprKind::GeneratorExp:
        return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
        return "yield expression";
    case ExprKind::Await:
        return "await expression";
    case ExprKind::ListComp:
        return "list comprehension";
    case ExprKind::SetComp:
        return "set comprehension";
    case ExprKind::DictComp:
        return "dict comprehension";
    case ExprKind::Dict:
        return "dict literal";
    case ExprKind::Set:
        return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
        return "f-string expression";
    case ExprKind::Constant:
        switch (e->as<Constant>()->value_kind) {
        case ConstantKind::None:
            return "None";
        case ConstantKind::True:
            return "True";
        case ConstantKind::False:
            return "False";
        case ConstantKind::Ellipsis:
            return "ellipsis";
        default:
            return "literal";
        }
    case ExprKind::Compare:
        return "comparison";
    case ExprKind::IfExp:
        return "conditional expression";
    case ExprKind::NamedExpr:
        return "named expression";
    default:
        return "expression";
    }
}

namespace {

Expr* target_error(ParserState& state, Expr* e, TargetUse use, bool top_level) {
    std::string_view name = expression_name(e);
    if ((use == TargetUse::Assign || use == TargetUse::AssignFirst) &&
        (e->kind == ExprKind::Yield || e->kind == ExprKind::YieldFrom)) {
        report(state, "assignment to yield expression not possible", e->pos);
        return nullptr;
    }
    std::string message = target_error_prefix(use) + std::string(name);
    bool is_singleton =
        e->kind == ExprKind::Constant && (name == "None" || name == "True" || name == "False");
    if (use == TargetUse::AssignFirst && top_level && !is_singleton)
        message += " here. Maybe you meant '==' instead of '='?";
    report(state, std::move(message), e->pos);
    return nullptr;
}

Expr* set_target(ParserState& state, Expr* e, TargetUse use, bool top_level) {
    ExprContext ctx = use == TargetUse::Del ? ExprContext::Del : ExprContext::Store;
    switch (e->kind) {
    case ExprKind::Name:
        e->as<Name>()->ctx = ctx;
        return e;
    case ExprKind::Attribute:
        e->as<Attribute>()->ctx = ctx;
        return e;
    case ExprKind::Subscript:
        e->as<Subscript>()->ctx = ctx;
        return e;
    case ExprKind::Starred:
        if (use == TargetUse::Del)
            return target_error(state, e, use, top_level);
        if (top_level && (use == TargetUse::Assign || use == TargetUse::AssignFirst)) {
            report(state, "starred assignment target must be in a list or tuple", e->pos);
            return nullptr;
        }
        e->as<Starred>()->ctx = ctx;
        return set_target(state, e->as<Starred>()->value, use, false) ? e : nullptr;
    case ExprKind::TupleExpr:
        e->as<TupleExpr>()->ctx = ctx;
        for (Expr* elt : e->as<TupleExpr>()->elts) {
            if (!set_target(state, elt, use, false))
                return nullptr;
        }
        return e;
    case ExprKind::ListExpr:
        e->as<ListExpr>()->ctx = ctx;
        for (Expr* elt : e->as<ListExpr>()->elts) {
            if (!set_target(state, elt, use, false))
                return nullptr;
        }
        return e;
    default:
        return target_error(state, e, use, top_level);
    }
}

} // namespace

Expr* to_target(ParserState& state, Expr* e, TargetUse use) {
    return set_target(state, e, use, true);
}

Expr* sequence_target(ParserState& state, Sequence& items, const Position& pos, TargetUse use) {
    Expr* e = sequence_value(state, items, pos);
    Expr* target = to_target(state, e, use);
    return target != nullptr ? target : e;
}

// ====== Statements

Stmt* make_expr_statement(ParserState& state, Sequence& value, const Position& pos) {
    auto* node = make_node<ExprStmt>(state, pos);
    node->value = sequence_value(state, value, pos);
    if (node->value->kind == ExprKind::Starred)
        report(state, "can't use starred expression here", node->value->pos);
    return node;
}

Stmt* make_assign(ParserState& state, std::vector<Expr*>& chain, const Position& pos) {
    auto* node = make_node<Assign>(state, pos);
    Expr* value = chain.back();
    chain.pop_back();
    for (Expr*& target : chain) {
        Expr* converted = to_target(state, target, TargetUse::AssignFirst);
        if (converted != nullptr)
            target = converted;
    }
    node->targets = to_list(state, chain);
    node->value = value;
    return node;
}

Stmt* make_augassign(ParserState& state, Expr* target, Operator op, Expr* value,
                     const Position& pos) {
    auto* node = make_node<AugAssign>(state, pos);
    if (target->kind == ExprKind::Name || target->kind == ExprKind::Attribute ||
        target->kind == ExprKind::Subscript) {
        to_target(state, target, TargetUse::AugAssign);
    } else {
        report(state,
               "'" + std::string(expression_name(target)) +
                   "' is an illegal expression for augmented assignment",
               target->pos);
    }
    node->target = target;
    node->op = op;
    node->value = value;
    return node;
}

Stmt* make_annassign(ParserState& state, Expr* target, Expr* annotation, Expr* value,
                     const Position& pos) {
    auto* node = make_node<AnnAssign>(state, pos);
    switch (target->kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
        to_target(state, target, TargetUse::Assign);
        break;
    case ExprKind::TupleExpr:
        report(state, "only single target (not tuple) can be annotated", target->pos);
        break;
    case ExprKind::ListExpr:
        report(state, "only single target (not list) can be annotated", target->pos);
        break;
    default:
        report(state, "illegal target for annotation", target->pos);
        break;
    }
    node->target = target;
    node->annotation = annotation;
    node->value = value;
    node->simple = target->kind == ExprKind::Name && !target->parenthesized ? 1 : 0;
    return node;
}

Stmt* make_delete(ParserState& state, Sequence& targets, const Position& pos) {
    auto* node = make_node<Delete>(state, pos);
    for (Expr* e : targets.items)
        to_target(state, e, TargetUse::Del);
    node->targets = to_list(state, targets.items);
    return node;
}

Arg* make_arg(ParserState& state, std::string_view name, Expr* annotation, const Position& pos) {
    auto* arg = state.arena.make<Arg>();
    arg->pos = pos;
    arg->arg = name;
    arg->annotation = annotation;
    return arg;
}

Arguments* make_arguments(ParserState& state, std::vector<Parameter>& params) {
    auto* arguments = state.arena.make<Arguments>();
    std::vector<Arg*> posonly, args, kwonly;
    std::vector<Expr*> defaults, kw_defaults;
    bool seen_slash = false, seen_star = false, seen_default = false;
    const Parameter* bare_star = nullptr;
    for (size_t i = 0; i < params.size(); ++i) {
        const Parameter& p = params[i];
        if (arguments->kwarg != nullptr) {
            report(state, "arguments cannot follow var-keyword argument", p.pos);
            break;
        }
        switch (p.kind) {
        case Parameter::Kind::Slash:
            if (seen_slash) {
                report(state, "/ may appear only once", p.pos);
            } else if (seen_star) {
                report(state, "/ must be ahead of *", p.pos);
            } else if (args.empty()) {
                report(state, "at least one argument must precede /", p.pos);
            }
            seen_slash = true;
            posonly.insert(posonly.end(), args.begin(), args.end());
            args.clear();
            break;
        case Parameter::Kind::Star:
            if (seen_star) {
                report(state, "* argument may appear only once", p.pos);
            }
            seen_star = true;
            if (p.arg != nullptr)
                arguments->vararg = p.arg;
            else
                bare_star = &p;
            break;
        case Parameter::Kind::DoubleStar:
            arguments->kwarg = p.arg;
            break;
        case Parameter::Kind::Plain:
            if (seen_star) {
                kwonly.push_back(p.arg);
                kw_defaults.push_back(p.default_value);
            } else if (p.default_value != nullptr) {
                args.push_back(p.arg);
                defaults.push_back(p.default_value);
                seen_default = true;
            } else {
                if (seen_default)
                    report(state, "non-default argument follows default argument", p.pos);
                args.push_back(p.arg);
            }
            break;
        }
    }
    if (bare_star != nullptr && kwonly.empty())
        report(state, "named arguments must follow bare *", bare_star->pos);
    arguments->posonlyargs = to_list(state, posonly);
    arguments->args = to_list(state, args);
    arguments->kwonlyargs = to_list(state, kwonly);
    arguments->kw_defaults = to_list(state, kw_defaults);
    arguments->defaults = to_list(state, defaults);
    return arguments;
}

Alias* make_alias(ParserState& state, std::string_view name, std::string_view asname,
                  bool has_asname, const Position& pos) {
    auto* alias = state.arena.make<Alias>();
    alias->pos = pos;
    alias->name = name;
    alias->asname = asname;
    alias->has_asname = has_asname;
    return alias;
}

DottedName join_dotted(ParserState& state, const DottedName& left, std::string_view name,
                       const Position& pos) {
    const char* left_end = left.text.data() + left.text.size();
    if (left_end[0] == '.' && left_end + 1 == name.data())
        return {std::string_view(left.text.data(), left.text.size() + 1 + name.size()), pos};
    std::string joined(left.text);
    joined += '.';
    joined += name;
    return {state.arena.copy(std::string_view(joined)), pos};
}

ExceptHandler* make_handler(ParserState& state, Expr* type, std::string_view name, bool has_name,
                            std::vector<Stmt*>& body, const Position& pos) {
    auto* handler = state.arena.make<ExceptHandler>();
    handler->type = type;
    handler->name = name;
    handler->has_name = has_name;
    handler->body = to_list(state, body);
    handler->pos = block_end(pos, body);
    return handler;
}

Position block_end(const Position& start, const std::vector<Stmt*>& body) {
    if (body.empty())
        return start;
    const Position& last = body.back()->pos;
    return {start.lineno, start.col_offset, last.end_lineno, last.end_col_offset};
}

} // namespace minipy::compiler::parsing
