// The `time` module: clocks (time, monotonic, perf_counter, process_time, thread_time and their
// _ns forms), sleep, broken-down time (gmtime, localtime, mktime) as struct_time, strftime,
// asctime, ctime, the timezone constants and get_clock_info.
//
// Invariants: no state of its own; struct_time is defined by the module's Python half and behaves
// as a 9-item sequence (indexing, unpacking, comparison with tuples), as CPython's struct sequence.
#include <sys/resource.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>

#include "stdlib/builtins_support.h"
#include "stdlib/modules.h"
#include "vm/eval_helpers.h"
#include "vm/gil.h"
#include "vm/run.h"
#include "vm/runtime.h"
#include "vm/signals.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/function.h"
#include "vm/types/int.h"
#include "vm/types/module.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace minipy::stdlib {

using namespace minipy::vm;

namespace {

using Args = Object* const*;

// ====== Clocks

int64_t clock_ns(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Ref<Object> seconds(VM& vm, int64_t ns) {
    // As CPython's _PyTime_AsSecondsDouble: a division, so the float is the same to the last bit.
    return float_new(vm, static_cast<double>(ns) / 1e9);
}

#define MINIPY_CLOCK(name, clock)                                                                  \
    Ref<Object> time_##name(VM& vm, Object*, Args, size_t, Object*) {                              \
        return seconds(vm, clock_ns(clock));                                                       \
    }                                                                                              \
    Ref<Object> time_##name##_ns(VM& vm, Object*, Args, size_t, Object*) {                         \
        return int_from_i64(vm, clock_ns(clock));                                                  \
    }
MINIPY_CLOCK(time, CLOCK_REALTIME)
MINIPY_CLOCK(monotonic, CLOCK_MONOTONIC)
MINIPY_CLOCK(perf_counter, CLOCK_MONOTONIC)
MINIPY_CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)
MINIPY_CLOCK(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef MINIPY_CLOCK

// A float or int argument as seconds. Raises TypeError "'str' object cannot be interpreted as an
// integer" as CPython's _PyTime_FromSecondsObject does.
Status seconds_argument(VM& vm, Object* arg, double& out) {
    if (is_float(arg)) {
        out = float_value(arg);
        if (std::isnan(out))
            return raise_value_error(vm, "Invalid value NaN (not a number)");
        return Status::ok;
    }
    if (is_int(arg))
        return number_to_double(vm, arg, out);
    return raise_type_error(vm, "'", arg->type->name,
                            "' object cannot be interpreted as an integer");
}

// sleep(secs): the GIL is released while the thread sleeps, so other threads run.
Ref<Object> time_sleep(VM& vm, Object*, Args args, size_t, Object*) {
    double secs = 0;
    if (!is_ok(seconds_argument(vm, args[0], secs)))
        return nullptr;
    if (secs < 0)
        return raise_value_error(vm, "sleep length must be non-negative");
    if (secs > 9.2e9)
        return raise_overflow_error(vm, "timestamp out of range for platform time_t");
    timespec request{};
    request.tv_sec = static_cast<time_t>(secs);
    request.tv_nsec = static_cast<long>((secs - static_cast<double>(request.tv_sec)) * 1e9);
    timespec remaining{};
    // PEP 475: a signal runs its Python handler (which may raise), then the sleep resumes.
    for (;;) {
        int error = 0;
        {
            ReleaseGil unlocked(vm);
            error = nanosleep(&request, &remaining) != 0 ? errno : 0;
        }
        if (error != EINTR)
            break;
        if (signals_pending() && !is_ok(vm.handle_pending_signals()))
            return nullptr;
        request = remaining;
    }
    return vm.new_none();
}

// ====== Broken-down time

// The struct_time class of the module (borrowed from the module dict), or null with an exception.
Object* struct_time_class(VM& vm, Object* module_dict, const char* name) {
    Ref<Object> key = intern(vm, name);
    Object* value = nullptr;
    if (!key || dict_lookup(vm, module_dict, key.get(), &value) < 0)
        return nullptr;
    if (!value) {
        (void)raise_runtime_error(vm, "time.struct_time is missing");
        return nullptr;
    }
    return value;
}

Ref<Object> make_struct_time(VM& vm, const std::tm& tm, bool utc) {
    Runtime& rt = runtime_of(vm);
    Ref<Object> name = intern(vm, "time");
    Object* module = nullptr;
    if (!name || dict_lookup(vm, rt.modules(), name.get(), &module) < 0)
        return nullptr;
    if (!module)
        return raise_runtime_error(vm, "time module is not loaded");
    Object* cls = struct_time_class(vm, static_cast<Module*>(module)->dict, "struct_time");
    if (!cls)
        return nullptr;
    int wday = (tm.tm_wday + 6) % 7; // Python counts from Monday
    const int64_t fields[9] = {tm.tm_year + 1900LL, tm.tm_mon + 1LL, tm.tm_mday, tm.tm_hour,
                               tm.tm_min,           tm.tm_sec,       wday,       tm.tm_yday + 1LL,
                               tm.tm_isdst};
    Ref<Object> values = tuple_new(vm, 11);
    if (!values)
        return nullptr;
    for (size_t i = 0; i < 9; ++i) {
        Ref<Object> item = int_from_i64(vm, fields[i]);
        if (!item)
            return nullptr;
        tuple_items(values.get())[i] = item.release();
    }
    Ref<Object> zone = str_from_utf8(vm, tm.tm_zone ? tm.tm_zone : (utc ? "GMT" : ""));
    Ref<Object> offset = int_from_i64(vm, utc ? 0 : tm.tm_gmtoff);
    if (!zone || !offset)
        return nullptr;
    tuple_items(values.get())[9] = zone.release();
    tuple_items(values.get())[10] = offset.release();
    Object* arg = values.get();
    return call_object(vm, cls, &arg, 1);
}

// The optional seconds argument of gmtime/localtime/ctime as a time_t (now when absent or None).
Status time_t_argument(VM& vm, Args args, size_t nargs, std::time_t& out) {
    if (nargs == 0 || args[0] == vm.none()) {
        out = std::time(nullptr);
        return Status::ok;
    }
    double secs = 0;
    if (!is_ok(seconds_argument(vm, args[0], secs)))
        return Status::error;
    double whole = std::floor(secs);
    if (std::fabs(whole) > 6.7e16)
        return raise_overflow_error(vm, "timestamp out of range for platform time_t");
    out = static_cast<std::time_t>(whole);
    return Status::ok;
}

Status check_at_most(VM& vm, const char* name, size_t nargs, size_t most) {
    if (nargs > most)
        return raise_type_error(vm, name, " expected at most ", most, " argument",
                                most == 1 ? "" : "s", ", got ", nargs);
    return Status::ok;
}

Ref<Object> time_gmtime(VM& vm, Object*, Args args, size_t nargs, Object*) {
    std::time_t when = 0;
    if (!is_ok(check_at_most(vm, "gmtime", nargs, 1)) ||
        !is_ok(time_t_argument(vm, args, nargs, when)))
        return nullptr;
    std::tm tm{};
    if (!gmtime_r(&when, &tm))
        return raise_overflow_error(vm, "timestamp out of range for platform time_t");
    return make_struct_time(vm, tm, true);
}

Ref<Object> time_localtime(VM& vm, Object*, Args args, size_t nargs, Object*) {
    std::time_t when = 0;
    if (!is_ok(check_at_most(vm, "localtime", nargs, 1)) ||
        !is_ok(time_t_argument(vm, args, nargs, when)))
        return nullptr;
    std::tm tm{};
    if (!localtime_r(&when, &tm))
        return raise_overflow_error(vm, "timestamp out of range for platform time_t");
    return make_struct_time(vm, tm, false);
}

// A struct_time or 9-tuple to a struct tm (CPython's gettmarg). Raises TypeError
// "Tuple or struct_time argument required", OverflowError.
Status tm_argument(VM& vm, const char* function, Object* arg, std::tm& tm) {
    // A struct_time keeps its nine fields in the tuple `_items`.
    Ref<Object> items;
    if (!is_tuple(arg) && std::string_view(arg->type->name) == "struct_time") {
        Ref<Object> key = intern(vm, "_items");
        if (!key)
            return Status::error;
        items = get_attr_optional(vm, arg, key.get());
        if (!items && vm.thread_state().has_exception())
            return Status::error;
        if (items && is_tuple(items.get()))
            arg = items.get();
    }
    if (!is_tuple(arg))
        return raise_type_error(vm, "Tuple or struct_time argument required");
    if (tuple_size(arg) != 9)
        return raise_type_error(vm, function, "(): illegal time tuple argument");
    int64_t v[9];
    for (size_t i = 0; i < 9; ++i) {
        Object* item = tuple_items(arg)[i];
        if (!is_int(item))
            return raise_type_error(vm, "'", item->type->name,
                                    "' object cannot be interpreted as an integer");
        if (!int_to_i64(item, v[i]) || v[i] > INT32_MAX || v[i] < INT32_MIN)
            return raise_overflow_error(vm, "Python int too large to convert to C int");
    }
    tm = std::tm{};
    tm.tm_year = static_cast<int>(v[0] - 1900);
    tm.tm_mon = static_cast<int>(v[1] - 1);
    tm.tm_mday = static_cast<int>(v[2]);
    tm.tm_hour = static_cast<int>(v[3]);
    tm.tm_min = static_cast<int>(v[4]);
    tm.tm_sec = static_cast<int>(v[5]);
    tm.tm_wday = static_cast<int>((v[6] + 1) % 7);
    tm.tm_yday = static_cast<int>(v[7] - 1);
    tm.tm_isdst = static_cast<int>(v[8]);
    return Status::ok;
}

// The tuple form of a struct_time argument (a struct_time is a tuple subclass already).
Status current_or_given_tm(VM& vm, const char* function, Args args, size_t nargs, size_t index,
                           std::tm& tm) {
    if (nargs <= index) {
        std::time_t now = std::time(nullptr);
        localtime_r(&now, &tm);
        return Status::ok;
    }
    return tm_argument(vm, function, args[index], tm);
}

Ref<Object> time_mktime(VM& vm, Object*, Args args, size_t, Object*) {
    std::tm tm{};
    if (!is_ok(tm_argument(vm, "mktime", args[0], tm)))
        return nullptr;
    tm.tm_wday = -1; // sentinel: mktime sets it on success
    std::time_t result = std::mktime(&tm);
    if (result == static_cast<std::time_t>(-1) && tm.tm_wday == -1)
        return raise_overflow_error(vm, "mktime argument out of range");
    return float_new(vm, static_cast<double>(result));
}

// CPython's checktm and the range checks of time.strftime/asctime.
Status check_tm(VM& vm, std::tm& tm, bool for_strftime) {
    if (for_strftime) {
        if (tm.tm_mon == -1)
            tm.tm_mon = 0;
        if (tm.tm_mday == 0)
            tm.tm_mday = 1;
        if (tm.tm_yday == -1)
            tm.tm_yday = 0;
        if (tm.tm_isdst < -1)
            tm.tm_isdst = -1;
        else if (tm.tm_isdst > 1)
            tm.tm_isdst = 1;
    }
    if (tm.tm_mon < 0 || tm.tm_mon > 11)
        return raise_value_error(vm, "month out of range");
    if (tm.tm_mday < 1 || tm.tm_mday > 31)
        return raise_value_error(vm, "day of month out of range");
    if (tm.tm_hour < 0 || tm.tm_hour > 23)
        return raise_value_error(vm, "hour out of range");
    if (tm.tm_min < 0 || tm.tm_min > 59)
        return raise_value_error(vm, "minute out of range");
    if (tm.tm_sec < 0 || tm.tm_sec > 61)
        return raise_value_error(vm, "seconds out of range");
    if (tm.tm_wday < 0)
        return raise_value_error(vm, "day of week out of range");
    if (tm.tm_yday < 0 || tm.tm_yday > 365)
        return raise_value_error(vm, "day of year out of range");
    return Status::ok;
}

Ref<Object> time_strftime(VM& vm, Object*, Args args, size_t nargs, Object*) {
    if (nargs < 1 || nargs > 2)
        return raise_type_error(vm, "strftime() takes at most 2 arguments (", nargs, " given)");
    if (!is_str(args[0]))
        return raise_type_error(vm, "strftime() argument 1 must be str, not ", args[0]->type->name);
    std::tm tm{};
    if (!is_ok(current_or_given_tm(vm, "strftime", args, nargs, 1, tm)) ||
        !is_ok(check_tm(vm, tm, true)))
        return nullptr;
    std::string format = str_to_utf8(args[0]);
    if (format.empty())
        return str_from_utf8(vm, "");
    // CPython passes the tm_zone of a struct_time; the local zone name is the usual answer.
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    tm.tm_zone = local.tm_zone;
    tm.tm_gmtoff = local.tm_gmtoff;
    for (size_t size = 1024;; size *= 2) {
        std::string out(size, '\0');
        size_t written = std::strftime(out.data(), size, format.c_str(), &tm);
        if (written > 0 || size > 256 * format.size() + 4096) {
            out.resize(written);
            return str_from_utf8(vm, out);
        }
    }
}

Ref<Object> format_asctime(VM& vm, const std::tm& tm) {
    static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s %s%3d %.2d:%.2d:%.2d %d", days[tm.tm_wday % 7],
                  months[tm.tm_mon % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  1900 + tm.tm_year);
    return str_from_utf8(vm, buffer);
}

Ref<Object> time_asctime(VM& vm, Object*, Args args, size_t nargs, Object*) {
    std::tm tm{};
    if (!is_ok(check_at_most(vm, "asctime", nargs, 1)) ||
        !is_ok(current_or_given_tm(vm, "asctime", args, nargs, 0, tm)) ||
        !is_ok(check_tm(vm, tm, false)))
        return nullptr;
    return format_asctime(vm, tm);
}

Ref<Object> time_ctime(VM& vm, Object*, Args args, size_t nargs, Object*) {
    std::time_t when = 0;
    if (!is_ok(check_at_most(vm, "ctime", nargs, 1)) ||
        !is_ok(time_t_argument(vm, args, nargs, when)))
        return nullptr;
    std::tm tm{};
    if (!localtime_r(&when, &tm))
        return raise_overflow_error(vm, "timestamp out of range for platform time_t");
    return format_asctime(vm, tm);
}

// get_clock_info(name): the facts CPython reports on Linux, as a namespace object made by the
// module's Python half.
Ref<Object> time_clock_facts(VM& vm, Object*, Args args, size_t, Object*) {
    if (!is_str(args[0]))
        return raise_type_error(vm, "get_clock_info() argument 1 must be str, not ",
                                args[0]->type->name);
    std::string name = str_to_utf8(args[0]);
    const char* implementation = nullptr;
    bool monotonic = true, adjustable = false;
    clockid_t clock = CLOCK_MONOTONIC;
    if (name == "time") {
        implementation = "clock_gettime(CLOCK_REALTIME)";
        monotonic = false;
        adjustable = true;
        clock = CLOCK_REALTIME;
    } else if (name == "monotonic" || name == "perf_counter") {
        implementation = "clock_gettime(CLOCK_MONOTONIC)";
    } else if (name == "process_time") {
        implementation = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)";
        clock = CLOCK_PROCESS_CPUTIME_ID;
    } else if (name == "thread_time") {
        implementation = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)";
        clock = CLOCK_THREAD_CPUTIME_ID;
    } else {
        return raise_value_error(vm, "unknown clock");
    }
    timespec resolution{};
    clock_getres(clock, &resolution);
    double res =
        static_cast<double>(resolution.tv_sec) + static_cast<double>(resolution.tv_nsec) * 1e-9;
    Ref<Object> impl = str_from_utf8(vm, implementation);
    Ref<Object> res_object = float_new(vm, res);
    if (!impl || !res_object)
        return nullptr;
    return tuple_pack(vm, {impl.get(), vm.new_bool(monotonic).get(), vm.new_bool(adjustable).get(),
                           res_object.get()});
}

constexpr MethodDef functions[] = {
    {"time", time_time, MethodKind::noargs, nullptr},
    {"time_ns", time_time_ns, MethodKind::noargs, nullptr},
    {"monotonic", time_monotonic, MethodKind::noargs, nullptr},
    {"monotonic_ns", time_monotonic_ns, MethodKind::noargs, nullptr},
    {"perf_counter", time_perf_counter, MethodKind::noargs, nullptr},
    {"perf_counter_ns", time_perf_counter_ns, MethodKind::noargs, nullptr},
    {"process_time", time_process_time, MethodKind::noargs, nullptr},
    {"process_time_ns", time_process_time_ns, MethodKind::noargs, nullptr},
    {"thread_time", time_thread_time, MethodKind::noargs, nullptr},
    {"thread_time_ns", time_thread_time_ns, MethodKind::noargs, nullptr},
    {"sleep", time_sleep, MethodKind::o, nullptr},
    {"gmtime", time_gmtime, MethodKind::fastcall, nullptr},
    {"localtime", time_localtime, MethodKind::fastcall, nullptr},
    {"mktime", time_mktime, MethodKind::o, nullptr},
    {"strftime", time_strftime, MethodKind::fastcall, nullptr},
    {"asctime", time_asctime, MethodKind::fastcall, nullptr},
    {"ctime", time_ctime, MethodKind::fastcall, nullptr},
    {"_clock_facts", time_clock_facts, MethodKind::o, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

// struct_time (a struct sequence, stdlib/struct_seq.h: nine items plus tm_zone/tm_gmtoff) and
// get_clock_info.
constexpr std::string_view time_source = R"PYSRC(
_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
           "tm_wday", "tm_yday", "tm_isdst")


import _structseq

# CPython's struct sequence: nine tuple items, tm_zone and tm_gmtoff as attributes only.
struct_time = _structseq.make_type("time.struct_time", _FIELDS + ("tm_zone", "tm_gmtoff"), 9)
del _structseq


class _ClockInfo:
    def __init__(self, implementation, monotonic, adjustable, resolution):
        self.implementation = implementation
        self.monotonic = monotonic
        self.adjustable = adjustable
        self.resolution = resolution

    def __repr__(self):
        return ("namespace(implementation=" + repr(self.implementation) +
                ", monotonic=" + repr(self.monotonic) +
                ", adjustable=" + repr(self.adjustable) +
                ", resolution=" + repr(self.resolution) + ")")


def get_clock_info(name):
    return _ClockInfo(*_clock_facts(name))
)PYSRC";

// timezone, altzone, daylight and tzname from the zone of January and July of this year (as
// CPython's init_timezone does when tm_gmtoff is available).
bool add_timezone(Runtime& rt, Object* module) {
    VM& vm = rt.vm();
    tzset();
    std::time_t now = std::time(nullptr);
    std::tm current{};
    localtime_r(&now, &current);
    std::tm january{}, july{};
    std::tm probe{};
    probe.tm_year = current.tm_year;
    probe.tm_mday = 1;
    probe.tm_isdst = -1;
    std::time_t jan_time = std::mktime(&probe);
    probe = std::tm{};
    probe.tm_year = current.tm_year;
    probe.tm_mon = 6;
    probe.tm_mday = 1;
    probe.tm_isdst = -1;
    std::time_t jul_time = std::mktime(&probe);
    localtime_r(&jan_time, &january);
    localtime_r(&jul_time, &july);
    long jan_offset = -january.tm_gmtoff, jul_offset = -july.tm_gmtoff;
    std::string jan_name = january.tm_zone ? january.tm_zone : "";
    std::string jul_name = july.tm_zone ? july.tm_zone : "";
    long zone = jan_offset, alt = jul_offset;
    std::string std_name = jan_name, dst_name = jul_name;
    if (jan_offset < jul_offset) { // southern hemisphere: DST in January
        zone = jul_offset;
        alt = jan_offset;
        std_name = jul_name;
        dst_name = jan_name;
    }
    Ref<Object> timezone = int_from_i64(vm, zone);
    Ref<Object> altzone = int_from_i64(vm, alt);
    Ref<Object> daylight = int_from_i64(vm, jan_offset != jul_offset ? 1 : 0);
    Ref<Object> first = str_from_utf8(vm, std_name);
    Ref<Object> second = str_from_utf8(vm, dst_name);
    if (!timezone || !altzone || !daylight || !first || !second)
        return false;
    Ref<Object> tzname = tuple_pack(vm, {first.get(), second.get()});
    return tzname && add_object(rt, module, "timezone", timezone.get()) &&
           add_object(rt, module, "altzone", altzone.get()) &&
           add_object(rt, module, "daylight", daylight.get()) &&
           add_object(rt, module, "tzname", tzname.get());
}

// tzset(): re-reads TZ and recomputes timezone, altzone, daylight and tzname.
Ref<Object> time_tzset(VM& vm, Object*, Args, size_t, Object*) {
    Runtime& rt = runtime_of(vm);
    Ref<Object> name = intern(vm, "time");
    Object* module = nullptr;
    if (!name || dict_lookup(vm, rt.modules(), name.get(), &module) < 0)
        return nullptr;
    if (!module)
        return raise_runtime_error(vm, "time module is not loaded");
    if (!add_timezone(rt, module))
        return nullptr;
    return vm.new_none();
}

constexpr MethodDef late_functions[] = {
    {"tzset", time_tzset, MethodKind::noargs, nullptr},
    {nullptr, nullptr, MethodKind::noargs, nullptr},
};

} // namespace

bool init_time_module(Runtime& rt, Object* module) {
    if (!add_functions(rt, module, functions) || !add_functions(rt, module, late_functions) ||
        !add_timezone(rt, module))
        return false;
    return exec_source(rt, time_source, "<frozen time>", static_cast<Module*>(module)->dict);
}

} // namespace minipy::stdlib
