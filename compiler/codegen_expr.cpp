// Expressions: names (fast, deref, global, name ops chosen from the symbol table), operators,
// displays with star-unpacking, calls (LOAD_METHOD + CALL, KW_NAMES, CALL_FUNCTION_EX),
// comparisons, conditionals, f-strings, lambdas, comprehensions, yield/await, and
// assignment/deletion targets. Invariant: every compile_* leaves exactly one value on the stack for
// an expression (targets consume the value below them) and returns false after an error.
#include <algorithm>

#include "compiler/codegen_internal.h"

namespace minipy::compiler::codegen_detail {

namespace {

// CPython's STACK_USE_GUIDELINE: beyond this many items, displays and calls are built piecewise.
constexpr size_t stack_use_guideline = 30;

vm::BinaryOpArg binary_op_arg(ast::Operator op) {
    using O = ast::Operator;
    using B = vm::BinaryOpArg;
    switch (op) {
    case O::Add:
        return B::Add;
    case O::Sub:
        return B::Subtract;
    case O::Mult:
        return B::Multiply;
    case O::MatMult:
        return B::MatrixMultiply;
    case O::Div:
        return B::TrueDivide;
    case O::Mod:
        return B::Remainder;
    case O::Pow:
        return B::Power;
    case O::LShift:
        return B::Lshift;
    case O::RShift:
        return B::Rshift;
    case O::BitOr:
        return B::Or;
    case O::BitXor:
        return B::Xor;
    case O::BitAnd:
        return B::And;
    case O::FloorDiv:
        return B::FloorDivide;
    }
    return B::Add;
}

bool is_starred(const ast::Expr* expr) {
    return expr->kind == ast::ExprKind::Starred;
}

bool has_starred(ast::List<ast::Expr*> elts) {
    return std::any_of(elts.begin(), elts.end(), is_starred);
}

// A literal that `is` compares by identity only by accident (CPython's check_is_arg).
bool is_literal_for_is(const ast::Expr* expr) {
    if (expr->kind == ast::ExprKind::TupleExpr || expr->kind == ast::ExprKind::ListExpr ||
        expr->kind == ast::ExprKind::Dict || expr->kind == ast::ExprKind::Set)
        return false; // CPython only warns for constants
    if (expr->kind != ast::ExprKind::Constant)
        return false;
    auto kind = expr->as<ast::Constant>()->value_kind;
    return kind != ast::ConstantKind::None && kind != ast::ConstantKind::True &&
           kind != ast::ConstantKind::False && kind != ast::ConstantKind::Ellipsis;
}

} // namespace

// ====== Names

int32_t Compiler::deref_index(std::string_view name) {
    Unit& u = unit();
    for (size_t i = 0; i < u.cellvars.size(); i++)
        if (u.cellvars[i] == name)
            return static_cast<int32_t>(i);
    for (size_t i = 0; i < u.freevars.size(); i++)
        if (u.freevars[i] == name)
            return static_cast<int32_t>(u.cellvars.size() + i);
    return -1;
}

bool Compiler::emit_name(std::string_view raw, ast::ExprContext ctx, const ast::Position& pos) {
    // CPython's forbidden_name: __debug__ is a constant.
    if (raw == "__debug__" && ctx == ast::ExprContext::Store)
        return fail("cannot assign to __debug__", pos);
    if (raw == "__debug__" && ctx == ast::ExprContext::Del)
        return fail("cannot delete __debug__", pos);
    std::string_view name = mangle(raw);
    Unit& u = unit();
    SymbolScope scope = u.scope ? u.scope->scope_of(name) : SymbolScope::Unknown;
    bool function = u.scope && u.scope->kind == ScopeKind::Function;
    enum class Kind { Name, Fast, Global, Deref } kind = Kind::Name;
    switch (scope) {
    case SymbolScope::Free:
    case SymbolScope::Cell:
        kind = Kind::Deref;
        break;
    case SymbolScope::Local:
        kind = function ? Kind::Fast : Kind::Name;
        break;
    case SymbolScope::GlobalImplicit:
        kind = function ? Kind::Global : Kind::Name;
        break;
    case SymbolScope::GlobalExplicit:
        kind = Kind::Global;
        break;
    case SymbolScope::Unknown:
        break;
    }
    using C = ast::ExprContext;
    switch (kind) {
    case Kind::Deref: {
        int32_t index = deref_index(name);
        if (index < 0)
            return fail("internal compiler error: no cell for '" + std::string(name) + "'", pos);
        Opcode op = ctx == C::Load
                        ? (u.kind == UnitKind::Class ? Opcode::LOAD_CLASSDEREF : Opcode::LOAD_DEREF)
                    : ctx == C::Store ? Opcode::STORE_DEREF
                                      : Opcode::DELETE_DEREF;
        emit(op, static_cast<uint32_t>(index));
        return true;
    }
    case Kind::Fast:
        emit(ctx == C::Load    ? Opcode::LOAD_FAST
             : ctx == C::Store ? Opcode::STORE_FAST
                               : Opcode::DELETE_FAST,
             add_varname(name));
        return true;
    case Kind::Global:
        if (ctx == C::Load)
            emit(Opcode::LOAD_GLOBAL, add_name(name) << 1);
        else
            emit(ctx == C::Store ? Opcode::STORE_GLOBAL : Opcode::DELETE_GLOBAL, add_name(name));
        return true;
    case Kind::Name:
        emit(ctx == C::Load    ? Opcode::LOAD_NAME
             : ctx == C::Store ? Opcode::STORE_NAME
                               : Opcode::DELETE_NAME,
             add_name(name));
        return true;
    }
    return true;
}

// ====== Displays

namespace {

struct SequenceOps {
    Opcode build, add, extend;
    bool tuple;
};

} // namespace

bool Compiler::compile_exprs(ast::List<ast::Expr*> exprs) {
    for (const ast::Expr* expr : exprs)
        if (!compile_expr(expr))
            return false;
    return true;
}

// CPython's starunpack_helper: builds a list/tuple/set from elements that may contain `*x`.
static bool compile_sequence(Compiler& c, ast::List<ast::Expr*> elts, uint32_t pushed,
                             SequenceOps ops) {
    size_t n = elts.size();
    if (n > 2 && !has_starred(elts)) {
        ConstantValue folded;
        folded.kind = ConstantKind::Tuple;
        bool all_constant = true;
        for (const ast::Expr* elt : elts) {
            Folded item = fold_expression(elt, c.options().optimize);
            if (!item) {
                all_constant = false;
                break;
            }
            folded.items.push_back(std::move(*item));
        }
        if (all_constant) {
            if (ops.tuple && pushed == 0) {
                c.emit_const(std::move(folded));
                return true;
            }
            if (ops.add == Opcode::SET_ADD)
                folded.kind = ConstantKind::FrozenSet;
            c.emit(ops.build, pushed);
            c.emit_const(std::move(folded));
            c.emit(ops.extend, 1);
            if (ops.tuple)
                c.emit(Opcode::LIST_TO_TUPLE);
            return true;
        }
    }
    bool big = n + pushed > stack_use_guideline;
    if (!has_starred(elts) && !big) {
        if (!c.compile_exprs(elts))
            return false;
        c.emit(ops.tuple ? Opcode::BUILD_TUPLE : ops.build, static_cast<uint32_t>(n) + pushed);
        return true;
    }
    bool built = false;
    if (big) {
        c.emit(ops.build, pushed);
        built = true;
    }
    for (size_t i = 0; i < n; i++) {
        const ast::Expr* elt = elts[i];
        if (is_starred(elt)) {
            if (!built) {
                c.emit(ops.build, static_cast<uint32_t>(i) + pushed);
                built = true;
            }
            if (!c.compile_expr(elt->as<ast::Starred>()->value))
                return false;
            c.emit(ops.extend, 1);
        } else {
            if (!c.compile_expr(elt))
                return false;
            if (built)
                c.emit(ops.add, 1);
        }
    }
    if (ops.tuple)
        c.emit(Opcode::LIST_TO_TUPLE);
    return true;
}

// Keys/values [begin, end) of a dict display without `**` (CPython 3.11's compiler_subdict): a
// constant-keys map for small runs, BUILD_MAP 0 + MAP_ADD for big ones.
static bool compile_subdict(Compiler& c, const ast::Dict* dict, size_t begin, size_t end) {
    size_t n = end - begin;
    bool big = n * 2 > stack_use_guideline;
    bool constant_keys = n > 1 && !big;
    ConstantValue keys;
    keys.kind = ConstantKind::Tuple;
    for (size_t i = begin; constant_keys && i < end; i++) {
        if (dict->keys[i]->kind != ast::ExprKind::Constant) {
            constant_keys = false;
            break;
        }
        keys.items.push_back(constant_from_ast(dict->keys[i]->as<ast::Constant>()));
    }
    if (constant_keys) {
        for (size_t i = begin; i < end; i++)
            if (!c.compile_expr(dict->values[i]))
                return false;
        c.emit_const(std::move(keys));
        c.emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<uint32_t>(n));
        return true;
    }
    if (big)
        c.emit(Opcode::BUILD_MAP, 0);
    for (size_t i = begin; i < end; i++) {
        if (!c.compile_expr(dict->keys[i]) || !c.compile_expr(dict->values[i]))
            return false;
        if (big)
            c.emit(Opcode::MAP_ADD, 1);
    }
    if (!big)
        c.emit(Opcode::BUILD_MAP, static_cast<uint32_t>(n));
    return true;
}

static bool compile_dict(Compiler& c, const ast::Dict* dict) {
    size_t n = dict->values.size();
    size_t elements = 0;
    bool have_dict = false;
    auto flush = [&](size_t begin, size_t end) {
        if (!compile_subdict(c, dict, begin, end))
            return false;
        if (have_dict)
            c.emit(Opcode::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
        return true;
    };
    for (size_t i = 0; i < n; i++) {
        if (dict->keys[i] == nullptr) {
            if (elements && !flush(i - elements, i))
                return false;
            if (!have_dict) {
                c.emit(Opcode::BUILD_MAP, 0);
                have_dict = true;
            }
            if (!c.compile_expr(dict->values[i]))
                return false;
            c.emit(Opcode::DICT_UPDATE, 1);
        } else if (elements * 2 > stack_use_guideline) {
            if (!flush(i - elements, i + 1))
                return false;
        } else {
            elements++;
        }
    }
    if (elements && !flush(n - elements, n))
        return false;
    if (!have_dict)
        c.emit(Opcode::BUILD_MAP, 0);
    return true;
}

// ====== Calls

// Keyword arguments [begin, end), none of them `**` (CPython's compiler_subkwargs).
static void compile_subkwargs(Compiler& c, ast::List<ast::Keyword*> keywords, size_t begin,
                              size_t end, bool& ok) {
    size_t n = end - begin;
    if (n > 1) {
        ConstantValue keys;
        keys.kind = ConstantKind::Tuple;
        for (size_t i = begin; i < end; i++) {
            ConstantValue key;
            key.kind = ConstantKind::Str;
            key.text = std::string(keywords[i]->arg);
            keys.items.push_back(std::move(key));
            ok = ok && c.compile_expr(keywords[i]->value);
        }
        c.emit_const(std::move(keys));
        c.emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<uint32_t>(n));
        return;
    }
    for (size_t i = begin; i < end; i++) {
        ConstantValue key;
        key.kind = ConstantKind::Str;
        key.text = std::string(keywords[i]->arg);
        c.emit_const(std::move(key));
        ok = ok && c.compile_expr(keywords[i]->value);
    }
    c.emit(Opcode::BUILD_MAP, static_cast<uint32_t>(n));
}

// compiler/codegen_stmt.cpp
bool check_debug_args(Compiler& c, const ast::Arguments* args, const ast::Position& pos);
bool check_debug_keywords(Compiler& c, ast::List<ast::Keyword*> keywords, const ast::Position& pos);

static bool validate_keywords(Compiler& c, ast::List<ast::Keyword*> keywords) {
    for (size_t i = 0; i < keywords.size(); i++) {
        if (!keywords[i]->has_arg)
            continue;
        for (size_t j = i + 1; j < keywords.size(); j++)
            if (keywords[j]->has_arg && keywords[j]->arg == keywords[i]->arg)
                return c.fail("keyword argument repeated: " + std::string(keywords[i]->arg),
                              keywords[j]->pos);
    }
    return true;
}

bool Compiler::compile_call_helper(int prefix_args, ast::List<ast::Expr*> args,
                                   ast::List<ast::Keyword*> keywords) {
    if (!validate_keywords(*this, keywords))
        return false;
    size_t n = args.size();
    size_t nkw = keywords.size();
    bool simple = n + nkw * 2 <= stack_use_guideline && !has_starred(args) &&
                  std::all_of(keywords.begin(), keywords.end(),
                              [](const ast::Keyword* k) { return k->has_arg; });
    if (simple) {
        if (!compile_exprs(args))
            return false;
        if (nkw) {
            ConstantValue names;
            names.kind = ConstantKind::Tuple;
            for (const ast::Keyword* keyword : keywords) {
                if (!compile_expr(keyword->value))
                    return false;
                ConstantValue name;
                name.kind = ConstantKind::Str;
                name.text = std::string(keyword->arg);
                names.items.push_back(std::move(name));
            }
            emit(Opcode::KW_NAMES, add_const(std::move(names)));
        }
        emit(Opcode::CALL, static_cast<uint32_t>(prefix_args + static_cast<int>(n + nkw)));
        return true;
    }
    // The general form: a tuple of positional arguments and a dict of keyword arguments.
    if (prefix_args == 0 && n == 1 && is_starred(args[0])) {
        if (!compile_expr(args[0]->as<ast::Starred>()->value))
            return false;
    } else if (!compile_sequence(
                   *this, args, static_cast<uint32_t>(prefix_args),
                   {Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true})) {
        return false;
    }
    if (nkw) {
        bool have_dict = false;
        size_t seen = 0;
        bool ok = true;
        for (size_t i = 0; i < nkw; i++) {
            if (keywords[i]->has_arg) {
                seen++;
                continue;
            }
            if (seen) {
                compile_subkwargs(*this, keywords, i - seen, i, ok);
                if (have_dict)
                    emit(Opcode::DICT_MERGE, 1);
                have_dict = true;
                seen = 0;
            }
            if (!have_dict) {
                emit(Opcode::BUILD_MAP, 0);
                have_dict = true;
            }
            ok = ok && compile_expr(keywords[i]->value);
            emit(Opcode::DICT_MERGE, 1);
        }
        if (seen) {
            compile_subkwargs(*this, keywords, nkw - seen, nkw, ok);
            if (have_dict)
                emit(Opcode::DICT_MERGE, 1);
        }
        if (!ok)
            return false;
    }
    emit(Opcode::CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
    return true;
}

static bool compile_call(Compiler& c, const ast::Call* call) {
    if (!check_debug_keywords(c, call->keywords, call->pos))
        return false;
    // Method calls skip the bound-method object: LOAD_METHOD pushes [method, self] or [NULL, attr].
    if (call->func->kind == ast::ExprKind::Attribute &&
        call->func->as<ast::Attribute>()->ctx == ast::ExprContext::Load &&
        !has_starred(call->args) &&
        std::all_of(call->keywords.begin(), call->keywords.end(),
                    [](const ast::Keyword* k) { return k->has_arg; }) &&
        call->args.size() + call->keywords.size() < stack_use_guideline) {
        const auto* attr = call->func->as<ast::Attribute>();
        if (!c.compile_expr(attr->value))
            return false;
        c.set_location(attr->pos);
        c.emit(Opcode::LOAD_METHOD, c.add_name(c.mangle(attr->attr)));
        c.set_location(call->pos); // CALL covers the whole call, as CPython's
        if (!c.compile_call_helper(0, call->args, call->keywords))
            return false;
        return true;
    }
    c.emit(Opcode::PUSH_NULL);
    if (!c.compile_expr(call->func))
        return false;
    // PUSH_NULL + LOAD_GLOBAL fold into LOAD_GLOBAL with its push-NULL bit.
    auto& instrs = c.unit().blocks[static_cast<size_t>(c.unit().current)].instrs;
    if (instrs.size() >= 2 && instrs.back().op == Opcode::LOAD_GLOBAL &&
        instrs[instrs.size() - 2].op == Opcode::PUSH_NULL) {
        Instr load = instrs.back();
        instrs.pop_back();
        instrs.back() = load;
        instrs.back().arg |= 1;
    }
    c.set_location(call->pos);
    return c.compile_call_helper(0, call->args, call->keywords);
}

// ====== Comparisons and conditions

static void emit_compare(Compiler& c, ast::CompareOperator op) {
    using O = ast::CompareOperator;
    using A = vm::CompareOpArg;
    switch (op) {
    case O::Eq:
        c.emit(Opcode::COMPARE_OP, static_cast<uint32_t>(A::Eq));
        break;
    case O::NotEq:
        c.emit(Opcode::COMPARE_OP, static_cast<uint32_t>(A::Ne));
        break;
    case O::Lt:
        c.emit(Opcode::COMPARE_OP, static_cast<uint32_t>(A::Lt));
        break;
    case O::LtE:
        c.emit(Opcode::COMPARE_OP, static_cast<uint32_t>(A::Le));
        break;
    case O::Gt:
        c.emit(Opcode::COMPARE_OP, static_cast<uint32_t>(A::Gt));
        break;
    case O::GtE:
        c.emit(Opcode::COMPARE_OP, static_cast<uint32_t>(A::Ge));
        break;
    case O::Is:
        c.emit(Opcode::IS_OP, 0);
        break;
    case O::IsNot:
        c.emit(Opcode::IS_OP, 1);
        break;
    case O::In:
        c.emit(Opcode::CONTAINS_OP, 0);
        break;
    case O::NotIn:
        c.emit(Opcode::CONTAINS_OP, 1);
        break;
    }
}

// A comparator. For the last one only, `x in [1, 2]` and `x in {1, 2}` use a constant tuple or
// frozenset, and `x in [a, b]` builds a tuple (ast_opt.c's fold_compare/fold_iter). An earlier
// comparator is also a left operand (`1 in [1] in [[1]]` tests `[1] in [[1]]`), so its type
// must stay as written.
static bool compile_comparator(Compiler& c, const ast::Expr* expr, ast::CompareOperator op,
                               bool last) {
    bool membership = last && (op == ast::CompareOperator::In || op == ast::CompareOperator::NotIn);
    if (membership && (expr->kind == ast::ExprKind::ListExpr || expr->kind == ast::ExprKind::Set)) {
        auto elts = expr->kind == ast::ExprKind::ListExpr ? expr->as<ast::ListExpr>()->elts
                                                          : expr->as<ast::Set>()->elts;
        ConstantValue folded;
        folded.kind =
            expr->kind == ast::ExprKind::Set ? ConstantKind::FrozenSet : ConstantKind::Tuple;
        bool all_constant = !has_starred(elts);
        for (const ast::Expr* elt : elts) {
            if (!all_constant)
                break;
            Folded item = fold_expression(elt, c.options().optimize);
            if (!item)
                all_constant = false;
            else
                folded.items.push_back(std::move(*item));
        }
        if (all_constant) {
            c.emit_const(std::move(folded));
            return true;
        }
        if (expr->kind == ast::ExprKind::ListExpr && !has_starred(elts))
            return compile_sequence(
                c, elts, 0, {Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true});
    }
    return c.compile_expr(expr);
}

static bool compile_compare(Compiler& c, const ast::Compare* compare) {
    for (size_t i = 0; i < compare->ops.size(); i++) {
        if (compare->ops[i] != ast::CompareOperator::Is &&
            compare->ops[i] != ast::CompareOperator::IsNot)
            continue;
        const ast::Expr* left = i == 0 ? compare->left : compare->comparators[i - 1];
        if (is_literal_for_is(left) || is_literal_for_is(compare->comparators[i])) {
            bool negated = compare->ops[i] == ast::CompareOperator::IsNot;
            c.warnings().push_back(
                CompileWarning{CompileWarning::Category::SyntaxWarning,
                               negated ? "\"is not\" with a literal. Did you mean \"!=\"?"
                                       : "\"is\" with a literal. Did you mean \"==\"?",
                               compare->pos.lineno});
        }
    }
    if (!c.compile_expr(compare->left))
        return false;
    size_t n = compare->ops.size() - 1;
    if (n == 0) {
        if (!compile_comparator(c, compare->comparators[0], compare->ops[0], true))
            return false;
        emit_compare(c, compare->ops[0]);
        return true;
    }
    int32_t cleanup = c.new_block();
    for (size_t i = 0; i < n; i++) {
        if (!compile_comparator(c, compare->comparators[i], compare->ops[i], false))
            return false;
        c.emit(Opcode::SWAP, 2);
        c.emit(Opcode::COPY, 2);
        emit_compare(c, compare->ops[i]);
        c.emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    if (!compile_comparator(c, compare->comparators[n], compare->ops[n], true))
        return false;
    emit_compare(c, compare->ops[n]);
    int32_t end = c.new_block();
    c.emit_jump(Opcode::JUMP_NO_INTERRUPT, end);
    c.use_block(cleanup);
    c.emit(Opcode::SWAP, 2);
    c.emit(Opcode::POP_TOP);
    c.use_block(end);
    return true;
}

bool Compiler::compile_jump_if(const ast::Expr* expr, int32_t target, bool jump_if_true) {
    DepthGuard guard(*this, expr->pos);
    if (!guard.ok())
        return false;
    if (expr->kind == ast::ExprKind::UnaryOp &&
        expr->as<ast::UnaryOp>()->op == ast::UnaryOperator::Not)
        return compile_jump_if(expr->as<ast::UnaryOp>()->operand, target, !jump_if_true);
    if (expr->kind == ast::ExprKind::BoolOp) {
        const auto* boolop = expr->as<ast::BoolOp>();
        bool is_or = boolop->op == ast::BoolOperator::Or;
        int32_t next = target;
        if (is_or != jump_if_true)
            next = new_block();
        for (size_t i = 0; i + 1 < boolop->values.size(); i++)
            if (!compile_jump_if(boolop->values[i], next, is_or))
                return false;
        if (!compile_jump_if(boolop->values.back(), target, jump_if_true))
            return false;
        if (next != target)
            use_block(next);
        return true;
    }
    // `x is None` / `x is not None` test without loading None (CPython's optimizer does the same).
    if (expr->kind == ast::ExprKind::Compare) {
        const auto* compare = expr->as<ast::Compare>();
        const ast::Expr* right = compare->comparators[0];
        bool is = compare->ops[0] == ast::CompareOperator::Is;
        if (compare->ops.size() == 1 && (is || compare->ops[0] == ast::CompareOperator::IsNot) &&
            right->kind == ast::ExprKind::Constant &&
            right->as<ast::Constant>()->value_kind == ast::ConstantKind::None &&
            !is_literal_for_is(compare->left)) {
            if (!compile_expr(compare->left))
                return false;
            set_location(expr->pos);
            emit_jump(is == jump_if_true ? Opcode::POP_JUMP_IF_NONE : Opcode::POP_JUMP_IF_NOT_NONE,
                      target);
            return true;
        }
    }
    if (!compile_expr(expr))
        return false;
    emit_jump(jump_if_true ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, target);
    return true;
}

// ====== Functions, lambdas and comprehensions

bool Compiler::make_closure(const CodeUnit& code, uint32_t flags,
                            std::shared_ptr<const CodeUnit> ptr) {
    if (code.free_count > 0) {
        size_t first_free = code.localsplus_names.size() - static_cast<size_t>(code.free_count);
        for (size_t i = first_free; i < code.localsplus_names.size(); i++) {
            int32_t index = deref_index(code.localsplus_names[i]);
            if (index < 0)
                return fail("internal compiler error: no closure cell for '" +
                                code.localsplus_names[i] + "'",
                            ast::Position{code.first_line, 0, code.first_line, 0});
            emit(Opcode::LOAD_CLOSURE, static_cast<uint32_t>(index));
        }
        emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(code.free_count));
        flags |= vm::make_function_closure;
    }
    ConstantValue value;
    value.kind = ConstantKind::Code;
    value.code = std::move(ptr);
    emit_const(std::move(value));
    emit(Opcode::MAKE_FUNCTION, flags);
    return true;
}

static void emit_yield(Compiler& c) {
    Scope* scope = c.unit().scope;
    if (scope && scope->is_coroutine && scope->is_generator)
        c.emit(Opcode::ASYNC_GEN_WRAP);
    c.emit(Opcode::YIELD_VALUE, 0);
}

void Compiler::emit_yield_from_loop() {
    int32_t start = new_block();
    int32_t exit = new_block();
    use_block(start);
    emit_jump(Opcode::SEND, exit);
    emit(Opcode::YIELD_VALUE, 1);
    emit_jump(Opcode::JUMP_NO_INTERRUPT, start);
    use_block(exit);
}

bool Compiler::compile_await_sequence() {
    emit_none();
    emit_yield_from_loop();
    return true;
}

static bool compile_comprehension_generator(Compiler& c, ast::List<ast::Comprehension*> gens,
                                            size_t index, uint32_t depth, const ast::Expr* elt,
                                            const ast::Expr* value, ComprehensionKind kind);

static bool compile_comprehension_element(Compiler& c, uint32_t depth, const ast::Expr* elt,
                                          const ast::Expr* value, ComprehensionKind kind) {
    if (!c.compile_expr(elt))
        return false;
    switch (kind) {
    case ComprehensionKind::Generator:
        emit_yield(c);
        c.emit(Opcode::POP_TOP);
        break;
    case ComprehensionKind::List:
        c.emit(Opcode::LIST_APPEND, depth + 1);
        break;
    case ComprehensionKind::Set:
        c.emit(Opcode::SET_ADD, depth + 1);
        break;
    case ComprehensionKind::Dict:
        if (!c.compile_expr(value))
            return false;
        c.emit(Opcode::MAP_ADD, depth + 1);
        break;
    case ComprehensionKind::None:
        break;
    }
    return true;
}

static bool compile_comprehension_rest(Compiler& c, const ast::Comprehension* gen,
                                       ast::List<ast::Comprehension*> gens, size_t index,
                                       uint32_t depth, const ast::Expr* elt, const ast::Expr* value,
                                       ComprehensionKind kind, int32_t if_cleanup) {
    if (!c.compile_store(gen->target))
        return false;
    for (const ast::Expr* test : gen->ifs)
        if (!c.compile_jump_if(test, if_cleanup, false))
            return false;
    if (index + 1 < gens.size())
        return compile_comprehension_generator(c, gens, index + 1, depth, elt, value, kind);
    return compile_comprehension_element(c, depth, elt, value, kind);
}

static bool compile_comprehension_generator(Compiler& c, ast::List<ast::Comprehension*> gens,
                                            size_t index, uint32_t depth, const ast::Expr* elt,
                                            const ast::Expr* value, ComprehensionKind kind) {
    const ast::Comprehension* gen = gens[index];
    DepthGuard guard(c, gen->target->pos); // one C++ frame pair per `for` clause
    if (!guard.ok())
        return false;
    int32_t start = c.new_block();
    int32_t if_cleanup = c.new_block();
    int32_t anchor = c.new_block();
    if (index == 0) {
        c.emit(Opcode::LOAD_FAST, 0); // the outermost iterator arrives as argument `.0`
    } else {
        if (!c.compile_expr(gen->iter))
            return false;
        c.emit(gen->is_async ? Opcode::GET_AITER : Opcode::GET_ITER);
    }
    c.use_block(start);
    if (gen->is_async) {
        if (!c.push_fblock(FBlockKind::AsyncComprehensionGenerator, start, -1, nullptr))
            return false;
        c.emit_jump(Opcode::SETUP_FINALLY, anchor);
        c.emit(Opcode::GET_ANEXT);
        c.compile_await_sequence();
        c.emit(Opcode::POP_BLOCK);
    } else {
        c.emit_jump(Opcode::FOR_ITER, anchor);
    }
    if (!compile_comprehension_rest(c, gen, gens, index, depth + 1, elt, value, kind, if_cleanup))
        return false;
    c.use_block(if_cleanup);
    c.emit_jump(Opcode::JUMP, start);
    if (gen->is_async)
        c.pop_fblock();
    c.use_block(anchor);
    if (gen->is_async)
        c.emit(Opcode::END_ASYNC_FOR);
    return true;
}

static bool compile_comprehension(Compiler& c, const ast::Expr* expr, ComprehensionKind kind,
                                  const ast::Expr* elt, const ast::Expr* value,
                                  ast::List<ast::Comprehension*> gens) {
    Scope* scope = c.symbols().scope_for(expr);
    if (!scope)
        return c.fail("internal compiler error: comprehension without scope", expr->pos);
    UnitKind outer = c.unit().kind;
    bool is_async = scope->is_coroutine && kind != ComprehensionKind::Generator;
    if (is_async && outer != UnitKind::AsyncFunction && outer != UnitKind::Comprehension)
        return c.fail("asynchronous comprehension outside of an asynchronous function", expr->pos);
    static constexpr std::string_view names[] = {"", "<listcomp>", "<setcomp>", "<dictcomp>",
                                                 "<genexpr>"};
    c.enter_unit(UnitKind::Comprehension, scope, names[static_cast<int>(kind)], expr->pos);
    c.set_location(expr->pos);
    CodeUnit& code = *c.unit().code;
    code.argcount = 1;
    code.flags |= code_optimized | code_newlocals;
    if (scope->is_nested)
        code.flags |= code_nested;
    if (kind == ComprehensionKind::Generator)
        code.flags |= scope->is_coroutine ? code_async_generator : code_generator;
    else if (scope->is_coroutine)
        code.flags |= code_coroutine;
    static constexpr Opcode builds[] = {Opcode::NOP, Opcode::BUILD_LIST, Opcode::BUILD_SET,
                                        Opcode::BUILD_MAP, Opcode::NOP};
    if (kind != ComprehensionKind::Generator)
        c.emit(builds[static_cast<int>(kind)], 0);
    bool ok = compile_comprehension_generator(c, gens, 0, 0, elt, value, kind);
    if (ok) {
        c.set_location(expr->pos);
        if (kind == ComprehensionKind::Generator)
            c.emit_none();
        c.emit(Opcode::RETURN_VALUE);
    }
    std::shared_ptr<const CodeUnit> child = c.leave_unit();
    if (!ok || !child)
        return false;
    c.set_location(expr->pos);
    if (!c.make_closure(*child, 0, child))
        return false;
    if (!c.compile_expr(gens[0]->iter))
        return false;
    c.set_location(expr->pos);
    c.emit(gens[0]->is_async ? Opcode::GET_AITER : Opcode::GET_ITER);
    c.emit(Opcode::CALL, 0);
    if (is_async) {
        c.emit(Opcode::GET_AWAITABLE, 0);
        c.compile_await_sequence();
    }
    return true;
}

// ====== f-strings

static bool compile_formatted_value(Compiler& c, const ast::FormattedValue* value) {
    if (!c.compile_expr(value->value))
        return false;
    uint32_t flags = 0;
    switch (value->conversion) {
    case 's':
        flags = 1;
        break;
    case 'r':
        flags = 2;
        break;
    case 'a':
        flags = 3;
        break;
    default:
        break;
    }
    if (value->format_spec) {
        if (!c.compile_expr(value->format_spec))
            return false;
        flags |= vm::format_has_spec;
    }
    c.emit(Opcode::FORMAT_VALUE, flags);
    return true;
}

static bool compile_joined_str(Compiler& c, const ast::JoinedStr* joined) {
    size_t n = joined->values.size();
    if (n > stack_use_guideline) {
        ConstantValue empty;
        empty.kind = ConstantKind::Str;
        c.emit_const(std::move(empty));
        c.emit(Opcode::LOAD_METHOD, c.add_name("join"));
        c.emit(Opcode::BUILD_LIST, 0);
        for (const ast::Expr* value : joined->values) {
            if (!c.compile_expr(value))
                return false;
            c.emit(Opcode::LIST_APPEND, 1);
        }
        c.emit(Opcode::CALL, 1);
        return true;
    }
    if (!c.compile_exprs(joined->values))
        return false;
    if (n != 1)
        c.emit(Opcode::BUILD_STRING, static_cast<uint32_t>(n));
    return true;
}

// ====== yield and await

static bool compile_await(Compiler& c, const ast::Await* await) {
    Unit& u = c.unit();
    if (!u.scope || u.scope->kind != ScopeKind::Function)
        return c.fail("'await' outside function", await->pos);
    if (u.kind != UnitKind::AsyncFunction && u.kind != UnitKind::Comprehension)
        return c.fail("'await' outside async function", await->pos);
    if (!c.compile_expr(await->value))
        return false;
    c.set_location(await->pos);
    c.emit(Opcode::GET_AWAITABLE, 0);
    return c.compile_await_sequence();
}

static bool compile_yield(Compiler& c, const ast::Expr* expr) {
    Unit& u = c.unit();
    if (!u.scope || u.scope->kind != ScopeKind::Function)
        return c.fail("'yield' outside function", expr->pos);
    if (expr->kind == ast::ExprKind::YieldFrom) {
        if (u.kind == UnitKind::AsyncFunction)
            return c.fail("'yield from' inside async function", expr->pos);
        if (!c.compile_expr(expr->as<ast::YieldFrom>()->value))
            return false;
        c.set_location(expr->pos);
        c.emit(Opcode::GET_YIELD_FROM_ITER);
        return c.compile_await_sequence();
    }
    const ast::Expr* value = expr->as<ast::Yield>()->value;
    if (value) {
        if (!c.compile_expr(value))
            return false;
    } else {
        c.emit_none();
    }
    c.set_location(expr->pos);
    emit_yield(c);
    return true;
}

// ====== The expression dispatcher

static bool compile_slice(Compiler& c, const ast::Slice* slice) {
    uint32_t n = 2;
    if (slice->lower) {
        if (!c.compile_expr(slice->lower))
            return false;
    } else {
        c.emit_none();
    }
    if (slice->upper) {
        if (!c.compile_expr(slice->upper))
            return false;
    } else {
        c.emit_none();
    }
    if (slice->step) {
        if (!c.compile_expr(slice->step))
            return false;
        n = 3;
    }
    c.emit(Opcode::BUILD_SLICE, n);
    return true;
}

static bool compile_bool_op(Compiler& c, const ast::BoolOp* boolop) {
    int32_t end = c.new_block();
    Opcode jump = boolop->op == ast::BoolOperator::And ? Opcode::JUMP_IF_FALSE_OR_POP
                                                       : Opcode::JUMP_IF_TRUE_OR_POP;
    for (size_t i = 0; i + 1 < boolop->values.size(); i++) {
        if (!c.compile_expr(boolop->values[i]))
            return false;
        c.emit_jump(jump, end);
    }
    if (!c.compile_expr(boolop->values.back()))
        return false;
    c.use_block(end);
    return true;
}

static bool compile_if_exp(Compiler& c, const ast::IfExp* ifexp) {
    int32_t end = c.new_block();
    int32_t next = c.new_block();
    if (!c.compile_jump_if(ifexp->test, next, false) || !c.compile_expr(ifexp->body))
        return false;
    c.emit_jump(Opcode::JUMP_NO_INTERRUPT, end);
    c.use_block(next);
    if (!c.compile_expr(ifexp->orelse))
        return false;
    c.use_block(end);
    return true;
}

static bool compile_container(Compiler& c, const ast::Expr* expr) {
    using K = ast::ExprKind;
    if (expr->kind == K::ListExpr) {
        const auto* list = expr->as<ast::ListExpr>();
        if (list->ctx == ast::ExprContext::Store)
            return c.compile_store(expr);
        if (list->ctx == ast::ExprContext::Del)
            return c.compile_delete(expr);
        return compile_sequence(
            c, list->elts, 0,
            {Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false});
    }
    if (expr->kind == K::TupleExpr) {
        const auto* tuple = expr->as<ast::TupleExpr>();
        if (tuple->ctx == ast::ExprContext::Store)
            return c.compile_store(expr);
        if (tuple->ctx == ast::ExprContext::Del)
            return c.compile_delete(expr);
        return compile_sequence(
            c, tuple->elts, 0,
            {Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true});
    }
    return compile_sequence(c, expr->as<ast::Set>()->elts, 0,
                            {Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false});
}

// ====== '%' formatting as f-strings

namespace {

struct FormatPart {
    std::string literal; // when expr is null
    const ast::Expr* expr = nullptr;
    uint32_t conversion = 0; // FORMAT_VALUE's 1 str, 2 repr, 3 ascii
    std::string spec;
};

// One `%[flags][width][.prec]type` unit after the '%' (CPython's simple_format_arg_parse); only
// s, r and a with '-' and widths/precisions are turned into f-string fields.
bool parse_format_unit(std::string_view fmt, size_t& pos, FormatPart& part) {
    bool left = false;
    while (pos < fmt.size() && std::string_view("-+ #0").find(fmt[pos]) != std::string_view::npos) {
        if (fmt[pos] != '-')
            return false; // flags other than '-' mean nothing for strings but are not folded
        left = true;
        pos++;
    }
    auto digits = [&](int& out) {
        out = -1;
        while (pos < fmt.size() && fmt[pos] >= '0' && fmt[pos] <= '9') {
            out = (out < 0 ? 0 : out) * 10 + (fmt[pos] - '0');
            if (out > 9999)
                return false;
            pos++;
        }
        return true;
    };
    int width = -1, precision = -1;
    if (!digits(width))
        return false;
    if (pos < fmt.size() && fmt[pos] == '.') {
        pos++;
        if (!digits(precision))
            return false;
        if (precision < 0)
            precision = 0;
    }
    if (pos >= fmt.size())
        return false;
    char type = fmt[pos++];
    part.conversion = type == 's' ? 1 : type == 'r' ? 2 : type == 'a' ? 3 : 0;
    if (!part.conversion)
        return false;
    if (!left && width > 0)
        part.spec += '>';
    if (width >= 0)
        part.spec += std::to_string(width);
    if (precision >= 0) {
        // Two appends, not `"." + to_string(...)`: GCC 12's -O3 flags that with a false -Wrestrict.
        part.spec += '.';
        part.spec += std::to_string(precision);
    }
    return true;
}

// `'...%s...' % (a, b)` as CPython 3.11's ast_opt.c optimize_format sees it; false when the format
// is not a simple one (then the % operator runs at run time).
bool split_percent_format(std::string_view fmt, ast::List<ast::Expr*> args,
                          std::vector<FormatPart>& parts) {
    size_t pos = 0;
    size_t used = 0;
    while (true) {
        std::string literal;
        while (pos < fmt.size()) {
            if (fmt[pos] == '%') {
                if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') {
                    literal += '%';
                    pos += 2;
                    continue;
                }
                break;
            }
            literal += fmt[pos++];
        }
        if (!literal.empty()) {
            FormatPart part;
            part.literal = std::move(literal);
            parts.push_back(std::move(part));
        }
        if (pos >= fmt.size())
            break;
        if (used >= args.size())
            return false;
        pos++; // the '%'
        FormatPart part;
        part.expr = args[used++];
        if (!parse_format_unit(fmt, pos, part))
            return false;
        parts.push_back(std::move(part));
    }
    return used == args.size();
}

} // namespace

static bool try_compile_percent_format(Compiler& c, const ast::BinOp* binop, bool& done) {
    done = false;
    if (binop->op != ast::Operator::Mod || binop->left->kind != ast::ExprKind::Constant ||
        binop->left->as<ast::Constant>()->value_kind != ast::ConstantKind::Str ||
        binop->right->kind != ast::ExprKind::TupleExpr)
        return true;
    auto args = binop->right->as<ast::TupleExpr>()->elts;
    if (has_starred(args))
        return true;
    std::vector<FormatPart> parts;
    if (!split_percent_format(binop->left->as<ast::Constant>()->text, args, parts))
        return true;
    done = true;
    for (FormatPart& part : parts) {
        if (!part.expr) {
            ConstantValue text;
            text.kind = ConstantKind::Str;
            text.text = std::move(part.literal);
            c.emit_const(std::move(text));
            continue;
        }
        if (!c.compile_expr(part.expr))
            return false;
        uint32_t flags = part.conversion;
        if (!part.spec.empty()) {
            ConstantValue spec;
            spec.kind = ConstantKind::Str;
            spec.text = std::move(part.spec);
            c.emit_const(std::move(spec));
            flags |= vm::format_has_spec;
        }
        c.emit(Opcode::FORMAT_VALUE, flags);
    }
    if (parts.size() != 1)
        c.emit(Opcode::BUILD_STRING, static_cast<uint32_t>(parts.size()));
    return true;
}

static bool compile_expr_kind(Compiler& c, const ast::Expr* expr) {
    using K = ast::ExprKind;
    switch (expr->kind) {
    case K::BoolOp:
        return compile_bool_op(c, expr->as<ast::BoolOp>());
    case K::NamedExpr: {
        const auto* named = expr->as<ast::NamedExpr>();
        if (!c.compile_expr(named->value))
            return false;
        c.emit(Opcode::COPY, 1);
        return c.compile_store(named->target);
    }
    case K::BinOp: {
        const auto* binop = expr->as<ast::BinOp>();
        bool formatted = false;
        if (!try_compile_percent_format(c, binop, formatted))
            return false;
        if (formatted)
            return true;
        if (!c.compile_expr(binop->left) || !c.compile_expr(binop->right))
            return false;
        c.set_location(expr->pos);
        c.emit(Opcode::BINARY_OP, static_cast<uint32_t>(binary_op_arg(binop->op)));
        return true;
    }
    case K::UnaryOp: {
        const auto* unary = expr->as<ast::UnaryOp>();
        if (!c.compile_expr(unary->operand))
            return false;
        static constexpr Opcode ops[] = {Opcode::UNARY_INVERT, Opcode::UNARY_NOT,
                                         Opcode::UNARY_POSITIVE, Opcode::UNARY_NEGATIVE};
        c.set_location(expr->pos);
        c.emit(ops[static_cast<int>(unary->op)]);
        return true;
    }
    case K::Lambda: {
        const auto* lambda = expr->as<ast::Lambda>();
        if (!check_debug_args(c, lambda->args, lambda->pos))
            return false;
        return c.compile_function_object(lambda, "<lambda>", UnitKind::Lambda, lambda->args,
                                         nullptr, lambda->pos, {}, lambda->body);
    }
    case K::IfExp:
        return compile_if_exp(c, expr->as<ast::IfExp>());
    case K::Dict:
        return compile_dict(c, expr->as<ast::Dict>());
    case K::Set:
    case K::ListExpr:
    case K::TupleExpr:
        return compile_container(c, expr);
    case K::ListComp: {
        const auto* comp = expr->as<ast::ListComp>();
        return compile_comprehension(c, comp, ComprehensionKind::List, comp->elt, nullptr,
                                     comp->generators);
    }
    case K::SetComp: {
        const auto* comp = expr->as<ast::SetComp>();
        return compile_comprehension(c, comp, ComprehensionKind::Set, comp->elt, nullptr,
                                     comp->generators);
    }
    case K::DictComp: {
        const auto* comp = expr->as<ast::DictComp>();
        return compile_comprehension(c, comp, ComprehensionKind::Dict, comp->key, comp->value,
                                     comp->generators);
    }
    case K::GeneratorExp: {
        const auto* comp = expr->as<ast::GeneratorExp>();
        return compile_comprehension(c, comp, ComprehensionKind::Generator, comp->elt, nullptr,
                                     comp->generators);
    }
    case K::Await:
        return compile_await(c, expr->as<ast::Await>());
    case K::Yield:
    case K::YieldFrom:
        return compile_yield(c, expr);
    case K::Compare:
        return compile_compare(c, expr->as<ast::Compare>());
    case K::Call:
        return compile_call(c, expr->as<ast::Call>());
    case K::FormattedValue:
        return compile_formatted_value(c, expr->as<ast::FormattedValue>());
    case K::JoinedStr:
        return compile_joined_str(c, expr->as<ast::JoinedStr>());
    case K::Constant:
        c.emit_const(constant_from_ast(expr->as<ast::Constant>()));
        return true;
    case K::Attribute: {
        const auto* attr = expr->as<ast::Attribute>();
        if (attr->ctx == ast::ExprContext::Store)
            return c.compile_store(expr);
        if (attr->ctx == ast::ExprContext::Del)
            return c.compile_delete(expr);
        if (!c.compile_expr(attr->value))
            return false;
        c.set_location(expr->pos);
        c.emit(Opcode::LOAD_ATTR, c.add_name(c.mangle(attr->attr)));
        return true;
    }
    case K::Subscript: {
        const auto* sub = expr->as<ast::Subscript>();
        if (sub->ctx == ast::ExprContext::Store)
            return c.compile_store(expr);
        if (sub->ctx == ast::ExprContext::Del)
            return c.compile_delete(expr);
        if (!c.compile_expr(sub->value) || !c.compile_expr(sub->slice))
            return false;
        c.set_location(expr->pos);
        c.emit(Opcode::BINARY_SUBSCR);
        return true;
    }
    case K::Starred:
        if (expr->as<ast::Starred>()->ctx == ast::ExprContext::Store)
            return c.fail("starred assignment target must be in a list or tuple", expr->pos);
        return c.fail("can't use starred expression here", expr->pos);
    case K::Name: {
        const auto* name = expr->as<ast::Name>();
        return c.emit_name(name->id, name->ctx, expr->pos);
    }
    case K::Slice:
        return compile_slice(c, expr->as<ast::Slice>());
    }
    return true;
}

bool Compiler::compile_expr(const ast::Expr* expr) {
    DepthGuard guard(*this, expr->pos);
    if (!guard.ok())
        return false;
    Location saved = unit().loc;
    set_location(expr->pos);
    if (expr->kind == ast::ExprKind::BinOp || expr->kind == ast::ExprKind::UnaryOp ||
        expr->kind == ast::ExprKind::TupleExpr ||
        (expr->kind == ast::ExprKind::Name && expr->as<ast::Name>()->id == "__debug__")) {
        if (Folded folded = fold_expression(expr, m_options.optimize)) {
            emit_const(std::move(*folded));
            unit().loc = saved;
            return true;
        }
    }
    bool ok = compile_expr_kind(*this, expr);
    unit().loc = saved;
    return ok;
}

// ====== Assignment and deletion targets

static bool compile_unpack(Compiler& c, const ast::Expr* target, ast::List<ast::Expr*> elts) {
    size_t star = elts.size();
    for (size_t i = 0; i < elts.size(); i++) {
        if (!is_starred(elts[i]))
            continue;
        if (star != elts.size())
            return c.fail("multiple starred expressions in assignment", target->pos);
        star = i;
    }
    if (star != elts.size()) {
        size_t after = elts.size() - star - 1;
        if (star >= 256 || after >= (size_t{1} << 16))
            return c.fail("too many expressions in star-unpacking assignment", target->pos);
        c.emit(Opcode::UNPACK_EX, static_cast<uint32_t>(star | (after << 8)));
    } else {
        c.emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()));
    }
    for (const ast::Expr* elt : elts) {
        const ast::Expr* store = is_starred(elt) ? elt->as<ast::Starred>()->value : elt;
        if (!c.compile_store(store))
            return false;
    }
    return true;
}

bool Compiler::compile_store(const ast::Expr* target) {
    DepthGuard guard(*this, target->pos);
    if (!guard.ok())
        return false;
    set_location(target->pos);
    switch (target->kind) {
    case ast::ExprKind::Name:
        return emit_name(target->as<ast::Name>()->id, ast::ExprContext::Store, target->pos);
    case ast::ExprKind::Attribute: {
        const auto* attr = target->as<ast::Attribute>();
        if (attr->attr == "__debug__")
            return fail("cannot assign to __debug__", target->pos);
        if (!compile_expr(attr->value))
            return false;
        set_location(target->pos);
        emit(Opcode::STORE_ATTR, add_name(mangle(attr->attr)));
        return true;
    }
    case ast::ExprKind::Subscript: {
        const auto* sub = target->as<ast::Subscript>();
        if (!compile_expr(sub->value) || !compile_expr(sub->slice))
            return false;
        set_location(target->pos);
        emit(Opcode::STORE_SUBSCR);
        return true;
    }
    case ast::ExprKind::TupleExpr:
        return compile_unpack(*this, target, target->as<ast::TupleExpr>()->elts);
    case ast::ExprKind::ListExpr:
        return compile_unpack(*this, target, target->as<ast::ListExpr>()->elts);
    case ast::ExprKind::Starred:
        return fail("starred assignment target must be in a list or tuple", target->pos);
    default:
        return fail("cannot assign to expression", target->pos);
    }
}

bool Compiler::compile_delete(const ast::Expr* target) {
    DepthGuard guard(*this, target->pos);
    if (!guard.ok())
        return false;
    set_location(target->pos);
    switch (target->kind) {
    case ast::ExprKind::Name:
        return emit_name(target->as<ast::Name>()->id, ast::ExprContext::Del, target->pos);
    case ast::ExprKind::Attribute: {
        const auto* attr = target->as<ast::Attribute>();
        if (!compile_expr(attr->value))
            return false;
        emit(Opcode::DELETE_ATTR, add_name(mangle(attr->attr)));
        return true;
    }
    case ast::ExprKind::Subscript: {
        const auto* sub = target->as<ast::Subscript>();
        if (!compile_expr(sub->value) || !compile_expr(sub->slice))
            return false;
        emit(Opcode::DELETE_SUBSCR);
        return true;
    }
    case ast::ExprKind::TupleExpr:
    case ast::ExprKind::ListExpr: {
        auto elts = target->kind == ast::ExprKind::TupleExpr ? target->as<ast::TupleExpr>()->elts
                                                             : target->as<ast::ListExpr>()->elts;
        for (const ast::Expr* elt : elts)
            if (!compile_delete(elt))
                return false;
        return true;
    }
    default:
        return fail("cannot delete expression", target->pos);
    }
}

} // namespace minipy::compiler::codegen_detail
