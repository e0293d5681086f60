// Helpers shared by the runtime unit tests (vm/ and gc/): making values and reading reprs.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "vm/types/int.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::test {

using vm::Object;
using vm::Ref;

inline std::unique_ptr<vm::VM> make_vm() {
    vm::VMOptions options;
    options.use_environment = false;
    auto machine = vm::VM::create(options);
    EXPECT_TRUE(machine);
    return machine;
}

// repr(object) as UTF-8, or "<error: TypeName: message>" when it raised.
inline std::string repr_of(vm::VM& machine, Object* object);

// The current exception as "TypeName: str", cleared; "" when none.
inline std::string take_error(vm::VM& machine) {
    Ref<Object> exception = machine.thread_state().fetch_exception();
    if (!exception)
        return "";
    std::string text = exception->type->name;
    Ref<Object> message = vm::object_str(machine, exception.get());
    machine.thread_state().clear_exception();
    if (message && vm::str_length(message.get()) > 0)
        text += ": " + vm::str_to_utf8(message.get());
    return text;
}

inline std::string repr_of(vm::VM& machine, Object* object) {
    if (!object)
        return "<null: " + take_error(machine) + ">";
    Ref<Object> text = vm::object_repr(machine, object);
    if (!text)
        return "<error: " + take_error(machine) + ">";
    return vm::str_to_utf8(text.get());
}

inline Ref<Object> int_of(vm::VM& machine, std::string_view text) {
    Ref<Object> value = vm::int_from_text(machine, text, 10);
    EXPECT_TRUE(value) << text;
    return value;
}

inline Ref<Object> str_of(vm::VM& machine, std::string_view text) {
    return vm::str_from_utf8(machine, text);
}

} // namespace minipy::test
