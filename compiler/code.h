// The compiled code unit: what the compiler hands to the VM for one module, class body, function,
// lambda or comprehension. It owns all of its data (plain C++ containers, no arena memory), so it
// outlives the parse and may be shared by any number of function objects. Invariants:
//  - `instructions` holds 32-bit words as vm/opcodes.h encodes them; every opcode with cache words
//  is
//    followed by that many zero words; jump operands are absolute word indexes;
//  - `locations` has one entry per instruction word (cache words repeat their instruction's entry);
//  - localsplus = locals (arguments first, in signature order), then cells that are not arguments,
//    then free variables; LOAD_FAST/LOAD_DEREF/... operands index this array;
//  - exception-table entries are sorted by start and do not overlap;
//  - nested code units sit in `constants` and are never shared between two parents.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace minipy::compiler {

struct CodeUnit;

// CPython's CO_* flag values, so `co_flags` reads the same.
enum CodeFlag : uint32_t {
    code_optimized = 0x0001,   // locals live in fast slots (function scopes)
    code_newlocals = 0x0002,   // a fresh locals namespace per call
    code_varargs = 0x0004,     // has *args
    code_varkeywords = 0x0008, // has **kwargs
    code_nested = 0x0010,      // defined inside another function
    code_generator = 0x0020,   // calling returns a generator
    code_nofree = 0x0040,      // unused since CPython 3.11; never set
    code_coroutine = 0x0080,   // async def: calling returns a coroutine
    code_iterable_coroutine = 0x0100,
    code_async_generator = 0x0200, // async def with yield
    // The future flags a module was compiled with (`from __future__ import annotations`).
    code_future_annotations = 0x1000000,
};

// Kinds of a localsplus slot (CPython's CO_FAST_*), combinable: an argument captured by an inner
// function is `local | cell`.
enum LocalKind : uint8_t {
    local_kind_local = 0x20,
    local_kind_cell = 0x40,
    local_kind_free = 0x80,
};

enum class ConstantKind : uint8_t {
    None,
    Bool,
    Ellipsis,
    Int,
    BigInt,
    Float,
    Complex,
    Str,
    Bytes,
    Tuple,
    FrozenSet,
    Code
};

// One entry of the constants table.
struct ConstantValue {
    ConstantKind kind = ConstantKind::None;
    bool bool_value = false;
    int64_t int_value = 0;  // Int
    double float_value = 0; // Float, and the imaginary part of Complex (real part 0)
    std::string text;       // BigInt: decimal digits with optional '-'; Str: UTF-8; Bytes: raw
    std::vector<ConstantValue> items;     // Tuple, FrozenSet (in first-seen order)
    std::shared_ptr<const CodeUnit> code; // Code
};

// One exception-table entry: an instruction in [start, end) that raises cuts the stack to `depth`,
// pushes its own offset if `push_lasti`, pushes the exception and jumps to `target`.
struct ExceptionTableEntry {
    uint32_t start = 0;
    uint32_t end = 0;
    uint32_t target = 0;
    uint32_t depth = 0;
    bool push_lasti = false;
};

// Source position of an instruction: 1-based lines, 0-based UTF-8 byte columns, end exclusive;
// line -1 marks compiler-made instructions with no line (as CPython's None).
struct Location {
    int32_t line = -1;
    int32_t end_line = -1;
    int32_t column = -1;
    int32_t end_column = -1;
};

struct CodeUnit {
    std::string name;     // co_name: "<module>", "f", "<lambda>", "<listcomp>", ...
    std::string qualname; // co_qualname: "C.f.<locals>.g"
    std::string filename;
    int32_t first_line = 1;
    int32_t argcount = 0; // positional arguments, positional-only included
    int32_t posonlyargcount = 0;
    int32_t kwonlyargcount = 0;
    uint32_t flags = 0; // CodeFlag bits

    std::vector<uint32_t> instructions;
    std::vector<Location> locations; // one per instruction word
    std::vector<ConstantValue> constants;
    std::vector<std::string> names; // attribute, global and non-fast names

    std::vector<std::string> localsplus_names;
    std::vector<uint8_t> localsplus_kinds; // LocalKind bits
    int32_t local_count = 0;               // slots that are plain locals (varnames)
    int32_t cell_count = 0;                // cells, argument cells included
    int32_t free_count = 0;

    std::vector<ExceptionTableEntry> exception_table;
    int32_t max_stack_depth = 0;
    int32_t cache_entries = 0; // total inline cache words in `instructions`
};

} // namespace minipy::compiler
