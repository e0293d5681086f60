// bytearray: a mutable byte string (Library Reference 4.8.2). The bytes live in a malloc'ed
// buffer over-allocated as list's items are, so append is amortised O(1). It shares every
// non-mutating method with bytes (vm/types/bytes.cpp); this file adds the mutating ones and the
// item/slice assignment slots.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "compiler/literals.h"
#include "gc/alloc.h"
#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/bytes.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/range.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

using Args = Object* const*;

ByteArray* as_bytearray(Object* object) {
    return static_cast<ByteArray*>(object);
}

size_t uz(intptr_t value) {
    return static_cast<size_t>(value);
}

Status reserve(VM& vm, ByteArray* a, intptr_t needed) {
    if (needed <= a->allocated)
        return Status::ok;
    intptr_t capacity = needed + (needed >> 3) + (needed < 9 ? 3 : 6);
    auto* data = static_cast<char*>(gc::mem_realloc(a->data, uz(capacity)));
    if (!data)
        return raise_memory_error(vm);
    a->data = data;
    a->allocated = capacity;
    return Status::ok;
}

void bytearray_dealloc(Object* self) {
    gc::mem_free(as_bytearray(self)->data);
    as_bytearray(self)->data = nullptr;
    vm_of(self).heap().release(self);
}

Ref<Object> bytearray_repr(VM& vm, Object* self) {
    std::string body = compiler::repr_bytes(bytearray_view(self));
    return str_from_utf8(vm, std::string(self->type->name) + "(" + body + ")");
}

intptr_t bytearray_len(VM&, Object* self) {
    return as_bytearray(self)->length;
}

Ref<Object> bytearray_getitem(VM& vm, Object* self, Object* key) {
    std::string_view data = bytearray_view(self);
    if (key->type == runtime_of(vm).types().slice) {
        intptr_t start = 0, stop = 0, step = 0, count = 0;
        if (!is_ok(slice_indices(vm, key, static_cast<intptr_t>(data.size()), start, stop, step,
                                 count)))
            return nullptr;
        std::string out;
        for (intptr_t i = 0, at = start; i < count; ++i, at += step)
            out.push_back(data[uz(at)]);
        return bytearray_new(vm, out);
    }
    if (!is_int(key) && !key->type->slots.index)
        return raise_type_error(vm, "bytearray indices must be integers or slices, not ",
                                key->type->name);
    int64_t index = 0;
    if (!is_ok(index_value(vm, key, index)))
        return nullptr;
    auto size = static_cast<int64_t>(data.size());
    if (index < 0)
        index += size;
    if (index < 0 || index >= size)
        return raise_index_error(vm, "bytearray index out of range");
    return int_from_i64(vm, static_cast<uint8_t>(data[static_cast<size_t>(index)]));
}

Status byte_value(VM& vm, Object* value, char& out) {
    if (!is_int(value) && !value->type->slots.index)
        return raise_type_error(vm, "'", value->type->name,
                                "' object cannot be interpreted as an integer");
    int64_t byte = 0;
    if (!is_ok(index_value(vm, value, byte)))
        return Status::error;
    if (byte < 0 || byte > 255)
        return raise_value_error(vm, "byte must be in range(0, 256)");
    out = static_cast<char>(byte);
    return Status::ok;
}

Status assign_slice(VM& vm, Object* self, Object* slice, Object* value) {
    std::string current(bytearray_view(self));
    intptr_t start = 0, stop = 0, step = 0, count = 0;
    if (!is_ok(slice_indices(vm, slice, static_cast<intptr_t>(current.size()), start, stop, step,
                             count)))
        return Status::error;
    std::string replacement;
    if (value) {
        std::string_view view;
        if (bytes_like(value, view)) {
            replacement.assign(view);
        } else if (is_int(value)) {
            return raise_type_error(vm, "can assign only bytes, buffers, or iterables of ints in "
                                        "range(0, 256)");
        } else if (is_str(value)) {
            return raise_type_error(vm, "can assign only bytes, buffers, or iterables of ints in "
                                        "range(0, 256)");
        } else {
            Object* args[1] = {value};
            if (!is_ok(bytes_from_arguments(vm, "bytearray", args, 1, nullptr, replacement)))
                return Status::error;
        }
    }
    std::string result;
    if (step == 1) {
        if (stop < start)
            stop = start;
        result = current.substr(0, uz(start)) + replacement + current.substr(uz(stop));
    } else {
        if (value && static_cast<intptr_t>(replacement.size()) != count)
            return raise_value_error(vm, "attempt to assign bytes of size ", replacement.size(),
                                     " to extended slice of size ", count);
        std::vector<bool> selected(current.size(), false);
        for (intptr_t i = 0, at = start; i < count; ++i, at += step) {
            selected[uz(at)] = true;
            if (value)
                current[uz(at)] = replacement[uz(i)];
        }
        for (size_t i = 0; i < current.size(); ++i) {
            if (value || !selected[i])
                result.push_back(current[i]);
        }
    }
    return bytearray_assign(vm, self, result);
}

Status bytearray_setitem(VM& vm, Object* self, Object* key, Object* value) {
    if (key->type == runtime_of(vm).types().slice)
        return assign_slice(vm, self, key, value);
    if (!is_int(key) && !key->type->slots.index)
        return raise_type_error(vm, "bytearray indices must be integers or slices, not ",
                                key->type->name);
    int64_t index = 0;
    if (!is_ok(index_value(vm, key, index)))
        return Status::error;
    ByteArray* a = as_bytearray(self);
    if (index < 0)
        index += a->length;
    if (index < 0 || index >= a->length)
        return raise_index_error(vm, "bytearray index out of range");
    auto at = static_cast<size_t>(index);
    if (!value) {
        std::memmove(a->data + at, a->data + at + 1, uz(a->length) - at - 1);
        --a->length;
        return Status::ok;
    }
    char byte = 0;
    if (!is_ok(byte_value(vm, value, byte)))
        return Status::error;
    a->data[at] = byte;
    return Status::ok;
}

// ====== Mutating methods

Ref<Object> ba_append(VM& vm, Object* self, Args args, size_t, Object*) {
    char byte = 0;
    if (!is_ok(byte_value(vm, args[0], byte)))
        return nullptr;
    ByteArray* a = as_bytearray(self);
    if (!is_ok(reserve(vm, a, a->length + 1)))
        return nullptr;
    a->data[a->length++] = byte;
    return vm.new_none();
}

Ref<Object> ba_extend(VM& vm, Object* self, Args args, size_t, Object*) {
    std::string extra;
    std::string_view view;
    if (bytes_like(args[0], view)) {
        extra.assign(view);
    } else {
        if (is_str(args[0]))
            return raise_type_error(vm, "expected iterable of integers; got: 'str'");
        if (is_int(args[0]))
            return raise_type_error(vm, "can't extend bytearray with int");
        Object* call_args[1] = {args[0]};
        if (!is_ok(bytes_from_arguments(vm, "bytearray", call_args, 1, nullptr, extra)))
            return nullptr;
    }
    std::string joined(bytearray_view(self));
    joined += extra;
    if (!is_ok(bytearray_assign(vm, self, joined)))
        return nullptr;
    return vm.new_none();
}

Ref<Object> ba_insert(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "insert expected 2 arguments, got ", nargs);
    int64_t index = 0;
    if (!is_ok(index_value(vm, args[0], index)))
        return nullptr;
    char byte = 0;
    if (!is_ok(byte_value(vm, args[1], byte)))
        return nullptr;
    std::string data(bytearray_view(self));
    auto size = static_cast<int64_t>(data.size());
    if (index < 0)
        index = std::max<int64_t>(0, index + size);
    index = std::min(index, size);
    data.insert(data.begin() + index, byte);
    if (!is_ok(bytearray_assign(vm, self, data)))
        return nullptr;
    return vm.new_none();
}

Ref<Object> ba_pop(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "pop expected at most 1 argument, got ", nargs);
    ByteArray* a = as_bytearray(self);
    if (a->length == 0)
        return raise_index_error(vm, "pop from empty bytearray");
    int64_t index = -1;
    if (nargs == 1 && !is_ok(index_value(vm, args[0], index)))
        return nullptr;
    if (index < 0)
        index += a->length;
    if (index < 0 || index >= a->length)
        return raise_index_error(vm, "pop index out of range");
    auto at = static_cast<size_t>(index);
    auto value = static_cast<uint8_t>(a->data[at]);
    std::memmove(a->data + at, a->data + at + 1, uz(a->length) - at - 1);
    --a->length;
    return int_from_i64(vm, value);
}

Ref<Object> ba_remove(VM& vm, Object* self, Args args, size_t, Object*) {
    char byte = 0;
    if (!is_ok(byte_value(vm, args[0], byte)))
        return nullptr;
    ByteArray* a = as_bytearray(self);
    std::string_view data = bytearray_view(self);
    size_t at = data.find(byte);
    if (at == std::string_view::npos)
        return raise_value_error(vm, "value not found in bytearray");
    std::memmove(a->data + at, a->data + at + 1, uz(a->length) - at - 1);
    --a->length;
    return vm.new_none();
}

Ref<Object> ba_reverse(VM& vm, Object* self, Args, size_t, Object*) {
    ByteArray* a = as_bytearray(self);
    if (a->length > 0)
        std::reverse(a->data, a->data + a->length);
    return vm.new_none();
}

Ref<Object> ba_clear(VM& vm, Object* self, Args, size_t, Object*) {
    as_bytearray(self)->length = 0;
    return vm.new_none();
}

Ref<Object> ba_copy(VM& vm, Object* self, Args, size_t, Object*) {
    return bytearray_new(vm, bytearray_view(self));
}

Ref<Object> ba_alloc(VM& vm, Object* self, Args, size_t, Object*) {
    ByteArray* a = as_bytearray(self);
    return int_from_i64(vm, a->allocated > 0 ? a->allocated : 0);
}

constexpr MethodDef bytearray_methods[] = {
    {"append", ba_append, MethodKind::o, "Append a single item to the end of the bytearray."},
    {"clear", ba_clear, MethodKind::noargs, "Remove all items from the bytearray."},
    {"copy", ba_copy, MethodKind::noargs, "Return a copy of B."},
    {"extend", ba_extend, MethodKind::o, "Append all the items from the iterator or sequence."},
    {"insert", ba_insert, MethodKind::fastcall, "Insert a single item into the bytearray."},
    {"pop", ba_pop, MethodKind::fastcall, "Remove and return a single item from B."},
    {"remove", ba_remove, MethodKind::o,
     "Remove the first occurrence of a value in the bytearray."},
    {"reverse", ba_reverse, MethodKind::noargs, "Reverse the order of the values in B in place."},
    {"__alloc__", ba_alloc, MethodKind::noargs, "B.__alloc__() -> int"},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

bool is_bytearray(const Object* object) {
    Type* bytearray = object->type->vm->types().bytearray;
    return bytearray && (object->type == bytearray || is_subtype(object->type, bytearray));
}

Ref<Object> bytearray_new(VM& vm, std::string_view data) {
    Ref<ByteArray> a = allocate_object<ByteArray>(vm, vm.types().bytearray);
    if (!a)
        return nullptr;
    a->data = nullptr;
    a->length = 0;
    a->allocated = 0;
    if (!is_ok(bytearray_assign(vm, a.get(), data)))
        return nullptr;
    return Ref<Object>(std::move(a).cast<Object>());
}

Status bytearray_assign(VM& vm, Object* self, std::string_view data) {
    ByteArray* a = as_bytearray(self);
    if (!is_ok(reserve(vm, a, static_cast<intptr_t>(data.size()))))
        return Status::error;
    if (!data.empty())
        std::memmove(a->data, data.data(), data.size());
    a->length = static_cast<intptr_t>(data.size());
    return Status::ok;
}

bool init_bytearray_type(VM& vm) {
    if (vm.types().bytearray)
        return true;
    TypeSpec spec{};
    spec.name = "bytearray";
    spec.basic_size = sizeof(ByteArray);
    spec.flags = type_base_type;
    TypeSlots& s = spec.slots;
    s.dealloc = bytearray_dealloc;
    s.repr = bytearray_repr;
    s.hash = hash_not_implemented;
    s.richcompare = bytes_like_richcompare;
    s.len = bytearray_len;
    s.getitem = bytearray_getitem;
    s.setitem = bytearray_setitem;
    s.contains = bytes_like_contains;
    // add, mul and mod are bytes' (they build results of the receiver's kind).
    s.add = vm.types().bytes->slots.add;
    s.mul = vm.types().bytes->slots.mul;
    s.mod = vm.types().bytes->slots.mod;
    spec.methods = bytearray_methods;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    vm.types().bytearray = type.release();
    return true;
}

} // namespace minipy::vm
