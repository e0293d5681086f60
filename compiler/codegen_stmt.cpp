// Statements other than loops, try and with (those are in codegen_flow.cpp): bodies and docstrings,
// function and class definitions (defaults, annotations, closures, decorators), assignments of
// every kind, imports (and the __future__ checks CPython's future.c makes), assert, raise and
// expression statements. Invariant: a statement leaves the stack as it found it.
#include <algorithm>

#include "compiler/codegen_internal.h"

namespace minipy::compiler::codegen_detail {

namespace {

const ast::Constant* docstring_of(ast::List<ast::Stmt*> body) {
    if (body.empty() || body[0]->kind != ast::StmtKind::ExprStmt)
        return nullptr;
    const ast::Expr* value = body[0]->as<ast::ExprStmt>()->value;
    if (value->kind != ast::ExprKind::Constant ||
        value->as<ast::Constant>()->value_kind != ast::ConstantKind::Str)
        return nullptr;
    return value->as<ast::Constant>();
}

// CPython's find_ann: does a body contain an annotated assignment (outside nested scopes)?
bool find_annotation(ast::List<ast::Stmt*> body, int depth = 0) {
    if (depth > max_compile_depth)
        return false;
    for (const ast::Stmt* stmt : body) {
        switch (stmt->kind) {
        case ast::StmtKind::AnnAssign:
            return true;
        case ast::StmtKind::For:
        case ast::StmtKind::AsyncFor:
            if (find_annotation(stmt->as<ast::For>()->body, depth + 1) ||
                find_annotation(stmt->as<ast::For>()->orelse, depth + 1))
                return true;
            break;
        case ast::StmtKind::While:
            if (find_annotation(stmt->as<ast::While>()->body, depth + 1) ||
                find_annotation(stmt->as<ast::While>()->orelse, depth + 1))
                return true;
            break;
        case ast::StmtKind::If:
            if (find_annotation(stmt->as<ast::If>()->body, depth + 1) ||
                find_annotation(stmt->as<ast::If>()->orelse, depth + 1))
                return true;
            break;
        case ast::StmtKind::With:
        case ast::StmtKind::AsyncWith:
            if (find_annotation(stmt->as<ast::With>()->body, depth + 1))
                return true;
            break;
        case ast::StmtKind::Try:
        case ast::StmtKind::TryStar: {
            const auto* t = stmt->as<ast::Try>();
            if (find_annotation(t->body, depth + 1) || find_annotation(t->orelse, depth + 1) ||
                find_annotation(t->finalbody, depth + 1))
                return true;
            for (const ast::ExceptHandler* handler : t->handlers)
                if (find_annotation(handler->body, depth + 1))
                    return true;
            break;
        }
        default:
            break;
        }
    }
    return false;
}

ConstantValue str_constant(std::string_view text) {
    ConstantValue value;
    value.kind = ConstantKind::Str;
    value.text = std::string(text);
    return value;
}

constexpr std::string_view future_features[] = {
    "nested_scopes",  "generators",       "division",       "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",  "annotations"};

// The source text of an expression, for `from __future__ import annotations`. CPython unparses
// the AST; minipy copies the source span, which differs only in spacing and redundant parentheses.
// `line_starts` holds the offset of every line's first byte (built once per compilation).
std::string source_text(std::string_view source, const std::vector<size_t>& line_starts,
                        const ast::Position& pos) {
    auto line_start = [&](int32_t line) -> size_t {
        if (line < 1)
            return 0;
        size_t index = static_cast<size_t>(line) - 1;
        return index < line_starts.size() ? line_starts[index] : source.size();
    };
    size_t begin =
        std::min(source.size(), line_start(pos.lineno) + static_cast<size_t>(pos.col_offset));
    size_t end = std::min(source.size(),
                          line_start(pos.end_lineno) + static_cast<size_t>(pos.end_col_offset));
    std::string text(source.substr(begin, end > begin ? end - begin : 0));
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

} // namespace

bool Compiler::compile_annotation_value(const ast::Expr* annotation) {
    if (future_annotations) {
        if (m_line_starts.empty()) {
            m_line_starts.push_back(0);
            for (size_t at = m_options.source.find('\n'); at != std::string_view::npos;
                 at = m_options.source.find('\n', at + 1))
                m_line_starts.push_back(at + 1);
        }
        emit_const(str_constant(source_text(m_options.source, m_line_starts, annotation->pos)));
        return true;
    }
    if (annotation->kind == ast::ExprKind::Starred) {
        if (!compile_expr(annotation->as<ast::Starred>()->value))
            return false;
        emit(Opcode::UNPACK_SEQUENCE, 1);
        return true;
    }
    return compile_expr(annotation);
}

bool Compiler::compile_stmts(ast::List<ast::Stmt*> stmts) {
    for (const ast::Stmt* stmt : stmts)
        if (!compile_stmt(stmt))
            return false;
    return true;
}

bool Compiler::compile_body(ast::List<ast::Stmt*> body, bool allow_docstring) {
    if (find_annotation(body)) {
        unit().loc = Location{};
        emit(Opcode::SETUP_ANNOTATIONS);
    }
    size_t first = 0;
    const ast::Constant* doc = docstring_of(body);
    if (allow_docstring && doc && m_options.optimize < 2) {
        set_location(body[0]->pos);
        if (!compile_expr(doc) || !emit_name("__doc__", ast::ExprContext::Store, body[0]->pos))
            return false;
        first = 1;
    }
    return compile_stmts(body.subspan(first));
}

// ====== Function and class definitions

namespace {

bool compile_defaults(Compiler& c, const ast::Arguments* args, uint32_t& flags) {
    if (!args->defaults.empty()) {
        if (!c.compile_exprs(args->defaults))
            return false;
        c.emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(args->defaults.size()));
        flags |= vm::make_function_defaults;
    }
    // CPython 3.11: the values, then a constant tuple of the names, BUILD_CONST_KEY_MAP.
    ConstantValue names;
    names.kind = ConstantKind::Tuple;
    for (size_t i = 0; i < args->kwonlyargs.size() && i < args->kw_defaults.size(); i++) {
        if (!args->kw_defaults[i])
            continue;
        if (!c.compile_expr(args->kw_defaults[i]))
            return false;
        names.items.push_back(str_constant(c.mangle(args->kwonlyargs[i]->arg)));
    }
    if (!names.items.empty()) {
        auto count = static_cast<uint32_t>(names.items.size());
        c.emit_const(std::move(names));
        c.emit(Opcode::BUILD_CONST_KEY_MAP, count);
        flags |= vm::make_function_kwdefaults;
    }
    return true;
}

bool compile_arg_annotation(Compiler& c, std::string_view name, const ast::Expr* annotation,
                            uint32_t& count) {
    if (!annotation)
        return true;
    c.emit_const(str_constant(c.mangle(name)));
    if (!c.compile_annotation_value(annotation))
        return false;
    count++;
    return true;
}

bool compile_annotations(Compiler& c, const ast::Arguments* args, const ast::Expr* returns,
                         uint32_t& flags) {
    uint32_t count = 0;
    // CPython 3.11's order: args, then positional-only, *args, keyword-only, **kwargs, return.
    for (auto list : {args->args, args->posonlyargs})
        for (const ast::Arg* arg : list)
            if (!compile_arg_annotation(c, arg->arg, arg->annotation, count))
                return false;
    if (args->vararg &&
        !compile_arg_annotation(c, args->vararg->arg, args->vararg->annotation, count))
        return false;
    for (const ast::Arg* arg : args->kwonlyargs)
        if (!compile_arg_annotation(c, arg->arg, arg->annotation, count))
            return false;
    if (args->kwarg && !compile_arg_annotation(c, args->kwarg->arg, args->kwarg->annotation, count))
        return false;
    if (!compile_arg_annotation(c, "return", returns, count))
        return false;
    if (count) {
        c.emit(Opcode::BUILD_TUPLE, count * 2);
        flags |= vm::make_function_annotations;
    }
    return true;
}

uint32_t function_flags(const Scope* scope, UnitKind kind) {
    uint32_t flags = code_optimized | code_newlocals;
    if (scope->is_nested)
        flags |= code_nested;
    if (scope->has_varargs)
        flags |= code_varargs;
    if (scope->has_varkeywords)
        flags |= code_varkeywords;
    bool is_async = kind == UnitKind::AsyncFunction || scope->is_coroutine;
    if (scope->is_generator && is_async)
        flags |= code_async_generator;
    else if (scope->is_generator)
        flags |= code_generator;
    else if (is_async)
        flags |= code_coroutine;
    return flags;
}

} // namespace

// CPython's compiler_check_debug_args: no parameter may be named __debug__.
bool check_debug_args(Compiler& c, const ast::Arguments* args, const ast::Position& pos) {
    auto named_debug = [](const ast::Arg* arg) { return arg && arg->arg == "__debug__"; };
    bool found = named_debug(args->vararg) || named_debug(args->kwarg);
    for (auto list : {args->posonlyargs, args->args, args->kwonlyargs})
        for (const ast::Arg* arg : list)
            found = found || named_debug(arg);
    return !found || c.fail("cannot assign to __debug__", pos);
}

// The keyword-argument half of CPython's validate_keywords: no keyword may be named __debug__.
bool check_debug_keywords(Compiler& c, ast::List<ast::Keyword*> keywords,
                          const ast::Position& pos) {
    for (const ast::Keyword* keyword : keywords) {
        if (keyword->has_arg && keyword->arg == "__debug__")
            return c.fail("cannot assign to __debug__", pos);
    }
    return true;
}

bool Compiler::compile_function_object(const void* node, std::string_view name, UnitKind kind,
                                       const ast::Arguments* args, const ast::Expr* returns,
                                       const ast::Position& pos, ast::List<ast::Stmt*> body,
                                       const ast::Expr* lambda_body) {
    Scope* scope = m_symbols.scope_for(node);
    if (!scope)
        return fail("internal compiler error: function without scope", pos);
    uint32_t make_flags = 0;
    if (!compile_defaults(*this, args, make_flags))
        return false;
    if (kind != UnitKind::Lambda && !compile_annotations(*this, args, returns, make_flags))
        return false;
    enter_unit(kind, scope, name, pos);
    CodeUnit& code = *unit().code;
    code.argcount = static_cast<int32_t>(args->posonlyargs.size() + args->args.size());
    code.posonlyargcount = static_cast<int32_t>(args->posonlyargs.size());
    code.kwonlyargcount = static_cast<int32_t>(args->kwonlyargs.size());
    code.flags |= function_flags(scope, kind);
    bool ok = true;
    if (lambda_body) {
        add_const(ConstantValue{}); // None first: a lambda has no docstring
        ok = compile_expr(lambda_body);
        set_location(lambda_body->pos);
        emit(Opcode::RETURN_VALUE);
    } else {
        const ast::Constant* doc = m_options.optimize < 2 ? docstring_of(body) : nullptr;
        add_const(doc ? constant_from_ast(doc) : ConstantValue{});
        ok = compile_stmts(body.subspan(doc ? 1 : 0));
        unit().loc = Location{};
        emit_none();
        emit(Opcode::RETURN_VALUE);
    }
    std::shared_ptr<const CodeUnit> child = leave_unit();
    if (!ok || !child)
        return false;
    set_location(pos);
    return make_closure(*child, make_flags, child);
}

namespace {

bool compile_decorators(Compiler& c, ast::List<ast::Expr*> decorators) {
    return c.compile_exprs(decorators);
}

void apply_decorators(Compiler& c, ast::List<ast::Expr*> decorators) {
    // Stack [decorator, function]: CALL 0 calls decorator(function) (self-slot convention).
    for (size_t i = decorators.size(); i-- > 0;) {
        c.set_location(decorators[i]->pos);
        c.emit(Opcode::CALL, 0);
    }
}

ast::Position definition_position(const ast::Stmt* stmt, ast::List<ast::Expr*> decorators) {
    ast::Position pos = stmt->pos;
    if (!decorators.empty())
        pos.lineno = decorators[0]->pos.lineno;
    return pos;
}

bool compile_function_def(Compiler& c, const ast::FunctionDef* def) {
    if (!check_debug_args(c, def->args, def->pos))
        return false;
    if (!compile_decorators(c, def->decorator_list))
        return false;
    UnitKind kind =
        def->kind == ast::StmtKind::AsyncFunctionDef ? UnitKind::AsyncFunction : UnitKind::Function;
    ast::Position pos = definition_position(def, def->decorator_list);
    if (!c.compile_function_object(def, def->name, kind, def->args, def->returns, pos, def->body,
                                   nullptr))
        return false;
    apply_decorators(c, def->decorator_list);
    c.set_location(def->pos);
    return c.emit_name(def->name, ast::ExprContext::Store, def->pos);
}

bool compile_class_body(Compiler& c, const ast::ClassDef* def, Scope* scope,
                        const ast::Position& pos) {
    c.enter_unit(UnitKind::Class, scope, def->name, pos);
    c.set_location(pos);
    c.emit(Opcode::LOAD_NAME, c.add_name("__name__"));
    c.emit(Opcode::STORE_NAME, c.add_name("__module__"));
    c.emit_const(str_constant(c.unit().code->qualname));
    c.emit(Opcode::STORE_NAME, c.add_name("__qualname__"));
    bool ok = c.compile_body(def->body, true);
    if (ok) {
        c.unit().loc = Location{};
        if (scope->needs_class_closure) {
            c.emit(Opcode::LOAD_CLOSURE, 0); // __class__ is always cell 0
            c.emit(Opcode::COPY, 1);
            c.emit(Opcode::STORE_NAME, c.add_name("__classcell__"));
        } else {
            c.emit_none();
        }
        c.emit(Opcode::RETURN_VALUE);
    }
    std::shared_ptr<const CodeUnit> child = c.leave_unit();
    if (!ok || !child)
        return false;
    c.set_location(def->pos);
    c.emit(Opcode::PUSH_NULL);
    c.emit(Opcode::LOAD_BUILD_CLASS);
    return c.make_closure(*child, 0, child);
}

bool compile_class_def(Compiler& c, const ast::ClassDef* def) {
    Scope* scope = c.symbols().scope_for(def);
    if (!scope)
        return c.fail("internal compiler error: class without scope", def->pos);
    if (!compile_decorators(c, def->decorator_list))
        return false;
    ast::Position pos = definition_position(def, def->decorator_list);
    if (!compile_class_body(c, def, scope, pos))
        return false;
    c.emit_const(str_constant(def->name));
    if (!check_debug_keywords(c, def->keywords, def->pos) ||
        !c.compile_call_helper(2, def->bases, def->keywords))
        return false;
    apply_decorators(c, def->decorator_list);
    c.set_location(def->pos);
    return c.emit_name(def->name, ast::ExprContext::Store, def->pos);
}

// ====== Assignments

bool compile_assign(Compiler& c, const ast::Assign* assign) {
    if (!c.compile_expr(assign->value))
        return false;
    for (size_t i = 0; i < assign->targets.size(); i++) {
        if (i + 1 < assign->targets.size())
            c.emit(Opcode::COPY, 1);
        if (!c.compile_store(assign->targets[i]))
            return false;
    }
    return true;
}

bool compile_aug_assign(Compiler& c, const ast::AugAssign* aug) {
    const ast::Expr* target = aug->target;
    switch (target->kind) {
    case ast::ExprKind::Attribute: {
        const auto* attr = target->as<ast::Attribute>();
        if (!c.compile_expr(attr->value))
            return false;
        c.emit(Opcode::COPY, 1);
        c.emit(Opcode::LOAD_ATTR, c.add_name(c.mangle(attr->attr)));
        break;
    }
    case ast::ExprKind::Subscript: {
        const auto* sub = target->as<ast::Subscript>();
        if (!c.compile_expr(sub->value) || !c.compile_expr(sub->slice))
            return false;
        c.emit(Opcode::COPY, 2);
        c.emit(Opcode::COPY, 2);
        c.emit(Opcode::BINARY_SUBSCR);
        break;
    }
    case ast::ExprKind::Name:
        if (!c.emit_name(target->as<ast::Name>()->id, ast::ExprContext::Load, target->pos))
            return false;
        break;
    default:
        return c.fail("illegal expression for augmented assignment", target->pos);
    }
    if (!c.compile_expr(aug->value))
        return false;
    c.set_location(aug->pos);
    static constexpr uint32_t inplace_offset = 13;
    using O = ast::Operator;
    using B = vm::BinaryOpArg;
    static constexpr B table[] = {B::Add,        B::Subtract,  B::Multiply, B::MatrixMultiply,
                                  B::TrueDivide, B::Remainder, B::Power,    B::Lshift,
                                  B::Rshift,     B::Or,        B::Xor,      B::And,
                                  B::FloorDivide};
    static_assert(static_cast<int>(O::FloorDiv) == 12);
    c.emit(Opcode::BINARY_OP,
           static_cast<uint32_t>(table[static_cast<int>(aug->op)]) + inplace_offset);
    switch (target->kind) {
    case ast::ExprKind::Attribute:
        c.emit(Opcode::SWAP, 2);
        c.emit(Opcode::STORE_ATTR, c.add_name(c.mangle(target->as<ast::Attribute>()->attr)));
        return true;
    case ast::ExprKind::Subscript:
        c.emit(Opcode::SWAP, 3);
        c.emit(Opcode::SWAP, 2);
        c.emit(Opcode::STORE_SUBSCR);
        return true;
    default:
        return c.emit_name(target->as<ast::Name>()->id, ast::ExprContext::Store, target->pos);
    }
}

bool check_ann_expr(Compiler& c, const ast::Expr* expr) {
    if (!c.compile_expr(expr))
        return false;
    c.emit(Opcode::POP_TOP);
    return true;
}

bool compile_ann_assign(Compiler& c, const ast::AnnAssign* ann) {
    const ast::Expr* target = ann->target;
    if (ann->value) {
        if (!c.compile_expr(ann->value) || !c.compile_store(target))
            return false;
    }
    UnitKind kind = c.unit().kind;
    bool module_or_class = kind == UnitKind::Module || kind == UnitKind::Class;
    switch (target->kind) {
    case ast::ExprKind::Name:
        if (ann->simple && module_or_class) {
            if (!c.compile_annotation_value(ann->annotation))
                return false;
            c.emit(Opcode::LOAD_NAME, c.add_name("__annotations__"));
            c.emit_const(str_constant(c.mangle(target->as<ast::Name>()->id)));
            c.emit(Opcode::STORE_SUBSCR);
        }
        break;
    case ast::ExprKind::Attribute:
        if (!ann->value && !check_ann_expr(c, target->as<ast::Attribute>()->value))
            return false;
        break;
    case ast::ExprKind::Subscript:
        if (!ann->value && (!check_ann_expr(c, target->as<ast::Subscript>()->value) ||
                            !check_ann_expr(c, target->as<ast::Subscript>()->slice)))
            return false;
        break;
    default:
        return c.fail("invalid node type for annotated assignment", target->pos);
    }
    if (!ann->simple && !c.future_annotations && module_or_class &&
        !check_ann_expr(c, ann->annotation))
        return false;
    return true;
}

// ====== Imports

bool compile_import(Compiler& c, const ast::Import* import) {
    for (const ast::Alias* alias : import->names) {
        c.set_location(alias->pos);
        ConstantValue zero;
        zero.kind = ConstantKind::Int;
        c.emit_const(zero);
        c.emit_none();
        c.emit(Opcode::IMPORT_NAME, c.add_name(c.mangle(alias->name)));
        std::string_view name = alias->name;
        size_t dot = name.find('.');
        if (!alias->has_asname) {
            std::string_view head = dot == std::string_view::npos ? name : name.substr(0, dot);
            if (!c.emit_name(head, ast::ExprContext::Store, import->pos))
                return false;
            continue;
        }
        if (dot != std::string_view::npos) {
            // `import a.b.c as d` binds the submodule: walk the attributes.
            while (true) {
                size_t start = dot + 1;
                dot = name.find('.', start);
                std::string_view attr = name.substr(
                    start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
                c.emit(Opcode::IMPORT_FROM, c.add_name(c.mangle(attr)));
                if (dot == std::string_view::npos)
                    break;
                c.emit(Opcode::SWAP, 2);
                c.emit(Opcode::POP_TOP);
            }
            if (!c.emit_name(alias->asname, ast::ExprContext::Store, import->pos))
                return false;
            c.emit(Opcode::POP_TOP);
            continue;
        }
        if (!c.emit_name(alias->asname, ast::ExprContext::Store, import->pos))
            return false;
    }
    return true;
}

bool compile_import_from(Compiler& c, const ast::ImportFrom* from, bool in_future_block) {
    bool is_future = from->has_module && from->module == "__future__" && from->level == 0;
    if (is_future) {
        if (!in_future_block)
            return c.fail("from __future__ imports must occur at the beginning of the file",
                          from->pos);
        for (const ast::Alias* alias : from->names) {
            if (alias->name == "braces")
                return c.fail("not a chance", ast::Position{from->pos.lineno, from->pos.col_offset,
                                                            from->pos.lineno, -1});
            if (std::find(std::begin(future_features), std::end(future_features), alias->name) ==
                std::end(future_features))
                return c.fail(
                    "future feature " + std::string(alias->name) + " is not defined",
                    ast::Position{from->pos.lineno, from->pos.col_offset, from->pos.lineno, -1});
        }
    }
    ConstantValue level;
    level.kind = ConstantKind::Int;
    level.int_value = from->level;
    c.emit_const(level);
    ConstantValue names;
    names.kind = ConstantKind::Tuple;
    for (const ast::Alias* alias : from->names)
        names.items.push_back(str_constant(alias->name));
    c.emit_const(std::move(names));
    c.emit(Opcode::IMPORT_NAME, c.add_name(c.mangle(from->has_module ? from->module : "")));
    for (const ast::Alias* alias : from->names) {
        c.set_location(alias->pos);
        if (alias->name == "*") {
            c.emit(Opcode::IMPORT_STAR);
            return true;
        }
        c.emit(Opcode::IMPORT_FROM, c.add_name(c.mangle(alias->name)));
        if (!c.emit_name(alias->has_asname ? alias->asname : alias->name, ast::ExprContext::Store,
                         from->pos)) // errors point at the statement, as CPython's
            return false;
    }
    c.emit(Opcode::POP_TOP);
    return true;
}

// ====== Simple statements

bool compile_assert(Compiler& c, const ast::Assert* assert_stmt) {
    if (assert_stmt->test->kind == ast::ExprKind::TupleExpr &&
        !assert_stmt->test->as<ast::TupleExpr>()->elts.empty())
        c.warnings().push_back(CompileWarning{CompileWarning::Category::SyntaxWarning,
                                              "assertion is always true, perhaps remove "
                                              "parentheses?",
                                              assert_stmt->pos.lineno});
    if (c.options().optimize > 0)
        return true;
    int32_t end = c.new_block();
    if (!c.compile_jump_if(assert_stmt->test, end, true))
        return false;
    // CPython 3.11 raises from the position its jump-if code left: a comparison's (also under
    // `not`), else the statement's.
    const ast::Expr* test = assert_stmt->test;
    while (test->kind == ast::ExprKind::UnaryOp &&
           test->as<ast::UnaryOp>()->op == ast::UnaryOperator::Not)
        test = test->as<ast::UnaryOp>()->operand;
    c.set_location(test->kind == ast::ExprKind::Compare ? test->pos : assert_stmt->pos);
    c.emit(Opcode::LOAD_ASSERTION_ERROR);
    if (assert_stmt->msg) {
        if (!c.compile_expr(assert_stmt->msg))
            return false;
        c.emit(Opcode::CALL, 0);
    }
    c.emit(Opcode::RAISE_VARARGS, 1);
    c.use_block(end);
    return true;
}

bool compile_raise(Compiler& c, const ast::Raise* raise) {
    uint32_t n = 0;
    if (raise->exc) {
        if (!c.compile_expr(raise->exc))
            return false;
        n++;
        if (raise->cause) {
            if (!c.compile_expr(raise->cause))
                return false;
            n++;
        }
    }
    c.set_location(raise->pos);
    c.emit(Opcode::RAISE_VARARGS, n);
    return true;
}

bool compile_if(Compiler& c, const ast::If* stmt) {
    int32_t end = c.new_block();
    int32_t next = stmt->orelse.empty() ? end : c.new_block();
    if (!c.compile_jump_if(stmt->test, next, false) || !c.compile_stmts(stmt->body))
        return false;
    if (!stmt->orelse.empty()) {
        c.emit_jump(Opcode::JUMP_NO_INTERRUPT, end);
        c.use_block(next);
        if (!c.compile_stmts(stmt->orelse))
            return false;
    }
    c.use_block(end);
    return true;
}

bool compile_expr_stmt(Compiler& c, const ast::ExprStmt* stmt) {
    const ast::Expr* value = stmt->value;
    if (value->kind == ast::ExprKind::Constant) {
        c.emit(Opcode::NOP); // a constant statement does nothing (but keeps its line)
        return true;
    }
    if (!c.compile_expr(value))
        return false;
    c.emit(Opcode::POP_TOP);
    return true;
}

} // namespace

bool Compiler::compile_stmt(const ast::Stmt* stmt) {
    DepthGuard guard(*this, stmt->pos);
    if (!guard.ok())
        return false;
    set_location(stmt->pos);
    using K = ast::StmtKind;
    switch (stmt->kind) {
    case K::FunctionDef:
    case K::AsyncFunctionDef:
        return compile_function_def(*this, stmt->as<ast::FunctionDef>());
    case K::ClassDef:
        return compile_class_def(*this, stmt->as<ast::ClassDef>());
    case K::Return:
        return compile_return(stmt);
    case K::Delete:
        for (const ast::Expr* target : stmt->as<ast::Delete>()->targets)
            if (!compile_delete(target))
                return false;
        return true;
    case K::Assign:
        return compile_assign(*this, stmt->as<ast::Assign>());
    case K::AugAssign:
        return compile_aug_assign(*this, stmt->as<ast::AugAssign>());
    case K::AnnAssign:
        return compile_ann_assign(*this, stmt->as<ast::AnnAssign>());
    case K::For:
        return compile_for(stmt->as<ast::For>());
    case K::AsyncFor:
        return compile_async_for(stmt->as<ast::For>());
    case K::While:
        return compile_while(stmt->as<ast::While>());
    case K::If:
        return compile_if(*this, stmt->as<ast::If>());
    case K::With:
        return compile_with(stmt->as<ast::With>(), 0, false);
    case K::AsyncWith:
        return compile_with(stmt->as<ast::With>(), 0, true);
    case K::Raise:
        return compile_raise(*this, stmt->as<ast::Raise>());
    case K::Try:
    case K::TryStar:
        return compile_try(stmt->as<ast::Try>());
    case K::Assert:
        return compile_assert(*this, stmt->as<ast::Assert>());
    case K::Import:
        return compile_import(*this, stmt->as<ast::Import>());
    case K::ImportFrom:
        return compile_import_from(*this, stmt->as<ast::ImportFrom>(), in_future_block(stmt));
    case K::Global:
    case K::Nonlocal:
    case K::Pass:
        emit(Opcode::NOP);
        return true;
    case K::ExprStmt:
        if (unit().kind == UnitKind::Module && interactive) {
            if (!compile_expr(stmt->as<ast::ExprStmt>()->value))
                return false;
            emit(Opcode::PRINT_EXPR);
            return true;
        }
        return compile_expr_stmt(*this, stmt->as<ast::ExprStmt>());
    case K::Break:
        return compile_break(stmt);
    case K::Continue:
        return compile_continue(stmt);
    }
    return true;
}

} // namespace minipy::compiler::codegen_detail
