// Superinstructions (CPython 3.11's LOAD_FAST__LOAD_FAST family, and a local's attribute or method
// read, as `self.x`, `p.move()`): pairs of instructions that
// programs run back to back are fused when a Code is made, by giving the first word one of the
// opcodes below (numbered past opcode_count, so the compiler, the disassembler and code units
// never see them). The eval loop runs a fused word as its first instruction, then goes straight
// into the second one's case, without a dispatch through the table in between.
//
// Invariants:
//  - only the first word changes, and only its opcode byte: the second word stays as it was, so a
//    jump may still land on it, and the operand of the first keeps its EXTENDED_ARG prefix;
//  - the first half has no cache words and never jumps (the second may have cache words: its
//    case reads them as ever); it raises only as LOAD_FAST does
//    (UnboundLocalError), which vm/traceback.cpp's caret rules treat as every opcode they do not
//    list, fused or not (STORE_FAST, which they list, never raises);
//  - the cases that look at the next word for a STORE_FAST (BINARY_OP's in-place results,
//    FOR_ITER's reused loop int) ask is_store_fast, which knows a fused STORE_FAST too.
#pragma once

#include <cstdint>

#include "vm/opcodes.h"

namespace minipy::vm {

struct Code;

// The fused opcodes, in their numbering's order (an X-macro, as vm/opcodes.def).
#define MINIPY_SUPER_OPCODES(X)                                                                    \
    X(LOAD_FAST__LOAD_FAST)                                                                        \
    X(LOAD_FAST__LOAD_CONST)                                                                       \
    X(LOAD_CONST__LOAD_FAST)                                                                       \
    X(STORE_FAST__LOAD_FAST)                                                                       \
    X(STORE_FAST__STORE_FAST)                                                                      \
    X(LOAD_FAST__LOAD_ATTR)                                                                        \
    X(LOAD_FAST__LOAD_METHOD)

enum class SuperOpcode : uint8_t {
    first_ = opcode_count - 1, // so the first fused opcode is opcode_count
#define MINIPY_X(name) name,
    MINIPY_SUPER_OPCODES(MINIPY_X)
#undef MINIPY_X
};
inline constexpr int super_opcode_count = 0
#define MINIPY_X(name) +1
    MINIPY_SUPER_OPCODES(MINIPY_X)
#undef MINIPY_X
    ;
static_assert(opcode_count + super_opcode_count <= 256);

// Whether instruction word `word` stores into localsplus[word >> 8] first (a STORE_FAST, fused
// or not).
constexpr bool is_store_fast(uint32_t word) {
    uint32_t op = word & 0xFF;
    return op == static_cast<uint32_t>(Opcode::STORE_FAST) ||
           op - static_cast<uint32_t>(SuperOpcode::STORE_FAST__LOAD_FAST) < 2;
}
static_assert(static_cast<int>(SuperOpcode::STORE_FAST__STORE_FAST) ==
              static_cast<int>(SuperOpcode::STORE_FAST__LOAD_FAST) + 1);

// Fuses the pairs of `code`'s instructions (called once, by code_from_unit, before any frame runs
// the code).
void fuse_superinstructions(Code* code);

} // namespace minipy::vm
