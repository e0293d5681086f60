// minipy_compile_bench: reads every file named in a list (one path a line) into memory, then parses
// and compiles each one in-process N times and prints the best total wall time in seconds. Reading
// is outside the timing. With --check it instead compiles each file once and reports every file
// that fails (path and error), which is how the stdlib corpus is checked.
//
//   minipy_compile_bench [--repeat N] [--check] FILE_LIST
//   minipy_compile_bench --scopes FILE_LIST
//   minipy_compile_bench --parse-only [--repeat N] FILE_LIST   (times the parser alone)
//
// --scopes prints, for every code unit of every file (nested ones in constants order), its name,
// argument counts, flags and local/cell/free names, one line each; compare_scopes.py prints the
// same from CPython's compile() so the symbol tables can be compared file by file.
//
// Output (timing mode): `files=<n> bytes=<n> failures=<n> best_seconds=<t> runs=<t1,t2,...>`.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/compile.h"
#include "compiler/disassembler.h"

namespace {

struct Source {
    std::string path;
    std::string text;
};

bool read_all(const std::string& path, std::string& out) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        return false;
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    out = std::move(buffer).str();
    return true;
}

bool parse_one(const Source& source) {
    minipy::compiler::Arena arena;
    minipy::compiler::ParseOptions options;
    options.filename = source.path;
    return minipy::compiler::parse(arena, source.text, options).module != nullptr;
}

bool compile_one(const Source& source, minipy::compiler::CompileError* error) {
    minipy::compiler::ParseOptions options;
    options.filename = source.path;
    minipy::compiler::CompileResult result = minipy::compiler::compile_source(source.text, options);
    if (!result.code && error)
        *error = result.error;
    return result.code != nullptr;
}

void print_scopes(const minipy::compiler::CodeUnit& code, std::string& out) {
    out += code.qualname + "|" + code.name + "|" + std::to_string(code.first_line) + "|" +
           std::to_string(code.argcount) + "|" + std::to_string(code.posonlyargcount) + "|" +
           std::to_string(code.kwonlyargcount) + "|" + std::to_string(code.flags & 0x3ff);
    for (uint8_t kind : {minipy::compiler::local_kind_local, minipy::compiler::local_kind_cell,
                         minipy::compiler::local_kind_free}) {
        out += "|";
        for (size_t i = 0; i < code.localsplus_names.size(); i++)
            if (code.localsplus_kinds[i] & kind)
                out += code.localsplus_names[i] + ",";
    }
    out += "|";
    for (const std::string& name : code.names)
        out += name + ",";
    out += "|";
    for (const auto& constant : code.constants) {
        if (constant.kind == minipy::compiler::ConstantKind::Code)
            out += "<code>";
        else if (constant.kind == minipy::compiler::ConstantKind::FrozenSet)
            out += "frozenset(" + std::to_string(constant.items.size()) + ")";
        else
            out += minipy::compiler::constant_repr(constant);
        out += ";";
    }
    out += "\n";
    for (const auto& constant : code.constants)
        if (constant.kind == minipy::compiler::ConstantKind::Code && constant.code)
            print_scopes(*constant.code, out);
}

} // namespace

int main(int argc, char** argv) {
    int repeat = 3;
    bool check = false;
    bool scopes = false;
    bool parse_only = false;
    std::string list_path;
    for (int i = 1; i < argc; i++) {
        std::string arg = argv[i];
        if (arg == "--repeat" && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--check")
            check = true;
        else if (arg == "--scopes")
            scopes = true;
        else if (arg == "--parse-only")
            parse_only = true;
        else
            list_path = arg;
    }
    std::string list;
    if (list_path.empty() || !read_all(list_path, list)) {
        std::fprintf(stderr, "usage: %s [--repeat N] [--check] FILE_LIST\n", argv[0]);
        return 2;
    }
    std::vector<Source> sources;
    size_t bytes = 0;
    std::istringstream lines(list);
    for (std::string path; std::getline(lines, path);) {
        if (path.empty())
            continue;
        Source source{path, {}};
        if (!read_all(path, source.text)) {
            std::fprintf(stderr, "cannot read %s\n", path.c_str());
            return 2;
        }
        bytes += source.text.size();
        sources.push_back(std::move(source));
    }
    if (scopes) {
        for (const Source& source : sources) {
            minipy::compiler::ParseOptions options;
            options.filename = source.path;
            auto result = minipy::compiler::compile_source(source.text, options);
            std::string out = "FILE " + source.path + "\n";
            if (result.code)
                print_scopes(*result.code, out);
            else
                out += "ERROR " + result.error.message + "\n";
            std::fwrite(out.data(), 1, out.size(), stdout);
        }
        return 0;
    }
    if (check) {
        size_t failures = 0;
        for (const Source& source : sources) {
            minipy::compiler::CompileError error;
            if (!compile_one(source, &error)) {
                failures++;
                std::printf("FAIL %s:%d:%d: %s\n", source.path.c_str(), error.lineno, error.offset,
                            error.message.c_str());
            }
        }
        std::printf("files=%zu compiled=%zu failures=%zu\n", sources.size(),
                    sources.size() - failures, failures);
        return failures ? 1 : 0;
    }
    double best = 0;
    std::string runs;
    size_t failures = 0;
    for (int run = 0; run < repeat; run++) {
        failures = 0;
        auto start = std::chrono::steady_clock::now();
        for (const Source& source : sources)
            if (!(parse_only ? parse_one(source) : compile_one(source, nullptr)))
                failures++;
        std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        if (run == 0 || elapsed.count() < best)
            best = elapsed.count();
        char text[32];
        std::snprintf(text, sizeof text, "%s%.4f", run ? "," : "", elapsed.count());
        runs += text;
    }
    std::printf("files=%zu bytes=%zu failures=%zu best_seconds=%.4f runs=%s\n", sources.size(),
                bytes, failures, best, runs.c_str());
    return 0;
}
