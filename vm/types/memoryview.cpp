// memoryview over bytes and bytearray (Library Reference 4.8.4), one-dimensional with format 'B':
// indexing gives ints, slicing (with steps) gives a view of the same buffer, tobytes()/tolist()/
// hex() copy out, and a view of a bytearray is writable. A view reads its object's current data
// on each access, so a bytearray resized under it never lets it read out of bounds.
#include <cstdio>
#include <string>

#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/bytes.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/memoryview.h"
#include "vm/types/range.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

struct MemoryView : Object {
    Object* base; // bytes or bytearray (owned), null once released
    intptr_t start;
    intptr_t step;
    intptr_t length;
};

MemoryView* as_view(Object* object) {
    return static_cast<MemoryView*>(object);
}

int view_traverse(Object* self, VisitFn visit, void* arg) {
    Object* base = as_view(self)->base;
    return base ? visit(base, arg) : 0;
}
void view_clear(Object* self) {
    set_ref(as_view(self)->base, nullptr);
}
void view_dealloc(Object* self) {
    view_clear(self);
    vm_of(self).heap().release(self);
}

Status check_released(VM& vm, Object* self) {
    if (!as_view(self)->base)
        return raise_value_error(vm, "operation forbidden on released memoryview object");
    return Status::ok;
}

// The byte at view index i (0 <= i < length), or -1 when the buffer shrank under the view.
int byte_at(Object* self, intptr_t i) {
    MemoryView* v = as_view(self);
    std::string_view data;
    bytes_like(v->base, data);
    intptr_t at = v->start + i * v->step;
    if (at < 0 || static_cast<size_t>(at) >= data.size())
        return -1;
    return static_cast<unsigned char>(data[static_cast<size_t>(at)]);
}

Status copy_out(VM& vm, Object* self, std::string& out) {
    if (!is_ok(check_released(vm, self)))
        return Status::error;
    out.clear();
    for (intptr_t i = 0; i < as_view(self)->length; ++i) {
        int b = byte_at(self, i);
        if (b < 0)
            return raise_index_error(vm, "memoryview: underlying buffer was resized");
        out.push_back(static_cast<char>(b));
    }
    return Status::ok;
}

Ref<Object> make_view(VM& vm, Type* type, Object* base, intptr_t start, intptr_t step,
                      intptr_t length) {
    Ref<MemoryView> v = allocate_object<MemoryView>(vm, type);
    if (!v)
        return nullptr;
    incref(base);
    v->base = base;
    v->start = start;
    v->step = step;
    v->length = length;
    return Ref<Object>(std::move(v).cast<Object>());
}

Ref<Object> view_repr(VM& vm, Object* self) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "<%smemory at %p>", as_view(self)->base ? "" : "released ",
                  static_cast<void*>(self));
    return str_from_utf8(vm, buffer);
}

intptr_t view_len(VM& vm, Object* self) {
    if (!is_ok(check_released(vm, self)))
        return -1;
    return as_view(self)->length;
}

Status view_index(VM& vm, Object* self, Object* key, intptr_t& index) {
    if (!is_int(key) && !key->type->slots.index)
        return raise_type_error(vm, "memoryview: invalid slice key");
    int64_t i = 0;
    if (!is_ok(index_value(vm, key, i)))
        return Status::error;
    intptr_t length = as_view(self)->length;
    if (i < 0)
        i += length;
    if (i < 0 || i >= length)
        return raise_index_error(vm, "index out of bounds on dimension 1");
    index = static_cast<intptr_t>(i);
    return Status::ok;
}

Ref<Object> view_getitem(VM& vm, Object* self, Object* key) {
    if (!is_ok(check_released(vm, self)))
        return nullptr;
    MemoryView* v = as_view(self);
    if (key->type == runtime_of(vm).types().slice) {
        intptr_t start = 0, stop = 0, step = 0, count = 0;
        if (!is_ok(slice_indices(vm, key, v->length, start, stop, step, count)))
            return nullptr;
        return make_view(vm, self->type, v->base, v->start + start * v->step, v->step * step,
                         count);
    }
    intptr_t index = 0;
    if (!is_ok(view_index(vm, self, key, index)))
        return nullptr;
    int b = byte_at(self, index);
    if (b < 0)
        return raise_index_error(vm, "memoryview: underlying buffer was resized");
    return int_from_i64(vm, b);
}

Status view_setitem(VM& vm, Object* self, Object* key, Object* value) {
    if (!is_ok(check_released(vm, self)))
        return Status::error;
    MemoryView* v = as_view(self);
    if (!is_bytearray(v->base))
        return raise_type_error(vm, "cannot modify read-only memory");
    if (!value)
        return raise_type_error(vm, "cannot delete memory");
    std::string data(bytearray_view(v->base));
    auto put = [&](intptr_t i, char byte) -> Status {
        intptr_t at = v->start + i * v->step;
        if (at < 0 || static_cast<size_t>(at) >= data.size())
            return raise_index_error(vm, "memoryview: underlying buffer was resized");
        data[static_cast<size_t>(at)] = byte;
        return Status::ok;
    };
    if (key->type == runtime_of(vm).types().slice) {
        intptr_t start = 0, stop = 0, step = 0, count = 0;
        if (!is_ok(slice_indices(vm, key, v->length, start, stop, step, count)))
            return Status::error;
        std::string_view source;
        if (!bytes_like(value, source))
            return raise_type_error(vm, "a bytes-like object is required, not '", value->type->name,
                                    "'");
        if (static_cast<intptr_t>(source.size()) != count)
            return raise_value_error(vm, "memoryview assignment: lvalue and rvalue have "
                                         "different structures");
        std::string copy(source);
        for (intptr_t i = 0; i < count; ++i) {
            if (!is_ok(put(start + i * step, copy[static_cast<size_t>(i)])))
                return Status::error;
        }
        return bytearray_assign(vm, v->base, data);
    }
    intptr_t index = 0;
    if (!is_ok(view_index(vm, self, key, index)))
        return Status::error;
    int64_t byte = 0;
    if (!is_int(value) || !int_to_i64(value, byte) || byte < 0 || byte > 255)
        return raise_value_error(vm, "memoryview: invalid value for format 'B'");
    if (!is_ok(put(index, static_cast<char>(byte))))
        return Status::error;
    return bytearray_assign(vm, v->base, data);
}

Ref<Object> view_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (op != CompareOp::eq && op != CompareOp::ne)
        return vm.new_not_implemented();
    std::string mine;
    if (!as_view(self)->base)
        return vm.new_bool((self == other) == (op == CompareOp::eq));
    if (!is_ok(copy_out(vm, self, mine)))
        return nullptr;
    std::string theirs;
    std::string_view view;
    if (other->type == self->type) {
        if (!is_ok(copy_out(vm, other, theirs)))
            return nullptr;
    } else if (bytes_like(other, view)) {
        theirs.assign(view);
    } else {
        return vm.new_not_implemented();
    }
    return vm.new_bool((mine == theirs) == (op == CompareOp::eq));
}

Ref<Object> view_getattr(VM& vm, Object* self, Object* name) {
    std::string_view text = str_ascii_view(name);
    MemoryView* v = as_view(self);
    if (text == "obj" || text == "nbytes" || text == "readonly" || text == "shape" ||
        text == "strides") {
        if (!is_ok(check_released(vm, self)))
            return nullptr;
        if (text == "obj")
            return Ref<Object>::borrow(v->base);
        if (text == "nbytes")
            return int_from_i64(vm, v->length);
        if (text == "readonly")
            return vm.new_bool(!is_bytearray(v->base));
        Ref<Object> n = int_from_i64(vm, text == "shape" ? v->length : v->step);
        return n ? tuple_pack(vm, {n.get()}) : nullptr;
    }
    if (text == "itemsize")
        return int_from_i64(vm, 1);
    if (text == "ndim")
        return int_from_i64(vm, 1);
    if (text == "format")
        return str_from_utf8(vm, "B");
    if (text == "released")
        return vm.new_bool(!v->base);
    if (text == "contiguous" || text == "c_contiguous" || text == "f_contiguous")
        return vm.new_bool(v->step == 1 || v->length <= 1);
    return get_attr_generic(vm, self, name);
}

Ref<Object> mv_tobytes(VM& vm, Object* self, Object* const*, size_t, Object*) {
    std::string data;
    if (!is_ok(copy_out(vm, self, data)))
        return nullptr;
    return bytes_new(vm, data);
}
Ref<Object> mv_tolist(VM& vm, Object* self, Object* const*, size_t, Object*) {
    std::string data;
    if (!is_ok(copy_out(vm, self, data)))
        return nullptr;
    Ref<Object> list = list_new(vm, data.size());
    if (!list)
        return nullptr;
    for (char c : data) {
        Ref<Object> item = int_from_i64(vm, static_cast<unsigned char>(c));
        if (!item || !is_ok(list_append(vm, list.get(), item.get())))
            return nullptr;
    }
    return list;
}
Ref<Object> mv_hex(VM& vm, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    std::string data;
    if (!is_ok(copy_out(vm, self, data)))
        return nullptr;
    Ref<Object> copy = bytes_new(vm, data);
    if (!copy)
        return nullptr;
    const MethodDef* hex = find_method(copy->type, "hex");
    return hex ? hex->function(vm, copy.get(), args, nargs, kwnames) : nullptr;
}
Ref<Object> mv_release(VM& vm, Object* self, Object* const*, size_t, Object*) {
    view_clear(self);
    return vm.new_none();
}
Ref<Object> mv_enter(VM& vm, Object* self, Object* const*, size_t, Object*) {
    if (!is_ok(check_released(vm, self)))
        return nullptr;
    return Ref<Object>::borrow(self);
}
Ref<Object> mv_exit(VM& vm, Object* self, Object* const*, size_t, Object*) {
    view_clear(self);
    return vm.new_none();
}

constexpr MethodDef memoryview_methods[] = {
    {"tobytes", mv_tobytes, MethodKind::fastcall,
     "Return the data in the buffer as a byte string."},
    {"tolist", mv_tolist, MethodKind::noargs,
     "Return the data in the buffer as a list of elements."},
    {"hex", mv_hex, MethodKind::fastcall_keywords,
     "Return the data in the buffer as a str of hexadecimal numbers."},
    {"release", mv_release, MethodKind::noargs,
     "Release the underlying buffer exposed by the memoryview object."},
    {"__enter__", mv_enter, MethodKind::noargs, nullptr},
    {"__exit__", mv_exit, MethodKind::fastcall, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

Type* make_memoryview_type(VM& vm) {
    TypeSpec spec{};
    spec.name = "memoryview";
    spec.basic_size = sizeof(MemoryView);
    spec.flags = type_has_gc;
    TypeSlots& s = spec.slots;
    s.dealloc = view_dealloc;
    s.traverse = view_traverse;
    s.clear = view_clear;
    s.repr = view_repr;
    s.len = view_len;
    s.getitem = view_getitem;
    s.setitem = view_setitem;
    s.richcompare = view_richcompare;
    s.getattr = view_getattr;
    s.hash = hash_not_implemented;
    spec.methods = memoryview_methods;
    return make_type(vm, spec).release();
}

Ref<Object> memoryview_new(VM& vm, Type* type, Object* object) {
    std::string_view data;
    if (type->slots.dealloc == view_dealloc && object->type == type) {
        MemoryView* v = as_view(object);
        if (!is_ok(check_released(vm, object)))
            return nullptr;
        return make_view(vm, type, v->base, v->start, v->step, v->length);
    }
    if (!bytes_like(object, data))
        return raise_type_error(vm, "memoryview: a bytes-like object is required, not '",
                                object->type->name, "'");
    return make_view(vm, type, object, 0, 1, static_cast<intptr_t>(data.size()));
}

} // namespace minipy::vm
