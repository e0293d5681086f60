// Tests of the import system (vm/import.cpp) and the frozen module table (stdlib/modules.h):
// search order, frozen packages, find_module_source for `minipy -m`, relative name resolution.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/runtime_helpers.h"
#include "stdlib/modules.h"
#include "vm/eval_helpers.h"
#include "vm/import.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/types/dict.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/str.h"

namespace minipy::test {
namespace {

class ImportTest : public ::testing::Test {
protected:
    void SetUp() override {
        machine = make_vm();
        runtime = vm::Runtime::create(*machine);
        ASSERT_TRUE(runtime);
        folder = std::filesystem::temp_directory_path() /
                 ("minipy_import_test_" + std::to_string(reinterpret_cast<uintptr_t>(this)));
        std::filesystem::remove_all(folder);
        std::filesystem::create_directories(folder / "tool");
        write("tool/__init__.py", "STATE = 'init ran'\n");
        write("tool/__main__.py", "print('main')\n");
        write("plain.py", "VALUE = 42\n");
        Ref<Object> entry = vm::str_from_utf8(*machine, folder.string());
        ASSERT_TRUE(entry);
        ASSERT_TRUE(vm::is_ok(vm::list_append(*machine, runtime->path_list(), entry.get())));
    }
    void TearDown() override {
        runtime.reset();
        machine.reset();
        std::filesystem::remove_all(folder);
    }
    void write(const std::string& name, const std::string& text) {
        std::ofstream(folder / name) << text;
    }
    // The module's attribute as repr, "<missing>" when absent.
    std::string attribute(Object* module, const std::string& name) {
        Ref<Object> key = vm::intern(*machine, name);
        Object* value = nullptr;
        if (vm::dict_lookup(*machine, static_cast<vm::Module*>(module)->dict, key.get(), &value) <=
            0)
            return "<missing>";
        return repr_of(*machine, value);
    }

    std::unique_ptr<vm::VM> machine;
    std::unique_ptr<vm::Runtime> runtime;
    std::filesystem::path folder;
};

TEST_F(ImportTest, FrozenTableListsPackagesAndModules) {
    const stdlib::FrozenModuleDef* collections = stdlib::find_frozen_module("collections");
    ASSERT_NE(collections, nullptr);
    EXPECT_TRUE(collections->is_package);
    const stdlib::FrozenModuleDef* abc = stdlib::find_frozen_module("collections.abc");
    ASSERT_NE(abc, nullptr);
    EXPECT_FALSE(abc->is_package);
    EXPECT_NE(abc->source.find("class Mapping"), std::string_view::npos);
    EXPECT_EQ(stdlib::find_frozen_module("collections.nope"), nullptr);
}

TEST_F(ImportTest, FrozenSubmoduleIsBoundOnItsPackageAndHasNoFile) {
    Ref<Object> abc = vm::import_absolute(*runtime, "collections.abc");
    ASSERT_TRUE(abc) << take_error(*machine);
    EXPECT_EQ(attribute(abc.get(), "__name__"), "'collections.abc'");
    EXPECT_EQ(attribute(abc.get(), "__package__"), "'collections'");
    EXPECT_EQ(attribute(abc.get(), "__file__"), "<missing>");
    Ref<Object> collections = vm::import_absolute(*runtime, "collections");
    ASSERT_TRUE(collections);
    EXPECT_EQ(attribute(collections.get(), "abc"), repr_of(*machine, abc.get()));
    EXPECT_EQ(attribute(collections.get(), "__path__"), "[]");
}

TEST_F(ImportTest, SearchPathModulesAndErrors) {
    Ref<Object> plain = vm::import_absolute(*runtime, "plain");
    ASSERT_TRUE(plain) << take_error(*machine);
    EXPECT_EQ(attribute(plain.get(), "VALUE"), "42");
    EXPECT_TRUE(vm::import_absolute(*runtime, "plain").get() == plain.get()); // sys.modules
    EXPECT_FALSE(vm::import_absolute(*runtime, "plain.sub"));
    EXPECT_EQ(take_error(*machine),
              "ModuleNotFoundError: No module named 'plain.sub'; 'plain' is not a package");
    EXPECT_FALSE(vm::import_absolute(*runtime, "no_such_module_anywhere"));
    EXPECT_EQ(take_error(*machine),
              "ModuleNotFoundError: No module named 'no_such_module_anywhere'");
}

TEST_F(ImportTest, RelativeNamesResolveAgainstThePackage) {
    Ref<Object> package = vm::str_from_utf8(*machine, "collections");
    Ref<Object> abc = vm::import_module_by_name(*runtime, ".abc", package.get());
    ASSERT_TRUE(abc) << take_error(*machine);
    EXPECT_EQ(attribute(abc.get(), "__name__"), "'collections.abc'");
    EXPECT_FALSE(vm::import_module_by_name(*runtime, "..abc", package.get()));
    EXPECT_EQ(take_error(*machine),
              "ImportError: attempted relative import beyond top-level package");
    EXPECT_FALSE(vm::import_module_by_name(*runtime, ".abc", nullptr));
    EXPECT_EQ(take_error(*machine), "TypeError: the 'package' argument is required to perform a "
                                    "relative import for '.abc'");
}

TEST_F(ImportTest, FindModuleSourceForDashM) {
    std::string source;
    std::string filename;
    ASSERT_TRUE(vm::find_module_source(*runtime, "functools", source, filename));
    EXPECT_EQ(filename, "<frozen functools>");
    EXPECT_NE(source.find("def reduce"), std::string::npos);

    ASSERT_TRUE(vm::find_module_source(*runtime, "plain", source, filename));
    EXPECT_EQ(std::filesystem::path(filename).filename(), "plain.py");

    // A package runs its __main__, after its __init__ (which leaves it in sys.modules).
    ASSERT_TRUE(vm::find_module_source(*runtime, "tool", source, filename)) << take_error(*machine);
    EXPECT_EQ(std::filesystem::path(filename).filename(), "__main__.py");
    EXPECT_EQ(source, "print('main')\n");
    Ref<Object> tool = vm::import_absolute(*runtime, "tool");
    ASSERT_TRUE(tool);
    EXPECT_EQ(attribute(tool.get(), "STATE"), "'init ran'");

    EXPECT_FALSE(vm::find_module_source(*runtime, "collections", source, filename));
    EXPECT_EQ(take_error(*machine),
              "ImportError: No module named collections.__main__; 'collections' is a package and "
              "cannot be directly executed");
    EXPECT_FALSE(vm::find_module_source(*runtime, "nope_h4", source, filename));
    EXPECT_EQ(take_error(*machine), "ModuleNotFoundError: No module named nope_h4");
    EXPECT_FALSE(vm::find_module_source(*runtime, ".rel", source, filename));
    EXPECT_EQ(take_error(*machine), "ImportError: Relative module names not supported");
}

} // namespace
} // namespace minipy::test
