// Assembly: turns a unit's basic blocks into a finished CodeUnit. Steps, as in CPython 3.11's
// assemble(): build localsplus and map deref indexes into it, insert the MAKE_CELL/COPY_FREE_VARS
// prologue, compute stack depths by flow analysis (SETUP_* count as jumps to their handlers), label
// every instruction with its exception handler, drop unreachable blocks and pseudo-instructions,
// lay out the words (EXTENDED_ARG and cache words included), resolve jumps and build the exception
// table. Invariant: runs only on units compiled without error.
#include <algorithm>

#include "compiler/codegen_internal.h"

namespace minipy::compiler::codegen_detail {

namespace {

bool is_terminator(Opcode op) {
    switch (op) {
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

bool is_setup(Opcode op) {
    return op == Opcode::SETUP_FINALLY || op == Opcode::SETUP_CLEANUP || op == Opcode::SETUP_WITH;
}

bool is_deref_op(Opcode op) {
    return op == Opcode::LOAD_DEREF || op == Opcode::STORE_DEREF || op == Opcode::DELETE_DEREF ||
           op == Opcode::LOAD_CLASSDEREF || op == Opcode::LOAD_CLOSURE;
}

// Builds localsplus and returns the map from deref index to localsplus index.
std::vector<uint32_t> build_localsplus(Unit& u) {
    CodeUnit& code = *u.code;
    std::vector<uint32_t> deref_map;
    for (const std::string& name : u.varnames) {
        code.localsplus_names.push_back(name);
        code.localsplus_kinds.push_back(local_kind_local);
    }
    code.local_count = static_cast<int32_t>(u.varnames.size());
    for (const std::string& name : u.cellvars) {
        if (const uint32_t* index = u.varname_index.find(name)) {
            code.localsplus_kinds[*index] |= local_kind_cell; // an argument captured as a cell
            deref_map.push_back(*index);
            continue;
        }
        deref_map.push_back(static_cast<uint32_t>(code.localsplus_names.size()));
        code.localsplus_names.push_back(name);
        code.localsplus_kinds.push_back(local_kind_cell);
    }
    for (const std::string& name : u.freevars) {
        deref_map.push_back(static_cast<uint32_t>(code.localsplus_names.size()));
        code.localsplus_names.push_back(name);
        code.localsplus_kinds.push_back(local_kind_free);
    }
    code.cell_count = static_cast<int32_t>(u.cellvars.size());
    code.free_count = static_cast<int32_t>(u.freevars.size());
    return deref_map;
}

void insert_prologue(Unit& u, const std::vector<uint32_t>& deref_map) {
    std::vector<Instr> prologue;
    Location none;
    for (size_t i = 0; i < u.cellvars.size(); i++)
        prologue.push_back(Instr{Opcode::MAKE_CELL, deref_map[i], -1, none, -1, false});
    if (!u.freevars.empty())
        prologue.push_back(Instr{Opcode::COPY_FREE_VARS, static_cast<uint32_t>(u.freevars.size()),
                                 -1, none, -1, false});
    auto& entry = u.blocks[static_cast<size_t>(u.layout.front())].instrs;
    entry.insert(entry.begin(), prologue.begin(), prologue.end());
}

// The block that follows `index` in layout order, or -1.
int32_t next_in_layout(const Unit& u, size_t index) {
    return index + 1 < u.layout.size() ? u.layout[index + 1] : -1;
}

// Flow analysis: start depth of every reachable block; returns the maximum depth, or -1 when two
// paths reach a block with different depths or the stack would underflow (a code generator bug).
int32_t compute_stack_depth(Unit& u, const std::vector<size_t>& position,
                            std::vector<int32_t>& work) {
    work.clear();
    int32_t max_depth = 0;
    bool consistent = true;
    auto reach = [&](int32_t block, int32_t depth) {
        Block& b = u.blocks[static_cast<size_t>(block)];
        if (b.start_depth < 0) {
            b.start_depth = depth;
            work.push_back(block);
        } else if (depth != b.start_depth) {
            consistent = false;
        }
    };
    reach(u.layout.front(), 0);
    while (!work.empty()) {
        int32_t id = work.back();
        work.pop_back();
        Block& b = u.blocks[static_cast<size_t>(id)];
        int32_t depth = b.start_depth;
        bool falls_through = true;
        for (const Instr& instr : b.instrs) {
            if (instr.target >= 0) {
                int32_t taken = depth + vm::stack_effect(instr.op, instr.arg, true);
                max_depth = std::max(max_depth, taken);
                reach(instr.target, taken);
            }
            depth += vm::stack_effect(instr.op, instr.arg, false);
            max_depth = std::max(max_depth, depth);
            if (depth < 0)
                consistent = false;
            if (is_terminator(instr.op)) {
                falls_through = false;
                break;
            }
        }
        if (falls_through) {
            int32_t next = next_in_layout(u, position[static_cast<size_t>(id)]);
            if (next >= 0)
                reach(next, depth);
        }
    }
    return consistent ? max_depth : -1;
}

// Gives each instruction its innermost handler and turns SETUP_*/POP_BLOCK into NOPs. Handler
// stacks are nodes of a tree (each node: a handler and its parent), so a block records its entry
// stack as one index and pushing never copies a stack.
void label_exception_targets(Unit& u, const std::vector<size_t>& position,
                             AssemblyScratch& scratch) {
    using Node = AssemblyScratch::HandlerNode;
    std::vector<Node>& nodes = scratch.nodes;
    std::vector<int32_t>& work = scratch.work;
    nodes.clear();
    work.clear();
    auto reach = [&](int32_t block, int32_t stack) {
        Block& b = u.blocks[static_cast<size_t>(block)];
        if (!b.labelled) {
            b.labelled = true;
            b.except_stack = stack;
            work.push_back(block);
        }
    };
    reach(u.layout.front(), -1);
    while (!work.empty()) {
        int32_t id = work.back();
        work.pop_back();
        int32_t stack = u.blocks[static_cast<size_t>(id)].except_stack;
        bool falls_through = true;
        for (Instr& instr : u.blocks[static_cast<size_t>(id)].instrs) {
            if (is_setup(instr.op)) {
                reach(instr.target, stack);
                nodes.push_back(Node{instr.target, instr.op != Opcode::SETUP_FINALLY, stack});
                stack = static_cast<int32_t>(nodes.size() - 1);
                instr.op = Opcode::NOP;
                instr.target = -1;
                continue;
            }
            if (instr.op == Opcode::POP_BLOCK) {
                if (stack >= 0)
                    stack = nodes[static_cast<size_t>(stack)].parent;
                instr.op = Opcode::NOP;
                continue;
            }
            if (stack >= 0) {
                instr.handler = nodes[static_cast<size_t>(stack)].handler;
                instr.handler_lasti = nodes[static_cast<size_t>(stack)].lasti;
            }
            if (instr.target >= 0)
                reach(instr.target, stack);
            if (is_terminator(instr.op)) {
                falls_through = false;
                break;
            }
        }
        if (falls_through) {
            int32_t next = next_in_layout(u, position[static_cast<size_t>(id)]);
            if (next >= 0)
                reach(next, stack);
        }
    }
}

// CPython's fold_tuple_on_constants peephole: LOAD_CONST a; LOAD_CONST b; BUILD_TUPLE 2 becomes one
// LOAD_CONST of the tuple, appended to the constants as CPython's optimizer does. Looks only inside
// a block, so no jump can land between the loads.
void fold_constant_tuples(Compiler& c, Unit& u) {
    for (Block& block : u.blocks) {
        if (block.start_depth < 0)
            continue; // unreachable: its constant indexes are stale after remove_unused_constants
        auto& instrs = block.instrs;
        for (size_t i = 0; i < instrs.size(); i++) {
            if (i > 0 && is_terminator(instrs[i - 1].op))
                break; // the rest of the block is dead (a folded constant jump)
            if (instrs[i].op != Opcode::BUILD_TUPLE || instrs[i].arg > i)
                continue;
            size_t count = instrs[i].arg;
            size_t first = i - count;
            ConstantValue tuple;
            tuple.kind = ConstantKind::Tuple;
            bool all_constant = true;
            for (size_t k = first; k < i && all_constant; k++) {
                const auto& constants = u.code->constants;
                if (instrs[k].op != Opcode::LOAD_CONST ||
                    constants[instrs[k].arg].kind == ConstantKind::Code)
                    all_constant = false;
                else
                    tuple.items.push_back(constants[instrs[k].arg]);
            }
            if (!all_constant)
                continue;
            for (size_t k = first; k < i; k++)
                instrs[k].op = Opcode::NOP;
            instrs[i].op = Opcode::LOAD_CONST;
            instrs[i].arg = c.add_const(std::move(tuple));
        }
    }
}

// Truthiness of a constant, or -1 when it is not known at compile time.
int constant_truth(const ConstantValue& value) {
    switch (value.kind) {
    case ConstantKind::None:
        return 0;
    case ConstantKind::Bool:
        return value.bool_value;
    case ConstantKind::Ellipsis:
        return 1;
    case ConstantKind::Int:
        return value.int_value != 0;
    case ConstantKind::BigInt:
        return 1;
    case ConstantKind::Float:
    case ConstantKind::Complex:
        return value.float_value != 0.0;
    case ConstantKind::Str:
    case ConstantKind::Bytes:
        return !value.text.empty();
    case ConstantKind::Tuple:
    case ConstantKind::FrozenSet:
        return !value.items.empty();
    case ConstantKind::Code:
        return -1;
    }
    return -1;
}

// LOAD_CONST c; POP_JUMP_IF_FALSE/TRUE becomes nothing or an unconditional jump (`while True:`,
// `if __debug__:`), as CPython's optimizer does. Runs before flow analysis, so the skipped code
// becomes unreachable and is dropped.
void fold_constant_jumps(Unit& u) {
    for (Block& block : u.blocks) {
        auto& instrs = block.instrs;
        for (size_t i = 0; i + 1 < instrs.size(); i++) {
            Instr& load = instrs[i];
            Instr& jump = instrs[i + 1];
            if (load.op != Opcode::LOAD_CONST ||
                (jump.op != Opcode::POP_JUMP_IF_FALSE && jump.op != Opcode::POP_JUMP_IF_TRUE))
                continue;
            int truth = constant_truth(u.code->constants[load.arg]);
            if (truth < 0)
                continue;
            load.op = Opcode::NOP;
            bool taken = (truth == 1) == (jump.op == Opcode::POP_JUMP_IF_TRUE);
            if (taken) {
                jump.op = Opcode::JUMP;
            } else {
                jump.op = Opcode::NOP;
                jump.target = -1;
            }
        }
    }
}

// Drops constants that only dead code used (CPython's remove_unused_consts); constant 0 stays,
// since it may be the docstring.
bool remove_unused_constants(Unit& u) {
    auto& constants = u.code->constants;
    if (constants.empty())
        return false;
    std::vector<bool> used(constants.size(), false);
    used[0] = true;
    auto for_each_live = [&](auto&& action) {
        for (int32_t id : u.layout) {
            Block& b = u.blocks[static_cast<size_t>(id)];
            if (b.start_depth < 0)
                continue;
            for (Instr& instr : b.instrs) {
                if (instr.op == Opcode::LOAD_CONST || instr.op == Opcode::KW_NAMES)
                    action(instr);
                if (is_terminator(instr.op))
                    break;
            }
        }
    };
    for_each_live([&](Instr& instr) { used[instr.arg] = true; });
    if (std::all_of(used.begin(), used.end(), [](bool b) { return b; }))
        return false;
    std::vector<uint32_t> new_index(constants.size(), 0);
    std::vector<ConstantValue> kept;
    for (size_t i = 0; i < constants.size(); i++) {
        if (!used[i])
            continue;
        new_index[i] = static_cast<uint32_t>(kept.size());
        kept.push_back(std::move(constants[i]));
    }
    if (kept.size() == constants.size()) {
        constants = std::move(kept);
        return false;
    }
    constants = std::move(kept);
    for_each_live([&](Instr& instr) { instr.arg = new_index[instr.arg]; });
    return true;
}

uint32_t operand_words(uint32_t arg) {
    return arg > vm::max_operand ? 2 : 1;
}

// Lays out reachable blocks into the final instruction list (pseudo-ops resolved).
using Placed = AssemblyScratch::Placed;

void lay_out(Unit& u, AssemblyScratch& scratch) {
    // Live instructions in layout order, and for every layout position the range they occupy.
    size_t count = 0;
    for (int32_t id : u.layout)
        count += u.blocks[static_cast<size_t>(id)].instrs.size();
    std::vector<Placed>& placed = scratch.placed;
    placed.clear();
    placed.reserve(count);
    std::vector<uint32_t>& ends = scratch.ends;
    ends.assign(u.layout.size(), 0);
    for (size_t position = 0; position < u.layout.size(); position++) {
        Block& b = u.blocks[static_cast<size_t>(u.layout[position])];
        if (b.start_depth >= 0) {
            for (const Instr& instr : b.instrs) {
                if (instr.op == Opcode::NOP)
                    continue;
                placed.push_back(Placed{instr, 0});
                if (is_terminator(instr.op))
                    break;
            }
        }
        ends[position] = static_cast<uint32_t>(placed.size());
    }
    // Offsets depend on EXTENDED_ARG sizes, which depend on jump targets: iterate to a fixed point.
    // Round 0 counts every jump by its provisional operand (one word); when the whole unit is
    // shorter than 2^24 words no jump needs EXTENDED_ARG, so round 0's offsets are final (the
    // usual case).
    for (int round = 0; round < 8; round++) {
        uint32_t offset = 0;
        size_t k = 0;
        for (size_t position = 0; position < u.layout.size(); position++) {
            u.blocks[static_cast<size_t>(u.layout[position])].offset = offset;
            for (; k < ends[position]; k++) {
                const Instr& instr = placed[k].instr;
                placed[k].offset = offset;
                uint32_t arg = instr.target >= 0 && round > 0
                                   ? u.blocks[static_cast<size_t>(instr.target)].offset
                                   : instr.arg;
                offset += operand_words(arg) + static_cast<uint32_t>(vm::cache_words(instr.op));
            }
        }
        bool stable = true;
        bool fits = offset <= vm::max_operand;
        for (Placed& p : placed) {
            if (p.instr.target < 0)
                continue;
            uint32_t target = u.blocks[static_cast<size_t>(p.instr.target)].offset;
            if (round > 0 && p.instr.arg != target)
                stable = false;
            p.instr.arg = target;
        }
        if ((round > 0 && stable) || (round == 0 && fits))
            break;
    }
    for (Placed& p : placed) {
        Instr& instr = p.instr;
        if (instr.op == Opcode::JUMP)
            instr.op = instr.arg > p.offset ? Opcode::JUMP_FORWARD : Opcode::JUMP_BACKWARD;
        else if (instr.op == Opcode::JUMP_NO_INTERRUPT)
            instr.op =
                instr.arg > p.offset ? Opcode::JUMP_FORWARD : Opcode::JUMP_BACKWARD_NO_INTERRUPT;
    }
}

void emit_words(Unit& u, const std::vector<Placed>& placed) {
    CodeUnit& code = *u.code;
    struct Range {
        int32_t handler;
        bool lasti;
        uint32_t start;
    };
    Range open{-1, false, 0};
    size_t words = 0;
    for (const Placed& p : placed)
        words += operand_words(p.instr.arg) + static_cast<size_t>(vm::cache_words(p.instr.op));
    code.instructions.reserve(words);
    code.locations.reserve(words);
    auto close = [&](uint32_t end) {
        if (open.handler < 0 || end <= open.start)
            return;
        const Block& handler = u.blocks[static_cast<size_t>(open.handler)];
        int32_t depth = handler.start_depth - 1 - (open.lasti ? 1 : 0);
        code.exception_table.push_back(
            ExceptionTableEntry{open.start, end, handler.offset,
                                static_cast<uint32_t>(std::max(depth, 0)), open.lasti});
    };
    for (const Placed& p : placed) {
        const Instr& instr = p.instr;
        uint32_t here = static_cast<uint32_t>(code.instructions.size());
        if (instr.handler != open.handler || instr.handler_lasti != open.lasti) {
            close(here);
            open = Range{instr.handler, instr.handler_lasti, here};
        }
        if (instr.arg > vm::max_operand) {
            code.instructions.push_back(
                vm::make_instruction(Opcode::EXTENDED_ARG, instr.arg >> 24));
            code.locations.push_back(instr.loc);
        }
        code.instructions.push_back(vm::make_instruction(instr.op, instr.arg & vm::max_operand));
        code.locations.push_back(instr.loc);
        for (int i = 0; i < vm::cache_words(instr.op); i++) {
            code.instructions.push_back(0);
            code.locations.push_back(instr.loc);
            code.cache_entries++;
        }
    }
    close(static_cast<uint32_t>(code.instructions.size()));
}

} // namespace

std::shared_ptr<const CodeUnit> Compiler::assemble() {
    Unit& u = unit();
    std::vector<uint32_t> deref_map = build_localsplus(u);
    for (Block& b : u.blocks)
        for (Instr& instr : b.instrs)
            if (is_deref_op(instr.op))
                instr.arg = deref_map[instr.arg];
    insert_prologue(u, deref_map);
    fold_constant_jumps(u);
    // Scratch buffers live on the compiler, so most units assemble without allocating them.
    std::vector<size_t>& position = m_scratch.position;
    position.assign(u.blocks.size(), 0);
    for (size_t i = 0; i < u.layout.size(); i++)
        position[static_cast<size_t>(u.layout[i])] = i;
    u.code->max_stack_depth = compute_stack_depth(u, position, m_scratch.work);
    if (u.code->max_stack_depth < 0) {
        fail("internal compiler error: inconsistent stack depth in '" + u.code->qualname + "'",
             ast::Position{u.code->first_line, 0, u.code->first_line, 0});
        return nullptr;
    }
    label_exception_targets(u, position, m_scratch);
    // The same order as CPython 3.11, which decides the constants table's layout: unused constants
    // go first, then folded tuples are appended (their elements stay).
    if (remove_unused_constants(u)) {
        // Indexes moved: the dedup map must follow before folding adds tuples.
        u.none_index = -1;
        const auto& constants = u.code->constants;
        u.constant_index.rebuild(constants);
        for (size_t i = 0; i < constants.size(); i++) {
            if (constants[i].kind == ConstantKind::None && u.none_index < 0)
                u.none_index = static_cast<int32_t>(i);
        }
    }
    fold_constant_tuples(*this, u);
    lay_out(u, m_scratch);
    emit_words(u, m_scratch.placed);
    return std::shared_ptr<const CodeUnit>(std::move(u.code));
}

} // namespace minipy::compiler::codegen_detail
