// Traceback objects and CPython-style printing of uncaught exceptions. See vm/traceback.h.
#include "vm/traceback.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <fstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "compiler/diagnostics.h"
#include "stdlib/struct_seq.h"
#include "stdlib/sys.h"
#include "vm/code.h"
#include "vm/eval_helpers.h"
#include "vm/frame.h"
#include "vm/opcodes.h"
#include "vm/runtime.h"
#include "vm/types/class.h"
#include "vm/types/dict.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::vm {
namespace {

int traceback_traverse(Object* self, VisitFn visit, void* arg) {
    auto* tb = static_cast<Traceback*>(self);
    for (Object* field : {tb->next, static_cast<Object*>(tb->code), tb->globals, tb->builtins,
                          tb->locals, tb->fast, tb->frame}) {
        if (field) {
            if (int result = visit(field, arg))
                return result;
        }
    }
    if (tb->fast) {
        for (intptr_t i = 0; i < tuple_size(tb->fast); ++i) {
            if (Object* value = tuple_items(tb->fast)[i]) {
                if (int result = visit(value, arg))
                    return result;
            }
        }
    }
    return 0;
}

void traceback_clear(Object* self) {
    auto* tb = static_cast<Traceback*>(self);
    if (tb->next && static_cast<Traceback*>(tb->next)->outer == tb)
        static_cast<Traceback*>(tb->next)->outer = nullptr;
    set_ref(tb->next, nullptr);
    Object* code = tb->code;
    tb->code = nullptr;
    xdecref(code);
    set_ref(tb->globals, nullptr);
    set_ref(tb->builtins, nullptr);
    set_ref(tb->locals, nullptr);
    set_ref(tb->fast, nullptr);
    set_ref(tb->frame, nullptr);
}

// f_locals of a finished function frame: its variables as they were when the exception passed
// (cells read now), as CPython's frame object keeps them.
Ref<Object> locals_from_snapshot(Runtime& rt, Traceback* tb) {
    VM& vm = rt.vm();
    Ref<Object> dict = dict_new(vm);
    if (!dict || !tb->fast)
        return dict;
    Code* code = tb->code;
    Object* const* names = tuple_items(code->localsplus_names);
    intptr_t count = std::min<intptr_t>(tuple_size(tb->fast), code->nlocalsplus);
    for (intptr_t i = 0; i < count; ++i) {
        Object* value = tuple_items(tb->fast)[i];
        if (value && value->type == rt.types().cell &&
            (code->localsplus_kinds[i] & (compiler::local_kind_cell | compiler::local_kind_free)))
            value = static_cast<Cell*>(value)->contents;
        if (value && !is_ok(dict_setitem(vm, dict.get(), names[i], value)))
            return nullptr;
    }
    return dict;
}

void traceback_dealloc(Object* self) {
    traceback_clear(self);
    vm_of(self).heap().release(self);
}

Ref<Object> traceback_getattr(VM& vm, Object* self, Object* name) {
    auto* tb = static_cast<Traceback*>(self);
    std::string_view text = str_ascii_view(name);
    if (text == "tb_next")
        return Ref<Object>::borrow(tb->next ? tb->next : vm.none());
    if (text == "tb_lineno")
        return int_from_i64(vm, tb->line);
    if (text == "tb_lasti")
        return int_from_i64(vm, int64_t{tb->instruction} * 2); // CPython counts bytes
    if (text == "tb_frame") {
        if (!tb->frame) {
            Runtime& rt = runtime_of(vm);
            // f_back of a finished frame: the frame of the entry outside it (its caller).
            Ref<Object> back;
            if (tb->outer) {
                Ref<Object> key = intern(vm, "tb_frame");
                back = key ? traceback_getattr(vm, tb->outer, key.get()) : nullptr;
                if (!back)
                    return nullptr;
            }
            Ref<Object> locals =
                tb->locals ? Ref<Object>::borrow(tb->locals) : locals_from_snapshot(rt, tb);
            if (!locals)
                return nullptr;
            Ref<Object> frame =
                stdlib::sys_traceback_frame(rt, tb->code, tb->globals, tb->builtins, locals.get(),
                                            back.get(), tb->live, tb->line, tb->instruction * 2);
            if (!frame)
                return nullptr;
            tb->frame = frame.release();
        }
        return Ref<Object>::borrow(tb->frame);
    }
    return get_attr_generic(vm, self, name);
}

// tb_next is the one writable attribute: a traceback or None, never making a loop (CPython).
Status traceback_setattr(VM& vm, Object* self, Object* name, Object* value) {
    auto* tb = static_cast<Traceback*>(self);
    if (str_ascii_view(name) != "tb_next") {
        if (str_ascii_view(name).starts_with("tb_"))
            return raise_attribute_error(vm, "attribute '", str_to_utf8(name),
                                         "' of 'traceback' objects is not writable");
        return raise_attribute_error(vm, "'traceback' object has no attribute '", str_to_utf8(name),
                                     "'");
    }
    if (!value)
        return raise_type_error(vm, "can't delete tb_next attribute");
    if (tb->next && static_cast<Traceback*>(tb->next)->outer == tb)
        static_cast<Traceback*>(tb->next)->outer = nullptr;
    if (value == vm.none()) {
        set_ref(tb->next, nullptr);
        return Status::ok;
    }
    if (value->type != self->type)
        return raise_type_error(vm, "expected traceback object, got '", value->type->name, "'");
    for (Object* o = value; o; o = static_cast<Traceback*>(o)->next) {
        if (o == self)
            return raise_value_error(vm, "traceback loop detected");
    }
    incref(value);
    set_ref(tb->next, value);
    return Status::ok;
}

// The source line `line` of `filename` (unstripped, no newline), or "" when unreadable.
std::string raw_source_line(const std::string& filename, int line) {
    std::ifstream file(filename);
    if (!file || line <= 0)
        return "";
    std::string text;
    for (int i = 0; i < line; ++i) {
        if (!std::getline(file, text))
            return "";
    }
    while (!text.empty() && (text.back() == '\r' || text.back() == '\n'))
        text.pop_back();
    return text;
}

size_t code_points_in(std::string_view bytes) {
    size_t n = 0;
    for (char c : bytes)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// The byte offset of the last (or first) occurrence of `op` in `segment` outside brackets and
// strings, or npos.
size_t find_top_level(std::string_view segment, std::string_view op, bool last) {
    int depth = 0;
    char quote = 0;
    size_t found = std::string_view::npos;
    for (size_t i = 0; i < segment.size(); ++i) {
        char c = segment[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if (depth == 0 && op == "[" && c == '[') {
            found = i;
            ++depth;
            continue;
        }
        if (c == '\'' || c == '"')
            quote = c;
        else if (c == '(' || c == '[' || c == '{')
            ++depth;
        else if (c == ')' || c == ']' || c == '}')
            --depth;
        else if (depth == 0 && segment.substr(i, op.size()) == op) {
            // `*` must not match inside `**`, `/` inside `//`, `<` inside `<<`.
            bool longer = i + op.size() < segment.size() && segment[i + op.size()] == op.back() &&
                          (op == "*" || op == "/" || op == "<" || op == ">");
            bool after_same = i > 0 && segment[i - 1] == op.front() && op.size() == 1 &&
                              (op == "*" || op == "/" || op == "<" || op == ">");
            if (!longer && !after_same) {
                found = i;
                if (!last)
                    return found;
            }
            if (longer)
                ++i;
        }
    }
    return found;
}

// CPython 3.11's caret line under the source line (traceback.c print_error_location_carets):
// `~` marks operands, `^` the failing operator or subscript; nothing when the range covers the
// whole line.
std::string caret_line(const Code* code, int32_t instruction, const std::string& line) {
    const auto& locations = code_unit(code).locations;
    if (instruction < 0 || static_cast<size_t>(instruction) >= locations.size())
        return "";
    const compiler::Location& where = locations[static_cast<size_t>(instruction)];
    if (where.column < 0 || where.end_column < 0 || where.line < 0)
        return "";
    size_t indent = line.find_first_not_of(" \t\f");
    size_t last = line.find_last_not_of(" \t\f");
    if (indent == std::string::npos)
        return "";
    size_t start = static_cast<size_t>(where.column);
    size_t end = where.end_line == where.line ? static_cast<size_t>(where.end_column) : last + 1;
    if (start >= line.size() || end > line.size() || end <= start)
        return "";
    std::string_view segment = std::string_view(line).substr(start, end - start);
    size_t left_end = std::string_view::npos;
    size_t right_start = std::string_view::npos;
    Opcode op = instruction_opcode(code->instructions[instruction]);
    uint32_t arg = instruction_operand(code->instructions[instruction]);
    // Statement-level instructions cover their whole statement in CPython: no carets.
    if (op == Opcode::IMPORT_NAME || op == Opcode::IMPORT_FROM || op == Opcode::IMPORT_STAR ||
        op == Opcode::RERAISE || op == Opcode::STORE_NAME || op == Opcode::STORE_GLOBAL ||
        op == Opcode::STORE_FAST || op == Opcode::DELETE_NAME)
        return "";
    // An augmented assignment (x += 1) is a statement, not an operation with anchors.
    bool in_place = op == Opcode::BINARY_OP && arg < 26 && binary_op_symbols[arg].ends_with('=');
    bool subscript =
        op == Opcode::BINARY_SUBSCR || op == Opcode::STORE_SUBSCR || op == Opcode::DELETE_SUBSCR;
    if (where.end_line == where.line && op == Opcode::BINARY_OP && arg < 26 && !in_place) {
        std::string_view symbol = binary_op_symbols[arg];
        size_t at = find_top_level(segment, symbol, symbol != "**");
        if (at != std::string_view::npos) {
            left_end = at;
            right_start = at + symbol.size();
        }
    } else if (where.end_line == where.line && subscript && segment.ends_with(']')) {
        size_t at = find_top_level(segment, "[", true);
        if (at != std::string_view::npos && at > 0) {
            left_end = at;
            right_start = segment.size();
        }
    }
    bool whole_line = start <= indent && end >= last + 1;
    if (whole_line && left_end == std::string_view::npos)
        return "";
    std::string out(4 + code_points_in(std::string_view(line).substr(indent, start - indent)), ' ');
    for (size_t i = 0; i < segment.size(); ++i) {
        if ((static_cast<unsigned char>(segment[i]) & 0xC0) == 0x80)
            continue;
        bool operand = left_end != std::string_view::npos && (i < left_end || i >= right_start);
        out.push_back(operand ? '~' : '^');
    }
    return out;
}

// ====== "Did you mean" (CPython 3.11's Python/suggestions.c: the same costs and limits)

constexpr size_t max_candidate_items = 750;
constexpr size_t max_string_size = 40;
constexpr size_t move_cost = 2;
constexpr size_t case_cost = 1;

size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31))
        return move_cost; // not the same letter in another case
    if (a == b)
        return 0;
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    return lower(a) == lower(b) ? case_cost : move_cost;
}

// The Levenshtein distance of two UTF-8 strings with case flips costing less, or max_cost + 1 as
// soon as it must exceed max_cost.
size_t levenshtein_distance(std::string_view a, std::string_view b, size_t max_cost) {
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty())
        return (a.size() + b.size()) * move_cost;
    if (a.size() > max_string_size || b.size() > max_string_size)
        return max_cost + 1;
    if (b.size() < a.size())
        std::swap(a, b);
    if ((b.size() - a.size()) * move_cost > max_cost)
        return max_cost + 1;
    size_t row[max_string_size];
    for (size_t i = 0; i < a.size(); ++i)
        row[i] = (i + 1) * move_cost;
    size_t result = 0;
    for (size_t b_index = 0; b_index < b.size(); ++b_index) {
        size_t distance = result = b_index * move_cost;
        size_t minimum = SIZE_MAX;
        for (size_t index = 0; index < a.size(); ++index) {
            size_t substitute = distance + substitution_cost(b[b_index], a[index]);
            distance = row[index];
            size_t insert_delete = std::min(result, distance) + move_cost;
            result = std::min(insert_delete, substitute);
            row[index] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

// The closest of `candidates` (strs) to `name`, or "" (CPython's calculate_suggestions).
std::string closest_name(const std::vector<Object*>& candidates, const std::string& name) {
    if (candidates.size() >= max_candidate_items)
        return "";
    size_t best_distance = SIZE_MAX;
    std::string best;
    bool found = false;
    for (Object* item : candidates) {
        if (!is_str(item))
            continue;
        std::string text = str_to_utf8(item);
        if (text == name)
            continue;
        // No more than a third of the characters involved may need a change.
        size_t max_distance = (name.size() + text.size() + 3) * move_cost / 6;
        max_distance = std::min(max_distance, best_distance - 1);
        size_t distance = levenshtein_distance(name, text, max_distance);
        if (distance > max_distance)
            continue;
        if (!found || distance < best_distance) {
            best = text;
            best_distance = distance;
            found = true;
        }
    }
    return best;
}

std::vector<Object*> dict_keys_of(Object* dict) {
    std::vector<Object*> keys;
    if (!dict || !is_dict(dict))
        return keys;
    intptr_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(dict, pos, &key, &value))
        keys.push_back(key);
    return keys;
}

// The attribute `name` stored on an exception (borrowed), or null.
Object* exception_field(VM& vm, Object* exception, const char* name) {
    Object* dict = static_cast<BaseExceptionObject*>(exception)->dict;
    Ref<Object> key = intern(vm, name);
    Object* value = nullptr;
    if (!dict || !key || dict_lookup(vm, dict, key.get(), &value) <= 0)
        return nullptr;
    return value;
}

std::string suggest_for_name_error(Runtime& rt, Object* exception) {
    VM& vm = rt.vm();
    Object* name = exception_field(vm, exception, "name");
    Object* tb = static_cast<BaseExceptionObject*>(exception)->traceback;
    if (!name || name->type != vm.types().str || !tb || tb->type != rt.types().traceback)
        return "";
    while (static_cast<Traceback*>(tb)->next)
        tb = static_cast<Traceback*>(tb)->next;
    auto* entry = static_cast<Traceback*>(tb);
    std::string wanted = str_to_utf8(name);
    // The code's local variable names (co_varnames), then the globals, then the builtins.
    std::vector<Object*> varnames;
    const compiler::CodeUnit& unit = code_unit(entry->code);
    for (int32_t i = 0; i < entry->code->nlocalsplus; ++i) {
        if (unit.localsplus_kinds[static_cast<size_t>(i)] & compiler::local_kind_local)
            varnames.push_back(tuple_items(entry->code->localsplus_names)[i]);
    }
    for (const std::vector<Object*>& candidates :
         {varnames, dict_keys_of(entry->globals), dict_keys_of(entry->builtins)}) {
        std::string found = closest_name(candidates, wanted);
        if (!found.empty())
            return found;
    }
    return "";
}

std::string suggest_for_attribute_error(Runtime& rt, Object* exception) {
    VM& vm = rt.vm();
    Object* name = exception_field(vm, exception, "name");
    Object* obj = exception_field(vm, exception, "obj");
    if (!name || name->type != vm.types().str || !obj || obj == vm.none())
        return "";
    Ref<Object> keep_name = Ref<Object>::borrow(name);
    Ref<Object> keep_obj = Ref<Object>::borrow(obj);
    Ref<Object> dir_key = intern(vm, "dir");
    Object* dir_function = nullptr;
    if (!dir_key || dict_lookup(vm, rt.builtins(), dir_key.get(), &dir_function) <= 0)
        return "";
    Ref<Object> listing = call_object(vm, dir_function, &obj, 1);
    if (!listing || !is_list(listing.get()))
        return "";
    std::vector<Object*> candidates(list_items(listing.get()),
                                    list_items(listing.get()) + list_size(listing.get()));
    return closest_name(candidates, str_to_utf8(name));
}

// The name of the exception's class as the printer shows it ("module.Qualname" for classes
// outside builtins).
std::string exception_type_name(Runtime& rt, Object* exception) {
    VM& vm = rt.vm();
    Type* type = exception->type;
    std::string name = type->name;
    if (is_heap_type(type) && type->dict) {
        Object* module = nullptr;
        Object* qualname = nullptr;
        (void)dict_lookup(vm, type->dict, rt.names().__module__, &module);
        (void)dict_lookup(vm, type->dict, rt.names().__qualname__, &qualname);
        if (qualname && is_str(qualname))
            name = str_to_utf8(qualname);
        if (module && is_str(module) && str_to_utf8(module) != "builtins")
            name = str_to_utf8(module) + "." + name;
    }
    return name;
}

// "Name: str(value)", or "Name" when the text is empty.
std::string exception_line(Runtime& rt, Object* exception, Object* value) {
    VM& vm = rt.vm();
    std::string name = exception_type_name(rt, exception);
    Ref<Object> saved = vm.thread_state().fetch_exception();
    Ref<Object> text = object_str(vm, value);
    std::string message;
    if (text)
        message = str_to_utf8(text.get());
    else
        message = "<exception str() failed>";
    vm.thread_state().clear_exception();
    if (saved)
        vm.thread_state().set_exception(std::move(saved));
    return message.empty() ? name : name + ": " + message;
}

// State of one print (CPython's exception_print_context): the exception group nesting depth sets
// each line's margin ("    | "), and `seen` stops cause/context cycles across the whole print.
struct PrintContext {
    Runtime& rt;
    std::FILE* stream;
    int depth = 0;
    bool need_close = false;
    std::unordered_set<Object*> seen;

    PrintContext(Runtime& runtime, std::FILE* out) : rt(runtime), stream(out) {}

    static constexpr int max_group_width = 15;
    static constexpr int max_group_depth = 10;

    std::string indent() const { return std::string(static_cast<size_t>(2 * depth), ' '); }
    std::string margin() const { return depth ? indent() + "| " : std::string(); }
    void line(const std::string& text) const {
        std::fprintf(stream, "%s%s\n", margin().c_str(), text.c_str());
    }
};

// A SyntaxError's location block as CPython's print_exception writes it (parse_syntax_error,
// print_error_text), from the attributes msg, filename, lineno, offset, text and, for SyntaxError
// itself, end_lineno and end_offset. False (nothing filled) when they do not parse, lineno not
// being an int: then the exception is printed as any other.
bool syntax_error_block(Runtime& rt, Object* exception, std::string& location,
                        Ref<Object>& message) {
    VM& vm = rt.vm();
    auto attribute = [&](const char* name) -> Ref<Object> {
        Ref<Object> key = intern(vm, name);
        return key ? get_attr(vm, exception, key.get()) : nullptr;
    };
    auto as_int = [&](Object* value, int64_t fallback, int64_t& out) {
        if (!value || value == vm.none()) {
            out = fallback;
            return true;
        }
        return is_int(value) && int_to_i64(value, out);
    };
    Ref<Object> msg = attribute("msg");
    Ref<Object> filename = msg ? attribute("filename") : nullptr;
    Ref<Object> lineno = filename ? attribute("lineno") : nullptr;
    Ref<Object> offset = lineno ? attribute("offset") : nullptr;
    Ref<Object> text = offset ? attribute("text") : nullptr;
    int64_t line = 0, column = 0, end_line = 0, end_column = 0;
    if (!text || lineno.get() == vm.none() || !as_int(lineno.get(), 0, line) ||
        !as_int(offset.get(), -1, column))
        return false;
    end_line = line;
    end_column = -1;
    if (exception->type == vm.exceptions().SyntaxError) {
        Ref<Object> end_lineno = attribute("end_lineno");
        Ref<Object> end_offset = end_lineno ? attribute("end_offset") : nullptr;
        if (!end_offset || !as_int(end_lineno.get(), line, end_line) ||
            !as_int(end_offset.get(), -1, end_column))
            return false;
    }
    compiler::CompileError error;
    // The compiler's renderer draws one caret for its IndentationError kind, as CPython does for
    // every subclass (their end_offset counts as unknown).
    error.kind = exception->type == vm.exceptions().SyntaxError
                     ? compiler::CompileErrorKind::SyntaxError
                     : compiler::CompileErrorKind::IndentationError;
    Ref<Object> file_text = filename.get() == vm.none() ? str_from_utf8(vm, "<string>")
                                                        : object_str(vm, filename.get());
    if (!file_text)
        return false;
    error.filename = str_to_utf8(file_text.get());
    auto clamp = [](int64_t v) {
        return static_cast<int32_t>(std::clamp<int64_t>(v, INT32_MIN / 2, INT32_MAX / 2));
    };
    error.lineno = clamp(line);
    error.offset = clamp(column);
    error.end_lineno = clamp(end_line);
    error.end_offset = clamp(end_column);
    if (text.get() != vm.none()) {
        Ref<Object> source = object_str(vm, text.get());
        if (!source)
            return false;
        error.text = str_to_utf8(source.get());
        if (error.text.empty())
            error.text = "\n"; // CPython still prints the (empty) line
    }
    location = compiler::format_compile_error_location(error);
    if (error.lineno < 0)
        location = "  File \"" + error.filename + "\", line " + std::to_string(error.lineno) + "\n";
    message = std::move(msg);
    return true;
}

bool is_group_instance(Runtime& rt, const Object* exception) {
    return is_subtype(exception->type, rt.vm().exceptions().BaseExceptionGroup);
}

void print_one(PrintContext& ctx, Object* exception) {
    std::FILE* stream = ctx.stream;
    auto* e = static_cast<BaseExceptionObject*>(exception);
    if (e->traceback && e->traceback->type == ctx.rt.types().traceback) {
        std::string header_margin = ctx.margin();
        const char* header = "Traceback (most recent call last):";
        if (is_group_instance(ctx.rt, exception)) {
            header = "Exception Group Traceback (most recent call last):";
            if (ctx.depth == 1)
                header_margin = ctx.indent() + "+ ";
        }
        std::fprintf(stream, "%s%s\n", header_margin.c_str(), header);
        // As CPython: after three identical entries (file, line, function) in a row, the rest
        // are counted and summarised in one "[Previous line repeated N more times]" line.
        constexpr int recursive_cutoff = 3;
        std::string last_file;
        int64_t last_line = -1;
        std::string last_name;
        int repeats = 0;
        auto summarise = [&] {
            if (repeats > recursive_cutoff) {
                int more = repeats - recursive_cutoff;
                ctx.line("  [Previous line repeated " + std::to_string(more) + " more time" +
                         (more > 1 ? "s" : "") + "]");
            }
        };
        for (Object* o = e->traceback; o; o = static_cast<Traceback*>(o)->next) {
            auto* tb = static_cast<Traceback*>(o);
            std::string filename = str_to_utf8(tb->code->filename);
            std::string name = str_to_utf8(tb->code->name);
            if (filename == last_file && tb->line == last_line && name == last_name) {
                if (++repeats > recursive_cutoff)
                    continue;
            } else {
                summarise();
                last_file = filename;
                last_line = tb->line;
                last_name = name;
                repeats = 1;
            }
            ctx.line("  File \"" + filename + "\", line " + std::to_string(tb->line) + ", in " +
                     str_to_utf8(tb->code->name));
            std::string raw = raw_source_line(filename, tb->line);
            size_t begin = raw.find_first_not_of(" \t\f");
            if (begin != std::string::npos) {
                size_t end = raw.find_last_not_of(" \t\f");
                ctx.line("    " + raw.substr(begin, end - begin + 1));
                std::string carets = caret_line(tb->code, tb->instruction, raw);
                if (!carets.empty())
                    ctx.line(carets);
            }
        }
        summarise();
    }
    VM& vm = ctx.rt.vm();
    std::string last;
    {
        Ref<Object> saved = vm.thread_state().fetch_exception();
        std::string location;
        Ref<Object> message;
        if (is_subtype(exception->type, vm.exceptions().SyntaxError) &&
            syntax_error_block(ctx.rt, exception, location, message)) {
            size_t at = 0;
            while (at < location.size()) {
                size_t newline = location.find('\n', at);
                ctx.line(location.substr(at, newline - at));
                at = newline + 1;
            }
            last = exception_line(ctx.rt, exception, message.get());
        } else {
            vm.thread_state().clear_exception();
            last = exception_line(ctx.rt, exception, exception);
        }
        // CPython 3.11's print_exception_suggestions.
        std::string suggestion = exception_suggestion(ctx.rt, exception);
        if (!suggestion.empty())
            last += ". Did you mean: '" + suggestion + "'?";
        vm.thread_state().clear_exception();
        if (saved)
            vm.thread_state().set_exception(std::move(saved));
    }
    ctx.line(last);
    // PEP 678: the notes follow the message, each of their lines behind the margin.
    if (e->notes && is_list(e->notes)) {
        Ref<Object> notes = Ref<Object>::borrow(e->notes);
        for (intptr_t i = 0; i < list_size(notes.get()); ++i) {
            Object* note = list_items(notes.get())[i];
            Ref<Object> saved = vm.thread_state().fetch_exception();
            Ref<Object> text = is_str(note) ? Ref<Object>::borrow(note) : object_str(vm, note);
            std::string note_text = text ? str_to_utf8(text.get()) : "<note str() failed>";
            vm.thread_state().clear_exception();
            if (saved)
                vm.thread_state().set_exception(std::move(saved));
            size_t at = 0;
            do {
                size_t newline = note_text.find('\n', at);
                ctx.line(
                    note_text.substr(at, newline == std::string::npos ? newline : newline - at));
                at = newline == std::string::npos ? newline : newline + 1;
            } while (at != std::string::npos && at < note_text.size());
        }
    }
}

void print_recursive(PrintContext& ctx, Object* exception);

// An exception group: its own traceback and message, then each member in a numbered box
// (CPython's print_exception_group).
void print_group(PrintContext& ctx, Object* exception) {
    if (ctx.depth > PrintContext::max_group_depth) {
        ctx.line("... (max_group_depth is " + std::to_string(PrintContext::max_group_depth) + ")");
        return;
    }
    bool top = ctx.depth == 0;
    if (top)
        ctx.depth = 1;
    print_one(ctx, exception);
    VM& vm = ctx.rt.vm();
    Ref<Object> name = intern(vm, "exceptions");
    Ref<Object> members = name ? get_attr(vm, exception, name.get()) : nullptr;
    if (!members || !is_tuple(members.get())) {
        vm.thread_state().clear_exception();
        if (top)
            ctx.depth = 0;
        return;
    }
    intptr_t count = tuple_size(members.get());
    intptr_t shown =
        count <= PrintContext::max_group_width ? count : PrintContext::max_group_width + 1;
    ctx.need_close = false;
    for (intptr_t i = 0; i < shown; ++i) {
        bool last = i == shown - 1;
        if (last)
            ctx.need_close = true;
        bool truncated = i >= PrintContext::max_group_width;
        std::fprintf(ctx.stream, "%s%s+---------------- %s ----------------\n",
                     ctx.indent().c_str(), i == 0 ? "+-" : "  ",
                     truncated ? "..." : std::to_string(i + 1).c_str());
        ctx.depth += 1;
        if (!truncated) {
            print_recursive(ctx, tuple_items(members.get())[i]);
        } else {
            intptr_t remaining = count - PrintContext::max_group_width;
            ctx.line("and " + std::to_string(remaining) + " more exception" +
                     (remaining > 1 ? "s" : ""));
        }
        if (last && ctx.need_close) {
            std::fprintf(ctx.stream, "%s+------------------------------------\n",
                         ctx.indent().c_str());
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if (ctx.depth == 1 && top)
        ctx.depth = 0;
}

// One exception with its __cause__ / __context__ chain, oldest first (CPython's
// print_exception_recursive; the chain is walked iteratively so long chains need no deep C stack).
void print_recursive(PrintContext& ctx, Object* exception) {
    std::vector<std::pair<Object*, int>>
        chain; // exception, link kind to the next (1 cause, 2 context)
    Object* current = exception;
    int link = 0;
    while (current && is_exception_instance(current)) {
        ctx.seen.insert(current);
        chain.emplace_back(current, link);
        auto* e = static_cast<BaseExceptionObject*>(current);
        Object* next = nullptr;
        if (e->cause) {
            next = e->cause;
            link = 1;
        } else if (e->context && !e->suppress_context) {
            next = e->context;
            link = 2;
        }
        current = next && !ctx.seen.count(next) ? next : nullptr;
    }
    bool need_close = ctx.need_close;
    for (size_t i = chain.size(); i > 0; --i) {
        Object* item = chain[i - 1].first;
        if (i == 1)
            ctx.need_close = need_close;
        if (is_group_instance(ctx.rt, item))
            print_group(ctx, item);
        else
            print_one(ctx, item);
        if (i == 1)
            break;
        ctx.need_close = need_close;
        ctx.line("");
        ctx.line(chain[i - 1].second == 1
                     ? "The above exception was the direct cause of the following exception:"
                     : "During handling of the above exception, another exception occurred:");
        ctx.line("");
    }
}

} // namespace

void traceback_add(Runtime& rt, Object* exception, Frame* frame) {
    VM& vm = rt.vm();
    Ref<Object> keep = Ref<Object>::borrow(exception);
    Ref<Traceback> tb = allocate_object<Traceback>(vm, rt.types().traceback);
    if (!tb)
        return;
    auto* e = static_cast<BaseExceptionObject*>(exception);
    tb->next = e->traceback; // takes over the exception's reference
    e->traceback = nullptr;
    tb->outer = nullptr;
    if (tb->next && tb->next->type == rt.types().traceback)
        static_cast<Traceback*>(tb->next)->outer = tb.get();
    incref(frame->code);
    tb->code = frame->code;
    tb->globals = Ref<Object>::borrow(frame->globals).release();
    tb->builtins = Ref<Object>::borrow(frame->builtins).release();
    xincref(frame->locals);
    tb->locals = frame->locals;
    tb->fast = nullptr;
    tb->frame = nullptr;
    tb->live = frame;
    tb->instruction = frame->instruction();
    tb->line = frame->line();
    e->traceback = tb.release();
}

std::string exception_suggestion(Runtime& rt, Object* exception) {
    VM& vm = rt.vm();
    if (exception->type != vm.exceptions().NameError &&
        exception->type != vm.exceptions().AttributeError)
        return "";
    Ref<Object> saved = vm.thread_state().fetch_exception();
    std::string found = exception->type == vm.exceptions().NameError
                            ? suggest_for_name_error(rt, exception)
                            : suggest_for_attribute_error(rt, exception);
    vm.thread_state().clear_exception();
    if (saved)
        vm.thread_state().set_exception(std::move(saved));
    return found;
}

std::string unraisable_text(Runtime& rt, Object* exc_type, Object* exc_value, Object* exc_tb,
                            Object* err_msg, Object* object) {
    VM& vm = rt.vm();
    Ref<Object> saved = vm.thread_state().fetch_exception();
    std::string out;
    auto text_of = [&](Object* value, bool repr, const char* failed) {
        Ref<Object> text = repr ? object_repr(vm, value) : object_str(vm, value);
        vm.thread_state().clear_exception();
        return text ? str_to_utf8(text.get()) : std::string(failed);
    };
    bool has_message = err_msg && err_msg != vm.none();
    if (object && object != vm.none()) {
        out += has_message ? text_of(err_msg, false, "<err_msg str() failed>") + ": "
                           : "Exception ignored in: ";
        out += text_of(object, true, "<object repr() failed>") + "\n";
    } else if (has_message) {
        out += text_of(err_msg, false, "<err_msg str() failed>") + ":\n";
    }
    if (exc_value && is_exception_instance(exc_value)) {
        auto* e = static_cast<BaseExceptionObject*>(exc_value);
        Object* own = e->traceback;
        Object* shown = exc_tb && exc_tb != vm.none() ? exc_tb : nullptr;
        e->traceback = shown; // print this traceback (borrowed for the print)
        char* buffer = nullptr;
        size_t size = 0;
        if (std::FILE* memory = open_memstream(&buffer, &size)) {
            PrintContext ctx{rt, memory};
            print_one(ctx, exc_value);
            std::fclose(memory);
            out.append(buffer, size);
            std::free(buffer);
        }
        e->traceback = own;
    } else if (exc_type && exc_type != vm.none()) {
        std::string name = has_flag(exc_type->type, type_type_subclass)
                               ? std::string(static_cast<Type*>(exc_type)->name)
                               : text_of(exc_type, false, "<unknown>");
        std::string value = exc_value && exc_value != vm.none()
                                ? text_of(exc_value, false, "<exception str() failed>")
                                : "";
        out += value.empty() ? name + "\n" : name + ": " + value + "\n";
    }
    vm.thread_state().clear_exception();
    if (saved)
        vm.thread_state().set_exception(std::move(saved));
    return out;
}

void write_unraisable(Runtime& rt, Object* exception, Object* object, const char* err_msg) {
    VM& vm = rt.vm();
    Ref<Object> saved = vm.thread_state().fetch_exception();
    Ref<Object> keep = Ref<Object>::borrow(exception);
    Object* none = vm.none();
    Object* tb = exception && is_exception_instance(exception)
                     ? static_cast<BaseExceptionObject*>(exception)->traceback
                     : nullptr;
    Ref<Object> message = err_msg ? str_from_utf8(vm, err_msg) : vm.new_none();
    Ref<Object> hook = stdlib::sys_get(rt, "unraisablehook");
    Ref<Object> default_hook = stdlib::sys_get(rt, "__unraisablehook__");
    bool done = false;
    if (hook && message && hook.get() != default_hook.get() && hook.get() != none) {
        Ref<Type> type = stdlib::struct_seq_type_new(
            rt, "UnraisableHookArgs",
            {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"});
        Ref<Object> args =
            type ? stdlib::struct_seq_new(vm, type.get(),
                                          {exception ? exception->type : none,
                                           exception ? exception : none, tb ? tb : none,
                                           message.get(), object ? object : none})
                 : nullptr;
        Object* argv[] = {args.get()};
        Ref<Object> result = args ? call_object(vm, hook.get(), argv, 1) : nullptr;
        done = static_cast<bool>(result);
        if (!done) {
            // As CPython: the hook's own error is reported by the default hook.
            Ref<Object> hook_error = vm.thread_state().fetch_exception();
            Ref<Object> hook_message = str_from_utf8(vm, "Exception ignored in sys.unraisablehook");
            if (hook_error && hook_message) {
                Object* hook_tb = static_cast<BaseExceptionObject*>(hook_error.get())->traceback;
                stdlib::sys_write_stderr(rt, unraisable_text(rt, hook_error->type, hook_error.get(),
                                                             hook_tb ? hook_tb : none,
                                                             hook_message.get(), hook.get()));
            }
            done = true;
        }
    }
    if (!done)
        stdlib::sys_write_stderr(rt, unraisable_text(rt, exception ? exception->type : none,
                                                     exception ? exception : none, tb ? tb : none,
                                                     message ? message.get() : none, object));
    vm.thread_state().clear_exception();
    if (saved)
        vm.thread_state().set_exception(std::move(saved));
}

void traceback_frame_exit(Runtime& rt, Frame* frame) {
    VM& vm = rt.vm();
    Object* exception = vm.thread_state().exception();
    if (!exception || frame->locals || frame->code->nlocalsplus == 0)
        return;
    Object* head = static_cast<BaseExceptionObject*>(exception)->traceback;
    if (!head || head->type != rt.types().traceback)
        return;
    auto* tb = static_cast<Traceback*>(head);
    if (tb->live != frame || tb->code != frame->code || tb->fast)
        return;
    Ref<Object> keep = Ref<Object>::borrow(exception);
    Ref<Object> fast = tuple_new(vm, static_cast<size_t>(frame->code->nlocalsplus));
    if (!fast) {
        vm.thread_state().set_exception(std::move(keep)); // the exception, not MemoryError
        return;
    }
    for (int32_t i = 0; i < frame->code->nlocalsplus; ++i) {
        Object* value = frame->localsplus()[i];
        xincref(value);
        tuple_items(fast.get())[i] = value;
    }
    tb->fast = fast.release();
}

void print_exception(Runtime& rt, Object* exception, std::FILE* stream) {
    if (!exception || !is_exception_instance(exception))
        return;
    PrintContext ctx{rt, stream};
    print_recursive(ctx, exception);
}

bool init_traceback_type(Runtime& rt) {
    TypeSpec spec{};
    spec.name = "traceback";
    spec.basic_size = sizeof(Traceback);
    spec.flags = type_has_gc;
    spec.slots.dealloc = traceback_dealloc;
    spec.slots.traverse = traceback_traverse;
    spec.slots.clear = traceback_clear;
    spec.slots.getattr = traceback_getattr;
    spec.slots.setattr = traceback_setattr;
    Ref<Type> type = make_type(rt.vm(), spec);
    if (!type)
        return false;
    rt.types().traceback = type.release();
    return true;
}

} // namespace minipy::vm
