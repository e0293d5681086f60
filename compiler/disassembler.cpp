// The disassembler (see disassembler.h). Cache words are skipped, EXTENDED_ARG prefixes are folded
// into the operand of the instruction they extend, as dis does. Invariant: reads code only.
#include "compiler/disassembler.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <set>

#include "compiler/literals.h"
#include "vm/opcodes.h"

namespace minipy::compiler {

namespace {

std::string complex_repr(double imag) {
    std::string text = repr_float(imag);
    if (text.size() > 2 && text.ends_with(".0"))
        text.resize(text.size() - 2);
    return text + "j";
}

std::string code_header(const CodeUnit& code) {
    return "<code object " + code.name + ", file \"" + code.filename + "\", line " +
           std::to_string(code.first_line) + ">";
}

std::string operand_text(const CodeUnit& code, vm::Opcode op, uint32_t arg, uint32_t offset) {
    using vm::OperandKind;
    auto name_at = [&](uint32_t index) {
        return index < code.names.size() ? code.names[index] : std::string("<bad name>");
    };
    switch (vm::operand_kind(op)) {
    case OperandKind::Const:
        return arg < code.constants.size() ? constant_repr(code.constants[arg]) : "<bad const>";
    case OperandKind::Name:
        if (op == vm::Opcode::LOAD_GLOBAL)
            return (arg & 1 ? "NULL + " : "") + name_at(arg >> 1);
        return name_at(arg);
    case OperandKind::Local:
        return arg < code.localsplus_names.size() ? code.localsplus_names[arg] : "<bad local>";
    case OperandKind::Jump:
        (void)offset;
        return "to " + std::to_string(arg);
    case OperandKind::BinaryOp:
        return arg < std::size(vm::binary_op_symbols) ? std::string(vm::binary_op_symbols[arg])
                                                      : "?";
    case OperandKind::CompareOp:
        return arg < std::size(vm::compare_op_symbols) ? std::string(vm::compare_op_symbols[arg])
                                                       : "?";
    case OperandKind::Flags:
        if (op == vm::Opcode::FORMAT_VALUE) {
            static const char* conversions[] = {"", "str", "repr", "ascii"};
            std::string text = conversions[arg & 3];
            if (arg & vm::format_has_spec)
                text += text.empty() ? "with format" : ", with format";
            return text;
        }
        if (op == vm::Opcode::MAKE_FUNCTION) {
            static const char* flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
            std::string text;
            for (int bit = 0; bit < 4; bit++)
                if (arg & (1u << bit))
                    text += (text.empty() ? "" : ", ") + std::string(flags[bit]);
            return text;
        }
        if (op == vm::Opcode::IS_OP)
            return arg ? "is not" : "is";
        if (op == vm::Opcode::CONTAINS_OP)
            return arg ? "not in" : "in";
        return {};
    default:
        return {};
    }
}

void disassemble_one(const CodeUnit& code, std::string& out) {
    std::set<uint32_t> targets;
    for (size_t i = 0; i < code.instructions.size(); i++) {
        vm::Opcode op = vm::instruction_opcode(code.instructions[i]);
        if (vm::is_jump(op))
            targets.insert(vm::instruction_operand(code.instructions[i]));
        i += static_cast<size_t>(vm::cache_words(op));
    }
    for (const ExceptionTableEntry& entry : code.exception_table)
        targets.insert(entry.target);
    int32_t last_line = -2;
    uint32_t extended = 0;
    char buffer[160];
    for (size_t i = 0; i < code.instructions.size(); i++) {
        uint32_t word = code.instructions[i];
        vm::Opcode op = vm::instruction_opcode(word);
        uint32_t arg = vm::instruction_operand(word) | extended;
        extended = op == vm::Opcode::EXTENDED_ARG ? arg << 24 : 0;
        int32_t line = i < code.locations.size() ? code.locations[i].line : -1;
        std::string line_text;
        if (line != last_line && line >= 0) {
            if (i > 0)
                out += '\n';
            line_text = std::to_string(line);
            last_line = line;
        }
        const char* marker = targets.count(static_cast<uint32_t>(i)) ? ">>" : "";
        std::string name(vm::opcode_name(op));
        bool has_operand = vm::operand_kind(op) != vm::OperandKind::None;
        if (has_operand) {
            std::string meaning = operand_text(code, op, arg, static_cast<uint32_t>(i));
            std::snprintf(buffer, sizeof buffer, "%4s %3s %6zu %-26s %5" PRIu32, line_text.c_str(),
                          marker, i, name.c_str(), arg);
            out += buffer;
            if (!meaning.empty())
                out += " (" + meaning + ")";
        } else {
            std::snprintf(buffer, sizeof buffer, "%4s %3s %6zu %s", line_text.c_str(), marker, i,
                          name.c_str());
            out += buffer;
        }
        out += '\n';
        i += static_cast<size_t>(vm::cache_words(op));
    }
    if (!code.exception_table.empty()) {
        out += "ExceptionTable:\n";
        for (const ExceptionTableEntry& entry : code.exception_table) {
            std::snprintf(buffer, sizeof buffer,
                          "  %" PRIu32 " to %" PRIu32 " -> %" PRIu32 " [%" PRIu32 "]%s\n",
                          entry.start, entry.end, entry.target, entry.depth,
                          entry.push_lasti ? " lasti" : "");
            out += buffer;
        }
    }
}

void disassemble_tree(const CodeUnit& code, std::string& out, bool nested) {
    if (nested)
        out += "\nDisassembly of " + code_header(code) + ":\n";
    disassemble_one(code, out);
    for (const ConstantValue& value : code.constants)
        if (value.kind == ConstantKind::Code && value.code)
            disassemble_tree(*value.code, out, true);
}

} // namespace

std::string constant_repr(const ConstantValue& value) {
    switch (value.kind) {
    case ConstantKind::None:
        return "None";
    case ConstantKind::Bool:
        return value.bool_value ? "True" : "False";
    case ConstantKind::Ellipsis:
        return "Ellipsis";
    case ConstantKind::Int:
        return std::to_string(value.int_value);
    case ConstantKind::BigInt:
        return value.text;
    case ConstantKind::Float:
        return repr_float(value.float_value);
    case ConstantKind::Complex:
        return complex_repr(value.float_value);
    case ConstantKind::Str:
        return repr_str(value.text);
    case ConstantKind::Bytes:
        return repr_bytes(value.text);
    case ConstantKind::Tuple: {
        std::string text = "(";
        for (size_t i = 0; i < value.items.size(); i++)
            text += (i ? ", " : "") + constant_repr(value.items[i]);
        return text + (value.items.size() == 1 ? ",)" : ")");
    }
    case ConstantKind::FrozenSet: {
        if (value.items.empty())
            return "frozenset()";
        std::string text = "frozenset({";
        for (size_t i = 0; i < value.items.size(); i++)
            text += (i ? ", " : "") + constant_repr(value.items[i]);
        return text + "})";
    }
    case ConstantKind::Code:
        return value.code ? code_header(*value.code) : "<code>";
    }
    return "?";
}

std::string disassemble(const CodeUnit& code) {
    std::string out;
    disassemble_tree(code, out, false);
    return out;
}

} // namespace minipy::compiler
