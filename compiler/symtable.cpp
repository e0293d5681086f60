// The symbol table builder and analyser (see symtable.h). Two passes, as in CPython 3.11's
// Python/symtable.c: a visit records DEF_* flags per name and scope, then analysis walks the scope
// tree with the sets of names bound and declared global above each scope and resolves every name.
// Invariant: the first error stops the build; later passes never run on a failed table.
#include "compiler/symtable.h"

#include <algorithm>

namespace minipy::compiler {

const Symbol* Scope::find(std::string_view key) const {
    const uint32_t* index = m_index.find(key);
    return index ? &symbols[*index] : nullptr;
}

SymbolScope Scope::scope_of(std::string_view key) const {
    const Symbol* symbol = find(key);
    return symbol ? symbol->scope : SymbolScope::Unknown;
}

uint32_t Scope::flags_of(std::string_view key) const {
    const Symbol* symbol = find(key);
    return symbol ? symbol->flags : 0;
}

Symbol& Scope::entry(std::string_view key) {
    auto [index, inserted] = m_index.emplace(key, static_cast<uint32_t>(symbols.size()));
    if (inserted)
        symbols.push_back(Symbol{key, 0, SymbolScope::Unknown});
    return symbols[*index];
}

std::string_view mangle_name(std::string_view class_name, std::string_view name,
                             std::deque<std::string>& storage) {
    // Reference 6.2.1: only `__x` names not ending in `__` and without dots are mangled.
    if (class_name.empty() || name.size() < 3 || name[0] != '_' || name[1] != '_')
        return name;
    if (name.ends_with("__") || name.find('.') != std::string_view::npos)
        return name;
    size_t start = class_name.find_first_not_of('_');
    if (start == std::string_view::npos)
        return name;
    std::string mangled = "_";
    mangled.append(class_name.substr(start));
    mangled.append(name);
    storage.push_back(std::move(mangled));
    return storage.back();
}

Scope* SymbolTable::scope_for(const void* node) const {
    auto it = m_by_node.find(node);
    return it == m_by_node.end() ? nullptr : it->second;
}

// A set of names (the analysis pass's bound, free, global and local sets).
class NameSet {
public:
    bool insert(std::string_view name) { return m_map.emplace(name, 0).second; }
    void insert(const NameSet& other) {
        other.m_map.for_each([&](std::string_view name, uint8_t) { insert(name); });
    }
    bool erase(std::string_view name) { return m_map.erase(name); }
    bool contains(std::string_view name) const { return m_map.contains(name); }
    bool empty() const { return m_map.empty(); }
    template <typename F> void for_each(F&& action) const {
        m_map.for_each([&](std::string_view name, uint8_t) { action(name); });
    }

private:
    NameMap<uint8_t> m_map;
};

// ====== The visiting pass

class SymtableBuilder {
public:
    SymtableBuilder(SymbolTable& table, std::string_view filename, bool future_annotations)
        : m_table(table), m_filename(filename), m_future_annotations(future_annotations) {}

    bool run(const ast::Module& module);

private:
    struct Frame {
        Scope* scope;
        std::string_view private_name; // the enclosing class name, for mangling
        int comp_iter_target = 0;
        int comp_iter_expr = 0;
    };

    bool fail(std::string message, const ast::Position& pos,
              CompileErrorKind kind = CompileErrorKind::SyntaxError);
    bool too_deep(const ast::Position& pos);
    Scope* enter(ScopeKind kind, std::string_view name, const void* node, const ast::Position& pos);
    void leave() { m_stack.pop_back(); }
    Frame& cur() { return m_stack.back(); }
    std::string_view mangle(std::string_view name) {
        return mangle_name(cur().private_name, name, m_table.m_strings);
    }
    bool add_def(std::string_view name, uint32_t flag, const ast::Position& pos);
    bool add_def_in(Scope* scope, std::string_view name, uint32_t flag, const ast::Position& pos);
    void record_directive(std::string_view name, const ast::Position& pos);

    bool visit_stmt(const ast::Stmt* stmt);
    bool visit_stmt_inner(const ast::Stmt* stmt);
    bool visit_stmts(ast::List<ast::Stmt*> stmts);
    bool visit_expr(const ast::Expr* expr);
    bool visit_expr_inner(const ast::Expr* expr);
    bool visit_exprs(ast::List<ast::Expr*> exprs);
    bool visit_function(const ast::FunctionDef* def);
    bool visit_class(const ast::ClassDef* def);
    bool visit_arguments_defaults(const ast::Arguments* args);
    bool visit_params(const ast::Arguments* args);
    bool visit_annotations(const ast::Arguments* args, const ast::Expr* returns);
    bool visit_annotation(const ast::Expr* annotation);
    bool visit_declaration(const ast::Stmt* stmt, bool is_global);
    bool visit_alias(const ast::Alias* alias);
    bool visit_ann_assign(const ast::AnnAssign* stmt);
    bool visit_comprehension(const ast::Expr* expr, ComprehensionKind kind, const ast::Expr* elt,
                             const ast::Expr* value, ast::List<ast::Comprehension*> generators);
    bool visit_named_expr(const ast::NamedExpr* expr);
    bool extend_named_expr_scope(const ast::Name* target);
    bool raise_if_comprehension(const ast::Expr* expr);

    SymbolTable& m_table;
    std::string_view m_filename;
    bool m_future_annotations;
    std::vector<Frame> m_stack;
    int m_depth = 0;
    // Where each global/nonlocal directive was written, for the analysis pass's messages.
    std::unordered_map<const Scope*, std::unordered_map<std::string_view, ast::Position>>
        m_directives;

    friend class SymtableAnalyzer;
};

bool SymtableBuilder::fail(std::string message, const ast::Position& pos, CompileErrorKind kind) {
    CompileError& error = m_table.m_error;
    error.kind = kind;
    error.message = std::move(message);
    error.filename = std::string(m_filename);
    error.lineno = pos.lineno;
    error.offset = pos.col_offset + 1;
    error.end_lineno = pos.end_lineno;
    error.end_offset = pos.end_col_offset + 1;
    return false;
}

bool SymtableBuilder::too_deep(const ast::Position& pos) {
    return fail("maximum recursion depth exceeded during compilation", pos,
                CompileErrorKind::RecursionError);
}

Scope* SymtableBuilder::enter(ScopeKind kind, std::string_view name, const void* node,
                              const ast::Position& pos) {
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->name = name;
    scope->node = node;
    scope->pos = pos;
    std::string_view private_name;
    if (!m_stack.empty()) {
        Scope* parent = cur().scope;
        scope->is_nested = parent->kind == ScopeKind::Function || parent->is_nested;
        parent->children.push_back(scope.get());
        private_name = cur().private_name;
    }
    if (kind == ScopeKind::Class)
        private_name = name;
    Scope* raw = scope.get();
    m_table.m_by_node[node] = raw;
    m_table.m_scopes.push_back(std::move(scope));
    m_stack.push_back(Frame{raw, private_name});
    return raw;
}

bool SymtableBuilder::add_def_in(Scope* scope, std::string_view name, uint32_t flag,
                                 const ast::Position& pos) {
    Symbol& symbol = scope->entry(name);
    if ((flag & symbol_def_param) && (symbol.flags & symbol_def_param))
        return fail("duplicate argument '" + std::string(name) + "' in function definition", pos);
    symbol.flags |= flag;
    if (flag & symbol_def_param)
        scope->params.push_back(name);
    return true;
}

bool SymtableBuilder::add_def(std::string_view name, uint32_t flag, const ast::Position& pos) {
    std::string_view mangled = mangle(name);
    if ((flag & symbol_def_local) && cur().comp_iter_target > 0) {
        // A comprehension's iteration variable (CPython: DEF_COMP_ITER).
        flag |= symbol_def_comp_iter;
    }
    return add_def_in(cur().scope, mangled, flag, pos);
}

void SymtableBuilder::record_directive(std::string_view name, const ast::Position& pos) {
    m_directives[cur().scope].emplace(name, pos);
}

bool SymtableBuilder::run(const ast::Module& module) {
    enter(ScopeKind::Module, "top", &module, ast::Position{1, 0, 1, 0});
    bool ok = module.kind == ast::ModuleKind::Expression ? visit_expr(module.expression)
                                                         : visit_stmts(module.body);
    leave();
    return ok;
}

bool SymtableBuilder::visit_stmts(ast::List<ast::Stmt*> stmts) {
    for (const ast::Stmt* stmt : stmts)
        if (!visit_stmt(stmt))
            return false;
    return true;
}

bool SymtableBuilder::visit_exprs(ast::List<ast::Expr*> exprs) {
    for (const ast::Expr* expr : exprs)
        if (expr && !visit_expr(expr))
            return false;
    return true;
}

bool SymtableBuilder::visit_stmt(const ast::Stmt* stmt) {
    if (++m_depth > max_compile_depth)
        return too_deep(stmt->pos);
    bool ok = visit_stmt_inner(stmt);
    --m_depth;
    return ok;
}

bool SymtableBuilder::visit_expr(const ast::Expr* expr) {
    if (++m_depth > max_compile_depth)
        return too_deep(expr->pos);
    bool ok = visit_expr_inner(expr);
    --m_depth;
    return ok;
}

bool SymtableBuilder::visit_arguments_defaults(const ast::Arguments* args) {
    return visit_exprs(args->defaults) && visit_exprs(args->kw_defaults);
}

bool SymtableBuilder::visit_params(const ast::Arguments* args) {
    for (const ast::Arg* arg : args->posonlyargs)
        if (!add_def(arg->arg, symbol_def_param, arg->pos))
            return false;
    for (const ast::Arg* arg : args->args)
        if (!add_def(arg->arg, symbol_def_param, arg->pos))
            return false;
    for (const ast::Arg* arg : args->kwonlyargs)
        if (!add_def(arg->arg, symbol_def_param, arg->pos))
            return false;
    // CPython lists *args and **kwargs after the keyword-only parameters.
    if (args->vararg) {
        if (!add_def(args->vararg->arg, symbol_def_param, args->vararg->pos))
            return false;
        cur().scope->has_varargs = true;
    }
    if (args->kwarg) {
        if (!add_def(args->kwarg->arg, symbol_def_param, args->kwarg->pos))
            return false;
        cur().scope->has_varkeywords = true;
    }
    return true;
}

bool SymtableBuilder::visit_annotation(const ast::Expr* annotation) {
    if (!annotation || m_future_annotations)
        return true;
    return visit_expr(annotation);
}

bool SymtableBuilder::visit_annotations(const ast::Arguments* args, const ast::Expr* returns) {
    for (auto list : {args->posonlyargs, args->args, args->kwonlyargs})
        for (const ast::Arg* arg : list)
            if (!visit_annotation(arg->annotation))
                return false;
    if (args->vararg && !visit_annotation(args->vararg->annotation))
        return false;
    if (args->kwarg && !visit_annotation(args->kwarg->annotation))
        return false;
    return visit_annotation(returns);
}

bool SymtableBuilder::visit_function(const ast::FunctionDef* def) {
    if (!add_def(def->name, symbol_def_local, def->pos))
        return false;
    if (!visit_arguments_defaults(def->args) || !visit_annotations(def->args, def->returns) ||
        !visit_exprs(def->decorator_list))
        return false;
    Scope* scope = enter(ScopeKind::Function, def->name, def, def->pos);
    if (def->kind == ast::StmtKind::AsyncFunctionDef)
        scope->is_coroutine = true;
    bool ok = visit_params(def->args) && visit_stmts(def->body);
    leave();
    return ok;
}

bool SymtableBuilder::visit_class(const ast::ClassDef* def) {
    if (!add_def(def->name, symbol_def_local, def->pos))
        return false;
    if (!visit_exprs(def->bases))
        return false;
    for (const ast::Keyword* keyword : def->keywords)
        if (!visit_expr(keyword->value))
            return false;
    if (!visit_exprs(def->decorator_list))
        return false;
    enter(ScopeKind::Class, def->name, def, def->pos);
    bool ok = visit_stmts(def->body);
    leave();
    return ok;
}

bool SymtableBuilder::visit_declaration(const ast::Stmt* stmt, bool is_global) {
    auto names = is_global ? stmt->as<ast::Global>()->names : stmt->as<ast::Nonlocal>()->names;
    const char* what = is_global ? "global" : "nonlocal";
    for (std::string_view raw : names) {
        std::string_view name = mangle(raw);
        uint32_t flags = cur().scope->flags_of(name);
        if (flags & (symbol_def_param | symbol_def_local | symbol_use | symbol_def_annot)) {
            std::string quoted = "name '" + std::string(raw) + "' ";
            if (flags & symbol_def_param)
                return fail(quoted + "is parameter and " + what, stmt->pos);
            if (flags & symbol_use)
                return fail(quoted + "is used prior to " + what + " declaration", stmt->pos);
            if (flags & symbol_def_annot)
                return fail("annotated name '" + std::string(raw) + "' can't be " + what,
                            stmt->pos);
            return fail(quoted + "is assigned to before " + what + " declaration", stmt->pos);
        }
        if (!add_def_in(cur().scope, name, is_global ? symbol_def_global : symbol_def_nonlocal,
                        stmt->pos))
            return false;
        record_directive(name, stmt->pos);
    }
    return true;
}

bool SymtableBuilder::visit_alias(const ast::Alias* alias) {
    std::string_view store = alias->has_asname ? alias->asname : alias->name;
    if (!alias->has_asname) {
        size_t dot = store.find('.');
        if (dot != std::string_view::npos)
            store = store.substr(0, dot);
    }
    if (store == "*") {
        if (cur().scope->kind != ScopeKind::Module)
            return fail("import * only allowed at module level", alias->pos);
        return true;
    }
    return add_def(store, symbol_def_import, alias->pos);
}

bool SymtableBuilder::visit_ann_assign(const ast::AnnAssign* stmt) {
    if (stmt->target->kind == ast::ExprKind::Name) {
        const auto* target = stmt->target->as<ast::Name>();
        std::string_view name = mangle(target->id);
        uint32_t flags = cur().scope->flags_of(name);
        if ((flags & (symbol_def_global | symbol_def_nonlocal)) && stmt->simple) {
            const char* what = (flags & symbol_def_global) ? "global" : "nonlocal";
            return fail("annotated name '" + std::string(target->id) + "' can't be " + what,
                        stmt->pos);
        }
        if (stmt->simple) {
            if (!add_def(target->id, symbol_def_annot | symbol_def_local, target->pos))
                return false;
        } else if (stmt->value && !add_def(target->id, symbol_def_local, target->pos)) {
            return false;
        }
    } else if (!visit_expr(stmt->target)) {
        return false;
    }
    if (!visit_annotation(stmt->annotation))
        return false;
    return !stmt->value || visit_expr(stmt->value);
}

bool SymtableBuilder::visit_stmt_inner(const ast::Stmt* stmt) {
    using K = ast::StmtKind;
    switch (stmt->kind) {
    case K::FunctionDef:
    case K::AsyncFunctionDef:
        return visit_function(stmt->as<ast::FunctionDef>());
    case K::ClassDef:
        return visit_class(stmt->as<ast::ClassDef>());
    case K::Return:
        return !stmt->as<ast::Return>()->value || visit_expr(stmt->as<ast::Return>()->value);
    case K::Delete:
        return visit_exprs(stmt->as<ast::Delete>()->targets);
    case K::Assign:
        return visit_exprs(stmt->as<ast::Assign>()->targets) &&
               visit_expr(stmt->as<ast::Assign>()->value);
    case K::AugAssign:
        return visit_expr(stmt->as<ast::AugAssign>()->target) &&
               visit_expr(stmt->as<ast::AugAssign>()->value);
    case K::AnnAssign:
        return visit_ann_assign(stmt->as<ast::AnnAssign>());
    case K::For:
    case K::AsyncFor: {
        const auto* s = stmt->as<ast::For>();
        return visit_expr(s->target) && visit_expr(s->iter) && visit_stmts(s->body) &&
               visit_stmts(s->orelse);
    }
    case K::While: {
        const auto* s = stmt->as<ast::While>();
        return visit_expr(s->test) && visit_stmts(s->body) && visit_stmts(s->orelse);
    }
    case K::If: {
        const auto* s = stmt->as<ast::If>();
        return visit_expr(s->test) && visit_stmts(s->body) && visit_stmts(s->orelse);
    }
    case K::With:
    case K::AsyncWith: {
        const auto* s = stmt->as<ast::With>();
        for (const ast::WithItem* item : s->items)
            if (!visit_expr(item->context_expr) ||
                (item->optional_vars && !visit_expr(item->optional_vars)))
                return false;
        return visit_stmts(s->body);
    }
    case K::Raise: {
        const auto* s = stmt->as<ast::Raise>();
        return (!s->exc || visit_expr(s->exc)) && (!s->cause || visit_expr(s->cause));
    }
    case K::Try:
    case K::TryStar: {
        const auto* s = stmt->as<ast::Try>();
        if (!visit_stmts(s->body))
            return false;
        for (const ast::ExceptHandler* handler : s->handlers) {
            if (handler->type && !visit_expr(handler->type))
                return false;
            if (handler->has_name && !add_def(handler->name, symbol_def_local, handler->pos))
                return false;
            if (!visit_stmts(handler->body))
                return false;
        }
        return visit_stmts(s->orelse) && visit_stmts(s->finalbody);
    }
    case K::Assert: {
        const auto* s = stmt->as<ast::Assert>();
        return visit_expr(s->test) && (!s->msg || visit_expr(s->msg));
    }
    case K::Import:
        for (const ast::Alias* alias : stmt->as<ast::Import>()->names)
            if (!visit_alias(alias))
                return false;
        return true;
    case K::ImportFrom:
        for (const ast::Alias* alias : stmt->as<ast::ImportFrom>()->names)
            if (!visit_alias(alias))
                return false;
        return true;
    case K::Global:
        return visit_declaration(stmt, true);
    case K::Nonlocal:
        return visit_declaration(stmt, false);
    case K::ExprStmt:
        return visit_expr(stmt->as<ast::ExprStmt>()->value);
    case K::Pass:
    case K::Break:
    case K::Continue:
        return true;
    }
    return true;
}

bool SymtableBuilder::raise_if_comprehension(const ast::Expr* expr) {
    switch (cur().scope->comprehension) {
    case ComprehensionKind::None:
        return true;
    case ComprehensionKind::List:
        return fail("'yield' inside list comprehension", expr->pos);
    case ComprehensionKind::Set:
        return fail("'yield' inside set comprehension", expr->pos);
    case ComprehensionKind::Dict:
        return fail("'yield' inside dict comprehension", expr->pos);
    case ComprehensionKind::Generator:
        return fail("'yield' inside generator expression", expr->pos);
    }
    return true;
}

bool SymtableBuilder::extend_named_expr_scope(const ast::Name* target) {
    std::string_view name = target->id;
    for (size_t i = m_stack.size(); i-- > 0;) {
        Scope* scope = m_stack[i].scope;
        if (scope->comprehension != ComprehensionKind::None) {
            if (scope->flags_of(name) & symbol_def_comp_iter)
                return fail("assignment expression cannot rebind comprehension iteration "
                            "variable '" +
                                std::string(name) + "'",
                            target->pos);
            continue;
        }
        if (scope->kind == ScopeKind::Function) {
            uint32_t flags = scope->flags_of(name);
            uint32_t here = (flags & symbol_def_global) ? symbol_def_global : symbol_def_nonlocal;
            if (!add_def_in(cur().scope, name, here, target->pos))
                return false;
            record_directive(name, target->pos);
            return add_def_in(scope, name, symbol_def_local, target->pos);
        }
        if (scope->kind == ScopeKind::Module) {
            if (!add_def_in(cur().scope, name, symbol_def_global, target->pos))
                return false;
            record_directive(name, target->pos);
            return add_def_in(scope, name, symbol_def_global, target->pos);
        }
        return fail("assignment expression within a comprehension cannot be used in a class body",
                    target->pos);
    }
    return true;
}

bool SymtableBuilder::visit_named_expr(const ast::NamedExpr* expr) {
    if (cur().comp_iter_expr > 0)
        return fail("assignment expression cannot be used in a comprehension iterable expression",
                    expr->pos);
    if (cur().scope->comprehension != ComprehensionKind::None &&
        expr->target->kind == ast::ExprKind::Name &&
        !extend_named_expr_scope(expr->target->as<ast::Name>()))
        return false;
    return visit_expr(expr->value) && visit_expr(expr->target);
}

bool SymtableBuilder::visit_comprehension(const ast::Expr* expr, ComprehensionKind kind,
                                          const ast::Expr* elt, const ast::Expr* value,
                                          ast::List<ast::Comprehension*> generators) {
    const ast::Comprehension* outermost = generators[0];
    // The outermost iterable is evaluated in the enclosing scope.
    cur().comp_iter_expr++;
    bool ok = visit_expr(outermost->iter);
    cur().comp_iter_expr--;
    if (!ok)
        return false;
    static constexpr std::string_view names[] = {"", "listcomp", "setcomp", "dictcomp", "genexpr"};
    Scope* scope = enter(ScopeKind::Function, names[static_cast<int>(kind)], expr, expr->pos);
    scope->comprehension = kind;
    if (outermost->is_async)
        scope->is_coroutine = true;
    if (!add_def_in(scope, ".0", symbol_def_param, expr->pos))
        return false;
    cur().comp_iter_target++;
    ok = visit_expr(outermost->target);
    cur().comp_iter_target--;
    if (!ok || !visit_exprs(outermost->ifs))
        return false;
    for (size_t i = 1; i < generators.size(); i++) {
        const ast::Comprehension* gen = generators[i];
        cur().comp_iter_target++;
        ok = visit_expr(gen->target);
        cur().comp_iter_target--;
        cur().comp_iter_expr++;
        ok = ok && visit_expr(gen->iter);
        cur().comp_iter_expr--;
        if (!ok || !visit_exprs(gen->ifs))
            return false;
        if (gen->is_async)
            scope->is_coroutine = true;
    }
    if ((value && !visit_expr(value)) || !visit_expr(elt))
        return false;
    bool is_generator = kind == ComprehensionKind::Generator;
    scope->is_generator = is_generator;
    bool is_async = scope->is_coroutine && !is_generator;
    leave();
    if (is_async)
        cur().scope->is_coroutine = true;
    return true;
}

bool SymtableBuilder::visit_expr_inner(const ast::Expr* expr) {
    using K = ast::ExprKind;
    switch (expr->kind) {
    case K::BoolOp:
        return visit_exprs(expr->as<ast::BoolOp>()->values);
    case K::NamedExpr:
        return visit_named_expr(expr->as<ast::NamedExpr>());
    case K::BinOp:
        return visit_expr(expr->as<ast::BinOp>()->left) &&
               visit_expr(expr->as<ast::BinOp>()->right);
    case K::UnaryOp:
        return visit_expr(expr->as<ast::UnaryOp>()->operand);
    case K::Lambda: {
        const auto* e = expr->as<ast::Lambda>();
        if (!visit_arguments_defaults(e->args))
            return false;
        enter(ScopeKind::Function, "lambda", e, e->pos);
        bool ok = visit_params(e->args) && visit_expr(e->body);
        leave();
        return ok;
    }
    case K::IfExp: {
        const auto* e = expr->as<ast::IfExp>();
        return visit_expr(e->test) && visit_expr(e->body) && visit_expr(e->orelse);
    }
    case K::Dict:
        return visit_exprs(expr->as<ast::Dict>()->keys) &&
               visit_exprs(expr->as<ast::Dict>()->values);
    case K::Set:
        return visit_exprs(expr->as<ast::Set>()->elts);
    case K::ListComp: {
        const auto* e = expr->as<ast::ListComp>();
        return visit_comprehension(e, ComprehensionKind::List, e->elt, nullptr, e->generators);
    }
    case K::SetComp: {
        const auto* e = expr->as<ast::SetComp>();
        return visit_comprehension(e, ComprehensionKind::Set, e->elt, nullptr, e->generators);
    }
    case K::DictComp: {
        const auto* e = expr->as<ast::DictComp>();
        return visit_comprehension(e, ComprehensionKind::Dict, e->key, e->value, e->generators);
    }
    case K::GeneratorExp: {
        const auto* e = expr->as<ast::GeneratorExp>();
        return visit_comprehension(e, ComprehensionKind::Generator, e->elt, nullptr, e->generators);
    }
    case K::Await:
        // 'await' outside (async) function is the code generator's error, as in CPython; an await
        // makes a comprehension asynchronous.
        if (!visit_expr(expr->as<ast::Await>()->value))
            return false;
        cur().scope->is_coroutine = true;
        return true;
    case K::Yield:
    case K::YieldFrom: {
        const ast::Expr* value = expr->kind == K::Yield ? expr->as<ast::Yield>()->value
                                                        : expr->as<ast::YieldFrom>()->value;
        if (value && !visit_expr(value))
            return false;
        cur().scope->is_generator = true;
        return raise_if_comprehension(expr);
    }
    case K::Compare:
        return visit_expr(expr->as<ast::Compare>()->left) &&
               visit_exprs(expr->as<ast::Compare>()->comparators);
    case K::Call: {
        const auto* e = expr->as<ast::Call>();
        if (!visit_expr(e->func) || !visit_exprs(e->args))
            return false;
        for (const ast::Keyword* keyword : e->keywords)
            if (!visit_expr(keyword->value))
                return false;
        return true;
    }
    case K::FormattedValue: {
        const auto* e = expr->as<ast::FormattedValue>();
        return visit_expr(e->value) && (!e->format_spec || visit_expr(e->format_spec));
    }
    case K::JoinedStr:
        return visit_exprs(expr->as<ast::JoinedStr>()->values);
    case K::Constant:
        return true;
    case K::Attribute:
        return visit_expr(expr->as<ast::Attribute>()->value);
    case K::Subscript:
        return visit_expr(expr->as<ast::Subscript>()->value) &&
               visit_expr(expr->as<ast::Subscript>()->slice);
    case K::Starred:
        return visit_expr(expr->as<ast::Starred>()->value);
    case K::Name: {
        const auto* e = expr->as<ast::Name>();
        if (!add_def(e->id, e->ctx == ast::ExprContext::Load ? symbol_use : symbol_def_local,
                     e->pos))
            return false;
        // Reference 3.3.3.6: a function that mentions `super` gets an implicit __class__ cell.
        if (e->ctx == ast::ExprContext::Load && cur().scope->kind == ScopeKind::Function &&
            e->id == "super")
            return add_def("__class__", symbol_use, e->pos);
        return true;
    }
    case K::ListExpr:
        return visit_exprs(expr->as<ast::ListExpr>()->elts);
    case K::TupleExpr:
        return visit_exprs(expr->as<ast::TupleExpr>()->elts);
    case K::Slice: {
        const auto* e = expr->as<ast::Slice>();
        return (!e->lower || visit_expr(e->lower)) && (!e->upper || visit_expr(e->upper)) &&
               (!e->step || visit_expr(e->step));
    }
    }
    return true;
}

// ====== The analysis pass

class SymtableAnalyzer {
public:
    explicit SymtableAnalyzer(SymtableBuilder& builder) : m_builder(builder) {}

    bool analyze_block(Scope* scope, const NameSet* bound, NameSet& free, NameSet& global);

private:
    bool analyze_name(Scope* scope, Symbol& symbol, NameSet* bound, NameSet& local, NameSet& free,
                      NameSet& global);
    bool fail_at_directive(Scope* scope, std::string_view name, std::string message);

    SymtableBuilder& m_builder;
};

bool SymtableAnalyzer::fail_at_directive(Scope* scope, std::string_view name, std::string message) {
    ast::Position pos = scope->pos;
    auto it = m_builder.m_directives.find(scope);
    if (it != m_builder.m_directives.end()) {
        auto at = it->second.find(name);
        if (at != it->second.end())
            pos = at->second;
    }
    return m_builder.fail(std::move(message), pos);
}

bool SymtableAnalyzer::analyze_name(Scope* scope, Symbol& symbol, NameSet* bound, NameSet& local,
                                    NameSet& free, NameSet& global) {
    std::string_view name = symbol.name;
    uint32_t flags = symbol.flags;
    if (flags & symbol_def_global) {
        if (flags & symbol_def_nonlocal)
            return fail_at_directive(scope, name,
                                     "name '" + std::string(name) + "' is nonlocal and global");
        symbol.scope = SymbolScope::GlobalExplicit;
        global.insert(name);
        if (bound)
            bound->erase(name);
        return true;
    }
    if (flags & symbol_def_nonlocal) {
        if (!bound)
            return fail_at_directive(scope, name,
                                     "nonlocal declaration not allowed at module level");
        if (!bound->contains(name))
            return fail_at_directive(scope, name,
                                     "no binding for nonlocal '" + std::string(name) + "' found");
        symbol.scope = SymbolScope::Free;
        scope->has_free = true;
        free.insert(name);
        return true;
    }
    if (flags & symbol_def_bound) {
        symbol.scope = SymbolScope::Local;
        local.insert(name);
        global.erase(name);
        return true;
    }
    if (bound && bound->contains(name)) {
        symbol.scope = SymbolScope::Free;
        scope->has_free = true;
        free.insert(name);
        return true;
    }
    symbol.scope = SymbolScope::GlobalImplicit;
    return true;
}

bool SymtableAnalyzer::analyze_block(Scope* scope, const NameSet* bound_in, NameSet& free,
                                     NameSet& global) {
    // Each block works on copies: what it learns about bound and global names stays inside.
    NameSet bound_copy;
    NameSet* bound = nullptr;
    if (bound_in) {
        bound_copy = *bound_in;
        bound = &bound_copy;
    }
    NameSet local;
    NameSet new_global;
    NameSet new_free;
    NameSet new_bound;
    if (scope->kind == ScopeKind::Class) {
        new_global = global;
        if (bound)
            new_bound = *bound;
    }
    for (Symbol& symbol : scope->symbols)
        if (!analyze_name(scope, symbol, bound, local, free, global))
            return false;
    if (scope->kind != ScopeKind::Class) {
        if (scope->kind == ScopeKind::Function)
            new_bound.insert(local);
        if (bound)
            new_bound.insert(*bound);
        new_global.insert(global);
    } else {
        new_bound.insert("__class__");
    }
    for (Scope* child : scope->children) {
        NameSet child_free;
        NameSet child_global = new_global;
        if (!analyze_block(child, &new_bound, child_free, child_global))
            return false;
        new_free.insert(child_free);
        if (child->has_free || child->child_has_free)
            scope->child_has_free = true;
    }
    if (scope->kind == ScopeKind::Function) {
        // Locals captured by children become cells.
        for (Symbol& symbol : scope->symbols) {
            if (symbol.scope == SymbolScope::Local && new_free.contains(symbol.name)) {
                symbol.scope = SymbolScope::Cell;
                new_free.erase(symbol.name);
            }
        }
    } else if (scope->kind == ScopeKind::Class && new_free.erase("__class__")) {
        scope->needs_class_closure = true;
    }
    // Record free variables of children that pass through this scope.
    std::vector<std::string_view> sorted;
    new_free.for_each([&](std::string_view name) { sorted.push_back(name); });
    std::sort(sorted.begin(), sorted.end());
    for (std::string_view name : sorted) {
        if (Symbol* existing = const_cast<Symbol*>(scope->find(name))) {
            if (scope->kind == ScopeKind::Class &&
                (existing->flags & (symbol_def_bound | symbol_def_global)))
                existing->flags |= symbol_def_free_class;
            continue;
        }
        if (bound && !bound->contains(name))
            continue; // a global
        Symbol& added = scope->entry(name);
        added.scope = SymbolScope::Free;
    }
    free.insert(new_free);
    return true;
}

bool SymbolTable::build(const ast::Module& module, std::string_view filename,
                        bool future_annotations) {
    SymtableBuilder builder(*this, filename, future_annotations);
    if (!builder.run(module))
        return false;
    SymtableAnalyzer analyzer(builder);
    NameSet free;
    NameSet global;
    return analyzer.analyze_block(module_scope(), nullptr, free, global);
}

} // namespace minipy::compiler
