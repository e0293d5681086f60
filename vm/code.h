// Code objects: the runtime form of compiler::CodeUnit. Constants become VM objects (nested code
// units become nested Code objects), names interned strs (so LOAD_ATTR and LOAD_GLOBAL compare
// names by pointer), and the exception and location tables stay in the unit, which the Code keeps
// alive.
//
// Invariants:
//  - immutable after creation except for the inline cache words, which only the eval loop touches;
//  - `consts`, `names`, `localsplus_names` are tuples; every name is an interned str.
#pragma once

#include <memory>

#include "compiler/code.h"
#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

class Runtime;
union InlineCache;

struct Code : Object {
    std::shared_ptr<const compiler::CodeUnit>* unit; // owned (new/delete)
    uint32_t* instructions;                          // owned copy (malloc), cache words writable
    size_t instruction_count;
    Object* consts;           // tuple
    Object* names;            // tuple of interned str
    Object* localsplus_names; // tuple of interned str
    Object* name;             // str
    Object* qualname;         // str
    Object* filename;         // str
    const uint8_t* localsplus_kinds;
    int32_t nlocalsplus;
    int32_t stacksize;
    int32_t argcount;
    int32_t posonlyargcount;
    int32_t kwonlyargcount;
    int32_t nlocals;
    int32_t ncells;
    int32_t nfree;
    int32_t first_line;
    uint32_t flags;
    InlineCache* inline_caches; // owned (malloc): one entry per cached instruction, vm/inline_cache.h
};

inline const compiler::CodeUnit& code_unit(const Code* code) {
    return **code->unit;
}
bool is_code(const Runtime& runtime, const Object* object);

// Converts a compiler code unit (and its nested units) to a Code object. Raises MemoryError,
// OverflowError for big-int constants that do not parse.
[[nodiscard]] Ref<Code> code_from_unit(Runtime& runtime,
                                       const std::shared_ptr<const compiler::CodeUnit>& unit);
// The line of instruction `index` (-1 when none).
int code_line(const Code* code, int32_t index);
// The exception-table handler covering `index`, or null.
const compiler::ExceptionTableEntry* code_find_handler(const Code* code, int32_t index);

} // namespace minipy::vm
