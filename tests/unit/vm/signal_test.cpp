// Tests vm/signals.cpp and the eval breaker: SIGINT becomes KeyboardInterrupt in the VM that
// installed the handler, at its next backward jump or call; a VM that did not install it ignores
// the flag; the previous disposition comes back when the VM is destroyed. The signal is raised
// synchronously (std::raise), so nothing depends on timing.
#include <gtest/gtest.h>

#include <csignal>
#include <string>

#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/signals.h"
#include "vm/types/dict.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/vm.h"

namespace minipy::test {
namespace {

using vm::Object;
using vm::Ref;

struct Machine {
    std::unique_ptr<vm::VM> vm;
    std::unique_ptr<vm::Runtime> runtime;
    Ref<Object> module;

    Machine() {
        vm::VMOptions options;
        options.use_environment = false;
        vm = vm::VM::create(options);
        runtime = vm::Runtime::create(*vm);
        module = vm::module_new(*runtime, "__main__");
    }
    ~Machine() {
        module = nullptr;
        runtime.reset();
    }
    // Runs source; "" or the exception's type name.
    std::string run(const char* source) {
        Object* globals = static_cast<vm::Module*>(module.get())->dict;
        if (vm::exec_source(*runtime, source, "<signal test>", globals))
            return "";
        Ref<Object> exception = vm->thread_state().fetch_exception();
        return exception ? exception->type->name : "?";
    }
};

TEST(Signals, SigintRaisesKeyboardInterruptAtTheNextLoopIteration) {
    Machine machine;
    ASSERT_TRUE(machine.vm->install_signal_handlers());
    EXPECT_TRUE(machine.vm->handles_signals());
    ASSERT_EQ(std::raise(SIGINT), 0); // the handler only sets the flag
    EXPECT_TRUE(vm::signals_pending());
    EXPECT_EQ(machine.run("i = 0\nwhile True:\n    i += 1\n"), "KeyboardInterrupt");
    EXPECT_FALSE(vm::signals_pending());
    // Handled once: the VM stays usable.
    EXPECT_EQ(machine.run("total = sum(range(10))\nfor i in range(3):\n    total += i\n"), "");
}

TEST(Signals, SigintInterruptsRecursionWithoutLoops) {
    Machine machine;
    ASSERT_TRUE(machine.vm->install_signal_handlers());
    ASSERT_EQ(std::raise(SIGINT), 0);
    EXPECT_EQ(machine.run("def f(n):\n    return f(n + 1) if n < 10 else n\nf(0)\n"),
              "KeyboardInterrupt");
}

TEST(Signals, OnlyTheInstallingVMReacts) {
    Machine handler;
    Machine bystander;
    ASSERT_TRUE(handler.vm->install_signal_handlers());
    EXPECT_FALSE(bystander.vm->handles_signals());
    ASSERT_EQ(std::raise(SIGINT), 0);
    EXPECT_EQ(bystander.run("n = 0\nfor i in range(1000):\n    n += i\n"), "");
    EXPECT_TRUE(vm::signals_pending());
    EXPECT_EQ(handler.run("while True:\n    pass\n"), "KeyboardInterrupt");
}

TEST(Signals, DestroyingTheVMRestoresThePreviousHandler) {
    struct sigaction before {};
    ASSERT_EQ(sigaction(SIGINT, nullptr, &before), 0);
    {
        Machine machine;
        ASSERT_TRUE(machine.vm->install_signal_handlers());
        struct sigaction during {};
        ASSERT_EQ(sigaction(SIGINT, nullptr, &during), 0);
        EXPECT_NE(during.sa_handler, before.sa_handler);
    }
    struct sigaction after {};
    ASSERT_EQ(sigaction(SIGINT, nullptr, &after), 0);
    EXPECT_EQ(after.sa_handler, before.sa_handler);
}

TEST(Signals, PythonHandlerRunsAtTheBreakerAndItsExceptionPropagates) {
    struct sigaction before {};
    ASSERT_EQ(sigaction(SIGUSR1, nullptr, &before), 0);
    {
        Machine machine;
        ASSERT_TRUE(machine.vm->install_signal_handlers());
        EXPECT_EQ(machine.run("import signal\n"
                              "got = []\n"
                              "old = signal.signal(signal.SIGUSR1, lambda n, f: got.append(n))\n"
                              "assert old == signal.SIG_DFL\n"
                              "signal.raise_signal(signal.SIGUSR1)\n"
                              "assert got == [signal.SIGUSR1], got\n"
                              "def boom(n, f):\n    raise LookupError(n)\n"
                              "signal.signal(signal.SIGUSR1, boom)\n"),
                  "");
        ASSERT_EQ(std::raise(SIGUSR1), 0);
        EXPECT_EQ(machine.run("while True:\n    pass\n"), "LookupError");
        EXPECT_FALSE(vm::signals_pending());
        EXPECT_EQ(machine.run("for i in range(10):\n    pass\n"), "");
    }
    struct sigaction after {};
    ASSERT_EQ(sigaction(SIGUSR1, nullptr, &after), 0);
    EXPECT_EQ(after.sa_handler, before.sa_handler);
}

TEST(Signals, OnlyTheHandlingVMMaySetHandlers) {
    Machine bystander;
    EXPECT_EQ(bystander.run("import signal\n"
                            "try:\n"
                            "    signal.signal(signal.SIGUSR2, signal.SIG_IGN)\n"
                            "except ValueError as e:\n"
                            "    assert str(e) == 'signal only works in main thread of the "
                            "main interpreter'\n"
                            "else:\n"
                            "    raise AssertionError\n"
                            "assert signal.getsignal(signal.SIGUSR2) == signal.SIG_DFL\n"),
              "");
}

} // namespace
} // namespace minipy::test
