// Fusing instruction pairs into superinstructions. See vm/superinstructions.h.
#include "vm/superinstructions.h"

#include "vm/code.h"

namespace minipy::vm {

namespace {

// The fused opcode for `first` followed by `second`, or 0 when the pair has none.
uint32_t fused(Opcode first, Opcode second) {
    auto code = [](SuperOpcode op) { return static_cast<uint32_t>(op); };
    switch (first) {
    case Opcode::LOAD_FAST:
        if (second == Opcode::LOAD_FAST)
            return code(SuperOpcode::LOAD_FAST__LOAD_FAST);
        if (second == Opcode::LOAD_CONST)
            return code(SuperOpcode::LOAD_FAST__LOAD_CONST);
        if (second == Opcode::LOAD_ATTR)
            return code(SuperOpcode::LOAD_FAST__LOAD_ATTR);
        if (second == Opcode::LOAD_METHOD)
            return code(SuperOpcode::LOAD_FAST__LOAD_METHOD);
        return 0;
    case Opcode::LOAD_CONST:
        return second == Opcode::LOAD_FAST ? code(SuperOpcode::LOAD_CONST__LOAD_FAST) : 0;
    case Opcode::STORE_FAST:
        if (second == Opcode::LOAD_FAST)
            return code(SuperOpcode::STORE_FAST__LOAD_FAST);
        if (second == Opcode::STORE_FAST)
            return code(SuperOpcode::STORE_FAST__STORE_FAST);
        return 0;
    default:
        return 0;
    }
}

} // namespace

void fuse_superinstructions(Code* code) {
    uint32_t* words = code->instructions;
    size_t size = code->instruction_count;
    for (size_t i = 0; i < size;) {
        Opcode op = instruction_opcode(words[i]);
        size_t after = i + 1 + static_cast<size_t>(cache_words(op));
        // The second word must be a whole instruction of its own (no EXTENDED_ARG prefix).
        if (after < size) {
            if (uint32_t super = fused(op, instruction_opcode(words[after])))
                words[i] = (words[i] & ~uint32_t{0xFF}) | super;
        }
        i = after;
    }
}

} // namespace minipy::vm
