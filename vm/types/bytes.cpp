// bytes: an immutable byte string stored right after the header with a terminating zero byte; the
// hash is the same keyed XXH3 as str's and is cached. The empty bytes is the VM's pooled one.
#include "vm/types/bytes.h"

#include <cstring>

#include "compiler/literals.h"
#include "vm/types/int.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

Ref<Object> bytes_repr(VM& vm, Object* self) {
    return str_from_utf8(vm, compiler::repr_bytes(bytes_view(self)));
}

int64_t bytes_hash(VM& vm, Object* self) {
    auto* b = static_cast<Bytes*>(self);
    if (b->hash == -1)
        b->hash = hash_bytes(vm, bytes_data(self), static_cast<size_t>(b->size));
    return b->hash;
}

Ref<Object> bytes_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (!is_bytes(other))
        return vm.new_not_implemented();
    int c = bytes_view(self).compare(bytes_view(other));
    bool result = false;
    switch (op) {
    case CompareOp::lt:
        result = c < 0;
        break;
    case CompareOp::le:
        result = c <= 0;
        break;
    case CompareOp::eq:
        result = c == 0;
        break;
    case CompareOp::ne:
        result = c != 0;
        break;
    case CompareOp::gt:
        result = c > 0;
        break;
    case CompareOp::ge:
        result = c >= 0;
        break;
    }
    return vm.new_bool(result);
}

intptr_t bytes_len(VM&, Object* self) {
    return static_cast<Bytes*>(self)->size;
}

// b[i] is an int (Reference 3.2: items of bytes are integers 0..255).
Ref<Object> bytes_getitem(VM& vm, Object* self, Object* key) {
    if (!is_int(key))
        return raise_type_error(vm, "byte indices must be integers or slices, not ",
                                key->type->name);
    intptr_t index = 0;
    if (!is_ok(int_to_ssize(vm, key, index)))
        return raise_index_error(vm, "cannot fit 'int' into an index-sized integer");
    intptr_t size = static_cast<Bytes*>(self)->size;
    if (index < 0)
        index += size;
    if (index < 0 || index >= size)
        return raise_index_error(vm, "index out of range");
    return int_from_i64(vm, static_cast<uint8_t>(bytes_data(self)[index]));
}

int bytes_contains(VM& vm, Object* self, Object* item) {
    if (is_bytes(item))
        return bytes_view(self).find(bytes_view(item)) != std::string_view::npos;
    if (is_int(item)) {
        int64_t value = -1;
        if (!int_to_i64(item, value) || value < 0 || value > 255) {
            (void)raise_value_error(vm, "byte must be in range(0, 256)");
            return -1;
        }
        return bytes_view(self).find(static_cast<char>(value)) != std::string_view::npos;
    }
    (void)raise_type_error(vm, "a bytes-like object is required, not '", item->type->name, "'");
    return -1;
}

Ref<Object> bytes_add(VM& vm, Object* left, Object* right) {
    if (!is_bytes(left) || !is_bytes(right)) {
        if (is_bytes(left))
            return raise_type_error(vm, "can't concat ", right->type->name, " to bytes");
        return vm.new_not_implemented();
    }
    std::string joined(bytes_view(left));
    joined += bytes_view(right);
    return bytes_new(vm, joined);
}

Ref<Object> bytes_decode(VM& vm, Object* self, Object* const*, size_t nargs, Object*) {
    if (nargs > 0)
        return raise_type_error(vm, "decode() takes no arguments in this build (utf-8 only)");
    return str_from_utf8(vm, bytes_view(self));
}

constexpr MethodDef bytes_methods[] = {
    {"decode", bytes_decode, MethodKind::fastcall, "Decode the bytes as UTF-8."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

bool is_bytes(const Object* object) {
    return has_flag(object->type, type_bytes_subclass);
}

Ref<Object> bytes_new(VM& vm, std::string_view data) {
    if (data.empty() && vm.pools().empty_bytes())
        return Ref<Object>::borrow(vm.pools().empty_bytes());
    Ref<Bytes> b = allocate_object<Bytes>(vm, vm.types().bytes, data.size() + 1);
    if (!b)
        return nullptr;
    b->size = static_cast<intptr_t>(data.size());
    b->hash = -1;
    std::memcpy(b.get() + 1, data.data(), data.size());
    return b;
}

bool init_bytes_type(VM& vm) {
    TypeSpec spec{};
    spec.name = "bytes";
    spec.basic_size = sizeof(Bytes);
    spec.item_size = 1;
    spec.flags = type_base_type | type_bytes_subclass;
    TypeSlots& s = spec.slots;
    s.dealloc = dealloc_plain;
    s.repr = bytes_repr;
    s.hash = bytes_hash;
    s.richcompare = bytes_richcompare;
    s.len = bytes_len;
    s.getitem = bytes_getitem;
    s.contains = bytes_contains;
    s.add = bytes_add;
    spec.methods = bytes_methods;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    vm.types().bytes = type.release();
    return true;
}

} // namespace minipy::vm
