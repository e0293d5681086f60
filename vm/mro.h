// The C3 merge behind every method resolution order (CPython's mro_implementation): used when a
// type is made, when C.__bases__ is assigned, and to name the classes of an MRO conflict.
#pragma once

#include <vector>

namespace minipy::vm {

struct Type;

// Merges `sequences` (each base's mro, then the list of bases) into `out`, after the entries
// `out` already holds (the new type itself). True when the merge completes; false on a conflict,
// with `out` holding the part merged so far and, when `heads` is not null, the distinct classes
// left at the heads of the sequences (what CPython's set_mro_error names). May throw bad_alloc.
bool c3_merge(std::vector<std::vector<Type*>> sequences, std::vector<Type*>& out,
              std::vector<Type*>* heads = nullptr);

} // namespace minipy::vm
