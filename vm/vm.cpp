// The VM: creation (bootstrapping the core types in dependency order) and teardown (freeing every
// object on the refchain, cycles included). Invariants are in vm/vm.h.
#include "vm/vm.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <new>
#include <string_view>

#include "vm/gil.h"
#include "vm/types/bytes.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/set.h"
#include "vm/types/singletons.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/weakref.h"

namespace minipy::vm {
namespace {

uint64_t random_seed() {
    uint64_t seed = 0;
    if (std::FILE* file = std::fopen("/dev/urandom", "rb")) {
        if (std::fread(&seed, sizeof seed, 1, file) != 1)
            seed = 0;
        std::fclose(file);
    }
    if (seed == 0) // no /dev/urandom: mix the address of a stack object with the clock
        seed = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(&seed)) ^
               static_cast<uint64_t>(std::time(nullptr)) * 0x9E3779B97F4A7C15ull;
    return seed;
}

// PYTHONHASHSEED as CPython reads it: "random" or unset draws a seed; a decimal integer in
// [0, 4294967295] fixes it (0 disables randomisation). Anything else is ignored (CPython refuses to
// start; an embedded interpreter must not).
uint64_t choose_hash_seed(const VMOptions& options) {
    if (options.fixed_hash_seed)
        return options.hash_seed;
    if (options.use_environment) {
        if (const char* text = std::getenv("PYTHONHASHSEED")) {
            std::string_view value(text);
            if (!value.empty() && value != "random" && value.size() <= 10 &&
                value.find_first_not_of("0123456789") == std::string_view::npos) {
                uint64_t seed = std::strtoull(text, nullptr, 10);
                if (seed <= 4294967295ull)
                    return seed;
            }
        }
    }
    return random_seed();
}

} // namespace

std::unique_ptr<VM> VM::create(const VMOptions& options) {
    std::unique_ptr<VM> vm(new (std::nothrow) VM());
    if (!vm)
        return nullptr;
    if (!vm->initialize(options))
        return nullptr; // ~VM frees whatever was made
    return vm;
}

void VM::set_singletons(Object* none, Object* true_value, Object* false_value,
                        Object* not_implemented, Object* ellipsis) {
    if (none)
        m_none = none;
    if (true_value)
        m_true = true_value;
    if (false_value)
        m_false = false_value;
    if (not_implemented)
        m_not_implemented = not_implemented;
    if (ellipsis)
        m_ellipsis = ellipsis;
}

bool VM::initialize(const VMOptions& options) {
    m_hash_seed = choose_hash_seed(options);
    m_thread_state.reset(new (std::nothrow) ThreadState(*this));
    if (!m_thread_state)
        return false;
    m_current_thread = m_thread_state.get();
    m_gil = Gil::create(*this, *m_thread_state);
    if (!m_gil)
        return false;
    // Order matters: the types first (named later, once str and tuple work), then the pools, then
    // everything that needs interning or raising.
    if (!init_type_and_object(*this) || !init_str_type(*this) || !init_tuple_type(*this) ||
        !init_int_types(*this) || !init_bytes_type(*this) || !init_dict_type(*this) ||
        !init_list_type(*this) || !init_set_types(*this) || !init_float_type(*this) ||
        !init_none_type(*this) || !init_not_implemented_type(*this) || !init_ellipsis_type(*this))
        return false;
    if (!m_pools.init(*this))
        return false;
    Type* core[] = {m_types.object,
                    m_types.type,
                    m_types.int_,
                    m_types.bool_,
                    m_types.float_,
                    m_types.str,
                    m_types.bytes,
                    m_types.tuple,
                    m_types.list,
                    m_types.dict,
                    m_types.set,
                    m_types.frozenset,
                    m_types.none,
                    m_types.not_implemented,
                    m_types.ellipsis,
                    m_types.tuple_iterator,
                    m_types.list_iterator,
                    m_types.str_iterator,
                    m_types.dict_keyiterator,
                    m_types.set_iterator};
    for (Type* type : core) {
        if (!type || !complete_type(*this, type))
            return false;
    }
    return init_exception_types(*this);
}

void restore_signal_handlers(VM& vm, void*& saved); // vm/signals.cpp

Status VM::set_recursion_limit(int64_t limit) {
    if (limit > INT32_MAX)
        return raise_overflow_error(*this, "Python int too large to convert to C int");
    if (limit < 1)
        return raise_value_error(*this, "recursion limit must be greater or equal than 1");
    int depth = m_current_thread ? m_current_thread->recursion_depth() : 0;
    if (limit <= depth)
        return raise_recursion_error(*this, "cannot set the recursion limit to ", limit,
                                     " at the recursion depth ", depth, ": the limit is too low");
    m_recursion_limit = static_cast<int>(limit);
    return Status::ok;
}

VM::~VM() {
    restore_signal_handlers(*this, m_saved_sigint);
    m_handles_signals = false;
    m_finalizing = true;
    // Other threads still alive (daemons) block for good at their next GIL request (vm/gil.h).
    if (m_gil && m_current_thread)
        m_gil->begin_finalization(*m_current_thread);
    if (m_current_thread)
        m_current_thread->clear_exception();
    xdecref(m_memory_error);
    m_memory_error = nullptr;
    m_pools.release();
    destroy_all_objects();
    Gil::destroy(m_gil);
    m_gil = nullptr;
    if (m_current_thread == m_thread_state.get())
        m_thread_state.reset();
    else // destroyed by another thread than the main one: the main one may still be blocked
        (void)m_thread_state.release();
}

// Teardown, in passes that never read freed memory:
//  1. every type is held (+1), so none is freed before its instances;
//  2. every non-type object with a `clear` slot (containers, and code) is held (+1), cleared, then
//     let go: this breaks every cycle and frees whatever only they kept alive (the walk steps from
//     held object to held object, and only unheld objects can die under it);
//  3. every remaining non-type object (leaked references, e.g. of a daemon thread still running) is
//     held (+1), so no dealloc frees another, then deallocated through its type; after pass 2 no
//     object owns a reference (only objects with a `clear` slot own any, an invariant of
//     vm/slots.def), so nothing is touched twice;
//  4. free lists are emptied (their blocks still name their types), and the types are freed, `type`
//     itself last.
void VM::destroy_all_objects() {
    const Object* end = m_heap.end();
    auto is_type = [](const Object* object) { return has_flag(object->type, type_type_subclass); };
    // Containers, and the few other objects that own references (code), which fill `clear`.
    auto is_held_container = [&](const Object* object) {
        return !is_type(object) &&
               (has_flag(object->type, type_has_gc) || object->type->slots.clear != nullptr);
    };
    for (Object* object = m_heap.first(); object != end; object = object->chain_next) {
        if (is_type(object) || is_held_container(object))
            incref(object);
        forget_weakrefs(object); // weakrefs and referents die in any order below
    }
    for (Object* object = m_heap.first(); object != end; object = object->chain_next) {
        if (is_held_container(object) && object->type->slots.clear)
            object->type->slots.clear(object);
    }
    Object* object = m_heap.first();
    while (object != end && !is_held_container(object))
        object = object->chain_next;
    while (object != end) {
        Object* next = object->chain_next;
        while (next != end && !is_held_container(next))
            next = next->chain_next;
        decref(object);
        object = next;
    }
    for (Object* item = m_heap.first(); item != end; item = item->chain_next) {
        if (is_type(item))
            item->type->slots.clear(item);
        else
            incref(item);
    }
    for (Object* item = m_heap.first(); item != end;) {
        Object* next = item->chain_next;
        if (!is_type(item))
            item->type->slots.dealloc(item);
        item = next;
    }
    m_free_lists.release_all();
    Type* type_type = m_types.type;
    for (Object* item = m_heap.first(); item != end;) {
        Object* next = item->chain_next;
        if (item != type_type)
            item->type->slots.dealloc(item);
        item = next;
    }
    if (type_type)
        type_type->slots.dealloc(type_type);
}

} // namespace minipy::vm
