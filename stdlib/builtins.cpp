// The `builtins` module: print, len, repr, isinstance, getattr & co., min/max/sum/sorted, any/all,
// chr/ord/hex/oct/bin, divmod/pow/round/abs, id/hash, iter/next, globals/locals/vars, and the
// built-in classes and exceptions under their names.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "stdlib/builtins_support.h"
#include "stdlib/io.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/eval_ops.h"
#include "vm/frame.h"
#include "vm/import.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/types/bytes.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/list_sort.h"
#include "vm/types/module.h"
#include "vm/types/number_fast.h"
#include "vm/types/range.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::stdlib {

using namespace minipy::vm;

Object* keyword_argument(Object* const* args, size_t npos, Object* kwnames, std::string_view name) {
    if (!kwnames)
        return nullptr;
    for (intptr_t i = 0; i < tuple_size(kwnames); ++i) {
        if (str_ascii_view(tuple_items(kwnames)[i]) == name)
            return args[npos + static_cast<size_t>(i)];
    }
    return nullptr;
}

Status check_keywords(VM& vm, const char* function, Object* kwnames,
                      std::initializer_list<std::string_view> allowed) {
    if (!kwnames)
        return Status::ok;
    for (intptr_t i = 0; i < tuple_size(kwnames); ++i) {
        std::string_view name = str_ascii_view(tuple_items(kwnames)[i]);
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            return raise_type_error(vm, function, "() got an unexpected keyword argument '",
                                    str_to_utf8(tuple_items(kwnames)[i]), "'");
    }
    return Status::ok;
}

Status sort_list(VM& vm, Object* list, Object* key, bool reverse) {
    return list_sort_in_place(vm, list, key, reverse);
}

namespace {

using Args = Object* const*;

// ====== Output: print and input live in stdlib/mod_io.cpp (they write through sys.stdout).

// ====== Introspection

// Exact str, list, tuple and dict answer without the len slot's dispatch (CPython 3.11's
// CALL_NO_KW_LEN does the same for every sized type through sq_length).
Ref<Object> builtin_len(VM& vm, Object*, Args args, size_t, Object*) {
    Object* object = args[0];
    const Type* type = object->type;
    intptr_t length = 0;
    if (type == vm.types().str)
        length = str_length(object);
    else if (type == vm.types().list)
        length = list_size(object);
    else if (type == vm.types().tuple)
        length = tuple_size(object);
    else if (type == vm.types().dict)
        length = dict_size(object);
    else if ((length = object_len(vm, object)) < 0)
        return nullptr;
    return int_from_i64(vm, length);
}

Ref<Object> builtin_repr(VM& vm, Object*, Args args, size_t, Object*) {
    return object_repr(vm, args[0]);
}

Ref<Object> builtin_ascii(VM& vm, Object*, Args args, size_t, Object*) {
    Ref<Object> text = object_repr(vm, args[0]);
    if (!text)
        return nullptr;
    std::string out;
    for (intptr_t i = 0; i < str_length(text.get()); ++i) {
        uint32_t cp = str_char_at(static_cast<Str*>(text.get()), i);
        char buffer[16];
        if (cp < 128)
            out.push_back(static_cast<char>(cp));
        else {
            std::snprintf(buffer, sizeof buffer,
                          cp < 256       ? "\\x%02x"
                          : cp < 0x10000 ? "\\u%04x"
                                         : "\\U%08x",
                          cp);
            out += buffer;
        }
    }
    return str_from_utf8(vm, out);
}

Ref<Object> builtin_isinstance(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "isinstance expected 2 arguments, got ", nargs);
    int result = object_isinstance(vm, args[0], args[1]);
    return result < 0 ? nullptr : vm.new_bool(result != 0);
}

Ref<Object> builtin_issubclass(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "issubclass expected 2 arguments, got ", nargs);
    int result = object_issubclass(vm, args[0], args[1]);
    return result < 0 ? nullptr : vm.new_bool(result != 0);
}

Ref<Object> builtin_id(VM& vm, Object*, Args args, size_t, Object*) {
    return int_from_i64(vm, static_cast<int64_t>(reinterpret_cast<uintptr_t>(args[0])));
}

Ref<Object> builtin_hash(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t hash = object_hash(vm, args[0]);
    if (hash == -1 && vm.thread_state().has_exception())
        return nullptr;
    return int_from_i64(vm, hash);
}

Ref<Object> builtin_callable(VM& vm, Object*, Args args, size_t, Object*) {
    return vm.new_bool(args[0]->type->slots.call != nullptr);
}

Ref<Object> builtin_getattr(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs < 2)
        return raise_type_error(vm, "getattr expected at least 2 arguments, got ", nargs);
    if (nargs > 3)
        return raise_type_error(vm, "getattr expected at most 3 arguments, got ", nargs);
    if (!is_str(args[1]))
        return raise_type_error(vm, "attribute name must be string, not '", args[1]->type->name,
                                "'");
    Ref<Object> name = vm.pools().intern(vm, Ref<Object>::borrow(args[1]));
    if (!name)
        return nullptr;
    if (nargs == 2)
        return get_attr(vm, args[0], name.get());
    Ref<Object> value = get_attr_optional(vm, args[0], name.get());
    if (value || vm.thread_state().has_exception())
        return value;
    return Ref<Object>::borrow(args[2]);
}

Ref<Object> builtin_setattr(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 3)
        return raise_type_error(vm, "setattr expected 3 arguments, got ", nargs);
    Ref<Object> name = is_str(args[1]) ? vm.pools().intern(vm, Ref<Object>::borrow(args[1]))
                                       : Ref<Object>::borrow(args[1]);
    if (!name || !is_ok(set_attr(vm, args[0], name.get(), args[2])))
        return nullptr;
    return vm.new_none();
}

Ref<Object> builtin_delattr(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "delattr expected 2 arguments, got ", nargs);
    Ref<Object> name = is_str(args[1]) ? vm.pools().intern(vm, Ref<Object>::borrow(args[1]))
                                       : Ref<Object>::borrow(args[1]);
    if (!name || !is_ok(set_attr(vm, args[0], name.get(), nullptr)))
        return nullptr;
    return vm.new_none();
}

Ref<Object> builtin_hasattr(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "hasattr expected 2 arguments, got ", nargs);
    if (!is_str(args[1]))
        return raise_type_error(vm, "attribute name must be string, not '", args[1]->type->name,
                                "'");
    Ref<Object> name = vm.pools().intern(vm, Ref<Object>::borrow(args[1]));
    if (!name)
        return nullptr;
    Ref<Object> value = get_attr_optional(vm, args[0], name.get());
    if (!value && vm.thread_state().has_exception())
        return nullptr;
    return vm.new_bool(static_cast<bool>(value));
}

Ref<Object> builtin_globals(VM& vm, Object*, Args, size_t, Object*) {
    Frame* frame = runtime_of(vm).current_frame();
    if (!frame)
        return raise_system_error(vm, "globals(): no current frame");
    return Ref<Object>::borrow(frame->globals);
}

Ref<Object> builtin_locals(VM& vm, Object*, Args, size_t, Object*) {
    Runtime& rt = runtime_of(vm);
    Frame* frame = rt.current_frame();
    if (!frame)
        return raise_system_error(vm, "locals(): no current frame");
    return frame_locals(rt, frame);
}

Ref<Object> builtin_vars(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    if (nargs == 0)
        return builtin_locals(vm, self, args, nargs, kwnames);
    if (nargs > 1)
        return raise_type_error(vm, "vars expected at most 1 argument, got ", nargs);
    Runtime& rt = runtime_of(vm);
    Ref<Object> dict = get_attr_optional(vm, args[0], rt.names().__dict__);
    if (!dict && !vm.thread_state().has_exception())
        return raise_type_error(vm, "vars() argument must have __dict__ attribute");
    return dict;
}

Ref<Object> builtin_dir(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs > 1)
        return raise_type_error(vm, "dir expected at most 1 argument, got ", nargs);
    Runtime& rt = runtime_of(vm);
    Ref<Object> names = list_new(vm);
    if (!names)
        return nullptr;
    auto add_keys = [&](Object* dict) -> Status {
        intptr_t pos = 0;
        Object* key = nullptr;
        Object* value = nullptr;
        while (dict_next(dict, pos, &key, &value)) {
            int present = object_contains(vm, names.get(), key);
            if (present < 0)
                return Status::error;
            if (!present && !is_ok(list_append(vm, names.get(), key)))
                return Status::error;
        }
        return Status::ok;
    };
    if (nargs == 0) {
        Ref<Object> locals = builtin_locals(vm, nullptr, args, 0, nullptr);
        if (!locals || (is_dict(locals.get()) && !is_ok(add_keys(locals.get()))))
            return nullptr;
    } else {
        Object* object = args[0];
        if (Object** slot = instance_dict_slot(object); slot && *slot && !is_ok(add_keys(*slot)))
            return nullptr;
        Type* type =
            has_flag(object->type, type_type_subclass) ? static_cast<Type*>(object) : object->type;
        for (intptr_t i = 0; type->mro && i < tuple_size(type->mro); ++i) {
            auto* base = static_cast<Type*>(tuple_items(type->mro)[i]);
            if (base->dict && !is_ok(add_keys(base->dict)))
                return nullptr;
            for (const MethodDef* def = base->methods; def && def->name; ++def) {
                Ref<Object> name = str_from_utf8(vm, def->name);
                if (!name || object_contains(vm, names.get(), name.get()) < 0)
                    return nullptr;
                if (!object_contains(vm, names.get(), name.get()) &&
                    !is_ok(list_append(vm, names.get(), name.get())))
                    return nullptr;
            }
        }
        (void)rt;
    }
    if (!is_ok(sort_list(vm, names.get(), nullptr, false)))
        return nullptr;
    return names;
}

// ====== Iteration helpers

Ref<Object> builtin_iter(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs == 2) {
        if (!args[0]->type->slots.call)
            return raise_type_error(vm, "iter(v, w): v must be callable");
        return callable_iterator_new(runtime_of(vm), args[0], args[1]);
    }
    if (nargs == 0)
        return raise_type_error(vm, "iter expected at least 1 argument, got 0");
    if (nargs != 1)
        return raise_type_error(vm, "iter expected at most 2 arguments, got ", nargs);
    return get_iter(vm, args[0]);
}

Ref<Object> builtin_next(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs < 1 || nargs > 2)
        return raise_type_error(vm, "next expected at least 1 argument, got ", nargs);
    if (!args[0]->type->slots.next)
        return raise_type_error(vm, "'", args[0]->type->name, "' object is not an iterator");
    Ref<Object> item = args[0]->type->slots.next(vm, args[0]);
    if (item)
        return item;
    if (vm.thread_state().has_exception()) {
        if (nargs == 2 &&
            exception_matches(vm.thread_state().exception(), vm.exceptions().StopIteration)) {
            vm.thread_state().clear_exception();
            return Ref<Object>::borrow(args[1]);
        }
        return nullptr;
    }
    if (nargs == 2)
        return Ref<Object>::borrow(args[1]);
    return raise_no_args(vm, vm.exceptions().StopIteration);
}

// Calls fn(item) for each item; fn returns 1 to stop early, -1 on error.
template <class Fn> int for_each(VM& vm, Object* iterable, Fn fn) {
    Ref<Object> iterator = get_iter(vm, iterable);
    if (!iterator)
        return -1;
    for (;;) {
        Ref<Object> item = iter_next(vm, iterator.get());
        if (!item)
            return vm.thread_state().has_exception() ? -1 : 0;
        int result = fn(item.get());
        if (result != 0)
            return result;
    }
}

Ref<Object> builtin_any(VM& vm, Object*, Args args, size_t, Object*) {
    int result = for_each(vm, args[0], [&](Object* item) {
        int truth = object_is_true(vm, item);
        return truth;
    });
    return result < 0 ? nullptr : vm.new_bool(result == 1);
}

Ref<Object> builtin_all(VM& vm, Object*, Args args, size_t, Object*) {
    int result = for_each(vm, args[0], [&](Object* item) {
        int truth = object_is_true(vm, item);
        return truth < 0 ? -1 : truth == 0 ? 1 : 0;
    });
    return result < 0 ? nullptr : vm.new_bool(result == 0);
}

Ref<Object> builtin_sum(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    size_t npos = nargs;
    if (npos + nkw > 2)
        return raise_type_error(vm, "sum() takes at most 2 arguments (", npos + nkw, " given)");
    for (size_t i = 0; i < nkw; ++i) {
        Object* keyword = tuple_items(kwnames)[i];
        if (str_ascii_view(keyword) != "start")
            return raise_type_error(vm, "'", str_to_utf8(keyword),
                                    "' is an invalid keyword argument for sum()");
        if (npos > 1)
            return raise_type_error(vm,
                                    "argument for sum() given by name ('start') and position (2)");
    }
    Object* start = npos > 1 ? args[1] : keyword_argument(args, npos, kwnames, "start");
    if (npos < 1)
        return raise_type_error(vm, "sum() takes at least 1 positional argument (0 given)");
    if (start && is_str(start))
        return raise_type_error(vm, "sum() can't sum strings [use ''.join(seq) instead]");
    NumberSum total(vm, start);
    int result =
        for_each(vm, args[0], [&](Object* item) { return is_ok(total.add(item)) ? 0 : -1; });
    return result < 0 ? nullptr : total.result();
}

Ref<Object> min_max(VM& vm, Args args, size_t nargs, Object* kwnames, CompareOp op,
                    const char* name) {
    // CPython parses the keywords with PyArg_ParseTupleAndKeywords("|$OO"): its messages.
    size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    if (nkw > 2)
        return raise_type_error(vm, name, "() takes at most 2 keyword arguments (", nkw, " given)");
    for (size_t i = 0; i < nkw; ++i) {
        std::string_view keyword = str_ascii_view(tuple_items(kwnames)[i]);
        if (keyword != "key" && keyword != "default")
            return raise_type_error(vm, "'", str_to_utf8(tuple_items(kwnames)[i]),
                                    "' is an invalid keyword argument for ", name, "()");
    }
    Object* key = keyword_argument(args, nargs, kwnames, "key");
    Object* fallback = keyword_argument(args, nargs, kwnames, "default");
    if (nargs == 0)
        return raise_type_error(vm, name, " expected at least 1 argument, got 0");
    if (nargs > 1 && fallback)
        return raise_type_error(vm, "Cannot specify a default for ", name,
                                "() with multiple positional arguments");
    Ref<Object> best;
    Ref<Object> best_key;
    auto consider = [&](Object* item) -> int {
        Ref<Object> k =
            key && key != vm.none() ? call_object(vm, key, &item, 1) : Ref<Object>::borrow(item);
        if (!k)
            return -1;
        if (best) {
            int better = object_rich_compare_bool(vm, k.get(), best_key.get(), op);
            if (better <= 0)
                return better;
        }
        best = Ref<Object>::borrow(item);
        best_key = std::move(k);
        return 0;
    };
    if (nargs == 1) {
        if (for_each(vm, args[0], consider) < 0)
            return nullptr;
        if (!best) {
            if (fallback)
                return Ref<Object>::borrow(fallback);
            return raise_value_error(vm, name, "() arg is an empty sequence");
        }
        return best;
    }
    for (size_t i = 0; i < nargs; ++i) {
        if (consider(args[i]) < 0)
            return nullptr;
    }
    return best;
}

Ref<Object> builtin_min(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    return min_max(vm, args, nargs, kwnames, CompareOp::lt, "min");
}
Ref<Object> builtin_max(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    return min_max(vm, args, nargs, kwnames, CompareOp::gt, "max");
}

Ref<Object> builtin_sorted(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_keywords(vm, "sort", kwnames, {"key", "reverse"})))
        return nullptr;
    if (nargs != 1)
        return raise_type_error(vm, "sorted expected 1 argument, got ", nargs);
    Object* key = keyword_argument(args, nargs, kwnames, "key");
    Object* reverse = keyword_argument(args, nargs, kwnames, "reverse");
    int reversed = reverse ? object_is_true(vm, reverse) : 0;
    if (reversed < 0)
        return nullptr;
    Ref<Object> list = sequence_to_list(vm, args[0]);
    if (!list || !is_ok(sort_list(vm, list.get(), key, reversed != 0)))
        return nullptr;
    return list;
}

// ====== Numbers and characters

Ref<Object> builtin_abs(VM& vm, Object*, Args args, size_t, Object*) {
    if (!args[0]->type->slots.abs)
        return raise_type_error(vm, "bad operand type for abs(): '", args[0]->type->name, "'");
    return args[0]->type->slots.abs(vm, args[0]);
}

Ref<Object> builtin_divmod(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "divmod expected 2 arguments, got ", nargs);
    for (Object* side : {args[0], args[1]}) {
        if (auto slot = side->type->slots.divmod) {
            Ref<Object> result = slot(vm, args[0], args[1]);
            if (!result || result.get() != vm.not_implemented())
                return result;
        }
    }
    return raise_type_error(vm, "unsupported operand type(s) for divmod(): '", args[0]->type->name,
                            "' and '", args[1]->type->name, "'");
}

Ref<Object> builtin_pow(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs < 2 || nargs > 3)
        return raise_type_error(vm, "pow expected 2 or 3 arguments, got ", nargs);
    if (nargs == 2 || args[2] == vm.none())
        return binary_op(vm, args[0], args[1], BinaryOpArg::Power);
    if (!args[0]->type->slots.pow)
        return raise_type_error(vm, "unsupported operand type(s) for pow()");
    return args[0]->type->slots.pow(vm, args[0], args[1], args[2]);
}

Ref<Object> builtin_round(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    // round(number, ndigits=None): CPython's argument clinic checks and messages.
    size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    if (nargs + nkw > 2)
        return raise_type_error(vm, "round() takes at most 2 arguments (", nargs + nkw, " given)");
    for (size_t i = 0; i < nkw; ++i) {
        Object* keyword = tuple_items(kwnames)[i];
        std::string_view text = str_ascii_view(keyword);
        size_t position = text == "number" ? 1 : text == "ndigits" ? 2 : 0;
        if (position == 0)
            return raise_type_error(vm, "'", str_to_utf8(keyword),
                                    "' is an invalid keyword argument for round()");
        if (nargs >= position)
            return raise_type_error(vm, "argument for round() given by name ('", text,
                                    "') and position (", position, ")");
    }
    Object* digits = nargs > 1 ? args[1] : keyword_argument(args, nargs, kwnames, "ndigits");
    Object* value = nargs > 0 ? args[0] : keyword_argument(args, nargs, kwnames, "number");
    if (!value)
        return raise_type_error(vm, "round() missing required argument 'number' (pos 1)");
    if (is_int(value) && (!digits || digits == vm.none()))
        return int_from_mpz_of(vm, value);
    if (is_float(value)) {
        double x = float_value(value);
        if (!digits || digits == vm.none()) {
            if (std::isinf(x))
                return raise_overflow_error(vm, "cannot convert float infinity to integer");
            if (std::isnan(x))
                return raise_value_error(vm, "cannot convert float NaN to integer");
            double rounded = std::nearbyint(x);
            if (std::fabs(rounded) < 9.0e18) // below 2**63: exact in a machine word
                return int_from_i64(vm, static_cast<int64_t>(rounded));
            mpz_t big;
            mpz_init_set_d(big, rounded);
            Ref<Object> result = int_from_mpz(vm, big);
            mpz_clear(big);
            return result;
        }
        int64_t n = 0;
        if (!is_ok(index_value(vm, digits, n)))
            return nullptr;
        if (n > 300 || std::isinf(x) || std::isnan(x))
            return float_new(vm, x);
        char buffer[400];
        std::snprintf(buffer, sizeof buffer, "%.*f", static_cast<int>(n < 0 ? 0 : n), x);
        double result = std::strtod(buffer, nullptr);
        if (n < 0) {
            double scale = std::pow(10.0, static_cast<double>(-n));
            result = std::nearbyint(x / scale) * scale;
        }
        return float_new(vm, result);
    }
    if (is_int(value)) {
        int64_t n = 0;
        if (!is_ok(index_value(vm, digits, n)))
            return nullptr;
        if (n >= 0)
            return int_from_mpz_of(vm, value);
        Ref<Object> scale = int_from_i64(vm, 1);
        Ref<Object> ten = int_from_i64(vm, 10);
        for (int64_t i = 0; i < -n && scale; ++i)
            scale = binary_op(vm, scale.get(), ten.get(), BinaryOpArg::Multiply);
        if (!scale)
            return nullptr;
        // round half to even: q = round(value / scale) * scale
        Ref<Object> pair = int_divmod(vm, value, scale.get());
        if (!pair)
            return nullptr;
        Object* q = tuple_items(pair.get())[0];
        Object* r = tuple_items(pair.get())[1];
        Ref<Object> twice = binary_op(vm, r, r, BinaryOpArg::Add);
        if (!twice)
            return nullptr;
        int cmp = int_compare(twice.get(), scale.get());
        int64_t q_small = 0;
        bool odd = int_to_i64(q, q_small) ? (q_small & 1) != 0 : false;
        Ref<Object> quotient = Ref<Object>::borrow(q);
        if (cmp > 0 || (cmp == 0 && odd)) {
            Ref<Object> one = int_from_i64(vm, 1);
            quotient = binary_op(vm, q, one.get(), BinaryOpArg::Add);
            if (!quotient)
                return nullptr;
        }
        return binary_op(vm, quotient.get(), scale.get(), BinaryOpArg::Multiply);
    }
    Ref<Object> name = intern(vm, "__round__");
    if (name && type_lookup(value->type, name.get()))
        return call_dunder(vm, value, name.get(), args + 1, nargs - 1);
    return raise_type_error(vm, "type ", value->type->name, " doesn't define __round__ method");
}

Ref<Object> builtin_chr(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t cp = 0;
    if (!is_ok(index_value(vm, args[0], cp)))
        return nullptr;
    if (cp < 0 || cp > 0x10FFFF)
        return raise_value_error(vm, "chr() arg not in range(0x110000)");
    auto point = static_cast<uint32_t>(cp);
    return str_from_code_points(vm, &point, 1);
}

Ref<Object> builtin_ord(VM& vm, Object*, Args args, size_t, Object*) {
    Object* value = args[0];
    if (is_str(value)) {
        if (str_length(value) != 1)
            return raise_type_error(vm, "ord() expected a character, but string of length ",
                                    str_length(value), " found");
        return int_from_i64(vm, str_char_at(static_cast<Str*>(value), 0));
    }
    return raise_type_error(vm, "ord() expected string of length 1, but ", value->type->name,
                            " found");
}

Ref<Object> based_text(VM& vm, Object* value, int base, const char* prefix) {
    Ref<Object> index = Ref<Object>::borrow(value);
    if (!is_int(value)) {
        if (!value->type->slots.index)
            return raise_type_error(vm, "'", value->type->name,
                                    "' object cannot be interpreted as an integer");
        index = value->type->slots.index(vm, value);
        if (!index)
            return nullptr;
    }
    std::string digits;
    if (!is_ok(int_to_text(vm, index.get(), base, digits)))
        return nullptr;
    bool negative = !digits.empty() && digits[0] == '-';
    if (negative)
        digits.erase(0, 1);
    return str_from_utf8(vm, (negative ? "-" : "") + std::string(prefix) + digits);
}

Ref<Object> builtin_hex(VM& vm, Object*, Args args, size_t, Object*) {
    return based_text(vm, args[0], 16, "0x");
}
Ref<Object> builtin_oct(VM& vm, Object*, Args args, size_t, Object*) {
    return based_text(vm, args[0], 8, "0o");
}
Ref<Object> builtin_bin(VM& vm, Object*, Args args, size_t, Object*) {
    return based_text(vm, args[0], 2, "0b");
}

Ref<Object> builtin_format(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs < 1)
        return raise_type_error(vm, "format expected at least 1 argument, got ", nargs);
    if (nargs > 2)
        return raise_type_error(vm, "format expected at most 2 arguments, got ", nargs);
    if (nargs == 2 && !is_str(args[1]))
        return raise_type_error(vm, "format() argument 2 must be str, not ",
                                args[1] == vm.none() ? "None" : args[1]->type->name);
    return format_object(vm, args[0], nargs == 2 ? args[1] : nullptr);
}

// exec/eval: source text or a code object, run in the given (or the caller's) namespaces.
Ref<Object> run_code_builtin(VM& vm, Args args, size_t nargs, CompileMode mode, const char* name) {
    Runtime& rt = runtime_of(vm);
    if (nargs < 1 || nargs > 3)
        return mode == CompileMode::exec
                   ? raise_type_error(vm, "exec() takes ",
                                      nargs < 1 ? "at least 1 positional argument ("
                                                : "at most 3 positional arguments (",
                                      nargs, " given)")
                   : raise_type_error(
                         vm, "eval expected at ",
                         nargs < 1 ? "least 1 argument, got " : "most 3 arguments, got ", nargs);
    Frame* frame = rt.current_frame();
    Object* globals = nargs > 1 && args[1] != vm.none() ? args[1] : nullptr;
    Object* locals = nargs > 2 && args[2] != vm.none() ? args[2] : nullptr;
    if (globals && !is_dict(globals))
        return raise_type_error(vm, name, "() globals must be a dict, not ", globals->type->name);
    Ref<Object> caller_locals;
    if (!globals) {
        if (!frame)
            return raise_system_error(vm, name, "(): no current frame");
        globals = frame->globals;
        if (!locals) {
            caller_locals = frame_locals(rt, frame);
            if (!caller_locals)
                return nullptr;
            locals = caller_locals.get();
        }
    }
    if (!locals)
        locals = globals;
    Object* builtins_value = nullptr;
    if (dict_lookup(vm, globals, rt.names().__builtins__, &builtins_value) < 0)
        return nullptr;
    if (!builtins_value &&
        !is_ok(dict_setitem(vm, globals, rt.names().__builtins__, rt.builtins())))
        return nullptr;
    Ref<Object> code;
    if (args[0]->type == rt.types().code) {
        code = Ref<Object>::borrow(args[0]);
    } else if (std::string_view data; is_str(args[0]) || bytes_like(args[0], data)) {
        bool text = is_str(args[0]);
        std::string source = text ? str_to_utf8(args[0]) : std::string(data);
        code = Ref<Object>::steal(
            static_cast<Object*>(compile_string(rt, source, "<string>", mode, text)));
    } else {
        return raise_type_error(vm, name, "() arg 1 must be a string, bytes or code object");
    }
    if (!code)
        return nullptr;
    Ref<Object> result = eval_code(rt, static_cast<Code*>(code.get()), globals, locals);
    if (!result)
        return nullptr;
    return mode == CompileMode::eval ? result : vm.new_none();
}

Ref<Object> builtin_exec(VM& vm, Object*, Args args, size_t nargs, Object*) {
    return run_code_builtin(vm, args, nargs, CompileMode::exec, "exec");
}
Ref<Object> builtin_eval(VM& vm, Object*, Args args, size_t nargs, Object*) {
    return run_code_builtin(vm, args, nargs, CompileMode::eval, "eval");
}
// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *,
// _feature_version=-1): CPython's argument binding and checks. The future flags (__future__
// features) and dont_inherit are accepted: minipy never inherits the caller's future features.
Ref<Object> builtin_compile(VM& vm, Object*, Args all, size_t nargs, Object* kwnames) {
    static constexpr const char* names[] = {
        "source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"};
    constexpr size_t positional_max = 6;
    Object* bound[7] = {};
    if (nargs > positional_max)
        return raise_type_error(vm, "compile() takes at most 6 positional arguments (", nargs,
                                " given)");
    for (size_t i = 0; i < nargs; ++i)
        bound[i] = all[i];
    for (intptr_t k = 0; kwnames && k < tuple_size(kwnames); ++k) {
        std::string_view key = str_ascii_view(tuple_items(kwnames)[k]);
        size_t at = 0;
        while (at < 7 && key != names[at])
            ++at;
        if (at == 7)
            return raise_type_error(vm, "'", key, "' is an invalid keyword argument for compile()");
        if (at < nargs)
            return raise_type_error(vm, "argument for compile() given by name ('", key,
                                    "') and position (", at + 1, ")");
        bound[at] = all[nargs + static_cast<size_t>(k)];
    }
    for (size_t i = 0; i < 3; ++i) {
        if (!bound[i])
            return raise_type_error(vm, "compile() missing required argument '", names[i],
                                    "' (pos ", i + 1, ")");
    }
    int64_t flags = 0;
    int64_t optimize = -1;
    if (bound[3] && !is_ok(index_value(vm, bound[3], flags)))
        return nullptr;
    int64_t dont_inherit = 0;
    if (bound[4] && !is_ok(index_value(vm, bound[4], dont_inherit)))
        return nullptr;
    if (bound[5] && !is_ok(index_value(vm, bound[5], optimize)))
        return nullptr;
    int64_t feature_version = -1;
    if (bound[6] && !is_ok(index_value(vm, bound[6], feature_version)))
        return nullptr;
    // PyCF_MASK (the __future__ flags), CO_NESTED and PyCF_COMPILE_MASK.
    constexpr int64_t known_flags = 0x1fe0000 | 0x10 | 0x0400 | 0x1000 | 0x0200 | 0x2000 | 0x4000;
    if ((flags & ~known_flags) != 0)
        return raise_value_error(vm, "compile(): unrecognised flags");
    if (optimize < -1 || optimize > 2)
        return raise_value_error(vm, "compile(): invalid optimize value");
    Args args = bound;
    std::string_view data;
    std::string_view filename_bytes;
    if (!(is_str(args[1]) || bytes_like(args[1], filename_bytes)) || !is_str(args[2]))
        return raise_type_error(vm, "compile() expected source, filename and mode strings");
    // compile(b"...") decodes as a file would: a UTF-8 BOM or a coding declaration (PEP 263).
    bool text = is_str(args[0]);
    if (!text && !bytes_like(args[0], data))
        return raise_type_error(vm, "compile() arg 1 must be a string, bytes or AST object");
    std::string source = text ? str_to_utf8(args[0]) : std::string(data);
    std::string filename = is_str(args[1]) ? str_to_utf8(args[1]) : std::string(filename_bytes);
    std::string mode = str_to_utf8(args[2]);
    if (mode != "exec" && mode != "eval" && mode != "single")
        return raise_value_error(vm, "compile() mode must be 'exec', 'eval' or 'single'");
    CompileMode kind = mode == "eval"     ? CompileMode::eval
                       : mode == "single" ? CompileMode::single
                                          : CompileMode::exec;
    return Ref<Object>::steal(
        static_cast<Object*>(compile_string(runtime_of(vm), source, filename, kind, text,
                                            optimize < 0 ? 0 : static_cast<int>(optimize))));
}

constexpr MethodDef builtin_functions[] = {
    {"exec", builtin_exec, MethodKind::fastcall, nullptr},
    {"eval", builtin_eval, MethodKind::fastcall, nullptr},
    {"compile", builtin_compile, MethodKind::fastcall_keywords, nullptr},
    {"len", builtin_len, MethodKind::o, nullptr},
    {"repr", builtin_repr, MethodKind::o, nullptr},
    {"ascii", builtin_ascii, MethodKind::o, nullptr},
    {"isinstance", builtin_isinstance, MethodKind::fastcall, nullptr},
    {"issubclass", builtin_issubclass, MethodKind::fastcall, nullptr},
    {"id", builtin_id, MethodKind::o, nullptr},
    {"hash", builtin_hash, MethodKind::o, nullptr},
    {"callable", builtin_callable, MethodKind::o, nullptr},
    {"getattr", builtin_getattr, MethodKind::fastcall, nullptr},
    {"setattr", builtin_setattr, MethodKind::fastcall, nullptr},
    {"delattr", builtin_delattr, MethodKind::fastcall, nullptr},
    {"hasattr", builtin_hasattr, MethodKind::fastcall, nullptr},
    {"globals", builtin_globals, MethodKind::noargs, nullptr},
    {"locals", builtin_locals, MethodKind::noargs, nullptr},
    {"vars", builtin_vars, MethodKind::fastcall, nullptr},
    {"dir", builtin_dir, MethodKind::fastcall, nullptr},
    {"iter", builtin_iter, MethodKind::fastcall, nullptr},
    {"next", builtin_next, MethodKind::fastcall, nullptr},
    {"any", builtin_any, MethodKind::o, nullptr},
    {"all", builtin_all, MethodKind::o, nullptr},
    {"sum", builtin_sum, MethodKind::fastcall_keywords, nullptr},
    {"min", builtin_min, MethodKind::fastcall_keywords, nullptr},
    {"max", builtin_max, MethodKind::fastcall_keywords, nullptr},
    {"sorted", builtin_sorted, MethodKind::fastcall_keywords, nullptr},
    {"abs", builtin_abs, MethodKind::o, nullptr},
    {"divmod", builtin_divmod, MethodKind::fastcall, nullptr},
    {"pow", builtin_pow, MethodKind::fastcall, nullptr},
    {"round", builtin_round, MethodKind::fastcall_keywords, nullptr},
    {"chr", builtin_chr, MethodKind::o, nullptr},
    {"ord", builtin_ord, MethodKind::o, nullptr},
    {"hex", builtin_hex, MethodKind::o, nullptr},
    {"oct", builtin_oct, MethodKind::o, nullptr},
    {"bin", builtin_bin, MethodKind::o, nullptr},
    {"format", builtin_format, MethodKind::fastcall, nullptr},
    {"__build_class__", build_class, MethodKind::fastcall_keywords, nullptr},
    {"__import__", builtin_import, MethodKind::fastcall_keywords, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

bool init_builtins(Runtime& rt) {
    VM& vm = rt.vm();
    Object* builtins = rt.builtins();
    Ref<Object> module = module_new(rt, "builtins");
    if (!module)
        return false;
    for (const MethodDef* def = builtin_functions; def->name; ++def) {
        Ref<Object> function = builtin_function_new(rt, def, module.get());
        Ref<Object> name = intern(vm, def->name);
        if (!function || !name || !is_ok(dict_setitem(vm, builtins, name.get(), function.get())))
            return false;
    }
#define MINIPY_X(name, base)                                                                       \
    {                                                                                              \
        Ref<Object> key = intern(vm, #name);                                                       \
        if (!key || !is_ok(dict_setitem(vm, builtins, key.get(), vm.exceptions().name)))           \
            return false;                                                                          \
    }
    MINIPY_EXCEPTION_TYPES(MINIPY_X)
#undef MINIPY_X
    Ref<Object> env_error = intern(vm, "EnvironmentError");
    Ref<Object> io_error = intern(vm, "IOError");
    if (!env_error || !io_error ||
        !is_ok(dict_setitem(vm, builtins, env_error.get(), vm.exceptions().OSError)) ||
        !is_ok(dict_setitem(vm, builtins, io_error.get(), vm.exceptions().OSError)))
        return false;
    struct Named {
        const char* name;
        Object* value;
    };
    RuntimeTypes& t = rt.types();
    const Named named[] = {
        {"None", vm.none()},
        {"True", vm.true_()},
        {"False", vm.false_()},
        {"Ellipsis", vm.ellipsis()},
        {"NotImplemented", vm.not_implemented()},
        {"object", vm.types().object},
        {"type", vm.types().type},
        {"range", t.range},
        {"slice", t.slice},
        {"property", t.property},
        {"staticmethod", t.staticmethod},
        {"classmethod", t.classmethod},
        {"super", t.super},
    };
    for (const Named& entry : named) {
        Ref<Object> key = intern(vm, entry.name);
        if (!key || !is_ok(dict_setitem(vm, builtins, key.get(), entry.value)))
            return false;
    }
    // The builtins namespace is also the builtins module's dict: it has its __name__.
    if (!is_ok(dict_setitem(vm, builtins, rt.names().__name__,
                            static_cast<Module*>(module.get())->name)))
        return false;
    Object* module_dict = static_cast<Module*>(module.get())->dict;
    set_ref(static_cast<Module*>(module.get())->dict, Ref<Object>::borrow(builtins).release());
    (void)module_dict;
    if (!is_ok(
            dict_setitem(vm, rt.modules(), static_cast<Module*>(module.get())->name, module.get())))
        return false;
    // sys and _io exist from the start (as in CPython); open, print and input come from them.
    return init_builtin_types(rt, builtins) && init_io_builtins(rt, builtins);
}

} // namespace minipy::stdlib
