// The opcode enum, names and stack effects, expanded from vm/opcodes.def (the compiler/vm
// contract). Header-only so that compiler/ (which emits code) and vm/ (which runs it) share it
// without a link dependency. Invariants:
//  - an instruction is one 32-bit word: opcode in the low 8 bits, operand in the high 24 bits; an
//    operand that does not fit is prefixed by EXTENDED_ARG words carrying its higher bits;
//  - an opcode with CACHES > 0 is followed by that many zeroed cache words;
//  - pseudo-opcodes never appear in a finished code unit.
#pragma once

#include <bit>
#include <cstdint>
#include <string_view>

namespace minipy::vm {

// What an instruction's operand means (for the disassembler and for checks).
enum class OperandKind : uint8_t {
    None,
    Const,
    Name,
    Local,
    Jump,
    Count,
    BinaryOp,
    CompareOp,
    Flags,
    Raw
};

enum class Opcode : uint8_t {
#define MINIPY_OPCODE(name, operand, caches, effect) name,
#define MINIPY_PSEUDO_OPCODE(name, operand, caches, effect) name,
#include "vm/opcodes.def"
#undef MINIPY_OPCODE
#undef MINIPY_PSEUDO_OPCODE
};

inline constexpr int opcode_count = 0
#define MINIPY_OPCODE(name, operand, caches, effect) +1
#define MINIPY_PSEUDO_OPCODE(name, operand, caches, effect)
#include "vm/opcodes.def"
#undef MINIPY_OPCODE
#undef MINIPY_PSEUDO_OPCODE
    ;
static_assert(opcode_count < 256);

// True for compiler-only opcodes.
constexpr bool is_pseudo(Opcode op) {
    return static_cast<int>(op) >= opcode_count;
}

constexpr std::string_view opcode_name(Opcode op) {
    switch (op) {
#define MINIPY_OPCODE(name, operand, caches, effect)                                               \
    case Opcode::name:                                                                             \
        return #name;
#define MINIPY_PSEUDO_OPCODE MINIPY_OPCODE
#include "vm/opcodes.def"
#undef MINIPY_OPCODE
#undef MINIPY_PSEUDO_OPCODE
    }
    return "<invalid>";
}

constexpr OperandKind operand_kind(Opcode op) {
    switch (op) {
#define MINIPY_OPCODE(name, operand, caches, effect)                                               \
    case Opcode::name:                                                                             \
        return OperandKind::operand;
#define MINIPY_PSEUDO_OPCODE MINIPY_OPCODE
#include "vm/opcodes.def"
#undef MINIPY_OPCODE
#undef MINIPY_PSEUDO_OPCODE
    }
    return OperandKind::None;
}

// Number of inline cache words after an instruction with this opcode.
constexpr int cache_words(Opcode op) {
    switch (op) {
#define MINIPY_OPCODE(name, operand, caches, effect)                                               \
    case Opcode::name:                                                                             \
        return caches;
#define MINIPY_PSEUDO_OPCODE MINIPY_OPCODE
#include "vm/opcodes.def"
#undef MINIPY_OPCODE
#undef MINIPY_PSEUDO_OPCODE
    }
    return 0;
}

// Net change of the stack depth; `jump` selects the taken branch of a jump.
constexpr int stack_effect(Opcode op, uint32_t operand, bool jump) {
    const int arg = static_cast<int>(operand); // the .def expressions are signed arithmetic
    (void)arg;
    (void)jump;
    switch (op) {
#define MINIPY_OPCODE(name, operand_kind, caches, effect)                                          \
    case Opcode::name:                                                                             \
        return static_cast<int>(effect);
#define MINIPY_PSEUDO_OPCODE MINIPY_OPCODE
#include "vm/opcodes.def"
#undef MINIPY_OPCODE
#undef MINIPY_PSEUDO_OPCODE
    }
    return 0;
}

constexpr bool is_jump(Opcode op) {
    return operand_kind(op) == OperandKind::Jump;
}

// ====== Operand encodings

inline constexpr uint32_t max_operand = (1u << 24) - 1;

constexpr uint32_t make_instruction(Opcode op, uint32_t operand) {
    return static_cast<uint32_t>(op) | (operand << 8);
}
constexpr Opcode instruction_opcode(uint32_t word) {
    return static_cast<Opcode>(word & 0xFF);
}
constexpr uint32_t instruction_operand(uint32_t word) {
    return word >> 8;
}

// BINARY_OP's operand, CPython 3.11's NB_* numbering; the in-place forms are the binary ones + 13.
enum class BinaryOpArg : uint8_t {
    Add,
    And,
    FloorDivide,
    Lshift,
    MatrixMultiply,
    Multiply,
    Remainder,
    Or,
    Power,
    Rshift,
    Subtract,
    TrueDivide,
    Xor,
    InplaceAdd,
    InplaceAnd,
    InplaceFloorDivide,
    InplaceLshift,
    InplaceMatrixMultiply,
    InplaceMultiply,
    InplaceRemainder,
    InplaceOr,
    InplacePower,
    InplaceRshift,
    InplaceSubtract,
    InplaceTrueDivide,
    InplaceXor
};
inline constexpr std::string_view binary_op_symbols[] = {
    "+",  "&",  "//",  "<<",  "@",  "*",  "%",  "|",  "**",  ">>",  "-",  "/",  "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};

// COMPARE_OP's operand (CPython's Py_LT .. Py_GE).
enum class CompareOpArg : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };
inline constexpr std::string_view compare_op_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

// MAKE_FUNCTION's flags: which optional items sit below the code object.
enum MakeFunctionFlag : uint32_t {
    make_function_defaults = 0x01,    // tuple of positional defaults
    make_function_kwdefaults = 0x02,  // dict of keyword-only defaults
    make_function_annotations = 0x04, // tuple (name1, ann1, name2, ann2, ...)
    make_function_closure = 0x08,     // tuple of cells
};

// FORMAT_VALUE's flags.
enum FormatValueFlag : uint32_t {
    format_conversion_mask = 0x03, // 0 none, 1 str, 2 repr, 3 ascii
    format_has_spec = 0x04,
};

} // namespace minipy::vm
