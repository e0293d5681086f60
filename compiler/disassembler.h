// A human-readable listing of code units in the spirit of Python's `dis.dis`: line numbers, `>>` on
// jump targets, word offsets, opcode names, operands with their meaning, the exception table, and
// every nested code unit after its parent. Used by `minipy --dis FILE` and by the tests.
#pragma once

#include <string>

#include "compiler/code.h"

namespace minipy::compiler {

// Disassembles code and, recursively, every code unit among its constants.
std::string disassemble(const CodeUnit& code);

// repr() of a constant as Python would print it (`3.14`, `'a'`, `(1, 2)`, `frozenset({1})`).
std::string constant_repr(const ConstantValue& value);

} // namespace minipy::compiler
