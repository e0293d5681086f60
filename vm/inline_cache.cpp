// The inline caches of the eval loop. See vm/inline_cache.h for what keys an entry and why a hit
// gives the same answer as the generic protocol (vm/eval_helpers.cpp, vm/types/class.cpp).
#include "vm/inline_cache.h"

#include <cstdlib>

#include "gc/alloc.h"
#include "vm/code.h"
#include "vm/descriptors.h"
#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/eval_ops.h"
#include "vm/frame.h"
#include "vm/opcodes.h"
#include "vm/runtime.h"
#include "vm/traceback.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/instance_values.h"
#include "vm/types/member.h"
#include "vm/types/str.h"

namespace minipy::vm {

std::atomic<uint64_t> type_attribute_epoch{1};

namespace {

// The offset of the instance dict pointer when every instance of heap type `type` has it at the
// same place (a fixed-size solid base, or BaseExceptionObject's own dict field), else 0. `owner`
// is one of them.
size_t fixed_dict_offset(Type* type, Object* owner) {
    Type* solid = solid_base(type);
    if (has_flag(type, type_exception_subclass) && !has_flag(type, type_no_instance_dict) &&
        !is_heap_type(solid) && solid->item_size == 0) {
        auto* e = static_cast<BaseExceptionObject*>(owner);
        return static_cast<size_t>(reinterpret_cast<char*>(&e->dict) - reinterpret_cast<char*>(e));
    }
    if (is_heap_type(solid) || solid->item_size != 0)
        return 0;
    return heap_dict_offset(type);
}

bool is_dict_fast(Runtime& rt, Object* dict) {
    return dict->type == rt.vm().types().dict || is_dict(dict);
}

Object* dict_at(Object* owner, size_t offset) {
    return offset ? *reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + offset) : nullptr;
}

InstanceValues* values_at(Object* owner, size_t offset) {
    return reinterpret_cast<InstanceValues*>(reinterpret_cast<char*>(owner) + offset);
}

// An instance_values / method_values entry's view of owner.name while owner has no dict: true
// with the value word (null: not set) when the entry still describes owner's class keys.
bool values_lookup(Object* owner, const AttrCache& cache, Object*& found) {
    int32_t position = cache.position;
    if (position < 0) {
        found = nullptr; // absent while the class had -position - 1 names
        return shared_keys_of(owner->type)->count == -position - 1;
    }
    InstanceValues* values = values_at(owner, cache.dict_offset);
    found = position < values->capacity ? values_words(values)[position] : nullptr;
    return true;
}

// Whether `value`, found in a class dict, is its own answer to descriptor_get (a built-in type
// that is no descriptor; its type cannot change).
bool is_plain_value(VM& vm, const Object* value) {
    const Type* kind = value->type;
    const BuiltinTypes& types = vm.types();
    return kind == types.int_ || kind == types.str || kind == types.dict || kind == types.float_ ||
           kind == types.tuple || kind == types.bool_ || kind == types.none || kind == types.list ||
           kind == types.frozenset || kind == types.set;
}

// A name the generic protocol treats specially (so never cached).
bool is_special_name(Runtime& rt, Object* name) {
    return name->type != rt.vm().types().str || name == rt.names().__dict__ ||
           name == rt.names().__class__;
}

// Whether `name` is one an exception answers from its own fields (vm/types/class_attrs.cpp's
// exception_getattr / exception_setattr); for every other name a heap exception class's slots
// are instance_getattr's and set_attr_generic's protocol.
bool is_exception_field(Runtime& rt, Object* name) {
    const RuntimeNames& n = rt.names();
    return name == n.args || name == n.__traceback__ || name == n.__context__ ||
           name == n.__cause__ || name == n.__suppress_context__ || name == n.value ||
           name == n.__notes__;
}

// Whether `type` is a heap exception class whose attribute slot `slot` of (getattr or setattr)
// is still the one every exception class has.
template <class Slot>
bool is_plain_exception_class(Runtime& rt, Type* type, Slot TypeSlots::*slot) {
    return is_heap_type(type) && has_flag(type, type_exception_subclass) &&
           type->slots.*slot == rt.vm().exceptions().BaseException->slots.*slot;
}

// Whether instances of `type` use the generic attribute protocol for `name` with no Python-level
// __getattribute__ / __getattr__ (instance_getattr then equals get_attr_generic on a hit).
bool plain_getattr(Runtime& rt, Type* type, Object* name) {
    if (type->slots.getattr != instance_getattr &&
        (!is_plain_exception_class(rt, type, &TypeSlots::getattr) || is_exception_field(rt, name)))
        return false;
    Object* custom = type_lookup(type, rt.names().__getattribute__);
    if (custom && custom->type == rt.types().function)
        return false;
    return type_lookup(type, rt.names().__getattr__) == nullptr;
}

// A class attribute read on the class (Vec.scale): cached when it is a plain immutable value found
// along the mro of a class whose metaclass is `type` (so no metaclass descriptor or __getattr__
// can interfere, and type_getattr's answer is the mro dict entry itself).
void fill_class_value(Runtime& rt, Object* owner, Object* name, Object* value, AttrCache& cache,
                      uint64_t epoch) {
    VM& vm = rt.vm();
    Type* kind = value->type;
    if (type_epoch() != epoch || owner->type != vm.types().type || name->type != vm.types().str)
        return;
    if (kind != vm.types().int_ && kind != vm.types().float_ && kind != vm.types().str &&
        kind != vm.types().bool_ && kind != vm.types().none && kind != vm.types().tuple)
        return;
    std::string_view text = str_ascii_view(name);
    if (text.starts_with("__") || text == "mro")
        return;
    auto* type = static_cast<Type*>(owner);
    if (type_lookup(type, name) == value)
        cache = AttrCache{type, epoch, value, 0, AttrCacheKind::class_value, -1};
}

// A data descriptor the cached paths handle without the generic protocol: a __slots__ member (its
// word read or written in place) or, for loads, a property whose getter is a Python function
// (called directly). True when `cache` was filled.
bool fill_fast_descriptor(Runtime& rt, Type* type, Object* descriptor, bool load, AttrCache& cache,
                          uint64_t epoch) {
    if (!descriptor)
        return false;
    if (descriptor->type == rt.types().member_descriptor) {
        auto* member = static_cast<MemberDescriptor*>(descriptor);
        if (member->after_items || !is_subtype(type, member->objclass))
            return false;
        cache = AttrCache{type, epoch, descriptor, member->offset, AttrCacheKind::slot, -1};
        return true;
    }
    if (load && descriptor->type == rt.types().property) {
        Object* getter = static_cast<Property*>(descriptor)->fget;
        if (!getter || getter->type != rt.types().function)
            return false;
        cache = AttrCache{type, epoch, descriptor, 0, AttrCacheKind::property, -1};
        return true;
    }
    return false;
}

void fill_load_attr(Runtime& rt, Object* owner, Object* name, AttrCache& cache, uint64_t epoch) {
    Type* type = owner->type;
    if (type_epoch() != epoch || is_special_name(rt, name) || !plain_getattr(rt, type, name))
        return;
    Object* descriptor = type_lookup(type, name);
    if (fill_fast_descriptor(rt, type, descriptor, true, cache, epoch))
        return;
    AttrCacheKind kind = AttrCacheKind::instance_dict;
    size_t offset = 0;
    if (descriptor && is_data_descriptor(rt, descriptor) && !has_descriptor_get(rt, descriptor))
        return; // __set__ without __get__: the generic protocol reads the instance dict first
    if (descriptor && is_data_descriptor(rt, descriptor)) {
        kind = AttrCacheKind::data_descriptor;
    } else if (instance_values(owner)) {
        cache = AttrCache{type,
                          epoch,
                          descriptor,
                          shared_keys_of(type)->values_offset,
                          AttrCacheKind::instance_values,
                          shared_keys_cache_position(type, name)};
        return;
    } else {
        offset = fixed_dict_offset(type, owner);
        if (!offset && (!descriptor || heap_instance_dict(owner)))
            return;
    }
    Object* dict = dict_at(owner, offset);
    intptr_t position = dict && is_dict(dict) ? dict_position_of(dict, name) : -1;
    cache = AttrCache{type, epoch, descriptor, offset, kind, static_cast<int32_t>(position)};
}

void fill_store_attr(Runtime& rt, Object* owner, Object* name, AttrCache& cache, uint64_t epoch) {
    Type* type = owner->type;
    if (type_epoch() != epoch || is_special_name(rt, name))
        return;
    if (type->slots.setattr != instance_setattr &&
        (!is_plain_exception_class(rt, type, &TypeSlots::setattr) || is_exception_field(rt, name)))
        return;
    Object* custom = type_lookup(type, rt.names().__setattr__);
    if (custom && custom->type == rt.types().function)
        return;
    Object* descriptor = type_lookup(type, name);
    if (fill_fast_descriptor(rt, type, descriptor, false, cache, epoch))
        return;
    if (descriptor && is_data_descriptor(rt, descriptor)) {
        cache = AttrCache{type, epoch, descriptor, 0, AttrCacheKind::data_descriptor, -1};
        return;
    }
    if (instance_values(owner)) {
        int32_t position = shared_keys_cache_position(type, name);
        if (position >= 0)
            cache = AttrCache{type,
                              epoch,
                              nullptr,
                              shared_keys_of(type)->values_offset,
                              AttrCacheKind::instance_values,
                              position};
        return;
    }
    // __slots__ restricts the names (instance_setattr) by the type alone: this store passed, so
    // every store of this name into an instance of this type passes while the epoch holds.
    size_t offset = fixed_dict_offset(type, owner);
    Object* dict = dict_at(owner, offset);
    if (offset && dict && is_dict(dict))
        cache = AttrCache{type,
                          epoch,
                          nullptr,
                          offset,
                          AttrCacheKind::instance_dict,
                          static_cast<int32_t>(dict_position_of(dict, name))};
}

// After load_method answered `method` unbound for owner.name: when the same answer holds for every
// instance of the type while nothing changes, remember it.
void fill_load_method(Runtime& rt, Object* owner, Object* name, Object* method, AttrCache& cache,
                      uint64_t epoch) {
    Type* type = owner->type;
    if (type_epoch() != epoch || name->type != rt.vm().types().str)
        return;
    if (method->type == rt.types().function) {
        // load_method's first branch: a function on the type, not shadowed by the instance dict.
        auto slot = type->slots.getattr;
        if ((slot != nullptr && slot != instance_getattr) || type_lookup(type, name) != method)
            return;
        size_t offset = 0;
        if (instance_values(owner)) {
            cache = AttrCache{type,
                              epoch,
                              method,
                              shared_keys_of(type)->values_offset,
                              AttrCacheKind::method_values,
                              shared_keys_cache_position(type, name)};
            return;
        }
        if (is_heap_type(type)) {
            offset = fixed_dict_offset(type, owner);
            if (!offset && heap_instance_dict(owner))
                return;
        } else if (instance_dict_slot(owner)) {
            return;
        }
        cache = AttrCache{type, epoch, method, offset, AttrCacheKind::method, -1};
        return;
    }
    // The built-in method branch (list.append): a built-in type, immutable.
    if (type->slots.getattr == nullptr && !is_heap_type(type) && !instance_dict_slot(owner))
        cache = AttrCache{type, epoch, method, 0, AttrCacheKind::builtin_method, -1};
}

// The instance dict set_attr_generic makes on an instance's first attribute (borrowed: the
// instance holds it), or null (MemoryError is then left for the generic path to raise again).
Object* new_instance_dict(VM& vm, Object* owner, size_t offset) {
    Ref<Object> dict = dict_new(vm);
    if (!dict) {
        vm.thread_state().clear_exception();
        return nullptr;
    }
    // As set_attr_generic: CPython keeps such attributes inline, so the dict does not count
    // toward the collector's generation-0 threshold.
    if (vm.heap().generation_counter(0) > 0)
        --vm.heap().generation_counter(0);
    Object*& word = *reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + offset);
    word = dict.release();
    return word;
}

// The ways of a polymorphic attribute site: attr_cache_ways consecutive entries of the side table.
AttrCache& way(AttrCache& first, int index) {
    return (reinterpret_cast<InlineCache*>(&first) + index)->attr;
}

// The way of a STORE_ATTR or LOAD_METHOD site that caches `type` at `epoch`, or null. Ways are
// filled front first, so an empty one ends the search.
AttrCache* find_way(AttrCache& first, const Type* type, uint64_t epoch) {
    for (int i = 0; i < attr_cache_ways; ++i) {
        AttrCache& entry = way(first, i);
        if (entry.kind == AttrCacheKind::empty)
            return nullptr;
        if (entry.type == type && entry.epoch == epoch)
            return &entry;
    }
    return nullptr;
}

// Remembers `fresh` (filled by a fill_* function, or still empty) at the site: in the way that
// held the same key (a stale entry), else in front, the others moving back (the last one falls
// out), so a monomorphic site hits at its first way.
void remember(AttrCache& first, const AttrCache& fresh) {
    if (fresh.kind == AttrCacheKind::empty)
        return;
    int at = attr_cache_ways - 1;
    for (int i = 0; i < attr_cache_ways; ++i) {
        AttrCache& entry = way(first, i);
        if (entry.kind == AttrCacheKind::empty || entry.type == fresh.type) {
            at = i;
            break;
        }
    }
    for (int i = at; i > 0; --i)
        way(first, i) = way(first, i - 1);
    first = fresh;
}

} // namespace

bool has_inline_cache(uint32_t opcode) {
    switch (static_cast<Opcode>(opcode)) {
    case Opcode::LOAD_ATTR:
    case Opcode::STORE_ATTR:
    case Opcode::LOAD_METHOD:
    case Opcode::LOAD_GLOBAL:
        return true;
    default:
        return false;
    }
}

bool inline_caches_init(Code* code) {
    static_assert(cache_words(Opcode::LOAD_GLOBAL) >= 1 && cache_words(Opcode::LOAD_ATTR) >= 1 &&
                  cache_words(Opcode::STORE_ATTR) >= 1 && cache_words(Opcode::LOAD_METHOD) >= 1);
    uint32_t count = 0;
    size_t size = code->instruction_count;
    uint32_t* words = code->instructions;
    for (size_t i = 0; i < size;
         i += 1 + static_cast<size_t>(cache_words(instruction_opcode(words[i])))) {
        uint32_t opcode = words[i] & 0xFF;
        if (has_inline_cache(opcode) && i + 1 < size) {
            words[i + 1] = count;
            count += static_cast<Opcode>(opcode) == Opcode::LOAD_GLOBAL ? 1 : attr_cache_ways;
        }
    }
    code->inline_caches = nullptr;
    if (count == 0)
        return true;
    code->inline_caches = static_cast<InlineCache*>(gc::mem_calloc(count, sizeof(InlineCache)));
    return code->inline_caches != nullptr;
}

void inline_caches_free(Code* code) {
    gc::mem_free(code->inline_caches);
    code->inline_caches = nullptr;
}

// ====== Attributes

namespace {

// owner.name through a property whose getter is a Python function: the getter's frame is pushed
// as CALL pushes one (eval_function binds the single argument exactly), without descriptor_get's
// and call_object's dispatch. The getter is held: the class may drop the property meanwhile.
Ref<Object> call_property_getter(Runtime& rt, Object* property, Object* owner) {
    Ref<Object> getter = Ref<Object>::borrow(static_cast<Property*>(property)->fget);
    return eval_function(rt, static_cast<Function*>(getter.get()), &owner, 1, nullptr);
}

// A hit of one way of a LOAD_ATTR site: true with the answer in `value` (null: raised), false
// when the way does not apply (then the next way, or the generic protocol, answers).
bool load_attr_hit(Runtime& rt, Object* owner, Object* name, AttrCache& cache, Ref<Object>& value) {
    Type* type = owner->type;
    if (cache.kind == AttrCacheKind::class_value) {
        if (owner != cache.type)
            return false;
        value = Ref<Object>::borrow(cache.descriptor);
        return true;
    }
    if (cache.type != type)
        return false;
    if (cache.kind == AttrCacheKind::slot) {
        Object* found =
            *reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + cache.dict_offset);
        if (!found)
            return false; // unset: the generic protocol raises AttributeError
        value = Ref<Object>::borrow(found);
        return true;
    }
    if (cache.kind == AttrCacheKind::property) {
        value = call_property_getter(rt, cache.descriptor, owner);
        if (!value)
            attribute_error_add_context(rt.vm(), owner, name);
        return true;
    }
    if (cache.kind == AttrCacheKind::instance_values ||
        cache.kind == AttrCacheKind::instance_dict) {
        // The instance's own value first (inline values or its dict), then the class's.
        Object* found = nullptr;
        if (cache.kind == AttrCacheKind::instance_values) {
            if (Object* dict = values_dict_word(owner)) {
                if (!is_dict_fast(rt, dict))
                    return false;
                if (dict_lookup(rt.vm(), dict, name, &found) < 0)
                    return true; // value stays null: raised
            } else if (!values_lookup(owner, cache, found)) {
                return false; // the class learnt new names since: the generic protocol answers
            }
        } else if (Object* dict = dict_at(owner, cache.dict_offset);
                   dict && is_dict_fast(rt, dict)) {
            found = dict_value_at(dict, name, cache.position);
            if (!found) {
                if (dict_lookup(rt.vm(), dict, name, &found) < 0)
                    return true; // value stays null: raised
                if (found)
                    cache.position = static_cast<int32_t>(dict_position_of(dict, name));
            }
        }
        if (found) {
            value = Ref<Object>::borrow(found);
            return true;
        }
        Object* descriptor = cache.descriptor;
        if (!descriptor)
            return false; // the generic protocol raises AttributeError (or finds it elsewhere)
        if (descriptor->type == rt.types().function) {
            value = method_new(rt, descriptor, owner);
            return true;
        }
        if (is_plain_value(rt.vm(), descriptor)) {
            value = Ref<Object>::borrow(descriptor); // what descriptor_get answers for it
            return true;
        }
    } else if (cache.kind != AttrCacheKind::data_descriptor) {
        return false;
    }
    Ref<Object> keep = Ref<Object>::borrow(cache.descriptor);
    value = descriptor_get(rt, cache.descriptor, owner, type);
    if (!value)
        attribute_error_add_context(rt.vm(), owner, name);
    return true;
}

} // namespace

Ref<Object> cached_load_attr(Runtime& rt, Object* owner, Object* name, AttrCache& cache) {
    uint64_t epoch = type_epoch();
    for (int i = 0; i < attr_cache_ways; ++i) {
        AttrCache& entry = way(cache, i);
        if (entry.kind == AttrCacheKind::empty)
            break;
        Ref<Object> value;
        if (entry.epoch == epoch && load_attr_hit(rt, owner, name, entry, value))
            return value;
    }
    Ref<Object> value = get_attr(rt.vm(), owner, name);
    AttrCache fresh{};
    if (value && owner->type == rt.vm().types().type)
        fill_class_value(rt, owner, name, value.get(), fresh, epoch);
    else if (value)
        fill_load_attr(rt, owner, name, fresh, epoch);
    remember(cache, fresh);
    return value;
}

Function* property_way_getter(const AttrCache& cache) {
    return static_cast<Function*>(static_cast<Property*>(cache.descriptor)->fget);
}

Status cached_store_attr(Runtime& rt, Object* owner, Object* name, Object* value,
                         AttrCache& cache) {
    uint64_t epoch = type_epoch();
    if (AttrCache* entry = find_way(cache, owner->type, epoch)) {
        if (entry->kind == AttrCacheKind::instance_dict) {
            Object* dict = dict_at(owner, entry->dict_offset);
            if (!dict && value)
                dict = new_instance_dict(rt.vm(), owner, entry->dict_offset);
            if (dict && is_dict_fast(rt, dict)) {
                if (dict_replace_at(dict, name, entry->position, value))
                    return Status::ok;
                Status status = dict_setitem(rt.vm(), dict, name, value);
                entry->position = static_cast<int32_t>(dict_position_of(dict, name));
                return status;
            }
        } else if (entry->kind == AttrCacheKind::instance_values && value) {
            Object* dict = values_dict_word(owner);
            if (!dict) {
                InstanceValues* values = values_at(owner, entry->dict_offset);
                int32_t position = entry->position;
                if (position < values->capacity) {
                    Object** words = values_words(values);
                    if (Object* old = words[position]) {
                        incref(value);
                        words[position] = value;
                        decref(old);
                        return Status::ok;
                    }
                    if (position >= values->end) { // a new attribute, after the others
                        incref(value);
                        words[position] = value;
                        values->end = static_cast<uint8_t>(position + 1);
                        return Status::ok;
                    }
                }
                return instance_values_store(rt.vm(), owner, values, name, value);
            }
            if (is_dict_fast(rt, dict))
                return dict_setitem(rt.vm(), dict, name, value);
        } else if (entry->kind == AttrCacheKind::slot && value) {
            incref(value);
            set_ref(
                *reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + entry->dict_offset),
                value);
            return Status::ok;
        } else if (entry->kind == AttrCacheKind::data_descriptor) {
            Ref<Object> keep = Ref<Object>::borrow(entry->descriptor);
            return descriptor_set(rt, entry->descriptor, owner, value, name);
        }
    }
    Status status = set_attr(rt.vm(), owner, name, value);
    if (is_ok(status)) {
        AttrCache fresh{};
        fill_store_attr(rt, owner, name, fresh, epoch);
        remember(cache, fresh);
    }
    return status;
}

Status cached_load_method(Runtime& rt, Object* owner, Object* name, Ref<Object>& method,
                          bool& unbound, AttrCache& cache) {
    uint64_t epoch = type_epoch();
    if (AttrCache* entry = find_way(cache, owner->type, epoch)) {
        if (entry->kind == AttrCacheKind::method) {
            Object* dict = dict_at(owner, entry->dict_offset);
            Object* shadow = nullptr;
            if (dict && is_dict_fast(rt, dict) && dict_size(dict) > 0 &&
                dict_lookup(rt.vm(), dict, name, &shadow) < 0)
                return Status::error;
            if (!shadow) {
                method = Ref<Object>::borrow(entry->descriptor);
                unbound = true;
                return Status::ok;
            }
        } else if (entry->kind == AttrCacheKind::method_values) {
            Object* shadow = nullptr;
            bool valid = true;
            if (Object* dict = values_dict_word(owner)) {
                valid = is_dict_fast(rt, dict);
                if (valid && dict_size(dict) > 0 && dict_lookup(rt.vm(), dict, name, &shadow) < 0)
                    return Status::error;
            } else {
                valid = values_lookup(owner, *entry, shadow);
            }
            if (valid && !shadow) {
                method = Ref<Object>::borrow(entry->descriptor);
                unbound = true;
                return Status::ok;
            }
        } else if (entry->kind == AttrCacheKind::builtin_method) {
            method = Ref<Object>::borrow(entry->descriptor);
            unbound = true;
            return Status::ok;
        }
    }
    Status status = load_method(rt.vm(), owner, name, method, unbound);
    if (is_ok(status) && unbound) {
        AttrCache fresh{};
        fill_load_method(rt, owner, name, method.get(), fresh, epoch);
        remember(cache, fresh);
    }
    return status;
}

// ====== Globals

Object* cached_load_global(Runtime& rt, Frame* frame, Object* name, GlobalCache& cache) {
    auto* globals = static_cast<Dict*>(frame->globals);
    auto* builtins = static_cast<Dict*>(frame->builtins);
    if (cache.globals == globals && cache.builtins == builtins &&
        cache.globals_version == globals->version && cache.builtins_version == builtins->version &&
        cache.value)
        return cache.value;
    bool cacheable = is_dict(globals) && is_dict(builtins);
    uint64_t globals_version = cacheable ? globals->version : 0;
    uint64_t builtins_version = cacheable ? builtins->version : 0;
    Ref<Object> value = load_global(rt, frame, name);
    if (!value)
        return nullptr;
    // A lookup that ran a key's __eq__ may have changed a dict: cache only an unchanged answer.
    if (cacheable && globals->version == globals_version && builtins->version == builtins_version)
        cache = GlobalCache{globals, globals_version, builtins, builtins_version, value.get()};
    return value.get();
}

} // namespace minipy::vm
