// The symbol table: for every scope of a module (module, class, function, lambda, comprehension,
// generator expression) it records which names are bound, used, declared global or nonlocal, and
// resolves each to local, global (explicit or implicit), free or cell exactly as CPython 3.11's
// Python/symtable.c does. Invariants:
//  - a SymbolTable is built once from one AST and is read-only afterwards;
//  - names are stored mangled (`__x` in class C is `_C__x`); views point into the AST's arena or
//  into
//    the table's own string pool, so the table must not outlive the AST;
//  - scopes are found by their AST node (Module, FunctionDef, Lambda, ClassDef, comprehension
//  Expr).
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast.h"
#include "compiler/diagnostics.h"

namespace minipy::compiler {

enum class ScopeKind : uint8_t { Module, Class, Function };

// Where a name lives once analysis is done (CPython's LOCAL, GLOBAL_EXPLICIT, ...).
enum class SymbolScope : uint8_t { Unknown, Local, GlobalExplicit, GlobalImplicit, Free, Cell };

// What the source does with a name in one scope (CPython's DEF_* bits).
enum SymbolFlag : uint32_t {
    symbol_def_global = 0x001,
    symbol_def_local = 0x002,
    symbol_def_param = 0x004,
    symbol_def_nonlocal = 0x008,
    symbol_use = 0x010,
    symbol_def_free_class = 0x040, // bound in a class and free in one of its methods
    symbol_def_import = 0x080,
    symbol_def_annot = 0x100,
    symbol_def_comp_iter = 0x200, // a comprehension's iteration variable
    symbol_def_bound = symbol_def_local | symbol_def_param | symbol_def_import,
};

enum class ComprehensionKind : uint8_t { None, List, Set, Dict, Generator };

struct Symbol {
    std::string_view name;
    uint32_t flags = 0;
    SymbolScope scope = SymbolScope::Unknown;
};

// One scope. Symbols keep first-seen order (CPython's dict order).
class Scope {
public:
    ScopeKind kind = ScopeKind::Module;
    std::string_view name;
    ComprehensionKind comprehension = ComprehensionKind::None;
    const void* node = nullptr;
    ast::Position pos;
    bool is_nested = false;
    bool is_generator = false;
    bool is_coroutine = false;
    bool has_varargs = false;
    bool has_varkeywords = false;
    bool has_free = false;
    bool child_has_free = false;
    bool needs_class_closure = false;     // a class whose methods use `__class__` or `super`
    std::vector<std::string_view> params; // parameter names, in signature order
    std::vector<Scope*> children;
    std::vector<Symbol> symbols;

    // Null when the name never appears in this scope.
    const Symbol* find(std::string_view key) const;
    SymbolScope scope_of(std::string_view key) const;
    uint32_t flags_of(std::string_view key) const;

    Symbol& entry(std::string_view key); // finds or adds
    bool is_function_like() const { return kind == ScopeKind::Function; }

private:
    std::unordered_map<std::string_view, uint32_t> m_index;
};

// Private-name mangling (Reference 6.2.1): `__spam` inside class `_Ham` becomes `_Ham__spam`.
// Returns name itself when no mangling applies; `storage` keeps a mangled result alive.
std::string_view mangle_name(std::string_view class_name, std::string_view name,
                             std::deque<std::string>& storage);

class SymbolTable {
public:
    // Builds and analyses the table. Returns false and fills `error` on a scope SyntaxError or when
    // the AST nests too deeply (RecursionError). `future_annotations` skips annotation expressions,
    // as `from __future__ import annotations` turns them into strings.
    bool build(const ast::Module& module, std::string_view filename, bool future_annotations);

    const CompileError& error() const { return m_error; }
    Scope* module_scope() const { return m_scopes.empty() ? nullptr : m_scopes.front().get(); }
    // The scope an AST node opens; null if it opens none.
    Scope* scope_for(const void* node) const;
    // Mangled names live here so callers may keep views.
    std::deque<std::string>& string_pool() { return m_strings; }

private:
    friend class SymtableBuilder;
    std::vector<std::unique_ptr<Scope>> m_scopes;
    std::unordered_map<const void*, Scope*> m_by_node;
    std::deque<std::string> m_strings;
    CompileError m_error;
};

// The depth of AST nesting the compiler accepts before raising RecursionError.
inline constexpr int max_compile_depth = 3000;

} // namespace minipy::compiler
