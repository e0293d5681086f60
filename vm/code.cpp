// Code objects: conversion from compiler::CodeUnit and the table lookups the eval loop needs.
// Invariants are in vm/code.h.
#include "vm/code.h"

#include <cstdlib>
#include <cstring>
#include <vector>

#include "gc/alloc.h"
#include "vm/eval_helpers.h"
#include "vm/inline_cache.h"
#include "vm/opcodes.h"
#include "vm/runtime.h"
#include "vm/superinstructions.h"
#include "vm/types/bytes.h"
#include "vm/types/float.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/set.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/weakref.h"

namespace minipy::vm {
namespace {

using compiler::ConstantKind;
using compiler::ConstantValue;

Ref<Object> constant_to_object(Runtime& runtime, const ConstantValue& value, int depth);

Ref<Object> items_to_tuple(Runtime& runtime, const std::vector<ConstantValue>& items, int depth) {
    Ref<Object> tuple = tuple_new(runtime.vm(), items.size());
    if (!tuple)
        return nullptr;
    for (size_t i = 0; i < items.size(); ++i) {
        Ref<Object> item = constant_to_object(runtime, items[i], depth + 1);
        if (!item)
            return nullptr;
        tuple_items(tuple.get())[i] = item.release();
    }
    return tuple;
}

Ref<Object> items_to_frozenset(Runtime& runtime, const std::vector<ConstantValue>& items,
                               int depth) {
    Ref<Object> set = set_new(runtime.vm(), true);
    if (!set)
        return nullptr;
    for (const ConstantValue& item : items) {
        Ref<Object> object = constant_to_object(runtime, item, depth + 1);
        if (!object || !is_ok(set_add(runtime.vm(), set.get(), object.get())))
            return nullptr;
    }
    return set;
}

Ref<Object> constant_to_object(Runtime& runtime, const ConstantValue& value, int depth) {
    VM& vm = runtime.vm();
    if (depth > 200)
        return raise_recursion_error(vm, "constant nesting too deep");
    switch (value.kind) {
    case ConstantKind::None:
        return vm.new_none();
    case ConstantKind::Bool:
        return vm.new_bool(value.bool_value);
    case ConstantKind::Ellipsis:
        return Ref<Object>::borrow(vm.ellipsis());
    case ConstantKind::Int:
        return int_from_i64(vm, value.int_value);
    case ConstantKind::BigInt:
        return int_from_text(vm, value.text, 10);
    case ConstantKind::Float:
        return float_new(vm, value.float_value);
    case ConstantKind::Complex:
        return raise_value_error(vm, "complex numbers are not supported");
    case ConstantKind::Str:
        return str_from_utf8(vm, value.text);
    case ConstantKind::Bytes:
        return bytes_new(vm, value.text);
    case ConstantKind::Tuple:
        return items_to_tuple(runtime, value.items, depth);
    case ConstantKind::FrozenSet:
        return items_to_frozenset(runtime, value.items, depth);
    case ConstantKind::Code:
        return code_from_unit(runtime, value.code);
    }
    return vm.new_none();
}

Ref<Object> names_to_tuple(VM& vm, const std::vector<std::string>& names) {
    Ref<Object> tuple = tuple_new(vm, names.size());
    if (!tuple)
        return nullptr;
    for (size_t i = 0; i < names.size(); ++i) {
        Ref<Object> name = str_from_utf8(vm, names[i]);
        if (!name)
            return nullptr;
        name = vm.pools().intern(vm, std::move(name));
        if (!name)
            return nullptr;
        tuple_items(tuple.get())[i] = name.release();
    }
    return tuple;
}

// Drops the objects a code object owns. Code is not a container (it holds only constants, which
// cannot reach it back), but VM teardown clears it with the containers, so a code object kept alive
// by a daemon thread still running at exit never reads an object freed before it.
void code_clear(Object* self) {
    Code* code = static_cast<Code*>(self);
    for (Object** field : {&code->consts, &code->names, &code->localsplus_names, &code->name,
                           &code->qualname, &code->filename})
        set_ref(*field, nullptr);
}

void code_dealloc(Object* self) {
    Code* code = static_cast<Code*>(self);
    delete code->unit;
    gc::mem_free(code->instructions);
    inline_caches_free(code);
    code_clear(self);
    vm_of(self).heap().release(self);
}

Ref<Object> code_repr(VM& vm, Object* self) {
    Code* code = static_cast<Code*>(self);
    char address[32];
    std::snprintf(address, sizeof address, "%p", static_cast<void*>(self));
    std::string text = "<code object " + str_to_utf8(code->name) + " at " + address + ", file \"" +
                       str_to_utf8(code->filename) + "\", line " +
                       std::to_string(code->first_line) + ">";
    return str_from_utf8(vm, text);
}

// The co_* attributes (a subset of CPython's code object).
Ref<Object> code_getattr(VM& vm, Object* self, Object* name) {
    Code* code = static_cast<Code*>(self);
    std::string_view text = str_ascii_view(name);
    const compiler::CodeUnit& unit = code_unit(code);
    auto names_of_kind = [&](uint8_t kind, bool exclude_args) -> Ref<Object> {
        std::vector<Object*> picked;
        for (int32_t i = 0; i < code->nlocalsplus; ++i) {
            bool is_arg = i < code->argcount + code->kwonlyargcount +
                                  ((code->flags & compiler::code_varargs) ? 1 : 0) +
                                  ((code->flags & compiler::code_varkeywords) ? 1 : 0);
            if ((unit.localsplus_kinds[static_cast<size_t>(i)] & kind) &&
                !(exclude_args && is_arg && kind == compiler::local_kind_cell))
                picked.push_back(tuple_items(code->localsplus_names)[i]);
        }
        return tuple_from_array(vm, picked.data(), picked.size());
    };
    if (text == "co_name")
        return Ref<Object>::borrow(code->name);
    if (text == "co_qualname")
        return Ref<Object>::borrow(code->qualname);
    if (text == "co_filename")
        return Ref<Object>::borrow(code->filename);
    if (text == "co_consts")
        return Ref<Object>::borrow(code->consts);
    if (text == "co_names")
        return Ref<Object>::borrow(code->names);
    if (text == "co_argcount")
        return int_from_i64(vm, code->argcount);
    if (text == "co_posonlyargcount")
        return int_from_i64(vm, code->posonlyargcount);
    if (text == "co_kwonlyargcount")
        return int_from_i64(vm, code->kwonlyargcount);
    if (text == "co_nlocals")
        return int_from_i64(vm, code->nlocals);
    if (text == "co_flags")
        return int_from_i64(vm, code->flags);
    if (text == "co_firstlineno")
        return int_from_i64(vm, code->first_line);
    if (text == "co_stacksize")
        return int_from_i64(vm, code->stacksize);
    if (text == "co_varnames")
        return names_of_kind(compiler::local_kind_local, false);
    if (text == "co_cellvars")
        return names_of_kind(compiler::local_kind_cell, false);
    if (text == "co_freevars")
        return names_of_kind(compiler::local_kind_free, false);
    return get_attr_generic(vm, self, name); // the methods (co_positions)
}

// The import instructions: CPython positions them at their whole statement, the compiler at the
// module name; co_positions reports no columns for them (so no carets, as the interpreter's
// printer in vm/traceback.cpp draws none).
bool is_import(Opcode op) {
    return op == Opcode::IMPORT_NAME || op == Opcode::IMPORT_FROM || op == Opcode::IMPORT_STAR;
}

// co_positions(): an iterator of (line, end_line, column, end_column) per instruction word (cache
// words repeat their instruction's), None where unknown; the traceback module indexes it with
// tb_lasti // 2 as CPython's does.
Ref<Object> code_positions(VM& vm, Object* self, Object* const*, size_t, Object*) {
    Code* code = static_cast<Code*>(self);
    const auto& locations = code_unit(code).locations;
    Ref<Object> list = list_new(vm);
    if (!list)
        return nullptr;
    auto number = [&](int32_t value) {
        return value < 0 ? vm.new_none() : int_from_i64(vm, value);
    };
    bool columns = true;
    int caches_left = 0;
    for (size_t i = 0; i < code->instruction_count; ++i) {
        if (caches_left > 0) {
            --caches_left;
        } else {
            Opcode op = instruction_opcode(code->instructions[i]);
            caches_left = cache_words(op);
            columns = !is_import(op);
        }
        compiler::Location where = i < locations.size() ? locations[i] : compiler::Location{};
        Ref<Object> line = number(where.line);
        Ref<Object> end_line = number(where.end_line);
        Ref<Object> column = columns ? number(where.column) : vm.new_none();
        Ref<Object> end_column = columns ? number(where.end_column) : vm.new_none();
        if (!line || !end_line || !column || !end_column)
            return nullptr;
        Ref<Object> item =
            tuple_pack(vm, {line.get(), end_line.get(), column.get(), end_column.get()});
        if (!item || !is_ok(list_append(vm, list.get(), item.get())))
            return nullptr;
    }
    return object_iter(vm, list.get());
}

constexpr MethodDef code_methods[] = {
    {"co_positions", code_positions, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

Status fill_tables(Runtime& runtime, Code* code, const compiler::CodeUnit& unit) {
    VM& vm = runtime.vm();
    Ref<Object> consts = tuple_new(vm, unit.constants.size());
    if (!consts)
        return Status::error;
    code->consts = consts.get();
    incref(code->consts);
    for (size_t i = 0; i < unit.constants.size(); ++i) {
        Ref<Object> item = constant_to_object(runtime, unit.constants[i], 0);
        if (!item)
            return Status::error;
        tuple_items(consts.get())[i] = item.release();
    }
    Ref<Object> names = names_to_tuple(vm, unit.names);
    Ref<Object> locals = names_to_tuple(vm, unit.localsplus_names);
    Ref<Object> name = str_from_utf8(vm, unit.name);
    Ref<Object> qualname = str_from_utf8(vm, unit.qualname);
    Ref<Object> filename = str_from_utf8(vm, unit.filename);
    if (!names || !locals || !name || !qualname || !filename)
        return Status::error;
    code->names = names.release();
    code->localsplus_names = locals.release();
    code->name = name.release();
    code->qualname = qualname.release();
    code->filename = filename.release();
    return Status::ok;
}

} // namespace

bool is_code(const Runtime& runtime, const Object* object) {
    return object->type == const_cast<Runtime&>(runtime).types().code;
}

Ref<Code> code_from_unit(Runtime& runtime, const std::shared_ptr<const compiler::CodeUnit>& unit) {
    VM& vm = runtime.vm();
    Ref<Code> code = allocate_object<Code>(vm, runtime.types().code);
    if (!code)
        return nullptr;
    code->unit = new (std::nothrow) std::shared_ptr<const compiler::CodeUnit>(unit);
    size_t count = unit->instructions.size();
    code->instructions = static_cast<uint32_t*>(gc::mem_alloc((count + 1) * sizeof(uint32_t)));
    if (!code->unit || !code->instructions)
        return raise_memory_error(vm);
    // The eval loop's dispatch table has one entry per real opcode: refuse anything else here.
    for (size_t i = 0; i < count;
         i += 1 + static_cast<size_t>(cache_words(instruction_opcode(unit->instructions[i])))) {
        if ((unit->instructions[i] & 0xFF) >= static_cast<uint32_t>(opcode_count))
            return raise_system_error(vm, "invalid opcode in code unit");
    }
    if (count)
        std::memcpy(code->instructions, unit->instructions.data(), count * sizeof(uint32_t));
    code->instructions[count] = 0; // a NOP past the end
    code->instruction_count = count;
    if (!inline_caches_init(code.get()))
        return raise_memory_error(vm);
    fuse_superinstructions(code.get());
    code->localsplus_kinds = unit->localsplus_kinds.data();
    code->nlocalsplus = static_cast<int32_t>(unit->localsplus_names.size());
    code->stacksize = unit->max_stack_depth;
    code->argcount = unit->argcount;
    code->posonlyargcount = unit->posonlyargcount;
    code->kwonlyargcount = unit->kwonlyargcount;
    code->nlocals = unit->local_count;
    code->ncells = unit->cell_count;
    code->nfree = unit->free_count;
    code->first_line = unit->first_line;
    code->flags = unit->flags;
    if (!is_ok(fill_tables(runtime, code.get(), *unit)))
        return nullptr;
    return code;
}

int code_line(const Code* code, int32_t index) {
    const auto& locations = code_unit(code).locations;
    if (index < 0 || static_cast<size_t>(index) >= locations.size())
        return -1;
    return locations[static_cast<size_t>(index)].line;
}

const compiler::ExceptionTableEntry* code_find_handler(const Code* code, int32_t index) {
    const auto& table = code_unit(code).exception_table;
    auto position = static_cast<uint32_t>(index);
    size_t low = 0;
    size_t high = table.size();
    while (low < high) {
        size_t middle = (low + high) / 2;
        if (table[middle].end <= position)
            low = middle + 1;
        else
            high = middle;
    }
    if (low < table.size() && table[low].start <= position && position < table[low].end)
        return &table[low];
    return nullptr;
}

// Used by init_function_types.
bool init_code_type(Runtime& runtime) {
    TypeSpec spec{};
    spec.name = "code";
    spec.basic_size = sizeof(Code);
    spec.slots.dealloc = code_dealloc;
    spec.slots.clear = code_clear;
    spec.slots.repr = code_repr;
    spec.slots.getattr = code_getattr;
    spec.methods = code_methods;
    Ref<Type> type = make_type(runtime.vm(), spec);
    if (!type)
        return false;
    enable_weakrefs(type.get());
    runtime.types().code = type.release();
    return true;
}

} // namespace minipy::vm
