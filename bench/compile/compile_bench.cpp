// minipy_compile_bench: reads every file named in a list (one path a line) into memory, then parses
// and compiles each one in-process N times and prints the best total wall time in seconds. Reading
// is outside the timing. With --check it instead compiles each file once and reports every file
// that fails (path and error), which is how the stdlib corpus is checked.
//
//   minipy_compile_bench [--repeat N] [--check] FILE_LIST
//   minipy_compile_bench --scopes FILE_LIST
//   minipy_compile_bench --parse-only [--repeat N] FILE_LIST   (times the parser alone)
//   minipy_compile_bench --phases [--repeat N] FILE_LIST      (times each phase apart)
//   minipy_compile_bench --dump FILE_LIST                     (everything the compiler produced)
//   minipy_compile_bench --digest FILE_LIST                   (a hash of AST dump + --dump per
//   file)
//
// --scopes prints, for every code unit of every file (nested ones in constants order), its name,
// argument counts, flags and local/cell/free names, one line each; compare_scopes.py prints the
// same from CPython's compile() so the symbol tables can be compared file by file. --dump prints
// the disassembly and every field of every code unit (words, locations, exception table, stack
// depth), so two builds of the compiler can be checked for identical output with diff.
//
// Output (timing mode): `files=<n> bytes=<n> failures=<n> best_seconds=<t> best_cpu_seconds=<t>
// runs=<t1,t2,...>`; CPU seconds are this thread's CPU time, which other processes on a loaded
// machine do not inflate. --phases adds `lex=<t> parse=<t> symtable=<t> codegen=<t> assemble=<t>`
// (CPU seconds of each phase, best pass; `parse` excludes the lexing measured by `lex`, `codegen`
// excludes `assemble`).
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/ast_dump.h"
#include "compiler/codegen.h"
#include "compiler/compile.h"
#include "compiler/disassembler.h"
#include "compiler/lexer.h"
#include "compiler/symtable.h"

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

double cpu_now() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// CPU seconds spent in each phase over one pass of the corpus.
struct PhaseTimes {
    double lex = 0;
    double parse = 0; // lexing included; main() subtracts `lex`
    double symtable = 0;
    double codegen = 0; // assembly included; main() subtracts `assemble`
    double assemble = 0;
};

// Tokenizes one file (source preparation included) and returns false on a lexical error.
bool lex_one(const Source& source) {
    minipy::compiler::Arena arena;
    minipy::compiler::ParseOptions options;
    options.filename = source.path;
    std::string_view prepared;
    minipy::compiler::CompileError error;
    if (!minipy::compiler::prepare_source(arena, source.text, options, prepared, error))
        return false;
    minipy::compiler::Lexer lexer(arena, prepared, source.path);
    for (;;) {
        minipy::compiler::TokenKind kind = lexer.next().kind;
        if (kind == minipy::compiler::TokenKind::EndOfInput)
            return true;
        if (kind == minipy::compiler::TokenKind::Error)
            return false;
    }
}

// Runs the pipeline of compile_source one phase at a time, adding each phase's CPU time.
bool compile_phases(const Source& source, PhaseTimes& times) {
    double start = cpu_now();
    lex_one(source);
    double lexed = cpu_now();
    times.lex += lexed - start;
    minipy::compiler::Arena arena;
    minipy::compiler::ParseOptions options;
    options.filename = source.path;
    minipy::compiler::ParseResult parsed = minipy::compiler::parse(arena, source.text, options);
    double after_parse = cpu_now();
    times.parse += after_parse - lexed;
    if (!parsed.module)
        return false;
    minipy::compiler::SymbolTable symbols;
    bool built = symbols.build(*parsed.module, source.path,
                               minipy::compiler::has_future_annotations(*parsed.module));
    double after_symtable = cpu_now();
    times.symtable += after_symtable - after_parse;
    if (!built)
        return false;
    minipy::compiler::CodegenOptions codegen_options;
    codegen_options.filename = source.path;
    codegen_options.source = source.text;
    minipy::compiler::CodegenStats stats;
    codegen_options.stats = &stats;
    minipy::compiler::CodegenResult generated =
        minipy::compiler::generate_code(*parsed.module, symbols, codegen_options);
    times.codegen += cpu_now() - after_symtable;
    times.assemble += stats.assemble_seconds;
    return generated.code != nullptr;
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

void dump_code(const minipy::compiler::CodeUnit& code, std::string& out) {
    out += "CODE " + code.qualname + " stack=" + std::to_string(code.max_stack_depth) +
           " caches=" + std::to_string(code.cache_entries) +
           " counts=" + std::to_string(code.local_count) + "," + std::to_string(code.cell_count) +
           "," + std::to_string(code.free_count) + "\n";
    for (size_t i = 0; i < code.instructions.size(); i++) {
        const minipy::compiler::Location& loc = code.locations[i];
        char text[96];
        std::snprintf(text, sizeof text, "%08x %d %d %d %d\n", code.instructions[i], loc.line,
                      loc.end_line, loc.column, loc.end_column);
        out += text;
    }
    for (const minipy::compiler::ExceptionTableEntry& entry : code.exception_table)
        out += "EXC " + std::to_string(entry.start) + " " + std::to_string(entry.end) + " " +
               std::to_string(entry.target) + " " + std::to_string(entry.depth) + " " +
               std::to_string(entry.push_lasti) + "\n";
    for (const auto& constant : code.constants)
        if (constant.kind == minipy::compiler::ConstantKind::Code && constant.code)
            dump_code(*constant.code, out);
}

} // namespace

int main(int argc, char** argv) {
    int repeat = 3;
    bool check = false;
    bool scopes = false;
    bool parse_only = false;
    bool phases = false;
    bool dump = false;
    bool digest = false;
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
        else if (arg == "--phases")
            phases = true;
        else if (arg == "--dump")
            dump = true;
        else if (arg == "--digest")
            dump = digest = true;
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
    if (scopes || dump) {
        for (const Source& source : sources) {
            minipy::compiler::ParseOptions options;
            options.filename = source.path;
            auto result = minipy::compiler::compile_source(source.text, options);
            std::string out = "FILE " + source.path + "\n";
            if (digest) {
                minipy::compiler::Arena arena;
                auto parsed = minipy::compiler::parse(arena, source.text, options);
                if (parsed.module)
                    out += minipy::compiler::dump_ast(*parsed.module) + "\n";
            }
            if (result.code && dump) {
                print_scopes(*result.code, out);
                out += minipy::compiler::disassemble(*result.code);
                dump_code(*result.code, out);
            } else if (result.code)
                print_scopes(*result.code, out);
            else
                out += "ERROR " + result.error.message + "\n";
            if (digest)
                out = source.path + " " +
                      std::to_string(std::hash<std::string_view>{}(std::string_view(out))) + "\n";
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
    if (phases) {
        PhaseTimes best;
        double best_total = 0;
        size_t failures = 0;
        for (int run = 0; run < repeat; run++) {
            PhaseTimes times;
            failures = 0;
            for (const Source& source : sources)
                if (!compile_phases(source, times))
                    failures++;
            double total = times.parse + times.symtable + times.codegen;
            if (run == 0 || total < best_total) {
                best_total = total;
                best = times;
            }
        }
        std::printf("files=%zu bytes=%zu failures=%zu lex=%.4f parse=%.4f symtable=%.4f "
                    "codegen=%.4f assemble=%.4f\n",
                    sources.size(), bytes, failures, best.lex, best.parse - best.lex, best.symtable,
                    best.codegen - best.assemble, best.assemble);
        return 0;
    }
    double best = 0;
    double best_cpu = 0;
    std::string runs;
    size_t failures = 0;
    for (int run = 0; run < repeat; run++) {
        failures = 0;
        auto start = std::chrono::steady_clock::now();
        double cpu_start = cpu_now();
        for (const Source& source : sources)
            if (!(parse_only ? parse_one(source) : compile_one(source, nullptr)))
                failures++;
        double cpu = cpu_now() - cpu_start;
        std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        if (run == 0 || elapsed.count() < best)
            best = elapsed.count();
        if (run == 0 || cpu < best_cpu)
            best_cpu = cpu;
        char text[32];
        std::snprintf(text, sizeof text, "%s%.4f", run ? "," : "", elapsed.count());
        runs += text;
    }
    std::printf(
        "files=%zu bytes=%zu failures=%zu best_seconds=%.4f best_cpu_seconds=%.4f runs=%s\n",
        sources.size(), bytes, failures, best, best_cpu, runs.c_str());
    return 0;
}
