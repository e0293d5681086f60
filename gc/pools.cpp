// Pools of one VM: small ints, Latin-1 characters, empty str/bytes/tuple, interned strings.
// Invariants are in gc/pools.h.
#include "gc/pools.h"

#include <gmp.h>

#include "vm/types/bytes.h"
#include "vm/types/dict.h"
#include "vm/types/int.h"
#include "vm/types/number_fast.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::gc {
namespace {

// The pools are created before the constructors that consult them work, so objects are made here
// directly from their layouts.
// Its memory comes from the number blocks, as every machine-word int's (gc/free_lists.h).
vm::Object* make_small_int(vm::VM& vm, int64_t value) {
    return vm::int_allocate(vm, value);
}

vm::Object* make_str(vm::VM& vm, uint32_t code_point, bool empty) {
    Ref<vm::Str> object = vm::allocate_object<vm::Str>(vm, vm.types().str, empty ? 1 : 2);
    if (!object)
        return nullptr;
    object->size = empty ? 0 : 1;
    object->hash = -1;
    object->kind = 1;
    object->ascii = code_point < 128;
    static_cast<uint8_t*>(vm::str_data(object.get()))[0] = static_cast<uint8_t>(code_point);
    return object.release();
}

} // namespace

bool Pools::init(vm::VM& vm) {
    for (int64_t value = small_int_min; value <= small_int_max; ++value) {
        m_small_ints[value - small_int_min] = make_small_int(vm, value);
        if (!m_small_ints[value - small_int_min])
            return false;
    }
    m_empty_str = make_str(vm, 0, true);
    if (!m_empty_str)
        return false;
    for (uint32_t code_point = 0; code_point < 256; ++code_point) {
        m_latin1[code_point] = make_str(vm, code_point, false);
        if (!m_latin1[code_point])
            return false;
    }
    Ref<vm::Bytes> bytes = vm::allocate_object<vm::Bytes>(vm, vm.types().bytes, 1);
    Ref<vm::Object> tuple = vm::allocate_object<vm::Object>(vm, vm.types().tuple, 0);
    if (!bytes || !tuple)
        return false;
    bytes->hash = -1;
    m_empty_bytes = bytes.release();
    m_empty_tuple = tuple.release();
    // The empty tuple is immutable and shared: it needs no tracking.
    vm.heap().untrack(m_empty_tuple);
    Ref<vm::Object> interned = vm::dict_new(vm);
    if (!interned)
        return false;
    m_interned = interned.release();
    return true;
}

void Pools::release() {
    for (vm::Object*& object : m_small_ints) {
        vm::xdecref(object);
        object = nullptr;
    }
    for (vm::Object*& object : m_latin1) {
        vm::xdecref(object);
        object = nullptr;
    }
    for (vm::Object** slot : {&m_empty_str, &m_empty_bytes, &m_empty_tuple, &m_interned}) {
        vm::xdecref(*slot);
        *slot = nullptr;
    }
}

int Pools::traverse(int (*visit)(vm::Object*, void*), void* arg) const {
    for (vm::Object* object : m_small_ints) {
        if (object) {
            if (int result = visit(object, arg))
                return result;
        }
    }
    for (vm::Object* object : m_latin1) {
        if (object) {
            if (int result = visit(object, arg))
                return result;
        }
    }
    for (vm::Object* object : {m_empty_str, m_empty_bytes, m_empty_tuple, m_interned}) {
        if (object) {
            if (int result = visit(object, arg))
                return result;
        }
    }
    return 0;
}

Ref<vm::Object> Pools::intern(vm::VM& vm, Ref<vm::Object> str) {
    auto* s = static_cast<vm::Str*>(str.get());
    if (s->interned)
        return str;
    vm::Object* existing = nullptr;
    int found = vm::dict_lookup(vm, m_interned, str.get(), &existing);
    if (found < 0)
        return nullptr;
    if (found)
        return Ref<vm::Object>::borrow(existing);
    if (!is_ok(vm::dict_setitem(vm, m_interned, str.get(), str.get())))
        return nullptr;
    s->interned = true;
    return str;
}

size_t Pools::interned_count() const {
    return m_interned ? static_cast<size_t>(vm::dict_size(m_interned)) : 0;
}

bool is_identifier_like(std::string_view text) {
    if (text.empty())
        return false;
    for (char c : text) {
        bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace minipy::gc
