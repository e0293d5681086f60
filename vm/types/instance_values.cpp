// Instance attributes stored inline with keys shared per class. See vm/types/instance_values.h.
#include "vm/types/instance_values.h"

#include <algorithm>

#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/str.h"

namespace minipy::vm {

namespace {

// Value words beyond the known names a class's first instances get, and the least it decays to
// (CPython 3.11 shrinks the shared keys' usable size by one per new instance in the same way).
constexpr uint16_t initial_slack = 6;
constexpr uint16_t least_slack = 1;
// After an instance ran out of words for a name the class knows: the next instances get this many.
constexpr uint16_t grown_slack = 4;

bool is_interned_str(const Object* name) {
    return name->type == name->type->vm->types().str && static_cast<const Str*>(name)->interned;
}

// Whether a value word after `index` is set (a new value at `index` would break the order).
bool set_after(InstanceValues* values, int index) {
    Object** words = values_words(values);
    for (int i = index + 1; i < values->end; ++i) {
        if (words[i])
            return true;
    }
    return false;
}

// Empties the value words, dropping the references only after every word is null (a __del__
// run by a decref sees a consistent instance).
void take_values(InstanceValues* values) {
    Object** words = values_words(values);
    Object* taken[shared_keys_max];
    int count = 0;
    for (int i = 0; i < values->end; ++i) {
        if (words[i]) {
            taken[count++] = words[i];
            words[i] = nullptr;
        }
    }
    values->end = 0;
    for (int i = 0; i < count; ++i)
        decref(taken[i]);
}

} // namespace

Ref<Type> allocate_heap_type(VM& vm) {
    Object* memory = vm.heap().allocate(vm.types().type, sizeof(Type) + sizeof(SharedKeys));
    if (!memory)
        return raise_memory_error(vm);
    return Ref<Type>::steal(static_cast<Type*>(memory));
}

void enable_inline_values(Type* type) {
    VM& vm = *type->vm;
    if (!is_heap_type(type) || solid_base(type) != vm.types().object ||
        heap_dict_offset(type) != sizeof(Object) || type->item_size != 0)
        return;
    SharedKeys* keys = shared_keys_of(type);
    constexpr size_t align = alignof(Object*);
    keys->values_offset = static_cast<uint32_t>((type->basic_size + align - 1) / align * align);
    keys->slack = initial_slack;
    keys->all_interned = true;
}

void shared_keys_clear(Type* type) {
    SharedKeys* keys = shared_keys_of(type);
    uint16_t count = keys->count;
    keys->count = 0;
    keys->all_interned = true;
    for (uint16_t i = 0; i < count; ++i) {
        Object* name = keys->names[i];
        keys->names[i] = nullptr;
        xdecref(name);
    }
}

Ref<Object> instance_values_allocate(VM& vm, Type* cls) {
    SharedKeys* keys = shared_keys_of(cls);
    uint32_t capacity = std::min<uint32_t>(keys->count + keys->slack, shared_keys_max);
    if (keys->slack > least_slack)
        --keys->slack;
    size_t bytes = keys->values_offset + sizeof(InstanceValues) + capacity * sizeof(Object*);
    Object* memory = vm.heap().allocate(cls, bytes);
    if (!memory)
        return raise_memory_error(vm);
    auto* values =
        reinterpret_cast<InstanceValues*>(reinterpret_cast<char*>(memory) + keys->values_offset);
    values->capacity = static_cast<uint8_t>(capacity);
    return Ref<Object>::steal(memory);
}

int shared_keys_index(SharedKeys* keys, Object* name) {
    int count = keys->count;
    for (int i = 0; i < count; ++i) {
        if (keys->names[i] == name)
            return i;
    }
    if (count == 0 || (keys->all_interned && is_interned_str(name)) || !is_str(name))
        return -1;
    for (int i = 0; i < count; ++i) {
        if (str_equal(keys->names[i], name))
            return i;
    }
    return -1;
}

int32_t shared_keys_cache_position(Type* type, Object* name) {
    SharedKeys* keys = shared_keys_of(type);
    int index = shared_keys_index(keys, name);
    return index >= 0 ? index : -(keys->count + 1);
}

Object* instance_values_get(Object* object, InstanceValues* values, Object* name) {
    int index = shared_keys_index(shared_keys_of(object->type), name);
    return index >= 0 && index < values->capacity ? values_words(values)[index] : nullptr;
}

Status instance_values_store(VM& vm, Object* object, InstanceValues* values, Object* name,
                             Object* value) {
    SharedKeys* keys = shared_keys_of(object->type);
    int index = shared_keys_index(keys, name);
    Object** words = values_words(values);
    if (!value) {
        if (index < 0 || index >= values->capacity || !words[index])
            return raise_attribute_error(vm, "'", object->type->name, "' object has no attribute '",
                                         str_to_utf8(name), "'");
        Object* old = words[index];
        words[index] = nullptr;
        while (values->end > 0 && !words[values->end - 1])
            --values->end;
        decref(old);
        return Status::ok;
    }
    if (index < 0 && keys->count < shared_keys_max && name->type == vm.types().str) {
        // A new name for the class: every instance may use this index from now on.
        index = keys->count;
        incref(name);
        keys->names[index] = name;
        keys->count = static_cast<uint16_t>(index + 1);
        if (!static_cast<Str*>(name)->interned)
            keys->all_interned = false;
    }
    if (index >= 0 && index < values->capacity) {
        if (Object* old = words[index]) {
            incref(value);
            words[index] = value;
            decref(old);
            return Status::ok;
        }
        if (index >= values->end || !set_after(values, index)) {
            incref(value);
            words[index] = value;
            values->end = static_cast<uint8_t>(index + 1);
            return Status::ok;
        }
    } else if (index >= values->capacity && keys->slack < grown_slack) {
        keys->slack = grown_slack; // instances need more words than they were given
    }
    // The values cannot express it (no room, or the order would differ): a dict from now on.
    Object* dict = instance_values_materialize(vm, object);
    if (!dict)
        return Status::error;
    Ref<Object> keep = Ref<Object>::borrow(dict);
    return dict_setitem(vm, dict, name, value);
}

Object* instance_values_materialize(VM& vm, Object* object) {
    Object*& word = values_dict_word(object);
    if (word)
        return word;
    InstanceValues* values = instance_values(object);
    Ref<Object> dict = dict_new(vm);
    if (!dict)
        return nullptr;
    SharedKeys* keys = shared_keys_of(object->type);
    Object** words = values_words(values);
    for (int i = 0; i < values->end && i < keys->count; ++i) {
        // str keys: the insertion runs no Python code.
        if (words[i] && !is_ok(dict_setitem(vm, dict.get(), keys->names[i], words[i])))
            return nullptr;
    }
    word = dict.release();
    take_values(values);
    return word;
}

int instance_values_traverse(Object* object, VisitFn visit, void* arg) {
    InstanceValues* values = instance_values(object);
    if (!values)
        return 0;
    Object** words = values_words(values);
    for (int i = 0; i < values->end; ++i) {
        if (words[i]) {
            if (int result = visit(words[i], arg))
                return result;
        }
    }
    return 0;
}

void instance_values_clear(Object* object) {
    if (InstanceValues* values = instance_values(object))
        take_values(values);
}

} // namespace minipy::vm
