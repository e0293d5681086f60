// The AST printer: one function per node family, each writing `Class(field=value, ...)` in the
// ASDL's field order, as CPython 3.11's Lib/ast.py `dump` does with annotate_fields=True:
//  - an optional field (`?` in the ASDL) that is None is left out; lists are always shown, `[]`
//  when
//    empty, and a null inside a list (Dict keys, kw_defaults) prints as None;
//  - identifiers and constants print as their Python repr.
// Invariant: recursion depth is counted; past max_dump_depth the printer stops and reports failure.
#include "compiler/ast_dump.h"

#include "compiler/literals.h"

namespace minipy::compiler {

namespace {

const char* operator_name(ast::Operator op) {
    static constexpr const char* names[] = {"Add",    "Sub",    "Mult",    "MatMult", "Div",
                                            "Mod",    "Pow",    "LShift",  "RShift",  "BitOr",
                                            "BitXor", "BitAnd", "FloorDiv"};
    return names[static_cast<int>(op)];
}

const char* unary_operator_name(ast::UnaryOperator op) {
    static constexpr const char* names[] = {"Invert", "Not", "UAdd", "USub"};
    return names[static_cast<int>(op)];
}

const char* compare_operator_name(ast::CompareOperator op) {
    static constexpr const char* names[] = {"Eq",  "NotEq", "Lt",    "LtE", "Gt",
                                            "GtE", "Is",    "IsNot", "In",  "NotIn"};
    return names[static_cast<int>(op)];
}

const char* context_name(ast::ExprContext ctx) {
    static constexpr const char* names[] = {"Load", "Store", "Del"};
    return names[static_cast<int>(ctx)];
}

// The repr of a complex number whose real part is +0: the float repr without a trailing ".0", then
// j.
std::string imaginary_repr(double imag) {
    std::string text = repr_float(imag);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
        text.resize(text.size() - 2);
    return text + "j";
}

std::string constant_repr(const ast::Constant& node) {
    switch (node.value_kind) {
    case ast::ConstantKind::None:
        return "None";
    case ast::ConstantKind::True:
        return "True";
    case ast::ConstantKind::False:
        return "False";
    case ast::ConstantKind::Ellipsis:
        return "Ellipsis";
    case ast::ConstantKind::Int:
        return std::to_string(node.int_value);
    case ast::ConstantKind::BigInt:
        return std::string(node.text);
    case ast::ConstantKind::Float:
        return repr_float(node.float_value);
    case ast::ConstantKind::Complex:
        return imaginary_repr(node.float_value);
    case ast::ConstantKind::Str:
        return repr_str(node.text);
    case ast::ConstantKind::Bytes:
        return repr_bytes(node.text);
    }
    return "None";
}

class Dumper {
public:
    explicit Dumper(std::string& out) : m_out(out) {}

    bool too_deep() const { return m_too_deep; }

    void module(const ast::Module& module) {
        switch (module.kind) {
        case ast::ModuleKind::Module:
            m_out += "Module(body=";
            stmts(module.body);
            m_out += ", type_ignores=[])";
            break;
        case ast::ModuleKind::Interactive:
            m_out += "Interactive(body=";
            stmts(module.body);
            m_out += ")";
            break;
        case ast::ModuleKind::Expression:
            m_out += "Expression(body=";
            expr(module.expression);
            m_out += ")";
            break;
        }
    }

private:
    // ====== Field helpers: each writes ", name=" (no comma for the first field) then the value.

    // Starts `Class(`; the matching close() writes `)`.
    void open(const char* class_name) {
        m_out += class_name;
        m_out += '(';
        m_first_field = true;
    }
    void close() {
        m_out += ')';
        m_first_field = false;
    }
    void name(const char* field) {
        if (!m_first_field)
            m_out += ", ";
        m_first_field = false;
        m_out += field;
        m_out += '=';
    }
    void field(const char* field_name, const ast::Expr* value) {
        name(field_name);
        expr(value);
    }
    void optional(const char* field_name, const ast::Expr* value) {
        if (value)
            field(field_name, value);
    }
    void field(const char* field_name, ast::List<ast::Expr*> values) {
        name(field_name);
        exprs(values);
    }
    void field(const char* field_name, ast::List<ast::Stmt*> values) {
        name(field_name);
        stmts(values);
    }
    void identifier(const char* field_name, std::string_view value) {
        name(field_name);
        m_out += repr_str(value);
    }
    void integer(const char* field_name, int64_t value) {
        name(field_name);
        m_out += std::to_string(value);
    }
    void raw(const char* field_name, const char* text) {
        name(field_name);
        m_out += text;
        m_out += "()";
    }
    void context(ast::ExprContext ctx) { raw("ctx", context_name(ctx)); }

    template <typename T, typename F> void list(ast::List<T> items, F&& print_one) {
        m_out += '[';
        bool first = true;
        for (const T& item : items) {
            if (!first)
                m_out += ", ";
            first = false;
            print_one(item);
        }
        m_out += ']';
        m_first_field = false;
    }
    void exprs(ast::List<ast::Expr*> items) {
        list(items, [this](const ast::Expr* e) {
            if (e)
                expr(e);
            else
                m_out += "None";
        });
    }
    void stmts(ast::List<ast::Stmt*> items) {
        list(items, [this](const ast::Stmt* s) { stmt(s); });
    }
    template <typename T, typename F>
    void node_list(const char* field_name, ast::List<T*> items, F print_one) {
        name(field_name);
        list(items, [this, &print_one](const T* item) { (this->*print_one)(*item); });
    }

    // Counts one level of nesting; false (and the too-deep flag) past the limit.
    bool enter() {
        if (m_too_deep || ++m_depth > max_dump_depth) {
            m_too_deep = true;
            return false;
        }
        return true;
    }
    void leave() { --m_depth; }

    // ====== Expressions

    void expr(const ast::Expr* node);
    void expr_body(const ast::Expr& node);
    void operator_expr(const ast::Expr& node);
    void access_expr(const ast::Expr& node);
    void comprehension_expr(const ast::Expr& node);
    template <typename T> void element_comprehension(const char* class_name, const T& node);
    void constant(const ast::Constant& node);

    // ====== Statements

    void stmt(const ast::Stmt* node);
    void stmt_body(const ast::Stmt& node);
    void function_def(const ast::FunctionDef& node);
    void class_def(const ast::ClassDef& node);
    void loop_or_branch(const ast::Stmt& node);
    void try_stmt(const ast::Try& node);
    void import_stmt(const ast::Stmt& node);
    void assignment(const ast::Stmt& node);

    // ====== Other nodes

    void arguments(const ast::Arguments& node);
    void arg(const ast::Arg& node);
    void keyword(const ast::Keyword& node);
    void alias(const ast::Alias& node);
    void with_item(const ast::WithItem& node);
    void comprehension(const ast::Comprehension& node);
    void except_handler(const ast::ExceptHandler& node);

    std::string& m_out;
    int m_depth = 0;
    bool m_too_deep = false;
    bool m_first_field = true;
};

void Dumper::expr(const ast::Expr* node) {
    if (!node) {
        m_out += "None";
        return;
    }
    if (!enter())
        return;
    expr_body(*node);
    leave();
}

void Dumper::constant(const ast::Constant& node) {
    open("Constant");
    name("value");
    m_out += constant_repr(node);
    if (node.u_prefix && node.value_kind == ast::ConstantKind::Str)
        m_out += ", kind='u'";
    close();
}

template <typename T> void Dumper::element_comprehension(const char* class_name, const T& node) {
    open(class_name);
    field("elt", node.elt);
    node_list("generators", node.generators, &Dumper::comprehension);
    close();
}

void Dumper::comprehension_expr(const ast::Expr& node) {
    using K = ast::ExprKind;
    switch (node.kind) {
    case K::ListComp:
        return element_comprehension("ListComp", *node.as<ast::ListComp>());
    case K::SetComp:
        return element_comprehension("SetComp", *node.as<ast::SetComp>());
    case K::GeneratorExp:
        return element_comprehension("GeneratorExp", *node.as<ast::GeneratorExp>());
    default: {
        const auto& n = *node.as<ast::DictComp>();
        open("DictComp");
        field("key", n.key);
        field("value", n.value);
        node_list("generators", n.generators, &Dumper::comprehension);
        close();
        return;
    }
    }
}

void Dumper::expr_body(const ast::Expr& node) {
    using K = ast::ExprKind;
    switch (node.kind) {
    case K::ListComp:
    case K::SetComp:
    case K::DictComp:
    case K::GeneratorExp:
        return comprehension_expr(node);
    case K::Constant:
        return constant(*node.as<ast::Constant>());
    case K::Call:
    case K::FormattedValue:
    case K::JoinedStr:
    case K::Attribute:
    case K::Subscript:
    case K::Starred:
    case K::Name:
    case K::ListExpr:
    case K::TupleExpr:
    case K::Slice:
        return access_expr(node);
    default:
        return operator_expr(node);
    }
}

// BoolOp through Compare, except the comprehensions.
void Dumper::operator_expr(const ast::Expr& node) {
    using K = ast::ExprKind;
    switch (node.kind) {
    case K::BoolOp: {
        const auto& n = *node.as<ast::BoolOp>();
        open("BoolOp");
        raw("op", n.op == ast::BoolOperator::And ? "And" : "Or");
        field("values", n.values);
        break;
    }
    case K::NamedExpr: {
        const auto& n = *node.as<ast::NamedExpr>();
        open("NamedExpr");
        field("target", n.target);
        field("value", n.value);
        break;
    }
    case K::BinOp: {
        const auto& n = *node.as<ast::BinOp>();
        open("BinOp");
        field("left", n.left);
        raw("op", operator_name(n.op));
        field("right", n.right);
        break;
    }
    case K::UnaryOp: {
        const auto& n = *node.as<ast::UnaryOp>();
        open("UnaryOp");
        raw("op", unary_operator_name(n.op));
        field("operand", n.operand);
        break;
    }
    case K::Lambda: {
        const auto& n = *node.as<ast::Lambda>();
        open("Lambda");
        name("args");
        arguments(*n.args);
        field("body", n.body);
        break;
    }
    case K::IfExp: {
        const auto& n = *node.as<ast::IfExp>();
        open("IfExp");
        field("test", n.test);
        field("body", n.body);
        field("orelse", n.orelse);
        break;
    }
    case K::Dict: {
        const auto& n = *node.as<ast::Dict>();
        open("Dict");
        field("keys", n.keys);
        field("values", n.values);
        break;
    }
    case K::Set:
        open("Set");
        field("elts", node.as<ast::Set>()->elts);
        break;
    case K::Await:
        open("Await");
        field("value", node.as<ast::Await>()->value);
        break;
    case K::Yield:
        open("Yield");
        optional("value", node.as<ast::Yield>()->value);
        break;
    case K::YieldFrom:
        open("YieldFrom");
        field("value", node.as<ast::YieldFrom>()->value);
        break;
    case K::Compare: {
        const auto& n = *node.as<ast::Compare>();
        open("Compare");
        field("left", n.left);
        name("ops");
        list(n.ops, [this](ast::CompareOperator op) {
            m_out += compare_operator_name(op);
            m_out += "()";
        });
        field("comparators", n.comparators);
        break;
    }
    default:
        break;
    }
    close();
}

// Call through Slice, except Constant.
void Dumper::access_expr(const ast::Expr& node) {
    using K = ast::ExprKind;
    switch (node.kind) {
    case K::Call: {
        const auto& n = *node.as<ast::Call>();
        open("Call");
        field("func", n.func);
        field("args", n.args);
        node_list("keywords", n.keywords, &Dumper::keyword);
        break;
    }
    case K::FormattedValue: {
        const auto& n = *node.as<ast::FormattedValue>();
        open("FormattedValue");
        field("value", n.value);
        integer("conversion", n.conversion);
        optional("format_spec", n.format_spec);
        break;
    }
    case K::JoinedStr:
        open("JoinedStr");
        field("values", node.as<ast::JoinedStr>()->values);
        break;
    case K::Attribute: {
        const auto& n = *node.as<ast::Attribute>();
        open("Attribute");
        field("value", n.value);
        identifier("attr", n.attr);
        context(n.ctx);
        break;
    }
    case K::Subscript: {
        const auto& n = *node.as<ast::Subscript>();
        open("Subscript");
        field("value", n.value);
        field("slice", n.slice);
        context(n.ctx);
        break;
    }
    case K::Starred: {
        const auto& n = *node.as<ast::Starred>();
        open("Starred");
        field("value", n.value);
        context(n.ctx);
        break;
    }
    case K::Name: {
        const auto& n = *node.as<ast::Name>();
        open("Name");
        identifier("id", n.id);
        context(n.ctx);
        break;
    }
    case K::ListExpr: {
        const auto& n = *node.as<ast::ListExpr>();
        open("List");
        field("elts", n.elts);
        context(n.ctx);
        break;
    }
    case K::TupleExpr: {
        const auto& n = *node.as<ast::TupleExpr>();
        open("Tuple");
        field("elts", n.elts);
        context(n.ctx);
        break;
    }
    case K::Slice: {
        const auto& n = *node.as<ast::Slice>();
        open("Slice");
        optional("lower", n.lower);
        optional("upper", n.upper);
        optional("step", n.step);
        break;
    }
    default:
        break;
    }
    close();
}

void Dumper::stmt(const ast::Stmt* node) {
    if (!enter())
        return;
    stmt_body(*node);
    leave();
}

void Dumper::function_def(const ast::FunctionDef& node) {
    open(node.kind == ast::StmtKind::AsyncFunctionDef ? "AsyncFunctionDef" : "FunctionDef");
    identifier("name", node.name);
    name("args");
    arguments(*node.args);
    field("body", node.body);
    field("decorator_list", node.decorator_list);
    optional("returns", node.returns);
    close();
}

void Dumper::class_def(const ast::ClassDef& node) {
    open("ClassDef");
    identifier("name", node.name);
    field("bases", node.bases);
    node_list("keywords", node.keywords, &Dumper::keyword);
    field("body", node.body);
    field("decorator_list", node.decorator_list);
    close();
}

// For, AsyncFor, While, If, With and AsyncWith.
void Dumper::loop_or_branch(const ast::Stmt& node) {
    using K = ast::StmtKind;
    switch (node.kind) {
    case K::For:
    case K::AsyncFor: {
        const auto& n = *node.as<ast::For>();
        open(node.kind == K::AsyncFor ? "AsyncFor" : "For");
        field("target", n.target);
        field("iter", n.iter);
        field("body", n.body);
        field("orelse", n.orelse);
        break;
    }
    case K::While:
    case K::If: {
        // While and If share (test, body, orelse) but not a struct.
        bool is_while = node.kind == K::While;
        open(is_while ? "While" : "If");
        field("test", is_while ? node.as<ast::While>()->test : node.as<ast::If>()->test);
        field("body", is_while ? node.as<ast::While>()->body : node.as<ast::If>()->body);
        field("orelse", is_while ? node.as<ast::While>()->orelse : node.as<ast::If>()->orelse);
        break;
    }
    default: {
        const auto& n = *node.as<ast::With>();
        open(node.kind == K::AsyncWith ? "AsyncWith" : "With");
        node_list("items", n.items, &Dumper::with_item);
        field("body", n.body);
        break;
    }
    }
    close();
}

void Dumper::try_stmt(const ast::Try& node) {
    open(node.kind == ast::StmtKind::TryStar ? "TryStar" : "Try");
    field("body", node.body);
    node_list("handlers", node.handlers, &Dumper::except_handler);
    field("orelse", node.orelse);
    field("finalbody", node.finalbody);
    close();
}

// Import, ImportFrom, Global and Nonlocal.
void Dumper::import_stmt(const ast::Stmt& node) {
    using K = ast::StmtKind;
    auto names = [this](ast::List<std::string_view> items) {
        name("names");
        list(items, [this](std::string_view item) { m_out += repr_str(item); });
    };
    switch (node.kind) {
    case K::Import:
        open("Import");
        node_list("names", node.as<ast::Import>()->names, &Dumper::alias);
        break;
    case K::ImportFrom: {
        const auto& n = *node.as<ast::ImportFrom>();
        open("ImportFrom");
        if (n.has_module)
            identifier("module", n.module);
        node_list("names", n.names, &Dumper::alias);
        integer("level", n.level);
        break;
    }
    case K::Global:
        open("Global");
        names(node.as<ast::Global>()->names);
        break;
    default:
        open("Nonlocal");
        names(node.as<ast::Nonlocal>()->names);
        break;
    }
    close();
}

// Assign, AugAssign and AnnAssign.
void Dumper::assignment(const ast::Stmt& node) {
    using K = ast::StmtKind;
    switch (node.kind) {
    case K::Assign: {
        const auto& n = *node.as<ast::Assign>();
        open("Assign");
        field("targets", n.targets);
        field("value", n.value);
        break;
    }
    case K::AugAssign: {
        const auto& n = *node.as<ast::AugAssign>();
        open("AugAssign");
        field("target", n.target);
        raw("op", operator_name(n.op));
        field("value", n.value);
        break;
    }
    case K::AnnAssign: {
        const auto& n = *node.as<ast::AnnAssign>();
        open("AnnAssign");
        field("target", n.target);
        field("annotation", n.annotation);
        optional("value", n.value);
        integer("simple", n.simple);
        break;
    }
    default:
        break;
    }
    close();
}

void Dumper::stmt_body(const ast::Stmt& node) {
    using K = ast::StmtKind;
    switch (node.kind) {
    case K::FunctionDef:
    case K::AsyncFunctionDef:
        return function_def(*node.as<ast::FunctionDef>());
    case K::ClassDef:
        return class_def(*node.as<ast::ClassDef>());
    case K::For:
    case K::AsyncFor:
    case K::While:
    case K::If:
    case K::With:
    case K::AsyncWith:
        return loop_or_branch(node);
    case K::Try:
    case K::TryStar:
        return try_stmt(*node.as<ast::Try>());
    case K::Import:
    case K::ImportFrom:
    case K::Global:
    case K::Nonlocal:
        return import_stmt(node);
    case K::Return:
        open("Return");
        optional("value", node.as<ast::Return>()->value);
        break;
    case K::Delete:
        open("Delete");
        field("targets", node.as<ast::Delete>()->targets);
        break;
    case K::Assign:
    case K::AugAssign:
    case K::AnnAssign:
        return assignment(node);
    case K::Raise: {
        const auto& n = *node.as<ast::Raise>();
        open("Raise");
        optional("exc", n.exc);
        optional("cause", n.cause);
        break;
    }
    case K::Assert: {
        const auto& n = *node.as<ast::Assert>();
        open("Assert");
        field("test", n.test);
        optional("msg", n.msg);
        break;
    }
    case K::ExprStmt:
        open("Expr");
        field("value", node.as<ast::ExprStmt>()->value);
        break;
    case K::Pass:
        open("Pass");
        break;
    case K::Break:
        open("Break");
        break;
    case K::Continue:
        open("Continue");
        break;
    }
    close();
}

// ====== Other nodes

void Dumper::arguments(const ast::Arguments& node) {
    open("arguments");
    node_list("posonlyargs", node.posonlyargs, &Dumper::arg);
    node_list("args", node.args, &Dumper::arg);
    if (node.vararg) {
        name("vararg");
        arg(*node.vararg);
    }
    node_list("kwonlyargs", node.kwonlyargs, &Dumper::arg);
    field("kw_defaults", node.kw_defaults);
    if (node.kwarg) {
        name("kwarg");
        arg(*node.kwarg);
    }
    field("defaults", node.defaults);
    close();
}

void Dumper::arg(const ast::Arg& node) {
    open("arg");
    identifier("arg", node.arg);
    optional("annotation", node.annotation);
    close();
}

void Dumper::keyword(const ast::Keyword& node) {
    open("keyword");
    if (node.has_arg)
        identifier("arg", node.arg);
    field("value", node.value);
    close();
}

void Dumper::alias(const ast::Alias& node) {
    open("alias");
    identifier("name", node.name);
    if (node.has_asname)
        identifier("asname", node.asname);
    close();
}

void Dumper::with_item(const ast::WithItem& node) {
    open("withitem");
    field("context_expr", node.context_expr);
    optional("optional_vars", node.optional_vars);
    close();
}

void Dumper::comprehension(const ast::Comprehension& node) {
    open("comprehension");
    field("target", node.target);
    field("iter", node.iter);
    field("ifs", node.ifs);
    integer("is_async", node.is_async);
    close();
}

void Dumper::except_handler(const ast::ExceptHandler& node) {
    if (!enter())
        return;
    open("ExceptHandler");
    optional("type", node.type);
    if (node.has_name)
        identifier("name", node.name);
    field("body", node.body);
    close();
    leave();
}

} // namespace

bool dump_ast(const ast::Module& module, std::string& out) {
    out.clear();
    Dumper dumper(out);
    dumper.module(module);
    if (dumper.too_deep()) {
        out = "maximum recursion depth exceeded while dumping the AST";
        return false;
    }
    return true;
}

std::string dump_ast(const ast::Module& module) {
    std::string out;
    if (!dump_ast(module, out))
        return "RecursionError: " + out;
    return out;
}

} // namespace minipy::compiler
