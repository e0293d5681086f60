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

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast.h"
#include "compiler/diagnostics.h"

namespace minipy::compiler {

// A fast hash of an identifier-sized string (not keyed: the compiler's tables are per compilation
// and hold names from one source, so flooding is no concern beyond slow compilation).
inline uint64_t hash_name(std::string_view text) {
    uint64_t hash = 0x9E3779B97F4A7C15ull ^ text.size();
    const char* p = text.data();
    size_t n = text.size();
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t word;
        std::memcpy(&word, p, 8);
        hash = (hash ^ word) * 0xBF58476D1CE4E5B9ull;
        hash ^= hash >> 31;
    }
    if (n) {
        uint64_t word = 0;
        std::memcpy(&word, p, n);
        hash = (hash ^ word) * 0x94D049BB133111EBull;
    }
    hash ^= hash >> 29;
    hash *= 0xBF58476D1CE4E5B9ull;
    return hash ^ (hash >> 32);
}

// A map from names to small values: open addressing with linear probing in one array (no
// allocation per entry, unlike std::unordered_map, which dominated symbol-table and codegen time).
// Keys are views: their text must outlive the map. Iteration order is unspecified.
template <typename V> class NameMap {
public:
    V* find(std::string_view key) {
        if (m_count == 0)
            return nullptr;
        uint32_t hash = stored_hash(key);
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.hash == 0)
                return nullptr;
            if (slot.hash == hash && slot.key == key)
                return &slot.value;
        }
    }
    const V* find(std::string_view key) const { return const_cast<NameMap*>(this)->find(key); }
    bool contains(std::string_view key) const { return find(key) != nullptr; }

    // Finds key, or adds it with `value`; says which.
    std::pair<V*, bool> emplace(std::string_view key, V value) {
        if ((m_count + 1) * 4 > m_slots.size() * 3)
            grow();
        uint32_t hash = stored_hash(key);
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.hash == 0) {
                slot = Slot{key, hash, value};
                m_count++;
                return {&slot.value, true};
            }
            if (slot.hash == hash && slot.key == key)
                return {&slot.value, false};
        }
    }

    // Removes key (backward-shift deletion keeps probe chains whole); false if absent.
    bool erase(std::string_view key) {
        if (m_count == 0)
            return false;
        uint32_t hash = stored_hash(key);
        size_t i = hash & m_mask;
        for (;; i = (i + 1) & m_mask) {
            if (m_slots[i].hash == 0)
                return false;
            if (m_slots[i].hash == hash && m_slots[i].key == key)
                break;
        }
        for (size_t j = (i + 1) & m_mask; m_slots[j].hash != 0; j = (j + 1) & m_mask) {
            size_t home = m_slots[j].hash & m_mask;
            // Move j into the hole at i unless its home lies cyclically in (i, j].
            if (((j - home) & m_mask) >= ((j - i) & m_mask)) {
                m_slots[i] = m_slots[j];
                i = j;
            }
        }
        m_slots[i] = Slot{};
        m_count--;
        return true;
    }

    size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    void clear() {
        if (m_count == 0)
            return;
        std::fill(m_slots.begin(), m_slots.end(), Slot{});
        m_count = 0;
    }

    // Calls action(key, value) for every entry.
    template <typename F> void for_each(F&& action) const {
        if (m_count == 0)
            return;
        for (const Slot& slot : m_slots)
            if (slot.hash != 0)
                action(slot.key, slot.value);
    }

private:
    struct Slot {
        std::string_view key;
        uint32_t hash = 0; // 0 marks an empty slot
        V value{};
    };

    static uint32_t stored_hash(std::string_view key) {
        return static_cast<uint32_t>(hash_name(key)) | 1u;
    }

    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        size_t capacity = old.empty() ? 8 : old.size() * 2;
        m_slots.assign(capacity, Slot{});
        m_mask = capacity - 1;
        for (const Slot& slot : old) {
            if (slot.hash == 0)
                continue;
            size_t i = slot.hash & m_mask;
            while (m_slots[i].hash != 0)
                i = (i + 1) & m_mask;
            m_slots[i] = slot;
        }
    }

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_count = 0;
};

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
    NameMap<uint32_t> m_index;
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
