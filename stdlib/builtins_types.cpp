// The built-in classes' constructors (int, float, str, bool, list, tuple, dict, set, frozenset,
// bytes), the iterator classes of the builtins module (enumerate, zip, map, filter, reversed and
// the old-style sequence iterator), and sys.displayhook for PRINT_EXPR.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "stdlib/builtins_support.h"
#include "stdlib/sys.h"
#include "vm/eval_helpers.h"
#include "vm/eval_ops.h"
#include "vm/runtime.h"
#include "vm/types/bytes.h"
#include "vm/types/class.h"
#include "vm/types/codecs.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/memoryview.h"
#include "vm/types/method_args.h"
#include "vm/types/range.h"
#include "vm/types/set.h"
#include "vm/types/str.h"
#include "vm/types/str_methods.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
// A copy of an int (or bool) as an exact int.
Ref<Object> int_from_mpz_of(VM& vm, Object* value) {
    if (is_exact_int(value))
        return Ref<Object>::borrow(value);
    int64_t small = 0;
    if (int_to_i64(value, small))
        return int_from_i64(vm, small);
    mpz_t big;
    mpz_init(big);
    int_to_mpz(value, big);
    Ref<Object> result = int_from_mpz(vm, big);
    mpz_clear(big);
    return result;
}
} // namespace minipy::vm

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

using Args = Object* const*;

size_t positional(size_t nargs, Object* kwnames) {
    (void)kwnames;
    return nargs - (kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0);
}

// The checks of a built-in constructor of at most one positional argument and no keywords
// (CPython's _PyArg_NoKeywords and _PyArg_CheckPositional): "list() takes no keyword
// arguments", "list expected at most 1 argument, got 2".
Status check_one_optional(VM& vm, const char* name, size_t nargs, Object* kwnames) {
    if (kwnames && tuple_size(kwnames) > 0)
        return raise_type_error(vm, name, "() takes no keyword arguments");
    if (nargs > 1)
        return raise_type_error(vm, name, " expected at most 1 argument, got ", nargs);
    return Status::ok;
}

// Keyword checks of CPython's PyArg_ParseTupleAndKeywords for a function of at most
// `names.size()` arguments: the count ("int() takes at most 2 arguments (3 given)"), unknown
// keywords ("'x' is an invalid keyword argument for int()") and an argument given twice.
Status check_parse_keywords(VM& vm, const char* name, size_t nargs, Object* kwnames,
                            std::initializer_list<std::string_view> names) {
    size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    size_t npos = nargs - nkw;
    if (nargs > names.size())
        return raise_type_error(vm, name, "() takes at most ", names.size(), " argument",
                                names.size() == 1 ? "" : "s", " (", nargs, " given)");
    for (size_t i = 0; i < nkw; ++i) {
        Object* keyword = tuple_items(kwnames)[i];
        std::string_view text = str_ascii_view(keyword);
        size_t position = 0;
        bool found = false;
        for (std::string_view known : names) {
            ++position;
            if ((found = known == text))
                break;
        }
        if (!found)
            return raise_type_error(vm, "'", str_to_utf8(keyword),
                                    "' is an invalid keyword argument for ", name, "()");
        if (position <= npos)
            return raise_type_error(vm, "argument for ", name, "() given by name ('", text,
                                    "') and position (", position, ")");
    }
    return Status::ok;
}

// ====== Constructors

// The text of an int()/float() argument with Unicode decimal digits as ASCII ones and Unicode
// white space as ' ' (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII).
std::string numeric_text(Object* text) {
    if (static_cast<Str*>(text)->ascii)
        return std::string(str_ascii_view(text));
    std::u32string points = str_to_u32(text);
    for (char32_t& c : points) {
        if (c < 0x80)
            continue;
        if (unicode_is_space(c))
            c = U' ';
        else if (int digit = unicode_decimal_value(c); digit >= 0)
            c = static_cast<char32_t>(U'0' + digit);
    }
    Ref<Object> converted = str_from_u32(vm_of(text), points);
    if (!converted)
        return str_to_utf8(text);
    return str_to_utf8(converted.get());
}

// int(b'...') / int(bytearray(...), base): the digits of the bytes; an invalid literal is named by
// the bytes' repr (cut at 200 characters), as CPython's _PyLong_FromBytes ("... base 10: b'ab'").
Ref<Object> int_from_bytes_text(VM& vm, std::string_view data, int base) {
    Ref<Object> result = int_from_text(vm, std::string(data), base);
    if (result || (base != 0 && (base < 2 || base > 36)) ||
        !exception_matches(vm.thread_state().exception(), vm.exceptions().ValueError))
        return result;
    vm.thread_state().clear_exception();
    Ref<Object> shown = bytes_new(vm, data.substr(0, 200));
    Ref<Object> repr = shown ? object_repr(vm, shown.get()) : nullptr;
    if (!repr)
        return nullptr;
    std::string text = str_to_utf8(repr.get()); // %.200R: the repr cut at 200 characters
    return raise_value_error(vm, "invalid literal for int() with base ", base, ": ",
                             text.substr(0, 200));
}

Ref<Object> int_construct(VM& vm, Type*, Args args, size_t nargs, Object* kwnames) {
    size_t npos = positional(nargs, kwnames);
    if (!is_ok(check_parse_keywords(vm, "int", nargs, kwnames, {"", "base"})))
        return nullptr;
    Object* base_arg = npos > 1 ? args[1] : keyword_argument(args, npos, kwnames, "base");
    if (npos == 0 && base_arg)
        return raise_type_error(vm, "int() missing string argument");
    if (npos == 0)
        return int_from_i64(vm, 0);
    Object* value = args[0];
    if (base_arg) {
        int64_t base = 10;
        if (!is_ok(index_value(vm, base_arg, base)))
            return nullptr;
        // A base past int's range is as invalid as 37 ("int() base must be >= 2 and <= 36").
        int checked = base < -1 || base > 36 ? 37 : static_cast<int>(base);
        std::string_view data;
        if (!is_str(value) && bytes_like(value, data))
            return int_from_bytes_text(vm, data, checked);
        if (!is_str(value))
            return raise_type_error(vm, "int() can't convert non-string with explicit base");
        return int_from_text(vm, numeric_text(value), checked);
    }
    if (is_int(value))
        return int_from_mpz_of(vm, value);
    if (is_float(value)) {
        double d = float_value(value);
        if (std::isinf(d))
            return raise_overflow_error(vm, "cannot convert float infinity to integer");
        if (std::isnan(d))
            return raise_value_error(vm, "cannot convert float NaN to integer");
        if (std::fabs(d) < 9.0e18) // below 2**63: the truncation fits a machine word
            return int_from_i64(vm, static_cast<int64_t>(std::trunc(d)));
        mpz_t big;
        mpz_init_set_d(big, std::trunc(d));
        Ref<Object> result = int_from_mpz(vm, big);
        mpz_clear(big);
        return result;
    }
    if (is_str(value))
        return int_from_text(vm, numeric_text(value), 10);
    if (std::string_view data; bytes_like(value, data))
        return int_from_bytes_text(vm, data, 10);
    for (auto slot : {value->type->slots.int_, value->type->slots.index}) {
        if (slot) {
            Ref<Object> result = slot(vm, value);
            if (result && !is_int(result.get()))
                return raise_type_error(vm, "__int__ returned non-int (type ", result->type->name,
                                        ")");
            return result;
        }
    }
    return raise_type_error(vm,
                            "int() argument must be a string, a bytes-like object or a "
                            "real number, not '",
                            value->type->name, "'");
}

Ref<Object> parse_float_text(VM& vm, Object* text_object) {
    std::string text = numeric_text(text_object);
    std::string trimmed = text;
    size_t begin = trimmed.find_first_not_of(" \t\n\r\f\v");
    size_t end = trimmed.find_last_not_of(" \t\n\r\f\v");
    trimmed = begin == std::string::npos ? "" : trimmed.substr(begin, end - begin + 1);
    std::string cleaned;
    for (size_t i = 0; i < trimmed.size(); ++i) {
        if (trimmed[i] == '_' && i > 0 && i + 1 < trimmed.size() &&
            std::isdigit(static_cast<unsigned char>(trimmed[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(trimmed[i + 1])))
            continue;
        cleaned.push_back(trimmed[i]);
    }
    std::string lower;
    for (char c : cleaned)
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    std::string body = lower;
    if (!body.empty() && (body[0] == '+' || body[0] == '-'))
        body.erase(0, 1);
    bool special = body == "inf" || body == "infinity" || body == "nan";
    bool valid = !cleaned.empty() &&
                 (special || body.find_first_not_of("0123456789.e+-") == std::string::npos);
    char* stop = nullptr;
    errno = 0;
    double value = valid ? std::strtod(cleaned.c_str(), &stop) : 0;
    if (!valid || !stop || *stop != '\0') {
        Ref<Object> repr = str_repr(vm, text_object);
        return raise_value_error(
            vm, "could not convert string to float: ", repr ? str_to_utf8(repr.get()) : text);
    }
    return float_new(vm, value);
}

Ref<Object> float_construct(VM& vm, Type*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_one_optional(vm, "float", nargs, kwnames)))
        return nullptr;
    if (positional(nargs, kwnames) == 0)
        return float_new(vm, 0.0);
    Object* value = args[0];
    if (is_float(value))
        return float_new(vm, float_value(value));
    if (is_str(value))
        return parse_float_text(vm, value);
    if (std::string_view data; bytes_like(value, data)) {
        // float(b'1.5'): the bytes' ASCII text; an invalid one is named by the object's repr
        // ("could not convert string to float: b'ab'", "...: bytearray(b'x')").
        bool ascii = std::all_of(data.begin(), data.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        Ref<Object> text = ascii ? str_from_utf8(vm, data) : nullptr;
        if (ascii && !text)
            return nullptr;
        Ref<Object> result = text ? parse_float_text(vm, text.get()) : nullptr;
        if (result ||
            (text && !exception_matches(vm.thread_state().exception(), vm.exceptions().ValueError)))
            return result;
        vm.thread_state().clear_exception();
        Ref<Object> repr = object_repr(vm, value);
        if (!repr)
            return nullptr;
        return raise_value_error(vm,
                                 "could not convert string to float: ", str_to_utf8(repr.get()));
    }
    if (is_int(value)) {
        double d = 0;
        if (!is_ok(number_to_double(vm, value, d)))
            return nullptr;
        return float_new(vm, d);
    }
    if (auto slot = value->type->slots.float_)
        return slot(vm, value);
    if (auto slot = value->type->slots.index) {
        Ref<Object> index = slot(vm, value);
        double d = 0;
        if (!index || !is_ok(number_to_double(vm, index.get(), d)))
            return nullptr;
        return float_new(vm, d);
    }
    return raise_type_error(vm, "float() argument must be a string or a real number, not '",
                            value->type->name, "'");
}

// str(object=''), str(object=b'', encoding='utf-8', errors='strict').
Ref<Object> str_construct(VM& vm, Type*, Args args, size_t nargs, Object* kwnames) {
    size_t npos = positional(nargs, kwnames);
    Object* values[3];
    if (!is_ok(bind_arguments(vm, {"str", {"object", "encoding", "errors"}}, args, npos, kwnames,
                              values)))
        return nullptr;
    if (!values[0]) {
        if (values[1] || values[2])
            return Ref<Object>::borrow(vm.pools().empty_str());
        return Ref<Object>::borrow(vm.pools().empty_str());
    }
    if (!values[1] && !values[2])
        return object_str(vm, values[0]);
    std::string encoding, errors;
    if (!is_ok(codec_arguments(vm, "str", values[1], values[2], encoding, errors)))
        return nullptr;
    std::string_view data;
    if (!bytes_like(values[0], data)) {
        if (is_str(values[0]))
            return raise_type_error(vm, "decoding str is not supported");
        return raise_type_error(vm, "decoding to str: need a bytes-like object, ",
                                values[0]->type->name, " found");
    }
    return codec_decode(vm, data, encoding, errors, values[0]);
}

Ref<Object> bool_construct(VM& vm, Type*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_one_optional(vm, "bool", nargs, kwnames)))
        return nullptr;
    if (nargs == 0)
        return vm.new_bool(false);
    int truth = object_is_true(vm, args[0]);
    return truth < 0 ? nullptr : vm.new_bool(truth != 0);
}

Ref<Object> list_construct(VM& vm, Type*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_one_optional(vm, "list", nargs, kwnames)))
        return nullptr;
    if (nargs == 0)
        return list_new(vm);
    return sequence_to_list(vm, args[0]);
}

// tuple(iterable=()); for a heap subclass (namedtuple) the instance is made with its class.
Ref<Object> tuple_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    size_t npos = positional(nargs, kwnames);
    Object* iterable = nullptr;
    bool subclass = cls && cls != vm.types().tuple && is_heap_type(cls);
    // tuple(list) copies the items straight into the tuple (no argument spec, no list copy): the
    // generators benchmark's `tuple(window)`.
    if (!subclass && npos == 1 && !kwnames && args[0]->type == vm.types().list)
        return tuple_from_array(vm, list_items(args[0]), static_cast<size_t>(list_size(args[0])));
    if (!subclass && !is_ok(check_one_optional(vm, "tuple", nargs, kwnames)))
        return nullptr;
    if (!is_ok(bind_arguments(vm, {"tuple", {"iterable"}, 0, 1}, args, npos, kwnames, &iterable)))
        return nullptr;
    if (!subclass) {
        if (!iterable)
            return Ref<Object>::borrow(vm.pools().empty_tuple());
        if (iterable->type == vm.types().tuple)
            return Ref<Object>::borrow(iterable);
    }
    Ref<Object> list = iterable ? sequence_to_list(vm, iterable) : list_new(vm);
    if (!list)
        return nullptr;
    if (!subclass)
        return list_to_tuple(vm, list.get());
    auto count = static_cast<size_t>(list_size(list.get()));
    // A heap type records no item size of its own: the items follow the header as tuple's do,
    // the instance dict slot after them.
    if (count > (SIZE_MAX - sizeof(Tuple)) / sizeof(Object*) - 2)
        return raise_memory_error(vm);
    Ref<Object> memory =
        allocate_variable_instance(vm, cls, sizeof(Tuple) + count * sizeof(Object*));
    if (!memory)
        return nullptr;
    Ref<Tuple> tuple = Ref<Tuple>::steal(static_cast<Tuple*>(memory.release()));
    tuple->size = static_cast<intptr_t>(count);
    for (size_t i = 0; i < count; ++i) {
        Object* item = list_items(list.get())[i];
        incref(item);
        tuple_items(tuple.get())[i] = item;
    }
    return Ref<Object>(std::move(tuple).cast<Object>());
}

Ref<Object> dict_construct(VM& vm, Type*, Args args, size_t nargs, Object* kwnames) {
    size_t npos = positional(nargs, kwnames);
    Ref<Object> dict = dict_new(vm);
    if (!dict)
        return nullptr;
    if (npos > 1)
        return raise_type_error(vm, "dict expected at most 1 argument, got ", npos);
    if (npos == 1 && !is_ok(dict_update_any(runtime_of(vm), dict.get(), args[0])))
        return nullptr;
    for (size_t i = npos; i < nargs; ++i) {
        if (!is_ok(dict_setitem(vm, dict.get(), tuple_items(kwnames)[i - npos], args[i])))
            return nullptr;
    }
    return dict;
}

Ref<Object> make_set(VM& vm, Args args, size_t nargs, bool frozen) {
    Ref<Object> set = set_new(vm, frozen);
    if (!set)
        return nullptr;
    if (nargs > 0 && is_set_or_frozenset(args[0])) {
        // CPython's set_update_internal merges another set's table, whatever its __iter__.
        intptr_t pos = 0;
        Object* key = nullptr;
        while (set_next(args[0], pos, &key)) {
            if (!is_ok(set_add(vm, set.get(), key)))
                return nullptr;
        }
    } else if (nargs > 0) {
        Ref<Object> items = sequence_to_list(vm, args[0]);
        if (!items)
            return nullptr;
        for (intptr_t i = 0; i < list_size(items.get()); ++i) {
            if (!is_ok(set_add(vm, set.get(), list_items(items.get())[i])))
                return nullptr;
        }
    }
    return set;
}

Ref<Object> set_construct(VM& vm, Type*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_one_optional(vm, "set", nargs, kwnames)))
        return nullptr;
    return make_set(vm, args, nargs, false);
}
Ref<Object> frozenset_construct(VM& vm, Type*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_one_optional(vm, "frozenset", nargs, kwnames)))
        return nullptr;
    return make_set(vm, args, nargs, true);
}

Ref<Object> bytes_construct(VM& vm, Type*, Args args, size_t nargs, Object* kwnames) {
    std::string data;
    if (!is_ok(bytes_from_arguments(vm, "bytes", args, positional(nargs, kwnames), kwnames, data)))
        return nullptr;
    return bytes_new(vm, data);
}

Ref<Object> bytearray_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    std::string data;
    if (!is_ok(
            bytes_from_arguments(vm, "bytearray", args, positional(nargs, kwnames), kwnames, data)))
        return nullptr;
    if (cls == vm.types().bytearray || !cls)
        return bytearray_new(vm, data);
    Ref<ByteArray> a = allocate_object<ByteArray>(vm, cls);
    if (!a)
        return nullptr;
    a->data = nullptr;
    a->length = 0;
    a->allocated = 0;
    if (!is_ok(bytearray_assign(vm, a.get(), data)))
        return nullptr;
    return Ref<Object>(std::move(a).cast<Object>());
}

Ref<Object> memoryview_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    Object* object = nullptr;
    if (!is_ok(bind_arguments(vm, {"memoryview", {"object"}, 1}, args, positional(nargs, kwnames),
                              kwnames, &object)))
        return nullptr;
    return memoryview_new(vm, cls, object);
}

// ====== Iterator adapters

enum class AdapterKind : uint8_t {
    enumerate,
    zip,
    zip_strict,
    map,
    filter,
    reversed,
    sequence,
    callable
};

struct Adapter : Object {
    AdapterKind kind;
    bool exhausted;
    Object* function;  // map/filter callable (owned) or null
    Object* iterators; // tuple of iterators (owned); for reversed/sequence: (sequence,)
    int64_t index;     // enumerate counter, reversed/sequence position
    Object* counter;   // enumerate counter past int64 (unused) or null
};

Adapter* as_adapter(Object* object) {
    return static_cast<Adapter*>(object);
}

int adapter_traverse(Object* self, VisitFn visit, void* arg) {
    Adapter* a = as_adapter(self);
    for (Object* field : {a->function, a->iterators, a->counter}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    return 0;
}

void adapter_clear(Object* self) {
    Adapter* a = as_adapter(self);
    set_ref(a->function, nullptr);
    set_ref(a->iterators, nullptr);
    set_ref(a->counter, nullptr);
}

void adapter_dealloc(Object* self) {
    adapter_clear(self);
    vm_of(self).heap().release(self);
}

Ref<Object> next_of(VM& vm, Adapter* a, intptr_t i) {
    Object* iterator = tuple_items(a->iterators)[i];
    return iter_next(vm, iterator);
}

// zip(strict=True) found iterator `i` exhausted: the others must be too (PEP 618).
Ref<Object> zip_strict_error(VM& vm, Adapter* a, intptr_t i) {
    if (i > 0)
        return raise_value_error(vm, "zip() argument ", i + 1, " is shorter than argument",
                                 i == 1 ? " 1" : "s 1-" + std::to_string(i));
    for (intptr_t j = 1; j < tuple_size(a->iterators); ++j) {
        Ref<Object> item = next_of(vm, a, j);
        if (item)
            return raise_value_error(vm, "zip() argument ", j + 1, " is longer than argument",
                                     j == 1 ? " 1" : "s 1-" + std::to_string(j));
        if (vm.thread_state().has_exception())
            return nullptr;
    }
    return nullptr;
}

Ref<Object> adapter_next(VM& vm, Object* self) {
    Adapter* a = as_adapter(self);
    if (a->exhausted || !a->iterators)
        return nullptr;
    switch (a->kind) {
    case AdapterKind::enumerate: {
        Ref<Object> item = next_of(vm, a, 0);
        if (!item)
            return nullptr;
        Ref<Object> index = int_from_i64(vm, a->index++);
        if (!index)
            return nullptr;
        return tuple_pack(vm, {index.get(), item.get()});
    }
    case AdapterKind::zip:
    case AdapterKind::zip_strict: {
        intptr_t count = tuple_size(a->iterators);
        Ref<Object> result = tuple_new(vm, static_cast<size_t>(count));
        if (!result)
            return nullptr;
        for (intptr_t i = 0; i < count; ++i) {
            Ref<Object> item = next_of(vm, a, i);
            if (!item) {
                a->exhausted = true;
                if (a->kind == AdapterKind::zip_strict && !vm.thread_state().has_exception())
                    return zip_strict_error(vm, a, i);
                return nullptr;
            }
            tuple_items(result.get())[i] = item.release();
        }
        return result;
    }
    case AdapterKind::callable: {
        Ref<Object> value = call_object(vm, tuple_items(a->iterators)[0], nullptr, 0);
        if (!value)
            return nullptr;
        int equal = object_rich_compare_bool(vm, value.get(), a->function, CompareOp::eq);
        if (equal < 0)
            return nullptr;
        if (equal) {
            a->exhausted = true;
            return nullptr;
        }
        return value;
    }
    case AdapterKind::map: {
        intptr_t count = tuple_size(a->iterators);
        if (count == 1) {
            // map(f, iterable): the one argument from the stack, no argument vectors to allocate.
            Ref<Object> item = next_of(vm, a, 0);
            if (!item)
                return nullptr;
            Object* arg = item.get();
            return call_object(vm, a->function, &arg, 1);
        }
        std::vector<Ref<Object>> items;
        std::vector<Object*> raw;
        for (intptr_t i = 0; i < count; ++i) {
            Ref<Object> item = next_of(vm, a, i);
            if (!item)
                return nullptr;
            raw.push_back(item.get());
            items.push_back(std::move(item));
        }
        return call_object(vm, a->function, raw.data(), raw.size());
    }
    case AdapterKind::filter:
        for (;;) {
            Ref<Object> item = next_of(vm, a, 0);
            if (!item)
                return nullptr;
            int truth;
            if (!a->function || a->function == vm.none()) {
                truth = object_is_true(vm, item.get());
            } else {
                Object* arg = item.get();
                Ref<Object> verdict = call_object(vm, a->function, &arg, 1);
                if (!verdict)
                    return nullptr;
                truth = object_is_true(vm, verdict.get());
            }
            if (truth < 0)
                return nullptr;
            if (truth)
                return item;
        }
    case AdapterKind::reversed: {
        if (a->index < 0) {
            a->exhausted = true;
            return nullptr;
        }
        Ref<Object> key = int_from_i64(vm, a->index--);
        return key ? object_getitem(vm, tuple_items(a->iterators)[0], key.get()) : nullptr;
    }
    case AdapterKind::sequence: {
        Ref<Object> key = int_from_i64(vm, a->index++);
        if (!key)
            return nullptr;
        Ref<Object> item = object_getitem(vm, tuple_items(a->iterators)[0], key.get());
        if (!item &&
            (exception_matches(vm.thread_state().exception(), vm.exceptions().IndexError) ||
             exception_matches(vm.thread_state().exception(), vm.exceptions().StopIteration))) {
            vm.thread_state().clear_exception();
            a->exhausted = true;
        }
        return item;
    }
    }
    return nullptr;
}

Ref<Object> make_adapter(VM& vm, Type* type, AdapterKind kind, Object* function,
                         Ref<Object> iterators, int64_t index) {
    Ref<Adapter> a = allocate_object<Adapter>(vm, type);
    if (!a)
        return nullptr;
    a->kind = kind;
    xincref(function);
    a->function = function;
    a->iterators = iterators.release();
    a->index = index;
    return Ref<Object>(std::move(a).cast<Object>());
}

Ref<Object> iterators_of(VM& vm, Args args, size_t count) {
    Ref<Object> tuple = tuple_new(vm, count);
    if (!tuple)
        return nullptr;
    for (size_t i = 0; i < count; ++i) {
        Ref<Object> iterator = get_iter(vm, args[i]);
        if (!iterator)
            return nullptr;
        tuple_items(tuple.get())[i] = iterator.release();
    }
    return tuple;
}

Ref<Object> enumerate_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    size_t npos = positional(nargs, kwnames);
    if (nargs > 2)
        return raise_type_error(vm, "enumerate() takes at most 2 arguments (", nargs, " given)");
    for (intptr_t i = 0; kwnames && i < tuple_size(kwnames); ++i) {
        std::string_view keyword = str_ascii_view(tuple_items(kwnames)[i]);
        // CPython's enumerate_new_impl: 'iterable' by keyword only without a positional one.
        if ((keyword != "iterable" && keyword != "start") || (keyword == "iterable" && npos > 0))
            return raise_type_error(vm, "'", str_to_utf8(tuple_items(kwnames)[i]),
                                    "' is an invalid keyword argument for enumerate()");
    }
    Object* iterable = npos > 0 ? args[0] : keyword_argument(args, npos, kwnames, "iterable");
    Object* start = npos > 1 ? args[1] : keyword_argument(args, npos, kwnames, "start");
    if (!iterable)
        return raise_type_error(vm, "enumerate() missing required argument 'iterable'");
    int64_t first = 0;
    if (start && !is_ok(index_value(vm, start, first)))
        return nullptr;
    Ref<Object> iterators = iterators_of(vm, &iterable, 1);
    if (!iterators)
        return nullptr;
    return make_adapter(vm, cls, AdapterKind::enumerate, nullptr, std::move(iterators), first);
}

Ref<Object> zip_construct(VM& vm, Type* cls, Args args, size_t nargs, Object* kwnames) {
    size_t npos = positional(nargs, kwnames);
    if (!is_ok(check_keywords(vm, "zip", kwnames, {"strict"})))
        return nullptr;
    Object* strict = keyword_argument(args, npos, kwnames, "strict");
    int is_strict = strict ? object_is_true(vm, strict) : 0;
    if (is_strict < 0)
        return nullptr;
    Ref<Object> iterators = iterators_of(vm, args, npos);
    if (!iterators)
        return nullptr;
    Ref<Object> result =
        make_adapter(vm, cls, is_strict ? AdapterKind::zip_strict : AdapterKind::zip, nullptr,
                     std::move(iterators), 0);
    if (result && npos == 0)
        as_adapter(result.get())->exhausted = true;
    return result;
}

Ref<Object> map_construct(VM& vm, Type* cls, Args args, size_t nargs, Object*) {
    if (nargs < 2)
        return raise_type_error(vm, "map() must have at least two arguments.");
    Ref<Object> iterators = iterators_of(vm, args + 1, nargs - 1);
    if (!iterators)
        return nullptr;
    return make_adapter(vm, cls, AdapterKind::map, args[0], std::move(iterators), 0);
}

Ref<Object> filter_construct(VM& vm, Type* cls, Args args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "filter expected 2 arguments, got ", nargs);
    Ref<Object> iterators = iterators_of(vm, args + 1, 1);
    if (!iterators)
        return nullptr;
    return make_adapter(vm, cls, AdapterKind::filter, args[0], std::move(iterators), 0);
}

Ref<Object> reversed_construct(VM& vm, Type* cls, Args args, size_t nargs, Object*) {
    if (nargs != 1)
        return raise_type_error(vm, "reversed expected 1 argument, got ", nargs);
    Object* sequence = args[0];
    Runtime& rt = runtime_of(vm);
    Ref<Object> custom = intern(vm, "__reversed__");
    if (custom && is_heap_type(sequence->type) && type_lookup(sequence->type, custom.get()))
        return call_dunder(vm, sequence, custom.get(), nullptr, 0);
    if (is_dict(sequence) || sequence->type == vm.types().dict_keys ||
        sequence->type == vm.types().dict_values || sequence->type == vm.types().dict_items ||
        sequence->type == rt.types().mappingproxy) {
        if (const MethodDef* def = find_method(sequence->type, "__reversed__"))
            return def->function(vm, sequence, nullptr, 0, nullptr);
    }
    if (is_dict(sequence) || is_set_or_frozenset(sequence) || !sequence->type->slots.getitem ||
        !sequence->type->slots.len)
        return raise_type_error(vm, "'", sequence->type->name, "' object is not reversible");
    intptr_t length = object_len(vm, sequence);
    if (length < 0)
        return nullptr;
    Ref<Object> holder = tuple_pack(vm, {sequence});
    if (!holder)
        return nullptr;
    (void)rt;
    return make_adapter(vm, cls, AdapterKind::reversed, nullptr, std::move(holder), length - 1);
}

Type* make_adapter_type(VM& vm, const char* name) {
    TypeSpec spec{};
    spec.name = name;
    spec.basic_size = sizeof(Adapter);
    spec.flags = type_has_gc;
    spec.slots.dealloc = adapter_dealloc;
    spec.slots.traverse = adapter_traverse;
    spec.slots.clear = adapter_clear;
    spec.slots.iter = iter_self;
    spec.slots.next = adapter_next;
    return make_type(vm, spec).release();
}

// Adds methods D's type does not have yet to its dict (so they bind like functions).
bool supplement_methods(Runtime& rt, Type* type, const MethodDef* table) {
    VM& vm = rt.vm();
    for (const MethodDef* def = table; def->name; ++def) {
        if (find_method(type, def->name))
            continue;
        if (!type_ensure_dict(vm, type))
            return false;
        Ref<Object> function = builtin_function_new(rt, def, nullptr);
        Ref<Object> name = intern(vm, def->name);
        if (!function || !name)
            return false;
        static_cast<BuiltinFunction*>(function.get())->owner = type;
        if (!is_ok(dict_setitem(vm, type->dict, name.get(), function.get())))
            return false;
    }
    return true;
}

// Puts def into type's dict wrapped in a classmethod or staticmethod (wrapper), as CPython's
// METH_CLASS / METH_STATIC methods.
bool install_wrapped(Runtime& rt, Type* type, const MethodDef* def, Type* wrapper) {
    VM& vm = rt.vm();
    if (!type_ensure_dict(vm, type))
        return false;
    Ref<Object> function = builtin_function_new(rt, def, nullptr);
    if (!function)
        return false;
    Object* call_args[1] = {function.get()};
    Ref<Object> wrapped = call_object(vm, wrapper, call_args, 1);
    Ref<Object> name = intern(vm, def->name);
    return wrapped && name && is_ok(dict_setitem(vm, type->dict, name.get(), wrapped.get()));
}

bool install_getters(Runtime& rt, Type* type, const MethodDef* table) {
    for (const MethodDef* def = table; def->name; ++def) {
        if (!install_wrapped(rt, type, def, rt.types().property))
            return false;
    }
    return true;
}

} // namespace

Ref<Object> make_sequence_iterator(VM& vm, Type* type, Ref<Object> holder) {
    return make_adapter(vm, type, AdapterKind::sequence, nullptr, std::move(holder), 0);
}
void make_callable_iterator(Object* iterator, Object* sentinel) {
    Adapter* a = as_adapter(iterator);
    a->kind = AdapterKind::callable;
    incref(sentinel);
    set_ref(a->function, sentinel);
}
Type* make_iterator_type(VM& vm, const char* name) {
    return make_adapter_type(vm, name);
}

bool init_builtin_types(Runtime& rt, Object* builtins) {
    VM& vm = rt.vm();
    BuiltinTypes& b = vm.types();
    struct Entry {
        const char* name;
        Type* type;
        ConstructorFn constructor;
    };
    RuntimeTypes& t = rt.types();
    if (!init_bytearray_type(vm) || !init_dict_view_types(vm))
        return false;
    const Entry entries[] = {
        {"int", b.int_, int_construct},
        {"float", b.float_, float_construct},
        {"str", b.str, str_construct},
        {"bool", b.bool_, bool_construct},
        {"list", b.list, list_construct},
        {"tuple", b.tuple, tuple_construct},
        {"dict", b.dict, dict_construct},
        {"set", b.set, set_construct},
        {"frozenset", b.frozenset, frozenset_construct},
        {"bytes", b.bytes, bytes_construct},
        {"bytearray", b.bytearray, bytearray_construct},
        {"memoryview", make_memoryview_type(vm), memoryview_construct},
        {"enumerate", make_adapter_type(vm, "enumerate"), enumerate_construct},
        {"zip", make_adapter_type(vm, "zip"), zip_construct},
        {"map", make_adapter_type(vm, "map"), map_construct},
        {"filter", make_adapter_type(vm, "filter"), filter_construct},
        {"reversed", make_adapter_type(vm, "reversed"), reversed_construct},
    };
    for (const Entry& entry : entries) {
        if (!entry.type)
            return false;
        rt.set_constructor(entry.type, entry.constructor);
        Ref<Object> key = intern(vm, entry.name);
        if (!key || !is_ok(dict_setitem(vm, builtins, key.get(), entry.type)))
            return false;
    }
    t.iterator_adapter = entries[12].type;
    return supplement_methods(rt, b.bytearray, bytearray_common_methods) &&
           install_wrapped(rt, b.dict, &dict_fromkeys_def, rt.types().classmethod) &&
           install_wrapped(rt, b.bytes, &bytes_fromhex_def, rt.types().classmethod) &&
           install_wrapped(rt, b.bytearray, &bytes_fromhex_def, rt.types().classmethod) &&
           install_wrapped(rt, b.int_, &int_from_bytes_def, rt.types().classmethod) &&
           install_wrapped(rt, b.float_, &float_fromhex_def, rt.types().classmethod) &&
           install_wrapped(rt, b.str, &str_maketrans_def, rt.types().staticmethod) &&
           install_wrapped(rt, b.bytes, &bytes_maketrans_def, rt.types().staticmethod) &&
           install_wrapped(rt, b.bytearray, &bytes_maketrans_def, rt.types().staticmethod) &&
           install_getters(rt, b.int_, int_getters) && install_getters(rt, b.float_, float_getters);
}

} // namespace minipy::stdlib

namespace minipy::vm {

Ref<Object> callable_iterator_new(Runtime& rt, Object* callable, Object* sentinel) {
    VM& vm = rt.vm();
    Ref<Object> holder = tuple_pack(vm, {callable});
    if (!holder)
        return nullptr;
    Ref<Object> it = stdlib::make_sequence_iterator(vm, rt.types().seq_iterator, std::move(holder));
    if (!it)
        return nullptr;
    stdlib::make_callable_iterator(it.get(), sentinel);
    return it;
}

Ref<Object> sequence_iterator_new(Runtime& rt, Object* sequence) {
    VM& vm = rt.vm();
    Ref<Object> holder = tuple_pack(vm, {sequence});
    if (!holder)
        return nullptr;
    return stdlib::make_sequence_iterator(vm, rt.types().seq_iterator, std::move(holder));
}

bool init_iterator_types(Runtime& rt) {
    rt.types().seq_iterator = stdlib::make_iterator_type(rt.vm(), "iterator");
    return rt.types().seq_iterator != nullptr;
}

// CPython's PRINT_EXPR: calls sys.displayhook(value), which the REPL user may replace.
Status display_hook(Runtime& rt, Object* value) {
    VM& vm = rt.vm();
    Ref<Object> hook = stdlib::sys_get(rt, "displayhook");
    if (!hook) {
        if (!vm.thread_state().has_exception())
            (void)raise_message(vm, vm.exceptions().RuntimeError, "lost sys.displayhook");
        return Status::error;
    }
    Object* args[] = {value};
    return call_object(vm, hook.get(), args, 1) ? Status::ok : Status::error;
}

} // namespace minipy::vm
