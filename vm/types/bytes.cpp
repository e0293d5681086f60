// bytes: an immutable byte string stored right after the header with a terminating zero byte; the
// hash is the same keyed XXH3 as str's and is cached. The empty bytes is the VM's pooled one.
// The methods here serve bytes and bytearray alike (Library Reference 4.8.3, "Bytes and Bytearray
// Operations"): they read the receiver through bytes_like() and build results of its own kind.
#include "vm/types/bytes.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "compiler/literals.h"
#include "vm/eval_helpers.h"
#include "vm/format.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/codecs.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/method_args.h"
#include "vm/types/range.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"
#include "vm/vm.h"

namespace minipy::vm {
namespace {

using Args = Object* const*;

size_t uz(intptr_t value) {
    return static_cast<size_t>(value);
}
intptr_t sz(size_t value) {
    return static_cast<intptr_t>(value);
}

std::string_view view_of(const Object* self) {
    std::string_view out;
    bytes_like(self, out);
    return out;
}

Raised raise_not_bytes_like(VM& vm, Object* value) {
    return raise_type_error(vm, "a bytes-like object is required, not '", value->type->name, "'");
}

// ====== Slots of bytes

Ref<Object> bytes_repr(VM& vm, Object* self) {
    return str_from_utf8(vm, compiler::repr_bytes(bytes_view(self)));
}

int64_t bytes_hash(VM& vm, Object* self) {
    auto* b = static_cast<Bytes*>(self);
    if (b->hash == -1)
        b->hash = hash_bytes(vm, bytes_data(self), static_cast<size_t>(b->size));
    return b->hash;
}

intptr_t bytes_len(VM&, Object* self) {
    return static_cast<Bytes*>(self)->size;
}

// b[i] is an int (Reference 3.2: items of bytes are integers 0..255); b[i:j:k] is bytes.
Ref<Object> bytes_getitem(VM& vm, Object* self, Object* key) {
    std::string_view data = bytes_view(self);
    if (key->type == runtime_of(vm).types().slice) {
        intptr_t start = 0, stop = 0, step = 0, count = 0;
        if (!is_ok(slice_indices(vm, key, sz(data.size()), start, stop, step, count)))
            return nullptr;
        if (step == 1 && count == sz(data.size()) && self->type == vm.types().bytes)
            return Ref<Object>::borrow(self);
        std::string out;
        out.reserve(uz(count));
        for (intptr_t i = 0, at = start; i < count; ++i, at += step)
            out.push_back(data[uz(at)]);
        return bytes_new(vm, out);
    }
    if (!is_int(key) && !key->type->slots.index)
        return raise_type_error(vm, "byte indices must be integers or slices, not ",
                                key->type->name);
    int64_t index = 0;
    if (!is_ok(index_value(vm, key, index)))
        return nullptr;
    intptr_t size = sz(data.size());
    if (index < 0)
        index += size;
    if (index < 0 || index >= size)
        return raise_index_error(vm, "index out of range");
    return int_from_i64(vm, static_cast<uint8_t>(data[uz(static_cast<intptr_t>(index))]));
}

Ref<Object> bytes_add(VM& vm, Object* left, Object* right) {
    std::string_view a, b;
    if (!bytes_like(left, a) || !bytes_like(right, b)) {
        if (bytes_like(left, a))
            return raise_type_error(vm, "can't concat ", right->type->name, " to ",
                                    left->type->name);
        return vm.new_not_implemented();
    }
    std::string joined(a);
    joined += b;
    return bytes_result_like(vm, left, joined);
}

Ref<Object> bytes_mul(VM& vm, Object* left, Object* right) {
    std::string_view data;
    Object* count_object = right;
    Object* self = left;
    if (!bytes_like(left, data)) {
        self = right;
        count_object = left;
        if (!bytes_like(right, data))
            return vm.new_not_implemented();
    }
    if (!is_int(count_object))
        return vm.new_not_implemented();
    intptr_t count = 0;
    if (!is_ok(int_to_ssize(vm, count_object, count)))
        return raise_overflow_error(vm, "cannot fit 'int' into an index-sized integer");
    if (count <= 0)
        return bytes_result_like(vm, self, "");
    if (!data.empty() && uz(count) > (SIZE_MAX / 4) / data.size())
        return raise_memory_error(vm);
    std::string out;
    out.reserve(data.size() * uz(count));
    for (intptr_t i = 0; i < count; ++i)
        out += data;
    return bytes_result_like(vm, self, out);
}

Ref<Object> bytes_mod(VM& vm, Object* left, Object* right) {
    std::string_view data;
    if (!bytes_like(left, data))
        return vm.new_not_implemented();
    Ref<Object> result = percent_format(vm, left, right, true);
    if (!result || is_bytes(left))
        return result;
    return bytearray_new(vm, bytes_view(result.get()));
}

// ====== Argument helpers

// A bytes-like argument or an int 0..255 (find, count, index, in).
Status sub_argument(VM& vm, Object* value, std::string& out) {
    std::string_view view;
    if (bytes_like(value, view)) {
        out.assign(view);
        return Status::ok;
    }
    if (is_int(value) || value->type->slots.index) {
        int64_t byte = -1;
        if (!is_ok(index_value(vm, value, byte)))
            return Status::error;
        if (byte < 0 || byte > 255)
            return raise_value_error(vm, "byte must be in range(0, 256)");
        out.assign(1, static_cast<char>(byte));
        return Status::ok;
    }
    return raise_type_error(vm, "argument should be integer or bytes-like object, not '",
                            value->type->name, "'");
}

Status search_range(VM& vm, const char* name, Args args, size_t nargs, intptr_t length,
                    intptr_t& start, intptr_t& end) {
    if (nargs < 1)
        return raise_type_error(vm, name, "() takes at least 1 argument (0 given)");
    if (nargs > 3)
        return raise_type_error(vm, name, "() takes at most 3 arguments (", nargs, " given)");
    if (!is_ok(optional_index(vm, nargs > 1 ? args[1] : nullptr, 0, start)) ||
        !is_ok(optional_index(vm, nargs > 2 ? args[2] : nullptr, INTPTR_MAX, end)))
        return Status::error;
    adjust_indices(start, end, length);
    return Status::ok;
}

intptr_t find_in(std::string_view text, std::string_view sub, intptr_t start, intptr_t end,
                 bool reverse) {
    if (start > sz(text.size()) || end - start < sz(sub.size()))
        return -1;
    std::string_view window = text.substr(uz(start), uz(end - start));
    size_t found = reverse ? window.rfind(sub) : window.find(sub);
    return found == std::string_view::npos ? -1 : start + sz(found);
}

Ref<Object> find_common(VM& vm, Object* self, Args args, size_t nargs, const char* name,
                        bool reverse, bool raise) {
    std::string_view text = view_of(self);
    intptr_t start = 0, end = 0;
    if (!is_ok(search_range(vm, name, args, nargs, sz(text.size()), start, end)))
        return nullptr;
    std::string sub;
    if (!is_ok(sub_argument(vm, args[0], sub)))
        return nullptr;
    intptr_t found = find_in(view_of(self), sub, start, end, reverse);
    if (found < 0 && raise)
        return raise_value_error(vm, "subsection not found");
    return int_from_i64(vm, found);
}
Ref<Object> b_find(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return find_common(vm, self, args, nargs, "find", false, false);
}
Ref<Object> b_rfind(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return find_common(vm, self, args, nargs, "rfind", true, false);
}
Ref<Object> b_index(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return find_common(vm, self, args, nargs, "index", false, true);
}
Ref<Object> b_rindex(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return find_common(vm, self, args, nargs, "rindex", true, true);
}
Ref<Object> b_count(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    std::string_view text = view_of(self);
    intptr_t start = 0, end = 0;
    if (!is_ok(search_range(vm, "count", args, nargs, sz(text.size()), start, end)))
        return nullptr;
    std::string sub;
    if (!is_ok(sub_argument(vm, args[0], sub)))
        return nullptr;
    text = view_of(self);
    if (start > sz(text.size()) || end < start)
        return int_from_i64(vm, 0);
    if (sub.empty())
        return int_from_i64(vm, end - start + 1);
    int64_t count = 0;
    for (intptr_t at = find_in(text, sub, start, end, false); at >= 0;
         at = find_in(text, sub, at + sz(sub.size()), end, false))
        ++count;
    return int_from_i64(vm, count);
}

Ref<Object> affix_common(VM& vm, Object* self, Args args, size_t nargs, bool at_start) {
    const char* name = at_start ? "startswith" : "endswith";
    std::string_view text = view_of(self);
    intptr_t start = 0, end = 0;
    if (!is_ok(search_range(vm, name, args, nargs, sz(text.size()), start, end)))
        return nullptr;
    text = view_of(self);
    auto matches = [&](std::string_view a) {
        if (start > sz(text.size()) || end - start < sz(a.size()))
            return false;
        intptr_t at = at_start ? start : end - sz(a.size());
        return text.substr(uz(at), a.size()) == a;
    };
    std::string_view affix;
    if (is_tuple(args[0])) {
        for (intptr_t i = 0; i < tuple_size(args[0]); ++i) {
            Object* item = tuple_items(args[0])[i];
            if (!bytes_like(item, affix))
                return raise_type_error(vm, "a bytes-like object is required, not '",
                                        item->type->name, "'");
            if (matches(affix))
                return vm.new_bool(true);
        }
        return vm.new_bool(false);
    }
    if (!bytes_like(args[0], affix))
        return raise_type_error(vm, name, " first arg must be bytes or a tuple of bytes, not ",
                                args[0]->type->name);
    return vm.new_bool(matches(affix));
}
Ref<Object> b_startswith(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return affix_common(vm, self, args, nargs, true);
}
Ref<Object> b_endswith(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return affix_common(vm, self, args, nargs, false);
}

// ====== Splitting and joining

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}

Ref<Object> list_of_pieces(VM& vm, Object* self, const std::vector<std::string>& pieces) {
    Ref<Object> list = list_new(vm, pieces.size());
    if (!list)
        return nullptr;
    for (const std::string& piece : pieces) {
        Ref<Object> b = bytes_result_like(vm, self, piece);
        if (!b || !is_ok(list_append(vm, list.get(), b.get())))
            return nullptr;
    }
    return list;
}

Status split_arguments(VM& vm, const char* name, Args args, size_t nargs, Object* kwnames,
                       bool& has_sep, std::string& sep, intptr_t& maxsplit) {
    Object* values[2];
    if (!is_ok(bind_arguments(vm, {name, {"sep", "maxsplit"}}, args, nargs, kwnames, values)))
        return Status::error;
    has_sep = values[0] && values[0] != vm.none();
    maxsplit = -1;
    if (values[1]) {
        if (!is_int(values[1]))
            return raise_type_error(vm, "'", values[1]->type->name,
                                    "' object cannot be interpreted as an integer");
        if (!is_ok(int_to_ssize(vm, values[1], maxsplit)))
            return Status::error;
    }
    if (maxsplit < 0)
        maxsplit = INTPTR_MAX;
    if (has_sep) {
        std::string_view view;
        if (!bytes_like(values[0], view))
            return raise_not_bytes_like(vm, values[0]);
        if (view.empty())
            return raise_value_error(vm, "empty separator");
        sep.assign(view);
    }
    return Status::ok;
}

Ref<Object> b_split(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    bool has_sep = false;
    std::string sep;
    intptr_t maxsplit = 0;
    if (!is_ok(split_arguments(vm, "split", args, nargs, kwnames, has_sep, sep, maxsplit)))
        return nullptr;
    std::string text(view_of(self));
    std::vector<std::string> pieces;
    if (!has_sep) {
        size_t i = 0;
        size_t n = text.size();
        while (true) {
            while (i < n && is_ascii_space(text[i]))
                ++i;
            if (i == n)
                break;
            if (sz(pieces.size()) == maxsplit) {
                pieces.push_back(text.substr(i));
                break;
            }
            size_t start = i;
            while (i < n && !is_ascii_space(text[i]))
                ++i;
            pieces.push_back(text.substr(start, i - start));
        }
        return list_of_pieces(vm, self, pieces);
    }
    size_t start = 0;
    while (sz(pieces.size()) < maxsplit) {
        size_t found = text.find(sep, start);
        if (found == std::string::npos)
            break;
        pieces.push_back(text.substr(start, found - start));
        start = found + sep.size();
    }
    pieces.push_back(text.substr(start));
    return list_of_pieces(vm, self, pieces);
}

Ref<Object> b_rsplit(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    bool has_sep = false;
    std::string sep;
    intptr_t maxsplit = 0;
    if (!is_ok(split_arguments(vm, "rsplit", args, nargs, kwnames, has_sep, sep, maxsplit)))
        return nullptr;
    std::string text(view_of(self));
    std::vector<std::string> pieces;
    if (!has_sep) {
        size_t i = text.size();
        while (true) {
            while (i > 0 && is_ascii_space(text[i - 1]))
                --i;
            if (i == 0)
                break;
            if (sz(pieces.size()) == maxsplit) {
                pieces.push_back(text.substr(0, i));
                break;
            }
            size_t end = i;
            while (i > 0 && !is_ascii_space(text[i - 1]))
                --i;
            pieces.push_back(text.substr(i, end - i));
        }
    } else {
        size_t end = text.size();
        while (sz(pieces.size()) < maxsplit && end >= sep.size()) {
            size_t found = text.rfind(sep, end - sep.size());
            if (found == std::string::npos)
                break;
            pieces.push_back(text.substr(found + sep.size(), end - found - sep.size()));
            end = found;
        }
        pieces.push_back(text.substr(0, end));
    }
    std::reverse(pieces.begin(), pieces.end());
    return list_of_pieces(vm, self, pieces);
}

Ref<Object> b_splitlines(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    Object* keep_arg = nullptr;
    if (!is_ok(bind_arguments(vm, {"splitlines", {"keepends"}}, args, nargs, kwnames, &keep_arg)))
        return nullptr;
    int keepends = keep_arg ? object_is_true(vm, keep_arg) : 0;
    if (keepends < 0)
        return nullptr;
    std::string text(view_of(self));
    std::vector<std::string> pieces;
    size_t i = 0;
    while (i < text.size()) {
        size_t start = i;
        while (i < text.size() && text[i] != '\n' && text[i] != '\r')
            ++i;
        size_t end = i;
        if (i < text.size()) {
            i += text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
            if (keepends)
                end = i;
        }
        pieces.push_back(text.substr(start, end - start));
    }
    return list_of_pieces(vm, self, pieces);
}

Ref<Object> partition_common(VM& vm, Object* self, Object* sep_object, bool reverse) {
    std::string_view sep;
    if (!bytes_like(sep_object, sep))
        return raise_not_bytes_like(vm, sep_object);
    if (sep.empty())
        return raise_value_error(vm, "empty separator");
    std::string text(view_of(self));
    std::string separator(sep);
    size_t found = reverse ? text.rfind(separator) : text.find(separator);
    std::string head, middle, tail;
    if (found == std::string::npos) {
        (reverse ? tail : head) = text;
    } else {
        head = text.substr(0, found);
        middle = separator;
        tail = text.substr(found + separator.size());
    }
    Ref<Object> a = bytes_result_like(vm, self, head);
    Ref<Object> b = is_bytes(sep_object) && is_bytes(self) && found != std::string::npos
                        ? Ref<Object>::borrow(sep_object)
                        : bytes_result_like(vm, self, middle);
    Ref<Object> c = bytes_result_like(vm, self, tail);
    if (!a || !b || !c)
        return nullptr;
    return tuple_pack(vm, {a.get(), b.get(), c.get()});
}
Ref<Object> b_partition(VM& vm, Object* self, Args args, size_t, Object*) {
    return partition_common(vm, self, args[0], false);
}
Ref<Object> b_rpartition(VM& vm, Object* self, Args args, size_t, Object*) {
    return partition_common(vm, self, args[0], true);
}

Ref<Object> b_join(VM& vm, Object* self, Args args, size_t, Object*) {
    Ref<Object> items = sequence_to_list(vm, args[0]);
    if (!items) {
        if (exception_matches(vm.thread_state().exception(), vm.exceptions().TypeError)) {
            vm.thread_state().clear_exception();
            return raise_type_error(vm, "can only join an iterable");
        }
        return nullptr;
    }
    std::string separator(view_of(self));
    std::string out;
    for (intptr_t i = 0; i < list_size(items.get()); ++i) {
        Object* item = list_items(items.get())[i];
        std::string_view piece;
        if (!bytes_like(item, piece))
            return raise_type_error(vm, "sequence item ", i, ": expected a bytes-like object, ",
                                    item->type->name, " found");
        if (i > 0)
            out += separator;
        out += piece;
    }
    return bytes_result_like(vm, self, out);
}

// ====== Stripping, padding, replacing

Ref<Object> strip_common(VM& vm, Object* self, Args args, size_t nargs, const char* name, bool left,
                         bool right) {
    if (nargs > 1)
        return raise_type_error(vm, name, " expected at most 1 argument, got ", nargs);
    std::string set;
    bool has_set = nargs == 1 && args[0] != vm.none();
    if (has_set) {
        std::string_view view;
        if (!bytes_like(args[0], view))
            return raise_not_bytes_like(vm, args[0]);
        set.assign(view);
    }
    std::string_view text = view_of(self);
    auto strippable = [&](char c) {
        return has_set ? set.find(c) != std::string::npos : is_ascii_space(c);
    };
    size_t begin = 0;
    size_t end = text.size();
    while (left && begin < end && strippable(text[begin]))
        ++begin;
    while (right && end > begin && strippable(text[end - 1]))
        --end;
    return bytes_result_like(vm, self, text.substr(begin, end - begin));
}
Ref<Object> b_strip(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return strip_common(vm, self, args, nargs, "strip", true, true);
}
Ref<Object> b_lstrip(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return strip_common(vm, self, args, nargs, "lstrip", true, false);
}
Ref<Object> b_rstrip(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return strip_common(vm, self, args, nargs, "rstrip", false, true);
}

Ref<Object> affix_remove(VM& vm, Object* self, Object* affix_object, bool prefix) {
    std::string_view affix;
    if (!bytes_like(affix_object, affix))
        return raise_not_bytes_like(vm, affix_object);
    std::string_view text = view_of(self);
    if (!affix.empty() && affix.size() <= text.size()) {
        if (prefix && text.substr(0, affix.size()) == affix)
            return bytes_result_like(vm, self, text.substr(affix.size()));
        if (!prefix && text.substr(text.size() - affix.size()) == affix)
            return bytes_result_like(vm, self, text.substr(0, text.size() - affix.size()));
    }
    return bytes_result_like(vm, self, text);
}
Ref<Object> b_removeprefix(VM& vm, Object* self, Args args, size_t, Object*) {
    return affix_remove(vm, self, args[0], true);
}
Ref<Object> b_removesuffix(VM& vm, Object* self, Args args, size_t, Object*) {
    return affix_remove(vm, self, args[0], false);
}

Ref<Object> pad_common(VM& vm, Object* self, Args args, size_t nargs, const char* name, char how) {
    if (nargs < 1 || nargs > 2)
        return raise_type_error(vm, name, " expected ", nargs < 1 ? "at least 1" : "at most 2",
                                " argument", nargs < 1 ? "" : "s", ", got ", nargs);
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    intptr_t width = 0;
    if (!is_ok(int_to_ssize(vm, args[0], width)))
        return nullptr;
    char fill = ' ';
    if (nargs == 2) {
        std::string_view f;
        if (!bytes_like(args[1], f) || f.size() != 1)
            return raise_type_error(vm, name,
                                    "() argument 2 must be a byte string of length 1, "
                                    "not ",
                                    args[1]->type->name);
        fill = f[0];
    }
    std::string_view text = view_of(self);
    if (width <= sz(text.size()))
        return bytes_result_like(vm, self, text);
    intptr_t missing = width - sz(text.size());
    intptr_t left = how == '<' ? 0 : how == '>' ? missing : missing / 2 + (missing & width & 1);
    std::string out(uz(left), fill);
    out += text;
    out.append(uz(missing - left), fill);
    return bytes_result_like(vm, self, out);
}
Ref<Object> b_ljust(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return pad_common(vm, self, args, nargs, "ljust", '<');
}
Ref<Object> b_rjust(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return pad_common(vm, self, args, nargs, "rjust", '>');
}
Ref<Object> b_center(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    return pad_common(vm, self, args, nargs, "center", '^');
}
Ref<Object> b_zfill(VM& vm, Object* self, Args args, size_t, Object*) {
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    intptr_t width = 0;
    if (!is_ok(int_to_ssize(vm, args[0], width)))
        return nullptr;
    std::string text(view_of(self));
    if (width <= sz(text.size()))
        return bytes_result_like(vm, self, text);
    size_t fill = uz(width) - text.size();
    std::string out = std::string(fill, '0') + text;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        out[0] = text[0];
        out[fill] = '0';
    }
    return bytes_result_like(vm, self, out);
}

Ref<Object> b_expandtabs(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    Object* size_arg = nullptr;
    if (!is_ok(bind_arguments(vm, {"expandtabs", {"tabsize"}}, args, nargs, kwnames, &size_arg)))
        return nullptr;
    intptr_t tabsize = 8;
    if (size_arg && !is_ok(int_to_ssize(vm, size_arg, tabsize)))
        return nullptr;
    std::string out;
    size_t column = 0;
    for (char c : view_of(self)) {
        if (c == '\t') {
            if (tabsize > 0) {
                size_t spaces = uz(tabsize) - column % uz(tabsize);
                out.append(spaces, ' ');
                column += spaces;
            }
        } else {
            out.push_back(c);
            column = c == '\n' || c == '\r' ? 0 : column + 1;
        }
    }
    return bytes_result_like(vm, self, out);
}

Ref<Object> b_replace(VM& vm, Object* self, Args args, size_t nargs, Object*) {
    if (nargs < 2 || nargs > 3)
        return raise_type_error(vm, "replace expected ", nargs < 2 ? "at least 2" : "at most 3",
                                " arguments, got ", nargs);
    std::string_view old_view, new_view;
    if (!bytes_like(args[0], old_view))
        return raise_not_bytes_like(vm, args[0]);
    if (!bytes_like(args[1], new_view))
        return raise_not_bytes_like(vm, args[1]);
    intptr_t count = -1;
    if (nargs == 3 && !is_ok(int_to_ssize(vm, args[2], count)))
        return nullptr;
    if (count < 0)
        count = INTPTR_MAX;
    std::string text(view_of(self));
    std::string old_text(old_view);
    std::string replacement(new_view);
    std::string out;
    intptr_t done = 0;
    if (old_text.empty()) {
        for (size_t i = 0; i <= text.size(); ++i) {
            if (done < count) {
                out += replacement;
                ++done;
            }
            if (i < text.size())
                out.push_back(text[i]);
        }
        return bytes_result_like(vm, self, out);
    }
    size_t start = 0;
    while (done < count) {
        size_t found = text.find(old_text, start);
        if (found == std::string::npos)
            break;
        out.append(text, start, found - start);
        out += replacement;
        start = found + old_text.size();
        ++done;
    }
    out.append(text, start, std::string::npos);
    return bytes_result_like(vm, self, out);
}

// ====== ASCII case and predicates

bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_alpha(char c) {
    return is_lower(c) || is_upper(c);
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
char to_lower(char c) {
    return is_upper(c) ? static_cast<char>(c + 32) : c;
}
char to_upper(char c) {
    return is_lower(c) ? static_cast<char>(c - 32) : c;
}

template <class Map> Ref<Object> map_bytes(VM& vm, Object* self, Map map) {
    std::string out(view_of(self));
    for (char& c : out)
        c = map(c);
    return bytes_result_like(vm, self, out);
}
Ref<Object> b_upper(VM& vm, Object* self, Args, size_t, Object*) {
    return map_bytes(vm, self, to_upper);
}
Ref<Object> b_lower(VM& vm, Object* self, Args, size_t, Object*) {
    return map_bytes(vm, self, to_lower);
}
Ref<Object> b_swapcase(VM& vm, Object* self, Args, size_t, Object*) {
    return map_bytes(vm, self, [](char c) { return is_upper(c) ? to_lower(c) : to_upper(c); });
}
Ref<Object> b_capitalize(VM& vm, Object* self, Args, size_t, Object*) {
    std::string out(view_of(self));
    for (size_t i = 0; i < out.size(); ++i)
        out[i] = i == 0 ? to_upper(out[i]) : to_lower(out[i]);
    return bytes_result_like(vm, self, out);
}
Ref<Object> b_title(VM& vm, Object* self, Args, size_t, Object*) {
    std::string out(view_of(self));
    bool previous_cased = false;
    for (char& c : out) {
        c = previous_cased ? to_lower(c) : to_upper(c);
        previous_cased = is_alpha(c);
    }
    return bytes_result_like(vm, self, out);
}
template <class Test> Ref<Object> all_bytes(VM& vm, Object* self, Test test) {
    std::string_view text = view_of(self);
    if (text.empty())
        return vm.new_bool(false);
    return vm.new_bool(std::all_of(text.begin(), text.end(), test));
}
Ref<Object> b_isalnum(VM& vm, Object* self, Args, size_t, Object*) {
    return all_bytes(vm, self, [](char c) { return is_alpha(c) || is_digit(c); });
}
Ref<Object> b_isalpha(VM& vm, Object* self, Args, size_t, Object*) {
    return all_bytes(vm, self, is_alpha);
}
Ref<Object> b_isdigit(VM& vm, Object* self, Args, size_t, Object*) {
    return all_bytes(vm, self, is_digit);
}
Ref<Object> b_isspace(VM& vm, Object* self, Args, size_t, Object*) {
    return all_bytes(vm, self, is_ascii_space);
}
Ref<Object> b_isascii(VM& vm, Object* self, Args, size_t, Object*) {
    std::string_view text = view_of(self);
    return vm.new_bool(std::all_of(text.begin(), text.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}
Ref<Object> b_islower(VM& vm, Object* self, Args, size_t, Object*) {
    std::string_view text = view_of(self);
    bool any = std::any_of(text.begin(), text.end(), is_lower);
    return vm.new_bool(any && std::none_of(text.begin(), text.end(), is_upper));
}
Ref<Object> b_isupper(VM& vm, Object* self, Args, size_t, Object*) {
    std::string_view text = view_of(self);
    bool any = std::any_of(text.begin(), text.end(), is_upper);
    return vm.new_bool(any && std::none_of(text.begin(), text.end(), is_lower));
}
Ref<Object> b_istitle(VM& vm, Object* self, Args, size_t, Object*) {
    bool cased = false;
    bool previous_cased = false;
    for (char c : view_of(self)) {
        if (is_upper(c)) {
            if (previous_cased)
                return vm.new_bool(false);
            previous_cased = cased = true;
        } else if (is_lower(c)) {
            if (!previous_cased)
                return vm.new_bool(false);
            previous_cased = cased = true;
        } else {
            previous_cased = false;
        }
    }
    return vm.new_bool(cased);
}

// ====== decode, hex, fromhex, translate

Ref<Object> b_decode(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    Object* values[2];
    if (!is_ok(
            bind_arguments(vm, {"decode", {"encoding", "errors"}}, args, nargs, kwnames, values)))
        return nullptr;
    std::string encoding, errors;
    if (!is_ok(codec_arguments(vm, "decode", values[0], values[1], encoding, errors)))
        return nullptr;
    return codec_decode(vm, view_of(self), encoding, errors, self);
}

Ref<Object> b_hex(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    Object* values[2];
    if (!is_ok(bind_arguments(vm, {"hex", {"sep", "bytes_per_sep"}}, args, nargs, kwnames, values)))
        return nullptr;
    std::string separator;
    if (values[0]) {
        std::string_view view;
        if (is_str(values[0]))
            separator = str_to_utf8(values[0]);
        else if (bytes_like(values[0], view))
            separator.assign(view);
        else
            return raise_type_error(vm, "sep must be str or bytes.");
        if (separator.size() != 1)
            return raise_value_error(vm, "sep must be length 1.");
    }
    intptr_t group = 1;
    if (values[1] && !is_ok(int_to_ssize(vm, values[1], group)))
        return nullptr;
    std::string_view data = view_of(self);
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    size_t every = static_cast<size_t>(group < 0 ? -group : group);
    for (size_t i = 0; i < data.size(); ++i) {
        if (!separator.empty() && every > 0 && i > 0) {
            // Positive groups count from the right, negative ones from the left.
            bool boundary = group > 0 ? (data.size() - i) % every == 0 : i % every == 0;
            if (boundary)
                out += separator;
        }
        auto b = static_cast<unsigned char>(data[i]);
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 15]);
    }
    return str_from_utf8(vm, out);
}

int hex_value(uint32_t c) {
    if (c >= '0' && c <= '9')
        return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f')
        return static_cast<int>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return static_cast<int>(c - 'A' + 10);
    return -1;
}

// bytes.fromhex(string), a classmethod: args[0] is the class.
Ref<Object> b_fromhex(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "fromhex() takes exactly one argument (", nargs - 1, " given)");
    Object* text = args[1];
    if (!is_str(text))
        return raise_type_error(vm, "fromhex() argument must be str, not ", text->type->name);
    const Str* s = static_cast<const Str*>(text);
    std::string out;
    intptr_t i = 0;
    while (i < s->size) {
        uint32_t c = str_char_at(s, i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c') {
            ++i;
            continue;
        }
        int high = hex_value(c);
        int low = i + 1 < s->size ? hex_value(str_char_at(s, i + 1)) : -1;
        if (high < 0 || low < 0) {
            intptr_t at = high < 0 ? i : i + 1;
            return raise_value_error(vm,
                                     "non-hexadecimal number found in fromhex() arg at "
                                     "position ",
                                     at);
        }
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
    }
    Object* cls = args[0];
    if (cls == vm.types().bytes)
        return bytes_new(vm, out);
    if (cls == vm.types().bytearray)
        return bytearray_new(vm, out);
    Ref<Object> raw = bytes_new(vm, out);
    if (!raw)
        return nullptr;
    Object* call_args[1] = {raw.get()};
    return call_object(vm, cls, call_args, 1);
}

Ref<Object> b_translate(VM& vm, Object* self, Args args, size_t nargs, Object* kwnames) {
    Object* values[2];
    if (!is_ok(bind_arguments(vm, {"translate", {"table", "delete"}, 1, 1}, args, nargs, kwnames,
                              values)))
        return nullptr;
    std::string_view table;
    bool has_table = values[0] != vm.none();
    if (has_table) {
        if (!bytes_like(values[0], table))
            return raise_not_bytes_like(vm, values[0]);
        if (table.size() != 256)
            return raise_value_error(vm, "translation table must be 256 characters long");
    }
    std::string_view deleted;
    if (values[1] && !bytes_like(values[1], deleted))
        return raise_not_bytes_like(vm, values[1]);
    std::string out;
    for (char c : view_of(self)) {
        if (deleted.find(c) != std::string_view::npos)
            continue;
        out.push_back(has_table ? table[static_cast<unsigned char>(c)] : c);
    }
    return bytes_result_like(vm, self, out);
}

Ref<Object> b_maketrans(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs != 2)
        return raise_type_error(vm, "maketrans expected 2 arguments, got ", nargs);
    std::string_view from, to;
    if (!bytes_like(args[0], from))
        return raise_not_bytes_like(vm, args[0]);
    if (!bytes_like(args[1], to))
        return raise_not_bytes_like(vm, args[1]);
    if (from.size() != to.size())
        return raise_value_error(vm, "maketrans arguments must have same length");
    std::string table(256, '\0');
    for (size_t i = 0; i < 256; ++i)
        table[i] = static_cast<char>(i);
    for (size_t i = 0; i < from.size(); ++i)
        table[static_cast<unsigned char>(from[i])] = to[i];
    return bytes_new(vm, table);
}

Ref<Object> b_getnewargs(VM& vm, Object* self, Args, size_t, Object*) {
    Ref<Object> copy = bytes_new(vm, bytes_view(self));
    return copy ? tuple_pack(vm, {copy.get()}) : nullptr;
}

} // namespace

#define MINIPY_BYTES_COMMON_METHODS                                                                \
    {"capitalize", b_capitalize, MethodKind::noargs, nullptr},                                     \
        {"center", b_center, MethodKind::fastcall, nullptr},                                       \
        {"count", b_count, MethodKind::fastcall, nullptr},                                         \
        {"decode", b_decode, MethodKind::fastcall_keywords, nullptr},                              \
        {"endswith", b_endswith, MethodKind::fastcall, nullptr},                                   \
        {"expandtabs", b_expandtabs, MethodKind::fastcall_keywords, nullptr},                      \
        {"find", b_find, MethodKind::fastcall, nullptr},                                           \
        {"hex", b_hex, MethodKind::fastcall_keywords, nullptr},                                    \
        {"index", b_index, MethodKind::fastcall, nullptr},                                         \
        {"isalnum", b_isalnum, MethodKind::noargs, nullptr},                                       \
        {"isalpha", b_isalpha, MethodKind::noargs, nullptr},                                       \
        {"isascii", b_isascii, MethodKind::noargs, nullptr},                                       \
        {"isdigit", b_isdigit, MethodKind::noargs, nullptr},                                       \
        {"islower", b_islower, MethodKind::noargs, nullptr},                                       \
        {"isspace", b_isspace, MethodKind::noargs, nullptr},                                       \
        {"istitle", b_istitle, MethodKind::noargs, nullptr},                                       \
        {"isupper", b_isupper, MethodKind::noargs, nullptr},                                       \
        {"join", b_join, MethodKind::o, nullptr},                                                  \
        {"ljust", b_ljust, MethodKind::fastcall, nullptr},                                         \
        {"lower", b_lower, MethodKind::noargs, nullptr},                                           \
        {"lstrip", b_lstrip, MethodKind::fastcall, nullptr},                                       \
        {"partition", b_partition, MethodKind::o, nullptr},                                        \
        {"removeprefix", b_removeprefix, MethodKind::o, nullptr},                                  \
        {"removesuffix", b_removesuffix, MethodKind::o, nullptr},                                  \
        {"replace", b_replace, MethodKind::fastcall, nullptr},                                     \
        {"rfind", b_rfind, MethodKind::fastcall, nullptr},                                         \
        {"rindex", b_rindex, MethodKind::fastcall, nullptr},                                       \
        {"rjust", b_rjust, MethodKind::fastcall, nullptr},                                         \
        {"rpartition", b_rpartition, MethodKind::o, nullptr},                                      \
        {"rsplit", b_rsplit, MethodKind::fastcall_keywords, nullptr},                              \
        {"rstrip", b_rstrip, MethodKind::fastcall, nullptr},                                       \
        {"split", b_split, MethodKind::fastcall_keywords, nullptr},                                \
        {"splitlines", b_splitlines, MethodKind::fastcall_keywords, nullptr},                      \
        {"startswith", b_startswith, MethodKind::fastcall, nullptr},                               \
        {"strip", b_strip, MethodKind::fastcall, nullptr},                                         \
        {"swapcase", b_swapcase, MethodKind::noargs, nullptr},                                     \
        {"title", b_title, MethodKind::noargs, nullptr},                                           \
        {"translate", b_translate, MethodKind::fastcall_keywords, nullptr},                        \
        {"upper", b_upper, MethodKind::noargs, nullptr},                                           \
        {"zfill", b_zfill, MethodKind::o, nullptr},

extern const MethodDef bytes_method_table[] = {
    MINIPY_BYTES_COMMON_METHODS{"__getnewargs__", b_getnewargs, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};
extern const MethodDef bytearray_common_methods[] = {
    MINIPY_BYTES_COMMON_METHODS{nullptr, nullptr, MethodKind::noargs, nullptr},
};
#undef MINIPY_BYTES_COMMON_METHODS

extern const MethodDef bytes_fromhex_def = {
    "fromhex", b_fromhex, MethodKind::fastcall,
    "Create a bytes object from a string of hexadecimal numbers."};
extern const MethodDef bytes_maketrans_def = {
    "maketrans", b_maketrans, MethodKind::fastcall,
    "Return a translation table usable for the bytes or bytearray translate method."};

// ====== Shared helpers

bool bytes_like(const Object* object, std::string_view& out) {
    if (is_bytes(object)) {
        out = bytes_view(object);
        return true;
    }
    if (is_bytearray(object)) {
        out = bytearray_view(object);
        return true;
    }
    return false;
}

Ref<Object> bytes_result_like(VM& vm, Object* self, std::string_view data) {
    if (is_bytearray(self))
        return bytearray_new(vm, data);
    return bytes_new(vm, data);
}

Ref<Object> bytes_like_richcompare(VM& vm, Object* self, Object* other, CompareOp op) {
    std::string_view a, b;
    if (!bytes_like(self, a) || !bytes_like(other, b))
        return vm.new_not_implemented();
    int c = a.compare(b);
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

int bytes_like_contains(VM& vm, Object* self, Object* item) {
    std::string_view unused;
    if (!is_int(item) && !item->type->slots.index && !bytes_like(item, unused)) {
        (void)raise_not_bytes_like(vm, item);
        return -1;
    }
    std::string sub;
    if (!is_ok(sub_argument(vm, item, sub)))
        return -1;
    return view_of(self).find(sub) != std::string_view::npos;
}

Status bytes_from_arguments(VM& vm, const char* type_name, Object* const* args, size_t nargs,
                            Object* kwnames, std::string& out) {
    Object* values[3];
    if (!is_ok(bind_arguments(vm, {type_name, {"source", "encoding", "errors"}}, args, nargs,
                              kwnames, values)))
        return Status::error;
    Object* source = values[0];
    out.clear();
    if (!source) {
        if (values[1] || values[2])
            return raise_type_error(vm, values[1] ? "encoding without a string argument"
                                                  : "errors without a string argument");
        return Status::ok;
    }
    if (is_str(source)) {
        if (!values[1])
            return raise_type_error(vm, "string argument without an encoding");
        std::string encoding, errors;
        if (!is_ok(codec_arguments(vm, type_name, values[1], values[2], encoding, errors)))
            return Status::error;
        Ref<Object> encoded = codec_encode(vm, source, encoding, errors);
        if (!encoded)
            return Status::error;
        out.assign(bytes_view(encoded.get()));
        return Status::ok;
    }
    if (values[1] || values[2])
        return raise_type_error(vm, values[1] ? "encoding without a string argument"
                                              : "errors without a string argument");
    std::string_view view;
    // CPython's bytes_new asks a class's __bytes__ before its buffer (a bytes subclass's too).
    bool ask_bytes = std::string_view(type_name) == "bytes";
    if ((!ask_bytes || !is_heap_type(source->type)) && bytes_like(source, view)) {
        out.assign(view);
        return Status::ok;
    }
    if (ask_bytes) {
        Ref<Object> name = intern(vm, "__bytes__");
        if (!name)
            return Status::error;
        Ref<Object> method = get_attr_optional(vm, source, name.get());
        if (method) {
            Ref<Object> result = call_object(vm, method.get(), nullptr, 0);
            if (!result)
                return Status::error;
            if (!is_bytes(result.get()))
                return raise_type_error(vm, "__bytes__ returned non-bytes (type ",
                                        result->type->name, ")");
            out.assign(bytes_view(result.get()));
            return Status::ok;
        }
        if (vm.thread_state().has_exception())
            return Status::error;
        if (bytes_like(source, view)) {
            out.assign(view);
            return Status::ok;
        }
    }
    if (is_int(source) || source->type->slots.index) {
        int64_t count = 0;
        if (!is_ok(index_value(vm, source, count)))
            return Status::error;
        if (count < 0)
            return raise_value_error(vm, "negative count");
        if (count > (INT64_C(1) << 40))
            return raise_memory_error(vm);
        out.assign(static_cast<size_t>(count), '\0');
        return Status::ok;
    }
    if (!source->type->slots.iter && !source->type->slots.getitem) {
        if (std::string_view(type_name) == "bytes")
            return raise_type_error(vm, "cannot convert '", source->type->name,
                                    "' object to bytes");
        return raise_type_error(vm, "cannot convert '", source->type->name,
                                "' object to bytearray");
    }
    Ref<Object> items = sequence_to_list(vm, source);
    if (!items)
        return Status::error;
    for (intptr_t i = 0; i < list_size(items.get()); ++i) {
        Object* item = list_items(items.get())[i];
        if (!is_int(item) && !item->type->slots.index)
            return raise_type_error(vm, "'", item->type->name,
                                    "' object cannot be interpreted as an integer");
        int64_t byte = 0;
        if (!is_ok(index_value(vm, item, byte)))
            return Status::error;
        if (byte < 0 || byte > 255)
            return raise_value_error(vm, "bytes must be in range(0, 256)");
        out.push_back(static_cast<char>(byte));
    }
    return Status::ok;
}

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
    if (!data.empty())
        std::memcpy(b.get() + 1, data.data(), data.size());
    reinterpret_cast<char*>(b.get() + 1)[data.size()] = '\0';
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
    s.str = bytes_repr; // CPython's bytes_str: a subclass's __repr__ does not change str()
    s.hash = bytes_hash;
    s.richcompare = bytes_like_richcompare;
    s.len = bytes_len;
    s.getitem = bytes_getitem;
    s.contains = bytes_like_contains;
    s.add = bytes_add;
    s.mul = bytes_mul;
    s.mod = bytes_mod;
    spec.methods = bytes_method_table;
    Ref<Type> type = make_type(vm, spec);
    if (!type)
        return false;
    vm.types().bytes = type.release();
    return true;
}

} // namespace minipy::vm
