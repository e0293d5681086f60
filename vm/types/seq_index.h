// Sequence subscripts by an object with __index__ (CPython's PyNumber_Index as list, tuple, str,
// bytes and range subscripts use it).
#pragma once

#include <string_view>

#include "gc/ref.h"
#include "vm/object.h"

namespace minipy::vm {

// The int a sequence is indexed by: `key` itself when it is an int, else key.__index__() (kept
// alive by `holder`). Null with TypeError `before` + key's type name + `after` when key's type
// has no __index__ ("list indices must be integers or slices, not str"), "__index__ returned
// non-int (type str)", or whatever __index__ raised.
[[nodiscard]] Object* subscript_int(VM& vm, Object* key, Ref<Object>& holder,
                                    std::string_view before, std::string_view after = {});

} // namespace minipy::vm
