// CompileError's class names and its rendering as CPython 3.11 prints an uncaught SyntaxError
// (Python/pythonrun.c, print_exception and print_error_text): the file and line, the offending line
// stripped of leading whitespace, a caret line spanning offset..end_offset, then `Class: message`.
#include "compiler/diagnostics.h"

#include <string_view>

namespace minipy::compiler {

namespace {

// Appends the source line and its carets. Offsets are 1-based character offsets into text.
void append_error_text(std::string& out, int64_t offset, int64_t end_offset,
                       std::string_view text) {
    int64_t caret_count = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
    --offset; // to 0-based
    while (!text.empty() && (text[0] == ' ' || text[0] == '\t' || text[0] == '\f')) {
        text.remove_prefix(1);
        --offset;
    }
    // Lengths in characters, as CPython's offsets count characters.
    auto char_count = [](std::string_view s) {
        int64_t count = 0;
        for (char c : s)
            count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return count;
    };
    std::string_view line = text;
    if (!line.empty() && line.back() == '\n')
        line.remove_suffix(1);
    int64_t length = char_count(line);
    if (offset > length)
        offset = length;
    // Skip past newlines embedded in text.
    for (;;) {
        size_t newline = line.find('\n');
        if (newline == std::string_view::npos)
            break;
        int64_t before = char_count(line.substr(0, newline));
        if (before >= offset)
            break;
        line.remove_prefix(newline + 1);
        offset -= before + 1;
    }
    out += "    ";
    out += line;
    out += '\n';
    if (offset < 0)
        return;
    out += "    ";
    out.append(static_cast<size_t>(offset), ' ');
    out.append(static_cast<size_t>(caret_count), '^');
    out += '\n';
}

} // namespace

const char* compile_error_class_name(CompileErrorKind kind) {
    switch (kind) {
    case CompileErrorKind::SyntaxError:
        return "SyntaxError";
    case CompileErrorKind::IndentationError:
        return "IndentationError";
    case CompileErrorKind::TabError:
        return "TabError";
    case CompileErrorKind::RecursionError:
        return "RecursionError";
    case CompileErrorKind::MemoryError:
        return "MemoryError";
    }
    return "SyntaxError";
}

std::string format_compile_error(const CompileError& error) {
    std::string out;
    const char* class_name = compile_error_class_name(error.kind);
    if (error.kind == CompileErrorKind::RecursionError ||
        error.kind == CompileErrorKind::MemoryError) {
        // Not SyntaxError subclasses: CPython prints only the class and message.
        out += class_name;
        if (!error.message.empty()) {
            out += ": ";
            out += error.message;
        }
        out += '\n';
        return out;
    }
    out = format_compile_error_location(error);
    out += class_name;
    out += ": ";
    out += error.message.empty() && error.lineno >= 0 ? "<no detail available>" : error.message;
    out += '\n';
    return out;
}

std::string format_compile_error_location(const CompileError& error) {
    std::string out;
    if (error.lineno < 0)
        return out; // no position at all (CPython's lineno None)
    std::string filename = error.filename.empty() ? "<string>" : error.filename;
    out += "  File \"" + filename + "\", line " + std::to_string(error.lineno) + "\n";
    if (!error.text.empty()) {
        std::string_view text = error.text;
        int64_t end_offset = error.end_offset;
        if (error.end_lineno > error.lineno) {
            // CPython underlines to the end of the first line: its size with the newline.
            end_offset = static_cast<int64_t>(text.size());
        }
        int64_t text_chars = 0;
        for (char c : text)
            text_chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (end_offset > text_chars + 1)
            end_offset = text_chars + 1;
        // CPython draws a single caret for IndentationError and TabError, whatever their span.
        if (error.kind == CompileErrorKind::IndentationError ||
            error.kind == CompileErrorKind::TabError)
            end_offset = 0;
        append_error_text(out, error.offset, end_offset, text);
    }
    return out;
}

} // namespace minipy::compiler
