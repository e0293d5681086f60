"""Sweep of the check interval (where the interpreter has sys.setcheckinterval: minipy) and of the
switch interval: at each setting, 2 CPU-bound threads run while a thread answers pipe round trips
(whole requests). Reported per setting: the CPU-bound threads' work in cores' worth (one thread
alone at the default settings = 1: the median of three measurements, before, in the middle and
after) and the round-trip latency.

Parameters: duration=SECONDS checks=N,... switches=SECONDS,... cpu_threads=N limit=N
baseline=SECONDS.
"""
import gilwork


def main():
    params = gilwork.parse_params({"duration": 1.5, "checks": [10, 100, 1000, 10000],
                                   "switches": [0.0005, 0.005, 0.05], "cpu_threads": 2,
                                   "limit": 200000, "baseline": 0.5})
    baselines = [gilwork.baseline_rate(params["baseline"])]
    settings = []
    if gilwork.has_check_interval():
        settings += [(n, gilwork.DEFAULT_SWITCH_INTERVAL) for n in params["checks"]]
    for switch in params["switches"]:
        if not any(check in (None, gilwork.DEFAULT_CHECK_INTERVAL) and s == switch
                   for check, s in settings):
            check = gilwork.DEFAULT_CHECK_INTERVAL if gilwork.has_check_interval() else None
            settings.append((check, switch))
    points = []
    for index, (check, switch) in enumerate(settings):
        gilwork.set_intervals(check, switch)
        point = gilwork.io_under_load(params["cpu_threads"], False, params["duration"],
                                      params["limit"])
        point["check_interval"] = check
        point["switch_interval"] = switch
        points.append(point)
        if index == len(settings) // 2 - 1:
            gilwork.set_intervals(gilwork.DEFAULT_CHECK_INTERVAL, gilwork.DEFAULT_SWITCH_INTERVAL)
            baselines.append(gilwork.baseline_rate(params["baseline"]))
    gilwork.set_intervals(gilwork.DEFAULT_CHECK_INTERVAL, gilwork.DEFAULT_SWITCH_INTERVAL)
    baselines.append(gilwork.baseline_rate(params["baseline"]))
    one_core = gilwork.add_cores(points, baselines)
    gilwork.emit("sweep", params, {"one_core_rate": one_core, "baselines": baselines,
                                   "points": points,
                                   "has_check_interval": gilwork.has_check_interval()})


main()
