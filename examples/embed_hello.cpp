// A host program embedding minipy: it runs a script, reads a value back and reports a Python
// error without stopping. Build: part of the CMake build (target embed_hello).
#include <cstdio>
#include <variant>

#include "minipy/minipy.h"

int main() {
    auto interpreter = minipy::Interpreter::create();
    if (!interpreter)
        return 1;
    if (auto error = interpreter->exec("scores = {'ada': 3, 'grace': 5}\n"
                                       "best = max(scores, key=scores.get)\n")) {
        std::fprintf(stderr, "%s", error->traceback.c_str());
        return 1;
    }
    auto best = interpreter->eval("best");
    if (auto* text = std::get_if<std::string>(&best))
        std::printf("best player: %s\n", text->c_str());
    if (auto error = interpreter->exec("scores['nobody']"))
        std::printf("the script raised %s: %s (the host carries on)\n", error->type.c_str(),
                    error->message.c_str());
    return 0;
}
