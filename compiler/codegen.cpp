// The code generator's driver: compiler state, error reporting, basic blocks, constants and names
// tables, entering and leaving code units, and the module entry point. Statement, expression,
// control flow and assembly live in codegen_stmt.cpp, codegen_expr.cpp, codegen_flow.cpp and
// codegen_assemble.cpp. Invariant: after the first error every compile_* returns false at once and
// nothing more is emitted.
#include "compiler/codegen.h"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "compiler/codegen_internal.h"

namespace minipy::compiler {

using codegen_detail::Compiler;

bool has_future_annotations(const ast::Module& module) {
    for (size_t i = 0; i < module.body.size(); i++) {
        const ast::Stmt* stmt = module.body[i];
        if (i == 0 && stmt->kind == ast::StmtKind::ExprStmt) {
            const ast::Expr* value = stmt->as<ast::ExprStmt>()->value;
            if (value->kind == ast::ExprKind::Constant &&
                value->as<ast::Constant>()->value_kind == ast::ConstantKind::Str)
                continue;
        }
        if (stmt->kind != ast::StmtKind::ImportFrom)
            return false;
        const auto* from = stmt->as<ast::ImportFrom>();
        if (!from->has_module || from->module != "__future__" || from->level != 0)
            return false;
        for (const ast::Alias* alias : from->names)
            if (alias->name == "annotations")
                return true;
    }
    return false;
}

CodegenResult generate_code(const ast::Module& module, SymbolTable& symbols,
                            const CodegenOptions& options) {
    Compiler compiler(symbols, options);
    compiler.future_annotations = has_future_annotations(module);
    return compiler.compile_module(module);
}

namespace codegen_detail {

namespace {

// This thread's CPU time where POSIX offers it (the benchmark runs on loaded machines), else wall.
double cpu_seconds() {
#if defined(CLOCK_THREAD_CPUTIME_ID)
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
#else
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
#endif
}

} // namespace

bool Compiler::fail(std::string message, const ast::Position& pos, CompileErrorKind kind) {
    if (m_failed)
        return false;
    m_failed = true;
    m_error.kind = kind;
    m_error.message = std::move(message);
    m_error.filename = std::string(m_options.filename);
    m_error.lineno = pos.lineno;
    m_error.offset = pos.col_offset + 1;
    m_error.end_lineno = pos.end_lineno;
    m_error.end_offset = pos.end_col_offset + 1;
    return false;
}

int32_t Compiler::new_block() {
    Unit& u = unit();
    u.blocks.emplace_back();
    if (!m_spare_instrs.empty()) {
        u.blocks.back().instrs = std::move(m_spare_instrs.back());
        m_spare_instrs.pop_back();
    }
    return static_cast<int32_t>(u.blocks.size() - 1);
}

void Compiler::use_block(int32_t block) {
    Unit& u = unit();
    u.layout.push_back(block);
    u.current = block;
}

bool Compiler::is_unconditional_end(int32_t block) const {
    const Unit& u = *m_units.back();
    const auto& instrs = u.blocks[static_cast<size_t>(block)].instrs;
    if (instrs.empty())
        return false;
    switch (instrs.back().op) {
    case Opcode::JUMP:
    case Opcode::JUMP_NO_INTERRUPT:
    case Opcode::JUMP_FORWARD:
    case Opcode::JUMP_BACKWARD:
    case Opcode::JUMP_BACKWARD_NO_INTERRUPT:
    case Opcode::RETURN_VALUE:
    case Opcode::RAISE_VARARGS:
    case Opcode::RERAISE:
        return true;
    default:
        return false;
    }
}

void Compiler::emit(Opcode op, uint32_t arg) {
    Unit& u = unit();
    // Code after a return or jump in the same block is dead; keep it apart so flow analysis skips
    // it.
    if (is_unconditional_end(u.current))
        use_block(new_block());
    Instr instr;
    instr.op = op;
    instr.arg = arg;
    instr.loc = u.loc;
    u.blocks[static_cast<size_t>(u.current)].instrs.push_back(instr);
}

void Compiler::emit_jump(Opcode op, int32_t target) {
    emit(op, 0);
    Unit& u = unit();
    u.blocks[static_cast<size_t>(u.current)].instrs.back().target = target;
}

uint32_t Compiler::add_const(ConstantValue value) {
    Unit& u = unit();
    auto& constants = u.code->constants;
    if (value.kind == ConstantKind::None && u.none_index >= 0)
        return static_cast<uint32_t>(u.none_index);
    uint32_t index = u.constant_index.intern(constants, std::move(value));
    if (constants[index].kind == ConstantKind::None)
        u.none_index = static_cast<int32_t>(index);
    return index;
}

uint32_t Compiler::add_name(std::string_view name) {
    Unit& u = unit();
    auto [index, inserted] =
        u.name_index.emplace(name, static_cast<uint32_t>(u.code->names.size()));
    if (inserted)
        u.code->names.emplace_back(name);
    return *index;
}

uint32_t Compiler::add_varname(std::string_view name) {
    Unit& u = unit();
    auto [index, inserted] =
        u.varname_index.emplace(name, static_cast<uint32_t>(u.varnames.size()));
    if (inserted)
        u.varnames.emplace_back(name);
    return *index;
}

std::string_view Compiler::mangle(std::string_view name) {
    return mangle_name(unit().private_name, name, m_strings);
}

void Compiler::set_location(const ast::Position& pos) {
    unit().loc = Location{pos.lineno, pos.end_lineno, pos.col_offset, pos.end_col_offset};
}

std::string Compiler::qualname_for(std::string_view name, Scope* scope) {
    (void)scope;
    if (m_units.empty() || unit().kind == UnitKind::Module)
        return std::string(name);
    Unit& parent = unit();
    std::string_view mangled = mangle_name(parent.private_name, name, m_strings);
    if (parent.scope && parent.scope->scope_of(mangled) == SymbolScope::GlobalExplicit)
        return std::string(name);
    std::string base = parent.code->qualname;
    if (parent.kind == UnitKind::Function || parent.kind == UnitKind::AsyncFunction ||
        parent.kind == UnitKind::Lambda)
        base += ".<locals>";
    return base + "." + std::string(name);
}

void Compiler::enter_unit(UnitKind kind, Scope* scope, std::string_view name,
                          const ast::Position& pos) {
    std::string qualname = qualname_for(name, scope);
    std::string private_name = m_units.empty() ? std::string() : unit().private_name;
    auto u = std::make_unique<Unit>();
    u->kind = kind;
    u->scope = scope;
    u->code->name = std::string(name);
    u->code->qualname = std::move(qualname);
    u->code->filename = std::string(m_options.filename);
    u->code->first_line = kind == UnitKind::Module ? 1 : pos.lineno;
    u->private_name = kind == UnitKind::Class ? std::string(name) : std::move(private_name);
    if (scope) {
        if (scope->needs_class_closure)
            u->cellvars.emplace_back("__class__");
        for (const Symbol& symbol : scope->symbols)
            if (symbol.scope == SymbolScope::Cell)
                u->cellvars.emplace_back(symbol.name);
        for (const Symbol& symbol : scope->symbols)
            if (symbol.scope == SymbolScope::Free || (symbol.flags & symbol_def_free_class))
                u->freevars.emplace_back(symbol.name);
        std::sort(u->cellvars.begin() + (scope->needs_class_closure ? 1 : 0), u->cellvars.end());
        std::sort(u->freevars.begin(), u->freevars.end());
    }
    u->blocks.reserve(16);
    u->layout.reserve(16);
    u->code->constants.reserve(8);
    u->code->names.reserve(8);
    m_units.push_back(std::move(u));
    Unit& entered = unit();
    if (scope && scope->kind == ScopeKind::Function)
        for (std::string_view param : scope->params)
            add_varname(param);
    entered.loc = Location{entered.code->first_line, entered.code->first_line, -1, -1};
    use_block(new_block());
}

std::shared_ptr<const CodeUnit> Compiler::leave_unit() {
    std::shared_ptr<const CodeUnit> code;
    if (!m_failed && m_options.stats) {
        double start = cpu_seconds();
        code = assemble();
        m_options.stats->assemble_seconds += cpu_seconds() - start;
    } else if (!m_failed) {
        code = assemble();
    }
    // Keep the blocks' instruction buffers for the next units: most blocks are short, and growing
    // a fresh vector for each was a large share of code generation.
    for (Block& block : unit().blocks) {
        block.instrs.clear();
        m_spare_instrs.push_back(std::move(block.instrs));
    }
    m_units.pop_back();
    return code;
}

CodegenResult Compiler::compile_module(const ast::Module& module) {
    CodegenResult result;
    Scope* scope = m_symbols.module_scope();
    enter_unit(UnitKind::Module, scope, "<module>", ast::Position{1, 0, 1, 0});
    if (future_annotations)
        unit().code->flags |= code_future_annotations;
    interactive = module.kind == ast::ModuleKind::Interactive;
    for (size_t i = 0; i < module.body.size(); i++) {
        const ast::Stmt* stmt = module.body[i];
        if (i == 0 && stmt->kind == ast::StmtKind::ExprStmt &&
            stmt->as<ast::ExprStmt>()->value->kind == ast::ExprKind::Constant)
            continue;
        if (stmt->kind != ast::StmtKind::ImportFrom)
            break;
        const auto* from = stmt->as<ast::ImportFrom>();
        if (!from->has_module || from->module != "__future__" || from->level != 0)
            break;
        future_block.push_back(stmt);
    }
    bool ok = true;
    if (module.kind == ast::ModuleKind::Expression) {
        ok = compile_expr(module.expression);
        if (ok)
            emit(Opcode::RETURN_VALUE);
    } else {
        ok = compile_body(module.body, module.kind == ast::ModuleKind::Module);
        if (ok) {
            unit().loc = Location{};
            emit_none();
            emit(Opcode::RETURN_VALUE);
        }
    }
    std::shared_ptr<const CodeUnit> code = leave_unit();
    if (!ok || m_failed || !code) {
        result.error = m_error;
        if (!m_failed) {
            result.error.message = "internal compiler error";
            result.error.filename = std::string(m_options.filename);
        }
        return result;
    }
    result.code = std::move(code);
    result.warnings = std::move(m_warnings);
    return result;
}

} // namespace codegen_detail
} // namespace minipy::compiler
