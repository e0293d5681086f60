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

void append_raw(std::string& key, const void* data, size_t size) {
    key.append(static_cast<const char*>(data), size);
}

void append_number(std::string& key, int64_t number) {
    append_raw(key, &number, sizeof number);
}

void append_text(std::string& key, const std::string& text) {
    append_number(key, static_cast<int64_t>(text.size()));
    key += text;
}

} // namespace

// Code units compare by content, as CPython's code objects do (so the two copies of a `finally`
// body share their nested code objects). The content is hashed once per unit, when it is assembled;
// nested units enter through their own hashes.
uint64_t code_content_hash(const CodeUnit& code, const CodeHashes& hashes) {
    std::string key;
    key.reserve(code.instructions.size() * 24 + 64);
    append_text(key, code.name);
    append_text(key, code.qualname);
    for (int64_t number :
         {int64_t{code.first_line}, int64_t{code.argcount}, int64_t{code.posonlyargcount},
          int64_t{code.kwonlyargcount}, int64_t{code.flags}})
        append_number(key, number);
    append_raw(key, code.instructions.data(), code.instructions.size() * sizeof(uint32_t));
    append_raw(key, code.locations.data(), code.locations.size() * sizeof(Location));
    for (const ConstantValue& constant : code.constants)
        append_text(key, constant_key(constant, &hashes));
    for (const std::string& name : code.names)
        append_text(key, name);
    for (size_t i = 0; i < code.localsplus_names.size(); i++) {
        append_text(key, code.localsplus_names[i]);
        append_number(key, code.localsplus_kinds[i]);
    }
    for (const ExceptionTableEntry& entry : code.exception_table)
        for (int64_t number : {int64_t{entry.start}, int64_t{entry.end}, int64_t{entry.target},
                               int64_t{entry.depth}, int64_t{entry.push_lasti}})
            append_number(key, number);
    return std::hash<std::string_view>{}(key);
}

std::string constant_key(const ConstantValue& value, const CodeHashes* hashes) {
    std::string key(1, static_cast<char>('A' + static_cast<int>(value.kind)));
    switch (value.kind) {
    case ConstantKind::Bool:
        key += value.bool_value ? '1' : '0';
        break;
    case ConstantKind::Int:
        append_number(key, value.int_value);
        break;
    case ConstantKind::Float:
    case ConstantKind::Complex:
        append_raw(key, &value.float_value, sizeof value.float_value);
        break;
    case ConstantKind::BigInt:
    case ConstantKind::Str:
    case ConstantKind::Bytes:
        key += value.text;
        break;
    case ConstantKind::Tuple:
    case ConstantKind::FrozenSet:
        for (const ConstantValue& item : value.items)
            append_text(key, constant_key(item, hashes));
        break;
    case ConstantKind::Code: {
        uint64_t hash = reinterpret_cast<uintptr_t>(value.code.get());
        if (hashes) {
            auto it = hashes->find(value.code.get());
            if (it != hashes->end())
                hash = it->second;
        }
        append_raw(key, &hash, sizeof hash);
        break;
    }
    default:
        break;
    }
    return key;
}

} // namespace minipy::compiler::codegen_detail
