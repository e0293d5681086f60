// Constant folding as CPython 3.11's Python/ast_opt.c does it: unary and binary operators on
// constant operands, tuples of constants, with the same size limits (so `2**1000` and `'a'*10000`
// stay unfolded). Integers use GMP. Invariant: folding never changes behaviour, so any operation
// that would raise (division by zero, negative shift) or that Python computes differently is left
// to run time.
#include <cmath>
#include <cstring>
#include <gmp.h>
#include <limits>

#include "compiler/codegen_internal.h"

namespace minipy::compiler::codegen_detail {

namespace {

// ast_opt.c's limits.
constexpr size_t max_int_bits = 128;
constexpr size_t max_collection_size = 256;
constexpr size_t max_str_size = 4096;
constexpr int max_fold_depth = 200;

class BigInt {
public:
    BigInt() { mpz_init(m_value); }
    ~BigInt() { mpz_clear(m_value); }
    BigInt(const BigInt&) = delete;
    BigInt& operator=(const BigInt&) = delete;
    mpz_ptr get() { return m_value; }

private:
    mpz_t m_value;
};

bool is_int_like(const ConstantValue& v) {
    return v.kind == ConstantKind::Int || v.kind == ConstantKind::BigInt ||
           v.kind == ConstantKind::Bool;
}

void load_int(const ConstantValue& v, mpz_ptr out) {
    if (v.kind == ConstantKind::BigInt)
        mpz_set_str(out, v.text.c_str(), 10);
    else if (v.kind == ConstantKind::Bool)
        mpz_set_si(out, v.bool_value ? 1 : 0);
    else
        mpz_set_si(out, static_cast<long>(v.int_value));
}

ConstantValue store_int(mpz_srcptr value) {
    ConstantValue result;
    if (mpz_fits_slong_p(value)) {
        result.kind = ConstantKind::Int;
        result.int_value = mpz_get_si(value);
    } else {
        result.kind = ConstantKind::BigInt;
        char* text = mpz_get_str(nullptr, 10, value);
        result.text = text;
        void (*free_function)(void*, size_t) = nullptr;
        mp_get_memory_functions(nullptr, nullptr, &free_function);
        free_function(text, std::char_traits<char>::length(text) + 1);
    }
    return result;
}

Folded make_float(double value) {
    ConstantValue result;
    result.kind = ConstantKind::Float;
    result.float_value = value;
    return result;
}

bool to_double(const ConstantValue& v, double& out) {
    if (v.kind == ConstantKind::Float) {
        out = v.float_value;
        return true;
    }
    if (!is_int_like(v))
        return false;
    BigInt i;
    load_int(v, i.get());
    if (mpz_sizeinbase(i.get(), 2) > 53)
        return false; // inexact (int-to-float rounds half-even; GMP truncates): run time
    out = mpz_get_d(i.get());
    return true;
}

Folded fold_int_binary(ast::Operator op, const ConstantValue& left, const ConstantValue& right) {
    BigInt a, b, r;
    load_int(left, a.get());
    load_int(right, b.get());
    size_t abits = mpz_sgn(a.get()) ? mpz_sizeinbase(a.get(), 2) : 0;
    size_t bbits = mpz_sgn(b.get()) ? mpz_sizeinbase(b.get(), 2) : 0;
    using O = ast::Operator;
    switch (op) {
    case O::Add:
        mpz_add(r.get(), a.get(), b.get());
        break;
    case O::Sub:
        mpz_sub(r.get(), a.get(), b.get());
        break;
    case O::Mult:
        if (abits && bbits && abits + bbits > max_int_bits)
            return std::nullopt;
        mpz_mul(r.get(), a.get(), b.get());
        break;
    case O::FloorDiv:
    case O::Mod:
        if (!bbits)
            return std::nullopt;
        if (op == O::FloorDiv)
            mpz_fdiv_q(r.get(), a.get(), b.get());
        else
            mpz_fdiv_r(r.get(), a.get(), b.get());
        break;
    case O::Div: {
        if (!bbits || abits > 1000 || bbits > 1000)
            return std::nullopt;
        if (abits <= 53 && bbits <= 53)
            return make_float(mpz_get_d(a.get()) / mpz_get_d(b.get()));
        return std::nullopt; // correctly rounded big division is left to run time
    }
    case O::Pow: {
        if (mpz_sgn(b.get()) < 0) {
            // int ** negative int is float ** float (Reference 6.5); 0 ** -n raises.
            if (!abits || abits > 53 || bbits > 53)
                return std::nullopt;
            double result = std::pow(mpz_get_d(a.get()), mpz_get_d(b.get()));
            if (!std::isfinite(result))
                return std::nullopt;
            return make_float(result);
        }
        if (!mpz_fits_ulong_p(b.get()))
            return std::nullopt;
        unsigned long exponent = mpz_get_ui(b.get());
        if (abits > 1 && abits * exponent > max_int_bits)
            return std::nullopt;
        mpz_pow_ui(r.get(), a.get(), exponent);
        break;
    }
    case O::LShift: {
        if (mpz_sgn(b.get()) < 0 || !mpz_fits_ulong_p(b.get()))
            return std::nullopt;
        unsigned long shift = mpz_get_ui(b.get());
        if (abits && abits + shift > max_int_bits)
            return std::nullopt;
        mpz_mul_2exp(r.get(), a.get(), shift);
        break;
    }
    case O::RShift: {
        if (mpz_sgn(b.get()) < 0)
            return std::nullopt;
        unsigned long shift = mpz_fits_ulong_p(b.get()) ? mpz_get_ui(b.get()) : 1ul << 30;
        mpz_fdiv_q_2exp(r.get(), a.get(), shift);
        break;
    }
    case O::BitAnd:
    case O::BitOr:
    case O::BitXor:
        if (left.kind == ConstantKind::Bool && right.kind == ConstantKind::Bool) {
            bool x = left.bool_value, y = right.bool_value;
            ConstantValue result;
            result.kind = ConstantKind::Bool;
            result.bool_value = op == O::BitAnd ? (x && y) : op == O::BitOr ? (x || y) : (x != y);
            return result;
        }
        if (op == O::BitAnd)
            mpz_and(r.get(), a.get(), b.get());
        else if (op == O::BitOr)
            mpz_ior(r.get(), a.get(), b.get());
        else
            mpz_xor(r.get(), a.get(), b.get());
        break;
    case O::MatMult:
        return std::nullopt;
    }
    return store_int(r.get());
}

Folded fold_float_binary(ast::Operator op, double a, double b) {
    using O = ast::Operator;
    switch (op) {
    case O::Add:
        return make_float(a + b);
    case O::Sub:
        return make_float(a - b);
    case O::Mult:
        return make_float(a * b);
    case O::Div:
        if (b == 0.0)
            return std::nullopt;
        return make_float(a / b);
    default:
        // Floor division, modulo and powers have Python-specific corner cases: run time.
        return std::nullopt;
    }
}

Folded fold_sequence_binary(ast::Operator op, const ConstantValue& left,
                            const ConstantValue& right) {
    bool left_text = left.kind == ConstantKind::Str || left.kind == ConstantKind::Bytes;
    if (op == ast::Operator::Add && left_text && left.kind == right.kind) {
        if (left.text.size() + right.text.size() > max_str_size)
            return std::nullopt;
        ConstantValue result = left;
        result.text += right.text;
        return result;
    }
    if (op == ast::Operator::Add && left.kind == ConstantKind::Tuple &&
        right.kind == ConstantKind::Tuple) {
        if (left.items.size() + right.items.size() > max_collection_size)
            return std::nullopt;
        ConstantValue result = left;
        result.items.insert(result.items.end(), right.items.begin(), right.items.end());
        return result;
    }
    if (op == ast::Operator::Mult && (left_text || left.kind == ConstantKind::Tuple) &&
        right.kind == ConstantKind::Int) {
        int64_t count = std::max<int64_t>(right.int_value, 0);
        size_t unit = left_text ? left.text.size() : left.items.size();
        size_t limit = left_text ? max_str_size : max_collection_size;
        if (unit && static_cast<uint64_t>(count) > limit / unit)
            return std::nullopt;
        ConstantValue result = left;
        result.text.clear();
        result.items.clear();
        for (int64_t i = 0; i < count; i++) {
            result.text += left.text;
            result.items.insert(result.items.end(), left.items.begin(), left.items.end());
        }
        return result;
    }
    return std::nullopt;
}

Folded fold_binary(ast::Operator op, const ConstantValue& left, const ConstantValue& right) {
    if (is_int_like(left) && is_int_like(right))
        return fold_int_binary(op, left, right);
    bool numeric = (is_int_like(left) || left.kind == ConstantKind::Float) &&
                   (is_int_like(right) || right.kind == ConstantKind::Float);
    if (numeric) {
        double a = 0, b = 0;
        if (!to_double(left, a) || !to_double(right, b))
            return std::nullopt;
        return fold_float_binary(op, a, b);
    }
    return fold_sequence_binary(op, left, right);
}

Folded fold_unary(ast::UnaryOperator op, const ConstantValue& operand) {
    using U = ast::UnaryOperator;
    if (op == U::Not) {
        bool truth = false;
        switch (operand.kind) {
        case ConstantKind::None:
            truth = false;
            break;
        case ConstantKind::Bool:
            truth = operand.bool_value;
            break;
        case ConstantKind::Ellipsis:
            truth = true;
            break;
        case ConstantKind::Int:
            truth = operand.int_value != 0;
            break;
        case ConstantKind::BigInt:
            truth = true;
            break;
        case ConstantKind::Float:
            truth = operand.float_value != 0.0;
            break;
        case ConstantKind::Complex:
            truth = operand.float_value != 0.0;
            break;
        case ConstantKind::Str:
        case ConstantKind::Bytes:
            truth = !operand.text.empty();
            break;
        case ConstantKind::Tuple:
        case ConstantKind::FrozenSet:
            truth = !operand.items.empty();
            break;
        case ConstantKind::Code:
            return std::nullopt;
        }
        ConstantValue result;
        result.kind = ConstantKind::Bool;
        result.bool_value = !truth;
        return result;
    }
    if (is_int_like(operand)) {
        BigInt a;
        load_int(operand, a.get());
        if (op == U::USub)
            mpz_neg(a.get(), a.get());
        else if (op == U::Invert)
            mpz_com(a.get(), a.get());
        return store_int(a.get());
    }
    // Complex values keep only their imaginary part here, so negating one (which flips the real
    // part's zero sign too) is left to run time.
    if (operand.kind == ConstantKind::Float) {
        if (op == U::Invert)
            return std::nullopt;
        ConstantValue result = operand;
        if (op == U::USub)
            result.float_value = -result.float_value;
        return result;
    }
    return std::nullopt;
}

} // namespace

ConstantValue constant_from_ast(const ast::Constant* constant) {
    ConstantValue value;
    switch (constant->value_kind) {
    case ast::ConstantKind::None:
        value.kind = ConstantKind::None;
        break;
    case ast::ConstantKind::True:
    case ast::ConstantKind::False:
        value.kind = ConstantKind::Bool;
        value.bool_value = constant->value_kind == ast::ConstantKind::True;
        break;
    case ast::ConstantKind::Ellipsis:
        value.kind = ConstantKind::Ellipsis;
        break;
    case ast::ConstantKind::Int:
        value.kind = ConstantKind::Int;
        value.int_value = constant->int_value;
        break;
    case ast::ConstantKind::BigInt:
        value.kind = ConstantKind::BigInt;
        value.text = std::string(constant->text);
        break;
    case ast::ConstantKind::Float:
        value.kind = ConstantKind::Float;
        value.float_value = constant->float_value;
        break;
    case ast::ConstantKind::Complex:
        value.kind = ConstantKind::Complex;
        value.float_value = constant->float_value;
        break;
    case ast::ConstantKind::Str:
        value.kind = ConstantKind::Str;
        value.text = std::string(constant->text);
        break;
    case ast::ConstantKind::Bytes:
        value.kind = ConstantKind::Bytes;
        value.text = std::string(constant->text);
        break;
    }
    return value;
}

Folded fold_expression(const ast::Expr* expr, int optimize, int depth) {
    if (depth > max_fold_depth)
        return std::nullopt;
    switch (expr->kind) {
    case ast::ExprKind::Constant:
        return constant_from_ast(expr->as<ast::Constant>());
    case ast::ExprKind::Name: {
        // The compiler treats __debug__ as a constant (Reference 7.3).
        const auto* name = expr->as<ast::Name>();
        if (name->ctx != ast::ExprContext::Load || name->id != "__debug__")
            return std::nullopt;
        ConstantValue value;
        value.kind = ConstantKind::Bool;
        value.bool_value = optimize == 0;
        return value;
    }
    case ast::ExprKind::UnaryOp: {
        const auto* unary = expr->as<ast::UnaryOp>();
        Folded operand = fold_expression(unary->operand, optimize, depth + 1);
        if (!operand)
            return std::nullopt;
        return fold_unary(unary->op, *operand);
    }
    case ast::ExprKind::BinOp: {
        const auto* binary = expr->as<ast::BinOp>();
        Folded left = fold_expression(binary->left, optimize, depth + 1);
        if (!left)
            return std::nullopt;
        Folded right = fold_expression(binary->right, optimize, depth + 1);
        if (!right)
            return std::nullopt;
        return fold_binary(binary->op, *left, *right);
    }
    case ast::ExprKind::TupleExpr: {
        const auto* tuple = expr->as<ast::TupleExpr>();
        if (tuple->ctx != ast::ExprContext::Load)
            return std::nullopt;
        ConstantValue value;
        value.kind = ConstantKind::Tuple;
        for (const ast::Expr* elt : tuple->elts) {
            if (elt->kind == ast::ExprKind::Starred)
                return std::nullopt;
            Folded item = fold_expression(elt, optimize, depth + 1);
            if (!item)
                return std::nullopt;
            value.items.push_back(std::move(*item));
        }
        return value;
    }
    default:
        return std::nullopt;
    }
}

namespace {

uint64_t mix(uint64_t hash, uint64_t value) {
    hash = (hash ^ value) * 0xBF58476D1CE4E5B9ull;
    return hash ^ (hash >> 31);
}

uint64_t float_bits(double value) {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

bool locations_equal(const Location& a, const Location& b) {
    return a.line == b.line && a.end_line == b.end_line && a.column == b.column &&
           a.end_column == b.end_column;
}

} // namespace

// Code units hash by a few cheap fields; equality (code_units_equal) then compares everything.
uint64_t constant_hash(const ConstantValue& value) {
    uint64_t hash = mix(0x9E3779B97F4A7C15ull, static_cast<uint64_t>(value.kind));
    switch (value.kind) {
    case ConstantKind::Bool:
        return mix(hash, value.bool_value);
    case ConstantKind::Int:
        return mix(hash, static_cast<uint64_t>(value.int_value));
    case ConstantKind::Float:
    case ConstantKind::Complex:
        return mix(hash, float_bits(value.float_value));
    case ConstantKind::BigInt:
    case ConstantKind::Str:
    case ConstantKind::Bytes:
        return mix(hash, hash_name(value.text));
    case ConstantKind::Tuple:
    case ConstantKind::FrozenSet:
        hash = mix(hash, value.items.size());
        for (const ConstantValue& item : value.items)
            hash = mix(hash, constant_hash(item));
        return hash;
    case ConstantKind::Code:
        if (!value.code)
            return hash;
        hash = mix(hash, hash_name(value.code->qualname));
        hash = mix(hash, static_cast<uint64_t>(value.code->first_line));
        return mix(hash, value.code->instructions.size());
    default:
        return hash;
    }
}

bool constants_equal(const ConstantValue& a, const ConstantValue& b) {
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case ConstantKind::Bool:
        return a.bool_value == b.bool_value;
    case ConstantKind::Int:
        return a.int_value == b.int_value;
    case ConstantKind::Float:
    case ConstantKind::Complex:
        return float_bits(a.float_value) == float_bits(b.float_value);
    case ConstantKind::BigInt:
    case ConstantKind::Str:
    case ConstantKind::Bytes:
        return a.text == b.text;
    case ConstantKind::Tuple:
    case ConstantKind::FrozenSet:
        if (a.items.size() != b.items.size())
            return false;
        for (size_t i = 0; i < a.items.size(); i++)
            if (!constants_equal(a.items[i], b.items[i]))
                return false;
        return true;
    case ConstantKind::Code:
        if (a.code == b.code)
            return true;
        return a.code && b.code && code_units_equal(*a.code, *b.code);
    default:
        return true;
    }
}

// Code units compare by content, as CPython's code objects do (so the two copies of a `finally`
// body share their nested code objects): every field the code generator sets, except those
// derived from the others (stack depth, counts).
bool code_units_equal(const CodeUnit& a, const CodeUnit& b) {
    if (a.name != b.name || a.qualname != b.qualname || a.first_line != b.first_line ||
        a.argcount != b.argcount || a.posonlyargcount != b.posonlyargcount ||
        a.kwonlyargcount != b.kwonlyargcount || a.flags != b.flags ||
        a.instructions != b.instructions || a.constants.size() != b.constants.size() ||
        a.names != b.names || a.localsplus_names != b.localsplus_names ||
        a.localsplus_kinds != b.localsplus_kinds ||
        a.exception_table.size() != b.exception_table.size() ||
        a.locations.size() != b.locations.size())
        return false;
    for (size_t i = 0; i < a.locations.size(); i++)
        if (!locations_equal(a.locations[i], b.locations[i]))
            return false;
    for (size_t i = 0; i < a.exception_table.size(); i++) {
        const ExceptionTableEntry& x = a.exception_table[i];
        const ExceptionTableEntry& y = b.exception_table[i];
        if (x.start != y.start || x.end != y.end || x.target != y.target || x.depth != y.depth ||
            x.push_lasti != y.push_lasti)
            return false;
    }
    for (size_t i = 0; i < a.constants.size(); i++)
        if (!constants_equal(a.constants[i], b.constants[i]))
            return false;
    return true;
}

uint32_t ConstantIndex::intern(std::vector<ConstantValue>& constants, ConstantValue&& value) {
    if ((m_count + 1) * 4 > m_slots.size() * 3)
        grow(constants);
    uint64_t hash = constant_hash(value);
    size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = m_slots[i];
        if (slot.index == 0) {
            constants.push_back(std::move(value));
            slot = Slot{static_cast<uint32_t>(constants.size()), hash};
            m_count++;
            return slot.index - 1;
        }
        if (slot.hash == hash && constants_equal(constants[slot.index - 1], value))
            return slot.index - 1;
    }
}

void ConstantIndex::rebuild(const std::vector<ConstantValue>& constants) {
    m_slots.clear();
    m_count = 0;
    grow(constants);
    // Keep the first of equal constants, as the table they were interned into did.
    size_t mask = m_slots.size() - 1;
    for (size_t index = 0; index < constants.size(); index++) {
        uint64_t hash = constant_hash(constants[index]);
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot& slot = m_slots[i];
            if (slot.index == 0) {
                slot = Slot{static_cast<uint32_t>(index + 1), hash};
                m_count++;
                break;
            }
            if (slot.hash == hash && constants_equal(constants[slot.index - 1], constants[index]))
                break;
        }
    }
}

void ConstantIndex::grow(const std::vector<ConstantValue>& constants) {
    size_t capacity = 16;
    while (capacity * 3 < (std::max(m_count, constants.size()) + 1) * 4)
        capacity *= 2;
    if (capacity <= m_slots.size())
        capacity = m_slots.size() * 2;
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(capacity, Slot{});
    size_t mask = capacity - 1;
    for (const Slot& slot : old) {
        if (slot.index == 0)
            continue;
        size_t i = slot.hash & mask;
        while (m_slots[i].index != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

} // namespace minipy::compiler::codegen_detail
