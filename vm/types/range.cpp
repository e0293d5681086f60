// range, range_iterator and slice. See vm/types/range.h.
#include "vm/types/range.h"

#include <string>

#include "vm/eval_helpers.h"
#include "vm/runtime.h"
#include "vm/types/int.h"
#include "vm/types/seq_index.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

int64_t range_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop)
        return static_cast<int64_t>(
            (static_cast<uint64_t>(stop) - static_cast<uint64_t>(start) - 1) /
                static_cast<uint64_t>(step) +
            1);
    if (step < 0 && start > stop)
        return static_cast<int64_t>(
            (static_cast<uint64_t>(start) - static_cast<uint64_t>(stop) - 1) /
                (0 - static_cast<uint64_t>(step)) +
            1);
    return 0;
}

Ref<Object> range_construct(VM& vm, Type* cls, Object* const* args, size_t nargs, Object* kwnames) {
    if (kwnames && tuple_size(kwnames) > 0)
        return raise_type_error(vm, "range() takes no keyword arguments");
    if (nargs < 1 || nargs > 3)
        return raise_type_error(vm,
                                nargs == 0 ? "range expected at least 1 argument, got 0"
                                           : "range expected at most 3 arguments, got ",
                                nargs == 0 ? std::string() : std::to_string(nargs));
    int64_t values[3] = {0, 0, 1};
    for (size_t i = 0; i < nargs; ++i) {
        if (!is_ok(index_value(vm, args[i], values[i])))
            return nullptr;
    }
    int64_t start = nargs == 1 ? 0 : values[0];
    int64_t stop = nargs == 1 ? values[0] : values[1];
    int64_t step = nargs == 3 ? values[2] : 1;
    if (step == 0)
        return raise_value_error(vm, "range() arg 3 must not be zero");
    Ref<Range> r = allocate_object<Range>(vm, cls);
    if (!r)
        return nullptr;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = range_length(start, stop, step);
    return Ref<Object>(std::move(r).cast<Object>());
}

Ref<Object> range_repr(VM& vm, Object* self) {
    auto* r = static_cast<Range*>(self);
    std::string text = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
    if (r->step != 1)
        text += ", " + std::to_string(r->step);
    return str_from_utf8(vm, text + ")");
}

intptr_t range_len(VM&, Object* self) {
    return static_cast<intptr_t>(static_cast<Range*>(self)->length);
}

Ref<Object> range_getitem(VM& vm, Object* self, Object* key) {
    auto* r = static_cast<Range*>(self);
    Runtime& rt = runtime_of(vm);
    if (key->type == rt.types().slice) {
        intptr_t start = 0, stop = 0, step = 0, count = 0;
        if (!is_ok(
                slice_indices(vm, key, static_cast<intptr_t>(r->length), start, stop, step, count)))
            return nullptr;
        Ref<Range> result = allocate_object<Range>(vm, rt.types().range);
        if (!result)
            return nullptr;
        result->start = r->start + start * r->step;
        result->step = r->step * step;
        result->stop = r->start + stop * r->step; // as CPython: the mapped slice bounds
        result->length = count;
        return Ref<Object>(std::move(result).cast<Object>());
    }
    int64_t index = 0;
    Ref<Object> converted; // key.__index__()
    key = subscript_int(vm, key, converted, "range indices must be integers or slices, not ");
    if (!key)
        return nullptr;
    // An int past int64 is past any range's length here.
    if (!int_to_i64(key, index))
        return raise_index_error(vm, "range object index out of range");
    if (index < 0)
        index += r->length;
    if (index < 0 || index >= r->length)
        return raise_index_error(vm, "range object index out of range");
    return int_from_i64(vm, r->start + index * r->step);
}

int range_contains(VM& vm, Object* self, Object* item) {
    auto* r = static_cast<Range*>(self);
    int64_t value = 0;
    if (item->type != vm.types().int_ && item->type != vm.types().bool_) {
        for (int64_t i = 0; i < r->length; ++i) {
            Ref<Object> element = int_from_i64(vm, r->start + i * r->step);
            if (!element)
                return -1;
            int equal = object_rich_compare_bool(vm, element.get(), item, CompareOp::eq);
            if (equal != 0)
                return equal;
        }
        return 0;
    }
    if (!int_to_i64(item, value))
        return 0;
    if (r->step > 0 ? (value < r->start || value >= r->stop)
                    : (value > r->start || value <= r->stop))
        return 0;
    return (value - r->start) % r->step == 0;
}

Ref<Object> range_iter(VM& vm, Object* self) {
    auto* r = static_cast<Range*>(self);
    Ref<RangeIterator> it =
        allocate_object<RangeIterator>(vm, runtime_of(vm).types().range_iterator);
    if (!it)
        return nullptr;
    it->next = r->start;
    it->step = r->step;
    it->remaining = r->length;
    return Ref<Object>(std::move(it).cast<Object>());
}

Ref<Object> range_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    if (other->type != self->type || (op != CompareOp::eq && op != CompareOp::ne))
        return vm.new_not_implemented();
    auto* a = static_cast<Range*>(self);
    auto* b = static_cast<Range*>(other);
    bool equal =
        a->length == b->length &&
        (a->length == 0 || (a->start == b->start && (a->length == 1 || a->step == b->step)));
    return vm.new_bool(op == CompareOp::eq ? equal : !equal);
}

Ref<Object> range_iterator_next(VM& vm, Object* self) {
    auto* it = static_cast<RangeIterator*>(self);
    if (it->remaining <= 0)
        return nullptr;
    --it->remaining;
    int64_t value = it->next;
    it->next = range_iterator_advance(it->next, it->step);
    return int_from_i64(vm, value);
}

Ref<Object> range_getattr(VM& vm, Object* self, Object* name) {
    auto* r = static_cast<Range*>(self);
    std::string_view text = str_ascii_view(name);
    if (text == "start")
        return int_from_i64(vm, r->start);
    if (text == "stop")
        return int_from_i64(vm, r->stop);
    if (text == "step")
        return int_from_i64(vm, r->step);
    return get_attr_generic(vm, self, name);
}

// ====== slice

int slice_traverse(Object* self, VisitFn visit, void* arg) {
    auto* s = static_cast<Slice*>(self);
    for (Object* field : {s->start, s->stop, s->step}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    return 0;
}

void slice_clear(Object* self) {
    auto* s = static_cast<Slice*>(self);
    set_ref(s->start, nullptr);
    set_ref(s->stop, nullptr);
    set_ref(s->step, nullptr);
}

void slice_dealloc(Object* self) {
    slice_clear(self);
    vm_of(self).heap().release(self);
}

Ref<Object> slice_repr(VM& vm, Object* self) {
    auto* s = static_cast<Slice*>(self);
    std::string text = "slice(";
    Object* parts[] = {s->start, s->stop, s->step};
    for (size_t i = 0; i < 3; ++i) {
        Ref<Object> r = object_repr(vm, parts[i]);
        if (!r)
            return nullptr;
        text += str_to_utf8(r.get());
        if (i < 2) // not `part != step`: None is one object, slice(5) is slice(None, 5, None)
            text += ", ";
    }
    return str_from_utf8(vm, text + ")");
}

Ref<Object> slice_construct(VM& vm, Type*, Object* const* args, size_t nargs, Object*) {
    if (nargs < 1)
        return raise_type_error(vm, "slice expected at least 1 argument, got ", nargs);
    if (nargs > 3)
        return raise_type_error(vm, "slice expected at most 3 arguments, got ", nargs);
    Runtime& rt = runtime_of(vm);
    if (nargs == 1)
        return slice_new(rt, vm.none(), args[0], vm.none());
    return slice_new(rt, args[0], args[1], nargs == 3 ? args[2] : vm.none());
}

Ref<Object> slice_getattr(VM& vm, Object* self, Object* name) {
    auto* s = static_cast<Slice*>(self);
    std::string_view text = str_ascii_view(name);
    if (text == "start")
        return Ref<Object>::borrow(s->start);
    if (text == "stop")
        return Ref<Object>::borrow(s->stop);
    if (text == "step")
        return Ref<Object>::borrow(s->step);
    return get_attr_generic(vm, self, name);
}

Status slice_bound(VM& vm, Object* value, int64_t& out);

// slice.indices(length): (start, stop, step) clamped as for a sequence of that length.
Ref<Object> slice_indices_method(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    int64_t length = 0;
    if (!is_ok(index_value(vm, args[0], length)))
        return nullptr;
    if (length < 0)
        return raise_value_error(vm, "length should not be negative");
    intptr_t start = 0, stop = 0, step = 0, count = 0;
    if (!is_ok(slice_indices(vm, self, static_cast<intptr_t>(length), start, stop, step, count)))
        return nullptr;
    Ref<Object> a = int_from_i64(vm, start);
    Ref<Object> b = int_from_i64(vm, stop);
    Ref<Object> c = int_from_i64(vm, step);
    if (!a || !b || !c)
        return nullptr;
    return tuple_pack(vm, {a.get(), b.get(), c.get()});
}

// range.index(value) / range.count(value) (Library Reference 4.6.6).
Ref<Object> range_index_method(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    auto* r = static_cast<Range*>(self);
    int found = range_contains(vm, self, args[0]);
    if (found < 0)
        return nullptr;
    if (found && is_int(args[0])) {
        int64_t value = 0;
        if (int_to_i64(args[0], value))
            return int_from_i64(vm, (value - r->start) / r->step);
    }
    if (found) {
        for (int64_t i = 0; i < r->length; ++i) {
            Ref<Object> element = int_from_i64(vm, r->start + i * r->step);
            if (!element)
                return nullptr;
            int equal = object_rich_compare_bool(vm, element.get(), args[0], CompareOp::eq);
            if (equal < 0)
                return nullptr;
            if (equal)
                return int_from_i64(vm, i);
        }
    }
    Ref<Object> shown = object_repr(vm, args[0]);
    if (!shown)
        return nullptr;
    return raise_value_error(vm, str_to_utf8(shown.get()), " is not in range");
}

Ref<Object> range_count_method(VM& vm, Object* self, Object* const* args, size_t, Object*) {
    if (is_int(args[0]) &&
        (args[0]->type == vm.types().int_ || args[0]->type == vm.types().bool_)) {
        int found = range_contains(vm, self, args[0]);
        return found < 0 ? nullptr : int_from_i64(vm, found);
    }
    auto* r = static_cast<Range*>(self);
    int64_t count = 0;
    for (int64_t i = 0; i < r->length; ++i) {
        Ref<Object> element = int_from_i64(vm, r->start + i * r->step);
        if (!element)
            return nullptr;
        int equal = object_rich_compare_bool(vm, element.get(), args[0], CompareOp::eq);
        if (equal < 0)
            return nullptr;
        count += equal;
    }
    return int_from_i64(vm, count);
}

// range.__reduce__ / slice.__reduce__: (type, (start, stop, step)), what copy and pickle rebuild
// the object from.
Ref<Object> range_reduce(VM& vm, Object* self, Object* const*, size_t, Object*) {
    auto* r = static_cast<Range*>(self);
    Ref<Object> start = int_from_i64(vm, r->start);
    Ref<Object> stop = int_from_i64(vm, r->stop);
    Ref<Object> step = int_from_i64(vm, r->step);
    if (!start || !stop || !step)
        return nullptr;
    Ref<Object> args = tuple_pack(vm, {start.get(), stop.get(), step.get()});
    return args ? tuple_pack(vm, {self->type, args.get()}) : nullptr;
}

Ref<Object> slice_reduce(VM& vm, Object* self, Object* const*, size_t, Object*) {
    auto* s = static_cast<Slice*>(self);
    Ref<Object> args = tuple_pack(vm, {s->start, s->stop, s->step});
    return args ? tuple_pack(vm, {self->type, args.get()}) : nullptr;
}

constexpr MethodDef range_methods[] = {
    {"__reduce__", range_reduce, MethodKind::noargs, nullptr},
    {"index", range_index_method, MethodKind::o,
     "Return index of value. Raise ValueError if the value is not present."},
    {"count", range_count_method, MethodKind::o, "Return number of occurrences of value."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

constexpr MethodDef slice_methods[] = {
    {"indices", slice_indices_method, MethodKind::o, nullptr},
    {"__reduce__", slice_reduce, MethodKind::noargs, "Return state information for pickling."},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

Status slice_bound(VM& vm, Object* value, int64_t& out) {
    if (is_int(value)) {
        if (!int_to_i64(value, out))
            out = int_sign(value) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        return Status::ok;
    }
    if (value->type->slots.index) {
        Ref<Object> index = value->type->slots.index(vm, value);
        if (!index)
            return Status::error;
        return slice_bound(vm, index.get(), out);
    }
    return raise_type_error(vm, "slice indices must be integers or None or have an __index__ "
                                "method");
}

} // namespace

Status index_value(VM& vm, Object* value, int64_t& out) {
    if (is_int(value)) {
        if (!int_to_i64(value, out))
            return raise_overflow_error(vm, "Python int too large to convert to C ssize_t");
        return Status::ok;
    }
    if (value->type->slots.index) {
        Ref<Object> index = value->type->slots.index(vm, value);
        if (!index)
            return Status::error;
        return index_value(vm, index.get(), out);
    }
    return raise_type_error(vm, "'", value->type->name,
                            "' object cannot be interpreted as an integer");
}

Ref<Object> slice_new(Runtime& rt, Object* start, Object* stop, Object* step) {
    Ref<Slice> s = allocate_object<Slice>(rt.vm(), rt.types().slice);
    if (!s)
        return nullptr;
    incref(start);
    incref(stop);
    incref(step);
    s->start = start;
    s->stop = stop;
    s->step = step;
    return Ref<Object>(std::move(s).cast<Object>());
}

Status slice_indices(VM& vm, Object* slice, intptr_t length, intptr_t& start, intptr_t& stop,
                     intptr_t& step, intptr_t& count) {
    auto* s = static_cast<Slice*>(slice);
    int64_t step_value = 1;
    if (s->step != vm.none() && !is_ok(slice_bound(vm, s->step, step_value)))
        return Status::error;
    if (step_value == 0)
        return raise_value_error(vm, "slice step cannot be zero");
    int64_t lower = step_value < 0 ? -1 : 0;
    int64_t upper = step_value < 0 ? length - 1 : length;
    int64_t start_value = step_value < 0 ? upper : lower;
    int64_t stop_value = step_value < 0 ? lower : upper;
    auto clamp = [&](Object* bound, int64_t& out) -> Status {
        if (bound == vm.none())
            return Status::ok;
        if (!is_ok(slice_bound(vm, bound, out)))
            return Status::error;
        if (out < 0) {
            out += length;
            if (out < lower)
                out = lower;
        } else if (out > upper) {
            out = upper;
        }
        return Status::ok;
    };
    if (!is_ok(clamp(s->start, start_value)) || !is_ok(clamp(s->stop, stop_value)))
        return Status::error;
    start = static_cast<intptr_t>(start_value);
    stop = static_cast<intptr_t>(stop_value);
    step = static_cast<intptr_t>(step_value);
    if (step > 0)
        count = start < stop ? (stop - start - 1) / step + 1 : 0;
    else
        count = start > stop ? (start - stop - 1) / -step + 1 : 0;
    return Status::ok;
}

bool init_range_types(Runtime& rt) {
    VM& vm = rt.vm();
    TypeSpec range{};
    range.name = "range";
    range.basic_size = sizeof(Range);
    range.slots.dealloc = dealloc_plain;
    range.slots.repr = range_repr;
    range.slots.len = range_len;
    range.slots.getitem = range_getitem;
    range.slots.contains = range_contains;
    range.slots.iter = range_iter;
    range.slots.richcompare = range_richcompare;
    range.slots.getattr = range_getattr;
    range.methods = range_methods;
    TypeSpec iterator{};
    iterator.name = "range_iterator";
    iterator.basic_size = sizeof(RangeIterator);
    iterator.slots.dealloc = dealloc_plain;
    iterator.slots.iter = iter_self;
    iterator.slots.next = range_iterator_next;
    TypeSpec slice{};
    slice.name = "slice";
    slice.basic_size = sizeof(Slice);
    slice.flags = type_has_gc;
    slice.slots.dealloc = slice_dealloc;
    slice.slots.traverse = slice_traverse;
    slice.slots.clear = slice_clear;
    slice.slots.repr = slice_repr;
    slice.slots.hash = hash_not_implemented;
    slice.slots.getattr = slice_getattr;
    slice.methods = slice_methods;
    Ref<Type> range_type = make_type(vm, range);
    Ref<Type> iterator_type = make_type(vm, iterator);
    Ref<Type> slice_type = make_type(vm, slice);
    if (!range_type || !iterator_type || !slice_type)
        return false;
    rt.types().range = range_type.release();
    rt.types().range_iterator = iterator_type.release();
    rt.types().slice = slice_type.release();
    rt.set_constructor(rt.types().range, range_construct);
    rt.set_constructor(rt.types().slice, slice_construct);
    return true;
}

} // namespace minipy::vm
