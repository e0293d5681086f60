// The `os` module: the system calls in C++ (files and directories, stat, descriptors, pipes,
// processes: fork, wait, kill, exit), the rest (environ, walk, scandir's DirEntry, stat_result,
// makedirs) as Python compiled at import. `os.path` is the posixpath module
// (stdlib/mod_posixpath.cpp), also registered as "os.path" in sys.modules.
//
// Invariants:
//  - every failing system call raises the OSError subclass CPython picks for its errno, with
//    errno/strerror/filename attributes and args (errno, strerror);
//  - fork flushes the C stdio buffers and sys.stdout/sys.stderr first, so buffered output is not
//    written twice; after fork only the calling thread exists in the child (threads: issue #5).
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "stdlib/builtins_support.h"
#include "stdlib/modules.h"
#include "vm/eval_helpers.h"
#include "vm/gil.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/types/bytes.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

extern char** environ;

namespace minipy::stdlib {

// The Python half of os (stdlib/mod_os_source.cpp).
extern const std::string_view os_python_source;

using namespace minipy::vm;

namespace {

using Args = Object* const*;

// ====== Errors

// Raises OSError(errno, strerror[, filename[, None, filename2]]): the OSError constructor picks
// the subclass for the errno (PEP 3151) and formats "[Errno 2] No such file or directory: 'x'".
Raised raise_errno(VM& vm, int error, Object* filename = nullptr, Object* filename2 = nullptr) {
    Ref<Object> number = int_from_i64(vm, error);
    Ref<Object> message = str_from_utf8(vm, std::strerror(error));
    if (!number || !message)
        return Raised{};
    Object* args[] = {number.get(), message.get(), filename, vm.none(), filename2};
    size_t nargs = filename2 ? 5 : filename ? 3 : 2;
    Ref<Object> exception = call_object(vm, vm.exceptions().OSError, args, nargs);
    if (!exception)
        return Raised{};
    return raise_object(vm, exception.get());
}

// ====== Arguments

// A path argument: str, bytes or an os.PathLike (its __fspath__). Raises TypeError "stat: path
// should be string, bytes or os.PathLike, not int".
// `kinds` names what the function accepts in the message (CPython's path_converter wording).
Status path_argument(VM& vm, const char* function, Object* arg, std::string& out,
                     bool* is_bytes_path = nullptr,
                     const char* kinds = "string, bytes or os.PathLike") {
    Ref<Object> value = Ref<Object>::borrow(arg);
    if (!is_str(arg) && !is_bytes(arg)) {
        Ref<Object> name = intern(vm, "__fspath__");
        if (!name)
            return Status::error;
        if (type_lookup(arg->type, name.get())) {
            value = call_dunder(vm, arg, name.get(), nullptr, 0);
            if (!value)
                return Status::error;
        }
    }
    if (is_str(value.get())) {
        out = str_to_utf8(value.get());
    } else if (is_bytes(value.get())) {
        out = std::string(bytes_view(value.get()));
        if (is_bytes_path)
            *is_bytes_path = true;
    } else {
        return raise_type_error(vm, function, ": path should be ", kinds, ", not ",
                                arg->type->name);
    }
    if (out.find('\0') != std::string::npos)
        return raise_value_error(vm, "embedded null byte");
    return Status::ok;
}

// A C int argument (descriptors, modes, flags). Raises TypeError, OverflowError.
Status int_argument(VM& vm, Object* arg, int64_t& out) {
    if (!is_int(arg))
        return raise_type_error(vm, "'", arg->type->name,
                                "' object cannot be interpreted as an integer");
    if (!int_to_i64(arg, out) || out > INT_MAX)
        return raise_overflow_error(vm, "Python int too large to convert to C int");
    if (out < INT_MIN)
        return raise_overflow_error(vm, "Python int too small to convert to C int");
    return Status::ok;
}

// A pid_t argument: read as a C long, then range-checked (CPython's converter wording).
Status pid_argument(VM& vm, Object* arg, int64_t& out) {
    if (!is_int(arg))
        return raise_type_error(vm, "'", arg->type->name,
                                "' object cannot be interpreted as an integer");
    if (!int_to_i64(arg, out))
        return raise_overflow_error(vm, "Python int too large to convert to C long");
    if (out > INT_MAX)
        return raise_overflow_error(vm, "signed integer is greater than maximum");
    if (out < INT_MIN)
        return raise_overflow_error(vm, "signed integer is less than minimum");
    return Status::ok;
}

Status count_between(VM& vm, const char* name, size_t nargs, size_t least, size_t most) {
    if (nargs < least || nargs > most) {
        if (least == most)
            return raise_type_error(vm, name, "() takes exactly ", least, " argument",
                                    least == 1 ? "" : "s", " (", nargs, " given)");
        if (nargs < least)
            return raise_type_error(vm, name, "() missing required argument 'path' (pos 1)");
        return raise_type_error(vm, name, "() takes at most ", most, " arguments (", nargs,
                                " given)");
    }
    return Status::ok;
}

Ref<Object> text_result(VM& vm, const std::string& text, bool as_bytes) {
    return as_bytes ? bytes_new(vm, text) : str_from_utf8(vm, text);
}

// ====== Files and directories

Ref<Object> os_getcwd(VM& vm, Object*, Args, size_t, Object*) {
    std::string buffer(4096, '\0');
    while (!::getcwd(buffer.data(), buffer.size())) {
        if (errno != ERANGE)
            return raise_errno(vm, errno);
        buffer.resize(buffer.size() * 2);
    }
    buffer.resize(std::strlen(buffer.c_str()));
    return str_from_utf8(vm, buffer);
}

Ref<Object> os_getcwdb(VM& vm, Object* self, Args args, size_t nargs, Object* kw) {
    Ref<Object> text = os_getcwd(vm, self, args, nargs, kw);
    if (!text)
        return nullptr;
    return bytes_new(vm, str_to_utf8(text.get()));
}

// A function of one path calling `call`; raises OSError with the path as filename.
template <class Call> Ref<Object> path_call(VM& vm, const char* name, Object* arg, Call call) {
    std::string path;
    if (!is_ok(path_argument(vm, name, arg, path)))
        return nullptr;
    if (call(path.c_str()) != 0)
        return raise_errno(vm, errno, arg);
    return vm.new_none();
}

Ref<Object> os_chdir(VM& vm, Object*, Args args, size_t, Object*) {
    return path_call(vm, "chdir", args[0], [](const char* p) { return ::chdir(p); });
}
Ref<Object> os_rmdir(VM& vm, Object*, Args args, size_t, Object*) {
    return path_call(vm, "rmdir", args[0], [](const char* p) { return ::rmdir(p); });
}
Ref<Object> os_remove(VM& vm, Object*, Args args, size_t, Object*) {
    return path_call(vm, "remove", args[0], [](const char* p) { return ::unlink(p); });
}
Ref<Object> os_unlink(VM& vm, Object*, Args args, size_t, Object*) {
    return path_call(vm, "unlink", args[0], [](const char* p) { return ::unlink(p); });
}

Ref<Object> os_mkdir(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_keywords(vm, "mkdir", kwnames, {"mode", "dir_fd"})))
        return nullptr;
    Object* mode_arg = nargs > 1 ? args[1] : keyword_argument(args, nargs, kwnames, "mode");
    if (nargs < 1)
        return raise_type_error(vm, "mkdir() missing required argument 'path' (pos 1)");
    int64_t mode = 0777;
    if (mode_arg && !is_ok(int_argument(vm, mode_arg, mode)))
        return nullptr;
    std::string path;
    if (!is_ok(path_argument(vm, "mkdir", args[0], path)))
        return nullptr;
    if (::mkdir(path.c_str(), static_cast<mode_t>(mode)) != 0)
        return raise_errno(vm, errno, args[0]);
    return vm.new_none();
}

Ref<Object> rename_call(VM& vm, const char* name, Args args, size_t nargs) {
    if (nargs != 2)
        return raise_type_error(vm, name, "() takes exactly 2 positional arguments (", nargs,
                                " given)");
    std::string source, target;
    if (!is_ok(path_argument(vm, name, args[0], source)) ||
        !is_ok(path_argument(vm, name, args[1], target)))
        return nullptr;
    if (::rename(source.c_str(), target.c_str()) != 0)
        return raise_errno(vm, errno, args[0], args[1]);
    return vm.new_none();
}
Ref<Object> os_rename(VM& vm, Object*, Args args, size_t nargs, Object*) {
    return rename_call(vm, "rename", args, nargs);
}
Ref<Object> os_replace(VM& vm, Object*, Args args, size_t nargs, Object*) {
    return rename_call(vm, "replace", args, nargs);
}

Ref<Object> os_listdir(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "listdir", nargs, 0, 1)))
        return nullptr;
    std::string path = ".";
    bool as_bytes = false;
    Object* arg = nargs > 0 && args[0] != vm.none() ? args[0] : nullptr;
    if (arg && !is_ok(path_argument(vm, "listdir", arg, path, &as_bytes,
                                    "string, bytes, os.PathLike, integer or None")))
        return nullptr;
    DIR* dir = ::opendir(path.c_str());
    if (!dir)
        return raise_errno(vm, errno, arg);
    Ref<Object> result = list_new(vm);
    while (result) {
        errno = 0;
        dirent* entry = ::readdir(dir);
        if (!entry) {
            if (errno != 0) {
                int error = errno;
                ::closedir(dir);
                return raise_errno(vm, error, arg);
            }
            break;
        }
        std::string_view name = entry->d_name;
        if (name == "." || name == "..")
            continue;
        Ref<Object> item = text_result(vm, std::string(name), as_bytes);
        if (!item || !is_ok(list_append(vm, result.get(), item.get())))
            result = nullptr;
    }
    ::closedir(dir);
    return result;
}

// stat/lstat: the raw fields as a tuple (mode, ino, dev, nlink, uid, gid, size, atime_ns,
// mtime_ns, ctime_ns); the Python half makes the stat_result.
Ref<Object> stat_tuple(VM& vm, const struct stat& st) {
    auto ns = [](const timespec& ts) {
        return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    };
    const int64_t fields[] = {static_cast<int64_t>(st.st_mode),
                              static_cast<int64_t>(st.st_ino),
                              static_cast<int64_t>(st.st_dev),
                              static_cast<int64_t>(st.st_nlink),
                              static_cast<int64_t>(st.st_uid),
                              static_cast<int64_t>(st.st_gid),
                              static_cast<int64_t>(st.st_size),
                              ns(st.st_atim),
                              ns(st.st_mtim),
                              ns(st.st_ctim),
                              static_cast<int64_t>(st.st_blksize),
                              static_cast<int64_t>(st.st_blocks),
                              static_cast<int64_t>(st.st_rdev)};
    constexpr size_t count = sizeof fields / sizeof fields[0];
    Ref<Object> result = tuple_new(vm, count);
    if (!result)
        return nullptr;
    for (size_t i = 0; i < count; ++i) {
        Ref<Object> item = int_from_i64(vm, fields[i]);
        if (!item)
            return nullptr;
        tuple_items(result.get())[i] = item.release();
    }
    return result;
}

Ref<Object> stat_call(VM& vm, const char* name, Object* arg, bool follow) {
    struct stat st {};
    int result = 0;
    if (is_int(arg)) {
        int64_t fd = 0;
        if (!is_ok(int_argument(vm, arg, fd)))
            return nullptr;
        result = ::fstat(static_cast<int>(fd), &st);
    } else {
        std::string path;
        if (!is_ok(path_argument(vm, name, arg, path, nullptr,
                                 "string, bytes, os.PathLike or integer")))
            return nullptr;
        result = follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
    }
    if (result != 0)
        return raise_errno(vm, errno, arg);
    return stat_tuple(vm, st);
}

Ref<Object> os_stat_raw(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "stat", nargs, 2, 2)))
        return nullptr;
    int truth = object_is_true(vm, args[1]);
    if (truth < 0)
        return nullptr;
    return stat_call(vm, "stat", args[0], truth == 1);
}

Ref<Object> os_readlink(VM& vm, Object*, Args args, size_t, Object*) {
    std::string path;
    bool as_bytes = false;
    if (!is_ok(path_argument(vm, "readlink", args[0], path, &as_bytes)))
        return nullptr;
    std::string buffer(4096, '\0');
    ssize_t length = ::readlink(path.c_str(), buffer.data(), buffer.size());
    if (length < 0)
        return raise_errno(vm, errno, args[0]);
    buffer.resize(static_cast<size_t>(length));
    return text_result(vm, buffer, as_bytes);
}

Ref<Object> os_symlink(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "symlink", nargs, 2, 2)))
        return nullptr;
    std::string source, target;
    if (!is_ok(path_argument(vm, "symlink", args[0], source)) ||
        !is_ok(path_argument(vm, "symlink", args[1], target)))
        return nullptr;
    if (::symlink(source.c_str(), target.c_str()) != 0)
        return raise_errno(vm, errno, args[0], args[1]);
    return vm.new_none();
}

Ref<Object> os_access(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "access", nargs, 2, 2)))
        return nullptr;
    std::string path;
    int64_t mode = 0;
    if (!is_ok(path_argument(vm, "access", args[0], path)) ||
        !is_ok(int_argument(vm, args[1], mode)))
        return nullptr;
    return vm.new_bool(::access(path.c_str(), static_cast<int>(mode)) == 0);
}

Ref<Object> os_chmod(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "chmod", nargs, 2, 2)))
        return nullptr;
    std::string path;
    int64_t mode = 0;
    if (!is_ok(path_argument(vm, "chmod", args[0], path)) ||
        !is_ok(int_argument(vm, args[1], mode)))
        return nullptr;
    if (::chmod(path.c_str(), static_cast<mode_t>(mode)) != 0)
        return raise_errno(vm, errno, args[0]);
    return vm.new_none();
}

Ref<Object> os_umask(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t mask = 0;
    if (!is_ok(int_argument(vm, args[0], mask)))
        return nullptr;
    return int_from_i64(vm, ::umask(static_cast<mode_t>(mask)));
}

// ====== Descriptors

Ref<Object> os_open(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_keywords(vm, "open", kwnames, {"mode", "dir_fd"})))
        return nullptr;
    if (nargs < 2)
        return raise_type_error(vm, "open() missing required argument 'flags' (pos 2)");
    Object* mode_arg = nargs > 2 ? args[2] : keyword_argument(args, nargs, kwnames, "mode");
    std::string path;
    int64_t flags = 0, mode = 0777;
    if (!is_ok(path_argument(vm, "open", args[0], path)) ||
        !is_ok(int_argument(vm, args[1], flags)) ||
        (mode_arg && !is_ok(int_argument(vm, mode_arg, mode))))
        return nullptr;
    int fd = 0;
    do {
        fd = ::open(path.c_str(), static_cast<int>(flags) | O_CLOEXEC, static_cast<mode_t>(mode));
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return raise_errno(vm, errno, args[0]);
    return int_from_i64(vm, fd);
}

Ref<Object> os_close(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t fd = 0;
    if (!is_ok(int_argument(vm, args[0], fd)))
        return nullptr;
    if (::close(static_cast<int>(fd)) != 0)
        return raise_errno(vm, errno);
    return vm.new_none();
}

// read(fd, n), with the GIL released while it blocks.
Ref<Object> os_read(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "read", nargs, 2, 2)))
        return nullptr;
    int64_t fd = 0;
    if (!is_ok(int_argument(vm, args[0], fd)))
        return nullptr;
    if (!is_int(args[1]))
        return raise_type_error(vm, "'", args[1]->type->name,
                                "' object cannot be interpreted as an integer");
    intptr_t size = 0;
    if (!is_ok(int_to_ssize(vm, args[1], size)))
        return nullptr;
    if (size < 0)
        return raise_errno(vm, EINVAL);
    std::string buffer(static_cast<size_t>(size), '\0');
    ssize_t got = 0;
    int error = 0;
    do {
        ReleaseGil unlocked(vm);
        got = ::read(static_cast<int>(fd), buffer.data(), buffer.size());
        error = got < 0 ? errno : 0;
    } while (got < 0 && error == EINTR);
    if (got < 0)
        return raise_errno(vm, error);
    buffer.resize(static_cast<size_t>(got));
    return bytes_new(vm, buffer);
}

// write(fd, data), with the GIL released while it blocks (bytes are immutable: `data` stays).
Ref<Object> os_write(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "write", nargs, 2, 2)))
        return nullptr;
    int64_t fd = 0;
    if (!is_ok(int_argument(vm, args[0], fd)))
        return nullptr;
    if (!is_bytes(args[1]))
        return raise_type_error(vm, "a bytes-like object is required, not '", args[1]->type->name,
                                "'");
    std::string_view data = bytes_view(args[1]);
    ssize_t written = 0;
    int error = 0;
    do {
        ReleaseGil unlocked(vm);
        written = ::write(static_cast<int>(fd), data.data(), data.size());
        error = written < 0 ? errno : 0;
    } while (written < 0 && error == EINTR);
    if (written < 0)
        return raise_errno(vm, error);
    return int_from_i64(vm, written);
}

Ref<Object> os_pipe(VM& vm, Object*, Args, size_t, Object*) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return raise_errno(vm, errno);
    Ref<Object> read_end = int_from_i64(vm, fds[0]);
    Ref<Object> write_end = int_from_i64(vm, fds[1]);
    if (!read_end || !write_end)
        return nullptr;
    return tuple_pack(vm, {read_end.get(), write_end.get()});
}

Ref<Object> os_dup(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t fd = 0;
    if (!is_ok(int_argument(vm, args[0], fd)))
        return nullptr;
    int result = ::fcntl(static_cast<int>(fd), F_DUPFD_CLOEXEC, 0);
    if (result < 0)
        return raise_errno(vm, errno);
    return int_from_i64(vm, result);
}

Ref<Object> os_dup2(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "dup2", nargs, 2, 3)))
        return nullptr;
    int64_t fd = 0, fd2 = 0;
    if (!is_ok(int_argument(vm, args[0], fd)) || !is_ok(int_argument(vm, args[1], fd2)))
        return nullptr;
    if (::dup2(static_cast<int>(fd), static_cast<int>(fd2)) < 0)
        return raise_errno(vm, errno);
    return int_from_i64(vm, fd2);
}

Ref<Object> os_isatty(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t fd = 0;
    if (!is_ok(int_argument(vm, args[0], fd)))
        return nullptr;
    return vm.new_bool(::isatty(static_cast<int>(fd)) == 1);
}

// ====== Processes

Ref<Object> int_call(VM& vm, int64_t value) {
    return int_from_i64(vm, value);
}
Ref<Object> os_getpid(VM& vm, Object*, Args, size_t, Object*) {
    return int_call(vm, ::getpid());
}
Ref<Object> os_getppid(VM& vm, Object*, Args, size_t, Object*) {
    return int_call(vm, ::getppid());
}
Ref<Object> os_getuid(VM& vm, Object*, Args, size_t, Object*) {
    return int_call(vm, ::getuid());
}
Ref<Object> os_geteuid(VM& vm, Object*, Args, size_t, Object*) {
    return int_call(vm, ::geteuid());
}
Ref<Object> os_getgid(VM& vm, Object*, Args, size_t, Object*) {
    return int_call(vm, ::getgid());
}
Ref<Object> os_getegid(VM& vm, Object*, Args, size_t, Object*) {
    return int_call(vm, ::getegid());
}
Ref<Object> os_getpgrp(VM& vm, Object*, Args, size_t, Object*) {
    return int_call(vm, ::getpgrp());
}
Ref<Object> os_getpgid(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t pid = 0;
    if (!is_ok(pid_argument(vm, args[0], pid)))
        return nullptr;
    pid_t group = ::getpgid(static_cast<pid_t>(pid));
    if (group < 0)
        return raise_errno(vm, errno);
    return int_call(vm, group);
}

Ref<Object> os_cpu_count(VM& vm, Object*, Args, size_t, Object*) {
    long count = ::sysconf(_SC_NPROCESSORS_ONLN);
    if (count < 1)
        return vm.new_none();
    return int_call(vm, count);
}

// Flushes sys.stdout and sys.stderr (when the sys module is loaded) and C stdio; errors ignored,
// as a flush before fork must not stop the fork.
void flush_standard_streams(VM& vm) {
    Runtime& rt = runtime_of(vm);
    Ref<Object> sys_name = intern(vm, "sys");
    Object* sys = nullptr;
    if (sys_name && dict_lookup(vm, rt.modules(), sys_name.get(), &sys) > 0 && sys) {
        for (const char* stream : {"stdout", "stderr"}) {
            Ref<Object> name = intern(vm, stream);
            Ref<Object> file = name ? get_attr_optional(vm, sys, name.get()) : nullptr;
            if (file && file.get() != vm.none()) {
                Ref<Object> result = call_method_name(vm, file.get(), rt.names().flush, nullptr, 0);
            }
            vm.thread_state().clear_exception();
        }
    }
    std::fflush(nullptr);
}

Ref<Object> os_fork(VM& vm, Object*, Args, size_t, Object*) {
    flush_standard_streams(vm);
    pid_t pid = ::fork();
    if (pid < 0)
        return raise_errno(vm, errno);
    if (pid == 0) // the child has only this thread: the GIL is made anew for it (vm/gil.h)
        vm.gil().reinit_after_fork(vm.thread_state());
    return int_call(vm, pid);
}

Ref<Object> os__exit(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t status = 0;
    if (!is_ok(int_argument(vm, args[0], status)))
        return nullptr;
    ::_exit(static_cast<int>(status));
}

Ref<Object> pid_status(VM& vm, pid_t pid, int status) {
    Ref<Object> first = int_call(vm, pid);
    Ref<Object> second = int_call(vm, status);
    if (!first || !second)
        return nullptr;
    return tuple_pack(vm, {first.get(), second.get()});
}

// waitpid(pid, options), with the GIL released while it waits.
Ref<Object> os_waitpid(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "waitpid", nargs, 2, 2)))
        return nullptr;
    int64_t pid = 0, options = 0;
    if (!is_ok(pid_argument(vm, args[0], pid)) || !is_ok(int_argument(vm, args[1], options)))
        return nullptr;
    int status = 0;
    pid_t result = 0;
    int error = 0;
    do {
        ReleaseGil unlocked(vm);
        result = ::waitpid(static_cast<pid_t>(pid), &status, static_cast<int>(options));
        error = result < 0 ? errno : 0;
    } while (result < 0 && error == EINTR);
    if (result < 0)
        return raise_errno(vm, error);
    return pid_status(vm, result, status);
}

Ref<Object> os_wait(VM& vm, Object*, Args, size_t, Object*) {
    int status = 0;
    pid_t result = 0;
    int error = 0;
    do {
        ReleaseGil unlocked(vm);
        result = ::wait(&status);
        error = result < 0 ? errno : 0;
    } while (result < 0 && error == EINTR);
    if (result < 0)
        return raise_errno(vm, error);
    return pid_status(vm, result, status);
}

Ref<Object> os_kill(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "kill", nargs, 2, 2)))
        return nullptr;
    int64_t pid = 0, sig = 0;
    if (!is_ok(pid_argument(vm, args[0], pid)) || !is_ok(int_argument(vm, args[1], sig)))
        return nullptr;
    if (::kill(static_cast<pid_t>(pid), static_cast<int>(sig)) != 0)
        return raise_errno(vm, errno);
    return vm.new_none();
}

Ref<Object> os_system(VM& vm, Object*, Args args, size_t, Object*) {
    std::string command;
    if (!is_ok(path_argument(vm, "system", args[0], command)))
        return nullptr;
    flush_standard_streams(vm);
    int status = 0;
    {
        ReleaseGil unlocked(vm);
        status = std::system(command.c_str());
    }
    return int_call(vm, status);
}

// The W* status macros.
template <int (*Macro)(int)> Ref<Object> status_macro(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t status = 0;
    if (!is_ok(int_argument(vm, args[0], status)))
        return nullptr;
    return int_call(vm, Macro(static_cast<int>(status)));
}
template <int (*Macro)(int)> Ref<Object> status_test(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t status = 0;
    if (!is_ok(int_argument(vm, args[0], status)))
        return nullptr;
    return vm.new_bool(Macro(static_cast<int>(status)) != 0);
}
int w_exitstatus(int s) {
    return WEXITSTATUS(s);
}
int w_termsig(int s) {
    return WTERMSIG(s);
}
int w_stopsig(int s) {
    return WSTOPSIG(s);
}
int w_ifexited(int s) {
    return WIFEXITED(s);
}
int w_ifsignaled(int s) {
    return WIFSIGNALED(s);
}
int w_ifstopped(int s) {
    return WIFSTOPPED(s);
}
int w_ifcontinued(int s) {
    return WIFCONTINUED(s);
}
int w_coredump(int s) {
    return WCOREDUMP(s);
}

Ref<Object> os_waitstatus_to_exitcode(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t status = 0;
    if (!is_ok(int_argument(vm, args[0], status)))
        return nullptr;
    int s = static_cast<int>(status);
    if (WIFEXITED(s))
        return int_call(vm, WEXITSTATUS(s));
    if (WIFSIGNALED(s))
        return int_call(vm, -WTERMSIG(s));
    return raise_value_error(vm, "invalid wait status: ", status);
}

// ====== Environment and misc

Ref<Object> os_putenv(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "putenv", nargs, 2, 2)))
        return nullptr;
    std::string key, value;
    if (!is_ok(path_argument(vm, "putenv", args[0], key)) ||
        !is_ok(path_argument(vm, "putenv", args[1], value)))
        return nullptr;
    if (key.find('=') != std::string::npos)
        return raise_value_error(vm, "illegal environment variable name");
    if (::setenv(key.c_str(), value.c_str(), 1) != 0)
        return raise_errno(vm, errno);
    return vm.new_none();
}

Ref<Object> os_unsetenv(VM& vm, Object*, Args args, size_t, Object*) {
    std::string key;
    if (!is_ok(path_argument(vm, "unsetenv", args[0], key)))
        return nullptr;
    if (key.find('=') != std::string::npos)
        return raise_value_error(vm, "illegal environment variable name");
    if (::unsetenv(key.c_str()) != 0)
        return raise_errno(vm, errno);
    return vm.new_none();
}

// The process environment as a dict of str (read once at import, as CPython's os.environ).
Ref<Object> environ_dict(VM& vm) {
    Ref<Object> result = dict_new(vm);
    for (char** entry = ::environ; result && entry && *entry; ++entry) {
        std::string_view text = *entry;
        size_t equals = text.find('=', 1);
        if (equals == std::string_view::npos)
            continue;
        Ref<Object> key = str_from_utf8(vm, text.substr(0, equals));
        Ref<Object> value = str_from_utf8(vm, text.substr(equals + 1));
        if (!key || !value) {
            vm.thread_state().clear_exception(); // undecodable entries are skipped
            continue;
        }
        if (!is_ok(dict_setitem(vm, result.get(), key.get(), value.get())))
            return nullptr;
    }
    return result;
}

Ref<Object> os_strerror(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t code = 0;
    if (!is_ok(int_argument(vm, args[0], code)))
        return nullptr;
    return str_from_utf8(vm, std::strerror(static_cast<int>(code)));
}

Ref<Object> os_urandom(VM& vm, Object*, Args args, size_t, Object*) {
    if (!is_int(args[0]))
        return raise_type_error(vm, "'", args[0]->type->name,
                                "' object cannot be interpreted as an integer");
    intptr_t size = 0;
    if (!is_ok(int_to_ssize(vm, args[0], size)))
        return nullptr;
    if (size < 0)
        return raise_value_error(vm, "negative argument not allowed");
    std::string data(static_cast<size_t>(size), '\0');
    if (size > 0) {
        int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return raise_errno(vm, errno);
        size_t done = 0;
        while (done < data.size()) {
            ssize_t got = ::read(fd, data.data() + done, data.size() - done);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                int error = got < 0 ? errno : EIO;
                ::close(fd);
                return raise_errno(vm, error);
            }
            done += static_cast<size_t>(got);
        }
        ::close(fd);
    }
    return bytes_new(vm, data);
}

// ====== More descriptors, files and process calls

Ref<Object> os_lseek(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "lseek", nargs, 3, 3)))
        return nullptr;
    int64_t fd = 0, how = 0;
    if (!is_ok(int_argument(vm, args[0], fd)) || !is_ok(int_argument(vm, args[2], how)))
        return nullptr;
    if (!is_int(args[1]))
        return raise_type_error(vm, "'", args[1]->type->name,
                                "' object cannot be interpreted as an integer");
    int64_t position = 0;
    if (!int_to_i64(args[1], position))
        return raise_overflow_error(vm, "Python int too large to convert to C long");
    off_t result =
        ::lseek(static_cast<int>(fd), static_cast<off_t>(position), static_cast<int>(how));
    if (result < 0)
        return raise_errno(vm, errno);
    return int_from_i64(vm, result);
}

Ref<Object> os_fsync(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t fd = 0;
    if (is_int(args[0])) {
        if (!is_ok(int_argument(vm, args[0], fd)))
            return nullptr;
    } else {
        Ref<Object> name = intern(vm, "fileno");
        Ref<Object> number = name ? call_method_name(vm, args[0], name.get(), nullptr, 0) : nullptr;
        if (!number || !is_ok(int_argument(vm, number.get(), fd)))
            return nullptr;
    }
    if (::fsync(static_cast<int>(fd)) != 0)
        return raise_errno(vm, errno);
    return vm.new_none();
}

Ref<Object> os_truncate(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "truncate", nargs, 2, 2)))
        return nullptr;
    if (!is_int(args[1]))
        return raise_type_error(vm, "'", args[1]->type->name,
                                "' object cannot be interpreted as an integer");
    int64_t length = 0;
    if (!int_to_i64(args[1], length))
        return raise_overflow_error(vm, "Python int too large to convert to C long");
    int result = 0;
    if (is_int(args[0])) {
        int64_t fd = 0;
        if (!is_ok(int_argument(vm, args[0], fd)))
            return nullptr;
        result = ::ftruncate(static_cast<int>(fd), static_cast<off_t>(length));
    } else {
        std::string path;
        if (!is_ok(path_argument(vm, "truncate", args[0], path, nullptr,
                                 "string, bytes, os.PathLike or integer")))
            return nullptr;
        result = ::truncate(path.c_str(), static_cast<off_t>(length));
    }
    if (result != 0)
        return raise_errno(vm, errno, is_int(args[0]) ? nullptr : args[0]);
    return vm.new_none();
}

Ref<Object> os_link(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "link", nargs, 2, 2)))
        return nullptr;
    std::string source, target;
    if (!is_ok(path_argument(vm, "link", args[0], source)) ||
        !is_ok(path_argument(vm, "link", args[1], target)))
        return nullptr;
    if (::link(source.c_str(), target.c_str()) != 0)
        return raise_errno(vm, errno, args[0], args[1]);
    return vm.new_none();
}

// utime(path, times=None, *, ns=None): times is (atime, mtime) in seconds, ns in nanoseconds.
Ref<Object> os_utime(VM& vm, Object*, Args args, size_t nargs, Object* kwnames) {
    if (!is_ok(check_keywords(vm, "utime", kwnames, {"times", "ns", "follow_symlinks"})))
        return nullptr;
    if (nargs < 1)
        return raise_type_error(vm, "utime() missing required argument 'path' (pos 1)");
    Object* times = nargs > 1 ? args[1] : keyword_argument(args, nargs, kwnames, "times");
    Object* ns = keyword_argument(args, nargs, kwnames, "ns");
    std::string path;
    if (!is_ok(path_argument(vm, "utime", args[0], path)))
        return nullptr;
    timespec stamps[2];
    timespec* use = nullptr;
    if (times && times != vm.none()) {
        if (ns)
            return raise_value_error(vm,
                                     "utime: you may specify either 'times' or 'ns' but not both");
        if (!is_tuple(times) || tuple_size(times) != 2)
            return raise_type_error(vm,
                                    "utime: 'times' must be either a tuple of two ints or None");
        for (int i = 0; i < 2; ++i) {
            Object* item = tuple_items(times)[i];
            double seconds = 0;
            if (!is_ok(number_to_double(vm, item, seconds)))
                return nullptr;
            double whole = std::floor(seconds);
            stamps[i].tv_sec = static_cast<time_t>(whole);
            stamps[i].tv_nsec = static_cast<long>((seconds - whole) * 1e9);
        }
        use = stamps;
    } else if (ns) {
        if (!is_tuple(ns) || tuple_size(ns) != 2)
            return raise_type_error(vm, "utime: 'ns' must be a tuple of two ints");
        for (int i = 0; i < 2; ++i) {
            int64_t value = 0;
            Object* item = tuple_items(ns)[i];
            if (!is_int(item) || !int_to_i64(item, value))
                return raise_type_error(vm, "utime: 'ns' must be a tuple of two ints");
            stamps[i].tv_sec = static_cast<time_t>(value / 1000000000);
            stamps[i].tv_nsec = static_cast<long>(value % 1000000000);
            if (stamps[i].tv_nsec < 0) {
                stamps[i].tv_nsec += 1000000000;
                stamps[i].tv_sec -= 1;
            }
        }
        use = stamps;
    }
    if (::utimensat(AT_FDCWD, path.c_str(), use, 0) != 0)
        return raise_errno(vm, errno); // CPython names no file here
    return vm.new_none();
}

// uname(): the five strings, wrapped into uname_result by the Python half.
Ref<Object> os_uname_raw(VM& vm, Object*, Args, size_t, Object*) {
    struct utsname names {};
    if (::uname(&names) != 0)
        return raise_errno(vm, errno);
    const char* fields[] = {names.sysname, names.nodename, names.release, names.version,
                            names.machine};
    Ref<Object> result = tuple_new(vm, 5);
    if (!result)
        return nullptr;
    for (size_t i = 0; i < 5; ++i) {
        Ref<Object> text = str_from_utf8(vm, fields[i]);
        if (!text)
            return nullptr;
        tuple_items(result.get())[i] = text.release();
    }
    return result;
}

// times(): user, system, children_user, children_system, elapsed (seconds).
Ref<Object> os_times_raw(VM& vm, Object*, Args, size_t, Object*) {
    struct tms buffer {};
    clock_t elapsed = ::times(&buffer);
    if (elapsed == static_cast<clock_t>(-1))
        return raise_errno(vm, errno);
    double ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
    const double values[] = {static_cast<double>(buffer.tms_utime) / ticks,
                             static_cast<double>(buffer.tms_stime) / ticks,
                             static_cast<double>(buffer.tms_cutime) / ticks,
                             static_cast<double>(buffer.tms_cstime) / ticks,
                             static_cast<double>(elapsed) / ticks};
    Ref<Object> result = tuple_new(vm, 5);
    if (!result)
        return nullptr;
    for (size_t i = 0; i < 5; ++i) {
        Ref<Object> value = float_new(vm, values[i]);
        if (!value)
            return nullptr;
        tuple_items(result.get())[i] = value.release();
    }
    return result;
}

Ref<Object> os_getloadavg(VM& vm, Object*, Args, size_t, Object*) {
    double loads[3];
    if (::getloadavg(loads, 3) != 3)
        return raise_message(vm, vm.exceptions().OSError, "Load averages are unobtainable");
    Ref<Object> a = float_new(vm, loads[0]), b = float_new(vm, loads[1]),
                c = float_new(vm, loads[2]);
    if (!a || !b || !c)
        return nullptr;
    return tuple_pack(vm, {a.get(), b.get(), c.get()});
}

// get_terminal_size(fd=1) -> (columns, lines), wrapped by the Python half.
Ref<Object> os_terminal_size_raw(VM& vm, Object*, Args args, size_t nargs, Object*) {
    int64_t fd = 1;
    if (nargs > 1)
        return raise_type_error(vm, "get_terminal_size expected at most 1 argument, got ", nargs);
    if (nargs == 1 && !is_ok(int_argument(vm, args[0], fd)))
        return nullptr;
    struct winsize size {};
    if (::ioctl(static_cast<int>(fd), TIOCGWINSZ, &size) != 0)
        return raise_errno(vm, errno);
    Ref<Object> columns = int_from_i64(vm, size.ws_col);
    Ref<Object> lines = int_from_i64(vm, size.ws_row);
    if (!columns || !lines)
        return nullptr;
    return tuple_pack(vm, {columns.get(), lines.get()});
}

// A list or tuple of str/bytes as a NULL-terminated argv (strings kept in `storage`).
Status string_vector(VM& vm, const char* function, Object* sequence,
                     std::vector<std::string>& storage, std::vector<char*>& pointers) {
    if (!is_list(sequence) && !is_tuple(sequence))
        return raise_type_error(vm, function, "() arg 2 must be a tuple or list");
    Ref<Object> items =
        is_list(sequence) ? list_to_tuple(vm, sequence) : Ref<Object>::borrow(sequence);
    if (!items)
        return Status::error;
    for (intptr_t i = 0; i < tuple_size(items.get()); ++i) {
        std::string text;
        if (!is_ok(path_argument(vm, function, tuple_items(items.get())[i], text)))
            return Status::error;
        storage.push_back(std::move(text));
    }
    for (std::string& text : storage)
        pointers.push_back(text.data());
    pointers.push_back(nullptr);
    return Status::ok;
}

// execv(path, argv) and execve(path, argv, env): replace the process image; they return only
// by raising OSError.
Ref<Object> exec_call(VM& vm, const char* name, Args args, size_t nargs, bool with_env) {
    if (!is_ok(count_between(vm, name, nargs, with_env ? 3 : 2, with_env ? 3 : 2)))
        return nullptr;
    std::string path;
    std::vector<std::string> argv_storage, env_storage;
    std::vector<char*> argv, env;
    if (!is_ok(path_argument(vm, name, args[0], path)) ||
        !is_ok(string_vector(vm, name, args[1], argv_storage, argv)))
        return nullptr;
    if (argv.size() < 2)
        return raise_value_error(vm, name, "() arg 2 must not be empty");
    if (with_env) {
        if (!is_dict(args[2]))
            return raise_type_error(vm, name, "(): env must be a mapping object");
        intptr_t pos = 0;
        Object* key = nullptr;
        Object* value = nullptr;
        while (dict_next(args[2], pos, &key, &value)) {
            std::string k, v;
            if (!is_ok(path_argument(vm, name, key, k)) ||
                !is_ok(path_argument(vm, name, value, v)))
                return nullptr;
            env_storage.push_back(k + "=" + v);
        }
        for (std::string& text : env_storage)
            env.push_back(text.data());
        env.push_back(nullptr);
    }
    flush_standard_streams(vm);
    if (with_env)
        ::execve(path.c_str(), argv.data(), env.data());
    else
        ::execv(path.c_str(), argv.data());
    return raise_errno(vm, errno);
}
Ref<Object> os_execv(VM& vm, Object*, Args args, size_t nargs, Object*) {
    return exec_call(vm, "execv", args, nargs, false);
}
Ref<Object> os_execve(VM& vm, Object*, Args args, size_t nargs, Object*) {
    return exec_call(vm, "execve", args, nargs, true);
}

Ref<Object> os_killpg(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (!is_ok(count_between(vm, "killpg", nargs, 2, 2)))
        return nullptr;
    int64_t group = 0, sig = 0;
    if (!is_ok(pid_argument(vm, args[0], group)) || !is_ok(int_argument(vm, args[1], sig)))
        return nullptr;
    if (::killpg(static_cast<pid_t>(group), static_cast<int>(sig)) != 0)
        return raise_errno(vm, errno);
    return vm.new_none();
}

Ref<Object> os_setsid(VM& vm, Object*, Args, size_t, Object*) {
    if (::setsid() < 0)
        return raise_errno(vm, errno);
    return vm.new_none();
}

Ref<Object> os_getsid(VM& vm, Object*, Args args, size_t, Object*) {
    int64_t pid = 0;
    if (!is_ok(pid_argument(vm, args[0], pid)))
        return nullptr;
    pid_t result = ::getsid(static_cast<pid_t>(pid));
    if (result < 0)
        return raise_errno(vm, errno);
    return int_call(vm, result);
}

constexpr MethodDef functions[] = {
    {"getcwd", os_getcwd, MethodKind::noargs, nullptr},
    {"getcwdb", os_getcwdb, MethodKind::noargs, nullptr},
    {"chdir", os_chdir, MethodKind::o, nullptr},
    {"rmdir", os_rmdir, MethodKind::o, nullptr},
    {"remove", os_remove, MethodKind::o, nullptr},
    {"unlink", os_unlink, MethodKind::o, nullptr},
    {"mkdir", os_mkdir, MethodKind::fastcall_keywords, nullptr},
    {"rename", os_rename, MethodKind::fastcall, nullptr},
    {"replace", os_replace, MethodKind::fastcall, nullptr},
    {"listdir", os_listdir, MethodKind::fastcall, nullptr},
    {"_stat", os_stat_raw, MethodKind::fastcall, nullptr},
    {"readlink", os_readlink, MethodKind::o, nullptr},
    {"symlink", os_symlink, MethodKind::fastcall, nullptr},
    {"access", os_access, MethodKind::fastcall, nullptr},
    {"chmod", os_chmod, MethodKind::fastcall, nullptr},
    {"umask", os_umask, MethodKind::o, nullptr},
    {"open", os_open, MethodKind::fastcall_keywords, nullptr},
    {"close", os_close, MethodKind::o, nullptr},
    {"read", os_read, MethodKind::fastcall, nullptr},
    {"write", os_write, MethodKind::fastcall, nullptr},
    {"pipe", os_pipe, MethodKind::noargs, nullptr},
    {"dup", os_dup, MethodKind::o, nullptr},
    {"dup2", os_dup2, MethodKind::fastcall, nullptr},
    {"isatty", os_isatty, MethodKind::o, nullptr},
    {"getpid", os_getpid, MethodKind::noargs, nullptr},
    {"getppid", os_getppid, MethodKind::noargs, nullptr},
    {"getuid", os_getuid, MethodKind::noargs, nullptr},
    {"geteuid", os_geteuid, MethodKind::noargs, nullptr},
    {"getgid", os_getgid, MethodKind::noargs, nullptr},
    {"getegid", os_getegid, MethodKind::noargs, nullptr},
    {"getpgrp", os_getpgrp, MethodKind::noargs, nullptr},
    {"getpgid", os_getpgid, MethodKind::o, nullptr},
    {"cpu_count", os_cpu_count, MethodKind::noargs, nullptr},
    {"fork", os_fork, MethodKind::noargs, nullptr},
    {"_exit", os__exit, MethodKind::o, nullptr},
    {"waitpid", os_waitpid, MethodKind::fastcall, nullptr},
    {"wait", os_wait, MethodKind::noargs, nullptr},
    {"kill", os_kill, MethodKind::fastcall, nullptr},
    {"system", os_system, MethodKind::o, nullptr},
    {"WEXITSTATUS", status_macro<w_exitstatus>, MethodKind::o, nullptr},
    {"WTERMSIG", status_macro<w_termsig>, MethodKind::o, nullptr},
    {"WSTOPSIG", status_macro<w_stopsig>, MethodKind::o, nullptr},
    {"WIFEXITED", status_test<w_ifexited>, MethodKind::o, nullptr},
    {"WIFSIGNALED", status_test<w_ifsignaled>, MethodKind::o, nullptr},
    {"WIFSTOPPED", status_test<w_ifstopped>, MethodKind::o, nullptr},
    {"WIFCONTINUED", status_test<w_ifcontinued>, MethodKind::o, nullptr},
    {"WCOREDUMP", status_test<w_coredump>, MethodKind::o, nullptr},
    {"waitstatus_to_exitcode", os_waitstatus_to_exitcode, MethodKind::o, nullptr},
    {"putenv", os_putenv, MethodKind::fastcall, nullptr},
    {"unsetenv", os_unsetenv, MethodKind::o, nullptr},
    {"strerror", os_strerror, MethodKind::o, nullptr},
    {"urandom", os_urandom, MethodKind::o, nullptr},
    {"lseek", os_lseek, MethodKind::fastcall, nullptr},
    {"fsync", os_fsync, MethodKind::o, nullptr},
    {"truncate", os_truncate, MethodKind::fastcall, nullptr},
    {"ftruncate", os_truncate, MethodKind::fastcall, nullptr},
    {"link", os_link, MethodKind::fastcall, nullptr},
    {"utime", os_utime, MethodKind::fastcall_keywords, nullptr},
    {"_uname", os_uname_raw, MethodKind::noargs, nullptr},
    {"_times", os_times_raw, MethodKind::noargs, nullptr},
    {"getloadavg", os_getloadavg, MethodKind::noargs, nullptr},
    {"_terminal_size", os_terminal_size_raw, MethodKind::fastcall, nullptr},
    {"execv", os_execv, MethodKind::fastcall, nullptr},
    {"execve", os_execve, MethodKind::fastcall, nullptr},
    {"killpg", os_killpg, MethodKind::fastcall, nullptr},
    {"setsid", os_setsid, MethodKind::noargs, nullptr},
    {"getsid", os_getsid, MethodKind::o, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

constexpr std::pair<const char*, int64_t> int_constants[] = {
    {"O_RDONLY", O_RDONLY},
    {"O_WRONLY", O_WRONLY},
    {"O_RDWR", O_RDWR},
    {"O_CREAT", O_CREAT},
    {"O_EXCL", O_EXCL},
    {"O_TRUNC", O_TRUNC},
    {"O_APPEND", O_APPEND},
    {"O_NONBLOCK", O_NONBLOCK},
    {"O_CLOEXEC", O_CLOEXEC},
    {"O_NOCTTY", O_NOCTTY},
    {"O_SYNC", O_SYNC},
    {"O_DIRECTORY", O_DIRECTORY},
    {"F_OK", F_OK},
    {"R_OK", R_OK},
    {"W_OK", W_OK},
    {"X_OK", X_OK},
    {"WNOHANG", WNOHANG},
    {"WUNTRACED", WUNTRACED},
    {"WCONTINUED", WCONTINUED},
    {"SEEK_SET", SEEK_SET},
    {"SEEK_CUR", SEEK_CUR},
    {"SEEK_END", SEEK_END},
    {"EX_OK", 0},
};

} // namespace

bool init_os_module(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    if (!add_functions(rt, module, functions))
        return false;
    for (const auto& [name, value] : int_constants) {
        Ref<Object> object = int_from_i64(vm, value);
        if (!object || !add_object(rt, module, name, object.get()))
            return false;
    }
    Ref<Object> environ_data = environ_dict(vm);
    if (!environ_data || !add_object(rt, module, "_environ_data", environ_data.get()) ||
        !add_object(rt, module, "error", vm.exceptions().OSError))
        return false;
    // os.path: the posixpath module, also known as os.path in sys.modules.
    Ref<Object> path_name = intern(vm, "posixpath");
    Object* existing = nullptr;
    if (!path_name || dict_lookup(vm, rt.modules(), path_name.get(), &existing) < 0)
        return false;
    Ref<Object> path_module =
        existing ? Ref<Object>::borrow(existing) : import_builtin_module(rt, "posixpath");
    Ref<Object> dotted = str_from_utf8(vm, "os.path");
    if (!path_module || !dotted || !add_object(rt, module, "path", path_module.get()) ||
        !is_ok(dict_setitem(vm, rt.modules(), dotted.get(), path_module.get())))
        return false;
    return exec_source(rt, os_python_source, "<frozen os>", static_cast<Module*>(module)->dict);
}

} // namespace minipy::stdlib
