#include "vm/mro.h"

#include <algorithm>

namespace minipy::vm {

bool c3_merge(std::vector<std::vector<Type*>> sequences, std::vector<Type*>& out,
              std::vector<Type*>* heads) {
    for (;;) {
        Type* candidate = nullptr;
        bool any_left = false;
        for (auto& sequence : sequences) {
            if (sequence.empty())
                continue;
            any_left = true;
            bool in_tail = false;
            for (auto& other : sequences) {
                for (size_t k = 1; k < other.size() && !in_tail; ++k)
                    in_tail = other[k] == sequence.front();
            }
            if (!in_tail) {
                candidate = sequence.front();
                break;
            }
        }
        if (!any_left)
            return true;
        if (!candidate)
            break;
        out.push_back(candidate);
        for (auto& sequence : sequences) {
            if (!sequence.empty() && sequence.front() == candidate)
                sequence.erase(sequence.begin());
        }
    }
    if (heads) {
        for (auto& sequence : sequences) {
            if (!sequence.empty() &&
                std::find(heads->begin(), heads->end(), sequence.front()) == heads->end())
                heads->push_back(sequence.front());
        }
    }
    return false;
}

} // namespace minipy::vm
