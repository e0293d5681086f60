// The singleton types: NoneType, NotImplementedType, ellipsis (one file each in vm/types/).
#pragma once

namespace minipy::vm {
class VM;
bool init_none_type(VM& vm);
bool init_not_implemented_type(VM& vm);
bool init_ellipsis_type(VM& vm);
} // namespace minipy::vm
